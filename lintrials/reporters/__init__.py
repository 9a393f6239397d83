"""Reporters turn findings into text for people and machines; they decide nothing.

Each module has ``render(result, config) -> str``; a format that can be written in pieces also
has ``stream(result, config)``, which yields them (a line, or one finding's part of a JSON or
XML document), so that a report of a million findings is never held whole.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from importlib import import_module
from typing import Protocol

from lintrials.config import Config
from lintrials.reporters.escape import dumps
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
    """The report in pieces to write one after the other (``stream``), so that a huge report
    is never held whole; the whole text for a format that has no ``stream``."""
    module = reporter(name)
    stream = getattr(module, "stream", None)
    if stream is not None:
        chunks: Iterable[str] = stream(result, config)
        return chunks
    return [module.render(result, config)]


def json_array(items: Iterable[object], level: int) -> Iterator[str]:
    """``escape.dumps(list(items), indent=2)`` for a list that starts at
    nesting ``level`` of its document, in pieces: one item at a time, never the whole list."""
    inner = "\n" + "  " * (level + 1)
    first = True
    for item in items:
        yield ("[" if first else ",") + inner
        yield dumps(item, indent=2).replace("\n", inner)
        first = False
    yield "[]" if first else "\n" + "  " * level + "]"
