r"""A bracket in a title, summary or the criteria is never closed, or closes nothing.

What it finds: round, square and curly brackets (and their full-width forms, so `（GPP)` is
balanced) left unmatched, first within each paragraph or list item (an item starts at a line
that begins with a bullet or a number), then across the field, so an aside that runs over a
wrapped line or holds a sub-list passes. Not brackets to match:

- list markers `1)`, `a)`, `iv)`, `1\)` (markdown), `1）`, `1.)`, `a. )`: a ")" after a number,
  letter or Roman numeral (and maybe a full stop) that starts the text or follows a space or
  punctuation, when it closes nothing; doubled letters, as lists go on after `z)` (`aa)`,
  `ee)`), where an item starts; a "(" and a lower-case label never closed at the start of a line
  (`(a Age 18 to 65`). The label that starts an item of a list, or a sub-item within a line
  (`excluded if: a) Progression`), closes no aside of the items before it (in `1.) Adults (aged
  18 to 65` / `2.) Consent` the "(" is reported), but a wrapped line that only looks like an
  item may end one (`(ECOG` / `1)`), and so may a marker ending a line (`(any of:` / `* a` / `*
  b)`);
- half-open ranges `[0, 1)`, `(0, 100]`, with fractions too (visual acuities `[20/400,
  20/40)`);
- emoticons `:)`, `;-)`, `:(` standing alone.

Each unmatched bracket is one finding, its span the bracket; a bracket closed by another kind
(`(BMI, kg/m2]`) is one finding spanning the aside. A field reports at most ten; the tenth says
how many more there are. Fields: brief title, official title, brief summary, detailed
description, eligibility criteria, intervention model description, and the descriptions of
arms and interventions.

Why it matters: an unclosed "(" or a stray ")" makes a reader guess where an aside ends, and in
the criteria that guess decides who may enrol. It is also the mark of text cut or pasted
badly: `be diagnosed as (generalized pustular psoriasis(GPP);` lost a ")".

Fails: `* Meet ... and be diagnosed as (generalized pustular psoriasis(GPP);`; `the SLEDAI-2K)
clinical symptoms`.

Passes: `* Meet ... and be diagnosed as generalized pustular psoriasis (GPP);`; `the SLEDAI-2K
clinical symptoms`.

Options: none.

Fix safety: no fix: where the aside ends is for a person to say.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lintrials.context import Context
from lintrials.findings import Problem
from lintrials.model import Record

CODE, NAME, SEVERITY = "T103", "unbalanced-brackets", "warning"

_MAX_PER_FIELD = 10
_OPEN = {"(": "(", "[": "[", "{": "{", "（": "(", "［": "[", "｛": "{"}
_CLOSE = {")": "(", "]": "[", "}": "{", "）": "(", "］": "[", "｝": "{"}
_BRACKET = re.compile("[" + re.escape("".join(_OPEN) + "".join(_CLOSE)) + "]")
# A list label: a number, one letter or a doubled one ("aa", "ee" after "z"), a Roman numeral.
_LABEL = r"(?:\d{1,3}|(?P<letter>[A-Za-z])(?P=letter)?|[ivxlIVXL]{1,6})"
# A line that starts a list item: a bullet, or a label and ". ", ") ", ".) " ("1.)", "1. )"),
# or an opening bracket and a label written without its closer ("(a ", "(ii ").
_ITEM = re.compile(
    r"[ \t]*(?:\\?[*•·▪◦‣+\-–]|\(?" + _LABEL.replace("letter", "item_letter")
    + r"(?:\.\d{1,3})*(?:\.\s?\\?[)）]|\\?[.):）])|\(" + _LABEL.replace("letter", "open_letter")
    + r"\.?)\s"
)
# Numbers, fractions (visual acuities "20/400") and infinity, as the bounds of a range.
_BOUND = r"[-+−]?(?:\d[\d.,]*(?:/\d[\d.,]*)?%?|∞|inf)"
_RANGE = re.compile(
    r"[\[(（]\s*" + _BOUND + r"\s*(?:,|;|–|-|to)\s*" + _BOUND + r"\s*[\])）]"
)
_EMOTICON = re.compile(r"(?<!\S)[:;=][-']?[()\[\]](?![^\s.,!?])")
# ")" ending a list marker ("1)", "b)", "iv)", "1\)" in markdown, "1）", "1.)", "a. )"): a
# short label after the start, a space or punctuation. A doubled letter ("aa)", "ee)") only
# where an item starts (a line, after a bullet, ";" or ":"): elsewhere "5 mm)" is a unit.
_MARKER = re.compile(
    r"(?:^|(?<=[\s:;,/.：；，、。]))(?:\d{1,3}[a-z]?|[A-Za-z]|[ivxlIVXL]{1,6})\.?\s?\\?[)）]"
    r"|(?:^[ \t]*(?:\\?[*•·▪◦‣+\-–][ \t]+)?|(?<=[:;：；]\s))(?P<twice>[A-Za-z])(?P=twice)"
    r"\.?\s?\\?[)）]",
    re.MULTILINE,
)
# "(" opening a list marker that is never closed: "(a Patients ...", "(ii history of ...", at
# the start of a line or after a bullet.
# Lower case only: "(A total of 30 ..." at the start of a wrapped line is an aside.
_OPEN_MARKER = re.compile(
    r"^[ \t]*(?:\\?[*•·▪◦‣+\-–]\s+)?\((?:\d{1,3}|(?P<open>[a-z])(?P=open)?|[ivxl]{1,6})\.?(?=\s)",
    re.MULTILINE,
)


# What follows the ")" of a marker that starts a sub-item within a line: words.
_INLINE_MARKER = re.compile(r"[ \t]+[^\W\d_]")


def _label_kind(label: str) -> str:
    """The form of an item's label, the same for all items of one list: "1.)" and "12.)" are
    "0.)", "a)", "z)", "aa)" and "iv)" are "a)"."""
    kind = re.sub(r"\d+", "0", label.strip())
    kind = re.sub(r"[a-z]+", "a", kind)
    return re.sub(r"[A-Z]+", "A", kind)


def _units(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each paragraph or list item."""
    start = 0
    offset = 0
    for line in text.splitlines(keepends=True):
        if not line.strip() or _ITEM.match(line):
            if offset > start:
                yield start, offset
            start = offset if line.strip() else offset + len(line)
        offset += len(line)
    if offset > start:
        yield start, offset


