"""zip-state-mismatch (L211): a US site's ZIP code belongs to another state."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from conftest import CORPUS, EXAMPLES, context, findings
from lintrials.checks import zip_state_mismatch
from lintrials.knowledge import places
from lintrials.model import Location, Record

V2 = CORPUS / "ctgov_v2_json"
LEGACY = CORPUS / "ctgov_legacy_xml"


def l211(*paths: Path | str) -> list[Any]:
    return [f for f in findings(*paths, select=["L211"]) if f.code == "L211"]


def study(tmp_path: Path, *sites: dict[str, str]) -> Path:
    path = tmp_path / "NCT09999998.json"
    path.write_text(json.dumps({"protocolSection": {
        "identificationModule": {"nctId": "NCT09999998"},
        "contactsLocationsModule": {"locations": list(sites)},
    }}, indent=2))
    return path


# --- real records that must be flagged -----------------------------------------------------


def test_illinois_site_with_a_texas_zip_code() -> None:
    [finding] = l211(V2 / "NCT05838625.json")  # Springfield, Illinois 77030 (Houston)
    assert (finding.line, finding.column) == (465, 18)
    assert finding.field == "locations[24].zip"
    assert finding.severity == "warning"
    assert finding.message == ("ZIP code 77030 is in Houston, Texas, not in Illinois: "
                               "the state or the ZIP code is wrong")
    [related] = finding.related
    assert (related.field, related.line, related.column) == ("locations[24].state", 464, 20)


def test_legacy_xml_zip_codes_of_a_neighbouring_state() -> None:
    # Anchorage, Alaska 98508 (Olympia); Tacoma, Washington 97405 (Eugene)
    found = l211(LEGACY / "NCT02465060.xml")
    assert [(f.line, f.column, f.field) for f in found] == [
        (1008, 14, "locations[2].zip"), (23319, 14, "locations[1122].zip")]
    assert found[0].message.startswith("ZIP code 98508 is in Olympia, Washington, not in Alaska")
    assert found[1].message.startswith("ZIP code 97405 is in Eugene, Oregon, not in Washington")


def test_town_of_one_name_in_two_states() -> None:
    [finding] = l211(V2 / "NCT06065748.json")  # Cancer Care Center of O'Fallon, Illinois
    assert (finding.line, finding.column) == (709, 18)
    assert finding.message.startswith("ZIP code 62269 is in O Fallon, Illinois, not in Missouri")


def test_several_sites_of_one_record() -> None:
    found = l211(V2 / "NCT05813288.json")
    assert [(f.line, f.field) for f in found] == [
        (464, "locations[12].zip"), (854, "locations[36].zip"), (1106, "locations[53].zip")]


# --- real records that must not be flagged -------------------------------------------------


def test_zip_plus_four_and_sites_outside_the_united_states() -> None:
    # Hundreds of US sites, many with ZIP+4 codes: only Louisville, Kentucky 20202 (for 40202)
    # is wrong. Indian sites with six-digit codes and the Chinese seeds are not judged.
    found = l211(V2 / "NCT02513394.json", V2 / "NCT05348876.json", EXAMPLES)
    assert [(f.record, f.field) for f in found] == [("NCT02513394", "locations[76].zip")]
    assert found[0].message.startswith("ZIP code 20202 is in Washington, District of Columbia")


def test_kansas_city_kansas_with_a_kansas_zip_code(tmp_path: Path) -> None:
    path = study(tmp_path,
                 {"city": "Kansas City", "state": "Kansas", "zip": "66160",
                  "country": "United States"},
                 {"city": "San Juan", "zip": "00936-5067", "country": "Puerto Rico"},
                 {"city": "Boston", "state": "MA", "zip": "02114-2696",
                  "country": "United States"},
                 {"city": "Boston", "state": "MA", "zip": "2114", "country": "United States"})
    assert l211(path) == []


def test_territory_named_as_the_country(tmp_path: Path) -> None:
    path = study(tmp_path, {"city": "San Juan", "zip": "10021", "country": "Puerto Rico"})
    [finding] = l211(path)
    assert finding.message.startswith("ZIP code 10021 is in New York, New York, not in Puerto Rico")


def test_missing_data_is_noted(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(places, "us_zips", lambda: None)
    record = Record(locations=[Location(city="Boston", state="Massachusetts", zip="02115",
                                        country="United States")])
    notes: list[str] = []
    assert list(zip_state_mismatch.check(record, context(zip_state_mismatch, notes=notes))) == []
    assert notes == ["zip-state-mismatch (L211) checked nothing: the US ZIP code data is not "
                     "installed (pip install zipcodes)"]
