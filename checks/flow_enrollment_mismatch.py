"""A participant flow that starts with another number than the actual enrollment, unexplained.

What it finds: a record with an ACTUAL enrollment whose posted participant flow starts (the
first period's STARTED, added over its groups) with more or fewer participants, when nothing
in the flow accounts for the difference. Counts are taken as written: a group whose STARTED is
not a whole number in digits, or a group the milestone leaves out, leaves the record unjudged.

What counts as an explanation, generously (any one silences the check):
- a text of the flow: the pre-assignment details, the recruitment details, a period's title,
  or a comment on any milestone or on any group's count, that names the enrollment, the number
  the flow starts with or their difference ("32 patients were enrolled, 31 received the study
  product", "1 patient not treated"), in digits or words; or that says why enrolled people are
  not in the flow: not randomised, not treated, excluded, ineligible, screen failures, a run-in,
  lead-in or washout, left before assignment, data missing (`explains_enrollment_gap`);
- the flow itself: the enrollment is the sum over the groups of another row of the flow (a
  screening period's COMPLETED, a later period's STARTED, "Received Treatment"), or groups
  start participants in a later period (cohorts entering one after another), so the first
  period does not hold everyone.

Why it matters: the enrollment and the flow are two accounts of one set of participants; when
they differ without a word, a reader cannot tell which is right, nor whether participants were
lost before the table begins. The registry asks for the difference to be explained in the
pre-assignment details.

Fails: actual enrollment 31; flow STARTED 8 and 8; no pre-assignment or recruitment details.

Passes: actual enrollment 32; STARTED 31, pre-assignment details "32 patients were enrolled,
but 31 received the study product"; or an anticipated enrollment.

Options: none. The check does not depend on the run date.

Fix safety: no fix: the enrollment, the flow or an explanation is for the sponsor to give.
"""

from __future__ import annotations

from collections.abc import Iterator

from lintrials.context import Context
from lintrials.findings import Problem
from lintrials.knowledge.participant_flow import (
    STARTED,
    PeriodCounts,
    explains_enrollment_gap,
    group_titles,
    period_counts,
    says_data_missing,
)
from lintrials.model import ParticipantFlow, Record

CODE, NAME, SEVERITY = "P103", "flow-enrollment-mismatch", "warning"


def results_texts(record: Record) -> list[str]:
    """The texts of the rest of the results that say who was analysed: the limitations and
    caveats, the baseline's and each outcome measure's population description."""
    found = [record.more_info.limitations or ""] if record.more_info else []
    results = record.results
    if results is not None and results.baseline is not None:
        found.append(results.baseline.population_description or "")
    if results is not None:
        found.extend(m.population_description or "" for m in results.outcome_measures or [])
    return found


def texts(flow: ParticipantFlow) -> list[str]:
    """The flow's texts that may explain a difference with the enrollment."""
    found = [flow.pre_assignment_details or "", flow.recruitment_details or ""]
    for period in flow.periods:
        found.append(period.title or "")
        for milestone in period.milestones:
            found.append(milestone.comment or "")
            found.extend(a.comment or "" for a in milestone.achievements)
    return [text for text in found if text.strip()]


def accounted_by_the_flow(periods: list[PeriodCounts], enrolled: int) -> bool:
    """Whether the enrollment is another row of the flow, or participants enter later on."""
    for period in periods:
        for _, cells in period.rows:
            values = [cell.value for cell in cells.values()]
            if values and None not in values and sum(v or 0 for v in values) == enrolled:
                return True
    first = periods[0].groups_started()
    return any(period.groups_started() - first for period in periods[1:])


def check(record: Record, ctx: Context) -> Iterator[Problem]:
    flow = record.results.participant_flow if record.results else None
    enrolled = record.enrollment_count
    if flow is None or enrolled is None or record.enrollment_type != "ACTUAL":
        return
    periods = period_counts(flow)
    started = periods[0].fixed.get(STARTED) if periods else None
    if not started or any(cell.value is None for cell in started.values()):
        return
    titles = group_titles(flow)
    if set(titles) - set(started):  # a group of the flow without its number
        return
    total = sum(cell.value or 0 for cell in started.values())
    if total == enrolled or accounted_by_the_flow(periods, enrolled):
        return
    if any(explains_enrollment_gap(text, enrolled, total) for text in texts(flow)) or any(
            says_data_missing(text) for text in results_texts(record)):
        return
    counts = ", ".join(f"{titles.get(g) or g} {cell.value}" for g, cell in started.items())
    yield Problem(
        periods[0].fixed_fields[STARTED],
        f"the participant flow starts with {total} participants ({counts}), but the actual "
        f"enrollment is {enrolled}, and nothing in the flow or the results explains the "
        f"difference of {abs(enrolled - total)}: say why in the pre-assignment details, or "
        "correct one of the numbers",
        related=("enrollment_count",),
    )
