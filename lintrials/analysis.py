"""Analysis of one record that several checks need: done once per record, on first use.

The engine makes one `RecordAnalysis` per record and hands it to every check through
``ctx.analysis``; what it holds is computed lazily, so a run that selects no check needing a
piece never pays for it.
"""

from __future__ import annotations

from functools import cached_property

from lintrials.model import Record


class RecordAnalysis:
    def __init__(self, record: Record) -> None:
        self.record = record

    @cached_property
    def criteria(self) -> str:
        """The eligibility criteria text ("" when there is none)."""
        return self.record.eligibility.criteria or ""
