"""A contact's phone number cannot be right for the contact's country.

Why: a trial contact is how patients and referring doctors reach a site. A number that no one
can dial as written (a digit short, an extension run into the digits, a national trunk prefix
left after the country code, two numbers in one field, an email address instead of a number)
silently loses the call. Validity is judged with the `phonenumbers` library (Google's
libphonenumber metadata), for the country of the contact's site; a central contact's country is
known only when all sites are in one country. A number in a field whose country is unknown is
validated only when it is written in international form (with "+").

What is reported, each at the phone value (or the part of it at fault):

- not a valid number for the country: too short, too long, in no range in use
  (`"86-1581140843"`, `"613"`), with a hint when the intent is clear (a `"+"` before a
  national number, an Italian number that lost its leading 0, a number with digits run on);
- the national trunk prefix kept after the country code: `"+86-021-50582090"` (write
  `+86 21 5058 2090`), `"+44 (0)20 8990 4466"`; Italian numbers keep their 0 (`+39 06 ...` is
  right);
- an extension inside the number (`"555-1234 ext 56"`, `"x123"`, `"-3050"` after a complete
  number) instead of in the extension field;
- several numbers in one field (`"555-1234 / 555-5678"`, `"+34913368000+3491336"`);
- an email address, a placeholder (`"000-000-0000"`, `"06-xxxxxxxx"`) or text
  (`"E-mail only"`) instead of a number;
- the extension field holding a country code (`"+33"`) or another phone number;
- a North American number written without +1 for a site elsewhere (`"877-379-3718"` for a
  site in Spain): it cannot be dialled there as written (option `north_american_abroad`).

Not reported here: a valid number merely written without the country code
(`"13693058190"` for a site in China), with hyphens (`"+86-18980601299"`) or with unusual
grouping, or US numbers written `"(617) 555-0100"`: those are a matter of form, for
`phone-format`.

Example (fails): a site in China, phone `"+86-021-50582090"`.
Passing: `"+86 21 5058 2090"`, or `"021-50582090"`.

Fix: a trunk prefix kept after the country code has one unambiguous repair, the number in
international form (`+86-021-50582090` -> `+86 21 5058 2090`); `--fix` writes it (a safe fix:
the digits that are dialled do not change, only the prefix that must not be dialled goes).

Options:
  north_american_abroad (default true): report a number written the North American way
  (3-3-4 digits, no +1) that is no number of the site's country, such as a sponsor's US
  toll-free line listed for a site in Japan.

Corpus: 1,363 findings, 1,361 correct (99.9%), in 193 of the 2,554 corpus records, each read
and judged. Measured with
`lintrials check --select malformed-phone --today 2026-11-22 ../shared/corpus/` (the 22
F003 findings it also prints are the engine's, on files of other registries). The two doubtful
findings are Argentine numbers ("03583819050", "0384154125573") that the libphonenumber metadata
rejects but that may be mobile numbers written without their "15". By kind: 521 trunk prefixes
kept after the country code (413 of them one sponsor's "+44 (0) 20 8990 4466" at its sites);
478 North American numbers without +1 for sites elsewhere (457 are two sponsors' toll-free
lines, 877-379-3718 and 1-888-577-8839); 198 invalid numbers (Chinese mobiles a digit short,
digits of an extension run on, Brazilian mobiles without their ninth digit, Mexican mobiles
with the "1" dropped in 2019, "+" before a national number, local numbers without area code,
a Réunion number under +33); 83 extension fields holding a country code ("+33", "0039", "+2")
or another number; 52 extensions inside the number; 24 placeholders ("000-000-0000"), email
addresses and text ("E-mail only"); 7 fields with two numbers. Seeds: one finding, on 002
("+86-021-50582090"), correct.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from lintrials.context import Context
from lintrials.findings import Fix, Problem
from lintrials.knowledge.phones import FOREIGN, MALFORMED_KINDS, phone_issues
from lintrials.model import Record

CODE, NAME, SEVERITY = "C301", "malformed-phone", "error"
FIXABLE = True


@dataclass(frozen=True)
class Options:
    north_american_abroad: bool = True


def check(record: Record, ctx: Context) -> Iterator[Problem]:
    report_foreign = ctx.options.north_american_abroad
    for path, contact, country in record.contacts_with_country():
        for issue in phone_issues(contact.phone, contact.phone_ext, country):
            if issue.kind not in MALFORMED_KINDS or (issue.kind == FOREIGN and not report_foreign):
                continue
            field = f"{path}.phone_ext" if issue.in_ext else f"{path}.phone"
            fix = None
            if issue.rewrite is not None:
                fix = Fix(f"write {issue.rewrite}", issue.rewrite, span=issue.rewrite_span)
            yield Problem(field, issue.message, span=issue.span, fix=fix)
