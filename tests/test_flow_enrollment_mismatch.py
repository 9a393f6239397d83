"""flow-enrollment-mismatch (P103): the flow starts with another number than the actual
enrollment, and nothing in the flow says why."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from conftest import CORPUS, findings, run_check
from flow_builders import edited_json, flow_module, flow_record, period
from lintrials.checks import flow_enrollment_mismatch
from lintrials.findings import Finding
from lintrials.knowledge.participant_flow import explains_enrollment_gap

V2 = CORPUS / "ctgov_v2_json"
LEGACY = CORPUS / "ctgov_legacy_xml"
STARTED = "results.participant_flow.periods[0].milestones[0].type"


def p103(*paths: Path) -> list[Finding]:
    return [f for f in findings(*paths, select=["P103"]) if f.code == "P103"]


def fields(rec: Any) -> list[str]:
    return [p.field or "" for p in run_check(flow_enrollment_mismatch, rec)]


# --- real records that must be flagged --------------------------------------------------------


def test_json_flow_of_half_the_enrollment() -> None:
    # NCT00763412: 31 enrolled (actual), 8 and 8 in the flow, and no flow text at all.
    [finding] = p103(V2 / "NCT00763412.json")
    assert finding.severity == "warning"
    assert finding.field == STARTED
    assert finding.pointer == "/resultsSection/participantFlowModule/periods/0/milestones/0/type"
    assert finding.message == (
        "the participant flow starts with 16 participants (Placebo 8, 2. Repaglinide 8), but the "
        "actual enrollment is 31, and nothing in the flow or the results explains the difference "
        "of 15: say why in the pre-assignment details, or correct one of the numbers")
    assert [r.field for r in finding.related] == ["enrollment_count"]


def test_legacy_xml_flows_short_of_the_enrollment() -> None:
    # NCT00461552: 23 enrolled, leptin 7 and placebo 7, nothing said. NCT00277524: 3032
    # enrolled, 2883 in four device groups; the flow's texts describe the study, not the 149.
    found = p103(LEGACY / "NCT00461552.xml", LEGACY / "NCT00277524.xml")
    assert [(Path(f.path).name, f.line) for f in found] == [("NCT00277524.xml", 1504),
                                                            ("NCT00461552.xml", 259)]
    assert "starts with 2883 participants" in found[0].message
    assert "difference of 149" in found[0].message
    assert found[1].pointer == ("/clinical_study/clinical_results/participant_flow/period_list"
                                "/period[1]/milestone_list/milestone[1]/title")


# --- real records that must not be flagged ----------------------------------------------------


def test_differences_explained_or_accounted_for() -> None:
    assert p103(
        V2 / "NCT05305235.json",  # "Of the 75 participants who signed informed consent, only 60"
        LEGACY / "NCT00463047.xml",  # "323 subjects entered ... 3 discontinued before ..."
        V2 / "NCT01160289.json",  # 894 screened; the enrollment is the 410 who completed lead-in
        V2 / "NCT04524598.json",  # phase II cohorts start in the second period
        V2 / "NCT00931528.json",  # 242 enrolled, 121 + 121
        LEGACY / "NCT02438137.xml",  # 65, 44 + 21
    ) == []


def test_the_explanation_removed_is_reported(tmp_path: Path) -> None:
    # NCT05305235 (edited): the pre-assignment details that account for the 15 deleted.
    def change(data: Any) -> None:
        del flow_module(data)["preAssignmentDetails"]

    [finding] = p103(edited_json(V2 / "NCT05305235.json", tmp_path, change))
    assert "starts with 60 participants" in finding.message
    assert "enrollment is 75" in finding.message


# --- own words --------------------------------------------------------------------------------


def record(enrollment: int = 40, started: Any = (15, 15), **kw: Any) -> Any:
    return flow_record(period(started=list(started), completed=[14, 15], not_completed=[1, 0]),
                       enrollment=enrollment, **kw)


def test_more_or_fewer_than_enrolled() -> None:
    assert fields(record(40)) == [STARTED]
    assert fields(record(25)) == [STARTED]
    assert fields(record(30)) == []


@pytest.mark.parametrize("text", [
    "Forty patients were enrolled; ten withdrew consent before randomization.",
    "10 participants were found ineligible after enrollment.",
    "40 consented.",
    "Participants entered a 2-week placebo run-in.",
    "Screen failures are not shown.",
    "Subjects who were not randomized are not counted here.",
    "Ten participants did not receive study drug.",
])
def test_pre_assignment_details_that_explain(text: str) -> None:
    assert fields(record(40, pre=text)) == []


@pytest.mark.parametrize("text", [
    "Participants were recruited from 12 clinics in Ohio between 2010 and 2012.",
    "Randomization was stratified by site.",
    "Enrollment period was from Aug 2005 to Jun 2006.",
])
def test_texts_that_do_not_explain(text: str) -> None:
    assert not explains_enrollment_gap(text, 40, 30)
    assert fields(record(40, recruitment=text)) == [STARTED]


def test_a_comment_on_a_milestone_explains() -> None:
    rec = flow_record(period(started=[15, 15], comments={"STARTED": "10 lost before dosing"}),
                      enrollment=40)
    assert fields(rec) == []


def test_not_judged() -> None:
    assert fields(record(40, enrollment_type="ESTIMATED")) == []
    assert fields(record(40, started=("NA", 15))) == []
    # A group of the flow without a STARTED number: its participants are not invented.
    rec = flow_record(period(started={"Placebo": 15}), enrollment=40)
    assert fields(rec) == []


def test_an_explanation_in_the_rest_of_the_results_silences(tmp_path: Path) -> None:
    # NCT00763412 (edited): its 15 missing participants explained outside the flow, in the
    # limitations and caveats or in the baseline's population description, in words that do
    # not name the numbers. Unrelated words there still leave the difference unexplained.
    def limitations(text: str) -> Any:
        def change(data: Any) -> None:
            data["resultsSection"].setdefault("moreInfoModule", {})["limitationsAndCaveats"] = {
                "description": text}
        return change

    def baseline(text: str) -> Any:
        def change(data: Any) -> None:
            data["resultsSection"]["baselineCharacteristicsModule"]["populationDescription"] = text
        return change

    source = V2 / "NCT00763412.json"
    for k, change in enumerate([
            limitations("Terminated by the sponsor; participant data cannot be reported."),
            limitations("The site closed, so we were unable to analyse half of the patients."),
            baseline("No data were collected for participants of the second site.")]):
        (tmp_path / str(k)).mkdir()
        assert p103(edited_json(source, tmp_path / str(k), change)) == [], k
    unrelated = limitations("Small sample size limits the power of the comparison.")
    assert len(p103(edited_json(source, tmp_path, unrelated))) == 1
