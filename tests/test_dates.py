"""lintrials.knowledge.dates: partial registry dates at their precision (the S1xx checks)."""

from __future__ import annotations

from datetime import date

import pytest

from lintrials.knowledge.dates import (
    PartialDate,
    add_months,
    compare,
    is_future,
    is_past,
    reference_date,
)
from lintrials.model import Record


@pytest.mark.parametrize("text", [None, "", "2015-13", "2015-02-30", "April 2015", "15-04-01"])
def test_malformed_or_absent_dates_are_none(text: str | None) -> None:
    assert PartialDate.parse(text) is None


def test_parse_keeps_the_precision() -> None:
    assert PartialDate.parse("2015") == PartialDate(2015)
    assert PartialDate.parse("2015-04") == PartialDate(2015, 4)
    assert str(PartialDate.parse(" 2016-02-29 ")) == "2016-02-29"
    assert PartialDate(2024, 2).last_day() == date(2024, 2, 29)
    assert PartialDate(2023).first_day() == date(2023, 1, 1)


def test_compare_at_the_shared_precision() -> None:
    april, april_20, may_1 = (PartialDate.parse(t) for t in ("2015-04", "2015-04-20", "2015-05-01"))
    assert april is not None and april_20 is not None and may_1 is not None
    assert compare(april, april_20) == 0
    assert compare(april_20, may_1) == -1
    assert compare(may_1, april) == 1
    assert compare(PartialDate(2015), april) == 0


def test_past_and_future_need_every_possible_day() -> None:
    march = PartialDate(2026, 3)
    assert not is_past(march, date(2026, 3, 31))
    assert is_past(march, date(2026, 4, 1))
    assert not is_past(march, date(2026, 4, 30), grace_days=30)
    assert is_past(march, date(2026, 5, 1), grace_days=30)
    assert not is_future(march, date(2026, 3, 1))
    assert is_future(march, date(2026, 2, 28))


def test_add_months_stays_within_the_month() -> None:
    assert add_months(date(2025, 1, 31), 1) == date(2025, 2, 28)
    assert add_months(date(2025, 8, 31), 12) == date(2026, 8, 31)
    assert add_months(date(2025, 12, 15), 1) == date(2026, 1, 15)


def test_reference_date_modes() -> None:
    today = date(2026, 11, 22)
    record = Record(last_update_submitted_date="2019-05-10", last_update_posted_date="2019-05-14")
    assert reference_date(record, "today", today) == (date(2026, 11, 22), "as of 2026-11-22")
    assert reference_date(record, "last-update", today) == (
        date(2019, 5, 10), "as of the record's last update, 2019-05-10")
    assert reference_date(Record(), "last-update", today) is None
    with pytest.raises(ValueError, match="as_of must be one of today, last-update"):
        reference_date(record, "yesterday", today)
