"""A site's city lies in another state or province than the one the site names.

Why: the registry files, maps and searches sites by state. "Xi'an, Shanxi, China" puts the
capital of Shaanxi in the neighbouring province whose name differs by one letter (a classic
confusion), so the site is missing from a search for Shaanxi and misplaced on the map.
Patients and monitors use the state to find a site; a wrong one sends them elsewhere.

How it decides, from the GeoNames gazetteer (cities of more than 15,000 people, their
alternate names and first-level divisions, shipped by the `pycities` package) and, for the
United States, the Postal Service's city names of every ZIP code (the `zipcodes` package):

- The state must be a first-level division the data knows, under its GeoNames name, its
  ISO 3166-2 name or code (pycountry) or a registry spelling of them ("Shaanxi Province",
  "Beijing Municipality", "Gyeonggi-do", "ON", "TX"). Anything else (a county, an Italian or
  Spanish province, an old French region, "Bayern" where GeoNames writes "Bavaria") is not
  judged.
- The city must be a major place of another division: the seat of a state or province, a
  national capital, or a city of a million people or more ("Xi’an", "Taiyuan", "Hyderabad",
  "Porto Alegre"). A city the data does not know is not a finding (small towns,
  transliterations), and neither is a smaller town whose name a town in the stated state may
  share without the data knowing it ("Oldenburg" in Schleswig-Holstein is Oldenburg in
  Holstein, a town of 10,000 that the gazetteer omits).
- No place in the stated division may carry the city's name, under any of its names,
  sections of cities included, nor, in the United States, any ZIP code's city names
  ("Fuzhou, Jiangxi", "Kansas City, Kansas", "Springfield" anywhere are not findings).
- The city must lie more than 50 km from every place of the stated division: a capital
  district or enclave written with the state around it ("Bogotá, Cundinamarca", "Moscow,
  Moscow Oblast", "Kuala Lumpur, Selangor", "Daegu, Gyeongsangbuk-do") or a suburb across a
  border ("Ottawa, Quebec" for Gatineau) is not a finding.
- The facility's name must not name the stated state ("Henan Provincial People's Hospital",
  "Zhenzhou", Henan: the city is misspelled, the state is right).
- Wards and districts ("Chuo-ku", "Chaoyang District") are not judged: many cities have one of
  the same name.
- A US site with a ZIP code the data knows is left to zip-state-mismatch (L211), which judges
  the state by the ZIP code; the city is then at most misspelled.

The finding is on the state, with the city as the related field, and names the division the
data puts the city in ("Xi’an is in Shaanxi, not in Shanxi").

Data: without `pycities` (install `lintrials[geo]`), the check has nothing to judge and says
so once per run on standard error; it never reports a site for missing data.

Example (fails): "Xi’an, Shanxi, China" (seed NCT07314060, entry 21): Xi'an is the capital of
Shaanxi.
Example (passes): "Xi’an, Shaanxi, China"; "Fuzhou, Jiangxi, China" (Jiangxi has a Fuzhou
too); "Bogotá, Cundinamarca, Colombia".

Options:
    max_border_distance_km (50): a city within this distance of a place of the stated state is
        not reported (capital districts, enclaves, suburbs across a border).
    min_population (1000000): a city of this population or more is a major place even if it is
        not the seat of a division.

Corpus: 23 findings, 23 correct (100%), measured with
lintrials check --select L210 --today 2026-11-22 ../shared/corpus/
(with `pycities` 0.2.0 and `zipcodes` 3.0.0 installed; plus the seed page 000 and its JSON
twin). Every finding was read against its record (facility name, postal code). Kinds: the
Shanxi/Shaanxi confusion both ways (Xi'an, Xian and Xianyang in "Shanxi" in 4 records, most
with Xi'an's postal codes 7100xx; Taiyuan in "Shaanxi" at the Shanxi Provincial Eye Hospital);
Hyderabad in "Andhra Pradesh" in 3 records registered after Telangana was formed in 2014
(GeoNames gives today's borders: a record written before June 2014 was right then); a state
from another site's line (Kolkata in "Delhi", New Delhi in "Karnataka", Chandigarh in "Uttar
Pradesh", Dresden in "Hamburg", Porto Alegre in "Pará", Zhengzhou in "Hainan", Izmit in "Van",
Chelyabinsk in "Moscow Oblast", Yichang in "Jiangxi", Puebla in "Mexico City", Puducherry in
"Kerala"); Canberra in "New South Wales". Left out by the rules above, and judged right to
leave out: capital districts and enclaves written with the state around them (Bogotá in 11
sites, Kuala Lumpur, Putrajaya, Kyiv, Moscow, Budapest, Islamabad, Daegu, Buenos Aires,
Chandigarh in Punjab), "Taipei City" (GeoNames files it under Taiwan province), Ottawa and
Ampang by their neighbours, 7 sites of Oldenburg in Holstein, Tokyo's wards Chūō and Ōta,
Urayasu (GeoNames files it under Tokyo), the misspelled "Zhenzhou", Bellavista (Callao) and San
Martín (Buenos Aires), and 8 US sites whose name is a misspelling or part of a postal name
("Silver Springs", "Newport" for Newport Beach, "Commerce" for Commerce Township) or whose
ZIP code decides. Lost with them: Yangsan in "Gyeongsangbuk-do" (58 km from the province, not
a division seat), Siena in "Abruzzo" and George in "Eastern Cape" (towns of less than a
million). German states written in German ("Bayern") are not judged: GeoNames names them in
English and ISO 3166-2 in German, so the two cannot be linked by name.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from lintrials.context import Context
from lintrials.findings import Problem
from lintrials.knowledge import places
from lintrials.knowledge.geo import country_code
from lintrials.knowledge.names import fold_name
from lintrials.model import Location, Record

CODE, NAME, SEVERITY = "L210", "city-state-mismatch", "warning"


@dataclass(frozen=True)
class Options:
    max_border_distance_km: float = 50
    min_population: int = 1_000_000


# Seats of first-level divisions and national capitals: names a site's city means for sure.
_MAJOR_FEATURES = frozenset({"PPLA", "PPLC"})
_WARD_WORDS = frozenset({"ku", "gu", "qu", "district", "ward", "arrondissement"})


def check(record: Record, ctx: Context) -> Iterator[Problem]:
    if not any(loc.city and loc.state and loc.country for loc in record.locations):
        return
    if not places.geonames_installed():
        ctx.note(f"{NAME} ({CODE}) checked nothing: the GeoNames city data is not installed "
                 "(pip install 'lintrials[geo]')")
        return
    border = ctx.options.max_border_distance_km
    population = ctx.options.min_population
    for i, loc in enumerate(record.locations):
        found = _elsewhere(loc, border, population, ctx.note)
        if found is None:
            continue
        city = (loc.city or "").strip()
        state = (loc.state or "").strip()
        yield Problem(
            f"locations[{i}].state",
            f"{city} is in {found}, not in {state} (GeoNames): the state or the city is wrong",
            related=(f"locations[{i}].city",),
        )


def _elsewhere(loc: Location, border: float, min_population: int,
               note: Callable[[str], None]) -> str | None:
    """The division(s) the data puts the site's city in, when the stated one cannot hold it."""
    if not (loc.city and loc.state and loc.country):
        return None
    code = country_code(loc.country)
    if code is None:
        return None
    if _WARD_WORDS.intersection(fold_name(loc.city).split()):
        return None
    country = places.geonames_country(code)
    if country is None:
        return None
    stated = country.resolve(loc.state)
    if not stated:
        return None
    keys = places.city_keys(loc.city)
    major = [
        place
        for key in keys
        for place in country.cities.get(key, ())
        if place.feature in _MAJOR_FEATURES or place.population >= min_population
    ]
    if not major or any(place.division in stated for place in major):
        return None
    if any(country.holds(division, keys) for division in stated):
        return None
    if code == "US" and (_known_zip(loc.zip) or _us_state_has_city(stated, keys, note)):
        return None  # a ZIP code decides the state: zip-state-mismatch (L211) judges it
    points = [point for division in stated for point in country.points.get(division, ())]
    for place in major:
        here = (place.latitude, place.longitude)
        if any(places.distance_km(here, point) <= border for point in points):
            return None
    if _names_division(loc.facility, country, stated):
        return None
    names = sorted({country.division_names.get(p.division, p.division) for p in major})
    return " or ".join(names)


def _known_zip(zip_code: str | None) -> bool:
    data = places.us_zips()
    if data is None or not zip_code:
        return False
    return zip_code.strip()[:5] in data.state_of_zip


def _us_state_has_city(stated: set[str], keys: set[str], note: Callable[[str], None]) -> bool:
    """Whether a ZIP code of the stated US state has the city among its postal names."""
    data = places.us_zips()
    if data is None:
        note(f"{NAME} ({CODE}) did not check US sites: the US ZIP code data is not installed "
             "(pip install zipcodes)")
        return True  # cannot tell: judge nothing rather than guess
    codes = {division.split(".", 1)[1] for division in stated}
    return any(codes & data.city_states(key) for key in keys)


def _names_division(facility: str | None, country: places.Country, stated: set[str]) -> bool:
    """Whether the facility's name names the stated division ("Henan Provincial Hospital")."""
    if not facility:
        return False
    words = f" {fold_name(facility)} "
    for division in stated:
        name = fold_name(country.division_names.get(division, ""))
        if name and f" {name} " in words:
            return True
    return False
