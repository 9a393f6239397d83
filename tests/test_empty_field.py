"""T101 empty-field: required text missing or blank, optional text present and blank."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from conftest import CORPUS, EXAMPLES, SEEDS, findings

SELECT = ["T101"]
LEGACY = CORPUS / "ctgov_legacy_xml"


def variant(tmp_path: Path, change: Callable[[dict[str, Any]], None]) -> Path:
    """NCT07104344 (a complete API v2 study) with one change, as a file."""
    study = json.loads((EXAMPLES / "NCT07104344.json").read_text(encoding="utf-8"))
    change(study["protocolSection"])
    path = tmp_path / "NCT07104344.json"
    path.write_text(json.dumps(study, indent=2, ensure_ascii=False), encoding="utf-8")
    return path


def where(path: Path, needle: str) -> tuple[int, int]:
    """1-based line and column of the first occurrence of ``needle``."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if needle in line:
            return number, line.index(needle) + 1
    raise AssertionError(f"{needle!r} not in {path}")


def test_old_observational_record_without_criteria_is_flagged() -> None:
    # NCT00005388 (1999, observational) has an <eligibility> element with no <criteria>.
    (finding,) = findings(LEGACY / "NCT00005388.xml", select=SELECT)
    assert (finding.code, finding.severity) == ("T101", "warning")
    assert finding.field == "eligibility.criteria"
    assert (finding.line, finding.column) == (81, 3)  # the <eligibility> element
    assert finding.message.startswith("no eligibility criteria")


def test_withheld_record_is_not_checked() -> None:
    # NCT03182660 is WITHHELD: no summary, conditions or criteria, by the registry's design.
    assert findings(LEGACY / "NCT03182660.xml", select=SELECT) == []


def test_partial_downloads_are_never_missing_anything() -> None:
    # 51 records fetched with a fields= filter: modules and fields inside them are missing.
    assert findings(CORPUS / "ctgov_v2_json_partial", select=SELECT) == []


def test_complete_records_pass() -> None:
    paths = [CORPUS / "ctgov_v2_json" / "NCT00000410.json", LEGACY / "NCT00000537.xml"]
    paths += [EXAMPLES / name for name in ("NCT07104344.json", "NCT07177911.json")]
    assert findings(*paths, select=SELECT) == []


def test_seed_pages_with_an_empty_detailed_description_heading_get_an_info() -> None:
    for name in ("000_c17df8f03dc45045.txt", "002_e3ee89ab0d39f9a4.txt"):
        (finding,) = findings(SEEDS / name, select=SELECT)
        assert (finding.severity, finding.field) == ("info", "detailed_description")
        assert (finding.line, finding.column, finding.end_column) == (47, 1, 21)  # the heading
        assert "detailed description is empty" in finding.message
    # 001 has a detailed description.
    assert findings(SEEDS / "001_020fa720e2ffd389.txt", select=SELECT) == []


def test_blank_brief_summary_is_a_warning_at_the_value(tmp_path: Path) -> None:
    def blank(p: dict[str, Any]) -> None:
        p["descriptionModule"]["briefSummary"] = " \n\u200b "

    path = variant(tmp_path, blank)
    (finding,) = findings(path, select=SELECT)
    assert (finding.severity, finding.field) == ("warning", "brief_summary")
    assert (finding.line, finding.column) == where(path, '" \\n\u200b "')
    assert "brief summary is only white space" in finding.message


def test_missing_criteria_and_conditions_of_a_complete_record(tmp_path: Path) -> None:
    def drop(p: dict[str, Any]) -> None:
        del p["eligibilityModule"]["eligibilityCriteria"]
        p["conditionsModule"]["conditions"] = []

    found = findings(variant(tmp_path, drop), select=SELECT)
    got = {(f.field, f.message.split(":")[0]) for f in found}
    assert got == {
        ("eligibility.criteria", "no eligibility criteria"),
        ("conditions", "no condition"),
    }


def test_blank_items_and_optional_fields(tmp_path: Path) -> None:
    def blanks(p: dict[str, Any]) -> None:
        p["conditionsModule"]["conditions"].append("")
        p["descriptionModule"]["detailedDescription"] = ""
        p["armsInterventionsModule"]["interventions"][0]["description"] = "  "

    path = variant(tmp_path, blanks)
    got = {(f.field, f.severity) for f in findings(path, select=SELECT)}
    assert got == {
        ("conditions[1]", "warning"),
        ("detailed_description", "info"),
        ("interventions[0].description", "info"),
    }


def test_a_missing_module_of_a_partial_record_is_not_a_defect(tmp_path: Path) -> None:
    def partial(p: dict[str, Any]) -> None:
        del p["statusModule"]  # no longer a complete record
        del p["eligibilityModule"]["eligibilityCriteria"]

    assert findings(variant(tmp_path, partial), select=SELECT) == []
