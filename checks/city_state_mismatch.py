"""A site's city lies in another state or province than the one the site names.

What it finds: from the GeoNames gazetteer (cities over 15,000 people, alternate names,
first-level divisions; the `pycities` package) and, in the US, the Postal Service's city names
of every ZIP code (`zipcodes`), a site where all of these hold:

- the state is a first-level division the data knows, by its GeoNames or ISO 3166-2 name or
  code or a registry spelling ("Shaanxi Province", "Gyeonggi-do", "ON"); counties, Italian or
  Spanish provinces, old French regions and German names ("Bayern") are not judged;
- the city is a major place of another division: a division seat, a national capital, or a
  city of `min_population` or more; an unknown city, or a smaller town a town of the stated
  state may share a name with ("Oldenburg" in Schleswig-Holstein), is not a finding;
- no place of the stated division, under any name (city sections, US ZIP code city names
  included), carries the city's name ("Fuzhou, Jiangxi", "Kansas City, Kansas");
- the city is more than `max_border_distance_km` from every place of the stated division
  (capital districts and enclaves, "Bogotá, Cundinamarca", "Kuala Lumpur, Selangor"; suburbs
  across a border, "Ottawa, Quebec");
- the facility's name does not name the stated state ("Henan Provincial People's Hospital",
  "Zhenzhou", Henan: the city is misspelled);
- the city is not a ward or district ("Chuo-ku"), and is not a US site with a ZIP code the data
  knows (L211 judges those by the ZIP code).

- the site was not entered before the city's division was split from the stated one:
  GeoNames gives today's borders, and a record first submitted before the split
  (`places.DIVISION_SPLITS`: Telangana from Andhra Pradesh on 2014-06-02, Uttarakhand,
  Jharkhand, Chhattisgarh in 2000, Chongqing from Sichuan in 1997, Sejong, Ladakh, Chilean
  regions, North Kalimantan) rightly named the older state. After it, the message says when
  the division was formed.

The finding is on the state, with the city related, and names the city's division.

Why it matters: the registry files, maps and searches sites by state. "Xi'an, Shanxi, China"
puts Shaanxi's capital in the neighbouring province, so the site is missing from a search for
Shaanxi and misplaced on the map; patients and monitors are sent elsewhere.

Fails: "Xi’an, Shanxi, China" (seed NCT07314060, entry 21): Xi'an is the capital of Shaanxi.

Passes: "Xi’an, Shaanxi, China"; "Fuzhou, Jiangxi, China" (Jiangxi has a Fuzhou too);
"Bogotá, Cundinamarca, Colombia"; "Hyderabad, Andhra Pradesh" in a record of 2012.

Options:
  max_border_distance_km (50): a city within this distance of a place of the stated state is
    not reported (capital districts, enclaves, suburbs across a border).
  min_population (1000000): a city of this population or more is a major place even if it is
    not the seat of a division.

Fix safety: no fix: whether the city or the state is wrong is for a person to say. Without
`pycities` (``lintrials[geo]``) the check judges nothing and says so once per run.
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
    entered = record.first_submitted_date or ""
    for i, loc in enumerate(record.locations):
        found = _elsewhere(loc, border, population, ctx.note, entered)
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
               note: Callable[[str], None], entered: str = "") -> str | None:
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
    splits = [places.formed_from(p.division, stated) for p in major]
    if entered and all(split is not None and entered < split.formed for split in splits):
        return None  # entered before the city's division was split from the stated one
    names = sorted({country.division_names.get(p.division, p.division) for p in major})
    found = " or ".join(names)
    known = sorted((split.formed, split.parent) for split in splits if split is not None)
    if known:  # say why the older name does not excuse this record
        day, parent = known[0]
        found += f" (formed from {country.division_names.get(parent, parent)} on {day}"
        found += f", before this record was first submitted on {entered})" if entered else ")"
    return found


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
