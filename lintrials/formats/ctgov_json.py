"""ClinicalTrials.gov API v2 JSON.

Reads one study object (``GET /api/v2/studies/{nct}``), an array of studies (the website's
"Download -> JSON" file), an API page (``{"studies": [...], "nextPageToken": ...}``) and JSON
Lines (one study a line). Addresses are JSON Pointers (RFC 6901) from the root of the document,
or of the line for JSON Lines.

This module detects such a file and reads it into studies (and the syntax and schema problems
that keep a part of it from being a record); `ctgov_json_record` maps a study into the `Record`
model and `ctgov_json_locator` finds a field's place in the text.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import orjson

from lintrials.formats import FileProblem, ParsedRecord, ParseResult
from lintrials.formats.ctgov_json_locator import ArrayOffsets, JsonLocator, LazyArrayLocator
from lintrials.formats.ctgov_json_record import PROTOCOL, StudyReader
from lintrials.formats.jsonpos import PointerNotFound, find_pointer, split_pointer
from lintrials.formats.unread import json_format
from lintrials.source import Source

NAME = "ctgov-json"


def sniff(path: str, text: str) -> bool:
    head = text.lstrip("\ufeff \t\n")[:1]
    return head in ("{", "[")


def parse(source: Source) -> ParseResult:
    text = source.text
    if source.json_lines or _json_lines(text):
        yield from _parse_json_lines(source)
        return
    try:
        document = orjson.loads(text)
    except orjson.JSONDecodeError as error:
        yield FileProblem("syntax", _syntax_message(error), _error_offset(source, error))
        return
    if (
        isinstance(document, list)
        and document
        and not any(isinstance(s, dict) and PROTOCOL in s for s in document)
    ):
        yield FileProblem(
            "schema",
            "an array, but of no ClinicalTrials.gov API v2 study objects",
            len(text) - len(text.lstrip()),
            "/",
        )
    elif isinstance(document, list):
        offsets = ArrayOffsets(text, [])
        for i, study in enumerate(document):
            yield from _study(
                source, study, f"/{i}", LazyArrayLocator(source, f"/{i}", offsets, i), i
            )
    elif isinstance(document, dict) and isinstance(document.get("studies"), list):
        offsets = ArrayOffsets(text, ["studies"])
        for i, study in enumerate(document["studies"]):
            base = f"/studies/{i}"
            yield from _study(source, study, base, LazyArrayLocator(source, base, offsets, i), i)
    else:
        yield from _study(source, document, "", JsonLocator(source, "", 0), 0)


# orjson reads at most this many levels of nested arrays and objects, and says so; no recursion
# of ours depends on the depth (the locator in jsonpos.py walks with a counter).
MAX_DEPTH = 1024


def _syntax_message(error: orjson.JSONDecodeError, where: str = "") -> str:
    if "depth" in error.msg or "recursion" in error.msg:
        return (
            f"not read{where}: arrays and objects nested more than {MAX_DEPTH} levels deep "
            "(no registry record comes near; this is the JSON parser's limit)"
        )
    return f"not valid JSON{where}: {error.msg}"


def _is_json(line: str) -> bool:
    try:
        orjson.loads(line)
    except orjson.JSONDecodeError:
        return False
    return True


def _error_offset(source: Source, error: orjson.JSONDecodeError) -> int:
    # orjson reports line and column (in characters); turn them into an offset of our text.
    return source.offset(error.lineno, error.colno)


def _json_lines(text: str) -> bool:
    """Whether the text is JSON Lines: its first non-blank line is a JSON value of its own and
    another non-blank line follows (so the whole text cannot be one JSON document).

    Asked before the whole text is parsed, not after that fails: the JSON library would first
    make a UTF-8 copy of the whole text (kept as long as the text lives) to find the error.
    """
    filled = (line for _, line in _lines(text) if line.strip())
    first, second = next(filled, None), next(filled, None)
    return first is not None and second is not None and _is_json(first)


def _lines(text: str) -> Iterator[tuple[int, str]]:
    """(offset, line) of each line, as ``text.split("\\n")`` cuts them, one at a time: a JSON
    Lines file of a hundred thousand records is not copied whole into a list of lines."""
    start = 0
    end = text.find("\n")
    while end >= 0:
        yield start, text[start:end]
        start = end + 1
        end = text.find("\n", start)
    yield start, text[start:]


def _parse_json_lines(source: Source) -> ParseResult:
    index = source.first_record
    for offset, line in _lines(source.text):
        if line.strip():
            try:
                study = orjson.loads(line)
            except orjson.JSONDecodeError as error:
                yield FileProblem(
                    "syntax",
                    _syntax_message(error, " on this line"),
                    offset + max(0, min(error.pos, len(line))),
                )
            else:
                yield from _study(source, study, "", JsonLocator(source, "", offset), index)
            index += 1


def _study(source: Source, study: Any, base: str, locator: JsonLocator, index: int) -> ParseResult:
    if not isinstance(study, dict) or not isinstance(study.get(PROTOCOL), dict):
        other = json_format(study) if not base else None
        if other:
            yield FileProblem("format", other, locator.start_offset(), "/")
            return
        yield FileProblem(
            "schema",
            'not a ClinicalTrials.gov API v2 study: no "protocolSection" object',
            locator.start_offset(),
            base or "/",
        )
        return
    reader = StudyReader()
    record = reader.record(study)
    for pointer, message in reader.problems:
        try:
            offset, _ = find_pointer(source.text, locator.start_offset(), split_pointer(pointer))
        except PointerNotFound as missing:
            offset = missing.offset
        yield FileProblem("schema", message, offset, base + pointer)
    yield ParsedRecord(record, locator, index)
