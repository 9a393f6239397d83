"""What is wrong with a contact's phone number, read with the `phonenumbers` library.

`phone_issues(phone, ext, country)` reads one contact's phone and extension fields, knowing the
country the number should be dialled in (None when unknown), and returns every `PhoneIssue`
found. Two checks share it: ``malformed-phone`` reports the kinds in `MALFORMED_KINDS` (a number
that cannot be dialled as written), ``phone-format`` those in `FORMAT_KINDS` (a right number in
a form readers abroad or machines trip over). Results are cached: sponsors repeat one number at
hundreds of sites. The numbers themselves are read by `phone_numbers`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import phonenumbers
from phonenumbers import PhoneNumber, PhoneNumberType, ValidationResult

from lintrials.knowledge.geo import country_name
from lintrials.knowledge.phone_numbers import (
    FROM_DEFAULT,
    FROM_IDD,
    WITHOUT_PLUS,
    PhoneReading,
    after_digits,
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
    region_of,
)

# Kinds: a number that cannot be right as written ...
NOT_A_NUMBER = "not-a-number"  # text, a placeholder or an email address instead of a number
SEVERAL = "several"  # more than one number in one field
EXTENSION = "extension"  # an extension written inside the number
TRUNK_PREFIX = "trunk-prefix"  # the national trunk prefix kept after the country code
FOREIGN = "foreign"  # a North American number in national form for a site elsewhere
INVALID = "invalid"  # no valid number for the country
BAD_EXTENSION = "bad-extension"  # the extension field holds a country code or another number
# ... and a right number in a form that is hard to use.
NATIONAL_FORM = "national-form"  # no country code
NO_PLUS = "no-plus"  # country code without "+"
IDD_PREFIX = "idd-prefix"  # "00" (a country's own international call prefix) instead of "+"
LETTERS = "letters"  # a vanity number: 1-800-DIAL-NOW
NOTE = "note"  # a label or a remark around the number
BRACKETED_TRUNK = "bracketed-trunk"  # "+44 (0)20 ...": the trunk prefix in brackets, to skip

MALFORMED_KINDS = frozenset({NOT_A_NUMBER, SEVERAL, EXTENSION, TRUNK_PREFIX, FOREIGN, INVALID,
                             BAD_EXTENSION})
FORMAT_KINDS = frozenset({NATIONAL_FORM, NO_PLUS, IDD_PREFIX, LETTERS, NOTE, BRACKETED_TRUNK})


@dataclass(frozen=True)
class PhoneIssue:
    """One thing wrong with a phone number.

    ``in_ext`` is true when the issue is in the extension field rather than the phone field;
    ``span`` is the part of that field's value at fault (None: the whole value).
    ``calling_code`` is the number's country calling code when known (``national-form`` uses it
    to let numbers of the registry's own country be written nationally).
    """

    kind: str
    message: str
    span: tuple[int, int] | None = None
    in_ext: bool = False
    calling_code: int | None = None
    # An unambiguous rewrite: the number's international form, for the part ``rewrite_span``.
    rewrite: str | None = None
    rewrite_span: tuple[int, int] | None = None


_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PLACEHOLDER = re.compile(r"[xX]{3,}|#{3,}")
_LETTER = re.compile(r"[^\W\d_]")
# An extension at the end of the number: "ext 56", "x123", "EXT3176", "#12", "(ext 1071065)".
_EXTENSION = re.compile(
    r"(?:\(\s*)?(?<![^\W\d_])(?:ext(?:ension|n)?|x|int|anexo|ramal|poste|durchwahl|#|分机|转|內線)"
    r"(?![^\W\d_])\s*[.:#-]?\s*(\d{1,7})\s*\)?\s*$",
    re.IGNORECASE,
)
# A short group of digits after a complete number: "+86-021-65115006-3050", "...2525(3259)".
# (A match may start only where a run of spaces starts: a phone of 5,000 spaces is read once.)
_TRAILING_GROUP = re.compile(r"(?<!\s)(?:\s*[-/]\s*|\s*(?=\())\(?(\d{1,6})\)?\s*$")
# A remark in brackets after the number: "(U.S. Only)", "(M-F 9-5 JST)".
_TRAILING_NOTE = re.compile(r"(?<!\s)\s*\((?=[^()]*[^\W\d_])[^()]*\)\s*$")
_LABEL = re.compile(r"^\s*[^\W\d_][^+(\d]*?(?=[+(\d])")
# Where one number ends and another begins: "555-1234 / 555-5678", "... or ...", "...+34...".
_SEPARATOR = re.compile(
    r"(?:(?<!\s)\s+)?(?:\b(?:or|and|ou|oder|o|y|et)\b|[;|&\n]|\s/\s|\s-\s|,\s)\s*"
    r"|(?<=\d)\s*/\s*(?=[+(\d])"
    r"|(?<=\d)\s*(?=\+)",
    re.IGNORECASE,
)

_VANITY = re.compile(r"^\+?[\d\s().-]*[A-Z]{2}[A-Z\d\s.-]*$")
_FIRST_GROUP = re.compile(r"\D*(\d+)\D")
# What an extension field holds instead of an extension: "6861/6017", "+33", "0039".
_SEVERAL_EXTENSIONS = re.compile(r"\d{1,6}(?:\s*(?:/|,|;|\bor\b|&)\s*\d{1,6})+")
_COUNTRY_CODE = re.compile(r"(?:\+|00)\s*([1-9]\d{0,2})")
_MIN_DIGITS_PER_NUMBER = 7
# O, I and l written for 0 and 1, beside a digit: "+49 7O71", "O2O 7946 0018", "l-800".
_LOOKALIKE = re.compile(r"(?<=\d)[OoIl]|[OoIl](?=\d)")
_DIGIT_FOR = {"O": "0", "o": "0", "I": "1", "l": "1"}
_LETTER_RUN = re.compile(r"[^\W\d_]{2,}")
# "00" and a country code: the international call prefix of most of the world.
_IDD_START = re.compile(r"[\s(]*00\s*[1-9]")

_REASONS = {
    ValidationResult.TOO_SHORT: "too short",
    ValidationResult.TOO_LONG: "too long",
    ValidationResult.INVALID_LENGTH: "of a wrong length",
    ValidationResult.INVALID_COUNTRY_CODE: "of no country code",
    ValidationResult.IS_POSSIBLE_LOCAL_ONLY: "a local number without the area code",
}

@lru_cache(maxsize=16384)
def phone_issues(phone: str | None, ext: str | None, country: str | None) -> tuple[PhoneIssue, ...]:
    """Everything wrong with one contact's phone (and extension) for a site in ``country``."""
    region = region_of(country)
    issues: list[PhoneIssue] = []
    if phone and phone.strip():
        issues += _phone_field(phone, region, digits_of(ext or ""))
    if ext and ext.strip():
        issues += _ext_field(ext, phone or "")
    return tuple(issues)


