"""A randomized, blinded, open-label or placebo-controlled claim that the design fields deny.

What it finds: each claim against the fields that contradict it:

- "randomized"/"randomised", "randomly assigned": allocation NA or NON_RANDOMIZED
  ("non-randomized", "quasi-randomized", "pseudo-randomized" are not claims);
- "double-blind"/"double-masked": masking NONE or SINGLE; "triple-blind": NONE, SINGLE or
  DOUBLE; "single-blind": NONE;
- "open-label": the participant is a masked role (or, in a legacy record listing no roles,
  masking DOUBLE or more); a masked outcomes assessor is fine;
- "placebo-controlled": the record lists arms, none is a PLACEBO_COMPARATOR or SHAM_COMPARATOR,
  no arm or intervention names a placebo, sham, dummy, vehicle or saline (or a stimulator
  switched off), and no arm is called the control. Records without arms are not reported.

Only claims about this study's design count. In a title the claim must qualify the study:
followed, across design words only, by "study", "trial", "RCT", "design" or "investigation";
a claim about a period or a part ("Open-Label Extension", "randomized withdrawal") is not one.
In the brief summary the claim must also be introduced as this study ("This is a randomized",
"In this single-blinded randomized controlled trial", "PURPOSE: Randomized phase III trial") or
open the summary; sentences about other studies are skipped. The detailed description is not
read; observational studies are not checked. One finding per claim and record, at the first
place that makes it, with the design field and other places related.

Why it matters: "randomized, double-blind, placebo-controlled" is a promise that readers,
systematic reviewers and ethics committees rely on, and the allocation, masking and arm fields
are what the registry's filters and meta-research read. When they disagree, one is wrong.

Fails: NCT00460083, "A Randomized, Double-Blinded Study of Epiceram Versus Elidel", masking
SINGLE; NCT04757038, "An Open Label, Randomized-controlled Trial", masking DOUBLE.

Passes: seed NCT07314060, "randomized, double-blind, placebo-controlled", allocation RANDOMIZED,
masking QUADRUPLE, a PLACEBO_COMPARATOR arm; NCT00143221, "Double-blind ... With and
Open-label Extension", masking DOUBLE (the open label is the extension's).

Options:
  fields ([official_title, brief_title, brief_summary]): the text fields read.

Fix safety: no fix: whether the claim or the field is wrong is for a person to say.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from lintrials.context import Context
from lintrials.findings import Problem
from lintrials.model import Record

CODE, NAME, SEVERITY = "D103", "design-claim-mismatch", "warning"


@dataclass(frozen=True)
class Options:
    fields: tuple[str, ...] = ("official_title", "brief_title", "brief_summary")


_TITLES = frozenset({"brief_title", "official_title"})

_CLAIM = re.compile(
    r"(?<![\w-])(?:(?P<negation>(?:non|not|un|quasi|pseudo)[ \t-]*)?"
    r"(?P<random>randomi[sz]ed|randomi[sz]ation|randomly[ \t-]+(?:assigned|allocated))"
    r"|(?P<double>double)[ \t-]*(?:blind|mask)(?:ed)?"
    r"|(?P<triple>triple)[ \t-]*(?:blind|mask)(?:ed)?"
    r"|(?P<single>single)[ \t-]*(?:blind|mask)(?:ed)?"
    r"|(?P<open>open)[ \t-]*label(?:l?ed)?"
    r"|(?P<placebo>placebo)[ \t-]*(?:-[ \t]*)?controlled)\b",
    re.IGNORECASE,
)
_KINDS = ("random", "double", "triple", "single", "open", "placebo")

# Words that may stand between a design claim and the noun it qualifies ("Randomized,
# Double-Blind, Placebo-Controlled, Parallel-Group, Multicenter Study"). Prepositions, verbs
# and the names of periods end the run; so does any punctuation but a comma.
_WORD = re.compile(r"[\w/()+'’-]+")
_BETWEEN = re.compile(r"[ \t\r\n]*(?:,[ \t\r\n]*)?(?:(?:and|&)[ \t\r\n]+)?", re.IGNORECASE)
_STOP = frozenset({
    # periods and parts of a study
    "period", "periods", "part", "parts", "extension", "run-in", "runin", "lead-in", "leadin",
    "treatment", "treatments", "portion", "stage", "segment", "withdrawal", "follow-up",
    "followup",
    # prepositions, verbs and determiners that end a noun phrase
    "of", "to", "with", "in", "on", "for", "by", "from", "at", "as", "that", "which", "who",
    "will", "is", "are", "was", "were", "be", "been", "has", "have", "followed", "then",
    "versus", "vs", "compared", "comparing", "using", "evaluating", "assessing", "after",
    "before", "where", "when", "while", "during", "than", "this", "these", "those", "each",
    "all", "both", "the",
})
_NOUNS = frozenset(
    {"study", "trial", "trials", "rct", "design", "investigation", "fashion", "manner"}
)
_PHASE_NUMBER = re.compile(r"[ \t]*(?:-[ \t]*)?(?:[0-4]|I{1,3}|IV)\b")
_MAX_RUN = 12


def _qualifies_the_study(text: str, offset: int) -> bool:
    """Whether the design words from ``offset`` on end in a noun for the study ("trial")."""
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
        if token == "of" and text[word.end() : word.end() + 9].lower() == " concept ":
            pos = word.end()  # "proof of concept"
            continue
        if token in _STOP or (token == "phase" and not _PHASE_NUMBER.match(text, word.end())):
            return False
        pos = word.end()
    return False


def _run_start(text: str, start: int, offset: int) -> int:
    """Where the run of design words that ends at ``offset`` begins (not before ``start``)."""
    words = list(_WORD.finditer(text, start, offset))
    begin = offset
    for word in reversed(words):
        if not _BETWEEN.fullmatch(text, word.end(), begin):
            break
        token = word.group().lower().strip("()")
        if token in _STOP or token in _NOUNS or token in ("a", "an"):
            break
        begin = word.start()
    return begin


# How a summary introduces its own design, ending just before the first design word.
_SELF_LEAD = re.compile(
    r"(?:\b(?:this|it)[ \t]+(?:is|was|will[ \t]+be)|\b(?:this|the[ \t]+present|the[ \t]+current"
    r"|the[ \t]+proposed|our|the)(?:[ \t]+[\w-]+){0,2}?[ \t]+"
    r"(?:study|trial|research|protocol|project)[ \t]+"
    r"(?:is|was|will[ \t]+be)(?:[ \t]+(?:designed|conducted|planned|set[ \t]+up)[ \t]+as)?"
    r"|\bdesigned[ \t]+as|\bconducted[ \t]+(?:as|in)|\bin[ \t]+this|\bthis|\bdesign[ \t]*:"
    r"|\bpurpose[ \t]*:)[ \t\r\n]*(?:a|an)?[ \t\r\n]*$",
    re.IGNORECASE,
)
_ARTICLE = re.compile(r"^[ \t\r\n]*(?:(?:a|an|the)[ \t\r\n]+)?$", re.IGNORECASE)
# Randomization said with a verb: "Participants will be randomized", "are randomly assigned".
_RANDOM_VERB = re.compile(
    r"\b(?:will[ \t]+be|are|were|is|was|being|be|get|gets)[ \t\r\n]+(?:then[ \t]+)?"
    r"(?P<random>randomi[sz]ed|randomly[ \t\r\n]+(?:assigned|allocated|divided|distributed))\b",
    re.IGNORECASE,
)
_OTHER_STUDY = re.compile(
    r"\b(?:previous(?:ly)?|prior|earlier|published|et al|reported|literature|meta-analys[ie]s"
    r"|showed|shown|demonstrated|go[ \t]+vs\.?[ \t]+no-go|performing|inform|future|subsequent"
    r"|planned|completed|tested|review(?:s|ed)?|other|parent|core|original|feeder)\b",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.!?;](?=\s)|\n[ \t\r]*\n|\n[ \t\r]*[*•-][ \t]")
# Anything in the arms that is a placebo by another name.
_PLACEBO_WORDS = re.compile(
    r"\b(?:placebos?|sham|dummy|vehicle|saline|inactive|inert|sugar[ \t]+pill)\b"
    r"|\b(?-i:OFF)\b|\b(?:switched|turned)[ \t]+off\b",
    re.IGNORECASE,
)
_CONTROL = re.compile(r"\bcontrols?\b", re.IGNORECASE)
_ROLE_NAMES = {
    "PARTICIPANT": "Participant",
    "CARE_PROVIDER": "Care Provider",
    "INVESTIGATOR": "Investigator",
    "OUTCOMES_ASSESSOR": "Outcomes Assessor",
}


@dataclass
class _Claim:
    kind: str
    field: str
    span: tuple[int, int]


def check(record: Record, ctx: Context) -> Iterator[Problem]:
    if record.study_type != "INTERVENTIONAL" or "designModule" not in record.sections:
        return
    found: dict[str, list[_Claim]] = {}
    for field in ctx.options.fields:
        text = getattr(record, str(field), None)
        if isinstance(text, str) and text:
            for claim in _claims(str(field), text):
                found.setdefault(claim.kind, []).append(claim)
    for kind in _KINDS:
        claims = found.get(kind)
        if not claims:
            continue
        contradiction = _contradiction(kind, record)
        if contradiction is None:
            continue
        design_field, what = contradiction
        first = claims[0]
        text = getattr(record, first.field)
        phrase = " ".join(text[first.span[0] : first.span[1]].split())
        others = tuple(dict.fromkeys(c.field for c in claims[1:] if c.field != first.field))
        yield Problem(
            first.field,
            f"{first.field.replace('_', ' ')} says {phrase!r} but {what}",
            span=first.span,
            related=(design_field, *others),
        )


def _claims(field: str, text: str) -> Iterator[_Claim]:
    title = field in _TITLES
    for m in _CLAIM.finditer(text):
        if m.group("negation"):
            continue
        kind = next(k for k in _KINDS if m.group(k))
        if not _qualifies_the_study(text, m.end()):
            continue
        if title or _introduced_as_this_study(text, m.start()):
            yield _Claim(kind, field, (m.start(), m.end()))
    if not title:
        for m in _RANDOM_VERB.finditer(text):
            start = _sentence_start(text, m.start())
            if not _OTHER_STUDY.search(text, start, _sentence_end(text, m.end())):
                yield _Claim("random", field, (m.start("random"), m.end("random")))


def _introduced_as_this_study(text: str, offset: int) -> bool:
    """Whether the run of design words around ``offset`` is introduced as this study."""
    start = _sentence_start(text, offset)
    if _OTHER_STUDY.search(text, start, _sentence_end(text, offset)):
        return False
    # Walk back over the design words before the claim to where the run begins.
    lead = text[start : _run_start(text, start, offset)]
    if _SELF_LEAD.search(lead):
        return True
    # The summary opens with the design: "A randomized, double-blind study of ...".
    return start == _opening(text) and bool(_ARTICLE.match(lead))


def _contradiction(kind: str, record: Record) -> tuple[str, str] | None:
    allocation = (record.allocation or "").upper()
    masking = (record.masking or "").upper()
    roles = record.who_masked
    if kind == "random":
        if allocation in ("NA", "NON_RANDOMIZED"):
            return "allocation", f"allocation is {allocation}"
        return None
    if kind in ("double", "triple", "single"):
        allowed = {
            "single": ("SINGLE", "DOUBLE", "TRIPLE", "QUADRUPLE"),
            "double": ("DOUBLE", "TRIPLE", "QUADRUPLE"),
            "triple": ("TRIPLE", "QUADRUPLE"),
        }[kind]
        if masking and masking not in allowed:
            return "masking", f"masking is {masking}{_roles(roles)}"
        return None
    if kind == "open":
        if "PARTICIPANT" in roles:
            return "who_masked", f"the participant is masked (masking {masking}{_roles(roles)})"
        if not roles and masking in ("DOUBLE", "TRIPLE", "QUADRUPLE"):
            return "masking", f"masking is {masking}"
        return None
    # placebo-controlled
    # Records of 1999-2007 list no arms, and only the active drugs as interventions: the
    # placebo was never listed, so its absence says nothing.
    if not record.arms:
        return None
    if any(a.type in ("PLACEBO_COMPARATOR", "SHAM_COMPARATOR") for a in record.arms):
        return None
    texts = [t for a in record.arms for t in (a.label, a.description, *a.intervention_names)]
    texts += [t for i in record.interventions for t in (i.name, i.description)]
    if any(t and _PLACEBO_WORDS.search(t) for t in texts):
        return None
    # An arm the record calls the control ("Control", "controls receive an isocaloric formula")
    # is taken as the placebo arm under another type: hydroxyzine as an active placebo.
    if any(_CONTROL.search(t) for a in record.arms for t in (a.label, a.description) if t):
        return None
    return "arms", "no arm is a placebo or sham comparator and no arm or intervention is a placebo"


def _roles(roles: list[str]) -> str:
    if not roles:
        return ""
    return " (" + ", ".join(_ROLE_NAMES.get(r, r) for r in roles) + ")"


def _opening(text: str) -> int:
    return len(text) - len(text.lstrip())


def _sentence_start(text: str, offset: int) -> int:
    start = _opening(text) if offset >= _opening(text) else 0
    for m in _SENTENCE_END.finditer(text, 0, offset):
        start = m.end()
    while start < offset and text[start].isspace():
        start += 1
    return start


def _sentence_end(text: str, offset: int) -> int:
    m = _SENTENCE_END.search(text, offset)
    return m.start() if m else len(text)
