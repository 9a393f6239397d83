"""Condition entries that name no condition: a kind of study, what it measures, or its aim.

ClinicalTrials.gov's conditions field holds "the disease(s) or condition(s) studied ... or the
focus of the study". `design_term` says whether an entry is made only of words that describe
the study itself (its design: "Randomized Controlled Trial", "Crossover"; what it measures:
"Pharmacokinetics", "Bioequivalence", "Safety and Efficacy"), with connectives and, given
them, the names of the study's own drugs ("Pharmacokinetics of Sildenafil"). An entry that
names anyone or anything else is a condition, however it is worded: "Pharmacokinetics in
Renal Impairment", "Bioequivalence in Healthy Volunteers", "Healthy", "Quality of Life",
"Drug Interaction" (a hazard participants can suffer, and the focus of an interaction study),
"Placebo Effect" (the focus of placebo research), "Trial of Labor" (an obstetric condition),
"Neonatal Outcome", "Uncontrolled Hypertension". `states_aim` says whether an entry is a
sentence of the study's aim ("To Assess Erectile Function in Patients ..."). `STATE_NAMES` are
interventions named for a state or a practice that is itself a usual condition entry
("Anesthesia", "Sedation", "Vaccination"). Words are compared folded (`text.words`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from lintrials.knowledge.text import words

__all__ = ["DESIGN_ANCHORS", "STATE_NAMES", "design_term", "states_aim"]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


def _phrases(text: str) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(phrase.split()) for phrase in text.split("|"))


# Phrases of which a design entry holds at least one: a kind of study, or what it measures.
DESIGN_ANCHORS = _phrases(
    "pharmacokinetics|pharmacokinetic|pk|pharmacodynamics|pharmacodynamic|bioequivalence"
    "|bioequivalent|bioavailability|food effect|safety|efficacy|tolerability|effectiveness"
    "|immunogenicity|reactogenicity|randomized|randomised|randomization|randomisation|rct"
    "|trial|trials|study|studies|crossover|cross over|controlled human infection"
    "|human challenge|dose escalation|dose finding|first in human|phase|open label"
    "|double blind|single blind|placebo controlled|feasibility"
)
# Other words a design entry may hold beside its anchor: more of the design, and connectives.
_COMPANIONS = frozenset(
    {word for phrase in DESIGN_ANCHORS for word in phrase}
    | _words("""
        placebo controlled control clinical double single triple blind blinded masked open
        label labelled labeled parallel group groups arm arms pilot feasibility multicenter
        multicentre multi center centre prospective retrospective observational interventional
        cohort phase comparative relative multiple ascending dose doses dosing escalating
        ranging fed fasted fasting food effect effects evaluation assessment analysis profile
        parameters and or of the a an in for with vs versus on after under
        i ii iii iv 0 1 2 3 4 1b 2a 2b
    """)
)
# Interventions named for a state or a practice that is also a usual condition entry.
STATE_NAMES = frozenset(
    words(name) for name in (
        "anesthesia", "anaesthesia", "general anesthesia", "general anaesthesia", "analgesia",
        "sedation", "vaccination", "immunization", "immunisation", "contraception",
        "nutrition", "parenteral nutrition", "enteral nutrition", "smoking cessation", "pain",
    )
)


def _holds(tokens: tuple[str, ...], phrase: tuple[str, ...]) -> bool:
    n = len(phrase)
    return any(tokens[i:i + n] == phrase for i in range(len(tokens) - n + 1))


def design_term(entry: str, drug_words: Iterable[str] = ()) -> bool:
    """Whether a condition entry names only the study's design or what it measures: an anchor
    (`DESIGN_ANCHORS`) and nothing but design words, connectives and ``drug_words`` (the
    folded words of the study's own drugs) beside it."""
    tokens = words(entry)
    if not tokens or not any(_holds(tokens, phrase) for phrase in DESIGN_ANCHORS):
        return False
    allowed = _COMPANIONS | set(drug_words)
    return all(token in allowed for token in tokens)


# "To assess ...", "To evaluate the ...": a sentence of the study's aim.
_AIM = re.compile(
    r"\s*to\s+(?:assess|evaluate|determine|compare|investigate|examine|explore|measure|study"
    r"|test|analy[sz]e|describe|identify|estimate|establish|understand|characteri[sz]e)\b",
    re.IGNORECASE,
)


def states_aim(entry: str) -> bool:
    """Whether a condition entry is a sentence of the study's aim ("To assess ...")."""
    return _AIM.match(entry) is not None
