"""Secondary IDs, keywords, sponsors and collaborators, the responsible party, oversight, the
data-sharing plan, overall officials, other intervention names and the results section's more
information, read into the model, every value located at its exact place in the source."""

from __future__ import annotations

import dataclasses
import html
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from conftest import CORPUS, SEEDS, record
from lintrials.files import read
from lintrials.formats import ParsedRecord, detect
from lintrials.model import Record
from lintrials.source import Source

V2 = CORPUS / "ctgov_v2_json"
# EudraCT and WHO secondary IDs, keywords, oversight, a whole data-sharing plan, officials,
# other names, an agreement of type OTHER with its details and a results point of contact.
RICH_JSON = V2 / "NCT06094296.json"
# Collaborators, an investigator as responsible party, NIH grants with links, limitations.
INVESTIGATOR_JSON = V2 / "NCT00763412.json"
OLD_PARTY_JSON = V2 / "NCT00007696.json"  # a responsible party of the old form (name, org)
PHONE_EXT_JSON = V2 / "NCT05594173.json"  # a results point of contact with an extension
XML = CORPUS / "ctgov_legacy_xml"
# Collaborators, a whole data-sharing plan, oversight with the export flag, keywords.
RICH_XML = XML / "NCT05700877.xml"
OTHER_NAMES_XML = XML / "NCT05705427.xml"  # interventions with other names
OTHER_AGREEMENT_XML = XML / "NCT00460655.xml"  # a restriction in the sponsor's own words
NO_AGREEMENT_XML = XML / "NCT00495794.xml"  # investigators employed, no agreement, caveats
GT60_XML = XML / "NCT00492401.xml"  # an embargo of more than 60 days, secondary IDs
LTE60_XML = XML / "NCT00497289.xml"  # an embargo of at most 60 days
OLD_PARTY_XML = XML / "NCT00498407.xml"  # a responsible party of the old form
# A partial download: no oversight, no data-sharing plan, no conditions module.
PARTIAL_JSON = CORPUS / "ctgov_v2_json_partial" / "NCT00500591.json"

# The fields this test is about, below the record.
EXTRA_FIELDS = ("secondary_ids", "keywords", "lead_sponsor_class", "collaborators",
                "responsible_party", "oversight", "ipd_sharing", "overall_officials",
                "more_info")
# Coded values: normalised from the source's spelling in legacy XML and on pages.
CODED = ("type", "role", "agency_class", "lead_sponsor_class", "sharing")


def parsed(path: Path) -> tuple[ParsedRecord, str]:
    (source,) = list(read(str(path)))
    assert isinstance(source, Source)
    fmt = detect(source.path, source.text)
    assert fmt is not None
    (item,) = [x for x in fmt.parse(source) if isinstance(x, ParsedRecord)]
    return item, source.text


def leaves(value: Any, path: str) -> Iterator[tuple[str, str | bool]]:
    """(field path, value) of every text and yes/no value below ``value``."""
    if dataclasses.is_dataclass(value):
        for f in dataclasses.fields(value):
            yield from leaves(getattr(value, f.name), f"{path}.{f.name}")
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from leaves(item, f"{path}[{i}]")
    elif isinstance(value, bool) or (isinstance(value, str) and value.strip()):
        yield path, value


def extra_leaves(record: Record) -> list[tuple[str, str | bool]]:
    found = [x for name in EXTRA_FIELDS for x in leaves(getattr(record, name), name)]
    for i, intervention in enumerate(record.interventions):
        found += leaves(intervention.other_names, f"interventions[{i}].other_names")
    return found


def located_text(item: ParsedRecord, text: str, field: str) -> str:
    position, _ = item.locator.locate(field, None)
    lines = text.split("\n")
    if position.line == position.end_line:
        return lines[position.line - 1][position.column - 1 : position.end_column - 1]
    first = lines[position.line - 1][position.column - 1 :]
    middle = lines[position.line : position.end_line - 1]
    last = lines[position.end_line - 1][: position.end_column - 1]
    return "\n".join([first, *middle, last])


