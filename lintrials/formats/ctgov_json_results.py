"""The results section of a ClinicalTrials.gov API v2 study (``resultsSection``), read into
`Results`, and where each of its fields sits (`TABLE`, part of the locator's table).

The API writes participant counts as strings ("54") and adverse-event group totals as numbers;
both are kept as text. A module the download left out (a ``fields=`` filter) is None.
"""

from __future__ import annotations

from typing import Any, Protocol

from lintrials.model import (
    AdverseEvent,
    AdverseEvents,
    Analysis,
    Baseline,
    Category,
    CertainAgreement,
    Denom,
    DropReason,
    EventGroup,
    EventStat,
    FlowPeriod,
    GroupCount,
    MeasureClass,
    Measurement,
    Milestone,
    MoreInfo,
    ParticipantFlow,
    PointOfContact,
    ResultGroup,
    ResultMeasure,
    Results,
)


class StudyReader(Protocol):
    """What `ctgov_json_record.StudyReader` offers: typed reads that note wrong types."""

    def wrong(self, pointer: str, value: Any, expected: str) -> None: ...
    def obj(self, parent: dict[str, Any], key: str, pointer: str) -> dict[str, Any]: ...
    def items(self, parent: dict[str, Any], key: str, pointer: str) -> list[dict[str, Any]]: ...
    def text(self, parent: dict[str, Any], key: str, pointer: str) -> str | None: ...
    def texts(self, parent: dict[str, Any], key: str, pointer: str) -> list[str]: ...
    def flag(self, parent: dict[str, Any], key: str, pointer: str) -> bool | None: ...

RESULTS = "resultsSection"

_GROUP = {"id": "id", "title": "title", "description": "description"}
_COUNT = {"group_id": "groupId", "value": "value", "comment": "comment"}
_ACHIEVEMENT = {"group_id": "groupId", "value": "numSubjects", "comment": "comment"}
_DENOM = {"units": "units", "counts": ("counts", _COUNT)}
_MEASUREMENT = {
    "group_id": "groupId",
    "value": "value",
    "spread": "spread",
    "lower_limit": "lowerLimit",
    "upper_limit": "upperLimit",
    "comment": "comment",
}
_CLASS = {
    "title": "title",
    "denoms": ("denoms", _DENOM),
    "categories": ("categories", {"title": "title",
                                  "measurements": ("measurements", _MEASUREMENT)}),
}
_ANALYSIS = {
    "group_ids": "groupIds",
    "p_value": "pValue",
    "statistical_method": "statisticalMethod",
    "param_type": "paramType",
    "param_value": "paramValue",
    "ci_pct_value": "ciPctValue",
    "ci_num_sides": "ciNumSides",
    "ci_lower_limit": "ciLowerLimit",
    "ci_upper_limit": "ciUpperLimit",
    "non_inferiority_type": "nonInferiorityType",
}
_MEASURE = {
    "type": "type",
    "title": "title",
    "description": "description",
    "population_description": "populationDescription",
    "param_type": "paramType",
    "dispersion_type": "dispersionType",
    "unit_of_measure": "unitOfMeasure",
    "time_frame": "timeFrame",
    "groups": ("groups", _GROUP),
    "denoms": ("denoms", _DENOM),
    "classes": ("classes", _CLASS),
    "analyses": ("analyses", _ANALYSIS),
}
_EVENT = {
    "term": "term",
    "organ_system": "organSystem",
    "stats": ("stats", {"group_id": "groupId", "num_events": "numEvents",
                        "num_affected": "numAffected", "num_at_risk": "numAtRisk"}),
    "total": "",
}
_EVENT_GROUP = {
    **_GROUP,
    "deaths_num_affected": "deathsNumAffected",
    "deaths_num_at_risk": "deathsNumAtRisk",
    "serious_num_affected": "seriousNumAffected",
    "serious_num_at_risk": "seriousNumAtRisk",
    "other_num_affected": "otherNumAffected",
    "other_num_at_risk": "otherNumAtRisk",
}
# Field path of the model below ``results`` -> JSON Pointer segments (see the locator).
TABLE: dict[str, Any] = {
    "participant_flow": (
        "participantFlowModule",
        {
            "pre_assignment_details": "preAssignmentDetails",
            "recruitment_details": "recruitmentDetails",
            "groups": ("groups", _GROUP),
            "periods": (
                "periods",
                {
                    "title": "title",
                    "milestones": ("milestones", {"type": "type", "comment": "comment",
                                                  "achievements": ("achievements",
                                                                   _ACHIEVEMENT)}),
                    "drop_withdraws": ("dropWithdraws", {"type": "type",
                                                         "reasons": ("reasons", _ACHIEVEMENT)}),
                },
            ),
        },
    ),
    "baseline": (
        "baselineCharacteristicsModule",
        {
            "population_description": "populationDescription",
            "groups": ("groups", _GROUP),
            "denoms": ("denoms", _DENOM),
            "measures": ("measures", _MEASURE),
        },
    ),
    "outcome_measures": ("outcomeMeasuresModule/outcomeMeasures", _MEASURE),
    "adverse_events": (
        "adverseEventsModule",
        {
            "frequency_threshold": "frequencyThreshold",
            "time_frame": "timeFrame",
            "description": "description",
            "groups": ("eventGroups", _EVENT_GROUP),
            "serious_events": ("seriousEvents", _EVENT),
            "other_events": ("otherEvents", _EVENT),
        },
    ),
}

