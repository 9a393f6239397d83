"""Eligibility criteria state an age limit that the minimum or maximum age field contradicts.

What it finds: an age statement about all participants ("Age ≥ 18", "> 17 years", "aged
18-75", "between 18 and 65 years of age", "no older than 70", "under the age of 18", "6 weeks
to 18 months", "between eighteen and sixty-five years", legacy "Age: 18 and over") that the
age field does not hold. Fields count whole years (or months...): "≤ 65" agrees with a maximum
of 65 Years, "< 80" with 79, "under 18" with 17, "> 17" with a minimum of 18 (or 17).
Exclusion statements are read as what they leave: "Exclusion: age > 75" is a maximum of 75
Years. A stated limit with the field "N/A" or absent is reported; "18 years and older" with
no maximum is not, nor is a stand-in for no limit ("up to 99 years", "< 100").

The field must agree with the envelope of the statements: every statement about all
participants holds for all of them, so the tightest counts (inclusion "18-65" and exclusion
"age > 75" make a maximum of 65, whatever else agrees with the field); bounds of one kind that
differ in the inclusion part are ways in for different people ("a male older than 21" for
controls, "a male older than 40" for patients), and count as their widest. The range of one
cohort, part, arm, stratum or age group ("Cohort A: 12-17 years", "first age group 18 to 60,
second age group over 60"), of one sex when both have one ("men ≥ 55", "women ≥ 65"), of one
of two ranges in a criterion, or of an "or" alternative ("older than 65, or adults of any
age with diabetes") counts only as that group's: the field is checked against the envelope
of the groups (a group open on one side leaves that side open), and reported from the groups
alone only when there are several and no age the criteria mention agrees with the field.
One finding per field, at the envelope's bound. Criteria that mention no age leave the
detailed description's statements led by "age" or "old" to be read ("Age range: 40-60 years").

Not read as the participant's age limit: age at onset or diagnosis, gestational, bone or
corrected age; durations ("for ≥ 5 years", "within 6 months"); life expectancy; ages of other
people (partners, parents, caregivers, donors, siblings, a child of the participant's: "having
a child from 2 to 5 years"; and, where a criterion makes the participants carers of someone,
"Parents of children with autism", the criteria about that someone: "Child aged 4 to 12
years"; not when both take part, "dyads", "children and their parents", or the carer only
consents); statements about people the fields cannot be about (mothers and their infants:
ranges that admit nobody together are read as different people's, and the field may be any
one of theirs); conditions ("Karnofsky for patients > 16 years", "women < 50 years will be
considered postmenopausal if ...", nested sub-items, items after "one of the following:").
Not read at all: "18 years and 6 months", "age 18 and 70" without "between", ages in tables,
an age range inside an exclusion list.

Why it matters: registries search and filter on the age fields and show them as the study's
age range. When the criteria say "≤ 65 years" and the field says 64 Years, eligible
65-year-olds never find the study, or the record misstates who may join. Severity info by
default: 19 of 22 right on the evaluation part (86.4%, under the 95% needed to warn by default);
the wrong ones: the age of people the participants care for, and an age at an event before
entry ("16-17 when convicted"). Raise it with `checks: {age-limit-mismatch: {severity: error}}`.

Fails: criteria "* Age ≥ 18 to ≤ 65 years old", minimum age "18 Years", maximum age
"64 Years": "≤ 65 years old" means a maximum of 65 Years.

Passes: criteria "Aged 18 to 65 years" with 18 and 65 Years; "Age ≥ 18 or ≤ 75 years" with 18
and 75 Years (the numbers agree; the "or" is E102's business).

Options:
  lenient (true): also accept the looser reading of a strict comparison: "< 65" as a maximum
    of 65 Years ("up to 65"), "Exclusion: > 75" as a maximum of 74. False reads "<" and ">"
    on whole years only.
  no_limit_fields (true): report a stated limit when the age field is "N/A" or absent.
  read_description (true): read the detailed description when the criteria mention no age.

Fix safety: no fix: which of the two is right, the criteria or the field, is for a person.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from fractions import Fraction

from lintrials.context import Context
from lintrials.findings import Problem
from lintrials.knowledge.age_limits import StatedLimit, age_mentions, says_no_age_limit
from lintrials.knowledge.ages import Age, is_no_limit, parse_age_field
from lintrials.model import Record

CODE, NAME, SEVERITY = "E101", "age-limit-mismatch", "info"


@dataclass(frozen=True)
class Options:
    lenient: bool = True
    no_limit_fields: bool = True
    read_description: bool = True


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


def _tight(limit: StatedLimit) -> Fraction:
    """The field value, in days, that the bound allows when read strictly: the most a minimum
    may be, the least a maximum may be ("> 17" is 18 Years, "< 65" 64 Years)."""
    days = [a.days for a in limit.agreeing_fields(False)]
    return max(days) if limit.kind == "lower" else min(days)


def _pick(limits: list[StatedLimit], kind: str, widest: bool) -> list[StatedLimit]:
    """The tightest bounds of ``limits`` (the widest with ``widest``), read strictly."""
    if not limits:
        return []
    tight = [_tight(m) for m in limits]
    best = (max(tight) if kind == "lower" else min(tight)) if not widest else (
        min(tight) if kind == "lower" else max(tight))
    return [m for m, t in zip(limits, tight, strict=True) if t == best]


def _envelope(limits: list[StatedLimit], kind: str) -> list[StatedLimit]:
    """The bounds of the whole study that the field must agree with. Each statement about
    every participant holds for all of them, so the tightest counts ("Age 18-65" and
    "Exclusion: age > 75": 65); but different bounds of one kind in the inclusion part are
    ways in for different people ("a male older than 21 ..." for controls, "a male older than
    40 ..." for patients), whose envelope is the widest; unless they say the same in two ways
    ("between 18 and 80 years (≥ 18 and < 80)")."""
    inclusion = [m for m in limits if m.section != "exclusion"]
    readings = [{a.days for a in m.agreeing_fields(True)} for m in inclusion]
    if any(not a & b for a in readings for b in readings):
        inclusion = _pick(inclusion, kind, widest=True)
    return _pick(inclusion + [m for m in limits if m.section == "exclusion"], kind, False)


def _disjoint(mentions: list[StatedLimit]) -> bool:
    """Whether the statements about every participant admit nobody together: then they are
    about different people (mothers and their infants), not one range."""
    lowers = [_tight(m) for m in mentions if m.kind == "lower"]
    uppers = [_tight(m) for m in mentions if m.kind == "upper"]
    return bool(lowers and uppers) and max(lowers) > min(uppers)


def _group_envelope(mentions: list[StatedLimit], kind: str) -> tuple[list[StatedLimit], int]:
    """The widest bound of the groups' ranges (cohorts, parts, arms, age groups, alternatives),
    each phrase one group, and how many groups there are; no bound when some group is open
    on that side ("second age group over 60": no maximum) or there are none."""
    phrases: dict[tuple[int, int], list[StatedLimit]] = {}
    for m in mentions:
        if m.group:
            phrases.setdefault(m.phrase_span, []).append(m)
    bounds: list[StatedLimit] = []
    for group in phrases.values():
        own = [m for m in group if m.kind == kind]
        if not own:
            return [], len(phrases)
        bounds.extend(own)
    return _pick(bounds, kind, widest=True), len(phrases)


_STAND_IN_YEARS = 99  # "up to 99 years", "< 100": no maximum in other words


def _stand_in(limit: StatedLimit) -> bool:
    return limit.kind == "upper" and limit.days >= Age(Fraction(_STAND_IN_YEARS), "years").days


def _other_person(limit: StatedLimit, other_field: Age | None) -> bool:
    """Whether a bound lies wholly outside what the other age field admits, so it cannot be
    the participants' (an infant's "under 6 months" in a study of mothers aged 18 and over)."""
    if other_field is None:
        return False
    if limit.kind == "upper":
        return limit.days < other_field.days
    return limit.days > other_field.days


# In prose, only a phrase that says it is an age ("Age range: 40-60 years", "aged 18 or
# older") is read: a bare "1-6 weeks" there is a schedule as often as an age.
_SAYS_AGE = re.compile(r"\bage[ds]?\b|\bold\b|\bolder\b|\byounger\b", re.IGNORECASE)


def check(record: Record, ctx: Context) -> Iterator[Problem]:
    criteria = record.eligibility.criteria or ""
    mentions = ctx.analysis.age_mentions
    if mentions:
        yield from _compare(record, ctx, criteria, mentions, "eligibility.criteria")
        return
    # The criteria mention no age: an age range the detailed description states for all
    # participants ("Age range: 40-60 years") is the study's.
    description = record.detailed_description
    if (ctx.options.read_description and description and not says_no_age_limit(criteria)
            and not says_no_age_limit(description)):
        found = [m for m in age_mentions(description)
                 if m.confident and _SAYS_AGE.search(description, *m.phrase_span)]
        if found:
            yield from _compare(record, ctx, description, found, "detailed_description")


def _compare(record: Record, ctx: Context, criteria: str, mentions: list[StatedLimit],
             where: str) -> Iterator[Problem]:
    """The findings of the age statements ``mentions`` of the text ``criteria`` (the field
    ``where``) against the age fields."""
    eligibility = record.eligibility
    lenient = ctx.options.lenient
    whole = [m for m in mentions if m.confident]
    disjoint = _disjoint(whole)
    fields = {kind: parse_age_field(getattr(eligibility, field)) for kind, field, _ in _FIELDS}
    for kind, field, label in _FIELDS:
        stated = [m for m in whole if m.kind == kind]
        groups, count = _group_envelope(mentions, kind)
        envelope = _envelope(stated, kind)
        from_groups = not envelope
        if from_groups and count > 1:
            envelope = groups  # "Part 1: 18-55 years", "Part 2: 18-75 years": up to 75
        if not envelope:
            continue
        raw = getattr(eligibility, field)
        value = fields[kind]
        if value is None and not is_no_limit(raw):
            continue  # a field that is not an age at all is another check's business
        if value is None and (not ctx.options.no_limit_fields
                              or says_no_age_limit(criteria)):
            continue
        if raw is None and eligibility.sex is None and not eligibility.std_ages:
            continue  # a partial download (fields= filter) that left the age fields out
        if any(m.agrees_with(value, lenient) for m in envelope):
            continue
        if any(m.agrees_with(value, lenient) for m in groups):
            continue  # the whole-study statement is one group's; the groups' envelope agrees
        if (disjoint or from_groups) and any(m.agrees_with(value, lenient) for m in mentions
                                             if m.kind == kind):
            continue  # different people's statements, or groups' only: the field is one of them
        limit = envelope[0]
        if value is None and (_open_ended_group(limit, mentions) or _stand_in(limit)):
            continue
        if value is None and _other_person(limit, fields["upper" if kind == "lower" else
                                                          "lower"]):
            continue
        part = ("the detailed description states" if where == "detailed_description" else
                "exclusion criteria state" if limit.section == "exclusion" else "criteria state")
        field_says = (f"the {label} field is {value}" if value is not None else
                      f"the {label} field sets no limit ({raw.strip() or 'empty'})" if raw
                      else f"there is no {label} field")
        yield Problem(
            field=where,
            message=(f'{part} "{_quote(criteria, limit.span)}" ('
                     f"{_meaning(limit, label, lenient)}), but {field_says}"),
            span=limit.span,
            related=(f"eligibility.{field}",) if raw is not None else (),
        )
