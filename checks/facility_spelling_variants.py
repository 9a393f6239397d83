"""One facility is misspelt in some records of the run, or loses the capitals of its name.

What it finds: (whole run) sites of one facility, within one city and country, whose name has
a misspelt word or a wrong capital where the other records spell it right. Every accepted way
of writing a name is set aside first (`lintrials.knowledge.names`): case, accents (also "ł",
"ø"; umlauts written out), punctuation and spacing ("Health Care" / "Healthcare"), a leading
"The", connectors ("of" / "at", ", UCLA" / "at UCLA"), a trailing legal form ("Inc" /
"Incorporated", ", PC", "GmbH"), the city's name at the end ("Mayo Clinic Rochester"),
an acronym beside its words, plurals and standard abbreviations ("St." / "Saint", "Univ.").
Names equal then are one spelling and no finding. What remains is reported when one or two
words differ by a small edit (rapidfuzz ratio of the names at least `similarity`; words of
five letters or more, one edit, two from eight letters, a swap of two letters counting one)
that makes a word a misspelling of the other: "Unversity", "Hosiptal", "Medial Center".
Not misspellings: ordinals, numbers, compass words ("First" / "Fifth"); a word's ending
("Ospedaliero" / "Ospedaliera", "Universitario" / "Universitari"); a proper name with a
vowel between consonants written or left out ("Malaviya" / "Malviya": transliterations).
Within one spelling, only a word with fewer capitals inside it than most records give it
("Nhs" / "NHS", "Cancercare" / "CancerCare"; not a word of the site's city as its city field
writes it) or a character lost to a wrong encoding ("People?s") is reported. The right
spelling is the one most records use (a tie: none); sites with different states or zip codes
are different sites, and a proper name that several records write one way (a third as many
as the usual way, or more) is another name ("Santa Maria" / "Santa Marina"). A site named as
the record's lead sponsor names itself is never reported.

Why it matters: sponsors, registries and readers count sites by their names and search for
them by name. "Unversity of Nebraska Medical Center" is not found by a search for the
University of Nebraska Medical Center, and counts as another site. Severity is info: a
person judges the spelling.

Fails: "Unversity of Nebraska Medical Center", Omaha, beside two records that spell it
"University of Nebraska Medical Center": ``... has 'Unversity' for 'University'; 2 other
records of the run (...) spell it right: 'University of Nebraska Medical Center'``. The
repair is the site's own name with the word put right, never another record's wording.

Passes: "Mayo Clinic Rochester" beside "Mayo Clinic" (the city added); "Asan medical center"
beside "Asan Medical Center" (case); "Centre Leon Berard" beside "Centre Léon Bérard"
(accents); "Texas Oncology, P.A." beside "Texas Oncology"; "The First Affiliated Hospital"
and "The Fifth Affiliated Hospital" of one university (two hospitals).

Options:
  similarity (90): the least rapidfuzz ratio (0-100) of two reduced names for the misspelling
    test; 100 turns it off, leaving only capitals and damaged characters.
  show_records (3): how many of the other records the message names.

Fix safety: no fix: the suggestion is a spelling for a person to adopt.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, NamedTuple

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA, Levenshtein

from lintrials.context import Context
from lintrials.findings import Problem
from lintrials.knowledge.names import (
    facility_vocabulary,
    fold_name,
    is_placeholder_name,
    normalise_name,
    place_key,
    zip_key,
)
from lintrials.knowledge.words import ABBREVIATED_WORDS, JOINING_WORDS, LEGAL_FORMS
from lintrials.model import Record


def _wordset(text: str) -> frozenset[str]:
    return frozenset(text.split())


CODE, NAME, SEVERITY = "R103", "facility-spelling-variants", "info"


@dataclass(frozen=True)
class Options:
    similarity: float = 90
    show_records: int = 3


class Site(NamedTuple):
    """One site of a record, as the summary carries it."""

    location: int  # its index in record.locations
    name: str
    city: str
    state: str
    zip: str  # folded (`zip_key`)
    country: str
    words: tuple[str, ...]  # the folded name, reduced for comparison (`variant_words`)
    own: bool = False  # the record's lead sponsor writes its own name this way


class Summary(NamedTuple):
    record: str  # the NCT ID, or "" when the record has none
    sites: tuple[Site, ...]


# Words that tell sites apart however close their spelling.
_DISTINCT = _wordset("""
    first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth
    one two three four five six seven eight nine ten eleven twelve
    north south east west northern southern eastern western central northeast northwest
    southeast southwest upper lower new old main
    primero segundo tercero primer premier deuxieme primo secondo terzo erste zweite dritte
    norte sur este oeste nord sud est ouest ost
