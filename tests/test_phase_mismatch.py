"""D101 phase-mismatch: a phase stated in the title or summary that the phases field contradicts."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import CORPUS, EXAMPLES, SEEDS, findings, run_check
from lintrials.checks import phase_mismatch
from lintrials.findings import Finding
from lintrials.model import ALL_SECTIONS, Intervention, Record

V2 = CORPUS / "ctgov_v2_json"
LEGACY = CORPUS / "ctgov_legacy_xml"


def d101(path: Path) -> list[Finding]:
    return findings(path, select=["D101"])


def flagged_text(finding: Finding) -> str:
    """The characters a finding's position covers, read back from the file."""
    text = Path(finding.path).read_bytes().decode("utf-8").replace("\r\n", "\n")
    assert finding.line == finding.end_line
    return text.split("\n")[finding.line - 1][finding.column - 1 : finding.end_column - 1]


def test_title_phase_that_the_field_contradicts() -> None:
    (f,) = d101(LEGACY / "NCT00462956.xml")
    assert (f.code, f.line, f.column, f.field) == ("D101", 14, 19, "official_title")
    assert flagged_text(f) == "Phase II"
    assert "phases is PHASE1" in f.message and "not registered" in f.message
    assert [r.field for r in f.related] == ["phases"]


def test_phase_1_2_registered_as_phase_1_only() -> None:
    (f,) = d101(LEGACY / "NCT00000667.xml")
    assert (f.line, f.column, flagged_text(f)) == (15, 21, "Phase I/II")
    assert "registered as PHASE1 and PHASE2" in f.message


def test_phase_2_3_registered_as_phase_3_in_json() -> None:
    (f,) = d101(V2 / "NCT05861427.json")
    assert (f.line, f.column, flagged_text(f)) == (13, 27, "Phase 2/3")
    assert f.pointer == "/protocolSection/identificationModule/officialTitle"


def test_stated_phase_of_a_drug_study_registered_na() -> None:
    (f,) = d101(LEGACY / "NCT00000995.xml")
    assert (f.line, f.column, f.field, flagged_text(f)) == (15, 19, "official_title", "Phase I")
    assert "phases is NA" in f.message and "drug or biological" in f.message


def test_purpose_line_of_an_nci_summary_counts() -> None:
    (f,) = d101(LEGACY / "NCT00002655.xml")  # "PURPOSE: Phase I/II trial to study ..."
    assert (f.line, f.column, f.field, flagged_text(f)) == (34, 16, "brief_summary", "Phase I/II")


def test_the_seeds_agree_with_their_phases() -> None:
    assert d101(SEEDS) == []
    assert d101(EXAMPLES) == []


def test_other_studies_and_other_senses_of_phase_are_not_reported() -> None:
    for name in (
        "NCT06318962.json",  # "An open-label single group Phase I clinical trial has demonstrated"
        "NCT04581499.json",  # "This Phase II Small Business Innovative Research (SBIR) project"
        "NCT04811560.json",  # "the recommended Phase 2 dose(s)"
        "NCT04856215.json",  # "Our previous phase 1 radio-immunotherapy study", PHASE2
        "NCT05170204.json",  # "A Phase I-III" registered PHASE3: no registry counterpart
        "NCT06171412.json",  # "In Phase 1, investigators developed the intervention": stages
        "NCT00245258.json",  # "double-blind phase\n2. To assess": a numbered list
        "NCT05877144.json",  # "This phase I clinical trial" of shockwave therapy, phase N/A
    ):
        assert d101(V2 / name) == [], name
    for name in (
        "NCT05693077.xml",  # "the outcome of phase 1, the dose given in phase 2": periods
        "NCT05688514.xml",  # "First In Human" device study, phase N/A
        "NCT00495287.xml",  # "In a prior, phase II uncontrolled NILG trial": an earlier study
        "NCT00000764.xml",  # "In Phase II, to determine trends": a part of the study
    ):
        assert d101(LEGACY / name) == [], name


def test_made_up_first_in_human_registered_phase_2(tmp_path: Path) -> None:
    study = json.loads((V2 / "NCT05861427.json").read_text())
    ident = study["protocolSection"]["identificationModule"]
    ident["officialTitle"] = "A First-in-Human, Open-label Study of X"
    study["protocolSection"]["designModule"]["phases"] = ["PHASE2"]
    path = tmp_path / "NCT05861427.json"
    path.write_text(json.dumps(study, indent=2))
    (f,) = d101(path)
    assert flagged_text(f) == "First-in-Human"
    assert "first-in-human study is Early Phase 1 or Phase 1" in f.message


def test_made_up_title_and_summary_disagreeing_give_one_finding(tmp_path: Path) -> None:
    study = json.loads((V2 / "NCT05861427.json").read_text())
    study["protocolSection"]["designModule"]["phases"] = ["PHASE1"]
    study["protocolSection"]["descriptionModule"]["briefSummary"] = (
        "This is a phase 3, randomized study of atogepant."
    )
    path = tmp_path / "NCT05861427.json"
    path.write_text(json.dumps(study, indent=2))
    (f,) = d101(path)
    assert f.field == "official_title"
    assert [r.field for r in f.related] == ["phases", "brief_summary"]


def device_record(phases: list[str]) -> Record:
    return Record(
        study_type="INTERVENTIONAL",
        phases=phases,
        official_title="A Randomised Phase III Trial of Hypofractionated Radiotherapy",
        interventions=[Intervention(type="RADIATION", name="Hypofractionated radiotherapy")],
        sections=set(ALL_SECTIONS),
    )


def test_report_na_option_reports_non_drug_studies() -> None:
    record = device_record(["NA"])
    assert run_check(phase_mismatch, record) == []
    (problem,) = run_check(phase_mismatch, record, report_na=True)
    assert problem.field == "official_title" and "Phase III" in problem.message
    assert problem.span is not None
    assert record.official_title is not None
    assert record.official_title[problem.span[0] : problem.span[1]] == "Phase III"


def test_early_phase_1_agrees_with_phase_0_and_phase_1() -> None:
    for title in ("A Phase 0 Microdosing Study of X", "A Phase 1 Study of X"):
        record = Record(
            study_type="INTERVENTIONAL",
            phases=["EARLY_PHASE1"],
            official_title=title,
            interventions=[Intervention(type="DRUG", name="X")],
            sections=set(ALL_SECTIONS),
        )
        assert run_check(phase_mismatch, record) == [], title


def test_partial_record_without_design_module_is_not_checked() -> None:
    record = device_record(["PHASE2"])
    record.sections = set(ALL_SECTIONS) - {"designModule"}
    assert run_check(phase_mismatch, record) == []
