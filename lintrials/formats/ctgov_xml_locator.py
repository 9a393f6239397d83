"""Where a model field sits in a legacy ClinicalTrials.gov XML record, and fix edits on it.

`xpath_for` turns a field path of the model into an XPath below ``<clinical_study>``;
`XmlLocator` finds that element in the parsed tree and its text in the raw file (entities and
CDATA counted) to give a finding its position and to write a fix as an edit of the file.
"""

from __future__ import annotations

import re
from typing import Any

from lintrials.findings import Edit, Fix, Position
from lintrials.formats import ctgov_xml_results, edit
from lintrials.formats.fields import split_field, walk
from lintrials.source import Source

_DATE = {"date": "", "type": ""}  # the element holds the date; its type is an attribute
# An outcome's kind is the element it is (primary_outcome...): located at the outcome itself.
_OUTCOME = {"measure": "measure", "description": "description", "time_frame": "time_frame",
            "kind": ""}
_CONTACT = {"name": "last_name", "phone": "phone", "phone_ext": "phone_ext", "email": "email"}
# Model field -> element path below <clinical_study>. A tuple is a repeated element: its
# element name(s) and the table inside. Two names mean "first, then backup" (contact lists).
_TABLE: dict[str, Any] = {
    "nct_id": "id_info/nct_id",
    "org_study_id": "id_info/org_study_id",
    "brief_title": "brief_title",
    "official_title": "official_title",
    "acronym": "acronym",
    # Legacy XML gives a secondary ID's text only: its other fields are located at it.
    "secondary_ids": ("id_info/secondary_id", {"id": "", "type": "", "domain": "", "link": ""}),
    "brief_summary": "brief_summary/textblock",
    "detailed_description": "detailed_description/textblock",
    "conditions": ("condition", {}),
    "keywords": ("keyword", {}),
    "overall_status": "overall_status",
    "why_stopped": "why_stopped",
    "status_verified_date": "verification_date",
    "start_date": ("start_date", _DATE),
    "primary_completion_date": ("primary_completion_date", _DATE),
    "completion_date": ("completion_date", _DATE),
    "first_submitted_date": "study_first_submitted",
    "last_update_submitted_date": "last_update_submitted",
    "last_update_posted_date": "last_update_posted",
    "last_update_posted_type": "last_update_posted",
    "study_type": "study_type",
    "phases": "phase",
    "allocation": "study_design_info/allocation",
    "intervention_model": "study_design_info/intervention_model",
    "intervention_model_description": "study_design_info/intervention_model_description",
    "primary_purpose": "study_design_info/primary_purpose",
    "masking": "study_design_info/masking",
    "who_masked": "study_design_info/masking",
    "enrollment_count": "enrollment",
    "enrollment_type": "enrollment",
    "arms": (
        "arm_group",
        {
            "label": "arm_group_label",
            "type": "arm_group_type",
            "description": "description",
            "intervention_names": "",
        },
    ),
    "interventions": (
        "intervention",
        {
            "type": "intervention_type",
            "name": "intervention_name",
            "description": "description",
            "arm_group_labels": ("arm_group_label", {}),
            "other_names": ("other_name", {}),
        },
    ),
    "primary_outcomes": ("primary_outcome", _OUTCOME),
    "secondary_outcomes": ("secondary_outcome", _OUTCOME),
    "other_outcomes": ("other_outcome", _OUTCOME),
    "eligibility": (
        "eligibility",
        {
            "criteria": "criteria/textblock",
            "sex": "gender",
            "minimum_age": "minimum_age",
            "maximum_age": "maximum_age",
            "healthy_volunteers": "healthy_volunteers",
        },
    ),
    "results": ("clinical_results", ctgov_xml_results.TABLE),
    # One text says whether an agreement restricts publishing, of what type, and how.
    "more_info": (
        "clinical_results",
        {
            "limitations": "limitations_and_caveats",
            "certain_agreement": (
                "certain_agreements",
                {
                    "pi_sponsor_employee": "pi_employee",
                    "restriction_type": "restrictive_agreement",
                    "restrictive_agreement": "restrictive_agreement",
                    "other_details": "restrictive_agreement",
                },
            ),
            "point_of_contact": (
                "point_of_contact",
                {
                    "title": "name_or_title",
                    "organization": "organization",
                    "email": "email",
                    "phone": "phone",
                    "phone_ext": "phone_ext",
                },
            ),
        },
    ),
    "lead_sponsor": "sponsors/lead_sponsor/agency",
    "lead_sponsor_class": "sponsors/lead_sponsor/agency_class",
    "collaborators": ("sponsors/collaborator", {"name": "agency", "agency_class": "agency_class"}),
    "responsible_party": (
        "responsible_party",
        {
            "type": "responsible_party_type",
            "investigator_full_name": "investigator_full_name",
            "investigator_title": "investigator_title",
            "investigator_affiliation": "investigator_affiliation",
            "old_name_title": "name_title",
            "old_organization": "organization",
        },
    ),
    "oversight": (
        "oversight_info",
        {
            "has_dmc": "has_dmc",
            "is_fda_regulated_drug": "is_fda_regulated_drug",
            "is_fda_regulated_device": "is_fda_regulated_device",
            "is_unapproved_device": "is_unapproved_device",
            "is_ppsd": "is_ppsd",
            "is_us_export": "is_us_export",
        },
    ),
    "ipd_sharing": (
        "patient_data",
        {
            "sharing": "sharing_ipd",
            "description": "ipd_description",
            "info_types": ("ipd_info_type", {}),
            "time_frame": "ipd_time_frame",
            "access_criteria": "ipd_access_criteria",
            "url": "ipd_url",
        },
    ),
    "overall_officials": (
        "overall_official",
        {"name": "last_name", "affiliation": "affiliation", "role": "role"},
    ),
    "central_contacts": (("overall_contact", "overall_contact_backup"), _CONTACT),
    "locations": (
        "location",
        {
            "facility": "facility/name",
            "status": "status",
            "city": "facility/address/city",
            "state": "facility/address/state",
            "zip": "facility/address/zip",
            "country": "facility/address/country",
            "contacts": (("contact", "contact_backup"), _CONTACT),
        },
    ),
}


