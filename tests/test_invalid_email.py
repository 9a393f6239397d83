"""invalid-email (C304): a contact's e-mail address whose syntax cannot be an address's."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from conftest import CORPUS, SEEDS, findings
from lintrials.checks.invalid_email import email_problem

V2 = CORPUS / "ctgov_v2_json"


def c304(*paths: Path | str) -> list[Any]:
    return [f for f in findings(*paths, select=["C304"]) if f.code == "C304"]


# --- real records that must be flagged -------------------------------------------------------


def test_two_at_signs_point_at_the_second() -> None:
    [finding] = c304(V2 / "NCT06620835.json")
    assert finding.field == "locations[23].contacts[0].email"
    assert finding.severity == "error"
    assert finding.message == (
        "e-mail address 'rschott@strasbourg@unicancer.fr' has two \"@\" signs: one address "
        "has one")
    assert (finding.line, finding.column, finding.end_column) == (670, 43, 44)
    line = (V2 / "NCT06620835.json").read_text(encoding="utf-8").splitlines()[669]
    assert line[:42].endswith('"rschott@strasbourg') and line[42] == "@"


def test_mailto_prefix() -> None:
    [finding] = c304(V2 / "NCT05743244.json")
    assert (finding.line, finding.column, finding.end_column) == (262, 25, 25 + len("mailto:"))
    assert finding.field == "locations[2].contacts[0].email"
    assert finding.message == (
        "e-mail address 'mailto:Rebecca.Wesch@ucsf.edu' starts with 'mailto:': the field "
        "holds the address alone")


def test_web_address_in_the_email_field() -> None:
    [finding] = c304(V2 / "NCT05978258.json")
    assert (finding.line, finding.column) == (133, 25)
    assert finding.message.endswith("is a web address, not an e-mail address")


# --- real records that must not be flagged ---------------------------------------------------


@pytest.mark.parametrize("path", [
    V2 / "NCT03067181.json",  # 154 addresses of sites and contacts
    V2 / "NCT06383390.json",  # 844 sites
    V2 / "NCT04073706.json",  # endo3trial@uq.edu.au
    SEEDS / "000_c17df8f03dc45045.txt",
    SEEDS / "002_e3ee89ab0d39f9a4.txt",
])
def test_good_addresses(path: Path) -> None:
    assert c304(path) == []


# --- the syntax rules, on made-up addresses --------------------------------------------------


@pytest.mark.parametrize("address", [
    "a@b.co", "first.last@sub.domain.org", "o'brien+study@example-hospital.co.uk",
    "josé@hôpital.fr", "用户@例子.广告", "a@xn--bcher-kva.de", "x_y-z@a1.b2.com",
])
def test_valid(address: str) -> None:
    assert email_problem(address) is None


@pytest.mark.parametrize(("address", "reason"), [
    (" a@b.com", "has spaces around it: remove them"),
    ("a b@c.com", "has a space in it"),
    ("a@b.com, c@d.com", "holds more than one address: the field holds one"),
    ("a@b.com or c@d.com", "holds more than one address: the field holds one"),
    ("ab.com", 'has no "@": it is not an e-mail address'),
    ("@b.com", 'has nothing before the "@"'),
    ("a@", 'has nothing after the "@"'),
    (".a@b.com", 'has a dot at the start or end of the part before the "@"'),
    ("a..b@c.com", 'has two dots in a row before the "@"'),
    ("a(b)@c.com", "has '(' before the \"@\", which an address cannot have"),
    ('"a b"@c.com', "has a space in it"),
    ("a@b", 'has no dot after the "@": \'b\' is not an internet domain'),
    ("a@b..com", 'has two dots in a row after the "@"'),
    ("a@b.com.", "ends with a dot"),
    ("a@b_c.com", "has '_' after the \"@\", which a domain cannot have"),
    ("a@-b.com", "has a domain label '-b' that starts or ends with a hyphen"),
    ("a@b.123", "ends in '123', which is no top-level domain"),
    ("a@b.c", "ends in 'c', which is no top-level domain"),
    ("a@x.test", "ends in 'test', a domain reserved for tests and local networks"),
    ("x" * 65 + "@y.com", 'has 65 characters before the "@"; at most 64'),
    ("a@b,com", "has ',' after the \"@\", which a domain cannot have"),
])
def test_invalid(address: str, reason: str) -> None:
    problem = email_problem(address)
    assert problem is not None
    assert problem[1] == reason


def test_made_up_record_points_at_the_fault(tmp_path: Path) -> None:
    study = {"protocolSection": {
        "identificationModule": {"nctId": "NCT09999996", "briefTitle": "Made-up study"},
        "contactsLocationsModule": {"centralContacts": [
            {"name": "Anne Roux", "email": "anne.roux@hopital..fr"}]},
    }}
    path = tmp_path / "r.json"
    path.write_text(json.dumps(study, indent=2), encoding="utf-8")
    [finding] = c304(path)
    line = path.read_text().splitlines()[finding.line - 1]
    # The span is the second dot of "hopital..fr".
    assert line[:finding.column - 1].endswith('"anne.roux@hopital.')
    assert line[finding.column - 1:finding.end_column - 1] == "."
    assert finding.message.endswith('has two dots in a row after the "@"')