# `Record.more_info`: the results section's moreInfoModule (a field of the record, not of
# `Results`, but read from this section), relative to the study object.
MORE_INFO = f"{RESULTS}/moreInfoModule"
MORE_INFO_TABLE: dict[str, Any] = {
    "limitations": "limitationsAndCaveats/description",
    "certain_agreement": (
        "certainAgreement",
        {
            "pi_sponsor_employee": "piSponsorEmployee",
            "restriction_type": "restrictionType",
            "restrictive_agreement": "restrictiveAgreement",
            "other_details": "otherDetails",
        },
    ),
    "point_of_contact": (
        "pointOfContact",
        {
            "title": "title",
            "organization": "organization",
            "email": "email",
            "phone": "phone",
            "phone_ext": "phoneExt",
        },
    ),
}


class _Results:
    def __init__(self, reader: StudyReader) -> None:
        self.r = reader

    def number(self, parent: dict[str, Any], key: str, pointer: str) -> str | None:
        value = parent.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, (int, float, str)):
            self.r.wrong(f"{pointer}/{key}", value, "a number")
            return None
        return str(value)

    def groups(self, parent: dict[str, Any], key: str, pointer: str) -> list[ResultGroup]:
        t = self.r.text
        return [
            ResultGroup(t(g, "id", here), t(g, "title", here), t(g, "description", here))
            for i, g in enumerate(self.r.items(parent, key, pointer))
            for here in [f"{pointer}/{key}/{i}"]
        ]

    def counts(self, parent: dict[str, Any], key: str, pointer: str,
               value_key: str = "value") -> list[GroupCount]:
        found = []
        for i, item in enumerate(self.r.items(parent, key, pointer)):
            here = f"{pointer}/{key}/{i}"
            found.append(GroupCount(self.r.text(item, "groupId", here),
                                    self.number(item, value_key, here),
                                    self.r.text(item, "comment", here)))
        return found

    def denoms(self, parent: dict[str, Any], pointer: str) -> list[Denom]:
        return [
            Denom(self.r.text(d, "units", here), self.counts(d, "counts", here))
            for i, d in enumerate(self.r.items(parent, "denoms", pointer))
            for here in [f"{pointer}/denoms/{i}"]
        ]

    def flow(self, module: dict[str, Any], mp: str) -> ParticipantFlow:
        t = self.r.text
        flow = ParticipantFlow(
            pre_assignment_details=t(module, "preAssignmentDetails", mp),
            recruitment_details=t(module, "recruitmentDetails", mp),
            groups=self.groups(module, "groups", mp),
        )
        for i, period in enumerate(self.r.items(module, "periods", mp)):
            pp = f"{mp}/periods/{i}"
            flow.periods.append(FlowPeriod(
                title=t(period, "title", pp),
                milestones=[
                    Milestone(t(m, "type", here), t(m, "comment", here),
                              self.counts(m, "achievements", here, "numSubjects"))
                    for j, m in enumerate(self.r.items(period, "milestones", pp))
                    for here in [f"{pp}/milestones/{j}"]
                ],
                drop_withdraws=[
                    DropReason(t(d, "type", here),
                               self.counts(d, "reasons", here, "numSubjects"))
                    for j, d in enumerate(self.r.items(period, "dropWithdraws", pp))
                    for here in [f"{pp}/dropWithdraws/{j}"]
                ],
            ))
        return flow

    def measure(self, item: dict[str, Any], here: str) -> ResultMeasure:
        t = self.r.text
        measure = ResultMeasure(
            type=t(item, "type", here),
            title=t(item, "title", here),
            description=t(item, "description", here),
            population_description=t(item, "populationDescription", here),
            param_type=t(item, "paramType", here),
            dispersion_type=t(item, "dispersionType", here),
            unit_of_measure=t(item, "unitOfMeasure", here),
            time_frame=t(item, "timeFrame", here),
            groups=self.groups(item, "groups", here),
            denoms=self.denoms(item, here),
        )
        for k, cls in enumerate(self.r.items(item, "classes", here)):
            cp = f"{here}/classes/{k}"
            categories = []
            for c, cat in enumerate(self.r.items(cls, "categories", cp)):
                catp = f"{cp}/categories/{c}"
                categories.append(Category(t(cat, "title", catp), [
                    Measurement(
                        group_id=t(m, "groupId", mp),
                        value=self.number(m, "value", mp),
                        spread=self.number(m, "spread", mp),
                        lower_limit=self.number(m, "lowerLimit", mp),
                        upper_limit=self.number(m, "upperLimit", mp),
                        comment=t(m, "comment", mp),
                    )
                    for j, m in enumerate(self.r.items(cat, "measurements", catp))
                    for mp in [f"{catp}/measurements/{j}"]
                ]))
            measure.classes.append(
                MeasureClass(t(cls, "title", cp), self.denoms(cls, cp), categories))
        for k, a in enumerate(self.r.items(item, "analyses", here)):
            ap = f"{here}/analyses/{k}"
            measure.analyses.append(Analysis(
                group_ids=self.r.texts(a, "groupIds", ap),
                p_value=self.number(a, "pValue", ap),
                statistical_method=t(a, "statisticalMethod", ap),
                param_type=t(a, "paramType", ap),
                param_value=self.number(a, "paramValue", ap),
                ci_pct_value=self.number(a, "ciPctValue", ap),
                ci_num_sides=t(a, "ciNumSides", ap),
                ci_lower_limit=self.number(a, "ciLowerLimit", ap),
                ci_upper_limit=self.number(a, "ciUpperLimit", ap),
                non_inferiority_type=t(a, "nonInferiorityType", ap),
            ))
        return measure

    def events(self, module: dict[str, Any], key: str, mp: str) -> list[AdverseEvent]:
        found = []
        for i, item in enumerate(self.r.items(module, key, mp)):
            here = f"{mp}/{key}/{i}"
            stats = [
                EventStat(self.r.text(s, "groupId", sp), self.number(s, "numEvents", sp),
                          self.number(s, "numAffected", sp), self.number(s, "numAtRisk", sp))
                for j, s in enumerate(self.r.items(item, "stats", here))
                for sp in [f"{here}/stats/{j}"]
            ]
            found.append(AdverseEvent(self.r.text(item, "term", here),
                                      self.r.text(item, "organSystem", here), stats))
        return found

    def adverse_events(self, module: dict[str, Any], mp: str) -> AdverseEvents:
        n = self.number
        events = AdverseEvents(
            frequency_threshold=n(module, "frequencyThreshold", mp),
            time_frame=self.r.text(module, "timeFrame", mp),
            description=self.r.text(module, "description", mp),
            serious_events=self.events(module, "seriousEvents", mp),
            other_events=self.events(module, "otherEvents", mp),
        )
        for i, g in enumerate(self.r.items(module, "eventGroups", mp)):
            gp = f"{mp}/eventGroups/{i}"
            events.groups.append(EventGroup(
                id=self.r.text(g, "id", gp),
                title=self.r.text(g, "title", gp),
                description=self.r.text(g, "description", gp),
                deaths_num_affected=n(g, "deathsNumAffected", gp),
                deaths_num_at_risk=n(g, "deathsNumAtRisk", gp),
                serious_num_affected=n(g, "seriousNumAffected", gp),
                serious_num_at_risk=n(g, "seriousNumAtRisk", gp),
                other_num_affected=n(g, "otherNumAffected", gp),
                other_num_at_risk=n(g, "otherNumAtRisk", gp),
            ))
        return events


