"""Study or record dates are out of order (the study ends before it starts, say).

Why: a study starts, reaches its primary completion (the last participant examined for the
primary outcome), then completes; the registry's review requires start date <= primary
completion date <= completion date. A record is first submitted, then updated, and an update
is posted after it is submitted. A date out of this order is a typing slip (a wrong year, day
and month swapped), and every date computed from it (duration, time to results) is wrong.

Judged: start <= primary completion <= completion (each date against the next one present),
first submitted <= last update submitted <= last update posted. Partial dates are compared at
the precision they share: ``2015-04`` is neither before nor after ``2015-04-20``. The finding
points at the later date of the pair and names the earlier one.

Fails: start date 2021-03-01, primary completion date 2020-12-31.
Passes: start date 2021-03, primary completion date 2021-03-15 (the same month).

Options: none. The check does not depend on the run date.

Corpus: 0 findings, 0 correct, measured with
lintrials check --select S106 --today 2026-11-22 ../shared/corpus/
Tested on copies of corpus records with one date changed (tests/test_dates_out_of_order.py).
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
