"""A US site's ZIP code belongs to another state than the one the site names.

Why: a ZIP code names one delivery area, and each lies in one state. "Swansea, Maine 02777"
cannot be right: 02777 is Swansea, Massachusetts. Either the state is wrong (the registry then
files, maps and searches the site in the wrong state) or the ZIP code is (mail and the
registry's distance search go astray). Both are typing slips that the registry does not catch.

The ZIP code's state comes from the `zipcodes` package (every US ZIP code, with the state and
city names of the US Postal Service). Only a ZIP code the data knows is judged: a code of
another shape is malformed-postal-code's (L212), and a code the data does not know (a new one,
or a typo that hits no code) is not a finding. Sites in Puerto Rico, Guam, the US Virgin
Islands, American Samoa and the Northern Mariana Islands are judged against their territory,
whether the registry names it as the country or as the state. The finding is on the ZIP code,
with the state as the related field; the message names the ZIP code's state and city.

Data: without the `zipcodes` package, the check has nothing to judge and says so once per run
on standard error; it never reports a site for missing data.

Example (fails): "Swansea, Maine, 02777, United States" (NCT00379756): 02777 is in
Massachusetts.
Example (passes): "Swansea, Massachusetts, 02777"; "Boston, Massachusetts, 02114-2696".

Options: none.

Corpus: 17 findings, 17 correct (100%), measured with
lintrials check --select L211 --today 2026-11-22 ../shared/corpus/
(with `zipcodes` 3.0.0). Every finding was read against its record. Kinds: a ZIP code with one
digit wrong, which lands in another state (Honolulu 95813 for 96813, Anchorage 98508 for 99508,
Louisville 20202 for 40202, Phoenix 84018 for 85018, Marietta 20060 for 30060); a ZIP code from
another site of the record (Annapolis, Maryland 37067; Allen, Texas 60607; Springfield,
Illinois 77030); the state wrong (Swansea, Maine for Massachusetts; O'Fallon, Missouri for the
O'Fallon, Illinois cancer centre; Kansas City, Kansas with a Missouri ZIP code).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lintrials.context import Context
from lintrials.findings import Problem
from lintrials.knowledge import places
from lintrials.knowledge.geo import country_code, country_name
from lintrials.model import Record

CODE, NAME, SEVERITY = "L211", "zip-state-mismatch", "warning"

# US territories with ZIP codes of their own, which registries name as a country.
_TERRITORIES = frozenset({"PR", "GU", "VI", "AS", "MP"})
_US_ZIP = re.compile(r"^\s*(\d{5})(?:\s*-\s*\d{4})?\s*$")


def check(record: Record, ctx: Context) -> Iterator[Problem]:
    sites = [(i, loc) for i, loc in enumerate(record.locations) if loc.zip and loc.country]
    if not sites:
        return
    data = None
    for i, loc in sites:
        code = country_code(loc.country)
        if code == "US":
            state = places.us_state(loc.state)
        elif code in _TERRITORIES:
            state = code
        else:
            continue
        found = _US_ZIP.match(loc.zip or "")
        if state is None or found is None:
            continue
        if data is None:
            data = places.us_zips()
            if data is None:
                ctx.note(f"{NAME} ({CODE}) checked nothing: the US ZIP code data is not "
                         "installed (pip install zipcodes)")
                return
        zip_code = found.group(1)
        zip_state = data.state_of_zip.get(zip_code)
        if zip_state is None or zip_state == state:
            continue
        city = data.city_of_zip.get(zip_code, "")
        where = f"{city}, {_state_name(zip_state)}" if city else _state_name(zip_state)
        yield Problem(
            f"locations[{i}].zip",
            f"ZIP code {zip_code} is in {where}, not in {_state_name(state)}: "
            "the state or the ZIP code is wrong",
            related=(f"locations[{i}].state",),
        )


def _state_name(code: str) -> str:
    if code in _TERRITORIES:
        return country_name(code)
    return places.us_state_name(code)
