"""``path:line:col: CODE name message``, one finding a line, then the totals.

The line format is what editors' problem matchers and compile modes read (see the README).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from lintrials.config import Config
from lintrials.findings import SEVERITIES
from lintrials.results import RunResult


def render(result: RunResult, config: Config) -> str:
    return "".join(stream(result, config))


def stream(result: RunResult, config: Config) -> Iterator[str]:
    """The report a line at a time (a run over a registry dump has a million lines)."""
    for f in result.findings:
        yield f"{f.path}:{f.line}:{f.column}: {f.code} {f.name} {f.message}\n"
    yield summary(result) + "\n"


def summary(result: RunResult) -> str:
    counts = Counter(f.severity for f in result.findings)
    by_severity = ", ".join(f"{counts[s]} {s}" for s in reversed(SEVERITIES))
    files = f"{result.files} file{'s' if result.files != 1 else ''}"
    records = f"{result.records} record{'s' if result.records != 1 else ''}"
    total = len(result.findings)
    return (
        f"Found {total} finding{'s' if total != 1 else ''} ({by_severity}) in {files}, {records}."
    )
