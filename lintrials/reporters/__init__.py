"""Reporters turn findings into text for people and machines; they decide nothing.

Each module has ``render(result, config) -> str``; a format that can be written a line at a
time also has ``stream(result, config)``, which yields the lines.
"""

from __future__ import annotations

from collections.abc import Iterable
from importlib import import_module
from typing import Protocol

from lintrials.config import Config
from lintrials.results import RunResult

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


def report_chunks(name: str, result: RunResult, config: Config) -> Iterable[str]:
    """The report in pieces to write one after the other: a line at a time for the formats
    that can (``stream``), so that a huge report is never held whole; else the whole text."""
    module = reporter(name)
    stream = getattr(module, "stream", None)
    if stream is not None:
        chunks: Iterable[str] = stream(result, config)
        return chunks
    return [module.render(result, config)]
