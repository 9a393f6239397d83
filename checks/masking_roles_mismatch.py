"""The masking level does not match the number of masked roles.

Why: ClinicalTrials.gov defines the masking level by the roles that are masked: Single is one
role, Double two, Triple three, Quadruple all four (Participant, Care Provider, Investigator,
Outcomes Assessor), and None (Open Label) none. Readers and search filters use the level; a
"Double" study with three masked roles, or an open-label study with a masked role, says two
different things about who knows the treatment, and one of them is wrong.

The finding points at the masking level, with the masked roles as the related field. Roles are
counted once each (a role listed twice counts once).

A masked study that lists no roles at all is reported only when the record was first submitted
on or after `roles_required_from` (2017-01-18, when the Final Rule (42 CFR 11) took effect and
the masked roles became a required data element). Before that date the roles were optional:
the 89 masked studies of the corpus without roles were all first submitted between 1999 and
2015, and none is reported. A record without a first-submitted date (a study page) is not
reported for missing roles.

Example (fails): masking "DOUBLE", whoMasked [PARTICIPANT, INVESTIGATOR, OUTCOMES_ASSESSOR].
Example (fails): masking "NONE", whoMasked [OUTCOMES_ASSESSOR].
Example (passes): masking "QUADRUPLE", whoMasked [PARTICIPANT, CARE_PROVIDER, INVESTIGATOR,
OUTCOMES_ASSESSOR] (seed NCT07314060).
Example (passes): NCT00000161, legacy masking "Double" with no roles, first submitted
1999-09-23: roles were optional then.

Options:
    roles_required_from ("2017-01-18"): a masked study first submitted on or after this date
        (ISO) must list its masked roles; an empty value turns the missing-roles report off.

Corpus: 0 findings, 0 correct, measured with
lintrials check --select D104 --today 2026-11-22 ../shared/corpus/
Of the 1,946 records with a masking level, every one that lists roles agrees with them (274
DOUBLE with two, 228 SINGLE with one, 108 TRIPLE with three, 186 QUADRUPLE with four, and the
NONE records with none), and the 89 masked records without roles were all first submitted
between 1999 and 2015. The check is tested on real records that must pass (the seeds; a
legacy "Double" without roles from 1999) and on real records edited to fail (a count that
disagrees, in JSON and legacy XML; an open-label study with a masked role; a 2020 record
without roles).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from lintrials.context import Context
from lintrials.findings import Problem
from lintrials.model import Record

CODE, NAME, SEVERITY = "D104", "masking-roles-mismatch", "error"


@dataclass(frozen=True)
class Options:
    roles_required_from: str = "2017-01-18"


_ROLES_FOR_LEVEL = {"NONE": 0, "SINGLE": 1, "DOUBLE": 2, "TRIPLE": 3, "QUADRUPLE": 4}
_ROLE_NAMES = {
    "PARTICIPANT": "Participant",
    "CARE_PROVIDER": "Care Provider",
    "INVESTIGATOR": "Investigator",
    "OUTCOMES_ASSESSOR": "Outcomes Assessor",
}
_NUMBER_WORDS = ("no", "one", "two", "three", "four")


def check(record: Record, ctx: Context) -> Iterator[Problem]:
    level = (record.masking or "").upper()
    expected = _ROLES_FOR_LEVEL.get(level)
    if expected is None:
        return
    roles = list(dict.fromkeys(record.who_masked))
    if roles:
        if len(roles) != expected:
            named = ", ".join(_ROLE_NAMES.get(role, role) for role in roles)
            verb = "is" if len(roles) == 1 else "are"
            yield Problem(
                "masking",
                f"masking is {level} ({_meaning(expected)}) but {_count(len(roles))}"
                f" {verb} masked: {named}",
                related=("who_masked",),
            )
        return
    if expected == 0:
        return
    since = ctx.options.roles_required_from
    submitted = record.first_submitted_date or ""
    if since and len(submitted) >= len("YYYY-MM-DD") and submitted >= since:
        yield Problem(
            "masking",
            f"masking is {level} ({_meaning(expected)}) but no masked role is listed;"
            f" roles are required for records first submitted since {since}"
            f" (this one: {submitted})",
        )


def _meaning(count: int) -> str:
    return "open label" if count == 0 else f"{_count(count)} masked"


def _count(count: int) -> str:
    word = _NUMBER_WORDS[count] if count < len(_NUMBER_WORDS) else str(count)
    return f"{word} role{'' if count == 1 else 's'}"
