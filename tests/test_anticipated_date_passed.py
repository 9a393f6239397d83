"""anticipated-date-passed (S103): an ESTIMATED date that has passed without an update."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from conftest import CORPUS, EXAMPLES, SEEDS, TODAY, findings
from lintrials.findings import Finding

V2 = CORPUS / "ctgov_v2_json"
LEGACY = CORPUS / "ctgov_legacy_xml"


def s103(
    *paths: Path, today: date = TODAY, options: dict[str, Any] | None = None,
    tmp_path: Path | None = None,
) -> list[Finding]:
    found = findings(*paths, select=["S103"], today=today, tmp_path=tmp_path,
                     options=None if options is None else {"anticipated-date-passed": options})
    return [f for f in found if f.code == "S103"]


# --- real records that must be flagged -----------------------------------------------------


def test_recruiting_study_with_an_anticipated_start_date_passed() -> None:
    [finding] = s103(V2 / "NCT05976516.json")
    assert (finding.line, finding.column, finding.field) == (21, 26, "start_date")
    assert finding.severity == "warning"
    assert finding.message == (
        "the start date 2023-08-01 is still anticipated (ESTIMATED), but has passed (as of "
        "2026-11-22; status RECRUITING): make it ACTUAL, or move it")


def test_active_not_recruiting_with_an_anticipated_primary_completion_passed() -> None:
    [finding] = s103(V2 / "NCT05490680.json")
    assert (finding.line, finding.column) == (25, 38)
    assert "primary completion date 2024-12 is still anticipated" in finding.message
    assert "status ACTIVE_NOT_RECRUITING" in finding.message


def test_suspended_study_every_anticipated_date() -> None:
    found = s103(V2 / "NCT00569413.json")
    assert [(f.line, f.column, f.field) for f in found] == [
        (29, 38, "primary_completion_date"), (33, 31, "completion_date")]
    assert all("status SUSPENDED" in f.message for f in found)


def test_json_twin_of_seed_002_has_an_actual_start_date() -> None:
    # The study is recruiting, so its start date is typed ACTUAL, as the registry would have it.
    assert s103(EXAMPLES / "NCT07177911.json") == []


# --- real records that must not be flagged -------------------------------------------------


def test_page_text_dates_have_no_type_and_are_not_judged() -> None:
    assert s103(SEEDS / "002_e3ee89ab0d39f9a4.txt") == []


def test_dates_another_check_judges_are_left_to_it() -> None:
    assert s103(
        LEGACY / "NCT05704153.xml",  # RECRUITING: its completion dates are S102's
        LEGACY / "NCT05706116.xml",  # NOT_YET_RECRUITING: S101's
        LEGACY / "NCT02654730.xml",  # TERMINATED, completion 2016-12 anticipated: S108's
        V2 / "NCT03681392.json",  # WITHDRAWN: its plan (2021 to 2023) stays anticipated
        LEGACY / "NCT00493194.xml",  # UNKNOWN: S105's
    ) == []


def test_grace_period_after_an_anticipated_date() -> None:
    record = V2 / "NCT05976516.json"  # start 2023-08-01 (anticipated)
    assert s103(record, today=date(2023, 8, 31)) == []
    assert len(s103(record, today=date(2023, 9, 1))) == 1


def test_last_update_mode(tmp_path: Path) -> None:
    # Last updated 2023-07-28, before the anticipated start date.
    assert s103(V2 / "NCT05976516.json", options={"as_of": "last-update"},
                tmp_path=tmp_path) == []


def test_legacy_estimate_type_is_an_anticipated_date(tmp_path: Path) -> None:
    # The legacy schema's "Estimate" type reads as ESTIMATED, like "Anticipated": a recruiting
    # study whose start date of April 2023 is still an estimate is reported ...
    text = (LEGACY / "NCT05704049.xml").read_text(encoding="utf-8")
    assert s103(LEGACY / "NCT05704049.xml") == []  # start date type="Actual"
    edited = tmp_path / "NCT05704049.xml"
    edited.write_text(text.replace('<start_date type="Actual">', '<start_date type="Estimate">'),
                      encoding="utf-8")
    [finding] = s103(edited)
    assert finding.field == "start_date"
    assert finding.message.startswith(
        "the start date 2023-04-05 is still anticipated (ESTIMATED), but has passed")
    # ... and an estimated posting date is no study date: not judged here.
    posted = tmp_path / "posted" / "NCT05704049.xml"
    posted.parent.mkdir()
    posted.write_text(text.replace('<last_update_posted type="Actual">',
                                   '<last_update_posted type="Estimate">'), encoding="utf-8")
    assert s103(posted) == []
