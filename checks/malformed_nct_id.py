"""The NCT ID is missing, or is not "NCT" followed by eight digits.

What it finds: a record whose identification module has no NCT ID, or one that is not "NCT"
and eight digits: `NCT0123456` (seven digits), `nct01234567`, `NCT 01234567`, an ID with a
space at the end. A record that lacks the identification module (a partial download) is not
reported. It looks at one record at a time; it is in the R family because the whole-run checks
(R101) key on the NCT ID.

Why it matters: the NCT ID is the key every other system uses for the study: links to the
registry, publications that cite it, the whole-run checks of lintrials. A malformed one matches
nothing.

Fails: `"nctId": "NCT0710434"`.

Passes: `"nctId": "NCT07104344"`.

Options: none.

Fix safety: no fix: the right ID is for a person to look up.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from lintrials.context import Context
from lintrials.findings import Problem
from lintrials.model import Record

CODE, NAME, SEVERITY = "R102", "malformed-nct-id", "error"

_WELL_FORMED = re.compile(r"NCT[0-9]{8}")


def _what_is_wrong(nct_id: str) -> str:
    stripped = nct_id.strip()
    if stripped != nct_id:
        return "has white space around it"
    if not stripped:
        return "is empty"
    if " " in stripped and _WELL_FORMED.fullmatch(stripped.upper().replace(" ", "")):
        return "has a space in it"
    if _WELL_FORMED.fullmatch(stripped.upper()):
        return 'must be written in capitals, "NCT"'
    if not stripped.upper().startswith("NCT"):
        return 'does not start with "NCT"'
    digits = stripped[3:].strip()
    if digits.isascii() and digits.isdigit():
        return f"has {len(digits)} digits after NCT, not 8"
    if all(unicodedata.category(c) == "Nd" for c in digits):  # full-width digits, say
        return "has digits that are not the ASCII digits 0-9 (full-width or another script's)"
    return 'is not "NCT" followed by 8 digits'


def check(record: Record, ctx: Context) -> Iterator[Problem]:
    nct_id = record.nct_id
    if nct_id is None:
        if "identificationModule" in record.sections:
            yield Problem("nct_id", "the record has no NCT ID")
        return
    if _WELL_FORMED.fullmatch(nct_id):
        return
    yield Problem("nct_id", f"the NCT ID {nct_id!r} {_what_is_wrong(nct_id)}")