def _match(
    brackets: list[tuple[int, str]], skip: frozenset[int]
) -> tuple[list[int], list[int]]:
    """Unclosed openers and unopened closers, ignoring the closers at ``skip``."""
    stack: list[tuple[int, str]] = []
    stray: list[int] = []
    for pos, char in brackets:
        if pos in skip:
            continue
        if char in _OPEN:
            stack.append((pos, char))
            continue
        kind = _CLOSE[char]
        depth = next(
            (d for d in range(len(stack) - 1, -1, -1) if _OPEN[stack[d][1]] == kind), None
        )
        if depth is None:
            stray.append(pos)
        else:
            # Openers above the match were never closed: "(a [b) c".
            stray.extend(p for p, _ in stack[depth + 1 :])
            del stack[depth:]
    return [p for p, _ in stack], stray


def _leftovers(unit: str) -> Iterator[tuple[int, str, bool]]:
    """Brackets of one paragraph or item that have no partner in it: offset, bracket, and
    whether it is the ")" of a list marker."""
    if not _BRACKET.search(unit):
        return
    masked = _EMOTICON.sub(_blank, _RANGE.sub(_blank, unit))
    brackets = [(m.start(), m.group()) for m in _BRACKET.finditer(masked)]
    if not brackets:
        return
    markers = frozenset(
        [m.end() - 1 for m in _MARKER.finditer(masked)]
        + [m.start() + m.group().index("(") for m in _OPEN_MARKER.finditer(masked)]
    )
    # A marker's ")" may close a real "(" ("(n = 20)"): take the reading that leaves fewer
    # brackets unmatched, not counting markers; the markers it skipped are left over too.
    plain = _match(brackets, frozenset())
    skipping = _match(brackets, markers)
    if _cost(skipping, markers) < _cost(plain, markers):
        left = set(skipping[0]) | set(skipping[1]) | markers
    else:
        left = set(plain[0]) | set(plain[1])
    for pos in sorted(left):
        yield pos, unit[pos], pos in markers


