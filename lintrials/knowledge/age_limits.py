"""The age limits that eligibility criteria state in words.

`stated_age_limits` finds the participant's age limits in a criteria text ("Age ≥ 18 to
≤ 65 years", "aged 18-75", "18 years of age or older", "under 18", "6 weeks to 18 months")
and returns each bound as a `StatedLimit`: lower or upper, inclusive or exclusive, its age,
the joining word of a two-bound phrase ("or" in "≥ 18 or ≤ 75"), and the character spans of
its words and of the whole phrase in the text as given (spans survive the markdown escapes
``\\>`` and ``\\<`` of API v2 JSON and the wrapped, indented lines of legacy XML).
`age_mentions` adds the ages a text gives for sub-groups and conditions, marked not
confident (and, for the range of one group of participants, `StatedLimit.group`: cohorts,
parts, arms, age groups, "or" alternatives, ages of each sex, two ranges in one criterion, the
items after "one of the following:"); `age_statements` adds to those the statements that
cannot be a limit at all ("65 to 18 years", "18 to 150 years"); `says_no_age_limit` spots
"no age limit" / "all ages". A text is read once: several checks asking about the same text
share the reading.

Bounds are limits on the *participant's* age, so statements in the exclusion part are turned
around: "Exclusion: age > 75" is an inclusive upper limit of 75, "Exclusion: under 18" an
inclusive lower limit of 18. On the exclusion side only a statement of age alone counts (not
"patients over 75 with heart failure", nor a range, which there names a sub-group).

Not read as an age limit: ages of other people (partners, parents, children of participants,
donors, household members, criteria headed "Donor inclusion criteria"), age at onset or
diagnosis, gestational, bone or corrected age, durations ("for ≥ 5 years", "within 6 months",
"history of X for 5 years", "menopause for at least 12 months"), life expectancy, conditions
("for patients > 16 years of age use Karnofsky", "if under 18, assent"), and sub-groups
(nested sub-items, "Part B", "Randomisation inclusion criteria", "one of the following",
"(Cohort 1)" after the range, "Age > 65, or ..."). Numbers in words read as digits
("between eighteen and sixty-five years"). A phrase counts only when the word
*age* (aged, ages, "the age of") leads to it, or it says "old", "of age", "older" or
"younger", or it is in years and nothing but words for the participants stands before it
("Adult men ≥ 18 years"); and, in each case, when the words before it in its criterion are
only words for the participants.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from fractions import Fraction

from lintrials.knowledge.age_groups import (
    BABY_WORDS,
    GROUP,
    GROUP_LABEL_AFTER,
    OR_ALTERNATIVE,
    OTHER_AGE_BEFORE,
    OTHER_PEOPLE_HEADING,
    SEX_WORDS,
    SUBJECT_WORDS,
    Phrase,
    cared_for,
    group_section,
    grouped,
    in_flattened_list,
    singular,
)
from lintrials.knowledge.age_phrases import MAX_VALUE, Kind, Text, find_phrases, flip, read_phrase
from lintrials.knowledge.ages import Age
from lintrials.knowledge.criteria import (
    BULLET,
    Layout,
    Section,
    header_section,
    line_end,
    lower,
    section_at,
)

__all__ = [
    "StatedLimit",
    "age_mentions",
    "age_statements",
    "says_no_age_limit",
    "stated_age_limits",
]


@dataclass(frozen=True)
class StatedLimit:
    """One bound on the participant's age that a criteria text states.

    ``span`` covers the bound's own words ("≤ 65 years" in "Age ≥ 18 to ≤ 65 years"; the whole
    range in "aged 18 to 65 years"); ``phrase_span`` the whole age statement ("Age ≥ 18 to
    ≤ 65 years"). Both are ``(start, end)`` offsets in the criteria text as given.

    ``section`` says which part of the criteria the statement stands in. On the exclusion side
    ``kind`` and ``inclusive`` already describe the limit on participants: "Exclusion: age > 75"
    is an upper, inclusive limit of 75 years. ``strict_written`` is true when the words used a
    strict comparison ("> 17", "under 18", "Exclusion: > 75"), which people read two ways.
    ``joined_by`` is the word between the two bounds of one phrase ("to", "-", "and", "or"),
    None for a single bound. ``confident`` is false for an age mention that is probably not a
    limit on all participants (a sub-group, a condition, a nested sub-criterion): such mentions
    come only from `age_mentions`. ``group`` marks, among those, the range of one group of
    participants (a cohort, part, arm, stratum or age group, under its own heading or label,
    or one of alternatives joined by "or": "Age > 65, or 18-65 with diabetes"): the study's
    range is the envelope of its groups' ranges.
    """

    kind: Kind
    inclusive: bool
    age: Age
    span: tuple[int, int]
    phrase_span: tuple[int, int]
    section: Section
    joined_by: str | None = None
    strict_written: bool = False
    confident: bool = True
    group: bool = False

    @property
    def days(self) -> Fraction:
        """The bound in days, the common unit."""
        return self.age.days

    def agreeing_fields(self, lenient: bool = True) -> tuple[Age, ...]:
        """The age-field values that say the same as this bound.

        Fields count whole years (months, ...): a maximum of "64 Years" admits everyone until
        the 65th birthday. So "≤ 65" agrees with a maximum of 65 Years only, "< 80" with 79
        Years, and "Exclusion: > 75" with 75 Years. "> 17" agrees with a minimum of 18 Years
        (whole years) and with 17 Years (any day past the 17th birthday).

        With ``lenient``, a strict comparison also agrees with what many writers mean by it:
        "< 65" with a maximum of 65 Years ("up to 65"), "Exclusion: > 75" with a maximum of
        74 Years ("75 and over are excluded"). A fraction ("17.5 years") agrees with the
        whole numbers on either side, since fields hold whole numbers.
        """
        age = self.age
        if self.kind == "lower":
            values = [age] if self.inclusive else [age, age.plus(1)]
        else:
            values = [age] if self.inclusive else [age.plus(-1)]
            if lenient and self.strict_written:
                values.append(age.plus(-1) if self.inclusive else age)
        if age.value.denominator != 1:
            floor = Fraction(age.value.numerator // age.value.denominator)
            values += [Age(floor, age.unit), Age(floor + 1, age.unit)]
        return tuple(values)

    def agrees_with(self, field: Age | None, lenient: bool = True) -> bool:
        """Whether an age field (None: no limit) says the same as this bound."""
        if field is None:
            # No minimum is a minimum of 0; no maximum matches no stated upper bound.
            return self.kind == "lower" and self.age.value == 0
        return any(a.days == field.days for a in self.agreeing_fields(lenient))

    def describe(self) -> str:
        """The bound in words, as a limit on participants: "at most 65 Years"."""
        words = {("lower", True): "at least", ("lower", False): "over",
                 ("upper", True): "at most", ("upper", False): "under"}
        return f"{words[self.kind, self.inclusive]} {self.age}"



# Words that mark a criterion as concerning a part of the study, not all participants.
_SUBGROUP = re.compile(
    r"\b(?:cohorts?|(?<!age )groups?|parts?|arms?|strat(?:um|a|ification)|risk|phase|stages?|"
    r"sites?|histology|sub-?stud(?:y|ies)|substudy|extension|dose\s+(?:finding|escalation)|"
    r"randomi[sz]ation)\b", re.IGNORECASE)

# The word "age" leading to a phrase, and what may stand between them.
_ANCHOR = re.compile(
    r"""(?<![\w-])(?P<anchor>age[ds]?|ageing|aging)\b
    (?:\s*(?:\(\s*(?:in\s+)?(?:years?|yrs?|months?)\s*\)|of|is|was|being|range[ds]?|ranging|
        group|limits?|criteri(?:on|a)|requirements?|inclusive|eligibility|
        at\s+(?:the\s+)?(?:time\s+of\s+)?(?:the\s+)?(?:screening|enrol+ment|inclusion|
            (?:signing\s+(?:of\s+)?(?:the\s+)?)?(?:informed\s+)?consent|randomi[sz]ation|entry|
            registration|baseline|(?:the\s+)?first\s+visit|visit\s*\d*|study\s+entry|
            recruitment|admission|surgery|enrol+ing)|
        must\s+be|should\s+be|shall\s+be|will\s+be|has\s+to\s+be|needs?\s+to\s+be|to\s+be|
        in\s+years|years?|:|-|=|,|in|the|within|\(|\))\s*)*\s*$""",
    re.IGNORECASE | re.VERBOSE,
)
# Words before "age" that make it some other age than the participant's at entry.
_OTHER_AGE = re.compile(
    r"""(?:gestational|gestation|bone|skeletal|mental|post-?menstrual|corrected|adjusted|
    child-?bearing|reproductive|school|reading|developmental|dental|maternal|paternal|donor|
    fetal|foetal|menopausal|biological|vascular|heart|brain|lung|retinal|epigenetic|
    physiological|onset|diagnosis|same|mean|median|average|partner|spouse|mother|father|
    parent|sibling|caregiver|husband|wife|pubertal|menarche|legal|majority|retirement|
    working|drinking|consent|different|similar|matched)(?:'?s)?[\s-]*$""",
    re.IGNORECASE | re.VERBOSE,
)

_WORD = re.compile(r"[a-z]+", re.IGNORECASE)
_ARTICLES = frozenset({"a", "an", "the", "their", "his", "her", "my", "your", "each", "any"})
_MARKER = re.compile(  # from the start of a run of spaces only: one pass over a long run
    r"(?<!\s)\s*(?:[-*•·+>#]+|\(?(?:\d{1,2}|[a-z]|[ivx]{1,4})[.)](?!\d))\s*", re.IGNORECASE)

# After a phrase with no "age" before it: words that make its number a duration or a time.
_DURATION = re.compile(
    r"""\b(?:since|ago|prior|before|after|post\w*|following|duration|elapsed|previous|
    earlier|history|preceding|apart|interval|postpartum|post-?partum|postoperative|post-?op|
    gestation|pregnan\w*|expectancy|survival|course|diagnos\w*|treat\w*|therapy|
    therap\w*|dose|doses|dosing|infusion|transplant\w*|surgery|period|follow|months?\s+of|
    weeks?\s+of|days?\s+of|years?\s+of\s+(?!age)|from|during|for|within|last|past|per|every|
    remission|symptoms?|stable|disease|exposure|use|smok\w*|onset)\b""",
    re.IGNORECASE | re.VERBOSE,
)
# Right after a phrase: what makes it an age at some other time, or a sub-group or condition
# ("women < 50 years old will be considered postmenopausal", "patients ≥ 18 years old, except
# for paediatric sites", "age 70-74 years with a G8 score ≤ 14").
_NOT_A_LIMIT_AFTER = re.compile(
    r"""[^;\n]{0,45}?\b(?:must|should|may|will|can|could|need|needs|they|except|excluding|
    unless|if|considered|onset|at\s+(?:the\s+)?(?:time\s+of\s+)?(?:first\s+|initial\s+)?
    diagnosis|at\s+diagnosis|when\s+diagnosed|only|menarche|menopause|had|were|when|whose|
    for\s+(?:the|all|patients|participants|subjects|cohorts?|parts?|arms?|groups?|phase|
    stage|women|men|males|females|children|adults))\b""",
    re.IGNORECASE | re.VERBOSE,
)
# After a phrase in the exclusion part: a qualifier that narrows the exclusion to a sub-group.
_QUALIFIED_AFTER = re.compile(
    r"""[^.;\n]{0,60}?\b(?:with|who|whom|whose|having|if|unless|requiring|receiving|
    undergoing|diagnosed|suffering|without|when|that|in\s+case|living|household|home|
    unable|not\s+able|and|in|on)\b""",
    re.IGNORECASE | re.VERBOSE,
)



def _words_before(pre: str) -> list[str] | None:
    """The words of a criterion before its age phrase, or None when it holds other signs."""
    pre = _MARKER.sub(" ", pre, count=1)
    if re.search(r"[\d<>=]", pre):
        return None
    return [w.lower() for w in _WORD.findall(pre)]


# A lead-in line for all participants, and words that make a lead-in narrower than that
# ("any of the following", "as defined by", "for the cases", "Part A").
_GENERAL_LEAD_IN = re.compile(
    r"\b(?:eligib\w*|inclusion|include[sd]?|enrol+(?:ed|ment)?|participat\w*|criteria|"
    r"entry|registration|selection)\b", re.IGNORECASE)
_NARROW_LEAD_IN = re.compile(
    r"\b(?:one|any|either|some|each|two|three|\d+)\s+of\b|\bat\s+least\b|\bdefin\w*|"
    r"\bas\s+follows|\bdescribed|\bcohorts?\b|\bparts?\b|\bphases?\b|\bstages?\b|"
    r"\barms?\b|\bgroups?\b|\brisk|\bfor\s+(?!(?:the\s+)?(?:study|trial|this|entry|"
    r"enrol+ment|inclusion|participation)\b)\w+|\bif\b|\bexcept|\bnot\b|\bno\b|donor|"
    r"recipient|caregiver|partner|parent|household|factors?\b|cases?\b|controls?\b",
    re.IGNORECASE)


def _heading_allows(heading: str | None) -> tuple[bool, bool]:
    """Whether a criterion under ``heading`` can state an age limit, and whether the heading
    is "Age" itself (which then leads to the phrase, as "Age:" above "- 18 and over")."""
    if heading is None:
        return True, False
    section = header_section(heading + ":", 0, len(heading) + 1)
    if section is not None:
        return section != "other", False
    if (_GENERAL_LEAD_IN.search(heading) and not _NARROW_LEAD_IN.search(heading)
            and not BULLET.match(heading)):
        return True, False  # "To be eligible, participants must meet all of the following:"
    words = _words_before(heading)
    if words is None:
        return False, False
    if words and words[-1] in ("age", "ages") and all(w in SUBJECT_WORDS for w in words):
        return True, True
    return all(w in SUBJECT_WORDS for w in words), False



def _scan(criteria: str, loose: bool = False) -> list[StatedLimit]:
    """The bounds of the age phrases of a text; with ``loose``, also those that cannot be
    limits (ranges written backwards, ages beyond `MAX_VALUE`)."""
    return [limit for limit, strict in age_bounds(criteria) if loose or strict]


_MAX_BEFORE = 500


def age_bounds(criteria: str) -> tuple[tuple[StatedLimit, bool], ...]:
    """Every bound `age_statements` gives, each with whether `age_mentions` gives it too: the
    one scan of a text those read (a record's `RecordAnalysis` keeps it for every check)."""
    source = Text.of(criteria)
    text = source.text
    low = lower(text)
    matches = find_phrases(low)
    if not matches:
        return ()
    layout = Layout(text, low)
    dependants = cared_for(low)
    found: list[tuple[StatedLimit, bool]] = []
    phrases: list[Phrase] = []
    for m in matches:
        read = read_phrase(m, loose=True)
        if read is None:
            continue
        bounds, sep = read
        strict = read_phrase(m) is not None and not any(
            b.value > MAX_VALUE[b.unit or "years"] for b in bounds)
        start, end = m.start(), m.end()
        crit_start = layout.criterion_start(start)
        # What stands before the phrase in its criterion, up to _MAX_BEFORE characters back
        # (a longer slice per phrase made a long criterion quadratic).
        window = max(crit_start, start - _MAX_BEFORE)
        before = low[window:start]
        anchor = _ANCHOR.search(before, max(0, len(before) - 150))
        if anchor is not None and _OTHER_AGE.search(before, max(0, anchor.start() - 100),
                                                           anchor.start()):
            continue
        heading = layout.heading(crit_start)
        heading_ok, heading_is_age = _heading_allows(heading)
        says_age = (anchor is not None or heading_is_age
                    or "age" in (m.group("between") or "")
                    or any(m.group(g) for g in ("old1", "old2", "old1b", "old2b", "theage1",
                                                "theage2"))
                    or bool(re.search(r"old|young|elder", m.group(0), re.IGNORECASE)))
        words = None if window > crit_start else _words_before(
            before[:anchor.start()] if anchor is not None else before)
        subject = next((w for w in words or () if w not in _ARTICLES), None)
        if subject is not None and singular(subject) in dependants:
            continue  # "Child aged 12 to 29" where the participants are the child's parents
        subject_only = words is not None and all(w in SUBJECT_WORDS for w in words)
        units = {b.unit for b in bounds} - {None}
        rest = text[end:min(line_end(text, end), end + 200)]  # read up to 60 characters
        if says_age:
            is_age = True
        else:
            # "≥ 18 years" alone, or after words for the participants: an age only when it is
            # in years (or the participants are babies) and nothing makes it a duration.
            is_age = (subject_only and bool(units) and not _DURATION.search(rest[:60])
                      and (units == {"years"} or bool(BABY_WORDS.intersection(words or []))))
            if not is_age and not units:
                continue
        section = section_at(layout.sections, start)
        line_start = text.rfind("\n", 0, start) + 1
        alternative = bool(OR_ALTERNATIVE.match(text, end))
        confident = (is_age and heading_ok and subject_only and section != "other"
                     and not _NOT_A_LIMIT_AFTER.match(text, end)
                     and not _SUBGROUP.search(text, max(line_start, window), start)
                     and not alternative and not GROUP_LABEL_AFTER.match(text, end))
        others = bool(OTHER_AGE_BEFORE.search(text, max(line_start, window), start)
                      or (heading and OTHER_PEOPLE_HEADING.search(heading)))
        group = not confident and is_age and section != "exclusion" and not others and (
            alternative or bool(GROUP_LABEL_AFTER.match(text, end))
            or bool(GROUP.search(text, max(line_start, window), start))
            or bool(heading and GROUP.search(heading))
            or group_section(layout, text, start))
        if section == "exclusion":
            if len(bounds) == 2 and (sep not in ("or", ",") or bounds[0].kind != "upper"):
                confident = False  # a range in the exclusion part names a sub-group
            if _QUALIFIED_AFTER.match(rest):
                confident = False
            readings = [[flip(b) for b in bounds]] + ([] if confident else [bounds])
        else:
            readings = [bounds]
        if confident and section != "exclusion" and in_flattened_list(layout, text, crit_start):
            confident, group = False, True
        phrase_start = window + anchor.start() if anchor is not None else start
        phrase_span = source.original_span(phrase_start, end)
        if not others and (is_age or (len(bounds) == 2 and units)) and not (
                not is_age and (_DURATION.search(rest[:60]) or _DURATION.search(before[-25:]))):
            sexes = {SEX_WORDS[w] for w in words or [] if w in SEX_WORDS}
            phrases.append(Phrase(len(found), crit_start, section,
                                   sexes.pop() if len(sexes) == 1 else None,
                                   frozenset(b.kind for b in bounds), confident))
        for reading in readings:
            for b in reading:
                found.append((StatedLimit(
                    kind=b.kind, inclusive=b.inclusive, age=Age(b.value, b.unit or "years"),
                    span=source.original_span(*b.span), phrase_span=phrase_span,
                    section=section, joined_by=sep if len(reading) == 2 else None,
                    strict_written=b.strict, confident=confident, group=group), strict))
    regroup = grouped(phrases)
    for first in regroup:
        span = found[first][0].phrase_span
        i = first
        while i < len(found) and found[i][0].phrase_span == span:
            found[i] = (replace(found[i][0], confident=False, group=True), found[i][1])
            i += 1
    return tuple(found)


_NO_AGE_LIMIT = re.compile(
    r"\b(?:no|without(?:\s+an?)?|not\s+(?:an?\s+)?)\s*(?:upper\s+|lower\s+)?age\s+"
    r"(?:limits?|restrictions?|criteri(?:on|a))\b|\ball\s+ages\b|\bany\s+age\b|"
    r"\bregardless\s+of\s+age\b|\bage:\s*(?:any|not\s+specified|all)\b", re.IGNORECASE)


def says_no_age_limit(criteria: str | None) -> bool:
    """Whether a criteria text says that (some) participants have no age limit ("There is no
    age limit for the low risk stratum", "all ages", "Age: Any age")."""
    return bool(criteria) and bool(_NO_AGE_LIMIT.search(criteria or ""))


def age_statements(criteria: str | None) -> list[StatedLimit]:
    """Every age bound a criteria text states, as `age_mentions` gives them, and also the
    statements that cannot be a limit at all: ranges written backwards ("65 to 18 years",
    "18-5 years", "0 to 0 years"), whose bounds come lower end first as written, and ages
    beyond any lifetime ("18 to 150 years"). For checks of the statements themselves.
    """
    return _scan(criteria or "", loose=True)


def stated_age_limits(criteria: str | None) -> list[StatedLimit]:
    """The participant's age limits stated in a criteria text, in text order.

    Each bound of a phrase is one `StatedLimit` ("Age ≥ 18 to ≤ 65 years" gives two). A bound
    with no unit written is in years ("Age ≥ 18"); a range's single unit applies to both ends
    ("18-65 years"), and each end keeps its own when both have one ("6 weeks to 18 months").
    Only statements that limit all participants are returned; `age_mentions` gives also those
    that may concern a sub-group.
    """
    return [limit for limit in _scan(criteria or "") if limit.confident]


def age_mentions(criteria: str | None) -> list[StatedLimit]:
    """Every age bound a criteria text mentions, confident or not (see `StatedLimit`).

    Besides the limits of `stated_age_limits`, this holds ages of sub-groups and conditions
    ("Cohort B: 12-17 years", "patients > 70 years must have ..."), and exclusion-side
    statements read both ways when it is unclear whether they name a sub-group. A check can
    use them to stay silent when a field agrees with any age the text mentions.
    """
    return _scan(criteria or "")
