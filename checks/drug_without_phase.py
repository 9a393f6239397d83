"""An interventional study of a drug or biological product has phase N/A.

What it finds: an interventional study with phase N/A and a DRUG or BIOLOGICAL intervention
(`phased_types`); the finding points at the phase and names those interventions. Not
reported:

- placebo, saline, vehicle and sham interventions typed as drugs, and autologous platelet-rich
  plasma (prepared at the bedside, regulated as a procedure);
- a drug given only in comparator arms while the experimental arms test something else (the
  standard therapy of a monitoring strategy, a drug both arms of an exercise trial take);
- by default, a study that also tests a device, procedure, radiation, behavioural programme,
  dietary supplement, combination product or genetic intervention: the drug is then often
  background care or part of the procedure (peri-operative antibiotics, a sentinel-node dye,
  the cisplatin given with the radiotherapy under study). "Other" and "Diagnostic Test" do not
  count as other types;
- dietary supplements, combination products and genetic interventions themselves: they take a
  phase only in some cases the record does not show (add them to `phased_types` to report).

Why it matters: ClinicalTrials.gov asks for the phase of every trial of a drug product,
biologics included, in the FDA's terms (Early Phase 1 to Phase 4); N/A is for studies without
FDA-defined phases. A drug study marked N/A drops out of every phase filter and count, and
hides whether it is a first-in-human or a post-marketing trial. Either the phase or the
intervention types are wrong.

Fails: seed NCT07104344, "Clinical Phase: NA" for a study whose only intervention is "CM355",
type BIOLOGICAL (an antibody injection).

Passes: NCT05694026, "Device: Intense pulsed light" and "Drug: Diquafosol tetrasodium" with
phase N/A (a device is tested too; reported with `with_other_types`); a device trial whose
sham arm is "Drug: Placebo".

Options:
  phased_types ([DRUG, BIOLOGICAL]): intervention types whose study needs an FDA phase.
  with_other_types (false): also report a study that tests interventions of other types
    (device, procedure, radiation, behavioural, supplement, ...) beside the drug.

Fix safety: no fix: the phase is for the sponsor to give.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from lintrials.context import Context
from lintrials.findings import Problem
from lintrials.knowledge.interventions import NEUTRAL_TYPES, display_type, is_inert
from lintrials.model import Record

CODE, NAME, SEVERITY = "D102", "drug-without-phase", "warning"


@dataclass(frozen=True)
class Options:
    phased_types: tuple[str, ...] = ("DRUG", "BIOLOGICAL")
    with_other_types: bool = False


_SHOWN = 3  # interventions named in a message


def check(record: Record, ctx: Context) -> Iterator[Problem]:
    if record.study_type != "INTERVENTIONAL" or not _is_not_applicable(record.phases):
        return
    phased = {t.upper() for t in ctx.options.phased_types}
    drugs: list[int] = []
    others = False
    for i, item in enumerate(record.interventions):
        kind = (item.type or "").upper()
        if kind in phased:
            if not is_inert(item.name):
                drugs.append(i)
        elif kind and kind not in NEUTRAL_TYPES:
            others = True
    if not drugs or (others and not ctx.options.with_other_types):
        return
    if not _tested_in_experimental_arm(record, set(drugs)):
        return
    named = ", ".join(
        f"{record.interventions[i].type} {record.interventions[i].name or ''!r}"
        for i in drugs[:_SHOWN]
    )
    more = f" and {len(drugs) - _SHOWN} more" if len(drugs) > _SHOWN else ""
    yield Problem(
        "phases[0]",
        f"phase is N/A (no FDA-defined phase) but the study tests {named}{more}; a drug or"
        " biological study has an FDA phase (Early Phase 1 to Phase 4), or the intervention"
        " type is wrong",
        related=tuple(f"interventions[{i}].type" for i in drugs[:_SHOWN]),
    )


def _tested_in_experimental_arm(record: Record, drugs: set[int]) -> bool:
    """False when the experimental arms test something else and the drugs are only given in
    comparator arms (the standard care a strategy is compared with)."""
    experimental = [a for a in record.arms if (a.type or "").upper() == "EXPERIMENTAL"]
    if not experimental:
        return True
    names = {_key(record.interventions[k].name) for k in drugs}
    names |= {
        _key(f"{display_type(record.interventions[k].type)}: {record.interventions[k].name or ''}")
        for k in drugs
    }
    labels = {_key(label) for k in drugs for label in record.interventions[k].arm_group_labels}
    linked = False
    for arm in experimental:
        arm_names = {_key(n) for n in arm.intervention_names}
        linked = linked or bool(arm_names)
        if arm_names & names or _key(arm.label) in labels:
            return True
    # Arms without any link say nothing about where the drug is given.
    return not linked and not labels


def _key(text: str | None) -> str:
    return " ".join((text or "").split()).casefold()


def _is_not_applicable(phases: list[str]) -> bool:
    # The legacy XML "N/A" may reach the model split at its slash, as ["N", "A"].
    return bool(phases) and (phases == ["NA"] or phases == ["N", "A"])
