"""JSON Lines files are read a part at a time (files.py): findings, positions, whole-run
findings, fixes' places, code frames and the cache must be what reading the file whole gives."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import CORPUS, TODAY, findings
from lintrials import files
from lintrials.cli import main
from lintrials.engine import lint
from lintrials.files import ReadProblem, read
from lintrials.findings import Finding
from lintrials.source import Source

STUDIES = sorted((CORPUS / "ctgov_v2_json").glob("*.json"))[:40]


def _lines() -> list[str]:
    return [json.dumps(json.loads(p.read_bytes()), ensure_ascii=False) for p in STUDIES]


def _where(found: list[Finding]) -> list[tuple[object, ...]]:
    return [(f.code, f.line, f.column, f.end_line, f.end_column, f.record, f.message)
            for f in found]


@pytest.fixture
def small_parts(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(files, "PART_CHARS", 50_000)  # a few records per part


def test_parts_give_the_findings_of_the_whole_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    lines = _lines()
    # The same study twice with another title: a whole-run finding (R101) across parts.
    twin = json.loads(lines[3])
    twin["protocolSection"]["identificationModule"]["briefTitle"] += " (amended)"
    path = tmp_path / "studies.jsonl"
    path.write_text("\n".join([*lines, "", json.dumps(twin)]) + "\n", encoding="utf-8")
    whole = findings(path)
    monkeypatch.setattr(files, "PART_CHARS", 50_000)
    parts = [s for s in read(str(path)) if isinstance(s, Source)]
    assert len(parts) > 5 and all(s.json_lines for s in parts)
    in_parts = findings(path)
    assert _where(in_parts) == _where(whole)
    assert lint([str(path)], today=TODAY).files == 1
    assert any(f.code == "R101" and f.line == len(lines) + 2 for f in in_parts)
    assert len({f.record for f in in_parts}) > 10


def test_a_bad_line_is_reported_and_the_lines_after_it_keep_their_numbers(
    tmp_path: Path, small_parts: None
) -> None:
    lines = [line.encode() for line in _lines()[:12]]
    bad = b'{"protocolSection": "caf\xe9"}'
    path = tmp_path / "studies.ndjson"
    path.write_bytes(b"\r\n".join([*lines[:5], bad, b'{"a": "\x00"}', *lines[5:]]) + b"\r\n")
    found = findings(path)
    unreadable = [f for f in found if f.code == "F004"]
    assert [(f.line, f.column) for f in unreadable] == [(6, 25), (7, 8)]
    reference = tmp_path / "reference.jsonl"
    reference.write_bytes(b"\n".join([*lines[:5], b"", b"", *lines[5:]]) + b"\n")
    assert [w for w in _where(found) if w[0] != "F004"] == _where(findings(reference))


def test_a_pretty_printed_document_named_jsonl_is_read_whole(tmp_path: Path) -> None:
    path = tmp_path / "study.jsonl"
    path.write_text(json.dumps(json.loads(STUDIES[0].read_bytes()), indent=2), encoding="utf-8")
    sources = list(read(str(path)))
    assert len(sources) == 1 and isinstance(sources[0], Source)
    assert not sources[0].json_lines
    plain = tmp_path / "study.json"
    plain.write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    assert [w[:5] for w in _where(findings(path))] == [w[:5] for w in _where(findings(plain))]


def test_a_line_over_the_size_limit_is_reported_and_skipped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(files, "MAX_FILE_BYTES", 1_000_000)
    lines = _lines()[:3]
    huge = json.dumps({"protocolSection": {"x": "y" * 2_000_000}})
    path = tmp_path / "studies.jsonl"
    path.write_text("\n".join([lines[0], huge, lines[1], lines[2]]) + "\n", encoding="utf-8")
    problems = [s for s in read(str(path)) if isinstance(s, ReadProblem)]
    assert [(p.line, "over 1,000,000 bytes" in p.message) for p in problems] == [(2, True)]
    result = lint([str(path)], today=TODAY)
    ids = [json.loads(line)["protocolSection"]["identificationModule"]["nctId"]
           for line in lines]
    assert result.records == 3 and result.record_ids == set(ids)
    assert [f.line for f in result.findings if f.code == "F004"] == [2]


def test_code_frames_and_the_cache_read_the_right_part(tmp_path: Path, small_parts: None) -> None:
    path = tmp_path / "studies.jsonl"
    path.write_text("\n".join(_lines()) + "\n", encoding="utf-8")
    last = max(findings(path), key=lambda f: f.line)
    assert last.line > 30
    runner = CliRunner()
    args = ["check", "--today", "2026-11-22", "--cache-dir", str(tmp_path / "cache"),
            "--format", "full", "--select", last.code, str(path)]
    first = runner.invoke(main, args)
    second = runner.invoke(main, args)
    assert first.exit_code == second.exit_code == 1, first.output
    assert first.output == second.output
    frame = f"{last.line} |"
    assert frame in first.output
    text_line = path.read_text(encoding="utf-8").split("\n")[last.line - 1]
    assert text_line[last.column - 1 : last.column + 20] in first.output
