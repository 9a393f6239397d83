"""Ages: the registry's age fields, and the age limits that eligibility criteria state in words.

Shared by every check that compares ages:

- `parse_age_field` reads a minimum/maximum age field as the registry writes it ("18 Years",
  "6 Months", "N/A") into an `Age`, or None when it sets no limit (`is_no_limit` tells "N/A"
  from a value that is no age at all). `Age.days` puts every unit on one scale.
- `stated_age_limits` finds the participant's age limits in a criteria text ("Age ≥ 18 to
  ≤ 65 years", "aged 18-75", "18 years of age or older", "under 18", "6 weeks to 18 months")
  and returns each bound as a `StatedLimit`: lower or upper, inclusive or exclusive, its age,
  the joining word of a two-bound phrase ("or" in "≥ 18 or ≤ 75"), and the character spans of
  its words and of the whole phrase in the text as given (spans survive the markdown escapes
  ``\\>`` and ``\\<`` of API v2 JSON and the wrapped, indented lines of legacy XML).
- `age_mentions` adds the ages a text gives for sub-groups and conditions, marked not
  confident; `age_statements` adds to those the statements that cannot be a limit at all
  ("65 to 18 years", "18 to 150 years"); `says_no_age_limit` spots "no age limit" / "all
  ages"; `criteria_sections` finds the inclusion and exclusion parts, and `criteria_items`
  the items of a criteria text (bullets, numbered items, headings, paragraphs) with their
  indentation, marker and part. A text is read once: several checks asking about the same
  text share the reading.

Bounds are limits on the *participant's* age, so statements in the exclusion part are turned
around: "Exclusion: age > 75" is an inclusive upper limit of 75, "Exclusion: under 18" an
inclusive lower limit of 18. On the exclusion side only a statement of age alone counts (not
"patients over 75 with heart failure", nor a range, which there names a sub-group).

Not read as an age limit: ages of other people (partners, parents, children of participants,
donors, household members, criteria headed "Donor inclusion criteria"), age at onset or
diagnosis, gestational, bone or corrected age, durations ("for ≥ 5 years", "within 6 months",
"history of X for 5 years", "menopause for at least 12 months"), life expectancy, conditions
("for patients > 16 years of age use Karnofsky", "if under 18, assent"), and sub-groups
(nested sub-items, "Part B", "one of the following"). A phrase counts only when the word
*age* (aged, ages, "the age of") leads to it, or it says "old", "of age", "older" or
"younger", or it is in years and nothing but words for the participants stands before it
("Adult men ≥ 18 years"); and, in each case, when the words before it in its criterion are
only words for the participants.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from fractions import Fraction
from typing import Literal, NamedTuple

__all__ = [
    "Age",
    "CriteriaItem",
    "StatedLimit",
    "age_mentions",
    "age_statements",
    "criteria_items",
    "criteria_sections",
    "is_no_limit",
    "parse_age_field",
    "says_no_age_limit",
    "stated_age_limits",
]

# Days in each unit: a year is 365.25 days and a month a twelfth of it, so "12 Months" and
# "1 Year", or "6 Weeks" and "42 Days", are the same age.
UNIT_DAYS: dict[str, Fraction] = {
    "years": Fraction(1461, 4),
    "months": Fraction(1461, 48),
    "weeks": Fraction(7),
    "days": Fraction(1),
    "hours": Fraction(1, 24),
    "minutes": Fraction(1, 1440),
}


@dataclass(frozen=True)
class Age:
    """An age as a number and a unit ("years", "months", "weeks", "days", "hours", "minutes")."""

    value: Fraction
    unit: str

    @property
    def days(self) -> Fraction:
        """The age in days, the common unit in which ages of different units compare."""
        return self.value * UNIT_DAYS[self.unit]

    def plus(self, units: int) -> Age:
        """The age ``units`` of its own unit later (or earlier, when negative)."""
        return Age(self.value + units, self.unit)

    def __str__(self) -> str:
        number = str(self.value.numerator) if self.value.denominator == 1 else str(
            float(self.value))
        unit = self.unit[:-1] if self.value == 1 else self.unit
        return f"{number} {unit.capitalize()}"


_FIELD = re.compile(
    r"\s*(\d+(?:\.\d+)?)\s*(year|month|week|day|hour|minute)s?\s*", re.IGNORECASE)
_NO_LIMIT = re.compile(r"\s*(?:N/?A|none|no limit|not applicable)?\s*", re.IGNORECASE)


def parse_age_field(text: str | None) -> Age | None:
    """Read an age field ("18 Years", "1 Month", "N/A") into an `Age`; None means no limit.

    A field that is neither an age nor a "no limit" value (a typo such as "18 Yeras") is also
    None; `is_no_limit` tells the two apart.
    """
    if text is None:
        return None
    m = _FIELD.fullmatch(text)
    if not m:
        return None
    return Age(Fraction(m.group(1)), m.group(2).lower() + "s")


def is_no_limit(text: str | None) -> bool:
    """True when an age field sets no limit: absent, empty or "N/A"."""
    return text is None or bool(_NO_LIMIT.fullmatch(text))


Kind = Literal["lower", "upper"]
# "other": criteria for someone else than the participants (donors, partners, caregivers).
Section = Literal["inclusion", "exclusion", "unknown", "other"]


@dataclass(frozen=True)
class StatedLimit:
    """One bound on the participant's age that a criteria text states.

    ``span`` covers the bound's own words ("≤ 65 years" in "Age ≥ 18 to ≤ 65 years"; the whole
    range in "aged 18 to 65 years"); ``phrase_span`` the whole age statement ("Age ≥ 18 to
    ≤ 65 years"). Both are ``(start, end)`` offsets in the criteria text as given.

    ``section`` says which part of the criteria the statement stands in. On the exclusion side
    ``kind`` and ``inclusive`` already describe the limit on participants: "Exclusion: age > 75"
    is an upper, inclusive limit of 75 years. ``strict_written`` is true when the words used a
    strict comparison ("> 17", "under 18", "Exclusion: > 75"), which people read two ways.
    ``joined_by`` is the word between the two bounds of one phrase ("to", "-", "and", "or"),
    None for a single bound. ``confident`` is false for an age mention that is probably not a
    limit on all participants (a sub-group, a condition, a nested sub-criterion): such mentions
    come only from `age_mentions`.
    """

    kind: Kind
    inclusive: bool
    age: Age
    span: tuple[int, int]
    phrase_span: tuple[int, int]
    section: Section
    joined_by: str | None = None
    strict_written: bool = False
    confident: bool = True

    @property
    def days(self) -> Fraction:
        """The bound in days, the common unit."""
        return self.age.days

    def agreeing_fields(self, lenient: bool = True) -> tuple[Age, ...]:
        """The age-field values that say the same as this bound.

        Fields count whole years (months, ...): a maximum of "64 Years" admits everyone until
        the 65th birthday. So "≤ 65" agrees with a maximum of 65 Years only, "< 80" with 79
        Years, and "Exclusion: > 75" with 75 Years. "> 17" agrees with a minimum of 18 Years
        (whole years) and with 17 Years (any day past the 17th birthday).

        With ``lenient``, a strict comparison also agrees with what many writers mean by it:
        "< 65" with a maximum of 65 Years ("up to 65"), "Exclusion: > 75" with a maximum of
        74 Years ("75 and over are excluded"). A fraction ("17.5 years") agrees with the
        whole numbers on either side, since fields hold whole numbers.
        """
        age = self.age
        if self.kind == "lower":
            values = [age] if self.inclusive else [age, age.plus(1)]
        else:
            values = [age] if self.inclusive else [age.plus(-1)]
            if lenient and self.strict_written:
                values.append(age.plus(-1) if self.inclusive else age)
        if age.value.denominator != 1:
            floor = Fraction(age.value.numerator // age.value.denominator)
            values += [Age(floor, age.unit), Age(floor + 1, age.unit)]
        return tuple(values)

    def agrees_with(self, field: Age | None, lenient: bool = True) -> bool:
        """Whether an age field (None: no limit) says the same as this bound."""
        if field is None:
            # No minimum is a minimum of 0; no maximum matches no stated upper bound.
            return self.kind == "lower" and self.age.value == 0
        return any(a.days == field.days for a in self.agreeing_fields(lenient))

    def describe(self) -> str:
        """The bound in words, as a limit on participants: "at most 65 Years"."""
        words = {("lower", True): "at least", ("lower", False): "over",
                 ("upper", True): "at most", ("upper", False): "under"}
        return f"{words[self.kind, self.inclusive]} {self.age}"


# --- normalising the text ----------------------------------------------------------------

_CHAR_MAP = {
    "≥": ">=", "⩾": ">=", "≧": ">=", "≤": "<=", "⩽": "<=", "≦": "<=", "＞": ">", "＜": "<",
    "＝": "=", "–": "-", "—": "-", "−": "-", "‐": "-", "‑": "-", "～": "~", "〜": "~",
    "（": "(", "）": ")", "；": ";", "：": ":", "，": ",", "、": ",", "。": ".", "\u00a0": " ",
    "\u2009": " ", "\u202f": " ", "\u3000": " ", "’": "'", "‘": "'", "\r": "",
}
_ESCAPABLE = frozenset("\\`*_{}[]()#+-.!<>=~|^&:;,/'\"%$@")


_SPECIAL = re.compile(
    r"\\[" + re.escape("".join(sorted(_ESCAPABLE))) + "]|["
    + re.escape("".join(sorted(_CHAR_MAP))) + "]")


@dataclass
class _Text:
    """A criteria text with markdown escapes dropped and symbols spelled in ASCII ("≥" is
    ">="), and where each replaced piece came from in the text as given."""

    text: str
    # (start in text, length in text, start in original, length in original), in order
    changes: list[tuple[int, int, int, int]]
    change_starts: list[int]

    @classmethod
    def of(cls, original: str) -> _Text:
        pieces: list[str] = []
        changes: list[tuple[int, int, int, int]] = []
        last = 0
        length = 0
        for m in _SPECIAL.finditer(original):
            ch = m.group()
            rep = _CHAR_MAP.get(ch[-1], ch[-1]) if ch[0] == "\\" else _CHAR_MAP[ch]
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


# --- the parts of a criteria text ----------------------------------------------------------

_HEADER = re.compile(
    r"""^[ \t>#*_•-]*(?:\d{1,2}[.)][ \t]*[*_]*)?
    (?:
        (?P<crit>(?:[\w/-]+[ \t]+){0,3}?
            (?P<kind>inclusion|exclusion|exclusionary|non-?inclusion|eligibility)
            (?:[ \t]+criteria|[ \t]+criterion)?)[*_]*[ \t]*(?:\([^)\n]*\)[ \t]*)?
            (?::|$|[ \t]*-[ \t])
      | (?P<excl>[^\n]{0,90}?\b(?:(?:are|is|will[ \t]+be|be)[ \t]+(?:not[ \t]+eligible|excluded
            |ineligible)|(?:will[ \t]+)?not[ \t]+be[ \t]+(?:eligible|included|enrolled))
            [^\n:]{0,60}:[ \t]*$)
      | (?P<excl2>(?:excluded|exclusions?|not[ \t]+allowed|ineligible)\b[^\n:]{0,60}:)
      | (?P<incl>[^\n]{0,60}?(?:(?:are|is|be)[ \t]+eligible|must[ \t]+(?:have|be|meet)
            |disease[ \t]+characteristics|patient[ \t]+characteristics|included)[^\n:]{0,40}:
            [ \t]*$)
    )""",
    re.IGNORECASE | re.MULTILINE | re.VERBOSE,
)


def _line_end(text: str, pos: int) -> int:
    end = text.find("\n", pos)
    return len(text) if end < 0 else end


_OTHER_PEOPLE = re.compile(
    r"\b(?:donors?|partners?|caregivers?|care-givers?|carers?|parents?|guardians?|spouses?|"
    r"family|relatives?|siblings?|mothers?|fathers?|informants?|providers?|staff|clinicians?|"
    r"physicians?|nurses?|investigators?|sites?|centers?|centres?)\b", re.IGNORECASE)


_SUBHEADER = re.compile(
    r"[ \t>#*_•-]*(?:\d{1,2}[.)][ \t]*[*_]*)?(?P<lead>(?:[\w-]+[ \t]+){0,2})"
    r"(?P<kind>inclusion|exclusion|eligibility)[ \t]+criteria[ \t]+"
    r"(?P<tail>(?:for|to|in|of)\b[^\n]*)", re.IGNORECASE)
_WHOLE_STUDY = re.compile(
    r"(?:for|in|of|to)\s+(?:(?:the|this|all|entry|enrol+ment|inclusion|participation|"
    r"participate|enter|be|patients?|participants?|subjects?|study|trial|protocol|main|into|"
    r"in|to)\b[\s,]*)+[:.]?[*_ \t]*$", re.IGNORECASE)
# Words that mark a criterion as concerning a part of the study, not all participants.
_SUBGROUP = re.compile(
    r"\b(?:cohorts?|(?<!age )groups?|parts?|arms?|strat(?:um|a|ification)|risk|phase|stages?|"
    r"sites?|histology|sub-?stud(?:y|ies)|substudy|extension|dose\s+(?:finding|escalation)|"
    r"randomi[sz]ation)\b", re.IGNORECASE)


def _header_section(text: str, start: int, end: int) -> Section | None:
    """The section a line starts, when it is a header ("Exclusion Criteria:")."""
    sub = _SUBHEADER.match(text, start, end)
    if sub is not None:
        # "Inclusion criteria for Part B:", "Eligibility criteria to participate in the pilot
        # study ...": criteria for some participants only.
        kind = sub.group("kind").lower()
        if _OTHER_PEOPLE.search(sub.group("lead")) or not _WHOLE_STUDY.match(sub.group("tail")):
            return "other"
        if kind != "eligibility":
            return "inclusion" if kind == "inclusion" else "exclusion"
    m = _HEADER.match(text, start, end)
    if m is None:
        return None
    if m.group("crit"):
        kind = m.group("kind").lower()
        line = text[start:end].lower()
        if kind == "eligibility" or ("inclusion" in line and "exclusion" in line):
            return None  # "Other inclusion/exclusion criteria apply"
        if _OTHER_PEOPLE.search(m.group("crit")):
            return "other"
        return "inclusion" if kind == "inclusion" else "exclusion"
    if m.group("excl") or m.group("excl2"):
        return "exclusion"
    return "inclusion"


def criteria_sections(text: str) -> list[tuple[int, Section]]:
    """Where the inclusion and exclusion parts of a criteria text begin, in order.

    The text before the first header is "unknown" (read like inclusion).
    """
    found: list[tuple[int, Section]] = []
    start = 0
    while start <= len(text):
        end = _line_end(text, start)
        section = _header_section(text, start, end)
        if section is not None:
            found.append((start, section))
        start = end + 1
    return found


class CriteriaItem(NamedTuple):
    """One item of a criteria text: a bulleted or numbered line with the lines that continue
    it, or a line of plain text (a heading, a paragraph) with its wrapped lines.

    ``start`` is where its line starts, ``text_start`` where its words start (after the
    marker), ``end`` where its words end; all are offsets in the text as given. ``indent`` is
    the width of the blanks before it (tabs count 4), ``marker`` the bullet or number ("*",
    "-", "3.", "b)"), None for plain text. ``section`` is the part of the criteria it stands in
    (see `criteria_sections`); ``header`` says whether the item is itself a section header
    ("Exclusion Criteria:").
    """

    start: int
    text_start: int
    end: int
    indent: int
    marker: str | None
    section: Section
    header: bool


_ITEM_LINE = re.compile(
    r"""(?P<indent>[ \t]*)
    (?:(?P<marker>[-*•·+–▪◦]|\(?\d{1,2}[.)](?!\d)|\(?[a-zA-Z][.)]|\(?[ivxIVX]{1,4}[.)]|
        [①②③④⑤⑥⑦⑧⑨⑩])[ \t]+)?
    (?P<text>[^\n]*)""",
    re.VERBOSE,
)
_HEADER_WORD_ANY_CASE = re.compile(r"inclusion|exclusion|eligibility", re.IGNORECASE)


# Only a line with one of these words can be a section header (see _HEADER, _SUBHEADER), and
# with the words of the second group only when it holds a ":".
_HEADER_HINT = re.compile(
    r"inclu|exclu|eligib|(?P<colon>enrolled|not\s+allowed|must|characteristics)")


def _header_lines(text: str) -> dict[int, Section]:
    """Where each section header line starts, and its section: `criteria_sections` as a
    mapping, found faster by trying only the lines that hold a header word."""
    low = text.lower()
    if len(low) != len(text):
        low = text.translate(_ASCII_LOWER)
    found: dict[int, Section] = {}
    tried: set[int] = set()
    for hint in _HEADER_HINT.finditer(low):
        start = text.rfind("\n", 0, hint.start()) + 1
        if start in tried:
            continue
        end = _line_end(text, start)
        tried.add(start)
        if text.find(":", start, end) < 0 and (hint.group("colon") or hint.start() > start + 60
                                                or not _HEADER_WORD.search(low, start, end)):
            continue  # a header without ":" names its part at the start of its line
        section = _header_section(text, start, end)
        if section is not None:
            found[start] = section
    return found


def criteria_items(text: str | None) -> tuple[CriteriaItem, ...]:
    """The items of a criteria text, in order (see `CriteriaItem`).

    A line with a marker starts an item; a line without one continues the item above it when
    it follows with no blank line between, is indented at least as deep as that item's marker,
    and the item above does not end with ":" (a heading); otherwise it starts a plain item.
    """
    return _criteria_items(text) if text else ()


def _criteria_items(text: str) -> tuple[CriteriaItem, ...]:
    headers = _header_lines(text)
    sections = sorted(headers.items())
    starts = [start for start, _ in sections]
    items: list[CriteriaItem] = []
    # The item being read: line start, words start, words end, indent, marker.
    current: tuple[int, int, int, int, str | None] | None = None
    previous_blank = True
    line_start = 0
    for raw in text.split("\n"):
        start, line_start = line_start, line_start + len(raw) + 1
        words = raw.rstrip(" \t\r")
        if not words.strip():
            previous_blank = True
            continue
        line = _ITEM_LINE.match(words)
        if line is None or not line.group("text"):
            previous_blank = True
            continue
        indent = len(line.group("indent").expandtabs(4))
        marker = line.group("marker")
        words_start, words_end = start + line.start("text"), start + len(words)
        if (current is not None and marker is None and not previous_blank
                and indent >= current[3] and text[current[2] - 1] != ":"
                and start not in headers):
            current = (current[0], current[1], words_end, current[3], current[4])
        else:
            if current is not None:
                items.append(_item(text, sections, starts, headers, *current))
            current = (start, words_start, words_end, indent, marker)
        previous_blank = False
    if current is not None:
        items.append(_item(text, sections, starts, headers, *current))
    return tuple(items)


def _item(text: str, sections: list[tuple[int, Section]], starts: list[int],
          headers: dict[int, Section], start: int, text_start: int, end: int, indent: int,
          marker: str | None) -> CriteriaItem:
    header = start in headers and _HEADER_WORD_ANY_CASE.search(
        text, start, min(_line_end(text, start), start + 60)) is not None
    i = bisect.bisect_right(starts, start) - 1
    return CriteriaItem(start, text_start, end, indent, marker,
                        sections[i][1] if i >= 0 else "unknown", header)


def _section_at(sections: list[tuple[int, Section]], pos: int) -> Section:
    i = bisect.bisect_right([s for s, _ in sections], pos) - 1
    return sections[i][1] if i >= 0 else "unknown"


# A new criterion starts at a blank line, at a bulleted or numbered line, after a line that
# ends with ":" ";" or ".", and after ";" or a sentence's full stop.
_BOUNDARY = re.compile(
    r"""\n[ \t]*\n
    | \n(?=[ \t]*(?:[-*•·+]|\(?\d{1,2}[.)]|\(?[a-z][.)]\s|[ivx]{1,4}[.)]\s))
    | (?<=[:;.])[ \t]*\n
    | ;
    | (?P<stop>\.)(?=\s+[A-Z(\d])
    | \?
    """,
    re.VERBOSE,
)
_ABBREVIATION = re.compile(r"(?:\b(?:vs|ca|no|dr|st|yrs?|mos?|approx|etc|e\.g|i\.e|cf)|\b[a-z])$",
                           re.IGNORECASE)
_BULLET = re.compile(r"[ \t]*(?:[-*•·+]|\(?\d{1,2}[.)]|\(?[a-z][.)]|[ivx]{1,4}[.)])[ \t]",
                     re.IGNORECASE)


_COLON_LINE_END = re.compile(r":[*_ \t]*(?=\n|$)")
_HEADER_WORD = re.compile(r"inclusion|exclusion|eligibility")
_SECTION_HINT = re.compile(r"inclu|exclu|eligib|must|characteristics|allowed")
_BOUNDARY_LOOKBACK = 500
_PARENT_LOOKBACK = 40  # lines
_BLANKS = re.compile(r"[ \t]*")


class _Layout:
    """Where criteria start, the headings sub-items stand under, and the sections: worked out
    only for texts that hold an age phrase, and only around it."""

    def __init__(self, text: str, low: str) -> None:
        self.text = text
        self.low = low
        self.heading_ends = [m.start() for m in _COLON_LINE_END.finditer(text)]
        starts = sorted({low.rfind("\n", 0, m.start()) + 1
                         for m in _SECTION_HINT.finditer(low)})
        self.sections: list[tuple[int, Section]] = []
        for start in starts:
            end = _line_end(text, start)
            if not (_HEADER_WORD.search(low, start, min(end, start + 60))
                    or text[start:end].rstrip(" \t*_").endswith(":")):
                continue  # a header names its part early, or ends with ":"
            section = _header_section(text, start, end)
            if section is not None:
                self.sections.append((start, section))

    def criterion_start(self, pos: int) -> int:
        window = max(0, pos - _BOUNDARY_LOOKBACK)
        start = window
        for m in _BOUNDARY.finditer(self.text, window, pos):
            if m.group("stop") and _ABBREVIATION.search(self.text, max(0, m.start() - 8),
                                                        m.start()):
                continue
            start = m.end()
        return start

    def indent(self, pos: int) -> int:
        """The indentation of the line that holds ``pos``."""
        line_start = self.text.rfind("\n", 0, pos) + 1
        blanks = _BLANKS.match(self.text, line_start)
        return len(blanks.group().expandtabs(4)) if blanks else 0

    def heading(self, pos: int) -> str | None:
        """The heading or parent item a criterion at ``pos`` stands under, if any: the nearest
        line above it that ends with ":" (unless it is a bulleted sibling), or the nearest
        line above it that is less indented (the item it is a sub-item of)."""
        text = self.text
        i = bisect.bisect_right(self.heading_ends, pos) - 1
        heading_at = -1
        if i >= 0:
            end = self.heading_ends[i]
            line_start = text.rfind("\n", 0, end) + 1
            if not (_BULLET.match(text, line_start) and self.indent(pos) <= self.indent(end)):
                heading_at = line_start
        indent = self.indent(pos)
        line_start = text.rfind("\n", 0, pos) + 1
        for _ in range(_PARENT_LOOKBACK):
            if line_start <= heading_at or line_start == 0:
                break
            line_start = text.rfind("\n", 0, line_start - 1) + 1
            line = text[line_start:_line_end(text, line_start)]
            if line.strip() and self.indent(line_start) < indent:
                if line_start > heading_at:
                    return line.strip().rstrip(":").strip()
                break
        if heading_at < 0:
            return None
        return self._item_text(heading_at).rstrip(":*_ \t").strip()

    def _item_text(self, line_start: int) -> str:
        """A line with the lines above it that it continues (a wrapped legacy item)."""
        text = self.text
        lines = [text[line_start:_line_end(text, line_start)].strip()]
        for _ in range(5):
            if line_start == 0 or _BULLET.match(text, line_start):
                break
            previous = text.rfind("\n", 0, line_start - 1) + 1
            line = text[previous:line_start - 1]
            if not line.strip() or line.rstrip().endswith((":", ".", ";")):
                break
            lines.insert(0, line.strip())
            line_start = previous
        return " ".join(lines)


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

# The word "age" leading to a phrase, and what may stand between them.
_ANCHOR = re.compile(
    r"""(?<![\w-])(?P<anchor>age[ds]?|ageing|aging)\b
    (?:\s*(?:\(\s*(?:in\s+)?(?:years?|yrs?|months?)\s*\)|of|is|was|being|range[ds]?|ranging|
        group|limits?|criteri(?:on|a)|requirements?|inclusive|eligibility|
        at\s+(?:the\s+)?(?:time\s+of\s+)?(?:the\s+)?(?:screening|enrol+ment|inclusion|
            (?:signing\s+(?:of\s+)?(?:the\s+)?)?(?:informed\s+)?consent|randomi[sz]ation|entry|
            registration|baseline|(?:the\s+)?first\s+visit|visit\s*\d*|study\s+entry|
            recruitment|admission|surgery|enrol+ing)|
        must\s+be|should\s+be|shall\s+be|will\s+be|has\s+to\s+be|needs?\s+to\s+be|to\s+be|
        in\s+years|years?|:|-|=|,|in|the|within|\(|\))\s*)*\s*$""",
    re.IGNORECASE | re.VERBOSE,
)
# Words before "age" that make it some other age than the participant's at entry.
_OTHER_AGE = re.compile(
    r"""(?:gestational|gestation|bone|skeletal|mental|post-?menstrual|corrected|adjusted|
    child-?bearing|reproductive|school|reading|developmental|dental|maternal|paternal|donor|
    fetal|foetal|menopausal|biological|vascular|heart|brain|lung|retinal|epigenetic|
    physiological|onset|diagnosis|same|mean|median|average|partner|spouse|mother|father|
    parent|sibling|caregiver|husband|wife|pubertal|menarche|legal|majority|retirement|
    working|drinking|consent|different|similar|matched)(?:'?s)?[\s-]*$""",
    re.IGNORECASE | re.VERBOSE,
)

# Words that may stand before an age statement in its criterion: words for the participants
# and the verbs that introduce them. Anything else ("a partner", "if", "for patients", "with
# diabetes") means the phrase is about something or someone else, or is a condition.
_SUBJECT_WORDS = frozenset("""
    male males female females men women man woman adult adults patient patients pts pt
    participant participants subject subjects volunteer volunteers individual individuals
    person persons people child children kid kids infant infants neonate neonates newborn
    newborns baby babies boy boys girl girls adolescent adolescents teen teens teenager
    teenagers youth youths toddler toddlers preterm term elderly older young younger healthy
    normal otherwise nonpregnant non pregnant postmenopausal premenopausal ambulatory
    outpatient outpatients inpatient inpatients hospitalized hospitalised consenting
    eligible potential caucasian chinese japanese korean asian white black african american
    hispanic latino latina indian european and or both either all any sex sexes gender
    genders genre of who are is be must should shall will being aged age ages inclusion
    criteria criterion key main characteristics disease demographics demographic general
    eligibility the a an at time screening signing consent informed written documented
    provide can aging ageing has have study entry enrollment enrolment randomization
    randomisation visit population selection inclusive each ambulant community dwelling
    residing living skeletally mature heterosexual pediatric paediatric s veterans unlimited
    race races ethnicity ethnic origin to had menopausal post perimenopausal included
    smokers nonsmokers sexually active right left handed native speakers speaking english
    volunteering recruited enrolled participation
""".split())  # noqa: SIM905
_BABY_WORDS = frozenset("""
    child children infant infants neonate neonates newborn newborns baby babies preterm
    toddler toddlers kid kids boy boys girl girls
""".split())  # noqa: SIM905
_WORD = re.compile(r"[a-z]+", re.IGNORECASE)
_MARKER = re.compile(  # from the start of a run of spaces only: one pass over a long run
    r"(?<!\s)\s*(?:[-*•·+>#]+|\(?(?:\d{1,2}|[a-z]|[ivx]{1,4})[.)](?!\d))\s*", re.IGNORECASE)

# After a phrase with no "age" before it: words that make its number a duration or a time.
_DURATION = re.compile(
    r"""\b(?:since|ago|prior|before|after|post|following|duration|elapsed|previous|
    earlier|history|preceding|apart|interval|postpartum|post-?partum|postoperative|post-?op|
    gestation|pregnan\w*|expectancy|survival|course|diagnos\w*|treat\w*|therapy|
    therap\w*|dose|doses|dosing|infusion|transplant\w*|surgery|period|follow|months?\s+of|
    weeks?\s+of|days?\s+of|years?\s+of\s+(?!age)|from|during|for|within|last|past|per|every|
    remission|symptoms?|stable|disease|exposure|use|smok\w*|onset)\b""",
    re.IGNORECASE | re.VERBOSE,
)
# Right after a phrase: what makes it an age at some other time, or a sub-group or condition
# ("women < 50 years old will be considered postmenopausal", "patients ≥ 18 years old, except
# for paediatric sites", "age 70-74 years with a G8 score ≤ 14").
_NOT_A_LIMIT_AFTER = re.compile(
    r"""[^;\n]{0,45}?\b(?:must|should|may|will|can|could|need|needs|they|except|excluding|
    unless|if|considered|onset|at\s+(?:the\s+)?(?:time\s+of\s+)?(?:first\s+|initial\s+)?
    diagnosis|at\s+diagnosis|when\s+diagnosed|only|menarche|menopause|had|were|when|whose|
    for\s+(?:the|all|patients|participants|subjects|cohorts?|parts?|arms?|groups?|phase|
    stage|women|men|males|females|children|adults))\b""",
    re.IGNORECASE | re.VERBOSE,
)
# After a phrase in the exclusion part: a qualifier that narrows the exclusion to a sub-group.
_QUALIFIED_AFTER = re.compile(
    r"""[^.;\n]{0,60}?\b(?:with|who|whom|whose|having|if|unless|requiring|receiving|
    undergoing|diagnosed|suffering|without|when|that|in\s+case|living|household|home|
    unable|not\s+able|and|in|on)\b""",
    re.IGNORECASE | re.VERBOSE,
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


def _words_before(pre: str) -> list[str] | None:
    """The words of a criterion before its age phrase, or None when it holds other signs."""
    pre = _MARKER.sub(" ", pre, count=1)
    if re.search(r"[\d<>=]", pre):
        return None
    return [w.lower() for w in _WORD.findall(pre)]


# A lead-in line for all participants, and words that make a lead-in narrower than that
# ("any of the following", "as defined by", "for the cases", "Part A").
_GENERAL_LEAD_IN = re.compile(
    r"\b(?:eligib\w*|inclusion|include[sd]?|enrol+(?:ed|ment)?|participat\w*|criteria|"
    r"entry|registration|selection)\b", re.IGNORECASE)
_NARROW_LEAD_IN = re.compile(
    r"\b(?:one|any|either|some|each|two|three|\d+)\s+of\b|\bat\s+least\b|\bdefin\w*|"
    r"\bas\s+follows|\bdescribed|\bcohorts?\b|\bparts?\b|\bphases?\b|\bstages?\b|"
    r"\barms?\b|\bgroups?\b|\brisk|\bfor\s+(?!(?:the\s+)?(?:study|trial|this|entry|"
    r"enrol+ment|inclusion|participation)\b)\w+|\bif\b|\bexcept|\bnot\b|\bno\b|donor|"
    r"recipient|caregiver|partner|parent|household|factors?\b|cases?\b|controls?\b",
    re.IGNORECASE)


def _heading_allows(heading: str | None) -> tuple[bool, bool]:
    """Whether a criterion under ``heading`` can state an age limit, and whether the heading
    is "Age" itself (which then leads to the phrase, as "Age:" above "- 18 and over")."""
    if heading is None:
        return True, False
    section = _header_section(heading + ":", 0, len(heading) + 1)
    if section is not None:
        return section != "other", False
    if (_GENERAL_LEAD_IN.search(heading) and not _NARROW_LEAD_IN.search(heading)
            and not _BULLET.match(heading)):
        return True, False  # "To be eligible, participants must meet all of the following:"
    words = _words_before(heading)
    if words is None:
        return False, False
    if words and words[-1] in ("age", "ages") and all(w in _SUBJECT_WORDS for w in words):
        return True, True
    return all(w in _SUBJECT_WORDS for w in words), False


@dataclass
class _Bound:
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


def _read_phrase(m: re.Match[str], loose: bool = False) -> tuple[list[_Bound], str | None] | None:
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
        return [_Bound(first[0], first[1], v1, unit1, span1, not first[1])], None
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
        return [_Bound("lower", True, v1, u1, whole), _Bound("upper", True, v2, u2, whole)], sep
    if second is None:
        # "≥ 18 to 65 years": a range whose lower end is marked.
        if first is not None and first[0] == "lower" and sep in _RANGE_SEPS:
            return [_Bound("lower", first[1], v1, u1, span1, not first[1]),
                    _Bound("upper", True, v2, u2, (m.start("num2"), whole[1]))], sep
        return None
    if first is None:
        # "18 to ≤ 30 years": a range whose upper end is marked.
        if second[0] == "upper" and (sep in _RANGE_SEPS or between) and (v1 < v2 or loose):
            return [_Bound("lower", True, v1, u1, (m.start("num1"), m.end("num1"))),
                    _Bound("upper", second[1], v2, u2, (_comp_start(m, "2"), whole[1]),
                           not second[1])], sep
        return None
    if first[0] == second[0]:
        return None  # "> 18 and > 20": not a pair of bounds
    span2 = (_comp_start(m, "2"), _bound_end(m, "2"))
    return [_Bound(first[0], first[1], v1, u1, span1, not first[1]),
            _Bound(second[0], second[1], v2, u2, span2, not second[1])], sep


def _flip(b: _Bound) -> _Bound:
    # An excluded age turned into the limit on participants: "exclude > 75" -> "<= 75".
    kind: Kind = "upper" if b.kind == "lower" else "lower"
    return _Bound(kind, not b.inclusive, b.value, b.unit, b.span, b.strict)


_MAX_VALUE = {"years": 130, "months": 400, "weeks": 200, "days": 400, "hours": 200,
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
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def _phrases(low: str) -> list[re.Match[str]]:
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


def _scan(criteria: str, loose: bool = False) -> list[StatedLimit]:
    """The bounds of the age phrases of a text; with ``loose``, also those that cannot be
    limits (ranges written backwards, ages beyond `_MAX_VALUE`)."""
    return [limit for limit, strict in age_bounds(criteria) if loose or strict]


_MAX_BEFORE = 500


def age_bounds(criteria: str) -> tuple[tuple[StatedLimit, bool], ...]:
    """Every bound `age_statements` gives, each with whether `age_mentions` gives it too: the
    one scan of a text those read (a record's `RecordAnalysis` keeps it for every check)."""
    source = _Text.of(criteria)
    text = source.text
    low = text.lower()
    if len(low) != len(text):  # a few letters lower-case to two characters
        low = text.translate(_ASCII_LOWER)
    phrases = _phrases(low)
    if not phrases:
        return ()
    layout = _Layout(text, low)
    found: list[tuple[StatedLimit, bool]] = []
    for m in phrases:
        read = _read_phrase(m, loose=True)
        if read is None:
            continue
        bounds, sep = read
        strict = _read_phrase(m) is not None and not any(
            b.value > _MAX_VALUE[b.unit or "years"] for b in bounds)
        start, end = m.start(), m.end()
        crit_start = layout.criterion_start(start)
        # What stands before the phrase in its criterion, up to _MAX_BEFORE characters back
        # (a longer slice per phrase made a long criterion quadratic).
        window = max(crit_start, start - _MAX_BEFORE)
        before = low[window:start]
        anchor = _ANCHOR.search(before, max(0, len(before) - 150))
        if anchor is not None and _OTHER_AGE.search(before, max(0, anchor.start() - 100),
                                                           anchor.start()):
            continue
        heading_ok, heading_is_age = _heading_allows(layout.heading(crit_start))
        says_age = (anchor is not None or heading_is_age
                    or "age" in (m.group("between") or "")
                    or any(m.group(g) for g in ("old1", "old2", "old1b", "old2b", "theage1",
                                                "theage2"))
                    or bool(re.search(r"old|young|elder", m.group(0), re.IGNORECASE)))
        words = None if window > crit_start else _words_before(
            before[:anchor.start()] if anchor is not None else before)
        subject_only = words is not None and all(w in _SUBJECT_WORDS for w in words)
        units = {b.unit for b in bounds} - {None}
        rest = text[end:min(_line_end(text, end), end + 200)]  # read up to 60 characters
        if says_age:
            is_age = True
        else:
            # "≥ 18 years" alone, or after words for the participants: an age only when it is
            # in years (or the participants are babies) and nothing makes it a duration.
            is_age = (subject_only and bool(units) and not _DURATION.search(rest[:60])
                      and (units == {"years"} or bool(_BABY_WORDS.intersection(words or []))))
            if not is_age and not units:
                continue
        section = _section_at(layout.sections, start)
        line_start = text.rfind("\n", 0, start) + 1
        confident = (is_age and heading_ok and subject_only and section != "other"
                     and not _NOT_A_LIMIT_AFTER.match(text, end)
                     and not _SUBGROUP.search(text, max(line_start, window), start))
        if section == "exclusion":
            if len(bounds) == 2 and (sep not in ("or", ",") or bounds[0].kind != "upper"):
                confident = False  # a range in the exclusion part names a sub-group
            if _QUALIFIED_AFTER.match(rest):
                confident = False
            readings = [[_flip(b) for b in bounds]] + ([] if confident else [bounds])
        else:
            readings = [bounds]
        phrase_start = window + anchor.start() if anchor is not None else start
        phrase_span = source.original_span(phrase_start, end)
        for reading in readings:
            for b in reading:
                found.append((StatedLimit(
                    kind=b.kind, inclusive=b.inclusive, age=Age(b.value, b.unit or "years"),
                    span=source.original_span(*b.span), phrase_span=phrase_span,
                    section=section, joined_by=sep if len(reading) == 2 else None,
                    strict_written=b.strict, confident=confident), strict))
    return tuple(found)


_NO_AGE_LIMIT = re.compile(
    r"\b(?:no|without(?:\s+an?)?|not\s+(?:an?\s+)?)\s*(?:upper\s+|lower\s+)?age\s+"
    r"(?:limits?|restrictions?|criteri(?:on|a))\b|\ball\s+ages\b|\bany\s+age\b|"
    r"\bregardless\s+of\s+age\b|\bage:\s*(?:any|not\s+specified|all)\b", re.IGNORECASE)


def says_no_age_limit(criteria: str | None) -> bool:
    """Whether a criteria text says that (some) participants have no age limit ("There is no
    age limit for the low risk stratum", "all ages", "Age: Any age")."""
    return bool(criteria) and bool(_NO_AGE_LIMIT.search(criteria or ""))


def age_statements(criteria: str | None) -> list[StatedLimit]:
    """Every age bound a criteria text states, as `age_mentions` gives them, and also the
    statements that cannot be a limit at all: ranges written backwards ("65 to 18 years",
    "18-5 years", "0 to 0 years"), whose bounds come lower end first as written, and ages
    beyond any lifetime ("18 to 150 years"). For checks of the statements themselves.
    """
    return _scan(criteria or "", loose=True)


def stated_age_limits(criteria: str | None) -> list[StatedLimit]:
    """The participant's age limits stated in a criteria text, in text order.

    Each bound of a phrase is one `StatedLimit` ("Age ≥ 18 to ≤ 65 years" gives two). A bound
    with no unit written is in years ("Age ≥ 18"); a range's single unit applies to both ends
    ("18-65 years"), and each end keeps its own when both have one ("6 weeks to 18 months").
    Only statements that limit all participants are returned; `age_mentions` gives also those
    that may concern a sub-group.
    """
    return [limit for limit in _scan(criteria or "") if limit.confident]


def age_mentions(criteria: str | None) -> list[StatedLimit]:
    """Every age bound a criteria text mentions, confident or not (see `StatedLimit`).

    Besides the limits of `stated_age_limits`, this holds ages of sub-groups and conditions
    ("Cohort B: 12-17 years", "patients > 70 years must have ..."), and exclusion-side
    statements read both ways when it is unclear whether they name a sub-group. A check can
    use them to stay silent when a field agrees with any age the text mentions.
    """
    return _scan(criteria or "")
