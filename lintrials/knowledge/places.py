"""Places as registries write them: US ZIP codes, states and provinces, and the cities in them.

The data comes from maintained sources, loaded on first use and once per process, and only
when a record needs it:

- `zipcodes` (PyPI): every US ZIP code with its state and the city names the US Postal
  Service accepts for it (``us_zips``); 1.4 MB installed.
- `pycities` (PyPI, the optional extra ``lintrials[geo]``, 16 MB installed): the GeoNames
  gazetteer of cities of more than 15,000 people (with their alternate names, population,
  coordinates and first-level division), in SQLite, and GeoNames' names of the first-level
  divisions (``admin1``: states, provinces, regions) with their English names
  (``geonames_country``).
- `pycountry`: the ISO 3166-2 names and codes of the same divisions ("Shaanxi Sheng", "CN-SN";
  "Ontario", "CA-ON"), linked to GeoNames' divisions by name, so that "ON" and "SN" are
  understood where GeoNames writes "Ontario" and "Shaanxi". A division whose ISO name differs
  from GeoNames' ("Bayern", "Bavaria") is known by its GeoNames names only.

A package that is not installed makes its functions return None; a check then skips what it
cannot judge and says so (``ctx.note``: the engine prints each note once per run).
"""

from __future__ import annotations

import math
import re
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import import_module, resources
from typing import NamedTuple

import pycountry

from lintrials.knowledge.geo import country_code
from lintrials.knowledge.names import fold_name, fold_words

# Words that name the kind of division, not the division: "Shaanxi Province", "Beijing
# Municipality", "Guangxi Zhuang Autonomous Region", "Gyeonggi-do", "State of Berlin",
# "Madrid, Comunidad de". They are dropped on both sides before names are compared.
_DIVISION_WORDS = frozenset((
    "province", "provincia", "provincie", "provinz", "state", "estado", "etat", "stato",
    "region", "regione", "regiao", "municipality", "prefecture", "metropolis", "sheng", "shi",
    "zizhiqu", "autonomous", "zhuang", "hui", "uygur", "uyghur", "uighur", "zhuangzu", "huizu",
    "weiwuer", "zu", "special", "administrative", "sar", "city", "do", "to", "fu", "ken",
    "gwangyeoksi", "teukbyeolsi", "teukbyeoljachisi", "teukbyeoljachido", "metropolitan", "self",
    "governing", "land", "of", "the", "comunidad", "comunitat", "community", "federal",
    "district", "territory", "capital", "national",
))
# What is left of an inverted kind ("Comunidad de", "Región de") once kind words are dropped.
_INVERTED_KIND = frozenset({"", "de", "del", "dela", "do", "da"})
_BRACKETS = re.compile(r"\[([^\]]*)\]|\(([^)]*)\)")
_CITY_SUFFIXES = (" city", " shi", " si")
# The US Postal Service's names of townships: "Commerce Township", "Clinton Twp".
_TOWNSHIP_SUFFIXES = (" township", " twp")
_ABBREVIATED_FIRST_WORDS = {"st": "saint", "ste": "sainte", "ft": "fort", "mt": "mount"}


def _division_key(name: str) -> str:
    words = [w for w in fold_words(name).split() if w not in _DIVISION_WORDS]
    return "".join(words)


def division_keys(name: str | None) -> set[str]:
    """Comparable forms of a state or province name, with kind words and brackets dropped.

    >>> sorted(division_keys("Madrid, Comunidad de"))
    ['madrid', 'madridde']
    >>> sorted(division_keys("Galicia [Galicia]")), sorted(division_keys("Shaanxi Province"))
    (['galicia'], ['shaanxi'])
    """
    if not name:
        return set()
    found: set[str] = set()
    inner = [g1 or g2 for g1, g2 in _BRACKETS.findall(name)]
    outer = _BRACKETS.sub(" ", name)
    parts = [outer, *inner]
    head, _, tail = outer.partition(",")
    if tail and _division_key(tail) in _INVERTED_KIND:  # ISO's "Madrid, Comunidad de"
        parts.append(head)
    for part in parts:
        key = _division_key(part)
        if key:
            found.add(key)
    return found


