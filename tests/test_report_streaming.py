"""Reports written in pieces: every format that a run of a million findings would make huge
yields one finding's part at a time, and the pieces are the document ``json.dumps`` or
ElementTree would write whole (the reporter tests check each document with its consumer);
JSON Lines is written a file at a time while the run goes."""

from __future__ import annotations

import io
import json
from collections.abc import Iterable, Iterator
from typing import Any

import pytest

from conftest import EXAMPLES
from lintrials.config import Config, load
from lintrials.engine import Runner, lint
from lintrials.findings import Finding
from lintrials.plugins import discover
from lintrials.reporters import json_array, json_lines, report_chunks
from lintrials.rules import ENGINE_RULES

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


def _runner(*ignore: str) -> Runner:
    checks, _ = discover()
    config = load([*checks, *ENGINE_RULES], None, EXAMPLES)
    config.ignore += list(ignore)
    return Runner(checks, config)


WHOLE_RUN = ("R101", "R103", "L202")  # checks over every record of the run


def test_json_lines_writes_the_first_files_findings_before_the_second_is_read() -> None:
    paths = [str(p) for p in sorted(EXAMPLES.glob("*.json"))[:2]]
    sent: list[Finding] = []
    sent_before_second: list[int] = []

    def progress(todo: Iterable[str]) -> Iterator[str]:
        for i, path in enumerate(todo):
            if i == 1:
                sent_before_second.append(len(sent))
            yield path

    out = io.StringIO()
    writer = json_lines.Writer(out)
    result = _runner(*WHOLE_RUN).run(paths, progress=progress, emit=lambda b: (
        sent.extend(b), writer.findings(b)))
    writer.end(result)
    first = [f for f in result.findings if f.path == paths[0]]
    assert first and sent_before_second == [len(first)]
    assert sent == result.findings
    assert out.getvalue() == json_lines.render(result, Config())


def test_a_whole_run_check_holds_the_findings_to_the_end() -> None:
    paths = [str(p) for p in sorted(EXAMPLES.glob("*.json"))[:2]]
    batches: list[list[Finding]] = []
    result = _runner().run(paths, emit=batches.append)
    assert batches == [result.findings]
