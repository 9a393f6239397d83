"""site-status-conflict (S110): a site's recruitment status against the study's status."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import CORPUS, EXAMPLES, SEEDS, findings
from lintrials.findings import Finding

V2 = CORPUS / "ctgov_v2_json"
LEGACY = CORPUS / "ctgov_legacy_xml"
# RECRUITING; three sites: NOT_YET_RECRUITING, RECRUITING, RECRUITING.
MIXED = V2 / "NCT04600544.json"


def s110(*paths: Path) -> list[Finding]:
    return [f for f in findings(*paths, select=["S110"]) if f.code == "S110"]


def edited(tmp_path: Path, status: str, site_statuses: list[str]) -> Path:
    study = json.loads(MIXED.read_text())
    study["protocolSection"]["statusModule"]["overallStatus"] = status
    sites = study["protocolSection"]["contactsLocationsModule"]["locations"]
    for site, site_status in zip(sites, site_statuses, strict=True):
        site["status"] = site_status
    path = tmp_path / MIXED.name
    path.write_text(json.dumps(study, indent=2))
    return path


# --- real records that must be flagged -----------------------------------------------------


def test_site_enrolling_by_invitation_on_a_study_not_yet_recruiting() -> None:
    [finding] = s110(LEGACY / "NCT03840122.xml")
    assert (finding.line, finding.column, finding.field) == (182, 13, "locations[0].status")
    assert finding.pointer == "/clinical_study/location[1]/status"
    assert finding.severity == "warning"
    assert finding.message == (
        "site status is ENROLLING_BY_INVITATION, but the study's overall status is "
        "NOT_YET_RECRUITING: update the site's status")
    assert [r.field for r in finding.related] == ["overall_status"]


# --- real records that must not be flagged -------------------------------------------------


def test_recruiting_study_with_sites_in_several_states() -> None:
    assert s110(MIXED, EXAMPLES / "NCT07177911.json", SEEDS / "002_e3ee89ab0d39f9a4.txt") == []


def test_sites_without_status_say_nothing() -> None:
    # Seed 000 lists 32 sites with an empty "Site Status"; NCT05490680 is ACTIVE_NOT_RECRUITING
    # and its 18 sites carry no status, as the registry shows closed sites.
    assert s110(SEEDS / "000_c17df8f03dc45045.txt", V2 / "NCT05490680.json") == []


def test_unknown_status_is_not_judged() -> None:
    # UNKNOWN, set by the registry, with a site still RECRUITING from the sponsor's last update.
    assert s110(LEGACY / "NCT00493194.xml") == []


# --- edited copies of a real record --------------------------------------------------------


def test_each_recruiting_site_of_a_study_no_longer_recruiting(tmp_path: Path) -> None:
    found = s110(edited(tmp_path, "ACTIVE_NOT_RECRUITING",
                        ["NOT_YET_RECRUITING", "RECRUITING", "RECRUITING"]))
    assert [f.field for f in found] == ["locations[1].status", "locations[2].status"]
    assert found[0].message == (
        "site status is RECRUITING, but the study's overall status is ACTIVE_NOT_RECRUITING: "
        "update the site's status")


def test_recruiting_study_without_an_enrolling_site(tmp_path: Path) -> None:
    [finding] = s110(edited(tmp_path, "RECRUITING",
                            ["NOT_YET_RECRUITING", "COMPLETED", "COMPLETED"]))
    assert finding.field == "overall_status"
    assert finding.message == (
        "status is RECRUITING, but none of the 3 sites enrols (site statuses: COMPLETED, "
        "NOT_YET_RECRUITING): update the overall status or the sites'")


def test_recruiting_study_with_a_site_of_unknown_status_is_not_judged(tmp_path: Path) -> None:
    path = edited(tmp_path, "RECRUITING", ["COMPLETED", "COMPLETED", "COMPLETED"])
    study = json.loads(path.read_text())
    del study["protocolSection"]["contactsLocationsModule"]["locations"][2]["status"]
    path.write_text(json.dumps(study, indent=2))
    assert s110(path) == []
