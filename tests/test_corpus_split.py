"""The corpus's development and evaluation parts (lintrials.corpus_split): a rule that never
changes, so that no record moves from the part checks are tuned on to the part they are
measured on."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import WHOLE_CORPUS
from lintrials.corpus_split import files_of, main, part_of


def test_the_rule_is_fixed() -> None:
    """Pinned: a change of the rule would move records between the parts."""
    evaluation = ["NCT01321489.json", "NCT05814159.json", "NCT00492895.xml",
                  "ISRCTN12949496.ctrdata.json"]
    development = ["NCT07104344.json", "NCT07177911.json", "NCT00000161.xml",
                   "NCT02513394.json"]
    assert [part_of(name) for name in evaluation] == ["evaluation"] * 4
    assert [part_of(name) for name in development] == ["development"] * 4


def test_a_trial_is_in_one_part_whatever_its_format_folder_or_case() -> None:
    for nct in ("NCT01321489", "NCT07104344"):
        parts = {part_of(f"a/{nct}.json"), part_of(f"b/{nct}.xml"), part_of(f"{nct.lower()}.txt")}
        assert len(parts) == 1, nct


def test_files_of_a_part_are_the_record_files_of_that_part(tmp_path: Path) -> None:
    for name in ("NCT01321489.json", "NCT07104344.json", "NCT00492895.xml", "notes.md"):
        (tmp_path / name).write_text("{}")
    assert [p.name for p in files_of("evaluation", [tmp_path])] == [
        "NCT00492895.xml", "NCT01321489.json"]
    assert [p.name for p in files_of("development", [tmp_path])] == ["NCT07104344.json"]
    assert main(["--part", "neither", str(tmp_path)]) == 2


@pytest.mark.corpus
@pytest.mark.parametrize("folder", ["ctgov_v2_json", "ctgov_legacy_xml"])
def test_about_three_in_ten_records_are_for_evaluation(folder: str) -> None:
    records = sorted((WHOLE_CORPUS / folder).iterdir())
    share = sum(part_of(p) == "evaluation" for p in records) / len(records)
    assert 0.27 < share < 0.33, share
