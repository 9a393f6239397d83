"""duplicate-site (L201): one facility listed twice in a record's locations."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from conftest import CORPUS, SEEDS, findings, run_check
from flow_builders import edited_json
from lintrials.checks import duplicate_site
from lintrials.knowledge.names import (
    contact_keys,
    contact_site_number,
    is_placeholder_name,
    name_key,
    normalise_name,
    place_key,
    site_number,
    zip_key,
)
from lintrials.model import Contact, Location, Record

V2 = CORPUS / "ctgov_v2_json"
LEGACY = CORPUS / "ctgov_legacy_xml"


def l201(*paths: Path | str, search_from: Path | None = None) -> list[Any]:
    return [f for f in findings(*paths, select=["L201"], search_from=search_from)
            if f.code == "L201"]


# --- real records that must be flagged -----------------------------------------------------


def test_seed_second_southwest_medical_university_entry() -> None:
    [finding] = l201(SEEDS / "000_c17df8f03dc45045.txt")
    assert (finding.line, finding.column) == (335, 1)
    assert finding.field == "locations[24].facility"
    assert finding.severity == "warning"
    assert finding.message.startswith(
        "duplicate site: 'The Affiliated Hospital of Southwest Medical University' "
        "(Luzhou, Sichuan, China) is already listed as entry 24 of 32 (locations[23])")
    [related] = finding.related
    assert (related.field, related.line, related.column) == ("locations[23].facility", 329, 1)


def facility_lines(path: Path) -> list[int]:
    """The lines of a JSON record's facility names, in the order of its locations."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [n for n, line in enumerate(lines, 1) if line.lstrip().startswith('"facility": ')]


def test_single_site_entered_three_times_reports_both_copies_against_the_first(
        tmp_path: Path) -> None:
    # Edited: the one site of a single-site study (Northwestern University, Evanston) entered
    # twice more with its contact, once exactly and once with a phone number for her.
    def enter_again(data: Any) -> None:
        locations = data["protocolSection"]["contactsLocationsModule"]["locations"]
        again = copy.deepcopy(locations[0])
        again["contacts"][0]["phone"] = "847-555-0142"
        locations += [copy.deepcopy(locations[0]), again]
    source = V2 / "NCT04664634.json"
    assert l201(source) == []
    edited = edited_json(source, tmp_path, enter_again)
    first, second, third = facility_lines(edited)
    found = l201(edited)
    assert [(f.line, f.column, f.field) for f in found] == [
        (second, 23, "locations[1].facility"), (third, 23, "locations[2].facility")]
    for finding in found:
        assert "'Northwestern University' (Evanston, Illinois, United States)" in finding.message
        assert "already listed as entry 1 of 3 (locations[0])" in finding.message
        assert [r.field for r in finding.related] == ["locations[0].facility"]
        assert finding.related[0].line == first
    assert found[0].message.endswith("the two entries are identical in every field")
    assert found[1].message.endswith("; contacts differ")


def test_exact_copy_says_every_field_is_identical() -> None:
    [finding] = l201(CORPUS / "ctgov_v2_json_partial" / "NCT03013543.json")
    assert (finding.line, finding.column) == (260, 23)
    assert finding.message == (
        "duplicate site: 'Hammersmith Hospital' (London) is already listed as entry 57 of 58 "
        "(locations[56]); the two entries are identical in every field")


def test_respelled_copy_names_the_other_spelling_and_the_differences(tmp_path: Path) -> None:
    # Edited: the Omaha site, "University of Nebraska Medical Center-Site Number:8400003" at
    # zip 68198-2168, typed in again as the third of four entries with other punctuation and
    # only the five digits of its zip code.
    def respell(data: Any) -> None:
        locations = data["protocolSection"]["contactsLocationsModule"]["locations"]
        again = copy.deepcopy(locations[0])
        again["facility"] = "University of Nebraska Medical Center Site Number : 8400003"
        again["zip"] = "68198"
        locations.insert(2, again)
    source = V2 / "NCT05712278.json"
    assert l201(source) == []
    edited = edited_json(source, tmp_path, respell)
    [finding] = l201(edited)
    assert (finding.line, finding.column) == (facility_lines(edited)[2], 23)
    assert finding.field == "locations[2].facility"
    assert "entry 1 of 4 (locations[0])" in finding.message
    assert ("spelled 'University of Nebraska Medical Center-Site Number:8400003' there"
            in finding.message)
    assert "zip '68198-2168' there, '68198' here" in finding.message
    assert "identical" not in finding.message


