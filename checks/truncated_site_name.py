"""A facility name looks cut off: it ends mid-word, on a connector, or at the registry's limit.

What it finds: each signal read on the name alone:

- a last word that is the start of a common facility word ("Hospita", "Universit", "Fundaci",
  "Hastan"), from a word list of about twenty European languages and Malay
  (``facility_words.txt``, built by ``scripts/build_facility_words.py``). A last word that is
  a word somewhere ("Cent", "Medic", "Sur"), or of one or two letters, is flagged only after a
  facility word ("Tel Aviv Sourasky Medical Cent") or when another site of the run has the full
  name. Never flagged: standard abbreviations ("Med", "Univ", "Hosp", "Ctr", "Dept", "Sch"),
  words ending in a full stop ("Inc.", "Hosp."), all-capital acronyms in a name that is not
  all capitals;
- a last word of four letters or more that is the start of a word of the site's own city,
  three letters or more short of it, and no facility word, ordinary word or name of the
  country or one of its states ("Centro Médico de Guadalaj" in Guadalajara, "Klinikum
  Mönchen" in Mönchengladbach; "Rehabilitation Associates of Indiana" in Indianapolis is
  whole);
- a dangling connector or mark at the end: "of", "and", "the", "de", "und", "für", "&", a
  hyphen or dash ("University Institute of Cardiology and"). A stray comma or semicolon at the
  end is set aside: "..., LLC," is a complete name, "... Cardiology and," is not;
- a bracket or quotation mark opened and never closed, or closed and never opened (the start
  was lost: 'Prof. Dr. Ion Chiricuta" Institute of Oncology');
- a first word in lower case, of four letters or more, that is the end of a facility word
  (one to three letters lost) and no word of its own: "niversity Hospital", "ospital
  Central" (the start was lost; a name all in lower case is not judged);
- a name exactly `name_limit` characters long: ClinicalTrials.gov's definitions give the
  Facility Name 254 characters, counted as Unicode code points, not bytes;
- a name as long as three or more clearly cut names of its record (a tool cut them at 30
  characters, say) whose last word is one to three letters, or that another site goes on from.

Whole run: when a longer name of the run starts with the cut one (ignoring case, accents and
spacing), preferably in the same city and always in the same country, the message suggests it;
a suggestion from the same record names its field as related.

Why it matters: a name cut short ("Peking University First Hospita") no longer matches the
name the registry, search engines and patients know the site by. It usually means a field with
a length limit, or a tool that cut it.

Fails: "Peking University First Hospita" (Beijing), with "Peking University First Hospital"
suggested from another record of the run.

Passes: "Emory Univ", "Mercy Med. Ctr" (abbreviations); "Aberdeen Royal Infirmary,
Foresterhill," (a stray comma); "Hospital Clínic", "Universiti Teknologi MARA" (whole
words in Catalan and Malay); "Hôpital des Cent"; "Policlinico Umberto I".

Options:
  name_limit (254): the registry's limit on a facility name, in characters; a name exactly
    this long is reported. 0 turns this signal off.
  suggest_full_names (true): look for the full name among all the sites of the run. Off, the
    guesses that only a full name confirms ("Cent" with no facility word before it) are not
    reported at all.
  allow_words ([]): words never read as cut off, for names the word list gets wrong.

Fix safety: no fix: the full name, even when suggested, is for a person to confirm.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import Any, NamedTuple

from lintrials.context import Context
from lintrials.findings import Problem
from lintrials.knowledge import places
from lintrials.knowledge.geo import country_code, country_name
from lintrials.knowledge.text import fold_word
from lintrials.knowledge.words import (
    DOTTED_ABBREVIATIONS,
    LEGAL_FORM_ABBREVIATIONS,
    LOWER_CASE_END_CONNECTORS,
    NAME_END_CONNECTORS,
)
from lintrials.model import Record

CODE, NAME, SEVERITY = "L202", "truncated-site-name", "warning"


@dataclass(frozen=True)
class Options:
    name_limit: int = 254
    suggest_full_names: bool = True
    allow_words: tuple[str, ...] = ()


_WORD = re.compile(r"[^\W\d_]+")
_SPACES = re.compile(r"\s+")

_NUMERALS = frozenset(["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"])
# How many clearly cut names of a record must share a length for it to be a cut length.
_SHARED_CUTS = 3
_START_CUT = "{} closes what never opened, so its start looks lost"
_DANGLING_MARKS = frozenset("&-–—/")
# Marks that end a complete name as often as a cut one ("Sainte-Justine,", "..., LLC,"): a
# stray comma after a whole word is a slip of typing, not a cut. A connector before one is.
_STRAY_END = " \t,;"
_BRACKETS = {"(": ")", "[": "]", "{": "}"}
_CLOSING = {close: open_ for open_, close in _BRACKETS.items()}
_MARKS = ("(", "[", "{", '"', "«", "“")


class Site(NamedTuple):
    """A site name of the run, as the lookup of full names needs it."""

    name: str
    city: str
    country: str


class Candidate(NamedTuple):
    """A facility name that may be cut off, as `summarize` passes it to `reduce`."""

    location: int  # the site's place in record.locations
    site: Site
    at_limit: int  # the limit the name is exactly as long as, else 0
    cut_word: str  # the last word, when it is the start of a facility word, else ""
    completion: str  # the facility word it most likely starts
    guess: bool  # an ambiguous last word: reported only if a full name confirms it
    ends: tuple[str, ...]  # dangling end, unclosed bracket or quotation
    full_name: str  # a full name found in the same record, else ""
    full_index: int  # the place of that site in record.locations, else -1
    # (length, how many names of the record are cut at it) when this name is as long as names
    # of its record that are cut off, else (0, 0)
    shared: tuple[int, int] = (0, 0)


class Summary(NamedTuple):
    record: str  # the NCT ID, or ""
    candidates: tuple[Candidate, ...]
    sites: tuple[Site, ...]  # the record's distinct site names, for the run-wide lookup


class Words(NamedTuple):
    facility: dict[str, int]  # complete facility word -> rank (English and common first)
    ordered: list[str]  # the same words sorted, for prefix search
    abbreviations: frozenset[str]
    ordinary: frozenset[str]


@cache
def _words() -> Words:
    """The word list shipped beside this module, read once, when a name first needs it."""
    text = resources.files("lintrials.knowledge").joinpath("facility_words.txt").read_text("utf-8")
    section = ""
    facility: dict[str, int] = {}
    abbreviations: set[str] = set()
    ordinary: set[str] = set()
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("["):
            section = line.strip("[]")
        elif section == "facility":
            facility.setdefault(line.split()[0], len(facility))
        elif section == "abbreviation":
            abbreviations.add(line)
        elif section == "word":
            ordinary.add(line)
    return Words(facility, sorted(facility), frozenset(abbreviations), frozenset(ordinary))


@cache
def _allowed(words: tuple[str, ...]) -> frozenset[str]:
    return frozenset(fold_word(w) for w in words)


def _key(name: str) -> str:
    return _SPACES.sub(" ", fold_word(name)).strip()


def _completions(word: str, words: Words) -> list[str]:
    """The facility words that ``word`` is a proper beginning of, likeliest first."""
    found: set[str] = set()
    for form in {word.casefold(), fold_word(word)}:
        i = bisect.bisect_right(words.ordered, form)
        while i < len(words.ordered) and words.ordered[i].startswith(form):
            found.add(words.ordered[i])
            i += 1
    return sorted(found, key=words.facility.__getitem__)


def _last_word(name: str) -> tuple[str, int, str] | None:
    """The last run of letters, where it starts, and the marks after it; None if a digit ends
    the name. A scan from the end: a regular expression anchored at the end would be tried at
    every position of the name."""
    end = len(name)
    while end and not (name[end - 1].isalnum() or name[end - 1] == "_"):
        end -= 1
    start = end
    while start and name[start - 1].isalpha():
        start -= 1
    if start == end:
        return None
    return name[start:end], start, name[end:]


@lru_cache(maxsize=32768)  # one sponsor's site names recur across its records
def _cut_word(name: str, allowed: frozenset[str]) -> tuple[str, int, str, bool] | None:
    """The last word, if it is the start of a facility word: (word, start, completion, sure)."""
    last = _last_word(name.rstrip(_STRAY_END))  # "Hospita," is cut; "Hosp.," is not
    if last is None or last[2].strip():  # ends in a mark: "Hosp.", "Inc.,", "(Site 2)"
        return None
    word, start, _ = last
    forms = {word.casefold(), fold_word(word)}
    if forms & allowed or forms & DOTTED_ABBREVIATIONS:
        return None  # "Dep", "Sch", "Coll": standard abbreviations, whole as they are
    words = _words()
    if len(word) < 3:
        # "Medical Education and R": too short to tell, so a guess that only a full name
        # elsewhere in the run confirms. Never a roman numeral ("Klinik I") or a code ("-A").
        if word in _NUMERALS or not name[:start].endswith(" ") or name.isupper():
            return None
        completions = _completions(word, words)
        return (word, start, completions[0], False) if completions else None
    if word.isupper() and not name.isupper():  # an acronym: "CIPREC", "HAL", "FALP"
        return None
    if any(f in words.facility or f in words.abbreviations for f in forms):
        return None
    completions = _completions(word, words)
    if not completions:
        return None
    if not forms & words.ordinary:
        return word, start, completions[0], True
    # A word of its own ("Cent", "Medic", "Hos"): cut off if a facility word stands before it
    # and the completion is more than an inflection ("Associate" -> "Associates" is no cut).
    before = _WORD.findall(name[:start])
    context = bool(before) and fold_word(before[-1]) in words.facility
    longer = len(completions[0]) - len(word) >= 2
    return word, start, completions[0], context and longer


@lru_cache(maxsize=32768)
def _cut_place(name: str, city: str, country: str,
               allowed: frozenset[str]) -> tuple[str, int, str, bool] | None:
    """The last word, if it is the start of a word of the site's own city and no word of its
    own, nor of a name of the country or its states ("Centro Médico de Guadalaj" in
    Guadalajara): (word, start, completion, sure), like `_cut_word`."""
    last = _last_word(name.rstrip(_STRAY_END))
    if last is None or last[2].strip():
        return None
    word, start, _ = last
    folded = fold_word(word)
    words = _words()
    if (len(word) < 4 or (word.isupper() and not name.isupper()) or folded in allowed
            or folded in words.ordinary or folded in words.facility
            or folded in words.abbreviations or not name[:start].strip()):
        return None
    for place_word in _WORD.findall(city):
        if fold_word(place_word).startswith(folded) and len(place_word) - len(word) >= 3:
            if folded in _region_words(country):  # "Indiana" in Indianapolis: a word itself
                return None
            return word, start, place_word, True
    return None


@lru_cache(maxsize=256)
def _region_words(country: str) -> frozenset[str]:
    """The folded words of a country's names and of its first-level divisions' names."""
    code = country_code(country) if country else None
    names = [country] + ([name for _, name, _ in places.subdivisions(code)] if code else [])
    if code:
        names.append(country_name(code))
    return frozenset(fold_word(w) for name in names for w in _WORD.findall(name or ""))


@lru_cache(maxsize=32768)
def _dangling_end(name: str) -> str | None:
    """The connector or mark the name ends on, if it ends on one (a stray comma set aside)."""
    stripped = name.rstrip(_STRAY_END)
    if stripped and stripped[-1] in _DANGLING_MARKS:
        return f'it ends in "{stripped[-1]}"'
    last = _last_word(stripped)
    if last is None or last[2] or not stripped[: last[1]].endswith((" ", "\t")):
        return None  # no word at the end, or part of a longer token: "d'Hebron", "Med.Group"
    word = last[0]
    if ((word.casefold() in NAME_END_CONNECTORS and (word.islower() or word.istitle()))
            or word in LOWER_CASE_END_CONNECTORS):
        return f'it ends in the connector "{word}"'
    return None


def _unclosed(name: str) -> str | None:
    """A bracket or quotation opened and never closed."""
    if not any(mark in name for mark in _MARKS):
        return None
    opened: list[int] = []
    for i, char in enumerate(name):
        if char in _BRACKETS:
            opened.append(i)
        elif char in _CLOSING and opened and name[opened[-1]] == _CLOSING[char]:
            opened.pop()
    if opened:
        return f'the "{name[opened[0]]}" is never closed'
    quote = _open_quote(name)
    if quote is not None:
        return f"the quotation mark {name[quote]} is never closed"
    return None


@lru_cache(maxsize=32768)
def _cut_start(name: str) -> str | None:
    """A first word in lower case that is the end of a facility word and no word of its own
    ("niversity Hospital of Lyon", "ospital Central"): the start is cut off."""
    match = _WORD.search(name)
    if match is None or match.start() or name.islower():
        return None
    word = match.group()
    folded = fold_word(word)
    words = _words()
    if (len(word) < 4 or not word.islower() or folded in words.ordinary
            or folded in words.facility or folded in words.abbreviations):
        return None
    whole = next((w for w in _facility_ends().get(folded, ()) if len(w) - len(folded) <= 3), None)
    if whole is None:
        return None
    return f'its first word "{word}" is the end of "{whole}": the start is cut off'


@cache
def _facility_ends() -> dict[str, tuple[str, ...]]:
    """Proper endings (four letters or more) of the facility words -> those words."""
    ends: dict[str, list[str]] = {}
    for whole in _words().facility:
        for cut in range(1, len(whole) - 3):
            ends.setdefault(whole[cut:], []).append(whole)
    return {end: tuple(found) for end, found in ends.items()}


def _unopened(name: str) -> str | None:
    """A closing bracket or quotation mark with no opening one: the start is cut off."""
    if ")" not in name and '"' not in name:
        return None
    depth = 0
    for char in name:
        if char == "(":
            depth += 1
        elif char == ")":
            if not depth:
                return _START_CUT.format('")"')
            depth -= 1
    if name.count('"') == 1:
        i = name.index('"')
        if i and not name[i + 1: i + 2].isalpha():  # 'Chiricuta" Institute', not '"Helsicore'
            return _START_CUT.format('the quotation mark "')
    return None


def _open_quote(name: str) -> int | None:
    """Where a quotation opens and is never closed, if one is."""
    for opening, closing in (("«", "»"), ("“", "”")):
        start = name.rfind(opening)
        if start >= 0 and name.find(closing, start) < 0 and "„" not in name:
            return start
    last = name.rfind('"')
    if last < 0 or name.count('"') % 2 == 0:
        return None
    # An odd count: the last mark opens a quotation if a letter follows it and none stands
    # right before it ('J.S.C."K.Eristavi'); else it closes one ('Chiricuta" Institute').
    if name[last + 1: last + 2].isalpha() and not name[last - 1: last].isalpha():
        return last
    return None


def _candidate(index: int, site: Site, options: Options) -> Candidate | None:
    """What makes the site's name look cut off, if anything does."""
    name = site.name
    if not _WORD.search(name):  # "-", "N/A", "12345": no name to be cut
        return None
    limit = options.name_limit
    at_limit = limit if limit and len(name) == limit else 0
    allowed = _allowed(options.allow_words)
    ends = [found for found in (_dangling_end(name), _unclosed(name), _unopened(name),
                                _cut_start(name)) if found is not None]
    cut = _cut_word(name, allowed) or _cut_place(name, site.city, site.country, allowed)
    if not (at_limit or cut or ends):
        return None
    word, completion, sure = (cut[0], cut[2], cut[3]) if cut else ("", "", True)
    guess = bool(cut) and not sure and not at_limit and not ends
    return Candidate(index, site, at_limit, word, completion, guess, tuple(ends), "", -1)