def city_keys(name: str | None, suffixes: tuple[str, ...] = _CITY_SUFFIXES) -> set[str]:
    """Comparable forms of a city name: "Xi’an City", "Xi An" and "xian" are one key.

    The part before a comma is tried too ("Hangzhou, Zhejiang"), a trailing "City", "Shi" or
    "-si" is dropped ("Wuhan Shi", "Seongnam-si"), and "St." is "Saint" ("St. Joseph").

    >>> sorted(city_keys("Xi’an City")), sorted(city_keys("St. Joseph"))
    (['xian', 'xiancity'], ['saintjoseph', 'stjoseph'])
    """
    if not name:
        return set()
    found: set[str] = set()
    for part in {name, name.split(",", 1)[0]}:
        folded = fold_words(part)
        if not folded:
            continue
        first, _, rest = folded.partition(" ")
        spellings = [folded]
        if first in _ABBREVIATED_FIRST_WORDS and rest:
            spellings.append(f"{_ABBREVIATED_FIRST_WORDS[first]} {rest}")
        for spelling in spellings:
            found.add(spelling.replace(" ", ""))
            for suffix in suffixes:
                if spelling.endswith(suffix) and len(spelling) > len(suffix) + 2:
                    found.add(spelling[: -len(suffix)].replace(" ", ""))
    return found


@lru_cache(maxsize=256)
def subdivisions(country: str) -> tuple[tuple[str, str, str | None], ...]:
    """A country's ISO 3166-2 subdivisions (pycountry): (code, name, parent code or None).

    >>> [s for s in subdivisions("CN") if s[0] == "CN-SN"]
    [('CN-SN', 'Shaanxi Sheng', None)]
    """
    return tuple(
        (str(sub.code), str(sub.name), getattr(sub, "parent_code", None) or None)
        for sub in pycountry.subdivisions
        if sub.country_code == country
    )


def _installed(module: str) -> bool:
    try:
        import_module(module)
    except ImportError:
        return False
    return True


# --- United States ------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _us_states() -> dict[str, str]:
    """Every name and code of a US state, district or territory (folded) -> its USPS code."""
    states: dict[str, str] = {}
    for iso_code, name, _ in subdivisions("US"):
        code = iso_code.split("-", 1)[1]
        states[fold_name(code)] = code
        for key in division_keys(name):
            states[key] = code
    # Spellings registries use that ISO does not: "Washington DC", "D.C.".
    states.update({"dc": "DC", "washingtondc": "DC", "washingtond": "DC"})
    return states


def us_state(name: str | None) -> str | None:
    """The USPS code of a US state as a registry writes it ("Texas", "TX", "tx."), or None."""
    if not name:
        return None
    folded = fold_name(name)
    states = _us_states()
    if folded in states:
        return states[folded]
    for key in division_keys(name):
        if key in states:
            return states[key]
    return None


@lru_cache(maxsize=64)
def us_state_name(code: str) -> str:
    """The name of a US state from its USPS code ("MA" -> "Massachusetts")."""
    names = [name for iso_code, name, _ in subdivisions("US") if iso_code == f"US-{code}"]
    return names[0] if names else code


@dataclass
class UsZips:
    """US ZIP codes and city names by state, from the `zipcodes` package."""

    state_of_zip: dict[str, str] = field(default_factory=dict)
    city_of_zip: dict[str, str] = field(default_factory=dict)
    version: str = ""
    # (state, USPS city name) of every ZIP code's preferred and acceptable names.
    _names: list[tuple[str, str]] = field(default_factory=list)
    _city_states: dict[str, set[str]] | None = None

    def city_states(self, key: str) -> set[str]:
        """The states with a ZIP code whose postal names include this city key."""
        if self._city_states is None:
            index: dict[str, set[str]] = {}
            for state, name in self._names:
                for name_key in city_keys(name, _CITY_SUFFIXES + _TOWNSHIP_SUFFIXES):
                    index.setdefault(name_key, set()).add(state)
            self._city_states = index
        return self._city_states.get(key, set())


