"""not-recently-updated (S105): an open study's record not reviewed for over 12 months."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from conftest import CORPUS, EXAMPLES, SEEDS, TODAY, findings
from lintrials.findings import Finding

V2 = CORPUS / "ctgov_v2_json"
LEGACY = CORPUS / "ctgov_legacy_xml"


def s105(
    *paths: Path, today: date = TODAY, options: dict[str, Any] | None = None,
    tmp_path: Path | None = None,
) -> list[Finding]:
    found = findings(*paths, select=["S105"], today=today, tmp_path=tmp_path,
                     options=None if options is None else {"not-recently-updated": options})
    return [f for f in found if f.code == "S105"]


# --- real records that must be flagged -----------------------------------------------------


def test_seed_002_page_judged_by_its_last_updated_line() -> None:
    [finding] = s105(SEEDS / "002_e3ee89ab0d39f9a4.txt")
    assert (finding.line, finding.column) == (5, 15)
    assert finding.field == "last_update_posted_date"
    assert finding.severity == "warning"
    assert finding.message == (
        "status is RECRUITING, but the record was last updated 2025-09-17: more than 12 months "
        "without a review (as of 2026-11-22); the registry asks for one at least every 12 "
        "months while a study is not over (42 CFR 11.64)")


def test_seed_001_not_yet_recruiting() -> None:
    [finding] = s105(SEEDS / "001_020fa720e2ffd389.txt")
    assert (finding.line, finding.column) == (5, 15)
    assert "status is NOT_YET_RECRUITING, but the record was last updated 2025-08-05" in (
        finding.message)


def test_json_twin_points_at_the_status_verified_date() -> None:
    [finding] = s105(EXAMPLES / "NCT07177911.json")
    assert (finding.line, finding.column, finding.field) == (15, 29, "status_verified_date")
    assert "last verified 2025-09 (last updated 2025-09-17)" in finding.message


def test_unknown_status_is_the_registrys_own_mark() -> None:
    [finding] = s105(LEGACY / "NCT00000161.xml")
    assert (finding.line, finding.column) == (152, 22)
    assert finding.message.startswith(
        "status is UNKNOWN, but the record was last verified 2001-09 (last updated 2005-06-23)")
    assert finding.message.endswith(
        "UNKNOWN is its mark for a record left unverified past its completion date")


def test_last_update_mode_reports_an_update_that_left_the_verification_old(
    tmp_path: Path,
) -> None:
    [finding] = s105(LEGACY / "NCT00493194.xml", options={"as_of": "last-update"},
                     tmp_path=tmp_path)  # UNKNOWN, verified 2005-10, updated 2008-11-25
    assert (finding.line, finding.column) == (326, 22)
    assert "status is UNKNOWN, but the record was last verified 2005-10: more than 12 " \
        "months without a review (as of the record's last update, 2008-11-25)" in finding.message


# --- real records that must not be flagged -------------------------------------------------


def test_seed_000_was_updated_within_the_year() -> None:
    assert s105(SEEDS / "000_c17df8f03dc45045.txt", EXAMPLES / "NCT07314060.json") == []


def test_closed_studies_are_not_judged() -> None:
    # Completed; terminated, verified 2016-10; withdrawn, verified 2010-04.
    assert s105(LEGACY / "NCT00495833.xml", V2 / "NCT00726505.json",
                V2 / "NCT00576225.json") == []


def test_twelve_months_counted_from_the_last_day_of_a_partial_date() -> None:
    # RECRUITING, verified 2025-07 (last updated 2025-07-28): the verification month is what
    # counts, to its last day.
    record = V2 / "NCT06620835.json"
    assert s105(record, today=date(2026, 7, 31)) == []
    [finding] = s105(record, today=date(2026, 8, 1))
    assert finding.field == "status_verified_date"


def test_max_months_option(tmp_path: Path) -> None:
    assert s105(SEEDS / "002_e3ee89ab0d39f9a4.txt", options={"max_months": 24},
                tmp_path=tmp_path) == []


def test_last_update_mode_spares_records_reviewed_at_their_update(tmp_path: Path) -> None:
    assert s105(SEEDS / "002_e3ee89ab0d39f9a4.txt", EXAMPLES / "NCT07177911.json",
                options={"as_of": "last-update"}, tmp_path=tmp_path) == []
