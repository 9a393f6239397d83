"""How outcome measure titles are written: as an objective instead of a measure, or as a list of
several measures in one title.

`objective_opening` finds the words that make a title an objective: "To evaluate whether ...",
an imperative "Assess the efficacy ...", a gerund "Evaluating ...", or an action noun on an
objective ("Evaluation of the efficacy of ..."). An action noun on a measure ("Determination of
plasma concentration", "Assessment of quality of life") names what is measured and is not an
objective; nor is a word that is a noun as well as a verb ("Study drug exposure", "Measure of
Current Status", "Test-retest reliability") unless an object follows it ("Study the ...").

`listed_measures` finds a title that lists several distinct measures ("Blood pressure, heart
rate and body weight"; "1) HbA1c 2) fasting glucose"; "Stroke; cardiovascular disease;
microangiopathy") and leaves one measure with qualifiers, composites, the parts of one
assessment and a scale's subscales; `made_into_one` reads a description that combines the
listed values into one measure.
"""

from __future__ import annotations

import re

__all__ = ["OBJECTIVE_VERBS", "listed_measures", "made_into_one", "objective_opening"]


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


# --- several measures in one title -----------------------------------------------------------

# Measures that stand alone, each with the group it belongs to: parts of one assessment (the
# pressures of one blood-pressure reading, the parameters of one PK profile, the lipid panel,
# the accuracy figures of one diagnostic comparison, height and weight for the BMI) are one
# group, so that listing them is
# not reported; two groups are two measures. Events are left out: "death, myocardial
# infarction and stroke" is a composite's list of events.
_MEASURE_GROUPS: dict[str, str] = {}
for _group, _names in {
    "blood pressure": "blood pressure|bp|systolic blood pressure|diastolic blood pressure|sbp|dbp"
    "|arterial blood pressure|mean arterial blood pressure"
    "|systolic bp|diastolic bp|mean arterial pressure|arterial pressure|systolic pressure"
    "|diastolic pressure",
    "heart rate": "heart rate|pulse|pulse rate",
    "respiratory rate": "respiratory rate|respiration rate",
    "temperature": "body temperature|temperature",
    "oxygen saturation": "oxygen saturation|spo2|sao2",
    # Height, weight and BMI (and girths) are often one anthropometry, reported as the BMI.
    "body size": "body weight|weight|height|body height|bmi|body mass index|waist circumference"
    "|hip circumference",
    "hba1c": "hba1c|a1c|hemoglobin a1c|haemoglobin a1c|glycated hemoglobin|glycated haemoglobin"
    "|glycosylated hemoglobin|glycosylated haemoglobin",
    "glucose": "fasting glucose|fasting plasma glucose|fpg|fasting blood glucose|blood glucose"
    "|plasma glucose",
    "insulin": "fasting insulin|insulin",
    "c-peptide": "c-peptide|basal c-peptide",
    "lipids": "total cholesterol|cholesterol|ldl cholesterol|ldl-c|ldl|hdl cholesterol|hdl-c|hdl"
    "|triglycerides|triglyceride|lipid profile|lipids",
    "renal function": "serum creatinine|creatinine|egfr|creatinine clearance",
    "liver enzymes": "alt|ast|liver enzymes|transaminases",
    "haemoglobin": "hemoglobin|haemoglobin",
    "crp": "crp|c-reactive protein|hs-crp",
    "overall survival": "overall survival|os",
    "progression-free survival": "progression-free survival|progression free survival|pfs",
    "disease-free survival": "disease-free survival|disease free survival|dfs",
    "event-free survival": "event-free survival|event free survival|efs",
    "response rate": "objective response rate|orr|overall response rate|response rate",
    "duration of response": "duration of response|dor",
    "disease control rate": "disease control rate|dcr",
    "time to progression": "time to progression|ttp",
    "quality of life": "quality of life|qol|hrqol|health-related quality of life",
    "adverse events": "adverse events|aes|serious adverse events|saes|treatment-emergent adverse"
    " events|teaes",
    "length of stay": "length of stay|length of hospital stay|hospital stay",
    "operative time": "operative time|operation time|operating time|duration of surgery",
    "blood loss": "blood loss|estimated blood loss|intraoperative blood loss",
    "diagnostic accuracy": "sensitivity|specificity|ppv|npv|positive predictive value"
    "|negative predictive value|accuracy|diagnostic accuracy",
    "pharmacokinetics": "cmax|tmax|auc|auc0-t|auc0-inf|half-life|t1/2|cmin|ctrough|clearance"
    "|volume of distribution",
    "laboratory values": "laboratory values|laboratory parameters|lab parameters|lab values"
    "|laboratory tests|clinical laboratory tests|laboratory abnormalities|safety laboratory tests",
    "vital signs": "vital signs",
    "ecg": "ecg|ecgs|electrocardiogram|electrocardiograms|12-lead ecg",
    "lung function": "fev1|fvc|pef|peak expiratory flow",
    "walk distance": "6-minute walk distance|6mwd|six-minute walk distance",
}.items():
    for _name in _names.split("|"):
        _MEASURE_GROUPS[_name] = _group

