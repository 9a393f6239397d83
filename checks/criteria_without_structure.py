"""Eligibility criteria with no inclusion or exclusion heading at all.

What it finds: the eligibility criteria of a record first submitted on or after
`required_from` that have no heading of an inclusion, exclusion or eligibility part anywhere:
neither "Inclusion Criteria:" nor "Exclusion Criteria" (with or without a colon, in capitals,
"Key inclusion criteria", "Study Exclusion Criteria."), nor "Eligibility:", "Exclusion:",
"Exclusion (any of the following):", "Criteria for exclusion", "Non-inclusion criteria",
"Patients are not eligible if they:", nor a heading run into its first criterion
("Inclusion criteria. Age 22 or over."). Headings are found as the criteria analysis finds
them (`lintrials.knowledge.criteria`), with these looser forms besides. Not reported: records
first submitted earlier (whose criteria were often one paragraph or the NCI "DISEASE
CHARACTERISTICS:" form), records of no known submission date (a partial download), empty
criteria (empty-field reports those), and a text saying the record has no criteria of its own
("There are no specific eligibility criteria for the Master Protocol", "See study GZP1 for
eligibility criteria"). Whether the headings are the right ones, or the items under them, is
for other checks.

Why it matters: ClinicalTrials.gov defines the eligibility criteria as "a limited list of
criteria for selection of participants ... provided in terms of inclusion and exclusion
criteria", entered as a list under the headings "Inclusion Criteria" and "Exclusion
Criteria". Without them a reader, a screening site or a matching tool cannot tell a criterion
a participant must meet from one that excludes them ("Presence of HIV, HBV or HCV infection"
under no heading reads as a requirement).

Fails: first submitted 2024, criteria of three items, "* Age 18-50", "* Need to undergo
surgery", "* Presence of HIV, HBV, HCV infection", with no heading.

Passes: the same items under "Inclusion Criteria:" and "Exclusion Criteria:"; the same text in
a record first submitted in 2010.

Options:
  required_from (default "2017-01-18"): the first submission date (ISO, or a year) from which
    criteria are expected in inclusion and exclusion parts; the default is the day the
    FDAAA Final Rule (42 CFR Part 11) took effect.

Fix safety: no fix: which criteria include and which exclude is for the sponsor to say.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from lintrials.context import Context
from lintrials.findings import Problem
from lintrials.knowledge.criteria import has_section_heading, states_no_criteria
from lintrials.model import Record

CODE, NAME, SEVERITY = "E108", "criteria-without-structure", "info"


@dataclass(frozen=True)
class Options:
    required_from: str = "2017-01-18"


def check(record: Record, ctx: Context) -> Iterator[Problem]:
    text = ctx.analysis.criteria
    submitted = record.first_submitted_date or ""
    since = str(ctx.options.required_from)
    if not text.strip() or not submitted[:4].isdigit() or submitted < since[: len(submitted)]:
        return
    if has_section_heading(text) or states_no_criteria(text):
        return
    yield Problem(
        "eligibility.criteria",
        "the eligibility criteria have no inclusion or exclusion heading: list them under "
        '"Inclusion Criteria:" and "Exclusion Criteria:" (expected of records first '
        f"submitted from {since}; this one was first submitted {submitted})",
    )
