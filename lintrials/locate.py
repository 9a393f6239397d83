"""Findings: where in its file what a check or the engine reports is, made in one place.

A check reports a field of the record model (and a span inside its value); the record's
locator turns that into a file position and the source's own address (a JSON Pointer, an
XPath), and the check's fix into edits of the file.
"""

from __future__ import annotations

from typing import Any

from lintrials.config import Config
from lintrials.findings import Finding, FixEdits, Position, Problem, RelatedLocation
from lintrials.formats import ParsedRecord
from lintrials.identity import Identities
from lintrials.rules import CHECK_FAILED, Rule
from lintrials.summaries import share

_START = Position(1, 1, 1, 1)


class Locate:
    def __init__(self, config: Config, shared: dict[Any, Any]) -> None:
        self.config = config
        self.shared = shared  # the same few hundred fields and pointers recur in every record
        self.identities = Identities()

    def problem(self, rule: Rule, problem: Problem, parsed: ParsedRecord, path: str) -> Finding:
        """A check's problem on a record."""
        try:
            position, pointer = parsed.locator.locate(problem.field, problem.span)
        except Exception:  # a check naming a field the format does not know: the record itself
            position, pointer = parsed.locator.locate(None, None)
        related = []
        for other in problem.related:
            try:
                where, other_pointer = parsed.locator.locate(other, None)
            except Exception:
                continue
            related.append(RelatedLocation(other, where.line, where.column, other_pointer))
        severity = self.config.severities.get(rule.code) or problem.severity or rule.severity
        finding = self._finding(rule, severity, problem.message, path, position,
                                record=parsed.record.nct_id, field=problem.field,
                                pointer=pointer, related=related, fix=self._fix(problem, parsed))
        finding.identity = self.identities.of(parsed.record, problem.field, problem.span)
        return finding

    def check_failed(self, message: str, path: str = "-", parsed: ParsedRecord | None = None
                     ) -> Finding:
        """A check that failed on a record (or, with none, over the run)."""
        if parsed is None:
            return self._finding(CHECK_FAILED, "error", message, path, _START)
        position, pointer = parsed.locator.locate(None, None)
        return self._finding(CHECK_FAILED, "error", message, path, position,
                             record=parsed.record.nct_id, pointer=pointer)

    def engine(self, rule: Rule, message: str, path: str, line: int, column: int, *,
               record: str | None = None, field: str | None = None, pointer: str | None = None
               ) -> Finding:
        """A finding of the engine's own at a character of a file (F00x, X002)."""
        position = Position(line, column, line, column + 1)
        return self._finding(rule, self.config.severities.get(rule.code, rule.severity), message,
                             path, position, record=record, field=field, pointer=pointer)

    def _finding(
        self, rule: Rule, severity: str, message: str, path: str, position: Position, *,
        record: str | None = None, field: str | None = None, pointer: str | None = None,
        related: list[RelatedLocation] | None = None, fix: FixEdits | None = None,
    ) -> Finding:
        return Finding(
            code=rule.code,
            name=rule.name,
            severity=severity,
            message=message,
            path=path,
            line=position.line,
            column=position.column,
            end_line=position.end_line,
            end_column=position.end_column,
            record=record,
            field=share(field, self.shared),
            pointer=share(pointer, self.shared),
            related=related or [],
            fix=fix,
        )

    @staticmethod
    def _fix(problem: Problem, parsed: ParsedRecord) -> FixEdits | None:
        fix = problem.fix
        target = fix.field or problem.field if fix else None
        if fix is None or target is None:
            return None
        try:
            edits = parsed.locator.fix_edits(fix, target)
        except (KeyError, ValueError, IndexError):
            return None  # a field the format cannot rewrite exactly: no fix rather than a wrong one
        return FixEdits(fix.description, fix.safe, tuple(edits)) if edits else None