@lru_cache(maxsize=1)
def us_zips() -> UsZips | None:
    """The `zipcodes` data, or None when the package is not installed."""
    try:
        zipcodes = import_module("zipcodes")
    except ImportError:
        return None
    data = UsZips(version=str(getattr(zipcodes, "__version__", "")))
    for entry in zipcodes.list_all():
        state, zip_code, city = str(entry["state"]), str(entry["zip_code"]), str(entry["city"])
        data.state_of_zip[zip_code] = state
        data.city_of_zip[zip_code] = city
        data._names.append((state, city))
        data._names.extend((state, str(name)) for name in entry.get("acceptable_cities") or ())
    # The package keeps its 42,000 records as dictionaries (about 90 MB) for its own lookups,
    # which lintrials does not use: let them go.
    if hasattr(zipcodes, "_zips_cache"):
        setattr(zipcodes, "_zips_cache", None)  # noqa: B010 (a module's attribute mypy cannot see)
    return data


# --- GeoNames: first-level divisions and cities -------------------------------------------


@dataclass(frozen=True)
class Place:
    name: str
    division: str  # GeoNames admin1 key: "CN.26"
    population: int
    latitude: float
    longitude: float
    feature: str  # GeoNames feature code: PPLC a capital, PPLA a division's seat, PPL ...


@dataclass
class Country:
    """One country's divisions and cities in the GeoNames data."""

    division_names: dict[str, str] = field(default_factory=dict)  # "CN.26" -> "Shaanxi"
    divisions_by_key: dict[str, set[str]] = field(default_factory=dict)  # "shaanxi" -> {...}
    # Cities by their main name (GeoNames name and ASCII name), populated places only.
    cities: dict[str, list[Place]] = field(default_factory=dict)
    # Every place of a division, for distances: (latitude, longitude).
    points: dict[str, list[tuple[float, float]]] = field(default_factory=dict)
    # Every name (main and alternate) of every place of a division, sections of cities too:
    # built on first use, for the few divisions a check asks about.
    _names_in: dict[str, frozenset[str]] = field(default_factory=dict)

    def resolve(self, state: str | None) -> set[str]:
        """The divisions a written state or province can mean (empty: none known)."""
        found: set[str] = set()
        for key in division_keys(state):
            found |= self.divisions_by_key.get(key, set())
        return found

    def holds(self, division: str, keys: set[str]) -> bool:
        """Whether a place of the division has one of these city keys under any name."""
        names = self._names_in.get(division)
        if names is None:
            names = self._names_in[division] = _place_names(division)
        return not names.isdisjoint(keys)


# Populated places that are cities, towns or seats; not sections of a city (PPLX: a ward or
# district, whose name other cities' wards share), not historical or destroyed places.
_CITY_FEATURES = frozenset({"PPL", "PPLA", "PPLA2", "PPLA3", "PPLA4", "PPLA5", "PPLC", "PPLG"})


@lru_cache(maxsize=1)
def _geonames_db() -> sqlite3.Connection | None:
    if not _installed("pycities"):
        return None
    path = resources.files("pycities").joinpath("data", "data.db")
    return sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)


@lru_cache(maxsize=4096)
def city_ids(city: str, country: str) -> frozenset[int]:
    """The GeoNames cities of the country that a written city name is a name of, main or
    alternate: "Munich" and "München" give the same one, and so do "Firenze" and "Florence".
    Empty without `pycities` or when the country is not known."""
    db = _geonames_db()
    code = country_code(country)
    written = city.strip()
    keys = city_keys(written)
    if db is None or not code or not written or not keys:
        return frozenset()
    found: set[int] = set()
    for geonames_id, name, ascii_name, alternates, feature in db.execute(
        "SELECT geonames_id, name, ascii_name, alternate_names, feature_code FROM city "
        "WHERE country_code = ? AND (name = ? OR ascii_name = ? "
        "OR ',' || alternate_names || ',' LIKE '%,' || ? || ',%')",
        (code, written, written, written),
    ):
        names = [name, ascii_name, *(alternates or "").split(",")]
        if feature in _CITY_FEATURES and any(city_keys(n) & keys for n in names):
            found.add(int(geonames_id))
    return frozenset(found)


def geonames_installed() -> bool:
    return _geonames_db() is not None


