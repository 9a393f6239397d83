"""A ClinicalTrials.gov API v2 study object mapped into the `Record` model.

`StudyReader` reads each field the model holds from the parsed JSON, noting (as a JSON Pointer
and a message) every value of the wrong JSON type and every text value cut to its limit.
"""

from __future__ import annotations

from typing import Any

from lintrials.formats import MAX_SHORT_CHARS, MAX_TEXT_CHARS, too_long
from lintrials.formats.ctgov_json_results import read_more_info, read_results
from lintrials.formats.jsonpos import escape_token
from lintrials.model import (
    Arm,
    Contact,
    DateField,
    Eligibility,
    Intervention,
    IpdSharing,
    Location,
    Official,
    Outcome,
    Oversight,
    Record,
    ResponsibleParty,
    SecondaryId,
    Sponsor,
)

PROTOCOL = "protocolSection"  # the study object's part that holds every field of the model

_LONG_TEXT_KEYS = ("/briefSummary", "/detailedDescription", "/eligibilityCriteria")


class StudyReader:
    """Builds a Record from a study object, noting values of the wrong JSON type."""

    def __init__(self) -> None:
        self.problems: list[tuple[str, str]] = []

    def wrong(self, pointer: str, value: Any, expected: str) -> None:
        kind = type(value).__name__.replace("dict", "object").replace("list", "array")
        self.problems.append((pointer, f"expected {expected} here, found {kind}"))

    def obj(self, parent: dict[str, Any], key: str, pointer: str) -> dict[str, Any]:
        value = parent.get(key)
        if value is None:
            return {}
        if not isinstance(value, dict):
            self.wrong(f"{pointer}/{escape_token(key)}", value, "an object")
            return {}
        return value

    def items(self, parent: dict[str, Any], key: str, pointer: str) -> list[dict[str, Any]]:
        value = parent.get(key)
        if value is None:
            return []
        if not isinstance(value, list):
            self.wrong(f"{pointer}/{key}", value, "an array")
            return []
        found: list[dict[str, Any]] = []
        for i, item in enumerate(value):
            if isinstance(item, dict):
                found.append(item)
            else:
                self.wrong(f"{pointer}/{key}/{i}", item, "an object")
                found.append({})
        return found

    def _capped(self, value: str, pointer: str) -> str:
        limit = MAX_TEXT_CHARS if pointer.endswith(_LONG_TEXT_KEYS) else MAX_SHORT_CHARS
        if len(value) <= limit:
            return value
        self.problems.append((pointer, too_long(len(value), limit)))
        return value[:limit]

    def text(self, parent: dict[str, Any], key: str, pointer: str) -> str | None:
        value = parent.get(key)
        if value is None:
            return None
        if isinstance(value, str):
            if len(value) <= MAX_TEXT_CHARS:  # nearly always: no pointer to build
                return value
            return self._capped(value, f"{pointer}/{escape_token(key)}")
        self.wrong(f"{pointer}/{escape_token(key)}", value, "a string")
        return None

    def texts(self, parent: dict[str, Any], key: str, pointer: str) -> list[str]:
        value = parent.get(key)
        if value is None:
            return []
        if not isinstance(value, list):
            self.wrong(f"{pointer}/{key}", value, "an array of strings")
            return []
        found: list[str] = []
        for i, item in enumerate(value):
            if isinstance(item, str):
                found.append(self._capped(item, f"{pointer}/{key}/{i}"))
            else:
                self.wrong(f"{pointer}/{key}/{i}", item, "a string")
        return found

    def flag(self, parent: dict[str, Any], key: str, pointer: str) -> bool | None:
        value = parent.get(key)
        if value is None or isinstance(value, bool):
            return value
        self.wrong(f"{pointer}/{escape_token(key)}", value, "true or false")
        return None

    def date(self, parent: dict[str, Any], key: str, pointer: str) -> DateField:
        struct = self.obj(parent, key, pointer)
        here = f"{pointer}/{key}"
        return DateField(self.text(struct, "date", here), self.text(struct, "type", here))

    def contact(self, item: dict[str, Any], pointer: str) -> Contact:
        return Contact(
            name=self.text(item, "name", pointer),
            role=self.text(item, "role", pointer),
            phone=self.text(item, "phone", pointer),
            phone_ext=self.text(item, "phoneExt", pointer),
            email=self.text(item, "email", pointer),
        )

    def record(self, study: dict[str, Any]) -> Record:
        p = self.obj(study, PROTOCOL, "")
        pp = f"/{PROTOCOL}"
        record = Record(
            sections={k for k, v in p.items() if isinstance(v, dict)}, text_format="markdown"
        )

        ident = self.obj(p, "identificationModule", pp)
        ip = f"{pp}/identificationModule"
        record.nct_id = self.text(ident, "nctId", ip)
        record.org_study_id = self.text(
            self.obj(ident, "orgStudyIdInfo", ip), "id", f"{ip}/orgStudyIdInfo"
        )
        record.brief_title = self.text(ident, "briefTitle", ip)
        record.official_title = self.text(ident, "officialTitle", ip)
        record.acronym = self.text(ident, "acronym", ip)
        for i, item in enumerate(self.items(ident, "secondaryIdInfos", ip)):
            here = f"{ip}/secondaryIdInfos/{i}"
            record.secondary_ids.append(SecondaryId(
                id=self.text(item, "id", here),
                type=self.text(item, "type", here),
                domain=self.text(item, "domain", here),
                link=self.text(item, "link", here),
            ))

        status = self.obj(p, "statusModule", pp)
        sp = f"{pp}/statusModule"
        record.overall_status = self.text(status, "overallStatus", sp)
        record.why_stopped = self.text(status, "whyStopped", sp)
        record.status_verified_date = self.text(status, "statusVerifiedDate", sp)
        record.start_date = self.date(status, "startDateStruct", sp)
        record.primary_completion_date = self.date(status, "primaryCompletionDateStruct", sp)
        record.completion_date = self.date(status, "completionDateStruct", sp)
        record.first_submitted_date = self.text(status, "studyFirstSubmitDate", sp)
        record.last_update_submitted_date = self.text(status, "lastUpdateSubmitDate", sp)
        posted = self.date(status, "lastUpdatePostDateStruct", sp)
        record.last_update_posted_date, record.last_update_posted_type = posted.date, posted.type

        self.sponsors(record, self.obj(p, "sponsorCollaboratorsModule", pp),
                      f"{pp}/sponsorCollaboratorsModule")
        self.oversight(record, p, pp)

        desc = self.obj(p, "descriptionModule", pp)
        record.brief_summary = self.text(desc, "briefSummary", f"{pp}/descriptionModule")
        record.detailed_description = self.text(
            desc, "detailedDescription", f"{pp}/descriptionModule"
        )
        conditions = self.obj(p, "conditionsModule", pp)
        record.conditions = self.texts(conditions, "conditions", f"{pp}/conditionsModule")
        record.keywords = self.texts(conditions, "keywords", f"{pp}/conditionsModule")

        design = self.obj(p, "designModule", pp)
        dp = f"{pp}/designModule"
        record.study_type = self.text(design, "studyType", dp)
        record.phases = self.texts(design, "phases", dp)
        info = self.obj(design, "designInfo", dp)
        infop = f"{dp}/designInfo"
        record.allocation = self.text(info, "allocation", infop)
        record.intervention_model = self.text(info, "interventionModel", infop)
        record.intervention_model_description = self.text(
            info, "interventionModelDescription", infop)
        record.primary_purpose = self.text(info, "primaryPurpose", infop)
        masking = self.obj(info, "maskingInfo", infop)
        record.masking = self.text(masking, "masking", f"{infop}/maskingInfo")
        record.who_masked = self.texts(masking, "whoMasked", f"{infop}/maskingInfo")
        enrollment = self.obj(design, "enrollmentInfo", dp)
        count = enrollment.get("count")
        if isinstance(count, int) and not isinstance(count, bool):
            record.enrollment_count = count
        elif count is not None:
            self.wrong(f"{dp}/enrollmentInfo/count", count, "an integer")
        record.enrollment_type = self.text(enrollment, "type", f"{dp}/enrollmentInfo")

        arms = self.obj(p, "armsInterventionsModule", pp)
        ap = f"{pp}/armsInterventionsModule"
        for i, arm in enumerate(self.items(arms, "armGroups", ap)):
            here = f"{ap}/armGroups/{i}"
            record.arms.append(
                Arm(
                    label=self.text(arm, "label", here),
                    type=self.text(arm, "type", here),
                    description=self.text(arm, "description", here),
                    intervention_names=self.texts(arm, "interventionNames", here),
                )
            )
        for i, item in enumerate(self.items(arms, "interventions", ap)):
            here = f"{ap}/interventions/{i}"
            record.interventions.append(
                Intervention(
                    type=self.text(item, "type", here),
                    name=self.text(item, "name", here),
                    description=self.text(item, "description", here),
                    arm_group_labels=self.texts(item, "armGroupLabels", here),
                    other_names=self.texts(item, "otherNames", here),
                )
            )

        outcomes = self.obj(p, "outcomesModule", pp)
        op = f"{pp}/outcomesModule"
        for kind, key, target in (
            ("PRIMARY", "primaryOutcomes", record.primary_outcomes),
            ("SECONDARY", "secondaryOutcomes", record.secondary_outcomes),
            ("OTHER", "otherOutcomes", record.other_outcomes),
        ):
            for i, item in enumerate(self.items(outcomes, key, op)):
                here = f"{op}/{key}/{i}"
                target.append(
                    Outcome(
                        kind=kind,
                        measure=self.text(item, "measure", here),
                        description=self.text(item, "description", here),
                        time_frame=self.text(item, "timeFrame", here),
                    )
                )

        elig = self.obj(p, "eligibilityModule", pp)
        ep = f"{pp}/eligibilityModule"
        healthy = elig.get("healthyVolunteers")
        record.eligibility = Eligibility(
            criteria=self.text(elig, "eligibilityCriteria", ep),
            sex=self.text(elig, "sex", ep),
            minimum_age=self.text(elig, "minimumAge", ep),
            maximum_age=self.text(elig, "maximumAge", ep),
            std_ages=self.texts(elig, "stdAges", ep),
            healthy_volunteers=healthy if isinstance(healthy, bool) else None,
        )

        record.results = read_results(self, study)
        record.more_info = read_more_info(self, study)
        self.ipd_sharing(record, p, pp)

        contacts = self.obj(p, "contactsLocationsModule", pp)
        cp = f"{pp}/contactsLocationsModule"
        for i, item in enumerate(self.items(contacts, "overallOfficials", cp)):
            here = f"{cp}/overallOfficials/{i}"
            record.overall_officials.append(Official(
                name=self.text(item, "name", here),
                affiliation=self.text(item, "affiliation", here),
                role=self.text(item, "role", here),
            ))
        for i, item in enumerate(self.items(contacts, "centralContacts", cp)):
            record.central_contacts.append(self.contact(item, f"{cp}/centralContacts/{i}"))
        for i, item in enumerate(self.items(contacts, "locations", cp)):
            here = f"{cp}/locations/{i}"
            record.locations.append(
                Location(
                    facility=self.text(item, "facility", here),
                    status=self.text(item, "status", here),
                    city=self.text(item, "city", here),
                    state=self.text(item, "state", here),
                    zip=self.text(item, "zip", here),
                    country=self.text(item, "country", here),
                    contacts=[
                        self.contact(c, f"{here}/contacts/{j}")
                        for j, c in enumerate(self.items(item, "contacts", here))
                    ],
                )
            )
        return record

    def sponsors(self, record: Record, module: dict[str, Any], mp: str) -> None:
        lead = self.obj(module, "leadSponsor", mp)
        record.lead_sponsor = self.text(lead, "name", f"{mp}/leadSponsor")
        record.lead_sponsor_class = self.text(lead, "class", f"{mp}/leadSponsor")
        for i, item in enumerate(self.items(module, "collaborators", mp)):
            here = f"{mp}/collaborators/{i}"
            record.collaborators.append(
                Sponsor(self.text(item, "name", here), self.text(item, "class", here)))
        if "responsibleParty" in module:
            party = self.obj(module, "responsibleParty", mp)
            here = f"{mp}/responsibleParty"
            record.responsible_party = ResponsibleParty(
                type=self.text(party, "type", here),
                investigator_full_name=self.text(party, "investigatorFullName", here),
                investigator_title=self.text(party, "investigatorTitle", here),
                investigator_affiliation=self.text(party, "investigatorAffiliation", here),
                old_name_title=self.text(party, "oldNameTitle", here),
                old_organization=self.text(party, "oldOrganization", here),
            )

    def oversight(self, record: Record, p: dict[str, Any], pp: str) -> None:
        if "oversightModule" not in p:
            return
        module = self.obj(p, "oversightModule", pp)
        mp = f"{pp}/oversightModule"
        record.oversight = Oversight(
            has_dmc=self.flag(module, "oversightHasDmc", mp),
            is_fda_regulated_drug=self.flag(module, "isFdaRegulatedDrug", mp),
            is_fda_regulated_device=self.flag(module, "isFdaRegulatedDevice", mp),
            is_unapproved_device=self.flag(module, "isUnapprovedDevice", mp),
            is_ppsd=self.flag(module, "isPpsd", mp),
            is_us_export=self.flag(module, "isUsExport", mp),
        )

    def ipd_sharing(self, record: Record, p: dict[str, Any], pp: str) -> None:
        if "ipdSharingStatementModule" not in p:
            return
        module = self.obj(p, "ipdSharingStatementModule", pp)
        mp = f"{pp}/ipdSharingStatementModule"
        record.ipd_sharing = IpdSharing(
            sharing=self.text(module, "ipdSharing", mp),
            description=self.text(module, "description", mp),
            info_types=self.texts(module, "infoTypes", mp),
            time_frame=self.text(module, "timeFrame", mp),
            access_criteria=self.text(module, "accessCriteria", mp),
            url=self.text(module, "url", mp),
        )
