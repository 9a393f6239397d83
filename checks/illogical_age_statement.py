"""An age statement in the criteria that no age, or every age, satisfies.

Why: the criteria text is what sites screen against. "Age ≥ 18 or ≤ 75 years" admits every age
(each person is either at least 18 or at most 75), so read literally it sets no limit at all; a
range written backwards ("Age 18-5 years") or an upper bound below the lower one admits nobody;
an age beyond any lifetime ("18 to 150 years") or a range that ends at 0 ("0 to 0 years") is a
typing slip. Readers, and software that reads criteria, cannot tell what was meant.

What counts: the age statements that `lintrials.knowledge.age_limits` reads as limits on all
participants (those E101 age-limit-mismatch compares with the age fields), including ranges written
backwards, which that check skips:
- two bounds joined by "or" that together cover every age: "≥ 18 or ≤ 75", "over 18 or under
  65" (in the inclusion part; "Exclusion: < 18 or > 75" is right as written);
- a range with no age in it: "65 to 18 years", "18-5 years", "≥ 65 and ≤ 18", "≥ 18 and < 18";
- an age above `max_years` ("18 to 150 years") or a range that ends at 0 ("0 to 0 years").
The finding points at the whole statement.

Not reported: age mentions the parser does not take as a limit on all participants (sub-groups,
conditions, durations such as "past 6 months", ages of other people), where a backwards-looking
pair is usually two separate statements, and "< 18 or > 65" in the inclusion part (children or
older adults: a union that is meant).

Example (fails): "* Age ≥ 18 or ≤75 years old at screening" (seed NCT07314060): every age
passes; "Age ≥ 18 and ≤ 75 years old" is meant.

Example (passes): "* Age ≥ 18 to ≤ 65 years old"; "Exclusion: age < 18 or > 75 years".

Options:
  max_years (130): the oldest age a statement may name; a bound above it is reported.

Corpus: 1 findings, 1 correct (100%), measured with
lintrials check --select E102 --today 2026-11-22 ../shared/corpus/
NCT04638790: "* Age 18-5 years" (a range written backwards; the age fields say 18 Years to 50
Years, so "18-50" was meant). The seed page NCT07314060 adds one more, correct: "Age ≥ 18 or
≤75 years old". The parser is confident of an age limit in 1,348 of the 2,501 records with
criteria; none of them holds an "or" that covers every age, an age over 130 or a range ending
at 0. Among the statements the parser is not confident of, the backwards-looking pairs are all
misreadings ("< 1.5" of a lab value on one line and "≥ 4 weeks" on the next; "At least 55" and
"Under 55" as two sub-items; "above 150" mmHg), which is why they are not read; this leaves out
one true slip, "13.0 g/dL for males aged 15-171" (NCT03369899, a footnote mark glued to "17"),
which names a sub-group. The edge cases (inverted marked bounds, "0 to 0 years", "18 to 150
years", "≥ 18 and < 18", exclusion-side "or") are tested on small made-up records.
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
