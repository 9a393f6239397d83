"""actual-date-in-future (S104): a date given as ACTUAL that lies ahead."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

from conftest import CORPUS, SEEDS, TODAY, findings
from lintrials.findings import Finding

V2 = CORPUS / "ctgov_v2_json"
LEGACY = CORPUS / "ctgov_legacy_xml"


def s104(
    *paths: Path, today: date = TODAY, options: dict[str, Any] | None = None,
    tmp_path: Path | None = None,
) -> list[Finding]:
    found = findings(*paths, select=["S104"], today=today, tmp_path=tmp_path,
                     options=None if options is None else {"actual-date-in-future": options})
    return [f for f in found if f.code == "S104"]


# --- real records judged on an earlier run date ----------------------------------------------


def test_actual_dates_after_the_run_date() -> None:
    # NCT02742311: start, primary completion and completion all 2021-12-31 (actual), update
    # submitted 2021-12-30 and posted 2022-01-13.
    found = s104(V2 / "NCT02742311.json", today=date(2021, 12, 29))
    assert [(f.line, f.column, f.field) for f in found] == [
        (22, 26, "start_date"),
        (26, 38, "primary_completion_date"),
        (30, 31, "completion_date"),
        (42, 17, "last_update_posted_date"),
    ]
    assert found[0].severity == "error"
    assert found[0].message == (
        "the start date 2021-12-31 is given as ACTUAL, but lies in the future (as of "
        "2021-12-29): make it ESTIMATED (anticipated), or correct it")
    assert found[3].message == (
        "the last update posted date 2022-01-13 lies in the future (as of 2021-12-29)")


def test_page_text_study_dates_have_no_type_but_its_update_date_is_judged() -> None:
    [finding] = s104(SEEDS / "001_020fa720e2ffd389.txt", today=date(2025, 1, 1))
    assert (finding.line, finding.column, finding.field) == (5, 15, "last_update_posted_date")


def test_legacy_actual_posting_date_ahead_is_flagged() -> None:
    # <last_update_posted type="Actual">June 5, 2023, judged on 2023-06-01.
    found = s104(LEGACY / "NCT05704049.xml", today=date(2023, 6, 1))
    assert "last_update_posted_date" in [f.field for f in found]


# --- real records that must not be flagged -------------------------------------------------


def test_the_whole_corpus_folder_of_seeds_is_clean_today() -> None:
    assert s104(SEEDS, V2 / "NCT02742311.json") == []


def test_one_day_ahead_is_let_pass() -> None:
    # Actual dates 2021-12-31 on a run of 2021-12-30: the sponsor's day may be ahead.
    found = s104(V2 / "NCT02742311.json", today=date(2021, 12, 30))
    assert [f.field for f in found] == ["last_update_posted_date"]


def test_last_update_mode_judges_actual_dates_against_the_update(tmp_path: Path) -> None:
    # Submitted 2021-12-30 with actual dates of 2021-12-31: one day, let pass; registry dates
    # are not judged in this mode.
    assert s104(V2 / "NCT02742311.json", today=date(2021, 12, 29),
                options={"as_of": "last-update"}, tmp_path=tmp_path) == []


def test_estimated_posting_date_ahead_is_not_an_actual_date() -> None:
    # <last_update_posted type="Estimate">January 12, 2017, submitted January 11, 2017:
    # judged on 2017-01-05 the posting date is ahead, but it is the day the registry expected
    # to post, not a date it records as past. The submission date is actual, and ahead.
    found = s104(LEGACY / "NCT00000285.xml", today=date(2017, 1, 5))
    assert [f.field for f in found] == ["last_update_submitted_date"]


def test_estimated_posting_date_in_api_json(tmp_path: Path) -> None:
    source = V2 / "NCT02742311.json"  # posted 2022-01-13 (ACTUAL): flagged on 2021-12-29
    study = json.loads(source.read_text())
    study["protocolSection"]["statusModule"]["lastUpdatePostDateStruct"]["type"] = "ESTIMATED"
    path = tmp_path / source.name
    path.write_text(json.dumps(study, indent=2))
    found = s104(path, today=date(2021, 12, 29))
    assert "last_update_posted_date" not in [f.field for f in found]


# --- edited copies of real records ---------------------------------------------------------


def test_actual_completion_date_a_year_ahead(tmp_path: Path) -> None:
    source = V2 / "NCT05490680.json"
    study = json.loads(source.read_text())
    study["protocolSection"]["statusModule"]["completionDateStruct"] = {
        "date": "2027-12", "type": "ACTUAL"}
    path = tmp_path / source.name
    path.write_text(json.dumps(study, indent=2))
    [finding] = s104(path)
    assert finding.field == "completion_date"
    assert "the completion date 2027-12 is given as ACTUAL, but lies in the future" in (
        finding.message)
    [again] = s104(path, options={"as_of": "last-update"}, tmp_path=tmp_path)
    assert "(as of the record's last update, 2024-09-04)" in again.message
