"""event-totals-mismatch (P113): a group's total affected that the events listed for it cannot
add up to, or two totals of one group that disagree."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import CORPUS, findings, record, run_check
from lintrials.checks import event_totals_mismatch
from lintrials.findings import Finding
from lintrials.model import AdverseEvent, AdverseEvents, EventGroup, EventStat, Record, Results

V2 = CORPUS / "ctgov_v2_json"
LEGACY = CORPUS / "ctgov_legacy_xml"
# Serious totals 3 and 4 against events adding up to 15 and 6: participants with several.
JSON_RECORD = V2 / "NCT00931528.json"
XML_RECORD = LEGACY / "NCT02438137.xml"  # serious totals 1 and 1, one event each


def p113(*paths: Path) -> list[Finding]:
    return [f for f in findings(*paths, select=["P113"]) if f.code == "P113"]


def test_real_records_are_silent() -> None:
    # Totals below the sum of their events (NCT00931528: 3 participants, 15 events' worth),
    # equal to it (NCT02438137), no events and totals of 0 (NCT00084552).
    assert p113(JSON_RECORD, XML_RECORD, LEGACY / "NCT00497289.xml",
                V2 / "NCT00084552.json") == []


def test_a_json_total_above_the_sum_of_its_events(tmp_path: Path) -> None:
    study = json.loads(JSON_RECORD.read_text())
    study["resultsSection"]["adverseEventsModule"]["eventGroups"][1]["seriousNumAffected"] = 7
    path = tmp_path / JSON_RECORD.name
    path.write_text(json.dumps(study, indent=2))
    [finding] = p113(path)
    assert finding.pointer == "/resultsSection/adverseEventsModule/eventGroups/1/seriousNumAffected"
    assert finding.severity == "warning"
    assert finding.message == (
        '"Placebo" (EG001): 7 participants affected by any of the serious adverse events, but '
        "the serious adverse events listed affect 6 in this group even counting a participant "
        "once per event: every participant in the total had one of the events listed")


def test_a_legacy_total_row_above_its_only_event(tmp_path: Path) -> None:
    text = XML_RECORD.read_text().replace(
        '<counts group_id="E1" subjects_affected="1" subjects_at_risk="44"/>',
        '<counts group_id="E1" subjects_affected="2" subjects_at_risk="44"/>', 1)
    path = tmp_path / XML_RECORD.name
    path.write_text(text)
    [finding] = p113(path)
    assert finding.line == 774
    assert finding.message.startswith('"Dimethyl Fumarate (Tecfidera®) Capsules" (E1): 2 '
                                      "participants affected by any of the serious")


def _events(total: str, *affected: str, row: str | None = None) -> Record:
    group = EventGroup("EG000", "Arm A", serious_num_affected=total)
    listed = [AdverseEvent(f"Event {i}", "Infections", [EventStat("EG000", None, a, "30")])
              for i, a in enumerate(affected)]
    if row is not None:
        listed.insert(0, AdverseEvent("Total, serious adverse events", "Total",
                                      [EventStat("EG000", None, row, "30")], total=True))
    return record(results=Results(adverse_events=AdverseEvents(groups=[group],
                                                               serious_events=listed)))


def test_the_sum_bounds_the_total_and_nothing_less() -> None:
    assert run_check(event_totals_mismatch, _events("3", "1", "1", "2")) == []
    assert run_check(event_totals_mismatch, _events("2", "2")) == []
    [problem] = run_check(event_totals_mismatch, _events("5", "1", "2"))
    assert problem.field == "results.adverse_events.groups[0].serious_num_affected"
    [problem] = run_check(event_totals_mismatch, _events("2"))
    assert "no serious adverse event is listed" in problem.message
    [problem] = run_check(event_totals_mismatch, _events("2", "0", "0"))
    assert "every serious adverse event listed gives 0 affected" in problem.message


def test_an_unknown_count_leaves_the_group_unjudged() -> None:
    assert run_check(event_totals_mismatch, _events("5", "1", "NA")) == []


def test_two_totals_of_one_group_that_disagree() -> None:
    [problem] = run_check(event_totals_mismatch, _events("3", "2", "2", row="4"))
    assert problem.field == "results.adverse_events.serious_events[0].stats[0].num_affected"
    assert problem.related == ("results.adverse_events.groups[0].serious_num_affected",)
    assert "disagree, 3 and 4" in problem.message
    assert run_check(event_totals_mismatch, _events("3", "2", "2", row="3")) == []
