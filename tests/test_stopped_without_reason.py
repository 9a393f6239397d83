"""stopped-without-reason (S109): TERMINATED, SUSPENDED or WITHDRAWN without why_stopped."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import CORPUS, EXAMPLES, findings
from lintrials.findings import Finding

V2 = CORPUS / "ctgov_v2_json"
LEGACY = CORPUS / "ctgov_legacy_xml"


def s109(*paths: Path) -> list[Finding]:
    return [f for f in findings(*paths, select=["S109"]) if f.code == "S109"]


# --- real records that must be flagged -----------------------------------------------------


def test_terminated_without_a_reason() -> None:
    [finding] = s109(V2 / "NCT00726505.json")
    assert (finding.line, finding.column, finding.field) == (18, 24, "overall_status")
    assert finding.severity == "error"
    assert finding.message == (
        "status is TERMINATED, but the record does not say why the study stopped (why_stopped "
        "is required for TERMINATED, SUSPENDED and WITHDRAWN)")


def test_withdrawn_legacy_xml_without_a_reason() -> None:
    [finding] = s109(LEGACY / "NCT02591810.xml")
    assert (finding.line, finding.column) == (53, 19)
    assert finding.pointer == "/clinical_study/overall_status"
    assert finding.message.startswith("status is WITHDRAWN, but")


def test_suspended_without_a_reason() -> None:
    [finding] = s109(V2 / "NCT00569413.json")
    assert (finding.line, finding.column) == (22, 24)
    assert finding.message.startswith("status is SUSPENDED, but")


# --- real records that must not be flagged -------------------------------------------------


def test_stopped_studies_that_say_why() -> None:
    # Withdrawn "Lack of funding"; a terminated legacy record whose reason spans two lines.
    assert s109(V2 / "NCT03681392.json", LEGACY / "NCT02654730.xml") == []


def test_other_statuses_and_partial_downloads_are_not_judged() -> None:
    assert s109(V2 / "NCT05490680.json", LEGACY / "NCT00495833.xml", EXAMPLES,
                CORPUS / "ctgov_v2_json_partial" / "NCT01601704.json") == []


# --- an edited copy of a real record -------------------------------------------------------


def test_blank_reason_counts_as_none_and_is_pointed_at(tmp_path: Path) -> None:
    source = V2 / "NCT03681392.json"
    study = json.loads(source.read_text())
    study["protocolSection"]["statusModule"]["whyStopped"] = "  "
    path = tmp_path / source.name
    path.write_text(json.dumps(study, indent=2))
    [finding] = s109(path)
    assert finding.field == "why_stopped"
    assert finding.pointer == "/protocolSection/statusModule/whyStopped"
    assert finding.message.startswith("status is WITHDRAWN, but the record does not say why")
