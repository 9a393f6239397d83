"""dangling-criterion (E107): a criterion or heading that introduces what never comes."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from lxml import etree

from conftest import CORPUS, EXAMPLES, SEEDS, findings
from flow_builders import edited_json
from lintrials.knowledge.criteria import criteria_items, criteria_sections

JSON = CORPUS / "ctgov_v2_json"
XML = CORPUS / "ctgov_legacy_xml"


def e107(*paths: Path | str, search_from: Path | None = None) -> list[Any]:
    return [f for f in findings(*paths, select=["E107"], search_from=search_from)
            if f.code == "E107"]


def study_file(tmp_path: Path, criteria: str) -> Path:
    study = {"protocolSection": {
        "identificationModule": {"nctId": "NCT09100007", "briefTitle": "A study"},
        "eligibilityModule": {"eligibilityCriteria": criteria, "sex": "ALL"},
    }}
    path = tmp_path / "NCT09100007.json"
    path.write_text(json.dumps(study, indent=2, ensure_ascii=False), encoding="utf-8")
    return path


# --- real records that must be flagged -----------------------------------------------------


def test_seed_colon_after_the_investigators_judgement() -> None:
    [finding] = e107(SEEDS / "000_c17df8f03dc45045.txt")
    line = (SEEDS / "000_c17df8f03dc45045.txt").read_text(encoding="utf-8").splitlines()[139]
    assert (finding.line, finding.column) == (140, 3)
    assert (finding.end_line, finding.end_column) == (140, len(line) + 1)
    assert finding.message.endswith(
        "in the judgment of the investigator:\": the criterion ends with \":\" after the "
        "investigator's judgement, and the next item is a criterion of its own")
    assert finding.severity == "warning"


def test_seed_definition_that_is_never_given() -> None:
    [finding] = e107(SEEDS / "001_020fa720e2ffd389.txt")
    assert (finding.line, finding.column, finding.end_column) == (113, 3, 32)
    assert finding.message == ('"Definition of refractory SLE;": the criterion names a '
                               "definition but does not give it")


def test_seed_json_twins_agree_with_the_pages() -> None:
    for page, twin in (("000_c17df8f03dc45045.txt", "NCT07314060.json"),
                       ("001_020fa720e2ffd389.txt", "NCT07104344.json")):
        [a] = e107(EXAMPLES / page)
        [b] = e107(EXAMPLES / twin)
        assert a.message == b.message


def test_numbered_item_with_colon_then_the_next_number() -> None:
    # NCT04757038: "14. Patients with symptomatic hernia, sciatica or spinal cord injury:"
    # followed by "15. Significant systemic disease, ...;"
    [finding] = e107(JSON / "NCT04757038.json")
    assert (finding.line, finding.column, finding.end_column) == (172, 2454, 2519)
    assert "the next item (15.) goes on with the numbering" in finding.message


def position(path: Path, words: str) -> tuple[int, int]:
    """The line and column (from 1) where ``words`` first stand in the file."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if words in line:
            return number, line.index(words) + 1
    raise AssertionError(f"{words!r} is not in {path.name}")


def criteria_edited(source: Path, folder: Path, old: str, new: str) -> Path:
    """A copy of the JSON record ``source`` with ``old`` replaced once in its criteria."""
    def change(data: Any) -> None:
        module = data["protocolSection"]["eligibilityModule"]
        assert module["eligibilityCriteria"].count(old) == 1, old
        module["eligibilityCriteria"] = module["eligibilityCriteria"].replace(old, new)
    return edited_json(source, folder, change)


def test_announced_list_missing_before_the_next_section(tmp_path: Path) -> None:
    # Edited: the last inclusion criterion, "14. Be literate, ... and comply with all study
    # procedures and requirements.", now announces requirements that never come: "Exclusion
    # Criteria:" follows at once.
    source = JSON / "NCT02713789.json"
    edited = criteria_edited(source, tmp_path, "and comply with all study procedures and "
                             "requirements.", "and meet each of these requirements:")
    [finding] = e107(edited)
    assert (finding.line, finding.column) == position(edited, "Be literate, able")
    assert finding.message == ('"… give written informed consent, and meet each of these '
                               'requirements:": the criterion ends with ":", but the next '
                               "section follows at once")


