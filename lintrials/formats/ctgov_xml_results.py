"""The results section of a legacy ClinicalTrials.gov XML record (``<clinical_results>``), read
into `Results`, and where each of its fields sits (`TABLE`, part of the locator's table).

Counts are attributes (``<participants group_id="P1" count="54">``): an ``@name`` step in the
table locates the attribute's value. Coded values take the API v2 spelling ("Count of
Participants" -> COUNT_OF_PARTICIPANTS, "2-Sided" -> TWO_SIDED). Adverse events sit in
categories (the organ system); the model lists them flat, in document order, and the table
reaches the k-th with ``descendant::event[k]``. Each group's total ("Total, serious adverse
events") is an event of its own here, kept in the list with ``total`` set.
"""

from __future__ import annotations

from typing import Any

from lintrials.formats import MAX_SHORT_CHARS
from lintrials.formats.fields import enum_value
from lintrials.model import (
    AdverseEvent,
    AdverseEvents,
    Analysis,
    Baseline,
    Category,
    Denom,
    DropReason,
    EventGroup,
    EventStat,
    FlowPeriod,
    GroupCount,
    MeasureClass,
    Measurement,
    Milestone,
    ParticipantFlow,
    ResultGroup,
    ResultMeasure,
    Results,
)

_SIDES = {"1_SIDED": "ONE_SIDED", "2_SIDED": "TWO_SIDED"}

_GROUP = {"id": "@group_id", "title": "title", "description": "description"}
_COUNT = {"group_id": "@group_id", "value": "@count", "comment": ""}
_DENOM = {"units": "units", "counts": ("count_list/count",
                                       {"group_id": "@group_id", "value": "@value"})}
_MEASUREMENT = {
    "group_id": "@group_id",
    "value": "@value",
    "spread": "@spread",
    "lower_limit": "@lower_limit",
    "upper_limit": "@upper_limit",
    "comment": "",
}
_CLASS = {
    "title": "title",
    "denoms": ("analyzed_list/analyzed", _DENOM),
    "categories": ("category_list/category",
                   {"title": "title", "measurements": ("measurement_list/measurement",
                                                       _MEASUREMENT)}),
}
_ANALYSIS: dict[str, Any] = {
    "group_ids": ("group_id_list/group_id", {}),
    "p_value": "p_value",
    "statistical_method": "method",
    "param_type": "param_type",
    "param_value": "param_value",
    "ci_pct_value": "ci_percent",
    "ci_num_sides": "ci_n_sides",
    "ci_lower_limit": "ci_lower_limit",
    "ci_upper_limit": "ci_upper_limit",
    "non_inferiority_type": "non_inferiority_type",
}
_BASELINE_MEASURE = {
    "title": "title",
    "description": "description",
    "population_description": "population",
    "param_type": "param",
    "dispersion_type": "dispersion",
    "unit_of_measure": "units",
    "denoms": ("analyzed_list/analyzed", _DENOM),
    "classes": ("class_list/class", _CLASS),
}
_OUTCOME = {
    "type": "type",
    "title": "title",
    "description": "description",
    "population_description": "population",
    "time_frame": "time_frame",
    "param_type": "measure/param",
    "dispersion_type": "measure/dispersion",
    "unit_of_measure": "measure/units",
    "groups": ("group_list/group", _GROUP),
    "denoms": ("measure/analyzed_list/analyzed", _DENOM),
    "classes": ("measure/class_list/class", _CLASS),
    "analyses": ("analysis_list/analysis", _ANALYSIS),
}
_EVENT = {
    "term": "sub_title",
    "organ_system": "../../title",
    "stats": ("counts", {"group_id": "@group_id", "num_events": "@events",
                         "num_affected": "@subjects_affected",
                         "num_at_risk": "@subjects_at_risk"}),
    "total": "",
}
# Field path of the model below ``results`` -> element path below <clinical_results>.
TABLE: dict[str, Any] = {
    "participant_flow": (
        "participant_flow",
        {
            "pre_assignment_details": "pre_assignment_details",
            "recruitment_details": "recruitment_details",
            "groups": ("group_list/group", _GROUP),
            "periods": (
                "period_list/period",
                {
                    "title": "title",
                    "milestones": ("milestone_list/milestone",
                                   {"type": "title", "achievements":
                                    ("participants_list/participants", _COUNT)}),
                    "drop_withdraws": ("drop_withdraw_reason_list/drop_withdraw_reason",
                                       {"type": "title", "reasons":
                                        ("participants_list/participants", _COUNT)}),
                },
            ),
        },
    ),
    "baseline": (
        "baseline",
        {
            "population_description": "population",
            "groups": ("group_list/group", _GROUP),
            "denoms": ("analyzed_list/analyzed", _DENOM),
            "measures": ("measure_list/measure", _BASELINE_MEASURE),
        },
    ),
    "outcome_measures": ("outcome_list/outcome", _OUTCOME),
    "adverse_events": (
        "reported_events",
        {
            "frequency_threshold": "other_events/frequency_threshold",
            "time_frame": "time_frame",
            "description": "desc",
            "groups": ("group_list/group", _GROUP),
            "serious_events": ("serious_events/descendant::event", _EVENT),
            "other_events": ("other_events/descendant::event", _EVENT),
        },
    ),
}


