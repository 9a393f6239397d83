"""GitLab Code Quality JSON: shown on merge requests, matched across runs by fingerprint."""

from __future__ import annotations

from lintrials.config import Config
from lintrials.reporters.escape import dumps, visible
from lintrials.reporters.sarif import artifact_path
from lintrials.results import RunResult

SEVERITIES = {"error": "major", "warning": "minor", "info": "info"}


def render(result: RunResult, config: Config) -> str:
    issues = [
        {
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
        for f in result.findings
    ]
    return dumps(issues, indent=2) + "\n"