def _xml_value_fits(field: str, value: str | bool, found: str) -> bool:
    """Whether the text located for a legacy XML value says that value."""
    name = re.sub(r"\[\d+\]$", "", field.split(".")[-1])
    said = html.unescape(found).strip()
    if name == "pi_sponsor_employee":
        return ("ARE employed" in said) is value and "employed" in said
    if name in ("restrictive_agreement", "restriction_type"):  # read from one sentence
        return value is (not said.startswith("There is NOT")) or isinstance(value, str)
    if isinstance(value, bool):
        return said == ("Yes" if value else "No")
    if name in CODED or name == "info_types":  # "U.S. Fed" is FED, "... Plan (SAP)" SAP
        return value.replace("_", "") in re.sub(r"[^A-Z0-9]", "", said.upper())
    return said == value.strip()


def mislocated(path: Path) -> tuple[int, list[tuple[str, Any, str]]]:
    """How many of the new values the record has, and those not located at their own text."""
    item, text = parsed(path)
    values = extra_leaves(item.record)
    wrong = []
    for field, value in values:
        found = located_text(item, text, field)
        if path.suffix == ".json":
            decoded = json.loads(found)
            fits = decoded == value or (isinstance(value, str) and decoded == value.strip())
        else:
            fits = _xml_value_fits(field, value, found)
        if not fits:
            wrong.append((field, value, found))
    return len(values), wrong


@pytest.mark.parametrize("path", [RICH_JSON, INVESTIGATOR_JSON, OLD_PARTY_JSON, PHONE_EXT_JSON],
                         ids=lambda p: p.stem)
def test_every_new_json_value_is_located_at_its_own_text(path: Path) -> None:
    count, wrong = mislocated(path)
    assert count >= 8
    assert wrong == []


def test_json_identifiers_sponsors_and_oversight() -> None:
    r = parsed(RICH_JSON)[0].record
    assert [(s.id, s.type, s.domain) for s in r.secondary_ids] == [
        ("2022-503007-22", "EUDRACT_NUMBER", None), ("U1111-1282-5699", "OTHER", "WHO")]
    assert r.lead_sponsor_class == "INDUSTRY" and r.collaborators == []
    assert r.responsible_party is not None and r.responsible_party.type == "SPONSOR"
    assert r.oversight is not None
    assert (r.oversight.has_dmc, r.oversight.is_fda_regulated_drug,
            r.oversight.is_fda_regulated_device, r.oversight.is_us_export) == (
        False, True, False, None)
    assert [(o.name, o.role) for o in r.overall_officials] == [
        ("Bristol-Myers Squibb", "STUDY_DIRECTOR")]
    assert [i.other_names for i in r.interventions][:3] == [
        ["Anti-NKG2A"], ["Opdivo", "BMS-936558"], []]
    assert r.keywords


def test_json_data_sharing_and_more_information() -> None:
    r = parsed(RICH_JSON)[0].record
    assert r.ipd_sharing is not None
    assert r.ipd_sharing.sharing == "YES"
    assert r.ipd_sharing.info_types == ["STUDY_PROTOCOL", "SAP", "CSR"]
    assert r.ipd_sharing.url and r.ipd_sharing.url.startswith("https://www.bms.com/")
    assert r.more_info is not None and r.more_info.limitations is None
    agreement = r.more_info.certain_agreement
    assert agreement is not None
    assert (agreement.pi_sponsor_employee, agreement.restriction_type,
            agreement.restrictive_agreement) == (False, "OTHER", True)
    assert agreement.other_details and "embargo" in agreement.other_details
    contact = r.more_info.point_of_contact
    assert contact is not None and contact.phone == "Please email"
    assert contact.email == "Clinical.Trials@bms.com" and contact.phone_ext is None


def test_json_investigator_collaborators_and_limitations() -> None:
    r = parsed(INVESTIGATOR_JSON)[0].record
    assert r.collaborators and all(c.name and c.agency_class for c in r.collaborators)
    party = r.responsible_party
    assert party is not None and party.type == "PRINCIPAL_INVESTIGATOR"
    assert party.investigator_full_name and party.investigator_affiliation
    assert any(s.type == "NIH" and s.link for s in r.secondary_ids)
    assert r.more_info is not None and r.more_info.limitations
    old = parsed(OLD_PARTY_JSON)[0].record.responsible_party
    assert old is not None and old.old_name_title and old.old_organization


