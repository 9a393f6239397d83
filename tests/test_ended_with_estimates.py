"""ended-with-estimates (S108): a COMPLETED or TERMINATED study with ESTIMATED values left."""

from __future__ import annotations

from pathlib import Path

from conftest import CORPUS, EXAMPLES, findings
from flow_builders import edited_text
from lintrials.findings import Finding

V2 = CORPUS / "ctgov_v2_json"
LEGACY = CORPUS / "ctgov_legacy_xml"


def s108(*paths: Path) -> list[Finding]:
    return [f for f in findings(*paths, select=["S108"]) if f.code == "S108"]


# --- real records that must be flagged -----------------------------------------------------


def test_completed_with_an_anticipated_enrollment() -> None:
    [finding] = s108(LEGACY / "NCT00495833.xml")
    assert (finding.line, finding.column, finding.field) == (127, 34, "enrollment_count")
    assert finding.severity == "warning"
    assert finding.message == (
        "status is COMPLETED, but the enrollment 8000 is still anticipated (ESTIMATED): give "
        "the actual number of participants enrolled")


def test_terminated_with_anticipated_completion_dates(tmp_path: Path) -> None:
    # Edited: a study terminated for low enrollment keeps the completion dates it planned
    # before it stopped, "2023-06" and "2023-12", still ESTIMATED, in place of its actual ones.
    source = V2 / "NCT04357353.json"
    assert s108(source) == []
    struct = '"{key}": {{\n        "date": "{date}",\n        "type": "{kind}"'
    edited = source
    for key, planned in (("primaryCompletionDateStruct", "2023-06"),
                         ("completionDateStruct", "2023-12")):
        edited = edited_text(edited, tmp_path, struct.format(key=key, date="2022-11-02",
                                                             kind="ACTUAL"),
                             struct.format(key=key, date=planned, kind="ESTIMATED"))
    found = s108(edited)
    assert [(f.line, f.column, f.field) for f in found] == [
        (26, 38, "primary_completion_date"), (30, 31, "completion_date")]
    assert found[0].message == (
        "status is TERMINATED, but the primary completion date 2023-06 is still anticipated "
        "(ESTIMATED): give the actual date")
    assert [r.field for r in found[1].related] == ["overall_status"]


def test_terminated_legacy_xml_completion_date() -> None:
    [finding] = s108(LEGACY / "NCT02654730.xml")
    assert (finding.line, finding.column) == (91, 39)
    assert "completion date 2016-12 is still anticipated" in finding.message


# --- real records that must not be flagged -------------------------------------------------


def test_completed_with_actual_values() -> None:
    assert s108(LEGACY / "NCT00000317.xml", LEGACY / "NCT00463476.xml") == []


def test_old_legacy_values_without_a_type_are_not_judged() -> None:
    # Completed 1995 record: start date and enrollment carry no type attribute.
    assert s108(LEGACY / "NCT00000300.xml") == []


def test_open_and_withdrawn_studies_are_not_judged() -> None:
    assert s108(V2 / "NCT05490680.json", V2 / "NCT03681392.json", LEGACY / "NCT00460837.xml",
                EXAMPLES) == []


def test_legacy_estimate_type_on_an_ended_study(tmp_path: Path) -> None:
    # A completed study (all actual) whose completion date is edited to type="Estimate".
    text = (LEGACY / "NCT00000317.xml").read_text(encoding="utf-8")
    assert s108(LEGACY / "NCT00000317.xml") == []
    edited = tmp_path / "NCT00000317.xml"
    edited.write_text(text.replace('<completion_date type="Actual">',
                                   '<completion_date type="Estimate">'), encoding="utf-8")
    [finding] = s108(edited)
    assert finding.field == "completion_date"
    assert "is still anticipated (ESTIMATED)" in finding.message
    # Its posting date given as an estimate is not one of the study's values.
    assert s108(LEGACY / "NCT00000285.xml") == []  # last_update_posted type="Estimate"
