"""An anticipated (ESTIMATED) study date has passed and was not updated.

Why: the registry asks for an anticipated date to become actual once the event happens (the
first participant enrolled, the last one examined), or to be moved when plans change. A past
date still marked anticipated means the record no longer says when the study started or ends.
US law (42 CFR 11.64) gives the sponsor 30 days after the start, primary completion and
completion dates to report them.

This check covers the dates the status checks leave: the start date of a RECRUITING or
ENROLLING_BY_INVITATION study; the start and primary completion dates of an
ACTIVE_NOT_RECRUITING one; every date of a SUSPENDED study or an expanded-access record. Not
judged here: a NOT_YET_RECRUITING study's dates (S101), the completion dates of a running study
(S102), a COMPLETED or TERMINATED study (S108 reports any anticipated date on it), UNKNOWN (the
registry's own mark for an out-of-date record: S105), and WITHDRAWN (the study never started,
and its plan is kept as it was).

Fails (run on 2026-11-22): status RECRUITING, start date 2025-09-11 (anticipated).
Passes: status RECRUITING, start date 2025-09-11 (actual); status RECRUITING, start date
2027-01 (anticipated).

Only dates typed ESTIMATED are judged: the study-page text does not show a date's type, so its
dates are never reported here. A partial date (``2025-09``) has passed once its last day has.

Options:
  as_of (default "today"): the date the dates are judged against: "today" is the run date
    (``--today``); "last-update" is the record's own last update (its submission date, else
    the date it was posted), for archives of old exports: a date is then reported only if it
    had already passed when the sponsor last updated the record.
  grace_days (default 30): days after an anticipated date during which it may still be
    updated, as the 30 days US law allows.

Corpus: 99 findings, 99 correct (100%), measured with
lintrials check --select S103 --today 2026-11-22 ../shared/corpus/
Each finding was read against its record (the raw value re-read by a script independent of
lintrials, a sample opened by hand): 56 primary completion dates of ACTIVE_NOT_RECRUITING
studies, 31 start dates of RECRUITING or ENROLLING_BY_INVITATION studies (NCT05976516:
anticipated 2023-08-01), 10 dates of 6 SUSPENDED studies, 2 of an expanded-access record
(NCT01220531, AVAILABLE). With ``as_of: last-update``: 0 findings (the registry refuses an
anticipated date in the past when an update is submitted). The JSON twin of seed 002 is
reported (start 2025-09-11 typed ESTIMATED, before its own update of 2025-09-17); the page
itself does not show the type and is not.
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
