"""A completed or terminated study still gives anticipated dates or an anticipated enrollment.

What it finds: on a COMPLETED or TERMINATED study, each start, primary completion or completion
date and the enrollment typed ESTIMATED (in legacy XML, "Anticipated" or "Estimate"): one
finding per anticipated value. The posting dates are the registry's, not judged. Values without
a type are not judged (study pages do not show types, nor do legacy records from before the
registry asked for them). WITHDRAWN studies are not judged: they never started, so their plan
stays anticipated (S107 judges their enrollment).

Why it matters: once a study has ended its dates have happened and its enrollment is known: the
registry asks for them as actual values (US law, 42 CFR 11.64, within 30 days of each date; the
actual enrollment when the primary completion date becomes actual). An anticipated value left
on an ended study is the plan, not what happened, and every figure computed from it (duration,
accrual) is wrong.

Fails: status COMPLETED, enrollment 300 (anticipated); status TERMINATED, completion date
2017-01 (anticipated).

Passes: status COMPLETED, enrollment 287 (actual), completion date 2016-12 (actual).

Options: none. The check does not depend on the run date.

Fix safety: no fix: the actual values are known only to the sponsor.
"""

from __future__ import annotations

from collections.abc import Iterator

from lintrials.context import Context
from lintrials.findings import Problem
from lintrials.knowledge.dates import STUDY_DATES, date_of
from lintrials.model import Record

CODE, NAME, SEVERITY = "S108", "ended-with-estimates", "warning"

_ENDED = frozenset({"COMPLETED", "TERMINATED"})


def check(record: Record, ctx: Context) -> Iterator[Problem]:
    status = record.overall_status
    if status not in _ENDED:
        return
    for field, words in STUDY_DATES:
        value, date_type = date_of(record, field)
        if value is not None and date_type == "ESTIMATED":
            yield Problem(
                field,
                f"status is {status}, but the {words} {value} is still anticipated (ESTIMATED):"
                " give the actual date",
                related=("overall_status",),
            )
    if record.enrollment_type == "ESTIMATED" and record.enrollment_count is not None:
        yield Problem(
            "enrollment_count",
            f"status is {status}, but the enrollment {record.enrollment_count} is still "
            "anticipated (ESTIMATED): give the actual number of participants enrolled",
            related=("overall_status", "enrollment_type"),
        )
