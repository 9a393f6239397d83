"""A group's total affected by adverse events that the events listed cannot add up to.

What it finds: a group's total number of participants affected by any serious (or other)
adverse event that is larger than the sum of the participants affected, in that group, by each
serious (or other) event listed (none listed counts as 0); and two totals given for one group
and kind that disagree (a group's own ``seriousNumAffected`` and a legacy "Total, serious
adverse events" row, or two such rows; all-cause mortality rows too). Only whole numbers are
compared: when any event's count for the group is not one ("NA", or the group left out of an
event), the sum is unknown and the group is not judged.

What is exact: the total counts participants, the events count participants per event, and a
participant with two events is counted under both. So the total may be less than the sum (3
participants with 13 serious events between them), and it may equal the largest event, but it
can never exceed the sum: each participant in the total had at least one event of the list.
That holds for serious events, which are all listed, and for other events, whose total the
registry defines as the participants affected by the other events listed, those above the
frequency threshold. A total below the largest event is event-exceeds-group-total's (P112),
so a total of 0 beside an event that affected someone is reported there, not here.

Why it matters: a total larger than its events says participants had serious (or other)
events that the list does not show, or the total counts something else (events, or every
non-serious event below the threshold). Readers take the total as the headline safety figure.

Fails: total serious affected 5 in "Placebo", the serious events listed affect 1 and 2 there;
total serious affected 2 with no serious event listed; a group's seriousNumAffected of 3 beside
a "Total, serious adverse events" row of 4.

Passes: total 3 with events of 1, 1 and 2 (a participant had two); total 2 with one event of 2.

Options: none.

Fix safety: no fix: which number is wrong, or which event is missing, is for the sponsor to
say.
"""

from __future__ import annotations

from collections.abc import Iterator

from lintrials.context import Context
from lintrials.findings import Problem
from lintrials.knowledge.results_numbers import count
from lintrials.knowledge.results_tables import KINDS, event_list, group_label, group_totals
from lintrials.model import AdverseEvents, Record

CODE, NAME, SEVERITY = "P113", "event-totals-mismatch", "warning"

_KIND = {"deaths": "deaths (all-cause mortality)", "serious": "serious adverse events",
         "other": "other (not serious) adverse events"}
_EVENT = {"serious": "serious adverse event", "other": "other (not serious) adverse event"}


def _sums(events: AdverseEvents, kind: str) -> tuple[dict[str, int], set[str], int]:
    """The sum of affected per group over the events of ``kind``, the groups whose sum is
    unknown (a count that is no number, or missing), and how many events are listed."""
    _, listed = event_list(events, kind)
    rows = [e for e in listed if not e.total]
    sums: dict[str, int] = {}
    unknown: set[str] = set()
    for group in events.groups:
        if group.id is not None:
            sums[group.id] = 0
    for event in rows:
        seen = set()
        for stat in event.stats:
            if stat.group_id is None:
                continue
            seen.add(stat.group_id)
            affected = count(stat.num_affected)
            if affected is None:
                unknown.add(stat.group_id)
            else:
                sums[stat.group_id] = sums.get(stat.group_id, 0) + affected
        unknown |= set(sums) - seen
    return sums, unknown, len(rows)


def check(record: Record, ctx: Context) -> Iterator[Problem]:
    events = record.results.adverse_events if record.results else None
    if events is None:
        return
    for kind in ("deaths", *KINDS):
        totals = group_totals(events, kind)
        for group_id, given in totals.items():
            label = group_label(events.groups, group_id)
            numeric = [(n, t) for t in given for n in [count(t.text)] if n is not None]
            for n, t in numeric[1:]:
                first, where = numeric[0]
                if n != first:
                    yield Problem(
                        t.field,
                        f"{label}: two totals of participants affected by {_KIND[kind]} "
                        f"disagree, {first} and {n}: one group has one total of each kind",
                        related=(where.field,),
                    )
        if kind == "deaths":
            continue
        sums, unknown, listed = _sums(events, kind)
        for group_id, given in totals.items():
            numeric = [(n, t) for t in given for n in [count(t.text)] if n is not None]
            if not numeric or group_id in unknown:
                continue
            total, where = numeric[0]
            label = group_label(events.groups, group_id)
            listed_sum = sums.get(group_id, 0)
            if total <= listed_sum:
                continue
            if not listed:
                said = f"no {_EVENT[kind]} is listed"
            elif listed_sum == 0:
                said = f"every {_EVENT[kind]} listed gives 0 affected in this group"
            else:
                said = (f"the {_EVENT[kind]}s listed affect {listed_sum} in this group even "
                        "counting a participant once per event")
            people = "participant" if total == 1 else "participants"
            yield Problem(
                where.field,
                f"{label}: {total} {people} affected by any of the {_KIND[kind]}, but {said}: "
                "every participant in the total had one of the events listed",
            )
