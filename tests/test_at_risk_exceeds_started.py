"""at-risk-exceeds-started (P104): more participants at risk of adverse events than started in
the matching participant-flow group."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from conftest import CORPUS, findings, run_check
from flow_builders import edited_json, edited_text, events, flow_record, period
from lintrials.checks import at_risk_exceeds_started
from lintrials.findings import Finding

V2 = CORPUS / "ctgov_v2_json"
LEGACY = CORPUS / "ctgov_legacy_xml"


def p104(*paths: Path) -> list[Finding]:
    return [f for f in findings(*paths, select=["P104"]) if f.code == "P104"]


def fields(rec: Any) -> list[str]:
    return [p.field or "" for p in run_check(at_risk_exceeds_started, rec)]


# --- real records -----------------------------------------------------------------------------


def test_posted_numbers_at_risk_within_the_flow() -> None:
    assert p104(
        V2 / "NCT00931528.json",  # 111 and 108 at risk of 121 and 121 started
        LEGACY / "NCT02438137.xml",  # 44 and 21, on the XML totals
        # As treated: 36 of arm A counted in arm B (2902 at risk of 2900 started), said so.
        V2 / "NCT02513394.json",
        # 71 at risk of 70 started: the flow's own "Safety Analysis Set" row gives 71.
        V2 / "NCT03107052.json",
        LEGACY / "NCT00463047.xml",  # crossover sequences against treatments: unmatched
    ) == []


def test_json_at_risk_edited_above_started(tmp_path: Path) -> None:
    # NCT00931528 (edited): placebo at risk 108 made 180, of 121 started.
    def change(data: Any) -> None:
        group = data["resultsSection"]["adverseEventsModule"]["eventGroups"][1]
        group["seriousNumAtRisk"] = group["otherNumAtRisk"] = 180

    [finding] = p104(edited_json(V2 / "NCT00931528.json", tmp_path, change))
    assert finding.severity == "warning"
    assert finding.field == "results.adverse_events.groups[1].serious_num_at_risk"
    assert finding.pointer == "/resultsSection/adverseEventsModule/eventGroups/1/seriousNumAtRisk"
    assert finding.message == (
        'adverse-event group "Placebo" has 180 at risk of serious adverse events and 180 at '
        "risk of other adverse events, but the participant flow's group \"Placebo\" has 121")
    assert [r.field for r in finding.related] == [
        "results.adverse_events.groups[1].other_num_at_risk"]


def test_xml_total_at_risk_edited_above_started(tmp_path: Path) -> None:
    # NCT02438137 (edited): placebo at risk of serious events 21 made 25 on the total row;
    # the all-cause mortality row above it is left as it is.
    old = ('<sub_title>Total, serious adverse events</sub_title>\n'
           '                <counts group_id="E1" subjects_affected="1" subjects_at_risk="44"/>\n'
           '                <counts group_id="E2" subjects_affected="1" subjects_at_risk="21"/>')
    [finding] = p104(edited_text(LEGACY / "NCT02438137.xml", tmp_path, old,
                                 old.replace('subjects_at_risk="21"', 'subjects_at_risk="25"')))
    assert finding.field == "results.adverse_events.serious_events[1].stats[1].num_at_risk"
    assert finding.line == 775
    assert finding.message.startswith('adverse-event group "Placebo" has 25 at risk of serious')


# --- own words --------------------------------------------------------------------------------


def two_groups(serious: Any, other: Any = None, **kw: Any) -> Any:
    return flow_record(period(started=[50, 48], completed=[45, 40], not_completed=[5, 8]),
                       adverse_events=events(serious, other, **kw))


def test_one_kind_above_started() -> None:
    assert fields(two_groups([50, 48], [50, 60])) == [
        "results.adverse_events.groups[1].other_num_at_risk"]
    assert fields(two_groups([55, 48])) == ["results.adverse_events.groups[0].serious_num_at_risk"]


def test_at_risk_within_started_or_moved_between_groups() -> None:
    assert fields(two_groups([50, 48])) == []
    assert fields(two_groups([45, 40])) == []
    # 2 of the drug group counted with placebo, as treated: 52 + 46 of 98.
    assert fields(two_groups([52, 46])) == []


def test_as_treated_said_in_the_description() -> None:
    rec = two_groups([60, 48], description="Safety population analysed as treated.")
    assert fields(rec) == []
    rec = two_groups([60, 48], description="All randomized participants who received a dose.")
    assert fields(rec) == ["results.adverse_events.groups[0].serious_num_at_risk"]


def test_groups_matched_by_title_or_alone() -> None:
    # Titles differ in case and blanks only; other titles, several groups: not judged.
    rec = flow_record(period(started=[50, 48]), adverse_events=events(
        [60, 48], groups=("PLACEBO", "Drug  ")))
    assert fields(rec) == ["results.adverse_events.groups[0].serious_num_at_risk"]
    rec = flow_record(period(started=[50, 48]), adverse_events=events(
        [60, 48], groups=("Placebo arm", "Drug arm")))
    assert fields(rec) == []
    rec = flow_record(period(started=[20]), groups=("Open label",),
                      adverse_events=events([21], groups=("All treated participants",)))
    assert fields(rec) == ["results.adverse_events.groups[0].serious_num_at_risk"]


def test_not_counts_and_missing_groups_are_not_compared() -> None:
    assert fields(two_groups(["NA", 48], ["NA", 48])) == []
    rec = flow_record(period(started={"Placebo": 50}), adverse_events=events([50, 60]))
    assert fields(rec) == []
