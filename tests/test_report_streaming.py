"""Reports written in pieces: every format that a run of a million findings would make huge
yields one finding's part at a time, and the pieces are the document ``json.dumps`` or
ElementTree would write whole (the reporter tests check each document with its consumer)."""

from __future__ import annotations

import json
from typing import Any

import pytest

from conftest import EXAMPLES
from lintrials.config import Config
from lintrials.engine import lint
from lintrials.reporters import json_array, report_chunks

ITEMS: list[Any] = [{"a": [1, {"b": "x\ny"}], "c": []}, "é", [], {}, None]


@pytest.mark.parametrize("level", [0, 1, 3])
def test_json_array_is_json_dumps_of_the_list(level: int) -> None:
    for items in ([], ITEMS[:1], ITEMS):
        nested: Any = items
        for _ in range(level):
            nested = [nested]
        whole = json.dumps(nested, indent=2, ensure_ascii=False)
        inner = "".join(json_array(iter(items), level))
        opening = "".join("[\n" + "  " * (k + 1) for k in range(level))
        closing = "".join("\n" + "  " * k + "]" for k in reversed(range(level)))
        assert whole == opening + inner + closing


@pytest.mark.parametrize("fmt", ["text", "json", "json-lines", "sarif", "junit", "gitlab", "html"])
def test_each_format_writes_a_piece_per_finding(fmt: str) -> None:
    result = lint([str(p) for p in sorted(EXAMPLES.glob("*.json"))])
    assert len(result.findings) > 10
    chunks = list(report_chunks(fmt, result, Config()))
    assert len(chunks) > len(result.findings)  # never the report whole