""")
_INITIALS_MIN = 3


def summarize(record: Record, ctx: Context) -> Summary | None:
    """The record's named sites with a city and a country, placeholders left out."""
    sites = []
    sponsor = variant_words(record.lead_sponsor) if record.lead_sponsor else ()
    for i, loc in enumerate(record.locations):
        name = loc.facility
        if not name or not loc.city or not loc.country or is_placeholder_name(name):
            continue
        city, country = place_key(loc.city), place_key(loc.country)
        words = variant_words(name, loc.city)
        if not city or not country or not words:
            continue
        own = bool(sponsor) and (words == sponsor or words == variant_words(
            record.lead_sponsor or "", loc.city))
        sites.append(Site(i, name, loc.city, loc.state or "", zip_key(loc.zip), loc.country,
                          words, own))
    return Summary(record.nct_id or "", tuple(sites)) if sites else None


def variant_words(name: str, city: str | None = None) -> tuple[str, ...]:
    """A facility name reduced to the words that tell it from another name.

    >>> variant_words("The Catholic Univ. of Korea, Seoul St. Mary's Hospital, Inc.", "Seoul")
    ('catholic', 'university', 'korea', 'seoul', 'saint', 'mary', 'hospital')
    """
    words = normalise_name(name).split()
    words = _join_possessives(words)
    words = _strip_legal_forms(words)
    words = [w for k, w in enumerate(words)
             if not (w in JOINING_WORDS and 0 < k < len(words) - 1)]
    words = [_reduced(w) for w in words]
    city_words = [_singular(_transliterated(w)) for w in fold_name(city).split()] if city else []
    # The city and a legal form come off the end in either order: "Texas Oncology, P.A. -
    # Austin", "Mayo Clinic - Rochester", "Pius-Hospital Oldenburg GmbH".
    for _ in range(2):
        words = _strip_legal_forms(words)
        if (city_words and len(words) > len(city_words)
                and words[-len(city_words):] == city_words):
            words = words[:-len(city_words)]
            if len(words) > 1 and words[-1] in JOINING_WORDS:
                words.pop()  # "... at Chapel Hill", "... in Rochester"
    return tuple(_drop_acronyms(words))


def _reduced(word: str) -> str:
    """One folded word as names are compared: singular, abbreviation written out, umlauts
    and marked letters plain ("Centres" = "Centre" = "Center", "Univ" = "University")."""
    singular = _singular(word)
    return _singular(_transliterated(ABBREVIATED_WORDS.get(singular, singular)))


def _join_possessives(words: list[str]) -> list[str]:
    """ "people s" (a possessive typed with a space) -> "peoples"."""
    joined: list[str] = []
    for k, w in enumerate(words):
        following = words[k + 1] if k + 1 < len(words) else ""
        if w == "s" and joined and len(joined[-1]) > 1 and len(following) != 1:
            joined[-1] += "s"  # but "S.A." ("s a") is a legal form
        else:
            joined.append(w)
    return joined


def _strip_legal_forms(words: list[str]) -> list[str]:
    """Drop trailing legal forms: "inc", "ltd", "s a de c v", "p c", "sp z o o"."""
    words = list(words)
    while len(words) > 1:
        if words[-1] in LEGAL_FORMS:
            words.pop()
            continue
        letters = 0
        while letters < len(words) - 1 and len(words[-1 - letters]) == 1:
            letters += 1
        if letters >= 2 and "".join(words[-letters:]) in LEGAL_FORMS:
            del words[-letters:]
            continue
        if len(words) > 2 and words[-1] in {"sp", "spol"}:
            words.pop()
            continue
        if len(words) > 2 and words[-1] == "de" and words[-2] in LEGAL_FORMS:
            words.pop()
            continue
        break
    return words


# Letters that carry their mark in the letter itself, so that folding the accents leaves them:
# "Białymstoku" is "Bialymstoku" without its accents, "Ørebro" is "Orebro".
_UNMARKED = str.maketrans({"ł": "l", "ø": "o", "đ": "d", "ı": "i", "ð": "d", "ħ": "h",
                           "ß": "ss", "æ": "ae", "œ": "oe", "þ": "th"})


