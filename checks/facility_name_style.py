"""A facility name is mistyped (a stray space or full stop, words in lower case) or a person's.

What it finds: in each location's facility name:

- a stray space in a possessive or elision: "People' s", "Children ' s", "L' Hopital" ("Ca'
  Granda", "Sant' Andrea", "St Thomas' Hospital" are left alone);
- a doubled space, a space or tab at either end, a space before a comma, no space after a comma
  between two words ("West China Hospital,Sichuan University");
- a trailing full stop after a whole word ("Advocate Lutheran General Hospital."), or a colon.
  A full stop ending an abbreviation in any language is fine ("Inc.", "Hosp.", "Dept.",
  "Peds.", Turkish "Has.", Danish "Afd.", German "Abt.": a known one, one of three letters or
  no vowel, or the start of a longer facility word); trailing commas, hyphens and "&" are
  L202's (a name cut off);
- a person's name in the facility field, with no facility word: a name with a degree
  ("Smith, John MD"), the name or surname of the site's own contact ("Michel" for a site whose
  contact is "Guillaume MICHEL, MD"), or a title and a name ("Dr.  John Smith") that has slips
  of its own, which are then said to be a person's name's, not reported as spacing (a title
  and a name alone may be a hospital's short name: "Dr. Negrín");
- proper names in lower case: the whole name; a place name of the site (its city, state or
  country: "The first hospital of jilin university" in Jilin); in a name in English title case,
  institution words in lower case ("The fifth Affiliated hospital", "Hubei Cancer hospital");
  a lower-case first word of an English name; a caps-lock slip ("kING SAUD UNIVERSITY").

Connectors stay lower case in every language ("of", "de", "la", "für", "van"), and so do the
words of a name in a sentence-case language ("Centre hospitalier régional", "Östersunds
hospital"); brand names ("emovis GmbH") and anonymised placeholders ("Research Site") are not
reported. Telling English from sentence-case languages is a heuristic.

Why it matters: the facility name is what patients, search engines and the registry's site
matching read. Careless typing looks unprofessional and no longer matches the other records
that name the same hospital, so a sponsor's or a city's sites cannot be counted together.
Severity is info: nothing false is said.

Fails: "Sichuan Provincial People' s Hospital": ``stray space in the possessive "People' s":
write "People's"``; "The first hospital of jilin university" (Changchun, Jilin, China).

Passes: "Sichuan Provincial People's Hospital"; "The First Hospital of Jilin University";
"Urological Associates of Lancaster, Ltd."; "Centre Hospitalier Universitaire de Nantes".

Options:
  allow_lower_case ([]): words never reported for being in lower case (a brand, a word of a
    language the check reads as English), beyond the built-in connectors.

Fix safety: `--fix` repairs the spacing slips, which have one repair without doubt (safe
fixes): the stray space in a possessive or elision, doubled, leading and trailing spaces, the
space before a comma, the missing space after one. Full stops, colons and lower-case words are
left to a person.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from lintrials.context import Context
from lintrials.findings import Fix, Problem
from lintrials.knowledge.names import facility_vocabulary, is_placeholder_name
from lintrials.knowledge.text import fold
from lintrials.knowledge.words import DOTTED_ABBREVIATIONS, LOWER_CASE_NAME_WORDS
from lintrials.model import Location, Record


def _wordset(text: str) -> frozenset[str]:
    return frozenset(text.split())


CODE, NAME, SEVERITY = "L207", "facility-name-style", "info"
FIXABLE = True


@dataclass(frozen=True)
class Options:
    allow_lower_case: tuple[str, ...] = ()


# "People' s", "People ' s", "People 's" (a possessive split by a space), "d' Oncologie".
_POSSESSIVE_SPACE = re.compile(r"(?<=[^\W\d_])(?: ['’] ?| ?['’] )s\b(?!-)")
_ELISION_SPACE = re.compile(r"(?<![^\W\d_])[dlDL]['’] +(?=[^\W\d_])")
_DOUBLE_SPACE = re.compile(r"(?<=\S)[ \t]{2,}(?=\S)")
_EDGE_SPACE = re.compile(r"^\s+|\s+$")
_SPACE_BEFORE_COMMA = re.compile(r"(?<=\S)[ \t]+(?=,)")
_NO_SPACE_AFTER_COMMA = re.compile(r"(?<=[^\W\d_]),(?=[^\W\d_])")
# The last word before a trailing full stop or colon: "Hospital." "Inc." "P.C." "C.V:".
_TRAILING_MARK = re.compile(r"(?<!\S)(\S*?)([.:])\s*$")
_LETTERS = re.compile(r"[^\W\d_]+")
# Words with their positions; an apostrophe inside a word keeps it whole ("People's", "Xi'an").
# Letters glued to a number are an ordinal's ending ("2nd", "920th"), not a word.
_WORD = re.compile(r"(?<!\w)[^\W\d_]+(?:['’][^\W\d_]+)*")
# Where a name's parts meet: "Hospital X, Department of ...", "Hospital X - Oncology".
_PART_BREAK = re.compile(r"[,;()/_–—]| - ")

# Capitalised, these say a name is written in English title case.
_ENGLISH_TITLE_WORDS = _wordset("""
    university medical center college institute affiliated school research health children's
    childrens people's peoples department faculty sciences science technology provincial
    academy women's womens memorial
