"""std-ages-mismatch (E105): stdAges that the minimum and maximum age do not give."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from conftest import CORPUS, EXAMPLES, SEEDS, findings

JSON = CORPUS / "ctgov_v2_json"


def e105(*paths: Path | str, search_from: Path | None = None) -> list[Any]:
    return [f for f in findings(*paths, select=["E105"], search_from=search_from)
            if f.code == "E105"]


def edited(tmp_path: Path, source: Path, **eligibility: Any) -> Path:
    """A copy of a real API v2 record with eligibility fields changed, as a hand edit would
    leave it (None removes a field)."""
    study = json.loads(source.read_text(encoding="utf-8"))
    module = study["protocolSection"]["eligibilityModule"]
    for key, value in eligibility.items():
        if value is None:
            module.pop(key, None)
        else:
            module[key] = value
    path = tmp_path / source.name
    path.write_text(json.dumps(study, indent=2, ensure_ascii=False), encoding="utf-8")
    return path


def test_maximum_lowered_after_download(tmp_path: Path) -> None:
    # Seed NCT07177911 (18-65 Years, ADULT and OLDER_ADULT) with its maximum edited to 64.
    path = edited(tmp_path, EXAMPLES / "NCT07177911.json", maximumAge="64 Years")
    [finding] = e105(path, search_from=tmp_path)
    assert finding.field == "eligibility.std_ages"
    assert finding.pointer == "/protocolSection/eligibilityModule/stdAges"
    assert finding.severity == "warning"
    assert "stdAges is ADULT, OLDER_ADULT" in finding.message
    assert "(minimum age 18 Years, maximum age 64 Years) give ADULT" in finding.message
    assert sorted(r.field for r in finding.related) == ["eligibility.maximum_age",
                                                        "eligibility.minimum_age"]


def test_groups_edited_by_hand(tmp_path: Path) -> None:
    path = edited(tmp_path, JSON / "NCT02724163.json", stdAges=["CHILD", "ADULT"])
    [finding] = e105(path, search_from=tmp_path)
    assert "stdAges is CHILD, ADULT" in finding.message
    assert "maximum age 17 Years) give CHILD:" in finding.message


def test_unknown_group(tmp_path: Path) -> None:
    path = edited(tmp_path, EXAMPLES / "NCT07104344.json", stdAges=["ADULTS"])
    [finding] = e105(path, search_from=tmp_path)
    assert "stdAges holds ADULTS, which is no age group" in finding.message


@pytest.mark.parametrize("path", [
    JSON / "NCT00377793.json",  # 18-64 Years: ADULT
    JSON / "NCT01252810.json",  # from 65 Years: OLDER_ADULT
    JSON / "NCT01809093.json",  # from "18 Minutes": all three
    JSON / "NCT02724163.json",  # up to 17 Years: CHILD
    JSON / "NCT03275402.json",  # up to 18 Years: CHILD, ADULT
    JSON / "NCT05915026.json",  # 0-17 Years: CHILD
    JSON / "NCT06403423.json",  # 65-65 Years: OLDER_ADULT
    EXAMPLES / "NCT07104344.json",
    SEEDS / "001_020fa720e2ffd389.txt",  # pages carry no groups
    CORPUS / "ctgov_legacy_xml" / "NCT00000300.xml",  # nor does legacy XML
])
def test_groups_the_registry_derived_pass(path: Path) -> None:
    assert e105(path) == []


def test_order_of_groups_does_not_matter(tmp_path: Path) -> None:
    path = edited(tmp_path, EXAMPLES / "NCT07177911.json", stdAges=["OLDER_ADULT", "ADULT"])
    assert e105(path, search_from=tmp_path) == []


def test_missing_groups_are_not_judged(tmp_path: Path) -> None:
    path = edited(tmp_path, EXAMPLES / "NCT07177911.json", stdAges=None, maximumAge="17 Years")
    assert e105(path, search_from=tmp_path) == []


@pytest.mark.parametrize(("maximum", "groups", "ok"), [
    ("936 Weeks", ["CHILD"], True),  # 17.94 years of 365.25 days, 18 of 52 weeks: either
    ("936 Weeks", ["CHILD", "ADULT"], True),
    ("936 Weeks", ["ADULT"], False),
    ("215 Months", ["CHILD", "ADULT"], False),  # 17.9 years either way
    ("780 Months", ["CHILD", "ADULT", "OLDER_ADULT"], True),  # 65 years
])
def test_units_other_than_years(tmp_path: Path, maximum: str, groups: list[str],
                                ok: bool) -> None:
    path = edited(tmp_path, EXAMPLES / "NCT07177911.json", minimumAge="1 Month",
                  maximumAge=maximum, stdAges=groups)
    assert (e105(path, search_from=tmp_path) == []) == ok


def test_invalid_age_is_left_to_e103(tmp_path: Path) -> None:
    path = edited(tmp_path, EXAMPLES / "NCT07177911.json", maximumAge="65 Yrs")
    assert e105(path, search_from=tmp_path) == []
