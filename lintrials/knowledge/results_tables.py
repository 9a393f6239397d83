"""Walking the tables of a posted results section: the measures with their field paths, the
adverse events of each kind, and each group's total affected as the record gives it.

A field path is the model's own (``results.adverse_events.groups[1].serious_num_affected``),
which the engine locates in the file. The two formats give an adverse-event group's totals in
different places: API v2 JSON on the group (``seriousNumAffected``), legacy XML as an event of
its own ("Total, serious adverse events", `AdverseEvent.total`), and records from 2017 add a
"Total, all-cause mortality" row to the serious list, which totals deaths, not serious events
(`row_kind`); `group_totals` gives both places.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from lintrials.model import (
    AdverseEvent,
    AdverseEvents,
    Denom,
    EventGroup,
    ResultGroup,
    ResultMeasure,
    Results,
)

__all__ = ["KINDS", "Total", "event_list", "group_label", "group_totals", "measures", "row_kind"]

AE = "results.adverse_events"
# The kinds of adverse event with a list of events and a total: serious, other (non-serious).
KINDS = ("serious", "other")


def measures(results: Results) -> Iterator[tuple[str, ResultMeasure, list[Denom]]]:
    """Each baseline measure and outcome measure with its field path and the denominators it
    falls back on (the baseline's own, for a baseline measure; none for an outcome)."""
    if results.baseline is not None:
        for i, measure in enumerate(results.baseline.measures):
            yield f"results.baseline.measures[{i}]", measure, results.baseline.denoms
    for i, measure in enumerate(results.outcome_measures or []):
        yield f"results.outcome_measures[{i}]", measure, []


def event_list(events: AdverseEvents, kind: str) -> tuple[str, list[AdverseEvent]]:
    """The field path and the list of the events of ``kind`` ("serious" or "other")."""
    listed = events.serious_events if kind == "serious" else events.other_events
    return f"{AE}.{kind}_events", listed


@dataclass(frozen=True)
class Total:
    """A group's total affected by any event of one kind, as one place of the record gives it."""

    text: str
    field: str
    row: bool  # given as a "Total, ..." row of the event list (legacy XML), not on the group


def row_kind(event: AdverseEvent, kind: str) -> str | None:
    """What a legacy "Total" row of the ``kind`` list totals: "deaths" for "Total, all-cause
    mortality" (written in the serious list from 2017), else the list's own kind; None for an
    event that is no total row."""
    if not event.total:
        return None
    return "deaths" if _DEATHS.search(event.term or "") else kind


_DEATHS = re.compile(r"mortality|death", re.IGNORECASE)


def group_totals(events: AdverseEvents, kind: str) -> dict[str, list[Total]]:
    """Each group's totals affected for ``kind`` ("deaths", "serious", "other"), by group ID,
    in the order given: the group's own field, then any "Total" rows of the lists."""
    found: dict[str, list[Total]] = {}
    for i, group in enumerate(events.groups):
        text = getattr(group, f"{kind}_num_affected")
        if group.id is not None and text is not None:
            found.setdefault(group.id, []).append(
                Total(text, f"{AE}.groups[{i}].{kind}_num_affected", False))
    for listed_kind in KINDS:
        path, listed = event_list(events, listed_kind)
        for j, event in enumerate(listed):
            if row_kind(event, listed_kind) != kind:
                continue
            for k, stat in enumerate(event.stats):
                if stat.group_id is not None and stat.num_affected is not None:
                    found.setdefault(stat.group_id, []).append(
                        Total(stat.num_affected, f"{path}[{j}].stats[{k}].num_affected", True))
    return found


def group_label(groups: Sequence[ResultGroup | EventGroup], group_id: str | None) -> str:
    """How a message names a group: its title and ID ("Placebo" (EG001)), or its ID."""
    for group in groups:
        if group.id == group_id and group.title and group.title.strip():
            return f'"{" ".join(group.title.split())}" ({group_id})'
    return f"group {group_id}"
