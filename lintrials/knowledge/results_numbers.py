"""Numbers of a posted results section as the registry text writes them, and what they stand for.

The results model keeps every number as its text ("54", "NA", "12.5", "<0.001"). The
arithmetic checks (P111-P117) compare numbers only when the text is one: `number` reads a plain
decimal ("12", "-0.35", ".05", "1.2E-4", a thousands grouping "30,600") and gives None for
anything else ("NA", "0,001", "12 (est.)"), which is then not compared. Values are `Decimal`,
so that a comparison is exact to the digits written.

`half_unit` is half the last written place ("1.25" -> 0.005, "12" -> 0.5): a value written
rounded stands for any number within it, so an estimate contradicts its interval only when no
unrounded numbers could agree (`below`).

`p_value` reads a p-value as written: an optional comparison ("<", "≤", ">=", "="), the
number, and a percent sign if one is written ("95%": not a p-value, which is a probability).

`limits_around_value` says whether a measurement's lower and upper limits enclose its value,
by the dispersion type and the measure type (see its docstring for why each is so).
`participant_unit` and `other_unit` tell a unit of participants from a unit of another kind.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from lintrials.model import Denom, MeasureClass, ResultMeasure

__all__ = [
    "PValue", "analysed", "below", "ci_level", "count", "half_unit", "is_count_of_participants",
    "limits_around_value", "number", "other_unit", "p_value", "participant_unit",
    "participants_title",
]

_PLAIN = re.compile(r"[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?")
_GROUPED = re.compile(r"[-+]?[1-9]\d{0,2}(?:,\d{3})+(?:\.\d+)?")


def number(text: str | None) -> Decimal | None:
    """The value of a number written plainly ("12", "-0.35", ".05", "1.2E-4", "30,600"), or
    None: "NA", a blank, a decimal comma ("0,001", ambiguous with a thousands comma), text."""
    if text is None:
        return None
    value = text.strip()
    if _GROUPED.fullmatch(value):
        value = value.replace(",", "")
    elif not _PLAIN.fullmatch(value):
        return None
    try:
        return Decimal(value)
    except InvalidOperation:  # pragma: no cover - the patterns admit only valid decimals
        return None


def count(text: str | None) -> int | None:
    """A whole number of participants or events ("12", "1,200", "12.0"), or None."""
    value = number(text)
    if value is None or value != value.to_integral_value():
        return None
    return int(value)


def half_unit(text: str) -> Decimal:
    """Half the last place written: "1.25" -> 0.005, "12" -> 0.5, "1.2E-4" -> 0.000005."""
    value = number(text)
    if value is None:
        return Decimal(0)
    exponent = value.as_tuple().exponent
    assert isinstance(exponent, int)
    return Decimal(5).scaleb(exponent - 1)


def below(low: str, high: str) -> bool:
    """Whether the number written ``low`` is below the number written ``high`` whatever the
    digits rounding dropped: 0.94 is below 0.96, 0.95 is not below 0.951 (0.9504 < 0.9506)."""
    a, b = number(low), number(high)
    if a is None or b is None:
        return False
    return a + half_unit(low) < b - half_unit(high)


@dataclass(frozen=True)
class PValue:
    comparison: str  # "<", "<=", ">", ">=", "=" or "" (none written)
    value: Decimal
    percent: bool  # written with a percent sign: "95%"


_COMPARISON = {"<": "<", ">": ">", "=": "=", "≤": "<=", "≥": ">=", "<=": "<=", "=<": "<=",
               ">=": ">=", "=>": ">=", "⩽": "<=", "⩾": ">="}
_P_VALUE = re.compile(
    r"(?:p(?:[\s-]*value)?\s*)?(?P<cmp><=|=<|>=|=>|[<>=≤≥⩽⩾])?\s*"
    r"(?P<num>[-+−]?\s*(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?)\s*(?P<pct>%)?",
    re.IGNORECASE,
)


def p_value(text: str | None) -> PValue | None:
    """A p-value as written ("0.032", "<0.001", "≤ .05", "P = 0.04", "95%"), or None for text
    that is not one ("NA", "0,001", "not calculated")."""
    if text is None:
        return None
    m = _P_VALUE.fullmatch(text.strip())
    if m is None:
        return None
    digits = re.sub(r"\s+", "", m["num"]).replace("−", "-")
    value = number(digits)
    if value is None:
        return None
    return PValue(_COMPARISON.get(m["cmp"] or "", ""), value, m["pct"] is not None)


def _folded(text: str | None) -> str:
    return re.sub(r"[^a-z0-9]+", "", (text or "").casefold())


def limits_around_value(dispersion_type: str | None, param_type: str | None) -> str | None:
    """What a measurement's lower and upper limits are when they must enclose its value:
    "confidence interval", "full range" or "inter-quartile range"; None when they need not, or
    the measurement has no limits.

    The registry's dispersion types (API v2 codes, or legacy words such as "95% Confidence
    Interval") are read as follows. A confidence interval is an interval estimate of the very
    parameter the value estimates (mean, median, geometric mean, least-squares mean, number):
    the point estimate lies inside it. The full range is the lowest and the highest value
    observed: a mean, median or geometric mean of those values lies between them, but a
    least-squares mean is a model's estimate and need not. The inter-quartile range is the 25th
    and the 75th percentile: the median (the 50th) lies between them, but a mean of a skewed
    distribution may lie outside, so only a median is judged. Standard deviation, standard error
    and geometric coefficient of variation are one spread value, with no limits."""
    dispersion, param = _folded(dispersion_type), _folded(param_type)
    if dispersion.endswith("confidenceinterval"):
        return "confidence interval"
    if dispersion == "fullrange" and param in ("mean", "median", "geometricmean"):
        return "full range"
    if dispersion == "interquartilerange" and param == "median":
        return "inter-quartile range"
    return None


def ci_level(dispersion_type: str | None) -> str | None:
    """The level of a confidence interval a dispersion type names: "95_CONFIDENCE_INTERVAL"
    and "95% Confidence Interval" -> "95", "97_5_CONFIDENCE_INTERVAL" -> "97.5"; else None."""
    m = re.match(r"\s*(\d+)(?:[_.](\d+))?\s*%?[\s_]*confidence[\s_]+interval",
                 dispersion_type or "", re.IGNORECASE)
    if m is None:
        return None
    return m[1] if m[2] is None else f"{m[1]}.{m[2]}"


# Units that count people: a measure of participants may be written in any of them.
_PEOPLE = (
    r"participants?|patients?|subjects?|persons?|people|individuals?|volunteers?|responders?"
    r"|children|child|infants?|neonates?|newborns?|babies|women|men|adults?|adolescents?"
    r"|mothers?|cases?|partic[a-z]*ants?"
)
_PEOPLE_HEADED = re.compile(rf"\W*(?:(?:the\s+)?(?:number|no\.|count)\s+of\s+)?(?:{_PEOPLE})\b",
                            re.IGNORECASE)
# A share, a rate, a time, a measurement unit or a score: a unit that is no count.
_NOT_A_COUNT = re.compile(
    r"%|\bper\s*cent|\bpercent|\bproportion|\bfraction|\bprobabilit|\brates?\b|\bratios?\b"
    r"|\bper\b|/"
    r"|\b(?:seconds?|minutes?|min|hours?|hrs?|days?|weeks?|months?|years?)\b"
    r"|\b(?:scores?|points?|scales?)\b"
    r"|\b(?:mg|mcg|µg|μg|ug|ng|pg|kg|ml|dl|mmhg|mm|cm|iu|mmol|µmol|μmol|umol|nmol|pmol|meq|bpm"
    r"|kcal)\b",
    re.IGNORECASE,
)


def participant_unit(unit: str | None) -> bool:
    """Whether a unit of measure counts people: "Participants", "patients", "number of
    subjects", "participants with event"; not a share of them ("percentage of participants",
    "participants (%)") nor a rate ("participants per 100 patient-years")."""
    text = (unit or "").strip()
    return bool(_PEOPLE_HEADED.match(text)) and not _NOT_A_COUNT.search(text)


def other_unit(unit: str | None) -> bool:
    """Whether a unit of measure is plainly not a count of people: a percentage, proportion or
    rate ("percentage of participants", "%", "events per 100 patient-years"), a time ("days"),
    a measurement unit ("mg/dL", "mmHg") or a score ("units on a scale"). A unit headed by
    people ("participants with >= 50% reduction") is not, nor a unit that counts something
    else ("eyes", "events", "lesions"): a count, of another thing, which may be the title's
    slip or the unit's."""
    text = (unit or "").strip()
    return not _PEOPLE_HEADED.match(text) and bool(_NOT_A_COUNT.search(text))


