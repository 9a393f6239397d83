"""estimate-outside-ci (P115): an estimate outside its own confidence interval, a value outside
its own full range or inter-quartile range."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import CORPUS, findings, record, run_check
from lintrials.checks import estimate_outside_ci
from lintrials.findings import Finding
from lintrials.model import (
    Analysis,
    Category,
    MeasureClass,
    Measurement,
    Record,
    ResultMeasure,
    Results,
)

V2 = CORPUS / "ctgov_v2_json"
LEGACY = CORPUS / "ctgov_legacy_xml"
JSON_RECORD = V2 / "NCT00931528.json"  # analyses with CIs, percentages with CIs, a full range
IQR_RECORD = LEGACY / "NCT01174550.xml"  # medians with quartiles, one median on its Q1 (70)


def p115(*paths: Path) -> list[Finding]:
    return [f for f in findings(*paths, select=["P115"]) if f.code == "P115"]


def test_real_records_are_silent() -> None:
    # 532 analyses and 1,756 measurements with limits in the development part are consistent.
    assert p115(JSON_RECORD, IQR_RECORD, LEGACY / "NCT00460655.xml", LEGACY / "NCT00463476.xml",
                LEGACY / "NCT00492401.xml") == []


def test_a_json_estimate_above_its_interval(tmp_path: Path) -> None:
    study = json.loads(JSON_RECORD.read_text())
    outcome = study["resultsSection"]["outcomeMeasuresModule"]["outcomeMeasures"][0]
    outcome["analyses"][0]["paramValue"] = "12"  # 95% CI 1 to 9
    path = tmp_path / JSON_RECORD.name
    path.write_text(json.dumps(study, indent=2))
    [finding] = p115(path)
    assert finding.pointer == (
        "/resultsSection/outcomeMeasuresModule/outcomeMeasures/0/analyses/0/paramValue")
    assert finding.severity == "error"
    assert finding.message.endswith(
        "statistical analysis 1 (Difference in percentages): the value 12 lies above the upper "
        "limit of its 95% confidence interval, 1 to 9: an estimate lies inside its own "
        "confidence interval")
    assert [r.pointer.rsplit("/", 1)[1] for r in finding.related] == [
        "ciLowerLimit", "ciUpperLimit"]


def test_a_legacy_median_below_its_first_quartile(tmp_path: Path) -> None:
    old = 'value="21.5" lower_limit="10.7" upper_limit="38.2"'
    text = IQR_RECORD.read_text()
    assert old in text
    path = tmp_path / IQR_RECORD.name
    path.write_text(text.replace(old, 'value="2.15" lower_limit="10.7" upper_limit="38.2"', 1))
    [finding] = p115(path)
    assert finding.field == "results.outcome_measures[7].classes[0].categories[0]" \
        ".measurements[0].value"
    assert "the value 2.15 lies below the lower limit of its inter-quartile range, 10.7 to " \
           "38.2: the median lies between the 25th and the 75th percentile" in finding.message


def _measure(param: str, dispersion: str, value: str, low: str | None, high: str | None,
             ) -> Record:
    measure = ResultMeasure(title="Time to Recovery", param_type=param,
                            dispersion_type=dispersion, classes=[MeasureClass(None, [], [
                                Category(None, [Measurement("OG000", value, None, low, high)])])])
    return record(results=Results(outcome_measures=[measure]))


def test_which_limits_enclose_the_value() -> None:
    assert run_check(estimate_outside_ci, _measure("MEDIAN", "FULL_RANGE", "12.5", "14", "30"))
    assert run_check(estimate_outside_ci, _measure("GEOMETRIC_MEAN", "90_CONFIDENCE_INTERVAL",
                                                   "40", "12", "35"))
    # A least-squares mean, a mean against quartiles, a standard deviation: not judged.
    assert run_check(estimate_outside_ci, _measure("LEAST_SQUARES_MEAN", "FULL_RANGE", "12.5",
                                                   "14", "30")) == []
    assert run_check(estimate_outside_ci, _measure("MEAN", "INTER_QUARTILE_RANGE", "40", "12",
                                                   "35")) == []
    assert run_check(estimate_outside_ci, _measure("MEAN", "STANDARD_DEVIATION", "40", None,
                                                   None)) == []
    # A limit not reached, and a value within the rounding of its limits.
    assert run_check(estimate_outside_ci, _measure("MEDIAN", "95_CONFIDENCE_INTERVAL", "14.2",
                                                   "10.1", "NA")) == []
    assert run_check(estimate_outside_ci, _measure("MEDIAN", "95_CONFIDENCE_INTERVAL", "0.95",
                                                   "0.951", "1.2")) == []


def _analysis(value: str, low: str | None, high: str | None) -> Record:
    analysis = Analysis(group_ids=["OG000", "OG001"], param_type="Hazard Ratio (HR)",
                        param_value=value, ci_pct_value="95", ci_lower_limit=low,
                        ci_upper_limit=high)
    return record(results=Results(outcome_measures=[ResultMeasure(title="Overall Survival",
                                                                  analyses=[analysis])]))


def test_analyses_one_sided_and_reversed() -> None:
    [problem] = run_check(estimate_outside_ci, _analysis("1.45", "0.62", "1.21"))
    assert problem.field == "results.outcome_measures[0].analyses[0].param_value"
    assert run_check(estimate_outside_ci, _analysis("0.82", None, "1.05")) == []  # one-sided
    [problem] = run_check(estimate_outside_ci, _analysis("1.2", None, "1.05"))
    assert problem.related == ("results.outcome_measures[0].analyses[0].ci_upper_limit",)
    [problem] = run_check(estimate_outside_ci, _analysis("1.6", "2.3", "1.1"))
    assert problem.field == "results.outcome_measures[0].analyses[0].ci_lower_limit"
    assert "are the wrong way round, 2.3 to 1.1" in problem.message
    assert run_check(estimate_outside_ci, _analysis("NA", "0.62", "1.21")) == []
