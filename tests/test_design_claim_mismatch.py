"""D103 design-claim-mismatch: randomized/blind/open-label/placebo claims against the design."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import CORPUS, EXAMPLES, SEEDS, findings
from lintrials.findings import Finding

V2 = CORPUS / "ctgov_v2_json"
LEGACY = CORPUS / "ctgov_legacy_xml"


def d103(path: Path) -> list[Finding]:
    return findings(path, select=["D103"])


def flagged_text(finding: Finding) -> str:
    text = Path(finding.path).read_bytes().decode("utf-8").replace("\r\n", "\n")
    assert finding.line == finding.end_line
    return text.split("\n")[finding.line - 1][finding.column - 1 : finding.end_column - 1]


def test_double_blind_legacy_design_description_with_single_masking() -> None:
    (f,) = d103(LEGACY / "NCT05704153.xml")
    assert (f.code, f.line, f.column, f.field) == (
        "D103", 67, 84, "intervention_model_description")
    assert flagged_text(f) == "double-blind"
    assert "masking is SINGLE (Participant)" in f.message
    assert [r.field for r in f.related] == ["masking"]


def test_open_label_title_with_the_participant_masked() -> None:
    (f,) = d103(V2 / "NCT04757038.json")
    assert (f.line, f.column, flagged_text(f)) == (13, 28, "Open Label")
    assert "participant is masked" in f.message and "DOUBLE" in f.message


def test_randomized_in_a_summary_sentence_with_a_verb() -> None:
    (f,) = d103(V2 / "NCT03830788.json")  # "240 potent patients are randomized in two arms"
    assert (f.line, f.column, f.field) == (60, 281, "brief_summary")
    assert flagged_text(f) == "randomized"
    assert "allocation is NON_RANDOMIZED" in f.message


def test_two_claims_of_one_title_are_two_findings() -> None:
    found = d103(V2 / "NCT04930887.json")
    assert [(f.line, f.column, flagged_text(f)) for f in found] == [
        (13, 38, "Randomized"),
        (13, 50, "Double-blinded"),
    ]


def test_placebo_controlled_without_a_placebo_arm() -> None:
    (f,) = d103(V2 / "NCT01100021.json")  # "Placebo-controlled" crossover of two blockers
    assert (f.line, f.column, f.field) == (13, 77, "official_title")
    assert flagged_text(f) == "Placebo-controlled"
    assert "no arm is a placebo or sham comparator" in f.message


def test_single_blinded_summary_with_masking_none() -> None:
    (f,) = d103(V2 / "NCT05998161.json")  # "In this single-blinded randomized controlled ..."
    assert (f.line, f.column, flagged_text(f)) == (71, 32, "single-blinded")


def test_the_seeds_keep_their_promises() -> None:
    assert d103(SEEDS) == []
    assert d103(EXAMPLES) == []


def test_periods_other_studies_and_controls_are_not_claims_about_the_design() -> None:
    for name in (
        "NCT00143221.json",  # "... Study With and Open-label Extension", masking DOUBLE
        "NCT00159809.json",  # "Placebo-Controlled Phase Followed By An Open-Label Phase"
        "NCT04721834.json",  # "Yee et al. has published a double-blinded randomized ... trial"
        "NCT01339377.json",  # "a go vs. no-go decision on performing a randomized-controlled trial"
        "NCT05070858.json",  # "OLTP- Open label treatment period (68 weeks)", QUADRUPLE
        "NCT06568081.json",  # "SloMo was previously tested in a randomised trial"
        "NCT01274156.json",  # "Double Blind Placebo Controlled" with SHAM_COMPARATOR arms
        "NCT04814381.json",  # "placebo-controlled" with an arm labelled Control
        "NCT00033839.json",  # 2002 record with no arms: the placebo was never listed
        "NCT06312176.json",  # "blinded independent central review", masking NONE
    ):
        assert d103(V2 / name) == [], name
    # "Double-Blind, Placebo-Controlled GSK1358820 Treatment Followed by an Open-Label ..."
    assert d103(LEGACY / "NCT00460655.xml") == []
    assert [(f.line, f.column) for f in d103(LEGACY / "NCT05702931.xml")] == [(55, 62)]


def test_made_up_blinded_device_is_not_a_blinded_design(tmp_path: Path) -> None:
    # NCT05702931's summary also says "Double blinded continuous glucose monitoring (CGM) will
    # be performed": a CGM whose display is hidden, not the design. Alone, it is no claim.
    text = (LEGACY / "NCT05702931.xml").read_text()
    start = text.index("<brief_summary>")
    end = text.index("</brief_summary>") + len("</brief_summary>")
    summary = (
        "<brief_summary>\n    <textblock>\n      Double blinded\n      continuous glucose"
        " monitoring (CGM) will be performed for 10-14 days.\n    </textblock>\n"
        "  </brief_summary>"
    )
    text = text[:start] + summary + text[end:]
    # (its intervention model description's "double-blinded ... trial" is a claim: drop it)
    start = text.index("<intervention_model_description>")
    end = text.index("</intervention_model_description>") + len("</intervention_model_description>")
    path = tmp_path / "NCT05702931.xml"
    path.write_text(text[:start] + text[end:])
    assert d103(path) == []


def test_made_up_negations_are_not_claims(tmp_path: Path) -> None:
    study = json.loads((V2 / "NCT04930887.json").read_text())
    ident = study["protocolSection"]["identificationModule"]
    ident["officialTitle"] = "Prospective, Non-randomized, Double-blinded Cross-over Trial of X"
    study["protocolSection"]["designModule"]["designInfo"]["maskingInfo"] = {
        "masking": "DOUBLE", "whoMasked": ["PARTICIPANT", "INVESTIGATOR"]
    }
    study["protocolSection"]["descriptionModule"]["briefSummary"] = "A study of X."
    path = tmp_path / "NCT04930887.json"
    path.write_text(json.dumps(study, indent=2))
    assert d103(path) == []


def test_made_up_triple_blind_with_double_masking(tmp_path: Path) -> None:
    study = json.loads((V2 / "NCT05998161.json").read_text())
    study["protocolSection"]["descriptionModule"]["briefSummary"] = (
        "This is a triple-blind, randomized, controlled trial of reviga."
    )
    study["protocolSection"]["designModule"]["designInfo"]["maskingInfo"] = {
        "masking": "DOUBLE", "whoMasked": ["PARTICIPANT", "OUTCOMES_ASSESSOR"]
    }
    path = tmp_path / "NCT05998161.json"
    path.write_text(json.dumps(study, indent=2))
    (f,) = d103(path)
    assert flagged_text(f) == "triple-blind"
    assert "masking is DOUBLE (Participant, Outcomes Assessor)" in f.message


def test_a_randomized_part_of_a_study_in_parts_is_not_the_whole_study(tmp_path: Path) -> None:
    # "Phase 1b/2, Open-label, Randomized": the summary says "a dose escalation part (Phase 1b)
    # and a randomized part (Phase 2)"; allocation NA is the escalation's.
    assert d103(V2 / "NCT07040059.json") == []
    # Without the parts (the intervention model description names them too), the randomized
    # title contradicts allocation NA.
    study = json.loads((V2 / "NCT07040059.json").read_text())
    study["protocolSection"]["descriptionModule"] = {
        "briefSummary": "AUR103 Calcium with trastuzumab and CAPOX in gastric cancer."
    }
    del study["protocolSection"]["designModule"]["designInfo"]["interventionModelDescription"]
    path = tmp_path / "NCT07040059.json"
    path.write_text(json.dumps(study, indent=2, ensure_ascii=False))
    (f,) = d103(path)
    assert (f.field, flagged_text(f)) == ("official_title", "Randomized")


def test_made_up_parts_in_the_summary(tmp_path: Path) -> None:
    study = json.loads((V2 / "NCT03830788.json").read_text())  # allocation NON_RANDOMIZED
    description = study["protocolSection"]["descriptionModule"]
    path = tmp_path / "NCT03830788.json"
    silent = (
        "Part 1 is an open-label dose escalation in 18 patients. In Part 2, 60 patients will be"
        " randomized to drug or placebo.",
        "The study has two parts: a single-arm safety run-in, then a randomised, double-blind"
        " expansion part. Patients will then be randomised 1:1.",
        "This is a randomized, double-blind, placebo-controlled trial of X followed by an"
        " open-label extension phase.",
    )
    for summary in silent:
        description["briefSummary"] = summary
        path.write_text(json.dumps(study, indent=2))
        assert d103(path) == [], summary
    description["briefSummary"] = "In this study 60 patients will be randomized to drug or placebo."
    path.write_text(json.dumps(study, indent=2))
    (f,) = d103(path)
    assert flagged_text(f) == "randomized"


def test_made_up_open_label_extension_after_a_blinded_phase(tmp_path: Path) -> None:
    # The participant is masked (the blinded phase); the summary's open label is the extension's.
    study = json.loads((V2 / "NCT04757038.json").read_text())
    ident = study["protocolSection"]["identificationModule"]
    ident["officialTitle"] = "A Double-Blind Study of HYALODISC With an Open-Label Extension"
    study["protocolSection"]["descriptionModule"]["briefSummary"] = (
        "This is an open-label, long-term study: participants who completed the double-blind"
        " period receive HYALODISC in the extension."
    )
    path = tmp_path / "NCT04757038.json"
    path.write_text(json.dumps(study, indent=2))
    assert d103(path) == []


def test_made_up_randomized_eyes_sides_and_teeth(tmp_path: Path) -> None:
    study = json.loads((V2 / "NCT03830788.json").read_text())  # allocation NON_RANDOMIZED
    description = study["protocolSection"]["descriptionModule"]
    path = tmp_path / "NCT03830788.json"
    for summary in (
        "In each patient, the two eyes will be randomized to laser or observation.",
        "This is a randomized split-mouth trial: the teeth are randomly allocated to A or B.",
        "One side is randomized to the dressing, the contralateral side serves as control.",
        "Lesions will be randomized to cryotherapy or imiquimod within each participant.",
    ):
        description["briefSummary"] = summary
        path.write_text(json.dumps(study, indent=2))
        assert d103(path) == [], summary
    # Patients with lesions in both eyes are still patients.
    description["briefSummary"] = (
        "Patients with lesions in both eyes will be randomized to laser or observation."
    )
    path.write_text(json.dumps(study, indent=2))
    (f,) = d103(path)
    assert flagged_text(f) == "randomized"


# --- the intervention model description and the criteria ------------------------------------


def test_intervention_model_description_claims() -> None:
    # "VaNeSA is a multicentre, national, randomized, double-blind, ..." with masking SINGLE
    (f,) = d103(LEGACY / "NCT05704153.xml")
    assert (f.field, flagged_text(f)) == ("intervention_model_description", "double-blind")
    assert "masking is SINGLE (Participant)" in f.message
    # "Prospective, open-label randomized study with parallel groups." with the participant masked
    (f,) = d103(V2 / "NCT04766866.json")
    assert (f.field, flagged_text(f)) == ("intervention_model_description", "open-label")
    # "... for a randomized, unblinded, cross-over stepped wedge study design", allocation N/A
    (f,) = d103(LEGACY / "NCT05689281.xml")
    assert f.message.startswith("intervention model description says 'randomized'")


def test_intervention_model_description_negations_are_not_claims() -> None:
    assert d103(V2 / "NCT03899298.json") == []  # "The treatments will not be randomized"
    assert d103(V2 / "NCT04615260.json") == []  # "a prospective, non-randomized, single center"


def _non_randomized(tmp_path: Path, description: str | None = None,
                    criterion: str | None = None) -> list[Finding]:
    study = json.loads((V2 / "NCT03899298.json").read_text(encoding="utf-8"))
    protocol = study["protocolSection"]
    if description is not None:
        protocol["designModule"]["designInfo"]["interventionModelDescription"] = description
    if criterion is not None:
        eligibility = protocol["eligibilityModule"]
        eligibility["eligibilityCriteria"] += f"\n* {criterion}\n"
    path = tmp_path / "NCT03899298.json"
    path.write_text(json.dumps(study, indent=2), encoding="utf-8")
    return d103(path)


def test_made_up_intervention_model_descriptions(tmp_path: Path) -> None:
    (f,) = _non_randomized(tmp_path, "Participants are randomized 1:1 to two parallel arms.")
    assert "allocation is NON_RANDOMIZED" in f.message
    (f,) = _non_randomized(tmp_path, "Two-arm, randomised controlled trial.")
    assert flagged_text(f) == "randomised"
    assert _non_randomized(tmp_path, "Unlike previous randomized trials, all receive X.") == []
    assert _non_randomized(tmp_path, "Participants will never be randomized.") == []


def test_made_up_stratified_randomization_in_the_criteria(tmp_path: Path) -> None:
    (f,) = _non_randomized(tmp_path, criterion="Stratify subjects for randomization by age")
    assert f.field == "eligibility.criteria"
    assert f.message.startswith("the criteria say 'Stratify subjects for randomization'")
    (f,) = _non_randomized(tmp_path, criterion="Stratified randomization by site is used")
    assert f.field == "eligibility.criteria"
    # timing words copied from another protocol are not a design claim
    assert _non_randomized(tmp_path, criterion="Surgery within 2 weeks before randomization") == []
