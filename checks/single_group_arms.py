"""A single-group study lists several arms that are different groups.

What it finds: an interventional study with intervention model SINGLE_GROUP and several arms
that are separate groups, because:

- the allocation is RANDOMIZED (randomized between what, in one group?);
- an arm is a comparator: ACTIVE_COMPARATOR, PLACEBO_COMPARATOR, SHAM_COMPARATOR or
  NO_INTERVENTION;
- the arms get different sets of interventions (links read as D105 reads them).

The finding points at the model, names the arms and says why. Arms that all get the same
interventions, without randomization or comparator, are not reported by default: they are
cohorts of one single-group study split by disease, age or dose level (NCT02349698: one CAR-T
product in three cohorts; NCT04946890: one drug at 80, 120 and 180 mg/d).

Why it matters: ClinicalTrials.gov defines Single Group as "clinical trials with a single
arm": every participant gets the same intervention. A randomized single-group study, or one
with a comparator arm, is a parallel (or crossover...) study registered with the wrong model,
and design filters and analyses of single-arm trials count it wrongly.

Fails: NCT00008411, SINGLE_GROUP, allocation RANDOMIZED, arms "Docetaxel Weekly" and "Docetaxel
Every 3 Weeks"; NCT06372145, EXPERIMENTAL "Tolebrutinib" and ACTIVE_COMPARATOR
"Teriflunomide".

Passes: seed NCT07104344, SINGLE_GROUP with the one arm "CM355"; NCT00463476, non-randomized,
arms "2-year olds" and "5-year olds" with the same vaccine.

Options:
  same_interventions (false): also report arms that all get the same interventions.

Fix safety: no fix: whether the model or the arms are wrong is for a person to say.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from lintrials.context import Context
from lintrials.findings import Problem
from lintrials.model import Record

CODE, NAME, SEVERITY = "D106", "single-group-arms", "warning"


@dataclass(frozen=True)
class Options:
    same_interventions: bool = False


_COMPARATORS = frozenset(
    {"ACTIVE_COMPARATOR", "PLACEBO_COMPARATOR", "SHAM_COMPARATOR", "NO_INTERVENTION"}
)
_SPACE = re.compile(r"\s+")
_SHOWN = 4  # arms named in a message


def check(record: Record, ctx: Context) -> Iterator[Problem]:
    if record.study_type != "INTERVENTIONAL" or (record.intervention_model or "") != "SINGLE_GROUP":
        return
    if len(record.arms) < 2:
        return
    reasons = []
    if (record.allocation or "").upper() == "RANDOMIZED":
        reasons.append("allocation is RANDOMIZED")
    comparators = [a for a in record.arms if (a.type or "").upper() in _COMPARATORS]
    if comparators:
        kinds = sorted({(a.type or "").upper() for a in comparators})
        reasons.append(f"{'/'.join(kinds)} arm{'s' if len(comparators) > 1 else ''}")
    if len({frozenset(links) for links in _arm_interventions(record)}) > 1:
        reasons.append("the arms get different interventions")
    if not reasons and not ctx.options.same_interventions:
        return
    if not reasons:
        reasons.append("the arms get the same interventions")
    arms = ", ".join(
        f"{(a.type or 'no type')} {a.label!r}" for a in record.arms[:_SHOWN]
    ) + (f" and {len(record.arms) - _SHOWN} more" if len(record.arms) > _SHOWN else "")
    yield Problem(
        "intervention_model",
        f"intervention model is SINGLE_GROUP (one arm) but the study has {len(record.arms)}"
        f" arms ({arms}): {'; '.join(reasons)}",
        related=tuple(f"arms[{i}].label" for i in range(min(len(record.arms), _SHOWN))),
    )


def _arm_interventions(record: Record) -> list[set[int]]:
    """The interventions of each arm, from the arm's names and the interventions' labels."""
    by_name: dict[str, list[int]] = {}
    for k, item in enumerate(record.interventions):
        kind = (item.type or "").replace("_", " ").title()
        by_name.setdefault(_key(item.name), []).append(k)
        by_name.setdefault(_key(f"{kind}: {item.name or ''}"), []).append(k)
    arm_of_label: dict[str, list[int]] = {}
    for i, arm in enumerate(record.arms):
        arm_of_label.setdefault(_key(arm.label), []).append(i)
    links: list[set[int]] = [set() for _ in record.arms]
    for i, arm in enumerate(record.arms):
        for name in arm.intervention_names:
            hit = by_name.get(_key(name))
            if hit is None and ":" in name:
                hit = by_name.get(_key(name.split(":", 1)[1]))
            links[i].update(hit or ())
    for k, item in enumerate(record.interventions):
        for label in item.arm_group_labels:
            for i in arm_of_label.get(_key(label), ()):
                links[i].add(k)
    return links


def _key(text: str | None) -> str:
    return _SPACE.sub(" ", text or "").strip().casefold()
