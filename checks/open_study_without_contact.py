"""An open study gives no way to reach anyone: no contact has a telephone number or an e-mail.

Why: a study that is recruiting, or about to, is listed so that people can ask to join it. The
registry requires contact information while a study is "Recruiting" or "Not yet recruiting":
a central contact, or a contact at each site, with a telephone number or an e-mail address
(ClinicalTrials.gov data element definitions; NLM's note on its requirements: "either a phone
number or an email address is required"). A record with no central contact and no site contact
that has either leaves a reader with nobody to call.

The check looks at every contact of the record: central contacts, site contacts (investigators
too), and contacts that a study page lists without their site. One telephone number or e-mail
address anywhere is enough; whether it can be dialled or mailed is for malformed-phone (C301)
and invalid-email (C304).

Not reported:

- "Enrolling by invitation", by default: participants are chosen from a known group and invited,
  so the registry asks for no public contact (add ``ENROLLING_BY_INVITATION`` to ``statuses``
  to report those too);
- a record downloaded without its contacts and locations module (a partial download with a
  ``fields=`` filter): the contacts were never asked for;
- a record whose dates say it is no longer open: the status is what the record states, and a
  stale status is for not-yet-recruiting-past-start (S101) and open-past-completion (S102).
  Legacy XML exports from 2011 to 2023 are judged as they stood when exported.

The finding points at the overall status, with the first central contact (when there is one)
as the related field.

Example (flagged): NCT05687526 (legacy XML), "Not yet recruiting" at 12 sites in China with no
central contact and no site contact: ``the study is not yet recruiting at 12 sites but names no
one to reach: no central contact and no site contact; give a central contact with a telephone
number or e-mail address``.
Passing: NCT07177911, "Recruiting", central contact "CEO" with "+86-021-50582090" (the name is
contact-name-not-a-name's business, C303).

Options:
    statuses ([RECRUITING, NOT_YET_RECRUITING]): the overall statuses that need a contact.

Corpus: 12 findings, 12 correct (100%), measured with
lintrials check --select C305 --today 2026-11-22 ../shared/corpus/
All 12 are legacy XML records "Not yet recruiting" (one from 2011, eleven first submitted in
December 2022 or January 2023 and exported in June 2023) with no <overall_contact> and no
site <contact> at all; 78 of the corpus's 94 legacy "Not yet recruiting" records have a central
contact and 4 more have site contacts, so the export does carry contacts when they exist. With
``ENROLLING_BY_INVITATION`` added to ``statuses``, 8 more (API v2 JSON invitation studies at
1 to 20 sites without public contacts, NCT04200937 the largest). The seeds are all reachable
(seed 002's central contact "CEO" has a telephone number).
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
