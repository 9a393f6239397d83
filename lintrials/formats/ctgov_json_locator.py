"""Where a model field sits in a ClinicalTrials.gov API v2 JSON document, and fix edits on it.

`pointer_for` turns a field path of the model into a JSON Pointer below the study object;
`JsonLocator` finds that pointer in the raw text (walking from the study's first character, with
`jsonpos`) to give a finding its position and to write a fix as an edit of the file.
"""

from __future__ import annotations

from typing import Any

import orjson

from lintrials.findings import Edit, Fix, Position
from lintrials.formats import ctgov_json_results, edit
from lintrials.formats.ctgov_json_record import PROTOCOL
from lintrials.formats.fields import walk
from lintrials.formats.jsonpos import (
    ObjectKeys,
    PointerNotFound,
    StringEscapes,
    element_starts,
    find_pointer,
    split_pointer,
    string_span,
)
from lintrials.source import Source

_P = PROTOCOL
# An outcome's kind is the list it is in: it is located at the outcome itself ("").
_OUTCOME = {"measure": "measure", "description": "description", "time_frame": "timeFrame",
            "kind": ""}
_CONTACT = {
    "name": "name",
    "role": "role",
    "phone": "phone",
    "phone_ext": "phoneExt",
    "email": "email",
}
_DATE = {"date": "date", "type": "type"}
# Field path of the model -> JSON Pointer segments. A tuple is a list or struct: its path and the
# table for what lies inside it.
_TABLE: dict[str, Any] = {
    "nct_id": f"{_P}/identificationModule/nctId",
    "org_study_id": f"{_P}/identificationModule/orgStudyIdInfo/id",
    "brief_title": f"{_P}/identificationModule/briefTitle",
    "official_title": f"{_P}/identificationModule/officialTitle",
    "acronym": f"{_P}/identificationModule/acronym",
    "secondary_ids": (
        f"{_P}/identificationModule/secondaryIdInfos",
        {"id": "id", "type": "type", "domain": "domain", "link": "link"},
    ),
    "brief_summary": f"{_P}/descriptionModule/briefSummary",
    "detailed_description": f"{_P}/descriptionModule/detailedDescription",
    "conditions": f"{_P}/conditionsModule/conditions",
    "keywords": f"{_P}/conditionsModule/keywords",
    "overall_status": f"{_P}/statusModule/overallStatus",
    "why_stopped": f"{_P}/statusModule/whyStopped",
    "status_verified_date": f"{_P}/statusModule/statusVerifiedDate",
    "start_date": (f"{_P}/statusModule/startDateStruct", _DATE),
    "primary_completion_date": (f"{_P}/statusModule/primaryCompletionDateStruct", _DATE),
    "completion_date": (f"{_P}/statusModule/completionDateStruct", _DATE),
    "first_submitted_date": f"{_P}/statusModule/studyFirstSubmitDate",
    "last_update_submitted_date": f"{_P}/statusModule/lastUpdateSubmitDate",
    "last_update_posted_date": f"{_P}/statusModule/lastUpdatePostDateStruct/date",
    "last_update_posted_type": f"{_P}/statusModule/lastUpdatePostDateStruct/type",
    "study_type": f"{_P}/designModule/studyType",
    "phases": f"{_P}/designModule/phases",
    "allocation": f"{_P}/designModule/designInfo/allocation",
    "intervention_model": f"{_P}/designModule/designInfo/interventionModel",
    "intervention_model_description":
        f"{_P}/designModule/designInfo/interventionModelDescription",
    "primary_purpose": f"{_P}/designModule/designInfo/primaryPurpose",
    "masking": f"{_P}/designModule/designInfo/maskingInfo/masking",
    "who_masked": f"{_P}/designModule/designInfo/maskingInfo/whoMasked",
    "enrollment_count": f"{_P}/designModule/enrollmentInfo/count",
    "enrollment_type": f"{_P}/designModule/enrollmentInfo/type",
    "arms": (
        f"{_P}/armsInterventionsModule/armGroups",
        {
            "label": "label",
            "type": "type",
            "description": "description",
            "intervention_names": "interventionNames",
        },
    ),
    "interventions": (
        f"{_P}/armsInterventionsModule/interventions",
        {
            "type": "type",
            "name": "name",
            "description": "description",
            "arm_group_labels": "armGroupLabels",
            "other_names": "otherNames",
        },
    ),
    "primary_outcomes": (f"{_P}/outcomesModule/primaryOutcomes", _OUTCOME),
    "secondary_outcomes": (f"{_P}/outcomesModule/secondaryOutcomes", _OUTCOME),
    "other_outcomes": (f"{_P}/outcomesModule/otherOutcomes", _OUTCOME),
    "eligibility": (
        f"{_P}/eligibilityModule",
        {
            "criteria": "eligibilityCriteria",
            "sex": "sex",
            "minimum_age": "minimumAge",
            "maximum_age": "maximumAge",
            "std_ages": "stdAges",
            "healthy_volunteers": "healthyVolunteers",
        },
    ),
    "results": (ctgov_json_results.RESULTS, ctgov_json_results.TABLE),
    "more_info": (ctgov_json_results.MORE_INFO, ctgov_json_results.MORE_INFO_TABLE),
    "lead_sponsor": f"{_P}/sponsorCollaboratorsModule/leadSponsor/name",
    "lead_sponsor_class": f"{_P}/sponsorCollaboratorsModule/leadSponsor/class",
    "collaborators": (
        f"{_P}/sponsorCollaboratorsModule/collaborators",
        {"name": "name", "agency_class": "class"},
    ),
    "responsible_party": (
        f"{_P}/sponsorCollaboratorsModule/responsibleParty",
        {
            "type": "type",
            "investigator_full_name": "investigatorFullName",
            "investigator_title": "investigatorTitle",
            "investigator_affiliation": "investigatorAffiliation",
            "old_name_title": "oldNameTitle",
            "old_organization": "oldOrganization",
        },
    ),
    "oversight": (
        f"{_P}/oversightModule",
        {
            "has_dmc": "oversightHasDmc",
            "is_fda_regulated_drug": "isFdaRegulatedDrug",
            "is_fda_regulated_device": "isFdaRegulatedDevice",
            "is_unapproved_device": "isUnapprovedDevice",
            "is_ppsd": "isPpsd",
            "is_us_export": "isUsExport",
        },
    ),
    "ipd_sharing": (
        f"{_P}/ipdSharingStatementModule",
        {
            "sharing": "ipdSharing",
            "description": "description",
            "info_types": "infoTypes",
            "time_frame": "timeFrame",
            "access_criteria": "accessCriteria",
            "url": "url",
        },
    ),
    "overall_officials": (
        f"{_P}/contactsLocationsModule/overallOfficials",
        {"name": "name", "affiliation": "affiliation", "role": "role"},
    ),
    "central_contacts": (f"{_P}/contactsLocationsModule/centralContacts", _CONTACT),
    "locations": (
        f"{_P}/contactsLocationsModule/locations",
        {
            "facility": "facility",
            "status": "status",
            "city": "city",
            "state": "state",
            "zip": "zip",
            "country": "country",
            "contacts": ("contacts", _CONTACT),
        },
    ),
}


