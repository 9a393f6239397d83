"""D102 drug-without-phase: an interventional drug or biological study with phase N/A."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import CORPUS, EXAMPLES, SEEDS, findings, run_check
from lintrials.checks import drug_without_phase
from lintrials.findings import Finding
from lintrials.model import Arm, Intervention, Record

V2 = CORPUS / "ctgov_v2_json"
LEGACY = CORPUS / "ctgov_legacy_xml"
SEED_001 = SEEDS / "001_020fa720e2ffd389.txt"


def d102(path: Path) -> list[Finding]:
    return findings(path, select=["D102"])


def test_seed_001_biological_with_phase_na() -> None:
    (f,) = d102(SEED_001)
    assert (f.code, f.line, f.column, f.field) == ("D102", 23, 1, "phases[0]")
    lines = SEED_001.read_text().splitlines()
    assert lines[f.line - 1] == "NA" and lines[f.line - 3] == "Clinical Phase"
    assert "tests BIOLOGICAL 'CM355';" in f.message and "FDA phase" in f.message
    assert f.severity == "warning"


def test_seed_001_json_twin_points_at_the_na_value() -> None:
    (f,) = d102(EXAMPLES / "NCT07104344.json")
    assert (f.line, f.column) == (51, 9)
    line = (EXAMPLES / "NCT07104344.json").read_text().splitlines()[f.line - 1]
    assert line[f.column - 1 :].startswith('"NA"')
    assert f.pointer == "/protocolSection/designModule/phases/0"


def test_legacy_xml_na_drug_trial() -> None:
    (f,) = d102(LEGACY / "NCT00000995.xml")  # AZT and ganciclovir, phase "N/A"
    assert (f.line, f.column) == (67, 10)
    line = (LEGACY / "NCT00000995.xml").read_text().splitlines()[f.line - 1]
    assert line.strip() == "<phase>N/A</phase>"
    assert "DRUG 'Zidovudine', DRUG 'Ganciclovir'" in f.message
    assert [r.field for r in f.related] == ["interventions[0].type", "interventions[1].type"]


def test_other_seeds_have_phases() -> None:
    assert d102(SEEDS / "000_c17df8f03dc45045.txt") == []
    assert d102(SEEDS / "002_e3ee89ab0d39f9a4.txt") == []


def test_not_reported_when_the_drug_is_background_or_the_product_is_not_a_drug() -> None:
    for name in (
        "NCT01945554.json",  # nerve root infiltrations; the steroid and anaesthetic injected
        "NCT02384928.json",  # pharmacopuncture against usual care ("Drug: Conventional medicine")
        "NCT05857631.json",  # radiotherapy trial with cisplatin as usual
        "NCT05241964.json",  # autologous platelet-rich plasma typed Biological
        "NCT06924710.json",  # the experimental arm is monitoring; the drug is the standard arm's
        "NCT04623840.json",  # exercise added to tadalafil that both arms take
        "NCT05347329.json",  # a dietary supplement
        "NCT05199727.json",  # shockwave device and tadalafil
    ):
        assert d102(V2 / name) == [], name
    assert d102(LEGACY / "NCT00002520.xml") == []  # nicotine in a stop-smoking programme
    assert d102(LEGACY / "NCT05694026.xml") == []  # intense pulsed light device and a drug


def test_made_up_placebo_and_saline_alone_are_not_a_drug_study(tmp_path: Path) -> None:
    # NCT05093582 gives levcromakalim or saline: reported; with the drug renamed a placebo, not.
    assert len(d102(V2 / "NCT05093582.json")) == 1
    study = json.loads((V2 / "NCT05093582.json").read_text())
    arms = study["protocolSection"]["armsInterventionsModule"]
    names = [i["name"] for i in arms["interventions"]]
    assert names == ["Levcromakalim", "Saline"]
    arms["interventions"][0]["name"] = "Matching placebo"
    path = tmp_path / "NCT05093582.json"
    path.write_text(json.dumps(study, indent=2))
    assert d102(path) == []


def record(*interventions: Intervention, phases: tuple[str, ...] = ("NA",)) -> Record:
    return Record(
        study_type="INTERVENTIONAL", phases=list(phases), interventions=list(interventions)
    )


def test_options_widen_the_check() -> None:
    supplement = record(Intervention(type="DIETARY_SUPPLEMENT", name="Vitamin D"))
    assert run_check(drug_without_phase, supplement) == []
    (problem,) = run_check(drug_without_phase, supplement,
                           phased_types=["DRUG", "BIOLOGICAL", "DIETARY_SUPPLEMENT"])
    assert "DIETARY_SUPPLEMENT 'Vitamin D'" in problem.message

    mixed = record(
        Intervention(type="DEVICE", name="Shockwave"), Intervention(type="DRUG", name="Tadalafil")
    )
    assert run_check(drug_without_phase, mixed) == []
    assert len(run_check(drug_without_phase, mixed, with_other_types=True)) == 1


def test_phase_given_or_not_interventional() -> None:
    drug = Intervention(type="DRUG", name="X")
    assert run_check(drug_without_phase, record(drug, phases=("PHASE2",))) == []
    observational = record(drug)
    observational.study_type = "OBSERVATIONAL"
    assert run_check(drug_without_phase, observational) == []
    assert len(run_check(drug_without_phase, record(drug, phases=("N", "A")))) == 1


def test_drug_only_in_the_comparator_arm() -> None:
    strategy = record(
        Intervention(type="DRUG", name="Standard therapy", arm_group_labels=["Standard"]),
        Intervention(type="OTHER", name="Monitoring", arm_group_labels=["Adaptive"]),
    )
    strategy.arms = [
        Arm("Standard", "ACTIVE_COMPARATOR", intervention_names=["Drug: Standard therapy"]),
        Arm("Adaptive", "EXPERIMENTAL", intervention_names=["Other: Monitoring"]),
    ]
    assert run_check(drug_without_phase, strategy) == []
    strategy.arms[0].type = "EXPERIMENTAL"
    assert len(run_check(drug_without_phase, strategy)) == 1