""")
# Words English shares with Spanish, Portuguese, Catalan or French: English only when the name
# has no word of another language.
_SHARED_TITLE_WORDS = _wordset("hospital cancer general national clinic centre")
# Words that say a name is (partly) in another language, which may write it in sentence case.
_FOREIGN_WORDS = _wordset("""
    de del della delle dei degli di da do dos das du des la le les lo el y e i o et en al
    und für fur der die das den dem von van voor het och og på af w we z ze na
    universitario universitaria universitari universitaire universitat universität
    universitätsklinikum hospitalier hospitalario hospitalar hôpital hopital ospedale ospedaliera
    ospedaliero azienda centro centre clinique clinica clínica klinik klinikum krankenhaus
    instituto istituto institut fundación fundacion fundação fundacao fondazione policlinico
    szpital nemocnice nemocnica sjukhus sykehus ziekenhuis
""")
# Words of an institution's name that an English title-case name capitalises.
_TITLE_WORDS = _wordset("""
    hospital hospitals university universities medical center centre centers centres college
    clinic clinics institute affiliated school research health cancer children's childrens
    people's peoples general national provincial municipal memorial faculty science sciences
    technology academy union traditional chinese specialty speciality eye heart women's womens
    maternity maternal central regional
    first second third fourth fifth sixth seventh eighth ninth tenth
""")
# A later part of a name is the institution's name only with one of these words; otherwise it
# names a department or a specialty, which is often written in sentence case ("Internal
# medicine IV", "Department of medical oncology").
_INSTITUTION_WORDS = _wordset("""
    hospital hospitals university center centre college clinic clinics institute academy school
    faculty foundation
