"""phone-format (C302): a valid phone number not written in international form."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from conftest import CORPUS, EXAMPLES, SEEDS, findings
from lintrials.knowledge.phone_kinds import FORMAT_KINDS
from lintrials.knowledge.phones import phone_issues

V2 = CORPUS / "ctgov_v2_json"
LEGACY = CORPUS / "ctgov_legacy_xml"
SEED = SEEDS / "000_c17df8f03dc45045.txt"


def c302(*paths: Path | str, search_from: Path | None = None) -> list[Any]:
    return [f for f in findings(*paths, select=["C302"], search_from=search_from)
            if f.code == "C302"]


def kinds(phone: str, country: str | None) -> list[str]:
    return [i.kind for i in phone_issues(phone, None, country) if i.kind in FORMAT_KINDS]


def record_file(tmp_path: Path, nct: str, country: str, phone: str) -> Path:
    study = {"protocolSection": {
        "identificationModule": {"nctId": nct, "briefTitle": "A study"},
        "contactsLocationsModule": {"locations": [
            {"facility": "Hospital", "city": "City", "country": country,
             "contacts": [{"name": "A Person", "role": "CONTACT", "phone": phone}]}]},
    }}
    path = tmp_path / f"{nct}.json"
    path.write_text(json.dumps(study, indent=2), encoding="utf-8")
    return path


# --- real records that must be flagged -----------------------------------------------------


def test_seed_chinese_mobiles_without_country_code() -> None:
    found = c302(SEED)
    assert len(found) == 33  # the central contact and the 32 sites
    first = found[0]
    assert first.field == "central_contacts[0].phone"
    assert first.severity == "info"
    assert (first.line, first.column, first.end_column) == (397, 1, 12)
    assert first.message == ("written without the country code: from abroad it is "
                             "+86 136 9305 8190")


def test_seed_study_as_json() -> None:
    found = c302(EXAMPLES / "NCT07314060.json")
    assert (found[0].line, found[0].column) == (125, 21)
    assert found[0].field == "central_contacts[0].phone"


def test_country_code_without_plus() -> None:
    found = c302(LEGACY / "NCT00493194.xml")
    [finding] = [f for f in found if f.field == "locations[0].contacts[0].phone"]
    assert (finding.line, finding.column) == (242, 14)
    assert finding.message == ("the country code 32 is written without '+': "
                               "write +32 3 821 37 92")


def test_international_call_prefix_instead_of_plus() -> None:
    found = c302(LEGACY / "NCT05694026.xml")
    [finding] = [f for f in found if f.field == "central_contacts[0].phone"]
    assert (finding.line, finding.column) == (220, 12)
    assert finding.message == ("'00' (an international call prefix, which differs between "
                               "countries) instead of '+': write +86 186 1278 2131")


def test_remark_after_the_number() -> None:
    found = c302(V2 / "NCT04961996.json")
    [finding] = [f for f in found if f.field == "central_contacts[0].phone"]
    # "888-662-6728 (U.S. Only)": the span is the remark
    assert (finding.line, finding.column, finding.end_column) == (259, 34, 45)
    assert finding.message == "text after the number: '(U.S. Only)'"


# --- real records that must not be flagged -------------------------------------------------


def test_international_numbers_are_fine() -> None:
    assert c302(SEEDS / "001_020fa720e2ffd389.txt") == []  # "+86 13787097676"
    assert c302(EXAMPLES / "NCT07104344.json") == []


def test_us_numbers_in_national_form_are_fine() -> None:
    assert c302(V2 / "NCT03118986.json") == []  # "(816) 302-6797" and the like


def test_off_unless_selected() -> None:
    assert not [f for f in findings(SEED) if f.code == "C302"]


# --- options and made-up input -------------------------------------------------------------


def test_home_countries_option(tmp_path: Path) -> None:
    path = record_file(tmp_path, "NCT90000011", "China", "13693058190")
    assert len(c302(path, search_from=tmp_path)) == 1
    (tmp_path / "lintrials.yaml").write_text(
        "checks:\n  phone-format:\n    home_countries: [US, China]\n", encoding="utf-8")
    assert c302(path, search_from=tmp_path) == []


def test_national_form_and_idd_prefix_options(tmp_path: Path) -> None:
    national = record_file(tmp_path, "NCT90000012", "Poland", "501 452 585")
    idd = record_file(tmp_path, "NCT90000013", "Poland", "0048501452585")
    assert len(c302(national, idd, search_from=tmp_path)) == 2
    (tmp_path / "lintrials.yaml").write_text(
        "checks:\n  phone-format:\n    national_form: false\n    idd_prefix: false\n",
        encoding="utf-8")
    assert c302(national, idd, search_from=tmp_path) == []


def test_kinds() -> None:
    assert kinds("13693058190", "China") == ["national-form"]
    assert kinds("8613911793771", "China") == ["no-plus"]
    assert kinds("49 151 53854841", "Germany") == ["no-plus"]  # not a German 0491... number
    assert kinds("0048501452585", "Poland") == ["idd-prefix"]
    assert kinds("(01186) 20-87333300", "China") == ["idd-prefix"]
    assert kinds("0032 9 332 22 76", None) == ["idd-prefix"]  # no site, so no country
    assert kinds("1-800-DIAL-NOW", "United States") == ["letters", "no-plus"]
    assert kinds("Phone: +1 416-864-6060", None) == ["note"]
    # Form that is fine, and numbers that are malformed-phone's, not this check's:
    assert kinds("+86-18980601299", "China") == []
    assert kinds("+1 (617) 253-1000", "United States") == []
    assert kinds("877-379-3718", "Japan") == []
    assert kinds("+86-021-50582090", "China") == []
