"""Age phrases in a criteria text, read as written: "≥ 18 years", "aged 18-75", "6 weeks to
18 months".

`Text` spells a criteria text in ASCII ("≥" is ">=", a decimal comma "2,5" is "2.5") without
markdown escapes and maps each position back to the text as given; `find_phrases` finds the
age-like phrases of its lower-cased form, and `read_phrase` the bounds one phrase states,
before any reading of what they limit (`age_limits` decides that).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from fractions import Fraction
from typing import Literal

from lintrials.knowledge.ages import UNIT_DAYS

__all__ = ["MAX_VALUE", "Bound", "Kind", "Text", "find_phrases", "flip", "read_phrase"]

Kind = Literal["lower", "upper"]


# --- normalising the text ----------------------------------------------------------------

_CHAR_MAP = {
    "≥": ">=", "⩾": ">=", "≧": ">=", "≤": "<=", "⩽": "<=", "≦": "<=", "＞": ">", "＜": "<",
    "＝": "=", "–": "-", "—": "-", "−": "-", "‐": "-", "‑": "-", "～": "~", "〜": "~",
    "（": "(", "）": ")", "；": ";", "：": ":", "，": ",", "、": ",", "。": ".", "\u00a0": " ",
    "\u2009": " ", "\u202f": " ", "\u3000": " ", "’": "'", "‘": "'", "\r": "",
}
_ESCAPABLE = frozenset("\\`*_{}[]()#+-.!<>=~|^&:;,/'\"%$@")


# Numbers in words, which criteria write for ages too ("between eighteen and sixty-five years",
# "six to twelve months", "eighteen (18) years"): each reads as its digits. "One" is left as
# it is ("one of the following").
_UNITS_WORDS = ("two", "three", "four", "five", "six", "seven", "eight", "nine")
_TEENS = ("ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
          "seventeen", "eighteen", "nineteen")
_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_NUMBER_WORD_VALUE = {w: i + 2 for i, w in enumerate(_UNITS_WORDS)} | {
    w: i + 10 for i, w in enumerate(_TEENS)} | {w: (i + 2) * 10 for i, w in enumerate(_TENS)}
_NUMBER_WORD = (
    r"(?<![\w-])(?P<word>(?P<tens>" + "|".join(_TENS) + r")(?:[ -](?P<ones>one|"
    + "|".join(_UNITS_WORDS) + r"))?|" + "|".join(_TEENS + _UNITS_WORDS) + r")(?![\w-])"
    r"(?:[ \t]*\([ \t]*\d{1,3}[ \t]*\))?")


def _number_word(m: re.Match[str]) -> str:
    word = m.group("word").lower()
    if m.group("tens"):
        ones = m.group("ones")
        return str(_NUMBER_WORD_VALUE[m.group("tens").lower()]
                   + (1 if ones and ones.lower() == "one" else
                      _NUMBER_WORD_VALUE[ones.lower()] if ones else 0))
    return str(_NUMBER_WORD_VALUE[word])


_SPECIAL = re.compile(
    r"\\[" + re.escape("".join(sorted(_ESCAPABLE))) + "]|["
    + re.escape("".join(sorted(_CHAR_MAP))) + "]|" + _NUMBER_WORD
    # a decimal comma, "2,5 years" (one digit after it: "1,000" and "1, 2" are not decimals)
    + r"|(?<![.,]\d)(?<![.,]\d\d)(?<=\d)(?P<decimal>,)(?=\d(?![\d.,]))", re.IGNORECASE)


@dataclass
class Text:
    """A criteria text with markdown escapes dropped, symbols spelled in ASCII ("≥" is
    ">=", "2,5" is "2.5") and numbers in words as digits ("sixty-five" is "65"), and where each
    replaced piece came from in the text as given."""

    text: str
    # (start in text, length in text, start in original, length in original), in order
    changes: list[tuple[int, int, int, int]]
    change_starts: list[int]

    @classmethod
    def of(cls, original: str) -> Text:
        pieces: list[str] = []
        changes: list[tuple[int, int, int, int]] = []
        last = 0
        length = 0
        for m in _SPECIAL.finditer(original):
            ch = m.group()
            rep = ("." if m.group("decimal") else _number_word(m) if m.group("word") else
                   _CHAR_MAP.get(ch[-1], ch[-1]) if ch[0] == "\\" else _CHAR_MAP[ch])
            pieces.append(original[last:m.start()])
            length += m.start() - last
            changes.append((length, len(rep), m.start(), len(ch)))
            pieces.append(rep)
            length += len(rep)
            last = m.end()
        pieces.append(original[last:])
        return cls("".join(pieces), changes, [c[0] for c in changes])

    def _original(self, pos: int, end: bool) -> int:
        """Where the character at ``pos`` starts (or, with ``end``, ends) in the original."""
        i = bisect.bisect_right(self.change_starts, pos) - 1
        if i >= 0:
            start, length, orig_start, orig_length = self.changes[i]
            if pos < start + length:
                return orig_start + (orig_length if end else 0)
            pos = pos - start - length + orig_start + orig_length
        return pos + 1 if end else pos

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        return self._original(start, False), self._original(end - 1, True)



# --- age phrases ---------------------------------------------------------------------------

_GE = (r"(?:>\s*/?\s*=|=\s*>|at\s+least|(?:greater|more|older|higher)\s+than\s+(?:or\s+)?equal"
       r"(?:\s+to)?|equal\s+(?:to\s+)?or\s+(?:greater|more|older|higher)\s+than|"
       r"(?:of|at)\s+or\s+(?:above|over|older\s+than|greater\s+than)|"
       r"not?\s+(?:less|younger|lower)\s+than|minimum(?:\s+age)?(?:\s+of)?|min\.?|"
       r"starting\s+(?:at|from))")
_GT = (r"(?:>|(?:greater|more|older|higher)\s+than|over|above|beyond|exceeding|exceeds|"
       r"past)")
_LE = (r"(?:<\s*/?\s*=|=\s*<|at\s+most|(?:less|younger|lower)\s+than\s+(?:or\s+)?equal(?:\s+to)?|"
       r"equal\s+(?:to\s+)?or\s+(?:less|younger|lower)\s+than|(?:of|at)\s+or\s+(?:below|under|"
       r"younger\s+than|less\s+than)|not?\s+(?:more|older|greater|higher)\s+than|"
       r"maximum(?:\s+age)?(?:\s+of)?|max\.?|up\s+to(?:\s+and\s+including)?|upto|until|till|"
       r"through|thru)")
_LT = r"(?:<|(?:less|younger|lower)\s+than|under|below|before)"


def _comp(s: str) -> str:
    # A comparator, maybe spelled twice ("greater than or equal to (>=)"), maybe followed by
    # "the age of": "over the age of 18".
    return (rf"(?:(?<![<>=])(?=[<>=])|(?<![a-z])(?=[a-z]))"
            rf"(?:(?P<ge{s}>{_GE})|(?P<le{s}>{_LE})|(?P<gt{s}>{_GT})|(?P<lt{s}>{_LT}))"
            rf"(?:\s*\(\s*[<>]?=?[<>]?\s*\))?"
            rf"\s*(?P<theage{s}>(?:the\s+)?ages?\s*(?:of\s*)?)?")


_NUM = r"(?<![\w.,/^])(?P<num{s}>\d{{1,3}}(?:\.\d+)?)(?!\d|[.,]\d|\s*(?:%|/|\^|x\b))"
# (Words are split by single separators: a run of letters splits one way only.)
_NUMWORD = r"(?:\s*\([a-z]+(?:[\s-][a-z]+){{0,2}}[\s-]?\))?"
_UNIT = (r"(?:[\s-]*(?P<unit{s}>years?|yrs?\b\.?|yr\.?|y\.?o\b\.?|y/o|months?|mos?\b\.?|mths?\b|"
         r"weeks?|wks?\b\.?|days?|hours?|hrs?\b\.?|minutes?|mins?\b\.?|y(?![a-z])|a\b(?=\s*old)))")
_OLD = (r"(?:[\s-]*(?P<old{s}>old|of\s+age|in\s+age|of\s+life|of\s+chronological\s+age|"
        r"age(?![\w-])|yo\b|y/o|y\.o\.?))")
_NOT_A_NUMBER_NEXT = r"(?!\s*(?:than|(?:the\s+)?(?:age\s+(?:of\s+)?)?\d))"
_POST = (r"(?:\s*(?:(?P<postge{s}>\+|(?:or|and|&|/)\s*(?:older|over|above|greater|more|up"
         r"(?:wards?)?|beyond|higher|elder)" + _NOT_A_NUMBER_NEXT + r")|"
         r"(?P<postle{s}>(?:or|and|&|/)\s*(?:younger|under|below|less|lower)"
         + _NOT_A_NUMBER_NEXT + r")))")


def _bound(s: str) -> str:
    return (f"{_NUM}{_NUMWORD}{_UNIT}?{_OLD}?{_POST}?").format(s=s) + (
        f"{_OLD}?").format(s=s + "b")


_SEP = r"(?P<sep>-+|~|to|and|or|through|thru|until|till|up\s+to|,)"
_PHRASE = re.compile(
    rf"""(?P<between>\b(?:between|from)\s*(?:the\s+)?(?:ages?\s+(?:of\s+)?)?)?(?:{_comp("1")}\s*)?{_bound("1")}
    (?:\s*(?:(?:inclusive(?:ly)?,?|,)\s*)?{_SEP}\s*(?:{_comp("2")}\s*)?{_bound("2")})?""",
    re.VERBOSE,  # matched against the lower-cased text
)


def _unit_of(name: str | None) -> str | None:
    if not name:
        return None
    u = name.lower()
    if u.startswith(("y", "a")):
        return "years"
    if u.startswith(("mo", "mth")):
        return "months"
    if u.startswith("w"):
        return "weeks"
    if u.startswith("d"):
        return "days"
    if u.startswith("h"):
        return "hours"
    return "minutes"



@dataclass
class Bound:
    kind: Kind
    inclusive: bool
    value: Fraction
    unit: str | None
    span: tuple[int, int]
    strict: bool = False


def _direction(m: re.Match[str], s: str) -> tuple[Kind, bool] | None:
    if m.group(f"ge{s}") or m.group(f"postge{s}"):
        return "lower", True
    if m.group(f"gt{s}"):
        return "lower", False
    if m.group(f"le{s}") or m.group(f"postle{s}"):
        return "upper", True
    if m.group(f"lt{s}"):
        return "upper", False
    return None


def _comp_start(m: re.Match[str], s: str) -> int:
    for g in (f"ge{s}", f"gt{s}", f"le{s}", f"lt{s}"):
        if m.group(g):
            return m.start(g)
    return m.start(f"num{s}")


def _bound_end(m: re.Match[str], s: str) -> int:
    end = m.end(f"num{s}")
    for g in (f"unit{s}", f"old{s}", f"postge{s}", f"postle{s}", f"old{s}b"):
        if m.group(g):
            end = max(end, m.end(g))
    return end


_RANGE_SEPS = frozenset({"-", "~", "to", "through", "thru", "until", "till", "up to"})


def _number(digits: str) -> Fraction:
    return Fraction(int(digits)) if digits.isdigit() else Fraction(digits)


def read_phrase(m: re.Match[str], loose: bool = False) -> tuple[list[Bound], str | None] | None:
    """The bounds a phrase states, as written (before turning exclusion statements around).

    With ``loose``, a range written backwards ("65 to 18 years", "0 to 0 years") is read as
    written, lower end first, instead of being dropped as no range at all.
    """
    first = _direction(m, "1")
    v1 = _number(m.group("num1"))
    unit1 = _unit_of(m.group("unit1"))
    span1 = (_comp_start(m, "1"), _bound_end(m, "1"))
    if m.group("num2") is None:
        if first is None:
            return None  # a bare "18 years old" is an age, not a limit
        return [Bound(first[0], first[1], v1, unit1, span1, not first[1])], None
    sep = re.sub(r"\s+", " ", m.group("sep").lower())
    sep = "-" if sep.startswith("-") else sep
    second = _direction(m, "2")
    v2 = _number(m.group("num2"))
    unit2 = _unit_of(m.group("unit2"))
    u1, u2 = unit1 or unit2, unit2 or unit1
    if (u1 and u2 and UNIT_DAYS[u1] * v1 >= UNIT_DAYS[u2] * v2 and (first or second) is None
            and not loose):
        return None  # "65-18": not a range
    whole = (m.start(), _bound_end(m, "2"))
    between = m.group("between") is not None
    if first is None and second is None:
        # "18 to 65", "18-65", "between 18 and 65": an inclusive range.
        if sep not in _RANGE_SEPS and not (sep == "and" and between):
            return None
        return [Bound("lower", True, v1, u1, whole), Bound("upper", True, v2, u2, whole)], sep
    if second is None:
        # "≥ 18 to 65 years": a range whose lower end is marked.
        if first is not None and first[0] == "lower" and sep in _RANGE_SEPS:
            return [Bound("lower", first[1], v1, u1, span1, not first[1]),
                    Bound("upper", True, v2, u2, (m.start("num2"), whole[1]))], sep
        return None
    if first is None:
        # "18 to ≤ 30 years": a range whose upper end is marked.
        if second[0] == "upper" and (sep in _RANGE_SEPS or between) and (v1 < v2 or loose):
            return [Bound("lower", True, v1, u1, (m.start("num1"), m.end("num1"))),
                    Bound("upper", second[1], v2, u2, (_comp_start(m, "2"), whole[1]),
                           not second[1])], sep
        return None
    if first[0] == second[0]:
        return None  # "> 18 and > 20": not a pair of bounds
    span2 = (_comp_start(m, "2"), _bound_end(m, "2"))
    return [Bound(first[0], first[1], v1, u1, span1, not first[1]),
            Bound(second[0], second[1], v2, u2, span2, not second[1])], sep


def flip(b: Bound) -> Bound:
    # An excluded age turned into the limit on participants: "exclude > 75" -> "<= 75".
    kind: Kind = "upper" if b.kind == "lower" else "lower"
    return Bound(kind, not b.inclusive, b.value, b.unit, b.span, b.strict)


MAX_VALUE = {"years": 130, "months": 400, "weeks": 200, "days": 400, "hours": 200,
              "minutes": 600}


_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_NOT_BEFORE_NUMBER = frozenset(".,/^_")
# Words near a number that may make it an age; numbers without any are not looked at.
_CUE = re.compile(r"age|year|yr|old|month|mo\b|week|wk|day|hour|minute|\dy")
_CUE_BEFORE, _CUE_AFTER = 80, 60
# Where a phrase may start before its number: a comparison sign or word, or "between/from".
_PHRASE_START = re.compile(
    r"[<>=]|\b(?:at|greater|more|older|higher|equal|of|not?|minimum|min|starting|over|above|"
    r"beyond|exceed\w*|past|less|younger|lower|maximum|max|up|until|till|through|thru|under|"
    r"below|before|between|from)\b")
_LOOKBACK = 60


def find_phrases(low: str) -> list[re.Match[str]]:
    """The age-like phrases of a lower-cased text: each number that has an age word near it,
    with the comparison before it and the unit, range or "or older" after it."""
    cues = [m.start() for m in _CUE.finditer(low)]
    found: list[re.Match[str]] = []
    done = 0
    for number in _NUMBER.finditer(low):
        at = number.start()
        if at < done or (at and (low[at - 1].isalnum() or low[at - 1] in _NOT_BEFORE_NUMBER)):
            continue
        i = bisect.bisect_left(cues, at - _CUE_BEFORE)
        if i == len(cues) or cues[i] > number.end() + _CUE_AFTER:
            continue
        window = max(done, at - _LOOKBACK)
        starts = [s.start() for s in _PHRASE_START.finditer(low, window, at)] + [at]
        for start in starts:
            m = _PHRASE.match(low, start)
            if m is not None and m.start("num1") == at:
                found.append(m)
                done = m.end()
                break
    return found

