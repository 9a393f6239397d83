"""open-study-without-contact (C305): a recruiting study with nobody to call or write to."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from conftest import CORPUS, SEEDS, findings

V2 = CORPUS / "ctgov_v2_json"
LEGACY = CORPUS / "ctgov_legacy_xml"


def c305(*paths: Path | str, search_from: Path | None = None) -> list[Any]:
    return [f for f in findings(*paths, select=["C305"], search_from=search_from)
            if f.code == "C305"]


# --- real records that must be flagged -------------------------------------------------------


def test_not_yet_recruiting_with_a_site_and_no_contact() -> None:
    [finding] = c305(LEGACY / "NCT05705115.xml")
    assert (finding.line, finding.column, finding.field) == (116, 19, "overall_status")
    assert finding.severity == "warning"
    assert finding.message == (
        "the study is not yet recruiting at 1 site but names no one to reach: no central "
        "contact and no site contact; give a central contact with a telephone number or "
        "e-mail address")
    assert finding.related == []


def test_not_yet_recruiting_without_sites_or_contacts() -> None:
    [finding] = c305(LEGACY / "NCT01339988.xml")
    assert (finding.line, finding.column) == (36, 19)
    assert finding.message.startswith(
        "the study is not yet recruiting but names no one to reach")


# --- real records that must not be flagged ---------------------------------------------------


@pytest.mark.parametrize("path", [
    V2 / "NCT04040387.json",  # enrolling by invitation, no contacts: the registry asks for none
    V2 / "NCT05756322.json",  # recruiting: sites' contacts are "PI" without numbers, central has
    LEGACY / "NCT05686213.xml",  # recruiting with a site contact and no central contact
    SEEDS / "000_c17df8f03dc45045.txt",
    SEEDS / "001_020fa720e2ffd389.txt",
    SEEDS / "002_e3ee89ab0d39f9a4.txt",  # "CEO" with a telephone number: reachable
])
def test_reachable_or_not_open(path: Path) -> None:
    assert c305(path) == []


def test_partial_download_without_the_contacts_module(tmp_path: Path) -> None:
    study = {"protocolSection": {
        "identificationModule": {"nctId": "NCT09999995", "briefTitle": "Made-up study"},
        "statusModule": {"overallStatus": "RECRUITING"},
    }}
    path = tmp_path / "partial.json"
    path.write_text(json.dumps(study, indent=2), encoding="utf-8")
    assert c305(path) == []


# --- made-up records for the edge cases ------------------------------------------------------


def write_record(tmp_path: Path, status: str, central: list[dict[str, Any]],
                 sites: list[dict[str, Any]]) -> Path:
    study = {"protocolSection": {
        "identificationModule": {"nctId": "NCT09999994", "briefTitle": "Made-up study"},
        "statusModule": {"overallStatus": status},
        "contactsLocationsModule": {"centralContacts": central, "locations": sites},
    }}
    path = tmp_path / "r.json"
    path.write_text(json.dumps(study, indent=2), encoding="utf-8")
    return path


def test_contacts_without_numbers_are_counted(tmp_path: Path) -> None:
    path = write_record(tmp_path, "RECRUITING", [{"name": "Anne Roux", "role": "CONTACT"}], [
        {"facility": "Hôpital Nord", "city": "Lyon", "country": "France",
         "contacts": [{"name": "Paul Blanc", "role": "PRINCIPAL_INVESTIGATOR"}]}])
    [finding] = c305(path)
    assert finding.message == (
        "the study is recruiting at 1 site but names no one to reach: 1 central contact and 1 "
        "site contact, none with a telephone number or e-mail address; give a central contact "
        "with a telephone number or e-mail address")
    assert [r.field for r in finding.related] == ["central_contacts[0].name"]


@pytest.mark.parametrize("contact", [
    {"name": "Anne Roux", "phone": "+33 4 72 00 00 00"},
    {"name": "Anne Roux", "email": "anne.roux@example-hospital.fr"},
])
def test_one_phone_or_email_anywhere_is_enough(tmp_path: Path, contact: dict[str, Any]) -> None:
    site = {"facility": "Hôpital Nord", "city": "Lyon", "country": "France",
            "contacts": [contact]}
    assert c305(write_record(tmp_path, "NOT_YET_RECRUITING", [], [site])) == []


def test_statuses_option(tmp_path: Path) -> None:
    path = V2 / "NCT04040387.json"
    (tmp_path / "lintrials.yaml").write_text(
        "checks:\n  open-study-without-contact:\n"
        "    statuses: [RECRUITING, NOT_YET_RECRUITING, ENROLLING_BY_INVITATION]\n")
    [finding] = c305(path, search_from=tmp_path)
    assert finding.message.startswith(
        "the study is enrolling by invitation at 4 sites but names no one to reach")
    closed = write_record(tmp_path, "COMPLETED", [], [])
    assert c305(closed, search_from=tmp_path) == []
