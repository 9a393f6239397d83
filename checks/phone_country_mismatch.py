"""A site contact's phone number belongs to another country than the site.

Why: a site contact is whom patients and referring doctors near the site call. A number of
another country (`"+1 (213) 716-1070"` for a site in Kinshasa, `"+4618162512"`, a Swedish
number, for a site in Flensburg) is a call abroad for them: the contact lives elsewhere, or the
number tells of a slip (the wrong site's contact copied, the site's country mistaken, a "+"
typed where the trunk prefix belongs: "+4618162512" is the German 0461 8162512). A toll-free
number of another country is worse: toll-free numbers can usually not be called from abroad.

A number is judged only when it is valid and written with its country code ("+", "00", or the
code written without "+"); a number written nationally is read as one of the site's country.
The comparison is by calling code, so countries that share one are never a mismatch (+1: the
United States, Canada, Puerto Rico; +7: Russia and Kazakhstan; +44: the United Kingdom, Jersey,
Guernsey, the Isle of Man; +39: Italy and the Vatican; +47: Norway and Svalbard). Nor are:
France and its overseas departments and territories (a "+262" number for a site in France is
in Réunion), a Turkish number for a site in Cyprus (Northern Cyprus is dialled through +90),
Serbian, Monégasque and Slovenian numbers for a site in Kosovo (its numbers before +383),
Israeli and Palestinian numbers for each other, Denmark with the Faroe Islands and Greenland,
and non-geographic numbers such as +800 international freephone.

What is not reported:

- a number `malformed-phone` reports (invalid, a trunk prefix kept after the country code, a
  North American number written without +1 for a site elsewhere, ...): one phone, one finding;
  the mismatch, if any, shows once the number is fixed;
- a sponsor's or CRO's line: a number the record gives at two sites or more, or as a central
  contact's too (a call centre for every site of a global trial; option `central_lines`),
  unless it is toll-free;
- central contacts: their country is known only when all sites are in one country, and an
  international sponsor's central contact is usually abroad (option `central_contacts`).
  Site contacts that a study page lists without their site count as site contacts when all
  sites are in one country.

A number that `phone-format` (off by default) finds in a poor form (`"0034 932275400"`) may be
reported by both: that check is about the form, this one about the country.

Example (fails): a site in Flensburg, Germany, contact phone `"+4618162512"` (Uppsala, Sweden).
Passing: `"+49 461 8162512"`, `"0461 8162512"`; or `"+41 22 372 33 11"` given at every site of
a trial (a sponsor's line in Geneva: dialable, and plainly meant); not `"+1 877-379-3718"`
there, a toll-free line.

Options:
  central_lines (default false): also report a number given at several sites or as a central
  contact's (a sponsor's or CRO's line abroad); toll-free numbers are reported either way.
  central_contacts (default false): also judge central contacts of a record whose sites are all
  in one country (as central lines: only toll-free numbers, unless `central_lines` is on).

Corpus: 3 findings, 3 correct (100%), measured with
lintrials check --select C306 --today 2026-11-22 ../shared/corpus/
Every site contact whose valid number has a foreign calling code was listed by a script and
read: 413 in 9 records, 404 of them one sponsor's "+44 (0) 20 8990 4466" at sites on every
continent (left to `malformed-phone` for the kept trunk prefix, and a central line besides).
The three findings: a Flensburg site's "+4618162512", a Swedish number that with "0" for "+" is
the German 0461 8162512 (NCT06875310, locations[162]); a Barcelona investigator's
"0034 932275400" as the contact of the site in Manhiça, Mozambique (NCT05689047); a Los Angeles
number as the second contact of the site in Kinshasa (NCT05705427). The last two are real
people abroad rather than typos, but a patient near the site cannot reach them with a local
call, which is what the warning asks about. Rightly not reported: two Northern Cyprus numbers
for a site in Cyprus (NCT05695014), a Réunion number for a site in France (NCT06356129), a
French sponsor's number at its Danish and German sites (NCT04631133, a central line), a New
Zealand number for the site in Niue (NCT06579950, `malformed-phone`'s). With
`central_contacts` on, 3 more, all correct: the US toll-free lines of Bayer, Novo Nordisk and
Takeda as the central contact of studies whose sites are all in India or Japan. With both
options on, 35: those 6, the French sponsor's line at two sites of NCT04631133, and 27 central
contacts of single-country studies with the sponsor's number abroad (Roche's Basel, Nestlé's
Lausanne, Sanofi's Lyon numbers for studies in India, Japan, Australia: real, but deliberate).
Seeds: none (every number on the three pages is Chinese, for sites in China).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from lintrials.context import Context
from lintrials.findings import Problem
from lintrials.knowledge.geo import country_code, country_name
from lintrials.knowledge.phone_numbers import (
    PhoneReading,
    country_calling_code,
    number_in_city,
    plus_for_trunk_prefix,
)
from lintrials.knowledge.phones import MALFORMED_KINDS, phone_issues, phone_reading
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
