"""One outcome measure whose title lists several distinct measures.

What it finds: a primary, secondary or other outcome whose title is a list of measures, in one
of three shapes: a numbered list that is the whole title or follows a short lead-in ending in a
colon ("1) HbA1c 2) fasting glucose 3) body weight"); three items or more between semicolons,
each a short name ("Home blood pressure; stroke; cardiovascular disease; microangiopathy"); or
measures the check knows, of two kinds or more, joined by commas and "and" ("Blood pressure,
heart rate and body weight", "Change from baseline in HbA1c, fasting plasma glucose and body
weight", "PFS, DOR and OS"). The trigger is narrow on purpose, and these are not reported:
one measure with qualifiers ("Change from baseline in systolic and diastolic blood pressure":
the pressures of one reading are one measure, and so are "SBP and DBP"); the parts of one
assessment ("Cmax, AUC and Tmax" of one PK profile, "Sensitivity and specificity", a lipid
panel); a composite or alternatives ("Death, myocardial infarction or stroke", anything joined
by "or"); a list under a definition, criteria or one head ("Response defined as: 1) ... 2)
...", "Vital signs: BP; HR; temperature"); a scale and its domains, subscales or items; lists of
times, cohorts, arms or doses ("at week 4; week 8; week 12"); lists of events, which may be a
composite's ("Death, myocardial infarction and stroke"), and of measures the check does not
know ("Depression, anxiety and stress levels"); and a list whose description says it makes one
measure ("reported as BMI", "a composite score", "calculated from"). Records without
the outcomes module (a partial download) are not judged.

Why it matters: each outcome measure is one variable with one unit; results are posted per
outcome, so a title that holds several cannot be given one result, and ClinicalTrials.gov
reviewers return it ("More than one outcome measure appears to be described").

Fails: secondary outcome "Blood pressure, heart rate, and body weight".

Passes: three outcomes "Blood pressure", "Heart rate", "Body weight"; or "Change from
baseline in systolic and diastolic blood pressure".

Options: none. The check does not depend on the run date.

Fix safety: no fix: splitting the outcome (with its own time frame and description for each
measure) is for the sponsor to do.
"""

from __future__ import annotations

from collections.abc import Iterator

from lintrials.context import Context
from lintrials.findings import Problem
from lintrials.knowledge.outcome_titles import listed_measures, made_into_one
from lintrials.model import Record

CODE, NAME, SEVERITY = "O105", "several-measures-in-one-outcome", "warning"

_SHOWN = 4  # items named in the message
_ITEM = 40  # characters of an item named in the message


def _short(item: str) -> str:
    return item if len(item) <= _ITEM else item[: _ITEM - 3].rstrip() + "..."


def check(record: Record, ctx: Context) -> Iterator[Problem]:
    for path, outcome in record.outcomes():
        title = (outcome.measure or "").strip()
        items = listed_measures(title) if title else None
        if not items or made_into_one(outcome.description):
            continue
        named = "; ".join(_short(i) for i in items[:_SHOWN])
        more = f"; and {len(items) - _SHOWN} more" if len(items) > _SHOWN else ""
        yield Problem(
            f"{path}.measure",
            f"outcome title lists {len(items)} measures ({named}{more}): register each as an "
            "outcome of its own, with its time frame and description",
        )