@lru_cache(maxsize=256)
def geonames_country(code: str) -> Country | None:
    """A country's GeoNames divisions and cities, or None when `pycities` is not installed."""
    db = _geonames_db()
    if db is None:
        return None
    country = Country()
    rows = db.execute(
        "SELECT key, name, ascii_name, name_en FROM administrative_unit WHERE key LIKE ?",
        (f"{code}.%",),
    )
    for key, *names in rows:
        country.division_names[key] = names[0]
        _add_division_names(country, key, names)
    _link_iso_names(country, code)
    for name, ascii_name, feature, admin1, population, lat, lon in db.execute(
        "SELECT name, ascii_name, feature_code, admin1_code, population, latitude, longitude "
        "FROM city WHERE country_code = ?",
        (code,),
    ):
        division = f"{code}.{admin1}"
        place = Place(
            name, division, int(population or 0), float(lat), float(lon), str(feature or "")
        )
        country.points.setdefault(division, []).append((place.latitude, place.longitude))
        if place.feature in _CITY_FEATURES:
            for key in city_keys(name) | city_keys(ascii_name):
                country.cities.setdefault(key, []).append(place)
    return country


def _place_names(division: str) -> frozenset[str]:
    db = _geonames_db()
    if db is None:
        return frozenset()
    code, _, admin1 = division.partition(".")
    keys: set[str] = set()
    for name, ascii_name, alternates in db.execute(
        "SELECT name, ascii_name, alternate_names FROM city "
        "WHERE country_code = ? AND admin1_code = ?",
        (code, admin1),
    ):
        for written in [name, ascii_name, *(alternates or "").split(",")]:
            keys |= city_keys(written)
    return frozenset(keys)


def _add_division_names(country: Country, key: str, names: Iterable[str | None]) -> None:
    for name in names:
        for name_key in division_keys(name):
            country.divisions_by_key.setdefault(name_key, set()).add(key)


def _link_iso_names(country: Country, code: str) -> None:
    """Add ISO 3166-2 names and codes to the GeoNames divisions they name the same way."""
    for iso_code, name, parent in subdivisions(code):
        if parent:
            continue  # a second-level division (an Italian province): not a GeoNames admin1
        keys = division_keys(name)
        matches = {d for k in keys for d in country.divisions_by_key.get(k, set())}
        if len(matches) != 1:
            continue
        division = matches.pop()
        _add_division_names(country, division, [name, iso_code.split("-", 1)[1]])


class Split(NamedTuple):
    """A first-level division formed from part of another: sites of its cities were rightly
    entered under the older division until the day it was formed."""

    division: str  # the GeoNames code of the new division ("IN.40")
    parent: str  # the GeoNames code of the division it was part of ("IN.02")
    formed: str  # the day it was formed, ISO ("2014-06-02")


# Divisions formed in the years registries have records for, from the laws that formed them.
# Only splits: a merger or a renaming leaves the old name to GeoNames' alternate names.
DIVISION_SPLITS: tuple[Split, ...] = (
    Split("IN.40", "IN.02", "2014-06-02"),  # Telangana from Andhra Pradesh
    Split("IN.37", "IN.35", "2000-11-01"),  # Chhattisgarh from Madhya Pradesh
    Split("IN.39", "IN.36", "2000-11-09"),  # Uttarakhand (Uttaranchal) from Uttar Pradesh
    Split("IN.38", "IN.34", "2000-11-15"),  # Jharkhand from Bihar
    Split("IN.41", "IN.12", "2019-10-31"),  # Ladakh from Jammu and Kashmir
    Split("CN.33", "CN.32", "1997-06-18"),  # Chongqing from Sichuan
    Split("KR.22", "KR.17", "2012-07-01"),  # Sejong from South Chungcheong
    Split("KR.22", "KR.05", "2012-07-01"),  # ... and a part of North Chungcheong
    Split("CL.17", "CL.14", "2007-10-02"),  # Los Ríos from Los Lagos
    Split("CL.16", "CL.15", "2007-10-08"),  # Arica y Parinacota from Tarapacá
    Split("CL.18", "CL.06", "2018-09-06"),  # Ñuble from Biobío
    Split("ID.42", "ID.14", "2012-10-25"),  # North Kalimantan from East Kalimantan
)


def formed_from(division: str, parents: Iterable[str]) -> Split | None:
    """The split that formed ``division`` from one of ``parents``, if one did."""
    wanted = set(parents)
    return next((s for s in DIVISION_SPLITS if s.division == division and s.parent in wanted),
                None)


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance between two (latitude, longitude) points, in kilometres."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin(
        (lon2 - lon1) / 2
    ) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))
