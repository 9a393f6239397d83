"""p-value-out-of-range (P116): a p-value above 1, below 0, or written as a percentage."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import CORPUS, findings, record, run_check
from lintrials.checks import p_value_out_of_range
from lintrials.findings import Finding
from lintrials.model import Analysis, Record, ResultMeasure, Results

V2 = CORPUS / "ctgov_v2_json"
LEGACY = CORPUS / "ctgov_legacy_xml"
JSON_RECORD = V2 / "NCT00931528.json"  # 35 analyses with p-values from 0.0068 to 0.99
XML_RECORD = LEGACY / "NCT00492401.xml"  # p-values written ".02", ".06"


def p116(*paths: Path) -> list[Finding]:
    return [f for f in findings(*paths, select=["P116"]) if f.code == "P116"]


def test_real_records_are_silent() -> None:
    assert p116(JSON_RECORD, XML_RECORD, LEGACY / "NCT00460655.xml",
                LEGACY / "NCT00497289.xml") == []


def test_a_json_p_value_above_1(tmp_path: Path) -> None:
    study = json.loads(JSON_RECORD.read_text())
    study["resultsSection"]["outcomeMeasuresModule"]["outcomeMeasures"][1]["analyses"][2][
        "pValue"] = "1.9501"
    path = tmp_path / JSON_RECORD.name
    path.write_text(json.dumps(study, indent=2))
    [finding] = p116(path)
    assert finding.pointer == (
        "/resultsSection/outcomeMeasuresModule/outcomeMeasures/1/analyses/2/pValue")
    assert finding.severity == "error"
    assert finding.message.endswith(
        'statistical analysis 3: the p-value "1.9501" is above 1: a p-value is a probability, '
        "a number from 0 to 1")


def test_a_legacy_p_value_written_as_the_confidence_level(tmp_path: Path) -> None:
    text = XML_RECORD.read_text()
    assert text.count("<p_value>.02</p_value>") == 1
    path = tmp_path / XML_RECORD.name
    path.write_text(text.replace("<p_value>.02</p_value>", "<p_value>95%</p_value>"))
    [finding] = p116(path)
    assert '"95%" is written as a percentage' in finding.message


def _p(text: str) -> Record:
    measure = ResultMeasure(title="Change in HbA1c", analyses=[Analysis(p_value=text)])
    return record(results=Results(outcome_measures=[measure]))


@pytest.mark.parametrize("text", ["1.5", "-0.2", "95%", "5%", "> 1", "<0", "12"])
def test_no_probability(text: str) -> None:
    assert [p.field for p in run_check(p_value_out_of_range, _p(text))] == [
        "results.outcome_measures[0].analyses[0].p_value"]


@pytest.mark.parametrize("text", ["0.032", "<0.001", "≤ .05", "P = 0.04", "1", "0", ">0.999",
                                  "1.2E-5", "NA", "0,001", "not calculated"])
def test_probabilities_and_text_that_is_no_number(text: str) -> None:
    assert run_check(p_value_out_of_range, _p(text)) == []
