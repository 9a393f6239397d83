"""event-exceeds-group-total (P112): an adverse event affecting more participants in a group
than the group's total affected by any event of its kind."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import CORPUS, findings, record, run_check
from lintrials.checks import event_exceeds_group_total
from lintrials.findings import Finding
from lintrials.model import AdverseEvent, AdverseEvents, EventGroup, EventStat, Record, Results

V2 = CORPUS / "ctgov_v2_json"
LEGACY = CORPUS / "ctgov_legacy_xml"
JSON_RECORD = V2 / "NCT00931528.json"  # serious totals 3 and 4, 19 serious events
# Legacy XML of 2017 on: "Total, all-cause mortality" (0 deaths) precedes "Total, serious
# adverse events" (1 and 1) in the serious list; the mortality row is no serious total.
MORTALITY_ROW = LEGACY / "NCT02438137.xml"


def p112(*paths: Path) -> list[Finding]:
    return [f for f in findings(*paths, select=["P112"]) if f.code == "P112"]


# --- real records that must not be flagged -------------------------------------------------


def test_real_records_are_silent_and_a_mortality_row_is_no_serious_total() -> None:
    assert p112(JSON_RECORD, MORTALITY_ROW, LEGACY / "NCT00497289.xml",
                LEGACY / "NCT00003476.xml") == []


# --- edited copies of real records ---------------------------------------------------------


def test_a_json_total_left_at_0_while_the_events_were_filled_in(tmp_path: Path) -> None:
    study = json.loads(JSON_RECORD.read_text())
    ae = study["resultsSection"]["adverseEventsModule"]
    ae["eventGroups"][1]["seriousNumAffected"] = 0
    path = tmp_path / JSON_RECORD.name
    path.write_text(json.dumps(study, indent=2))
    found = p112(path)
    assert found and all(f.related[0].pointer ==
                         "/resultsSection/adverseEventsModule/eventGroups/1/seriousNumAffected"
                         for f in found)
    # One finding per serious event with a participant affected in the Placebo group.
    assert len(found) == sum(1 for e in ae["seriousEvents"]
                             for s in e["stats"] if s["groupId"] == "EG001" and s["numAffected"])
    assert found[0].severity == "error"
    assert "in \"Placebo\" (EG001), more than the 0 the group's total gives" in found[0].message


def test_a_legacy_total_row_below_one_event(tmp_path: Path) -> None:
    text = MORTALITY_ROW.read_text().replace(
        '<counts group_id="E2" events="1" subjects_affected="1" subjects_at_risk="21"/>',
        '<counts group_id="E2" events="3" subjects_affected="3" subjects_at_risk="21"/>', 1)
    path = tmp_path / MORTALITY_ROW.name
    path.write_text(text)
    [finding] = p112(path)
    assert finding.line == 785
    assert finding.message == (
        'the serious adverse event "Myocardial Infarction" affected 3 participants in '
        "\"Placebo\" (E2), more than the 1 the group's total gives as affected by any serious "
        "adverse event: the total counts every participant an event affected")
    assert finding.related[0].line == 775


# --- the check called directly -------------------------------------------------------------


def test_equal_counts_and_totals_that_are_not_numbers() -> None:
    def events(total: str, affected: str) -> Record:
        group = EventGroup("EG000", "Arm A", other_num_affected=total)
        event = AdverseEvent("Headache", "Nervous system disorders",
                             [EventStat("EG000", None, affected, "20")])
        return record(results=Results(adverse_events=AdverseEvents(
            groups=[group], other_events=[event])))

    assert run_check(event_exceeds_group_total, events("2", "2")) == []
    assert run_check(event_exceeds_group_total, events("NA", "5")) == []
    [problem] = run_check(event_exceeds_group_total, events("2", "5"))
    assert problem.field == "results.adverse_events.other_events[0].stats[0].num_affected"
    assert problem.related == ("results.adverse_events.groups[0].other_num_affected",)
