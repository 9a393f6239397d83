"""illogical-age-statement (E102): age statements that no age, or every age, satisfies."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from conftest import CORPUS, EXAMPLES, SEEDS, findings
from lintrials.knowledge.age_limits import age_mentions, age_statements

JSON = CORPUS / "ctgov_v2_json"


def e102(*paths: Path | str, search_from: Path | None = None) -> list[Any]:
    return [f for f in findings(*paths, select=["E102"], search_from=search_from)
            if f.code == "E102"]


def study_file(tmp_path: Path, criteria: str, minimum: str | None = "18 Years",
               maximum: str | None = None) -> Path:
    """A minimal API v2 study with the given criteria and age fields."""
    eligibility: dict[str, Any] = {"eligibilityCriteria": criteria, "sex": "ALL"}
    if minimum is not None:
        eligibility["minimumAge"] = minimum
    if maximum is not None:
        eligibility["maximumAge"] = maximum
    study = {"protocolSection": {
        "identificationModule": {"nctId": "NCT09100002", "briefTitle": "A study"},
        "eligibilityModule": eligibility,
    }}
    path = tmp_path / "NCT09100002.json"
    path.write_text(json.dumps(study, indent=2, ensure_ascii=False), encoding="utf-8")
    return path


# --- real records that must be flagged -----------------------------------------------------


def test_seed_or_between_bounds_admits_every_age() -> None:
    [finding] = e102(SEEDS / "000_c17df8f03dc45045.txt")
    phrase = "Age ≥ 18 or ≤75 years old"
    assert finding.field == "eligibility.criteria"
    assert (finding.line, finding.column) == (129, 3)
    assert (finding.end_line, finding.end_column) == (129, 3 + len(phrase))
    assert f'"{phrase}"' in finding.message
    assert "admit every age" in finding.message
    assert '"and" is probably meant' in finding.message
    assert finding.severity == "error"


def test_seed_json_twin_points_at_the_same_phrase() -> None:
    [finding] = e102(EXAMPLES / "NCT07314060.json")
    assert (finding.line, finding.column) == (110, 55)
    raw = (EXAMPLES / "NCT07314060.json").read_text(encoding="utf-8").splitlines()[109]
    assert raw[finding.column - 1:].startswith("Age ≥ 18 or ≤75 years old")


def test_json_range_written_backwards() -> None:
    # "* Age 18-5 years", with age fields 18 Years and 50 Years: "18-50" was meant.
    [finding] = e102(JSON / "NCT04638790.json")
    assert (finding.line, finding.column) == (291, 129)
    assert finding.end_column - finding.column == len("Age 18-5 years")
    assert '"Age 18-5 years"' in finding.message
    assert "runs backwards, from 18 Years down to 5 Years" in finding.message
    assert "(the age fields say 18 Years to 50 Years)" in finding.message


# --- real records that must not be flagged -------------------------------------------------


@pytest.mark.parametrize("path", [
    SEEDS / "001_020fa720e2ffd389.txt",  # "Age ≥ 18 to ≤ 65 years old"
    SEEDS / "002_e3ee89ab0d39f9a4.txt",  # "Aged 18 to 65 years (inclusive, ...)"
    CORPUS / "ctgov_legacy_xml" / "NCT05688033.xml",  # exclusion "Age of <18 or >75 years"
    JSON / "NCT04930887.json",  # exclusion "age \\<18 or \\>80"
    JSON / "NCT02782117.json",  # phase ranges "Age 4 to \\<8 years (phase 1) or age 4 to \\<13"
])
def test_sound_statements_pass(path: Path) -> None:
    assert e102(path) == []


def test_parser_misreadings_that_look_backwards_are_not_reported() -> None:
    # "worn for at least 16 weeks or until 2 consecutive visual acuity measurements" reads as
    # bounds "at least 16 weeks or until 2" (weeks), backwards, but not confidently an age
    # limit: E102 reads only confident statements.
    path = JSON / "NCT03608150.json"
    text = path.read_text(encoding="utf-8")
    assert "at least 16 weeks or until 2 consecutive" in text
    assert e102(path) == []


# --- made-up edge cases --------------------------------------------------------------------


@pytest.mark.parametrize(("statement", "words"), [
    ("Age ≥ 65 and ≤ 18 years", 'the lower bound ("at least 65 Years") is above the upper'),
    ("Age 65 to 18 years", "runs backwards, from 65 Years down to 18 Years"),
    ("Age ≥ 18 and < 18 years", 'the lower bound ("at least 18 Years") is above'),
    ("Aged 0 to 0 years", "the upper bound is 0 Years"),
    ("Aged 18 to 150 years", "150 Years is beyond any lifetime"),
    ("Aged over 18 or under 65 years", "everyone is over 18 Years or under 65 Years"),
])
def test_made_up_impossible_statements(tmp_path: Path, statement: str, words: str) -> None:
    criteria = f"Inclusion Criteria:\n\n* {statement}\n* Signed consent\n"
    [finding] = e102(study_file(tmp_path, criteria), search_from=tmp_path)
    assert f'"{statement}"' in finding.message
    assert words in finding.message


@pytest.mark.parametrize("criteria", [
    "Exclusion Criteria:\n\n* Age < 18 or > 75 years\n",  # what the exclusion leaves: 18-75
    "Inclusion Criteria:\n\n* Age < 18 or > 65 years\n",  # children or older adults: meant
    "Inclusion Criteria:\n\n* Aged 65 to 65 years\n",  # exactly 65: odd, not impossible
    "Inclusion Criteria:\n\n* Aged 18 to 120 years\n",
])
def test_made_up_sound_statements(tmp_path: Path, criteria: str) -> None:
    assert e102(study_file(tmp_path, criteria), search_from=tmp_path) == []


def test_max_years_option(tmp_path: Path) -> None:
    criteria = "Inclusion Criteria:\n\n* Aged 18 to 120 years\n"
    config = tmp_path / "lintrials.yaml"
    config.write_text("checks:\n  illogical-age-statement:\n    max_years: 110\n")
    [finding] = e102(study_file(tmp_path, criteria), search_from=tmp_path)
    assert "120 Years is beyond any lifetime" in finding.message


# --- the parser function it stands on ------------------------------------------------------


def test_age_statements_keep_what_age_mentions_drops() -> None:
    text = "Inclusion Criteria:\n\n* Age 65 to 18 years\n* Aged 18 to 150 years\n"
    assert age_mentions(text) == []
    read = [(s.kind, str(s.age), text[slice(*s.phrase_span)]) for s in age_statements(text)]
    assert read == [("lower", "65 Years", "Age 65 to 18 years"),
                    ("upper", "18 Years", "Age 65 to 18 years"),
                    ("lower", "18 Years", "Aged 18 to 150 years"),
                    ("upper", "150 Years", "Aged 18 to 150 years")]


def test_age_statements_equal_age_mentions_on_sound_text() -> None:
    text = (SEEDS / "001_020fa720e2ffd389.txt").read_text(encoding="utf-8")
    assert age_statements(text) == age_mentions(text) != []