def summarize(record: Record, ctx: Context) -> Summary | None:
    """The record's names that may be cut off, and its site names for the run-wide lookup."""
    if not record.locations:
        return None
    sites: dict[Site, int] = {}
    candidates: list[Candidate] = []
    for i, loc in enumerate(record.locations):
        if not loc.facility or not loc.facility.strip():
            continue
        site = Site(loc.facility, loc.city or "", loc.country or "")
        sites.setdefault(site, i)
        candidate = _candidate(i, site, ctx.options)
        if candidate is not None:
            candidates.append(candidate)
    for shared in list(_cut_at_shared_length(record, candidates)):
        at = next((n for n, c in enumerate(candidates) if c.location == shared.location), None)
        if at is None:
            candidates.append(shared)
        else:
            candidates[at] = shared
    if candidates:
        local = _Index(list(sites.items()))
        for n, cand in enumerate(candidates):
            match = local.full_name(cand)
            if match is not None:
                candidates[n] = cand._replace(full_name=match[0].name, full_index=match[1])
    return Summary(record.nct_id or "", tuple(candidates), tuple(sites))


def _cut_at_shared_length(record: Record, candidates: list[Candidate]) -> Iterator[Candidate]:
    """Names as long as three or more clearly cut names of their record, and cut there too.

    Yields new candidates, and sure versions of guesses ("Center L") at such a length.

    A record whose names were cut by a tool at some length ("Tel Aviv Sourasky Medical Cent",
    "Universitätsklinikum Carl Gust", "Institut Català d'Oncologia-Ho", all 30 characters) has
    other names cut at that length that no word list can tell: their last word of one to three
    letters is cut ("Ho"); a longer last word is, when the run has a name that goes on from it
    mid-word ("Carl Gust" -> "Carl Gustav Carus").
    """
    clear = Counter(len(c.site.name) for c in candidates if (c.cut_word and not c.guess) or any(
        "never closed" in e or e.endswith(('"-"', '"–"', '"—"')) for e in c.ends))
    lengths = {length: n for length, n in clear.items() if n >= _SHARED_CUTS}
    if not lengths:
        return
    sure = {c.location for c in candidates if not c.guess}
    words = _words()
    for i, loc in enumerate(record.locations):
        name = loc.facility or ""
        if i in sure or len(name) not in lengths:
            continue
        last = _last_word(name)
        if last is None or last[2].strip():
            continue
        word = last[0]
        forms = {word.casefold(), fold_word(word)}
        known = any(f in words.facility or f in words.abbreviations for f in forms)
        if word in _NUMERALS or forms & LEGAL_FORM_ABBREVIATIONS or (known and len(word) > 3):
            continue
        site = Site(name, loc.city or "", loc.country or "")
        # One or two letters say too little to name the word they were cut from.
        completion = next(iter(_completions(word, words)), "") if len(word) >= 3 else ""
        # A longer word, or a standard abbreviation ("Ctr", "Uni"), is cut only if a name of
        # the run goes on from it ("Severance Hospital, Yonsei Uni" -> "... University").
        guess = len(word) > 3 or bool(forms & DOTTED_ABBREVIATIONS)
        yield Candidate(i, site, 0, word, completion, guess, (), "", -1,
                        (len(name), lengths[len(name)]))