def test_what_a_partial_download_left_out_is_none_or_empty() -> None:
    item, _ = parsed(PARTIAL_JSON)
    r = item.record
    assert "oversightModule" not in r.sections
    assert "ipdSharingStatementModule" not in r.sections
    assert r.oversight is None and r.ipd_sharing is None and r.more_info is None
    assert r.keywords == [] and r.secondary_ids == []
    # Locating an absent value points at what holds it, as for any absent field.
    position, pointer = item.locator.locate("oversight.has_dmc", None)
    assert pointer == "/protocolSection/oversightModule/oversightHasDmc"
    assert position.line >= 1


def test_a_value_of_the_wrong_type_is_reported_and_not_read(tmp_path: Path) -> None:
    study = json.loads(RICH_JSON.read_text(encoding="utf-8"))
    study["protocolSection"]["oversightModule"]["oversightHasDmc"] = "No"
    study["protocolSection"]["conditionsModule"]["keywords"] = "lung cancer"
    path = tmp_path / "study.json"
    path.write_text(json.dumps(study, indent=2), encoding="utf-8")
    (source,) = list(read(str(path)))
    assert isinstance(source, Source)
    fmt = detect(source.path, source.text)
    assert fmt is not None
    items = list(fmt.parse(source))
    problems = [x for x in items if not isinstance(x, ParsedRecord)]
    assert sorted(p.pointer or "" for p in problems) == [
        "/protocolSection/conditionsModule/keywords",
        "/protocolSection/oversightModule/oversightHasDmc"]
    (item,) = [x for x in items if isinstance(x, ParsedRecord)]
    assert item.record.oversight is not None and item.record.oversight.has_dmc is None
    assert item.record.keywords == []


def test_unit_tests_can_build_the_new_parts_from_dicts() -> None:
    r = record(oversight={"has_dmc": True}, collaborators=[{"name": "NCI", "agency_class": "NIH"}],
               more_info={"point_of_contact": {"title": "Study Director"}})
    assert r.oversight is not None and r.oversight.has_dmc is True
    assert r.collaborators[0].agency_class == "NIH"
    assert r.more_info is not None and r.more_info.point_of_contact is not None
    assert r.more_info.point_of_contact.title == "Study Director"


@pytest.mark.parametrize("path", [RICH_XML, OTHER_NAMES_XML, OTHER_AGREEMENT_XML,
                                  NO_AGREEMENT_XML, GT60_XML, LTE60_XML, OLD_PARTY_XML],
                         ids=lambda p: p.stem)
def test_every_new_xml_value_is_located_at_its_own_text(path: Path) -> None:
    count, wrong = mislocated(path)
    assert count >= 8
    assert wrong == []


def test_xml_values_take_the_api_spelling() -> None:
    r = parsed(RICH_XML)[0].record
    assert r.lead_sponsor_class == "OTHER"
    assert r.collaborators and all(c.agency_class for c in r.collaborators)
    assert r.responsible_party is not None and r.responsible_party.type == "SPONSOR_INVESTIGATOR"
    assert r.oversight is not None and r.oversight.is_us_export is not None
    assert r.oversight.is_ppsd is None  # the record does not say
    ipd = r.ipd_sharing
    assert ipd is not None and ipd.sharing in ("YES", "NO", "UNDECIDED")
    assert ipd.info_types and set(ipd.info_types) <= {
        "STUDY_PROTOCOL", "SAP", "ICF", "CSR", "ANALYTIC_CODE"}
    assert r.overall_officials and all(o.role for o in r.overall_officials)
    assert r.keywords
    assert any(i.other_names for i in parsed(OTHER_NAMES_XML)[0].record.interventions)
    old = parsed(OLD_PARTY_XML)[0].record.responsible_party
    assert old is not None and old.type is None and old.old_name_title


