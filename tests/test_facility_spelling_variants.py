"""facility-spelling-variants (R103): one facility spelled several ways across the run."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from conftest import CORPUS, EXAMPLES, SEEDS, findings
from lintrials.checks import facility_spelling_variants as r103

V2 = CORPUS / "ctgov_v2_json"
LEGACY = CORPUS / "ctgov_legacy_xml"
SEED = SEEDS / "000_c17df8f03dc45045.txt"
# Records that spell the First Hospital of Jilin University and the First Affiliated Hospital
# of Zhengzhou University the usual way.
JILIN = [V2 / f"{n}.json" for n in ("NCT04044170", "NCT04479917", "NCT05388825")]
ZHENGZHOU = [V2 / f"{n}.json" for n in ("NCT03934567", "NCT06065748")]


def variants(*paths: Path | str, search_from: Path | None = None) -> list[Any]:
    return [f for f in findings(*paths, select=["R103"], search_from=search_from)
            if f.code == "R103"]


# --- real records that must be flagged -------------------------------------------------------


def test_a_misspelt_word_against_two_records_that_spell_it_right() -> None:
    legacy = [CORPUS / "ctgov_legacy_xml" / f"{n}.xml" for n in ("NCT00003790", "NCT00006102")]
    [typo] = variants(V2 / "NCT04357353.json", *legacy)
    assert typo.path.endswith("NCT04357353.json")
    assert typo.message == (
        "facility 'Unversity of Nebraska Medical Center' (Omaha, Nebraska, United States) has "
        "'Unversity' for 'University'; 2 other records of the run (NCT00003790, NCT00006102) "
        "spell it right: 'University of Nebraska Medical Center'")


def test_misspelt_word_in_the_same_city() -> None:
    found = variants(V2 / "NCT05914155.json", V2 / "NCT03165734.json", V2 / "NCT05850520.json")
    [typo] = [f for f in found if "Hospial" in f.message]
    assert typo.path.endswith("NCT05914155.json")
    assert (typo.line, typo.column, typo.field) == (323, 23, "locations[5].facility")
    assert typo.message == (
        "facility 'Mie University Hospial' (Tsu, Mie, Japan) has 'Hospial' for 'Hospital'; 2 "
        "other records of the run (NCT03165734, NCT05850520) spell it right: 'Mie University "
        "Hospital'")


# --- real records that must not be flagged ---------------------------------------------------


def test_case_accents_and_umlauts_written_out_are_not_findings() -> None:
    # "The first hospital of jilin university", "Centre Leon Berard" for "Centre Léon
    # Bérard", "Universitaetsklinikum Tuebingen" for "Universitätsklinikum Tübingen": accepted
    # ways of writing the name, not misspellings.
    assert variants(SEED, *JILIN) == []
    assert variants(V2 / "NCT02724163.json", LEGACY / "NCT03424005.xml") == []
    assert not [f for f in variants(V2 / "NCT05514054.json", V2 / "NCT04576156.json")
                if "Tuebingen" in f.message]


def test_a_city_added_to_the_name_is_the_same_name() -> None:
    # "Mayo Clinic Rochester" (Rochester) beside "Mayo Clinic" in two other records.
    mayo = [CORPUS / "ctgov_legacy_xml" / f"{n}.xml"
            for n in ("NCT00000457", "NCT00277524", "NCT00493792")]
    assert variants(*mayo) == []


def test_fifth_and_first_affiliated_hospitals_are_two_hospitals() -> None:
    found = variants(SEED, *ZHENGZHOU)
    assert not [f for f in found if "ifth" in f.message]


def test_same_study_in_two_formats_is_one_record() -> None:
    # The seed page and its JSON twin spell every site the same way, and share an NCT ID.
    assert variants(EXAMPLES) == []


def test_records_with_one_spelling_each_are_clean() -> None:
    assert variants(*JILIN) == []


# --- made-up records for the edge cases ------------------------------------------------------


def write_study(tmp_path: Path, nct: str, sites: list[dict[str, Any]]) -> Path:
    study = {"protocolSection": {
        "identificationModule": {"nctId": nct, "briefTitle": "Made-up study"},
        "contactsLocationsModule": {"locations": sites},
    }}
    path = tmp_path / f"{nct}.json"
    path.write_text(json.dumps(study, indent=2, ensure_ascii=False), encoding="utf-8")
    return path


def site(facility: str, city: str = "Lyon", country: str = "France",
         **more: Any) -> dict[str, Any]:
    return {"facility": facility, "city": city, "country": country, **more}


def run(tmp_path: Path, names: list[dict[str, Any]]) -> list[Any]:
    paths = [write_study(tmp_path, f"NCT0900000{i}", [s]) for i, s in enumerate(names)]
    return variants(*paths)


@pytest.mark.parametrize("other", [
    site("Hôpital Nord B"),  # another letter: another hospital
    site("Hôpital Nord 2"),  # another number
    site("Hôpital Nord, Service de Cardiologie"),  # a department of it
    site("Hôpital Sud"),  # another word
    site("Hôpital Nord", city="Paris"),  # another city
    site("Research Site"),  # a placeholder
])
def test_different_sites_are_not_variants(tmp_path: Path, other: dict[str, Any]) -> None:
    assert run(tmp_path, [site("Hôpital Nord"), site("Hôpital Nord"), other]) == []


def test_states_and_zip_codes_tell_sites_apart(tmp_path: Path) -> None:
    oregon = site("Providence Hospital", "Portland", "United States", state="Oregon")
    maine = site("Providence Hopsital", "Portland", "United States", state="Maine")
    assert run(tmp_path, [oregon, oregon, maine]) == []
    south = site("Texas Oncology", "Austin", "United States", zip="78745")
    north = site("Texas Oncolgy", "Austin", "United States", zip="78731")
    assert run(tmp_path, [south, south, north]) == []
    [finding] = run(tmp_path, [south, south, {**north, "zip": "78745-1234"}])
    assert finding.message.endswith(
        "has 'Oncolgy' for 'Oncology'; 2 other records of the run (NCT09000000, NCT09000001) "
        "spell it right: 'Texas Oncology'")


def test_a_tie_has_no_suggestion(tmp_path: Path) -> None:
    assert run(tmp_path, [site("Clinique du Parc"), site("Clinique du Prac")]) == []


@pytest.mark.parametrize(("usual", "other"), [
    ("Texas Oncology", "Texas Oncology, P.A."),  # a legal form
    ("Acme Research Inc", "Acme Research Incorporated"),
    ("Smith Dermatology, PC", "Smith Dermatology"),
    ("Klinik Hirslanden GmbH", "Klinik Hirslanden"),
    ("Northwest Medical Specialties, PLLC", "Northwest Medical Specialties LLC"),
    ("Saint Luke's Hospital", "St. Luke's Hospital"),  # Saint and St.
    ("Mount Sinai Hospital", "Mt. Sinai Hospital"),
    ("Pius Hospital", "Pius-Hospital Lyon"),  # the city added
    ("Centre Léon Bérard", "Centre Leon Berard - Lyon"),
    ("Hôpital Nord", "Hôpital Nord in Lyon"),
    ("University of Lyon Medical Center", "University at Lyon Medical Center"),  # connectors
    ("Hospital Universitario 12 de Octubre", "Hospital Universitario 12 Octubre"),
    ("Harbor Medical Center, UCLA", "Harbor Medical Center at UCLA"),
    ("Rambam Health Care Campus", "Rambam Healthcare Campus"),  # one word or two
    ("Asan Medical Center", "Asan medical center"),  # case only
    ("Hôpital Édouard Herriot", "Hopital Edouard Herriot"),  # accents
    ("Uniwersytecki Szpital Kliniczny w Białymstoku",
     "Uniwersytecki Szpital Kliniczny w Bialymstoku"),
    ("Univ. Hospital of Lyon", "University Hospital of Lyon"),  # a standard abbreviation
    ("Azienda Ospedaliero-Universitaria Careggi", "Azienda Ospedaliera Universitaria Careggi"),
    ("Hospital Universitari i Politècnic La Fe", "Hospital Universitario y Politecnico La Fe"),
    ("Madan Mohan Malaviya Cancer Centre", "Madan Mohan Malviya Cancer Centre"),
])
def test_accepted_variants_are_not_misspellings(tmp_path: Path, usual: str, other: str) -> None:
    assert run(tmp_path, [site(usual), site(usual), site(other)]) == []


@pytest.mark.parametrize(("usual", "other", "words"), [
    ("Lyon Medical Center", "Lyon Medial Center", "'Medial' for 'Medical'"),
    ("Centre Hospitalier Pasteur", "Centre Hospitalier Psateur", "'Psateur' for 'Pasteur'"),
    ("Hopital Universitaire Sud", "Hopital Univesritaire Sud",
     "'Univesritaire' for 'Universitaire'"),
    ("Centre Lacassagne", "Centre Lacasagne", "'Lacasagne' for 'Lacassagne'"),
    ("Zhejiang Cancer Hospital", "Zhejang Cancer Hospital", "'Zhejang' for 'Zhejiang'"),
])
def test_a_word_misspelt_is_reported_with_the_word(tmp_path: Path, usual: str, other: str,
                                                    words: str) -> None:
    [finding] = run(tmp_path, [site(usual), site(usual), site(other)])
    assert finding.message.endswith(
        f"has {words}; 2 other records of the run (NCT09000000, NCT09000001) spell it right: "
        f"{usual!r}")


def test_capitals_lost_inside_a_name(tmp_path: Path) -> None:
    [finding] = run(tmp_path, [site("The Christie NHS Foundation Trust")] * 2
                    + [site("The Christie Nhs Foundation Trust")])
    assert finding.message.endswith(
        "has 'Nhs' for 'NHS'; 2 other records of the run (NCT09000000, NCT09000001) write it "
        "right: 'The Christie NHS Foundation Trust'")
    [finding] = run(tmp_path, [site("McMaster Clinic")] * 2 + [site("Mcmaster Clinic")])
    assert "has 'Mcmaster' for 'McMaster'" in finding.message
    # A place's name is written as the site's city field writes it.
    names = [site("Hospital of NanChang University", "Nanchang", "China")] * 2
    assert run(tmp_path, [*names, site("Hospital of Nanchang University", "Nanchang",
                                       "China")]) == []
    # Capitals added are not reported, nor a word the usual spelling writes in capitals.
    assert run(tmp_path, [site("Mackay Memorial Hospital")] * 2
               + [site("MacKay Memorial Hospital")]) == []
    assert run(tmp_path, [site("ONCOSITE Centro de Pesquisa")] * 2
               + [site("Oncosite Centro de Pesquisa")]) == []


def test_a_proper_name_several_records_write_is_another_name(tmp_path: Path) -> None:
    maria, marina = site("Hospital Santa Maria"), site("Hospital Santa Marina")
    assert run(tmp_path, [maria] * 3 + [marina] * 2) == []
    # One record, or few beside many, is a slip; a facility word misspelt always is.
    assert len(run(tmp_path, [maria] * 3 + [marina])) == 1
    assert len(run(tmp_path, [maria] * 7 + [marina] * 2)) == 2
    assert len(run(tmp_path, [site("Lyon Medical Center")] * 3
                   + [site("Lyon Medial Center")] * 2)) == 2


def test_a_sponsors_own_name_for_its_site_is_kept(tmp_path: Path) -> None:
    usual = [write_study(tmp_path, f"NCT0900000{i}", [site("Centre Lacassagne")])
             for i in range(2)]
    own = write_study(tmp_path, "NCT09000002", [site("Centre Lacasagne")])
    study = json.loads(own.read_text(encoding="utf-8"))
    study["protocolSection"]["sponsorCollaboratorsModule"] = {
        "leadSponsor": {"name": "Centre Lacasagne", "class": "OTHER"}}
    own.write_text(json.dumps(study), encoding="utf-8")
    assert variants(*usual, own) == []


def test_a_character_lost_to_an_encoding_is_reported(tmp_path: Path) -> None:
    [finding] = run(tmp_path, [site("Provincial People's Hospital")] * 2
                    + [site("Provincial People?s Hospital")])
    assert finding.message.endswith(
        "has a character lost to a wrong encoding; 2 other records of the run (NCT09000000, "
        "NCT09000001) write it whole: \"Provincial People's Hospital\"")


def test_similarity_option_turns_the_misspelling_test_off(tmp_path: Path) -> None:
    names = [site("Universite Claude Bernard")] * 2 + [site("Universite Claude Bernad")]
    assert len(run(tmp_path, names)) == 1
    (tmp_path / "lintrials.yaml").write_text(
        "checks:\n  facility-spelling-variants:\n    similarity: 100\n")
    paths = sorted(tmp_path.glob("NCT*.json"))
    assert variants(*paths, search_from=tmp_path) == []


def test_variant_words() -> None:
    assert r103.variant_words("The Catholic Univ. of Korea, Seoul St. Mary's Hospital, Inc.",
                              "Seoul") == (
        "catholic", "university", "korea", "seoul", "saint", "mary", "hospital")
    # The city's name at the end, an acronym of the words beside it, a legal form.
    assert r103.variant_words("Centre Hospitalier Universitaire Vaudois (CHUV) Lausanne",
                              "Lausanne") == r103.variant_words(
        "Centre Hospitalier Universitaire Vaudois S.A.")
    assert r103.variant_words("Hospital A") != r103.variant_words("Hospital")


def test_the_repair_keeps_the_sites_own_wording(tmp_path: Path) -> None:
    # The city and the legal form stay; only the misspelt word changes, in the site's case.
    usual = [site("Mayo Clinic", "Rochester", "United States")] * 2
    [finding] = run(tmp_path, [*usual, site("Mayo Clinik Rochester, Inc.", "Rochester",
                                            "United States")])
    assert finding.message.endswith("spell it right: 'Mayo Clinic Rochester, Inc.'")
    [finding] = run(tmp_path, [site("Tata Memorial Hospital", "Mumbai", "India")] * 2
                    + [site("TATA MEMORAIL HOSPITAL", "Mumbai", "India")])
    assert finding.message.endswith("spell it right: 'TATA MEMORIAL HOSPITAL'")
