"""Study or record dates are out of order (the study ends before it starts, say).

What it finds: a pair of dates out of the order start <= primary completion <= completion (each
date against the next one present), or first submitted <= last update submitted <= last update
posted. Partial dates are compared at the precision they share: ``2015-04`` is neither before
nor after ``2015-04-20``. The finding points at the later date of the pair and names the
earlier one.

Why it matters: a study starts, reaches its primary completion (the last participant examined
for the primary outcome), then completes, and the registry's review requires that order; a
record is first submitted, then updated, and an update is posted after it is submitted. A date
out of this order is a typing slip (a wrong year, day and month swapped), and every figure
computed from it (duration, time to results) is wrong.

Fails: start date 2021-03-01, primary completion date 2020-12-31.

Passes: start date 2021-03, primary completion date 2021-03-15 (the same month).

Options: none. The check does not depend on the run date.

Fix safety: no fix: which date is wrong is for a person to say.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import pairwise

from lintrials.context import Context
from lintrials.findings import Problem
from lintrials.knowledge.dates import STUDY_DATES, PartialDate, compare
from lintrials.model import Record

CODE, NAME, SEVERITY = "S106", "dates-out-of-order", "error"

_SUBMISSIONS = (
    ("first_submitted_date", "first submitted date"),
    ("last_update_submitted_date", "last update submitted date"),
    ("last_update_posted_date", "last update posted date"),
)


def _present(record: Record, fields: tuple[tuple[str, str], ...], study: bool) -> list[
    tuple[str, str, PartialDate]
]:
    found = []
    for field, words in fields:
        text = getattr(record, field).date if study else getattr(record, field)
        value = PartialDate.parse(text)
        if value is not None:
            found.append((field, words, value))
    return found


def check(record: Record, ctx: Context) -> Iterator[Problem]:
    for fields, study in ((STUDY_DATES, True), (_SUBMISSIONS, False)):
        present = _present(record, fields, study)
        for (early_field, early_words, early), (field, words, value) in pairwise(present):
            if compare(value, early) < 0:
                yield Problem(
                    field,
                    f"the {words} {value} is before the {early_words} {early}",
                    related=(early_field,),
                )