class _Index:
    """Site names sorted by their folded form, to find the names that go on from a cut one."""

    # How many names a cut name is compared with at most ("University of" starts thousands).
    MAX_SCAN = 5000

    def __init__(self, sites: Sequence[tuple[Site, Any]]) -> None:
        self.entries = sorted(((_key(site.name), site, tag) for site, tag in sites),
                              key=lambda entry: entry[0])
        self.keys = [entry[0] for entry in self.entries]

    def full_name(self, cand: Candidate) -> tuple[Site, Any] | None:
        """The best longer name that starts with the cut one: in the same city, the shortest.

        Always in the same country when both name one. A name cut mid-word must go on with
        letters; an ambiguous last word must go on into a facility word.
        """
        key = _key(cand.site.name)
        accept: Callable[[str], bool] | None = None
        if cand.guess and not cand.shared[0]:
            def accept(full: str) -> bool:
                return fold_word(_completed_word(cand, full)) in _words().facility
        best: tuple[tuple[int, int, str], Site, Any] | None = None
        i = bisect.bisect_right(self.keys, key)
        stop = min(len(self.keys), i + self.MAX_SCAN)
        while i < stop and self.keys[i].startswith(key):
            other_key, site, tag = self.entries[i]
            i += 1
            if cand.cut_word and not other_key[len(key): len(key) + 1].isalpha():
                continue  # "Medical Cent" is not cut from "Medical Cent (Annex)"
            if cand.site.country and site.country and (
                    fold_word(cand.site.country) != fold_word(site.country)):
                continue
            if accept is not None and not accept(site.name):
                continue
            rank = (0 if _same_city(cand.site.city, site.city) else 1, len(site.name),
                    site.name)
            if best is None or rank < best[0]:
                best = (rank, site, tag)
        return (best[1], best[2]) if best is not None else None