def read_results(reader: StudyReader, study: dict[str, Any]) -> Results | None:
    """The study's results section, or None when it has none."""
    if RESULTS not in study:
        return None
    section = reader.obj(study, RESULTS, "")
    rp = f"/{RESULTS}"
    read = _Results(reader)
    results = Results()
    if "participantFlowModule" in section:
        module = reader.obj(section, "participantFlowModule", rp)
        results.participant_flow = read.flow(module, f"{rp}/participantFlowModule")
    if "baselineCharacteristicsModule" in section:
        bp = f"{rp}/baselineCharacteristicsModule"
        module = reader.obj(section, "baselineCharacteristicsModule", rp)
        results.baseline = Baseline(
            population_description=reader.text(module, "populationDescription", bp),
            groups=read.groups(module, "groups", bp),
            denoms=read.denoms(module, bp),
            measures=[read.measure(m, f"{bp}/measures/{i}")
                      for i, m in enumerate(reader.items(module, "measures", bp))],
        )
    if "outcomeMeasuresModule" in section:
        op = f"{rp}/outcomeMeasuresModule"
        module = reader.obj(section, "outcomeMeasuresModule", rp)
        results.outcome_measures = [
            read.measure(m, f"{op}/outcomeMeasures/{i}")
            for i, m in enumerate(reader.items(module, "outcomeMeasures", op))
        ]
    if "adverseEventsModule" in section:
        module = reader.obj(section, "adverseEventsModule", rp)
        results.adverse_events = read.adverse_events(module, f"{rp}/adverseEventsModule")
    return results


