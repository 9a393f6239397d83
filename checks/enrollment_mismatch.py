"""A stated number of participants that the enrollment count contradicts.

What it finds: a statement of the study's size in the brief summary: "a total of N
participants" (or "in total", "overall"), "N patients will be / were enrolled" (recruited,
included, randomized, accrued), "enroll N patients", "recruit approximately N women", "a
sample size of N", "an enrollment target of N"; the noun may follow a few words ("36 adult
healthy volunteers"), the number may be written in words ("forty-five", "one hundred and
twenty"). In the detailed description, full of per-group numbers and sample-size arithmetic,
only totals are read ("a total of N", "the total sample size is estimated to be N"). The arms'
descriptions state each arm's size ("will target an enrollment of 1000 subjects"): when every
arm states one, their sum is compared, unless one of them is the count (the study's size,
repeated).

Not counted: numbers per group, arm, cohort, stratum, part, site or dose ("60 per arm", "30
in each group", "20 patients per cohort", "as a comparator group", "Phase 1: 20 patients will
be enrolled"); a subset or more
participants ("2 more patients"); numbers of other things ("4 sites", "120 samples", "100
eyes"); people screened or approached; sentences about other studies (previous, parent,
published, "in our earlier trial of 120 patients", a pilot, feasibility or phase 1 study when
the titles and phases do not call this study one), about a registry or database participants
come from, or about a population ("affects 5 million people").

A number agrees when it equals the count; "approximately N" within `tolerance`; "up to N" when
the count is at most N; "at least N", evaluable or completing participants, a number to be
randomized, participants with their caregivers or partners ("30 patients and their
caregivers"), families, or a sample size in a text that allows for dropouts, when the count is
at least N; N dyads, couples or pairs when the count is N or 2N; "N to M" when the count is in
the range; groups listed one after another ("40 patients and 20 healthy controls") when the
count is their sum. A text agrees when any of its statements agrees. An actual enrollment is
compared only with statements in the past tense ("were enrolled"): a plan is not contradicted
by the number finally enrolled. A count of 0 for a withdrawn study is not compared. The
finding points at the first statement of the text.

Why it matters: the enrollment count is what the registry shows, sorts and filters on, and what
funders and meta-researchers compare with the publication; the summary is what people read.
"120 patients will be enrolled" against 100 means one was not updated with the sample size.
Severity info by default: its findings are few (3 on the development part, 3 on the evaluation
part, of which 2 were right: one read a per-arm target as the study's total) and it was right
only a quarter of the time on unseen records before this reading; a trusted warning needs more
findings judged right than the corpus holds.

Fails: NCT00494637, "The investigators plan to randomize 478 patients", anticipated
enrollment 468; NCT00001416, detailed description "A total of 57 patients will be assigned to
three treatment groups", enrollment 100.

Passes: seed NCT07314060, "with a total of 36 subjects", enrollment 36; NCT00853606,
"Approximately 400 subjects will be enrolled", actual 712 (the plan, overtaken); NCT00003615,
"33 patients will be accrued for the ... positive stratum and a total of 11-44 ... for the
... negative stratum", anticipated 77.

Options:
  fields ([brief_summary, detailed_description, arm_descriptions]): the texts read, each on
    its own (the detailed description for totals only, the arms' descriptions as a sum).
  planned_vs_actual (false): also compare an actual enrollment with planned numbers.
  tolerance (0.1): how far an approximate number ("approximately 120") may be from the count,
    as a fraction of the number.

Fix safety: no fix: which number is right is for the sponsor to say.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass

from lintrials.context import Context
from lintrials.findings import Problem
from lintrials.knowledge.numbers import NUMBER, number_value
from lintrials.model import Record

CODE, NAME, SEVERITY = "D107", "enrollment-mismatch", "info"


@dataclass(frozen=True)
class Options:
    fields: tuple[str, ...] = ("brief_summary", "detailed_description", "arm_descriptions")
    planned_vs_actual: bool = False
    tolerance: float = 0.1


_ONE_NUMBER = rf"(?<![\w-])(?:{NUMBER})"
_NUMBER = (
    rf"(?P<n>{NUMBER})"
    rf"(?:[ \t]*(?:-|–|to)[ \t]*(?P<m>{NUMBER}))?"
    r"(?:[ \t]*\((?:n[ \t]*=[ \t]*)?\d[\d,]*\))?"  # "forty (40) patients"
)
_QUALIFIER = (  # spaces only after a qualifier: a match never starts inside a run of them
    r"(?:(?P<q>approximately|approx\.?|about|around|roughly|nearly|an estimated|estimated|~|up to"
    r"|a maximum of|maximum of|max\.?|no more than|at most|at least|a minimum of|minimum of"
    r"|no less than|not less than|more than|over)[ \t\r\n]*)?"
)
# Words between a number and the people it counts ("36 adult healthy volunteers"): not a
# preposition, verb or noun of something else ("4 sites will enroll patients", "120 blood
# samples from patients").
_FILLER = (
    r"(?:(?!(?:before|after|of|in|per|from|with|and|or|to|at|for|than|million|billion|thousand"
    r"|hundred|percent|will|would|shall|are|is|were|was|be|been|being|have|has|had|who|which"
    r"|that|each|also|then|more|additional|further|other|remaining|sites|cent(?:er|re)s|hospitals|clinics|practices|countries|cities"
    r"|regions|doses?|samples?|specimens?|biopsies|visits?|eyes?|lesions?|teeth|tooth|weeks?"
    r"|months?|days?|years?|hours?|minutes?|times|sessions?|cycles?|groups|arms|cohorts"
    r"|clusters|strata|levels|procedures|operations|injections|tablets|mg|ml|kg|studies|trials"
    r")\b)[A-Za-z][\w-]*[ \t\r\n]+)"
)
_GROUPS = r"dyads|couples|pairs|triads|families|households"
_PEOPLE = (
    rf"{_FILLER}{{0,3}}?(?P<who>subjects|patients|participants|volunteers|individuals"
    r"|people|persons|men|women|children|infants|adults|adolescents|pts|cases|controls"
    r"|students|veterans|smokers|mothers|neonates|newborns|girls|boys|athletes|residents"
    rf"|workers|survivors|caregivers|respondents|{_GROUPS})\b"
)
_ENROL_VERB = (
    r"(?:enroll?ed|recruited|included|randomi[sz]ed|enrolling|recruiting|allocated|accrued"
    r"|accruing)"
)
_STATEMENTS = [
    # "a total of 36 subjects"
    re.compile(
        rf"\b(?:a[ \t]+total[ \t]+of|total[ \t]+of|in[ \t]+total,?|totally|overall,?)[ \t\r\n]+"
        rf"{_QUALIFIER}{_NUMBER}[ \t\r\n]+{_PEOPLE}",
        re.IGNORECASE,
    ),
    # "120 patients will be enrolled"
    re.compile(
        rf"(?<![\w.,-]){_QUALIFIER}{_NUMBER}[ \t\r\n]+{_PEOPLE}[ \t\r\n]+"
        r"(?P<tense>will|would|are[ \t]+going[ \t]+to|are[ \t]+planned[ \t]+to|shall|were|was"
        r"|are|is|have[ \t]+been|had[ \t]+been)[ \t\r\n]+(?:be[ \t\r\n]+)?"
        r"(?:(?:planned|expected)[ \t]+to[ \t]+be[ \t\r\n]+)?"
        rf"(?P<verb>{_ENROL_VERB}|enroll?|recruit|accrue|participate|take[ \t]+part)\b",
        re.IGNORECASE,
    ),
    # "enroll 120 patients", "plan to randomize 478 patients"
    re.compile(
        r"\b(?P<verb>enroll?(?:s|ed|ing)?|recruit(?:s|ed|ing)?|include[sd]?|accru(?:e|es|ed|ing)"
        r"|randomi[sz](?:e|es|ed|ing))[ \t\r\n]+(?:a[ \t]+total[ \t]+of[ \t\r\n]+)?"
        rf"{_QUALIFIER}{_NUMBER}[ \t\r\n]+{_PEOPLE}",
        re.IGNORECASE,
    ),
    # "a sample size of 60", "an enrollment target of 120", "the total enrollment will be 80"
    re.compile(
        r"\b(?:sample[ \t]+size|recruitment[ \t]+(?:target|goal)"
        r"|(?:(?:planned|anticipated|expected|estimated|projected|target|total)[ \t]+)?"
        r"enrol?lment(?:[ \t]+(?:target|goal|number|size))?"
        r"|total[ \t]+number[ \t]+of[ \t]+(?:participants|patients|subjects))"
        r"(?:[ \t]*[:=]|[ \t]+(?:of|(?:is|was|will[ \t]+be)(?:[ \t]+(?:estimated|expected"
        r"|planned|calculated|set|fixed|determined))?(?:[ \t]+(?:to[ \t]+be|at|as))?))[ \t\r\n]+"
        rf"{_QUALIFIER}{_NUMBER}(?![\w-])(?![ \t]*(?:%|percent|years?|months?|weeks?|days?"
        r"|sites|cent(?:er|re)s|countries|hospitals|per[ \t]+(?:month|week|year)))"
        rf"(?:[ \t\r\n]+{_PEOPLE})?",
        re.IGNORECASE,
    ),
]
_TOTALS = (_STATEMENTS[0], _STATEMENTS[3])
# After the statement: the number is per part of the study ("60 per arm", "30 patients will be
# randomized to each group", "20 patients in the active treatment arm").
_PER_PART = re.compile(
    r"\s*+(?:(?:will|would|shall|are|were|is|was|to)\s++(?:be\s++)?(?:accrued"
    r"|enroll?ed|recruited|included|randomi[sz]ed|treated|assigned|allocated|entered|studied)"
    r"\s++)?(?:[(,]\s*+)?"
    r"(?:per|/|each|in\s++each|for\s++each|in\s++every|to\s++each|on\s++each"
    r"|within\s++each|in\s++both|for\s++both|into\s++each|at\s++each|at\s++every"
    r"|(?:in|into|to|for|at)\s++(?:the|this|that)(?:\s++[\w()-]++){1,5}?\s++"
    r"(?:group|arm|cohort|part|stage|phase|stratum|site|cent(?:er|re)|country|level)"
    r"|(?:in|into|to|for)\s++(?:part|cohort|stage|phase|arm|group|stratum)\s++\w+"
    r"|as\s++(?:an?|the)\s++(?:[\w-]++\s++){0,2}?(?:group|arm|cohort))\b",
    re.IGNORECASE,
)
_PART_BEFORE = re.compile(
    r"\b(?:subset|additional|further|another|remaining|of[ \t]+whom|of[ \t]+these|among[ \t]+them"
    r"|first|second|third|next|parts?|cohorts?|stages?|periods?|arms?|groups?|strata|stratum|each"
    r"|per|and|plus)\b[^.;]{0,25}$|\bphase[ \t]*(?:[1-4]|I{1,3}V?|IV)[ab]?[ \t]*:[^.;]{0,25}$",
    re.IGNORECASE,
)
_SOURCES = (
    r"(?:registry|registries|register|database|databank|data[ \t]+bank|biobank|medical[ \t]+records"
    r"|charts)"
)
# A sentence about other studies, or about people who are not this study's participants: the
# source population, a registry, a disease's prevalence.
_OTHER_STUDY = re.compile(
    r"\b(?:previous(?:ly)?|prior|earlier|published|et al|reported|literature|retrospective"
    r"|meta-analys[ie]s|in[ \t]+(?:a|an|one|our|their)[ \t]+(?:\w+[ \t]+)?(?:study|trial|cohort)"
    r"|showed|shown|demonstrated|found|original"
    r"|(?:the|a|its|their|our)[ \t]+(?:parent|core)[ \t]+(?:study|trial|protocol)"
    r"|preceding|feeder|lead-in[ \t]+(?:study|trial)|qualifying[ \t]+(?:study|trial)"
    r"|(?:from|in|within|of|using|through|into)[ \t]+(?:(?:the|a|an|our|their|this)[ \t]+)?"
    rf"(?:[\w-]+[ \t]+){{0,3}}?{_SOURCES}|{_SOURCES}[ \t]+(?:of|includes?|including|contains?"
    r"|containing|with|holds?|comprising|covers?|covering)|prevalence|incidence|affects?|affecting|afflicts?"
    r"|worldwide|world-wide|globally|each[ \t]+year|every[ \t]+year|per[ \t]+year|annually"
    r"|a[ \t]+year|million|billion|census|sub-?stud(?:y|ies)|ancillary|umbrella|master[ \t]+"
    r"protocol|the[ \t]+main[ \t]+(?:study|trial))\b",
    re.IGNORECASE,
)
# "a pilot study of 20 patients", "the phase 1 trial": another study, unless this one is it.
_STUDY_KIND = re.compile(
    r"\b(?P<kind>pilot|feasibility|phase[ \t-]*(?:I{1,3}V?|IV|[1-4])[ab]?)[ \t-]+"
    r"(?:study|trial|phase|cohort)\b",
    re.IGNORECASE,
)
_KIND_WORD = re.compile(
    r"\b(?P<kind>pilot|feasibility|phase[ \t-]*(?:I{1,3}V?|IV|[1-4])[ab]?)\b", re.IGNORECASE
)
_THIS = re.compile(
    r"\b(?:this|the[ \t]+(?:present|current|proposed))[ \t]+(?:[\w-]+[ \t]+)?$", re.IGNORECASE
)
# After the statement: people who come with each participant ("30 patients and their
# caregivers", "40 women with their partners"): the enrollment may count them too.
_COMPANIONS = re.compile(
    r"[ \t\r\n]*+(?:\([^)]{0,40}\)[ \t\r\n]*+)?,?[ \t\r\n]*+(?:and|with|plus|together[ \t]++with"
    r"|along[ \t]++with|as[ \t]++well[ \t]++as)[ \t\r\n]++(?:(?:their|his|her|its|a|an|one|the"
    r"|each)[ \t\r\n]++)?(?:[\w-]+[ \t\r\n]++){0,2}?(?:caregivers?|care[ \t-]*givers?|carers?"
    r"|partners?|parents?|spouses?|famil(?:y|ies)|relatives?|mothers?|fathers?|children|infants?"
    r"|bab(?:y|ies)|siblings?|companions?|guardians?|teachers?|support[ \t]++persons?|dyads?"
    r"|family[ \t]++members?)\b",
    re.IGNORECASE,
)
# After the statement: more groups, whose numbers add up ("40 patients and 20 healthy
# controls").
_AND_MORE = re.compile(
    r"(?:[ \t\r\n]++(?:in|at|from)[ \t]++[A-Z][\w-]*(?:[ \t]++[A-Z][\w-]*){0,2})?"  # in Germany
    r"[ \t\r\n]*+(?:,|;|and|plus|as[ \t]++well[ \t]++as|\+|&)[ \t\r\n]*+(?:and[ \t\r\n]++)?"
    rf"{_QUALIFIER}(?P<n>{NUMBER})(?:[ \t\r\n]++{_PEOPLE}"
    r"|(?=[ \t\r\n]++(?:in|at|from|with|who|receiving)\b))",  # "and 12 in Japan"
    re.IGNORECASE,
)
# Before the statement, in its sentence: the number was the plan ("the trial was designed to
# enroll 400 patients"), not the number enrolled.
_PLAN = re.compile(
    r"\b(?:plann?(?:ed|ing)?|designed|intend(?:ed|s)?|aim(?:ed|s)?|expected|target(?:ed)?|goal"
    r"|anticipated|original(?:ly)?|initial(?:ly)?|projected|proposed|sought|hoped)\b",
    re.IGNORECASE,
)
# After the statement: people counted before they are enrolled ("200 patients will be screened").
_NOT_ENROLLED = re.compile(
    r"[^.;]{0,30}?\b(?:screened|assessed|approached|contacted|invited|evaluated[ \t]+for"
    r"|referred|eligible[ \t]+for[ \t]+screening)\b",
    re.IGNORECASE,
)
# A sample size with an allowance for dropouts: the enrollment may be larger.
_DROPOUT = re.compile(
    r"\bdrop[ \t-]*outs?\b|\battrition\b|\blost[ \t]+to[ \t]+follow|\bloss[ \t]+to[ \t]+follow"
    r"|\bwithdrawals?\b",
    re.IGNORECASE,
)
_PAIRS = {"dyads": 2, "couples": 2, "pairs": 2, "triads": 3}
_PAST = re.compile(
    r"\b(?:were|was|have[ \t]+been|had[ \t]+been)[ \t\r\n]+(?:\w+[ \t\r\n]+)?"
    r"(?:enroll?ed|recruited|included|randomi[sz]ed|allocated)\b"
    r"|\b(?:enroll?ed|recruited|included|randomi[sz]ed)[ \t\r\n]+(?:a[ \t]+total[ \t]+of|\d)",
    re.IGNORECASE,
)
_LOWER_BOUND = re.compile(
    r"\b(?:evaluable|analy[sz]able|analy[sz]ed|analys[ie]s|completers?|complet(?:e|ed|ing))\b",
    re.IGNORECASE,
)
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
    also: tuple[int, ...] = ()  # other counts that agree: the sum with groups after, 2 per dyad


def check(record: Record, ctx: Context) -> Iterator[Problem]:
    count = record.enrollment_count
    if count is None or count <= 0:
        return
    actual = (record.enrollment_type or "").upper() == "ACTUAL"
    compare_plans = ctx.options.planned_vs_actual
    tolerance = ctx.options.tolerance
    kinds = _own_kinds(record)
    kind = "actual" if actual else "anticipated" if record.enrollment_type else "the"

    def compared(found: Iterator[_Statement]) -> list[_Statement]:
        return [s for s in found if s.past or not actual or compare_plans]

    for field in ctx.options.fields:
        if field == "arm_descriptions":
            yield from _arm_sizes(record, kinds, compared, count, tolerance, kind)
            continue
        text = getattr(record, str(field), None)
        if not isinstance(text, str) or not text:
            continue
        # Beyond the summary, only totals: a description is full of numbers per group.
        statements = compared(_statements(text, kinds, totals_only=field != "brief_summary"))
        if not statements or any(_agrees(s, count, tolerance) for s in statements):
            continue
        first = statements[0]
        phrase = " ".join(text[first.span[0] : first.span[1]].split())
        yield Problem(
            str(field),
            f"{str(field).replace('_', ' ')} says {phrase!r} but {kind} enrollment is {count}",
            span=first.span,
            related=("enrollment_count",),
        )


def _arm_sizes(
    record: Record,
    kinds: Collection[str],
    compared: Callable[[Iterator[_Statement]], list[_Statement]],
    count: int,
    tolerance: float,
    kind: str,
) -> Iterator[Problem]:
    """The arms' descriptions state the size of each arm ("will target an enrollment of 1000
    subjects"): their sum is the study's. Compared only when every arm states one, and not
    when one of them states the count (the whole study's size, repeated)."""
    if len(record.arms) < 2:
        return
    sizes: list[tuple[int, _Statement]] = []
    for i, arm in enumerate(record.arms):
        found = compared(_statements(arm.description or "", kinds, arm=True))
        if any(_agrees(s, count, tolerance) for s in found):
            return
        if not found or len({(s.low, s.high) for s in found}) > 1:
            return  # an arm without its size, or with several: nothing to add up
        sizes.append((i, found[0]))
    low = sum(s.low for _, s in sizes)
    high = sum(s.high for _, s in sizes)
    total = _Statement(span=(0, 0), low=low, high=high,
                       qualifier=sizes[0][1].qualifier, randomized=False, past=False,
                       lower_bound=any(s.lower_bound or s.randomized for _, s in sizes))
    if _agrees(total, count, tolerance):
        return
    i, first = sizes[0]
    text = record.arms[i].description or ""
    phrase = " ".join(text[first.span[0] : first.span[1]].split())
    stated = " + ".join(str(s.low) for _, s in sizes)
    yield Problem(
        f"arms[{i}].description",
        f"arm descriptions say {phrase!r} and more, {stated} = {low} in all, but {kind}"
        f" enrollment is {count}",
        span=first.span,
        related=("enrollment_count", *(f"arms[{k}].description" for k, _ in sizes[1:])),
    )


_ROMAN = {"i": "1", "ii": "2", "iii": "3", "iv": "4"}


def _kind(text: str) -> str:
    """A kind of study as one word: "Pilot" -> "pilot", "Phase IIb" and "phase-2" -> "phase 2"."""
    words = re.sub(r"[ \t-]+", " ", text.casefold()).split()
    if words[0] == "phase" and len(words) > 1:
        number = words[1].rstrip("ab") or words[1]
        return f"phase {_ROMAN.get(number, number)}"
    return words[0]


def _own_kinds(record: Record) -> set[str]:
    """The kinds of study the record calls itself, by its titles and phases."""
    kinds = {_kind(m.group("kind")) for t in (record.brief_title, record.official_title) if t
             for m in _STUDY_KIND.finditer(t)}
    kinds |= {_kind(m.group("kind")) for t in (record.brief_title, record.official_title) if t
              for m in _KIND_WORD.finditer(t)}
    for phase in record.phases:
        digits = re.findall(r"\d", phase)
        kinds |= {f"phase {d}" for d in digits}
    return kinds


def _statements(
    text: str, own_kinds: Collection[str] = (), *, totals_only: bool = False,
    arm: bool = False,
) -> Iterator[_Statement]:
    """The statements of the study's size in ``text``; ``own_kinds`` are the kinds of study
    ("pilot", "phase 2") the titles call this one. ``totals_only``: only "a total of N",
    "a sample size of N" and the like. ``arm``: the text describes one arm, which it may
    name ("This arm will enroll 20 patients")."""
    seen: set[int] = set()
    found: list[_Statement] = []
    ends = [m.span() for m in _SENTENCE_END.finditer(text)]
    dropouts = _DROPOUT.search(text) is not None
    for pattern in _TOTALS if totals_only else _STATEMENTS:
        sample_size = pattern is _STATEMENTS[3]
        for m in pattern.finditer(text):
            if m.start("n") in seen:
                continue
            start, end = _sentence(text, ends, m.start())
            if _OTHER_STUDY.search(text, start, end):
                continue
            if any(
                _kind(k.group("kind")) not in own_kinds and not _THIS.search(text, start, k.start())
                for k in _STUDY_KIND.finditer(text, start, end)
            ):
                continue  # "our pilot study of 120 patients" in a record that is no pilot
            if _PER_PART.match(text, m.end()):
                continue
            if not arm and _PART_BEFORE.search(text, start, m.start("n")):
                continue
            if not m.groupdict().get("verb") and _NOT_ENROLLED.match(text, m.end(), end):
                continue
            low = number_value(m.group("n"))
            high = number_value(m.group("m")) if m.group("m") else low
            if low is None or high is None or high < low or (low < 2 and m.group("n").isalpha()):
                continue
            seen.add(m.start("n"))
            verb = (m.groupdict().get("verb") or "").lower()
            who = (m.groupdict().get("who") or "").lower()
            sentence = text[start:end]
            also: list[int] = []
            if who in _PAIRS:
                also.append(low * _PAIRS[who])
            total, pos = high, m.end()
            while (more := _AND_MORE.match(text, pos)) and more.end() <= end:
                value = number_value(more.group("n"))
                if value is None:
                    break
                total, pos = total + value, more.end()
            if pos != m.end():
                also.append(total)
            companions = _COMPANIONS.match(text, m.end()) is not None
            found.append(
                _Statement(
                    span=(m.start(), m.end()),
                    low=low,
                    high=high,
                    qualifier=(m.group("q") or "").lower(),
                    randomized=verb.startswith("randomi"),
                    past=bool(_PAST.search(sentence)) and "will" not in sentence.lower()
                    and not _PLAN.search(text, start, m.start("n")),
                    lower_bound=companions or who in ("families", "households")
                    or (sample_size and dropouts)
                    or bool(_LOWER_BOUND.search(text, m.start(), min(end, m.end() + 30))),
                    also=tuple(also),
                )
            )
    found.sort(key=lambda s: s.span)
    yield from found


def _agrees(s: _Statement, count: int, tolerance: float) -> bool:
    approximate = s.qualifier in _APPROXIMATE
    for other in s.also:
        low, high = (other * (1 - tolerance), other * (1 + tolerance)) if approximate else (
            other, other)
        if low <= count <= high:
            return True
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