def _same_city(city: str, other: str) -> bool:
    """"Tainan" and "Tainan City" are one city; "" is no city."""
    a, b = sorted((_key(city), _key(other)), key=len)
    return bool(a) and (a == b or b.startswith(a + " "))


def _completed_word(cand: Candidate, full_name: str) -> str:
    """The word that the cut last word is in the full name: "R" -> "Research"."""
    position = len(_WORD.findall(cand.site.name)) - 1
    words = _WORD.findall(full_name)
    return words[position] if 0 <= position < len(words) else ""


def _message(cand: Candidate, full_name: str, where: str) -> str:
    reasons: list[str] = []
    if cand.at_limit:
        reasons.append(f"it is exactly {cand.at_limit} characters long, the registry's limit "
                       "for a facility name")
    if cand.shared[0]:
        reasons.append(f"it is {cand.shared[0]} characters long, like {cand.shared[1]} names of "
                       "this record that are cut off")
    if cand.cut_word:
        completed = _completed_word(cand, full_name) if full_name else ""
        if not fold_word(completed).startswith(fold_word(cand.cut_word)) and cand.completion:
            completed = _like(cand.cut_word, cand.completion)
        if fold_word(completed).startswith(fold_word(cand.cut_word)) and len(completed) > len(
                cand.cut_word):
            reasons.append(f'its last word "{cand.cut_word}" is the start of "{completed}"')
        else:
            reasons.append(f'its last word "{cand.cut_word}" looks cut short')
    reasons.extend(cand.ends)
    message = f'facility name "{cand.site.name}" looks cut off: ' + "; ".join(reasons)
    if full_name:
        message += f'; {where} is named "{full_name}"'
    return message


