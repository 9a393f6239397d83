"""One adverse event affecting more participants in a group than the group's total affected.

What it finds: a serious (or other) adverse event whose number of participants affected in one
group is larger than that group's total number affected by any serious (or other) adverse
event, when the total is given: API v2 ``seriousNumAffected`` / ``otherNumAffected`` on the
event group, legacy XML the "Total, serious adverse events" / "Total, other adverse events" row
(a record that gives both is judged by the group's field; two totals that disagree are
event-totals-mismatch's). A total of 0 with an event that affected someone is reported here.
Only whole numbers are compared ("NA" is not).

Why it matters: the total counts the participants affected by at least one event of the kind,
so every participant counted under one event is counted in the total: no event can affect more
participants than the total. A larger event count means a wrong total (often left at 0 while
the events were filled in) or a count of events entered as participants. The registry's
validation refuses it on submission; drafts and converted exports may hold it.

Fails: total serious affected 3 in "Placebo", the serious event "Pneumonia" with 4 affected
there; total other affected 0, "Headache" with 2 affected.

Passes: total 3, "Pneumonia" 3 (the same three participants); total "NA".

Options: none.

Fix safety: no fix: whether the total or the event's count is wrong is for the sponsor to say.
"""

from __future__ import annotations

from collections.abc import Iterator

from lintrials.context import Context
from lintrials.findings import Problem
from lintrials.knowledge.results_numbers import count
from lintrials.knowledge.results_tables import KINDS, event_list, group_label, group_totals
from lintrials.model import Record

CODE, NAME, SEVERITY = "P112", "event-exceeds-group-total", "error"

_KIND = {"serious": "serious", "other": "other (not serious)"}


def check(record: Record, ctx: Context) -> Iterator[Problem]:
    events = record.results.adverse_events if record.results else None
    if events is None:
        return
    for kind in KINDS:
        totals = {}
        for group_id, given in group_totals(events, kind).items():
            numeric = [(n, t) for t in given for n in [count(t.text)] if n is not None]
            if numeric:
                totals[group_id] = numeric[0]
        path, listed = event_list(events, kind)
        for j, event in enumerate(listed):
            if event.total:
                continue
            term = " ".join((event.term or "").split()) or "(no term)"
            for k, stat in enumerate(event.stats):
                affected = count(stat.num_affected)
                if affected is None or stat.group_id not in totals:
                    continue
                total, where = totals[stat.group_id]
                if affected <= total:
                    continue
                people = "participant" if affected == 1 else "participants"
                yield Problem(
                    f"{path}[{j}].stats[{k}].num_affected",
                    f'the {_KIND[kind]} adverse event "{term}" affected {affected} {people} in '
                    f"{group_label(events.groups, stat.group_id)}, more than the {total} the "
                    f"group's total gives as affected by any {_KIND[kind]} adverse event: the "
                    "total counts every participant an event affected",
                    related=(where.field,),
                )
