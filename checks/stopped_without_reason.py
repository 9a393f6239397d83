"""A terminated, suspended or withdrawn study does not say why it stopped.

Why: the registry requires "Why Study Stopped" whenever the status is TERMINATED, SUSPENDED or
WITHDRAWN: participants, ethics committees and meta-analysts need to tell a study stopped for
safety from one stopped for slow accrual or funding. ClinicalTrials.gov PRS review and NCI CTRP
validation both ask for it.

Fails: status TERMINATED, no why_stopped (whyStopped / <why_stopped>).
Passes: status TERMINATED, why_stopped "Sponsor decision: slow accrual".

A reason of only blanks counts as none, and the finding points at it; when there is no reason
at all, the finding points at the status. Records without a status module (a partial download)
are not judged.

Options: none. The check does not depend on the run date.

Corpus: 26 findings, 26 correct (100%), measured with
lintrials check --select S109 --today 2026-11-22 ../shared/corpus/
Each finding was read against its record, the raw file searched for whyStopped / <why_stopped>:
17 TERMINATED, 7 WITHDRAWN, 2 SUSPENDED studies with no reason at all, from NCT00351065 (last
updated 2006) to NCT02742896 (withdrawn, updated 2024-04-20). A few were last updated before
the registry asked for a reason; they still lack one, which is what a reviewer reads today.
"""

from __future__ import annotations

from collections.abc import Iterator

from lintrials.context import Context
from lintrials.findings import Problem
from lintrials.knowledge.dates import STOPPED_STATUSES
from lintrials.model import Record

CODE, NAME, SEVERITY = "S109", "stopped-without-reason", "error"


def check(record: Record, ctx: Context) -> Iterator[Problem]:
    status = record.overall_status
    if status not in STOPPED_STATUSES or (record.why_stopped or "").strip():
        return
    yield Problem(
        "overall_status" if record.why_stopped is None else "why_stopped",
        f"status is {status}, but the record does not say why the study stopped "
        "(why_stopped is required for TERMINATED, SUSPENDED and WITHDRAWN)",
    )
