"""``--statistics``: how many findings each check made, most first, instead of the findings."""

from __future__ import annotations

from collections import Counter

from lintrials.config import Config
from lintrials.reporters.text import summary
from lintrials.results import RunResult


def render(result: RunResult, config: Config) -> str:
    counts = Counter((f.code, f.name, f.severity) for f in result.findings)
    width = len(str(max(counts.values(), default=0)))
    lines = [f"{n:>{width}}  {code}  {name} ({severity})"
             for (code, name, severity), n in sorted(counts.items(), key=lambda x: (-x[1], x[0]))]
    lines.append(summary(result))
    return "\n".join(lines) + "\n"
