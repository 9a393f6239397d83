"""Reasons for leaving a flow period that do not add up to the participants who did not complete.

What it finds: in a period of the posted participant flow, a group whose drop/withdraw reasons
("Adverse Event" 3, "Lost to Follow-up" 2 ...) add up to another number than its NOT
COMPLETED count. Counts are compared exactly as written: a group with a reason that is not a
whole number in digits ("NA"), a group a reason row leaves out, and a group without NOT
COMPLETED are not compared; a period without reasons is not judged (the reasons are optional).
The finding sits at the group's first reason, or at NOT COMPLETED when the reasons add up to
STARTED - COMPLETED (then NOT COMPLETED is the wrong count).

Why it matters: the reasons are the record's account of why participants left; readers weigh
attrition by them (adverse events against loss to follow-up), and a reason miscounted or left
out misstates it. The registry's validation refuses most such tables when results are
submitted, so this is for drafts and exports made outside it.

Fails: NOT COMPLETED 17; reasons Adverse Event 2, Lost to Follow-up 9, Protocol non-compliance 5.

Passes: the same reasons with Protocol non-compliance 6; or a reason given as "NA".

Options: none. The check does not depend on the run date.

Fix safety: no fix: which count is wrong is for the sponsor to say.
"""

from __future__ import annotations

from collections.abc import Iterator

from lintrials.context import Context
from lintrials.findings import Problem
from lintrials.knowledge.participant_flow import (
    COMPLETED,
    NOT_COMPLETED,
    STARTED,
    group_titles,
    period_counts,
)
from lintrials.model import Record

CODE, NAME, SEVERITY = "P102", "flow-reasons-mismatch", "error"


def check(record: Record, ctx: Context) -> Iterator[Problem]:
    flow = record.results.participant_flow if record.results else None
    if flow is None:
        return
    titles = group_titles(flow)
    for period in period_counts(flow):
        not_completed = period.fixed.get(NOT_COMPLETED, {})
        for group, cells in period.reasons.items():
            total = period.reasons_total(group)
            left = not_completed.get(group)
            if total is None or left is None or left.value is None or total == left.value:
                continue
            n = left.value
            s, c = period.value(STARTED, group), period.value(COMPLETED, group)
            message = (f"{period.place(group, titles)}: the reasons for not completing add up to "
                       f"{total}, but NOT COMPLETED is {n}")
            reasons = tuple(cell.field for cell in cells)
            if s is not None and c is not None and s - c == total:
                yield Problem(left.field, message + f" (STARTED {s} - COMPLETED {c} = {total}, "
                              "as the reasons say)", related=reasons)
            else:
                yield Problem(cells[0].field, message, related=(*reasons[1:], left.field))
