"""criteria-without-structure (E108): recent criteria with no inclusion or exclusion heading."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import CORPUS, findings, record, run_check
from lintrials.checks import criteria_without_structure
from lintrials.findings import Finding
from lintrials.knowledge.criteria import has_section_heading, states_no_criteria
from lintrials.model import Record

V2 = CORPUS / "ctgov_v2_json"
LEGACY = CORPUS / "ctgov_legacy_xml"


def e108(*paths: Path) -> list[Finding]:
    return [f for f in findings(*paths, select=["E108"]) if f.code == "E108"]


# --- real records -----------------------------------------------------------------------------


def test_exclusions_listed_under_no_heading() -> None:
    # NCT06490887 (2024) lists its groups' criteria, then "All enrolled subjects:" and
    # "Presence of HIV, HBV, HCV or TP infection", which can only be an exclusion.
    [finding] = e108(V2 / "NCT06490887.json")
    assert finding.field == "eligibility.criteria"
    assert finding.message.endswith("this one was first submitted 2024-03-28)")


def test_paragraphs_of_inclusion_criteria_only() -> None:
    assert len(e108(V2 / "NCT03118986.json")) == 1  # first submitted 2017-03-16


def test_headings_run_in_no_criteria_and_an_old_record_are_silent() -> None:
    # NCT04664634: "Inclusion criteria. Age >=22. ..." and "Study Exclusion Criteria. History
    # of ..." begin paragraphs; NCT06993792 is a master protocol with "no specific eligibility
    # criteria"; NCT00000485 (1999) is one paragraph, from before the rule.
    assert e108(V2 / "NCT04664634.json", V2 / "NCT06993792.json",
                LEGACY / "NCT00000485.xml") == []


# --- own words --------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Inclusion Criteria:\n* Adults\n\nExclusion Criteria:\n* Pregnancy",
    "INCLUSION CRITERIA\n- Adults\nEXCLUSION CRITERIA\n- Pregnancy",
    "Key inclusion criteria\n1. Adults",
    "**Key Exclusion Criteria:**\n* Pregnancy",
    "Eligibility:\n* Adults aged 18 to 65",
    "Exclusion:\n- Pregnancy",
    "- Adults\n\nCriteria for exclusion\n- Pregnancy",
    "Non-inclusion criteria: pregnancy",
    "Exclusion (any of the following):\n- Pregnancy",
    "Inclusion criteria. Age 22 or over. English speaking.",
    "Adults with asthma.\n\nPatients are not eligible if they:\n- smoke",
])
def test_heading_forms(text: str) -> None:
    assert has_section_heading(text)


@pytest.mark.parametrize("text", [
    "- BMI 25-40 kg/m2 inclusive\n- Age 18-65",
    "Exclusion of pregnancy by a urine test.",
    "Patients meeting the inclusion criteria of study X may enrol.",
    "DDD patients:\n* Age 30-60\n\nAll enrolled subjects:\n- HIV infection",
    "",
])
def test_not_headings(text: str) -> None:
    assert not has_section_heading(text)


def test_statements_of_no_criteria() -> None:
    assert states_no_criteria("There are no specific eligibility criteria for this protocol.")
    assert states_no_criteria("* See study GZP1 for eligibility criteria relevant to adults")
    assert not states_no_criteria("No prior chemotherapy\nNo history of stroke")


def _criteria(text: str, submitted: str | None) -> Record:
    return record(eligibility={"criteria": text}, first_submitted_date=submitted)


def test_registration_date_decides() -> None:
    flat = "* Adults aged 18 to 65\n* Smokers"
    assert len(run_check(criteria_without_structure, _criteria(flat, "2017-01-18"))) == 1
    assert len(run_check(criteria_without_structure, _criteria(flat, "2017-02"))) == 1
    assert run_check(criteria_without_structure, _criteria(flat, "2017-01-17")) == []
    assert run_check(criteria_without_structure, _criteria(flat, None)) == []
    assert run_check(criteria_without_structure, _criteria(flat, "2010-05-01"),
                     required_from="2010") != []
    assert run_check(criteria_without_structure, _criteria("  \n", "2024-01-01")) == []


def test_headings_numbered_as_sections_of_a_protocol() -> None:
    # Criteria pasted from a protocol keep its section numbers: "II.4 EXCLUSION CRITERIA",
    # "5.1 Inclusion criteria", "(b) Exclusion criteria:". A number without a heading is not one.
    for heading in ("II.4 EXCLUSION CRITERIA", "5.1 Inclusion criteria", "3.2.1. Inclusion",
                    "(b) Exclusion criteria:", "B. Exclusion Criteria"):
        text = f"{heading}\n- Known allergy to the study drug\n- Pregnancy"
        assert has_section_heading(text), heading
    assert not has_section_heading("4.2 Known allergy to the study drug\n5.1 Pregnancy")
