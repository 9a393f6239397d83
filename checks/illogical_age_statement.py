"""An age statement in the criteria that no age, or every age, satisfies.

What it finds: among the age statements that `lintrials.knowledge.age_limits` reads as limits on all
participants (those E101 compares with the age fields), including ranges written backwards:

- two bounds joined by "or" that cover every age, in the inclusion part: "≥ 18 or ≤ 75",
  "over 18 or under 65" ("Exclusion: < 18 or > 75" is right as written);
- a range with no age in it: "65 to 18 years", "18-5 years", "≥ 65 and ≤ 18", "≥ 18 and < 18";
- an age above `max_years` ("18 to 150 years") or a range that ends at 0 ("0 to 0 years").

The finding points at the whole statement. Not reported: age mentions the parser does not take
as a limit on all participants (sub-groups, conditions, durations, other people's ages), where
a backwards-looking pair is usually two separate statements; "< 18 or > 65" in the inclusion
part (children or older adults: a union that is meant).

Why it matters: sites screen against the criteria text. "Age ≥ 18 or ≤ 75 years", read
literally, sets no limit at all; a backwards range admits nobody; an age beyond any lifetime is
a typing slip. Readers, and software that reads criteria, cannot tell what was meant.

Fails: "* Age ≥ 18 or ≤75 years old at screening" (seed NCT07314060): every age passes;
"Age ≥ 18 and ≤ 75 years old" is meant.

Passes: "* Age ≥ 18 to ≤ 65 years old"; "Exclusion: age < 18 or > 75 years".

Options:
  max_years (130): the oldest age a statement may name; a bound above it is reported.

Fix safety: no fix: what was meant is for a person to say.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from fractions import Fraction

from lintrials.context import Context
from lintrials.findings import Problem
from lintrials.knowledge.age_limits import StatedLimit
from lintrials.knowledge.ages import Age, parse_age_field
from lintrials.model import Record

CODE, NAME, SEVERITY = "E102", "illogical-age-statement", "error"


@dataclass(frozen=True)
class Options:
    max_years: int = 130


_ESCAPE = re.compile(r"\\(?=[^\w\s])")
_SPACE = re.compile(r"\s+")


def _quote(criteria: str, span: tuple[int, int]) -> str:
    return _SPACE.sub(" ", _ESCAPE.sub("", criteria[span[0]:span[1]])).strip()


def _admits_nobody(lower: StatedLimit, upper: StatedLimit) -> bool:
    if lower.days != upper.days:
        return lower.days > upper.days
    return not (lower.inclusive and upper.inclusive)


def _problem(criteria: str, limit: StatedLimit, why: str) -> Problem:
    return Problem(
        field="eligibility.criteria",
        message=f'criteria state "{_quote(criteria, limit.phrase_span)}": {why}',
        span=limit.phrase_span,
    )


def _fields(record: Record) -> str:
    """The age fields, for the reader who fixes a statement: " (the age fields say ...)"."""
    low, high = record.eligibility.minimum_age, record.eligibility.maximum_age
    if parse_age_field(low) is None and parse_age_field(high) is None:
        return ""
    return (f" (the age fields say {low.strip() if low else 'no minimum'} to "
            f"{high.strip() if high else 'no maximum'})")


def check(record: Record, ctx: Context) -> Iterator[Problem]:
    criteria = record.eligibility.criteria
    if not criteria:
        return
    max_days = Age(Fraction(ctx.options.max_years), "years").days
    statements = [s for s in ctx.analysis.age_statements if s.confident]
    reported: set[tuple[int, int]] = set()
    pairs: dict[tuple[int, int], list[StatedLimit]] = {}
    for limit in statements:
        if limit.joined_by is not None:
            pairs.setdefault(limit.phrase_span, []).append(limit)
    for span, pair in pairs.items():
        lower = next((b for b in pair if b.kind == "lower"), None)
        upper = next((b for b in pair if b.kind == "upper"), None)
        if lower is None or upper is None or len(pair) != 2:
            continue
        nobody = _admits_nobody(lower, upper)
        if lower.joined_by == "or" and lower.section != "exclusion":
            if not nobody:
                reported.add(span)
                yield _problem(criteria, lower, (
                    f'joined by "or", the bounds admit every age (everyone is '
                    f'{lower.describe()} or {upper.describe()}); "and" is probably meant'))
        elif nobody and lower.section != "exclusion":
            if lower.span == upper.span:  # an unmarked range: "65 to 18 years"
                how = f"the range runs backwards, from {lower.age} down to {upper.age}"
            else:
                how = (f'the lower bound ("{lower.describe()}") is above the upper bound '
                       f'("{upper.describe()}")')
            reported.add(span)
            yield _problem(criteria, lower, f"{how}: no age satisfies it{_fields(record)}")
    for limit in statements:
        if limit.phrase_span in reported:
            continue
        if limit.days > max_days:
            reported.add(limit.phrase_span)
            yield _problem(criteria, limit, f"{limit.age} is beyond any lifetime{_fields(record)}")
        elif limit.kind == "upper" and limit.age.value == 0:
            reported.add(limit.phrase_span)
            yield _problem(criteria, limit, f"the upper bound is {limit.age}: an age range "
                                            f"cannot end at 0{_fields(record)}")
