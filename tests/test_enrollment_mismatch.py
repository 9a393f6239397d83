"""D107 enrollment-mismatch: a number of participants in the summary against the enrollment."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from conftest import CORPUS, EXAMPLES, SEEDS, findings, run_check
from flow_builders import edited_json, edited_text
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


def test_planned_randomization_above_the_anticipated_enrollment(tmp_path: Path) -> None:
    # Edited: the acupressure trial (anticipated enrollment 150) opens its summary with a
    # randomization of a few more than that, "will randomize 156 patients".
    source = LEGACY / "NCT05702255.xml"
    assert d107(source) == []
    edited = edited_text(source, tmp_path, "This study aims to assess",
                         "The investigators will randomize 156 patients to assess")
    (f,) = d107(edited)
    assert (f.code, f.line, f.column, f.field) == ("D107", 30, 30, "brief_summary")
    assert flagged_text(f) == "randomize 156 patients"
    assert f.message == (
        "brief summary says 'randomize 156 patients' but anticipated enrollment is 150"
    )
    assert [r.field for r in f.related] == ["enrollment_count"]


def test_a_total_of_against_the_anticipated_enrollment() -> None:
    (f,) = d107(LEGACY / "NCT00460967.xml")
    assert (f.line, f.column, flagged_text(f)) == (57, 12, "a total of 300 subjects")


def test_past_tense_against_the_actual_enrollment(tmp_path: Path) -> None:
    # Edited: the completed rivaroxaban study (actual enrollment 1280) says in its summary
    # that fewer were enrolled, "1,250 patients were enrolled".
    source = LEGACY / "NCT00494871.xml"
    assert d107(source) == []
    edited = edited_text(source, tmp_path, "This is a clinical study evaluating",
                         "In this clinical study 1,250 patients were enrolled to evaluate")
    (f,) = d107(edited)
    assert flagged_text(f) == "1,250 patients were enrolled"
    assert "actual enrollment is 1280" in f.message


def test_json_statement_far_into_a_long_summary() -> None:
    (f,) = d107(V2 / "NCT06318962.json")
    assert (f.line, f.column, flagged_text(f)) == (67, 2014, "enrolling 720 patients")


def test_a_count_of_other_things_before_the_patient_count(tmp_path: Path) -> None:
    # Edited: the bone graft study (estimated enrollment 101) adds a sentence that counts
    # kits before it counts patients. The kits are not participants; the patients agree.
    def count(patients: int) -> Callable[[Any], None]:
        def change(data: Any) -> None:
            data["protocolSection"]["descriptionModule"]["briefSummary"] += (
                f" Each centre will stock 300 fiber kits before {patients} patients are enrolled."
            )
        return change
    source = V2 / "NCT05405374.json"
    assert d107(edited_json(source, tmp_path, count(101))) == []
    # The same sentence with another patient count is read, and only the patients counted.
    (f,) = d107(edited_json(source, tmp_path, count(120)))
    assert flagged_text(f) == "120 patients are enrolled"
    assert "anticipated enrollment is 101" in f.message


def test_seed_000_total_of_36_subjects_agrees() -> None:
    assert d107(SEEDS) == []
    assert d107(EXAMPLES) == []


def test_plans_per_group_subsets_and_approximations_are_not_reported() -> None:
    for name in (
        "NCT00853606.json",  # "Approximately 400 subjects will be enrolled", actual 712
        "NCT04948307.json",  # "Approximately 400 subjects will be randomized", actual 437
        "NCT05512169.json",  # "a subset of 250 patients will be included"
        "NCT04407182.json",  # "A total of 60 subjects will be randomized 2: 1", enrollment 60
    ):
        assert d107(V2 / name) == [], name
    for name in (
        "NCT05705115.xml",  # "A maximum of 15 participants will be enrolled", 12
        "NCT00003476.xml",  # "A total of 20-40 patients will be accrued", actual 8
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


def test_a_total_in_the_detailed_description() -> None:
    # "A total of 57 patients will be assigned to three treatment groups", enrollment 100.
    (f,) = d107(LEGACY / "NCT00001416.xml")
    assert f.field == "detailed_description"
    assert flagged_text(f) == "A total of 57 patients"
    assert f.message == (
        "detailed description says 'A total of 57 patients' but the enrollment is 100"
    )


def test_description_totals_per_stratum_and_before_dropouts_agree() -> None:
    for name in (
        "NCT00003615.xml",  # "33 patients will be accrued for the ...-positive stratum"
        "NCT05696197.xml",  # "total sample size was estimated at 30"; 20% dropout; 36
    ):
        assert d107(LEGACY / name) == [], name
    # "the sample size is 754 patients ... the total sample size is estimated to be 840"
    assert d107(V2 / "NCT02964858.json") == []


def test_the_summary_only_when_configured(tmp_path: Path) -> None:
    path = LEGACY / "NCT00001416.xml"
    options = {"enrollment-mismatch": {"fields": ["brief_summary"]}}
    assert findings(path, select=["D107"], options=options, tmp_path=tmp_path) == []


def summary(text: str, count: int, *, title: str = "A Study of X", kind: str = "ESTIMATED",
            description: str | None = None) -> list[str]:
    record = Record(brief_summary=text, enrollment_count=count, enrollment_type=kind,
                    official_title=title, detailed_description=description)
    return [p.message for p in run_check(enrollment_mismatch, record)]


def test_made_up_sizes_of_other_studies_and_populations() -> None:
    for text in (
        "In our previous trial of 120 patients, X was safe. 60 patients will be enrolled.",
        "The parent study randomized 500 participants.",
        "A pilot study of 20 patients will be enrolled before this one.",
        "Participants will be drawn from a registry of 10,000 patients.",
        "Participants will be recruited from the national registry, which holds 10,000 patients.",
        "Psoriasis affects 5 million people in the United States.",
        "The feasibility study enrolled 30 patients and showed good adherence.",
    ):
        assert summary(text, 60) == [], text
    # This study's own pilot is this study.
    assert summary("This pilot study will enroll 30 patients.", 40)
    assert summary("The pilot study will enroll 30 patients.", 40, title="A Pilot Study") != []


def test_made_up_numbers_per_group_arm_or_cohort() -> None:
    for text, count in (
        ("We will enroll 60 per arm.", 120),
        ("30 patients will be enrolled in each group.", 60),
        ("20 patients per cohort will be enrolled.", 60),
        ("Each arm will enroll 40 participants.", 80),
        ("60 patients will be randomized to each arm.", 120),
        ("We will recruit 30 participants in each of the two groups.", 60),
        ("50 patients will be enrolled in the standard of care arm.", 100),
        ("Forty-five healthy subjects will be included as a comparator group.", 90),
        ("Phase 1: 20 patients will be enrolled. Phase 2: 40 more.", 60),
        ("In Period 2, 30 patients will be enrolled.", 60),
    ):
        assert summary(text, count) == [], text


def test_made_up_participants_with_caregivers_or_in_dyads() -> None:
    assert summary("40 dyads will be enrolled.", 80) == []
    assert summary("40 patient-caregiver dyads will be enrolled.", 40) == []
    assert summary("30 patients and their caregivers will be enrolled.", 60) == []
    assert summary("The study will enroll 30 patients with their family caregivers.", 60) == []
    assert summary("40 dyads will be enrolled.", 60) != []
    assert summary("We will enroll 30 patients and their caregivers.", 20) != []


def test_made_up_numbers_in_words() -> None:
    assert summary("Forty patients will be enrolled.", 40) == []
    assert summary("One hundred and twenty participants will be recruited.", 120) == []
    assert summary("A total of two hundred fifty women will be included.", 250) == []
    assert summary("Two-hundred and forty (240) patients will be randomized.", 240) == []
    assert summary("Two-hundred and forty (240) patients will be randomized.", 200) != []
    (message,) = summary("Forty-five patients will be enrolled.", 50)
    assert message == "brief summary says 'Forty-five patients will be enrolled' but anticipated" \
        " enrollment is 50"
    assert summary("One hundred and twenty participants will be recruited.", 100) != []


def test_made_up_numbers_that_are_not_people() -> None:
    for text in (
        "A total of four sites will enroll patients.",
        "A total of 120 blood samples from patients will be analysed.",
        "100 eyes of 50 patients will be included.",
        "A total of 12 visits with patients are planned.",
        "A total of 200 patients will be screened to enroll the participants.",
        "Patients will receive 3 doses of 20 mg.",
    ):
        assert summary(text, 50) == [], text


def test_made_up_groups_that_add_up() -> None:
    assert summary("We will enroll 40 patients and 20 healthy controls.", 60) == []
    assert summary("We will enroll 40 patients, 20 caregivers and 10 clinicians.", 40) == []
    assert summary("We will enroll 40 patients and 20 healthy controls.", 80) != []


def test_made_up_totals_in_a_description() -> None:
    text = "The study of X."
    description = "A total of 80 participants will be enrolled. Each arm will enroll 40."
    assert summary(text, 80, description=description) == []
    assert summary(text, 100, description=description) != []
    # Beyond the summary, numbers that are not totals are not read.
    assert summary(text, 100, description="40 patients will be enrolled in phase 2.") == []
    description = "The sample size is 100. Allowing for 20% dropout, 125 will be enrolled."
    assert summary(text, 125, description=description) == []


def test_made_up_plans_substudies_and_groups_by_country() -> None:
    # A plan in the past tense is not the number enrolled.
    text = "The trial was designed to enroll 400 patients but stopped after 120 were enrolled."
    assert summary(text, 120, kind="ACTUAL") == []
    assert summary("A total of 118 patients were enrolled.", 120, kind="ACTUAL") != []
    assert summary("This is a substudy of the XYZ trial, which enrolled 3,000 patients.", 300) == []
    text = "We will recruit 12 healthy volunteers in Germany and 12 in Japan."
    assert summary(text, 24) == []
    assert summary(text, 30) != []
    text = "In total, 150 patients were included in the analysis."
    assert summary(text, 160, kind="ACTUAL") == []


def test_arm_descriptions_add_up() -> None:
    # "The investigators will target an enrollment of 5006 subjects" and "... of 1000
    # subjects" in the two arms: 6006, the anticipated enrollment.
    assert d107(V2 / "NCT05303051.json") == []


def test_made_up_arm_sizes_that_do_not_add_up(tmp_path: Path) -> None:
    study = json.loads((V2 / "NCT05303051.json").read_text())
    arms = study["protocolSection"]["armsInterventionsModule"]["armGroups"]
    arms[1]["description"] = arms[1]["description"].replace("1000 subjects", "500 subjects")
    path = tmp_path / "NCT05303051.json"
    path.write_text(json.dumps(study, indent=2, ensure_ascii=False))
    (f,) = d107(path)
    assert f.field == "arms[0].description"
    assert "5006 + 500 = 5506 in all, but anticipated enrollment is 6006" in f.message
    # An arm that states no size leaves nothing to add up.
    arms[1]["description"] = "Participants without diabetic risk factors."
    path.write_text(json.dumps(study, indent=2, ensure_ascii=False))
    assert d107(path) == []
