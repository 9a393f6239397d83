"""not-yet-recruiting-past-start (S101): a NOT_YET_RECRUITING study whose start date has passed."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from conftest import CORPUS, EXAMPLES, REPO, SEEDS, TODAY
from lintrials.engine import lint
from lintrials.findings import Finding

V2 = CORPUS / "ctgov_v2_json"
LEGACY = CORPUS / "ctgov_legacy_xml"


def s101(
    *paths: Path, today: date = TODAY, options: dict[str, Any] | None = None,
    tmp_path: Path | None = None,
) -> list[Finding]:
    config = None
    if options is not None:
        assert tmp_path is not None
        config = tmp_path / "lintrials.yaml"
        config.write_text(yaml.safe_dump({"checks": {"not-yet-recruiting-past-start": options}}))
    result = lint([str(p) for p in paths], select=["S101"], today=today, config_path=config,
                  search_from=REPO / "tests")
    return [f for f in result.findings if f.code in ("S101", "X001")]


def edited(tmp_path: Path, source: Path, **status: Any) -> Path:
    study = json.loads(source.read_text())
    module = study["protocolSection"]["statusModule"]
    for key, value in status.items():
        module[key] = value
    path = tmp_path / source.name
    path.write_text(json.dumps(study, indent=2))
    return path


# --- real records that must be flagged -----------------------------------------------------


def test_seed_001_start_and_completion_both_passed() -> None:
    [finding] = s101(SEEDS / "001_020fa720e2ffd389.txt")
    assert (finding.line, finding.column, finding.field) == (35, 1, "start_date")
    assert finding.severity == "warning"
    assert finding.message == (
        "status is NOT_YET_RECRUITING, but the start date 2025-09-25 has passed (as of "
        "2026-11-22), and so has the completion date 2026-10-31: set the status the study has "
        "now, or move the anticipated dates")
    assert [(r.field, r.line) for r in finding.related] == [
        ("overall_status", 19), ("completion_date", 39)]


def test_seed_000_start_passed_completion_ahead() -> None:
    [finding] = s101(SEEDS / "000_c17df8f03dc45045.txt")
    assert (finding.line, finding.column) == (35, 1)
    assert "start date 2026-03-31 has passed (as of 2026-11-22): set" in finding.message
    assert "so has" not in finding.message


def test_json_twin_names_the_date_type() -> None:
    [finding] = s101(EXAMPLES / "NCT07104344.json")
    assert (finding.line, finding.column) == (17, 26)
    assert finding.pointer == "/protocolSection/statusModule/startDateStruct"
    assert "the anticipated start date 2025-09-25 has passed" in finding.message


def test_legacy_xml_with_every_date_passed() -> None:
    [finding] = s101(LEGACY / "NCT05706116.xml")
    assert (finding.line, finding.column) == (81, 34)
    assert "anticipated start date 2023-07-01 has passed" in finding.message
    assert "and so have the primary completion date 2025-06-23 and the completion date" in (
        finding.message)
    assert [r.field for r in finding.related] == [
        "overall_status", "primary_completion_date", "completion_date"]


# --- real records that must not be flagged -------------------------------------------------


def test_recruiting_seed_is_not_judged() -> None:
    assert s101(SEEDS / "002_e3ee89ab0d39f9a4.txt", EXAMPLES / "NCT07177911.json") == []


def test_start_date_still_ahead() -> None:
    assert s101(SEEDS / "000_c17df8f03dc45045.txt", today=date(2026, 3, 1)) == []


def test_grace_period_of_30_days() -> None:
    seed = SEEDS / "000_c17df8f03dc45045.txt"  # start 2026-03-31
    assert s101(seed, today=date(2026, 4, 30)) == []
    assert len(s101(seed, today=date(2026, 5, 1))) == 1


def test_grace_days_option(tmp_path: Path) -> None:
    seed = SEEDS / "000_c17df8f03dc45045.txt"
    assert len(s101(seed, today=date(2026, 4, 2), options={"grace_days": 0},
                    tmp_path=tmp_path)) == 1


def test_partial_date_passes_with_its_last_day() -> None:
    record = V2 / "NCT06011551.json"  # start "2024-07" (anticipated)
    assert s101(record, today=date(2024, 8, 30)) == []
    [finding] = s101(record, today=date(2024, 8, 31))
    assert (finding.line, finding.column) == (22, 26)
    assert "anticipated start date 2024-07 has passed (as of 2024-08-31)" in finding.message


def test_last_update_mode_judges_the_export_as_of_its_own_update(tmp_path: Path) -> None:
    # Seed 001 was last updated 2025-08-05, before its start date: not overtaken then; nor
    # NCT05706116, last updated 2023-04-21, before its anticipated start 2023-07-01.
    found = s101(SEEDS / "001_020fa720e2ffd389.txt", LEGACY / "NCT05706116.xml",
                 options={"as_of": "last-update"}, tmp_path=tmp_path)
    assert found == []


# --- edge cases on edited copies of real records -------------------------------------------


def test_actual_start_date_contradicts_the_status_at_once(tmp_path: Path) -> None:
    path = edited(tmp_path, V2 / "NCT06011551.json",
                  startDateStruct={"date": "2024-07", "type": "ACTUAL"})
    [finding] = s101(path, today=date(2024, 7, 2))
    assert finding.message.startswith(
        "status is NOT_YET_RECRUITING, but the actual start date 2024-07 says the first "
        "participant was enrolled")


def test_actual_start_date_in_the_future_is_left_to_s104(tmp_path: Path) -> None:
    path = edited(tmp_path, V2 / "NCT06011551.json",
                  startDateStruct={"date": "2024-07", "type": "ACTUAL"})
    assert s101(path, today=date(2024, 6, 1)) == []


def test_unknown_as_of_value_is_a_clear_error(tmp_path: Path) -> None:
    [failure] = s101(SEEDS / "001_020fa720e2ffd389.txt", options={"as_of": "download"},
                     tmp_path=tmp_path)
    assert failure.code == "X001"
    assert "as_of must be one of today, last-update (got 'download')" in failure.message
