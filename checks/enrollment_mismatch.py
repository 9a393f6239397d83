"""The brief summary states a number of participants that the enrollment count contradicts.

What it finds: a statement of the study's size in the brief summary (the detailed description,
full of per-group numbers and sample-size arithmetic, is not read): "a total of N
participants" (or "in total", "overall"), "N patients will be / were enrolled" (recruited,
included, randomized), "enroll N patients", "recruit approximately N women", "a sample size of
N", "an enrollment target of N"; the noun may follow a few words ("36 adult healthy
volunteers"). Not counted: numbers per group, arm, cohort, site or dose; a subset or additional
participants; sentences about other studies.

A number agrees when it equals the count; "approximately N" within `tolerance`; "up to N" when
the count is at most N; "at least N", evaluable or completing participants, or a number to be
randomized when the count is at least N; "N to M" when the count is in the range. The summary
agrees when any of its statements agrees. An actual enrollment is compared only with
statements in the past tense ("were enrolled"): a plan is not contradicted by the number
finally enrolled. A count of 0 for a withdrawn study is not compared. The finding points at the
first statement.

Why it matters: the enrollment count is what the registry shows, sorts and filters on, and what
funders and meta-researchers compare with the publication; the summary is what people read.
"120 patients will be enrolled" against 100 means one was not updated with the sample size.

Fails: NCT00494637, "The investigators plan to randomize 478 patients", anticipated
enrollment 468.

Passes: seed NCT07314060, "with a total of 36 subjects", enrollment 36; NCT00853606,
"Approximately 400 subjects will be enrolled", actual 712 (the plan, overtaken).

Options:
  planned_vs_actual (false): also compare an actual enrollment with planned numbers.
  tolerance (0.1): how far an approximate number ("approximately 120") may be from the count,
    as a fraction of the number.

Fix safety: no fix: which number is right is for the sponsor to say.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass

from lintrials.context import Context
from lintrials.findings import Problem
from lintrials.model import Record

CODE, NAME, SEVERITY = "D107", "enrollment-mismatch", "warning"


@dataclass(frozen=True)
class Options:
    planned_vs_actual: bool = False
    tolerance: float = 0.1


_NUMBER = (
    r"(?P<n>\d{1,3}(?:,\d{3}){1,3}(?![\d,])|\d{1,9}(?!\d))"
    r"(?:[ \t]*(?:-|–|to)[ \t]*(?P<m>\d{1,3}(?:,\d{3}){1,3}(?![\d,])|\d{1,9}(?!\d)))?"
)
_QUALIFIER = (  # spaces only after a qualifier: a match never starts inside a run of them
    r"(?:(?P<q>approximately|approx\.?|about|around|roughly|nearly|an estimated|estimated|~|up to"
    r"|a maximum of|maximum of|max\.?|no more than|at most|at least|a minimum of|minimum of"
    r"|no less than|not less than|more than|over)[ \t\r\n]*)?"
)
_PEOPLE = (
    r"(?:(?!(?:before|after|of|in|per|from|with|and|or|to|at|for|than|million|billion|thousand"
    r"|hundred|percent)\b)[A-Za-z][\w-]*[ \t\r\n]+)"
    r"{0,3}?(?P<who>subjects|patients|participants|volunteers|individuals"
    r"|people|persons|men|women|children|infants|adults|adolescents|pts|cases|couples|families"
    r"|students|veterans|smokers|mothers|neonates|newborns|girls|boys|athletes|residents"
    r"|workers|survivors|caregivers|dyads|eyes)\b"
)
_ENROL_VERB = r"(?:enroll?ed|recruited|included|randomi[sz]ed|enrolling|recruiting|allocated)"
_STATEMENTS = [
    # "a total of 36 subjects"
    re.compile(
        rf"\b(?:a[ \t]+total[ \t]+of|total[ \t]+of|in[ \t]+total,?|totally|overall,?)[ \t\r\n]+"
        rf"{_QUALIFIER}{_NUMBER}[ \t\r\n]+{_PEOPLE}",
        re.IGNORECASE,
    ),
    # "120 patients will be enrolled"
    re.compile(
        rf"(?<![\w.,]){_QUALIFIER}{_NUMBER}[ \t\r\n]+{_PEOPLE}[ \t\r\n]+"
        r"(?P<tense>will|would|are[ \t]+going[ \t]+to|are[ \t]+planned[ \t]+to|shall|were|was"
        r"|are|is|have[ \t]+been|had[ \t]+been)[ \t\r\n]+(?:be[ \t\r\n]+)?"
        r"(?:(?:planned|expected)[ \t]+to[ \t]+be[ \t\r\n]+)?"
        rf"(?P<verb>{_ENROL_VERB}|enroll?|recruit)\b",
        re.IGNORECASE,
    ),
    # "enroll 120 patients", "plan to randomize 478 patients"
    re.compile(
        r"\b(?P<verb>enroll?(?:s|ed|ing)?|recruit(?:s|ed|ing)?|include[sd]?"
        r"|randomi[sz](?:e|es|ed|ing))[ \t\r\n]+(?:a[ \t]+total[ \t]+of[ \t\r\n]+)?"
        rf"{_QUALIFIER}{_NUMBER}[ \t\r\n]+{_PEOPLE}",
        re.IGNORECASE,
    ),
    # "a sample size of 60", "an enrollment target of 120"
    re.compile(
        r"\b(?:sample[ \t]+size|enrol?lment[ \t]+(?:target|goal)|target[ \t]+enrol?lment"
        r"|recruitment[ \t]+(?:target|goal))[ \t]+(?:of|is|will[ \t]+be|was|:)[ \t\r\n]+"
        rf"{_QUALIFIER}{_NUMBER}\b",
        re.IGNORECASE,
    ),
]
# After the statement: the number is per part of the study.
_PER_PART = re.compile(
    r"[ \t\r\n]*(?:[(,][ \t\r\n]*)?"
    r"(?:per|each|in[ \t]+each|for[ \t]+each|in[ \t]+every"
    r"|in[ \t]+the[ \t]+[\w-]+[ \t]+(?:group|arm|cohort|part|stage|phase)"
    r"|into[ \t]+each|at[ \t]+each"
    r"|in[ \t]+(?:part|cohort|stage|phase|arm|group)[ \t]+\w+)\b",
    re.IGNORECASE,
)
_PART_BEFORE = re.compile(
    r"\b(?:subset|additional|further|another|remaining|of[ \t]+whom|of[ \t]+these|among[ \t]+them"
    r"|first|second|third|part|cohort|stage|arm|group|each|and|plus)\b[^.;]{0,25}$",
    re.IGNORECASE,
)
_OTHER_STUDY = re.compile(
    r"\b(?:previous(?:ly)?|prior|earlier|published|et al|reported|literature|retrospective"
    r"|meta-analys[ie]s|in[ \t]+(?:a|an|one|our|their)[ \t]+(?:\w+[ \t]+)?(?:study|trial|cohort)"
    r"|showed|demonstrated|found)\b",
    re.IGNORECASE,
)
_PAST = re.compile(
    r"\b(?:were|was|have[ \t]+been|had[ \t]+been)[ \t\r\n]+(?:\w+[ \t\r\n]+)?"
    r"(?:enroll?ed|recruited|included|randomi[sz]ed|allocated)\b"
    r"|\b(?:enroll?ed|recruited|included|randomi[sz]ed)[ \t\r\n]+(?:a[ \t]+total[ \t]+of|\d)",
    re.IGNORECASE,
)
_LOWER_BOUND = re.compile(r"\b(?:evaluable|analy[sz]able|completers?|complet(?:e|ing))\b", re.I)
_SENTENCE_END = re.compile(r"[.!?;](?=\s)|\n[ \t\r]*\n")


_APPROXIMATE = frozenset(
    {"approximately", "approx", "approx.", "about", "around", "roughly", "nearly",
     "an estimated", "estimated", "~"}
)
_AT_MOST = frozenset(
    {"up to", "a maximum of", "maximum of", "max", "max.", "no more than", "at most"}
)
_AT_LEAST = frozenset(
    {"at least", "a minimum of", "minimum of", "no less than", "not less than", "more than",
     "over"}
)


@dataclass
class _Statement:
    span: tuple[int, int]
    low: int
    high: int
    qualifier: str
    randomized: bool
    past: bool
    lower_bound: bool


def check(record: Record, ctx: Context) -> Iterator[Problem]:
    count = record.enrollment_count
    text = record.brief_summary
    if count is None or count <= 0 or not text:
        return
    actual = (record.enrollment_type or "").upper() == "ACTUAL"
    compare_plans = ctx.options.planned_vs_actual
    tolerance = ctx.options.tolerance
    statements = [s for s in _statements(text) if s.past or not actual or compare_plans]
    if not statements or any(_agrees(s, count, tolerance) for s in statements):
        return
    first = statements[0]
    phrase = " ".join(text[first.span[0] : first.span[1]].split())
    kind = "actual" if actual else "anticipated" if record.enrollment_type else "the"
    yield Problem(
        "brief_summary",
        f"brief summary says {phrase!r} but {kind} enrollment is {count}",
        span=first.span,
        related=("enrollment_count",),
    )


def _statements(text: str) -> Iterator[_Statement]:
    seen: set[int] = set()
    found: list[_Statement] = []
    ends = [m.span() for m in _SENTENCE_END.finditer(text)]
    for pattern in _STATEMENTS:
        for m in pattern.finditer(text):
            if m.start("n") in seen:
                continue
            start, end = _sentence(text, ends, m.start())
            if _OTHER_STUDY.search(text, start, end):
                continue
            if _PER_PART.match(text, m.end()) or _PART_BEFORE.search(text, start, m.start("n")):
                continue
            seen.add(m.start("n"))
            low = int(m.group("n").replace(",", ""))
            high = int(m.group("m").replace(",", "")) if m.group("m") else low
            if high < low:
                continue
            verb = (m.groupdict().get("verb") or "").lower()
            sentence = text[start:end]
            found.append(
                _Statement(
                    span=(m.start(), m.end()),
                    low=low,
                    high=high,
                    qualifier=(m.group("q") or "").lower(),
                    randomized=verb.startswith("randomi"),
                    past=bool(_PAST.search(sentence)) and "will" not in sentence.lower(),
                    lower_bound=bool(_LOWER_BOUND.search(text, m.start(), min(end, m.end() + 30))),
                )
            )
    found.sort(key=lambda s: s.span)
    yield from found


def _agrees(s: _Statement, count: int, tolerance: float) -> bool:
    approximate = s.qualifier in _APPROXIMATE
    low = s.low * (1 - tolerance) if approximate else s.low
    high = s.high * (1 + tolerance) if approximate else s.high
    if s.qualifier in _AT_MOST:
        return count <= s.high
    if s.qualifier in _AT_LEAST or s.lower_bound or s.randomized:
        return count >= low
    return low <= count <= high


def _sentence(text: str, ends: list[tuple[int, int]], offset: int) -> tuple[int, int]:
    """The sentence around ``offset``, given where every sentence of ``text`` ends."""
    i = bisect.bisect_left(ends, (offset, offset))
    start = ends[i - 1][1] if i and ends[i - 1][1] <= offset else 0
    return start, ends[i][0] if i < len(ends) else len(text)
