"""More participants affected by adverse events than were at risk of them.

What it finds: in the adverse events of the posted results, a number of participants affected
larger than the number at risk it is given with: a group's deaths (all-cause mortality), its
serious or its other adverse events in total (API v2 ``seriousNumAffected`` against
``seriousNumAtRisk``), or one adverse event's count in one group (``numAffected`` against
``numAtRisk``, legacy XML ``subjects_affected`` against ``subjects_at_risk``, the "Total, serious
adverse events" rows included). Only whole numbers are compared; a count that is not one
("NA", blank) is not.

Why it matters: the participants affected are some of the participants at risk, so the count
can equal the number at risk but never pass it. A larger count is a typing slip, or a count of
events entered as a count of participants, and it makes the event's rate above 100%. The
registry's validation refuses it on submission; a draft, a converted export or a hand-edited
record may still hold it.

Fails: serious adverse events of "Placebo" (EG001): 12 affected, 10 at risk; the event "Nausea"
in one group: 7 affected, 5 at risk.

Passes: 10 affected of 10 at risk; 0 of 0; an affected count of "NA".

Options: none.

Fix safety: no fix: which of the two numbers is wrong is for the sponsor to say.
"""

from __future__ import annotations

from collections.abc import Iterator

from lintrials.context import Context
from lintrials.findings import Problem
from lintrials.knowledge.results_numbers import count
from lintrials.knowledge.results_tables import AE, KINDS, event_list, group_label
from lintrials.model import Record

CODE, NAME, SEVERITY = "P111", "affected-exceeds-at-risk", "error"

_WORDS = {"deaths": "deaths (all-cause mortality)", "serious": "serious adverse events",
          "other": "other (not serious) adverse events"}


def _participants(n: int) -> str:
    return f"{n} participant" if n == 1 else f"{n} participants"


def check(record: Record, ctx: Context) -> Iterator[Problem]:
    events = record.results.adverse_events if record.results else None
    if events is None:
        return
    for i, group in enumerate(events.groups):
        label = group_label(events.groups, group.id)
        for kind in ("deaths", *KINDS):
            affected = count(getattr(group, f"{kind}_num_affected"))
            at_risk = count(getattr(group, f"{kind}_num_at_risk"))
            if affected is not None and at_risk is not None and affected > at_risk:
                field = f"{AE}.groups[{i}].{kind}_num_affected"
                yield Problem(
                    field,
                    f"{_WORDS[kind]} of {label}: {_participants(affected)} affected, more than "
                    f"the {at_risk} at risk; those affected are some of those at risk",
                    related=(f"{AE}.groups[{i}].{kind}_num_at_risk",),
                )
    for kind in KINDS:
        path, listed = event_list(events, kind)
        for j, event in enumerate(listed):
            term = " ".join((event.term or "").split()) or "(no term)"
            for k, stat in enumerate(event.stats):
                affected, at_risk = count(stat.num_affected), count(stat.num_at_risk)
                if affected is None or at_risk is None or affected <= at_risk:
                    continue
                what = "the total row" if event.total else (
                    "the serious adverse event" if kind == "serious"
                    else "the other (not serious) adverse event")
                yield Problem(
                    f"{path}[{j}].stats[{k}].num_affected",
                    f'{what} "{term}" in {group_label(events.groups, stat.group_id)}: '
                    f"{_participants(affected)} affected, more than the {at_risk} at risk; those "
                    "affected are some of those at risk",
                    related=(f"{path}[{j}].stats[{k}].num_at_risk",),
                )
