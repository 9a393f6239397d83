"""facility-name-style (L207): stray spaces and marks, and proper names in lower case."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from conftest import CORPUS, EXAMPLES, SEEDS, findings

V2 = CORPUS / "ctgov_v2_json"
LEGACY = CORPUS / "ctgov_legacy_xml"


def l207(*paths: Path | str, search_from: Path | None = None) -> list[Any]:
    return [f for f in findings(*paths, select=["L207"], search_from=search_from)
            if f.code == "L207"]


def on(found: list[Any], field: str) -> list[Any]:
    return [f for f in found if f.field == field]


# --- the seed: every slip a reviewer would point at, at its place ---------------------------


def test_seed_000_slips_at_their_places() -> None:
    found = l207(SEEDS / "000_c17df8f03dc45045.txt")
    assert [(f.line, f.column, f.field) for f in found] == [
        (233, 55, "locations[7].facility"),
        (251, 5, "locations[10].facility"),
        (287, 5, "locations[16].facility"),
        (293, 5, "locations[17].facility"),
        (323, 26, "locations[22].facility"),
        (377, 5, "locations[31].facility"),
    ]
    assert all(f.severity == "info" for f in found)
    science, fifth, jilin, china, possessive, ningbo = found
    assert science.message == (
        "words of the facility name in lower case: 'science', 'technology'")
    assert fifth.message == (
        "words of the facility name in lower case: 'fifth', 'hospital', 'zhengzhou' (place "
        "name: the site's city is 'Zhengzhou'), 'university'")
    assert "'jilin' (place name: the site's state is 'Jilin')" in jilin.message
    assert "'china' (place name: the site's country is 'China')" in china.message
    assert "'ningbo' (place name: the site's city is 'Ningbo')" in ningbo.message
    # "Sichuan Provincial People' s Hospital": the span is the apostrophe, space and "s".
    assert possessive.message == (
        "stray space in the possessive \"People' s\": write \"People's\"")
    assert (possessive.end_line, possessive.end_column) == (323, 29)
    # "The fifth Affiliated hospital of zhengzhou university": from "fifth" to "university".
    line = "The fifth Affiliated hospital of zhengzhou university"
    assert (fifth.column, fifth.end_column) == (line.index("fifth") + 1, len(line) + 1)


def test_json_twin_has_the_same_slips() -> None:
    page = l207(EXAMPLES / "000_c17df8f03dc45045.txt")
    twin = l207(EXAMPLES / "NCT07314060.json")
    assert [(f.field, f.message) for f in page] == [(f.field, f.message) for f in twin]


# --- real records that must be flagged -------------------------------------------------------


@pytest.mark.parametrize(("path", "field", "line", "column", "message"), [
    (V2 / "NCT00931528.json", "locations[48].facility", 759, 58,
     "the facility name ends with a full stop after 'Hospital', not an abbreviation"),
    (V2 / "NCT01949129.json", "locations[38].facility", 1211, 67,
     "stray space after the elision \"d'\": write \"d'Immuno\""),
    (V2 / "NCT02665520.json", "locations[1].facility", 189, 24,
     "the facility name starts with 'kING', a caps-lock slip for 'King'"),
    (V2 / "NCT03058094.json", "locations[16].facility", 390, 43,
     "no space after the comma in 'Hospital,Sichuan'"),
    (LEGACY / "NCT00497289.xml", "locations[1].facility", 139, 42,
     "space before a comma in the facility name"),
    (V2 / "NCT06356129.json", "locations[258].facility", 5016, 71,
     "the facility name ends with a colon"),
    (V2 / "NCT03101033.json", "locations[0].facility", 223, 59,
     "word of the facility name in lower case: 'china' (place name: the site's country is "
     "'China')"),
    (V2 / "NCT04594850.json", "locations[0].facility", 180, 29,
     "words of the facility name in lower case: 'medical', 'center'"),
    (LEGACY / "NCT05702255.xml", "locations[0].facility", 255, 13,
     "words of the facility name in lower case: 'outpatient', 'clinics'"),
    (V2 / "NCT04601363.json", "locations[0].facility", 222, 23,
     "the facility field holds a person's name ('Dr. Christopher Kleck, MD'), not the name "
     "of a facility: give the practice, clinic or hospital the site is"),
])
def test_real_slips(path: Path, field: str, line: int, column: int, message: str) -> None:
    [finding] = on(l207(path), field)
    assert (finding.line, finding.column, finding.message) == (line, column, message)


# --- real records that must not be flagged ---------------------------------------------------


@pytest.mark.parametrize(("path", "field"), [
    (V2 / "NCT00090376.json", "locations[18].facility"),  # "..., Ltd."
    (V2 / "NCT04576156.json", "locations[96].facility"),  # "Semmelweis Egyetem - III. sz."
    (LEGACY / "NCT00002700.xml", "locations[36].facility"),  # "'s-Hertogenbosch"
    (V2 / "NCT05850520.json", "locations[173].facility"),  # "Ca' Granda"
    (V2 / "NCT03959917.json", "locations[0].facility"),  # "Östersunds hospital" (Swedish)
    (V2 / "NCT02513394.json", "locations[274].facility"),  # "für gynäkologische Onkologie"
    (V2 / "NCT05514054.json", "locations[195].facility"),  # "Cliniques universitaires"
    (V2 / "NCT05514054.json", "locations[352].facility"),  # "hop-augsburg": a brand
    (V2 / "NCT06383390.json", "locations[515].facility"),  # "emovis GmbH": a brand
    (V2 / "NCT06383390.json", "locations[398].facility"),  # "C-health Research"
    (V2 / "NCT04265963.json", "locations[0].facility"),  # "920th Hospital"
    (V2 / "NCT04688775.json", "locations[93].facility"),  # "... of the city of Nizhny ..."
    (V2 / "NCT01830049.json", "locations[0].facility"),  # "Hospital affiliated to ..."
    (V2 / "NCT06717698.json", "locations[67].facility"),  # "..._Kidney internal medicine"
    (V2 / "NCT05430971.json", "locations[3].facility"),  # "named after prof. R. Yeolyan"
    (V2 / "NCT05430971.json", "locations[9].facility"),  # "Dr. B.R.A Institute ..."
    (V2 / "NCT05512169.json", "locations[0].facility"),  # "Dr. Sameer Bakhshi": a title and a
    # name alone, with nothing else to report, may be a hospital's short name ("Dr. Negrín")
])
def test_correct_names_are_not_flagged(path: Path, field: str) -> None:
    assert on(l207(path), field) == []


@pytest.mark.parametrize("path", [SEEDS / "001_020fa720e2ffd389.txt",
                                  SEEDS / "002_e3ee89ab0d39f9a4.txt"])
def test_other_seeds_are_clean(path: Path) -> None:
    assert l207(path) == []


# --- made-up names for the edge cases --------------------------------------------------------


def write_record(tmp_path: Path, names: list[str], city: str = "Changchun",
                 state: str = "Jilin") -> Path:
    study = {"protocolSection": {
        "identificationModule": {"nctId": "NCT09999998", "briefTitle": "Made-up study"},
        "contactsLocationsModule": {"locations": [
            {"facility": name, "city": city, "state": state, "country": "China"}
            for name in names]},
    }}
    path = tmp_path / "r.json"
    path.write_text(json.dumps(study, indent=2, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.mark.parametrize(("name", "message"), [
    ("Jilin  University Hospital", "2 spaces in a row in the facility name"),
    (" Jilin University Hospital", "the facility name starts with a space"),
    ("Jilin University Hospital ", "the facility name ends with a space"),
    ("peking union medical college hospital",
     "the facility name is all in lower case: write it as the institution does"),
    ("Children 's Hospital of Jilin", "stray space in the possessive \"Children 's\": write "
     "\"Children's\""),
])
def test_made_up_slips(tmp_path: Path, name: str, message: str) -> None:
    [finding] = l207(write_record(tmp_path, [name]))
    assert finding.message == message


@pytest.mark.parametrize("name", [
    "Jilin University Hospital Co., Ltd.",
    "Changchun Clinic, P.C.",
    "Research Site",  # a placeholder: no one's name
    "emovis",  # one word in lower case: a brand
    "Hospital of the University of Jilin",
])
def test_made_up_correct_names(tmp_path: Path, name: str) -> None:
    assert l207(write_record(tmp_path, [name])) == []


@pytest.mark.parametrize("name", [
    "Ankara Universitesi Tip Fakultesi Has.",  # Turkish: Hastanesi
    "Hacettepe Univ. Tip Fak. Hast.",
    "Rigshospitalet, Onkologisk Afd.",  # Danish: Afdeling
    "Univ.-Klinik für Innere Medizin",  # German
    "Klinikum Nord, Med. Abt.",  # Abteilung
    "Hospital Gral.",  # Spanish: General
    "Children's Hospital, Dept. of Peds.",
    "Hospital Univ. La Paz, Serv.",
    "Fakultní nemocnice Motol, Klin.",
    "Medical University of Graz, Gyn. Dept.",
])
def test_abbreviations_with_a_full_stop_in_any_language(tmp_path: Path, name: str) -> None:
    assert l207(write_record(tmp_path, [name])) == []


@pytest.mark.parametrize("name", [
    "Jilin University Hospital.", "Hospital Universitario.", "Ankara Sehir Hastanesi.",
])
def test_a_full_stop_after_a_whole_word_is_still_reported(tmp_path: Path, name: str) -> None:
    [finding] = l207(write_record(tmp_path, [name]))
    assert finding.message.endswith("not an abbreviation")


@pytest.mark.parametrize("name", [
    "Smith, John MD", "Smith,John MD", "John Smith, M.D.", "Jane Doe, MD, PhD",
    "Dr. Christopher Kleck, MD",
    "Dr  Jane  Doe", "Dr. John Smith ", "Prof. Dr. med. Hans  Müller",  # and a spacing slip
])
def test_a_persons_name_is_said_to_be_one(tmp_path: Path, name: str) -> None:
    [finding] = l207(write_record(tmp_path, [name]))
    assert finding.message.startswith(
        f"the facility field holds a person's name ({name.strip()!r}), not the name of a "
        "facility")


@pytest.mark.parametrize("name", [
    "Dr. Negrin University Hospital", "Dr. Smith's Family Practice", "MS Ramaiah",
    "Dr. Negrín", "Dr. Josep Trueta",  # a hospital's short name, or a title and a name
    "Inselspital Bern", "Terveystalo, Oulu", "Smith, Jones and Partners",
    "Dr Pillay's Rooms", "Case Western",
])
def test_a_facility_named_after_a_person_is_not_a_persons_name(tmp_path: Path,
                                                                name: str) -> None:
    assert l207(write_record(tmp_path, [name])) == []


def test_allow_lower_case_option(tmp_path: Path) -> None:
    path = write_record(tmp_path, ["Changchun University eye hospital"])
    [finding] = l207(path)
    assert finding.message == "words of the facility name in lower case: 'eye', 'hospital'"
    (tmp_path / "lintrials.yaml").write_text(
        "checks:\n  facility-name-style:\n    allow_lower_case: [eye]\n")
    [finding] = l207(path, search_from=tmp_path)
    assert finding.message == "word of the facility name in lower case: 'hospital'"


# --- the site's own contact typed into the facility field ------------------------------------


def contact_site(tmp_path: Path, facility: str, contact: str) -> Path:
    study = {"protocolSection": {
        "identificationModule": {"nctId": "NCT09999998", "briefTitle": "Made-up study"},
        "contactsLocationsModule": {"locations": [
            {"facility": facility, "city": "Lyon", "country": "France",
             "contacts": [{"name": contact, "role": "CONTACT"}]}]},
    }}
    path = tmp_path / "r.json"
    path.write_text(json.dumps(study, indent=2, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.mark.parametrize(("facility", "contact"), [
    ("Durand", "Claire DURAND, MD"),  # the surname alone
    ("Claire Durand", "Claire Durand, PhD"),  # the whole name, no degree
    ("DURAND Claire", "Claire Durand"),  # surname first
])
def test_the_sites_contact_in_the_facility_field(tmp_path: Path, facility: str,
                                                 contact: str) -> None:
    [finding] = l207(contact_site(tmp_path, facility, contact))
    assert finding.message.startswith(f"the facility field holds a person's name ({facility!r})")


@pytest.mark.parametrize(("facility", "contact"), [
    ("Clinique Claire Durand", "Claire Durand"),  # a facility word: named after the person
    ("Durand", "Durand"),  # a one-word contact name says too little
    ("Martin Durand", "Claire Durand"),  # a word that is not the contact's
    ("Centre Léon Bérard", "Léon Bérard"),  # a facility word
])
def test_a_name_shared_with_the_contact_is_not_always_the_contact(
        tmp_path: Path, facility: str, contact: str) -> None:
    assert l207(contact_site(tmp_path, facility, contact)) == []


def test_real_site_named_after_its_contacts_surname() -> None:
    found = [f for f in l207(LEGACY / "NCT05696171.xml") if "person's name" in f.message]
    assert [f.field for f in found] == ["locations[7].facility"]
    assert "('Michel')" in found[0].message
