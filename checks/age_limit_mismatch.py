"""Eligibility criteria state an age limit that the minimum or maximum age field contradicts.

What it finds: an age statement about all participants ("Age ≥ 18", "> 17 years", "aged
18-75", "between 18 and 65 years of age", "no older than 70", "under the age of 18", "6 weeks
to 18 months", legacy "Age: 18 and over") that the age field does not hold. Fields count whole
years (or months...): "≤ 65" agrees with a maximum of 65 Years, "< 80" with 79, "under 18" with
17, "> 17" with a minimum of 18 (or 17). Exclusion statements are read as what they leave:
"Exclusion: age > 75" is a maximum of 75 Years. A stated limit with the field "N/A" or absent
is reported; "18 years and older" with no maximum is not. The check stays silent when the field
agrees with any age the criteria mention (cohorts: "Part A: 18-65, Part B: 12-17" with a
minimum of 12). One finding per field, at the first bound that disagrees.

Not read as the participant's age limit: age at onset or diagnosis, gestational, bone or
corrected age; durations ("for ≥ 5 years", "within 6 months"); life expectancy; ages of other
people (partners, parents, donors); sub-groups and conditions ("Karnofsky for patients > 16
years", "women < 50 years will be considered postmenopausal if ...", nested sub-items, one
cohort's criteria). Not read at all: ages in words, "18 years and 6 months", "age 18 and 70"
without "between", ages in tables, an age range inside an exclusion list.

Why it matters: registries search and filter on the age fields and show them as the study's
age range. When the criteria say "≤ 65 years" and the field says 64 Years, eligible
65-year-olds never find the study, or the record misstates who may join.

Fails: criteria "* Age ≥ 18 to ≤ 65 years old", minimum age "18 Years", maximum age
"64 Years": "≤ 65 years old" means a maximum of 65 Years.

Passes: criteria "Aged 18 to 65 years" with 18 and 65 Years; "Age ≥ 18 or ≤ 75 years" with 18
and 75 Years (the numbers agree; the "or" is E102's business).

Options:
  lenient (true): also accept the looser reading of a strict comparison: "< 65" as a maximum
    of 65 Years ("up to 65"), "Exclusion: > 75" as a maximum of 74. False reads "<" and ">"
    on whole years only.
  no_limit_fields (true): report a stated limit when the age field is "N/A" or absent.

Fix safety: no fix: which of the two is right, the criteria or the field, is for a person.
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
