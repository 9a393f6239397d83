"""A flow period that starts more participants in a group than completed the period before.

What it finds: in a participant flow of several periods with the same groups in both (the
groups that start participants, STARTED not 0, are the same in the two periods), a group
whose STARTED in a period is larger than its COMPLETED in the period before: participants
appear from nowhere. Counts are compared exactly as written: a value that is not a whole
number in digits is not compared, and a group a milestone leaves out is not invented. A
comment on the later STARTED (the milestone's or a group's) or on the earlier COMPLETED is
taken as the explanation the registry asks for ("participants who discontinued treatment
entered follow-up", "re-randomized"), and silences the pair of periods; so do groups that
change between the periods (a run-in of one group, then randomised arms; cohorts entering
one after another).

Why it matters: the periods of a flow are one path through the study; participants who start
a period are those who completed the one before, unless the record says otherwise. A larger
number without a word is a miscount in one of the two periods, or an unexplained re-entry.

Fails: "Treatment" COMPLETED 45 and 40; "Follow-up" STARTED 50 and 40, with no comment.

Passes: "Follow-up" STARTED 45 and 40; or 50 and 47 with the comment "Participants who
discontinued treatment could enter the follow-up."

Options: none. The check does not depend on the run date.

Fix safety: no fix: the counts or the explanation are for the sponsor to give.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import pairwise

from lintrials.context import Context
from lintrials.findings import Problem
from lintrials.knowledge.participant_flow import COMPLETED, STARTED, group_titles, period_counts
from lintrials.model import Record

CODE, NAME, SEVERITY = "P105", "flow-period-chain", "warning"


def check(record: Record, ctx: Context) -> Iterator[Problem]:
    flow = record.results.participant_flow if record.results else None
    if flow is None:
        return
    titles = group_titles(flow)
    periods = period_counts(flow)
    for before, period in pairwise(periods):
        groups = period.groups_started()
        if not groups or groups != before.groups_started():
            continue
        if period.comments.get(STARTED) or before.comments.get(COMPLETED):
            continue
        completed = before.fixed.get(COMPLETED, {})
        for group, cell in period.fixed.get(STARTED, {}).items():
            done = completed.get(group)
            if cell.value is None or done is None or done.value is None:
                continue
            if cell.value > done.value:
                yield Problem(
                    cell.field,
                    f"{period.place(group, titles)}: {cell.value} STARTED, but "
                    f'{done.value} COMPLETED the period before ("{before.name()}"): say where '
                    f"the other {cell.value - done.value} came from in a comment on STARTED, "
                    "or correct the counts",
                    related=(done.field,),
                )
