"""oversight-contradicts-record (G102): U.S. FDA oversight answers that the data element
definitions make impossible beside another answer of the record or its sites."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from conftest import CORPUS, findings, record, run_check
from lintrials.checks import oversight_contradicts_record as g102_module
from lintrials.findings import Finding, Problem
from lintrials.knowledge.geo import in_united_states

V2 = CORPUS / "ctgov_v2_json"
LEGACY = CORPUS / "ctgov_legacy_xml"


def g102(*paths: Path) -> list[Finding]:
    return [f for f in findings(*paths, select=["G102"]) if f.code == "G102"]


# --- real records -----------------------------------------------------------------------------


def test_exported_yet_not_fda_regulated_and_only_us_sites() -> None:
    # NCT05405374: a bone-graft study at nine U.S. sites answering drug No, device No, and
    # "Product Manufactured in and Exported from the U.S." Yes.
    [finding] = g102(V2 / "NCT05405374.json")
    assert (finding.line, finding.field, finding.severity) == (
        58, "oversight.is_us_export", "warning")
    assert finding.message == (
        "the record says a product it studies is manufactured in and exported from the U.S., "
        "yet it studies no U.S. FDA-regulated drug or device product (a product made in the "
        "U.S. and exported for study is one) and all 9 of its sites are in the United States "
        "(the question is about products exported for a study in another country): correct "
        "the answer that is wrong")
    assert [r.field for r in finding.related] == [
        "oversight.is_fda_regulated_drug", "oversight.is_fda_regulated_device",
        "locations[0].country"]


def test_exported_to_pakistan_yet_no_fda_regulated_device() -> None:
    [finding] = g102(V2 / "NCT04947163.json")
    assert finding.line == 59
    assert "no U.S. FDA-regulated drug or device product" in finding.message
    assert "sites" not in finding.message


def test_exported_from_the_us_for_a_study_at_home() -> None:
    # NCT05016050: a digital therapeutic studied remotely from one U.S. site.
    [finding] = g102(V2 / "NCT05016050.json")
    assert "yet its only site is in the United States" in finding.message


def test_consistent_answers_are_silent() -> None:
    # NCT03118986 and NCT03067181 export for sites in the U.S. and abroad (Puerto Rico among
    # them); NCT05147779 exports to Antigua; NCT04948307 a not-approved device, device Yes;
    # NCT06065748 a device Yes with only drug and diagnostic-test interventions (an in-vitro
    # diagnostic is a device).
    assert g102(*(V2 / f"{nct}.json" for nct in (
        "NCT03118986", "NCT03067181", "NCT05147779", "NCT04948307", "NCT06065748"))) == []
    # Legacy XML: a drug exported for sites in Australia, Greece and Japan; a knee-implant
    # study answering device Yes.
    assert g102(LEGACY / "NCT05704049.xml", LEGACY / "NCT00493792.xml") == []


# --- own words --------------------------------------------------------------------------------


def _problems(oversight: dict[str, Any], countries: tuple[str | None, ...] = ("Canada",),
              types: tuple[str, ...] = ("DEVICE",)) -> list[Problem]:
    return run_check(g102_module, record(
        oversight=oversight,
        locations=[{"country": country} for country in countries],
        interventions=[{"type": kind, "name": kind.lower()} for kind in types]))


def test_unapproved_or_surveillance_device_without_an_fda_regulated_device() -> None:
    [problem] = _problems({"is_fda_regulated_device": False, "is_unapproved_device": True})
    assert problem.field == "oversight.is_unapproved_device"
    assert problem.related == ("oversight.is_fda_regulated_device",)
    [ppsd] = _problems({"is_fda_regulated_device": False, "is_ppsd": True})
    assert ppsd.field == "oversight.is_ppsd"
    assert _problems({"is_fda_regulated_device": True, "is_unapproved_device": True,
                      "is_ppsd": True}) == []
    # A device question left unanswered is not a No.
    assert _problems({"is_unapproved_device": True, "is_ppsd": True}) == []


def test_export_needs_a_regulated_product_and_a_site_abroad() -> None:
    assert _problems({"is_fda_regulated_drug": False, "is_fda_regulated_device": False,
                      "is_us_export": True})
    assert _problems({"is_fda_regulated_drug": True, "is_us_export": True},
                     countries=("United States", "Puerto Rico"))
    # One answered, one not; a site abroad; no site listed; a site of unknown country.
    assert _problems({"is_fda_regulated_drug": False, "is_us_export": True}) == []
    assert _problems({"is_fda_regulated_drug": True, "is_us_export": True},
                     countries=("United States", "Canada")) == []
    assert _problems({"is_fda_regulated_device": True, "is_us_export": True},
                     countries=()) == []
    assert _problems({"is_fda_regulated_device": True, "is_us_export": True},
                     countries=("United States", None)) == []
    assert _problems({"is_fda_regulated_device": True, "is_us_export": False},
                     countries=("United States",)) == []


def test_interventions_of_another_type_are_not_a_contradiction() -> None:
    assert _problems({"is_fda_regulated_drug": True, "is_fda_regulated_device": True},
                     types=("DIAGNOSTIC_TEST", "RADIATION", "PROCEDURE")) == []
    assert run_check(g102_module, record()) == []


def test_us_territories() -> None:
    assert [in_united_states(c) for c in (
        "United States", "Puerto Rico", "Guam", "Virgin Islands (U.S.)", "Mexico", None)] == [
        True, True, True, True, False, None]
