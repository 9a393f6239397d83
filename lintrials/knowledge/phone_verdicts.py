"""What a number that parses is told: a valid number written in a form that cannot be dialled
from where it is listed, or an invalid one, with a hint at what was meant (see `phones`)."""

from __future__ import annotations

import re
from functools import lru_cache

import phonenumbers
from phonenumbers import PhoneNumber, PhoneNumberType, ValidationResult

from lintrials.knowledge.geo import country_name
from lintrials.knowledge.phone_kinds import (
    BRACKETED_TRUNK,
    EXTENSION,
    FOREIGN,
    IDD_PREFIX,
    INVALID,
    NATIONAL_FORM,
    NO_PLUS,
    TRUNK_PREFIX,
    PhoneIssue,
)
from lintrials.knowledge.phone_numbers import (
    FROM_DEFAULT,
    FROM_IDD,
    WITHOUT_PLUS,
    country_of_code,
    digits_of,
    idd_written,
    international_form,
    kept_trunk_prefix,
    longest_valid_prefix,
    north_american_abroad,
    parse_number,
    parse_valid,
    read_number,
)

_FIRST_GROUP = re.compile(r"\D*(\d+)\D")
_TRAILING_GROUP = re.compile(r"(?<!\s)(?:\s*[-/]\s*|\s*(?=\())\(?(\d{1,6})\)?\s*$")
MIN_DIGITS_PER_NUMBER = 7

_REASONS = {
    ValidationResult.TOO_SHORT: "too short",
    ValidationResult.TOO_LONG: "too long",
    ValidationResult.INVALID_LENGTH: "of a wrong length",
    ValidationResult.INVALID_COUNTRY_CODE: "of no country code",
    ValidationResult.IS_POSSIBLE_LOCAL_ONLY: "a local number without the area code",
}


def valid_number_issues(phone: str, start: int, end: int, text: str, number: PhoneNumber,
                  source: int, region: str | None) -> list[PhoneIssue]:
    international = international_form(number)
    code = number.country_code
    if source == FROM_DEFAULT:
        abroad = north_american_abroad(text, number, region) if region else False
        if abroad is None:
            return []
        if abroad:
            elsewhere = _country_code_without_plus(text)
            if elsewhere is not None and elsewhere.country_code == 1 and not _toll_free(elsewhere):
                return [_without_plus(elsewhere, (start, end))]  # "1-780-448-1400" in China
            return [_foreign(text, region or "", (start, end))]
        return [PhoneIssue(NATIONAL_FORM, f"written without the country code: from abroad it "
                           f"is {international}", (start, end), calling_code=code)]
    issues: list[PhoneIssue] = []
    trunk = kept_trunk_prefix(phone, start, end, number)
    if trunk and phone[trunk[0]] == "(":
        # The convention of several countries ("+44 (0)20 ...", GOV.UK's own style): a person
        # knows to skip the bracketed prefix from abroad; diallers and links do not.
        issues.append(PhoneIssue(
            BRACKETED_TRUNK, f"the trunk prefix {phone[trunk[0]:trunk[1]]} after the country "
            f"code +{code} is for a person to skip when calling from abroad; diallers and "
            f"click-to-call links dial it: write {international}", trunk))
    elif trunk:
        prefix = digits_of(phone[trunk[0]:trunk[1]])
        issues.append(PhoneIssue(
            TRUNK_PREFIX, f"the trunk prefix '{prefix}' is kept after the country code +{code}, "
            f"so the number cannot be dialled from abroad: write {international}", trunk,
            rewrite=international, rewrite_span=(start, end)))
    if source == FROM_IDD:
        idd = idd_written(digits_of(text), code or 0, region)
        issues.append(PhoneIssue(IDD_PREFIX, f"'{idd}' (an international call prefix, which "
                                 f"differs between countries) instead of '+': write "
                                 f"{international}", (start, end), calling_code=code))
    elif source == WITHOUT_PLUS:
        issues.append(PhoneIssue(NO_PLUS, f"the country code {code} is written without '+': "
                                 f"write {international}", (start, end), calling_code=code))
    return issues


