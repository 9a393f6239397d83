"""Facility names, places and people compared the way a registry reviewer reads them.

Registry records spell the same hospital many ways: "The First Hospital of Jilin University" and
"the first hospital of jilin university", "Fundación Jiménez Díaz" and "Fundacion Jimenez Diaz",
"Great Lakes Research Institute Site Number : 8400111" and "... Institute- Site Number : 8400111".
The functions here reduce such spellings to one comparable form. They only normalise spelling:
words are never dropped (except a leading "The"), so "Hospital X, Department of Cardiology" and
"Hospital X" stay different, and a site number stays part of the name.

Sponsors that anonymise their sites give them placeholder names ("Research Site", "Pfizer
Investigational Site", "Local Institution - 0100"); `is_placeholder_name` recognises them, so a
check can know that two sites with such a name are not the same site by name alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache, lru_cache
from importlib import resources

from lintrials.knowledge.text import fold
from lintrials.model import Contact

# Apostrophes vanish ("Children's" = "Childrens"); every other non-word run separates words.
_APOSTROPHES = re.compile(r"['’‘`´ʼ]")
_NON_WORD = re.compile(r"[\W_]+")
_LEADING_THE = re.compile(r"^the ")

# A placeholder is a generic site word ("Research Site", "Study Center", "Local Institution"),
# or a sponsor's name of up to three words before "Investigational/Investigative Site" ("Novo
# Nordisk Investigational Site", "9999.99.99999 Boehringer Ingelheim Investigational Site") or
# before "Research Site" ("Galderma Research Site"). All but the last may end in a site number
# ("Local Institution - 0100", "Research Site 30056-013", "Teva Investigational Site 13834");
# "Vitality Clinical Research- Site Number : 8400023" is a real name with a number.
_SITE_NUMBER = r"(?: (?:number |no |nr |id )?(?:[a-z]{1,3} )?\d[\da-z ]*)?"
_PLACEHOLDER = re.compile(
    r"^(?:local )?(?:(?:investigational|investigative|investigator|clinical|study|trial|research)"
    rf" )?(?:site|center|centre|facility|institution){_SITE_NUMBER}$"
    rf"|^(?:[\d ]+ )?(?:[a-z]+ ){{1,3}}(?:investigational|investigative) site{_SITE_NUMBER}$"
    r"|^(?:[a-z]+ ){1,3}research site$"
    # Eli Lilly's stand-in for its sites' names: a sentence pointing at its call centre.
    r"|^for additional information regarding investigative sites\b"
)
# Words that make a name a real institution even when it ends in a generic site word.
_INSTITUTION_WORDS = frozenset({
    "hospital", "hospitals", "university", "universitaire", "universitario", "clinic", "clinica",
    "klinik", "klinikum", "medical", "health", "healthcare", "cancer", "oncology", "institute",
    "college", "school", "foundation", "fundacion", "ospedale", "hopital", "hopitaux",
})
# A site number inside a name: "... Site Number : 8400111", "... ( Site 1234)", "... /ID# 123456".
_NAMED_SITE_NUMBER = re.compile(r"\b(?:site|id)(?: number| no| nr)? (\d[\d ]*[\da-z]*)$")
_FIRST_DIGIT_ON = re.compile(r"\d.*$")
_TITLES = frozenset({"dr", "prof", "professor", "md", "phd", "mbbs", "mr", "mrs", "ms", "msc"})
_US_ZIP = re.compile(r"^(\d{5})\d{4}$")
_NON_DIGIT = re.compile(r"\D")


def fold_words(text: str) -> str:
    """`text.fold` (case, accents), "&" read as "and", apostrophes dropped, and every other
    run of punctuation and spacing one space."""
    text = fold(text).replace("&", " and ")
    text = _APOSTROPHES.sub("", text)
    return _NON_WORD.sub(" ", text).strip()


@lru_cache(maxsize=65536)  # the same facility, city and country names recur across sites
def fold_name(text: str | None) -> str:
    """A name, city, state, country or code folded by `fold_words`; "" for None."""
    return fold_words(text) if text else ""


def normalise_name(name: str | None) -> str:
    """A facility name folded for comparison: case, accents, punctuation, spacing, "The".

    >>> normalise_name("The Affiliated Hospital of  Southwest Medical University")
    'affiliated hospital of southwest medical university'
    >>> normalise_name("Fundación Jiménez-Díaz") == normalise_name("fundacion jimenez diaz")
    True
    """
    return _LEADING_THE.sub("", fold_name(name))


def name_key(name: str | None) -> str:
    """`normalise_name` without spaces, so "Health Care" and "HealthCare" compare equal."""
    return normalise_name(name).replace(" ", "")


def place_key(place: str | None) -> str:
    """A city, state or country folded for comparison; a trailing "City" is dropped
    ("Changsha City" = "Changsha"), and so are spaces ("Petah-Tikva" = "Petah Tikva")."""
    folded = fold_name(place)
    if folded.endswith(" city"):
        folded = folded[: -len(" city")]
    return folded.replace(" ", "")


def zip_key(zip_code: str | None) -> str:
    """A postal code without spaces and punctuation; a US ZIP+4 cut to its five digits."""
    compact = fold_name(zip_code).replace(" ", "").upper()
    us = _US_ZIP.match(compact)
    return us.group(1) if us else compact


def is_placeholder_name(name: str | None, extra: Iterable[re.Pattern[str]] = ()) -> bool:
    """Whether a facility name is a sponsor's anonymised stand-in rather than a real name.

    >>> [is_placeholder_name(n) for n in ("Research Site", "Pfizer Investigational Site",
    ...  "Local Institution - 0100", "Site 001", "Mayo Clinic", "Cotton O'Neil Research Center")]
    [True, True, True, True, False, False]
    """
    if extra and fold_name(name) and any(pattern.search(name or "") for pattern in extra):
        return True
    return _placeholder(name)


@lru_cache(maxsize=65536)  # asked of every site of every record, by several checks
def _placeholder(name: str | None) -> bool:
    folded = fold_name(name)
    if not folded:
        return False
    if not _PLACEHOLDER.match(folded):
        return False
    return not _INSTITUTION_WORDS.intersection(folded.split())


def site_number(name: str | None) -> str:
    """The site number a name carries, or "": the digits of a placeholder ("Local Institution -
    0100" -> "0100"), or a number after "Site"/"ID" at the end of a real name."""
    folded = fold_name(name)
    if is_placeholder_name(name):
        number = _FIRST_DIGIT_ON.search(folded)
        return number.group(0) if number and not folded.startswith("for ") else ""
    found = _NAMED_SITE_NUMBER.search(folded)
    return found.group(1) if found else ""


def contact_site_number(name: str | None) -> str:
    """A site number written after a contact's name ("Nicoleta Berbec, Site 0382" -> "0382"),
    as Bristol-Myers Squibb and Celgene do for sites that share a facility name, or ""."""
    found = _NAMED_SITE_NUMBER.search(fold_name(name))
    return found.group(1) if found else ""


def person_key(name: str | None) -> str:
    """A person's name without degrees and titles: "Shivendra Singh, Mch" -> "shivendra singh"."""
    head = (name or "").split(",", 1)[0]
    words = [w for w in fold_name(head).split() if w not in _TITLES]
    return " ".join(words)


def contact_keys(contacts: Iterable[Contact], roles: Iterable[str] | None = None) -> frozenset[str]:
    """Who a site's people are: their names, phone numbers (last eight digits) and e-mails.

    ``roles``: only contacts with one of these roles (``PRINCIPAL_INVESTIGATOR``, ...).
    """
    wanted = frozenset(roles) if roles is not None else None
    keys: set[str] = set()
    for contact in contacts:
        if wanted is not None and (contact.role or "").upper() not in wanted:
            continue
        person = person_key(contact.name)
        if person:
            keys.add("name:" + person)
        digits = _NON_DIGIT.sub("", contact.phone or "")
        if len(digits) >= 6:
            keys.add("phone:" + digits[-8:])
        if contact.email and "@" in contact.email:
            keys.add("email:" + contact.email.strip().casefold())
    return frozenset(keys)


@cache
def facility_vocabulary() -> frozenset[str]:
    """The complete facility words of `facility_words.txt` ("hospital", "universitario",
    "klinikum"), folded: words of a name that are not a proper name."""
    text = resources.files("lintrials.knowledge").joinpath("facility_words.txt").read_text("utf-8")
    section, words = "", set()
    for line in text.splitlines():
        line = line.strip()
        if line.startswith("["):
            section = line.strip("[]")
        elif section == "facility" and line and not line.startswith("#"):
            words.add(fold(line.split()[0]))
    return frozenset(words)