# A lead that all the listed measures share: "Change from baseline in HbA1c, weight and BP",
# "Measurement of height and weight".
_SHARED_LEAD = re.compile(
    r"(?:the\s+)?(?:(?:percent(?:age)?\s+)?changes?\s+(?:from\s+baseline\s+)?in\s+"
    r"|(?:measurements?|assessments?|evaluations?|determination)\s+of\s+(?:the\s+)?)?",
    re.IGNORECASE,
)
# A word said of the whole list after its last measure: "PFS, DOR and OS evaluation".
_LAST_WORD = re.compile(
    r"\s+(?:evaluations?|assessments?|measurements?|values?)$", re.IGNORECASE)
# A time or place said of the whole list, at its end: "... at week 24", "... (mmHg)".
_SHARED_TAIL = re.compile(
    r"(?:\s*\([^()]*\))?(?:,?\s+(?:at|from|over|during|after|before|up\s+to|through|until"
    r"|between|by|on|measured|assessed|as\s+measured)\b.*)?$",
    re.IGNORECASE | re.DOTALL,
)
# Joins of the list: commas, "and", "&", ";". "Or" makes alternatives or a composite.
_JOIN = re.compile(r"\s*(?:,\s*(?:and\s+)?|;\s*(?:and\s+)?|\s+and\s+|\s*&\s*)", re.IGNORECASE)
_ABBREVIATION = re.compile(r"\s*\([^()]{1,20}\)")
_OR = re.compile(r"\b(?:or|and/or|either|any)\b|/", re.IGNORECASE)


def _named_measures(title: str) -> list[str] | None:
    """The measures of the lexicon a title lists ("Blood pressure, heart rate and body
    weight"), when it is nothing but them, and they are of two groups or more."""
    text = title.strip().rstrip(".")
    lead = _SHARED_LEAD.match(text)
    text = text[lead.end() if lead else 0:]
    tail = _SHARED_TAIL.search(text)
    body = text[: tail.start()] if tail else text
    body = _ABBREVIATION.sub("", body)
    if _OR.search(body):
        return None
    items = [i.strip() for i in _JOIN.split(body)]
    if len(items) < 2 or not all(items):
        return None
    if items[-1].lower() not in _MEASURE_GROUPS:
        items[-1] = _LAST_WORD.sub("", items[-1])
    groups = [_MEASURE_GROUPS.get(i.lower()) for i in items]
    if None in groups or len(set(groups)) < 2:
        return None
    return items


# Words that make a list one measure: its definition, its criteria, a composite of events, the
# parts of one scale ("Response defined as: 1) ... 2) ...", "Composite of death; MI; stroke").
_ONE_MEASURE = re.compile(
    r"\b(?:defined|definitions?|defines?|criteria|criterion|composite|combined|any|either"
    r"|consist(?:s|ing)?|compris(?:es|ing)|includ(?:es|ing)|such\s+as|following|analysis"
    r"|domains?|sub-?scales?|sub-?scores?|items?|questions?|components?|dimensions?|parts?"
    r"|cohorts?|arms?|groups?|strat(?:a|um)|doses?)\b",
    re.IGNORECASE,
)
# An item that is a time, a group or a number, not a measure ("week 12", "Cohort B", "0-5").
_NOT_A_MEASURE = re.compile(
    r"(?:at|after|before|during|from|to|until|up\s+to|through|on|in|by|within|baseline|weeks?"
    r"|days?|months?|years?|hours?|minutes?|visits?|post|pre|cohort|arm|group|part|phase|dose"
    r"|stage|step|period|score\s+range|range|max(?:imum)?|min(?:imum)?|or|and/or)\b"
    r"|[\d\s.,%<>=≤≥±/+-]*$",
    re.IGNORECASE,
)
_SENTENCE_VERB = re.compile(r"\b(?:will|shall|is|are|was|were|be|been|being)\b", re.IGNORECASE)
# List markers in one style: "1)" "(1)" "1." "a)" "(a)" "i)" "(i)".
_MARKERS = (
    ("1", "2", "3"), ("a", "b", "c"), ("i", "ii", "iii"),
)
_MARKER_STYLES = (r"\({m}\)", r"(?<!\()\b{m}\)", r"\b{m}\.(?=\s+[A-Za-z])")
_LIST_LEAD_WORDS = 8  # words a lead-in to a numbered list may have ("The score from:")