""")

_S = "'s"


class _Word(NamedTuple):
    start: int
    end: int
    text: str
    folded: str


def check(record: Record, ctx: Context) -> Iterator[Problem]:
    allowed = _allowed(ctx.options.allow_lower_case)
    for i, loc in enumerate(record.locations):
        name = loc.facility
        if not name or not name.strip() or is_placeholder_name(name):
            continue
        field = f"locations[{i}].facility"
        problems = list(_problems(name, loc, allowed, field))
        person = _person(name) or _contact_name(name, loc)
        if person in ("degree", "contact") or (person and problems):
            # A name with a degree is a person's. A title and a name alone may be a hospital's
            # short name ("Dr. Negrín"): said only when its spacing or case would be reported,
            # for those are a person's name's, not slips in a facility's.
            yield Problem(field=field, message=(
                f"the facility field holds a person's name ({name.strip()!r}), not the name "
                "of a facility: give the practice, clinic or hospital the site is"))
            continue
        yield from problems


def _problems(name: str, loc: Location, allowed: frozenset[str],
              field: str) -> Iterator[Problem]:
    for span, message, repair in _spacing(name):
        yield Problem(field=field, message=message, span=span,
                      fix=Fix(f"write {repair!r} there", repair, span=span))
    trailing = _trailing_mark(name)
    if trailing is not None:
        yield Problem(field=field, message=trailing[1], span=trailing[0])
    lower = _lower_case(name, loc, allowed)
    if lower is not None:
        yield Problem(field=field, message=lower[1], span=lower[0])


@lru_cache(maxsize=8)
def _allowed(words: tuple[str, ...]) -> frozenset[str]:
    return frozenset(_fold(word) for word in words)


def _spacing(name: str) -> Iterator[tuple[tuple[int, int], str, str]]:
    """Stray spaces: in a possessive or elision, doubled, at the edges, around commas.

    Each with its span and the text that repairs it without doubt.
    """
    for m in _POSSESSIVE_SPACE.finditer(name):
        word = _word_before(name, m.start())
        mark = "’" if "’" in m.group() else "'"
        yield (m.start(), m.end()), (
            f"stray space in the possessive {word + m.group()!r}: write {word + _S!r}"
        ), mark + "s"
    for m in _ELISION_SPACE.finditer(name):
        yield (m.start(), m.end()), (
            f"stray space after the elision {m.group().rstrip()!r}: write "
            f"{m.group().rstrip() + _word_after(name, m.end())!r}"), m.group().rstrip()
    for m in _DOUBLE_SPACE.finditer(name):
        yield (m.start(), m.end()), f"{len(m.group())} spaces in a row in the facility name", " "
    for m in _EDGE_SPACE.finditer(name):
        where = "starts" if m.start() == 0 else "ends"
        yield (m.start(), m.end()), f"the facility name {where} with a space", ""
    for m in _SPACE_BEFORE_COMMA.finditer(name):
        yield (m.start(), m.end() + 1), "space before a comma in the facility name", ","
    for m in _NO_SPACE_AFTER_COMMA.finditer(name):
        pair = _word_before(name, m.start()) + "," + _word_after(name, m.end())
        yield (m.start(), m.end()), f"no space after the comma in {pair!r}", ", "


def _word_before(text: str, end: int) -> str:
    start = end
    while start > 0 and (text[start - 1].isalpha()):
        start -= 1
    return text[start:end]


def _word_after(text: str, start: int) -> str:
    end = start
    while end < len(text) and text[end].isalpha():
        end += 1
    return text[start:end]


def _trailing_mark(name: str) -> tuple[tuple[int, int], str] | None:
    """A full stop after a whole word, or a colon, at the end of the name."""
    m = _TRAILING_MARK.search(name)
    if m is None:
        return None
    word, mark = m.group(1), m.group(2)
    span = (m.start(2), m.end(2))
    if mark == ":":
        return span, "the facility name ends with a colon"
    if name.rstrip().endswith(".."):
        return None  # an ellipsis: the name was shortened on purpose, or cut (L202)
    letters = _LETTERS.findall(word)
    if not letters:
        return None
    last = letters[-1]
    # "P.C.", "s.r.o.", "Pulm.Int." (dots inside), "R." (an initial), "UHN." (an acronym),
    # "HospitalLtd." (a known abbreviation at the end of a run-together word).
    if len(letters) > 1 and "." in word.rstrip("."):
        return None
    if len(last) == 1 or (last.isupper() and len(last) <= 5):
        return None
    tail = re.split(r"(?<=[a-z])(?=[A-Z])", last)[-1]
    if _fold(last) in DOTTED_ABBREVIATIONS or _fold(tail) in DOTTED_ABBREVIATIONS:
        return None
    if _abbreviation(last):
        return None
    return span, f"the facility name ends with a full stop after {last!r}, not an abbreviation"


# Abbreviations of facility words that end in a full stop in the languages of registry records
# and are not the beginning of the word they stand for ("Gral." for "General").
_ABBREVIATIONS = _wordset("""
    peds ped gral grl sra sto sta srl ctre serv svc hptl hsptl dpto dpt depto
    fak tip abd ord tech techn
