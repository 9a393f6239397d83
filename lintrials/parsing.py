"""Which record format a source is in."""

from __future__ import annotations

from types import ModuleType

from lintrials.formats import detect
from lintrials.source import Source


def format_of(source: Source) -> ModuleType | None:
    """A part of a JSON Lines file (files.py) is of a known format; other sources are sniffed."""
    if source.json_lines:
        from lintrials.formats import ctgov_json

        return ctgov_json
    return detect(source.path, source.text)
