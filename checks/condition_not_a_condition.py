"""A condition entry that is no condition: a study-design term, an outcome, an aim, or a drug.

What it finds: an entry of the conditions list that is

- made only of words that describe the study itself, its design or what it measures
  ("Pharmacokinetics", "Pharmacodynamics", "Bioequivalence", "Randomized Controlled Trial",
  "Safety and Efficacy", "Controlled Human Infection"), with connectives and the names of the
  study's own drugs ("Pharmacokinetics of Sildenafil");
- a sentence of the study's aim ("To Assess the Presence of Artery Disease in Patients ...");
- exactly the name of one of the record's own drugs, biologicals, dietary supplements,
  combination products or genetic interventions ("Propofol" beside the intervention
  "Propofol").

Not reported, by class: an entry that names a population or anything beside the design words
("Pharmacokinetics in Renal Impairment", "Bioequivalence in Healthy Volunteers"); "Healthy",
"Healthy Volunteers" (the registry's own entry for studies of healthy people); outcome domains
the registry and MeSH use as conditions ("Quality of Life", "Treatment Adherence", "Pregnancy
Outcome", "Neonatal Outcome"); "Drug Interaction", "Drug Effect", "Placebo Effect" (phenomena
that are the focus of interaction, pharmacogenomic and placebo studies, and "Drug
Interaction" a hazard participants can suffer); "Trial of Labor" (an obstetric condition);
treatments named as the focus ("Immunotherapy", "Bariatric Surgery"), and procedures,
devices, radiation or behaviours named like an intervention of the record (the registry
accepts "the focus of the study"; in observational records exposure groups are often named
for the condition); an intervention named for a state or practice that is itself a usual
condition entry ("Anesthesia", "Sedation", "Vaccination"). The word lists are in
`lintrials.knowledge.conditions`.

Why it matters: conditions are how the registry indexes a study (they are mapped to MeSH
terms and searched by patients and reviewers); an entry that names the design, the measure or
the drug indexes the study under nothing anyone has, and leaves the condition studied
unsaid. The registry asks for "the name(s) of the disease(s) or condition(s) studied".

Fails: conditions "Erectile Dysfunction", "Smoking", "Pharmacokinetics", "Pharmacodynamics".

Passes: conditions "Healthy", "Chronic Kidney Disease"; "Pharmacokinetics in Renal
Impairment".

Options: none. The check does not depend on the run date.

Fix safety: no fix: the condition studied is for the sponsor to name.
"""

from __future__ import annotations

from collections.abc import Iterator

from lintrials.context import Context
from lintrials.findings import Problem
from lintrials.knowledge.conditions import STATE_NAMES, design_term, states_aim
from lintrials.knowledge.text import words
from lintrials.model import Record

CODE, NAME, SEVERITY = "D109", "condition-not-a-condition", "warning"

# Interventions that are a substance given, never a condition.
_SUBSTANCES = frozenset(
    {"DRUG", "BIOLOGICAL", "DIETARY_SUPPLEMENT", "COMBINATION_PRODUCT", "GENETIC"})


def _ask(record: Record) -> str:
    """What to write instead: a record that takes healthy volunteers may say "Healthy"."""
    if record.eligibility.healthy_volunteers:
        return 'remove it, or name the condition studied ("Healthy" for healthy volunteers)'
    return "remove it, or name the disease or condition studied"


def check(record: Record, ctx: Context) -> Iterator[Problem]:
    drugs: dict[tuple[str, ...], int] = {}
    for k, item in enumerate(record.interventions):
        name = words(item.name)
        if item.type in _SUBSTANCES and name and name not in STATE_NAMES:
            drugs.setdefault(name, k)
    drug_words = {word for name in drugs for word in name}
    ask = _ask(record)
    for i, entry in enumerate(record.conditions):
        shown = " ".join(entry.split())
        if not shown:
            continue
        if words(entry) in drugs:
            k = drugs[words(entry)]
            yield Problem(
                f"conditions[{i}]",
                f'condition "{shown}" is the name of the study\'s own intervention '
                f"interventions[{k}], not a condition: {ask}",
                related=(f"interventions[{k}].name",),
            )
        elif design_term(entry, drug_words):
            yield Problem(
                f"conditions[{i}]",
                f'condition "{shown}" names the study\'s design or what it measures, not a '
                f"condition: {ask}",
            )
        elif states_aim(entry):
            yield Problem(
                f"conditions[{i}]",
                f'condition "{shown}" states the study\'s aim, not a condition: {ask}',
            )