def _like(word: str, completion: str) -> str:
    """``completion`` written in the case of ``word``: "HOSPITA" -> "HOSPITAL"."""
    if word.isupper() and len(word) > 1:
        return completion.upper()
    if word[:1].isupper():
        return completion[:1].upper() + completion[1:]
    return completion


def reduce(summaries: list[tuple[Any, Summary]],
           ctx: Context) -> Iterator[tuple[Any, Problem]]:
    """Report every candidate, with the full name from its own record or from the run."""
    pending = [(ref, cand) for ref, summary in summaries for cand in summary.candidates]
    index: _Index | None = None
    if ctx.options.suggest_full_names and any(not c.full_name for _, c in pending):
        # Each distinct site once, with the first record that has it (the one a tie picks):
        # the same sites recur across a registry's records.
        first: dict[Site, str] = {}
        for _, summary in summaries:
            for site in summary.sites:
                first.setdefault(site, summary.record)
        index = _Index(list(first.items()))
    for ref, cand in pending:
        related: tuple[str, ...] = ()
        full_name = where = ""
        if cand.full_name and ctx.options.suggest_full_names:
            full_name = cand.full_name
            where = f"locations[{cand.full_index}] of this record"
            related = (f"locations[{cand.full_index}].facility",)
        elif index is not None:
            match = index.full_name(cand)
            if match is not None:
                site, other = match
                full_name = site.name
                place = ", ".join(p for p in (other, site.city, site.country) if p)
                where = "another site of the run" + (f" ({place})" if place else "")
        if cand.guess and not full_name:
            continue
        yield ref, Problem(field=f"locations[{cand.location}].facility",
                           message=_message(cand, full_name, where), related=related)
