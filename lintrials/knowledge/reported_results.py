"""Statements of a study's own results in its summary: "we found that ...", "the results
showed ...", "HbA1c was significantly reduced in the berberine group (p<0.0001)".

`result_statements` reads a text sentence by sentence and yields each that states a result or
conclusion of the study itself: a first-person finding, the study's results showing, a
significance reached or missed between this study's groups, an observed p-value (not in a
present-tense statement of fact with no group or study of the record's), a judging
"In conclusion, ...", or a judging sentence under a "Results:" or "Conclusion:" heading (in
the heading's paragraph). It leaves background and plans: sentences about other studies or
earlier work ("previous studies showed that X reduced Y (p<0.01)", a citation, "in a pilot
study", "in mice"), sentences that go on from them, the rest of a paragraph about other work,
sentences under a "Background:", "Introduction:", "Preliminary studies" or "Literature
review" heading, "this study" right after a sentence about other work (the study just cited),
and planned analyses ("will be
considered significant at p < 0.05", "a p-value of 0.05", "powered to detect a significant
difference").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

__all__ = ["ResultStatement", "result_statements"]


@dataclass(frozen=True)
class ResultStatement:
    """A sentence that states a result, and the words that make it one."""

    kind: str  # finding, results, conclusion, significance, p-value, heading
    phrase: str  # the words, as written
    span: tuple[int, int]  # of the words, in the text
    sentence: tuple[int, int]  # of the sentence, in the text


# --- sentences and headings -----------------------------------------------------------------

_SENTENCE_END = re.compile(r"(?<!\b[A-Z])(?<!\bvs)(?<!\bet al)[.!?](?=\s+[A-Z(\[*•-])|\n[ \t]*\n"
                           r"|\n[ \t]*(?=[*•-][ \t])")
_NAMES = (
    r"(?:summary\s+and\s+)?(?:main\s+|primary\s+|efficacy\s+|safety\s+|expected\s+)?"
    r"(?:results?|conclusions?|findings|discussion|background|introduction|rationale|purpose"
    r"|(?:preliminary|previous|prior|pilot|earlier)\s+(?:studies|study|data|work|results|findings"
    r"|evidence|research)|literature(?:\s+review)?|review\s+of\s+(?:the\s+)?literature"
    r"|state\s+of\s+the\s+art|scientific\s+background|significance"
    r"|objectives?|aims?|methods?|design|hypothes[ie]s|outcomes?|study\s+design"
    r"|outcome\s+measures?)"
)
# A heading that opens a part of an abstract-like text: "Results:", "Results. The ...",
# "CONCLUSIONS -", a heading alone on its line after a blank line, or in capitals ("RESULTS
# The ..."); and any other label at the start of a line ("Clinical Relationships:"), which
# ends the part before it.
_HEADING = re.compile(
    rf"(?:^|(?<=[\n.:;]))[ \t*#]*(?P<name>(?i:{_NAMES}))[ \t*]*"
    r"(?::|[ \t]-[ \t]|\.(?=[ \t]+[A-Z]))"
    rf"|(?:^|(?<=\n\n))[ \t*#]*(?P<alone>(?i:{_NAMES}))[ \t*]*\n"
    rf"|(?:^|(?<=[\n.:;]))[ \t*#]*(?P<caps>[A-Z ]{{4,30}})(?=[ \t]+[A-Z][a-z])"
    rf"|(?<=[ \t])(?<!(?i:current|interim)[ \t])(?<!(?i:expected|progress)[ \t])"
    rf"(?<!(?i:anticipated|preliminary)[ \t])(?P<titled>(?=[A-Z])(?i:{_NAMES}))[ \t]*:"
    r"|(?:^|(?<=\n))[ \t*#]*(?P<label>[A-Z][A-Za-z]+(?:[ \t]+[A-Za-z]+){0,3})[ \t]*:",
)
_RESULT_HEADINGS = re.compile(
    r"(?:summary\s+and\s+)?(?:main\s+|primary\s+|efficacy\s+|safety\s+)?(?:results?"
    r"|conclusions?|findings)", re.IGNORECASE)
_BACKGROUND_HEADINGS = re.compile(
    r"background|introduction|rationale|hypothes[ie]s|expected\s+(?:results?|outcomes?"
    r"|findings)|(?:preliminary|previous|prior|pilot|earlier)\s+(?:studies|study|data|work"
    r"|results|findings|evidence|research)|literature(?:\s+review)?|review\s+of\s+(?:the\s+)?"
    r"literature|state\s+of\s+the\s+art|scientific\s+background|significance",
    re.IGNORECASE)
_ANY_HEADING = re.compile(_NAMES, re.IGNORECASE)


@dataclass(frozen=True)
class _Heading:
    name: str
    start: int  # of the name
    end: int  # of the heading, colon included


def _headings(text: str) -> list[_Heading]:
    found = []
    for m in _HEADING.finditer(text):
        group = next(g for g in ("name", "alone", "caps", "titled", "label") if m.group(g))
        name = m.group(group).strip()
        if group == "caps" and not _ANY_HEADING.fullmatch(name):
            continue
        found.append(_Heading(name, m.start(group), m.end()))
    return found


def _sentences(text: str, headings: list[_Heading]) -> list[tuple[int, int]]:
    """Sentence spans of ``text``; a heading ends the sentence before it."""
    cuts = sorted({m.end() if m.group().startswith((".", "!", "?")) else m.start()
                   for m in _SENTENCE_END.finditer(text)} | {h.start for h in headings}
                  | {h.end for h in headings})
    spans, start = [], 0
    for cut in [*cuts, len(text)]:
        if text[start:cut].strip():
            spans.append((start, cut))
        start = max(start, cut)
    return spans


# --- what states a result ----------------------------------------------------------------------

_FINDING = re.compile(
    r"\bwe\s+(?:(?:have|also|further|then)\s+)?(?:found|observed|showed|demonstrated|concluded"
    r"|noted|detected|confirmed)\b",
    re.IGNORECASE,
)
_RESULTS = re.compile(
    r"\b(?:the|our|study|trial|present)\s+(?:(?:study|trial|main|primary|final|efficacy"
    r"|safety)\s+)?(?:results?|findings|data|analys[ie]s)\s+(?:of\s+(?:the|this|our)\s+(?:present\s+|current\s+)?"
    r"(?:study|trial)\s+)?(?:clearly\s+)?(?:showed|show|shows|demonstrated|demonstrate|demonstrates"
    r"|indicated|indicate|indicates|suggested|suggest|suggests|revealed|reveal|reveals|confirmed"
    r"|concluded|found|included)\b",
    re.IGNORECASE,
)
# "In conclusion, ..." states a result when it judges something ("... was effective").
_CONCLUDING = re.compile(
    r"\b(?:in\s+conclusions?|to\s+conclude|it\s+(?:was|is)\s+concluded)\b", re.IGNORECASE)
_EVALUATIVE = re.compile(
    r"\b(?:effective\w*|efficac\w+|safe|improv\w*|reduc\w*|increas\w*|decreas\w*|significant\w*"
    r"|superior\w*|inferior\w*|better|worse|benefi\w+|did\s+not|no\s+difference|associated"
    r"|similar|comparable|well\s+tolerated|feasib\w+|successful\w*|efficient\w*|prov(?:ed|en)"
    r"|recommended)\b",
    re.IGNORECASE,
)
_SIGNIFICANCE = re.compile(
    r"\b(?:was|were)\s+(?:all\s+|also\s+|not\s+)?(?:statistically\s+)?significantly\s+"
    r"(?:higher|lower|greater|smaller|reduced|increased|decreased|improved|better|worse"
    r"|different|shorter|longer|correlated|associated|elevated|lowered)\b"
    r"|\b(?:there\s+(?:was|were)\s+(?:a\s+|no\s+)?(?:statistically\s+)?significant"
    r"|no\s+(?:statistically\s+)?significant\s+(?:\w+\s+){0,2}?(?:was|were)\s+"
    r"(?:found|observed|seen|detected|shown|noted)"
    r"|(?:statistically\s+)?significant\s+(?:\w+\s+){0,3}?(?:was|were)\s+"
    r"(?:found|observed|seen|detected|shown|noted))\b"
    r"|\bsignificantly\s+(?:improved|reduced|increased|decreased|lowered|prolonged|shortened)"
    r"\s+(?:the\s+)?\w+",
    re.IGNORECASE,
)
# This study's own groups, named: "in the berberine group", "compared with placebo".
_OWN_GROUPS = re.compile(
    r"\b(?:the|both|two|three|all|each)\s+(?:[\w-]+\s+){0,3}?(?:groups?|arms?)\b"
    r"|\bgroups?\s+(?:[1-9]|[A-D]|I{1,3})\b|\bbetween\s+(?:the\s+)?(?:groups|arms|treatments)\b"
    r"|\bcompared\s+(?:with|to)\s+(?:the\s+)?(?:placebo|control|sham|baseline|usual\s+care)\b"
    r"|\bversus\s+(?:placebo|control|sham)\b",
    re.IGNORECASE,
)
# An observed p-value: "p = 0.032", "P: 0.005", "p<0.0001", "(P \>0.05)"; not a threshold
# ("p < 0.05" alone is one).
_P_VALUE = re.compile(
    r"\bp(?:[\s-]*value)?\s*\\?(?P<op><=|>=|[=:><≤≥])\s*(?P<value>0?\.\d+|1(?:\.0+)?)(?!\d)",
    re.IGNORECASE,
)
_WE = re.compile(r"\b(?:we|our)\b", re.IGNORECASE)
_PRESENT = re.compile(r"\b(?:is|are|has|have|remains?|appears?|seems?)\b", re.IGNORECASE)
_PAST = re.compile(r"\b(?:was|were|had|did)\b", re.IGNORECASE)
_THRESHOLDS = frozenset({".05", ".01", ".1", ".10", ".025", ".005", ".050"})
_BELOW = frozenset({"<", "≤", "<="})

# --- what makes a sentence background or a plan -------------------------------------------------

_PLAN = re.compile(
    r"\b(?:will|would|shall|planned|plans?|expected|expects?|hypothes\w+|intend\w*|propos\w+"
    r"|(?<!proved\s)(?<!proven\s)(?<!found\s)(?<!shown\s)(?<!appeared\s)(?<!seems\s)to\s+be"
    r"|should|if|whether|considered\s+(?:statistically\s+)?significant|significance"
    r"\s+level|level\s+of\s+significance|alpha|power(?:ed)?|sample\s+size|two-sided|one-sided"
    r"|two-tailed|set\s+at|threshold|assum\w+|able\s+to\s+detect|to\s+detect|aims?|aimed"
    r"|(?:defined|regarded|taken|accepted)\s+as|deemed"
    r"|objectives?|goals?|purpose)\b|α",
    re.IGNORECASE,
)
# Other studies, earlier work, the literature, animals: background, whatever it reports.
_BACKGROUND = re.compile(
    r"\b(?:previous(?:ly)?|prior|earlier|recent(?:ly)?|pilot|preliminary|published|literature"
    r"|reported|et\s+al|meta-?analys[ie]s|systematic\s+reviews?|reviews?|studies|trials"
    r"|(?:have|has|had)\s+(?:been\s+)?(?:shown|demonstrated|found|reported|observed|suggested)"
    r"|other\s+(?:investigators|authors|groups|centers|centres)|animals?|mice|mouse|rats?|dogs"
    r"|in\s+vitro|in\s+vivo|pre-?clinical|our\s+(?:own\s+)?(?:cent(?:er|re)|group|institution"
    r"|experience|department|unit|team)|retrospective(?:ly)?|historical"
    r"|our\s+(?:[\w-]+\s+)?(?:cohort|series|database|registry)|in\s+(?:19|20)\d{2}"
    r"|last\s+(?:year|decade)|known|evidence\s+(?:suggests|shows|indicates|that|from)"
    r"|guidelines?|experts?|epidemiolog\w+|phase\s+(?:I{1,3}V?|[1-4])[ab]?\s+(?:study|trial)"
    r"|(?:a|an|one|another|their|two|several|many|some)\s+(?:[\w-]+\s+){0,3}?(?:study|trial"
    r"|cohort|series|survey|analysis|report))\b"
    r"|\[\d+(?:\s*[,–-]\s*\d+)*\]|\(\s*[A-Z][A-Za-z-]+(?:\s+(?:et\s+al\.?|and\s+[A-Z][a-z]+))?"
    r",?\s+(?:19|20)\d{2}[a-z]?\s*\)|\((?:19|20)\d{2}\)"
    r"|\b(?:in|from|of)\s+the\s+(?-i:[A-Z][A-Z0-9-]{2,})(?:\s+\w+)?\s+(?:study|trial)\b",
    re.IGNORECASE,
)
# A sentence that goes on from the one before ("The results showed ...", "These findings ...").
_ANAPHOR = re.compile(
    r"\s*(?:the|these|those|such|this|they|it|its|their|results?|findings|data|moreover"
    r"|however|in\s+addition|also|furthermore|thus|therefore|in\s+conclusions?|overall"
    r"|taken\s+together)\b", re.IGNORECASE)
# A sentence that names this study ("In this study", "This is an exploratory clinical
# study"): it is not about the other work of its paragraph, and does not make the paragraph
# about other work.
_THIS_STUDY = re.compile(
    r"\b(?:this|the\s+present|the\s+current|our)\s+(?!(?:previous|prior|earlier|pilot"
    r"|preliminary|former|last|first|other|original|parent|own)\b)(?:[\w-]+\s+){0,2}?"
    r"(?:study|trial)\b"
    r"|^\s*(?:this|it)\s+(?:is|was)\s+an?\s+(?:[\w-]+\s+){0,4}?(?:study|trial)\b",
    re.IGNORECASE,
)
_PARAGRAPH = re.compile(r"\n[ \t\r]*\n")
# Under a "Results:" heading: a sentence that compares or judges, not one that reports
# progress ("135 subjects were enrolled; results are pending") or speculates.
_COMPARES = re.compile(
    r"\b(?:higher|lower|highest|lowest|greater|less|fewer|more|differ\w*|changed?|showed|shown"
    r"|found|revealed|observed|no\s+(?:change|difference))\b",
    re.IGNORECASE,
)
_PROGRESS = re.compile(
    r"\b(?:enroll?(?:ed|ment)|recruit\w*|ongoing|pending|being|underway|under\s+way|continu\w+"
    r"|not\s+(?:yet\s+)?(?:complete|completed|available|known)|none|might|may|could"
    r"|potential(?:ly)?)\b",
    re.IGNORECASE,
)


def _statement(sentence: str, under_results: bool) -> tuple[str, re.Match[str]] | None:
    """What in ``sentence`` states a result of the study, if anything does."""
    for kind, pattern in (("finding", _FINDING), ("results", _RESULTS)):
        m = pattern.search(sentence)
        if m:
            return kind, m
    m = _CONCLUDING.search(sentence)
    if m and _EVALUATIVE.search(sentence, m.end()):
        return "conclusion", m
    m = _SIGNIFICANCE.search(sentence)
    if m and (under_results or _OWN_GROUPS.search(sentence) or _P_VALUE.search(sentence)):
        return "significance", m
    if not (under_results or _OWN_GROUPS.search(sentence) or _THIS_STUDY.search(sentence)
            or _WE.search(sentence)) and _PRESENT.search(sentence) and not _PAST.search(sentence):
        # A p-value in a statement of fact ("heavy lifting is associated with back pain, p <
        # 0.001"), of no group or study of this record's: the literature's, not this study's.
        return None
    for m in _P_VALUE.finditer(sentence):
        if m.group("op") not in _BELOW or m.group("value").lstrip("0") not in _THRESHOLDS:
            return "p-value", m
    return None


def result_statements(text: str) -> Iterator[ResultStatement]:
    """Each sentence of ``text`` that states a result or conclusion of the study itself.

    A sentence is background when it says so itself (another study, the literature, a
    citation), when it goes on from a background sentence ("These findings ...", "In
    conclusion, ..."), or when its paragraph has been about other work and it does not name
    this study.
    """
    headings = _headings(text)
    paragraphs = [m.end() for m in _PARAGRAPH.finditer(text)]
    previous_background = paragraph_background = False
    paragraph = previous_paragraph = 0
    for start, end in _sentences(text, headings):
        sentence = text[start:end]
        first = start + len(sentence) - len(sentence.lstrip())  # a sentence after a blank line
        while paragraph < len(paragraphs) and paragraphs[paragraph] <= first:
            paragraph += 1
            paragraph_background = False
        heading = next((h for h in reversed(headings) if h.start <= start), None)
        if heading is not None and heading.end > start:  # the heading: a new part
            previous_background = paragraph_background = False
            continue
        if heading is not None and _BACKGROUND_HEADINGS.fullmatch(heading.name):
            previous_background = True
            continue
        under_results = heading is not None and _RESULT_HEADINGS.fullmatch(heading.name) is not None
        own = _THIS_STUDY.search(sentence)
        # Right after a sentence about other work, in its paragraph, "this study" is the study
        # just cited.
        this_study = own is not None and not (
            previous_background and previous_paragraph == paragraph
            and own.group().lower().startswith(("this", "it")))
        goes_on = previous_background and _ANAPHOR.match(sentence) is not None
        in_other_work = paragraph_background and not under_results
        background = _BACKGROUND.search(sentence) is not None or (
            not this_study and (goes_on or in_other_work))
        previous_background = background and not this_study
        previous_paragraph = paragraph
        paragraph_background = paragraph_background or previous_background
        if background or _PLAN.search(sentence):
            continue
        found = _statement(sentence, under_results)
        if found is not None:
            kind, m = found
            yield ResultStatement(kind, m.group(), (start + m.start(), start + m.end()),
                                  (start, end))
        elif under_results and heading is not None and not _PROGRESS.search(sentence) and (
                _COMPARES.search(sentence) or _EVALUATIVE.search(sentence)) and not any(
                heading.start < at <= start for at in paragraphs):
            yield ResultStatement("heading", heading.name, (heading.start,
                                  heading.start + len(heading.name)), (start, end))