def invalid_number_issue(phone: str, start: int, end: int, text: str, region: str | None,
                    plus: bool, has_ext: bool, shown: str | None = None) -> PhoneIssue:
    """What is wrong with a number no valid one can be read from; ``shown`` is the number as
    written when ``text`` is a rewriting of it ("+49 ..." read for "0049 ...")."""
    elsewhere = None if plus else _country_code_without_plus(text)
    if elsewhere is not None and not (elsewhere.country_code == 1 and _toll_free(elsewhere)):
        # "852-35052858" for a site in China, "1-780-448-1400" for one in India: a right number
        # of another country, its country code written as a group of its own but without "+".
        return _without_plus(elsewhere, (start, end))
    if not plus and region and north_american_abroad(text, None, region):
        return _foreign(text, region, (start, end))
    trailing = None if has_ext else _TRAILING_GROUP.search(text)
    if trailing and len(digits_of(text[:trailing.start()])) >= MIN_DIGITS_PER_NUMBER:
        head = read_number(text[:trailing.start()], region, plus)
        if head is not None:
            at = skip(phone, start + trailing.start(), end, " -/")
            return PhoneIssue(EXTENSION, f"'{phone[at:end]}' follows the complete number "
                              f"{international_form(head[0])}: an extension belongs in the "
                              f"extension field, another number in another contact", (at, end))
    shown = shown or text.strip()
    number = parse_number(text, region)
    digits = digits_of(text)
    if number is None:
        problem = ("no country code begins with 0" if plus and digits.startswith("0")
                   else "it cannot be read as a number")
        message = f"not a valid phone number: '{shown}': {problem}"
    else:
        where = (f"in {country_name(region)}" if number.country_code_source == FROM_DEFAULT
                 and region else f"for +{number.country_code} "
                 f"({country_of_code(number.country_code or 0)})")
        possible = phonenumbers.is_possible_number_with_reason(number)
        if (possible == ValidationResult.IS_POSSIBLE_LOCAL_ONLY
                or (not plus and region and _local_without_area_code(digits, region))):
            return PhoneIssue(INVALID, f"'{shown}' lacks its area code: a local number {where}, "
                              "which can be dialled only from within its own area; write it "
                              "with the area code", (start, end))
        reason = _REASONS.get(possible, "in no range of numbers in use")
        message = f"not a valid number {where}: '{shown}' is {reason}"
    return PhoneIssue(INVALID, message + _hint(text, number, region, plus), (start, end))


@lru_cache(maxsize=1024)
def _local_without_area_code(digits: str, region: str) -> bool:
    """Whether ``digits`` (written without trunk prefix or country code) are a fixed-line
    number of ``region`` with its area code left off: a local-only length for the region's
    fixed lines ("24177000" in India, "9342 7063" in Australia), or an area code of two to four
    digits before them makes a valid fixed-line number whose whole area code they are
    ("59976661" in China: 010 5997 6661).
    A single digit is not tried: it makes a valid number of too many mistyped ones."""
    metadata = phonenumbers.PhoneMetadata.metadata_for_region(region)
    if metadata is None or metadata.fixed_line is None:
        return False
    prefix = metadata.national_prefix or ""
    if prefix and digits.startswith(prefix):
        return False  # written nationally, with a trunk prefix: the area code is there
    fixed = metadata.fixed_line
    general = metadata.general_desc
    lengths = set(fixed.possible_length or (general.possible_length if general else ()) or ())
    if len(digits) in set(fixed.possible_length_local_only or ()) - lengths:
        return True
    pattern = fixed.national_number_pattern
    if len(digits) < 5 or not pattern:
        return False
    compiled = re.compile(f"(?:{pattern})")
    for size in range(2, 5):
        if len(digits) + size not in lengths:
            continue
        for area in range(10 ** (size - 1), 10 ** size):
            if not compiled.fullmatch(f"{area}{digits}"):
                continue
            number = parse_valid(f"{prefix}{area}{digits}", region)
            # the digits added must be the whole area code, not the start of a longer one
            if number is not None and (
                    phonenumbers.length_of_geographical_area_code(number) == size):
                return True
    return False


