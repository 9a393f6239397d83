"""The standard age groups (stdAges) do not match the minimum and maximum age fields.

Why: ClinicalTrials.gov derives a study's age groups (CHILD: birth to 17, ADULT: 18 to 64,
OLDER_ADULT: 65 and over) from its age fields and publishes them as ``stdAges`` in API v2 JSON;
its search's age filters use them. A record whose groups disagree with its age fields was
changed after it was downloaded (an age edited by hand, a file merged from two versions), so
one of the two is no longer what the registry holds, and tools that filter on the groups
include or drop the study wrongly.

How the groups are derived (checked on every one of the 1,694 API v2 records of the corpus):
CHILD when the minimum age is under 18 years (or there is none); ADULT when the minimum is under
65 years and the maximum is 18 years or more (or there is none); OLDER_ADULT when the maximum
is 65 years or more (or there is none). Ages compare on one scale ("216 Months" is 18 years).
For a value in months, weeks or days whose conversion to years is not exact, either side of a
boundary is accepted, since it is not documented how the registry rounds those.

Only records that carry groups are judged: legacy XML and study pages have none, and an API v2
file downloaded without them is not a defect. An age field that is not a valid age is left to
E103 invalid-age-field.

Example (fails): minimum age "18 Years", maximum age "64 Years", stdAges [ADULT, OLDER_ADULT]
(the maximum was lowered from 65 after download, or the groups were copied from elsewhere).

Example (passes): minimum age "18 Years", maximum age "65 Years", stdAges [ADULT, OLDER_ADULT]
(seed NCT07177911).

Options: none.

Corpus: 0 findings, 0 correct, measured with
lintrials check --select E105 --today 2026-11-22 ../shared/corpus/
All 1,694 API v2 records hold the groups the rule above derives (so no export in the corpus
was edited by hand), including the edges the corpus has: maximum 17 Years (CHILD only,
NCT02724163), maximum 18 Years (CHILD, ADULT, NCT03275402), 18 to 64 Years (ADULT only),
minimum 65 Years (OLDER_ADULT only, NCT01252810, and 65 to 65 Years, NCT06403423), minimum
18 Minutes (all three, NCT01809093). No API v2 record counts its ages in months or weeks near a
boundary, hence the tolerance there. The check is tested on real records whose groups or ages
were edited in a copy, as a hand edit would leave them.
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