def test_one_site_number_with_two_statuses_is_one_site(tmp_path: Path) -> None:
    # Edited: the Indore site of nine numbered sites ("Investigational Site Number : 3560006",
    # recruiting) listed again at the end, no longer recruiting. (The two Pune sites, with
    # two numbers, stay two sites.)
    def list_again(data: Any) -> None:
        locations = data["protocolSection"]["contactsLocationsModule"]["locations"]
        [indore] = [loc for loc in locations if loc["city"] == "Indore"]
        locations.append({**indore, "status": "ACTIVE_NOT_RECRUITING"})
    source = V2 / "NCT06716424.json"
    assert l201(source) == []
    edited = edited_json(source, tmp_path, list_again)
    [finding] = l201(edited)
    assert (finding.line, finding.column) == (facility_lines(edited)[9], 23)
    assert "'Investigational Site Number : 3560006'" in finding.message
    assert "entry 3 of 10 (locations[2])" in finding.message
    assert "status 'RECRUITING' there, 'ACTIVE_NOT_RECRUITING' here" in finding.message
    assert "one site number cannot have two statuses" in finding.message


def test_copy_that_drops_the_state_in_a_252_site_record() -> None:
    [finding] = l201(V2 / "NCT05813288.json")
    assert (finding.line, finding.field) == (1764, "locations[97].facility")
    assert "'Research Site 30056-013' (Santiago, Chile)" in finding.message
    assert "entry 95 of 252 (locations[94])" in finding.message
    assert "state 'Providencia' there, none here" in finding.message


def test_legacy_xml_copy_with_a_contact_on_one_entry_only() -> None:
    [finding] = l201(LEGACY / "NCT05690048.xml")
    assert (finding.line, finding.column) == (217, 13)
    assert finding.pointer is not None
    assert ("'University Hospital Heidelberg' (Heidelberg, Baden-Württemberg, Germany) is "
            "already listed as entry 1 of 2") in finding.message
    assert finding.message.endswith("; contacts differ")


# --- real records that must not be flagged -------------------------------------------------


@pytest.mark.parametrize("path", [
    # Eli Lilly, 844 sites: "Kormont" x4, Xiangya, Sheba... each with its own investigator.
    V2 / "NCT06383390.json",
    V2 / "NCT06890598.json",
    # Novo Nordisk: 23 facilities each listed twice with two statuses (separate registrations).
    V2 / "NCT06326047.json",
    # "Novo Nordisk Investigational Site" many times per city, no zip code: unknowable.
    CORPUS / "ctgov_v2_json_partial" / "NCT03574597.json",
    # AstraZeneca "Research Site" in Ho Chi Minh City, typed again for other sites (zip 700000).
    V2 / "NCT06742723.json",
    # One hospital twice, "Site 0382" and "Site 0377" in the contacts: two registrations.
    V2 / "NCT06356129.json",
    # Children's Healthcare of Atlanta at 30303 and 30322: two hospitals of one system.
    V2 / "NCT05326516.json",
    SEEDS / "001_020fa720e2ffd389.txt",
    SEEDS / "002_e3ee89ab0d39f9a4.txt",
])
def test_separate_sites_are_not_flagged(path: Path) -> None:
    assert l201(path) == []


def test_separate_registrations_option_reports_them(tmp_path: Path) -> None:
    (tmp_path / "lintrials.yaml").write_text(
        "checks:\n  duplicate-site:\n    separate_registrations: true\n")
    found = l201(V2 / "NCT06326047.json", search_from=tmp_path)
    assert len(found) == 23
    assert found[0].field == "locations[2].facility"
    assert "status 'NOT_YET_RECRUITING' there, 'WITHDRAWN' here" in found[0].message


# --- made-up records for the edge cases ----------------------------------------------------