""")
_VOWELS = frozenset("aeiouyäöüåæøéèêáíóúıâîû")


def _abbreviation(word: str) -> bool:
    """Whether a word before a full stop is an abbreviation in some language: a known one
    ("Peds", "Gral"), one of three letters or fewer ("Has", "Afd", "Abt", "Odd"), one without a
    vowel ("Dptm"), or the start of a longer facility word ("Hast" for "Hastanesi", "Klin" for
    "Klinik"), which the word itself is not."""
    folded = _fold(word)
    if folded in _ABBREVIATIONS or len(folded) <= 3 or not _VOWELS & set(word.casefold()):
        return True
    vocabulary = facility_vocabulary()
    return folded not in vocabulary and any(
        w.startswith(folded) and len(w) > len(folded) for w in vocabulary)


# A person's name in the facility field: a title and a name ("Dr. John Smith", "Prof. Dr. med.
# H. Müller"), or a name with a degree ("Smith, John MD", "Jane Doe, M.D., Ph.D.").
_TITLE = r"(?:[Dd]r|DR|[Dd]ra|[Pp]rof|PROF|Professor|Mr|Mrs|Ms|Doctor)\.?"  # not "MS Ramaiah"
_DEGREE = (r"(?:,\s*|\s+)(?i:m\.?d|d\.?o|ph\.?d|m\.?b\.?b\.?s|dds|dmd|frcp|facp|mph|rn|np"
           r")\.?(?!\w)")
_NAME_WORD = r"(?:[A-Z][a-zà-ÿ'’-]+|[A-Z]\.?)"
_NAME = rf"{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,3}}"
_PERSON = re.compile(
    rf"^(?:{_TITLE}\s*(?:(?:{_TITLE}|med\.)\s*)*{_NAME}(?:{_DEGREE})*"  # "Dr. John Smith"
    rf"|{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,2}},\s*{_NAME}(?:{_DEGREE})+"  # "Smith, John MD"
    rf"|{_NAME}(?:{_DEGREE})+)\s*$")  # "John Smith, M.D."


def _contact_name(name: str, loc: Location) -> str:
    """"contact" when every word of a facility name is a word of the name of one of the site's
    own contacts ("Michel" for a site whose contact is "Guillaume
    MICHEL, MD"): the person was typed where the facility goes. Else ""."""
    words = [_fold(w) for w in _LETTERS.findall(name)]
    if not words or set(words) & (facility_vocabulary() | _INSTITUTION_WORDS | _PRACTICE_WORDS):
        return ""
    for contact in loc.contacts:
        person = [_fold(w) for w in _LETTERS.findall((contact.name or "").split(",")[0])]
        if len(person) >= 2 and set(words) <= set(person):
            return "contact"
    return ""


def _person(name: str) -> str:
    """"degree" when a facility name is a person's name with a degree ("Smith, John MD"),
    "title" when it is a title and a name ("Dr. John Smith"), else "": no word of a
    facility's name in either."""
    match = _PERSON.match(name.strip())
    if not match:
        return ""
    words = {_fold(w) for w in _LETTERS.findall(name)}
    if words & (facility_vocabulary() | _INSTITUTION_WORDS | _PRACTICE_WORDS):
        return ""
    return "degree" if _HAS_DEGREE.search(name) else "title"


_HAS_DEGREE = re.compile(_DEGREE + r"\s*$")
_PRACTICE_WORDS = _wordset("""
    office offices practice associates clinic group partners surgery dental family pharmacy
    rooms chambers consulting suite
    llc inc pc pa pllc ltd
""")


def _lower_case(name: str, loc: Location,
                allowed: frozenset[str]) -> tuple[tuple[int, int], str] | None:
    """Words of a proper name written in lower case, as one problem over the first to last."""
    words = [_Word(m.start(), m.end(), m.group(), _fold(m.group())) for m in _WORD.finditer(name)]
    if not words:
        return None
    cased = [w for w in words if _has_case(w.text)]
    if not cased:
        return None  # a script without case (Chinese, Japanese, Arabic...)
    if all(w.text.islower() for w in cased):
        if len(cased) < 2:
            return None  # one word: a brand written in lower case ("emovis")
        return (words[0].start, words[-1].end), (
            "the facility name is all in lower case: write it as the institution does")
    first = words[0]
    if _caps_lock(first.text) and all(w.text.isupper() for w in cased[1:]):
        return (first.start, first.end), (
            f"the facility name starts with {first.text!r}, a caps-lock slip for "
            f"{first.text.swapcase()!r}")
    flagged: dict[int, str] = {}
    for index, note in _lower_places(name, words, loc):
        if words[index].folded not in allowed:
            flagged[index] = note
    if _english_title_case(words):
        in_name = _institution_parts(name, words)
        for index, w in enumerate(words):
            if (index in flagged or not in_name[index] or not _is_lower_word(w.text)
                    or w.folded in allowed):
                continue
            if w.start > 0 and name[w.start - 1] == "-":
                continue  # the second part of a compound: "Non-commercial", "C-health"
            if w.folded == "affiliated" and index + 1 < len(words) and (
                    words[index + 1].folded in {"to", "with"}):
                continue  # a description: "Gulou Hospital affiliated to Nanjing University"
            if w.folded in _TITLE_WORDS or (
                    index == 0 and w.folded not in LOWER_CASE_NAME_WORDS - {"the"}):
                flagged[index] = ""
    elif first.text == "the" and len(words) > 1 and not _is_lower_word(words[1].text):
        flagged[0] = ""
    if not flagged:
        return None
    order = sorted(flagged)
    listed = ", ".join(
        repr(words[i].text) + (f" ({flagged[i]})" if flagged[i] else "") for i in order)
    noun = "word" if len(order) == 1 else "words"
    return (words[order[0]].start, words[order[-1]].end), (
        f"{noun} of the facility name in lower case: {listed}")


def _institution_parts(name: str, words: list[_Word]) -> list[bool]:
    """For each word, whether it is in the first part of the name or in a later part that
    names an institution (has "Hospital", "University", "Center"...)."""
    part_of = [len(_PART_BREAK.findall(name, 0, w.start)) for w in words]
    named = {part for part, w in zip(part_of, words, strict=True)
             if w.folded in _INSTITUTION_WORDS} | {0}
    return [part in named for part in part_of]


def _lower_places(name: str, words: list[_Word], loc: Location) -> Iterator[tuple[int, str]]:
    """Indexes of words that spell the site's city, state or country, written in lower case
    (but not inside a compound written in lower case on purpose, such as "hop-augsburg")."""
    folded = [w.folded for w in words]
    for label, place in (("city", loc.city), ("state", loc.state), ("country", loc.country)):
        for variant in _place_variants(place):
            size = len(variant)
            for start in range(len(words) - size + 1):
                if tuple(folded[start:start + size]) != variant:
                    continue
                span_words = words[start:start + size]
                first, last = span_words[0], span_words[-1]
                if name[first.start - 1:first.start] == "-" or name[last.end:last.end + 1] == "-":
                    continue
                if all(_is_lower_word(w.text) for w in span_words):
                    note = f"place name: the site's {label} is {place!r}"
                    for k in range(start, start + size):
                        yield k, note if k == start else ""


@lru_cache(maxsize=4096)
def _place_variants(place: str | None) -> tuple[tuple[str, ...], ...]:
    """A place as folded word sequences: "Korea, Republic of" -> ("korea","republic","of"),
    ("korea",); "Changsha City" also as ("changsha",). Connectors alone are not places."""
    if not place:
        return ()
    variants = set()
    for part in (place, place.split(",")[0], re.sub(r"(?i)\s+(city|shi|sheng|province)$", "",
                                                     place.split(",")[0].strip())):
        words = tuple(_fold(w) for w in _WORD.findall(part))
        if words and not (len(words) == 1 and (words[0] in LOWER_CASE_NAME_WORDS
                                               or len(words[0]) < 3)):
            variants.add(words)
    return tuple(sorted(variants, key=len, reverse=True))


def _english_title_case(words: Iterable[_Word]) -> bool:
    """Whether a name is written in English: no word of another language, and a capitalised
    word of an English institution's name, or two such words in lower case ("The first
    affiliated hospital of ningbo university", "Asan medical center")."""
    english = shared = False
    lower_title_words = 0
    for w in words:
        if w.folded in _FOREIGN_WORDS:
            return False
        if w.text[:1].isupper():
            english = english or w.folded in _ENGLISH_TITLE_WORDS
            shared = shared or w.folded in _SHARED_TITLE_WORDS
        elif w.folded in _TITLE_WORDS:
            lower_title_words += 1
    return english or shared or lower_title_words >= 2


def _is_lower_word(text: str) -> bool:
    return text[:1].islower() and text == text.lower() and _has_case(text)


def _has_case(text: str) -> bool:
    return any(c.isupper() or c.islower() for c in text if c.lower() != c.upper())


def _caps_lock(text: str) -> bool:
    return len(text) >= 3 and text[0].islower() and text[1:].isupper()


def _fold(text: str) -> str:
    return fold(text).replace("’", "'")
