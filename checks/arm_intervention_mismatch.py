"""Arms and interventions do not fit: an arm without one, one in no arm, or a broken link.

Why: every arm of an interventional study is a group of participants who receive something, and
every intervention is given in some arm. The registry shows each arm with its interventions;
an arm with none (other than a No Intervention arm), an intervention listed in no arm, or an
arm that names an intervention the record does not have, leaves readers unable to tell who
gets what, and results later cannot be reported per arm. It is usually a renamed arm or
intervention whose links were not updated.

What is reported, for interventional studies that list arms:

- an arm with no intervention, unless its type is NO_INTERVENTION (field: the arm's label);
- a NO_INTERVENTION arm that lists interventions (field: the arm's type);
- an arm that names an intervention that is not in the intervention list (field: that name);
- an intervention that names an arm that is not in the arm list (field: that label);
- an intervention that no arm lists and that lists no arm (field: the intervention's name).

Links are read from both sides, as the formats carry them: API v2 JSON arms list
"Type: Name" (`Drug: Placebo`) while interventions carry bare names and list their arms'
labels; legacy XML links only from the intervention's side (`arm_group_label`); study pages
list each arm's interventions under it. Names and labels are compared after folding case and
spacing. A record with no arms at all is not reported: registrations before 2007 had no arms,
only interventions.

Example (fails): an EXPERIMENTAL arm "Cohort B" that no intervention lists, beside "Cohort A"
with "Drug: X".
Example (fails): arm "Placebo" lists "Drug: Placebo tablet" but the intervention is named
"Placebo".
Example (passes): seed NCT07177911, arms "CC312" and "Placebo" each with the intervention of
the same name.
Example (passes): NCT04407182, a NO_INTERVENTION "Control" arm with no intervention.

Options: none.

Corpus: 0 findings, 0 correct, measured with
lintrials check --select D105 --today 2026-11-22 ../shared/corpus/
Every one of the 3,615 arms of the 1,772 interventional records with arms has an
intervention (and the 165 NO_INTERVENTION arms have none), every link resolves, and each of
their 3,891 interventions is in an arm. The 602 interventions of the 294 records without arms
are not reported. The check is tested on the real records that must pass (API v2 JSON with
"Type: Name" links, legacy XML linked from the intervention side, the seed pages) and on
made-up records derived from them that must fail, one per kind of defect.
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