def test_legacy_empty_exclusion_section_at_the_end() -> None:
    [finding] = e107(XML / "NCT03133988.xml")
    assert (finding.line, finding.column, finding.end_column) == (57, 9, 28)
    assert finding.message == '"Exclusion Criteria:": the section heading has nothing under it'


def test_legacy_heading_repeated() -> None:
    [finding] = e107(XML / "NCT05696171.xml")
    assert (finding.line, finding.column) == (195, 9)
    assert "the heading is repeated at once" in finding.message


def test_json_headings_repeated_as_bullets(tmp_path: Path) -> None:
    # Edited: each heading of a numbered list typed again as the first bullet under it,
    # "Inclusion Criteria:" then "* Inclusion criteria:", and the same for the exclusions.
    source = JSON / "NCT05321940.json"
    once = criteria_edited(source, tmp_path, "Inclusion Criteria:\n\n",
                           "Inclusion Criteria:\n\n* Inclusion criteria:\n\n")
    twice = criteria_edited(once, tmp_path, "Exclusion Criteria:\n\n",
                            "Exclusion Criteria:\n\n* Exclusion criteria:\n\n")
    found = e107(twice)
    text = twice.read_text(encoding="utf-8")
    line, column = position(twice, '"eligibilityCriteria": ')
    start = column + len('"eligibilityCriteria": "') - 1
    criteria_line = text.splitlines()[line - 1]
    assert [(f.line, f.column) for f in found] == [
        (line, start + 1), (line, criteria_line.index("Exclusion Criteria:") + 1)]
    assert all("the heading is repeated at once" in f.message for f in found)


# --- real records that must not be flagged -------------------------------------------------


@pytest.mark.parametrize("path", [
    SEEDS / "002_e3ee89ab0d39f9a4.txt",  # "Abnormal laboratory findings at screening:" + values
    EXAMPLES / "NCT07177911.json",
    JSON / "NCT03849365.json",  # "Exclusion Criteria:" then "GENERAL EXCLUSION CRITERIA :"
    JSON / "NCT04691388.json",  # "... is defined as follows:" then "1\\) ...; 2) ..." flattened
    JSON / "NCT05321940.json",  # "6. ... as defined below:" then "7. Absolute neutrophil ..."
    JSON / "NCT02713789.json",  # "3. Had ... any of the following:" then "* ..."
    XML / "NCT00006177.xml",  # group headings over their own INCLUSION CRITERIA
    XML / "NCT00000659.xml",  # "Concurrent Medication:" then "Allowed:" then items
    XML / "NCT00006102.xml",  # PDQ headings: "Age:" then "- 21 and under at time of ..."
    XML / "NCT05703230.xml",  # "- As stated by the Dutch perioperative guideline:" + items
    XML / "NCT05692180.xml",  # "1. ... AND, one or more of the following:" then "2. ..."
])
def test_sound_records_pass(path: Path) -> None:
    assert e107(path) == []


# --- made-up cases -------------------------------------------------------------------------


@pytest.mark.parametrize(("criteria", "words"), [
    ("Inclusion Criteria:\n\n* Aged 18-65\n* Any of the following:\n",
     '"Any of the following:": the criterion ends with ":", but nothing follows'),
    ("Inclusion Criteria:\n\nExclusion Criteria:\n\n* Pregnancy\n",
     '"Inclusion Criteria:": the section is empty'),
    ("Inclusion Criteria:\n\n1. Aged 18-65;\n2. Severe asthma with frequent exacerbations "
     "despite high doses:\n3. Signed consent;\n", "the next item (3.) goes on"),
    ("Exclusion Criteria:\n\n* Active infection;\n* Severe disease that makes the patient "
     "unsuitable for the trial and its procedures:\n* Pregnancy;\n",
     "where the criteria around it end with \";\""),
    # one inclusion and one exclusion heading below: a heading typed twice, not an outer one
    ("Inclusion Criteria:\n\nInclusion criteria:\n\n* Adults\n\nExclusion criteria:\n\n"
     "* Smokers\n", "the heading is repeated at once"),
])
def test_made_up_dangling(tmp_path: Path, criteria: str, words: str) -> None:
    [finding] = e107(study_file(tmp_path, criteria), search_from=tmp_path)
    assert words in finding.message


