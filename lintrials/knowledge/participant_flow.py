"""The participant flow of posted results as numbers: milestones by kind, counts per group.

The registry's flow table has, per period, three fixed milestones and any number of the
registrant's own: STARTED, COMPLETED and NOT COMPLETED (API v2 JSON and legacy XML spell them
alike, in capitals; `milestone_kind` also reads "Not Completed" and "NOT_COMPLETED"), then the
reasons participants left (drop/withdraw reasons), one count per group. `period_counts` reads a
flow into `PeriodCounts`, each number with its field path, so a check compares numbers and
reports the one it names.

A count is a whole number written in digits and nothing else (`count`): "54" is 54; "NA",
"12.5", "1,200" and "" are not counts, and the checks do not compare them. A group missing
from a milestone is missing (never read as 0), and a group listed twice in one milestone, or a
fixed milestone given twice in one period, is ambiguous and not read.

`explains_enrollment_gap` says whether a text of the flow accounts for a difference between the
enrollment and the participants the flow starts with (see its docstring for what counts).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lintrials.knowledge.numbers import NUMBER, number_value
from lintrials.model import FlowPeriod, GroupCount, ParticipantFlow

__all__ = [
    "COMPLETED",
    "NOT_COMPLETED",
    "STARTED",
    "Cell",
    "PeriodCounts",
    "as_treated",
    "count",
    "explains_enrollment_gap",
    "group_titles",
    "milestone_kind",
    "period_counts",
    "says_data_missing",
]

STARTED, COMPLETED, NOT_COMPLETED = "STARTED", "COMPLETED", "NOT COMPLETED"
_KINDS = {"STARTED": STARTED, "COMPLETED": COMPLETED, "NOT COMPLETED": NOT_COMPLETED}


def milestone_kind(title: str | None) -> str | None:
    """STARTED, COMPLETED or NOT COMPLETED for a fixed milestone's title, in any case and with
    blanks or an underscore between the words; None for the registrant's own milestones."""
    if title is None:
        return None
    key = " ".join(title.replace("_", " ").split()).upper()
    return _KINDS.get(key)


def count(value: str | None) -> int | None:
    """The number of participants a value gives: digits only (blanks around them allowed)."""
    if value is None:
        return None
    text = value.strip()
    return int(text) if text.isascii() and text.isdigit() else None


@dataclass(frozen=True)
class Cell:
    """One group's number in one row of the flow, with the field path of its value."""

    field: str
    value: int | None  # None: not a count as written ("NA")
    comment: str | None = None


@dataclass
class PeriodCounts:
    """One period of the flow: each milestone's count per group, and the reasons per group."""

    index: int
    title: str | None
    # STARTED, COMPLETED, NOT COMPLETED -> group ID -> cell; a kind the period lacks (or gives
    # twice) is absent.
    fixed: dict[str, dict[str, Cell]] = field(default_factory=dict)
    # Field path of each fixed milestone (its ``type``) and every comment on it: the
    # milestone's own and its groups'.
    fixed_fields: dict[str, str] = field(default_factory=dict)
    comments: dict[str, list[str]] = field(default_factory=dict)
    # Every milestone, fixed or the registrant's own, as (title, group ID -> cell).
    rows: list[tuple[str | None, dict[str, Cell]]] = field(default_factory=list)
    # Group ID -> the group's cells of the drop/withdraw reasons, in order; a group a reason
    # row lists twice, or leaves out, is left out.
    reasons: dict[str, list[Cell]] = field(default_factory=dict)

    def name(self) -> str:
        """How a message names the period: its title, or its number."""
        return (self.title or "").strip() or str(self.index + 1)

    def place(self, group: str, titles: dict[str, str]) -> str:
        """How a message names one group in this period: 'group "Placebo" of period "..."'."""
        return f'group "{titles.get(group) or group}" of period "{self.name()}"'

    def value(self, kind: str, group: str) -> int | None:
        cell = self.fixed.get(kind, {}).get(group)
        return None if cell is None else cell.value

    def reasons_total(self, group: str) -> int | None:
        """The group's drop/withdraw reasons added up; None when it has none, or one of them
        is not a count."""
        cells = self.reasons.get(group)
        if not cells or any(cell.value is None for cell in cells):
            return None
        return sum(cell.value or 0 for cell in cells)

    def groups_started(self) -> set[str]:
        """The groups this period starts participants in: a STARTED count above 0, or a value
        that is not a count ("NA": the group is there, its number unknown)."""
        return {g for g, cell in self.fixed.get(STARTED, {}).items() if cell.value != 0}


