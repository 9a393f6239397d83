"""outcome-time-frame (O102): a time frame missing (FDAAA records) or that names no time."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import CORPUS, findings, record, run_check
from lintrials.checks import outcome_time_frame
from lintrials.findings import Finding

V2 = CORPUS / "ctgov_v2_json"
LEGACY = CORPUS / "ctgov_legacy_xml"


def o102(*paths: Path) -> list[Finding]:
    return [f for f in findings(*paths, select=["O102"]) if f.code == "O102"]


def framed(frame: str | None, submitted: str = "2015-03-02", **options: object) -> list[str]:
    rec = record(
        first_submitted_date=submitted,
        sections={"outcomesModule"},
        primary_outcomes=[{"kind": "PRIMARY", "measure": "Overall survival", "time_frame": frame}],
    )
    return [p.field or "" for p in run_check(outcome_time_frame, rec, **options)]


# --- real records -----------------------------------------------------------------------------


def test_a_bare_year_for_every_outcome() -> None:
    found = o102(V2 / "NCT00804895.json")
    assert len(found) == 11
    assert found[0].field == "primary_outcomes[0].time_frame"
    assert found[0].message.startswith('time frame "2009" names no time of assessment')


def test_throughout_study_in_legacy_xml() -> None:
    found = o102(LEGACY / "NCT00491868.xml")
    assert [f.field for f in found] == [f"secondary_outcomes[{i}].time_frame" for i in range(2, 7)]
    assert found[0].pointer == "/clinical_study/secondary_outcome[3]/time_frame"


def test_missing_before_fdaaa_is_not_reported() -> None:
    # Registered April 2007: outcomes without a time frame, before the FDAAA rules applied.
    assert o102(LEGACY / "NCT00463125.xml") == []


def test_records_with_times() -> None:
    # "At Week 12", "6 month follow-ups", "From the start of treatment until death ... 3 years"
    assert o102(V2 / "NCT06344104.json", V2 / "NCT03308409.json", V2 / "NCT06620835.json") == []


# --- own words --------------------------------------------------------------------------------


@pytest.mark.parametrize("frame", [
    "Throughout the study", "throughout study", "Long-term", "long term", "2009", "N/A", "TBD",
    "Ongoing", "during the trial period", "-", "To be determined",
])
def test_not_a_time(frame: str) -> None:
    assert framed(frame) == ["primary_outcomes[0].time_frame"]


@pytest.mark.parametrize("frame", [
    "at surgery", "at discharge", "up to 30 days", "baseline and week 12",
    "through study completion, an average of 1 year", "2 years", "Day 1 to Day 28",
    "throughout the study, up to 2 years", "From 2009 to 2012",
])
def test_times(frame: str) -> None:
    assert framed(frame) == []


def test_missing_after_fdaaa() -> None:
    assert framed(None) == ["primary_outcomes[0].measure"]
    assert framed("  ") == ["primary_outcomes[0].time_frame"]


def test_missing_before_fdaaa_or_undated() -> None:
    assert framed(None, submitted="2007-06-21") == []
    assert framed(None, submitted="2003-01-01") == []
    assert framed(None, submitted="") == []
    # A frame that is no time is reported whatever the date.
    assert framed("N/A", submitted="2003-01-01") == ["primary_outcomes[0].time_frame"]


def test_required_from_option() -> None:
    assert framed(None, submitted="2007-06-21", required_from="2007") == [
        "primary_outcomes[0].measure"]


def test_partial_record_without_the_module() -> None:
    rec = record(first_submitted_date="2015-01-01",
                 primary_outcomes=[{"kind": "PRIMARY", "measure": "OS"}])
    assert run_check(outcome_time_frame, rec) == []
