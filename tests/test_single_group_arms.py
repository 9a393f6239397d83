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
    assert f.message == (
        "intervention model is SINGLE_GROUP (one arm) but the study has 2 arms (EXPERIMENTAL"
        " 'Docetaxel Weekly', EXPERIMENTAL 'Docetaxel Every 3 Weeks'): allocation is RANDOMIZED"
    )
    assert [r.field for r in f.related] == ["arms[0].label", "arms[1].label"]


def test_non_randomized_single_group_with_a_comparator_in_json() -> None:
    (f,) = d106(V2 / "NCT06372145.json")
    assert (f.line, f.column) == (89, 30)
    line = (V2 / "NCT06372145.json").read_text().splitlines()[f.line - 1]
    assert line[f.column - 1 :].startswith('"SINGLE_GROUP"')
    assert "ACTIVE_COMPARATOR arm; the arms get different interventions" in f.message


def test_many_arms_are_named_up_to_four() -> None:
    (f,) = d106(LEGACY / "NCT00460239.xml")
    assert "the study has 8 arms" in f.message and "and 4 more" in f.message


def test_single_arm_studies_and_cohorts_of_one_treatment_pass() -> None:
    assert d106(SEEDS) == []
    assert d106(EXAMPLES) == []
    for name in ("NCT00463476.xml", "NCT00001651.xml", "NCT05706116.xml"):
        assert d106(LEGACY / name) == [], name  # age, HIV-status and dose cohorts
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
