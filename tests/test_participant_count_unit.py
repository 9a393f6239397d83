"""participant-count-unit (P117): a measure of a number of participants in a unit of another
kind."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import CORPUS, findings, record, run_check
from lintrials.checks import participant_count_unit
from lintrials.findings import Finding
from lintrials.model import Record, ResultMeasure, Results

V2 = CORPUS / "ctgov_v2_json"
LEGACY = CORPUS / "ctgov_legacy_xml"
XML_RECORD = LEGACY / "NCT00003476.xml"  # "Number of Participants With Objective Response"


def p117(*paths: Path) -> list[Finding]:
    return [f for f in findings(*paths, select=["P117"]) if f.code == "P117"]


def test_real_records_are_silent() -> None:
    # Counts of participants in "Participants" and "participants", typed or titled so;
    # percentages in "percentage of participants" (NCT00931528).
    assert p117(XML_RECORD, LEGACY / "NCT00277524.xml", LEGACY / "NCT00463476.xml",
                V2 / "NCT00179517.json", V2 / "NCT00931528.json", V2 / "NCT00763412.json") == []


def test_a_legacy_count_titled_so_in_percent(tmp_path: Path) -> None:
    text = XML_RECORD.read_text()
    old = "<title>Number of Participants With Objective Response</title>\n" \
          "        <description>"
    assert old in text
    start = text.index(old)
    unit = "<units>Participants</units>"
    at = text.index(unit, start)  # the measure's unit, after its title
    path = tmp_path / XML_RECORD.name
    path.write_text(text[:at] + "<units>%</units>" + text[at + len(unit):])
    [finding] = p117(path)
    assert finding.severity == "warning"
    assert finding.field == "results.outcome_measures[0].unit_of_measure"
    assert finding.message.startswith(
        'outcome measure "Number of Participants With Objective Response" is titled as a '
        'number of participants, but its unit of measure is "%"')
    assert finding.related[0].field == "results.outcome_measures[0].title"


def _measure(title: str, param: str | None, unit: str) -> Record:
    measure = ResultMeasure(title=title, param_type=param, unit_of_measure=unit)
    return record(results=Results(outcome_measures=[measure]))


@pytest.mark.parametrize(("title", "param", "unit"), [
    ("Number of Participants With Treatment-Emergent Adverse Events", "NUMBER",
     "percentage of participants"),
    ("Time to Progression", "COUNT_OF_PARTICIPANTS", "days"),
    ("Count of Patients With Hypoglycaemia", "NUMBER", "mg/dL"),
    ("Number of Subjects Responding", "NUMBER", "units on a scale"),
    ("Number of Participants With Events", "NUMBER", "events per 100 patient-years"),
])
def test_counts_of_participants_in_another_unit(title: str, param: str, unit: str) -> None:
    [problem] = run_check(participant_count_unit, _measure(title, param, unit))
    assert problem.field == "results.outcome_measures[0].unit_of_measure"


@pytest.mark.parametrize(("title", "param", "unit"), [
    ("Number of Participants With Improvement", "NUMBER", "Participants"),
    ("Number of Participants With Improvement", "NUMBER", "patients"),
    ("Number of Participants With Improvement", "NUMBER", "participants with event"),
    ("Number of Participants With Improvement", "NUMBER", "eyes"),
    ("Number of Participants With Improvement", "NUMBER", "events"),
    ("Number and Percentage of Participants With Improvement", "NUMBER", "percent"),
    ("Number of Patient-Days in Hospital", "NUMBER", "days"),
    ("Percentage of Participants With Improvement", "NUMBER", "percentage of participants"),
])
def test_units_of_people_eyes_events_and_titles_of_shares(title: str, param: str,
                                                          unit: str) -> None:
    assert run_check(participant_count_unit, _measure(title, param, unit)) == []
