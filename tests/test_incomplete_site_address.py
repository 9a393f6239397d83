"""incomplete-site-address (L213): a site has no city or no country."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from conftest import CORPUS, EXAMPLES, findings

PARTIAL = CORPUS / "ctgov_v2_json_partial"


def l213(*paths: Path | str) -> list[Any]:
    return [f for f in findings(*paths, select=["L213"]) if f.code == "L213"]


def study(tmp_path: Path, modules: dict[str, Any], *sites: dict[str, str]) -> Path:
    path = tmp_path / "NCT09999996.json"
    path.write_text(json.dumps({"protocolSection": {
        "identificationModule": {"nctId": "NCT09999996"},
        **modules,
        "contactsLocationsModule": {"locations": list(sites)},
    }}, indent=2))
    return path


def complete_modules() -> dict[str, Any]:
    return {
        "statusModule": {"overallStatus": "RECRUITING"},
        "sponsorCollaboratorsModule": {"leadSponsor": {"name": "S"}},
        "descriptionModule": {"briefSummary": "A study."},
        "conditionsModule": {"conditions": ["Psoriasis"]},
        "designModule": {"studyType": "INTERVENTIONAL"},
        "eligibilityModule": {"eligibilityCriteria": "Adults."},
    }


def test_legacy_site_with_no_address_at_all() -> None:
    [finding] = l213(CORPUS / "ctgov_legacy_xml" / "NCT00462956.xml")
    assert (finding.line, finding.column) == (180, 13)  # its <name>
    assert finding.field == "locations[8].facility"
    assert finding.severity == "warning"
    assert finding.message == "site 9 of 9 (GSK Investigational Site) has no city and no country"


def test_partial_download_of_cities_only_is_not_a_defect() -> None:
    # NCT01601704 was fetched with a fields= filter: each of its 224 sites carries only its
    # city.
    assert l213(PARTIAL / "NCT01601704.json", PARTIAL / "NCT03574597.json") == []


def test_complete_records_and_seeds_have_every_city_and_country() -> None:
    assert l213(EXAMPLES, CORPUS / "ctgov_v2_json" / "NCT02513394.json") == []


def test_partial_record_where_other_sites_have_the_field(tmp_path: Path) -> None:
    path = study(tmp_path, {},
                 {"city": "Lyon", "country": "France"},
                 {"facility": "Hôpital Nord", "city": "Marseille"})
    [finding] = l213(path)
    assert finding.field == "locations[1].facility"
    assert finding.message == "site 2 of 2 (Hôpital Nord) has no country"


def test_complete_record_site_without_city(tmp_path: Path) -> None:
    path = study(tmp_path, complete_modules(), {"country": "France"}, {})
    found = l213(path)
    assert [(f.field, f.message) for f in found] == [
        ("locations[0].country", "site 1 of 2 has no city"),
        ("locations[1].country", "site 2 of 2 has no city and no country"),
    ]


def test_a_placeholder_for_the_city_or_country_is_none(tmp_path: Path) -> None:
    path = study(tmp_path, complete_modules(),
                 {"facility": "Hôpital Nord", "city": "-", "country": "France"},
                 {"facility": "Hôpital Sud", "city": "Lyon", "country": "N/A"},
                 {"facility": "Hôpital Est", "city": "Nancy", "country": "France"})
    found = l213(path)
    assert [f.message for f in found] == [
        "site 1 of 3 (Hôpital Nord) has no city (the city says '-')",
        "site 2 of 3 (Hôpital Sud) has no country (the country says 'N/A')",
    ]
