"""What is wrong with a contact's phone number, read with the `phonenumbers` library.

`phone_issues(phone, ext, country)` reads one contact's phone and extension fields, knowing the
country the number should be dialled in (None when unknown), and returns every `PhoneIssue`
found. Two checks share it: ``malformed-phone`` reports the kinds in `MALFORMED_KINDS` (a number
that cannot be dialled as written), ``phone-format`` those in `FORMAT_KINDS` (a right number in
a form readers abroad or machines trip over); the kinds are in `phone_kinds`, what a number that
parses is told in `phone_verdicts`. Results are cached: sponsors repeat one number at
hundreds of sites. The numbers themselves are read by `phone_numbers`.
"""

from __future__ import annotations

import re
from functools import lru_cache

import phonenumbers

from lintrials.knowledge.phone_kinds import (
    BAD_EXTENSION,
    EXTENSION,
    INVALID,
    LETTERS,
    NOT_A_NUMBER,
    NOTE,
    SEVERAL,
    PhoneIssue,
)
from lintrials.knowledge.phone_numbers import (
    FROM_IDD,
    PhoneReading,
    after_digits,
    digits_of,
    international_form,
    parse_number,
    parse_valid,
    read_number,
    region_of,
)
from lintrials.knowledge.phone_verdicts import (
    MIN_DIGITS_PER_NUMBER,
    invalid_number_issue,
    skip,
    valid_number_issues,
)

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
# What an extension field holds instead of an extension: "6861/6017", "+33", "0039".
_SEVERAL_EXTENSIONS = re.compile(r"\d{1,6}(?:\s*(?:/|,|;|\bor\b|&)\s*\d{1,6})+")
_COUNTRY_CODE = re.compile(r"(?:\+|00)\s*([1-9]\d{0,2})")
# O, I and l written for 0 and 1, beside a digit: "+49 7O71", "O2O 7946 0018", "l-800".
_LOOKALIKE = re.compile(r"(?<=\d)[OoIl]|[OoIl](?=\d)")
_DIGIT_FOR = {"O": "0", "o": "0", "I": "1", "l": "1"}
_LETTER_RUN = re.compile(r"[^\W\d_]{2,}")
# "00" and a country code: the international call prefix of most of the world.
_IDD_START = re.compile(r"[\s(]*00\s*[1-9]")
_ZERO_START = re.compile(r"[\s(]*0\s*[1-9]")
# Digits from which a number written with a single leading 0 is too long to be a national
# number in national form (0 and at most 11 further digits in the plans of most countries).
_MIN_ZERO_COUNTRY_CODE_DIGITS = 13


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
    if extension and len(digits_of(phone[:extension.start()])) >= MIN_DIGITS_PER_NUMBER:
        at = skip(phone, extension.start(), end, " ,;-")
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
        at = skip(phone, core_end, end, " ")
        issues.append(PhoneIssue(NOTE, f"text after the number: '{phone[at:end]}'", (at, end)))
        end = core_end

    several = _several(phone, start, end)
    if several:
        return [*issues, several], None, extension is not None
    return issues, (start, end), extension is not None


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
    numbers = [(a, b) for a, b in pieces if len(digits_of(phone[a:b])) >= MIN_DIGITS_PER_NUMBER
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
            # A national number for an unknown country: nothing to validate against, unless it
            # is too long for one and is a 0 followed by a country code and a valid number.
            zero = _zero_before_country_code(text)
            return [] if zero is None else [PhoneIssue(INVALID, zero, (start, end))]
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
        return issues + valid_number_issues(phone, start, end, text, number,
                                      FROM_IDD if idd else source, region)
    split = _split(phone, start, end, text, region, plus, ext_digits)
    if split is not None:
        return [*issues, split]
    return [*issues, invalid_number_issue(phone, start, end, text, region, plus, has_ext,
                                     shown=phone[start:end].strip() if idd else None)]


def _zero_before_country_code(text: str) -> str | None:
    """"086-15712867910": one 0 and then a country code (86) and a valid number of it, too
    long to be a national number. A "0" is no international call prefix: the number as
    written reaches no one. The message, or None when the text is not such a number."""
    digits = digits_of(text)
    if len(digits) < _MIN_ZERO_COUNTRY_CODE_DIGITS or not _ZERO_START.match(text):
        return None
    number = parse_valid("+" + digits[1:], None)
    if number is None:
        return None
    return (f"not a valid number as written: '{text.strip()}' has {len(digits)} digits, too "
            f"many for a national number; it is a 0 and then the country code "
            f"+{number.country_code}: write {international_form(number)}")


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
    if len(digits) >= 8 or (value.startswith("+") and len(digits) >= MIN_DIGITS_PER_NUMBER):
        same = " (the same number again)" if digits == digits_of(phone) else ""
        return [PhoneIssue(BAD_EXTENSION, f"the extension field holds another phone number "
                           f"'{value}'{same}, not an extension", span, in_ext=True)]
    return []
