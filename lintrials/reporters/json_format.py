"""A JSON array of findings, one object each, with every key a finding has."""

from __future__ import annotations

import json
from collections import Counter

from lintrials.config import Config
from lintrials.findings import SEVERITIES
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
    return json.dumps([f.as_dict() for f in result.findings], indent=2, ensure_ascii=False) + "\n"
