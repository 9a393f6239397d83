"""GitLab Code Quality JSON: shown on merge requests, matched across runs by fingerprint."""

from __future__ import annotations

from collections.abc import Iterator

from lintrials.config import Config
from lintrials.findings import Finding
from lintrials.reporters import json_array
from lintrials.reporters.escape import visible
from lintrials.reporters.sarif import artifact_path
from lintrials.results import RunResult

SEVERITIES = {"error": "major", "warning": "minor", "info": "info"}


def _issue(f: Finding) -> dict[str, object]:
    return {
        "type": "issue",
        "check_name": f"{f.code} {f.name}",
        "description": visible(f"{f.message} [{f.record}]" if f.record else f.message),
        "categories": ["Bug Risk" if f.severity == "error" else "Style"],
        "severity": SEVERITIES[f.severity],
        "fingerprint": f.fingerprint,
        "location": {
            "path": visible(artifact_path(f.path)),
            "lines": {"begin": f.line, "end": f.end_line},
        },
    }


def render(result: RunResult, config: Config) -> str:
    return "".join(stream(result, config))


def stream(result: RunResult, config: Config) -> Iterator[str]:
    yield from json_array((_issue(f) for f in result.findings), 0)
    yield "\n"
