"""Record formats: each module here detects its files and parses them into `Record` objects.

A format module has ``NAME``, ``sniff(path, text) -> bool`` and ``parse(source)``, which yields a
`ParsedRecord` for each record and a `FileProblem` for each part of the file it cannot read, so
one bad record does not hide the others. A new registry format is one new module, added to
`FORMATS` below.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from types import ModuleType
from typing import Protocol

from lintrials.findings import Edit, Fix, Position
from lintrials.model import Record
from lintrials.source import Source


class Locator(Protocol):
    def locate(
        self, field: str | None, span: tuple[int, int] | None
    ) -> tuple[Position, str | None]:
        """File position of a field (or of a span inside its value) and its source address."""
        ...

    def fix_edits(self, fix: Fix, field: str) -> list[Edit]:
        """The edits on the file that carry out ``fix`` on ``field``; [] when not exactly known."""
        ...


def edit(source: Source, start: int, end: int, content: str) -> Edit:
    """An edit of ``source.text[start:end]``, by line and column."""
    position = source.position(start, end)
    return Edit(position.line, position.column, position.end_line, position.end_column, content)


# The longest text a registry field holds is 32,000 characters (ClinicalTrials.gov's detailed
# description; the criteria hold 20,000, the brief summary 5,000); no other field holds over
# 1,000. A longer value is no registry record's: it is reported, and only its first
# MAX_TEXT_CHARS (long text) or MAX_SHORT_CHARS (any other field) characters are checked, so
# that one hostile value (a 200 MB string) cannot make the checks run for hours.
MAX_TEXT_CHARS = 50_000
MAX_SHORT_CHARS = 5_000
LONG_TEXT_FIELDS = frozenset({"brief_summary", "detailed_description", "eligibility.criteria"})


def too_long(length: int, limit: int = MAX_TEXT_CHARS) -> str:
    """The message of a FileProblem for a text value cut to ``limit`` characters."""
    return (
        f"a text value of {length:,} characters, longer than a registry field of its kind "
        f"holds; only its first {limit:,} characters are checked"
    )


@dataclass
class ParsedRecord:
    record: Record
    locator: Locator
    index: int  # the record's place in its file, from 0


@dataclass
class FileProblem:
    """Part of a file that is not a readable record: ``offset`` is where the trouble starts."""

    kind: str  # "syntax": not valid JSON/XML/text; "schema": valid, but not a registry record;
    # "format": a record of a registry format lintrials does not read (formats/unread.py)
    message: str
    offset: int = 0
    pointer: str | None = None


ParseResult = Iterator[ParsedRecord | FileProblem]


class Format(Protocol):
    NAME: str

    def sniff(self, path: str, text: str) -> bool: ...

    def parse(self, source: Source) -> ParseResult: ...


def formats() -> list[ModuleType]:
    from lintrials.formats import ctgov_json, ctgov_xml, page_text

    return [ctgov_json, ctgov_xml, page_text]


def detect(path: str, text: str) -> ModuleType | None:
    for fmt in formats():
        if fmt.sniff(path, text):
            return fmt
    return None
