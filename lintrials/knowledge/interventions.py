"""Interventions as the registry types them, and the names that are no treatment under study.

drug-without-phase (D102) and phase-mismatch (D103) decide alike whether a study tests a drug:
a drug or biological (`DRUG_TYPES`) that is not a placebo or an inert control (`is_inert`),
and no intervention of another type than `NEUTRAL_TYPES` beside it.
"""

from __future__ import annotations

import re

__all__ = ["DRUG_TYPES", "NEUTRAL_TYPES", "display_type", "is_inert"]

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
