"""What a check is given besides the record: its options, the run's date, a way to tell the
user something, and the analysis of the record that every check shares.

A check is called ``check(record, ctx)``. ``ctx.options`` is the check's own options: an
instance of its frozen ``Options`` dataclass (one source of defaults), or a plain mapping for a
check that declares an ``OPTIONS`` dict. ``ctx`` is itself a read-only mapping over those
options, so a plugin written for the older ``check(record, options)`` contract, which read
``options["lenient"]``, ``options.get(...)`` and ``options.today``, runs unchanged.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Mapping
from datetime import date
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from lintrials.analysis import RecordAnalysis


def option_values(options: Any) -> dict[str, Any]:
    """A check's options as a name-to-value dict, whether a dataclass instance or a mapping."""
    if dataclasses.is_dataclass(options) and not isinstance(options, type):
        return {f.name: getattr(options, f.name) for f in dataclasses.fields(options)}
    return dict(options)


class Context(Mapping[str, Any]):
    """One check's view of one record (or, for ``reduce``, of the whole run)."""

    __slots__ = ("_analysis", "_notes", "_values", "options", "today")

    def __init__(
        self,
        options: Any,
        today: date,
        notes: list[str],
        analysis: RecordAnalysis | None = None,
    ) -> None:
        self.options = options
        self.today = today
        self._notes = notes
        self._analysis = analysis
        self._values: dict[str, Any] | None = None  # the mapping view, made on first use

    @property
    def analysis(self) -> RecordAnalysis:
        """The record's shared analysis (criteria sections, folded text ...), computed once per
        record whichever checks ask. Not available in ``reduce``, which sees no record."""
        if self._analysis is None:
            raise RuntimeError("no record analysis here: reduce() sees summaries, not records")
        return self._analysis

    def note(self, message: str) -> None:
        """Tell the user something about the run (data a check lacks, say). The engine prints
        each distinct note once per run, however many records or processes said it."""
        self._notes.append(message)

    def _mapping(self) -> dict[str, Any]:
        if self._values is None:
            self._values = option_values(self.options)
        return self._values

    def __getitem__(self, key: str) -> Any:
        return self._mapping()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._mapping())

    def __len__(self) -> int:
        return len(self._mapping())
