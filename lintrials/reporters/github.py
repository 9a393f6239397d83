"""GitHub Actions workflow commands: each finding becomes an annotation on the pull request.

Values are made ``visible`` first, so a newline or CR in a value is ``\\n`` or ``\\r`` and can
never end the command or start another; then ``%`` (and in properties ``:`` and ``,``) is
escaped as the runner reads it.
"""

from __future__ import annotations

from lintrials.config import Config
from lintrials.files import ZIP_MEMBER_SEPARATOR
from lintrials.reporters.escape import visible
from lintrials.results import RunResult

LEVELS = {"error": "error", "warning": "warning", "info": "notice"}


def _data(text: str) -> str:
    return visible(text).replace("%", "%25")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def render(result: RunResult, config: Config) -> str:
    lines = []
    for f in result.findings:
        path = f.path.split(ZIP_MEMBER_SEPARATOR, 1)[0]
        properties = ",".join([
            f"file={_property(path)}", f"line={f.line}", f"col={f.column}",
            f"endLine={f.end_line}", f"endColumn={f.end_column}",
            f"title={_property(f'{f.code} {f.name}')}",
        ])
        record = f" [{f.record}]" if f.record else ""
        lines.append(f"::{LEVELS[f.severity]} {properties}::{_data(f.message + record)}")
    return "".join(line + "\n" for line in lines)
