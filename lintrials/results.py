"""What a run found: `RunResult`, which every part of the run adds to and every reporter reads,
and the fingerprints that name a finding across runs."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from lintrials.findings import Finding, severity_rank
from lintrials.rules import Rule

RecordRef = tuple[str, int]  # (source path, index of the record in its source)


@dataclass
class RunResult:
    findings: list[Finding] = field(default_factory=list)
    files: int = 0
    records: int = 0
    check_failures: int = 0
    checks: list[Rule] = field(default_factory=list)  # the rules of the run, for reporters
    suppressed: list[Finding] = field(default_factory=list)  # accepted by a suppression entry
    baselined: int = 0  # findings left out because the baseline holds them
    record_ids: set[str] = field(default_factory=set)  # every record ID the run checked
    # Whole-run checks' summaries: check code -> [(record reference, summary)].
    summaries: dict[str, list[tuple[RecordRef, Any]]] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)  # what checks told the user, each once

    def merge(self, other: RunResult) -> None:
        """Add one file's result to the run's."""
        self.findings.extend(other.findings)
        self.files += other.files
        self.records += other.records
        self.check_failures += other.check_failures
        self.record_ids |= other.record_ids
        for code, items in other.summaries.items():
            self.summaries.setdefault(code, []).extend(items)
        self.add_notes(other.notes)

    def add_notes(self, notes: Iterable[str]) -> None:
        """Keep each note the first time it is said, in that order."""
        for note in notes:
            if note not in self.notes:
                self.notes.append(note)

    def all_findings(self) -> list[Finding]:
        """Findings and suppressed findings, in file order (for reports that show both)."""
        return sorted(self.findings + self.suppressed, key=Finding.sort_key)

    def exit_code(self, fail_on: str) -> int:
        if self.check_failures:
            return 2
        threshold = severity_rank(fail_on)
        return 1 if any(severity_rank(f.severity) >= threshold for f in self.findings) else 0


def assign_fingerprints(findings: list[Finding], seen: dict[str, int] | None = None) -> None:
    """Give each finding a fingerprint that survives re-export and re-formatting.

    It is made of the check, the record and the field (not the file, line or column, which move
    when a registry export is generated again), and the finding's rank among findings with the
    same three, so two findings on one criteria text stay apart. ``seen`` carries the ranks
    from earlier findings of the same run, for a run that reports findings a file at a time.
    """
    if seen is None:
        seen = {}
    for finding in findings:
        key = finding.key
        rank = seen.get(key, 0)
        finding.fingerprint = hashlib.sha256(f"{key}\x00{rank}".encode()).hexdigest()[:32]
        seen[key] = rank + 1
