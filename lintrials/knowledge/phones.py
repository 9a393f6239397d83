"""What is wrong with a contact's phone number, read with the `phonenumbers` library.

`phone_issues(phone, ext, country)` reads one contact's phone and extension fields, knowing the
country the number should be dialled in (None when unknown), and returns every `PhoneIssue`
found. Two checks share it: ``malformed-phone`` reports the kinds in `MALFORMED_KINDS` (a number
that cannot be dialled as written), ``phone-format`` those in `FORMAT_KINDS` (a right number in
a form readers abroad or machines trip over). Results are cached: sponsors repeat one number at
hundreds of sites.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import phonenumbers
from phonenumbers import (
    CountryCodeSource,
    PhoneNumber,
    PhoneNumberFormat,
    PhoneNumberType,
    ValidationResult,
)

from lintrials.knowledge.geo import country_code, country_name

# One run checks numbers of a hundred countries, whose metadata patterns overflow the re
# module's cache; keep them compiled (the call exists in recent phonenumbers releases only).
_enable_pattern_cache = getattr(phonenumbers, "enable_pattern_cache", None)
if _enable_pattern_cache is not None:
    _enable_pattern_cache()

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

MALFORMED_KINDS = frozenset({NOT_A_NUMBER, SEVERAL, EXTENSION, TRUNK_PREFIX, FOREIGN, INVALID,
                             BAD_EXTENSION})
FORMAT_KINDS = frozenset({NATIONAL_FORM, NO_PLUS, IDD_PREFIX, LETTERS, NOTE})


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
# A number written the North American way: 877-379-3718, (617) 555-0100, 1-888-577-8839.
_NANP_WRITTEN = re.compile(
    r"^(?:\+?1[-. ]?)?(?:\([2-9]\d\d\)\s*|[2-9]\d\d[-. ])[2-9]\d\d[-. ]\d{4}$")
_VANITY = re.compile(r"^\+?[\d\s().-]*[A-Z]{2}[A-Z\d\s.-]*$")
_FIRST_GROUP = re.compile(r"\D*(\d+)\D")
# What an extension field holds instead of an extension: "6861/6017", "+33", "0039".
_SEVERAL_EXTENSIONS = re.compile(r"\d{1,6}(?:\s*(?:/|,|;|\bor\b|&)\s*\d{1,6})+")
_COUNTRY_CODE = re.compile(r"(?:\+|00)\s*([1-9]\d{0,2})")
_MIN_DIGITS_PER_NUMBER = 7
# Numbers dialled nationally in one country but held under other regions by phonenumbers: the
# French overseas departments have their own country codes, yet "0262 35 90 00" (Réunion) is a
# French national number; and Northern Cyprus is dialled within Türkiye's plan ("0392 ...").
_SHARED_NATIONAL_PLANS = {"FR": ("RE", "GP", "MQ", "GF", "YT", "PM", "BL", "MF"), "CY": ("TR",)}

_REASONS = {
    ValidationResult.TOO_SHORT: "too short",
    ValidationResult.TOO_LONG: "too long",
    ValidationResult.INVALID_LENGTH: "of a wrong length",
    ValidationResult.INVALID_COUNTRY_CODE: "of no country code",
    ValidationResult.IS_POSSIBLE_LOCAL_ONLY: "a local number without the area code",
}

FROM_DEFAULT = CountryCodeSource.FROM_DEFAULT_COUNTRY
FROM_IDD = CountryCodeSource.FROM_NUMBER_WITH_IDD
WITHOUT_PLUS = CountryCodeSource.FROM_NUMBER_WITHOUT_PLUS_SIGN


def _digits(text: str) -> str:
    return "".join(c for c in text if c.isdigit())


def _international(number: PhoneNumber) -> str:
    return phonenumbers.format_number(number, PhoneNumberFormat.INTERNATIONAL)


def _region(country: str | None) -> str | None:
    code = country_code(country)
    return code if code in phonenumbers.SUPPORTED_REGIONS else None


def _country_of_code(code: int) -> str:
    region = phonenumbers.region_code_for_country_code(code)
    if region == "ZZ":
        return "no country"
    return "non-geographic" if region == "001" else country_name(region)


# Both caches below are shared by every check that reads phones (malformed-phone, phone-format,
# phone-country-mismatch read the same fields): a number is parsed and validated once a run.
# The PhoneNumber objects they hand out are never changed by their readers.
@lru_cache(maxsize=32768)
def _parse(text: str, region: str | None) -> PhoneNumber | None:
    try:
        return phonenumbers.parse(text, region, keep_raw_input=True)
    except phonenumbers.NumberParseException:
        return None


@lru_cache(maxsize=32768)
def _valid(text: str, region: str | None) -> PhoneNumber | None:
    number = _parse(text, region)
    if number is None or number.extension or not phonenumbers.is_valid_number(number):
        return None
    return number


@lru_cache(maxsize=16384)
def phone_issues(phone: str | None, ext: str | None, country: str | None) -> tuple[PhoneIssue, ...]:
    """Everything wrong with one contact's phone (and extension) for a site in ``country``."""
    region = _region(country)
    issues: list[PhoneIssue] = []
    if phone and phone.strip():
        issues += _phone_field(phone, region)
    if ext and ext.strip():
        issues += _ext_field(ext, phone or "")
    return tuple(issues)


