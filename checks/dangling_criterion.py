"""A criterion or heading introduces something that the criteria never give.

What it finds:

- a section heading ("Inclusion Criteria:", "Exclusion Criteria") followed by nothing, or at
  once by another plain section heading;
- a bulleted or numbered criterion ending with ":" followed by nothing or a section heading;
- a criterion ending with ":" followed by its next sibling, when the siblings are evidently not
  its sub-items: the numbering goes on (":" on item 14, then item 15) and the item does not
  announce a list ("the following", "defined as", "including"...); or it ends with the
  investigator's judgement ("..., in the judgment of the investigator:"); or the criteria
  around it end with ";" and it neither announces a list nor is a short heading;
- a criterion that only names a definition ("Definition of refractory SLE;") with nothing
  under it.

Not reported: a ":" followed by indented sub-items, by a paragraph, or by siblings that can be
its items ("Adequate hepatic function:" then "* Total bilirubin ≤ 1.5 × ULN"), since lists are
often flattened that way; a lead-in that heads the items after it even when their numbering
goes on ("3. Patients who:", "with:", "the following:", "one of:", "any of:"); nested
headings ("Concurrent Medication:" then "Allowed:"); an outer heading over sub-headings that
alternate between the parts ("Inclusion Criteria:", then "Inclusion criteria:" ... "Exclusion
criteria:" ... "Inclusion criteria:" ... for each group).

Why it matters: a ":" promises a list; when what follows is the next criterion, a heading or
nothing, the list was lost in editing, or ":" was typed for ";", and readers look for items that
do not exist. A heading with nothing under it says a whole list is missing. Sites screen
against this text.

Fails: seed NCT07314060, "* Presence of severe, progressive, or uncontrolled disease, ..., in
the judgment of the investigator:" followed by "* Serum virological abnormalities during the
screening period;".

Passes: seed NCT07177911, "* Abnormal laboratory findings at screening:" followed by the
paragraph "Liver function: AST/ALT ... ; Hematology: ...".

Options: none.

Fix safety: no fix: the missing list is for a person to restore.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from lintrials.context import Context
from lintrials.findings import Problem
from lintrials.knowledge.criteria import CriteriaItem
from lintrials.model import Record

CODE, NAME, SEVERITY = "E107", "dangling-criterion", "warning"

_TRAILING_MARKUP = re.compile(r"(?<![\s*_])[\s*_]+$")
_PURE_HEADER = re.compile(
    r"[\s*_#]*(?:key\s+|main\s+|general\s+)?(?P<kind>inclusion|exclusion|eligibility)\s+"
    r"criteri(?:a|on)[\s*_]*(?::[\s*_]*)?", re.IGNORECASE)
# Words in the last part of an item that announce a list of sub-items.
_LEAD_IN = re.compile(
    r"\b(?:follow\w*|below|as\s+follows|defin\w*|includ\w*|such\s+as|e\.?\s?g|i\.?\s?e|"
    r"criteri\w*|conditions?|requirements?|either|any|all|both|one|two|three|\d+|types?|"
    r"subtypes?|show\w*|specified|listed|list|apply|applies|met|meet\w*|except\w*|note|"
    r"namely|consist\w*|compris\w*|benchmarks?|thresholds?|values?|items?|factors?|"
    r"features?|symptoms?|signs?|reasons?|characteristics|parameters?|results?|options?|"
    r"methods?|drugs?|medications?|agents?|therap\w*|diseases?|disorders?|tests?|"
    r"scores?|levels?|function\w*|history|have|has|with|by|for|of|to|or|and|are|is|be|"
    r"allowed|excluded|required|permitted|prohibited|who|whom|whose|which|that|where|when|"
    r"if|whether|must|should|will|can|being|having|meeting|fulfil+ing|satisfying)\W*$",
    re.IGNORECASE)
_JUDGEMENT = re.compile(
    r"(?:in\s+the\s+(?:judge?ment|opinion|view)\s+of\s+the\s+(?:\w+\s+)?"
    r"(?:investigators?|physicians?|doctors?|clinicians?)|"
    r"(?:per|by)\s+(?:the\s+)?(?:investigators?|physicians?)(?:'s?)?(?:\s+(?:judge?ment|"
    r"discretion|opinion|assessment))?|"
    r"at\s+the\s+(?:investigator'?s?'?\s+)?discretion(?:\s+of\s+the\s+investigator)?)"
    r"[\s,.]*:$", re.IGNORECASE)
_DEFINITION_ONLY = re.compile(
    r"(?:the\s+)?definitions?\s+of\s+[^:;.,\n]{1,60}[;.]?", re.IGNORECASE)
_WORD = re.compile(r"\w+")
_ROMAN = ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii",
          "xiv", "xv")


def _words(text: str, item: CriteriaItem) -> str:
    return _TRAILING_MARKUP.sub("", text[item.text_start:item.end])


def _ordinals(marker: str | None) -> set[tuple[str, int]]:
    """The readings of an ordered list marker: "14." is the 14th number, "b)" the 2nd letter,
    "i." the 9th letter or the 1st roman numeral."""
    if marker is None:
        return set()
    core = marker.strip("(").rstrip(".)")
    case = "upper" if core.isupper() else "lower"
    readings: set[tuple[str, int]] = set()
    if core.isdigit():
        readings.add(("digits", int(core)))
    if len(core) == 1 and core.isalpha():
        readings.add((f"letter-{case}", ord(core.lower()) - ord("a") + 1))
    if core.lower() in _ROMAN:
        readings.add((f"roman-{case}", _ROMAN.index(core.lower()) + 1))
    return readings


def _numbering_goes_on(item: CriteriaItem, following: CriteriaItem) -> bool:
    after = _ordinals(following.marker)
    return any((kind, place + 1) in after for kind, place in _ordinals(item.marker))


def _pure_header(text: str, item: CriteriaItem) -> str | None:
    m = _PURE_HEADER.fullmatch(text, item.text_start, item.end)
    return m.group("kind").lower() if m else None


def _short_heading(words: str) -> bool:
    return words.endswith(":") and "\n" not in words and len(_WORD.findall(words)) <= 10


def _normal(words: str) -> str:
    return " ".join(_WORD.findall(words.lower()))


def _quote(words: str, limit: int = 70) -> str:
    """The words, or their end cut at a word boundary: "… in the judgment of the ...:"."""
    words = " ".join(words.split())
    if len(words) <= limit:
        return words
    tail = words[-limit:]
    return "… " + tail[tail.find(" ") + 1:] if " " in tail else "…" + tail


def _ends_like_siblings(text: str, items: Sequence[CriteriaItem], i: int) -> bool:
    """Whether the criteria on both sides of item ``i``, at its level, end with ";"."""
    item = items[i]
    before = next((it for it in reversed(items[:i]) if it.indent <= item.indent), None)
    after = items[i + 1]
    return (before is not None and before.indent == item.indent and before.marker is not None
            and _words(text, before).endswith(";") and _words(text, after).endswith(";"))


def _wraps_sub_headings(text: str, items: Sequence[CriteriaItem], i: int) -> bool:
    """Whether heading ``i`` is an outer heading over sub-headings that alternate between the
    parts ("Inclusion Criteria:", then "Inclusion criteria:" ... "Exclusion criteria:" ...
    "Inclusion criteria:" ... for each group of participants)."""
    kinds: list[str] = []
    for it in items[i + 1:]:
        kind = _pure_header(text, it) if it.header else None
        if kind in ("inclusion", "exclusion") and (not kinds or kinds[-1] != kind):
            kinds.append(kind)
    return len(kinds) >= 3


def _dangling(text: str, items: Sequence[CriteriaItem], i: int) -> str | None:
    """Why item ``i`` dangles, or None."""
    item = items[i]
    words = _words(text, item)
    following = items[i + 1] if i + 1 < len(items) else None
    if item.header:
        if _pure_header(text, item) is None:
            return None
        if following is None:
            return "the section heading has nothing under it"
        kind, next_kind = _pure_header(text, item), _pure_header(text, following)
        if not following.header or next_kind is None:
            return None
        if _wraps_sub_headings(text, items, i):
            return None  # "Inclusion Criteria:" over "Inclusion criteria:" ... "Exclusion ...:"
        if _normal(_words(text, following)) == _normal(words):
            return "the heading is repeated at once, with nothing under the first"
        if next_kind != kind:
            return "the section is empty: the next heading follows at once"
        return None  # "Exclusion Criteria:" then "General exclusion criteria:": nested
    if item.marker is not None and _DEFINITION_ONLY.fullmatch(words) and (
            following is None or following.indent <= item.indent):
        return "the criterion names a definition but does not give it"
    if not words.endswith(":"):
        return None
    if following is None:
        return "the criterion ends with \":\", but nothing follows"
    if item.marker is None:
        return None
    if following.header and (_pure_header(text, following) is not None
                             or _short_heading(_words(text, following))):
        return "the criterion ends with \":\", but the next section follows at once"
    if following.indent != item.indent or following.marker is None:
        return None
    body = words[:-1]
    announces = _LEAD_IN.search(body) is not None
    if _numbering_goes_on(item, following) and not announces:
        return (f"the criterion ends with \":\", but the next item ({following.marker}) goes on "
                "with the numbering, so nothing is listed under it")
    if _JUDGEMENT.search(words):
        return ("the criterion ends with \":\" after the investigator's judgement, and the "
                "next item is a criterion of its own")
    if (not announces and len(_WORD.findall(body)) >= 8
            and _ends_like_siblings(text, items, i)):
        return ("the criterion ends with \":\" where the criteria around it end with \";\", "
                "and the next item is a criterion of its own")
    return None


def check(record: Record, ctx: Context) -> Iterator[Problem]:
    text = record.eligibility.criteria
    if not text:
        return
    items = ctx.analysis.criteria_items
    for i, item in enumerate(items):
        why = _dangling(text, items, i)
        if why is None:
            continue
        words = _words(text, item)
        yield Problem(
            field="eligibility.criteria",
            message=f'"{_quote(words)}": {why}',
            span=(item.text_start, item.text_start + len(words)),
        )
