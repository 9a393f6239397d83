"""flow-reasons-mismatch (P102): the reasons for leaving a period do not add up to NOT COMPLETED.

The registry refuses such tables, so no posted record has one: the flagged records are real
records with one count edited (a draft's slip), as each test says.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from conftest import CORPUS, findings, run_check
from flow_builders import achievement, edited_json, edited_text, flow_module, flow_record, period
from lintrials.checks import flow_reasons_mismatch
from lintrials.findings import Finding

V2 = CORPUS / "ctgov_v2_json"
LEGACY = CORPUS / "ctgov_legacy_xml"


def p102(*paths: Path) -> list[Finding]:
    return [f for f in findings(*paths, select=["P102"]) if f.code == "P102"]


def reason(period: int, row: int, group: int) -> str:
    return (f"results.participant_flow.periods[{period}].drop_withdraws[{row}]"
            f".reasons[{group}].value")


def fields(rec: Any) -> list[str]:
    return [p.field or "" for p in run_check(flow_reasons_mismatch, rec)]


# --- real records -----------------------------------------------------------------------------


def test_posted_reasons_add_up() -> None:
    # Four reasons per group (JSON, XML); four periods of reasons; two periods; records whose
    # periods give no reasons at all (NCT00763412, NCT00142506) are not judged.
    assert p102(V2 / "NCT00931528.json", LEGACY / "NCT02438137.xml", LEGACY / "NCT00463047.xml",
                V2 / "NCT02397473.json", V2 / "NCT00763412.json", V2 / "NCT00142506.json") == []


def test_json_reason_edited_is_reported_at_the_reasons(tmp_path: Path) -> None:
    # NCT00931528, Placebo: 60 not completed, reasons 12 + 12 + 13 + 23; lost to follow-up
    # made 14.
    def change(data: Any) -> None:
        flow_module(data)["periods"][0]["dropWithdraws"][2]["reasons"][1]["numSubjects"] = "14"

    [finding] = p102(edited_json(V2 / "NCT00931528.json", tmp_path, change))
    assert finding.severity == "error"
    assert finding.field == reason(0, 0, 1)
    assert finding.pointer == ("/resultsSection/participantFlowModule/periods/0/dropWithdraws/0"
                               "/reasons/1/numSubjects")
    assert finding.message == (
        'group "Placebo" of period "Overall Study": the reasons for not completing add up to 61, '
        "but NOT COMPLETED is 60")
    assert [r.field for r in finding.related] == [reason(0, 1, 1), reason(0, 2, 1),
                                                  reason(0, 3, 1), achievement(0, 2, 1)]


def test_xml_not_completed_edited_is_reported_there(tmp_path: Path) -> None:
    # NCT02438137, dimethyl fumarate: 44 started, 36 completed, reasons 3 + 1 + 4 + 0 = 8;
    # NOT COMPLETED made 9: the reasons agree with 44 - 36, so NOT COMPLETED is wrong.
    path = edited_text(LEGACY / "NCT02438137.xml", tmp_path,
                       '<participants group_id="P1" count="8"/>',
                       '<participants group_id="P1" count="9"/>')
    [finding] = p102(path)
    assert finding.field == achievement(0, 2, 0)
    assert finding.line == 379
    assert finding.message.endswith(
        "add up to 8, but NOT COMPLETED is 9 (STARTED 44 - COMPLETED 36 = 8, as the reasons say)")


# --- own words --------------------------------------------------------------------------------


def test_a_reason_short_of_not_completed() -> None:
    rec = flow_record(period(started=[50, 48], completed=[45, 40], not_completed=[5, 8],
                             reasons={"Adverse Event": [2, 3], "Lost to Follow-up": [3, 4]}))
    assert fields(rec) == [reason(0, 0, 1)]


def test_a_reason_row_added_for_one_group_in_a_later_period() -> None:
    rec = flow_record(
        period("Treatment", started=[50, 48], completed=[45, 40], not_completed=[5, 8],
               reasons={"Adverse Event": [5, 8]}),
        period("Follow-up", started=[45, 40], completed=[44, 40], not_completed=[1, 0],
               reasons={"Death": [1, 0], "Other": [0, 2]}),
    )
    assert fields(rec) == [reason(1, 0, 1)]


def test_reasons_that_add_up_or_cannot_be_added() -> None:
    kept = {"Adverse Event": [2, 3], "Lost to Follow-up": [3, 5]}
    assert fields(flow_record(period(started=[50, 48], completed=[45, 40],
                                     not_completed=[5, 8], reasons=kept))) == []
    # "NA" for one reason; a group a row leaves out; no NOT COMPLETED; no reasons at all.
    assert fields(flow_record(period(not_completed=[5, 8], reasons={
        "Adverse Event": ["NA", 3], "Lost to Follow-up": [3, 5]}))) == []
    assert fields(flow_record(period(not_completed=[5, 8], reasons={
        "Adverse Event": {"Placebo": 2}, "Lost to Follow-up": [3, 5]}))) == []
    assert fields(flow_record(period(started=[50, 48], reasons=kept))) == []
    assert fields(flow_record(period(started=[50, 48], completed=[45, 40],
                                     not_completed=[5, 8]))) == []
