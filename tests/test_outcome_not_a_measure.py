"""outcome-not-a-measure (O101): an outcome title that names a domain, not a measure."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import CORPUS, findings, record, run_check
from lintrials.checks import outcome_not_a_measure
from lintrials.findings import Finding

V2 = CORPUS / "ctgov_v2_json"
LEGACY = CORPUS / "ctgov_legacy_xml"


def o101(*paths: Path) -> list[Finding]:
    return [f for f in findings(*paths, select=["O101"]) if f.code == "O101"]


def titled(*titles: str) -> list[str]:
    rec = record(secondary_outcomes=[{"kind": "SECONDARY", "measure": t} for t in titles])
    return [p.field or "" for p in run_check(outcome_not_a_measure, rec)]


# --- real records -----------------------------------------------------------------------------


def test_safety_and_tolerability_in_api_json() -> None:
    [finding] = o101(V2 / "NCT06361927.json")
    assert finding.field == "secondary_outcomes[0].measure"
    assert finding.message.startswith('outcome title "Safety and tolerability" names a domain')


def test_bare_domains_in_legacy_xml() -> None:
    found = o101(LEGACY / "NCT00461370.xml")
    assert [(f.field, f.line) for f in found] == [
        ("primary_outcomes[0].measure", 65), ("secondary_outcomes[0].measure", 69)]
    assert found[0].pointer == "/clinical_study/primary_outcome[1]/measure"


def test_records_whose_titles_are_measures() -> None:
    # "Change from baseline in seated SBP at Week 12", "Erection Hardness Score", ...
    assert o101(V2 / "NCT03308409.json", V2 / "NCT06344104.json") == []


def test_measures_beside_a_domain_title() -> None:
    # "Overall survival (OS)" and "Median PFS" pass; only "Safety and tolerability" is reported.
    [finding] = o101(V2 / "NCT06620835.json")
    assert finding.field == "secondary_outcomes[3].measure"


# --- own words --------------------------------------------------------------------------------


@pytest.mark.parametrize("title", [
    "Safety", "Efficacy", "Tolerability", "Survival", "Pharmacokinetics", "Primary Outcome",
    "Outcome 1", "Safety and efficacy", "Safety & Tolerability", "Primary endpoint:",
    "Pharmacokinetics (PK)", "Secondary Outcome Measures",
])
def test_domain_titles(title: str) -> None:
    assert titled(title) == ["secondary_outcomes[0].measure"]


@pytest.mark.parametrize("title", [
    "Overall survival", "Number of participants with adverse events", "Progression-free survival",
    "Maximum plasma concentration (Cmax)", "Safety: incidence of grade 3 or higher toxicity",
    "Efficacy of drug X on HbA1c at week 24", "1",
])
def test_measure_titles(title: str) -> None:
    assert titled(title) == []


def test_the_message_suggests_a_measure_of_the_domain_named() -> None:
    from lintrials.checks.outcome_not_a_measure import _example

    assert _example("Pharmacokinetics") == "Maximum plasma concentration (Cmax) of the drug"
    assert _example("Immunogenicity").startswith("Geometric mean titre")
    assert _example("Safety and tolerability") == "Number of participants with adverse events"


def test_a_domain_of_the_study_drug_in_api_json() -> None:
    # NCT06627647: "Pharmacokinetic (PK) of rilvegostomig" and "Immunogenicity of
    # rilvegostomig", rilvegostomig being the study's own intervention.
    found = o101(V2 / "NCT06627647.json")
    assert [f.message.split('"')[1] for f in found] == [
        "Pharmacokinetic (PK) of rilvegostomig", "Immunogenicity of rilvegostomig"]


def test_assessed_domains_and_domains_of_the_own_interventions() -> None:
    assert titled("Safety assessment", "Efficacy evaluations", "Tolerability profile") == [
        f"secondary_outcomes[{k}].measure" for k in range(3)]
    own = record(interventions=[{"type": "DRUG", "name": "Zentaprib",
                                 "other_names": ["ZT-44"]}],
                 secondary_outcomes=[{"kind": "SECONDARY", "measure": t} for t in (
                     "Pharmacokinetics of zentaprib", "Safety of ZT-44",
                     "Pharmacokinetics of midazolam", "Plasma half-life of zentaprib")])
    # Another drug's name is a qualifier the check cannot judge; a half-life is a measure.
    assert [p.field for p in run_check(outcome_not_a_measure, own)] == [
        "secondary_outcomes[0].measure", "secondary_outcomes[1].measure"]
