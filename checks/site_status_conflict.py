"""A site's recruitment status contradicts the study's overall status.

What it finds: a site that is RECRUITING or ENROLLING_BY_INVITATION while the study is not
enrolling (NOT_YET_RECRUITING, ACTIVE_NOT_RECRUITING, SUSPENDED, COMPLETED, TERMINATED,
WITHDRAWN): one finding per such site, at its status; and a RECRUITING or
ENROLLING_BY_INVITATION study none of whose sites enrols, at the overall status (only when
every site gives a status). UNKNOWN is not judged: the registry sets it over the sponsor's last
statuses, which it leaves as they were (S105 reports the record).

Why it matters: the registry shows each site's status to patients looking for a study near
them. An enrolling site of a closed study sends patients to a study they cannot join; a
recruiting study none of whose sites enrols cannot enrol anyone. ClinicalTrials.gov's review
queries both, and US law (42 CFR 11.64) gives the sponsor 30 days to report a site's change
of status.

Fails: status ACTIVE_NOT_RECRUITING, locations[3] status RECRUITING; status RECRUITING, both
sites COMPLETED.

Passes: status RECRUITING, one site RECRUITING and one NOT_YET_RECRUITING; status COMPLETED,
sites without a status (the registry drops them once a study is over).

Options: none. The check does not depend on the run date.

Fix safety: no fix: which status is out of date is for the sponsor to say.
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
