"""The masking level does not match the number of masked roles.

What it finds: a masking level that is not the count of the distinct masked roles: Single is
one role, Double two, Triple three, Quadruple all four (Participant, Care Provider,
Investigator, Outcomes Assessor), None (Open Label) none. The finding points at the level, with
the roles related. A masked study that lists no roles is reported only when it was first
submitted on or after `roles_required_from` (2017-01-18, when the Final Rule, 42 CFR 11, made
the roles a required data element); before that they were optional. A record without a
first-submitted date (a study page) is not reported for missing roles.

Why it matters: ClinicalTrials.gov defines the level by the roles masked, and readers and
search filters use the level. A "Double" study with three masked roles, or an open-label study
with a masked role, says two things about who knows the treatment, and one of them is wrong.

Fails: masking "DOUBLE", whoMasked [PARTICIPANT, INVESTIGATOR, OUTCOMES_ASSESSOR]; masking
"NONE", whoMasked [OUTCOMES_ASSESSOR].

Passes: masking "QUADRUPLE" with all four roles (seed NCT07314060); NCT00000161, legacy masking
"Double" with no roles, first submitted 1999-09-23 (roles were optional then).

Options:
  roles_required_from ("2017-01-18"): a masked study first submitted on or after this date
    (ISO) must list its masked roles; an empty value turns the missing-roles report off.

Fix safety: no fix: whether the level or the roles are wrong is for the sponsor to say.
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
