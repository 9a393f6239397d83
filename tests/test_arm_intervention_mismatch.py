"""D105 arm-intervention-mismatch: arms without interventions, interventions in no arm, and
links to arms or interventions that do not exist."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from conftest import CORPUS, EXAMPLES, SEEDS, findings
from lintrials.findings import Finding

V2 = CORPUS / "ctgov_v2_json"
LEGACY = CORPUS / "ctgov_legacy_xml"
TWIN = EXAMPLES / "NCT07177911.json"  # seed 002: arms CC312 and Placebo, linked both ways


def d105(path: Path) -> list[Finding]:
    return findings(path, select=["D105"])


def test_real_records_fit() -> None:
    assert d105(SEEDS) == []
    assert d105(EXAMPLES) == []
    assert d105(V2 / "NCT05861427.json") == []  # "Drug: Atogepant" links in API v2 JSON
    assert d105(V2 / "NCT04407182.json") == []  # a NO_INTERVENTION control arm
    assert d105(LEGACY / "NCT05700877.xml") == []  # links from the intervention side only
    assert d105(LEGACY / "NCT00000161.xml") == []  # 1999: interventions, and no arms at all


def write(tmp_path: Path, study: dict[str, Any]) -> Path:
    path = tmp_path / TWIN.name
    path.write_text(json.dumps(study, indent=2, ensure_ascii=False))
    return path


def twin() -> dict[str, Any]:
    study: dict[str, Any] = json.loads(TWIN.read_text())
    return study


def arms_module(study: dict[str, Any]) -> dict[str, Any]:
    module: dict[str, Any] = study["protocolSection"]["armsInterventionsModule"]
    return module


def test_made_up_arm_without_intervention(tmp_path: Path) -> None:
    study = twin()
    arms_module(study)["armGroups"].append({"label": "CC312 high dose", "type": "EXPERIMENTAL"})
    path = write(tmp_path, study)
    (f,) = d105(path)
    assert (f.code, f.field) == ("D105", "arms[2].label")
    line = path.read_text().splitlines()[f.line - 1]
    assert line[f.column - 1 :].startswith('"CC312 high dose"')
    assert f.message == (
        "arm 'CC312 high dose' (EXPERIMENTAL) has no intervention; only a NO_INTERVENTION arm"
        " has none"
    )


def test_made_up_arm_naming_an_intervention_that_is_not_there(tmp_path: Path) -> None:
    study = twin()
    arms_module(study)["armGroups"][1]["interventionNames"] = ["Drug: Placebo tablet"]
    arms_module(study)["interventions"][1]["armGroupLabels"] = []
    path = write(tmp_path, study)
    found = {(f.field, f.message) for f in d105(path)}
    assert found == {
        (
            "arms[1].intervention_names[0]",
            "arm 'Placebo' lists intervention 'Drug: Placebo tablet', which is not among the"
            " interventions ('CC312', 'Placebo')",
        ),
        ("arms[1].label", "arm 'Placebo' (PLACEBO_COMPARATOR) has no intervention; only a"
         " NO_INTERVENTION arm has none"),
        ("interventions[1].name", "intervention 'Placebo' is in no arm (arms: 'CC312',"
         " 'Placebo')"),
    }


def test_made_up_intervention_naming_an_arm_that_is_not_there(tmp_path: Path) -> None:
    study = twin()
    arms_module(study)["interventions"][0]["armGroupLabels"] = ["CC312", "CC312 Part B"]
    (f,) = d105(write(tmp_path, study))
    assert f.field == "interventions[0].arm_group_labels[1]"
    assert "arm 'CC312 Part B', which is not among the arms" in f.message


def test_made_up_no_intervention_arm_that_lists_one(tmp_path: Path) -> None:
    study = twin()
    arms_module(study)["armGroups"][1]["type"] = "NO_INTERVENTION"
    (f,) = d105(write(tmp_path, study))
    assert f.field == "arms[1].type"
    assert "NO_INTERVENTION arm but lists interventions ('Placebo')" in f.message


def test_links_ignore_case_spacing_and_the_type_prefix(tmp_path: Path) -> None:
    study = twin()
    arms_module(study)["armGroups"][0]["interventionNames"] = ["drug:  cc312"]
    arms_module(study)["interventions"][0]["armGroupLabels"] = []
    arms_module(study)["armGroups"][1]["interventionNames"] = ["Biological: Placebo"]
    assert d105(write(tmp_path, study)) == []


def test_made_up_legacy_xml_label_that_no_arm_has(tmp_path: Path) -> None:
    text = (LEGACY / "NCT05700877.xml").read_text()
    old = "    <arm_group_label>Standard treatment</arm_group_label>\n  </intervention>"
    assert old in text
    path = tmp_path / "NCT05700877.xml"
    path.write_text(
        text.replace(old, "    <arm_group_label>Usual care</arm_group_label>\n  </intervention>")
    )
    found = {(f.field, f.line) for f in d105(path)}
    assert found == {("interventions[1].arm_group_labels[0]", 243), ("arms[1].label", 229)}


def test_made_up_study_page_arm_listing_an_unknown_intervention(tmp_path: Path) -> None:
    page = (SEEDS / "002_e3ee89ab0d39f9a4.txt").read_text()
    old = "Group Type PLACEBO_COMPARATOR\n\nPlacebo\n"
    assert old in page
    path = tmp_path / "002.txt"
    path.write_text(page.replace(old, "Group Type PLACEBO_COMPARATOR\n\nPlacebo infusion\n"))
    found = d105(path)
    assert {f.field for f in found} == {
        "arms[1].intervention_names[0]",
        "arms[1].label",
        "interventions[1].name",
    }
    listed = next(f for f in found if f.field == "arms[1].intervention_names[0]")
    assert path.read_text().splitlines()[listed.line - 1] == "Placebo infusion"