def group_titles(flow: ParticipantFlow) -> dict[str, str]:
    """The flow's group titles by group ID."""
    return {(g.id or "").strip(): (g.title or "").strip() for g in flow.groups}


def _cells(items: list[GroupCount], path: str) -> dict[str, Cell]:
    found: dict[str, Cell] = {}
    twice: set[str] = set()
    for j, item in enumerate(items):
        group = (item.group_id or "").strip()
        if not group:
            continue
        if group in found:
            twice.add(group)
        found[group] = Cell(f"{path}[{j}].value", count(item.value), item.comment)
    return {g: cell for g, cell in found.items() if g not in twice}


def _period(index: int, period: FlowPeriod) -> PeriodCounts:
    base = f"results.participant_flow.periods[{index}]"
    counts = PeriodCounts(index, period.title)
    seen: dict[str, int] = {}
    for m, milestone in enumerate(period.milestones):
        cells = _cells(milestone.achievements, f"{base}.milestones[{m}].achievements")
        counts.rows.append((milestone.type, cells))
        kind = milestone_kind(milestone.type)
        if kind is None:
            continue
        seen[kind] = seen.get(kind, 0) + 1
        counts.fixed[kind] = cells
        counts.fixed_fields[kind] = f"{base}.milestones[{m}].type"
        notes = [milestone.comment or ""] + [a.comment or "" for a in milestone.achievements]
        counts.comments[kind] = [n for n in notes if n.strip()]
    for kind, times in seen.items():
        if times > 1:
            del counts.fixed[kind], counts.fixed_fields[kind], counts.comments[kind]
    unread: set[str] = set()  # listed twice in a row, or left out of a row
    row_groups: list[set[str]] = []
    for d, reason in enumerate(period.drop_withdraws):
        cells = _cells(reason.reasons, f"{base}.drop_withdraws[{d}].reasons")
        listed = [(item.group_id or "").strip() for item in reason.reasons]
        unread |= {g for g in listed if listed.count(g) > 1}
        row_groups.append(set(listed))
        for group, cell in cells.items():
            counts.reasons.setdefault(group, []).append(cell)
    for groups in row_groups:
        unread |= set(counts.reasons) - groups
    for group in unread:
        counts.reasons.pop(group, None)
    return counts


def period_counts(flow: ParticipantFlow) -> list[PeriodCounts]:
    """The flow's periods as numbers, in order."""
    return [_period(i, period) for i, period in enumerate(flow.periods)]


# --- explanations of a difference between the enrollment and the flow ---------------------

