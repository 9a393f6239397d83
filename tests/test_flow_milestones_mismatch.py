"""flow-milestones-mismatch (P101): STARTED is not COMPLETED + NOT COMPLETED in a flow period.

The registry refuses such tables, so no posted record has one: the flagged records are real
records with one count edited (a draft's slip), as each test says.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from conftest import CORPUS, findings, run_check
from flow_builders import (
    achievement,
    edited_json,
    edited_text,
    flow_module,
    flow_record,
    period,
)
from lintrials.checks import flow_milestones_mismatch
from lintrials.findings import Finding

V2 = CORPUS / "ctgov_v2_json"
LEGACY = CORPUS / "ctgov_legacy_xml"


def p101(*paths: Path) -> list[Finding]:
    return [f for f in findings(*paths, select=["P101"]) if f.code == "P101"]


def fields(rec: Any) -> list[str]:
    return [p.field or "" for p in run_check(flow_milestones_mismatch, rec)]


# --- real records -----------------------------------------------------------------------------


def test_posted_flows_add_up() -> None:
    # Two groups with four reasons (JSON); four periods with reasons (XML); a run-in and a
    # follow-up period; the registrant's own milestones between STARTED and COMPLETED.
    assert p101(V2 / "NCT00931528.json", LEGACY / "NCT00463047.xml", LEGACY / "NCT00494871.xml",
                V2 / "NCT02945046.json", V2 / "NCT02397473.json") == []


def test_json_not_completed_edited_is_reported_there(tmp_path: Path) -> None:
    # NCT00931528, Placebo: 121 started, 61 completed, 60 not completed; 60 made 59.
    def change(data: Any) -> None:
        flow_module(data)["periods"][0]["milestones"][2]["achievements"][1]["numSubjects"] = "59"

    [finding] = p101(edited_json(V2 / "NCT00931528.json", tmp_path, change))
    assert finding.severity == "error"
    assert finding.field == achievement(0, 2, 1)
    assert finding.pointer == ("/resultsSection/participantFlowModule/periods/0/milestones/2"
                               "/achievements/1/numSubjects")
    assert finding.message == (
        'group "Placebo" of period "Overall Study": STARTED 121 is not COMPLETED 61 + '
        "NOT COMPLETED 59 (= 120); 60 did not complete")


def test_xml_completed_edited_is_reported_there(tmp_path: Path) -> None:
    # NCT02438137, dimethyl fumarate: 44 started, 36 completed, 8 not completed and 8 reasons;
    # completed made 37: the reasons confirm the 8, so COMPLETED (or STARTED) is wrong.
    path = edited_text(LEGACY / "NCT02438137.xml", tmp_path,
                       '<participants group_id="P1" count="36"/>',
                       '<participants group_id="P1" count="37"/>')
    [finding] = p101(path)
    assert finding.field == achievement(0, 1, 0)
    assert finding.line == 372
    assert "STARTED 44 is not COMPLETED 37 + NOT COMPLETED 8 (= 45)" in finding.message
    assert finding.message.endswith("so STARTED or COMPLETED is wrong")


# --- own words --------------------------------------------------------------------------------


def test_completed_above_started() -> None:
    rec = flow_record(period(started=[10, 12], completed=[11, 12]))
    [problem] = run_check(flow_milestones_mismatch, rec)
    assert problem.field == achievement(0, 1, 0)
    assert problem.message == (
        'group "Placebo" of period "Overall Study": COMPLETED 11 is more than the 10 who STARTED')


def test_started_changed_and_reasons_agree_with_not_completed() -> None:
    rec = flow_record(period(started=[51, 48], completed=[45, 40], not_completed=[5, 8],
                             reasons={"Adverse Event": [2, 3], "Lost to Follow-up": [3, 5]}))
    assert fields(rec) == [achievement(0, 1, 0)]


def test_a_later_period_and_a_third_group() -> None:
    rec = flow_record(
        period("Treatment", started=[50, 48, 20], completed=[45, 40, 20], not_completed=[5, 8, 0]),
        period("Follow-up", started=[45, 40, 20], completed=[44, 40, 18], not_completed=[1, 0, 1]),
        groups=("Placebo", "Drug", "Open label"),
    )
    [problem] = run_check(flow_milestones_mismatch, rec)
    assert problem.field == achievement(1, 2, 2)
    assert problem.message.startswith('group "Open label" of period "Follow-up": STARTED 20')


def test_consistent_flows_are_silent() -> None:
    # Sums kept after an edit (one more started and one more not completed); zeros.
    assert fields(flow_record(period(started=[51, 48], completed=[45, 40],
                                     not_completed=[6, 8]))) == []
    assert fields(flow_record(period(started=[0, 0], completed=[0, 0],
                                     not_completed=[0, 0]))) == []


def test_values_that_are_not_counts_are_not_compared() -> None:
    for odd in ("NA", "12.5", "1,200", "", "ten"):
        rec = flow_record(period(started=[50, 48], completed=[45, 40], not_completed=[odd, 9]))
        assert fields(rec) == [achievement(0, 2, 1)]


def test_missing_groups_and_milestones_are_not_invented() -> None:
    # The drug group has no NOT COMPLETED count; a period with no COMPLETED; no flow at all.
    assert fields(flow_record(period(started=[50, 48], completed=[45, 40],
                                     not_completed={"Placebo": 5}))) == []
    assert fields(flow_record(period(started=[50, 48], not_completed=[1, 1]))) == []
    assert fields(flow_record(period(started={"Placebo": 50}, completed=[45, 60]))) == []


def test_a_milestone_given_twice_is_ambiguous() -> None:
    rec = flow_record(period(started=[50, 48], completed=[45, 40], not_completed=[5, 8],
                             milestones={"NOT COMPLETED": [9, 9]}))
    assert fields(rec) == []