@lru_cache(maxsize=16384)
def phone_reading(phone: str | None, country: str | None) -> PhoneReading | None:
    """The valid number in ``phone``, read for a contact in ``country`` (None when unknown).

    None when the field holds no number, several, or no valid one, or a number without country
    code for an unknown country. A label, a remark or an extension around the number is skipped
    (`phone_issues` reports those).
    """
    if not phone or not phone.strip():
        return None
    region = region_of(country)
    core = _around_number(phone)[1]
    if core is None:
        return None
    text = phone[core[0]:core[1]]
    plus = text.lstrip("( ").startswith("+")
    idd = False
    if region is None and not plus:
        if not _IDD_START.match(text):
            return None
        text, plus, idd = "+" + after_digits(text, 2), True, True
    if _VANITY.match(text.strip()):
        text = phonenumbers.convert_alpha_characters_in_number(text)
    reading = read_number(text, region, plus)
    if reading is None:
        return None
    number, source = reading
    if idd:
        source = FROM_IDD  # "00" read as "+" for a contact of no known country
    return PhoneReading(
        calling_code=number.country_code or 0,
        region=phonenumbers.region_code_for_number(number) or "ZZ",
        international=international_form(number),
        number_type=phonenumbers.number_type(number),
        source=source,
        span=core,
    )


