"""A study's status says it is still running although its completion dates have passed.

What it finds: RECRUITING and ENROLLING_BY_INVITATION studies whose primary completion date or
completion date has passed, and ACTIVE_NOT_RECRUITING studies whose completion date has passed
(their primary completion may well be past: participants are still followed), more than
`grace_days` ago. One finding per record, at the first date that has passed, naming the other
if it has passed too. An *actual* date is reported whatever its value (unless in the future,
which S104 reports). A date without a type (study pages) is judged by its value alone; a
partial date (``2024-12``) has passed once its last day has. NOT_YET_RECRUITING studies are
left to S101, UNKNOWN (the registry's own mark for such a record) to S105.

Why it matters: a recruiting study has, by its primary completion date, examined its last
participant for the primary outcome, so it cannot still be enrolling; an active study is over
by its completion date. Patients searching the registry are shown a study that is not open.
US law (42 CFR 11.64) gives the sponsor 30 days to report a change of status or these dates;
ClinicalTrials.gov marks such a record UNKNOWN once it also goes unverified for two years.

Fails: run on 2026-11-22, status RECRUITING, primary completion date 2024-12 (anticipated).

Passes: status RECRUITING, primary completion date 2027-06 (anticipated); status
ACTIVE_NOT_RECRUITING, primary completion date 2024-12 (actual), completion date 2027-06.

Options:
  as_of (default "today"): the date the dates are judged against: "today" is the run date
    (``--today``); "last-update" is the record's own last update (its submission date, else
    the date it was posted), for archives of old exports: a record is then reported only if
    the date had already passed when the sponsor last updated it.
  grace_days (default 30): days after an anticipated date during which the status may still
    lag, as the 30 days US law allows for reporting these changes.

Fix safety: no fix: whether the status or the date is out of date is for the sponsor to say.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from lintrials.context import Context
from lintrials.findings import Problem
from lintrials.knowledge.dates import date_of, is_future, is_past, kind, reference_date
from lintrials.model import Record

CODE, NAME, SEVERITY = "S102", "open-past-completion", "warning"


@dataclass(frozen=True)
class Options:
    as_of: str = "today"
    grace_days: int = 30


_PRIMARY = ("primary_completion_date", "primary completion date")
_COMPLETION = ("completion_date", "completion date")
# The dates each running status must not have passed, and the statuses to suggest instead.
_JUDGED = {
    "RECRUITING": ((_PRIMARY, _COMPLETION), "ACTIVE_NOT_RECRUITING, COMPLETED, TERMINATED"),
    "ENROLLING_BY_INVITATION": (
        (_PRIMARY, _COMPLETION),
        "ACTIVE_NOT_RECRUITING, COMPLETED, TERMINATED",
    ),
    "ACTIVE_NOT_RECRUITING": ((_COMPLETION,), "COMPLETED, TERMINATED"),
}


def check(record: Record, ctx: Context) -> Iterator[Problem]:
    judged = _JUDGED.get(record.overall_status or "")
    if judged is None:
        return
    reference = reference_date(record, ctx.options.as_of, ctx.today)
    if reference is None:
        return
    day, as_of = reference
    grace = ctx.options.grace_days
    fields, instead = judged
    passed: list[tuple[str, str]] = []
    for field, words in fields:
        value, date_type = date_of(record, field)
        if value is None:
            continue
        if date_type == "ACTUAL" and not is_future(value, day):
            passed.append((field, f"actual {words} {value}"))
        elif date_type != "ACTUAL" and is_past(value, day, 0 if passed else grace):
            passed.append((field, f"{kind(date_type)}{words} {value}"))
    if not passed:
        return
    (field, first), *others = passed
    message = f"status is {record.overall_status}, but the {first} has passed ({as_of})"
    if others:
        message += f", and so has the {others[0][1]}"
    message += f": set the status the study has now ({instead}...), or move the dates"
    yield Problem(
        field,
        message,
        related=("overall_status", *(other for other, _ in others)),
    )
