"""A site contact's phone number belongs to another country than the site.

What it finds: a site contact's number that is valid, written with its country code ("+",
"00", or the code without "+"), and whose calling code is not the site's. A number written
nationally is read as one of the site's country. Never a mismatch: countries that share a
calling code (+1: the US, Canada, Puerto Rico; +7; +44 with Jersey, Guernsey, the Isle of Man;
+39; +47); France and its overseas departments and territories; a Turkish number for a site in
Cyprus; Serbian, Monégasque and Slovenian numbers in Kosovo; Israeli and Palestinian numbers
for each other; Denmark with the Faroe Islands and Greenland; non-geographic numbers (+800).
Not reported:

- a number C301 malformed-phone reports: one phone, one finding;
- a sponsor's or CRO's line, given at two sites or more or as a central contact's too, unless
  it is toll-free (toll-free numbers can usually not be called from abroad; `central_lines`);
- central contacts (`central_contacts`): their country is known only when all sites are in one
  country, and an international sponsor's is usually abroad. Site contacts a study page lists
  without their site count as site contacts when all sites are in one country.

A number C302 phone-format finds in a poor form may be reported by both: that check is about
the form, this one about the country.

Why it matters: patients and doctors near a site call its contact. A number of another country
is a call abroad for them: the contact lives elsewhere, or the number tells of a slip (another
site's contact copied, the country mistaken, a "+" typed for the trunk prefix: "+4618162512" is
the German 0461 8162512).

Fails: a site in Flensburg, Germany, contact phone `"+4618162512"` (Uppsala, Sweden).

Passes: `"+49 461 8162512"`, `"0461 8162512"`; `"+41 22 372 33 11"` at every site of a trial (a
sponsor's line in Geneva), but not `"+1 877-379-3718"` there, a toll-free line.

Options:
  central_lines (default false): also report a number given at several sites or as a central
    contact's (a sponsor's or CRO's line abroad); toll-free numbers are reported either way.
  central_contacts (default false): also judge central contacts of a record whose sites are
    all in one country (as central lines: only toll-free numbers, unless `central_lines`).

Fix safety: no fix: the right number is for a person to find.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from lintrials.context import Context
from lintrials.findings import Problem
from lintrials.knowledge.geo import country_code, country_name
from lintrials.knowledge.phone_kinds import MALFORMED_KINDS
from lintrials.knowledge.phone_numbers import (
    PhoneReading,
    country_calling_code,
    number_in_city,
    plus_for_trunk_prefix,
)
from lintrials.knowledge.phones import phone_issues, phone_reading
from lintrials.model import Contact, Record

CODE, NAME, SEVERITY = "C306", "phone-country-mismatch", "warning"


@dataclass(frozen=True)
class Options:
    central_lines: bool = False
    central_contacts: bool = False


# Numbers of these regions are not foreign for a site in the key's country (ISO codes as the
# phone metadata uses them): one country's overseas parts, or numbering that one country's
# places used or use under another's code.
_FRANCE = frozenset({"FR", "RE", "YT", "GP", "BL", "MF", "MQ", "GF", "PM", "NC", "PF", "WF"})
_AT_HOME = {
    **{region: _FRANCE for region in _FRANCE},
    "CY": frozenset({"TR"}),  # Northern Cyprus: +90 392, and Turkish mobile networks
    "XK": frozenset({"RS", "MC", "SI"}),  # Kosovo before +383: +381, +377 44/45, +386 49
    "PS": frozenset({"IL"}),  # Palestinian numbers are also in Israel's plan, and the reverse
    "IL": frozenset({"PS"}),
    "DK": frozenset({"FO", "GL"}),
    "FO": frozenset({"DK"}),
    "GL": frozenset({"DK"}),
}
_NON_GEOGRAPHIC = "001"
_SITE = re.compile(r"^locations\[(\d+)\]")


def check(record: Record, ctx: Context) -> Iterator[Problem]:
    report_lines = ctx.options.central_lines
    report_central = ctx.options.central_contacts
    judged: list[tuple[str, Contact, str, PhoneReading]] = []
    sites_giving: dict[str, set[str]] = defaultdict(set)  # number -> sites (or contacts) giving it
    for path, contact, country in record.contacts_with_country():
        reading = phone_reading(contact.phone, country)
        if reading is None:
            continue
        central = path.startswith("central_contacts")
        sites_giving[reading.international].add("central" if central else path.split(".")[0])
        if country and (report_central or not central):
            judged.append((path, contact, country, reading))
    for path, contact, country, reading in judged:
        if not _foreign(reading, country):
            continue
        if any(issue.kind in MALFORMED_KINDS and not issue.in_ext
               for issue in phone_issues(contact.phone, contact.phone_ext, country)):
            continue  # malformed-phone's: one phone, one finding
        givers = sites_giving[reading.international]
        central = path.startswith("central_contacts")
        if (central or len(givers) > 1) and not reading.toll_free and not report_lines:
            continue
        sites = len(givers - {"central"})
        yield Problem(f"{path}.phone", _message(record, path, contact, country, reading, sites),
                      span=reading.span)


def _message(record: Record, path: str, contact: Contact, country: str, reading: PhoneReading,
             sites: int) -> str:
    site = _SITE.match(path)
    if path.startswith("central_contacts") and len(record.locations) > 1:
        where = f"a study whose sites are all in {_name(country)}"
    else:
        where = f"a site in {_name(country)}"
    number = f"{reading.international} ({country_name(reading.region)})"
    if reading.toll_free:
        message = (f"a foreign toll-free number for {where}: {number}, which can usually not be "
                   f"called from other countries")
        return message + (f"; the record gives it at {sites} sites" if sites > 1 else "")
    message = (f"a foreign number for {where}: {number}; is the contact abroad, or is the number "
               f"or the site's country wrong?")
    city = record.locations[int(site.group(1))].city if site else None
    return message + _slipped_plus(contact.phone or "", reading, country, city)


def _foreign(reading: PhoneReading, country: str) -> bool:
    site_code = country_calling_code(country)
    if site_code is None or reading.calling_code == site_code:
        return False
    if reading.region == _NON_GEOGRAPHIC:
        return False
    return reading.region not in _AT_HOME.get(country_code(country) or "", ())


def _name(country: str) -> str:
    return country_name(country_code(country) or country)


def _slipped_plus(phone: str, reading: PhoneReading, country: str, city: str | None) -> str:
    """A hint when the '+' stands for the trunk prefix of a number in the site's own city."""
    start, end = reading.span
    national = plus_for_trunk_prefix(phone[start:end], country)
    if national is None or not number_in_city(national, city):
        return ""
    return (f" With the '+' read as the trunk prefix it is {national}, a number in {city} "
            f"({_name(country)})")
