"""RecordAnalysis: what several checks read of one record is worked out once per record."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import EXAMPLES, findings
from lintrials.analysis import RecordAnalysis
from lintrials.knowledge import age_limits, criteria
from lintrials.model import Eligibility, Record

CRITERIA = ("Inclusion Criteria:\n* aged 18 to 65 years\n* Cohort B: 12-17 years\n\n"
            "Exclusion Criteria:\n* older than 70 years\n* 65 to 18 years")


def test_the_analysis_gives_what_the_knowledge_functions_give() -> None:
    analysis = RecordAnalysis(Record(eligibility=Eligibility(criteria=CRITERIA)))
    assert analysis.criteria_items == criteria.criteria_items(CRITERIA)
    assert analysis.age_statements == age_limits.age_statements(CRITERIA)
    assert analysis.age_mentions == age_limits.age_mentions(CRITERIA)
    assert analysis.stated_age_limits == age_limits.stated_age_limits(CRITERIA)
    assert len(analysis.age_statements) > len(analysis.age_mentions) > 0
    assert RecordAnalysis(Record()).age_statements == []


def test_every_check_of_a_record_shares_one_scan(monkeypatch: pytest.MonkeyPatch) -> None:
    scanned: list[str] = []
    real = age_limits.age_bounds

    def counted(criteria: str) -> tuple[tuple[age_limits.StatedLimit, bool], ...]:
        scanned.append(criteria)
        return real(criteria)

    monkeypatch.setattr(age_limits, "age_bounds", counted)
    paths = sorted(Path(EXAMPLES).glob("*.json"))
    findings(*paths, select=["E101", "E102", "E104"])
    assert 0 < len(scanned) <= len(paths)  # one scan a record, not one a check
