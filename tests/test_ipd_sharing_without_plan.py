"""ipd-sharing-without-plan (G103): a plan to share individual participant data answered Yes
with no description of which data."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from conftest import CORPUS, findings, record, run_check
from lintrials.checks import ipd_sharing_without_plan
from lintrials.findings import Finding, Problem

V2 = CORPUS / "ctgov_v2_json"
LEGACY = CORPUS / "ctgov_legacy_xml"


def g103(*paths: Path) -> list[Finding]:
    return [f for f in findings(*paths, select=["G103"]) if f.code == "G103"]


# --- real records -----------------------------------------------------------------------------


def test_a_bare_yes() -> None:
    [finding] = g103(V2 / "NCT02964858.json")
    assert (finding.line, finding.field, finding.severity) == (
        233, "ipd_sharing.sharing", "warning")
    assert finding.message == (
        "the plan to share individual participant data is Yes, but there is no plan "
        "description: say which individual participant data will be shared (for example all "
        "collected IPD, or all IPD that underlie the published results)")


def test_when_and_how_without_what() -> None:
    # NCT05191199 gives the protocol and SAP as supporting documents, "Upon publishing" and
    # "Data will become available upon reasonable request ...", but no description.
    [finding] = g103(V2 / "NCT05191199.json")
    assert finding.line == 168
    assert finding.message.endswith(
        "; the record says which supporting documents are shared, when, and how to ask, but "
        "not which data")


def test_legacy_xml() -> None:
    [bare] = g103(LEGACY / "NCT05704023.xml")
    assert (bare.line, bare.pointer) == (240, "/clinical_study/patient_data/sharing_ipd")
    [documents] = g103(LEGACY / "NCT05693467.xml")
    assert documents.message.endswith(
        "the record says which supporting documents are shared, but not which data")


def test_described_plans_and_other_answers_are_silent() -> None:
    # NCT05740449 and the XML NCT05704049 describe their Yes; NCT03810573 says only "As
    # requested" (a description, if a thin one); NCT00179517 is No and NCT02349698
    # Undecided, neither with a description; NCT00122499 has no sharing statement.
    assert g103(V2 / "NCT05740449.json", LEGACY / "NCT05704049.xml", V2 / "NCT03810573.json",
                V2 / "NCT00179517.json", V2 / "NCT02349698.json", V2 / "NCT00122499.json") == []


# --- own words --------------------------------------------------------------------------------


def _plan(**ipd: Any) -> list[Problem]:
    return run_check(ipd_sharing_without_plan, record(ipd_sharing=ipd))


@pytest.mark.parametrize("description", ["", "   ", "N/A", "TBD", "-", "none"])
def test_blank_or_placeholder_descriptions(description: str) -> None:
    [problem] = _plan(sharing="YES", description=description)
    assert problem.field == "ipd_sharing.description"
    assert problem.related == ("ipd_sharing.sharing",)


def test_the_placeholder_is_quoted() -> None:
    [problem] = _plan(sharing="YES", description="N/A", url="https://example.org/ipd")
    assert "only a placeholder ('N/A')" in problem.message
    assert problem.message.endswith("the record says where to read more, but not which data")


def test_every_other_part_is_not_a_description() -> None:
    [problem] = _plan(sharing="YES", info_types=["STUDY_PROTOCOL"], time_frame="2027",
                      access_criteria="On request to the sponsor", url="https://example.org")
    assert problem.message.endswith(
        "which supporting documents are shared, when, how to ask, and where to read more, "
        "but not which data")


def test_no_undecided_and_described() -> None:
    assert _plan(sharing="NO") == []
    assert _plan(sharing="UNDECIDED", description="") == []
    assert _plan(sharing="YES", description="All collected IPD") == []
    assert _plan(sharing=None) == []
    assert run_check(ipd_sharing_without_plan, record()) == []
