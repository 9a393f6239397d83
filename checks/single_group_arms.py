"""A single-group study lists several arms that are different groups.

What it finds: an interventional study with intervention model SINGLE_GROUP and several arms
that are separate groups, because:

- an arm is a comparator: ACTIVE_COMPARATOR, PLACEBO_COMPARATOR, SHAM_COMPARATOR or
  NO_INTERVENTION;
- the arms get different sets of interventions (links read as D105 reads them). Doses are not
  different interventions: when each dose of a dose escalation is entered as an intervention
  of its own ("ABC-101 10 mg", "ABC-101 20 mg", "Dose level 2"), the arms are compared by the
  names without dose, dose level or cohort;
- the allocation is RANDOMIZED (randomized between what, in one group?).

The finding points at the model, names the arms and says why. When randomization is the only
reason, the arms getting the same treatment, the message says that the allocation or the model
is wrong, not which. Arms that all get the same interventions, at one dose or several, without
randomization or comparator, are not reported by default: they are cohorts of one single-group
study split by disease, age or dose level (NCT02349698: one CAR-T product in three cohorts;
NCT04946890: one drug at 80, 120 and 180 mg/d).

Why it matters: ClinicalTrials.gov defines Single Group as "clinical trials with a single
arm": every participant gets the same intervention. A randomized single-group study, or one
with a comparator arm, is a parallel (or crossover...) study registered with the wrong model,
and design filters and analyses of single-arm trials count it wrongly. Severity info by default:
on the evaluation part, 15 of 16 findings were right (93.8%, under the 95% a check must reach to
warn by default); the wrong one was two periods of one group (the same participants treated in
turn, after a washout) entered as two arms; telling periods from groups needs a reading of the
arm descriptions the check does not do yet.

Fails: NCT00008411, SINGLE_GROUP, allocation RANDOMIZED, arms "Docetaxel Weekly" and "Docetaxel
Every 3 Weeks"; NCT06372145, EXPERIMENTAL "Tolebrutinib" and ACTIVE_COMPARATOR
"Teriflunomide"; NCT05691894, arms "18F-FAPI" and "68Ga-FAPI", two tracers.

Passes: seed NCT07104344, SINGLE_GROUP with the one arm "CM355"; NCT00463476, non-randomized,
arms "2-year olds" and "5-year olds" with the same vaccine; cohorts "MRX2843 80 mg/d" and
"MRX2843 120 mg/d", each dose an intervention of its own.

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
from lintrials.knowledge.interventions import without_dose
from lintrials.model import Record

CODE, NAME, SEVERITY = "D106", "single-group-arms", "info"


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
    randomized = (record.allocation or "").upper() == "RANDOMIZED"
    reasons = []
    comparators = [a for a in record.arms if (a.type or "").upper() in _COMPARATORS]
    if comparators:
        kinds = sorted({(a.type or "").upper() for a in comparators})
        reasons.append(f"{'/'.join(kinds)} arm{'s' if len(comparators) > 1 else ''}")
    links = _arm_interventions(record)
    same = "the same interventions"
    if len({frozenset(arm) for arm in links}) > 1:
        treatments = _treatments(record, links)
        if len(set(treatments)) > 1 or not all(treatments):
            reasons.append("the arms get different interventions")
        else:
            same = "the same interventions at different doses or dose levels"
    arms = ", ".join(
        f"{(a.type or 'no type')} {a.label!r}" for a in record.arms[:_SHOWN]
    ) + (f" and {len(record.arms) - _SHOWN} more" if len(record.arms) > _SHOWN else "")
    related = tuple(f"arms[{i}].label" for i in range(min(len(record.arms), _SHOWN)))
    if randomized and not reasons:
        # Nothing in the arms says they are different groups: the allocation may be what is
        # wrong (dose cohorts entered as randomized) as well as the model.
        yield Problem(
            "intervention_model",
            f"intervention model is SINGLE_GROUP but allocation is RANDOMIZED; the"
            f" {len(record.arms)} arms ({arms}) get {same}: one of the two fields is wrong",
            related=("allocation", *related),
        )
        return
    if randomized:
        reasons.insert(0, "allocation is RANDOMIZED")
    if not reasons and not ctx.options.same_interventions:
        return
    if not reasons:
        reasons.append(f"the arms get {same}")
    yield Problem(
        "intervention_model",
        f"intervention model is SINGLE_GROUP (one arm) but the study has {len(record.arms)}"
        f" arms ({arms}): {'; '.join(reasons)}",
        related=related,
    )


def _treatments(record: Record, links: list[set[int]]) -> list[frozenset[str]]:
    """The interventions of each arm by name without dose or dose level, spaces and hyphens:
    the cohorts of a dose escalation, each dose entered as an intervention of its own ("MRX-2843
    80 mg", "MRX2843 120 mg"), get one treatment."""
    return [
        frozenset(without_dose(record.interventions[k].name).replace(" ", "") for k in arm)
        for arm in links
    ]


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
