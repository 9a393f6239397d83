"""Secondary IDs, keywords, sponsors and collaborators, the responsible party, oversight, the
data-sharing plan, overall officials, other intervention names and the results section's more
information, read into the model, every value located at its exact place in the source."""

from __future__ import annotations

import dataclasses
import html
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from conftest import CORPUS, record
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
# A partial download: no oversight, no data-sharing plan, no conditions module.
PARTIAL_JSON = CORPUS / "ctgov_v2_json_partial" / "NCT00500591.json"

# The fields this test is about, below the record.
EXTRA_FIELDS = ("secondary_ids", "keywords", "lead_sponsor_class", "collaborators",
                "responsible_party", "oversight", "ipd_sharing", "overall_officials",
                "more_info")
# Coded values: normalised from the source's spelling in legacy XML and on pages.
CODED = ("type", "role", "agency_class", "lead_sponsor_class", "sharing", "restriction_type")


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


def mislocated(path: Path) -> tuple[int, list[tuple[str, Any, str]]]:
    """How many of the new values the record has, and those not located at their own text."""
    item, text = parsed(path)
    values = extra_leaves(item.record)
    wrong = []
    for field, value in values:
        found = located_text(item, text, field)
        if path.suffix == ".json":
            decoded = json.loads(found)
            if decoded != value and not (isinstance(value, str) and decoded == value.strip()):
                wrong.append((field, value, found))
        elif isinstance(value, bool):
            if found not in ("Yes", "No") and "employed" not in found and "agreement" not in found:
                wrong.append((field, value, found))
        elif html.unescape(found).strip() != value.strip() and field.split(".")[-1] not in CODED:
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
