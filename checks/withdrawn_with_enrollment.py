"""A withdrawn study says participants were, or will be, enrolled.

Why: WITHDRAWN means the study stopped before its first participant was enrolled, so its
enrollment is an actual 0, which registry reviewers expect (36 of the corpus's 38 withdrawn
studies give it).
An actual enrollment above 0 contradicts the status: either participants were enrolled and the
study is TERMINATED (or COMPLETED), or the count is wrong. An anticipated enrollment above 0
(the plan, left as it was) is reported too, with its own message: the record should say that
nobody was enrolled.

Fails: status WITHDRAWN, enrollment 12 (actual); status WITHDRAWN, enrollment 150
(anticipated).
Passes: status WITHDRAWN, enrollment 0 (actual); status TERMINATED, enrollment 12 (actual).

An enrollment without a type (the study-page text does not show it) is judged as anticipated.

Options: none. The check does not depend on the run date.

Corpus: 2 findings, 2 correct (100%), measured with
lintrials check --select S107 --today 2026-11-22 ../shared/corpus/
Both are anticipated counts left on withdrawn studies (NCT00460837, legacy XML: 150;
NCT00382161: 20), read against their records; the other 36 withdrawn studies give an actual 0.
No corpus record gives an actual enrollment above 0 on a withdrawn study: that message is
tested on a copy of a corpus record (tests/test_withdrawn_with_enrollment.py).
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
