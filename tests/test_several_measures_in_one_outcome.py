"""several-measures-in-one-outcome (O105): one outcome title that lists several measures."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import CORPUS, findings, record, run_check
from lintrials.checks import several_measures_in_one_outcome
from lintrials.findings import Finding
from lintrials.knowledge.outcome_titles import listed_measures

V2 = CORPUS / "ctgov_v2_json"
LEGACY = CORPUS / "ctgov_legacy_xml"


def o105(*paths: Path) -> list[Finding]:
    return [f for f in findings(*paths, select=["O105"]) if f.code == "O105"]


def titled(title: str, description: str | None = None) -> list[str]:
    rec = record(secondary_outcomes=[
        {"kind": "SECONDARY", "measure": title, "description": description}])
    return [p.field or "" for p in run_check(several_measures_in_one_outcome, rec)]


# --- real records -----------------------------------------------------------------------------


def test_measures_between_semicolons_in_legacy_xml() -> None:
    [finding] = o105(LEGACY / "NCT00460213.xml")
    assert finding.field == "secondary_outcomes[0].measure"
    assert finding.pointer == "/clinical_study/secondary_outcome[1]/measure"
    assert finding.message.startswith(
        "outcome title lists 5 measures (home blood pressure; hospital blood pressure; stroke; "
        "cardiovascular disease; and 1 more)")


def test_survival_and_response_measures_listed_in_legacy_xml() -> None:
    # "Progression free survival, duration of response, overall survival evaluations" and
    # "PFS, DOR and OS evaluation at the RP2D"; "ORR and CR evaluation" names no two known kinds.
    found = o105(LEGACY / "NCT05702853.xml")
    assert [f.field for f in found] == [
        "secondary_outcomes[1].measure", "secondary_outcomes[3].measure"]
    assert "(PFS; DOR; OS)" in found[1].message


def test_two_vital_signs_in_api_json() -> None:
    [finding] = o105(V2 / "NCT02510729.json")
    assert finding.field == "secondary_outcomes[3].measure"
    assert "(Mean arterial blood pressure; heart rate)" in finding.message


def test_one_measure_with_qualifiers_synonyms_and_inputs_of_one_measure() -> None:
    # NCT00494884: "Change in systolic and diastolic blood pressure"; NCT05466149: "ORR,
    # Objective Response Rate" (one measure named twice); NCT03658512: "Measurement of height
    # and weight", which its description reports as the BMI.
    assert o105(LEGACY / "NCT00494884.xml", V2 / "NCT05466149.json",
                V2 / "NCT03658512.json") == []


# --- own words --------------------------------------------------------------------------------


@pytest.mark.parametrize(("title", "items"), [
    ("Blood pressure, heart rate, and body weight",
     ["Blood pressure", "heart rate", "body weight"]),
    ("1) HbA1c 2) fasting glucose 3) body weight", ["HbA1c", "fasting glucose", "body weight"]),
    ("(1) HbA1c; (2) fasting plasma glucose", ["HbA1c", "fasting plasma glucose"]),
    ("Outcomes: a) pain b) function c) sleep", ["pain", "function", "sleep"]),
    ("Mood; sleep quality; daytime fatigue", ["Mood", "sleep quality", "daytime fatigue"]),
    ("Change from baseline in HbA1c, FPG and body weight at week 24",
     ["HbA1c", "FPG", "body weight"]),
    ("Overall survival (OS), progression-free survival (PFS) and ORR",
     ["Overall survival", "progression-free survival", "ORR"]),
    ("Adverse events, vital signs and laboratory values",
     ["Adverse events", "vital signs", "laboratory values"]),
])
def test_several_measures(title: str, items: list[str]) -> None:
    assert listed_measures(title) == items
    assert titled(title) == ["secondary_outcomes[0].measure"]


@pytest.mark.parametrize("title", [
    "Change from baseline in systolic and diastolic blood pressure",
    "SBP and DBP at week 12",
    "Death, myocardial infarction, or stroke",
    "Death, myocardial infarction and stroke",
    "Composite of death; myocardial infarction; stroke",
    "SF-36 physical functioning, role physical and bodily pain",
    "IIEF domains: erectile function; orgasmic function; sexual desire",
    "Change in HbA1c at week 4; week 8; week 12",
    "Cohort A; Cohort B; Cohort C",
    "Response defined as: 1) no fever 2) no relapse",
    "Vital signs: blood pressure; heart rate; temperature",
    "Cmax, AUC and Tmax", "Sensitivity and specificity", "Height, weight and BMI",
    "Total cholesterol, LDL and triglycerides", "Depression, anxiety and stress levels",
    "1. Dose-limiting toxicities", "HbA1c or fasting glucose, and body weight",
    "Patients will have less pain; fewer relapses; better sleep",
])
def test_one_measure(title: str) -> None:
    assert listed_measures(title) is None
    assert titled(title) == []


def test_a_description_that_makes_the_list_one_measure() -> None:
    title = "Blood pressure, heart rate and body weight"
    assert titled(title, "combined into a composite cardiovascular risk score") == []
    assert titled(title, "each measured at the clinic visit") == [
        "secondary_outcomes[0].measure"]
