"""A period of the participant flow whose completed and not-completed counts do not add up.

What it finds: in a period of the posted participant flow, a group whose STARTED count is not
COMPLETED + NOT COMPLETED (when all three are given), or whose COMPLETED count is larger than
its STARTED count. Counts are compared exactly as written: a value that is not a whole number
in digits ("NA", "12.5") is not compared, and a group a milestone does not list is not
invented. The finding sits at the count that is wrong: at NOT COMPLETED when the drop/withdraw
reasons add up to STARTED - COMPLETED (or no reasons are given), at COMPLETED when it exceeds
STARTED or the reasons confirm NOT COMPLETED (then STARTED or COMPLETED is wrong).

Why it matters: every participant who starts a period either completes it or does not; the
table is the record's account of where participants went, and reviewers and meta-analyses
read attrition from it. The registry's own validation refuses most such tables when results
are submitted, so this is for drafts and exports made outside it.

Fails: "Overall Study", Placebo: STARTED 121, COMPLETED 104, NOT COMPLETED 16.

Passes: STARTED 121, COMPLETED 104, NOT COMPLETED 17; or NOT COMPLETED "NA".

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

CODE, NAME, SEVERITY = "P101", "flow-milestones-mismatch", "error"


def check(record: Record, ctx: Context) -> Iterator[Problem]:
    flow = record.results.participant_flow if record.results else None
    if flow is None:
        return
    titles = group_titles(flow)
    for period in period_counts(flow):
        started = period.fixed.get(STARTED, {})
        completed = period.fixed.get(COMPLETED, {})
        not_completed = period.fixed.get(NOT_COMPLETED, {})
        for group, start in started.items():
            s, done = start.value, completed.get(group)
            c = None if done is None else done.value
            if s is None or c is None or done is None:
                continue
            place = period.place(group, titles)
            if c > s:
                yield Problem(done.field, f"{place}: COMPLETED {c} is more than the {s} who "
                              "STARTED", related=(start.field,))
                continue
            left = not_completed.get(group)
            n = None if left is None else left.value
            if left is None or n is None or s == c + n:
                continue
            reasons = period.reasons_total(group)
            message = (f"{place}: STARTED {s} is not COMPLETED {c} + NOT COMPLETED {n} "
                       f"(= {c + n})")
            if reasons is not None and reasons == n:
                yield Problem(done.field, message + f"; the reasons for leaving add up to {n}, "
                              "so STARTED or COMPLETED is wrong", related=(start.field,))
            else:
                yield Problem(left.field, message + f"; {s - c} did not complete",
                              related=(start.field, done.field))
