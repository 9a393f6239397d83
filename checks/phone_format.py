"""A contact's phone number is right, but not written in international form.

Why: ClinicalTrials.gov is read worldwide, and by software that turns numbers into links. A
number written nationally (`"13693058190"` for a site in China) cannot be dialled from abroad
without knowing the country's code; a country code without "+" (`"390817770291"`) or behind an
international call prefix (`"0049 89 1208 0620"`: "00" is not dialled in North America) is
ambiguous; letters (`"1-800-DIAL-NOW"`) and remarks (`"888-662-6728 (U.S. Only)"`) break
diallers. The number itself is valid (numbers that cannot be right are `malformed-phone`'s);
the message gives it in international form. Hyphens and grouping are not reported:
`"+86-18980601299"` and `"(617) 555-0100"` are fine.

Reported, at the phone value (or the remark):

- no country code, for a site outside the home countries (option `home_countries`):
  `"13693058190"` (site in China): write `+86 136 9305 8190`;
- the country code written without "+": `"8613911793771"`, `"..32/3/821 37 92"`;
- an international call prefix instead of "+": `"0048501452585"`, `"(01186) 20-87333300"`;
- letters for digits, and text before or after the number.

The check is off by default: most registry records write numbers nationally, so it reports
thousands of numbers on a large corpus. Select it (`--select phone-format`) when preparing
records for an international audience.

Example (fails): a site in Poland, phone `"0048501452585"`.
Passing: `"+48 501 452 585"`.

Options:
  home_countries (default ["US"]): countries whose numbers may be written nationally (so may
  every country sharing their calling code: "US" covers +1, Canada and Puerto Rico too).
  national_form (default true): report numbers without a country code.
  idd_prefix (default true): report "00" or "011" written instead of "+".

Corpus: 3,086 findings, 3,086 correct (100%), in 368 of the 2,554 corpus records
(`lintrials check --select phone-format --today 2026-11-22 ../shared/corpus/`), read grouped
by message (2,264 distinct) and judged: all 3,086 name a real defect of form, precision 100%.
1,525 country codes without "+" (154 of them one sponsor's Japanese "81120023812"), 1,224
numbers without country code for sites outside North America (Chinese and Indian mobiles,
French, British, Spanish national numbers), 327 "00" or "011" prefixes, 10 remarks ("(U.S.
Only)", "Phone:"). Where a number written without separators is valid both nationally and as a
North American number ("8002583913" for a site in India), the suggested form is the reading for
the site's country, which cannot be checked. Seeds: 33 findings, all on 000 (its Chinese
mobiles written nationally, "13693058190"), correct.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

import phonenumbers

from lintrials.context import Context
from lintrials.findings import Problem
from lintrials.knowledge.geo import country_code
from lintrials.knowledge.phones import (
    FORMAT_KINDS,
    IDD_PREFIX,
    NATIONAL_FORM,
    NO_PLUS,
    phone_issues,
)
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
