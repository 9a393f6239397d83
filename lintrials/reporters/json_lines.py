"""JSON Lines: one finding a line, then one line with the run's totals.

Findings stream as they are written; the last line (``{"summary": {...}}``) says how many
there were, so a reader can tell a complete report from a cut-off one.
"""

from __future__ import annotations

from collections.abc import Iterator

from lintrials.config import Config
from lintrials.reporters.escape import dumps
from lintrials.reporters.json_format import finding_dict, totals
from lintrials.results import RunResult


def render(result: RunResult, config: Config) -> str:
    return "".join(stream(result, config))


def stream(result: RunResult, config: Config) -> Iterator[str]:
    for f in result.findings:
        yield dumps(finding_dict(f)) + "\n"
    yield dumps({"summary": totals(result)}) + "\n"
