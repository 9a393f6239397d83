"""duplicate-intervention (D108): one intervention registered twice."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from conftest import CORPUS, findings, record, run_check
from lintrials.checks import duplicate_intervention
from lintrials.findings import Finding

V2 = CORPUS / "ctgov_v2_json"
LEGACY = CORPUS / "ctgov_legacy_xml"


def d108(*paths: Path) -> list[Finding]:
    return [f for f in findings(*paths, select=["D108"]) if f.code == "D108"]


def item(kind: str | None, name: str, description: str | None = None,
         arms: tuple[str, ...] = ()) -> dict[str, Any]:
    return {"type": kind, "name": name, "description": description,
            "arm_group_labels": list(arms)}


# --- real records -----------------------------------------------------------------------------


def test_one_procedure_entered_once_per_arm() -> None:
    # NCT05877144 lists the prostatectomy, the ultrasound and the surveys once for each of its
    # two arms, word for word.
    found = d108(V2 / "NCT05877144.json")
    assert [f.field for f in found] == [
        "interventions[4].name", "interventions[6].name", "interventions[7].name"]
    assert found[0].related[0].field == "interventions[0].name"
    assert found[0].message.startswith(
        'Procedure "Nerve-Sparing Prostatectomy" has the same type, name and description as '
        'interventions[0], the same intervention registered twice (once for arm "ARM I')


def test_legacy_xml_names_differing_in_case_only() -> None:
    # NCT00461084: "BIAXIN (CLARITHROMYCIN)" for one arm, "Biaxin (clarithromycin)" for the
    # other, with one description.
    [finding] = d108(LEGACY / "NCT00461084.xml")
    assert finding.pointer == "/clinical_study/intervention[2]/intervention_name"


def test_doses_written_only_in_the_arm_labels() -> None:
    # NCT00790751: three "avanafil" entries described alike, the dose only in the arm labels.
    found = d108(V2 / "NCT00790751.json")
    assert len(found) == 2
    assert '"avanafil 50 mg"' in found[0].message and "(the dose" in found[0].message


def test_dose_cohorts_and_timing_told_apart_are_silent() -> None:
    # NCT00547508: "tadalafil" four times, 10 or 20 mg, 24 or 36 hours before; NCT05589896:
    # "Cyclophosphamide" before and after the transplant; NCT01306214 is a download filtered to
    # names only (no types, no descriptions).
    assert d108(V2 / "NCT00547508.json", V2 / "NCT05589896.json",
                CORPUS / "ctgov_v2_json_partial" / "NCT01306214.json") == []


# --- own words --------------------------------------------------------------------------------


def test_folded_case_spacing_and_punctuation() -> None:
    rec = record(interventions=[
        item("DRUG", "Placebo", "Matching tablet, 10mg, once daily", ("A",)),
        item("DRUG", "placebo ", "matching tablet 10 mg once daily.", ("A",)),
    ])
    [problem] = run_check(duplicate_intervention, rec)
    assert problem.field == "interventions[1].name"
    assert problem.related == ("interventions[0].name",)
    assert problem.message.endswith("registered twice: list it once")


def test_two_missing_descriptions_are_alike() -> None:
    rec = record(interventions=[item("OTHER", "Usual care"), item("OTHER", "Usual Care")])
    assert len(run_check(duplicate_intervention, rec)) == 1


def test_other_dose_type_or_no_type() -> None:
    rec = record(interventions=[
        item("DRUG", "X", "1.0 mg daily"), item("DRUG", "X", "10 mg daily"),
        item("BIOLOGICAL", "X", "1.0 mg daily"),
        item(None, "Y"), item(None, "Y"),
        item("DRUG", "", "z"), item("DRUG", "", "z"),
    ])
    assert run_check(duplicate_intervention, rec) == []


def test_other_names_that_tell_two_entries_apart() -> None:
    # An active app and its sham, one type, name and description, told apart only by their
    # other names; the same other names again are still one entry twice.
    active = item("BEHAVIORAL", "Coaching app", "A smartphone app used daily for 8 weeks")
    sham = dict(active, other_names=["Coaching app, sham version"])
    active["other_names"] = ["Coaching app, active version"]
    assert run_check(duplicate_intervention, record(interventions=[active, sham])) == []
    again = dict(active)
    assert len(run_check(duplicate_intervention, record(interventions=[active, again]))) == 1
    # Other names on one entry only tell nothing apart: the copy is still a copy.
    bare = dict(active, other_names=[])
    assert len(run_check(duplicate_intervention, record(interventions=[active, bare]))) == 1
