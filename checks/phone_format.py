"""A contact's phone number is right, but not written in international form.

What it finds: at the phone value (or the remark), for a number that is valid (numbers that
cannot be right are C301 malformed-phone's); the message gives it in international form:

- no country code, for a site outside the home countries (`home_countries`): `"13693058190"`
  (site in China): write `+86 136 9305 8190`;
- the country code without "+": `"8613911793771"`, `"..32/3/821 37 92"`;
- an international call prefix instead of "+": `"0048501452585"`, `"(01186) 20-87333300"`
  ("00" is read so for a contact of no known country too);
- the trunk prefix in brackets after the country code: `"+44 (0)20 8990 4466"`, a person
  knows to skip it, diallers and click-to-call links do not: write `+44 20 8990 4466`;
- letters for digits, and text before or after the number.

Hyphens and grouping are not reported: `"+86-18980601299"` and `"(617) 555-0100"` are fine.
Where a number written without separators is valid both nationally and as a North American
number, the suggested form is the reading for the site's country.

Why it matters: ClinicalTrials.gov is read worldwide, and by software that turns numbers into
links. A national number cannot be dialled from abroad without knowing the country's code; a
code without "+", or behind "00" (not dialled in North America), is ambiguous; letters and
remarks break diallers. Off by default: most registry records write numbers nationally, so it
reports thousands on a large corpus. Select it (`--select phone-format`) when preparing records
for an international audience.

Fails: a site in Poland, phone `"0048501452585"`.

Passes: `"+48 501 452 585"`.

Options:
  home_countries (default ["US"]): countries whose numbers may be written nationally (so may
    every country sharing their calling code: "US" covers +1, Canada and Puerto Rico too).
  national_form (default true): report numbers without a country code.
  idd_prefix (default true): report "00" or "011" written instead of "+".

Fix safety: no fix (the message gives the international form to write).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

import phonenumbers

from lintrials.context import Context
from lintrials.findings import Problem
from lintrials.knowledge.geo import country_code
from lintrials.knowledge.phone_kinds import FORMAT_KINDS, IDD_PREFIX, NATIONAL_FORM, NO_PLUS
from lintrials.knowledge.phones import phone_issues
from lintrials.model import Record

CODE, NAME, SEVERITY = "C302", "phone-format", "info"
ENABLED = False


@dataclass(frozen=True)
class Options:
    home_countries: tuple[str, ...] = ("US",)
    national_form: bool = True
    idd_prefix: bool = True


@lru_cache(maxsize=64)
def _calling_codes(countries: tuple[str, ...]) -> frozenset[int]:
    codes = (country_code(name) for name in countries)
    return frozenset(phonenumbers.country_code_for_region(code) for code in codes if code)


def check(record: Record, ctx: Context) -> Iterator[Problem]:
    home_codes = _calling_codes(ctx.options.home_countries)
    skipped = set()
    if not ctx.options.national_form:
        skipped.add(NATIONAL_FORM)
    if not ctx.options.idd_prefix:
        skipped.add(IDD_PREFIX)
    for path, contact, country in record.contacts_with_country():
        for issue in phone_issues(contact.phone, contact.phone_ext, country):
            if issue.kind not in FORMAT_KINDS or issue.kind in skipped:
                continue
            if issue.kind in (NATIONAL_FORM, NO_PLUS) and issue.calling_code in home_codes:
                continue
            field = f"{path}.phone_ext" if issue.in_ext else f"{path}.phone"
            yield Problem(field, issue.message, span=issue.span)
