"""Builders of records with a posted participant flow and adverse events, for unit tests.

Groups are named by their titles, and get API v2 style IDs in order (FG000, FG001 ... in the
flow, EG000 ... in the adverse events). Counts are written as numbers or as text ("NA"), and
stored as text, as the readers store them::

    flow_record(
        period(started=[50, 48], completed=[45, 40], not_completed=[5, 8],
               reasons={"Adverse Event": [2, 3], "Withdrawal by Subject": [3, 5]}),
        groups=("Placebo", "Drug"), enrollment=98,
    )

A list gives one count per group in order; a dict names the groups it gives counts for (by
title), so a group can be left out.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lintrials.model import (
    AdverseEvents,
    DropReason,
    EventGroup,
    FlowPeriod,
    GroupCount,
    Milestone,
    ParticipantFlow,
    Record,
    ResultGroup,
    Results,
)

Value = int | str
Counts = Sequence[Value] | Mapping[str, Value]
GROUPS = ("Placebo", "Drug")


def _counts(counts: Counts, groups: Sequence[str], prefix: str) -> list[GroupCount]:
    ids = {title: f"{prefix}{i:03d}" for i, title in enumerate(groups)}
    if isinstance(counts, Mapping):
        pairs = [(ids[title], value) for title, value in counts.items()]
    else:
        pairs = [(f"{prefix}{i:03d}", value) for i, value in enumerate(counts)]
    return [GroupCount(group, str(value)) for group, value in pairs]


@dataclass
class PeriodSpec:
    """One period of the flow, made into a `FlowPeriod` for given groups by `build`."""

    title: str
    fixed: dict[str, Counts | None]
    reasons: dict[str, Counts] = field(default_factory=dict)
    others: dict[str, Counts] = field(default_factory=dict)
    comments: dict[str, str] = field(default_factory=dict)

    def build(self, groups: Sequence[str]) -> FlowPeriod:
        built = FlowPeriod(self.title)
        rows = [(kind, counts) for kind, counts in self.fixed.items() if counts is not None]
        rows[1:1] = list(self.others.items())  # the registrant's own milestones after STARTED
        for kind, counts in rows:
            built.milestones.append(Milestone(kind, self.comments.get(kind),
                                              _counts(counts, groups, "FG")))
        for why, counts in self.reasons.items():
            built.drop_withdraws.append(DropReason(why, _counts(counts, groups, "FG")))
        return built


def period(title: str = "Overall Study", *, started: Counts | None = None,
           completed: Counts | None = None, not_completed: Counts | None = None,
           reasons: Mapping[str, Counts] | None = None,
           milestones: Mapping[str, Counts] | None = None,
           comments: Mapping[str, str] | None = None) -> PeriodSpec:
    """A period: the three fixed milestones, the registrant's own (``milestones``, placed after
    STARTED), the reasons for leaving, and comments on milestones by their type."""
    fixed = {"STARTED": started, "COMPLETED": completed, "NOT COMPLETED": not_completed}
    return PeriodSpec(title, fixed, dict(reasons or {}), dict(milestones or {}),
                      dict(comments or {}))


def flow(*periods: PeriodSpec, groups: Sequence[str] = GROUPS, pre: str | None = None,
         recruitment: str | None = None) -> ParticipantFlow:
    return ParticipantFlow(
        pre_assignment_details=pre,
        recruitment_details=recruitment,
        groups=[ResultGroup(f"FG{i:03d}", title) for i, title in enumerate(groups)],
        periods=[p.build(groups) for p in periods],
    )


def events(serious_at_risk: Counts, other_at_risk: Counts | None = None,
           groups: Sequence[str] = GROUPS, description: str | None = None) -> AdverseEvents:
    """Adverse events with the groups' numbers at risk, given as API v2 JSON gives them."""
    serious = {c.group_id: c.value for c in _counts(serious_at_risk, groups, "EG")}
    other = {c.group_id: c.value for c in _counts(other_at_risk or serious_at_risk, groups, "EG")}
    return AdverseEvents(description=description, groups=[
        EventGroup(f"EG{i:03d}", title, serious_num_at_risk=serious.get(f"EG{i:03d}"),
                   other_num_at_risk=other.get(f"EG{i:03d}"))
        for i, title in enumerate(groups)
    ])


def flow_record(*periods: PeriodSpec, groups: Sequence[str] = GROUPS,
                enrollment: int | None = None, enrollment_type: str | None = "ACTUAL",
                pre: str | None = None, recruitment: str | None = None,
                adverse_events: AdverseEvents | None = None) -> Record:
    """A record with results: the flow of ``periods`` and, when given, adverse events."""
    return Record(
        nct_id="NCT00000000",
        enrollment_count=enrollment,
        enrollment_type=enrollment_type if enrollment is not None else None,
        results=Results(participant_flow=flow(*periods, groups=groups, pre=pre,
                                              recruitment=recruitment),
                        adverse_events=adverse_events),
    )


def edited_json(source: Path, folder: Path, change: Callable[[Any], None]) -> Path:
    """A copy of the JSON record ``source`` in ``folder`` with ``change`` made to its data."""
    data = json.loads(source.read_text(encoding="utf-8"))
    change(data)
    path = folder / source.name
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False), encoding="utf-8")
    return path


def flow_module(data: Any) -> Any:
    """The participant flow module of an API v2 study."""
    return data["resultsSection"]["participantFlowModule"]


def edited_text(source: Path, folder: Path, old: str, new: str) -> Path:
    """A copy of ``source`` in ``folder`` with the one occurrence of ``old`` replaced."""
    text = source.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} is not once in {source.name}"
    path = folder / source.name
    path.write_text(text.replace(old, new), encoding="utf-8")
    return path


def achievement(period: int, milestone: int, group: int) -> str:
    """The field path of one count of the flow, by positions from 0."""
    return (f"results.participant_flow.periods[{period}].milestones[{milestone}]"
            f".achievements[{group}].value")
