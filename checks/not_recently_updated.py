"""The record of a study that is not over has not been verified or updated for over 12 months.

What it finds: a study whose status is NOT_YET_RECRUITING, RECRUITING, ENROLLING_BY_INVITATION,
ACTIVE_NOT_RECRUITING, SUSPENDED or UNKNOWN (the registry's mark for such a record: its last
known status was one of these) and whose last review is more than `max_months` old. The last
review is the status verified date: the date the sponsor last confirmed the whole record, which
a partial update does not renew. A record without one (study pages show only "Last Updated")
is judged by its last update (its submission date, else the date it was posted). A partial
date (``2025-08``) counts as its last day. The finding points at the date judged.

Why it matters: US law (42 CFR 11.64) asks the sponsor to verify or update the whole record at
least every 12 months until the study is completed, terminated or withdrawn; the PRS marks such
a record "Not Recently Updated", and ClinicalTrials.gov sets a study left unverified for two
years past its completion date to UNKNOWN. Nobody can trust the status, dates and contacts of a
record nobody has looked at for a year.

Fails: run on 2026-11-22, status RECRUITING, last updated 2025-09-17 (seed
002_e3ee89ab0d39f9a4.txt).

Passes: status RECRUITING, status verified 2026-01; status COMPLETED, last updated 2019-03-02.

Options:
  as_of (default "today"): the date the record is judged against: "today" is the run date
    (``--today``); "last-update" is the record's own last update, for archives of old
    exports: a record is then reported only if its status verified date was already more
    than ``max_months`` old when the sponsor last updated it.
  max_months (default 12): how many months a record may go without a review.

Fix safety: no fix: only the sponsor can verify the record.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from lintrials.context import Context
from lintrials.findings import Problem
from lintrials.knowledge.dates import OPEN_STATUSES, PartialDate, add_months, reference_date
from lintrials.model import Record

CODE, NAME, SEVERITY = "S105", "not-recently-updated", "warning"


@dataclass(frozen=True)
class Options:
    as_of: str = "today"
    max_months: int = 12


_JUDGED = OPEN_STATUSES | {"SUSPENDED", "UNKNOWN"}


def check(record: Record, ctx: Context) -> Iterator[Problem]:
    if record.overall_status not in _JUDGED:
        return
    update_field = (
        "last_update_submitted_date"
        if PartialDate.parse(record.last_update_submitted_date)
        else "last_update_posted_date"
    )
    verified = PartialDate.parse(record.status_verified_date)
    updated = PartialDate.parse(getattr(record, update_field))
    review = verified or updated
    if review is None:
        return
    reference = reference_date(record, ctx.options.as_of, ctx.today)
    if reference is None:
        return
    day, as_of = reference
    months = ctx.options.max_months
    if add_months(review.last_day(), months) >= day:
        return
    said = f"last verified {verified}" if verified is not None else f"last updated {updated}"
    if verified is not None and updated is not None and ctx.options.as_of != "last-update":
        said += f" (last updated {updated})"
    message = (
        f"status is {record.overall_status}, but the record was {said}: more than {months} "
        f"months without a review ({as_of}); the registry asks for one at least every 12 months "
        "while a study is not over (42 CFR 11.64)"
    )
    if record.overall_status == "UNKNOWN":
        message += "; UNKNOWN is its mark for a record left unverified past its completion date"
    yield Problem(
        "status_verified_date" if verified is not None else update_field,
        message,
        related=("overall_status",),
    )
