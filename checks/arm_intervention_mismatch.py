"""Arms and interventions do not fit: an arm without one, one in no arm, or a broken link.

What it finds: in interventional studies that list arms:

- an arm with no intervention, unless its type is NO_INTERVENTION (field: the arm's label);
- a NO_INTERVENTION arm that lists interventions (field: the arm's type);
- an arm that names an intervention the intervention list does not have (field: that name);
- an intervention that names an arm the arm list does not have (field: that label);
- an intervention that no arm lists and that lists no arm (field: its name).

Links are read from both sides as the formats carry them: API v2 JSON arms list "Type: Name"
(`Drug: Placebo`) and interventions list their arms' labels; legacy XML links only from the
intervention (`arm_group_label`); study pages list each arm's interventions under it. Names
and labels are compared after folding case and spacing. A record with no arms at all is not
reported: registrations before 2007 had only interventions.

Why it matters: every arm of an interventional study is a group that receives something, and
every intervention is given in some arm. Missing or broken links leave readers unable to tell
who gets what, and results cannot be reported per arm. It is usually a renamed arm or
intervention whose links were not updated.

Fails: an EXPERIMENTAL arm "Cohort B" that no intervention lists, beside "Cohort A" with
"Drug: X"; arm "Placebo" lists "Drug: Placebo tablet" but the intervention is "Placebo".

Passes: seed NCT07177911, arms "CC312" and "Placebo" each with the intervention of that name;
NCT04407182, a NO_INTERVENTION "Control" arm with no intervention.

Options: none.

Fix safety: no fix: which name is right is for a person to say.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lintrials.context import Context
from lintrials.findings import Problem
from lintrials.knowledge.interventions import display_type
from lintrials.model import Record

CODE, NAME, SEVERITY = "D105", "arm-intervention-mismatch", "warning"

_SPACE = re.compile(r"\s+")


def check(record: Record, ctx: Context) -> Iterator[Problem]:
    if record.study_type != "INTERVENTIONAL" or not record.arms:
        return
    by_name: dict[str, list[int]] = {}
    for k, item in enumerate(record.interventions):
        by_name.setdefault(_key(item.name), []).append(k)
        by_name.setdefault(_key(f"{display_type(item.type)}: {item.name or ''}"), []).append(k)
    by_label: dict[str, list[int]] = {}
    for i, arm in enumerate(record.arms):
        by_label.setdefault(_key(arm.label), []).append(i)

    arm_links: list[set[int]] = [set() for _ in record.arms]
    linked: set[int] = set()
    for i, arm in enumerate(record.arms):
        for j, name in enumerate(arm.intervention_names):
            found = by_name.get(_key(name))
            if found is None and ":" in name:
                found = by_name.get(_key(name.split(":", 1)[1]))
            if found:
                arm_links[i].update(found)
                continue
            yield Problem(
                f"arms[{i}].intervention_names[{j}]",
                f"arm {arm.label!r} lists intervention {name!r}, which is not among the"
                f" interventions ({_listed([it.name for it in record.interventions])})",
            )
    for k, item in enumerate(record.interventions):
        for j, label in enumerate(item.arm_group_labels):
            arms = by_label.get(_key(label))
            if arms:
                for i in arms:
                    arm_links[i].add(k)
                continue
            yield Problem(
                f"interventions[{k}].arm_group_labels[{j}]",
                f"intervention {item.name!r} is given in arm {label!r}, which is not among the"
                f" arms ({_listed([arm.label for arm in record.arms])})",
            )
    for links in arm_links:
        linked.update(links)

    for i, arm in enumerate(record.arms):
        kind = (arm.type or "").upper()
        if kind == "NO_INTERVENTION":
            if arm_links[i]:
                names = _listed([record.interventions[k].name for k in sorted(arm_links[i])])
                yield Problem(
                    f"arms[{i}].type",
                    f"arm {arm.label!r} is a NO_INTERVENTION arm but lists interventions"
                    f" ({names})",
                )
        elif not arm_links[i]:
            yield Problem(
                f"arms[{i}].label",
                f"arm {arm.label!r} ({kind or 'no type'}) has no intervention; only a"
                " NO_INTERVENTION arm has none",
            )
    for k, item in enumerate(record.interventions):
        if k not in linked and not item.arm_group_labels:
            yield Problem(
                f"interventions[{k}].name",
                f"intervention {item.name!r} is in no arm"
                f" (arms: {_listed([arm.label for arm in record.arms])})",
            )


def _key(text: str | None) -> str:
    return _SPACE.sub(" ", text or "").strip().casefold()


def _listed(names: list[str | None], most: int = 4) -> str:
    shown = ", ".join(repr(n or "") for n in names[:most])
    return shown + (f" and {len(names) - most} more" if len(names) > most else "")
