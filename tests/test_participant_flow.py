"""lintrials.knowledge.participant_flow: the flow's milestones, counts and explanations."""

from __future__ import annotations

import pytest

from flow_builders import flow, period
from lintrials.knowledge.participant_flow import (
    COMPLETED,
    NOT_COMPLETED,
    STARTED,
    as_treated,
    count,
    explains_enrollment_gap,
    milestone_kind,
    period_counts,
)


@pytest.mark.parametrize(("title", "kind"), [
    ("STARTED", STARTED), ("Started", STARTED), ("COMPLETED", COMPLETED),
    ("NOT COMPLETED", NOT_COMPLETED), ("Not Completed", NOT_COMPLETED),
    ("NOT_COMPLETED", NOT_COMPLETED), ("  not   completed ", NOT_COMPLETED),
    ("Received Treatment", None), ("Completed 6 Week Follow-up", None), (None, None),
])
def test_milestone_kinds(title: str | None, kind: str | None) -> None:
    assert milestone_kind(title) == kind


def test_counts_are_digits_only() -> None:
    assert [count(v) for v in ("54", " 7 ", "0")] == [54, 7, 0]
    assert [count(v) for v in ("NA", "12.5", "1,200", "", "-3", "٣", None)] == [None] * 7


def test_a_group_listed_twice_is_not_read() -> None:
    (counts,) = period_counts(flow(period(started={"Placebo": 5}, completed=[4, 4])))
    assert counts.value(STARTED, "FG000") == 5
    built = flow(period(started=[5, 6]))
    built.periods[0].milestones[0].achievements[1].group_id = "FG000"
    (counts,) = period_counts(built)
    assert counts.fixed[STARTED] == {}


@pytest.mark.parametrize(("text", "enrolled", "started"), [
    ("Two hundred and fifty were enrolled.", 250, 200),
    ("Of 1,250 screened, 1,200 were randomised.", 1250, 1200),
    ("50 did not receive study drug.", 250, 200),
    ("Patients excluded after baseline.", 250, 200),
])
def test_explanations(text: str, enrolled: int, started: int) -> None:
    assert explains_enrollment_gap(text, enrolled, started)
    assert not explains_enrollment_gap("Recruited at 12 sites in 2019.", enrolled, started)


def test_as_treated() -> None:
    assert as_treated("Safety analyses in the as-treated population.")
    assert as_treated("Participants are counted by the treatment actually received.")
    assert not as_treated("All randomized participants who received at least 1 dose.")
    assert not as_treated(None)
