"""The title or summary states a phase that the phases field contradicts.

What it finds: a statement of this study's phase that the phases field does not hold. Read:

- in the brief and official titles, every "Phase 2", "phase IIb", "Phase 1b/2", "Phase I-II",
  "Phase 0" or "first-in-human" (Phase 1 or Early Phase 1), unless the title calls the study an
  extension, rollover or follow-up of another study before the phase;
- in the brief summary, only a phase followed by "study", "trial" or "RCT" (maybe after other
  design words) in a sentence about this study: the first sentence, one with "this", "the
  present", "the current" or "we", or an NCI "PURPOSE:" line. Sentences about other studies
  ("previous", "prior", "results", "et al", "extension of"...) are skipped, and so are phases
  that are not clinical phases ("recommended Phase 2 dose", "Phase II SBIR/STTR", study periods
  such as "In Phase II, ..."). The detailed description is not read.

A combination is also reported when only one of its phases is registered and the registry
offers the combination ("Phase I/II" with Phase 1 only); "Phase Ib/III" has no registry
counterpart and any of its phases is accepted. Early Phase 1 agrees with "Phase 0" and "Phase
1". Phase N/A disagrees only for a drug or biological study as D102 decides it: N/A is right
for device, procedure or behavioural trials, which use "phase II/III" in a non-FDA sense.
Observational and expanded-access studies are not checked. One finding per record, at the
first disagreeing phrase, with the phases field and other disagreeing fields related.

Why it matters: the phases field is what the registry's filters, the FDA's and funders' reports
and every count of trials by phase read; the title is what people read. "A Phase II Study"
registered as Phase 1 tells two stories, and one of them is wrong.

Fails: NCT00462956, official title "Phase II Clinical Study of GW572016 in Patients With
Advanced...", phases [PHASE1]; NCT00000667, "A Phase I/II Dose Escalation Study", [PHASE1].

Passes: seed NCT07314060, "randomized, double-blind, placebo-controlled phase II clinical
study", [PHASE2]; NCT06372145 (Phase 3), "previously enrolled in the Phase 2b LTS": another
trial.

Options:
  report_na (false): also report a stated phase in a study with phase N/A whose interventions
    are not drugs or biologicals (devices, procedures, radiation, behavioural).
  fields ([official_title, brief_title, brief_summary]): the text fields read.

Fix safety: no fix: whether the text or the field is wrong is for a person to say.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from lintrials.context import Context
from lintrials.findings import Problem
from lintrials.knowledge.interventions import DRUG_TYPES, NEUTRAL_TYPES, is_inert
from lintrials.model import Record

CODE, NAME, SEVERITY = "D101", "phase-mismatch", "warning"


@dataclass(frozen=True)
class Options:
    report_na: bool = False
    fields: tuple[str, ...] = ("official_title", "brief_title", "brief_summary")


_TITLES = frozenset({"brief_title", "official_title"})
_NUMERAL = r"(?:[0-4]|(?-i:IV|I{1,3}))(?:[abc]|[AB](?![A-Za-z]))?"
# "Phase 2", "phase IIb", "Phase 1b/2", "Phase I-II", "phase 2 and 3"; a line break only where
# a legacy XML text block wraps (the next line is indented), never before a list item "\n2.".
_PHASE = re.compile(
    rf"\bphase(?:[ \t]*-?[ \t]*|[ \t]*\r?\n[ \t]+)(?P<first>{_NUMERAL})\b"
    rf"(?:[ \t]*(?:/|-|–|&|\bto\b|\band\b)[ \t]*(?:phase[ \t]*)?(?P<last>{_NUMERAL})\b)?"
    r"|\bfirst[\s-]+in[\s-]+(?:human|man|humans)\b|\bFI[HM]\b",
    re.IGNORECASE,
)
_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4}
_COMBINATIONS = ({1, 2}, {2, 3})  # the registry's PHASE1/PHASE2 and PHASE2/PHASE3

# What follows a phase that is not a clinical phase of a trial, or not of a whole trial.
_NOT_A_TRIAL_PHASE = re.compile(
    r"[ \t]*(?:\(?(?:sbir|sttr)\b|(?:small business|grant|project|award)\b"
    r"|(?:dose|doses|rp2d)\b(?![ \t-]*(?:escalat|find|rang|expan|optimi|level|confirm))"
    r"|(?:\)[ \t]*)?:)",
    re.IGNORECASE,
)
# Words before a phase (in the same sentence) that make it another study's phase or a
# phase in another sense.
_OTHER_STUDY_BEFORE = re.compile(
    r"\b(?:previous(?:ly)?|prior|earlier|completed|preceding|parent|original|successful"
    r"|published|et al|reported|results?|showed|shown|demonstrated|found|inform|support"
    r"|subsequent|future|later|next|planned|upcoming|pivotal|feeder|extends?|extension|extended"
    r"|roll-?over|continuation|follow-?up|participated|enrolled|completing|recommended|rp2d"
    r"|orbit|nih stage|in (?:a|an|the|two|several|many|our)|from (?:a|an|the)|of (?:a|an|the)"
    r"|such as|including|other"
    r"|we[ \t]+(?:have[ \t]+)?(?:conducted|performed|carried[ \t]+out|did|ran|tested))\b",
    re.IGNORECASE,
)
_OTHER_STUDY_AFTER = re.compile(
    r"\b(?:showed|shown|demonstrated|found|reported|results?|data|has been|have been"
    r"|was (?:conducted|completed|performed)|were (?:conducted|completed|performed)"
    r"|studies|trials)\b",
    re.IGNORECASE,
)
# In a title, an extension or rollover names its parent study's phase after these words.
_TITLE_OTHER_STUDY = re.compile(
    r"\b(?:extension|roll-?over|follow-?up|continuation|parent|feeder|previous|prior"
    r"|completed|participated|enrolled)\b",
    re.IGNORECASE,
)
_SELF = re.compile(
    r"\b(?:this|the present|the current|the proposed|we)\b|\bpurpose:", re.IGNORECASE
)
# A phase followed, after at most a few design words ("phase II, randomized, open-label"), by
# the noun it qualifies. Prepositions, verbs and the names of parts end the run.
_WORD = re.compile(r"[\w/()+'’-]+")
_BETWEEN = re.compile(r"[ \t\r\n]*(?:,[ \t\r\n]*)?(?:(?:and|&)[ \t\r\n]+)?", re.IGNORECASE)
_NOUNS = frozenset({"study", "trial", "trials", "rct", "investigation"})
_STOP = frozenset({
    "period", "periods", "part", "parts", "extension", "portion", "stage", "segment", "cohort",
    "of", "to", "with", "in", "on", "for", "by", "from", "at", "as", "that", "which", "who",
    "will", "is", "are", "was", "were", "be", "been", "has", "have", "followed", "then",
    "the", "this", "these", "those", "each", "all",
})
_MAX_RUN = 8
_SENTENCE_END = re.compile(r"[.!?;](?=\s)|\n[ \t\r]*\n|\n[ \t\r]*[*•-][ \t]")


def check(record: Record, ctx: Context) -> Iterator[Problem]:
    if record.study_type != "INTERVENTIONAL" or "designModule" not in record.sections:
        return
    registered = _registered(record.phases)
    if registered is None:
        return
    drug = _tests_drug(record)
    if registered == {"NA"} and not drug and not ctx.options.report_na:
        return
    disagreeing: list[tuple[str, tuple[int, int], str]] = []
    for field in ctx.options.fields:
        text = getattr(record, str(field), None)
        if not isinstance(text, str) or not text:
            continue
        mentions = list(_own_phases(text, field in _TITLES))
        if not mentions:
            continue
        stated = set().union(*(phases for _, phases in mentions))
        problem = _disagreement(stated, registered, drug)
        if problem:
            span, _ = mentions[0]
            disagreeing.append((str(field), span, problem))
    if not disagreeing:
        return
    field, span, problem = disagreeing[0]
    text = getattr(record, field)
    phrase = " ".join(text[span[0] : span[1]].split())
    yield Problem(
        field,
        f"{field.replace('_', ' ')} says {phrase!r} but phases is {_shown(record.phases)}"
        f" ({problem})",
        span=span,
        related=("phases", *(other for other, _, _ in disagreeing[1:])),
    )


def _tests_drug(record: Record) -> bool:
    drug = False
    for item in record.interventions:
        kind = (item.type or "").upper()
        if kind in DRUG_TYPES:
            drug = drug or not is_inert(item.name)
        elif kind and kind not in NEUTRAL_TYPES:
            return False
    return drug


def _registered(phases: list[str]) -> set[int | str] | None:
    found: set[int | str] = set()
    for phase in phases:
        value = phase.upper().replace(" ", "").replace("_", "")
        if value in ("NA", "N", "A"):  # legacy "N/A" may arrive split at its slash
            found.add("NA")
        elif value == "EARLYPHASE1":
            found.update({0, 1})
        elif value.startswith("PHASE") and value[5:].isdigit():
            found.add(int(value[5:]))
        else:
            return None
    return found or None


def _shown(phases: list[str]) -> str:
    if phases in (["N", "A"], ["NA"]):
        return "NA"
    return "/".join(phases)


def _own_phases(text: str, title: bool) -> Iterator[tuple[tuple[int, int], set[int]]]:
    """The phases a text states for its own study, with the span of each statement."""
    for m in _PHASE.finditer(text):
        if _NOT_A_TRIAL_PHASE.match(text, m.end()):
            continue
        start = _sentence_start(text, m.start())
        before = text[start : m.start()]
        if title:
            if _TITLE_OTHER_STUDY.search(before):
                continue
        else:
            end = _sentence_end(text, m.end())
            if not _qualifies_a_study(text, m.end()):
                continue
            if _OTHER_STUDY_BEFORE.search(before) or _OTHER_STUDY_AFTER.search(
                text, m.end(), end
            ):
                continue
            if start >= _first_sentence_end(text) and not _SELF.search(before):
                continue
        yield (m.start(), m.end()), _stated(m)


def _qualifies_a_study(text: str, offset: int) -> bool:
    """Whether the words from ``offset`` on are design words ending in "study" or "trial"."""
    pos = offset
    for _ in range(_MAX_RUN + 1):
        gap = _BETWEEN.match(text, pos)
        pos = gap.end() if gap else pos
        word = _WORD.match(text, pos)
        if not word:
            return False
        token = word.group().lower().strip("()")
        if token in _NOUNS:
            return True
        if token in _STOP:
            return False
        pos = word.end()
    return False


def _stated(m: re.Match[str]) -> set[int]:
    if not m.group("first"):  # first-in-human
        return {0, 1}
    first = _numeral(m.group("first"))
    last = _numeral(m.group("last")) if m.group("last") else first
    low, high = min(first, last), max(first, last)
    return set(range(low, high + 1))


def _numeral(token: str) -> int:
    token = token.rstrip("abcABC") or token
    return int(token) if token.isdigit() else _ROMAN[token.upper()]


def _disagreement(stated: set[int], registered: set[int | str], drug: bool) -> str | None:
    if stated & registered:
        if stated in _COMBINATIONS and not stated <= registered:
            both = " and ".join(f"PHASE{n}" for n in sorted(stated))
            return f"a phase {'/'.join(map(str, sorted(stated)))} study is registered as {both}"
        return None
    if registered == {"NA"}:
        if not drug:  # a phase in the non-FDA sense; a first-in-human device study is N/A
            return None if stated == {0, 1} else "N/A is for studies without an FDA phase"
        if stated == {0, 1}:
            return "a first-in-human drug study is Early Phase 1 or Phase 1"
        return "a drug or biological study has an FDA phase; N/A is for studies without one"
    if stated == {0, 1}:  # first-in-human with a later phase registered
        return "a first-in-human study is Early Phase 1 or Phase 1"
    return "the stated phase is not registered"


def _sentence_start(text: str, offset: int) -> int:
    start = 0
    for m in _SENTENCE_END.finditer(text, 0, offset):
        start = m.end()
    return start


def _sentence_end(text: str, offset: int) -> int:
    m = _SENTENCE_END.search(text, offset)
    return m.start() if m else len(text)


def _first_sentence_end(text: str) -> int:
    stripped = len(text) - len(text.lstrip())
    m = _SENTENCE_END.search(text, stripped)
    return m.end() if m else len(text)
