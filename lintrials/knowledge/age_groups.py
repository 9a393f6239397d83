"""Participants and groups of them in a criteria text: the words for participants, the words
that name one cohort, part, arm or age group, "or" alternatives and other people, and the
statements that read as about everyone but are about groups (ages of each sex, two ranges in
one criterion, the items after "one of the following:"). `age_limits` marks the bounds of
those `StatedLimit.group`.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from lintrials.knowledge.criteria import Layout, Section, header_section, line_end

__all__ = [
    "BABY_WORDS",
    "GROUP",
    "GROUP_LABEL_AFTER",
    "OR_ALTERNATIVE",
    "OTHER_AGE_BEFORE",
    "OTHER_PEOPLE_HEADING",
    "SEX_WORDS",
    "SUBJECT_WORDS",
    "Phrase",
    "cared_for",
    "group_section",
    "grouped",
    "in_flattened_list",
    "singular",
]

# Words that may stand before an age statement in its criterion: words for the participants
# and the verbs that introduce them. Anything else ("a partner", "if", "for patients", "with
# diabetes") means the phrase is about something or someone else, or is a condition.
SUBJECT_WORDS = frozenset("""
    male males female females men women man woman adult adults patient patients pts pt
    participant participants subject subjects volunteer volunteers individual individuals
    person persons people child children kid kids infant infants neonate neonates newborn
    newborns baby babies boy boys girl girls adolescent adolescents teen teens teenager
    teenagers youth youths toddler toddlers preterm term elderly older young younger healthy
    normal otherwise nonpregnant non pregnant postmenopausal premenopausal ambulatory
    outpatient outpatients inpatient inpatients hospitalized hospitalised consenting
    eligible potential caucasian chinese japanese korean asian white black african american
    hispanic latino latina indian european and or both either all any sex sexes gender
    genders genre of who are is be must should shall will being aged age ages inclusion
    criteria criterion key main characteristics disease demographics demographic general
    eligibility the a an at time screening signing consent informed written documented
    provide can aging ageing has have study entry enrollment enrolment randomization
    randomisation visit population selection inclusive each ambulant community dwelling
    residing living skeletally mature heterosexual pediatric paediatric s veterans unlimited
    race races ethnicity ethnic origin to had menopausal post perimenopausal included
    smokers nonsmokers sexually active right left handed native speakers speaking english
    volunteering recruited enrolled participation
""".split())  # noqa: SIM905
BABY_WORDS = frozenset("""
    child children infant infants neonate neonates newborn newborns baby babies preterm
    toddler toddlers kid kids boy boys girl girls