def _top_level_split(text: str, separator: str) -> list[str]:
    """``text`` split at ``separator`` where it stands outside brackets."""
    parts, depth, start = [], 0, 0
    for i, char in enumerate(text):
        if char in "([{":
            depth += 1
        elif char in ")]}":
            depth = max(0, depth - 1)
        elif char == separator and depth == 0:
            parts.append(text[start:i])
            start = i + 1
    parts.append(text[start:])
    return parts


def _plain_items(items: list[str]) -> list[str] | None:
    """The items, cleaned, when each is a short name of a measure and not a time, a group, a
    number or a sentence; else None."""
    cleaned = []
    for item in items:
        text = re.sub(r"^\s*(?:and\s+)?|[\s,;.]+$", "", item)
        words = text.split()
        if not words or len(words) > 12 or _NOT_A_MEASURE.match(text):
            return None
        if _SENTENCE_VERB.search(text):
            return None
        cleaned.append(text)
    return cleaned


def _numbered_items(title: str) -> list[str] | None:
    """The items of a numbered list that is the whole title ("1) HbA1c 2) fasting glucose") or
    follows a short lead-in ending in a colon ("The score from: 1) ... 2) ...")."""
    for first, second, third in _MARKERS:
        for style in _MARKER_STYLES:
            one = re.search(style.format(m=first), title)
            two = re.search(style.format(m=second), title[one.end():]) if one else None
            if one is None or two is None:
                continue
            lead = title[: one.start()].strip()
            if lead and not (lead.endswith(":") and len(lead.split()) <= _LIST_LEAD_WORDS):
                continue
            if _ONE_MEASURE.search(title):
                return None
            pattern = "|".join(style.format(m=re.escape(m)) for m in (first, second, third))
            pattern += "|" + style.format(m=r"(?:[4-9]|1\d|[d-h]|iv|vi{0,3}|ix|x)")
            pieces = re.split(pattern, title[one.start():])
            return _plain_items([p for p in pieces if p.strip()])
    return None


def _semicolon_items(title: str) -> list[str] | None:
    """The items of a title made of three measures or more between semicolons ("Stroke;
    cardiovascular disease; microangiopathy")."""
    segments = [s for s in _top_level_split(title, ";") if s.strip(" .,")]
    if len(segments) < 3 or _ONE_MEASURE.search(title):
        return None
    labelled = [":" in s for s in segments]
    if any(labelled) and not all(labelled):  # "Vital signs: BP; HR; temperature": one head
        return None
    if all(labelled):
        segments = [s.split(":", 1)[1] for s in segments]
    return _plain_items(segments)


def listed_measures(title: str) -> list[str] | None:
    """The measures a title lists when it holds several distinct ones: a numbered list ("1)
    HbA1c 2) fasting glucose"), three or more between semicolons ("Stroke; cardiovascular
    disease; microangiopathy"), or known measures of different kinds joined by commas and
    "and" ("Blood pressure, heart rate and body weight"). None for one measure with qualifiers
    ("Systolic and diastolic blood pressure"), a composite ("Death, myocardial infarction or
    stroke"), a scale and its subscales, or parts of one assessment ("Cmax, AUC and Tmax")."""
    text = " ".join(title.split())
    for reader in (_numbered_items, _semicolon_items, _named_measures):
        items = reader(text)
        if items and len(items) >= 2:
            return items
    return None


# A description that says the listed values make one measure: "reported as BMI", "combined
# into a composite score", "calculated from height and weight".
_MADE_INTO_ONE = re.compile(
    r"\b(?:composite|combined|combination|calculated|computed|derived|summed|sum\s+of"
    r"|total\s+score|reported\s+as)\b",
    re.IGNORECASE,
)


def made_into_one(description: str | None) -> bool:
    """Whether an outcome's description says its listed values make one measure."""
    return bool(description) and _MADE_INTO_ONE.search(description or "") is not None
