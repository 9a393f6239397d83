"""duplicate-outcome (O103): the same outcome measure registered twice."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from conftest import CORPUS, findings, record, run_check
from lintrials.checks import duplicate_outcome
from lintrials.findings import Finding

V2 = CORPUS / "ctgov_v2_json"
LEGACY = CORPUS / "ctgov_legacy_xml"


def o103(*paths: Path) -> list[Finding]:
    return [f for f in findings(*paths, select=["O103"]) if f.code == "O103"]


def outcome(kind: str, measure: str, frame: str, description: str = "") -> dict[str, Any]:
    return {"kind": kind, "measure": measure, "time_frame": frame, "description": description}


# --- real records -----------------------------------------------------------------------------


def test_primary_repeated_as_secondary_in_legacy_xml() -> None:
    [finding] = o103(LEGACY / "NCT00463125.xml")
    assert finding.field == "secondary_outcomes[0].measure"
    assert finding.message.startswith(
        'a primary outcome repeated as secondary: "Rate of ulcers healed during the follow up')
    assert finding.pointer == "/clinical_study/secondary_outcome[1]/measure"


def test_primary_repeated_as_secondary_in_api_json() -> None:
    [finding] = o103(V2 / "NCT05211869.json")
    assert finding.field == "secondary_outcomes[22].measure"
    assert finding.message.endswith("as primary_outcomes[0]")


def test_one_title_for_different_measures() -> None:
    # NCT06344104 gives "Change from baseline in seated SBP at Week 12" for the 1 mg and the
    # 2 mg dose, told apart by the description: not duplicates.
    assert o103(V2 / "NCT06344104.json", V2 / "NCT06620835.json") == []


# --- own words --------------------------------------------------------------------------------


def test_same_title_and_time_frame_folded() -> None:
    rec = record(
        primary_outcomes=[outcome("PRIMARY", "HbA1c", "week 24")],
        secondary_outcomes=[outcome("SECONDARY", "Weight", "week 24"),
                            outcome("SECONDARY", "hba1c ", "Week  24")],
    )
    [problem] = run_check(duplicate_outcome, rec)
    assert problem.field == "secondary_outcomes[1].measure"
    assert problem.related == ("primary_outcomes[0].measure",)
    assert problem.message.startswith("a primary outcome repeated as secondary")


def test_twice_in_one_list() -> None:
    rec = record(secondary_outcomes=[outcome("SECONDARY", "Pain (VAS)", "day 7"),
                                     outcome("SECONDARY", "Pain (VAS)", "day 7")])
    [problem] = run_check(duplicate_outcome, rec)
    assert problem.message.startswith("the same outcome registered twice")


def test_different_times_or_descriptions_or_no_title() -> None:
    rec = record(
        primary_outcomes=[outcome("PRIMARY", "HbA1c", "week 12"), outcome("PRIMARY", "", "x")],
        secondary_outcomes=[outcome("SECONDARY", "HbA1c", "week 24"),
                            outcome("SECONDARY", "HbA1c", "week 12", "in the subgroup"),
                            outcome("SECONDARY", "", "x")],
    )
    assert run_check(duplicate_outcome, rec) == []
