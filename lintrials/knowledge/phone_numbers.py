"""Phone numbers read with the `phonenumbers` library, for a contact in a given country.

`parse_valid` reads a number as valid for a region (or None), `read_number` the valid number a
text stands for and how its country code was written, allowing for the ways registries write
numbers that phonenumbers misses. `PhoneReading` describes the one valid number of a field
(`phones.phone_reading`); `country_calling_code`, `plus_for_trunk_prefix` and `number_in_city`
answer the questions phone-country-mismatch asks. The parses are cached: sponsors repeat one
number at hundreds of sites.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import phonenumbers
from phonenumbers import (
    CountryCodeSource,
    PhoneNumber,
    PhoneNumberFormat,
    PhoneNumberType,
)

from lintrials.knowledge.geo import country_code, country_name
from lintrials.knowledge.text import fold

# One run checks numbers of a hundred countries, whose metadata patterns overflow the re
# module's cache; keep them compiled (the call exists in recent phonenumbers releases only).
_enable_pattern_cache = getattr(phonenumbers, "enable_pattern_cache", None)
if _enable_pattern_cache is not None:
    _enable_pattern_cache()

# A number written the North American way: 877-379-3718, (617) 555-0100, 1-888-577-8839.
_NANP_WRITTEN = re.compile(
    r"^(?:\+?1[-. ]?)?(?:\([2-9]\d\d\)\s*|[2-9]\d\d[-. ])[2-9]\d\d[-. ]\d{4}$")

# Numbers dialled nationally in one country but held under other regions by phonenumbers: the
# French overseas departments have their own country codes, yet "0262 35 90 00" (Réunion) is a
# French national number; and Northern Cyprus is dialled within Türkiye's plan ("0392 ...").
_SHARED_NATIONAL_PLANS = {"FR": ("RE", "GP", "MQ", "GF", "YT", "PM", "BL", "MF"), "CY": ("TR",)}

FROM_DEFAULT = CountryCodeSource.FROM_DEFAULT_COUNTRY
FROM_IDD = CountryCodeSource.FROM_NUMBER_WITH_IDD
WITHOUT_PLUS = CountryCodeSource.FROM_NUMBER_WITHOUT_PLUS_SIGN


def digits_of(text: str) -> str:
    return "".join(c for c in text if c.isdigit())


def international_form(number: PhoneNumber) -> str:
    return phonenumbers.format_number(number, PhoneNumberFormat.INTERNATIONAL)


def region_of(country: str | None) -> str | None:
    code = country_code(country)
    return code if code in phonenumbers.SUPPORTED_REGIONS else None


def country_of_code(code: int) -> str:
    region = phonenumbers.region_code_for_country_code(code)
    if region == "ZZ":
        return "no country"
    return "non-geographic" if region == "001" else country_name(region)


# Both caches below are shared by every check that reads phones (malformed-phone, phone-format,
# phone-country-mismatch read the same fields): a number is parsed and validated once a run.
# The PhoneNumber objects they hand out are never changed by their readers.
@lru_cache(maxsize=32768)
def parse_number(text: str, region: str | None) -> PhoneNumber | None:
    try:
        return phonenumbers.parse(text, region, keep_raw_input=True)
    except phonenumbers.NumberParseException:
        return None


@lru_cache(maxsize=32768)
def parse_valid(text: str, region: str | None) -> PhoneNumber | None:
    number = parse_number(text, region)
    if number is None or number.extension or not phonenumbers.is_valid_number(number):
        return None
    return number


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
    region = region_of(country)
    return phonenumbers.country_code_for_region(region) if region else None


@lru_cache(maxsize=1024)
def plus_for_trunk_prefix(phone: str, country: str | None) -> str | None:
    """The number of ``country`` that an international-looking ``phone`` is if its "+" is a slip.

    "+4618162512" for a site in Germany is a valid Swedish number, but with "0" (Germany's trunk
    prefix) for the "+" it is the German 0461 8162512: returns "+49 461 8162512". None when the
    digits make no valid number of the country either way.
    """
    region = region_of(country)
    text = phone.strip()
    if region is None or not text.startswith("+"):
        return None
    metadata = phonenumbers.PhoneMetadata.metadata_for_region(region)
    prefix = (metadata.national_prefix if metadata is not None else None) or ""
    for national in (prefix + text[1:], text[1:]):
        number = parse_valid(national, region)
        if number is not None and number.country_code_source == FROM_DEFAULT:
            return international_form(number)
    return None


# Languages in which the geocoding metadata names places ("Köln", "Cologne"; "Wien", "Vienna").
_PLACE_LANGUAGES = ("en", "de", "fr", "es", "it", "pt", "nl", "pl", "sv")


@lru_cache(maxsize=1024)
def number_in_city(international: str, city: str | None) -> bool:
    """Whether the metadata places a number's range in ``city`` ("+49 461 ..." is Flensburg).

    False when it names no place finer than the country (mobile numbers). Loads the geocoding
    data (a second or two) on first use: call it only for the rare number that needs it.
    """
    if not city or not city.strip():
        return False
    from phonenumbers import geocoder

    number = parse_number(international, None)
    if number is None:
        return False
    wanted = fold(city).strip()
    for language in _PLACE_LANGUAGES:
        place = fold(geocoder.description_for_number(number, language)).strip()
        if place and (place == wanted or place.startswith(wanted + " ")
                      or wanted.startswith(place + " ")):
            return True
    return False


def read_number(text: str, region: str | None, plus: bool) -> tuple[PhoneNumber, int] | None:
    """The valid number the text stands for, and how its country code was written."""
    number = parse_valid(text, region)
    if number is not None:
        if number.country_code_source == FROM_DEFAULT and not plus:
            # "49 151 53854841": phonenumbers reads a German number 0491 5153854841 into it,
            # but nobody writes a German number without its 0: the 49 is the country code.
            coded = parse_valid("+" + text.strip(), None)
            if coded is not None and coded.country_code == number.country_code and (
                    lacks_trunk_prefix(text, number)):
                return coded, WITHOUT_PLUS
        return number, number.country_code_source
    if plus or region is None:
        return None
    for other in _SHARED_NATIONAL_PLANS.get(region, ()):
        number = parse_valid(text, other)
        if number is not None and number.country_code_source == FROM_DEFAULT:
            return number, FROM_DEFAULT
    digits = digits_of(text)
    for idd in ("00", "011"):  # a call prefix this region's metadata does not know
        if digits.startswith(idd):
            number = parse_valid("+" + after_digits(text, len(idd)), None)
            if number is not None:
                return number, FROM_IDD
    number = parse_valid("+" + text.strip(), None)  # "49(0)6131177271": a code phonenumbers missed
    if number is not None and number.country_code == phonenumbers.country_code_for_region(region):
        return number, WITHOUT_PLUS
    return None


def idd_written(digits: str, code: int, region: str | None) -> str:
    """The international call prefix before the country code: "00", "011", "0011", ..."""
    metadata = phonenumbers.PhoneMetadata.metadata_for_region(region or "ZZ")
    pattern = metadata.international_prefix if metadata is not None else None
    found = re.match(pattern, digits) if pattern else None
    candidates = [found.group()] if found and found.group() else []
    for idd in [*candidates, "011", "00"]:
        if digits.startswith(idd + str(code)):
            return idd
    return "00"


def lacks_trunk_prefix(text: str, number: PhoneNumber) -> bool:
    """A national number written without the trunk prefix its national form needs."""
    national = digits_of(phonenumbers.format_number(number, PhoneNumberFormat.NATIONAL))
    return national != digits_of(text) and national.endswith(digits_of(text))


def after_digits(text: str, count: int) -> str:
    """The text after its first ``count`` digits."""
    seen = 0
    for i, c in enumerate(text):
        if c.isdigit():
            seen += 1
            if seen == count:
                return text[i + 1:]
    return ""


def written_north_american(text: str | None) -> bool:
    """Whether a number is written the North American way (877-379-3718, (617) 555-0100)."""
    return bool(text and _NANP_WRITTEN.match(text.strip()))


def north_american_abroad(text: str, number: PhoneNumber | None, region: str) -> bool | None:
    """Whether a number written the North American way is for a site outside North America.

    True when it is a valid North American number written 3-3-4 and, as written, a toll-free
    North American number (1-800-..., 877-...: no other country writes its numbers so) or no
    number of the site's country: invalid there, or lacking the trunk prefix its national form
    needs (877-379-3718 would be the German 08773 793718). None when it is as good a number of
    the site's country ("(333) 616-5410" in Mexico): nobody can tell which is meant.
    """
    if phonenumbers.country_code_for_region(region) == 1 or not _NANP_WRITTEN.match(text.strip()):
        return False
    north_american = parse_valid(text, "US")
    if north_american is None:
        return False
    if number is None or phonenumbers.number_type(north_american) == PhoneNumberType.TOLL_FREE:
        return True
    return True if lacks_trunk_prefix(text, number) else None


def kept_trunk_prefix(phone: str, start: int, end: int,
                       number: PhoneNumber) -> tuple[int, int] | None:
    """The span of a trunk prefix written after the country code ("+86-021-...", "+44 (0)20")."""
    written = digits_of(phone[start:end])
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


def longest_valid_prefix(number: PhoneNumber) -> tuple[str, str] | None:
    """For a number too long, the longest valid number its digits start with, and the rest.

    None unless the rest is three digits or more: a number one digit too long is a typo, not a
    number with an extension.
    """
    national = phonenumbers.national_significant_number(number)
    for cut in range(len(national) - 1, max(len(national) - 7, 3), -1):
        candidate = parse_valid(f"+{number.country_code}{national[:cut]}", None)
        if candidate is not None:
            rest = national[cut:]
            return (international_form(candidate), rest) if len(rest) >= 3 else None
    return None