def _transliterated(word: str) -> str:
    """German umlauts written out ("Universitaetsklinikum", "Tuebingen") read like the folded
    umlaut ("universitatsklinikum", "tubingen"), and letters such as "ł" and "ø" like their
    plain letter; the same on every name."""
    word = word.translate(_UNMARKED)
    return word.replace("ae", "a").replace("oe", "o").replace("ue", "u")


def _singular(word: str) -> str:
    """Plural and possessive endings off, the same way on every name: "Hospitals" and
    "Hospital", "Children's" and "Childrens", "St James's" and "St James" compare equal."""
    return word.rstrip("s") if len(word) >= 4 and not word.isdigit() else word


def _drop_acronyms(words: list[str]) -> list[str]:
    """Drop a word that is the initials of the words just before or after it:
    "centre hospitalier universitaire vaudois chuv" -> without "chuv"."""
    kept = list(words)
    for k in range(len(words) - 1, -1, -1):
        word = words[k]
        size = len(word)
        if size < _INITIALS_MIN or not word.isalpha():
            continue
        before = "".join(w[0] for w in words[max(0, k - size):k])
        after = "".join(w[0] for w in words[k + 1:k + 1 + size])
        if (k >= size and before == word) or (len(words) - k - 1 >= size and after == word):
            del kept[k]
            break  # one acronym per name is the convention; more would be guessing
    return kept


class _Spelling(NamedTuple):
    text: str  # the name as most of its sites write it
    letters: str  # letters and digits only, case and accents kept: its identity
    records: frozenset[str]


_Item = tuple[Any, str, Site]  # (record reference, record ID, site)


def reduce(summaries: list[tuple[Any, Summary]],
           ctx: Context) -> Iterator[tuple[Any, Problem]]:
    similarity = ctx.options.similarity
    show = ctx.options.show_records
    places: dict[tuple[str, str], list[_Item]] = defaultdict(list)
    for n, (ref, summary) in enumerate(summaries):
        record = summary.record or f"#{n}"
        for site in summary.sites:
            places[(_place(site.city), _place(site.country))].append((ref, record, site))
    for items in places.values():
        for groups in _clusters(items, similarity):
            yield from _report(groups, show)


def _place(name: str) -> str:
    """A city or country as a grouping key: "Tübingen" = "Tuebingen" = "Tubingen"."""
    return _transliterated(place_key(name))


def _clusters(items: list[_Item], similarity: float) -> Iterator[list[list[_Item]]]:
    """The sites of one city and country as facilities: each a list of groups of sites whose
    reduced names are equal, groups joined when their names differ by a misspelt word."""
    by_key: dict[str, list[_Item]] = defaultdict(list)
    for item in items:
        by_key["".join(item[2].words)].append(item)
    keys = sorted(by_key)
    parent = {key: key for key in keys}

    def root(key: str) -> str:
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    if similarity < 100 and len(keys) > 1:
        words = [by_key[key][0][2].words for key in keys]
        spaced = [" ".join(w) for w in words]
        for a, text in enumerate(spaced):
            for _, _score, b in process.extract(text, spaced, scorer=fuzz.ratio,
                                                 score_cutoff=similarity, limit=None):
                if b > a and _misspelt(words[a], words[b]):
                    parent[root(keys[b])] = root(keys[a])
    clusters: dict[str, list[list[_Item]]] = defaultdict(list)
    for key in keys:
        clusters[root(key)].append(by_key[key])
    for groups in clusters.values():
        if len({site.name for group in groups for _, _, site in group}) > 1:
            yield groups


