"""placeholder-age-limit (E104): an age field holding a stand-in for "no limit"."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from conftest import CORPUS, EXAMPLES, findings
from flow_builders import edited_text

JSON = CORPUS / "ctgov_v2_json"
XML = CORPUS / "ctgov_legacy_xml"


def e104(*paths: Path | str, search_from: Path | None = None) -> list[Any]:
    return [f for f in findings(*paths, select=["E104"], search_from=search_from)
            if f.code == "E104"]


def test_json_maximum_of_130_years() -> None:
    # NCT05774951: "Participant must be 18 years of age or older", maximum age "130 Years".
    [finding] = e104(JSON / "NCT05774951.json")
    assert finding.field == "eligibility.maximum_age"
    assert (finding.line, finding.column) == (245, 21)
    assert finding.severity == "info"
    assert finding.message.startswith('maximum age 130 Years reads as a stand-in for "no upper')


def test_legacy_maximum_of_100_years() -> None:
    [finding] = e104(XML / "NCT00005179.xml")
    assert (finding.line, finding.column) == (79, 18)
    assert "maximum age 100 Years" in finding.message


@pytest.mark.parametrize("path", [
    JSON / "NCT04157569.json",  # 100 Years, and the exclusion "patients >=100 years old"
    JSON / "NCT05915026.json",  # minimum "0 Years" ("from birth"): off by default
    XML / "NCT02438137.xml",
    EXAMPLES / "NCT07314060.json",  # 75 Years
])
def test_real_limits_pass(path: Path) -> None:
    assert e104(path) == []


def test_a_maximum_of_99_years_the_criteria_state(tmp_path: Path) -> None:
    # Edited: "6. Ages: 2 to 75 years;" and its 75 Years field both raised to 99. Stated in
    # the criteria, 99 is the study's own limit. With the criterion made open-ended
    # ("2 years or older"), the same field reads as a stand-in for no limit.
    source = JSON / "NCT04265963.json"
    field = edited_text(source, tmp_path, '"maximumAge": "75 Years"', '"maximumAge": "99 Years"')
    (tmp_path / "open").mkdir()
    stated = edited_text(field, tmp_path / "open", "6. Ages: 2 to 75 years;",
                         "6. Ages: 2 to 99 years;")
    assert e104(stated) == []
    open_ended = edited_text(field, tmp_path, "6. Ages: 2 to 75 years;",
                             "6. Ages: 2 years or older;")
    [finding] = e104(open_ended)
    assert finding.message.startswith('maximum age 99 Years reads as a stand-in for "no upper')


def test_zero_minimum_option(tmp_path: Path) -> None:
    (tmp_path / "lintrials.yaml").write_text(
        "checks:\n  placeholder-age-limit:\n    zero_minimum: true\n")
    [finding] = e104(JSON / "NCT05915026.json", search_from=tmp_path)
    assert finding.field == "eligibility.minimum_age"
    assert "minimum age 0 Years is the same as no minimum age" in finding.message


def test_maximum_years_option(tmp_path: Path) -> None:
    (tmp_path / "lintrials.yaml").write_text(
        "checks:\n  placeholder-age-limit:\n    maximum_years: 101\n")
    assert e104(XML / "NCT00005179.xml", search_from=tmp_path) == []
    assert len(e104(JSON / "NCT05774951.json", search_from=tmp_path)) == 1
