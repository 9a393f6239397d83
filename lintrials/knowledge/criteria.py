"""The parts of an eligibility criteria text: its inclusion and exclusion sections and its items.

`criteria_sections` finds where the inclusion and exclusion parts begin, `criteria_items` the
items of a criteria text (bullets, numbered items, headings, paragraphs) with their
indentation, marker and part. `has_section_heading` says whether a text has any inclusion,
exclusion or eligibility heading at all, in any of the ways registries write one, and
`states_no_criteria` whether it says there are no criteria of its own. `Layout` finds, around
one position, where its criterion starts and the heading or parent item it stands under (the
age statements of `age_limits` read it).
"""

from __future__ import annotations

import bisect
import re
from typing import Literal, NamedTuple

__all__ = [
    "BULLET",
    "CriteriaItem",
    "Layout",
    "Section",
    "criteria_items",
    "criteria_sections",
    "has_section_heading",
    "header_section",
    "line_end",
    "lower",
    "section_at",
    "states_no_criteria",
]

# "other": criteria for someone else than the participants (donors, partners, caregivers).
Section = Literal["inclusion", "exclusion", "unknown", "other"]

_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def lower(text: str) -> str:
    """The text in lower case, letter for letter: offsets in it are offsets in ``text``."""
    low = text.lower()
    if len(low) != len(text):  # a few letters lower-case to two characters
        low = text.translate(_ASCII_LOWER)
    return low


# The number of a heading in a numbered document: "1.", "2)", "(b)", "A.", "4.2", "III.6",
# "3.4.1." ("III.6 EXCLUSION CRITERIA", "4.2 Inclusion criteria:").
_NUMBER = (r"(?:(?:\d{1,2}|[IVXivx]{1,4})(?:\.\d{1,2}){1,3}\.?[ \t]+"
           r"|(?:\d{1,2}|[IVXivx]{1,4}|[A-Za-z])[.)][ \t]*"
           r"|\((?:\d{1,2}|[A-Za-z]|[ivx]{1,4})\)[ \t]*)")

