"""The same intervention registered twice: one type, one name, one description.

What it finds: two interventions of the same type whose names and whose descriptions are alike
once case, accents, spacing and punctuation are folded ("Placebo tablet, 10mg" and "placebo
tablet 10 mg"; two missing descriptions are alike). The finding points at the later
intervention's name and names the earlier one. Interventions of one name whose descriptions
differ (dose cohorts: "10 mg daily" and "20 mg daily"; "before transplant" and "after
transplant") are different interventions and are not reported, nor are interventions of one
name and description but different types, nor those whose other names tell them apart (both give
other names, and not the same: "Coaching app, active version" and "Coaching app, sham
version"). Interventions without a type (a
download filtered to names only) are not compared. The entries most often found are one
intervention entered once per arm instead of once with all its arms, and dose cohorts whose
doses are written only in the arms' labels ("Avanafil 50 mg", "Avanafil 100 mg"), so that the
entries themselves cannot be told apart.

Why it matters: the registry asks each intervention's description to hold the details
"sufficient to distinguish the intervention from other, similar interventions" of the study
(dose, form, frequency); two entries that say the same are either one intervention listed
twice (it should be listed once, under every arm that gets it) or two that the record does not
tell apart. Either way the count of interventions is wrong, and so are the arm-by-arm tables
that results are posted in.

Fails: DRUG "Biaxin (clarithromycin)" described "500 mg by mouth twice daily for 12 weeks",
in arm 1, and the same again in arm 2.

Passes: DRUG "tadalafil" described "10 mg tablet" and DRUG "tadalafil" described "20 mg
tablet".

Options: none. The check does not depend on the run date.

Fix safety: no fix: whether to merge the entries or to say what tells them apart is for the
sponsor to decide.
"""

from __future__ import annotations

from collections.abc import Iterator

from lintrials.context import Context
from lintrials.findings import Problem
from lintrials.knowledge.interventions import display_type
from lintrials.knowledge.text import words
from lintrials.model import Record

CODE, NAME, SEVERITY = "D108", "duplicate-intervention", "warning"


def _arms(labels: list[str]) -> str:
    named = ", ".join(f'"{label.strip()}"' for label in labels)
    return f"arm {named}" if len(labels) == 1 else f"arms {named}"


def _told_apart(first: list[str], second: list[str]) -> bool:
    """Whether two entries' other names tell them apart: both give some, and not the same."""
    names = [{words(name) for name in names if words(name)} for names in (first, second)]
    return all(names) and names[0] != names[1]


def check(record: Record, ctx: Context) -> Iterator[Problem]:
    seen: dict[tuple[str, tuple[str, ...], tuple[str, ...]], int] = {}
    for k, item in enumerate(record.interventions):
        name = words(item.name)
        if not item.type or not name:
            continue
        key = (item.type, name, words(item.description))
        first = seen.setdefault(key, k)
        if first == k:
            continue
        earlier = record.interventions[first]
        if _told_apart(earlier.other_names, item.other_names):
            continue
        what = f'{display_type(item.type)} "{(item.name or "").strip()}"'
        advice = ": list it once"
        if earlier.arm_group_labels and item.arm_group_labels and {
                words(label) for label in earlier.arm_group_labels} != {
                words(label) for label in item.arm_group_labels}:
            advice = (f" (once for {_arms(earlier.arm_group_labels)}, once for "
                      f"{_arms(item.arm_group_labels)}): list it once under all its arms, or say "
                      "in each description what tells them apart (the dose, the timing)")
        yield Problem(
            f"interventions[{k}].name",
            f"{what} has the same type, name and description as interventions[{first}], "
            f"the same intervention registered twice{advice}",
            related=(f"interventions[{first}].name",),
        )
