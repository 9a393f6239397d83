"""A withdrawn study says participants were, or will be, enrolled.

What it finds: a WITHDRAWN study with an actual enrollment above 0, or an anticipated one above
0 (the plan, left as it was), each with its own message. An enrollment without a type (the
study-page text does not show it) is judged as anticipated.

Why it matters: WITHDRAWN means the study stopped before its first participant was enrolled,
so its enrollment is an actual 0, which registry reviewers expect (36 of the corpus's 38
withdrawn studies give it). An actual enrollment above 0 contradicts the status: either
participants were enrolled and the study is TERMINATED (or COMPLETED), or the count is wrong.
An anticipated count should become the actual 0.

Fails: status WITHDRAWN, enrollment 12 (actual); status WITHDRAWN, enrollment 150
(anticipated).

Passes: status WITHDRAWN, enrollment 0 (actual); status TERMINATED, enrollment 12 (actual).

Options: none. The check does not depend on the run date.

Fix safety: no fix: whether the status or the count is wrong is for the sponsor to say.
"""

from __future__ import annotations

from collections.abc import Iterator

from lintrials.context import Context
from lintrials.findings import Problem
from lintrials.model import Record

CODE, NAME, SEVERITY = "S107", "withdrawn-with-enrollment", "error"


def check(record: Record, ctx: Context) -> Iterator[Problem]:
    if record.overall_status != "WITHDRAWN" or not record.enrollment_count:
        return
    count = record.enrollment_count
    if record.enrollment_type == "ACTUAL":
        yield Problem(
            "enrollment_count",
            f"status is WITHDRAWN (stopped before the first participant was enrolled), but the "
            f"actual enrollment is {count}: set the status the study has (TERMINATED, "
            "COMPLETED...), or the enrollment to 0",
            related=("overall_status",),
        )
    else:
        yield Problem(
            "enrollment_count",
            f"status is WITHDRAWN, but the record still gives an anticipated enrollment of "
            f"{count}: a withdrawn study enrolled nobody, so set an actual enrollment of 0",
            related=("overall_status", "enrollment_type"),
        )
