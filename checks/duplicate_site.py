"""A site is listed twice: the same facility again in the same city and country.

What it finds: a later location that repeats an earlier one (reported at its `facility`, the
earlier one related; the message names the earlier entry's position, "entry 24 of 32", and says
whether the copy is exact or a respelling). Names are compared after folding case, accents,
punctuation and spacing and dropping a leading "The" (`lintrials.knowledge.names`), with
"Univ.", "Hosp.", "Ctr.", "Inst." and "Dept." read as the words they shorten, a legal form at
the end set aside ("Inc.", "GmbH", "S.A.", "Ltd"...), and a bracketed part set aside when it
adds nothing: the name's own words or initials, or the site's place ("Hospital X (HX)" =
"Hospital X"; "Hospital X (Children's)" is a unit of its own, another site); cities, states,
countries and zip codes likewise ("Petah-Tikva" = "Petah Tikva", "Kyoto-shi" = "Kyoto",
"Seongnam-si" = "Seongnam", ZIP+4 = its five digits), and a city written in two languages is
one city when GeoNames gives both names to one place ("Munich" = "München", "Firenze" =
"Florence"). Not duplicates:

- a different name, however close ("Hospital X" and "Hospital X, Department of Cardiology");
- the same name in another city, with another zip code in the same city (chains and university
  systems), or in another state when both give one; a zip code or state on one entry only does
  not make two sites;
- a sponsor's anonymised placeholder ("Research Site", "Pfizer Investigational Site", "Site
  001"), unless city, state, zip code and country are written the same on both and a zip code
  is given, or both carry the same site number; different site numbers are different sites;
- by default, separate site registrations: the same facility with another recruitment status,
  other investigators (both entries name some, none in common), or another site number in its
  contacts' names (Eli Lilly and Novo Nordisk register one location per investigator or site
  number; the registry accepts them). A status or investigator that differs between two
  entries with the same site number is reported: one site cannot be in two states. Entries
  that differ only in other contacts are one site listed twice.

Why it matters: each location is a site patients are sent to. A facility listed twice counts
twice in the sites and countries, shows twice on the map, and when the copies drift apart tells
two stories about one place. It is almost always a paste or an import run twice. Severity is
warning: a repeated site makes no statement false; it is a clean-up.

Fails: entries 24 and 25 are both "The Affiliated Hospital of Southwest Medical University",
Luzhou, Sichuan, China, with no status or investigator telling them apart.

Passes: "Xiangya Hospital Central South University", Changsha twice, one with investigator
Rongrong Zhou and one with Yang Gao: two investigator sites.

Options:
  separate_registrations (false): also report a facility listed again with a different status
    or other investigators, which the registry accepts as separate site registrations.
  placeholder_patterns ([]): more regular expressions (searched in the facility name, case
    ignored) naming a sponsor's anonymised placeholder sites, beyond the built-in ones.

Fix safety: an entry identical in every field to an earlier one is removed by `--fix`, a safe
fix (nothing is lost). Other duplicates differ somewhere (contacts, spelling, zip code), so
which entry to keep is for a person: no fix.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from lintrials.context import Context
from lintrials.findings import Fix, Problem
from lintrials.knowledge.names import (
    contact_keys,
    contact_site_number,
    fold_name,
    is_placeholder_name,
    name_key,
    normalise_name,
    place_key,
    site_number,
    zip_key,
)
from lintrials.knowledge.places import city_ids
from lintrials.model import Location, Record

CODE, NAME, SEVERITY = "L201", "duplicate-site", "warning"
FIXABLE = True


@dataclass(frozen=True)
class Options:
    separate_registrations: bool = False
    placeholder_patterns: tuple[str, ...] = ()


# Contacts whose names make a site: a site is a facility and its investigator. Other contacts
# (a study nurse, a call centre) are people to reach at a site, listed as contact and backup.
_INVESTIGATOR_ROLES = frozenset({
    "PRINCIPAL_INVESTIGATOR", "SUB_INVESTIGATOR", "STUDY_CHAIR", "STUDY_DIRECTOR",
})


@dataclass(frozen=True)
class _Site:
    """What tells one location from another once name, city and country agree."""

    state: str
    zip: str
    status: str
    investigators: frozenset[str]
    numbers: frozenset[str]  # site numbers in the facility name or the contacts' names
    aside: str = ""  # the name's bracketed part, folded


# Abbreviated words of facility names, and the words they stand for.
_ABBREVIATIONS = {
    "univ": "university", "hosp": "hospital", "ctr": "center", "inst": "institute",
    "dept": "department",
}
# Legal forms at the end of a company's name: "Clinic X, Inc." is "Clinic X".
_LEGAL_FORMS = frozenset({
    "inc", "llc", "pllc", "ltd", "limited", "gmbh", "mbh", "ag", "sa", "sas", "sarl", "srl",
    "spa", "sl", "slu", "bv", "nv", "plc", "corp", "oy", "ab", "sac", "ooo", "kft", "sro",
})
_BRACKETED = re.compile(r"\s*\(([^()]*)\)")
_CONNECTORS = frozenset({"of", "and", "the", "de", "del", "la", "di", "da", "do", "du", "für", "y",
                         "e", "et", "at", "for"})
# Administrative suffixes of city names: "Kyoto-shi" is Kyoto, "Seongnam-si" is Seongnam.
_CITY_SUFFIXES = (" shi", " si")


def check(record: Record, ctx: Context) -> Iterator[Problem]:
    separate = ctx.options.separate_registrations
    extra = _patterns(ctx.options.placeholder_patterns)
    total = len(record.locations)
    # name/city/country (and zip, for placeholders) -> each distinct _Site -> its first entry.
    # A later entry is compared with the distinct sites of its group, never with every entry.
    groups: dict[tuple[str, ...], dict[_Site, int]] = {}
    # name/country -> the cities, as written, of the groups of that name (for "Munich" and
    # "München": one city written in two languages).
    by_name: dict[tuple[str, str], dict[str, tuple[str, ...]]] = {}
    for j, loc in enumerate(record.locations):
        key, aside = _name_parts(loc.facility, loc.city, loc.state, loc.country)
        if not key:
            continue
        number = site_number(loc.facility)
        numbers = _site_numbers(loc, number)
        group_key: tuple[str, ...] = (key, _city_key(loc.city), place_key(loc.country))
        if not number and is_placeholder_name(loc.facility, extra):
            # An anonymised name says nothing; only an address written the same way down to the
            # zip code does. Spelling the city another way ("Ho Chi Minh City", "Ho Chi Minh")
            # means the entry was typed again, for another site: zip codes such as 700000 cover
            # all of Ho Chi Minh City.
            if not _as_written(loc.zip):
                continue
            group_key = (key, *map(_as_written, (loc.city, loc.state, loc.zip, loc.country)))
        else:
            group_key = _same_city_group(group_key, loc, by_name, groups)
        site = _Site(place_key(loc.state), zip_key(loc.zip), loc.status or "",
                     contact_keys(loc.contacts, _INVESTIGATOR_ROLES), numbers, aside)
        group = groups.setdefault(group_key, {})
        earlier = next((i for other, i in group.items() if _same_site(other, site, separate)),
                       None)
        if earlier is None:
            group.setdefault(site, j)
            continue
        first = record.locations[earlier]
        shared_number = bool(numbers & _site_numbers(first, site_number(first.facility)))
        # An entry identical in every field to an earlier one can go without losing anything.
        fix = Fix("remove the repeated entry", field=f"locations[{j}]", remove=True) if (
            first == loc) else None
        yield Problem(
            field=f"locations[{j}].facility",
            message=_message(first, earlier, loc, total, shared_number),
            related=(f"locations[{earlier}].facility",),
            fix=fix,
        )
        group.setdefault(site, earlier)


def _same_city_group(group_key: tuple[str, ...], loc: Location,
                     by_name: dict[tuple[str, str], dict[str, tuple[str, ...]]],
                     groups: dict[tuple[str, ...], dict[_Site, int]]) -> tuple[str, ...]:
    """The group of an earlier entry of this name whose city is this entry's city written
    another way ("München" for "Munich"), else ``group_key`` itself."""
    cities = by_name.setdefault((group_key[0], group_key[2]), {})
    if group_key not in groups and loc.city and loc.country:
        here = city_ids(loc.city, loc.country) if cities else frozenset()
        for city, other in cities.items() if here else ():
            if here & city_ids(city, loc.country):
                return other
    if loc.city:
        cities.setdefault(loc.city, group_key)
    return group_key


def _name_parts(facility: str | None, *places: str | None) -> tuple[str, str]:
    """A facility name's key (`name_key` with abbreviations spelled out, a final legal form
    and bracketed parts dropped) and what its bracketed parts add, folded: nothing when they
    only repeat the name's words, its initials or the site's place ("Hospital X (HX)",
    "Clinic Y (Melbourne)"); the unit they name otherwise ("Hospital X (Children's)")."""
    if not facility:
        return "", ""
    words = normalise_name(_BRACKETED.sub(" ", facility)).split()
    words = [_ABBREVIATIONS.get(w, w) for w in words]
    while len(words) > 1 and words[-1] in _LEGAL_FORMS:
        words.pop()
    key = "".join(words)
    if not key:
        return name_key(facility), ""
    known = set(words) | {w for place in places for w in normalise_name(place).split()}
    initials = "".join(w[0] for w in words if w not in _CONNECTORS)
    adds = []
    for m in _BRACKETED.finditer(facility):
        inside = [_ABBREVIATIONS.get(w, w) for w in normalise_name(m.group(1)).split()]
        letters = "".join(inside)
        if inside and not set(inside) <= known and not (
                len(letters) >= 2 and _in_order(letters, initials)):
            adds.append(name_key(m.group(1)))
    return key, " ".join(adds)


def _in_order(letters: str, initials: str) -> bool:
    """Whether ``letters`` are some of ``initials``, in order: "dhmc" of Dartmouth-Hitchcock
    Medical Center."""
    rest = iter(initials)
    return all(letter in rest for letter in letters)


def _city_key(city: str | None) -> str:
    folded = fold_name(city)
    for suffix in _CITY_SUFFIXES:
        if folded.endswith(suffix) and len(folded) > len(suffix):
            return place_key(folded[: -len(suffix)])
    return place_key(city)


def _site_numbers(loc: Location, in_name: str) -> frozenset[str]:
    """Site numbers of an entry: in its facility name, or after its contacts' names."""
    numbers = {contact_site_number(contact.name) for contact in loc.contacts} | {in_name}
    return frozenset(numbers - {""})


