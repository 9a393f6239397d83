"""``path:line:col: CODE name message``, one finding a line, then the totals.

The line format is what editors' problem matchers and compile modes read (see the README):
no value can start a line of its own (``visible``), and a colon before a digit in a file name
is written ``\\x3a``, so that a name like ``a.json:1:1: E999 x`` cannot pass for a position.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from lintrials.config import Config
from lintrials.findings import SEVERITIES, Finding
from lintrials.reporters.escape import visible
from lintrials.results import RunResult

_COLON_DIGIT = re.compile(r":(?=\d)")


def render(result: RunResult, config: Config) -> str:
    return "".join(stream(result, config))


def stream(result: RunResult, config: Config) -> Iterator[str]:
    """The report a line at a time (a run over a registry dump has a million lines)."""
    for f in result.findings:
        yield f"{location(f)}: {f.code} {f.name} {visible(f.message)}\n"
    yield summary(result) + "\n"


def location(finding: Finding) -> str:
    """``path:line:col``, the path escaped so that the first ``:digit`` is the line's."""
    path = _COLON_DIGIT.sub(r"\\x3a", visible(finding.path))
    return f"{path}:{finding.line}:{finding.column}"


def summary(result: RunResult) -> str:
    counts = Counter(f.severity for f in result.findings)
    by_severity = ", ".join(f"{counts[s]} {s}" for s in reversed(SEVERITIES))
    files = f"{result.files} file{'s' if result.files != 1 else ''}"
    records = f"{result.records} record{'s' if result.records != 1 else ''}"
    total = len(result.findings)
    return (
        f"Found {total} finding{'s' if total != 1 else ''} ({by_severity}) in {files}, {records}."
    )
