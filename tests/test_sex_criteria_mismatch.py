"""sex-criteria-mismatch (E106): criteria that admit one sex against the Sex field."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from lxml import etree

from conftest import CORPUS, EXAMPLES, SEEDS, findings
from flow_builders import edited_text
from lintrials.knowledge.criteria import criteria_items

JSON = CORPUS / "ctgov_v2_json"
XML = CORPUS / "ctgov_legacy_xml"


def e106(*paths: Path | str, search_from: Path | None = None) -> list[Any]:
    return [f for f in findings(*paths, select=["E106"], search_from=search_from)
            if f.code == "E106"]


def study_file(tmp_path: Path, criteria: str, sex: str = "ALL",
               title: str = "A study") -> Path:
    """A minimal API v2 study with the given criteria and Sex field."""
    study = {"protocolSection": {
        "identificationModule": {"nctId": "NCT09100006", "briefTitle": title},
        "eligibilityModule": {"eligibilityCriteria": criteria, "sex": sex,
                              "minimumAge": "18 Years"},
    }}
    path = tmp_path / "NCT09100006.json"
    path.write_text(json.dumps(study, indent=2, ensure_ascii=False), encoding="utf-8")
    return path


# --- real records that must be flagged -----------------------------------------------------


def test_json_female_field_on_an_erectile_dysfunction_trial() -> None:
    # NCT01364701: PDE5 inhibitors, "* IIEF ED domain score 22 and below", Sex FEMALE.
    [finding] = e106(JSON / "NCT01364701.json")
    assert finding.field == "eligibility.criteria"
    assert (finding.line, finding.column, finding.end_column) == (179, 111, 115)
    assert finding.message == ('the criteria ask for "IIEF", which concerns men only, but the '
                               "Sex field is FEMALE")
    assert [r.field for r in finding.related] == ["eligibility.sex"]
    assert finding.severity == "warning"


def test_json_all_field_on_a_study_of_men() -> None:
    # NCT03566914: "1. Male patients, age from 21 years to 60 years ;", Sex ALL.
    [finding] = e106(JSON / "NCT03566914.json")
    assert (finding.line, finding.column, finding.end_column) == (170, 57, 61)
    assert finding.message == 'the criteria admit men only ("Male"), but the Sex field is ALL'


def test_legacy_all_field_on_a_prostate_cancer_trial(tmp_path: Path) -> None:
    # Edited: a trial for men whose prostate cancer relapsed ("- Histologically confirmed
    # adenocarcinoma of the prostate") has its Sex field turned from Male to All.
    source = XML / "NCT00499408.xml"
    assert e106(source) == []
    edited = edited_text(source, tmp_path, "<gender>Male</gender>", "<gender>All</gender>")
    [finding] = e106(edited)
    assert (finding.line, finding.column, finding.end_column) == (133, 39, 69)
    assert finding.message == ('the criteria ask for "adenocarcinoma of the prostate", which '
                               "concerns men only, but the Sex field is ALL")


# --- real records that must not be flagged -------------------------------------------------


@pytest.mark.parametrize("path", [
    SEEDS / "000_c17df8f03dc45045.txt",  # "Female subjects of childbearing age should agree..."
    SEEDS / "001_020fa720e2ffd389.txt",
    SEEDS / "002_e3ee89ab0d39f9a4.txt",  # contraception for females and males; pregnancy
    EXAMPLES / "NCT07314060.json",
    XML / "NCT05705427.xml",  # "Pregnant women ... must intend ...", and their infants
    XML / "NCT01174550.xml",  # "men age ≥55 years" and "women age ≥65 years"
    XML / "NCT05689281.xml",  # trans women: "Male sex designated at birth", Sex FEMALE
    XML / "NCT00005816.xml",  # "No prior malignancy ... except ... treated prostatic adenoca..."
    XML / "NCT00003408.xml",  # "Ovarian cancer" as one of a list of cancers
    JSON / "NCT00377793.json",  # MALE, with criteria for female partners
    JSON / "NCT05673005.json",  # men, and consent "from both patient and his female partner"
    JSON / "NCT04482309.json",  # "Cohort 3: Cervical cancer" among cohorts
    JSON / "NCT06490887.json",  # "Women who are pregnant" under a group heading
    JSON / "NCT05147779.json",  # "Peyronie's Disease, erectile dysfunction, or Interstitial..."
    JSON / "NCT04157569.json",  # "Male" and "not pregnant female" as two criteria
])
def test_sound_records_pass(path: Path) -> None:
    assert e106(path) == []


# --- made-up cases -------------------------------------------------------------------------


@pytest.mark.parametrize(("criterion", "sex", "words"), [
    ("Postmenopausal women aged 50-80 years with osteoporosis", "ALL",
     'admit women only ("women"), but the Sex field is ALL'),
    ("Postmenopausal women aged 50-80 years with osteoporosis", "MALE",
     'admit women ("women"), but the Sex field is MALE'),
    ("Men aged 40-75", "FEMALE", 'admit men ("Men"), but the Sex field is FEMALE'),
    ("Healthy male volunteers", "ALL", 'admit men only ("male")'),
    ("Female patients only", "ALL", 'admit women only ("Female")'),
    ("Sex: male", "FEMALE", 'admit men ("male")'),
    ("Participants must be female", "MALE", 'admit women ("female")'),
    ("Histologically confirmed ovarian cancer", "MALE",
     'ask for "ovarian cancer", which concerns women only'),
])
def test_made_up_restrictions(tmp_path: Path, criterion: str, sex: str, words: str) -> None:
    criteria = f"Inclusion Criteria:\n\n* {criterion}\n* Signed consent\n"
    [finding] = e106(study_file(tmp_path, criteria, sex), search_from=tmp_path)
    assert words in finding.message


@pytest.mark.parametrize(("criteria", "sex"), [
    ("Inclusion Criteria:\n\n* Postmenopausal women aged 50-80 years\n", "FEMALE"),
    ("Inclusion Criteria:\n\n* Women of childbearing potential must use contraception\n",
     "ALL"),
    ("Inclusion Criteria:\n\n* Female participants must not be pregnant\n", "ALL"),
    ("Inclusion Criteria:\n\n* Male or female, aged 18-65\n", "ALL"),
    ("Inclusion Criteria:\n\n* Men aged 40-75\n* Women aged 50-75\n", "ALL"),
    ("Inclusion Criteria:\n\n* Aged 18-65\n\nExclusion Criteria:\n\n* Pregnant women\n", "ALL"),
    ("Inclusion Criteria:\n\n* Women over 50 are considered postmenopausal if amenorrheic\n",
     "ALL"),
    ("Inclusion Criteria:\n\nPart B:\n\n* Men aged 40-75\n", "ALL"),
])
def test_made_up_non_restrictions(tmp_path: Path, criteria: str, sex: str) -> None:
    assert e106(study_file(tmp_path, criteria, sex), search_from=tmp_path) == []


@pytest.mark.parametrize("heading", [
    "Exclusion Criteria", "EXCLUSION CRITERIA", "Exclusion criteria -", "Key exclusion criteria",
    "Exclusions", "Exclusion Criteria.", "Exclusion criteria:",
])
@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_exclusion_heading_without_colon_starts_the_exclusions(
        tmp_path: Path, heading: str, newline: str) -> None:
    criteria = newline.join(["Inclusion Criteria", "", "* Adults aged 18-65", "", heading, "",
                             "* Women who are pregnant or lactating", ""])
    assert e106(study_file(tmp_path, criteria), search_from=tmp_path) == []


def test_a_heading_for_this_study_is_for_everyone(tmp_path: Path) -> None:
    criteria = ("Inclusion Criteria\r\n\r\nYou may be eligible for this study if you:\r\n\r\n"
                "  -  Women aged 18-50 years.\r\n\r\nExclusion Criteria\r\n\r\n"
                "  -  Are men.\r\n")
    [finding] = e106(study_file(tmp_path, criteria), search_from=tmp_path)
    assert 'admit women only ("Women")' in finding.message
    part_b = criteria.replace("for this study", "for Part B")
    assert e106(study_file(tmp_path, part_b), search_from=tmp_path) == []


def test_legacy_headings_on_windows_line_ends() -> None:
    # NCT00000868: "Inclusion Criteria\r\n" ... "Exclusion Criteria\r\n" ... "Are pregnant or
    # breast-feeding.": both headings start their parts.
    criteria = etree.parse(str(XML / "NCT00000868.xml")).findtext(
        "eligibility/criteria/textblock")
    assert criteria is not None and "\r" in criteria
    items = criteria_items(criteria)
    headers = [criteria[i.text_start:i.end] for i in items if i.header]
    assert headers[:1] == ["Inclusion Criteria"] and "Exclusion Criteria" in headers
    [pregnant] = [i for i in items if "pregnant or breast" in criteria[i.text_start:i.end]]
    assert pregnant.section == "exclusion"
    assert e106(XML / "NCT00000868.xml") == []


def test_gender_identity_studies_are_not_judged(tmp_path: Path) -> None:
    criteria = "Inclusion Criteria:\n\n* Men aged 18-65\n"
    path = study_file(tmp_path, criteria, "FEMALE", title="PrEP for transgender women")
    assert e106(path, search_from=tmp_path) == []


def test_conditions_option(tmp_path: Path) -> None:
    (tmp_path / "lintrials.yaml").write_text(
        "checks:\n  sex-criteria-mismatch:\n    conditions: false\n")
    assert e106(JSON / "NCT01364701.json", search_from=tmp_path) == []
    assert len(e106(JSON / "NCT03566914.json", search_from=tmp_path)) == 1
