"""withdrawn-with-enrollment (S107): a WITHDRAWN study that gives an enrollment above 0."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import CORPUS, EXAMPLES, findings
from flow_builders import edited_text
from lintrials.findings import Finding

V2 = CORPUS / "ctgov_v2_json"
LEGACY = CORPUS / "ctgov_legacy_xml"


def s107(*paths: Path) -> list[Finding]:
    return [f for f in findings(*paths, select=["S107"]) if f.code == "S107"]


# --- real records that must be flagged -----------------------------------------------------


def test_legacy_xml_anticipated_enrollment_left_on_a_withdrawn_study() -> None:
    [finding] = s107(LEGACY / "NCT00460837.xml")
    assert (finding.line, finding.column, finding.field) == (80, 34, "enrollment_count")
    assert finding.pointer == "/clinical_study/enrollment"
    assert finding.severity == "error"
    assert finding.message == (
        "status is WITHDRAWN, but the record still gives an anticipated enrollment of 150: a "
        "withdrawn study enrolled nobody, so set an actual enrollment of 0")


def test_json_anticipated_enrollment_left_on_a_withdrawn_study(tmp_path: Path) -> None:
    # Edited: a withdrawn study's actual enrollment of 0 put back to the 24 participants it
    # had planned, ESTIMATED, as if never updated when it was withdrawn.
    source = V2 / "NCT03058094.json"
    assert s107(source) == []
    edited = edited_text(source, tmp_path, '"count": 0,\n        "type": "ACTUAL"',
                         '"count": 24,\n        "type": "ESTIMATED"')
    [finding] = s107(edited)
    assert (finding.line, finding.column) == (90, 18)
    assert "anticipated enrollment of 24" in finding.message
    assert [r.field for r in finding.related] == ["overall_status", "enrollment_type"]
    assert finding.related[0].line == 17


# --- real records that must not be flagged -------------------------------------------------


def test_withdrawn_with_actual_enrollment_zero() -> None:
    assert s107(V2 / "NCT00576225.json", LEGACY / "NCT02591810.xml") == []


def test_other_statuses_are_not_judged() -> None:
    assert s107(V2 / "NCT05490680.json", LEGACY / "NCT00495833.xml", EXAMPLES) == []


# --- an edited copy of a real record -------------------------------------------------------


def test_actual_enrollment_on_a_withdrawn_study(tmp_path: Path) -> None:
    source = V2 / "NCT00576225.json"
    study = json.loads(source.read_text())
    study["protocolSection"]["designModule"]["enrollmentInfo"] = {"count": 12, "type": "ACTUAL"}
    path = tmp_path / source.name
    path.write_text(json.dumps(study, indent=2))
    [finding] = s107(path)
    assert finding.message == (
        "status is WITHDRAWN (stopped before the first participant was enrolled), but the "
        "actual enrollment is 12: set the status the study has (TERMINATED, COMPLETED...), or "
        "the enrollment to 0")