@pytest.mark.parametrize("criteria", [
    "Inclusion Criteria:\n\n* Adequate organ function:\n  * ANC ≥ 1.5\n  * Platelets ≥ 100\n",
    "Inclusion Criteria:\n\n* Adequate hepatic function:\n* Total bilirubin ≤ 1.5 × ULN\n",
    "Inclusion Criteria:\n\n1. Aged 18-65;\n2. Adequate organ function as defined below:\n"
    "3. ANC ≥ 1.5;\n",
    "Inclusion Criteria:\n\n* Lab values:\n\nHemoglobin ≥ 9 g/dL; platelets ≥ 100\n",
    "Inclusion Criteria:\n\n* Aged 18-65\n\nExclusion Criteria:\n\n* None\n",
    "Inclusion Criteria:\n\n* Definition of remission:\n  * no symptoms for 6 months\n",
])
def test_made_up_sound(tmp_path: Path, criteria: str) -> None:
    assert e107(study_file(tmp_path, criteria), search_from=tmp_path) == []


@pytest.mark.parametrize("criteria", [
    # lead-ins that head the items after them, although the numbering goes on
    "Inclusion Criteria:\n\n1. Adults\n2. Smokers who:\n3. smoke daily;\n4. want to quit;\n",
    "Inclusion Criteria:\n\n1. Adults\n2. Patients with:\n3. type 2 diabetes;\n"
    "4. an HbA1c over 7%;\n",
    "Inclusion Criteria:\n\n1. Adults\n2. Meets one of:\n3. asthma;\n4. COPD;\n",
    "Inclusion Criteria:\n\n1. Adults\n2. Has any of:\n3. asthma;\n4. COPD;\n",
    "Inclusion Criteria:\n\n1. Adults\n2. Fulfils the following:\n3. asthma;\n4. COPD;\n",
    "Inclusion Criteria:\n\n1. Adults.\n2. People with a confirmed diagnosis of chronic "
    "obstructive pulmonary disease who:\n3. had two flare-ups last year;\n4. use inhalers;\n",
    # an outer heading over headings that alternate for two groups
    "Inclusion Criteria:\n\nInclusion criteria:\n\n* Patients with asthma\n\n"
    "Exclusion criteria:\n\n* Smokers\n\nInclusion criteria:\n\n* Healthy adults\n\n"
    "Exclusion criteria:\n\n* Asthma\n",
    "Inclusion Criteria:\n\nExclusion Criteria:\n\n* Smokers\n\nInclusion Criteria:\n\n"
    "* Healthy adults\n\nExclusion Criteria:\n\n* Asthma\n",
])
def test_lead_ins_and_outer_headings_are_sound(tmp_path: Path, criteria: str) -> None:
    assert e107(study_file(tmp_path, criteria), search_from=tmp_path) == []


# --- the item reader it stands on ----------------------------------------------------------


def test_criteria_items_join_wrapped_legacy_lines() -> None:
    # A PDQ heading, an item wrapped over two lines, and sub-items two levels down.
    criteria = etree.parse(str(XML / "NCT00003093.xml")).findtext(
        "eligibility/criteria/textblock")
    assert criteria is not None
    items = criteria_items(criteria)
    words = [" ".join(criteria[i.text_start:i.end].split()) for i in items]
    assert words[:4] == [
        "DISEASE CHARACTERISTICS:",
        "Histologically proven neuroblastoma or maturing ganglioneuroma that is judged to be "
        "intermediate risk by one of the following criteria:",
        "International Neuroblastoma Staging System (INSS) stage III",
        "Under 1 year old, MYCN oncogene nonamplified, and any ploidy",
    ]
    assert [(i.indent, i.marker) for i in items[:4]] == [
        (8, None), (10, "-"), (15, "-"), (20, "-")]


def test_criteria_items_sections_agree_with_criteria_sections() -> None:
    criteria = json.loads((EXAMPLES / "NCT07177911.json").read_text(encoding="utf-8"))[
        "protocolSection"]["eligibilityModule"]["eligibilityCriteria"]
    items = criteria_items(criteria)
    headers = [(i.start, i.section) for i in items if i.header]
    assert headers == criteria_sections(criteria) == [(0, "inclusion"),
                                                     (criteria.index("Exclusion"), "exclusion")]
    # the heading, 22 bullets and the paragraph of laboratory values
    assert [i.section for i in items].count("exclusion") == 1 + 22 + 1
