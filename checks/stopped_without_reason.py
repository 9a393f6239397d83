"""A terminated, suspended or withdrawn study does not say why it stopped.

What it finds: a TERMINATED, SUSPENDED or WITHDRAWN study with no "Why Study Stopped"
(whyStopped / <why_stopped>), or one of only blanks. A blank reason is pointed at; when there
is no reason at all, the finding points at the status. Records without a status module (a
partial download) are not judged.

Why it matters: the registry requires the reason whenever the status is TERMINATED, SUSPENDED
or WITHDRAWN: participants, ethics committees and meta-analysts need to tell a study stopped
for safety from one stopped for slow accrual or funding. ClinicalTrials.gov PRS review and NCI
CTRP validation both ask for it.

Fails: status TERMINATED, no why_stopped.

Passes: status TERMINATED, why_stopped "Sponsor decision: slow accrual".

Options: none. The check does not depend on the run date.

Fix safety: no fix: the reason is known only to the sponsor.
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