def test_xml_agreements_are_read_from_the_registry_sentences() -> None:
    def agreement(path: Path) -> Any:
        info = parsed(path)[0].record.more_info
        assert info is not None and info.point_of_contact is not None
        assert info.point_of_contact.title and info.point_of_contact.organization
        return info.certain_agreement

    other = agreement(OTHER_AGREEMENT_XML)
    assert (other.pi_sponsor_employee, other.restrictive_agreement, other.restriction_type) == (
        False, True, "OTHER")
    assert other.other_details.startswith("GSK agreements may vary")
    none = agreement(NO_AGREEMENT_XML)
    assert (none.pi_sponsor_employee, none.restrictive_agreement, none.restriction_type,
            none.other_details) == (True, False, None, None)
    assert parsed(NO_AGREEMENT_XML)[0].record.more_info.limitations  # type: ignore[union-attr]
    for path, kind in ((GT60_XML, "GT60"), (LTE60_XML, "LTE60")):
        embargo = agreement(path)
        assert (embargo.restrictive_agreement, embargo.restriction_type,
                embargo.other_details) == (True, kind, None)


def test_xml_secondary_ids_are_their_text_alone() -> None:
    r = parsed(GT60_XML)[0].record
    assert r.secondary_ids and all(s.id and s.type is None and s.domain is None
                                   for s in r.secondary_ids)


def test_an_xml_record_without_results_or_statements_has_none() -> None:
    r = parsed(OLD_PARTY_XML)[0].record
    assert r.more_info is None and r.ipd_sharing is None
    assert "ipdSharingStatementModule" in r.sections  # a legacy record is whole


PAGE = SEEDS / "001_020fa720e2ffd389.txt"  # a lead sponsor, a principal investigator


def edited_page(tmp_path: Path) -> Path:
    """The seed page with what other pages show too, written as the page writes its sections:
    a collaborator, keywords, and a EudraCT number beside the sponsor's own ID."""
    text = PAGE.read_text(encoding="utf-8")
    text = text.replace("Sponsor Role lead\n", "Sponsor Role lead\n\nHunan Provincial People's "
                        "Hospital\n\nOTHER_GOV\n\nSponsor Role collaborator\n", 1)
    text = text.replace("Eligibility Criteria\n", "Keywords\n\nWords that describe the trial.\n\n"
                        "lupus nephritis\n\nCD19\n\nEligibility Criteria\n", 1)
    text = text.replace("Identifier Source: org_study_id\n", "Identifier Source: org_study_id\n\n"
                        "2025-001234-12\n\nIdentifier Type: EUDRACT_NUMBER\n\n"
                        "Identifier Source: secondary_id\n", 1)
    path = tmp_path / PAGE.name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_page_reads_sponsors_investigators_and_identifiers(tmp_path: Path) -> None:
    r = parsed(PAGE)[0].record
    assert (r.lead_sponsor_class, r.collaborators, r.secondary_ids, r.keywords) == (
        "OTHER", [], [], [])
    assert r.responsible_party is not None and r.responsible_party.type == "SPONSOR"
    assert [(o.name, o.role, o.affiliation) for o in r.overall_officials] == [
        ("Hai Long", "PRINCIPAL_INVESTIGATOR", "Second Xiangya Hospital of Central South "
         "University")]
    assert r.org_study_id == "CM355_SLE_IIT"  # the sponsor's own ID is no secondary ID
    edited = parsed(edited_page(tmp_path))[0].record
    assert [(c.name, c.agency_class) for c in edited.collaborators] == [
        ("Hunan Provincial People's Hospital", "OTHER_GOV")]
    assert edited.lead_sponsor == r.lead_sponsor and edited.lead_sponsor_class == "OTHER"
    assert edited.keywords == ["lupus nephritis", "CD19"]
    assert [(s.id, s.type) for s in edited.secondary_ids] == [("2025-001234-12", "EUDRACT_NUMBER")]
    assert edited.org_study_id == "CM355_SLE_IIT"
    assert edited.oversight is None and edited.ipd_sharing is None
    assert "ipdSharingStatementModule" not in edited.sections  # a page never shows them


def test_every_new_page_value_is_located_at_its_own_text(tmp_path: Path) -> None:
    item, text = parsed(edited_page(tmp_path))
    values = extra_leaves(item.record)
    assert len(values) == 11
    assert [(f, v) for f, v in values if located_text(item, text, f) != v] == []
    # An absent value is placed at the section that would hold it.
    bare = parsed(PAGE)[0]
    position, _ = bare.locator.locate("secondary_ids[0].id", None)
    assert PAGE.read_text(encoding="utf-8").split("\n")[position.line - 1] == "Other Identifiers"
