"""Registry dates as they are written, and the date a record is judged against.

Registry dates are often partial: ``2015``, ``2015-04`` or ``2015-04-20``. A partial date names
every day of its year or month, so two dates are compared at the precision they share
(``2015-04`` is neither before nor after ``2015-04-20``), and a date is *past* only when its
last possible day is, and *future* only when its first possible day is.

The status-and-dates checks (S1xx) share this module: the date parsing, the run's reference
date ("today", or the record's own last update for archives), and the status groups they judge.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from lintrials.model import Record

_ISO = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")

# Statuses of a study that is still to run or running: the registry expects its dates to lie
# ahead (or be actual) and its record to be updated at least every 12 months.
OPEN_STATUSES = frozenset(
    {"NOT_YET_RECRUITING", "RECRUITING", "ENROLLING_BY_INVITATION", "ACTIVE_NOT_RECRUITING"}
)
# Statuses of a study that enrolls participants now.
RECRUITING_STATUSES = frozenset({"RECRUITING", "ENROLLING_BY_INVITATION"})
# Statuses of a study that stopped before its planned end; the registry asks why.
STOPPED_STATUSES = frozenset({"TERMINATED", "SUSPENDED", "WITHDRAWN"})

# The three study dates in protocol order, by field path, with the words a message uses.
STUDY_DATES = (
    ("start_date", "start date"),
    ("primary_completion_date", "primary completion date"),
    ("completion_date", "completion date"),
)

AS_OF_VALUES = ("today", "last-update")


@dataclass(frozen=True)
class PartialDate:
    """A date known to the year, the month or the day."""

    year: int
    month: int | None = None
    day: int | None = None

    @staticmethod
    def parse(text: str | None) -> PartialDate | None:
        """``"2015-04"`` -> PartialDate(2015, 4); None for an absent or malformed value."""
        return _parse(text) if text else None

    @property
    def precision(self) -> int:
        """1 for a year, 2 for a month, 3 for a day."""
        return 1 if self.month is None else 2 if self.day is None else 3

    def first_day(self) -> date:
        return date(self.year, self.month or 1, self.day or 1)

    def last_day(self) -> date:
        month = self.month or 12
        return date(self.year, month, self.day or calendar.monthrange(self.year, month)[1])

    def _parts(self, precision: int) -> tuple[int, ...]:
        return (self.year, self.month or 0, self.day or 0)[:precision]

    def __str__(self) -> str:
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
        if self.day is not None:
            text += f"-{self.day:02d}"
        return text


@lru_cache(maxsize=4096)  # a run sees the same few thousand dates over and over
def _parse(text: str) -> PartialDate | None:
    m = _ISO.fullmatch(text.strip())
    if not m:
        return None
    year = int(m.group(1))
    if year < 1:  # "0000" is no year a date can have
        return None
    month = int(m.group(2)) if m.group(2) else None
    day = int(m.group(3)) if m.group(3) else None
    if month is not None and not 1 <= month <= 12:
        return None
    if day is not None:
        assert month is not None
        if not 1 <= day <= calendar.monthrange(year, month)[1]:
            return None
    return PartialDate(year, month, day)


def compare(a: PartialDate, b: PartialDate) -> int:
    """-1, 0 or 1 as ``a`` is before, the same as, or after ``b`` at their shared precision."""
    precision = min(a.precision, b.precision)
    left, right = a._parts(precision), b._parts(precision)
    return (left > right) - (left < right)


def is_past(value: PartialDate, reference: date, grace_days: int = 0) -> bool:
    """Whether every day ``value`` may name, plus ``grace_days``, lies before ``reference``."""
    try:
        return value.last_day() + timedelta(days=grace_days) < reference
    except OverflowError:  # past the year 9999: not past anything
        return grace_days < 0 and value.last_day() < reference


def is_future(value: PartialDate, reference: date) -> bool:
    """Whether every day ``value`` may name lies after ``reference``."""
    return value.first_day() > reference


def add_months(day: date, months: int) -> date:
    """``day`` moved by whole months, kept within the month (31 Jan + 1 month = 28/29 Feb)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    if not 1 <= year <= 9999:  # beyond what a date can hold: the nearest end of the calendar
        return date.max if year > 9999 else date.min
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def last_update(record: Record) -> PartialDate | None:
    """When the record was last changed: the update's submission, else its posting."""
    return PartialDate.parse(record.last_update_submitted_date) or PartialDate.parse(
        record.last_update_posted_date
    )


def reference_date(record: Record, as_of: str, today: date) -> tuple[date, str] | None:
    """The date a record's dates are judged against, and how a message names it.

    ``as_of``, a check's option: "today" (the default) is ``today``, the run date (``--today``);
    "last-update" is the record's own last update, for archives of old exports: a date is then
    overtaken only if it had already passed when the sponsor last updated the record. None when
    the record has no last-update date in that mode (nothing to judge against).
    """
    if as_of == "today":
        return today, f"as of {today.isoformat()}"
    if as_of == "last-update":
        updated = last_update(record)
        if updated is None:
            return None
        return updated.first_day(), f"as of the record's last update, {updated}"
    raise ValueError(f"as_of must be one of {', '.join(AS_OF_VALUES)} (got {as_of!r})")


def kind(date_type: str | None) -> str:
    """How a message qualifies a date of this type: "anticipated ", "actual ", or nothing."""
    return {"ESTIMATED": "anticipated ", "ACTUAL": "actual "}.get(date_type or "", "")


def date_of(record: Record, field: str) -> tuple[PartialDate | None, str | None]:
    """One of the three study dates of ``STUDY_DATES``: its value and type (ACTUAL/ESTIMATED)."""
    value = getattr(record, field)
    return PartialDate.parse(value.date), value.type
