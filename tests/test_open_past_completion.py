"""open-past-completion (S102): a running study whose completion dates have passed."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from conftest import CORPUS, EXAMPLES, SEEDS, TODAY, findings
from lintrials.findings import Finding

V2 = CORPUS / "ctgov_v2_json"
LEGACY = CORPUS / "ctgov_legacy_xml"


def s102(
    *paths: Path, today: date = TODAY, options: dict[str, Any] | None = None,
    tmp_path: Path | None = None,
) -> list[Finding]:
    found = findings(*paths, select=["S102"], today=today, tmp_path=tmp_path,
                     options=None if options is None else {"open-past-completion": options})
    return [f for f in found if f.code == "S102"]


# --- real records that must be flagged -----------------------------------------------------


def test_recruiting_with_both_anticipated_dates_passed() -> None:
    [finding] = s102(LEGACY / "NCT05704153.xml")
    assert (finding.line, finding.column) == (60, 47)
    assert finding.field == "primary_completion_date"
    assert finding.pointer == "/clinical_study/primary_completion_date"
    assert finding.message == (
        "status is RECRUITING, but the anticipated primary completion date 2023-10 has passed "
        "(as of 2026-11-22), and so has the anticipated completion date 2023-10: set the status "
        "the study has now (ACTIVE_NOT_RECRUITING, COMPLETED, TERMINATED...), or move the dates")
    assert [r.field for r in finding.related] == ["overall_status", "completion_date"]


def test_recruiting_with_an_actual_primary_completion_date() -> None:
    [finding] = s102(V2 / "NCT04949152.json")
    assert (finding.line, finding.column) == (26, 38)
    assert "RECRUITING, but the actual primary completion date 2021-05-31 has passed" in (
        finding.message)


def test_actual_primary_completion_contradicts_even_in_last_update_mode(tmp_path: Path) -> None:
    # Last updated 2021-06-25 with an actual primary completion date and status RECRUITING.
    [finding] = s102(V2 / "NCT04949152.json", options={"as_of": "last-update"},
                     tmp_path=tmp_path)
    assert "(as of the record's last update, 2021-06-25)" in finding.message


def test_active_not_recruiting_past_its_completion_date() -> None:
    [finding] = s102(V2 / "NCT05490680.json")
    assert (finding.line, finding.column, finding.field) == (29, 31, "completion_date")
    assert "ACTIVE_NOT_RECRUITING, but the anticipated completion date 2024-12 has passed" in (
        finding.message)
    assert "(COMPLETED, TERMINATED...)" in finding.message


# --- real records that must not be flagged -------------------------------------------------


def test_active_not_recruiting_may_be_past_its_primary_completion() -> None:
    # Actual primary completion 2024-01-05, completion 2032-03-01 (anticipated).
    assert s102(V2 / "NCT05285280.json") == []


def test_not_yet_recruiting_studies_are_left_to_s101() -> None:
    assert s102(SEEDS / "001_020fa720e2ffd389.txt", EXAMPLES / "NCT07104344.json",
                LEGACY / "NCT05706116.xml") == []


def test_completed_and_withdrawn_studies_are_not_judged() -> None:
    assert s102(LEGACY / "NCT00495833.xml", V2 / "NCT03681392.json") == []


def test_grace_period_after_the_primary_completion_date() -> None:
    record = V2 / "NCT05994131.json"  # RECRUITING, primary completion 2026-07-31 (anticipated)
    assert s102(record, today=date(2026, 8, 30)) == []
    [finding] = s102(record, today=date(2026, 8, 31))
    assert (finding.line, finding.column) == (25, 38)


def test_last_update_mode_spares_dates_that_were_ahead_at_the_update(tmp_path: Path) -> None:
    assert s102(LEGACY / "NCT05704153.xml", V2 / "NCT05490680.json",
                options={"as_of": "last-update"}, tmp_path=tmp_path) == []
