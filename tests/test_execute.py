"""The checks on one record: one shared analysis, a context per check, failures as outcomes."""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace
from typing import Any

import pytest

from lintrials.context import Context
from lintrials.execute import run_checks
from lintrials.findings import Problem
from lintrials.model import Record
from lintrials.plugins import check_from_object
from lintrials.summaries import reduce_run

TODAY = date(2026, 11, 22)


def a_check(code: str, **functions: Any) -> Any:
    return check_from_object(SimpleNamespace(CODE=code, NAME=f"check-{code.lower()}",
                                             SEVERITY="info", __doc__="A test check.",
                                             **functions))


def test_checks_of_a_record_share_its_analysis_and_read_old_style_options() -> None:
    seen: list[Any] = []

    def look(record: Record, ctx: Context) -> list[Problem]:
        seen.append(ctx.analysis)
        assert ctx["word"] == ctx.get("word") == "x" and ctx.today == TODAY
        ctx.note("looked")
        return [Problem("brief_title", "a problem")]

    checks = [(a_check("ZZ001", check=look), {"word": "x"}),
              (a_check("ZZ002", check=look), {"word": "x"})]
    notes: list[str] = []
    first, second = Record(nct_id="NCT00000001"), Record(nct_id="NCT00000002")
    outcomes = run_checks(first, checks, TODAY, notes, 0) + run_checks(second, checks, TODAY,
                                                                       notes, 0)
    assert [len(o.problems) for o in outcomes] == [1, 1, 1, 1]
    assert seen[0] is seen[1] and seen[2] is seen[3] and seen[0] is not seen[2]
    assert seen[0].record is first and notes == ["looked"] * 4


def test_a_failing_check_is_an_outcome_and_the_others_run() -> None:
    def fails(record: Record, ctx: Context) -> list[Problem]:
        raise ValueError("bug")

    def garbage(record: Record, ctx: Context) -> list[Any]:
        return ["not a problem"]

    checks = [(a_check("ZZ001", check=fails), {}), (a_check("ZZ002", check=garbage), {}),
              (a_check("ZZ003", check=lambda record, ctx: []), {})]
    outcomes = run_checks(Record(), checks, TODAY, [], 0)
    assert outcomes[0].failure is not None
    assert outcomes[0].failure.startswith(
        "check check-zz001 (ZZ001) failed on this record: ValueError: bug at test_execute.py:")
    assert outcomes[1].failure == (
        "check check-zz002 (ZZ002) failed on this record: TypeError: yielded str "
        "'not a problem', not a Problem")
    assert outcomes[2].failure is None and outcomes[2].problems == []


def test_reduce_gets_a_context_without_a_record_analysis() -> None:
    def reduce(summaries: list[tuple[Any, Any]], ctx: Context) -> list[Any]:
        ctx.note(f"{len(summaries)} summaries")
        with pytest.raises(RuntimeError):
            ctx.analysis  # noqa: B018
        return [(ref, Problem(None, "over the run")) for ref, _ in summaries]

    check = a_check("ZZ001", summarize=lambda record, ctx: 1, reduce=reduce)
    notes: list[str] = []
    pending, failures = reduce_run([(check, {})], {"ZZ001": [(("a.json", 0), 1)]}, TODAY, notes)
    assert failures == [] and notes == ["1 summaries"]
    assert [(c.code, index, p.message) for c, index, p in pending["a.json"]] == [
        ("ZZ001", 0, "over the run")]
