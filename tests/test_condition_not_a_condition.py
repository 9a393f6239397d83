"""condition-not-a-condition (D109): a condition entry that names the design, an aim or a drug."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import CORPUS, findings, record, run_check
from lintrials.checks import condition_not_a_condition
from lintrials.findings import Finding
from lintrials.knowledge.conditions import design_term, states_aim
from lintrials.model import Record

V2 = CORPUS / "ctgov_v2_json"
LEGACY = CORPUS / "ctgov_legacy_xml"


def d109(*paths: Path) -> list[Finding]:
    return [f for f in findings(*paths, select=["D109"]) if f.code == "D109"]


# --- real records -----------------------------------------------------------------------------


def test_pharmacokinetics_and_pharmacodynamics_as_conditions() -> None:
    # NCT04100759, a sildenafil PK/PD study in smokers, lists "Erectile Dysfunction",
    # "Smoking", "Pharmacokinetics", "Pharmacodynamics".
    found = d109(V2 / "NCT04100759.json")
    assert [f.field for f in found] == ["conditions[2]", "conditions[3]"]
    assert found[0].message.startswith(
        'condition "Pharmacokinetics" names the study\'s design or what it measures')
    assert found[0].message.endswith('("Healthy" for healthy volunteers)')


def test_the_study_drugs_as_conditions_in_legacy_xml() -> None:
    # NCT05688345 lists its three sedatives as conditions, beside "Orthopedic Procedures".
    found = d109(LEGACY / "NCT05688345.xml")
    assert [f.pointer for f in found] == [f"/clinical_study/condition[{i}]" for i in (1, 2, 3)]
    assert [f.related[0].field for f in found] == [
        "interventions[0].name", "interventions[1].name", "interventions[2].name"]
    assert found[1].message.endswith("remove it, or name the disease or condition studied")


def test_a_trial_design_and_an_aim() -> None:
    assert [f.message.split('"')[1] for f in d109(V2 / "NCT06358118.json")] == [
        "Randomized Controlled Trial"]
    [aim] = d109(V2 / "NCT01276145.json")
    assert "states the study's aim" in aim.message


def test_phenomena_treatments_and_exposure_groups_are_silent() -> None:
    # NCT05512169: "Drug Interaction", "Drug Effect", "Drug Toxicity" in a pharmacogenomic
    # study; NCT05144867: "Stereotactic Radiosurgery", the radiation compared; NCT03009123: an
    # observational group named "Erectile Dysfunction" like its condition; NCT05694221:
    # "Healthy Volunteers" in an interaction study.
    assert d109(V2 / "NCT05512169.json", V2 / "NCT05144867.json", V2 / "NCT03009123.json",
                LEGACY / "NCT05694221.xml") == []


# --- own words --------------------------------------------------------------------------------


@pytest.mark.parametrize("entry", [
    "Pharmacokinetics", "PK", "Bioequivalence", "Relative Bioavailability", "Food Effect",
    "Safety", "Safety and Efficacy", "Tolerability", "Immunogenicity", "Phase 1",
    "Randomized Controlled Trial", "Double-Blind, Placebo-Controlled Study", "Crossover",
    "Open-label", "Controlled Human Infection", "Dose Escalation",
])
def test_design_terms(entry: str) -> None:
    assert design_term(entry)


@pytest.mark.parametrize("entry", [
    "Healthy", "Healthy Volunteers", "Pharmacokinetics in Renal Impairment",
    "Bioequivalence in Healthy Volunteers", "Drug Interaction", "Drug-drug Interaction Study",
    "Placebo Effect", "Trial of Labor", "Quality of Life", "Patient Safety", "Neonatal Outcome",
    "Chronic Phase CML", "Luteal Phase Defect", "Uncontrolled Hypertension", "Fasting",
    "Cost-effectiveness", "",
])
def test_conditions(entry: str) -> None:
    assert not design_term(entry)


def test_the_drugs_own_name_beside_a_design_term() -> None:
    assert design_term("Pharmacokinetics of Sildenafil", {"sildenafil"})
    assert not design_term("Pharmacokinetics of Sildenafil")


def test_aims() -> None:
    assert states_aim("To Evaluate the Safety of X in Patients With Y")
    assert not states_aim("Toxoplasmosis")
    assert not states_aim("Tobacco Use Disorder")


def _study(conditions: list[str], *interventions: tuple[str, str]) -> Record:
    return record(conditions=conditions,
                  interventions=[{"type": kind, "name": name} for kind, name in interventions])


def test_own_intervention_names_by_type() -> None:
    rec = _study(["Caffeine", "Acupuncture", "Anesthesia", "Apnea", "  "],
                 ("DIETARY_SUPPLEMENT", "caffeine"), ("PROCEDURE", "Acupuncture"),
                 ("DRUG", "Anesthesia"))
    [problem] = run_check(condition_not_a_condition, rec)
    assert problem.field == "conditions[0]"
    assert problem.related == ("interventions[0].name",)


def test_safety_of_the_drug() -> None:
    rec = _study(["Asthma", "Safety of Drug X"], ("DRUG", "Drug X"))
    [problem] = run_check(condition_not_a_condition, rec)
    assert problem.field == "conditions[1]"
    assert run_check(condition_not_a_condition, _study(["Safety of Drug X"])) == []
