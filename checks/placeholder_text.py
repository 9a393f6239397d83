"""A title, summary, condition or the criteria hold placeholder text instead of content.

What it finds:

- anywhere in the text: `TBD`, `lorem ipsum`, a run of three or more x (`xxx`, `XXXX`, not the
  karyotype `47,XXX`), a date placeholder (`XX/XX/XXXX`), a bracketed instruction such as
  `[insert ...]`, `<enter ...>`, `{specify ...}`, `[name of ...]`;
- as the whole value or a whole line of it: "to be determined" (confirmed, announced, added,
  completed), "TBA", "placeholder";
- as the whole value only (not the acronym): "TBC", "N/A", "NA", "none", "not applicable",
  "test", and a value of punctuation only ("-", ".", "...", "???") ("None" as a line under
  "Exclusion Criteria" is an answer);
- a writer's note to self: "TODO:", "FIXME", "TBW:" (in capitals: Spanish "todo" is a word).

Inside a sentence these words are ordinary ("the dose to be determined by the safety
committee") and are not reported. The span is the placeholder itself. A withheld record (status
WITHHELD), whose text ClinicalTrials.gov replaces with bracketed notes, is not checked. Fields:
brief title, official title, acronym, brief summary, detailed description, conditions,
eligibility criteria.

Why it matters: "TBD", "xxx", "lorem ipsum" or "[insert inclusion criteria]" are drafts that
were submitted; the public record then tells a patient nothing, and a registry reviewer would
return it.

Fails: `"briefSummary": "TBD"`, or criteria `* [insert exclusion criteria]`.

Passes: `"briefSummary": "This study tests ..."`; `the recommended dose, to be determined in
Part A`.

Options: none.

Fix safety: no fix: the text is for the sponsor to write.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lintrials.context import Context
from lintrials.findings import Problem
from lintrials.knowledge.words import PLACEHOLDER_LINES, PLACEHOLDER_VALUES
from lintrials.model import Record

CODE, NAME, SEVERITY = "T104", "placeholder-text", "warning"

_ANYWHERE = re.compile(
    r"\bTBD\b"
    r"|\blorem\s+ipsum\b"
    r"|(?<![\w,])(?<!, )[xX]{3,}(?!\w)"
    r"|\b[xX]{2}/[xX]{2}/[xX]{2,4}\b"
    r"|\\?[\[<{]\s*(?:insert|enter|add|fill\s+in|specify|describe|name\s+of|type\s+here)\b"
    r"[^\]>}\n]{0,80}\\?[\]>}]",
    re.IGNORECASE,
)
# A writer's note to self, in capitals as such notes are written ("TODO: add summary"); not
# Spanish or Portuguese "todo" ("all"), which is not followed by a colon in capitals.
_NOTE_TO_SELF = re.compile(r"\b(?:TODO|FIXME|TBW)\b\s*:|\bFIXME\b")
# A whole value with no letter or digit: "???", "--", "*".
_NOTHING = re.compile(r"[^\w]+")
# A line, less its list marker and closing punctuation.
_LINE = re.compile(  # unambiguous, so that a line of 50,000 tabs and colons is read in one pass
    r"^[ \t]*(?:(?:\\?[*•\-+]|\d{1,3}\\?[.)])[ \t]*)?"
    r"(?P<words>(?:[ \t.;:]*[^ \t.;:\n])*)[ \t.;:]*$", re.M)


def _text_fields(record: Record) -> Iterator[tuple[str, str | None]]:
    yield "brief_title", record.brief_title
    yield "official_title", record.official_title
    yield "acronym", record.acronym
    yield "brief_summary", record.brief_summary
    yield "detailed_description", record.detailed_description
    for i, condition in enumerate(record.conditions):
        yield f"conditions[{i}]", condition
    yield "eligibility.criteria", record.eligibility.criteria


def _may_hold(value: str) -> bool:
    """Whether `_ANYWHERE` can match at all: each of its branches needs one of these. Most
    texts hold none, and the test is far cheaper than the regex over every position."""
    if "[" in value or "<" in value or "{" in value:
        return True
    low = value.lower()
    return "tbd" in low or "xxx" in low or "xx/" in low or "lorem" in low


def _whole(field: str, value: str) -> Iterator[tuple[int, int]]:
    """Spans of the value, or of its lines, that are nothing but a placeholder."""
    stripped = value.strip()
    if field != "acronym" and (stripped.lower() in PLACEHOLDER_VALUES
                               or _NOTHING.fullmatch(stripped)):
        start = value.index(stripped)
        yield start, start + len(stripped)
        return
    for line in _LINE.finditer(value):
        words = line.group("words")
        if words.lower() in PLACEHOLDER_LINES:
            yield line.start("words"), line.end("words")


def check(record: Record, ctx: Context) -> Iterator[Problem]:
    if record.overall_status == "WITHHELD":
        return
    for field, value in _text_fields(record):
        if not value:
            continue
        found = {m.span() for m in _ANYWHERE.finditer(value)} if _may_hold(value) else set()
        if "TODO" in value or "FIXME" in value or "TBW" in value:
            found.update(m.span() for m in _NOTE_TO_SELF.finditer(value))
        found.update(_whole(field, value))
        for start, end in sorted(found):
            yield Problem(
                field, f'placeholder text "{value[start:end]}" instead of content', (start, end)
            )