""".split())  # noqa: SIM905

# Words that name one group of participants, in the criterion before a phrase, in the heading
# it stands under, or as a label right after it ("Adolescents 12-17 years (Cohort 1)").
GROUP = re.compile(
    r"\b(?:cohorts?|groups?|parts?|arms?|strat(?:um|a)|sub-?stud(?:y|ies)|substudy|panels?|"
    r"segments?|phases?|stages?|populations?|dose\s+levels?)\b", re.IGNORECASE)
GROUP_LABEL_AFTER = re.compile(
    r"\s*[(\[,:-]?\s*(?:in|for)?\s*(?:the\s+)?(?:cohorts?|groups?|parts?|arms?|strat(?:um|a)|"
    r"panels?)\b", re.IGNORECASE)
# Right after a phrase: another way in ("Age > 65, or adults of any age with diabetes").
OR_ALTERNATIVE = re.compile(r"[\s,;)]*(?:,|\()?\s*(?:or|and/or)\b(?!\s*(?:older|younger|over|"
                             r"above|under|below|more|less|greater|elder|up(?:wards?)?)\b)",
                             re.IGNORECASE)
# The people a heading may name who are not participants ("Caregivers:", "Donor criteria").
OTHER_PEOPLE_HEADING = re.compile(
    r"\b(?:donors?|partners?|caregivers?|care-?givers?|carers?|parents?|guardians?|spouses?|"
    r"relatives?|siblings?|mothers?|fathers?|informants?|staff|clinicians?|physicians?|"
    r"nurses?|household)\b", re.IGNORECASE)


# Before a phrase in its criterion: someone other than the participants, or a child of theirs
# ("Having a child aged 2 to 5 years", "women with a son from 12 to 17", "whose infant is").
OTHER_AGE_BEFORE = re.compile(
    r"\b(?:donors?|partners?|caregivers?|care-?givers?|carers?|parents?|guardians?|spouses?|"
    r"relatives?|siblings?|mothers?|fathers?|household|their|his|her)\b|"
    r"\b(?:hav(?:e|ing)|has|with|whose)\s+(?:an?\s+|one\s+|at\s+least\s+one\s+)?(?:\w+\s+)?"
    r"(?:child(?:ren)?|sons?|daughters?|bab(?:y|ies)|infants?|kids?|toddlers?|newborns?)\b",
    re.IGNORECASE)


# A criterion that makes the participants carers or relatives of someone ("Parents of children
# with autism", "Being the primary caregiver of a patient ..."): criteria about that someone
# ("Child aged 12 to 29 years") then state the other person's age, not the participants'.
_CARER_OF = re.compile(
    r"^\W*(?:(?:be(?:ing)?|is|are|must\s+be)\s+)?(?:an?\s+|the\s+)?(?:\w+\s+){0,2}?"
    r"(?:parents?|mothers?|fathers?|caregivers?|care-?givers?|carers?|guardians?|partners?|"
    r"spouses?|relatives?)\b[^.;:\n]{0,40}?\bof\s+(?:an?\s+|the\s+|their\s+|his\s+|her\s+)?"
    r"(?:\w+\s+){0,3}?(?P<noun>child(?:ren)?|infants?|bab(?:y|ies)|newborns?|neonates?|sons?|"
    r"daughters?|patients?|adolescents?|youths?|teen(?:ager)?s?|kids?|toddlers?|students?|"
    r"persons?|people|individuals?|adults?)\b", re.IGNORECASE | re.MULTILINE)
# Words that make such a criterion about consent ("The parent of the child signs consent").
_CONSENT = re.compile(r"\b(?:consent\w*|assent\w*|permission|sign(?:s|ed|ing|ature)?)\b",
                      re.IGNORECASE)
# Words that say both take part ("parent-child dyads", "children and their parents").
_BOTH_TAKE_PART = re.compile(
    r"\b(?:dyads?|pairs?|triads?|and\s+(?:their|his|her)\s+(?:parents?|caregivers?|carers?|"
    r"partners?|mothers?|fathers?|guardians?))\b", re.IGNORECASE)
_SINGULAR = {"children": "child", "babies": "baby", "people": "person", "youths": "youth"}


def singular(word: str) -> str:
    word = word.lower()
    return _SINGULAR.get(word) or (word[:-1] if word.endswith("s") and len(word) > 3 else word)


def cared_for(text: str) -> frozenset[str]:
    """The people the participants are carers or relatives of, as the criteria call them
    ("child" for "Parents of children with autism"); none when both take part, and not from
    a criterion about consent ("The parent of the child gives consent")."""
    if _BOTH_TAKE_PART.search(text):
        return frozenset()
    return frozenset(singular(m.group("noun")) for m in _CARER_OF.finditer(text)
                     if not _CONSENT.search(text, m.start(), line_end(text, m.start())))


def group_section(layout: Layout, text: str, pos: int) -> bool:
    """Whether ``pos`` stands in a part headed for one group ("Inclusion criteria for Part
    B:"), not for other people ("Donor inclusion criteria:")."""
    start = next((s for s, section in reversed(layout.sections) if s <= pos), None)
    if start is None or dict(layout.sections)[start] != "other":
        return False
    line = text[start:line_end(text, start)]
    return bool(GROUP.search(line)) and not OTHER_PEOPLE_HEADING.search(line)



class Phrase(NamedTuple):
    first: int  # its first bound in the list found
    criterion: int  # where its criterion starts
    section: Section
    sex: str | None  # the one sex named before it ("men age ≥ 55")
    kinds: frozenset[str]
    confident: bool


SEX_WORDS = {"men": "male", "man": "male", "male": "male", "males": "male", "boys": "male",
              "women": "female", "woman": "female", "female": "female", "females": "female",
              "girls": "female"}


def grouped(phrases: list[Phrase]) -> set[int]:
    """The phrases (by their first bound) that are about groups of the participants, although
    each reads as a statement about all of them: ages of both sexes ("men age ≥ 55", "women
    age ≥ 65"), and two ranges of one criterion ("Adolescent (12 to 18 years), and young adult
    (19 to 40 years) patients")."""
    found: set[int] = set()
    sexes = {p.sex for p in phrases if p.sex and p.section != "exclusion" and p.confident}
    if len(sexes) == 2:
        found |= {p.first for p in phrases if p.sex and p.section != "exclusion"
                  and p.confident}
    by_criterion: dict[int, list[Phrase]] = {}
    for p in phrases:
        if p.section != "exclusion":
            by_criterion.setdefault(p.criterion, []).append(p)
    for same in by_criterion.values():
        kinds = [k for p in same for k in p.kinds]
        if len(same) > 1 and len(kinds) != len(set(kinds)):
            found |= {p.first for p in same}
    return found


# A line ending with ":" that announces alternatives or conditions, with its items flattened
# into siblings: "* Participants with > 1 of the following risk factors:" then "* Age > 40".
_ANNOUNCES_ALTERNATIVES = re.compile(
    r"\b(?:(?:one|any|either|\d+|two|three)\s+(?:or\s+more\s+)?of|at\s+least|following\s+"
    r"(?:risk|conditions?|criteria\s+for)|risk\s+factors?|one\s+or\s+more)\b[^\n]*:[*_ \t]*$",
    re.IGNORECASE)
_FLATTENED_LOOKBACK = 6  # lines


def in_flattened_list(layout: Layout, text: str, pos: int) -> bool:
    """Whether the criterion at ``pos`` is one of a few sibling items right after a line that
    announces alternatives ("one of the following:")."""
    line_start = text.rfind("\n", 0, pos) + 1
    for _ in range(_FLATTENED_LOOKBACK):
        if line_start == 0:
            return False
        line_start = text.rfind("\n", 0, line_start - 1) + 1
        line = text[line_start:line_end(text, line_start)]
        if not line.strip():
            continue
        if header_section(text, line_start, line_end(text, line_start)) is not None:
            return False
        if line.rstrip(" \t\r*_").endswith(":"):
            return bool(_ANNOUNCES_ALTERNATIVES.search(line.rstrip(" \t\r")))
    return False
