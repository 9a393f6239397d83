"""Eligibility criteria state an age limit that the minimum or maximum age field contradicts.

Why: registries search and filter on the age fields, and show them as the study's age range.
When the criteria say "Age ≥ 18 to ≤ 65 years" but the maximum age field says 64 Years, either
eligible 65-year-olds never find the study or the record misstates who may join.

What counts: every age statement the criteria make about all participants ("Age ≥ 18",
"> 17 years", "aged 18-75", "between 18 and 65 years of age", "18 years and older",
"no older than 70", "under the age of 18", "6 weeks to 18 months", legacy "Age: 18 and over").
Fields count whole years (or months, ...), so "≤ 65" agrees with a maximum of 65 Years,
"< 80" with 79 Years, "under 18" with 17 Years, and "> 17" with a minimum of 18 Years (or
17 Years, "any day past the 17th birthday"). Statements in the exclusion part are read as
what they leave: "Exclusion: age > 75" is a maximum of 75 Years, "Exclusion: < 18 or > 80"
a range of 18-80. A field of "N/A", or none, sets no limit: a stated maximum with no maximum
field is a mismatch; "18 years and older" with no maximum is not.

The check stays silent when the field agrees with any age the criteria mention, even one it
would not report (cohorts: "Part A: 18-65 years, Part B: 12-17 years" with a minimum of 12).
It reports one finding per field, at the first stated bound that disagrees, naming the
statement, the age it means, and the field's value.

Not read as the participant's age limit: age at onset or diagnosis, gestational, bone or
corrected age, durations ("for ≥ 5 years", "within 6 months", "menopause for 12 months"), life
expectancy, ages of other people (partners, parents, children of participants, donors,
household members), conditions and sub-groups ("Karnofsky for patients > 16 years", "women
< 50 years will be considered postmenopausal if ...", nested sub-items, criteria for one
cohort or sub-study, exclusion of a sub-group such as "patients > 75 with heart failure").
Not read at all (so never reported): ages written in words ("eighteen"), "18 years and
6 months", "age 18 and 70" without "between", ages in tables, and an age range inside an
exclusion list (it usually names a sub-group).

Example (fails): criteria "* Age ≥ 18 to ≤ 65 years old", minimum age "18 Years", maximum
age "64 Years": the criteria's "≤ 65 years old" means a maximum of 65 Years.

Example (passes): criteria "Aged 18 to 65 years", minimum age "18 Years", maximum age
"65 Years". Also "Age ≥ 18 or ≤ 75 years" with 18 and 75 Years: the numbers agree (the "or"
is another check's business).

Options:
  lenient (true): also accept the looser reading of a strict comparison: "< 65" as a maximum
    of 65 Years ("up to 65"), "Exclusion: > 75" as a maximum of 74 Years ("75 and over are
    excluded"). False reads "<" and ">" on whole years only.
  no_limit_fields (true): report a stated limit when the age field is "N/A" or absent.

Corpus: 65 findings, 65 correct (100%), measured with
`lintrials check --select E101 --today 2026-11-22 ../shared/corpus/`: 65 findings in 59 of the
2,554 records; every one was read against its record and all 65 are
correct (precision 100%; the seed pages add one more, correct: seed 001). 40 are fields that
disagree with the stated bound: an edge off by one ("≤ 65" vs 64 Years, "between 12 and 17"
vs 18 Years), another range ("18-70 years" vs 75 Years, "≥ 45 years" vs 18 Years), a unit
slip ("18-50 years old" vs a minimum of "18 Months"), an exclusion that leaves 99 ("≥ 100"
excluded) vs 100 Years. 25 are limits the criteria state while the field is N/A or absent
(legacy "Age: 18 and over" with N/A; "Aged 18-80 years" with no maximum). Five come from
exclusion statements. With `lenient: false` the run reports 26 more, all "< N" (or "under
N") against a maximum of N Years, and one "Exclusion: > 65" against 64 Years.
Recall, from reading about 150 records whose criteria mention an age that a field does not
hold: the parser is confident of a limit in 1,348 of the 2,501 records with criteria. It does
not read, and so misses: ages after words outside the participants' vocabulary ("Hypogonadal
(testosterone ≤ 400 ng/dl) men age ≥ 20"), the second range of "55-69 years (men) and 60-74
years (women)", negations ("cannot be younger than 18 or older than 85"), "age is 18 and 70",
ages in words, "16 years, 0 months - 25 years, 11 months", typos ("18-5 years"), and limits
under lead-ins that narrow them ("Inclusion criteria for the cases:", "one of the following:").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from lintrials.context import Context
from lintrials.findings import Problem
from lintrials.knowledge.age_limits import StatedLimit, says_no_age_limit
from lintrials.knowledge.ages import Age, is_no_limit, parse_age_field
from lintrials.model import Record

CODE, NAME, SEVERITY = "E101", "age-limit-mismatch", "error"


@dataclass(frozen=True)
class Options:
    lenient: bool = True
    no_limit_fields: bool = True


_FIELDS = (("lower", "minimum_age", "minimum age"), ("upper", "maximum_age", "maximum age"))
_ESCAPE = re.compile(r"\\(?=[^\w\s])")
_SPACE = re.compile(r"\s+")


def _quote(criteria: str, span: tuple[int, int]) -> str:
    return _SPACE.sub(" ", _ESCAPE.sub("", criteria[span[0]:span[1]])).strip()


def _meaning(limit: StatedLimit, label: str, lenient: bool) -> str:
    values: list[Age] = []
    for age in limit.agreeing_fields(lenient):
        if age.value.denominator == 1 and age not in values:
            values.append(age)
    values.sort(key=lambda a: a.days)
    if not values:
        return f"{label} {limit.age}"
    numbers = " or ".join(str(a).rsplit(" ", 1)[0] for a in values[:-1])
    last = str(values[-1])
    return f"{label} {numbers + ' or ' if numbers else ''}{last}"


def _open_ended_group(limit: StatedLimit, mentions: list[StatedLimit]) -> bool:
    """Whether another age statement of the criteria is open on ``limit``'s side for another
    group ("men 21-80 years" for controls and "men older than 40" for patients: no maximum)."""
    own = {m.days for m in mentions if m.phrase_span == limit.phrase_span and m.kind != limit.kind}
    phrases: dict[tuple[int, int], list[StatedLimit]] = {}
    for m in mentions:
        if m.confident:
            phrases.setdefault(m.phrase_span, []).append(m)
    for span, group in phrases.items():
        if span == limit.phrase_span or any(m.kind == limit.kind for m in group):
            continue
        if own and any(m.days not in own for m in group):
            return True
        # "Age ≥ 60 years. Patients aged < 60 years who ... may be eligible": no upper limit.
        if not own and any((m.days >= limit.days) == (limit.kind == "upper") for m in group):
            return True
    return False


def check(record: Record, ctx: Context) -> Iterator[Problem]:
    eligibility = record.eligibility
    criteria = eligibility.criteria
    if not criteria:
        return
    lenient = ctx.options.lenient
    mentions = ctx.analysis.age_mentions
    for kind, field, label in _FIELDS:
        stated = [m for m in mentions if m.kind == kind and m.confident]
        if not stated:
            continue
        raw = getattr(eligibility, field)
        value = parse_age_field(raw)
        if value is None and not is_no_limit(raw):
            continue  # a field that is not an age at all is another check's business
        if value is None and (not ctx.options.no_limit_fields
                              or says_no_age_limit(criteria)):
            continue
        if raw is None and eligibility.sex is None and not eligibility.std_ages:
            continue  # a partial download (fields= filter) that left the age fields out
        if any(m.agrees_with(value, lenient) for m in mentions if m.kind == kind):
            continue
        limit = stated[0]
        if value is None and _open_ended_group(limit, mentions):
            continue
        part = "exclusion criteria state" if limit.section == "exclusion" else "criteria state"
        field_says = (f"the {label} field is {value}" if value is not None else
                      f"the {label} field sets no limit ({raw.strip() or 'empty'})" if raw
                      else f"there is no {label} field")
        yield Problem(
            field="eligibility.criteria",
            message=(f'{part} "{_quote(criteria, limit.span)}" ('
                     f"{_meaning(limit, label, lenient)}), but {field_says}"),
            span=limit.span,
            related=(f"eligibility.{field}",) if raw is not None else (),
        )
