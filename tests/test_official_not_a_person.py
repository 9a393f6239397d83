"""official-not-a-person (G101): an overall official named by an instruction, a telephone
number, an address or a label instead of a person or a title."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import CORPUS, findings, record, run_check
from lintrials.checks import official_not_a_person
from lintrials.findings import Finding
from lintrials.knowledge.contact_names import contact_lead, link_in

V2 = CORPUS / "ctgov_v2_json"
LEGACY = CORPUS / "ctgov_legacy_xml"


def g101(*paths: Path) -> list[Finding]:
    return [f for f in findings(*paths, select=["G101"]) if f.code == "G101"]


# --- real records -----------------------------------------------------------------------------


def test_eli_lillys_call_centre_sentence_as_the_study_director() -> None:
    [finding] = g101(V2 / "NCT00547508.json")
    assert (finding.line, finding.column, finding.field) == (
        240, 19, "overall_officials[0].name")
    assert finding.severity == "warning"
    assert finding.message.startswith(
        "overall official 'Call 1-877-CTLILLY (1-877-285-4559) or 1-317-615-4559 Mon - Fri")
    assert finding.message.endswith(
        "is an instruction, not a person or a title: name the official (a person, or the "
        "title of the officer or office responsible for the study), and move the way to reach "
        "the study to a central contact (the number in its phone field)")


def test_the_same_sentence_in_legacy_xml() -> None:
    [finding] = g101(LEGACY / "NCT05696847.xml")
    assert (finding.line, finding.pointer) == (
        134, "/clinical_study/overall_official[1]/last_name")
    assert "is an instruction, not a person or a title" in finding.message


def test_lundbecks_way_to_write_and_astellas_label() -> None:
    # NCT04688775 names its study director "Email contact via H. Lundbeck A/S" (and gives an
    # e-mail address as the affiliation); NCT00106392 names Astellas's "Central Contact".
    [lundbeck] = g101(V2 / "NCT04688775.json")
    assert lundbeck.line == 294
    assert "says how to reach someone, not who leads the study" in lundbeck.message
    [astellas] = g101(V2 / "NCT00106392.json")
    assert astellas.message.startswith(
        "overall official 'Central Contact' is a field label or placeholder")


def test_people_titles_offices_and_companies_are_silent() -> None:
    # "Pfizer CT.gov Call Center" (a domain-like word in an office's name), "Bayer Study
    # Director", "Clinical Transparency (dept. 2834)", "Medical Director", "ABBVIE INC.",
    # "Luca Incrocci, M.D., Ph.D.", "fouad zanaty, professor".
    assert g101(*(V2 / f"{nct}.json" for nct in (
        "NCT00141349", "NCT00377793", "NCT06326047", "NCT06312176", "NCT05861427",
        "NCT00122499", "NCT05199727"))) == []
    assert g101(LEGACY / "NCT00493792.xml", LEGACY / "NCT05694221.xml") == []


# --- own words --------------------------------------------------------------------------------


def _officials(*names: str) -> list[str]:
    return [p.message for p in run_check(official_not_a_person, record(
        overall_officials=[{"name": name, "role": "STUDY_DIRECTOR"} for name in names]))]


@pytest.mark.parametrize("name", [
    "Please refer to the central contact",
    "For more information, contact the Office of Patient Recruitment",
    "Contact: Clinical Trials Office",
    "Phone - Study Hotline",
    "Study Director, +44 20 7946 0958",
    "trials@example.org",
    "Ann Lee (ann.lee@example.org)",
    "www.example.org/clinical-trials",
    "N/A",
    "Contact Person",
    "Name: -",
])
def test_not_a_person_or_a_title(name: str) -> None:
    assert len(_officials(name)) == 1


@pytest.mark.parametrize("name", [
    "Jane Smith, MD, PhD", "Study Director", "Chief Medical Officer", "CEO",
    "Clinical Trials Office", "Study Director, Sponsor Inc", "Global Clinical Registry (GCR, 1452)",
    "Tel Aviv Sourasky Medical Center", "Callahan, John", "Sanofi ClinicalTrials.gov Desk", "",
    "   ",
])
def test_people_and_titles(name: str) -> None:
    assert _officials(name) == []


def test_messages_say_what_to_keep() -> None:
    [whole] = _officials("trials@example.org")
    assert "is an e-mail address" in whole and "name the official" in whole
    [beside] = _officials("Ann Lee (ann.lee@example.org)")
    assert "holds an e-mail address" in beside and "keep only the official's name" in beside
    [phone] = _officials("Study Director, +44 20 7946 0958")
    assert "holds a telephone number" in phone


def test_the_e_mail_span_and_the_field() -> None:
    [problem] = run_check(official_not_a_person, record(overall_officials=[
        {"name": "Jane Smith"}, {"name": "Ann Lee (ann.lee@example.org)"}]))
    assert problem.field == "overall_officials[1].name"
    assert problem.span == (9, 9 + len("ann.lee@example.org"))


def test_allowed_names() -> None:
    rec = record(overall_officials=[{"name": "Central Contact"}])
    assert run_check(official_not_a_person, rec, allowed_names=("central contact",)) == []
    assert run_check(official_not_a_person, rec)


def test_readers_of_leads_and_links() -> None:
    assert contact_lead("Email contact via H. Lundbeck A/S")
    assert not contact_lead("Tel-Aviv Sourasky Medical Center")
    assert link_in("see example.org/trials")
    assert not link_in("Pfizer CT.gov Call Center")