def _text(element: Any, path: str) -> str | None:
    found = element.find(path)
    if found is None or found.text is None:
        return None
    return str(found.text)[:MAX_SHORT_CHARS]


def _attr(element: Any, name: str) -> str | None:
    value = element.get(name)
    return None if value is None else str(value)[:MAX_SHORT_CHARS]


def _own_text(element: Any) -> str | None:
    text = element.text
    return str(text)[:MAX_SHORT_CHARS] if text and text.strip() else None


def _groups(parent: Any) -> list[ResultGroup]:
    return [ResultGroup(_attr(g, "group_id"), _text(g, "title"), _text(g, "description"))
            for g in parent.findall("group_list/group")]


def _counts(parent: Any, path: str, value: str) -> list[GroupCount]:
    return [GroupCount(_attr(c, "group_id"), _attr(c, value), _own_text(c))
            for c in parent.findall(path)]


def _denoms(parent: Any, path: str) -> list[Denom]:
    return [Denom(_text(a, "units"), _counts(a, "count_list/count", "value"))
            for a in parent.findall(path)]


def _classes(parent: Any, path: str) -> list[MeasureClass]:
    found = []
    for cls in parent.findall(path):
        categories = [
            Category(_text(cat, "title"), [
                Measurement(_attr(m, "group_id"), _attr(m, "value"), _attr(m, "spread"),
                            _attr(m, "lower_limit"), _attr(m, "upper_limit"), _own_text(m))
                for m in cat.findall("measurement_list/measurement")
            ])
            for cat in cls.findall("category_list/category")
        ]
        found.append(MeasureClass(_text(cls, "title"),
                                  _denoms(cls, "analyzed_list/analyzed"), categories))
    return found


def _flow(element: Any) -> ParticipantFlow:
    flow = ParticipantFlow(
        pre_assignment_details=_text(element, "pre_assignment_details"),
        recruitment_details=_text(element, "recruitment_details"),
        groups=_groups(element),
    )
    for period in element.findall("period_list/period"):
        flow.periods.append(FlowPeriod(
            title=_text(period, "title"),
            milestones=[
                Milestone(_text(m, "title"), None,
                          _counts(m, "participants_list/participants", "count"))
                for m in period.findall("milestone_list/milestone")
            ],
            drop_withdraws=[
                DropReason(_text(d, "title"),
                           _counts(d, "participants_list/participants", "count"))
                for d in period.findall("drop_withdraw_reason_list/drop_withdraw_reason")
            ],
        ))
    return flow


