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
open the summary; sentences about other studies are skipped. The intervention model
description is about this design alone and needs no introduction. The criteria count only for
a stratified randomization ("stratify subjects for randomization"); the detailed description
is not read for claims (only for parts and what is randomized, below); observational studies
are not checked. One finding per claim and record, at the first place that makes it.

Claims of one part are not the whole study's. A claim in a summary sentence that names a part
("In Part 2, patients will be randomized") is skipped. In a study in parts (the titles,
summaries or arms name parts, stages or periods, "a dose escalation part and a randomized
part", "two-part", an extension), a claim the fields contradict is not reported when the
record also describes a part with the fields' design: randomized against a dose escalation,
single-arm, run-in or extension part; double-blind against an open-label one; open-label
against a blinded one; placebo-controlled against an open-label, extension or active-control
one. Randomization of eyes, sides, lesions or teeth within each participant
("the two eyes will be randomized", "split-mouth", "the contralateral side as control") is not
randomization of participants: allocation NA or NON_RANDOMIZED is not contradicted by it.

Why it matters: "randomized, double-blind, placebo-controlled" is a promise that readers,
systematic reviewers and ethics committees rely on, and the allocation, masking and arm fields
are what the registry's filters and meta-research read. When they disagree, one is wrong.

Fails: NCT00460083, "A Randomized, Double-Blinded Study of Epiceram Versus Elidel", masking
SINGLE; NCT04757038, "An Open Label, Randomized-controlled Trial", masking DOUBLE; NCT05704153,
intervention model description "a multicentre, national, randomized, double-blind ... study",
masking SINGLE.

Passes: seed NCT07314060, "randomized, double-blind, placebo-controlled", allocation RANDOMIZED,
masking QUADRUPLE, a PLACEBO_COMPARATOR arm; NCT00143221, "Double-blind ... With and
Open-label Extension", masking DOUBLE (the open label is the extension's); NCT07040059,
"Phase 1b/2, Open-label, Randomized", allocation NA, with "a dose escalation part (Phase 1b)
and a randomized part".

Options:
  fields ([official_title, brief_title, brief_summary, intervention_model_description]): the
    text fields read.

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
    fields: tuple[str, ...] = ("official_title", "brief_title", "brief_summary",
                               "intervention_model_description")


_TITLES = frozenset({"brief_title", "official_title"})
_CRITERIA = "eligibility.criteria"
# The criteria say how the randomization is done: "Stratify subjects for randomization by
# age", "stratified randomization", "randomization will be stratified by site". (Criteria
# that only time something "before randomization" are often copied from another protocol,
# and are not read.)
_STRATIFIED = re.compile(
    r"\bstratif(?:y|ied|ying|ication)\b[^.;\n]{0,60}?\b(?:for|at|before|prior[ \t]+to|in)"
    r"[ \t]+(?:the[ \t]+)?randomi[sz]ation\b"
    r"|\bstratified[ \t]+randomi[sz](?:ation|ed)\b"
    r"|\brandomi[sz]ation[ \t]+(?:will[ \t]+be|is|was)[ \t]+stratified\b",
    re.IGNORECASE,
)
# Fields about nothing but the design of this study: a claim there needs no introduction.
_DESIGN_TEXTS = frozenset({"intervention_model_description"})

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


# A study in parts with designs of their own: "Part 1 ... Part 2", "a dose escalation part and
# a randomized part", "two-part", "Open-Label Extension". Cancer stages ("Stage III") and trial
# phases ("Randomized Phase II") are not parts.
_PARTS = re.compile(
    r"\b(?:part|period|segment|portion)[ \t]*(?:[1-9]|[A-D]|I{1,3}|one|two|three)\b"
    r"|\bstage[ \t]*[1-3]\b"
    r"|\b(?:two|three|four|2|3|4)[ \t-]+(?:parts?|stages?|periods?|phases?|segments?)\b"
    r"|\b(?:first|second|third|main|core)[ \t]+(?:part|stage|period|phase|segment)\b"
    r"|\b(?:escalation|expansion|extension|randomi[sz]ed|randomi[sz]ation|blinded|blind"
    r"|open[ \t-]*label|masked|placebo[ \t-]*controlled|lead[ \t-]*in|run[ \t-]*in|pilot"
    r"|dose[ \t-]*finding)[ \t]+"
    r"(?:part|portion|period|segment|stage|cohort"
    r"|phase(?![ \t-]*(?:[0-4]|I{1,3}V?|IV)(?![\w-])))s?\b"
    r"|\bextension\b|\bfollowed[ \t]+by[ \t]+(?:an?|the)[ \t]+(?:\w+[ \t-]+){0,3}"
    r"(?:part|phase|period|stage|portion|extension)\b",
    re.IGNORECASE,
)
# A part said in the claim's own sentence: "In Part 2, participants will be randomized".
_PART_NAMED = re.compile(
    r"\b(?:part|period|segment|portion|stage)[ \t]*(?:[1-9]|[A-D]|I{1,3}|one|two|three)\b"
    r"|\b(?:first|second|third|next|main|core|later|last|final)[ \t]+"
    r"(?:part|stage|period|phase|segment|portion)\b"
    r"|\b(?:escalation|expansion|extension|lead[ \t-]*in|run[ \t-]*in)[ \t]+"
    r"(?:part|portion|period|segment|stage|cohort|phase)\b",
    re.IGNORECASE,
)
# What a part with the design the fields give would be called: the fields are then the other
# part's, and the claim is one part's.
_OTHER_PART = {
    "random": re.compile(
        r"\bnon[ \t-]*randomi[sz]ed\b|\bsingle[ \t-]*(?:arm|group)\b|\bdose[ \t-]*"
        r"(?:escalation|finding)\b|\b3[ \t]*\+[ \t]*3\b|\bextension\b|\buncontrolled\b"
        r"|\b(?:run|lead)[ \t-]*in\b|\ball[ \t]+(?:patients|participants|subjects)[ \t]+"
        r"(?:will[ \t]+)?receive",
        re.IGNORECASE,
    ),
    "blind": re.compile(
        r"\bopen[ \t-]*label(?:l?ed)?\b|\b(?:un|non[ \t-]*)(?:blinded|masked)\b|\bnot"
        r"[ \t]+(?:blinded|masked)\b|\bopen[ \t]+(?:part|phase|period|extension|treatment)\b",
        re.IGNORECASE,
    ),
    "open": re.compile(
        r"\b(?:double|triple|quadruple|single)[ \t-]*(?:blind|mask)(?:ed)?\b|\bblinded\b"
        r"|\bmasked\b|\bplacebo\b",
        re.IGNORECASE,
    ),
    "placebo": re.compile(
        r"\bopen[ \t-]*label(?:l?ed)?\b|\bextension\b|\bactive[ \t-]*control",
        re.IGNORECASE,
    ),
}
# Randomization of parts of one participant (eyes, sides, lesions, teeth), not of participants:
# "eyes will be randomized", "randomization of the two sides", "a randomized split-mouth trial".
_BODY_PARTS = (
    r"(?:eyes?|lesions?|sides?|teeth|tooth|quadrants?|limbs?|hands?|legs?|knees?|feet|foot"
    r"|wounds?|scars?|halves|hemi[ \t-]*faces?|ears?|nostrils?|nails?|implants?|fingers?|toes?"
    r"|breasts?|kidneys?|hemispheres?|sockets?|sinuses|defects?|ulcers?|arms"
    r"[ \t]+of[ \t]+(?:each|the|every)[ \t]+(?:patient|participant|subject))"
)
_WITHIN_TERMS = (
    r"(?:contralateral|fellow[ \t-]*eyes?|intra[ \t-]*(?:individual|patient|subject|participant)"
    r"|within[ \t-]*(?:patient|subject|participant|individual|person)|paired[ \t-]*eyes?"
    r"|(?:left|right)[ \t]+(?:or|and|vs\.?|versus)[ \t]+(?:left|right))"
)
_WITHIN_PARTICIPANT = re.compile(
    r"\bsplit[ \t-]*(?:mouth|face|body|scalp|arm|leg|foot|skin)\b"
    # "contralateral", "within-subject" said of the randomization, not of a limb or an analysis
    rf"|\brandom\w*[^.;\n]{{0,80}}\b{_WITHIN_TERMS}\b|\b{_WITHIN_TERMS}[^.;\n]{{0,80}}\brandom"
    rf"|(?P<subject>\b{_BODY_PARTS}(?:[ \t\r\n]+[\w-]+){{0,6}}?"
    r"[ \t\r\n]+(?:will[ \t]+be|are|were|is|was|being|to[ \t]+be)[ \t]+(?:then[ \t]+)?"
    r"(?:randomi[sz]ed|randomly)\b"
    rf"|\b(?:one|each|either|the[ \t]+(?:first|second|study))[ \t]+{_BODY_PARTS}[ \t]+"
    r"(?:(?:will[ \t]+be|is|was|being)[ \t]+)?(?:randomi[sz]ed|randomly)\b)"
    r"|\brandomi[sz](?:ation|ed)[ \t]+(?:of|between)[ \t]+(?:the[ \t]+)?(?:two[ \t]+|both"
    rf"[ \t]+)?{_BODY_PARTS}\b"
    r"|\brandom(?:ly|i[sz]ed)[ \t]+(?:assigned|allocated)?[ \t]*(?:to[ \t]+)?(?:one|either"
    rf"|each)[ \t]+(?:of[ \t]+the[ \t]+)?{_BODY_PARTS}\b",
    re.IGNORECASE,
)


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
    stratified = _STRATIFIED.search(record.eligibility.criteria or "")
    if stratified and _contradiction("random", record) is not None:
        found.setdefault("random", []).append(
            _Claim("random", _CRITERIA, (stratified.start(), stratified.end())))
    everything = "\n".join(_texts(record))
    in_parts = _PARTS.search(everything) is not None
    for kind in _KINDS:
        claims = found.get(kind)
        if not claims:
            continue
        contradiction = _contradiction(kind, record)
        if contradiction is None:
            continue
        if kind == "random" and _within_participant(everything):
            continue  # eyes, sides or lesions of each participant are randomized
        group = "blind" if kind in ("double", "triple", "single") else kind
        if in_parts and _OTHER_PART[group].search(everything):
            continue  # the claim is one part's, the fields another's (or the whole study's)
        design_field, what = contradiction
        first = claims[0]
        text = (record.eligibility.criteria if first.field == _CRITERIA
                else getattr(record, first.field)) or ""
        phrase = " ".join(text[first.span[0] : first.span[1]].split())
        others = tuple(dict.fromkeys(c.field for c in claims[1:] if c.field != first.field))
        said = ("the criteria say" if first.field == _CRITERIA
                else f"{first.field.replace('_', ' ')} says")
        yield Problem(
            first.field,
            f"{said} {phrase!r} but {what}",
            span=first.span,
            related=(design_field, *others),
        )


def _texts(record: Record) -> Iterator[str]:
    """Every text that may describe the design: titles, summaries, the intervention model
    description and arms."""
    for text in (record.official_title, record.brief_title, record.brief_summary,
                 record.detailed_description, record.intervention_model_description):
        if text:
            yield text
    for arm in record.arms:
        yield from (t for t in (arm.label, arm.description) if t)


def _claims(field: str, text: str) -> Iterator[_Claim]:
    title = field in _TITLES
    for m in _CLAIM.finditer(text):
        if m.group("negation"):
            continue
        kind = next(k for k in _KINDS if m.group(k))
        if not _qualifies_the_study(text, m.end()):
            continue
        if title or (
            (field in _DESIGN_TEXTS or _introduced_as_this_study(text, m.start()))
            and not _of_a_part(text, m.start()) and not _of_another_study(text, m.start())
        ):
            yield _Claim(kind, field, (m.start(), m.end()))
    if not title:
        for m in _RANDOM_VERB.finditer(text):
            if _NOT_BEFORE.search(text, max(0, m.start() - 12), m.start()):
                continue  # "will not be randomized"
            start = _sentence_start(text, m.start())
            end = _sentence_end(text, m.end())
            if not (_OTHER_STUDY.search(text, start, end) or _PART_NAMED.search(text, start, end)):
                yield _Claim("random", field, (m.start("random"), m.end("random")))


# People as the subject of a randomization whose sentence names body parts: "Patients with
# lesions in both eyes will be randomized" randomizes patients.
_PEOPLE_BEFORE = re.compile(
    r"\b(?:patients|participants|subjects|people|persons|individuals|children|adults|women|men"
    r"|volunteers|infants)\b[^,;:.]{0,60}$",
    re.IGNORECASE,
)


def _within_participant(text: str) -> bool:
    """Whether ``text`` randomizes eyes, sides, lesions or teeth of each participant."""
    for m in _WITHIN_PARTICIPANT.finditer(text):
        before = max(0, m.start() - 60)
        if not m.group("subject") or not _PEOPLE_BEFORE.search(text, before, m.start()):
            return True
    return False


_NOT_BEFORE = re.compile(r"\b(?:not|never)[ \t]+$", re.IGNORECASE)


def _of_another_study(text: str, offset: int) -> bool:
    """Whether the sentence around ``offset`` is about other studies ("previous trials")."""
    start = _sentence_start(text, offset)
    return _OTHER_STUDY.search(text, start, _sentence_end(text, offset)) is not None


def _of_a_part(text: str, offset: int) -> bool:
    """Whether the sentence around ``offset`` names a part of the study ("In Part 2, ...")."""
    start = _sentence_start(text, offset)
    return _PART_NAMED.search(text, start, _sentence_end(text, offset)) is not None


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
