"""A required text field is missing or blank, or a text field is present with nothing in it.

What it finds:

- missing or blank (warning): the brief title, brief summary, eligibility criteria, and at least
  one condition. Missing is reported only for a complete record: one that holds every module a
  study must have (identification, status, sponsor, description, conditions, design,
  eligibility); a partial download (a `fields=` filter) lacks modules and fields by design;
- present but blank (warning): the official title, a condition, an arm's label, an
  intervention's name (an absent official title is not reported: study pages do not show it);
- present but blank (info): the detailed description, the acronym, the description of an arm
  or an intervention. These are optional: an empty "Detailed Description" heading is worth a
  note, not a warning.

A withheld record (status WITHHELD, whose content ClinicalTrials.gov redacts) is not checked.

Why it matters: the brief title, brief summary, conditions and eligibility criteria are what a
patient or a search engine reads first, and the ClinicalTrials.gov data element definitions
require them of every study. A field with only white space looks filled in to a tool and is
empty to a reader.

Fails: a study page with "Brief Summary" followed directly by the "Conditions" heading;
`"conditions": ["Psoriasis", "  "]`.

Passes: a summary of the study under "Brief Summary"; `"conditions": ["Psoriasis"]`.

Options: none.

Fix safety: no fix: the text is for the sponsor to write.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lintrials.context import Context
from lintrials.findings import Problem
from lintrials.model import Record

CODE, NAME, SEVERITY = "T101", "empty-field", "warning"

# Every module a registered study has; a record lacking one is a partial download.
_COMPLETE = frozenset(
    {
        "identificationModule",
        "statusModule",
        "sponsorCollaboratorsModule",
        "descriptionModule",
        "conditionsModule",
        "designModule",
        "eligibilityModule",
    }
)
# White space, and the invisible characters that pass for text in a copied field.
_VISIBLE = re.compile(r"[^\s\u200b\u200c\u200d\u2060\ufeff]")


def _blank(value: str) -> bool:
    return _VISIBLE.search(value) is None


def _required(record: Record) -> Iterator[tuple[str, str, str | None]]:
    yield "brief_title", "brief title", record.brief_title
    yield "brief_summary", "brief summary", record.brief_summary
    yield "eligibility.criteria", "eligibility criteria", record.eligibility.criteria


def _present(record: Record) -> Iterator[tuple[str, str, str | None, str]]:
    """Fields that may be absent but, when present, must hold text; and the severity."""
    yield "official_title", "official title", record.official_title, "warning"
    yield "acronym", "acronym", record.acronym, "info"
    yield "detailed_description", "detailed description", record.detailed_description, "info"
    for i, condition in enumerate(record.conditions):
        yield f"conditions[{i}]", f"condition {i + 1}", condition, "warning"
    for i, arm in enumerate(record.arms):
        yield f"arms[{i}].label", f"label of arm {i + 1}", arm.label, "warning"
        yield f"arms[{i}].description", f"description of arm {i + 1}", arm.description, "info"
    for i, item in enumerate(record.interventions):
        yield f"interventions[{i}].name", f"name of intervention {i + 1}", item.name, "warning"
        yield (
            f"interventions[{i}].description",
            f"description of intervention {i + 1}",
            item.description,
            "info",
        )


def _empty(value: str) -> str:
    return "empty" if not value else "only white space"


def check(record: Record, ctx: Context) -> Iterator[Problem]:
    if record.overall_status == "WITHHELD":
        return
    complete = record.sections >= _COMPLETE
    for field, label, value in _required(record):
        if value is None:
            if complete:
                yield Problem(field, f"no {label}: every study must have one")
        elif _blank(value):
            yield Problem(field, f"the {label} is {_empty(value)}: every study must have one")
    if complete and not record.conditions:
        yield Problem("conditions", "no condition: every study must name at least one")
    for field, label, value, severity in _present(record):
        if value is not None and _blank(value):
            yield Problem(
                field,
                f"the {label} is {_empty(value)}: write it, or leave it out",
                severity=severity if severity != SEVERITY else None,
            )