_PARTICIPANTS_TITLE = re.compile(
    r"\W*(?:the\s+)?(?:total\s+)?(?:number|count|no\.|#)\s+of\s+"
    r"(?:participants?|patients?|subjects?|persons?|people|individuals?)(?![\w'’-])",
    re.IGNORECASE,
)
_SHARE_WORDS = re.compile(r"%|percent|proportion|\brates?\b|\bratios?\b|fraction",
                          re.IGNORECASE)


def participants_title(title: str | None) -> bool:
    """Whether a measure's title says it counts participants: "Number of Participants With
    ...", "Count of Patients ..."; not a title that also names a share ("Number and
    Percentage of Participants", "Number of Participants (%)"), nor one that counts what the
    people have ("Number of Patient-Days", "Number of Participants' Visits")."""
    text = title or ""
    return bool(_PARTICIPANTS_TITLE.match(text)) and not _SHARE_WORDS.search(text)


def is_count_of_participants(measure: ResultMeasure) -> bool:
    """A measure whose values are numbers of participants: typed COUNT_OF_PARTICIPANTS (legacy
    "Count of Participants") in a unit that may count people (not "percentage of
    participants": then the type or the unit is wrong, and which is unknown), or a NUMBER in a
    unit of participants."""
    param = _folded(measure.param_type)
    if param == "countofparticipants":
        return not other_unit(measure.unit_of_measure)
    return param == "number" and participant_unit(measure.unit_of_measure)


def _participant_denoms(denoms: list[Denom]) -> list[int]:
    """Indexes of the denominators counted in participants (no units: the registry's
    default, participants)."""
    return [i for i, d in enumerate(denoms)
            if d.units is None or _folded(d.units) in ("participants", "participant")]


def analysed(group_id: str | None, cls: MeasureClass, measure: ResultMeasure,
             baseline_denoms: list[Denom], prefix: str, k: int) -> tuple[int, str] | None:
    """The number of participants analysed for ``group_id`` in class ``k`` of ``measure``, and
    its field path: the class's own number analysed first, then the measure's, then (for a
    baseline measure) the baseline's; None when none is given as a whole number."""
    levels = [(cls.denoms, f"{prefix}.classes[{k}].denoms"), (measure.denoms, f"{prefix}.denoms"),
              (baseline_denoms, "results.baseline.denoms")]
    for denoms, path in levels:
        for i in _participant_denoms(denoms):
            for j, c in enumerate(denoms[i].counts):
                if c.group_id == group_id:
                    n = count(c.value)
                    return None if n is None else (n, f"{path}[{i}].counts[{j}].value")
    return None