@lru_cache(maxsize=8)
def _patterns(sources: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(source, re.IGNORECASE) for source in sources)


def _same_site(a: _Site, b: _Site, separate: bool) -> bool:
    """Whether two entries with one name, city and country are one site.

    One site number on both makes them one site whatever else differs (a status or an
    investigator that differs is then a contradiction); two different numbers, two sites.
    ``separate``: separate registrations (other status, other investigators) count as one site.
    """
    if a.zip and b.zip and a.zip != b.zip:
        return False
    if a.state and b.state and not _same_state(a.state, b.state):
        return False
    if a.aside != b.aside:
        return False  # "Hospital X (Children's)" is a unit of Hospital X, "(Site 2)" another
    if a.numbers and b.numbers:
        return bool(a.numbers & b.numbers)
    if separate:
        return True
    if a.status and b.status and a.status != b.status:
        return False
    return not (a.investigators and b.investigators and not a.investigators & b.investigators)


def _as_written(value: str | None) -> str:
    return " ".join((value or "").split()).casefold()


def _same_state(a: str, b: str) -> bool:
    # "Barcelona [barcelona]" and "Barcelona" are one province written two ways.
    return a == b or a.startswith(b) or b.startswith(a)


def _message(first: Location, i: int, loc: Location, total: int, numbered: bool) -> str:
    where = ", ".join(p for p in (loc.city, loc.state, loc.country) if p) or "no place given"
    head = (f"duplicate site: {loc.facility!r} ({where}) is already listed as entry {i + 1} "
            f"of {total} (locations[{i}])")
    if first == loc:
        return head + "; the two entries are identical in every field"
    notes = []
    if first.facility != loc.facility:
        notes.append(f"spelled {first.facility!r} there")
    for label, before, now in (("city", first.city, loc.city), ("state", first.state, loc.state),
                               ("zip", first.zip, loc.zip), ("country", first.country, loc.country),
                               ("status", first.status, loc.status)):
        if (before or "") != (now or ""):
            notes.append(f"{label} {_shown(before)} there, {_shown(now)} here")
    if first.contacts != loc.contacts:
        notes.append("contacts differ")
    text = head + "; " + "; ".join(notes) if notes else head
    if numbered and first.status and loc.status and first.status != loc.status:
        text += " (one site number cannot have two statuses)"
    return text


def _shown(value: str | None) -> str:
    return repr(value) if value and fold_name(value) else "none"
