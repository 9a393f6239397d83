"""Output that cannot be forged: a record and file names built to forge, hide and recolour
output, through every format, each report read by its real consumer (docs/security.md).

The hostile tree holds two copies of the example study NCT07314060, edited: a JSON record in a
file whose name is not UTF-8 (``bad\\xff.json``), its first facility name carrying a newline
and a forged ``forged.json:1:1: E999`` line, ESC sequences (clear the screen, set the window
title), BEL, CR, U+202E, C1, DEL, U+2028 and rich markup; and the page-text record in a file
whose name is itself a forged position, its facility line carrying the same characters raw.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from test_reporters import parse_command, sarif_schema

from conftest import EXAMPLES, TODAY
from lintrials.cli import main
from lintrials.config import Config
from lintrials.engine import lint
from lintrials.reporters import full
from lintrials.reporters.escape import visible

ATTACK = ("[red]Peking\nforged.json:1:1: E999 forged-check a forged finding\x1b[2J\x1b]0;owned\x07"
          "\rX\u202eY\x85\x7f\u2028 University First Hospita")
PAGE_ATTACK = "[red]Peking\x1b[2J\x1b]0;owned\x07\u202e\x85\x7f\u2066 University First Hospita"
BAD_NAME = os.fsdecode(b"bad\xff.json")
FORGED_NAME = "page.txt:1:1: E999 forged-check look here.txt"
FORMATS = ["text", "full", "json", "json-lines", "sarif", "junit", "github", "gitlab", "html"]
# What no report may hold raw: C0 but tab and the line feed a format writes itself, DEL, C1,
# the bidi controls and the Unicode line and paragraph separators.
RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("hostile")
    study = json.loads((EXAMPLES / "NCT07314060.json").read_text(encoding="utf-8"))
    study["protocolSection"]["contactsLocationsModule"]["locations"][0]["facility"] = ATTACK
    text = json.dumps(study, indent=2, ensure_ascii=False)  # C1, DEL, bidi raw in the file
    (folder / BAD_NAME).write_bytes(text.encode("utf-8"))
    page = (EXAMPLES / "000_c17df8f03dc45045.txt").read_text(encoding="utf-8")
    facility = "\nPeking University First Hospita\n"
    assert facility in page
    (folder / FORGED_NAME).write_text(page.replace(facility, f"\n{PAGE_ATTACK}\n", 1),
                                      encoding="utf-8")
    return folder


def run(folder: Path, fmt: str) -> bytes:
    """What the installed command writes to standard output, in a process of its own."""
    done = subprocess.run(
        [sys.executable, "-m", "lintrials", "check", "--no-cache", "--today", TODAY.isoformat(),
         "--format", fmt, "."],
        cwd=folder, capture_output=True, timeout=300, check=False,
    )
    assert done.returncode == 1, (fmt, done.returncode, done.stderr[-2000:])
    assert b"Traceback" not in done.stderr
    return done.stdout


@pytest.fixture(scope="module")
def reports(hostile: Path) -> dict[str, str]:
    out = {}
    for fmt in FORMATS:
        data = run(hostile, fmt)
        out[fmt] = data.decode("utf-8")  # strict: every report is valid UTF-8
    return out


@pytest.fixture(scope="module")
def expected(reports: dict[str, str]) -> list[dict[str, Any]]:
    """The findings as the json format gives them; the hostile ones must be among them."""
    data: list[dict[str, Any]] = json.loads(reports["json"])
    l202 = {d["path"]: d["message"] for d in data if d["code"] == "L202"}
    assert l202 == {
        "./bad\\xff.json": f'facility name "{visible(ATTACK)}" looks cut off: its last word '
                           '"Hospita" is the start of "Hospital"',
        f"./{FORGED_NAME}": f'facility name "{visible(PAGE_ATTACK)}" looks cut off: its last '
                            'word "Hospita" is the start of "Hospital"',
    }
    return data


def test_visible_escapes_what_could_forge_hide_or_reorder() -> None:
    cases = {
        "a\nb\rc": "a\\nb\\rc", "\x1b[31m": "\\x1b[31m",
        "\x07\x00\x0b\x0c": "\\x07\\x00\\x0b\\x0c", "\x7f\x85\x9b": "\\x7f\\x85\\x9b",
        "\u202a\u202e\u2066\u2069": "\\u202a\\u202e\\u2066\\u2069",
        "\u2028\u2029\ufffe": "\\u2028\\u2029\\ufffe", BAD_NAME: "bad\\xff.json",
        "\ud800": "\\ud800",
    }
    for raw, shown in cases.items():
        assert visible(raw) == shown
    kept = "tab\there, é, 北京, ‘quotes’, \u200f RLM, emoji \U0001f600, [red]markup[/red]"
    assert visible(kept) == kept


@pytest.mark.parametrize("fmt", FORMATS)
def test_no_report_holds_a_raw_control_character(reports: dict[str, str], fmt: str) -> None:
    assert not RAW.findall(reports[fmt]), fmt


def test_the_editor_problem_matcher_finds_only_the_real_findings(
    reports: dict[str, str], expected: list[dict[str, Any]],
) -> None:
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    [pattern] = re.findall(r'"regexp": ("[^\n]*"),$', readme, flags=re.MULTILINE)
    matcher = re.compile(json.loads(pattern))
    *lines, totals = reports["text"].split("\n")[:-1]
    assert totals.startswith(f"Found {len(expected)} findings")
    found = [m.groups() for m in map(matcher.match, lines) if m]
    # The text format writes a colon before a digit in a file name as \x3a.
    assert found == [(re.sub(r":(?=\d)", r"\\x3a", d["path"]), str(d["line"]), str(d["column"]),
                      d["code"], d["name"], d["message"]) for d in expected]
    assert "E999" not in {code for _, _, _, code, _, _ in found}
    assert "[red]Peking\\nforged.json:1:1: E999" in reports["text"]  # shown, on the real line


def test_full_colours_only_what_it_colours_itself(
    hostile: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(full, "use_colour", lambda stream=None: True)
    result = lint([str(hostile)], today=TODAY, search_from=hostile)
    text = full.render(result, Config(today=TODAY))
    own = [*full._COLOURS.values(), full._DIM, full._BOLD, full._RESET, "\033[31m", "\033[32m"]
    for code in own:
        text = text.replace(code, "")
    assert "\x1b" not in text and not RAW.findall(text)
    assert f"| {visible(PAGE_ATTACK)}" in text  # the code frame shows the source line escaped


def test_full_carets_still_mark_the_span(reports: dict[str, str]) -> None:
    lines = reports["full"].split("\n")
    at = next(i for i, line in enumerate(lines) if line.startswith("191 | "))
    source, carets = lines[at], lines[at + 1]
    start = carets.index("^")
    assert source[start:len(carets)] == visible(PAGE_ATTACK)


def test_json_and_json_lines_parse(reports: dict[str, str], expected: list[dict[str, Any]]) -> None:
    *rows, last = [json.loads(line) for line in reports["json-lines"].splitlines()]
    assert rows == expected
    assert last["summary"]["findings"] == len(expected)


def test_sarif_is_valid_against_the_oasis_schema(
    reports: dict[str, str], expected: list[dict[str, Any]],
) -> None:
    from jsonschema import Draft4Validator

    document = json.loads(reports["sarif"])
    Draft4Validator(sarif_schema()).validate(document)
    [run_] = document["runs"]
    assert len(run_["results"]) == len(expected)
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            for r in run_["results"]}
    assert uris == {"bad%FF.json", "page.txt%3A1%3A1%3A%20E999%20forged-check%20look%20here.txt"}
    messages = {r["message"]["text"] for r in run_["results"]}
    assert {d["message"] for d in expected} == messages


def test_junit_is_read_by_junitparser(
    reports: dict[str, str], expected: list[dict[str, Any]], tmp_path: Path,
) -> None:
    from junitparser import JUnitXml

    path = tmp_path / "junit.xml"
    path.write_text(reports["junit"], encoding="utf-8")
    cases = [case for suite in JUnitXml.fromfile(str(path)) for case in suite]
    assert len(cases) == len(expected)
    messages = {case.result[0].message for case in cases if case.result}
    assert any(visible(ATTACK) in m for m in messages)


def test_github_is_one_command_a_finding(
    reports: dict[str, str], expected: list[dict[str, Any]],
) -> None:
    lines = reports["github"].splitlines()
    assert len(lines) == len(expected)
    commands = [parse_command(line) for line in lines]
    assert {props["file"] for _, props, _ in commands} == {"./bad\\xff.json", f"./{FORGED_NAME}"}
    assert any(visible(ATTACK) in data for _, _, data in commands)


def test_gitlab_parses(reports: dict[str, str], expected: list[dict[str, Any]]) -> None:
    issues = json.loads(reports["gitlab"])
    assert len(issues) == len(expected)
    assert {i["location"]["path"] for i in issues} == {"bad\\xff.json", FORGED_NAME}


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.data = ""
        self.inside = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.inside = ("id", "lintrials-data") in attrs

    def handle_data(self, data: str) -> None:
        if self.inside:
            self.data += data


def test_html_data_block_parses(reports: dict[str, str], expected: list[dict[str, Any]]) -> None:
    page = _Page()
    page.feed(reports["html"])
    page.close()
    findings = json.loads(page.data)["findings"]
    assert len(findings) == len(expected)
    assert {f["msg"] for f in findings} == {d["message"] for d in expected}
    assert {f["path"] for f in findings} == {"./bad\\xff.json", f"./{FORGED_NAME}"}
    frames = [text for f in findings for _, text in f["frame"]]
    assert visible(PAGE_ATTACK) in frames


def test_stderr_shows_a_file_name_escaped(tmp_path: Path) -> None:
    name = "baseline\x1b[2J\u202e.json"
    here = Path.cwd()
    os.chdir(tmp_path)
    try:
        result = CliRunner().invoke(main, ["check", "--today", TODAY.isoformat(), "--no-cache",
                                           "--write-baseline", name,
                                           str(EXAMPLES / "NCT07177911.json")])
    finally:
        os.chdir(here)
    assert result.exit_code == 0, result.output
    assert "baseline\\x1b[2J\\u202e.json" in result.stderr
    assert not RAW.findall(result.stderr)
