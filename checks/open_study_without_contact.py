"""An open study gives no way to reach anyone: no contact has a telephone number or an e-mail.

What it finds: a study whose overall status is in `statuses` and none of whose contacts
(central contacts, site contacts and investigators, contacts a study page lists without their
site) gives a telephone number or an e-mail address. One anywhere is enough; whether it can be
dialled or mailed is for C301 and C304. The finding points at the overall status, with the
first central contact (if any) related. Not reported:

- "Enrolling by invitation", by default: participants are invited from a known group, so the
  registry asks for no public contact;
- a partial download without the contacts and locations module (`fields=` filter);
- a record whose dates say it is no longer open: the status is what the record states, and a
  stale status is S101's and S102's. Legacy XML exports are judged as they stood when
  exported.

Why it matters: a recruiting study, or one about to recruit, is listed so that people can ask
to join. The registry requires a central contact, or a contact at each site, with a telephone
number or an e-mail address while a study is "Recruiting" or "Not yet recruiting"
(ClinicalTrials.gov data element definitions). Without one a reader has nobody to call.

Fails: NCT05687526 (legacy XML), "Not yet recruiting" at 12 sites in China with no central
contact and no site contact.

Passes: NCT07177911, "Recruiting", central contact "CEO" with "+86-021-50582090" (the name is
C303's business).

Options:
  statuses ([RECRUITING, NOT_YET_RECRUITING]): the overall statuses that need a contact.

Fix safety: no fix: the contact is for the sponsor to give.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from lintrials.context import Context
from lintrials.findings import Problem
from lintrials.model import Record

CODE, NAME, SEVERITY = "C305", "open-study-without-contact", "warning"


@dataclass(frozen=True)
class Options:
    statuses: tuple[str, ...] = ("RECRUITING", "NOT_YET_RECRUITING")


_MODULE = "contactsLocationsModule"
_STATUS_WORDS = {
    "RECRUITING": "recruiting",
    "NOT_YET_RECRUITING": "not yet recruiting",
    "ENROLLING_BY_INVITATION": "enrolling by invitation",
}


def check(record: Record, ctx: Context) -> Iterator[Problem]:
    statuses: set[str] = {s.upper() for s in ctx.options.statuses}
    status = record.overall_status
    if status not in statuses or _MODULE not in record.sections:
        return
    contacts = record.contacts_with_country()
    if any(_filled(c.phone) or _filled(c.email) for _, c, _ in contacts):
        return
    central = len(record.central_contacts)
    site_contacts = len(contacts) - central
    have = []
    if central:
        have.append(f"{central} central contact{'s' if central > 1 else ''}")
    if site_contacts:
        have.append(f"{site_contacts} site contact{'s' if site_contacts > 1 else ''}")
    listed = (" and ".join(have) + ", none with a telephone number or e-mail address") if have \
        else "no central contact and no site contact"
    sites = len(record.locations)
    where = f" at {sites} site{'s' if sites != 1 else ''}" if sites else ""
    yield Problem(
        field="overall_status",
        message=(f"the study is {_STATUS_WORDS.get(status, status.lower())}{where} but names "
                 f"no one to reach: {listed}; give a central contact with a telephone number "
                 "or e-mail address"),
        related=("central_contacts[0].name",) if central else (),
    )


def _filled(value: str | None) -> bool:
    return bool(value and value.strip())
