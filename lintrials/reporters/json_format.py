"""A JSON array of findings, one object each, with every key a finding has."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from lintrials.config import Config
from lintrials.findings import SEVERITIES
from lintrials.reporters import json_array
from lintrials.results import RunResult


def totals(result: RunResult) -> dict[str, object]:
    severities = Counter(f.severity for f in result.findings)
    return {
        "findings": len(result.findings),
        "by_severity": {s: severities[s] for s in reversed(SEVERITIES)},
        "by_check": dict(sorted(Counter(f.code for f in result.findings).items())),
        "suppressed": len(result.suppressed),
        "files": result.files,
        "records": result.records,
    }


def render(result: RunResult, config: Config) -> str:
    return "".join(stream(result, config))


def stream(result: RunResult, config: Config) -> Iterator[str]:
    yield from json_array((f.as_dict() for f in result.findings), 0)
    yield "\n"
