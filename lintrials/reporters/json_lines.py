"""JSON Lines: one finding a line, then one line with the run's totals.

Findings stream as they are written (`Writer`: each file's findings as soon as the run has
them, when nothing can come before them); the last line (``{"summary": {...}}``) says how
many there were, so a reader can tell a complete report from a cut-off one.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TextIO

from lintrials.config import Config
from lintrials.findings import Finding
from lintrials.reporters.escape import dumps
from lintrials.reporters.json_format import finding_dict, totals
from lintrials.results import RunResult


def render(result: RunResult, config: Config) -> str:
    return "".join(stream(result, config))


def stream(result: RunResult, config: Config) -> Iterator[str]:
    yield from _lines(result.findings)
    yield _summary(result)


def _lines(findings: Iterable[Finding]) -> Iterator[str]:
    for f in findings:
        yield dumps(finding_dict(f)) + "\n"


def _summary(result: RunResult) -> str:
    return dumps({"summary": totals(result)}) + "\n"


class Writer:
    """The report written while the run goes: `findings` with each batch the run hands over
    (``Runner.run(emit=...)``), in report order, then `end` with the run's result."""

    def __init__(self, out: TextIO) -> None:
        self.out = out

    def findings(self, batch: list[Finding]) -> None:
        self.out.writelines(_lines(batch))
        self.out.flush()

    def end(self, result: RunResult) -> None:
        self.out.write(_summary(result))