def write_record(tmp_path: Path, locations: list[dict[str, Any]], name: str = "r.json") -> Path:
    study = {"protocolSection": {
        "identificationModule": {"nctId": "NCT09999999", "briefTitle": "Made-up study"},
        "contactsLocationsModule": {"locations": locations},
    }}
    path = tmp_path / name
    path.write_text(json.dumps(study, indent=2, ensure_ascii=False), encoding="utf-8")
    return path


def site(facility: str, city: str = "Lyon", country: str = "France", **more: Any) -> dict[str, Any]:
    return {"facility": facility, "city": city, "country": country, **more}


def test_normalisation_case_accents_punctuation_and_leading_the(tmp_path: Path) -> None:
    path = write_record(tmp_path, [
        site("Hôpital Édouard-Herriot"),
        site("Centre Léon Bérard"),
        site("the hopital edouard herriot", city="LYON"),
    ])
    [finding] = l201(path)
    assert finding.field == "locations[2].facility"
    assert "entry 1 of 3 (locations[0])" in finding.message
    assert "spelled 'Hôpital Édouard-Herriot' there" in finding.message
    assert "city 'Lyon' there, 'LYON' here" in finding.message


@pytest.mark.parametrize("second", [
    site("Hôpital Édouard Herriot, Service de Cardiologie"),  # a department: another site
    site("Hôpital Édouard Herriot", city="Paris"),  # another city
    site("Hôpital Édouard Herriot", country="Canada"),  # another country
    site("Hôpital Édouard Herriot", zip="69008"),  # another address in the same city
    site("Hôpital Édouard Herriot", status="COMPLETED"),  # another registration
    site("Hôpital Édouard Herriot",  # another investigator
         contacts=[{"name": "B. Martin", "role": "PRINCIPAL_INVESTIGATOR"}]),
])
def test_different_sites_are_not_duplicates(tmp_path: Path, second: dict[str, Any]) -> None:
    first = site("Hôpital Édouard Herriot", zip="69003", status="RECRUITING",
                 contacts=[{"name": "A. Durand", "role": "PRINCIPAL_INVESTIGATOR"}])
    assert l201(write_record(tmp_path, [first, second])) == []


def test_other_contacts_without_other_investigators_are_one_site(tmp_path: Path) -> None:
    path = write_record(tmp_path, [
        site("Clinique du Parc", contacts=[{"name": "Anne Roux", "role": "CONTACT"}]),
        site("Clinique du Parc", contacts=[{"name": "Paul Blanc", "role": "CONTACT"}]),
    ])
    [finding] = l201(path)
    assert finding.message.endswith("; contacts differ")


@pytest.mark.parametrize(("second", "flagged"), [
    (site("Research Site", zip="69003", state="Rhône"), True),  # every address field matches
    (site("Research Site", zip="69003"), False),  # the state is missing here
    (site("Research Site", zip="69008", state="Rhône"), False),  # another zip code
    (site("Research Site", city="LYON ", zip="69003", state="Rhône"), True),  # case, spaces
    (site("Research Site", city="Lyon 3e", zip="69003", state="Rhône"), False),  # typed again
])
def test_placeholder_needs_the_whole_address(tmp_path: Path, second: dict[str, Any],
                                             flagged: bool) -> None:
    first = site("Research Site", zip="69003", state="Rhône")
    assert bool(l201(write_record(tmp_path, [first, second]))) is flagged


def test_placeholder_without_zip_code_is_never_a_duplicate(tmp_path: Path) -> None:
    path = write_record(tmp_path, [site("Pfizer Investigational Site")] * 3)
    assert l201(path) == []


def test_placeholder_site_numbers(tmp_path: Path) -> None:
    path = write_record(tmp_path, [
        site("Local Institution - 0100"),
        site("Local Institution - 0101"),  # another number: another site
        site("Local Institution - 0100", city="Lyón"),  # the same number: the same site
    ])
    [finding] = l201(path)
    assert finding.field == "locations[2].facility"
    assert "(locations[0])" in finding.message


