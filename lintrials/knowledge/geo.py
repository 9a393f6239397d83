"""Country names as registries write them, mapped to ISO 3166 alpha-2 codes.

ClinicalTrials.gov writes country names from an older ISO 3166 list with its own spellings:
"Korea, Republic of", "Iran, Islamic Republic of", "Turkey (Türkiye)", "Virgin Islands (U.S.)",
"Macedonia, The Former Yugoslav Republic of", "Former Serbia and Montenegro". `country_code`
resolves them through pycountry (names, official names, common names, historic countries) and a
few spelling rules, so that only names ISO itself has dropped need an alias here.
"""

from __future__ import annotations

import re
from functools import lru_cache

import pycountry

from lintrials.knowledge.text import fold

# Names the current ISO 3166 (as pycountry ships it) no longer knows under any spelling: former
# ISO short names, and places ClinicalTrials.gov lists that ISO codes under another name or not
# at all (Kosovo's XK is the code the EU, the IMF and phone-number metadata use).
_ALIASES = {
    "turkey": "TR",
    "swaziland": "SZ",
    "cape verde": "CV",
    "libyan arab jamahiriya": "LY",
    "kosovo": "XK",
    "palestinian territory, occupied": "PS",
    "palestinian territories, occupied": "PS",
}

_PARENTHESIS = re.compile(r"^(.*?)\s*\((.+)\)\s*$")
_FORMER = re.compile(r"^former\s+", re.IGNORECASE)
_SPACES = re.compile(r"\s+")


@lru_cache(maxsize=1)
def _names() -> dict[str, str]:
    """Every name pycountry knows, folded, to its alpha-2 code (current countries win)."""
    names: dict[str, str] = {}
    for database in (pycountry.historic_countries, pycountry.countries):
        for country in database:
            for attr in ("name", "official_name", "common_name"):
                value = getattr(country, attr, None)
                if value:
                    names[fold(str(value))] = str(country.alpha_2)
    return names


def _lookup(name: str) -> str | None:
    try:
        return str(pycountry.countries.lookup(name).alpha_2)
    except LookupError:
        return _names().get(fold(name))


def _spellings(name: str) -> list[str]:
    """The name, and the variants registries make of an ISO name."""
    found = [name]
    m = _PARENTHESIS.match(name)
    if m:  # "Virgin Islands (U.S.)" -> "Virgin Islands, U.S."; "Turkey (Türkiye)" -> "Türkiye"
        found += [f"{m.group(1)}, {m.group(2)}", m.group(2), m.group(1)]
    if _FORMER.match(name):  # "Former Serbia and Montenegro": a historic country
        found.append(_FORMER.sub("", name))
    return found


def _unique_containing(word: str) -> str | None:
    """The one current country with a name word starting ``word`` ("Russia": "Russian ...")."""
    starts = re.compile(rf"\b{re.escape(fold(word))}")
    codes = {
        str(country.alpha_2)
        for country in pycountry.countries
        if any(starts.search(fold(str(getattr(country, attr, "") or "")))
               for attr in ("name", "official_name", "common_name"))
    }
    return codes.pop() if len(codes) == 1 else None


@lru_cache(maxsize=1024)
def country_code(name: str | None) -> str | None:
    """The ISO 3166 alpha-2 code of a country as a registry names it, or None if unknown.

    Historic countries give their ISO 3166-3 alpha-2 code ("Former Serbia and Montenegro" is
    "CS"), which phone-number metadata does not know.
    """
    if not name:
        return None
    cleaned = _SPACES.sub(" ", name).strip()
    if not cleaned:
        return None
    alias = _ALIASES.get(cleaned.casefold())
    if alias:
        return alias
    for spelling in _spellings(cleaned):
        code = _lookup(spelling)
        if code:
            return code
    head = cleaned.split(",")[0].strip()
    if len(head) >= 4:  # "Russia"; a short head ("Niger") would match too much
        return _unique_containing(head)
    return None


@lru_cache(maxsize=512)
def country_name(code: str) -> str:
    """A readable name for an alpha-2 code: "South Korea" rather than "Korea, Republic of"."""
    country = pycountry.countries.get(alpha_2=code) or pycountry.historic_countries.get(
        alpha_2=code)
    if country is None:
        return "Kosovo" if code == "XK" else code
    return str(getattr(country, "common_name", None) or country.name)


# The United States and its territories, as the U.S. law on trial registration counts them
# (42 CFR 11.10: a site in a U.S. territory is a U.S. site): the states and D.C., Puerto Rico,
# Guam, American Samoa, the Northern Mariana Islands, the U.S. Virgin Islands and the Minor
# Outlying Islands.
US_AND_TERRITORIES = frozenset({"US", "PR", "GU", "AS", "MP", "VI", "UM"})


def in_united_states(country: str | None) -> bool | None:
    """Whether a country, as a registry names it, is the United States or one of its
    territories; None when the name is missing or unknown.

    >>> in_united_states("Puerto Rico"), in_united_states("Canada"), in_united_states("")
    (True, False, None)
    """
    code = country_code(country)
    return None if code is None else code in US_AND_TERRITORIES
