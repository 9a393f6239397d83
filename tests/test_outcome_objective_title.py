"""outcome-objective-title (O104): an outcome title written as an objective, not a measure."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import CORPUS, findings, record, run_check
from lintrials.checks import outcome_objective_title
from lintrials.findings import Finding
from lintrials.knowledge.outcome_titles import objective_opening

V2 = CORPUS / "ctgov_v2_json"
LEGACY = CORPUS / "ctgov_legacy_xml"


def o104(*paths: Path) -> list[Finding]:
    return [f for f in findings(*paths, select=["O104"]) if f.code == "O104"]


def titled(*titles: str) -> list[str]:
    rec = record(secondary_outcomes=[{"kind": "SECONDARY", "measure": t} for t in titles])
    return [p.field or "" for p in run_check(outcome_objective_title, rec)]


# --- real records -----------------------------------------------------------------------------


def test_infinitive_objectives_in_api_json() -> None:
    # Every outcome of NCT06324006 opens "To evaluate ..." or "To characterise ...".
    found = o104(V2 / "NCT06324006.json")
    assert len(found) == 12
    assert found[0].field == "primary_outcomes[0].measure"
    assert '("To evaluate")' in found[0].message
    assert '("To characterise")' in found[6].message


def test_infinitive_objectives_in_legacy_xml() -> None:
    found = o104(LEGACY / "NCT00460161.xml")
    assert [f.field for f in found][:2] == [
        "primary_outcomes[0].measure", "secondary_outcomes[0].measure"]
    assert len(found) == 6
    assert found[0].pointer == "/clinical_study/primary_outcome[1]/measure"
    assert found[0].line == 66


def test_an_imperative_among_action_nouns_on_measures() -> None:
    # "Evaluation of progression-free survival (PFS)" and "Measurement of tumor response" name a
    # measure; only "Determine the recommended dose of PCI-24781" is an objective.
    [finding] = o104(LEGACY / "NCT05698524.xml")
    assert finding.field == "primary_outcomes[2].measure"
    assert '("Determine")' in finding.message


def test_nouns_that_are_also_verbs_and_action_nouns_on_measures() -> None:
    # "Measure of Current Status - Anxiety (MOCS-A)", "Study regimen tolerance",
    # "Determination of Overall survival (OS)".
    assert o104(V2 / "NCT05032404.json", LEGACY / "NCT00460382.xml",
                V2 / "NCT06726265.json") == []


# --- own words --------------------------------------------------------------------------------


@pytest.mark.parametrize(("title", "opening"), [
    ("To evaluate whether drug X reduces HbA1c", "To evaluate"),
    ("to determine the safety of two doses", "to determine"),
    ("To further assess the pharmacokinetics", "To further assess"),
    ("Assess the efficacy of the device", "Assess"),
    ("• Characterize the toxicities of the regimen", "Characterize"),
    ("1. Compare pain scores between arms", "Compare"),
    ("Primary objective: to describe the clinical course", "to describe"),
    ("Evaluating disease-free survival", "Evaluating"),
    ("Measure the change in fatigue", "Measure"),
    ("Study whether the app improves sleep", "Study"),
    ("Evaluation of the efficacy of drug X on pain", "Evaluation of the efficacy of"),
    ("Assessment of the real-world effect of the intervention",
     "Assessment of the real-world effect of"),
    ("Evaluation of whether the programme is adopted", "Evaluation of whether"),
    ("TO EVALUATE THE SAFETY OF DRUG X", "TO EVALUATE"),
])
def test_objective_openings(title: str, opening: str) -> None:
    assert objective_opening(title) == opening
    assert titled(title) == ["secondary_outcomes[0].measure"]


@pytest.mark.parametrize("title", [
    "Time to progression", "Total score of the IIEF", "Tolerability of the vaccine",
    "Determination of plasma concentration", "Assessment of quality of life",
    "Evaluation of progression-free survival", "Measurement of HbA1c at week 24",
    "Study drug exposure", "Measure of Current Status - Anxiety (MOCS-A)",
    "Test-retest reliability of the scale", "Estimate of glomerular filtration rate",
    "ASSESS score at week 12", "Assessment of Safety And Tolerability - Adverse Events",
    "Monitoring visits completed", "Number of participants with adverse events", "",
])
def test_measure_titles(title: str) -> None:
    assert objective_opening(title) is None
    assert titled(title) == []


def test_a_long_title_is_shortened_in_the_message() -> None:
    rec = record(primary_outcomes=[{"kind": "PRIMARY", "measure": "To evaluate " + "x " * 60}])
    [problem] = run_check(outcome_objective_title, rec)
    assert '..." is written as an objective ("To evaluate")' in problem.message