def _phone_field(phone: str, region: str | None, ext_digits: str = "") -> list[PhoneIssue]:
    slip = _letter_for_digit(phone, region)
    if slip is not None:
        return [slip]
    issues, core, has_ext = _around_number(phone)
    if core is None:
        return issues
    return issues + _number(phone, *core, region, has_ext=has_ext, ext_digits=ext_digits)


def _letter_for_digit(phone: str, region: str | None) -> PhoneIssue | None:
    """A letter O, I or l typed for a digit among the digits ("+49 7O71 29 80687"): a keypad
    dials O as 6, so the number reached is another. Vanity numbers ("1-800-FLOWERS") hold a
    run of letters and are not read so."""
    found = list(_LOOKALIKE.finditer(phone))
    if not found or _LETTER_RUN.search(phone):
        return None
    fixed = _LOOKALIKE.sub(lambda m: _DIGIT_FOR[m.group()], phone)
    letters = ", ".join(f"'{m.group()}'" for m in found)
    digits = ", ".join(f"{_DIGIT_FOR[m.group()]}" for m in found)
    number = parse_valid(fixed.strip(), region)
    meant = f": {international_form(number)}" if number is not None else ""
    what = f"the letter {letters}" if len(found) == 1 else f"the letters {letters}"
    return PhoneIssue(INVALID, f"{what} among the digits of '{phone.strip()}', which a keypad "
                      f"dials as another digit: write {digits}{meant}",
                      (found[0].start(), found[-1].end()))


def _around_number(phone: str) -> tuple[list[PhoneIssue], tuple[int, int] | None, bool]:
    """What is wrong around the number in a phone field, and where the number is.

    Returns the issues of the text around the number (no number at all, a label, a remark, an
    extension run into it, several numbers), the span of the one number left to read (None
    when there is none, or several), and whether an extension was cut off its end.
    """
    shown = phone.strip()
    email = _EMAIL.search(phone)
    if email:
        return [PhoneIssue(NOT_A_NUMBER, f"an email address in the phone field: "
                           f"'{email.group()}' belongs in the email field", email.span())
                ], None, False
    digits = digits_of(phone)
    if _PLACEHOLDER.search(phone) or (len(digits) >= 6 and len(set(digits)) == 1):
        return [PhoneIssue(NOT_A_NUMBER, f"a placeholder, not a phone number: '{shown}'")
                ], None, False
    if len(digits) < 3 and not _VANITY.match(shown):
        return [PhoneIssue(NOT_A_NUMBER, f"text, not a phone number: '{shown}'")], None, False

    issues: list[PhoneIssue] = []
    start = len(phone) - len(phone.lstrip())
    end = len(phone.rstrip())
    extension = _EXTENSION.search(phone, 0, end)
    if extension and len(digits_of(phone[:extension.start()])) >= _MIN_DIGITS_PER_NUMBER:
        at = _skip(phone, extension.start(), end, " ,;-")
        issues.append(PhoneIssue(
            EXTENSION, f"an extension inside the number ('{phone[at:end]}'): put "
            f"{extension.group(1)} in the extension field", (at, end)))
        end = len(phone[:extension.start()].rstrip(" ,;-"))

    label = _LABEL.match(phone, 0, end)
    if label and _LETTER.search(label.group()):
        text = label.group().strip()
        issues.append(PhoneIssue(NOTE, f"text before the number: '{text}'",
                                 (start, start + len(text))))
        start = label.end()
    note = _TRAILING_NOTE.search(phone, start, end)
    core_end = note.start() if note else _core_end(phone, start, end)
    if core_end < end and _LETTER.search(phone[core_end:end]):
        at = _skip(phone, core_end, end, " ")
        issues.append(PhoneIssue(NOTE, f"text after the number: '{phone[at:end]}'", (at, end)))
        end = core_end

    several = _several(phone, start, end)
    if several:
        return [*issues, several], None, extension is not None
    return issues, (start, end), extension is not None


