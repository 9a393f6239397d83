"""T104 placeholder-text: "TBD", "xxx", "lorem ipsum", "[insert ...]" where content should be."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from conftest import CORPUS, EXAMPLES, SEEDS, findings

SELECT = ["T104"]
V2 = CORPUS / "ctgov_v2_json"
LEGACY = CORPUS / "ctgov_legacy_xml"


def variant(tmp_path: Path, change: Callable[[dict[str, Any]], None]) -> Path:
    """NCT07104344 (an API v2 study) with one change, as a file."""
    study = json.loads((EXAMPLES / "NCT07104344.json").read_text(encoding="utf-8"))
    change(study["protocolSection"])
    path = tmp_path / "NCT07104344.json"
    path.write_text(json.dumps(study, indent=2, ensure_ascii=False), encoding="utf-8")
    return path


def flagged(path: Path) -> list[tuple[str, str]]:
    """(field, the text the finding's span covers) for each finding."""
    lines = path.read_text(encoding="utf-8").splitlines()
    found = findings(path, select=SELECT)
    assert all(f.line == f.end_line for f in found)
    return [(f.field or "", lines[f.line - 1][f.column - 1 : f.end_column - 1]) for f in found]


def test_the_corpus_words_that_look_like_placeholders_pass() -> None:
    # "dose is to be determined by the primary investigator", "yet to be determined",
    # "package insert", "double-dummy", and "TBC" (tuberculosis) inside a sentence.
    paths = [V2 / "NCT00203242.json", V2 / "NCT03862599.json", V2 / "NCT00244023.json",
             V2 / "NCT02945046.json", LEGACY / "NCT05704985.xml"]
    assert findings(*paths, select=SELECT) == []
    assert findings(SEEDS, select=SELECT) == []


def test_withheld_record_brackets_are_not_placeholders() -> None:
    # "[Trial of device that is not approved or cleared by the U.S. FDA]", "[Redacted]".
    assert findings(LEGACY / "NCT03182660.xml", select=SELECT) == []


def test_tbd_summary_is_flagged_at_its_value(tmp_path: Path) -> None:
    def tbd(p: dict[str, Any]) -> None:
        p["descriptionModule"]["briefSummary"] = "TBD"

    path = variant(tmp_path, tbd)
    assert flagged(path) == [("brief_summary", "TBD")]
    (finding,) = findings(path, select=SELECT)
    assert finding.message == 'placeholder text "TBD" instead of content'


def test_bracketed_instruction_in_the_criteria(tmp_path: Path) -> None:
    def insert(p: dict[str, Any]) -> None:
        criteria = p["eligibilityModule"]["eligibilityCriteria"]
        p["eligibilityModule"]["eligibilityCriteria"] = criteria.replace(
            "* Patients with central nervous system diseases;",
            "* \\[Insert other exclusion criteria here\\]",
        )

    assert flagged(variant(tmp_path, insert)) == [
        ("eligibility.criteria", "\\\\[Insert other exclusion criteria here\\\\]")
    ]


def test_whole_line_placeholder_and_xxx(tmp_path: Path) -> None:
    def drafts(p: dict[str, Any]) -> None:
        p["identificationModule"]["officialTitle"] = "A Study of XXX in Patients With SLE"
        p["descriptionModule"]["detailedDescription"] = "Background.\n\nTo be determined.\n"
        p["conditionsModule"]["conditions"].append("N/A")

    assert flagged(variant(tmp_path, drafts)) == [
        ("official_title", "XXX"),
        ("detailed_description", "To be determined"),
        ("conditions[1]", "N/A"),
    ]


@pytest.mark.parametrize(
    "summary",
    [
        "The dose to be determined by the safety review committee.",
        "Exclusion Criteria:\n\n* None",
        "Girls with the 47,XXX karyotype and boys with 47, XXY.",
        "Treatment A (2x daily), 10x magnification, TBC screening.",
        "Participants insert the device [see protocol] and fill in the diary.",
    ],
)
def test_ordinary_text_passes(tmp_path: Path, summary: str) -> None:
    def ordinary(p: dict[str, Any]) -> None:
        p["descriptionModule"]["briefSummary"] = summary

    assert flagged(variant(tmp_path, ordinary)) == []


def test_a_note_to_self_or_a_value_of_punctuation_is_a_placeholder(tmp_path: Path) -> None:
    def draft(study: dict[str, Any]) -> None:
        study["descriptionModule"]["briefSummary"] = "TODO: write summary"
        study["conditionsModule"]["conditions"][0] = "??"

    found = flagged(variant(tmp_path, draft))
    assert ("brief_summary", "TODO:") in found
    assert ("conditions[0]", "??") in found


def test_todo_as_a_word_in_another_language_is_content(tmp_path: Path) -> None:
    def spanish(study: dict[str, Any]) -> None:
        study["descriptionModule"]["briefSummary"] = (
            "Estudio de todo el proceso: TODO EL PERSONAL recibe la misma formación.")

    assert flagged(variant(tmp_path, spanish)) == []
