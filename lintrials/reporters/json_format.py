"""A JSON array of findings, one object each, with every key a finding has.

Every text value is made ``visible`` as in the other formats (a file name that is not UTF-8
included), except a fix's edits: their ``content`` is the exact text the fix would write, kept
exact, with control characters only as JSON escapes.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from lintrials.config import Config
from lintrials.findings import SEVERITIES, Finding
from lintrials.reporters import json_array
from lintrials.reporters.escape import visible
from lintrials.results import RunResult


def _shown(value: object) -> object:
    if isinstance(value, str):
        return visible(value)
    if isinstance(value, list):
        return [_shown(item) for item in value]
    if isinstance(value, dict):
        return {key: item if key == "edits" else _shown(item) for key, item in value.items()}
    return value


def finding_dict(finding: Finding) -> object:
    """``finding.as_dict()`` with every text value but the fix's edits made ``visible``."""
    return _shown(finding.as_dict())


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
    yield from json_array((finding_dict(f) for f in result.findings), 0)
    yield "\n"
