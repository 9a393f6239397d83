"""An estimate outside its own confidence interval, or a value outside its own range.

What it finds: a statistical analysis whose estimated value (``paramValue``) lies below the
lower or above the upper limit of its confidence interval; and a measurement (baseline or
outcome) whose value lies outside its own lower and upper limits, when those limits must
enclose it: a confidence interval (any measure type), the full range (of a mean, median or
geometric mean) or the inter-quartile range (of a median). Limits written the wrong way round
(a lower limit above the upper one) are reported as such. A one-sided interval is compared on
the side it gives; a limit that is not a number ("NA", as the registry writes an upper limit
not reached) is not compared.

What is exact: each number is read as written, and a rounded number stands for any number
within half its last place, so a value is reported only when no unrounded numbers could agree
(0.94 against a lower limit of 0.96 is; 0.95 against 0.951 is not). A confidence interval is
an interval estimate of the very parameter the value estimates: the point estimate lies inside
it. The full range is the lowest and the highest value observed: their mean, median or
geometric mean lies between them, but a least-squares mean is a model's estimate and need not,
so it is not judged. The inter-quartile range is the 25th and 75th percentile: the median lies
between them, but a mean need not (a skewed distribution), so only a median is judged.
Standard deviation, standard error and the geometric coefficient of variation are one spread
value, with no limits.

Why it matters: an estimate outside its interval is a typing slip (a sign lost, a decimal
moved), limits of another analysis or another scale (a log hazard ratio's interval beside the
hazard ratio), or limits swapped; the registry shows them side by side, and a reader reads
significance off the interval.

Fails: hazard ratio 1.45 with a 95% CI of 0.62 to 1.21; median 12.5 days, full range 14 to 30;
lower limit 2.3, upper limit 1.1.

Passes: mean difference -3.2, 95% CI -5.1 to -1.3; median 8, inter-quartile range 8 to 12; a
least-squares mean outside the full range; median survival 14.2 months, 95% CI 10.1 to NA.

Options: none.

Fix safety: no fix: which number is wrong is for the sponsor to say.
"""

from __future__ import annotations

from collections.abc import Iterator

from lintrials.context import Context
from lintrials.findings import Problem
from lintrials.knowledge.results_numbers import below, ci_level, limits_around_value, number
from lintrials.knowledge.results_tables import group_label, measures
from lintrials.model import Record

CODE, NAME, SEVERITY = "P115", "estimate-outside-ci", "error"


def _outside(value: str | None, low: str | None, high: str | None) -> str | None:
    """How ``value`` lies outside [low, high] ("below", "above", "reversed"), or None."""
    if number(value) is None:
        return None
    if low is not None and high is not None and below(high, low):
        return "reversed"
    assert value is not None
    if low is not None and below(value, low):
        return "below"
    if high is not None and below(high, value):
        return "above"
    return None


_WHY = {
    "confidence interval": "an estimate lies inside its own confidence interval",
    "full range": "a mean, median or geometric mean lies between the lowest and the highest "
                  "value",
    "inter-quartile range": "the median lies between the 25th and the 75th percentile",
}


def _said(where: str, value: str, low: str | None, high: str | None, what: str, how: str,
          kind: str = "confidence interval") -> str:
    limits = f"{(low or '').strip() or '?'} to {(high or '').strip() or '?'}"
    if how == "reversed":
        return (f"{where}: the limits of {what} are the wrong way round, {limits}: the lower "
                "limit is above the upper one")
    side = "lower" if how == "below" else "upper"
    return (f"{where}: the value {value.strip()} lies {how} the {side} limit of {what}, "
            f"{limits}: {_WHY[kind]}")


def _present(here: str, low: tuple[str, str | None], high: tuple[str, str | None],
             how: str) -> tuple[str, ...]:
    """The limits a finding refers to: those given, and not the one it is reported on."""
    given = [high] if how == "reversed" else [low, high]
    return tuple(f"{here}.{name}" for name, text in given if text is not None)


def check(record: Record, ctx: Context) -> Iterator[Problem]:
    results = record.results
    if results is None:
        return
    for prefix, measure, _ in measures(results):
        kind = "baseline measure" if prefix.startswith("results.baseline") else "outcome measure"
        title = " ".join((measure.title or "").split())
        groups = measure.groups or (results.baseline.groups if results.baseline else [])
        for a, analysis in enumerate(measure.analyses):
            how = _outside(analysis.param_value, analysis.ci_lower_limit,
                           analysis.ci_upper_limit)
            if how is None or analysis.param_value is None:
                continue
            pct = (analysis.ci_pct_value or "").strip()
            what = f"its {pct}% confidence interval" if pct else "its confidence interval"
            estimate = " ".join((analysis.param_type or "estimate").split())
            here = f"{prefix}.analyses[{a}]"
            yield Problem(
                f"{here}.param_value" if how != "reversed" else f"{here}.ci_lower_limit",
                _said(f'{kind} "{title}", statistical analysis {a + 1} ({estimate})',
                      analysis.param_value, analysis.ci_lower_limit, analysis.ci_upper_limit,
                      what, how),
                related=_present(here, ("ci_lower_limit", analysis.ci_lower_limit),
                                 ("ci_upper_limit", analysis.ci_upper_limit), how),
            )
        limits = limits_around_value(measure.dispersion_type, measure.param_type)
        if limits is None:
            continue
        level = ci_level(measure.dispersion_type)
        what = f"its {level}% {limits}" if level else f"its {limits}"
        for k, cls in enumerate(measure.classes):
            for c, category in enumerate(cls.categories):
                for j, m in enumerate(category.measurements):
                    how = _outside(m.value, m.lower_limit, m.upper_limit)
                    if how is None or m.value is None:
                        continue
                    here = f"{prefix}.classes[{k}].categories[{c}].measurements[{j}]"
                    rows = [" ".join(t.split()) for t in (cls.title, category.title)
                            if t and t.strip()]
                    row = f" ({', '.join(rows)})" if rows else ""
                    yield Problem(
                        f"{here}.value" if how != "reversed" else f"{here}.lower_limit",
                        _said(f'{kind} "{title}"{row}, {group_label(groups, m.group_id)}',
                              m.value, m.lower_limit, m.upper_limit, what, how, limits),
                        related=_present(here, ("lower_limit", m.lower_limit),
                                         ("upper_limit", m.upper_limit), how),
                    )