def _misspelt(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Whether two reduced names are one name with one or two misspelt words."""
    if len(a) != len(b):
        return False
    pairs = [(x, y) for x, y in zip(a, b, strict=True) if x != y]
    if not pairs or len(pairs) > 2:
        return False
    for x, y in pairs:
        if x in _DISTINCT or y in _DISTINCT or not x.isalpha() or not y.isalpha():
            return False
        if min(len(x), len(y)) < 5:
            return False
        allowed = 1 if min(len(x), len(y)) < 8 else 2
        if OSA.distance(x, y, score_cutoff=allowed) > allowed or _ending(x, y):
            return False
        if _transliterations(x, y):
            return False
    return True


def _transliterations(x: str, y: str) -> bool:
    """Whether two proper names (neither a facility word) are one name transliterated two
    ways: a vowel between two consonants written or left out ("Malaviya" / "Malviya", the
    short vowel of Hindi and other scripts). A vowel dropped beside another ("Zhejang" for
    "Zhejiang") or from a facility word ("Unversity", "Affilated") is a misspelling."""
    vocabulary = facility_vocabulary()
    if x in vocabulary or y in vocabulary or abs(len(x) - len(y)) != 1:
        return False
    short, long = sorted((x, y), key=len)
    return any(long[k] in _VOWELS and long[:k] + long[k + 1:] == short
               and long[k - 1] not in _VOWELS and long[k + 1] not in _VOWELS
               for k in range(1, len(long) - 1))


_VOWELS = frozenset("aeiouy")


def _ending(x: str, y: str) -> bool:
    """Whether two words differ only in their ending, as a word's forms do: "Ospedaliero" /
    "Ospedaliera", "Universitario" / "Universitari" (Spanish and Catalan), "Klinik" /
    "Klinikum". Such a pair is two forms of a name, not a word misspelt; "Universitiy" and
    "Hospitl" change more than the ending."""
    common = next((k for k, (a, b) in enumerate(zip(x, y, strict=False)) if a != b),
                  min(len(x), len(y)))
    tails = sorted((x[common:], y[common:]), key=len)
    if not tails[0]:
        return len(tails[1]) <= 2
    return len(tails[0]) == len(tails[1]) == 1 and set(tails[0] + tails[1]) <= _VOWELS


def _report(groups: list[list[_Item]], show: int) -> Iterator[tuple[Any, Problem]]:
    """Report the sites of one facility whose name is misspelt, or loses the capitals of a name.

    A group holds names equal once every accepted difference is set aside (`variant_words`):
    they are one spelling for this check, and differ only in a wrong capital inside a word or
    a character lost to a wrong encoding, if at all. Groups are joined when their names differ
    by a misspelt word; the group that most records use is then the right spelling. With no
    such group (a tie), which one is misspelt cannot be told and none is reported."""
    for group in groups:
        yield from _report_capitals(group, show)
    records = [len({record for _, record, _ in group}) for group in groups]
    top = max(records)
    if records.count(top) > 1:
        return
    lead = groups[records.index(top)]
    best = _suggestion(_spellings(lead))
    if best is None:
        return
    right = lead[0][2].words
    vocabulary = facility_vocabulary()
    for group, used in zip(groups, records, strict=True):
        if group is lead:
            continue
        differ = {w for x, y in zip(group[0][2].words, right, strict=False) if x != y
                  for w in (x, y)}
        if not differ & vocabulary and used > 1 and used * 3 > top:
            continue  # a proper name several records write so: another name, not a slip
        for ref, record, site in group:
            if site.own or not _misspelt(site.words, right):
                continue  # the sponsor's own name for its site is its to spell
            if _accents(site.name) > _accents(best.text) or (
                    _APOCOPE.search(site.name) and not _APOCOPE.search(best.text)):
                continue  # never suggest taking accents off, nor "Cà" for "Ca'"
            pairs = [(_written(x, site.name), _written(y, best.text))
                     for x, y in zip(site.words, right, strict=True) if x != y]
            yield from _finding(ref, record, site, lead, pairs, best.text, show, "spell")


def _report_capitals(group: list[_Item], show: int) -> Iterator[tuple[Any, Problem]]:
    """Sites of one spelling that write a word of the name with fewer of the capitals inside it
    than the spelling most records use ("Nhs" for "NHS", "Mcmaster" for "McMaster"), or with a
    character lost to a wrong encoding ("People?s")."""
    best = _suggestion(_spellings(group))
    if best is None:
        return
    suggested = [item for item in group if _letters(item[2].name) == best.letters]
    for ref, record, site in group:
        if site.own or site.name == best.text:
            continue
        if _damaged(site.name) and not _damaged(best.text):
            intact = [item for item in suggested if not _damaged(item[2].name)]
            yield from _finding(ref, record, site, intact, [], best.text, show, "write")
            continue
        lost = _lost_capitals(site, best.text)
        if lost:  # else case, spacing, punctuation and accepted forms: no finding
            yield from _finding(ref, record, site, suggested, lost, best.text, show, "write")


def _finding(ref: Any, record: str, site: Site, right: list[_Item],
             pairs: list[tuple[str, str]], spelling: str, show: int,
             verb: str) -> Iterator[tuple[Any, Problem]]:
    """The finding on a site whose words ``pairs`` (as written, as the ``right`` sites write
    them) differ, or (no pairs) that has a damaged character where ``spelling`` has none. The
    repair is the site's own name with those words put right: never a name of other records
    that drops or adds its city, a department or a legal form."""
    others = sorted({rec for _, rec, other in right
                     if rec != record and _compatible(site, other)})
    if not others:
        return
    local = [other.location for r, rec, other in right if r == ref and rec == record]
    shown = ", ".join(others[:show]) + (", ..." if len(others) > show else "")
    count = f"{len(others)} other record{'s' if len(others) != 1 else ''}"
    where = ", ".join(p for p in (site.city, site.state, site.country) if p)
    repaired = _repaired(site.name, pairs) if pairs else spelling
    verb += "s" if len(others) == 1 else ""
    if pairs:
        words = ", ".join(f"{x!r} for {y!r}" for x, y in pairs)
        what = f"has {words}; {count} of the run ({shown}) {verb} it right"
    else:
        what = (f"has a character lost to a wrong encoding; {count} of the run ({shown}) "
                f"{verb} it whole")
    message = f"facility {site.name!r} ({where}) {what}: {repaired!r}"
    related = (f"locations[{local[0]}].facility",) if local else ()
    yield ref, Problem(field=f"locations[{site.location}].facility", message=message,
                       related=related)


def _repaired(name: str, pairs: list[tuple[str, str]]) -> str:
    """The name with each wrong word replaced by the right one, in the wrong one's case."""
    for wrong, right in pairs:
        if wrong.isupper() and len(wrong) > 1 and not right.isupper():
            right = right.upper()
        elif wrong.islower() and not right.islower() and not _lost_capital(wrong, right):
            right = right.lower()
        found = re.search(rf"(?<!\w){re.escape(wrong)}(?!\w)", name)
        if found is not None:
            name = name[:found.start()] + right + name[found.end():]
    return name


def _lost_capital(word: str, other: str) -> bool:
    return any(o.isupper() and w.islower() for o, w in zip(other[1:], word[1:], strict=False))


_DAMAGE = re.compile(r"\?(?=\w)|\ufffd")


def _damaged(name: str) -> bool:
    return bool(_DAMAGE.search(name))


def _written(word: str, name: str) -> str:
    """A reduced word as the name writes it ("universitiy" -> "Universitiy")."""
    for token in _WORDS.findall(name):
        folded = fold_name(token).replace(" ", "")
        if _reduced(folded) == word:
            return str(token)
    return word


def _lost_capitals(site: Site, suggestion: str) -> list[tuple[str, str]]:
    """Words the site writes with fewer capitals inside them than the suggestion: an acronym
    ("Nhs" / "NHS") or a capital inside a name ("Cancercare" / "CancerCare"). A word of the
    site's own city or state is written as that field writes it ("Nanchang", not "NanChang");
    a word the suggestion writes in capitals throughout is an acronym only when short."""
    if _all_caps(suggestion):
        return []
    forms = {w.casefold(): w for w in _WORDS.findall(suggestion)}
    places = {w.casefold(): w for w in _WORDS.findall(f"{site.city} {site.state}")}
    lost = []
    for word in _WORDS.findall(site.name):
        other = forms.get(word.casefold())
        if other is None or other == word or word.casefold() in _LOWER_OK:
            continue
        if (word.isupper() and len(word) > 1) or (other.isupper() and len(other) > 5):
            continue
        if word.casefold() in places and places[word.casefold()] != other:
            continue
        if len(word) == len(other) and _lost_capital(word, other):
            lost.append((word, other))
    return lost


def _compatible(a: Site, b: Site) -> bool:
    """Whether two sites may be one: no two different states or zip codes."""
    if a.zip and b.zip and a.zip != b.zip:
        return False
    state_a, state_b = place_key(a.state), place_key(b.state)
    if not state_a or not state_b or state_a.startswith(state_b) or state_b.startswith(state_a):
        return True
    # "Jilin" and "Jinlin": one state mistyped, not two states.
    return min(len(state_a), len(state_b)) >= 5 and Levenshtein.distance(
        state_a, state_b, score_cutoff=1) <= 1


def _spellings(group: list[_Item]) -> list[_Spelling]:
    """The group's spellings (same letters, case and accents = one spelling) and their records."""
    texts: dict[str, Counter[str]] = defaultdict(Counter)
    records: dict[str, set[str]] = defaultdict(set)
    for _, record, site in group:
        letters = _letters(site.name)
        texts[letters][site.name] += 1
        records[letters].add(record)
    # A spelling is shown as most of its sites write it, a tidy way first ("St Marys", not
    # "St Mary s", which has the same letters).
    return [_Spelling(min(texts[k], key=lambda t: (_untidy(t), -texts[k][t])), k,
                      frozenset(records[k])) for k in texts]


def _suggestion(spellings: list[_Spelling]) -> _Spelling | None:
    """The spelling to suggest: the best written, then the most used; None on a tie."""
    most_accents = max(_accents(s.text) for s in spellings)
    least_abbreviations = min(_abbreviations(s.text) for s in spellings)

    def flaws(s: _Spelling) -> int:
        # "Ca' Granda" is not "Cà Granda" without its accent: an apostrophe ending a word is
        # an apocope (Italian) that the accented spelling only imitates.
        unaccented = _accents(s.text) < most_accents and not _APOCOPE.search(s.text)
        return (_all_caps(s.text) + _lower_english(s.text) + _untidy(s.text) + unaccented
                + (_abbreviations(s.text) > least_abbreviations))

    ranked = sorted(spellings, key=lambda s: (flaws(s), -len(s.records)))
    best = ranked[0]
    if len(ranked) > 1 and (flaws(ranked[1]), len(ranked[1].records)) == (
            flaws(best), len(best.records)):
        return None
    return best


_NOT_LETTERS = re.compile(r"[\W_]+")
_WORDS = re.compile(r"(?<!\w)[^\W\d_]+(?:['’][^\W\d_]+)*")
# English words of an institution's name that an English name writes with a capital.
_ENGLISH_NAME_WORDS = _wordset("""
    hospital hospitals university medical center centre college clinic institute affiliated
    school research health cancer first second third fourth fifth sixth people's peoples
    saint sainte san santa sao são
""")
# Words a name may keep in lower case in any language: not a difference of case that matters.
_LOWER_OK = JOINING_WORDS | {"fur", "für", "y", "e", "i", "o", "s", "a", "u"}
_ABBREVIATED = frozenset(k for k in ABBREVIATED_WORDS if k not in {"st", "ste", "centre"})
# A trailing mark, a space before a comma, doubled spaces, a possessive typed apart ("People' s",
# "Mary s Hospital"), or a character lost to a wrong encoding ("l?Université", "?ukaszczyka").
_UNTIDY = re.compile(r"[,;:&/-]\s*$|\s,|\s{2}|\w['’] s\b|\w s (?=[A-Z])|^\s|\s$|\?(?=\w)|\ufffd")
_WRITTEN_UMLAUT = re.compile(r"(?<=[^\W\d_])[aou]e(?=[^\W\d_])")
_APOCOPE = re.compile(r"[^\W\d_]['’](?=\s|$)")


def _letters(name: str) -> str:
    """Letters and digits, case and accents kept, "&" read as "and": a spelling's identity."""
    return _NOT_LETTERS.sub("", unicodedata.normalize("NFC", name.replace("&", "and")))


def _lower_english(name: str) -> bool:
    """English words of a name in lower case ("Beijing Cancer hospital"), or all of it."""
    words = _WORDS.findall(name)
    if words and all(w.islower() for w in words):
        return True
    return any(w.islower() and w.replace("’", "'") in _ENGLISH_NAME_WORDS for w in words)


def _abbreviations(name: str) -> int:
    return sum(1 for w in _WORDS.findall(name) if w.casefold() in _ABBREVIATED)


def _untidy(name: str) -> bool:
    return bool(_UNTIDY.search(name))


def _accents(name: str) -> int:
    """How much of its accents a spelling keeps: an accented letter counts two, an umlaut
    written out ("ae", "oe", "ue") one, so "Universität" > "Universitaet" > "Universitat"."""
    marks = sum(1 for c in unicodedata.normalize("NFD", name) if unicodedata.combining(c))
    return 2 * marks + len(_WRITTEN_UMLAUT.findall(name))


def _all_caps(name: str) -> bool:
    letters = [c for c in name if c.isalpha()]
    return len(letters) > 6 and all(c.isupper() for c in letters if c.lower() != c.upper())
