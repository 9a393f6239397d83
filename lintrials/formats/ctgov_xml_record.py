"""A parsed ``<clinical_study>`` element mapped into the `Record` model.

Values are normalised to the API v2 spelling (`_enum`, `_phases`, `_masking`, `iso_date`) and
text is cut to its limit (`text_limit`); the reader (`ctgov_xml`) reports what was cut.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from lintrials.formats import MAX_SHORT_CHARS, MAX_TEXT_CHARS
from lintrials.formats.ctgov_xml_results import read_results
from lintrials.formats.fields import enum_value
from lintrials.model import (
    ALL_SECTIONS,
    Arm,
    CertainAgreement,
    Contact,
    DateField,
    Eligibility,
    Intervention,
    IpdSharing,
    Location,
    MoreInfo,
    Official,
    Outcome,
    Oversight,
    PointOfContact,
    Record,
    ResponsibleParty,
    SecondaryId,
    Sponsor,
)

_MODEL = {
    "PARALLEL_ASSIGNMENT": "PARALLEL",
    "SINGLE_GROUP_ASSIGNMENT": "SINGLE_GROUP",
    "CROSSOVER_ASSIGNMENT": "CROSSOVER",
    "FACTORIAL_ASSIGNMENT": "FACTORIAL",
    "SEQUENTIAL_ASSIGNMENT": "SEQUENTIAL",
}
_ROLES = {
    "PARTICIPANT": "PARTICIPANT",
    "SUBJECT": "PARTICIPANT",
    "CARE_PROVIDER": "CARE_PROVIDER",
    "CAREGIVER": "CARE_PROVIDER",
    "INVESTIGATOR": "INVESTIGATOR",
    "OUTCOMES_ASSESSOR": "OUTCOMES_ASSESSOR",
}


def _phases(value: str | None) -> list[str]:
    """"Phase 1/Phase 2" -> [PHASE1, PHASE2]; "Early Phase 1" -> [EARLY_PHASE1]; "N/A" -> [NA]."""
    if not value or not value.strip():
        return []
    if value.strip() == "N/A":
        return ["NA"]
    phases = []
    for part in value.split("/"):
        words = part.split()
        early = words[:1] == ["Early"]
        phase = enum_value("".join(words[1:] if early else words))
        if phase:
            phases.append(f"EARLY_{phase}" if early else phase)
    return phases


def _masking(value: str | None) -> tuple[str | None, list[str]]:
    if not value:
        return None, []
    words = value.split("(")[0].split()
    level = words[0].upper() if words else ""
    level = {"OPEN": "NONE"}.get(level, level)
    roles = []
    if "(" in value:
        for part in value.split("(", 1)[1].rstrip(")").split(","):
            role = _ROLES.get(enum_value(part) or "")
            if role:
                roles.append(role)
    return level or None, roles


def iso_date(value: str | None) -> str | None:
    """ "March 2000" -> "2000-03", "November 3, 1999" -> "1999-11-03"; else the text as is."""
    if not value:
        return None
    value = value.strip()
    for pattern, form in (
        ("%B %d, %Y", "%Y-%m-%d"),
        ("%B %Y", "%Y-%m"),
        ("%Y-%m-%d", "%Y-%m-%d"),
        ("%Y-%m", "%Y-%m"),
    ):
        try:
            return datetime.strptime(value, pattern).strftime(form)
        except ValueError:
            continue
    return value


def text_limit(tag: str) -> int:
    # Long text (summary, description, criteria) sits in <textblock>; nothing else is long.
    return MAX_TEXT_CHARS if tag == "textblock" else MAX_SHORT_CHARS


def _text(element: Any, path: str) -> str | None:
    found = element.find(path)
    if found is None or found.text is None:
        return None
    text: str = found.text
    return text[: text_limit(found.tag)]


def _texts(element: Any, path: str) -> list[str]:
    return [(e.text or "")[:MAX_SHORT_CHARS] for e in element.findall(path)]


# The legacy schema's date and enrollment types (public.xsd: actual_enum), as the API's: an
# "Anticipated" date (a plan) and an "Estimate" (a posting date the registry has not yet
# confirmed, or a study date of a later schema version) are both ESTIMATED.
_TYPES = {"Actual": "ACTUAL", "Anticipated": "ESTIMATED", "Estimate": "ESTIMATED",
          "Estimated": "ESTIMATED"}


def _type(element: Any) -> str | None:
    kind = element.get("type")
    return _TYPES.get(kind.strip()) if kind else None


def _date(root: Any, tag: str) -> DateField:
    element = root.find(tag)
    if element is None:
        return DateField()
    return DateField(iso_date(element.text), _type(element))


def _contact(element: Any) -> Contact:
    return Contact(
        name=_text(element, "last_name"),
        phone=_text(element, "phone"),
        phone_ext=_text(element, "phone_ext"),
        email=_text(element, "email"),
    )


def _contacts(parent: Any, first: str, backup: str) -> list[Contact]:
    return [_contact(e) for tag in (first, backup) for e in parent.findall(tag)][:2]


def read_record(root: Any) -> Record:
    r = Record(sections=_sections(root), text_format="plain")
    r.nct_id = _text(root, "id_info/nct_id")
    r.org_study_id = _text(root, "id_info/org_study_id")
    r.brief_title = _text(root, "brief_title")
    r.official_title = _text(root, "official_title")
    r.acronym = _text(root, "acronym")
    r.secondary_ids = [SecondaryId(id=text) for text in _texts(root, "id_info/secondary_id")]
    r.brief_summary = _text(root, "brief_summary/textblock")
    r.detailed_description = _text(root, "detailed_description/textblock")
    r.conditions = _texts(root, "condition")
    r.keywords = _texts(root, "keyword")
    r.overall_status = enum_value(_text(root, "overall_status"))
    r.why_stopped = _text(root, "why_stopped")
    r.status_verified_date = iso_date(_text(root, "verification_date"))
    r.start_date = _date(root, "start_date")
    r.primary_completion_date = _date(root, "primary_completion_date")
    r.completion_date = _date(root, "completion_date")
    r.first_submitted_date = iso_date(_text(root, "study_first_submitted"))
    r.last_update_submitted_date = iso_date(_text(root, "last_update_submitted"))
    posted = _date(root, "last_update_posted")
    r.last_update_posted_date, r.last_update_posted_type = posted.date, posted.type
    r.study_type = (
        enum_value((_text(root, "study_type") or "").split("[")[0])
        if root.find("study_type") is not None
        else None
    )
    r.phases = _phases(_text(root, "phase"))
    r.allocation = enum_value(_text(root, "study_design_info/allocation"))
    model = enum_value(_text(root, "study_design_info/intervention_model"))
    r.intervention_model = _MODEL.get(model or "", model)
    r.intervention_model_description = _text(
        root, "study_design_info/intervention_model_description")
    r.primary_purpose = enum_value(_text(root, "study_design_info/primary_purpose"))
    r.masking, r.who_masked = _masking(_text(root, "study_design_info/masking"))
    enrollment = root.find("enrollment")
    count = (enrollment.text or "").strip() if enrollment is not None else ""
    if enrollment is not None and count.isdecimal() and len(count) <= 18:
        r.enrollment_count = int(count)
        r.enrollment_type = _type(enrollment)
    for arm in root.findall("arm_group"):
        r.arms.append(
            Arm(
                label=_text(arm, "arm_group_label"),
                type=enum_value(_text(arm, "arm_group_type")),
                description=_text(arm, "description"),
            )
        )
    for item in root.findall("intervention"):
        intervention = Intervention(
            type=enum_value(_text(item, "intervention_type")),
            name=_text(item, "intervention_name"),
            description=_text(item, "description"),
            arm_group_labels=_texts(item, "arm_group_label"),
            other_names=_texts(item, "other_name"),
        )
        r.interventions.append(intervention)
        # The legacy format links arms to interventions from the intervention's side only.
        for arm in r.arms:
            if arm.label in intervention.arm_group_labels:
                arm.intervention_names.append(intervention.name or "")
    for kind, tag, target in (
        ("PRIMARY", "primary_outcome", r.primary_outcomes),
        ("SECONDARY", "secondary_outcome", r.secondary_outcomes),
        ("OTHER", "other_outcome", r.other_outcomes),
    ):
        for item in root.findall(tag):
            target.append(
                Outcome(
                    kind=kind,
                    measure=_text(item, "measure"),
                    description=_text(item, "description"),
                    time_frame=_text(item, "time_frame"),
                )
            )
    eligibility = root.find("eligibility")
    if eligibility is not None:
        healthy = enum_value(_text(eligibility, "healthy_volunteers"))
        r.eligibility = Eligibility(
            criteria=_text(eligibility, "criteria/textblock"),
            sex=enum_value(_text(eligibility, "gender")),
            minimum_age=_text(eligibility, "minimum_age"),
            maximum_age=_text(eligibility, "maximum_age"),
            healthy_volunteers=None if healthy is None else healthy == "YES",
        )
    r.results = read_results(root)
    r.more_info = _more_info(root.find("clinical_results"))
    r.lead_sponsor = _text(root, "sponsors/lead_sponsor/agency")
    r.lead_sponsor_class = _agency_class(_text(root, "sponsors/lead_sponsor/agency_class"))
    r.collaborators = [
        Sponsor(_text(e, "agency"), _agency_class(_text(e, "agency_class")))
        for e in root.findall("sponsors/collaborator")
    ]
    r.responsible_party = _responsible_party(root.find("responsible_party"))
    r.oversight = _oversight(root.find("oversight_info"))
    r.ipd_sharing = _ipd_sharing(root.find("patient_data"))
    r.overall_officials = [
        Official(_text(e, "last_name"), _text(e, "affiliation"), enum_value(_text(e, "role")))
        for e in root.findall("overall_official")
    ]
    r.central_contacts = _contacts(root, "overall_contact", "overall_contact_backup")
    for loc in root.findall("location"):
        r.locations.append(
            Location(
                facility=_text(loc, "facility/name"),
                status=enum_value(_text(loc, "status")),
                city=_text(loc, "facility/address/city"),
                state=_text(loc, "facility/address/state"),
                zip=_text(loc, "facility/address/zip"),
                country=_text(loc, "facility/address/country"),
                contacts=_contacts(loc, "contact", "contact_backup"),
            )
        )
    return r


def _sections(root: Any) -> set[str]:
    # A legacy record is always whole: an absent element means the record has no such value.
    return set(ALL_SECTIONS)


# The legacy spellings of agency classes that are not the API's in upper case.
_AGENCY_CLASSES = {"U_S_FED": "FED", "INDIVIDUAL": "INDIV", "AMBIGUOUS": "AMBIG"}


def _agency_class(value: str | None) -> str | None:
    coded = enum_value(value)
    return _AGENCY_CLASSES.get(coded or "", coded)


def _yes_no(element: Any, tag: str) -> bool | None:
    return {"yes": True, "no": False}.get((_text(element, tag) or "").strip().casefold())


def _responsible_party(element: Any) -> ResponsibleParty | None:
    if element is None:
        return None
    return ResponsibleParty(
        type=enum_value(_text(element, "responsible_party_type")),
        investigator_full_name=_text(element, "investigator_full_name"),
        investigator_title=_text(element, "investigator_title"),
        investigator_affiliation=_text(element, "investigator_affiliation"),
        old_name_title=_text(element, "name_title"),
        old_organization=_text(element, "organization"),
    )


def _oversight(element: Any) -> Oversight | None:
    if element is None:
        return None
    return Oversight(
        has_dmc=_yes_no(element, "has_dmc"),
        is_fda_regulated_drug=_yes_no(element, "is_fda_regulated_drug"),
        is_fda_regulated_device=_yes_no(element, "is_fda_regulated_device"),
        is_unapproved_device=_yes_no(element, "is_unapproved_device"),
        is_ppsd=_yes_no(element, "is_ppsd"),
        is_us_export=_yes_no(element, "is_us_export"),
    )


def _info_type(value: str) -> str | None:
    """ "Statistical Analysis Plan (SAP)" -> SAP; "Study Protocol" -> STUDY_PROTOCOL."""
    if value.rstrip().endswith(")") and "(" in value:
        return enum_value(value.rstrip()[:-1].rsplit("(", 1)[1])
    return enum_value(value)


def _ipd_sharing(element: Any) -> IpdSharing | None:
    if element is None:
        return None
    return IpdSharing(
        sharing=enum_value(_text(element, "sharing_ipd")),
        description=_text(element, "ipd_description"),
        info_types=[t for t in map(_info_type, _texts(element, "ipd_info_type")) if t],
        time_frame=_text(element, "ipd_time_frame"),
        access_criteria=_text(element, "ipd_access_criteria"),
        url=_text(element, "ipd_url"),
    )


# Legacy XML writes the agreement on publishing as text: a sentence of the registry's for "no
# agreement" and for each embargo the registry names, else the registrant's own words.
_NO_AGREEMENT = "there is not an agreement between principal investigators and the sponsor"
_EMBARGO = ("the only disclosure restriction on the pi is that the sponsor can review results "
            "communications prior to public release and can embargo communications regarding "
            "trial results for a period that is ")
_EMBARGO_TYPES = (("less than or equal to 60 days", "LTE60"), ("more than 60 days", "GT60"))


def _certain_agreement(element: Any) -> CertainAgreement:
    agreement = CertainAgreement()
    employed = " ".join((_text(element, "pi_employee") or "").split()).casefold()
    if "are not employed" in employed:
        agreement.pi_sponsor_employee = False
    elif "are employed" in employed:
        agreement.pi_sponsor_employee = True
    text = _text(element, "restrictive_agreement")
    said = " ".join((text or "").split()).casefold()
    if not said:
        return agreement
    agreement.restrictive_agreement = not said.startswith(_NO_AGREEMENT)
    if agreement.restrictive_agreement:
        kinds = [kind for words, kind in _EMBARGO_TYPES
                 if said.startswith(_EMBARGO) and said[len(_EMBARGO):].startswith(words)]
        agreement.restriction_type = kinds[0] if kinds else "OTHER"
        agreement.other_details = None if kinds else text
    return agreement


def _more_info(results: Any) -> MoreInfo | None:
    if results is None:
        return None
    agreements = results.find("certain_agreements")
    contact = results.find("point_of_contact")
    limitations = results.find("limitations_and_caveats")
    if agreements is None and contact is None and limitations is None:
        return None
    info = MoreInfo(limitations=_text(results, "limitations_and_caveats"))
    if agreements is not None:
        info.certain_agreement = _certain_agreement(agreements)
    if contact is not None:
        info.point_of_contact = PointOfContact(
            title=_text(contact, "name_or_title"),
            organization=_text(contact, "organization"),
            email=_text(contact, "email"),
            phone=_text(contact, "phone"),
            phone_ext=_text(contact, "phone_ext"),
        )
    return info