def _outcome(element: Any) -> ResultMeasure:
    measure = ResultMeasure(
        type=enum_value(_text(element, "type")),
        title=_text(element, "title"),
        description=_text(element, "description"),
        population_description=_text(element, "population"),
        time_frame=_text(element, "time_frame"),
        param_type=enum_value(_text(element, "measure/param")),
        dispersion_type=enum_value(_text(element, "measure/dispersion")),
        unit_of_measure=_text(element, "measure/units"),
        groups=_groups(element),
        denoms=_denoms(element, "measure/analyzed_list/analyzed"),
        classes=_classes(element, "measure/class_list/class"),
    )
    for a in element.findall("analysis_list/analysis"):
        sides = enum_value(_text(a, "ci_n_sides"))
        measure.analyses.append(Analysis(
            group_ids=[(g.text or "").strip() for g in a.findall("group_id_list/group_id")],
            p_value=_text(a, "p_value"),
            statistical_method=_text(a, "method"),
            param_type=_text(a, "param_type"),
            param_value=_text(a, "param_value"),
            ci_pct_value=_text(a, "ci_percent"),
            ci_num_sides=_SIDES.get(sides or "", sides),
            ci_lower_limit=_text(a, "ci_lower_limit"),
            ci_upper_limit=_text(a, "ci_upper_limit"),
            non_inferiority_type=enum_value(_text(a, "non_inferiority_type")),
        ))
    return measure


def _events(element: Any) -> list[AdverseEvent]:
    found = []
    for event in element.iter("event"):
        category = event.getparent().getparent()
        organ = _text(category, "title")
        term = _text(event, "sub_title")
        found.append(AdverseEvent(
            term=term,
            organ_system=organ,
            stats=[EventStat(_attr(c, "group_id"), _attr(c, "events"),
                             _attr(c, "subjects_affected"), _attr(c, "subjects_at_risk"))
                   for c in event.findall("counts")],
            total=(organ or "").strip() == "Total"
            and (term or "").strip().lower().startswith("total"),
        ))
    return found


def read_results(root: Any) -> Results | None:
    """The record's results section, or None when it has none."""
    section = root.find("clinical_results")
    if section is None:
        return None
    results = Results()
    flow = section.find("participant_flow")
    if flow is not None:
        results.participant_flow = _flow(flow)
    baseline = section.find("baseline")
    if baseline is not None:
        results.baseline = Baseline(
            population_description=_text(baseline, "population"),
            groups=_groups(baseline),
            denoms=_denoms(baseline, "analyzed_list/analyzed"),
            measures=[
                ResultMeasure(
                    title=_text(m, "title"),
                    description=_text(m, "description"),
                    population_description=_text(m, "population"),
                    param_type=enum_value(_text(m, "param")),
                    dispersion_type=enum_value(_text(m, "dispersion")),
                    unit_of_measure=_text(m, "units"),
                    denoms=_denoms(m, "analyzed_list/analyzed"),
                    classes=_classes(m, "class_list/class"),
                )
                for m in baseline.findall("measure_list/measure")
            ],
        )
    outcomes = section.find("outcome_list")
    if outcomes is not None:
        results.outcome_measures = [_outcome(o) for o in outcomes.findall("outcome")]
    events = section.find("reported_events")
    if events is not None:
        serious, other = events.find("serious_events"), events.find("other_events")
        results.adverse_events = AdverseEvents(
            frequency_threshold=_text(events, "other_events/frequency_threshold"),
            time_frame=_text(events, "time_frame"),
            description=_text(events, "desc"),
            groups=[EventGroup(_attr(g, "group_id"), _text(g, "title"), _text(g, "description"))
                    for g in events.findall("group_list/group")],
            serious_events=_events(serious) if serious is not None else [],
            other_events=_events(other) if other is not None else [],
        )
    return results

