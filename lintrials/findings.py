"""What checks report (`Problem`) and what reporters print (`Finding`).

A check names a field of the record model and, for long text, the span of the phrase inside the
value. The engine turns that into a `Finding` with a file position and the source's own address.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

SEVERITIES = ("info", "warning", "error")


def severity_rank(severity: str) -> int:
    return SEVERITIES.index(severity)


@dataclass(frozen=True)
class Problem:
    """One defect as a check sees it.

    ``field`` is a field path of the record model (``locations[3].facility``); ``span`` is a
    ``(start, end)`` character range inside that field's value, for a phrase in long text.
    ``related`` names other fields the message refers to (the earlier duplicate, say).
    ``severity`` overrides the check's default for this one problem.
    """

    field: str | None
    message: str
    span: tuple[int, int] | None = None
    related: tuple[str, ...] = ()
    severity: str | None = None


@dataclass(frozen=True)
class Position:
    line: int
    column: int
    end_line: int
    end_column: int


@dataclass
class RelatedLocation:
    field: str
    line: int
    column: int
    pointer: str | None


@dataclass
class Finding:
    code: str
    name: str
    severity: str
    message: str
    path: str
    line: int = 1
    column: int = 1
    end_line: int = 1
    end_column: int = 1
    record: str | None = None
    field: str | None = None
    pointer: str | None = None
    related: list[RelatedLocation] = dataclasses.field(default_factory=list)

    def sort_key(self) -> tuple[str, int, int, str, str]:
        return (self.path, self.line, self.column, self.code, self.message)

    def as_dict(self) -> dict[str, object]:
        return {
            "code": self.code,
            "name": self.name,
            "severity": self.severity,
            "message": self.message,
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "record": self.record,
            "field": self.field,
            "pointer": self.pointer,
            "related": [
                {"field": r.field, "line": r.line, "column": r.column, "pointer": r.pointer}
                for r in self.related
            ],
        }
