"""D107 enrollment-mismatch: a number of participants in the summary against the enrollment."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import CORPUS, EXAMPLES, SEEDS, findings, run_check
from lintrials.checks import enrollment_mismatch
from lintrials.findings import Finding
from lintrials.model import Record

V2 = CORPUS / "ctgov_v2_json"
LEGACY = CORPUS / "ctgov_legacy_xml"


def d107(path: Path) -> list[Finding]:
    return findings(path, select=["D107"])


def flagged_text(finding: Finding) -> str:
    text = Path(finding.path).read_bytes().decode("utf-8").replace("\r\n", "\n")
    assert finding.line == finding.end_line
    return text.split("\n")[finding.line - 1][finding.column - 1 : finding.end_column - 1]


def test_planned_randomization_above_the_anticipated_enrollment() -> None:
    (f,) = d107(LEGACY / "NCT00494637.xml")
    assert (f.code, f.line, f.column, f.field) == ("D107", 32, 7, "brief_summary")
    assert flagged_text(f) == "randomize 478 patients"
    assert f.message == (
        "brief summary says 'randomize 478 patients' but anticipated enrollment is 468"
    )
    assert [r.field for r in f.related] == ["enrollment_count"]


def test_a_total_of_against_the_anticipated_enrollment() -> None:
    (f,) = d107(LEGACY / "NCT00460967.xml")
    assert (f.line, f.column, flagged_text(f)) == (57, 12, "a total of 300 subjects")


def test_past_tense_against_the_actual_enrollment() -> None:
    (f,) = d107(LEGACY / "NCT00490958.xml")
    assert flagged_text(f) == "332 patients were enrolled"
    assert "actual enrollment is 351" in f.message


def test_json_statement_far_into_a_long_summary() -> None:
    (f,) = d107(V2 / "NCT06318962.json")
    assert (f.line, f.column, flagged_text(f)) == (67, 2014, "enrolling 720 patients")


def test_seed_000_total_of_36_subjects_agrees() -> None:
    assert d107(SEEDS) == []
    assert d107(EXAMPLES) == []


def test_plans_per_group_subsets_and_approximations_are_not_reported() -> None:
    for name in (
        "NCT00853606.json",  # "Approximately 400 subjects will be enrolled", actual 712
        "NCT04948307.json",  # "Approximately 400 subjects will be randomized", actual 437
        "NCT05512169.json",  # "a subset of 250 patients will be included"
        "NCT04056520.json",  # "500 screws before 250 patients are enrolled", enrollment 250
        "NCT04407182.json",  # "A total of 60 subjects will be randomized 2: 1", enrollment 60
    ):
        assert d107(V2 / name) == [], name
    for name in (
        "NCT05705115.xml",  # "A maximum of 15 participants will be enrolled", 12
        "NCT00461058.xml",  # "the target sample size is 100-500 individuals", actual 14
    ):
        assert d107(LEGACY / name) == [], name


def test_made_up_number_per_arm(tmp_path: Path) -> None:
    study = json.loads((EXAMPLES / "NCT07314060.json").read_text())
    summary = "This is a randomized study. 18 subjects will be enrolled in each arm."
    study["protocolSection"]["descriptionModule"]["briefSummary"] = summary
    path = tmp_path / "NCT07314060.json"
    path.write_text(json.dumps(study, indent=2, ensure_ascii=False))
    assert d107(path) == []
    study["protocolSection"]["descriptionModule"]["briefSummary"] = (
        "This is a randomized study. 40 subjects will be enrolled."
    )
    path.write_text(json.dumps(study, indent=2, ensure_ascii=False))
    (f,) = d107(path)
    assert flagged_text(f) == "40 subjects will be enrolled"
    assert "anticipated enrollment is 36" in f.message


def problems(summary: str, count: int, kind: str = "ESTIMATED", **values: object) -> list[str]:
    record = Record(brief_summary=summary, enrollment_count=count, enrollment_type=kind)
    return [p.message for p in run_check(enrollment_mismatch, record, **values)]


def test_qualifiers_ranges_and_options() -> None:
    assert problems("Approximately 120 patients will be enrolled.", 130) == []
    assert problems("Approximately 120 patients will be enrolled.", 140) != []
    assert problems("Approximately 120 patients will be enrolled.", 140, tolerance=0.2) == []
    assert problems("Up to 60 participants will be recruited.", 45) == []
    assert problems("Up to 60 participants will be recruited.", 61) != []
    assert problems("At least 50 patients will be enrolled.", 55) == []
    assert problems("We will enroll 30 to 40 healthy volunteers.", 35) == []
    assert problems("We will enroll 30 to 40 healthy volunteers.", 45) != []
    assert problems("We will randomize 100 patients after a run-in.", 130) == []
    assert problems("120 patients will be enrolled.", 98, kind="ACTUAL") == []
    assert problems("120 patients will be enrolled.", 98, "ACTUAL", planned_vs_actual=True) != []
    assert problems("In a previous study of 300 patients, X worked.", 50) == []
    assert problems("A total of 36 subjects will be enrolled.", 0, kind="ACTUAL") == []
