"""An interventional study of a drug or biological product has phase N/A.

Why: ClinicalTrials.gov asks for the phase of every clinical trial of a drug product (biologics
included), in the FDA's terms (Early Phase 1, Phase 1 to Phase 4); "N/A" is only for studies
without FDA-defined phases, such as trials of devices or behavioural interventions. A drug
study marked N/A drops out of every phase filter of the registry and of the analyses that
count trials by phase, and it hides whether the study is a first-in-human trial or a
post-marketing one. Either the phase or the intervention types are wrong.

The finding points at the phase value, and names the drug and biological interventions (their
types are the related fields). Only interventional studies are checked (expanded access and
observational studies have no phase).

What is not reported:

- Placebo, saline, vehicle and sham interventions typed as drugs: a device or behavioural
  trial often lists its placebo as "Drug: Placebo". Autologous platelet-rich plasma (PRP,
  platelet lysate, conditioned serum), which is prepared at the bedside and regulated as a
  procedure, not as a biologic with phases (NCT05241964, NCT05287867).
- A drug given only in comparator arms when the experimental arms test something else: the
  standard adjuvant therapy of a monitoring strategy (NCT06924710), the tadalafil that both
  arms of an exercise trial take (NCT04623840).
- By default, a study that also tests a device, procedure, radiation, behavioural programme,
  dietary supplement, combination product or genetic intervention. In such studies the drug is
  often background care or part of the procedure: the peri-operative ceftriaxone and lidocaine
  of a surgical-timing trial (NCT03449940), the isosulfan blue dye of a sentinel-node trial
  (NCT00003186), the cisplatin given with the radiotherapy under study (NCT05857631), the
  "conventional medicine" of a usual-care arm (NCT02384928). Set `with_other_types` to report
  them too. "Other" and "Diagnostic Test" interventions (questionnaires, standard care, blood
  tests) do not count as other types.
- Dietary supplements, combination products and genetic interventions: a supplement is studied
  under an FDA phase only when it is tested as a drug (to treat a disease, under an IND), and a
  drug-device combination product takes a phase only when its primary mode of action is the
  drug's; the record does not say which. Add the types to `phased_types` to report them.

Example (fails): seed NCT07104344, "Clinical Phase: NA" for a study whose only intervention is
"CM355", Intervention Type BIOLOGICAL (an antibody injection).
Example (passes): NCT05694026 lists "Device: Intense pulsed light" and "Drug: Diquafosol
tetrasodium" with phase N/A: a device is tested too (reported with `with_other_types`).
Example (passes): a device trial whose sham arm is "Drug: Placebo".

Options:
    phased_types ([DRUG, BIOLOGICAL]): intervention types whose study needs an FDA phase.
    with_other_types (false): also report a study that tests interventions of other types
        (device, procedure, radiation, behavioural, supplement, ...) beside the drug.

Corpus: 77 findings, 77 correct (100%), measured with
lintrials check --select D102 --today 2026-11-22 ../shared/corpus/
(plus the seed NCT07104344, correct). Kinds of true findings: legacy NIAID AIDS drug trials of
1999-2002 registered N/A (zidovudine, ganciclovir, foscarnet, indinavir); academic trials of
approved drugs that should be Phase 4 (sildenafil, tadalafil, atorvastatin, insulin regimens,
empagliflozin, IV against oral antibiotics); investigational products marked N/A (CM355,
LILRB4 STAR-T cells, adipose stem cells, sivelestat); cancer drug trials (apatinib, anlotinib,
sugemalimab); drugs used as research tools (CGRP and levcromakalim provocation, letrozole to
raise androgens, drug-interaction studies), which 21 CFR 312.21(a) counts as Phase 1. The
most arguable is NCT05691608, whose "Biological" intervention is tissue and blood collected
for sequencing: the type is wrong rather than the phase, which the message allows for. With
`with_other_types`, 22 more findings, many of them with the drug as background care.
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
