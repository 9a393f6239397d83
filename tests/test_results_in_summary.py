"""results-in-summary (T106): a finished study's summary or description states its results."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import CORPUS, findings, record, run_check
from lintrials.checks import results_in_summary
from lintrials.findings import Finding
from lintrials.knowledge.reported_results import result_statements
from lintrials.model import Results

V2 = CORPUS / "ctgov_v2_json"
LEGACY = CORPUS / "ctgov_legacy_xml"


def t106(*paths: Path) -> list[Finding]:
    return [f for f in findings(*paths, select=["T106"]) if f.code == "T106"]


def kinds(text: str) -> list[str]:
    return [s.kind for s in result_statements(text)]


# --- real records -----------------------------------------------------------------------------


def test_significance_between_groups_in_legacy_xml() -> None:
    [finding] = t106(LEGACY / "NCT00462046.xml")
    assert finding.field == "detailed_description"
    assert finding.pointer == "/clinical_study/detailed_description/textblock"
    assert finding.message.startswith(
        'the description states the study\'s own results: "After 3 months, fasting and post '
        "load plasma glucose levels")
    assert "(2 more sentences like it)" in finding.message


def test_a_results_heading_and_a_first_person_finding_in_api_json() -> None:
    found = t106(V2 / "NCT01153204.json", V2 / "NCT01272297.json", V2 / "NCT06359470.json")
    assert [(f.record, f.field) for f in found] == [
        ("NCT01153204", "brief_summary"), ("NCT01272297", "detailed_description"),
        ("NCT06359470", "detailed_description")]
    assert found[1].message.split(": ", 1)[1].startswith('"We found that LI-ESWT can')
    # The p-value of "Results: satisfaction ... increased in GP plus sildenafil ... (p=0.001)".
    assert found[0].end_column - found[0].column == len("p=0.001")


def test_background_and_plans_of_finished_studies() -> None:
    # NCT03006536: "a randomized trial in 67 PDE5-I responders showed ... (p=0.032)", after
    # "randomized trials have shown contradictory results"; NCT02477436: "In conclusions,
    # Patients ... were administered placebo ..." and "to check whether there was a
    # significant difference"; NCT00494416: a power calculation with "(P<0.05 ...)".
    assert t106(V2 / "NCT03006536.json", V2 / "NCT02477436.json",
                LEGACY / "NCT00494416.xml") == []


def test_a_study_not_finished_is_not_judged() -> None:
    # NCT04721834 (not yet recruiting) reports a published trial's "P = 0.003".
    assert t106(V2 / "NCT04721834.json") == []


# --- own words --------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "kind"), [
    ("We found that the device reduced pain scores.", "finding"),
    ("The results showed a larger gain in the exercise arm.", "results"),
    ("Pain was significantly lower in the treatment group than in the control group.",
     "significance"),
    ("There was no significant difference between the groups in hospital stay.",
     "significance"),
    ("Mean HbA1c fell from 8.1% to 7.2% (p = 0.032).", "p-value"),
    ("Remission was more frequent with drug X (P<0.001).", "p-value"),
    ("In conclusion, the vaccine was safe and immunogenic in older adults.", "conclusion"),
    ("Background: Pain is common.\n\nResults: Pain scores were lower after surgery.", "heading"),
    ("The results of the present study showed a benefit of early surgery.", "results"),
])
def test_result_statements(text: str, kind: str) -> None:
    assert kinds(text) == [kind]


@pytest.mark.parametrize("text", [
    "Previous studies showed that X reduced Y (p<0.01).",
    "Drug X lowered mortality in a large randomized trial (p = 0.02).",
    "Smith et al. found that the drug was significantly better than placebo (p=0.01).",
    "It was significantly reduced in the treated group [12].",
    "In mice, the compound significantly reduced tumour growth compared with control.",
    "A p-value below 0.05 will be considered significant.",
    "P<0.05 was considered statistically significant.",
    "Significance was defined as p ≤ 0.05.",
    "The study is powered to detect a significant difference between the two groups.",
    "We hypothesize that pain will be significantly lower in the treatment group.",
    "Our pilot study found a lower relapse rate. These findings suggest a benefit.",
    "Yee et al. published a sham-controlled trial.\n\nIn conclusion, the two were comparable.",
    "Expected results: the intervention group will show lower HbA1c.",
    "Findings: None, the study is not complete.",
    "Results: 135 subjects were enrolled and results are pending.",
    "In conclusions, patients were given placebo or the drug for 8 weeks.",
    "In our previous study, we found that relapse was significantly lower in the drug group.",
])
def test_background_and_plans(text: str) -> None:
    assert kinds(text) == []


def test_a_paragraph_about_other_work_and_a_sentence_on_this_study() -> None:
    text = ("A meta-analysis of 12 trials reported benefit. Pain was significantly lower in the "
            "treated groups (p<0.001).\n\nIn this study, pain was significantly lower in the "
            "treatment group (p = 0.01).")
    [statement] = result_statements(text)
    assert text[statement.sentence[0]:statement.sentence[1]].strip().startswith("In this study")


def test_a_sentence_on_this_study_does_not_make_its_paragraph_background() -> None:
    # "This is a pilot study ... before a confirmatory trial": the study itself.
    text = ("This is an exploratory study to prepare a confirmatory trial. In conclusion, the "
            "drug was effective and well tolerated.")
    assert kinds(text) == ["conclusion"]


def test_only_finished_studies_or_studies_with_results() -> None:
    text = "We found that the device reduced pain scores. The results showed a benefit."
    completed = record(overall_status="COMPLETED", brief_summary=text)
    [problem] = run_check(results_in_summary, completed)
    assert problem.field == "brief_summary"
    assert "(1 more sentence like it)" in problem.message
    assert problem.span is not None and text[slice(*problem.span)] == "We found"
    assert run_check(results_in_summary, record(overall_status="RECRUITING",
                                                brief_summary=text)) == []
    with_results = record(overall_status="ACTIVE_NOT_RECRUITING", detailed_description=text,
                          results=Results())
    assert [p.field for p in run_check(results_in_summary, with_results)] == [
        "detailed_description"]


def test_sentences_under_a_heading_of_earlier_work_are_background() -> None:
    # A description with a "Preliminary Studies" or "Literature review" part reports the
    # earlier work there, in this study's words; the results of that work are not this study's.
    for heading in ("Preliminary Studies", "PREVIOUS STUDIES:", "Literature review:"):
        text = (f"{heading}\nIn our feasibility trial the device was significantly better than "
                "sham (p = 0.02). We found that adherence was high.\n\nDesign:\nA randomised "
                "trial of 80 participants.")
        assert kinds(text) == [], heading


def test_this_study_right_after_a_cited_study_is_the_cited_study() -> None:
    cited = ("Nakamura and colleagues followed 300 workers for five years (2015). The results of "
             "this study showed that night shifts doubled the risk.")
    assert kinds(cited) == []
    # In a paragraph of its own, "this study" is the record's study again.
    own = cited.replace(" The results", "\n\nThe results")
    assert kinds(own) == ["results"]


def test_a_p_value_in_a_statement_of_fact_is_the_literature() -> None:
    # Present-tense facts with p-values and no group or study of the record's are background;
    # past-tense findings, or findings in this study's groups, are the study's own.
    assert kinds("Heavy lifting is associated with low back pain (OR 2.1, p = 0.003).") == []
    assert kinds("Back pain fell by a third at 12 weeks (p = 0.003).") == ["p-value"]
    assert kinds("Pain is lower in the exercise group than in the control group (p = 0.003).") \
        == ["p-value"]