# Participants enrolled who are not in the flow, or counted before it starts: screening, run-in
# and lead-in periods, people never randomised, treated or assigned, excluded or ineligible,
# who left before the first period, or whose data are missing.
_CUES = re.compile(
    r"(?:\bnot|\bcannot|n't)\s+(?:been\s+|be\s+|yet\s+)?(?:randomi[sz]ed|treated|dosed|assigned|allocated"
    r"|included|counted|shown|reported|analy[sz]ed|enrolled|eligible|started|entered)"
    r"|\bnever\s+(?:been\s+)?(?:randomi[sz]ed|treated|dosed|received|started|assigned)"
    r"|\bdid\s*n[o']t\s+(?:receive|start|begin|enter|meet|get|take|undergo|complete)"
    r"|\bwithout\s+(?:receiving|being\s+randomi[sz]ed|treatment)"
    r"|\bexclu(?:ded|sion\s+of)\b|\bineligib|\bun-?eligib|\bscreen(?:ed|ing)?[\s-]*fail"
    r"|\bfail\w*\s+(?:the\s+)?screen|\bscreen(?:ed|ing)\b|\brun[\s-]?in\b|\blead[\s-]?in\b"
    r"|\bwash[\s-]?out\b|\bprior\s+to\s+(?:randomi|treatment|dosing|assignment|the\s+first)"
    r"|\bbefore\s+(?:being\s+)?(?:randomi|treatment|dosing|assignment|receiving|the\s+first)"
    r"|\b(?:withdr[a-z]*|discontinu[a-z]*|dropped\s+out|drop[\s-]?outs?)\s+(?:[a-z]+\s+){0,3}"
    r"(?:before|prior)\b|\bmissing\b|\bunassigned\b|\bpre-?assignment\b"
    r"|\bas[\s-]treated\b|\bre-?enrol",
    re.IGNORECASE,
)
_NUMBER = re.compile(rf"(?<![\w.,]){NUMBER}(?![\w]|[.,]\d)", re.IGNORECASE)


def explains_enrollment_gap(text: str | None, enrolled: int, started: int) -> bool:
    """Whether ``text`` accounts for ``enrolled`` participants against ``started`` in the flow.

    It does when it names one of the three numbers (the enrollment, the flow's start, or their
    difference, in digits or words: "32 patients were enrolled, but 31 received ...", "1
    patient not treated"), or says why enrolled participants are not in the flow (not
    randomised or treated, excluded, ineligible, screen failures, a run-in, lead-in or washout,
    left before assignment, data missing). The rule is meant to be generous: a text that may
    explain the difference silences the check.
    """
    if not text or not text.strip():
        return False
    wanted = {enrolled, started, abs(enrolled - started)}
    for match in _NUMBER.finditer(text):
        if number_value(match.group(0)) in wanted:
            return True
    return _CUES.search(text) is not None


# Words of the rest of the results (limitations, the populations analysed) saying that data of
# participants could not be reported or were not collected: "data cannot be reported", "no data
# were collected", "unable to analyse". Numbers there name who was analysed, not who started.
_NO_DATA = re.compile(
    r"\bno\s+(?:participant\s+|patient\s+|subject\s+|outcome\s+)?data\b"
    r"|\bdata\s+(?:\w+\s+){0,3}?(?:can(?:not|'t)|could\s*(?:not|n't)|were\s+not|was\s+not"
    r"|are\s+not)\s+(?:be\s+)?(?:reported|collected|analy[sz]ed|available|obtained)"
    r"|\bunable\s+to\s+(?:report|analy[sz]e|collect)",
    re.IGNORECASE,
)


def says_data_missing(text: str | None) -> bool:
    """Whether ``text`` says participants' data could not be reported, collected or analysed
    ("participant data cannot be reported", "no data were collected for ...")."""
    return bool(text) and _NO_DATA.search(text or "") is not None


# Adverse events counted by the treatment received, not the group assigned: a group may then
# hold more participants at risk than started in the flow group of the same name.
_AS_TREATED = re.compile(
    r"\bas[\s-]treated\b|\bactual(?:ly)?\s+(?:treatment|received|given)"
    r"|\btreatment\s+(?:actually\s+)?received\b|\bregardless\s+of\s+(?:the\s+)?(?:their\s+)?"
    r"(?:randomi[sz]ed|assigned|allocated|randomi[sz]ation|assignment|allocation)",
    re.IGNORECASE,
)


def as_treated(text: str | None) -> bool:
    """Whether ``text`` says adverse events are counted by the treatment received ("safety
    analysis in the as-treated population", "analysed according to the treatment actually
    received", "regardless of randomized group")."""
    return bool(text) and _AS_TREATED.search(text or "") is not None