# Fields placed at the element that holds them ("" in the table) whose value is that element's
# text: a secondary ID, a date. The others placed so (a secondary ID's type, domain and link,
# which legacy XML does not give; a date's type, an attribute) have no text of their own there,
# and no fix may rewrite the holder's text in their name.
_HOLDER_TEXT = frozenset({"id", "date"})


def _placed_at_holder(field: str) -> bool:
    *_, (where, _, nested) = walk(_TABLE, field)
    return where == "" and not nested and split_field(field)[-1][0] not in _HOLDER_TEXT


def xpath_for(field: str) -> str:
    path = "/clinical_study"
    for element, index, nested in walk(_TABLE, field):
        if not nested:
            if element:
                path += "/" + element
        elif isinstance(element, tuple):  # first and backup: index picks the element name
            path += "/" + element[min(index or 0, len(element) - 1)]
        else:
            path += "/" + element + (f"[{index + 1}]" if index is not None else "")
    return path


def xml_escape(text: str) -> str:
    """``&``, ``<`` and ``>`` as entities (what xml.sax.saxutils.escape does, without importing
    it: it pulls in urllib and http, a tenth of lintrials' start-up)."""
    return text.replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;")


class XmlLocator:
    def __init__(self, source: Source, root: Any) -> None:
        self.source = source
        self.root = root

    def locate(
        self, field: str | None, span: tuple[int, int] | None
    ) -> tuple[Position, str | None]:
        xpath = xpath_for(field) if field else "/clinical_study"
        steps = xpath.split("/")
        element = None
        for keep in range(len(steps), 1, -1):  # the deepest element of the path that exists
            found = self.root.xpath("/".join(steps[:keep]))
            if found:
                element = found[0]
                if keep < len(steps):
                    span = None
                break
        if element is None:
            element = self.root
        if isinstance(element, str):  # an attribute (``.../@count``): its value
            start, end = self._attribute_span(element.getparent(), steps[-1][1:])  # type: ignore[attr-defined]
        else:
            start, end = self._text_span(element, span)
        return self.source.position(start, end), xpath

    def _attribute_span(self, element: Any, name: str) -> tuple[int, int]:
        text = self.source.text
        line_start = self.source.offset(element.sourceline or 1, 1)
        tag_start = max(line_start, text.find("<" + element.tag, line_start))
        tag_end = text.find(">", tag_start)
        m = re.compile(rf"\s{re.escape(name)}\s*=\s*([\"'])(.*?)\1", re.DOTALL).search(
            text, tag_start, tag_end if tag_end >= 0 else len(text))
        if m is None:
            return tag_start, max(tag_start + 1, tag_end + 1)
        return m.start(2), max(m.end(2), m.start(2) + 1)

    def _tags(self, element: Any) -> tuple[int, int, int] | None:
        """Offsets of the element's start tag, its content, and its end tag; None if empty."""
        text = self.source.text
        line_start = self.source.offset(element.sourceline or 1, 1)
        tag_start = text.find("<" + element.tag, line_start)
        tag_end = text.find(">", tag_start) if tag_start >= 0 else -1
        if tag_end < 0 or text[tag_end - 1] == "/":
            return None
        closing = text.find("</" + element.tag, tag_end + 1)
        return tag_start, tag_end + 1, closing if closing >= 0 else tag_end + 1

    def _text_span(self, element: Any, span: tuple[int, int] | None) -> tuple[int, int]:
        text = self.source.text
        tags = self._tags(element)
        if tags is None:
            line_start = self.source.offset(element.sourceline or 1, 1)
            start = max(line_start, text.find("<", line_start))
            return start, max(start + 1, text.find(">", start) + 1)
        tag_start, content, closing = tags
        if span is None:
            value = element.text or ""
            if not value.strip():
                return tag_start, closing + len(element.tag) + 3
            lead = len(value) - len(value.lstrip())
            span = (lead, len(value.rstrip()))
        return _raw_span(text, content, closing, span)

    def fix_edits(self, fix: Fix, field: str) -> list[Edit]:
        if _placed_at_holder(field):
            return []
        found = self.root.xpath(xpath_for(field))
        if found and isinstance(found[0], str):
            return []  # attribute values (results counts) have no fixes
        tags = self._tags(found[0]) if found else None
        if tags is None:
            return []
        element = found[0]
        tag_start, content, closing = tags
        text = self.source.text
        if fix.remove:
            end = text.find(">", closing) + 1
            line_start = text.rfind("\n", 0, tag_start) + 1
            if not text[line_start:tag_start].strip():  # the element's own line(s) go too
                tag_start = max(0, line_start - 1)
            return [edit(self.source, tag_start, end, "")]
        if len(element):
            return []  # an element with children holds no text value to rewrite
        span = fix.span if fix.span is not None else (0, len(element.text or ""))
        start, end = _raw_span(text, content, closing, span)
        return [edit(self.source, start, end, xml_escape(fix.replacement))]


_REFERENCE = re.compile(r"&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z_][\w.-]*);")


def _raw_span(text: str, start: int, stop: int, span: tuple[int, int]) -> tuple[int, int]:
    """Map a span of an element's decoded text to raw offsets (entities and CDATA count)."""
    want_start, want_end = span
    raw, decoded = start, 0
    raw_start = raw_end = None
    while raw < stop:
        if decoded == want_start and raw_start is None:
            raw_start = raw
        if decoded == want_end:
            raw_end = raw
            break
        if text.startswith("<![CDATA[", raw):
            raw += 9
            continue
        if text.startswith("]]>", raw):
            raw += 3
            continue
        m = _REFERENCE.match(text, raw) if text[raw] == "&" else None
        raw = m.end() if m else raw + 1
        decoded += 1
    return (raw_start if raw_start is not None else raw), (raw_end if raw_end is not None else raw)