def read_more_info(reader: StudyReader, study: dict[str, Any]) -> MoreInfo | None:
    """The results section's moreInfoModule, or None when the study has none."""
    section = study.get(RESULTS)
    if not isinstance(section, dict) or "moreInfoModule" not in section:
        return None
    mp = f"/{MORE_INFO}"
    module = reader.obj(section, "moreInfoModule", f"/{RESULTS}")
    info = MoreInfo()
    if "limitationsAndCaveats" in module:
        info.limitations = reader.text(
            reader.obj(module, "limitationsAndCaveats", mp), "description",
            f"{mp}/limitationsAndCaveats")
    if "certainAgreement" in module:
        agreement = reader.obj(module, "certainAgreement", mp)
        ap = f"{mp}/certainAgreement"
        info.certain_agreement = CertainAgreement(
            pi_sponsor_employee=reader.flag(agreement, "piSponsorEmployee", ap),
            restriction_type=reader.text(agreement, "restrictionType", ap),
            restrictive_agreement=reader.flag(agreement, "restrictiveAgreement", ap),
            other_details=reader.text(agreement, "otherDetails", ap),
        )
    if "pointOfContact" in module:
        contact = reader.obj(module, "pointOfContact", mp)
        cp = f"{mp}/pointOfContact"
        info.point_of_contact = PointOfContact(
            title=reader.text(contact, "title", cp),
            organization=reader.text(contact, "organization", cp),
            email=reader.text(contact, "email", cp),
            phone=reader.text(contact, "phone", cp),
            phone_ext=reader.text(contact, "phoneExt", cp),
        )
    return info
