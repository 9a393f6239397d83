"""Reporters turn findings into text for people and machines; they decide nothing.

Each module has ``render(result, config) -> str``.
"""

from __future__ import annotations

from importlib import import_module
from typing import Protocol

from lintrials.config import Config
from lintrials.engine import RunResult

FORMATS = {
    "text": "text",
    "full": "full",
    "json": "json_format",
    "json-lines": "json_lines",
    "sarif": "sarif",
    "junit": "junit",
    "github": "github",
    "gitlab": "gitlab",
    "html": "html",
    "statistics": "statistics",
}


class Reporter(Protocol):
    def render(self, result: RunResult, config: Config) -> str: ...


def reporter(name: str) -> Reporter:
    module: Reporter = import_module(f"lintrials.reporters.{FORMATS[name]}")
    return module
