"""The standard age groups (stdAges) do not match the minimum and maximum age fields.

What it finds: an API v2 record whose ``stdAges`` are not the groups the registry derives from
its age fields: CHILD when the minimum age is under 18 years (or there is none); ADULT when the
minimum is under 65 and the maximum 18 or more (or none); OLDER_ADULT when the maximum is 65 or
more (or none). Ages compare on one scale ("216 Months" is 18 years); for months, weeks or days
that do not convert to whole years, either side of a boundary is accepted, since how the
registry rounds them is not documented. The rule was checked on every API v2 record of the
corpus.

Only records that carry groups are judged: legacy XML and study pages have none, and an API v2
file downloaded without them is not a defect. An age field that is not a valid age is left to
E103 invalid-age-field.

Why it matters: the registry's age filters use the groups. Groups that disagree with the age
fields mean the record was changed after download (an age edited by hand, a file merged from
two versions): one of the two is no longer what the registry holds, and tools that filter on
the groups include or drop the study wrongly.

Fails: minimum age "18 Years", maximum age "64 Years", stdAges [ADULT, OLDER_ADULT] (the
maximum was lowered from 65 after download, or the groups were copied from elsewhere).

Passes: minimum age "18 Years", maximum age "65 Years", stdAges [ADULT, OLDER_ADULT] (seed
NCT07177911).

Options: none.

Fix safety: no fix: which side was edited is for a person to say.
"""

from __future__ import annotations

from collections.abc import Iterator
from fractions import Fraction

from lintrials.context import Context
from lintrials.findings import Problem
from lintrials.knowledge.ages import Age, is_no_limit, parse_age_field
from lintrials.model import Record

CODE, NAME, SEVERITY = "E105", "std-ages-mismatch", "warning"

GROUPS = ("CHILD", "ADULT", "OLDER_ADULT")
_ADULT, _OLDER = Fraction(18), Fraction(65)
# Units per year, as written by people counting calendar units (12 months, 52 weeks, 365 days)
# besides the exact scale of lintrials.knowledge.ages (365.25 days).
_CALENDAR = {"years": 1, "months": 12, "weeks": 52, "days": 365, "hours": 365 * 24,
             "minutes": 365 * 24 * 60}


def _years(age: Age) -> set[Fraction]:
    """The age in years, read both exactly and in calendar units."""
    return {age.days / Age(Fraction(1), "years").days, age.value / _CALENDAR[age.unit]}


def derived_groups(low: Fraction | None, high: Fraction | None) -> tuple[str, ...]:
    """The groups ClinicalTrials.gov derives from a minimum and maximum age in years."""
    low = low if low is not None else Fraction(0)
    groups = []
    if low < _ADULT:
        groups.append("CHILD")
    if low < _OLDER and (high is None or high >= _ADULT):
        groups.append("ADULT")
    if high is None or high >= _OLDER:
        groups.append("OLDER_ADULT")
    return tuple(groups)


def _describe(raw: str | None) -> str:
    return raw.strip() if raw and not is_no_limit(raw) else "none"


def check(record: Record, ctx: Context) -> Iterator[Problem]:
    eligibility = record.eligibility
    stated = eligibility.std_ages
    if not stated:
        return
    bounds: list[set[Fraction | None]] = []
    for raw in (eligibility.minimum_age, eligibility.maximum_age):
        age = parse_age_field(raw)
        if age is None and not is_no_limit(raw):
            return  # not an age: E103's business
        bounds.append({None} if age is None else set(_years(age)))
    possible = {derived_groups(low, high) for low in bounds[0] for high in bounds[1]}
    ordered = tuple(g for g in GROUPS if g in stated)
    unknown = [g for g in stated if g not in GROUPS]
    if ordered in possible and not unknown:
        return
    expected = " or ".join(sorted(", ".join(groups) or "no group" for groups in possible))
    ages = (f"minimum age {_describe(eligibility.minimum_age)}, "
            f"maximum age {_describe(eligibility.maximum_age)}")
    if unknown:
        message = (f"stdAges holds {', '.join(unknown)}, which is no age group "
                   f"(CHILD, ADULT, OLDER_ADULT)")
    else:
        message = (f"stdAges is {', '.join(stated)}, but the age fields ({ages}) give "
                   f"{expected}: the registry derives the groups from "
                   "the ages, so one of them was changed after download")
    related = tuple(f"eligibility.{f}" for f in ("minimum_age", "maximum_age")
                    if getattr(eligibility, f) is not None)
    yield Problem("eligibility.std_ages", message, related=related)
