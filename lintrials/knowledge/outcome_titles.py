"""How outcome measure titles are written: as an objective instead of a measure.

`objective_opening` finds the words that make a title an objective: "To evaluate whether ...",
an imperative "Assess the efficacy ...", a gerund "Evaluating ...", or an action noun on an
objective ("Evaluation of the efficacy of ..."). An action noun on a measure ("Determination of
plasma concentration", "Assessment of quality of life") names what is measured and is not an
objective; nor is a word that is a noun as well as a verb ("Study drug exposure", "Measure of
Current Status", "Test-retest reliability") unless an object follows it ("Study the ...").
"""

from __future__ import annotations

import re

__all__ = ["OBJECTIVE_VERBS", "objective_opening"]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# --- outcome titles written as objectives ----------------------------------------------------

# Verbs that open an objective and are never nouns: "Assess ...", "To evaluate ...".
OBJECTIVE_VERBS = _words("""
    assess evaluate determine compare investigate demonstrate explore examine characterise
    characterize describe identify establish confirm quantify quantitate analyse analyze
    ascertain verify validate observe obtain develop prove understand appraise explain elucidate
    clarify define delineate
""")
# Verbs that are nouns too ("Measure of Current Status", "Study drug exposure", "Test results",
# "Estimate of ..."): an objective only with an object after them ("Measure the change ...").
_NOUN_VERBS = _words("measure study test estimate monitor review record survey")
# Verbs an infinitive objective may also start with: goals ("To reduce vaginal bleeding").
_GOAL_VERBS = _words("""
    reduce improve increase decrease prevent lower achieve maintain prolong delay diagnose predict
    collect gather create build provide offer show see find know learn generate enable allow
    support inform facilitate promote stop treat relieve restore preserve shorten minimise
    minimize maximise maximize optimise optimize select recommend report summarise summarize
    calculate compute estimate assess measure monitor track follow record look
""")
# Adverbs between "to" and its verb ("To further evaluate", "To prospectively validate").
_ADVERBS = _words("""
    further better prospectively retrospectively also additionally formally fully
    comprehensively initially first then primarily accurately directly objectively
    systematically jointly simultaneously independently descriptively preliminarily
    quantitatively qualitatively clinically statistically
""")
# What may stand before the opening: bullets, list numbers, an "Objective:" label.
_LEAD = re.compile(
    r"[\s•*·\-–—>]*(?:(?:\d{1,2}|[a-z])[.)]\s+)?"
    r"(?:(?:primary|secondary|main|principal|exploratory)\s+)?"
    r"(?:(?:objective|aim|goal|purpose)s?\s*(?:\d{1,2}\s*)?[:\-–]\s*)?",
    re.IGNORECASE,
)
_WORD = re.compile(r"[A-Za-z]+(?:'[a-z]+)?")
# Objects that make a noun-verb a verb: "Measure the change", "Study whether".
_OBJECT = re.compile(
    r"\s+(?:the|a|an|whether|if|how|what|which|any|all|changes?\s+in|effects?\s+of)\b",
    re.IGNORECASE,
)
# Action nouns, and the objective they may be put on: "Evaluation of the efficacy of drug X",
# "Assessment of whether ...". On a measure they are fine ("Assessment of quality of life").
_ACTION_NOUN = re.compile(
    r"(?P<noun>evaluation|assessment|determination|comparison|investigation|examination"
    r"|analysis|exploration|characteri[sz]ation|estimation|demonstration|study"
    r"|measurement|description|identification|quantification)\s+(?:of\s+)?"
    r"(?:(?P<whether>whether|if)\b"
    r"|(?:the\s+)?(?:[\w-]+\s+){0,3}?"
    r"(?P<aim>efficacy|effectiveness|safety|effects?|impact|tolerability|superiority"
    r"|non-?inferiority|benefits?|usefulness|utility|role|influence)\s+(?:of|on)\b)",
    re.IGNORECASE,
)
# Gerunds of the objective verbs ("Evaluating Disease-Free Survival", "Assessing the ...").
_GERUNDS = frozenset(
    {
        "assessing", "evaluating", "determining", "comparing", "investigating",
        "demonstrating", "exploring", "examining", "characterising", "characterizing",
        "describing", "identifying", "establishing", "confirming", "quantifying",
        "analysing", "analyzing", "validating", "verifying", "ascertaining",
    }
)
_NOUN_GERUNDS = frozenset({"measuring", "studying", "testing", "estimating", "monitoring"})


def objective_opening(title: str) -> str | None:
    """The words that open ``title`` as an objective ("To evaluate", "Assess",
    "Evaluation of the efficacy of"), or None when the title opens as a measure does."""
    lead = _LEAD.match(title)
    rest = title[lead.end() if lead else 0:]
    first = _WORD.match(rest)
    if first is None:
        return None
    word = first.group()
    # A word in capitals in a title that is not all capitals is an acronym ("ASSESS score").
    if word.isupper() and len(word) > 1 and not title.isupper():
        return None
    low = word.lower()
    after = rest[first.end():]
    if low == "to":
        words = _WORD.findall(after[:60])
        i = 0
        while i < len(words) - 1 and words[i].lower() in _ADVERBS:
            i += 1
        if words and _is_infinitive(words[i].lower()):
            verb = re.search(re.escape(words[i]), after)
            return rest[: first.end() + (verb.end() if verb else 0)].strip()
        return None
    if low in OBJECTIVE_VERBS or low in _GERUNDS:
        return word
    if (low in _NOUN_VERBS or low in _NOUN_GERUNDS) and _OBJECT.match(after):
        return word
    noun = _ACTION_NOUN.match(rest)
    if noun:
        return rest[: noun.end()].strip()
    return None


def _is_infinitive(word: str) -> bool:
    return word in OBJECTIVE_VERBS or word in _NOUN_VERBS or word in _GOAL_VERBS
