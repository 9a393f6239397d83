"""The command line: output shape, exit codes, selection, stdin, rules and rule docs."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from conftest import CORPUS, EXAMPLES, SEEDS
from lintrials.cli import main

LINE = re.compile(
    r"^(?P<path>[^:]+):(?P<line>\d+):(?P<col>\d+): (?P<code>[A-Z]+\d{3}) (?P<name>[a-z0-9-]+) "
)


def run(*args: str, stdin: bytes | None = None) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args), input=stdin)
    return result.exit_code, result.output


def test_text_output_is_one_finding_a_line_then_totals(tmp_path: Path) -> None:
    path = tmp_path / "cut.json"
    path.write_text('{"protocolSection": {')
    code, out = run("check", "--today", "2026-11-22", str(path))
    lines = out.strip().splitlines()
    assert code == 1
    m = LINE.match(lines[0])
    assert m and m["code"] == "F001" and m["name"] == "invalid-syntax" and m["line"] == "1"
    assert lines[-1].startswith("Found 1 finding (1 error, 0 warning, 0 info) in 1 file")


def test_json_output_has_every_key() -> None:
    code, out = run("check", "--today", "2026-11-22", "--format", "json", str(EXAMPLES))
    data = json.loads(out)
    assert code == 1 and data
    keys = {"code", "name", "severity", "message", "path", "line", "column", "end_line",
            "end_column", "record", "pointer"}
    assert all(keys <= set(item) for item in data)
    json_findings = [d for d in data if d["path"].endswith(".json")]
    assert json_findings
    assert all(d["pointer"].startswith("/protocolSection/") for d in json_findings)
    page_findings = [d for d in data if d["path"].endswith(".txt")]
    assert page_findings and all(d["pointer"] is None for d in page_findings)


def test_clean_file_exits_zero() -> None:
    # A complete, older record with no defect among the default checks' subjects.
    code, out = run("check", "--select", "F", str(CORPUS / "ctgov_v2_json/NCT00000410.json"))
    assert code == 0, out
    assert out.strip() == "Found 0 findings (0 error, 0 warning, 0 info) in 1 file, 1 record."


def test_select_and_ignore_accept_codes_names_and_prefixes(tmp_path: Path) -> None:
    path = tmp_path / "cut.json"
    path.write_text("[")
    assert run("check", "--select", "F001", str(path))[0] == 1
    assert run("check", "--select", "invalid-syntax", str(path))[0] == 1
    assert run("check", "--ignore", "F", str(path))[0] == 0
    code, out = run("check", "--select", "no-such-check", str(path))
    assert code == 2 and "names no check" in out


def test_stdin_uses_the_given_filename() -> None:
    data = (SEEDS / "001_020fa720e2ffd389.txt").read_bytes()
    code, out = run("check", "--today", "2026-11-22", "--stdin-filename", "seed001.txt", "-",
                    stdin=data)
    assert code == 1
    assert all(line.startswith("seed001.txt:") for line in out.strip().splitlines()[:-1])


def test_fail_on_error_ignores_warnings(tmp_path: Path) -> None:
    config = tmp_path / "lintrials.yaml"
    config.write_text("checks:\n  invalid-syntax:\n    severity: warning\n")
    path = tmp_path / "cut.json"
    path.write_text("{")
    assert run("check", "--config", str(config), str(path))[0] == 1
    assert run("check", "--config", str(config), "--fail-on", "error", str(path))[0] == 0


def test_missing_path_is_reported_and_the_run_goes_on(tmp_path: Path) -> None:
    code, out = run("check", "--select", "F", str(tmp_path / "nope.json"),
                    str(CORPUS / "ctgov_v2_json/NCT00000410.json"))
    assert code == 1
    assert "F004 unreadable-file no such file" in out
    assert "in 2 files, 1 record." in out


def test_rules_lists_every_check_and_rule_prints_its_docs() -> None:
    code, out = run("rules")
    assert code == 0
    names = {line.split()[1] for line in out.splitlines()}
    assert {"age-limit-mismatch", "duplicate-site", "truncated-site-name", "malformed-phone",
            "invalid-syntax"} <= names
    for key in ("E101", "age-limit-mismatch"):
        code, out = run("rule", key)
        assert code == 0 and out.startswith("E101 age-limit-mismatch")
        assert "Why" in out
    assert run("rule", "nope")[0] == 2


def test_installed_command_runs_outside_the_source_tree(tmp_path: Path) -> None:
    exe = shutil.which("lintrials", path=str(Path(sys.executable).parent))
    assert exe, "the lintrials command is installed beside this Python"
    copy = tmp_path / "examples"
    shutil.copytree(EXAMPLES, copy)
    done = subprocess.run([exe, "check", "--today", "2026-11-22", "examples"], cwd=tmp_path,
                          capture_output=True, text=True, check=False)
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr
    assert LINE.match(done.stdout.splitlines()[0])
