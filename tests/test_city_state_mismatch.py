"""city-state-mismatch (L210): a site's city lies in another state or province."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from conftest import CORPUS, EXAMPLES, SEEDS, context, findings
from lintrials.checks import city_state_mismatch
from lintrials.knowledge import places
from lintrials.model import Location, Record

V2 = CORPUS / "ctgov_v2_json"


def l210(*paths: Path | str) -> list[Any]:
    return [f for f in findings(*paths, select=["L210"]) if f.code == "L210"]


def study(tmp_path: Path, *sites: dict[str, str]) -> Path:
    path = tmp_path / "NCT09999999.json"
    path.write_text(json.dumps({"protocolSection": {
        "identificationModule": {"nctId": "NCT09999999"},
        "contactsLocationsModule": {"locations": list(sites)},
    }}, indent=2))
    return path


# --- real records that must be flagged -----------------------------------------------------


def test_seed_xian_is_in_shaanxi_not_shanxi() -> None:
    [finding] = l210(SEEDS / "000_c17df8f03dc45045.txt")
    assert (finding.line, finding.column) == (313, 8)  # "Shanxi" in "Xi’an, Shanxi, China"
    assert finding.field == "locations[20].state"
    assert finding.severity == "warning"
    assert finding.message == (
        "Xi’an is in Shaanxi, not in Shanxi (GeoNames): the state or the city is wrong")
    [related] = finding.related
    assert (related.field, related.line, related.column) == ("locations[20].city", 313, 1)


def test_seed_json_twin_points_at_the_state_value() -> None:
    [finding] = l210(EXAMPLES / "NCT07314060.json")
    assert (finding.line, finding.column, finding.field) == (392, 20, "locations[20].state")
    assert "Xi’an is in Shaanxi, not in Shanxi" in finding.message


def test_the_reverse_confusion_taiyuan_in_shaanxi() -> None:
    [finding] = l210(V2 / "NCT05850520.json")
    assert (finding.line, finding.column) == (1386, 20)
    assert finding.message.startswith("Taiyuan is in Shanxi, not in Shaanxi")


def test_four_sites_of_one_record_in_the_wrong_state() -> None:
    found = l210(V2 / "NCT05348876.json")
    assert [(f.line, f.message.split(" (")[0]) for f in found] == [
        (188, "Hyderabad is in Telangana"),
        (200, "Hyderabad is in Telangana"),
        (303, "New Delhi is in Delhi, not in Karnataka"),
        (439, "Chandigarh is in Chandigarh, not in Uttar Pradesh"),
    ]


def test_far_away_state_porto_alegre_in_para() -> None:
    found = l210(V2 / "NCT04961996.json")
    assert [(f.line, f.column) for f in found] == [(2470, 20), (5779, 20)]
    assert found[0].message.startswith("Porto Alegre is in Rio Grande do Sul, not in Pará")
    assert found[1].message.startswith("Puebla is in Puebla, not in Mexico CITY")


# --- real records that must not be flagged -------------------------------------------------


@pytest.mark.parametrize("record", [
    "NCT03308409",  # Bogotá, Cundinamarca: a capital district inside the state around it
    "NCT04975997",  # Ottawa, Quebec: across the river from Gatineau (but Hyderabad is flagged)
    "NCT06948422",  # Oldenburg, Schleswig-Holstein: Oldenburg in Holstein, too small for the data
    "NCT05188989",  # "Zhenzhou", Henan: a misspelled city at Henan Provincial People's Hospital
    "NCT05832827",  # Chuo, Tokyo: a ward of Tokyo, not Chūō in Yamanashi
    "NCT05838625",  # Springfield, Illinois 77030: the ZIP code's state is zip-state-mismatch's
    "NCT00931528",  # Commerce, Michigan: Commerce Township, a US postal name
])
def test_not_a_wrong_state(record: str) -> None:
    found = l210(V2 / f"{record}.json")
    assert all("Hyderabad" in f.message for f in found)


def test_moscow_in_moscow_oblast_is_not_a_wrong_state() -> None:
    # The city and the oblast around it; the record's one finding is Dresden, Hamburg.
    path = V2 / "NCT04576156.json"
    site = json.loads(path.read_text(encoding="utf-8"))[
        "protocolSection"]["contactsLocationsModule"]["locations"][174]
    assert (site["city"], site["state"]) == ("Moscow", "Moskovskaya Oblast'")
    assert [f.field for f in l210(path)] == ["locations[91].state"]


def test_a_city_of_a_state_split_off_after_the_record_was_submitted() -> None:
    # Hyderabad, Andhra Pradesh, in a record first submitted in 2021: Telangana was formed
    # in 2014, so the old state is no excuse, and the message says when it was formed.
    [finding] = l210(V2 / "NCT04975997.json")
    assert finding.message == (
        "Hyderabad is in Telangana (formed from Andhra Pradesh on 2014-06-02, before this "
        "record was first submitted on 2021-07-02), not in Andhra Pradesh (GeoNames): the "
        "state or the city is wrong")


def test_the_same_record_submitted_before_the_split_is_not_flagged(tmp_path: Path) -> None:
    # The real record above, with its first submission moved to 2013 (the development part
    # has no record of Andhra Pradesh from before June 2014): the site was entered then.
    study_ = json.loads((V2 / "NCT04975997.json").read_text(encoding="utf-8"))
    study_["protocolSection"]["statusModule"]["studyFirstSubmitDate"] = "2013-11-04"
    path = tmp_path / "NCT04975997.json"
    path.write_text(json.dumps(study_), encoding="utf-8")
    assert l210(path) == []


def entered(tmp_path: Path, day: str, city: str, state: str, country: str = "India") -> Path:
    path = tmp_path / "NCT09999998.json"
    path.write_text(json.dumps({"protocolSection": {
        "identificationModule": {"nctId": "NCT09999998"},
        "statusModule": {"studyFirstSubmitDate": day},
        "contactsLocationsModule": {"locations": [
            {"facility": "City Hospital", "city": city, "state": state, "country": country}]},
    }}))
    return path


@pytest.mark.parametrize(("day", "city", "state", "country"), [
    ("2012-03-01", "Hyderabad", "Andhra Pradesh", "India"),
    ("2014-06-01", "Warangal", "Andhra Pradesh", "India"),
    ("1999-05-10", "Ranchi", "Bihar", "India"),  # Jharkhand, November 2000
    ("2000-08-01", "Dehradun", "Uttar Pradesh", "India"),  # Uttarakhand, November 2000
    ("2000-10-31", "Raipur", "Madhya Pradesh", "India"),  # Chhattisgarh, November 2000
    ("1996-12-01", "Chongqing", "Sichuan", "China"),  # Chongqing, June 1997
])
def test_entered_under_the_state_it_was_in_then(tmp_path: Path, day: str, city: str,
                                                  state: str, country: str) -> None:
    assert l210(entered(tmp_path, day, city, state, country)) == []


@pytest.mark.parametrize(("day", "city", "state", "country"), [
    ("2014-06-02", "Hyderabad", "Andhra Pradesh", "India"),  # the day Telangana was formed
    ("2001-02-01", "Ranchi", "Bihar", "India"),
    ("2010-01-01", "Hyderabad", "Karnataka", "India"),  # never a part of Karnataka
    ("2010-01-01", "Xi'an", "Shanxi", "China"),  # no split between them
])
def test_not_excused_by_a_split(tmp_path: Path, day: str, city: str, state: str,
                                country: str) -> None:
    [finding] = l210(entered(tmp_path, day, city, state, country))
    assert finding.field == "locations[0].state"


def test_single_site_seed_in_its_province() -> None:
    assert l210(SEEDS / "001_020fa720e2ffd389.txt", SEEDS / "002_e3ee89ab0d39f9a4.txt") == []


# --- edge cases ----------------------------------------------------------------------------


def test_a_city_that_two_provinces_have_is_in_either(tmp_path: Path) -> None:
    path = study(tmp_path,
                 {"facility": "A", "city": "Fuzhou", "state": "Jiangxi", "country": "China"},
                 {"facility": "B", "city": "Kunming", "state": "Sichuan", "country": "China"},
                 {"facility": "C", "city": "Kunming", "state": "Yunnan Province",
                  "country": "China"})
    [finding] = l210(path)
    assert finding.field == "locations[1].state"
    assert finding.message.startswith("Kunming is in Yunnan, not in Sichuan")


def test_state_written_as_its_iso_code(tmp_path: Path) -> None:
    path = study(tmp_path,
                 {"city": "Toronto", "state": "QC", "country": "Canada"},
                 {"city": "Toronto", "state": "ON", "country": "Canada"})
    [finding] = l210(path)
    assert finding.field == "locations[0].state"
    assert finding.message.startswith("Toronto is in Ontario, not in QC")


def test_unknown_state_or_city_is_not_judged(tmp_path: Path) -> None:
    path = study(tmp_path,
                 {"city": "Xi'an", "state": "Lombardia", "country": "China"},
                 {"city": "Nowhereville", "state": "Shanxi", "country": "China"},
                 {"city": "Chaoyang District", "state": "Beijing", "country": "China"})
    assert l210(path) == []


def test_missing_data_is_noted(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(places, "geonames_installed", lambda: False)
    record = Record(locations=[Location(city="Toronto", state="QC", country="Canada")])
    notes: list[str] = []
    assert list(city_state_mismatch.check(record, context(city_state_mismatch, notes=notes))) == []
    assert notes == ["city-state-mismatch (L210) checked nothing: the GeoNames city data is not "
                     "installed (pip install 'lintrials[geo]')"]


def test_missing_us_zip_data_is_noted(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(places, "us_zips", lambda: None)
    record = Record(locations=[Location(city="Houston", state="Ohio", country="United States")])
    notes: list[str] = []
    assert list(city_state_mismatch.check(record, context(city_state_mismatch, notes=notes))) == []
    assert notes == ["city-state-mismatch (L210) did not check US sites: the US ZIP code data is "
                     "not installed (pip install zipcodes)"]


def test_division_and_city_keys() -> None:
    assert places.division_keys("Shaanxi Province") == {"shaanxi"}
    assert places.division_keys("Beijing Municipality") == {"beijing"}
    assert "madrid" in places.division_keys("Madrid, Comunidad de")
    assert places.city_keys("Xi’an City") == {"xian", "xiancity"}
    assert "saintjoseph" in places.city_keys("St. Joseph")
    defaults = city_state_mismatch.Options()
    assert (defaults.max_border_distance_km, defaults.min_population) == (50, 1_000_000)
