"""invalid-age-field (E103): age fields the registry cannot accept or that cannot be right."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from conftest import CORPUS, EXAMPLES, findings

JSON = CORPUS / "ctgov_v2_json"
XML = CORPUS / "ctgov_legacy_xml"


def e103(*paths: Path | str, search_from: Path | None = None) -> list[Any]:
    return [f for f in findings(*paths, select=["E103"], search_from=search_from)
            if f.code == "E103"]


def study_file(tmp_path: Path, minimum: str | None, maximum: str | None = None,
               title: str = "A study of adults") -> Path:
    """A minimal API v2 study with the given age fields."""
    eligibility: dict[str, Any] = {"eligibilityCriteria": "Inclusion Criteria:\n\n* Consent\n",
                                   "sex": "ALL"}
    if minimum is not None:
        eligibility["minimumAge"] = minimum
    if maximum is not None:
        eligibility["maximumAge"] = maximum
    study = {"protocolSection": {
        "identificationModule": {"nctId": "NCT09100003", "briefTitle": title},
        "eligibilityModule": eligibility,
    }}
    path = tmp_path / "NCT09100003.json"
    path.write_text(json.dumps(study, indent=2), encoding="utf-8")
    return path


def test_json_minimum_in_minutes_in_a_study_of_adults() -> None:
    # NCT01809093: diabetic adults undergoing vitrectomy, minimum age "18 Minutes".
    [finding] = e103(JSON / "NCT01809093.json")
    assert finding.field == "eligibility.minimum_age"
    assert (finding.line, finding.column) == (139, 21)
    assert finding.severity == "warning"
    assert "minimum age 18 Minutes" in finding.message
    assert '"18 Years" is probably meant' in finding.message


@pytest.mark.parametrize("path", [
    XML / "NCT00000960.xml",  # 1 Day to 60 Years: pregnant women and their infants
    XML / "NCT00497289.xml",  # 5 Hours to 3 Days: preterm infants
    XML / "NCT00491413.xml",  # N/A to 6 Hours: erythropoietin after oxygen deprivation at birth
    XML / "NCT00000300.xml",  # N/A maximum
    JSON / "NCT06403423.json",  # 65 Years to 65 Years: screening at 65
    EXAMPLES / "000_c17df8f03dc45045.txt",
    EXAMPLES / "NCT07104344.json",
])
def test_valid_ages_pass(path: Path) -> None:
    assert e103(path) == []


@pytest.mark.parametrize(("value", "words"), [
    ("18 years", 'writes the unit "years"; the registry writes "Years"'),
    ("18 Yrs", 'has the unit "Yrs", which the registry does not allow'),
    ("17.5 Years", 'has the number "17.5", but the registry takes whole numbers only'),
    ("eighteen", "is not an age"),
    ("18", "has no unit"),
    ("18Years", "needs a space between the number and the unit"),
    (" 18 Years", "has blanks around it"),
    ("NA", 'says "no limit" in a way the registry does not'),
])
def test_values_the_registry_rejects(tmp_path: Path, value: str, words: str) -> None:
    [finding] = e103(study_file(tmp_path, value), search_from=tmp_path)
    assert finding.field == "eligibility.minimum_age"
    assert finding.message.startswith(f'minimum age "{value}" ')
    assert words in finding.message
    assert finding.severity == "error"


@pytest.mark.parametrize("value", ["18 Years", "1 Year", "6 Months", "1 Minutes", "N/A"])
def test_values_the_registry_accepts(tmp_path: Path, value: str) -> None:
    assert e103(study_file(tmp_path, "1 Minute", value, title="Newborns"),
                search_from=tmp_path) == []


def test_minimum_above_maximum(tmp_path: Path) -> None:
    [finding] = e103(study_file(tmp_path, "65 Years", "18 Years"), search_from=tmp_path)
    assert finding.field == "eligibility.minimum_age"
    assert [r.field for r in finding.related] == ["eligibility.maximum_age"]
    assert "minimum age 65 Years is above the maximum age 18 Years" in finding.message


def test_ages_compare_across_units(tmp_path: Path) -> None:
    assert e103(study_file(tmp_path, "12 Months", "1 Year"), search_from=tmp_path) == []
    [finding] = e103(study_file(tmp_path, "13 Months", "1 Year"), search_from=tmp_path)
    assert "13 Months is above the maximum age 1 Year" in finding.message


def test_hours_in_a_newborn_study_pass(tmp_path: Path) -> None:
    path = study_file(tmp_path, "2 Hours", "7 Days", title="Cord clamping at birth")
    assert e103(path, search_from=tmp_path) == []


@pytest.mark.parametrize("title", [
    "Adults using reliable birth control during a vaccine trial",
    "Date of birth recorded at entry: a survey of adults",
    "Drug delivery by patch in adults with pain",
])
def test_hours_for_adults_are_a_slip_whatever_words_near_birth_say(tmp_path: Path,
                                                                    title: str) -> None:
    path = study_file(tmp_path, "18 Hours", title=title)
    assert [f.code for f in e103(path, search_from=tmp_path)] == ["E103"]


def test_unit_slips_option(tmp_path: Path) -> None:
    (tmp_path / "lintrials.yaml").write_text(
        "checks:\n  invalid-age-field:\n    unit_slips: false\n")
    assert e103(study_file(tmp_path, "18 Minutes"), search_from=tmp_path) == []