_HEADER = re.compile(
    r"""^[ \t>#*_•-]*(?:""" + _NUMBER + r"""[*_]*)?
    (?:
        (?P<crit>(?:[\w/-]+[ \t]+){0,3}?
            (?P<kind>inclusion|exclusion|exclusionary|exclusions|non-?inclusion|eligibility)
            (?:[ \t]+criteria|[ \t]+criterion)?)[*_]*[ \t]*(?:\([^)\n]*\)[ \t]*)?
            (?::|[*_ \t-]*$|[ \t]*-+[ \t]|(?<=criteria)\.[ \t]*$)
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


def line_end(text: str, pos: int) -> int:
    end = text.find("\n", pos)
    return len(text) if end < 0 else end


_OTHER_PEOPLE = re.compile(
    r"\b(?:donors?|partners?|caregivers?|care-givers?|carers?|parents?|guardians?|spouses?|"
    r"family|relatives?|siblings?|mothers?|fathers?|informants?|providers?|staff|clinicians?|"
    r"physicians?|nurses?|investigators?|sites?|centers?|centres?)\b", re.IGNORECASE)


# Words before "inclusion criteria" that make them the criteria of one group or step.
_GROUP_LEAD = re.compile(
    r"\b(?:cohorts?|parts?|arms?|groups?|strat(?:um|a)|randomi[sz]ation|sub-?stud(?:y|ies)|"
    r"phases?|stages?|extension|pilot|controls?|cases?)\b", re.IGNORECASE)


_SUBHEADER = re.compile(
    r"[ \t>#*_•-]*(?:" + _NUMBER + r"[*_]*)?(?P<lead>(?:[\w-]+[ \t]+){0,2})"
    r"(?P<kind>inclusion|exclusion|eligibility)[ \t]+criteria[ \t]+"
    r"(?P<tail>(?:for|to|in|of)\b[^\n]*)", re.IGNORECASE)
_WHOLE_STUDY = re.compile(
    r"(?:for|in|of|to)\s+(?:(?:the|this|all|entry|enrol+ment|inclusion|participation|"
    r"participate|enter|be|patients?|participants?|subjects?|study|trial|protocol|main|into|"
    r"in|to)\b[\s,]*)+[:.]?[*_ \t]*$", re.IGNORECASE)


def header_section(text: str, start: int, end: int) -> Section | None:
    """The section a line starts, when it is a header ("Exclusion Criteria:", "EXCLUSION
    CRITERIA", "Key exclusion criteria -", "Exclusion criteria." on a line of its own).

    A line that ends with "\\r" (a text with Windows line ends) is read without it.
    """
    while end > start and text[end - 1] in " \t\r":
        end -= 1
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
        if _OTHER_PEOPLE.search(m.group("crit")) or _GROUP_LEAD.search(
                m.group("crit"), 0, m.start("kind") - m.start("crit")):
            return "other"  # "Donor inclusion criteria", "Randomisation inclusion criteria"
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
        end = line_end(text, start)
        section = header_section(text, start, end)
        if section is not None:
            found.append((start, section))
        start = end + 1
    return found


# Headings `header_section` does not read as the start of a part, but that still give the text
# its structure: a heading run into its first criterion ("Inclusion criteria. Age >= 22."), an
# eligibility heading ("Eligibility:", "Eligibility criteria"), one with an aside ("Exclusion
# (any of the following):"), "Criteria for exclusion", "Non-inclusion criteria".
_LOOSE_HEADING = re.compile(
    r"""^[ \t>#*_•-]*(?:""" + _NUMBER + r""")?[*_]*(?:[\w/-]+[ \t]+){0,3}?
    (?:
        (?:inclusions?|exclusions?|exclusionary|non-?inclusion|eligibility)[*_ \t]*
            (?:criteri(?:a|on)\b)?
      | criteri(?:a|on)[ \t]+(?:for|of)[ \t]+(?:the[ \t]+)?(?:inclusion|exclusion|non-?inclusion
            |eligibility|participation|enrol+ment|entry|admission|selection)\b
    )[*_ \t]*(?:\([^)\n]{0,60}\)[*_ \t]*)?(?::|[.-][ \t]|\.?[*_ \t]*$)
    | ^[ \t>#*_•-]*[^\n:]{0,60}?\b(?:eligible|ineligible|excluded|included)\b[^\n:]{0,40}:""",
    re.IGNORECASE | re.MULTILINE | re.VERBOSE,
)


def has_section_heading(text: str | None) -> bool:
    """Whether a criteria text has any inclusion, exclusion or eligibility heading: one that
    starts a part (`criteria_sections`), or one of the looser forms registries use (a heading
    run into the first criterion, "Eligibility:", "Criteria for exclusion")."""
    if not text:
        return False
    return bool(_header_lines(text)) or _LOOSE_HEADING.search(text) is not None


# A criteria text saying the record has no criteria of its own: "There are no specific
# eligibility criteria for the Master Protocol", "See study GZP1 for eligibility criteria".
_NO_CRITERIA = re.compile(
    r"\bno[ \t]+(?:specific[ \t]+|particular[ \t]+|separate[ \t]+|additional[ \t]+)?"
    r"(?:eligibility[ \t]+|selection[ \t]+|entry[ \t]+)?criteri"
    r"|\bsee[ \t]+[^\n]{0,80}?\bfor[ \t]+(?:the[ \t]+)?(?:eligibility|inclusion|exclusion)",
    re.IGNORECASE,
)


def states_no_criteria(text: str | None) -> bool:
    """Whether a criteria text says there are no criteria of the record's own, or sends the
    reader to another study or document for them."""
    return _NO_CRITERIA.search(text or "") is not None


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
    low = lower(text)
    found: dict[int, Section] = {}
    tried: set[int] = set()
    for hint in _HEADER_HINT.finditer(low):
        start = text.rfind("\n", 0, hint.start()) + 1
        if start in tried:
            continue
        end = line_end(text, start)
        tried.add(start)
        if text.find(":", start, end) < 0 and (hint.group("colon") or hint.start() > start + 60
                                                or not _HEADER_WORD.search(low, start, end)):
            continue  # a header without ":" names its part at the start of its line
        section = header_section(text, start, end)
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
        text, start, min(line_end(text, start), start + 60)) is not None
    i = bisect.bisect_right(starts, start) - 1
    return CriteriaItem(start, text_start, end, indent, marker,
                        sections[i][1] if i >= 0 else "unknown", header)


def section_at(sections: list[tuple[int, Section]], pos: int) -> Section:
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
BULLET = re.compile(r"[ \t]*(?:[-*•·+]|\(?\d{1,2}[.)]|\(?[a-z][.)]|[ivx]{1,4}[.)])[ \t]",
                     re.IGNORECASE)


_COLON_LINE_END = re.compile(r":[*_ \t\r]*(?=\n|$)")
_HEADER_WORD = re.compile(r"inclusion|exclusion|eligibility")
_SECTION_HINT = re.compile(r"inclu|exclu|eligib|must|characteristics|allowed")
_BOUNDARY_LOOKBACK = 500
_PARENT_LOOKBACK = 40  # lines
_BLANKS = re.compile(r"[ \t]*")


class Layout:
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
            end = line_end(text, start)
            if not (_HEADER_WORD.search(low, start, min(end, start + 60))
                    or text[start:end].rstrip(" \t\r*_").endswith(":")):
                continue  # a header names its part early, or ends with ":"
            section = header_section(text, start, end)
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
            if not (BULLET.match(text, line_start) and self.indent(pos) <= self.indent(end)):
                heading_at = line_start
        indent = self.indent(pos)
        line_start = text.rfind("\n", 0, pos) + 1
        for _ in range(_PARENT_LOOKBACK):
            if line_start <= heading_at or line_start == 0:
                break
            line_start = text.rfind("\n", 0, line_start - 1) + 1
            line = text[line_start:line_end(text, line_start)]
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
        lines = [text[line_start:line_end(text, line_start)].strip()]
        for _ in range(5):
            if line_start == 0 or BULLET.match(text, line_start):
                break
            previous = text.rfind("\n", 0, line_start - 1) + 1
            line = text[previous:line_start - 1]
            if not line.strip() or line.rstrip().endswith((":", ".", ";")):
                break
            lines.insert(0, line.strip())
            line_start = previous
        return " ".join(lines)

