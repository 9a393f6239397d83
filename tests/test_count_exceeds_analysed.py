"""count-exceeds-analysed (P114): a count of participants larger than the number analysed."""

from __future__ import annotations

from pathlib import Path

from conftest import CORPUS, findings, record, run_check
from lintrials.checks import count_exceeds_analysed
from lintrials.findings import Finding
from lintrials.model import (
    Category,
    Denom,
    GroupCount,
    MeasureClass,
    Measurement,
    Record,
    ResultMeasure,
    Results,
)

V2 = CORPUS / "ctgov_v2_json"
LEGACY = CORPUS / "ctgov_legacy_xml"
# Rows with their own numbers analysed (148 of an outcome's 151 for one row).
ROW_DENOMS = LEGACY / "NCT00463476.xml"


def p114(*paths: Path) -> list[Finding]:
    return [f for f in findings(*paths, select=["P114"]) if f.code == "P114"]


def test_region_of_enrollment_counts_the_participants_started_not_analysed() -> None:
    # 8 started in each group, 4 analysed at baseline; "Region of Enrollment" (a NUMBER in
    # participants) still gives 8, 8 and 16, while the other baseline counts add up to 4.
    found = p114(V2 / "NCT00763412.json")
    assert [(f.line, f.severity) for f in found] == [(517, "error"), (521, "error"),
                                                     (525, "error")]
    assert found[0].message == (
        'baseline measure "Region of Enrollment" (United States): 8 counted in "Patients Who '
        'Received Placebo" (BG000), where 4 participants were analysed: the participants '
        "counted are some of those analysed")
    assert found[2].related[0].pointer == (
        "/resultsSection/baselineCharacteristicsModule/denoms/0/counts/2/value")


def test_real_records_are_silent() -> None:
    # Row denominators (NCT00463476, NCT00179517), percentages of participants (NCT00931528),
    # a NUMBER in participants (NCT02438137 Region of Enrollment).
    assert p114(ROW_DENOMS, V2 / "NCT00179517.json", V2 / "NCT00931528.json",
                LEGACY / "NCT02438137.xml", LEGACY / "NCT00497289.xml") == []


def test_the_rows_own_number_analysed_comes_first(tmp_path: Path) -> None:
    # Outcome 3, row "Immediate reactions within 30 minutes": 148 analysed of the outcome's 151.
    old = '<measurement group_id="O1" value="0"/>'
    text = ROW_DENOMS.read_text()
    path = tmp_path / ROW_DENOMS.name
    path.write_text(text.replace(old, '<measurement group_id="O1" value="150"/>', 1))
    [finding] = p114(path)
    assert finding.line == 676 and finding.related[0].line == 668
    assert "(Immediate reactions within 30 minutes): 150 counted in \"2-year Olds\" (O1), " \
           "where 148 participants were analysed" in finding.message


def _measure(param: str, unit: str, value: str, denom_units: str) -> Record:
    measure = ResultMeasure(
        title="Number of Eyes With Improvement", param_type=param, unit_of_measure=unit,
        denoms=[Denom(denom_units, [GroupCount("OG000", "10")])],
        classes=[MeasureClass(None, [], [Category(None, [Measurement("OG000", value)])])])
    return record(results=Results(outcome_measures=[measure]))


def test_only_counts_of_participants_against_participants() -> None:
    assert run_check(count_exceeds_analysed, _measure("COUNT_OF_PARTICIPANTS", "Participants",
                                                      "11", "Participants"))
    assert run_check(count_exceeds_analysed, _measure("NUMBER", "patients", "11", "Participants"))
    # A count of eyes, a denominator in eyes, a percentage, a mean, a value that is no number.
    assert run_check(count_exceeds_analysed, _measure("COUNT_OF_UNITS", "Eyes", "11",
                                                      "Eyes")) == []
    assert run_check(count_exceeds_analysed, _measure("COUNT_OF_PARTICIPANTS", "Participants",
                                                      "11", "Eyes")) == []
    assert run_check(count_exceeds_analysed, _measure("NUMBER", "percentage of participants",
                                                      "45.5", "Participants")) == []
    assert run_check(count_exceeds_analysed, _measure("COUNT_OF_PARTICIPANTS",
                                                      "percentage of participants", "80",
                                                      "Participants")) == []
    assert run_check(count_exceeds_analysed, _measure("MEAN", "days", "11",
                                                      "Participants")) == []
    assert run_check(count_exceeds_analysed, _measure("COUNT_OF_PARTICIPANTS", "Participants",
                                                      "NA", "Participants")) == []
