"""A site is listed twice: the same facility again in the same city and country.

Why: every location of a record is a site that patients are sent to. A facility listed twice
counts twice in the number of sites and of countries' sites, shows twice on the registry's map,
and, when the copies drift apart (one "Recruiting", one not; one zip code fixed and the other
not), tells readers two stories about one place. It is almost always a paste or an import run
twice; the fix is to delete the copy, moving any contact it adds into the first entry.

The later entry is reported (its `facility`), with the earlier one as the related location, and
the message names the earlier entry's position ("entry 24 of 32") and says whether the copy is
exact (every field the same) or a respelling: names are compared after folding case, accents,
punctuation and spacing and dropping a leading "The"
(`lintrials.knowledge.names`), and cities, states, countries and zip codes likewise
("Petah-Tikva" = "Petah Tikva", ZIP+4 = its five digits).

What is not a duplicate:

- A different name, however close: "Hospital X" and "Hospital X, Department of Cardiology" are
  two entries by design (sponsors list departments as sites).
- The same name in another city, or with another zip code in the same city: chains and
  university systems have many addresses in one city ("Texas Oncology" 75231 and 75246,
  "Children's Healthcare of Atlanta" 30303 and 30322). Of the 18 same-name pairs in one city
  with two zip codes in the corpus, 15 are two addresses of one organisation and the other 3
  (Rabin Medical Center's old and new postal code among them) differ in status or investigator
  too. A zip code given on one entry only does not make two sites.
- A different state when both are given (Kansas City, Kansas and Kansas City, Missouri); a
  state given on one entry only, or spelled two ways, does not make two sites.
- A sponsor's anonymised placeholder ("Research Site", "Pfizer Investigational Site", "Local
  Institution", "Novartis Investigative Site", "Site 001", Eli Lilly's "For additional
  information regarding investigative sites..."), unless city, state, zip code and country are
  written the same way on both (case and spacing aside) and a zip code is given, or both carry
  the same site number. A city spelled another way means the entry was typed again, for
  another site: AstraZeneca's "Research Site"s in "Ho Chi Minh City" and "Ho Chi Minh" all have
  the city-wide code 700000. Different site numbers are different sites, placeholder or not.
- The same facility with a different recruitment status, or with other investigators (both
  entries name principal or sub-investigators, and none in common), or with another site
  number in its contacts' names ("Zhen Zhou, Site 0064", as Bristol-Myers Squibb writes them).
  Sponsors such as Eli Lilly and Novo Nordisk register one location per investigator or per
  site number: Lilly's retatrutide outcomes trial lists "Kormont", Kluisbergen four times with
  four investigators, and a Novo Nordisk trial lists 23 facilities each twice, one entry
  "Active, not recruiting" and one "Recruiting". Each such entry is a site registration of its
  own that the registry shows with its own status and contacts; the registry accepts them and
  a reviewer has nothing to correct, so they are not reported (set `separate_registrations`
  to report them too). A status or investigator that
  differs between two entries with the same site number is reported: one site cannot be in two
  states. Entries that differ only in their other contacts (a study coordinator, a phone
  number) are one site listed twice: its contacts belong in one entry, as contact and backup.

Severity is warning, not error: a repeated site makes no statement false and hides nothing;
it is a clean-up, and the errors of this project are values that cannot be right.

Example (fails): entries 24 and 25 are both "The Affiliated Hospital of Southwest Medical
University", Luzhou, Sichuan, China, with no status or investigator telling them apart (only
their contact persons differ).
Example (passes): "Xiangya Hospital Central South University", Changsha twice, one with
investigator Rongrong Zhou and one with Yang Gao: two investigator sites.

Fix: an entry identical in every field to an earlier one is removed by `--fix` (a safe fix:
nothing is lost). Other duplicates differ somewhere (contacts, spelling, zip), so which entry
to keep is for a person to decide: no fix is offered.

Options:
    separate_registrations (false): also report a facility listed again with a different status
        or other investigators, which the registry accepts as separate site registrations.
    placeholder_patterns ([]): more regular expressions (searched in the facility name, case
        ignored) naming a sponsor's anonymised placeholder sites, beyond the built-in ones.

Corpus: 14 findings, 14 correct (100%), on the 2,554 records of ../shared/corpus (10 in
ctgov_v2_json, 3 in ctgov_legacy_xml, 1 in ctgov_v2_json_partial), every one read against its
record and all 14 judged correct: precision 100% (14/14), measured with
`lintrials check --select L201 --today 2026-11-22 ../shared/corpus/` (plus 1 correct finding on
the seeds: NCT07314060 entry 25). The corpus has 1,974 pairs of entries with one name in one
city, 1,896 of them placeholder names; the rest are mostly separate registrations (above).
Kinds of true findings: copies identical in every field (NCT03013543, Hammersmith Hospital); a
copy that only adds or drops the state or the zip code (Shaare Zedek Medical Center,
NCT05317416; NCT05739409); a respelled copy ("Great Lakes Research Institute- Site Number :
8400111", NCT05097287); one site number listed twice with two statuses (NCT06372145,
Tucumán); a single-site study entered two or three times with the same contact (NCT06712420,
NCT03459976, NCT05701787). With `separate_registrations` on, 109 findings: the 14 and 95
repeated registrations (23 in NCT06326047 alone), which a reviewer would not query.
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
    place_key,
    site_number,
    zip_key,
)
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


def check(record: Record, ctx: Context) -> Iterator[Problem]:
    separate = ctx.options.separate_registrations
    extra = _patterns(ctx.options.placeholder_patterns)
    total = len(record.locations)
    # name/city/country (and zip, for placeholders) -> each distinct _Site -> its first entry.
    # A later entry is compared with the distinct sites of its group, never with every entry.
    groups: dict[tuple[str, ...], dict[_Site, int]] = {}
    for j, loc in enumerate(record.locations):
        key = name_key(loc.facility)
        if not key:
            continue
        number = site_number(loc.facility)
        numbers = _site_numbers(loc, number)
        group_key: tuple[str, ...] = (key, place_key(loc.city), place_key(loc.country))
        if not number and is_placeholder_name(loc.facility, extra):
            # An anonymised name says nothing; only an address written the same way down to the
            # zip code does. Spelling the city another way ("Ho Chi Minh City", "Ho Chi Minh")
            # means the entry was typed again, for another site: zip codes such as 700000 cover
            # all of Ho Chi Minh City.
            if not _as_written(loc.zip):
                continue
            group_key = (key, *map(_as_written, (loc.city, loc.state, loc.zip, loc.country)))
        site = _Site(place_key(loc.state), zip_key(loc.zip), loc.status or "",
                     contact_keys(loc.contacts, _INVESTIGATOR_ROLES), numbers)
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
