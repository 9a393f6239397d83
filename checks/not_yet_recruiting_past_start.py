"""A study is still "not yet recruiting" although its start date has passed.

What it finds: a NOT_YET_RECRUITING study whose start date has passed (more than `grace_days`
ago); the message also names the primary completion and completion dates when they have passed
too (all of a not-yet-recruiting study's dates are judged here; S102 leaves them). An *actual*
start date on such a study is reported whatever the date (unless it lies in the future, which
S104 reports): the record says both that the first participant was enrolled and that nobody
is. A date without a type (the study-page text does not show it) is judged by its value alone.
A partial date (``2026-03``) has passed once its last day has.

Why it matters: the start date is the day the first participant is enrolled. Once it has
passed, either the study started and its status should say so, with an actual start date, or
it did not and the anticipated date needs moving. US law (42 CFR 11.64) gives the sponsor 30
days to report a change of recruitment status, and registry reviewers (ClinicalTrials.gov PRS
review, NCI CTRP validation) query such a record.

Fails: run on 2026-11-22, status NOT_YET_RECRUITING, start date 2025-09-25, completion date
2026-10-31 (seed 001_020fa720e2ffd389.txt).

Passes: status NOT_YET_RECRUITING, start date 2027-01-15 (anticipated); or status RECRUITING,
start date 2025-09-25 (actual).

Options:
  as_of (default "today"): the date the dates are judged against: "today" is the run date
    (``--today``); "last-update" is the record's own last update (its submission date, else
    the date it was posted), for archives of old exports: a record is then reported only if
    its start date had already passed when the sponsor last updated it.
  grace_days (default 30): days after the start date during which the status may still lag,
    as the 30 days US law allows for reporting a change of status.

Fix safety: no fix: whether the status or the date is out of date is for the sponsor to say.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from lintrials.context import Context
from lintrials.findings import Problem
from lintrials.knowledge.dates import STUDY_DATES, date_of, is_future, is_past, kind, reference_date
from lintrials.model import Record

CODE, NAME, SEVERITY = "S101", "not-yet-recruiting-past-start", "warning"


@dataclass(frozen=True)
class Options:
    as_of: str = "today"
    grace_days: int = 30


def check(record: Record, ctx: Context) -> Iterator[Problem]:
    if record.overall_status != "NOT_YET_RECRUITING":
        return
    start, start_type = date_of(record, "start_date")
    if start is None:
        return
    reference = reference_date(record, ctx.options.as_of, ctx.today)
    if reference is None:
        return
    day, as_of = reference
    if start_type == "ACTUAL":
        if is_future(start, day):
            return  # an actual date in the future: S104
        message = (
            f"status is NOT_YET_RECRUITING, but the actual start date {start} says the first "
            "participant was enrolled"
        )
    elif is_past(start, day, ctx.options.grace_days):
        message = (
            f"status is NOT_YET_RECRUITING, but the {kind(start_type)}start date {start} has "
            f"passed ({as_of})"
        )
    else:
        return
    passed_too = []
    for field, words in STUDY_DATES[1:]:
        value, _ = date_of(record, field)
        if value is not None and is_past(value, day):
            passed_too.append((field, f"{words} {value}"))
    if passed_too:
        verb = "have" if len(passed_too) > 1 else "has"
        message += f", and so {verb} the " + " and the ".join(words for _, words in passed_too)
    message += ": set the status the study has now, or move the anticipated dates"
    yield Problem(
        "start_date",
        message,
        related=("overall_status", *(field for field, _ in passed_too)),
    )