@dataclass(frozen=True)
class PhoneReading:
    """The one valid number a phone field holds, as `phone_issues` reads it.

    ``region`` is the number's own region as the metadata knows it ("GB", "CA"; "001" for a
    non-geographic number such as +800 international freephone); ``number_type`` is a
    `PhoneNumberType`; ``source`` (a `CountryCodeSource`) says how its country code was
    written: ``FROM_DEFAULT_COUNTRY`` when not at all, so that the number was read as one of the
    contact's country. ``span`` is where the number is in the field.
    """

    calling_code: int
    region: str
    international: str
    number_type: int
    source: int
    span: tuple[int, int]

    @property
    def toll_free(self) -> bool:
        return self.number_type == PhoneNumberType.TOLL_FREE


def country_calling_code(country: str | None) -> int | None:
    """The calling code of a country as a registry names it ("Germany": 49), None if unknown."""
    region = _region(country)
    return phonenumbers.country_code_for_region(region) if region else None


@lru_cache(maxsize=1024)
def plus_for_trunk_prefix(phone: str, country: str | None) -> str | None:
    """The number of ``country`` that an international-looking ``phone`` is if its "+" is a slip.

    "+4618162512" for a site in Germany is a valid Swedish number, but with "0" (Germany's trunk
    prefix) for the "+" it is the German 0461 8162512: returns "+49 461 8162512". None when the
    digits make no valid number of the country either way.
    """
    region = _region(country)
    text = phone.strip()
    if region is None or not text.startswith("+"):
        return None
    metadata = phonenumbers.PhoneMetadata.metadata_for_region(region)
    prefix = (metadata.national_prefix if metadata is not None else None) or ""
    for national in (prefix + text[1:], text[1:]):
        number = _valid(national, region)
        if number is not None and number.country_code_source == FROM_DEFAULT:
            return _international(number)
    return None


# Languages in which the geocoding metadata names places ("Köln", "Cologne"; "Wien", "Vienna").
_PLACE_LANGUAGES = ("en", "de", "fr", "es", "it", "pt", "nl", "pl", "sv")


