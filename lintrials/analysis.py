"""Analysis of one record that several checks need: done once per record, on first use.

The engine makes one `RecordAnalysis` per record and hands it to every check through
``ctx.analysis``; what it holds is computed lazily, so a run that selects no check needing a
piece never pays for it.
"""

from __future__ import annotations

from functools import cached_property

from lintrials.knowledge import age_limits, criteria
from lintrials.knowledge.age_limits import StatedLimit
from lintrials.knowledge.criteria import CriteriaItem
from lintrials.model import Record


class RecordAnalysis:
    def __init__(self, record: Record) -> None:
        self.record = record

    @cached_property
    def criteria(self) -> str:
        """The eligibility criteria text ("" when there is none)."""
        return self.record.eligibility.criteria or ""

    @cached_property
    def criteria_items(self) -> tuple[CriteriaItem, ...]:
        """The items of the criteria in order, each with its section (`criteria_items`)."""
        return criteria.criteria_items(self.criteria)

    @cached_property
    def age_bounds(self) -> tuple[tuple[StatedLimit, bool], ...]:
        """The one scan of the criteria for age bounds the three lists below are read from."""
        return age_limits.age_bounds(self.criteria)

    @cached_property
    def age_statements(self) -> list[StatedLimit]:
        """Every age statement of the criteria, even one no limit can be
        (`age_limits.age_statements`)."""
        return [limit for limit, _ in self.age_bounds]

    @cached_property
    def age_mentions(self) -> list[StatedLimit]:
        """Every age bound the criteria mention, confident or not (`age_limits.age_mentions`)."""
        return [limit for limit, strict in self.age_bounds if strict]

    @cached_property
    def stated_age_limits(self) -> list[StatedLimit]:
        """The age limits the criteria set for all participants (`age_limits.stated_age_limits`)."""
        return [limit for limit in self.age_mentions if limit.confident]
