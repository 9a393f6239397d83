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
class Fix:
    """How to repair a problem, said in terms of the record model.

    ``replacement`` is the new text of the field's value, or of ``span`` inside it; the format
    writes it the way the file writes text (JSON escapes, XML entities). With ``remove`` the
    list element named by ``field`` (``locations[24]``) is deleted instead. ``field`` defaults
    to the problem's field. ``safe`` fixes are applied by ``--fix``; the others only with
    ``--unsafe-fixes``.
    """

    description: str
    replacement: str = ""
    span: tuple[int, int] | None = None
    field: str | None = None
    remove: bool = False
    safe: bool = True


@dataclass(frozen=True)
class Problem:
    """One defect as a check sees it.

    ``field`` is a field path of the record model (``locations[3].facility``); ``span`` is a
    ``(start, end)`` character range inside that field's value, for a phrase in long text.
    ``related`` names other fields the message refers to (the earlier duplicate, say).
    ``severity`` overrides the check's default for this one problem. ``fix``, when given,
    repairs it.
    """

    field: str | None
    message: str
    span: tuple[int, int] | None = None
    related: tuple[str, ...] = ()
    severity: str | None = None
    fix: Fix | None = None


@dataclass(frozen=True)
class Edit:
    """Replace the text between two positions (1-based line and column) with ``content``."""

    line: int
    column: int
    end_line: int
    end_column: int
    content: str


@dataclass(frozen=True)
class FixEdits:
    """A located fix: what it does, whether it is safe, and its edits on the file."""

    description: str
    safe: bool
    edits: tuple[Edit, ...]

    def as_dict(self) -> dict[str, object]:
        return {
            "description": self.description,
            "safe": self.safe,
            "edits": [dataclasses.asdict(e) for e in self.edits],
        }


@dataclass(frozen=True)
class Position:
    line: int
    column: int
    end_line: int
    end_column: int


@dataclass(slots=True)
class RelatedLocation:
    field: str
    line: int
    column: int
    pointer: str | None


@dataclass(slots=True)  # a run over a registry dump holds hundreds of thousands
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
    fingerprint: str = ""
    suppression: str | None = None  # the reason, when a suppression entry accepts the finding
    fix: FixEdits | None = None
    # The field as a re-export keeps it: list items named by what identifies them, not their
    # place (see `lintrials.identity`); None when that is the field itself.
    identity: str | None = None

    @property
    def key(self) -> str:
        """What the finding is about, independent of where the file puts it and of the order
        of the lists of its record: what fingerprints, baselines and suppressions match."""
        where = self.record or self.path
        return f"{self.code}|{where}|{self.identity or self.field or self.pointer or ''}"

    @property
    def index_key(self) -> str:
        """The key as lintrials wrote it before identities, with list items by place
        (``locations[3]``): what older baseline files hold."""
        where = self.record or self.path
        return f"{self.code}|{where}|{self.field or self.pointer or ''}"

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
            "identity": self.identity,
            "fingerprint": self.fingerprint,
            "suppression": self.suppression,
            "fix": self.fix.as_dict() if self.fix else None,
            "related": [
                {"field": r.field, "line": r.line, "column": r.column, "pointer": r.pointer}
                for r in self.related
            ],
        }