def _fold_place(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold().strip()


@lru_cache(maxsize=1024)
def number_in_city(international: str, city: str | None) -> bool:
    """Whether the metadata places a number's range in ``city`` ("+49 461 ..." is Flensburg).

    False when it names no place finer than the country (mobile numbers). Loads the geocoding
    data (a second or two) on first use: call it only for the rare number that needs it.
    """
    if not city or not city.strip():
        return False
    from phonenumbers import geocoder

    number = _parse(international, None)
    if number is None:
        return False
    wanted = _fold_place(city)
    for language in _PLACE_LANGUAGES:
        place = _fold_place(geocoder.description_for_number(number, language))
        if place and (place == wanted or place.startswith(wanted + " ")
                      or wanted.startswith(place + " ")):
            return True
    return False


@lru_cache(maxsize=16384)
def phone_reading(phone: str | None, country: str | None) -> PhoneReading | None:
    """The valid number in ``phone``, read for a contact in ``country`` (None when unknown).

    None when the field holds no number, several, or no valid one, or a number without country
    code for an unknown country. A label, a remark or an extension around the number is skipped
    (`phone_issues` reports those).
    """
    if not phone or not phone.strip():
        return None
    region = _region(country)
    core = _around_number(phone)[1]
    if core is None:
        return None
    text = phone[core[0]:core[1]]
    plus = text.lstrip("( ").startswith("+")
    if region is None and not plus:
        return None
    if _VANITY.match(text.strip()):
        text = phonenumbers.convert_alpha_characters_in_number(text)
    reading = _read(text, region, plus)
    if reading is None:
        return None
    number, source = reading
    return PhoneReading(
        calling_code=number.country_code or 0,
        region=phonenumbers.region_code_for_number(number) or "ZZ",
        international=_international(number),
        number_type=phonenumbers.number_type(number),
        source=source,
        span=core,
    )


def _phone_field(phone: str, region: str | None) -> list[PhoneIssue]:
    issues, core, has_ext = _around_number(phone)
    if core is None:
        return issues
    return issues + _number(phone, *core, region, has_ext=has_ext)


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
    digits = _digits(phone)
    if _PLACEHOLDER.search(phone) or (len(digits) >= 6 and len(set(digits)) == 1):
        return [PhoneIssue(NOT_A_NUMBER, f"a placeholder, not a phone number: '{shown}'")
                ], None, False
    if len(digits) < 3 and not _VANITY.match(shown):
        return [PhoneIssue(NOT_A_NUMBER, f"text, not a phone number: '{shown}'")], None, False

    issues: list[PhoneIssue] = []
    start = len(phone) - len(phone.lstrip())
    end = len(phone.rstrip())
    extension = _EXTENSION.search(phone, 0, end)
    if extension and len(_digits(phone[:extension.start()])) >= _MIN_DIGITS_PER_NUMBER:
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
    pieces = [(a, b) for a, b in pieces if _digits(phone[a:b])]
    numbers = [(a, b) for a, b in pieces if len(_digits(phone[a:b])) >= _MIN_DIGITS_PER_NUMBER
               or (phone[a:a + 1] == "+" and len(_digits(phone[a:b])) >= 3)]
    if len(numbers) < 2 or len(numbers) != len(pieces):
        return None
    shown = " and ".join(f"'{phone[a:b].strip()}'" for a, b in numbers)
    return PhoneIssue(SEVERAL, f"{len(numbers)} numbers in one phone field: {shown}; give one "
                      f"number per contact", (numbers[1][0], numbers[-1][1]))


def _number(phone: str, start: int, end: int, region: str | None,
            has_ext: bool) -> list[PhoneIssue]:
    text = phone[start:end]
    plus = text.lstrip("( ").startswith("+")
    if region is None and not plus:
        return []  # a national number for an unknown country: nothing to validate against
    issues: list[PhoneIssue] = []
    if _VANITY.match(text.strip()):
        text = phonenumbers.convert_alpha_characters_in_number(text)
        issues.append(PhoneIssue(LETTERS, f"letters in the number: write the digits, "
                                 f"'{text.strip()}'", (start, end)))
    reading = _read(text, region, plus)
    if reading is not None:
        return issues + _valid_number(phone, start, end, text, *reading, region)
    return [*issues, _invalid_number(phone, start, end, text, region, plus, has_ext)]


def _read(text: str, region: str | None, plus: bool) -> tuple[PhoneNumber, int] | None:
    """The valid number the text stands for, and how its country code was written."""
    number = _valid(text, region)
    if number is not None:
        if number.country_code_source == FROM_DEFAULT and not plus:
            # "49 151 53854841": phonenumbers reads a German number 0491 5153854841 into it,
            # but nobody writes a German number without its 0: the 49 is the country code.
            coded = _valid("+" + text.strip(), None)
            if coded is not None and coded.country_code == number.country_code and (
                    _lacks_trunk_prefix(text, number)):
                return coded, WITHOUT_PLUS
        return number, number.country_code_source
    if plus or region is None:
        return None
    for other in _SHARED_NATIONAL_PLANS.get(region, ()):
        number = _valid(text, other)
        if number is not None and number.country_code_source == FROM_DEFAULT:
            return number, FROM_DEFAULT
    digits = _digits(text)
    for idd in ("00", "011"):  # a call prefix this region's metadata does not know
        if digits.startswith(idd):
            number = _valid("+" + _after_digits(text, len(idd)), None)
            if number is not None:
                return number, FROM_IDD
    number = _valid("+" + text.strip(), None)  # "49(0)6131177271": a code phonenumbers missed
    if number is not None and number.country_code == phonenumbers.country_code_for_region(region):
        return number, WITHOUT_PLUS
    return None


def _idd_written(digits: str, code: int, region: str | None) -> str:
    """The international call prefix before the country code: "00", "011", "0011", ..."""
    metadata = phonenumbers.PhoneMetadata.metadata_for_region(region or "ZZ")
    pattern = metadata.international_prefix if metadata is not None else None
    found = re.match(pattern, digits) if pattern else None
    candidates = [found.group()] if found and found.group() else []
    for idd in [*candidates, "011", "00"]:
        if digits.startswith(idd + str(code)):
            return idd
    return "00"


def _lacks_trunk_prefix(text: str, number: PhoneNumber) -> bool:
    """A national number written without the trunk prefix its national form needs."""
    national = _digits(phonenumbers.format_number(number, PhoneNumberFormat.NATIONAL))
    return national != _digits(text) and national.endswith(_digits(text))


def _after_digits(text: str, count: int) -> str:
    """The text after its first ``count`` digits."""
    seen = 0
    for i, c in enumerate(text):
        if c.isdigit():
            seen += 1
            if seen == count:
                return text[i + 1:]
    return ""


def _valid_number(phone: str, start: int, end: int, text: str, number: PhoneNumber,
                  source: int, region: str | None) -> list[PhoneIssue]:
    international = _international(number)
    code = number.country_code
    if source == FROM_DEFAULT:
        abroad = _north_american_abroad(text, number, region) if region else False
        if abroad is None:
            return []
        if abroad:
            return [_foreign(text, region or "", (start, end))]
        return [PhoneIssue(NATIONAL_FORM, f"written without the country code: from abroad it "
                           f"is {international}", (start, end), calling_code=code)]
    issues: list[PhoneIssue] = []
    trunk = _kept_trunk_prefix(phone, start, end, number)
    if trunk:
        prefix = _digits(phone[trunk[0]:trunk[1]])
        issues.append(PhoneIssue(
            TRUNK_PREFIX, f"the trunk prefix '{prefix}' is kept after the country code +{code}, "
            f"so the number cannot be dialled from abroad: write {international}", trunk,
            rewrite=international, rewrite_span=(start, end)))
    if source == FROM_IDD:
        idd = _idd_written(_digits(text), code or 0, region)
        issues.append(PhoneIssue(IDD_PREFIX, f"'{idd}' (an international call prefix, which "
                                 f"differs between countries) instead of '+': write "
                                 f"{international}", (start, end), calling_code=code))
    elif source == WITHOUT_PLUS:
        issues.append(PhoneIssue(NO_PLUS, f"the country code {code} is written without '+': "
                                 f"write {international}", (start, end), calling_code=code))
    return issues


def _invalid_number(phone: str, start: int, end: int, text: str, region: str | None,
                    plus: bool, has_ext: bool) -> PhoneIssue:
    if not plus and region and _north_american_abroad(text, None, region):
        return _foreign(text, region, (start, end))
    trailing = None if has_ext else _TRAILING_GROUP.search(text)
    if trailing and len(_digits(text[:trailing.start()])) >= _MIN_DIGITS_PER_NUMBER:
        head = _read(text[:trailing.start()], region, plus)
        if head is not None:
            at = _skip(phone, start + trailing.start(), end, " -/")
            return PhoneIssue(EXTENSION, f"'{phone[at:end]}' follows the complete number "
                              f"{_international(head[0])}: an extension belongs in the extension "
                              f"field, another number in another contact", (at, end))
    shown = text.strip()
    number = _parse(text, region)
    digits = _digits(text)
    if number is None:
        problem = ("no country code begins with 0" if plus and digits.startswith("0")
                   else "it cannot be read as a number")
        message = f"not a valid phone number: '{shown}': {problem}"
    else:
        where = (f"in {country_name(region)}" if number.country_code_source == FROM_DEFAULT
                 and region else f"for +{number.country_code} "
                 f"({_country_of_code(number.country_code or 0)})")
        reason = _REASONS.get(phonenumbers.is_possible_number_with_reason(number),
                              "in no range of numbers in use")
        message = f"not a valid number {where}: '{shown}' is {reason}"
    return PhoneIssue(INVALID, message + _hint(text, number, region, plus), (start, end))


def _hint(text: str, number: PhoneNumber | None, region: str | None, plus: bool) -> str:
    """What the number may have been meant to be, for the message of an invalid number."""
    digits = _digits(text)
    if plus and digits.startswith("00"):
        fixed = _valid("+" + digits[2:], None)
        if fixed:
            return f"; without the '00' after '+' it is {_international(fixed)}"
    if plus and region and (number is None or number.country_code
                            != phonenumbers.country_code_for_region(region)):
        # "+0518-81220121", "+13181713436" for a site in China: a "+" before a national number
        fixed = _valid(text.replace("+", "", 1), region)
        if fixed and fixed.country_code_source == FROM_DEFAULT:
            return f"; without the '+' it is the national number {_international(fixed)}"
    if number is not None and number.country_code == 52:
        national = phonenumbers.national_significant_number(number)
        fixed = _valid(f"+52{national[1:]}", None) if national.startswith("1") else None
        if fixed:
            return f"; Mexico dropped the '1' of mobile numbers in 2019: {_international(fixed)}"
    if number is not None and number.country_code == 39:
        national = phonenumbers.national_significant_number(number)
        fixed = _valid(f"+390{national}", None)
        if fixed:
            return f"; Italian numbers keep their leading 0: {_international(fixed)}?"
    if not plus and region:
        first_group = _FIRST_GROUP.match(text)
        fixed = _valid("+" + text.strip(), None)
        if fixed and first_group and first_group.group(1) == str(fixed.country_code):
            return (f"; with a '+' in front it reads as {_international(fixed)} "
                    f"({_country_of_code(fixed.country_code or 0)})")
        code = str(phonenumbers.country_code_for_region(region))
        if code != "1" and not digits.startswith(code) and len(digits) in (10, 11):
            fixed = _valid(text, "US")
            if fixed:
                return f"; it may be the North American number {_international(fixed)}"
    if number is not None and phonenumbers.is_possible_number_with_reason(number) in (
            ValidationResult.TOO_LONG, ValidationResult.INVALID_LENGTH):
        prefix = _longest_valid_prefix(number)
        trailing = _TRAILING_GROUP.search(text)
        if prefix and (trailing is None or trailing.group(1) == prefix[1]):
            return f"; its first digits make {prefix[0]}: is '{prefix[1]}' an extension?"
    return ""


def _foreign(text: str, region: str, span: tuple[int, int]) -> PhoneIssue:
    north_american = _valid(text, "US")  # valid: _north_american_abroad has checked
    toll_free = north_american is not None and (
        phonenumbers.number_type(north_american) == PhoneNumberType.TOLL_FREE)
    written = _international(north_american) if north_american else f"+1 {text.strip()}"
    return PhoneIssue(FOREIGN, f"a North American {'toll-free ' if toll_free else ''}number "
                      f"written without +1 for a site in {country_name(region)}, where dialled "
                      f"as written it does not reach North America: {written}", span)


def _north_american_abroad(text: str, number: PhoneNumber | None, region: str) -> bool | None:
    """Whether a number written the North American way is for a site outside North America.

    True when it is a valid North American number written 3-3-4 and, as written, a toll-free
    North American number (1-800-..., 877-...: no other country writes its numbers so) or no
    number of the site's country: invalid there, or lacking the trunk prefix its national form
    needs (877-379-3718 would be the German 08773 793718). None when it is as good a number of
    the site's country ("(333) 616-5410" in Mexico): nobody can tell which is meant.
    """
    if phonenumbers.country_code_for_region(region) == 1 or not _NANP_WRITTEN.match(text.strip()):
        return False
    north_american = _valid(text, "US")
    if north_american is None:
        return False
    if number is None or phonenumbers.number_type(north_american) == PhoneNumberType.TOLL_FREE:
        return True
    return True if _lacks_trunk_prefix(text, number) else None


def _kept_trunk_prefix(phone: str, start: int, end: int,
                       number: PhoneNumber) -> tuple[int, int] | None:
    """The span of a trunk prefix written after the country code ("+86-021-...", "+44 (0)20")."""
    written = _digits(phone[start:end])
    national = phonenumbers.national_significant_number(number)
    if not written.endswith(national):
        return None
    before = written[: len(written) - len(national)]
    region = phonenumbers.region_code_for_number(number)
    metadata = phonenumbers.PhoneMetadata.metadata_for_region(region or "ZZ")
    prefix = metadata.national_prefix if metadata is not None else None
    if not prefix or not before.endswith(f"{number.country_code}{prefix}"):
        return None
    positions = [i for i in range(start, end) if phone[i].isdigit()]
    first = positions[len(before) - len(prefix)]
    last = positions[len(before) - 1] + 1
    if phone[first - 1:first] == "(" and phone[last:last + 1] == ")":
        return first - 1, last + 1
    return first, last


def _longest_valid_prefix(number: PhoneNumber) -> tuple[str, str] | None:
    """For a number too long, the longest valid number its digits start with, and the rest.

    None unless the rest is three digits or more: a number one digit too long is a typo, not a
    number with an extension.
    """
    national = phonenumbers.national_significant_number(number)
    for cut in range(len(national) - 1, max(len(national) - 7, 3), -1):
        candidate = _valid(f"+{number.country_code}{national[:cut]}", None)
        if candidate is not None:
            rest = national[cut:]
            return (_international(candidate), rest) if len(rest) >= 3 else None
    return None


def _ext_field(ext: str, phone: str) -> list[PhoneIssue]:
    value = ext.strip()
    offset = ext.find(value)
    span = (offset, offset + len(value))
    digits = _digits(value)
    if _SEVERAL_EXTENSIONS.fullmatch(value):
        return [PhoneIssue(SEVERAL, f"several extensions in one field: '{value}'", span,
                           in_ext=True)]
    code = _COUNTRY_CODE.fullmatch(value)
    if code:
        written = _parse(phone, None) if phone.lstrip("( ").startswith("+") else None
        if written is not None and str(written.country_code) == code.group(1):
            return [PhoneIssue(BAD_EXTENSION, f"the extension field repeats the country code "
                               f"'{value}' that the number already has: leave it empty", span,
                               in_ext=True)]
        number = _valid(f"+{code.group(1)}{_digits(phone)}", None) if phone else None
        what = ("the country code" if phonenumbers.region_code_for_country_code(
            int(code.group(1))) != "ZZ" else "the start of a country code")
        fix = f": the number is {_international(number)}" if number else ""
        return [PhoneIssue(BAD_EXTENSION, f"the extension field holds {what} '{value}', not an "
                           f"extension{fix}", span, in_ext=True)]
    if len(digits) >= 8 or (value.startswith("+") and len(digits) >= _MIN_DIGITS_PER_NUMBER):
        same = " (the same number again)" if digits == _digits(phone) else ""
        return [PhoneIssue(BAD_EXTENSION, f"the extension field holds another phone number "
                           f"'{value}'{same}, not an extension", span, in_ext=True)]
    return []