def _cost(reading: tuple[list[int], list[int]], markers: frozenset[int]) -> int:
    return sum(1 for pos in reading[0] + reading[1] if pos not in markers)


def _blank(match: re.Match[str]) -> str:
    return " " * len(match.group())


def _unmatched(text: str) -> Iterator[tuple[int, int | None]]:
    """Brackets that have no partner: (offset, None), or (offset of an opener, offset of the
    closer of another kind that ends it) for "(BMI, kg/m2]".

    Brackets are matched within each paragraph or item first; what is left is matched across
    the field, so an aside that runs over a wrapped line or a sub-list is not reported.
    """
    if not _BRACKET.search(text):
        return  # nothing to match (most titles and many texts)
    left: list[tuple[int, str, bool]] = []
    previous_label: str | None = None
    for start, end in _units(text):
        unit = text[start:end]
        item = _ITEM.match(unit)
        # The label that starts an item of a list ("2.)" after "1.) ...") closes no aside of
        # the items before; a line that only looks like one may end a wrapped aside: "(Day\n
        # 0) between" after a paragraph, "(ECOG\n 1)" after a bulleted item.
        label = _label_kind(item.group()) if item else None
        label_end = item.end() if item and label == previous_label else 0
        previous_label = label
        for pos, char, marker in _leftovers(unit):
            if marker and (pos < label_end or (pos >= (item.end() if item else 0)
                                               and _INLINE_MARKER.match(unit, pos + 1))):
                # A marker inside an item with its text after it ("excluded if: a) Progress")
                # starts a sub-item and ends no aside of an earlier item either.
                continue
            left.append((start + pos, char, marker))
    stack: list[tuple[int, str]] = []
    for pos, char, marker in left:
        if char in _OPEN:
            if not marker:  # a marker's "(" left open opens nothing
                stack.append((pos, _OPEN[char]))
            continue
        kind = _CLOSE[char]
        depth = next((d for d in range(len(stack) - 1, -1, -1) if stack[d][1] == kind), None)
        if depth is not None:
            yield from ((p, None) for p, _ in stack[depth + 1 :])
            del stack[depth:]
        elif marker:
            continue
        elif stack:
            yield stack.pop()[0], pos
        else:
            yield pos, None
    yield from ((p, None) for p, _ in stack)


def _excerpt(text: str, pos: int, end: int | None = None) -> str:
    """The words around a bracket on its line, or from an opener to its closer."""
    if end is not None and end - pos <= 80:
        words = text[pos : end + 1]
    else:
        line_start = text.rfind("\n", 0, pos) + 1
        line_end = text.find("\n", pos)
        line_end = len(text) if line_end < 0 else line_end
        words = text[max(line_start, pos - 40) : min(line_end, pos + 41)]
    return " ".join(words.split())


def _text_fields(record: Record) -> Iterator[tuple[str, str | None]]:
    yield "brief_title", record.brief_title
    yield "official_title", record.official_title
    yield "brief_summary", record.brief_summary
    yield "detailed_description", record.detailed_description
    yield "eligibility.criteria", record.eligibility.criteria
    yield "intervention_model_description", record.intervention_model_description
    for i, arm in enumerate(record.arms):
        yield f"arms[{i}].description", arm.description
    for i, intervention in enumerate(record.interventions):
        yield f"interventions[{i}].description", intervention.description


def check(record: Record, ctx: Context) -> Iterator[Problem]:
    for field, value in _text_fields(record):
        if not value:
            continue
        unmatched = sorted(_unmatched(value))
        for n, (at, closer) in enumerate(unmatched[:_MAX_PER_FIELD], 1):
            char = value[at]
            more = len(unmatched) - n if n == _MAX_PER_FIELD else 0
            also = f" (and {more:,} more unmatched brackets in this field)" if more else ""
            if closer is not None:
                message = (
                    f'"{char}" is closed by "{value[closer]}": "{_excerpt(value, at, closer)}"'
                )
                yield Problem(field, message + also, span=(at, closer + 1))
                continue
            if char in _OPEN:
                message = f'"{char}" is never closed: "{_excerpt(value, at)}"'
            else:
                message = f'"{char}" has no "{_CLOSE[char]}" before it: "{_excerpt(value, at)}"'
            yield Problem(field, message + also, span=(at, at + 1))