def pointer_for(field: str) -> str:
    """JSON Pointer of a model field path, relative to the study object."""
    pointer = ""
    for path, index, _ in walk(_TABLE, field):
        if path:
            pointer += "/" + path
        if index is not None:
            pointer += f"/{index}"
    return pointer


class JsonLocator:
    """Finds a record's fields in the raw text, walking from the record's first character."""

    def __init__(self, source: Source, base: str, start: int) -> None:
        self.source = source
        self.base = base  # pointer of the study object in its document
        self.start = start  # offset of the study object's first character
        self._arrays: dict[int, list[int]] = {}  # element offsets of arrays walked so far
        self._objects: dict[int, ObjectKeys] = {}  # keys of objects walked so far
        self._strings: dict[int, StringEscapes] = {}  # escapes of strings mapped so far

    def start_offset(self) -> int:
        return self.start

    def locate(
        self, field: str | None, span: tuple[int, int] | None
    ) -> tuple[Position, str | None]:
        relative = pointer_for(field) if field else ""
        text = self.source.text
        try:
            start, end = find_pointer(
                text, self.start_offset(), split_pointer(relative), self._arrays, self._objects
            )
        except PointerNotFound as missing:
            # The field is absent: point at the deepest part of the path that exists.
            start = missing.offset
            end = start + 1
        else:
            if span is not None and text.startswith('"', start):
                start, end = string_span(text, start, span, self._strings)
        return self.source.position(start, end), self.base + relative or "/"

    def fix_edits(self, fix: Fix, field: str) -> list[Edit]:
        text = self.source.text
        tokens = split_pointer(pointer_for(field))
        try:
            start, end = find_pointer(
                text, self.start_offset(), tokens, self._arrays, self._objects
            )
        except PointerNotFound:
            return []
        if fix.remove:
            if not tokens or not tokens[-1].isdigit():
                return []
            return [edit(self.source, *_element_removal(text, start, end), "")]
        if not text.startswith('"', start):
            return []  # only text values are rewritten
        if fix.span is not None:
            start, end = string_span(text, start, fix.span, self._strings)
        else:
            start, end = start + 1, end - 1
        escaped = orjson.dumps(fix.replacement).decode()[1:-1]
        return [edit(self.source, start, end, escaped)]


class LazyArrayLocator(JsonLocator):
    """A locator for element ``index`` of an array, whose offset is found on first use."""

    def __init__(self, source: Source, base: str, starts: ArrayOffsets, index: int) -> None:
        super().__init__(source, base, 0)
        self._starts = starts
        self._index = index

    def start_offset(self) -> int:
        return self._starts.get(self._index)


class ArrayOffsets:
    def __init__(self, text: str, pointer_tokens: list[str]) -> None:
        self.text = text
        self.tokens = pointer_tokens
        self._starts: list[int] | None = None

    def get(self, index: int) -> int:
        if self._starts is None:
            array_start, _ = find_pointer(self.text, 0, self.tokens)
            self._starts = element_starts(self.text, array_start)
        return self._starts[index]


def _element_removal(text: str, start: int, end: int) -> tuple[int, int]:
    """What to delete to remove an array element: it and the separator before (or after) it."""
    before = start - 1
    while before >= 0 and text[before] in " \t\n\r":
        before -= 1
    if before >= 0 and text[before] == ",":
        return before, end  # from the previous element's comma to this element's end
    after = end
    while after < len(text) and text[after] in " \t\n\r":
        after += 1
    if after < len(text) and text[after] == ",":
        after += 1
        while after < len(text) and text[after] in " \t\n\r":
            after += 1
        return start, after  # the first element: it, its comma, up to the next element
    return start, end
