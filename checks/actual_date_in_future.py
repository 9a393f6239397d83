"""A date given as actual (ACTUAL) lies in the future.

What it finds: a start, primary completion or completion date typed ACTUAL, or a date the
registry itself records (status verified, first submitted, last update submitted and posted,
actual by nature), that lies after the date judged against. A posting date the registry gives
as an estimate (ESTIMATED; legacy XML's `type="Estimate"`: the day it expects to post an
update still in review) is not an actual date and is not judged. A date one day ahead is let pass:
a sponsor writes its own local date, and the registry's day (US Eastern time) or the user's may
still be the day before. A partial date (``2026-12``) lies in the future only when its first
day does. Study pages do not show a date's type, so their study dates are not judged.

Why it matters: an actual date records something that has happened: the first participant
enrolled, the last one examined, the record submitted. One that lies ahead is a typing slip or
a plan saved with the wrong type, and the registry then shows the study as started or finished
when it is not. Registry reviewers query an actual date later than the update that gave it.

Fails: run on 2026-11-22, completion date 2027-03 (actual).

Passes: completion date 2027-03 (anticipated); completion date 2026-11-20 (actual).

Options:
  as_of (default "today"): the date the dates are judged against: "today" is the run date
    (``--today``); "last-update" is the record's own last update (its submission date, else
    the date it was posted): an actual study date after the update that gave it is then
    reported, on an export of any age. The registry's own dates are not judged in this mode
    (their order is S106's).

Fix safety: no fix: whether the date or its type is wrong is for the sponsor to say.
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
        if value is None or (field == "last_update_posted_date"
                             and record.last_update_posted_type == "ESTIMATED"):
            continue  # an estimated posting date is the day the registry expects to post
        reference = reference or reference_date(record, ctx.options.as_of, ctx.today)
        if reference is None:
            return
        day, as_of = reference
        if is_future(value, day + _TOLERANCE):
            yield Problem(field, f"the {words} {value} lies in the future ({as_of})")