def test_site_numbers_in_contact_names_tell_sites_apart(tmp_path: Path) -> None:
    path = write_record(tmp_path, [
        site("Hôpital Nord", contacts=[{"name": "Anne Roux, Site 0382", "role": "CONTACT"}]),
        site("Hôpital Nord", contacts=[{"name": "Paul Blanc, Site 0377", "role": "CONTACT"}]),
        site("Hôpital Nord", contacts=[{"name": "Luc Petit, Site 0382", "role": "CONTACT"}]),
    ])
    [finding] = l201(path)
    assert finding.field == "locations[2].facility"
    assert "(locations[0])" in finding.message


def test_placeholder_patterns_option(tmp_path: Path) -> None:
    path = write_record(tmp_path, [site("Acme Trial Location")] * 2)
    assert len(l201(path)) == 1
    (tmp_path / "lintrials.yaml").write_text(
        "checks:\n  duplicate-site:\n    placeholder_patterns: ['^acme trial location$']\n")
    assert l201(path, search_from=tmp_path) == []


def test_many_copies_all_point_at_the_first() -> None:
    # 3,000 entries of one facility, given to the check itself: each copy is compared with the
    # distinct sites seen so far (one here), not with every earlier entry.
    record = Record(locations=[Location(facility="Hôpital Nord", city="Lyon", zip="69001")
                               for _ in range(3000)])
    found = run_check(duplicate_site, record)
    assert len(found) == 2999
    assert {p.related for p in found} == {("locations[0].facility",)}
    assert found[-1].field == "locations[2999].facility"
    assert found[-1].message.endswith("the two entries are identical in every field")


def test_entries_without_a_facility_name_are_skipped(tmp_path: Path) -> None:
    path = write_record(tmp_path, [{"city": "Lyon", "country": "France"}] * 2)
    assert l201(path) == []


# --- lintrials.knowledge.names --------------------------------------------------------------------


def test_normalise_name() -> None:
    assert normalise_name("The Affiliated Hospital of  Southwest Medical University") == (
        "affiliated hospital of southwest medical university")
    assert normalise_name("Children’s Hospital & Clinics") == "childrens hospital and clinics"
    assert name_key("Health-Care Centre") == name_key("healthcare centre")
    assert normalise_name("Theodor Bilharz Institute") == "theodor bilharz institute"
    assert normalise_name(None) == ""


def test_places_and_zip_codes() -> None:
    assert place_key("Petah-Tikva") == place_key("Petah Tikva")
    assert place_key("Changsha City") == place_key("changsha")
    assert place_key("San Miguel de Tucumán") == place_key("San Miguel de Tucuman")
    assert zip_key("60612-7315") == zip_key("60612") == "60612"
    assert zip_key("602 00") == zip_key("60200")
    assert zip_key("H2X 1N8") == "H2X1N8"


@pytest.mark.parametrize(("name", "placeholder"), [
    ("Research Site", True),
    ("Research SIte", True),
    ("Pfizer Investigational Site", True),
    ("Novartis Investigative Site", True),
    ("GSK Investigational Site", True),
    ("Local Institution", True),
    ("Local Institution - 0100", True),
    ("Site 001", True),
    ("Site #12", True),
    ("Investigational Site Number : 0320005", True),
    ("Research Site 30056-013", True),
    ("1234.56.78901 Boehringer Ingelheim Investigational Site", True),
    ("For additional information regarding investigative sites for this trial, contact "
     "1-877-CTLILLY (1-877-285-4559, 1-317-615-4559)", True),
    ("Mayo Clinic", False),
    ("Cotton O'Neil Clinical Research Center", False),
    ("Vitality Clinical Research- Site Number : 8400023", False),
    ("Hospital Universitario Research Site", False),
    ("", False),
])
def test_is_placeholder_name(name: str, placeholder: bool) -> None:
    assert is_placeholder_name(name) is placeholder


def test_site_numbers() -> None:
    assert site_number("Local Institution - 123-456-A") == "123 456 a"
    assert site_number("Local Institution - 123-456-A") != site_number(
        "Local Institution - 123-456-B")
    assert site_number("Great Lakes Research Institute- Site Number : 8400111") == "8400111"
    assert site_number("Samsung Medical Center ( Site 1234)") == "1234"
    assert site_number("No. 301 Hospital") == ""
    assert site_number("Research Site") == ""
    assert contact_site_number("Nicoleta Berbec, Site 0382") == "0382"
    assert contact_site_number("Site Public Contact") == ""


