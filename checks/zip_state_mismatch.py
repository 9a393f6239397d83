"""A US site's ZIP code belongs to another state than the one the site names.

What it finds: a US site whose ZIP code, as the `zipcodes` package knows it (every US ZIP
code, with the Postal Service's state and city names), lies in another state than the site's.
A code of another shape is L212's; a code the data does not know (new, or a typo that hits no
code) is not a finding. Puerto Rico, Guam, the US Virgin Islands, American Samoa and the
Northern Mariana Islands are judged against their territory, whether the registry names it as
the country or the state. The finding is on the ZIP code, with the state related, and names the
code's state and city.

Why it matters: each ZIP code lies in one state. "Swansea, Maine 02777" cannot be right: 02777
is Swansea, Massachusetts. Either the state is wrong (the site is filed, mapped and searched in
the wrong state) or the ZIP code is (mail and the distance search go astray). The registry does
not catch either.

Fails: "Swansea, Maine, 02777, United States" (NCT00379756): 02777 is in Massachusetts.

Passes: "Swansea, Massachusetts, 02777"; "Boston, Massachusetts, 02114-2696".

Options: none.

Fix safety: no fix: whether the ZIP code or the state is wrong is for a person to say. Without
`zipcodes` the check judges nothing and says so once per run.
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