def _hint(text: str, number: PhoneNumber | None, region: str | None, plus: bool) -> str:
    """What the number may have been meant to be, for the message of an invalid number."""
    digits = digits_of(text)
    if plus and digits.startswith("00"):
        fixed = parse_valid("+" + digits[2:], None)
        if fixed:
            return f"; without the '00' after '+' it is {international_form(fixed)}"
    if plus and region and (number is None or number.country_code
                            != phonenumbers.country_code_for_region(region)):
        # "+0518-81220121", "+13181713436" for a site in China: a "+" before a national number
        fixed = parse_valid(text.replace("+", "", 1), region)
        if fixed and fixed.country_code_source == FROM_DEFAULT:
            return f"; without the '+' it is the national number {international_form(fixed)}"
    if number is not None and number.country_code == 52:
        national = phonenumbers.national_significant_number(number)
        fixed = parse_valid(f"+52{national[1:]}", None) if national.startswith("1") else None
        if fixed:
            return (f"; Mexico dropped the '1' of mobile numbers in 2019: "
                    f"{international_form(fixed)}")
    if number is not None and number.country_code == 39:
        national = phonenumbers.national_significant_number(number)
        fixed = parse_valid(f"+390{national}", None)
        if fixed:
            return f"; Italian numbers keep their leading 0: {international_form(fixed)}?"
    if not plus and region:
        code = str(phonenumbers.country_code_for_region(region))
        if code != "1" and not digits.startswith(code) and len(digits) in (10, 11):
            fixed = parse_valid(text, "US")
            if fixed:
                return f"; it may be the North American number {international_form(fixed)}"
    if number is not None and phonenumbers.is_possible_number_with_reason(number) in (
            ValidationResult.TOO_LONG, ValidationResult.INVALID_LENGTH):
        prefix = longest_valid_prefix(number)
        trailing = _TRAILING_GROUP.search(text)
        if prefix and (trailing is None or trailing.group(1) == prefix[1]):
            return f"; its first digits make {prefix[0]}: is '{prefix[1]}' an extension?"
    return ""


def _toll_free(number: PhoneNumber) -> bool:
    """A North American toll-free line, which callers abroad mostly cannot reach at all: for a
    site elsewhere it stays malformed-phone's even with its 1 written."""
    return phonenumbers.number_type(number) == PhoneNumberType.TOLL_FREE


def _without_plus(number: PhoneNumber, span: tuple[int, int]) -> PhoneIssue:
    code = number.country_code or 0
    region = phonenumbers.region_code_for_number(number)
    country = country_name(region) if region else country_of_code(code)
    return PhoneIssue(NO_PLUS, f"the country code {code} ({country}) is written without '+': "
                      f"write {international_form(number)}", span, calling_code=code)


def _country_code_without_plus(text: str) -> PhoneNumber | None:
    """The valid number ``text`` is with a "+" in front, when its first group of digits is that
    number's country code (so the digits are no accident of a run of digits)."""
    first_group = _FIRST_GROUP.match(text)
    fixed = parse_valid("+" + text.strip(), None)
    if fixed and first_group and first_group.group(1) == str(fixed.country_code):
        return fixed
    return None


def _foreign(text: str, region: str, span: tuple[int, int]) -> PhoneIssue:
    north_american = parse_valid(text, "US")  # valid: north_american_abroad has checked
    toll_free = north_american is not None and (
        phonenumbers.number_type(north_american) == PhoneNumberType.TOLL_FREE)
    written = international_form(north_american) if north_american else f"+1 {text.strip()}"
    first_group = _FIRST_GROUP.match(text)
    how = "with its 1 but without '+'" if first_group and first_group.group(1) == "1" else (
        "without +1")
    return PhoneIssue(FOREIGN, f"a North American {'toll-free ' if toll_free else ''}number "
                      f"written {how} for a site in {country_name(region)}, where dialled "
                      f"as written it does not reach North America: {written}", span)


def skip(text: str, start: int, end: int, chars: str) -> int:
    """The first position from ``start`` that is not one of ``chars``."""
    while start < end and text[start] in chars:
        start += 1
    return start
