"""A contact's phone number cannot be right for the contact's country.

What it finds: judged with the `phonenumbers` library (Google's libphonenumber metadata) for
the country of the contact's site (a central contact's country is known only when all sites
are in one country; a number whose country is unknown is judged only in international form:
after `"+"`, or after `"00"`, the international call prefix of most countries, as in `"0049
6131 177271"`, or after a single `"0"` when the digits are too many for a national number, 13
or more, and a country code and a valid number follow the 0: `"086-15712867910"` is +86 157
1286 7910 with a 0 before it, which no one can dial; a central number written the North
American way, 3-3-4 digits, in a trial with sites in the US, Canada or Puerto Rico is judged as
a North American one: `"(399) 662-6728"` has no area code in service), each at the phone value
or the part of it at fault:

- not a valid number for the country: too short, too long, in no range in use
  (`"86-1581140843"`, `"613"`), with a hint when the intent is clear (a `"+"` before a national
  number, an Italian number that lost its leading 0, digits run on);
- a local number without its area code (`"2417 7000"` for a site in Mumbai, `"9342-7063"` in
  Sydney): the length of a local number only, or digits that an area code before them makes a
  number of the country;
- a letter typed for a digit (`"+49 7O71 29 80687"`): a keypad dials O as 6;
- a number split between the phone and extension fields (`"0049-6861"` and `"992902"`): the
  phone alone is no number, with the extension's digits it is one;
- the national trunk prefix kept after the country code: `"+86-021-50582090"`, `"+44 020
  8990 4466"` (Italian numbers keep their 0: `+39 06 ...` is right);
- an extension inside the number (`"555-1234 ext 56"`, `"x123"`) instead of the extension
  field; several numbers in one field (`"555-1234 / 555-5678"`);
- an e-mail address, a placeholder (`"000-000-0000"`, `"06-xxxxxxxx"`) or text (`"E-mail
  only"`) instead of a number; an extension field holding a country code (`"+33"`) or another
  number;
- a North American number without +1 for a site elsewhere (`"877-379-3718"` for a site in
  Spain): it cannot be dialled there as written.

Not reported: a valid number merely written without the country code (`"13693058190"` in
China), with hyphens or unusual grouping, or `"(617) 555-0100"`, and the trunk prefix in
brackets after the country code (`"+44 (0)20 8990 4466"`, the convention several countries
use, GOV.UK's style among them, for "skip this when calling from abroad"): matters of form, for
C302 phone-format; so is a right number of another country written with its country code but
without "+" (`"852-35052858"` for a site in China, `"1-780-448-1400"` for one in India).

Why it matters: a trial contact is how patients and referring doctors reach a site. A number
no one can dial as written (a digit short, an extension run in, a trunk prefix after the
country code, two numbers in one field) silently loses the call.

Fails: a site in China, phone `"+86-021-50582090"`.

Passes: `"+86 21 5058 2090"`, or `"021-50582090"`.

Options:
  north_american_abroad (default true): report a number written the North American way (3-3-4
    digits, no +1) that is no number of the site's country, such as a sponsor's US toll-free
    line listed for a site in Japan.

Fix safety: a trunk prefix kept after the country code has one repair, the number in
international form (`+86-021-50582090` -> `+86 21 5058 2090`); `--fix` writes it, a safe fix:
the digits dialled do not change, only the prefix that must not be dialled goes. The other
findings have no fix.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from lintrials.context import Context
from lintrials.findings import Fix, Problem
from lintrials.knowledge.phone_kinds import FOREIGN, MALFORMED_KINDS
from lintrials.knowledge.phone_numbers import region_of, written_north_american
from lintrials.knowledge.phones import phone_issues
from lintrials.model import Record

# Regions of the North American Numbering Plan whose sites make a central number written the
# North American way a North American one.
_NORTH_AMERICAN = frozenset({"US", "CA", "PR"})

CODE, NAME, SEVERITY = "C301", "malformed-phone", "error"
FIXABLE = True


@dataclass(frozen=True)
class Options:
    north_american_abroad: bool = True


def check(record: Record, ctx: Context) -> Iterator[Problem]:
    report_foreign = ctx.options.north_american_abroad
    north_american_sites = any(region_of(loc.country) in _NORTH_AMERICAN
                               for loc in record.locations)
    for path, contact, country in record.contacts_with_country():
        if country is None and north_american_sites and written_north_american(contact.phone):
            # A central number of a trial with North American sites, written 3-3-4: judged as
            # the North American number it is written as ("(555) 240-9479": no such area code).
            country = "United States"
        for issue in phone_issues(contact.phone, contact.phone_ext, country):
            if issue.kind not in MALFORMED_KINDS or (issue.kind == FOREIGN and not report_foreign):
                continue
            field = f"{path}.phone_ext" if issue.in_ext else f"{path}.phone"
            fix = None
            if issue.rewrite is not None:
                fix = Fix(f"write {issue.rewrite}", issue.rewrite, span=issue.rewrite_span)
            yield Problem(field, issue.message, span=issue.span, fix=fix)
