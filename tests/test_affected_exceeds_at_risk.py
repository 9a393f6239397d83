"""affected-exceeds-at-risk (P111): more participants affected by adverse events than at risk."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import CORPUS, findings, record, run_check
from lintrials.checks import affected_exceeds_at_risk
from lintrials.findings import Finding
from lintrials.model import AdverseEvents, EventGroup, Results

V2 = CORPUS / "ctgov_v2_json"
LEGACY = CORPUS / "ctgov_legacy_xml"
JSON_RECORD = V2 / "NCT00931528.json"  # two groups, 19 serious and many other events
XML_RECORD = LEGACY / "NCT00497289.xml"  # two groups, "Total, serious adverse events" rows


def p111(*paths: Path) -> list[Finding]:
    return [f for f in findings(*paths, select=["P111"]) if f.code == "P111"]


def edited_json(tmp_path: Path, edit: object) -> Path:
    study = json.loads(JSON_RECORD.read_text())
    assert callable(edit)
    edit(study["resultsSection"]["adverseEventsModule"])
    path = tmp_path / JSON_RECORD.name
    path.write_text(json.dumps(study, indent=2))
    return path


# --- real records that must not be flagged -------------------------------------------------


def test_real_records_with_adverse_events_are_silent() -> None:
    assert p111(JSON_RECORD, XML_RECORD, LEGACY / "NCT00003476.xml", V2 / "NCT00084552.json") == []


# --- edited copies of real records ---------------------------------------------------------


def test_a_group_total_above_its_at_risk(tmp_path: Path) -> None:
    def edit(ae: dict) -> None:  # type: ignore[type-arg]
        ae["eventGroups"][1]["otherNumAffected"] = 109  # of 108 at risk

    [finding] = p111(edited_json(tmp_path, edit))
    assert finding.field == "results.adverse_events.groups[1].other_num_affected"
    assert finding.pointer == "/resultsSection/adverseEventsModule/eventGroups/1/otherNumAffected"
    assert finding.severity == "error"
    assert finding.message == (
        'other (not serious) adverse events of "Placebo" (EG001): 109 participants affected, '
        "more than the 108 at risk; those affected are some of those at risk")
    assert [r.pointer for r in finding.related] == [
        "/resultsSection/adverseEventsModule/eventGroups/1/otherNumAtRisk"]


def test_one_event_above_its_at_risk_and_an_equal_count(tmp_path: Path) -> None:
    def edit(ae: dict) -> None:  # type: ignore[type-arg]
        ae["seriousEvents"][0]["stats"][0]["numAtRisk"] = 0  # 1 affected
        ae["otherEvents"][0]["stats"][1]["numAffected"] = 108  # all 108 at risk: possible

    [finding] = p111(edited_json(tmp_path, edit))
    assert finding.field == "results.adverse_events.serious_events[0].stats[0].num_affected"
    assert finding.message.startswith(
        'the serious adverse event "Abdominal pain" in "Tadalafil" (EG000): 1 participant '
        "affected, more than the 0 at risk")


def test_a_legacy_total_row_above_its_at_risk(tmp_path: Path) -> None:
    text = XML_RECORD.read_text().replace(
        '<counts group_id="E2" subjects_affected="19" subjects_at_risk="24"/>',
        '<counts group_id="E2" subjects_affected="29" subjects_at_risk="24"/>', 1)
    path = tmp_path / XML_RECORD.name
    path.write_text(text)
    [finding] = p111(path)
    assert finding.line == 491
    assert finding.message.startswith('the total row "Total, serious adverse events" in ')
    assert "29 participants affected, more than the 24 at risk" in finding.message


# --- the check called directly -------------------------------------------------------------


def test_deaths_and_counts_that_are_not_numbers() -> None:
    group = EventGroup("EG000", "Arm A", deaths_num_affected="5", deaths_num_at_risk="4",
                       serious_num_affected="NA", serious_num_at_risk="4")
    results = Results(adverse_events=AdverseEvents(groups=[group]))
    problems = run_check(affected_exceeds_at_risk, record(results=results))
    assert [p.field for p in problems] == ["results.adverse_events.groups[0].deaths_num_affected"]
    assert problems[0].message.startswith('deaths (all-cause mortality) of "Arm A" (EG000): 5')
    assert run_check(affected_exceeds_at_risk, record()) == []
