"""Interventions as the registry types them, and the names that are no treatment under study.

drug-without-phase (D102) and phase-mismatch (D103) decide alike whether a study tests a drug:
a drug or biological (`DRUG_TYPES`) that is not a placebo or an inert control (`is_inert`),
and no intervention of another type than `NEUTRAL_TYPES` beside it. `without_dose` is the name
of a treatment without its dose or dose level, so that "X 10 mg" and "X 20 mg" are one
treatment (single-group-arms, D106).
"""

from __future__ import annotations

import re

__all__ = ["DRUG_TYPES", "NEUTRAL_TYPES", "display_type", "is_inert", "without_dose"]

# Intervention types of a drug, whose study has an FDA phase.
DRUG_TYPES = frozenset({"DRUG", "BIOLOGICAL"})
# Interventions that say nothing about whether a drug is under study.
NEUTRAL_TYPES = frozenset({"OTHER", "DIAGNOSTIC_TEST"})
# A name that is a placebo or an inert control, however typed: "Placebo", "TQH2929 Placebo",
# "Normal saline", "0.9% sodium chloride", "Vehicle cream", "Sham injection".
_INERT = re.compile(
    r"\bplacebos?\b|^(?:the |a |matching |normal |physiological |isotonic |sterile |0\.9 ?% )*"
    r"(?:saline|sodium chloride(?: 0\.9 ?%)?|vehicle|sham|dummy|sugar pill)\b"
    # Autologous blood products prepared at the bedside (platelet-rich plasma and its kin)
    # are regulated as procedures, not as biologics with FDA phases.
    r"|\bplatelet[- ]rich plasma\b|\bPRP\b|\bplatelet lysate\b|\bautologous conditioned serum\b",
    re.IGNORECASE,
)


def is_inert(name: str | None) -> bool:
    """Whether an intervention's name is a placebo or an inert control ("Normal saline")."""
    return _INERT.search(name or "") is not None


def display_type(kind: str | None) -> str:
    """The API v2 spelling of a type in an arm's intervention names: DIETARY_SUPPLEMENT ->
    "Dietary Supplement"."""
    return (kind or "").replace("_", " ").title()


# A dose, a dose level or the cohort or step of an escalation, as intervention and arm names
# write them: "10 mg", "0.5mg/kg", "2 x 10^6 cells/kg", "150 eggs", "Dose Level 3", "Cohort B",
# "low dose", "high-dose". A number only counts with a unit or standing alone ("Morphine 15"),
# so that "18F-FAPI" and "68Ga-FAPI" stay two tracers.
_UNIT = (
    r"(?:mg|g|mcg|µg|μg|ug|ng|kg|ml|l|iu|ui|u|units?|mmol|µmol|μmol|mbq|gbq|mci|gy|cgy|%"
    r"|cells|vg|pfu|ccid50|tcid50|eggs|larvae|tablets?|capsules?|drops|puffs|sprays|mm|cm|j"
    r"|mw|hz|kcal)"
)
_DOSE = re.compile(
    rf"(?<![\w.-])\d+(?:[.,]\d+)?(?:[ \t]*(?:x|×|\*)[ \t]*10(?:\^|e|E)?[ \t]*-?\d+)?"
    rf"(?:[ \t]*{_UNIT}(?:[ \t]*/[ \t]*(?:kg|m2|m²|d|day|dose|ml|eye|week|wk|h))*)?(?![\w.-])"
    r"|\b(?:dose[ \t-]*level|dl|level|cohort|step|tier|group|arm|part|stage)[ \t]*"
    r"(?:[0-9]+|[A-Z]|[IVX]+)\b"
    r"|\b(?:(?:very[ \t-]+)?(?:low|lower|high|higher|medium|middle|mid|intermediate|reduced"
    r"|escalating|starting|first|second|third|fourth|fifth)[ \t-]+)?doses?\b",
    re.IGNORECASE,
)
_LEFTOVER = re.compile(r"[\s,;:：()\[\]/+-]+")


def without_dose(name: str | None) -> str:
    """The name of a treatment without its dose, dose level or cohort, folded: "ZD6474 100mg"
    and "ZD6474 300 mg" -> "zd6474"; "Dose Level 2 of SSGJ-707" -> "of ssgj 707"."""
    stripped = _DOSE.sub(" ", name or "")
    return " ".join(w for w in _LEFTOVER.split(stripped.casefold()) if w)
