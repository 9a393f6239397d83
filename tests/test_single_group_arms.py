"""D106 single-group-arms: a single-group study whose arms are different groups."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import CORPUS, EXAMPLES, SEEDS, findings, run_check
from lintrials.checks import single_group_arms
from lintrials.findings import Finding
from lintrials.model import Arm, Intervention, Record

V2 = CORPUS / "ctgov_v2_json"
LEGACY = CORPUS / "ctgov_legacy_xml"


def d106(path: Path) -> list[Finding]:
    return findings(path, select=["D106"])


def test_randomized_single_group_with_two_regimens() -> None:
    (f,) = d106(LEGACY / "NCT00008411.xml")
    assert (f.code, f.line, f.column, f.field) == ("D106", 84, 25, "intervention_model")
    line = (LEGACY / "NCT00008411.xml").read_text().splitlines()[f.line - 1]
    assert line.strip() == "<intervention_model>Single Group Assignment</intervention_model>"
    # Nothing in the arms says they are two groups: the message does not say which field of
    # the two is wrong.
    assert f.message == (
        "intervention model is SINGLE_GROUP but allocation is RANDOMIZED; the 2 arms"
        " (EXPERIMENTAL 'Docetaxel Weekly', EXPERIMENTAL 'Docetaxel Every 3 Weeks') get the same"
        " interventions: one of the two fields is wrong"
    )
    assert [r.field for r in f.related] == ["allocation", "arms[0].label", "arms[1].label"]


def test_non_randomized_single_group_with_a_comparator_in_json() -> None:
    (f,) = d106(V2 / "NCT00710099.json")
    assert (f.line, f.column) == (79, 30)
    line = (V2 / "NCT00710099.json").read_text().splitlines()[f.line - 1]
    assert line[f.column - 1 :].startswith('"SINGLE_GROUP"')
    assert "ACTIVE_COMPARATOR arm; the arms get different interventions" in f.message


def test_many_arms_are_named_up_to_four() -> None:
    (f,) = d106(LEGACY / "NCT00460239.xml")
    assert "the study has 8 arms" in f.message and "and 4 more" in f.message


def test_single_arm_studies_and_cohorts_of_one_treatment_pass() -> None:
    assert d106(SEEDS) == []
    assert d106(EXAMPLES) == []
    for name in ("NCT00463476.xml", "NCT00494091.xml", "NCT05706116.xml"):
        assert d106(LEGACY / name) == [], name  # age, regional-dose and dose cohorts
    for name in ("NCT02349698.json", "NCT04946890.json", "NCT06361927.json"):
        assert d106(V2 / name) == [], name


def test_made_up_cohorts_getting_different_drugs(tmp_path: Path) -> None:
    study = json.loads((V2 / "NCT04946890.json").read_text())
    module = study["protocolSection"]["armsInterventionsModule"]
    assert len(module["armGroups"]) == 3 and len(module["interventions"]) == 1
    third = module["armGroups"][2]["label"]
    module["interventions"].append(
        {"type": "DRUG", "name": "Dexamethasone", "armGroupLabels": [third]}
    )
    path = tmp_path / "NCT04946890.json"
    path.write_text(json.dumps(study, indent=2))
    (f,) = d106(path)
    assert f.message.endswith(": the arms get different interventions")


def test_same_interventions_option() -> None:
    drug = Intervention(type="DRUG", name="X", arm_group_labels=["Low dose", "High dose"])
    record = Record(
        study_type="INTERVENTIONAL",
        intervention_model="SINGLE_GROUP",
        allocation="NON_RANDOMIZED",
        arms=[Arm("Low dose", "EXPERIMENTAL"), Arm("High dose", "EXPERIMENTAL")],
        interventions=[drug],
    )
    assert run_check(single_group_arms, record) == []
    (problem,) = run_check(single_group_arms, record, same_interventions=True)
    assert problem.message.endswith(": the arms get the same interventions")
    record.intervention_model = "PARALLEL"
    assert run_check(single_group_arms, record, same_interventions=True) == []


def test_randomized_between_two_doses_names_both_fields() -> None:
    # Vandetanib 100 mg and 300 mg, each dose an intervention of its own, randomized: the doses
    # are one treatment, so the randomization alone is the contradiction.
    (f,) = d106(LEGACY / "NCT00496509.xml")
    assert f.message.startswith("intervention model is SINGLE_GROUP but allocation is RANDOMIZED")
    assert "get the same interventions at different doses or dose levels" in f.message
    assert "different interventions" not in f.message


def test_two_tracers_are_different_interventions() -> None:
    # 18F-FAPI and 68Ga-FAPI: the isotope in a tracer's name is not a dose.
    (f,) = d106(LEGACY / "NCT05691894.xml")
    assert f.message.endswith(": the arms get different interventions")


def test_dose_cohorts_each_typed_as_an_intervention_pass(tmp_path: Path) -> None:
    # NCT04946890 gives its one drug, MRX2843, at 80, 120 and 180 mg/d in three cohorts; here
    # each dose is entered as an intervention of its own, linked to its cohort only.
    study = json.loads((V2 / "NCT04946890.json").read_text())
    module = study["protocolSection"]["armsInterventionsModule"]
    module["interventions"] = [
        {"type": "DRUG", "name": f"MRX2843 {dose} mg/d", "armGroupLabels": [arm["label"]]}
        for dose, arm in zip((80, 120, 180), module["armGroups"], strict=True)
    ]
    for arm, item in zip(module["armGroups"], module["interventions"], strict=True):
        arm["interventionNames"] = [f"Drug: {item['name']}"]
    path = tmp_path / "NCT04946890.json"
    path.write_text(json.dumps(study, indent=2))
    assert d106(path) == []
    # Randomized between the doses, the finding names both fields.
    study["protocolSection"]["designModule"]["designInfo"]["allocation"] = "RANDOMIZED"
    path.write_text(json.dumps(study, indent=2))
    (f,) = d106(path)
    assert "one of the two fields is wrong" in f.message


def test_made_up_dose_escalation_cohorts() -> None:
    def arm(label: str, dose: str) -> Arm:
        return Arm(label, "EXPERIMENTAL", intervention_names=[f"Drug: ABC-101 {dose}"])

    record = Record(
        study_type="INTERVENTIONAL",
        intervention_model="SINGLE_GROUP",
        allocation="NON_RANDOMIZED",
        arms=[arm("Cohort 1: 10 mg", "10 mg"), arm("Cohort 2: 20 mg", "20 mg"),
              arm("Cohort 3: 0.5 mg/kg", "0.5 mg/kg"), arm("Dose level 4", "high dose")],
        interventions=[
            Intervention(type="DRUG", name=f"ABC-101 {dose}")
            for dose in ("10 mg", "20 mg", "0.5 mg/kg", "high dose")
        ],
    )
    assert run_check(single_group_arms, record) == []
    # A second drug in one cohort is a different group.
    record.interventions.append(Intervention(type="DRUG", name="Rituximab 375 mg/m2"))
    record.arms[1].intervention_names.append("Drug: Rituximab 375 mg/m2")
    (problem,) = run_check(single_group_arms, record)
    assert problem.message.endswith(": the arms get different interventions")
    # So is a comparator, whatever its dose.
    record.arms[1].intervention_names.pop()
    record.arms[3].type = "PLACEBO_COMPARATOR"
    (problem,) = run_check(single_group_arms, record)
    assert problem.message.endswith(": PLACEBO_COMPARATOR arm")
