"""contact-name-not-a-name (C303): an instruction, an address, an officer's title or a label
where a contact's name belongs."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from conftest import CORPUS, EXAMPLES, SEEDS, findings

V2 = CORPUS / "ctgov_v2_json"
LEGACY = CORPUS / "ctgov_legacy_xml"


def c303(*paths: Path | str, search_from: Path | None = None) -> list[Any]:
    return [f for f in findings(*paths, select=["C303"], search_from=search_from)
            if f.code == "C303"]


# --- real records that must be flagged -------------------------------------------------------


def test_seed_002_ceo_as_central_contact() -> None:
    [finding] = c303(SEEDS / "002_e3ee89ab0d39f9a4.txt")
    assert (finding.line, finding.column, finding.field) == (213, 1, "central_contacts[0].name")
    assert finding.severity == "warning"
    assert finding.message == (
        "contact name 'CEO' abbreviates an officer's title and names nobody: name the "
        "person, or the office, that answers participants' questions")
    [twin] = c303(EXAMPLES / "NCT07177911.json")
    assert (twin.field, twin.message) == (finding.field, finding.message)


def test_email_address_as_a_site_contact_name() -> None:
    [finding] = c303(V2 / "NCT01949129.json")
    assert (finding.line, finding.column, finding.field) == (
        547, 24, "locations[9].contacts[1].name")
    assert finding.end_column == 24 + len("herbert.pichler@stanna.at")
    assert finding.message.startswith(
        "contact name 'herbert.pichler@stanna.at' is an e-mail address, not a name: put it in "
        "the e-mail field")


@pytest.mark.parametrize(("path", "line", "column", "start"), [
    # Eli Lilly's call-centre sentence, with its telephone number.
    (V2 / "NCT05514054.json", 224, 19, "contact name 'There may be multiple sites"),
    # Merck's e-mail instruction as the backup contact.
    (V2 / "NCT06356129.json", 316, 19, "contact name 'First line of the email MUST contain"),
    # Pfizer's, in a legacy XML record.
    (LEGACY / "NCT05704049.xml", 278, 16, "contact name 'Trial Transparency email recommended"),
    # Roche's reference and web address.
    (V2 / "NCT04603807.json", 210, 19, "contact name 'Reference Study ID Number: MO41552"),
])
def test_instructions(path: Path, line: int, column: int, start: str) -> None:
    [finding] = c303(path)
    assert (finding.line, finding.column) == (line, column)
    assert finding.message.startswith(start)
    assert "is an instruction, not a name or title" in finding.message


def test_field_label_and_officer_titles() -> None:
    [label] = c303(V2 / "NCT06305754.json")
    assert (label.line, label.column, label.field) == (297, 19, "central_contacts[0].name")
    assert label.message.startswith(
        "contact name 'Toll Free Number' is a field label or placeholder, not a name")


def test_bare_officer_abbreviation_at_sites() -> None:
    # "PI", with neither e-mail nor telephone, is the only contact at each of five sites.
    found = c303(V2 / "NCT05756322.json")
    assert [f.field for f in found] == [f"locations[{i}].contacts[0].name" for i in range(5)]
    assert found[0].message.startswith(
        "contact name 'PI' abbreviates an officer's title and names nobody")


# --- real records that must not be flagged ---------------------------------------------------


@pytest.mark.parametrize(("path", "reported"), [
    (V2 / "NCT04073706.json", []),  # "Trial Manager": a study role's title
    # "Study Coordinator" at its sites; its central contact, "Toll Free Number", is a label.
    (V2 / "NCT06305754.json", ["central_contacts[0].name"]),
    (V2 / "NCT03067181.json", []),  # "Site Public Contact": a sponsor's anonymised contact
    (V2 / "NCT06256588.json", []),  # "US GSK Clinical Trials Call Center"
    # "BMS Clinical Trials Contact Center www.BMSClinicalTrials.com" is a call centre; the
    # backup contact is Merck's e-mail instruction.
    (V2 / "NCT04975997.json", ["central_contacts[1].name"]),
    (V2 / "NCT05022342.json", []),  # "Novartis Pharmaceuticals": the company answers
    (V2 / "NCT01866995.json", []),  # "Yuliya Tishova, MD PhD"
    (V2 / "NCT06318962.json", []),  # "Michelle Wine Chief Psychologist, Ph.D.": a person
    # An officer's title with the e-mail and telephone that reach it.
    (V2 / "NCT04762082.json", []),  # "President"
    (V2 / "NCT06726265.json", []),  # "Chief Scientific Officer"
    # A sentence that names the office that answers: "... contact Office of Patient
    # Recruitment (OPR)".
    (LEGACY / "NCT00001177.xml", []),
    (V2 / "NCT06875310.json", ["central_contacts[1].name"]),  # "Site 0347" at its sites
    (LEGACY / "NCT05688514.xml", []),  # "Director Clinical Affairs"
    (SEEDS / "000_c17df8f03dc45045.txt", []),
    (SEEDS / "001_020fa720e2ffd389.txt", []),
])
def test_people_titles_and_offices_are_names(path: Path, reported: list[str]) -> None:
    assert [f.field for f in c303(path)] == reported


# --- made-up contacts for the edge cases -----------------------------------------------------


def write_record(tmp_path: Path, *names: str, reach: bool = True) -> Path:
    way = {"phone": "+33 1 23 45 67 89"} if reach else {}
    study = {"protocolSection": {
        "identificationModule": {"nctId": "NCT09999997", "briefTitle": "Made-up study"},
        "contactsLocationsModule": {"centralContacts": [
            {"name": name, "role": "CONTACT", **way} for name in names]},
    }}
    path = tmp_path / "r.json"
    path.write_text(json.dumps(study, indent=2), encoding="utf-8")
    return path


@pytest.mark.parametrize(("name", "kind"), [
    ("Contact", "a field label or placeholder"),
    ("N/A", "a field label or placeholder"),
    ("Call for information", "an instruction"),
    ("Please call the study nurse", "an instruction"),
    ("Please contact the Clinical Trials Office", "an instruction"),
    ("Call 1-877-555-0188 for details", "put the telephone number in the phone field"),
    ("Visit www.example-trials.org", "a web address reaches nobody by name"),
    ("CEO & Founder", "abbreviates an officer's title and names nobody"),
    ("CMO", "abbreviates an officer's title and names nobody"),
    ("Co-PI", "abbreviates an officer's title and names nobody"),
    ("Name:", "a field label or placeholder"),
    ("Name: -", "a field label or placeholder"),
    ("Contact: N/A", "a field label or placeholder"),
    ("Dial the number below for enrolment", "an instruction"),
    ("Write to the sponsor", "an instruction"),
    ("Study nurse (anne.roux@example-hospital.fr)", "holds an e-mail address"),
])
def test_made_up_non_names(tmp_path: Path, name: str, kind: str) -> None:
    [finding] = c303(write_record(tmp_path, name))
    assert finding.message.startswith(f"contact name {name!r} ")
    assert kind in finding.message


@pytest.mark.parametrize("name", [
    "Study Coordinator", "Clinical Trials Office", "Recruitment Office", "Anne Roux, RN",
    "Call Center", "See Wong", "Investigator", "Sponsor", "Office of Patient Recruitment",
    "Chief Medical Officer", "Vice President, Clinical Operations", "Founder",
    "For enrolment questions contact the Trial Coordination Unit",
    "Anne Roux, PI", "CMO Office",
])
def test_made_up_names(tmp_path: Path, name: str) -> None:
    assert c303(write_record(tmp_path, name)) == []


@pytest.mark.parametrize(("name", "reported"), [
    # A title says who answers only with a way to reach it ...
    ("Chief Medical Officer", True), ("President & Founder", True),
    # ... a study role or an office is reached through its site.
    ("Study Coordinator", False), ("Clinical Trials Office", False),
])
def test_titles_without_a_way_to_reach_them(tmp_path: Path, name: str, reported: bool) -> None:
    found = c303(write_record(tmp_path, name, reach=False))
    assert bool(found) == reported
    if reported:
        assert "is an officer's title with no e-mail or telephone to reach it" in (
            found[0].message)


def test_options(tmp_path: Path) -> None:
    path = write_record(tmp_path, "Medical Director", "Reference Study ID Number: XY12345")
    assert [f.field for f in c303(path)] == ["central_contacts[1].name"]
    (tmp_path / "lintrials.yaml").write_text(
        "checks:\n  contact-name-not-a-name:\n    officer_titles: [medical director]\n"
        "    allowed_names: ['Reference Study ID Number: XY12345']\n")
    assert [f.field for f in c303(path, search_from=tmp_path)] == ["central_contacts[0].name"]
