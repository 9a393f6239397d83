"""The same outcome measure registered twice.

What it finds: two outcomes with the same title, time frame and description (compared with
case and spacing folded), in the same list or across lists: a primary outcome repeated as a
secondary one is reported at the secondary. The finding points at the later title and names
the earlier one. Outcomes without a title are not compared. Outcomes of one generic title
("Fidelity") and time frame whose descriptions differ are different measures, and are not
reported.

Why it matters: a repeated outcome inflates the count of outcomes, and a primary outcome
listed again as secondary leaves readers unsure which is the study's primary question
(registries and reviewers look for a clear, single hierarchy of outcomes).

Fails: primary outcome "HbA1c" at "week 24", and secondary outcome "HbA1c" at "Week 24".

Passes: "HbA1c" at "week 12" and "HbA1c" at "week 24".

Options: none. The check does not depend on the run date.

Fix safety: no fix: which copy to keep (or what was meant) is for the sponsor to say.
"""

from __future__ import annotations

from collections.abc import Iterator

from lintrials.context import Context
from lintrials.findings import Problem
from lintrials.model import Record

CODE, NAME, SEVERITY = "O103", "duplicate-outcome", "warning"


def _fold(value: str | None) -> str:
    return " ".join((value or "").casefold().split()).strip(" .;:")


def check(record: Record, ctx: Context) -> Iterator[Problem]:
    seen: dict[tuple[str, str, str], tuple[str, str | None]] = {}
    for path, outcome in record.outcomes():
        key = (_fold(outcome.measure), _fold(outcome.time_frame), _fold(outcome.description))
        if not key[0]:
            continue
        earlier = seen.get(key)
        if earlier is None:
            seen[key] = (path, outcome.kind)
            continue
        first, kind = earlier
        what = (
            "a primary outcome repeated as secondary"
            if kind == "PRIMARY" and outcome.kind != "PRIMARY"
            else "the same outcome registered twice"
        )
        yield Problem(
            f"{path}.measure",
            f'{what}: "{(outcome.measure or "").strip()}" with the same time frame and '
            f"description as {first}",
            related=(f"{first}.measure",),
        )
