"""A count of participants larger than the number of participants analysed for it.

What it finds: in a baseline characteristic or an outcome measure whose values are numbers of
participants (measure type COUNT_OF_PARTICIPANTS, legacy "Count of Participants", or NUMBER
with a unit of participants: "participants", "patients", "subjects"), a value in one group
larger than the number of participants analysed in that group. The number analysed is the
row's own (a class's "number analyzed"), else the measure's, else, for a baseline measure, the
baseline's overall number; only a denominator in participants is used (not eyes or lesions,
the units a measure may also count). Only whole numbers are compared ("NA" is not). A Count
of Participants in a unit of another kind ("percentage of participants") may hold
percentages: it is participant-count-unit's (P117), and not compared here.

Why it matters: the participants counted are some of those analysed, so a count can reach the
number analysed but not pass it; the registry shows each count with its percentage of the
number analysed, which goes over 100%. A larger count is a typing slip, a count from another
population (all participants started, when fewer were analysed), or a count of events.

Fails: "Region of Enrollment: United States" 8 participants in a group of which 4 were
analysed; "Number of Participants With Response" 31 of 30 analysed.

Passes: 30 of 30 analysed; a MEAN in years; a count of eyes against a number of eyes.

Options: none.

Fix safety: no fix: whether the count or the number analysed is wrong is for the sponsor to
say.
"""

from __future__ import annotations

from collections.abc import Iterator

from lintrials.context import Context
from lintrials.findings import Problem
from lintrials.knowledge.results_numbers import analysed, count, is_count_of_participants
from lintrials.knowledge.results_tables import group_label, measures
from lintrials.model import Record

CODE, NAME, SEVERITY = "P114", "count-exceeds-analysed", "error"


def _row(*titles: str | None) -> str:
    named = [" ".join(t.split()) for t in titles if t and t.strip()]
    return f" ({', '.join(named)})" if named else ""


def check(record: Record, ctx: Context) -> Iterator[Problem]:
    results = record.results
    if results is None:
        return
    for prefix, measure, fallback in measures(results):
        if not is_count_of_participants(measure):
            continue
        kind = "baseline measure" if prefix.startswith("results.baseline") else "outcome measure"
        title = " ".join((measure.title or "").split())
        groups = measure.groups or (results.baseline.groups if results.baseline else [])
        for k, cls in enumerate(measure.classes):
            for c, category in enumerate(cls.categories):
                for j, m in enumerate(category.measurements):
                    value = count(m.value)
                    n = analysed(m.group_id, cls, measure, fallback, prefix, k)
                    if value is None or n is None or value <= n[0]:
                        continue
                    people = "participant" if n[0] == 1 else "participants"
                    yield Problem(
                        f"{prefix}.classes[{k}].categories[{c}].measurements[{j}].value",
                        f'{kind} "{title}"{_row(cls.title, category.title)}: {value} counted '
                        f"in {group_label(groups, m.group_id)}, where {n[0]} {people} were "
                        "analysed: the participants counted are some of those analysed",
                        related=(n[1],),
                    )