def test_contact_keys() -> None:
    contacts = [Contact(name="Shivendra Singh, Mch", role="CONTACT", phone="+919818975024"),
                Contact(name="Dr. Lin Wu", role="PRINCIPAL_INVESTIGATOR")]
    assert contact_keys(contacts) == {"name:shivendra singh", "phone:18975024", "name:lin wu"}
    assert contact_keys(contacts, {"PRINCIPAL_INVESTIGATOR"}) == {"name:lin wu"}


# --- one site written two ways -----------------------------------------------------------------


@pytest.mark.parametrize(("first", "second"), [
    (site("University of Lyon Hospital"), site("Univ. of Lyon Hosp.")),  # abbreviations
    (site("Centre de Recherche Clinique SAS"), site("Centre de Recherche Clinique")),  # legal form
    (site("Hospices Civils de Lyon (HCL)"), site("Hospices Civils de Lyon")),  # an acronym aside
    (site("Kyoto University Hospital", "Kyoto", "Japan"),
     site("Kyoto University Hospital", "Kyoto-shi", "Japan")),  # a city with and without -shi
])
def test_one_site_written_two_ways(tmp_path: Path, first: dict[str, Any],
                                   second: dict[str, Any]) -> None:
    [finding] = l201(write_record(tmp_path, [first, second]))
    assert finding.field == "locations[1].facility"


@pytest.mark.parametrize(("first", "second"), [
    (site("Hospices Civils de Lyon (Adults)"), site("Hospices Civils de Lyon (Children)")),
    (site("Hospices Civils de Lyon"), site("Hospices Civils de Lyon (Site 2)")),
    (site("Inc Research"), site("Research")),  # a legal-form word that is the whole name
])
def test_two_sites_that_only_look_alike(tmp_path: Path, first: dict[str, Any],
                                        second: dict[str, Any]) -> None:
    assert l201(write_record(tmp_path, [first, second])) == []


@pytest.mark.parametrize(("first", "second"), [
    (site("Klinikum rechts der Isar", "München", "Germany"),
     site("Klinikum rechts der Isar", "Munich", "Germany")),
    (site("Ospedale Careggi", "Firenze", "Italy"), site("Ospedale Careggi", "Florence", "Italy")),
])
def test_one_city_in_two_languages(tmp_path: Path, first: dict[str, Any],
                                   second: dict[str, Any]) -> None:
    [finding] = l201(write_record(tmp_path, [first, second]))
    assert finding.field == "locations[1].facility"


def test_two_cities_of_one_chain_stay_apart(tmp_path: Path) -> None:
    assert l201(write_record(tmp_path, [site("Helios Klinikum", "München", "Germany"),
                                        site("Helios Klinikum", "Berlin", "Germany")])) == []


def test_real_record_with_athens_written_in_greek_and_english() -> None:
    found = [f for f in l201(V2 / "NCT06760637.json") if "Aretaieio" in f.message]
    assert [f.field for f in found] == ["locations[145].facility"]
    assert "city 'Αθήνα' there, 'Athens' here" in found[0].message


@pytest.mark.parametrize(("first", "second", "duplicate"), [
    ("Dartmouth-Hitchcock Medical Center", "Dartmouth-Hitchcock Medical Center (DHMC)", True),
    ("Clinica Santa Ana", "Clinica Santa Ana (Valencia)", True),  # the site's own city
    ("Hospital Universitario La Fe", "Hospital Universitario La Fe (Hospital Infantil)", False),
    ("General Hospital", "General Hospital (Paediatric Unit)", False),
])
def test_a_bracketed_part_is_set_aside_only_when_it_adds_nothing(
        first: str, second: str, duplicate: bool) -> None:
    sites = [Location(facility=name, city="Valencia", country="Spain") for name in (first, second)]
    found = run_check(duplicate_site, Record(locations=sites))
    assert bool(found) is duplicate
