"""An age field holds a stand-in value for "no limit", such as a maximum of 99 or 120 Years.

What it finds: a maximum age of `maximum_years` Years or more (in any unit: "1200 Months" is
100 Years) when the criteria state no upper age limit; with `zero_minimum`, a minimum age of 0.
A maximum the criteria state ("ages 4 to 99 years", "Exclusion: patients >= 100 years old") is
a limit the sponsor chose, and is left to E101 age-limit-mismatch.

Why it matters: with no upper age limit the registry wants no maximum (legacy "N/A"). A maximum
of 99, 100, 120 or 999 Years looks like a real limit in the record, in search filters and on
the study page, and software that compares the field with the criteria ("18 years or older")
sees a disagreement that is not there. It is harmless for enrolment, so the finding is info.

Fails: minimum age "18 Years", maximum age "130 Years", criteria "Participant must be 18 years
of age or older" (NCT05774951).

Passes: minimum age "18 Years" and no maximum age; or a maximum age of "85 Years".

Options:
  maximum_years (99): the smallest maximum, in years, read as a stand-in for "no limit".
  zero_minimum (false): also report a minimum age of 0. Off by default: "0 Years" says "from
    birth", which neonatal and paediatric studies mean (NCT05915026: "from birth to < 18
    years"), and it does no harm.

Fix safety: no fix (removing the maximum is simple, but a person should confirm there is no
limit).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from fractions import Fraction

from lintrials.context import Context
from lintrials.findings import Problem
from lintrials.knowledge.ages import Age, parse_age_field
from lintrials.model import Record

CODE, NAME, SEVERITY = "E104", "placeholder-age-limit", "info"


@dataclass(frozen=True)
class Options:
    maximum_years: int = 99
    zero_minimum: bool = False


def check(record: Record, ctx: Context) -> Iterator[Problem]:
    eligibility = record.eligibility
    low = parse_age_field(eligibility.minimum_age)
    high = parse_age_field(eligibility.maximum_age)
    threshold = Age(Fraction(ctx.options.maximum_years), "years")
    if high is not None and high.days >= threshold.days and not any(
            limit.kind == "upper" for limit in ctx.analysis.stated_age_limits):
        yield Problem(
            "eligibility.maximum_age",
            f"maximum age {high} reads as a stand-in for \"no upper limit\"; a study with no "
            "maximum age leaves the field out (N/A)",
        )
    if ctx.options.zero_minimum and low is not None and low.value == 0:
        yield Problem(
            "eligibility.minimum_age",
            f"minimum age {low} is the same as no minimum age; a study with no minimum age "
            "leaves the field out (N/A)",
        )
