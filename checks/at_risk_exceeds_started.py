"""An adverse-event group with more participants at risk than started in its flow group.

What it finds: an adverse-event group whose number at risk of serious or of other adverse
events is larger than the participants of the matching participant-flow group: the largest
STARTED count, or count of a registrant's own row such as "Safety Analysis Set", the flow
gives that group in any period. Groups are matched by title (case and blanks aside, each
title once on both sides), or a single adverse-event group to a single flow group; groups
that cannot be matched are not judged. Numbers are compared exactly as written: a value that
is not a whole number in digits is not compared. Legacy XML gives the numbers at risk on the
total event of each kind ("Total, serious adverse events"), API v2 JSON on the group.

Not reported, as counted by the treatment received (participants who moved between groups):
when the matched adverse-event groups together hold no more participants at risk, of that
kind, than all the flow's groups started; or when the adverse-event description or the group's
description says so ("as-treated population", "the treatment actually received", "regardless
of randomized group").

Why it matters: participants at risk are those who were in the group; more at risk than ever
started cannot be, so one of the two tables counts wrong, and every adverse-event rate of the
group is computed on that number.

Fails: flow "Placebo" STARTED 121; adverse events "Placebo" serious at risk 131, other 131.

Passes: "Placebo" at risk 111 of 121 started; or 2902 at risk in "Arm B" of 2900 started,
with 36 of "Arm A" counted in "Arm B" as treated and "Arm A" at risk 2841 of 2896.

Options: none. The check does not depend on the run date.

Fix safety: no fix: which table counts wrong is for the sponsor to say.
"""

from __future__ import annotations

from collections.abc import Iterator

from lintrials.context import Context
from lintrials.findings import Problem
from lintrials.knowledge.participant_flow import (
    COMPLETED,
    NOT_COMPLETED,
    STARTED,
    as_treated,
    count,
    milestone_kind,
    period_counts,
)
from lintrials.model import AdverseEvents, ParticipantFlow, Record

CODE, NAME, SEVERITY = "P104", "at-risk-exceeds-started", "warning"

KINDS = ("serious", "other")


def _title(text: str | None) -> str:
    return " ".join((text or "").casefold().split())


def flow_sizes(flow: ParticipantFlow) -> dict[str, int]:
    """Each flow group's largest STARTED or registrant's own count in any period (for a group
    with a STARTED count): COMPLETED and NOT COMPLETED are parts of STARTED."""
    sizes: dict[str, int] = {}
    started: set[str] = set()
    for period in period_counts(flow):
        started |= {g for g, cell in period.fixed.get(STARTED, {}).items()
                    if cell.value is not None}
        for title, cells in period.rows:
            if milestone_kind(title) in (COMPLETED, NOT_COMPLETED):
                continue
            for group, cell in cells.items():
                if cell.value is not None:
                    sizes[group] = max(sizes.get(group, 0), cell.value)
    return {group: size for group, size in sizes.items() if group in started}


def at_risk(events: AdverseEvents) -> dict[str, dict[str, tuple[str, int]]]:
    """Kind -> event group ID -> (field path, number at risk), where it is a count."""
    found: dict[str, dict[str, tuple[str, int]]] = {kind: {} for kind in KINDS}
    for i, group in enumerate(events.groups):
        for kind in KINDS:
            value = count(getattr(group, f"{kind}_num_at_risk"))
            if group.id and value is not None:
                found[kind][group.id.strip()] = (
                    f"results.adverse_events.groups[{i}].{kind}_num_at_risk", value)
    for kind in KINDS:
        for k, event in enumerate(getattr(events, f"{kind}_events")):
            # The kind's own total: the serious list also holds "Total, all-cause mortality".
            term = _title(event.term)
            if not event.total or kind not in term or "mortality" in term:
                continue
            for j, stat in enumerate(event.stats):
                value = count(stat.num_at_risk)
                if stat.group_id and value is not None:
                    found[kind].setdefault(stat.group_id.strip(), (
                        f"results.adverse_events.{kind}_events[{k}].stats[{j}].num_at_risk",
                        value))
    return found


def matches(flow: ParticipantFlow, events: AdverseEvents) -> dict[str, str]:
    """Event group ID -> flow group ID, for the groups that correspond unambiguously."""
    if len(flow.groups) == 1 and len(events.groups) == 1:
        only, event = flow.groups[0], events.groups[0]
        return {(event.id or "").strip(): (only.id or "").strip()} if only.id and event.id else {}
    flow_titles = [_title(g.title) for g in flow.groups]
    event_titles = [_title(g.title) for g in events.groups]
    found = {}
    for group in events.groups:
        title = _title(group.title)
        if (title and group.id and event_titles.count(title) == 1
                and flow_titles.count(title) == 1):
            match = flow.groups[flow_titles.index(title)]
            if match.id:
                found[group.id.strip()] = match.id.strip()
    return found


def check(record: Record, ctx: Context) -> Iterator[Problem]:
    results = record.results
    if results is None or results.participant_flow is None or results.adverse_events is None:
        return
    flow, events = results.participant_flow, results.adverse_events
    if as_treated(events.description):
        return
    sizes = flow_sizes(flow)
    pairs = {e: f for e, f in matches(flow, events).items() if f in sizes}
    risks = at_risk(events)
    titles = {(g.id or "").strip(): g for g in events.groups}
    flow_titles = {(g.id or "").strip(): (g.title or "").strip() for g in flow.groups}
    over: dict[str, list[tuple[str, str, int]]] = {}
    for kind in KINDS:
        matched = {e: risks[kind][e] for e in pairs if e in risks[kind]}
        if sum(value for _, value in matched.values()) <= sum(sizes.values()):
            continue  # no more at risk than started: participants counted as treated
        for event, (path, value) in matched.items():
            if value > sizes[pairs[event]]:
                over.setdefault(event, []).append((kind, path, value))
    for event, found in over.items():
        group = titles.get(event)
        if group is not None and as_treated(group.description):
            continue
        flow_group = pairs[event]
        said = " and ".join(f"{value} at risk of {kind} adverse events" for kind, _, value in found)
        yield Problem(
            found[0][1],
            f'adverse-event group "{(group.title or "").strip() if group else event}" has '
            f"{said}, but the participant flow's group "
            f'"{flow_titles.get(flow_group) or flow_group}" has {sizes[flow_group]}',
            related=tuple(path for _, path, _ in found[1:]),
        )
