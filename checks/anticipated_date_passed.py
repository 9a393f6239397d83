"""An anticipated (ESTIMATED) study date has passed and was not updated.

What it finds: a date typed ESTIMATED (in legacy XML, "Anticipated" or "Estimate") that has
passed (more than `grace_days` ago), among the dates the status checks leave: the start date of
a RECRUITING or ENROLLING_BY_INVITATION study; the start and primary completion dates of an
ACTIVE_NOT_RECRUITING one; every date of a SUSPENDED study or an expanded-access record. A
partial date (``2025-09``) has passed once its last day has. Not judged here: NOT_YET_RECRUITING
(S101), the completion dates of a running study (S102), COMPLETED or TERMINATED (S108 reports
any anticipated date on it), UNKNOWN (S105), WITHDRAWN (the study never started; its plan is
kept as it was), and study pages, whose text does not show a date's type.

Why it matters: the registry asks for an anticipated date to become actual once the event
happens, or to be moved when plans change. A past date still marked anticipated means the
record no longer says when the study started or ends. US law (42 CFR 11.64) gives the sponsor
30 days after the start, primary completion and completion dates to report them.

Fails: run on 2026-11-22, status RECRUITING, start date 2025-09-11 (anticipated).

Passes: status RECRUITING, start date 2025-09-11 (actual); status RECRUITING, start date
2027-01 (anticipated).

Options:
  as_of (default "today"): the date the dates are judged against: "today" is the run date
    (``--today``); "last-update" is the record's own last update (its submission date, else
    the date it was posted), for archives of old exports: a date is then reported only if it
    had already passed when the sponsor last updated the record.
  grace_days (default 30): days after an anticipated date during which it may still be
    updated, as the 30 days US law allows.

Fix safety: no fix: the actual date is known only to the sponsor.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from lintrials.context import Context
from lintrials.findings import Problem
from lintrials.knowledge.dates import STUDY_DATES, date_of, is_past, reference_date
from lintrials.model import Record

CODE, NAME, SEVERITY = "S103", "anticipated-date-passed", "warning"


@dataclass(frozen=True)
class Options:
    as_of: str = "today"
    grace_days: int = 30


_ALL = frozenset(field for field, _ in STUDY_DATES)
_COMPLETIONS = frozenset({"primary_completion_date", "completion_date"})
# Dates another check judges, by status; statuses not listed have every date judged here.
_JUDGED_ELSEWHERE = {
    "NOT_YET_RECRUITING": _ALL,
    "RECRUITING": _COMPLETIONS,
    "ENROLLING_BY_INVITATION": _COMPLETIONS,
    "ACTIVE_NOT_RECRUITING": frozenset({"completion_date"}),
    "COMPLETED": _ALL,
    "TERMINATED": _ALL,
    "UNKNOWN": _ALL,
    "WITHDRAWN": _ALL,
}


def check(record: Record, ctx: Context) -> Iterator[Problem]:
    if record.overall_status is None:
        return  # no status module: nothing to judge the dates by
    elsewhere = _JUDGED_ELSEWHERE.get(record.overall_status, frozenset())
    if elsewhere == _ALL:
        return
    reference = None
    for field, words in STUDY_DATES:
        if field in elsewhere:
            continue
        value, date_type = date_of(record, field)
        if value is None or date_type != "ESTIMATED":
            continue
        reference = reference or reference_date(record, ctx.options.as_of, ctx.today)
        if reference is None:
            return
        day, as_of = reference
        if is_past(value, day, ctx.options.grace_days):
            yield Problem(
                field,
                f"the {words} {value} is still anticipated (ESTIMATED), but has passed "
                f"({as_of}; status {record.overall_status}): make it ACTUAL, or move it",
            )
