"""A p-value that is no probability: above 1, below 0, or written as a percentage.

What it finds: a statistical analysis of an outcome measure whose p-value, as written, lies
outside 0 to 1 ("1.5", "-0.2", "12"), bounds one outside it ("> 1", "< 0"), or carries a
percent sign ("95%", "5%"). Comparisons and forms the registry accepts are read: "0.032",
"<0.001", "≤ .05", "P = 0.04", "1.2E-5". A p-value that is not a number ("NA", "not
calculated", "0,001" with a decimal comma) is not judged.

Why it matters: a p-value is a probability, and the registry's field holds it as a number from
0 to 1. A value outside is a slip: a test statistic or an estimate entered in the p-value
field, a lost "0." ("05" for 0.05), or the confidence level ("95%"). A percentage is refused
too, even one that would read as a probability ("5%"): the field is a number, and "95%" is
almost always the interval's level put in the wrong field.

Fails: p-value "1.5"; "-0.2"; "95%"; "> 1".

Passes: "0.032"; "<0.001"; "≤ .05"; "1"; "NA".

Options: none.

Fix safety: no fix: the p-value is for the sponsor to give.
"""

from __future__ import annotations

from collections.abc import Iterator

from lintrials.context import Context
from lintrials.findings import Problem
from lintrials.knowledge.results_numbers import p_value
from lintrials.knowledge.results_tables import measures
from lintrials.model import Record

CODE, NAME, SEVERITY = "P116", "p-value-out-of-range", "error"


def _wrong(text: str) -> str | None:
    """What is wrong with a p-value as written, or None (a probability, or not a number)."""
    p = p_value(text)
    if p is None:
        return None
    if p.percent:
        return "is written as a percentage"
    if p.value > 1 or (p.comparison == ">" and p.value == 1):
        return "is above 1"
    if p.value < 0 or (p.comparison == "<" and p.value == 0):
        return "is below 0"
    return None


def check(record: Record, ctx: Context) -> Iterator[Problem]:
    results = record.results
    if results is None:
        return
    for prefix, measure, _ in measures(results):
        title = " ".join((measure.title or "").split())
        for a, analysis in enumerate(measure.analyses):
            text = analysis.p_value
            wrong = None if text is None else _wrong(text)
            if text is None or wrong is None:
                continue
            yield Problem(
                f"{prefix}.analyses[{a}].p_value",
                f'outcome measure "{title}", statistical analysis {a + 1}: the p-value '
                f'"{text.strip()}" {wrong}: a p-value is a probability, a number from 0 to 1',
            )
