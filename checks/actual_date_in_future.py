"""A date given as actual (ACTUAL) lies in the future.

Why: an actual date records something that has happened: the first participant enrolled, the
last one examined, the record submitted. One that lies ahead is either a typing slip in the
date, or a plan saved with the wrong type, and the registry then shows the study as started or
finished when it is not. Registry reviewers query an actual date later than the update that
gave it.

Judged: the start, primary completion and completion dates typed ACTUAL, and the dates the
registry itself records (status verified, first submitted, last update submitted and posted),
which are actual by nature. A date one day ahead is let pass: a sponsor writes its own local
date, and the registry's day (US Eastern time) or the user's may still be the day before.

Fails (run on 2026-11-22): completion date 2027-03 (actual).
Passes: completion date 2027-03 (anticipated); completion date 2026-11-20 (actual).

Only dates typed ACTUAL are judged among the study dates: the study-page text does not show a
date's type, so its study dates are not. A partial date (``2026-12``) lies in the future only
when its first day does.

Options:
  as_of (default "today"): the date the dates are judged against: "today" is the run date
    (``--today``); "last-update" is the record's own last update (its submission date, else
    the date it was posted): an actual study date after the update that gave it is then
    reported, on an export of any age. The registry's own dates are not judged in this mode
    (their order is S106's).

Corpus: 0 findings, 0 correct, measured with
lintrials check --select S104 --today 2026-11-22 ../shared/corpus/
No corpus record holds an actual date after 2026-11-22. Tested on real records run with an
earlier ``--today`` (NCT02742311, actual dates 2021-12-31, judged on 2021-12-29) and on a copy of
a record with an actual completion date moved ahead (tests/test_actual_date_in_future.py). With
``as_of: last-update``: 0 findings; 8 actual dates lie exactly one day after the update that
gave them (NCT02742311, NCT05752591, NCT06361927, NCT06787677, NCT05695066): sponsors' local
dates, let pass.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta

from lintrials.context import Context
from lintrials.findings import Problem
from lintrials.knowledge.dates import STUDY_DATES, PartialDate, date_of, is_future, reference_date
from lintrials.model import Record

CODE, NAME, SEVERITY = "S104", "actual-date-in-future", "error"


@dataclass(frozen=True)
class Options:
    as_of: str = "today"


_REGISTRY_DATES = (
    ("status_verified_date", "status verified date"),
    ("first_submitted_date", "first submitted date"),
    ("last_update_submitted_date", "last update submitted date"),
    ("last_update_posted_date", "last update posted date"),
)
_TOLERANCE = timedelta(days=1)


def check(record: Record, ctx: Context) -> Iterator[Problem]:
    reference = None
    for field, words in STUDY_DATES:
        value, date_type = date_of(record, field)
        if value is None or date_type != "ACTUAL":
            continue
        reference = reference or reference_date(record, ctx.options.as_of, ctx.today)
        if reference is None:
            return
        day, as_of = reference
        if is_future(value, day + _TOLERANCE):
            yield Problem(
                field,
                f"the {words} {value} is given as ACTUAL, but lies in the future ({as_of}): "
                "make it ESTIMATED (anticipated), or correct it",
            )
    if ctx.options.as_of != "today":
        return
    for field, words in _REGISTRY_DATES:
        value = PartialDate.parse(getattr(record, field))
        if value is None:
            continue
        reference = reference or reference_date(record, ctx.options.as_of, ctx.today)
        if reference is None:
            return
        day, as_of = reference
        if is_future(value, day + _TOLERANCE):
            yield Problem(field, f"the {words} {value} lies in the future ({as_of})")
