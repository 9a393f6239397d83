"""A site's recruitment status contradicts the study's overall status.

Why: the registry shows each site's status to patients looking for a study near them. A site
that says RECRUITING (or ENROLLING_BY_INVITATION) while the study as a whole is not enrolling
(NOT_YET_RECRUITING, ACTIVE_NOT_RECRUITING, SUSPENDED, COMPLETED, TERMINATED, WITHDRAWN) sends
patients to a study they cannot join; a study that says RECRUITING while every site with a
status says otherwise cannot enrol anyone. ClinicalTrials.gov's review queries both, and US law
(42 CFR 11.64) gives the sponsor 30 days to report a change of a site's status.

Findings: one for each enrolling site of a study that is not enrolling, at the site's status;
one for a RECRUITING or ENROLLING_BY_INVITATION study none of whose sites enrols, at the overall
status (only when every site gives a status). UNKNOWN is not judged: the registry sets it over
the sponsor's last statuses, which it leaves as they were (S105 reports the record).

Fails: status ACTIVE_NOT_RECRUITING, locations[3] status RECRUITING; status RECRUITING, both
sites COMPLETED.
Passes: status RECRUITING, one site RECRUITING and one NOT_YET_RECRUITING; status COMPLETED,
sites without a status (the registry drops them once a study is over).

Options: none. The check does not depend on the run date.

Corpus: 1 finding, 1 correct (100%), measured with
lintrials check --select S110 --today 2026-11-22 ../shared/corpus/
NCT03840122 (legacy XML): NOT_YET_RECRUITING with its only site ENROLLING_BY_INVITATION, read
against the record. 156 sites still RECRUITING on 119 UNKNOWN records are not reported (see
above). The other messages are tested on copies of a corpus record
(tests/test_site_status_conflict.py).
"""

from __future__ import annotations

from collections.abc import Iterator

from lintrials.context import Context
from lintrials.findings import Problem
from lintrials.knowledge.dates import RECRUITING_STATUSES
from lintrials.model import Record

CODE, NAME, SEVERITY = "S110", "site-status-conflict", "warning"

_NOT_ENROLLING = frozenset(
    {
        "NOT_YET_RECRUITING",
        "ACTIVE_NOT_RECRUITING",
        "SUSPENDED",
        "COMPLETED",
        "TERMINATED",
        "WITHDRAWN",
    }
)


def check(record: Record, ctx: Context) -> Iterator[Problem]:
    status = record.overall_status
    if status in _NOT_ENROLLING:
        for i, location in enumerate(record.locations):
            if location.status in RECRUITING_STATUSES:
                yield Problem(
                    f"locations[{i}].status",
                    f"site status is {location.status}, but the study's overall status is "
                    f"{status}: update the site's status",
                    related=("overall_status",),
                )
    elif status in RECRUITING_STATUSES and record.locations:
        statuses = {location.status for location in record.locations}
        if None not in statuses and not statuses & RECRUITING_STATUSES:
            shown = ", ".join(sorted(s for s in statuses if s))
            yield Problem(
                "overall_status",
                f"status is {status}, but none of the {len(record.locations)} sites enrols "
                f"(site statuses: {shown}): update the overall status or the sites'",
                related=("locations[0].status",),
            )