def _skip(text: str, start: int, end: int, chars: str) -> int:
    """The first position from ``start`` that is not one of ``chars``."""
    while start < end and text[start] in chars:
        start += 1
    return start


def _core_end(text: str, start: int, end: int) -> int:
    """Where the number itself ends: after its last digit (or the bracket closing it)."""
    if _VANITY.match(text[start:end].strip()):
        return end
    last = max((i for i in range(start, end) if text[i].isdigit()), default=start)
    close = last + 1
    if close < end and text[close] == ")":
        close += 1
    return close


def _several(phone: str, start: int, end: int) -> PhoneIssue | None:
    pieces: list[tuple[int, int]] = []
    at = start
    for sep in _SEPARATOR.finditer(phone, start, end):
        pieces.append((at, sep.start()))
        at = sep.end()
    pieces.append((at, end))
    pieces = [(a, b) for a, b in pieces if digits_of(phone[a:b])]
    numbers = [(a, b) for a, b in pieces if len(digits_of(phone[a:b])) >= _MIN_DIGITS_PER_NUMBER
               or (phone[a:a + 1] == "+" and len(digits_of(phone[a:b])) >= 3)]
    if len(numbers) < 2 or len(numbers) != len(pieces):
        return None
    shown = " and ".join(f"'{phone[a:b].strip()}'" for a, b in numbers)
    return PhoneIssue(SEVERAL, f"{len(numbers)} numbers in one phone field: {shown}; give one "
                      f"number per contact", (numbers[1][0], numbers[-1][1]))


def _number(phone: str, start: int, end: int, region: str | None,
            has_ext: bool, ext_digits: str = "") -> list[PhoneIssue]:
    text = phone[start:end]
    plus = text.lstrip("( ").startswith("+")
    idd = False
    if region is None and not plus:
        if not _IDD_START.match(text):
            return []  # a national number for an unknown country: nothing to validate against
        # "0049 6131 177271": "00" is the international call prefix of most of the world, so
        # the number is international even where the contact's country is unknown.
        text, plus, idd = "+" + after_digits(text, 2), True, True
    issues: list[PhoneIssue] = []
    if _VANITY.match(text.strip()):
        text = phonenumbers.convert_alpha_characters_in_number(text)
        issues.append(PhoneIssue(LETTERS, f"letters in the number: write the digits, "
                                 f"'{text.strip()}'", (start, end)))
    reading = read_number(text, region, plus)
    if reading is not None:
        number, source = reading
        return issues + _valid_number(phone, start, end, text, number,
                                      FROM_IDD if idd else source, region)
    split = _split(phone, start, end, text, region, plus, ext_digits)
    if split is not None:
        return [*issues, split]
    return [*issues, _invalid_number(phone, start, end, text, region, plus, has_ext,
                                     shown=phone[start:end].strip() if idd else None)]


def _split(phone: str, start: int, end: int, text: str, region: str | None, plus: bool,
           ext_digits: str) -> PhoneIssue | None:
    """An invalid number whose extension field holds its last digits ("0049-6861" and
    "992902"): together they make a valid number, so the extension is no extension."""
    if not ext_digits or len(ext_digits) > 8:
        return None
    whole = read_number(text.rstrip() + ext_digits, region, plus)
    if whole is None:
        return None
    shown = phone[start:end].strip()
    return PhoneIssue(INVALID, f"the number is split between the phone and extension fields: "
                      f"'{shown}' alone is no number, but with the extension '{ext_digits}' "
                      f"it is {international_form(whole[0])}: write it whole in the phone "
                      f"field", (start, end))


