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


def test_seed_spelling_in_lower_case_is_told_the_usual_one() -> None:
    found = variants(SEED, *JILIN)
    [jilin] = [f for f in found if f.path.endswith(SEED.name)]
    assert (jilin.line, jilin.column, jilin.field) == (287, 1, "locations[16].facility")
    assert jilin.severity == "info"
    assert jilin.message == (
        "facility 'The first hospital of jilin university' (Changchun, Jilin, China) is "
        "spelled 'The First Hospital of Jilin University' in 3 other records of the run "
        "(NCT04044170, NCT04479917, NCT05388825); differs in case")
    # The usual spelling is never reported against the rare one.
    assert all(f.path.endswith(SEED.name) for f in found)


def test_misspelt_word_in_the_same_city() -> None:
    found = variants(V2 / "NCT05519085.json", V2 / "NCT05949684.json", V2 / "NCT06356129.json")
    [typo] = [f for f in found if "Afffiliated" in f.message]
    assert typo.path.endswith("NCT05519085.json")
    assert (typo.line, typo.column, typo.field) == (2001, 23, "locations[96].facility")
    assert typo.message.startswith(
        "facility 'The First Afffiliated Hospital of Chongqing Medical University' (Chongqing, "
        "Chongqing, China) is spelled 'The First Affiliated Hospital of Chongqing Medical "
        "University' in 2 other records of the run (NCT05949684, NCT06356129)")
    assert typo.message.endswith("; differs in spelling")


def test_accents_dropped_are_put_back_from_a_legacy_record() -> None:
    found = variants(V2 / "NCT02724163.json", LEGACY / "NCT03424005.xml")
    [berard] = [f for f in found if "Berard" in f.message]
    assert (berard.line, berard.column) == (645, 23)
    assert berard.message == (
        "facility 'Centre Leon Berard' (Lyon, France) is spelled 'Centre Léon Bérard' in 1 "
        "other record of the run (NCT03424005); differs in accents")


def test_umlauts_written_out_and_a_city_spelled_two_ways() -> None:
    # "Tuebingen" and "Tübingen" are one city; "Universitaetsklinikum" keeps less of its
    # accents than "Universitätsklinikum".
    found = variants(V2 / "NCT05519085.json", V2 / "NCT04576156.json")
    [tuebingen] = [f for f in found if "Tuebingen" in f.message]
    assert tuebingen.field == "locations[158].facility"
    assert "is spelled 'Universitätsklinikum Tübingen' in 1 other record" in tuebingen.message


# --- real records that must not be flagged ---------------------------------------------------


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
    maine = site("PROVIDENCE HOSPITAL", "Portland", "United States", state="Maine")
    assert run(tmp_path, [oregon, oregon, maine]) == []
    south = site("Texas Oncology", "Austin", "United States", zip="78745")
    north = site("Texas Oncology, P.A.", "Austin", "United States", zip="78731")
    assert run(tmp_path, [south, south, north]) == []
    [finding] = run(tmp_path, [south, south, {**north, "zip": "78745-1234"}])
    assert "is spelled 'Texas Oncology' in 2 other records" in finding.message
    assert finding.message.endswith("differs in wording")


def test_a_tie_has_no_suggestion(tmp_path: Path) -> None:
    assert run(tmp_path, [site("Clinique du Parc"), site("Clinique Du Parc")]) == []


def test_accents_and_capitals_are_suggested_however_few_use_them(tmp_path: Path) -> None:
    found = run(tmp_path, [site("Hopital Edouard Herriot")] * 3 + [site("Hôpital Édouard Herriot")])
    assert sorted(Path(f.path).name for f in found) == [
        "NCT09000000.json", "NCT09000001.json", "NCT09000002.json"]
    assert all("is spelled 'Hôpital Édouard Herriot' in 1 other record" in f.message
               for f in found)
    found = run(tmp_path, [site("CLINIQUE DU PARC")] * 3 + [site("Clinique du Parc")])
    assert len(found) == 3
    assert found[0].message.endswith("differs in case")


def test_similarity_option_turns_the_misspelling_test_off(tmp_path: Path) -> None:
    names = [site("Universite Claude Bernard")] * 2 + [site("Universitee Claude Bernard")]
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