def _valid_number(phone: str, start: int, end: int, text: str, number: PhoneNumber,
                  source: int, region: str | None) -> list[PhoneIssue]:
    international = international_form(number)
    code = number.country_code
    if source == FROM_DEFAULT:
        abroad = north_american_abroad(text, number, region) if region else False
        if abroad is None:
            return []
        if abroad:
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


def _invalid_number(phone: str, start: int, end: int, text: str, region: str | None,
                    plus: bool, has_ext: bool, shown: str | None = None) -> PhoneIssue:
    """What is wrong with a number no valid one can be read from; ``shown`` is the number as
    written when ``text`` is a rewriting of it ("+49 ..." read for "0049 ...")."""
    if not plus and region and north_american_abroad(text, None, region):
        return _foreign(text, region, (start, end))
    trailing = None if has_ext else _TRAILING_GROUP.search(text)
    if trailing and len(digits_of(text[:trailing.start()])) >= _MIN_DIGITS_PER_NUMBER:
        head = read_number(text[:trailing.start()], region, plus)
        if head is not None:
            at = _skip(phone, start + trailing.start(), end, " -/")
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
        first_group = _FIRST_GROUP.match(text)
        fixed = parse_valid("+" + text.strip(), None)
        if fixed and first_group and first_group.group(1) == str(fixed.country_code):
            return (f"; with a '+' in front it reads as {international_form(fixed)} "
                    f"({country_of_code(fixed.country_code or 0)})")
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


def _foreign(text: str, region: str, span: tuple[int, int]) -> PhoneIssue:
    north_american = parse_valid(text, "US")  # valid: north_american_abroad has checked
    toll_free = north_american is not None and (
        phonenumbers.number_type(north_american) == PhoneNumberType.TOLL_FREE)
    written = international_form(north_american) if north_american else f"+1 {text.strip()}"
    return PhoneIssue(FOREIGN, f"a North American {'toll-free ' if toll_free else ''}number "
                      f"written without +1 for a site in {country_name(region)}, where dialled "
                      f"as written it does not reach North America: {written}", span)



def _ext_field(ext: str, phone: str) -> list[PhoneIssue]:
    value = ext.strip()
    offset = ext.find(value)
    span = (offset, offset + len(value))
    digits = digits_of(value)
    if _SEVERAL_EXTENSIONS.fullmatch(value):
        return [PhoneIssue(SEVERAL, f"several extensions in one field: '{value}'", span,
                           in_ext=True)]
    code = _COUNTRY_CODE.fullmatch(value)
    if code:
        written = parse_number(phone, None) if phone.lstrip("( ").startswith("+") else None
        if written is not None and str(written.country_code) == code.group(1):
            return [PhoneIssue(BAD_EXTENSION, f"the extension field repeats the country code "
                               f"'{value}' that the number already has: leave it empty", span,
                               in_ext=True)]
        number = parse_valid(f"+{code.group(1)}{digits_of(phone)}", None) if phone else None
        what = ("the country code" if phonenumbers.region_code_for_country_code(
            int(code.group(1))) != "ZZ" else "the start of a country code")
        fix = f": the number is {international_form(number)}" if number else ""
        return [PhoneIssue(BAD_EXTENSION, f"the extension field holds {what} '{value}', not an "
                           f"extension{fix}", span, in_ext=True)]
    if len(digits) >= 8 or (value.startswith("+") and len(digits) >= _MIN_DIGITS_PER_NUMBER):
        same = " (the same number again)" if digits == digits_of(phone) else ""
        return [PhoneIssue(BAD_EXTENSION, f"the extension field holds another phone number "
                           f"'{value}'{same}, not an extension", span, in_ext=True)]
    return []
