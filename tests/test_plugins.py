"""Third-party checks: a package that registers a check is run with no change to lintrials."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from conftest import EXAMPLES
from lintrials.context import Context
from lintrials.findings import Problem
from lintrials.model import Record
from lintrials.plugins import PluginError, check_from_object

PLUGIN = '''
"""Every record must name its lead sponsor.

Why: a made-up rule for this test.
"""
CODE, NAME, SEVERITY = "ZZ901", "sponsor-named", "info"
OPTIONS = {"word": "Inc"}

from lintrials.findings import Problem


def check(record, options):  # the older contract: options as a mapping, with .today
    if options.today.year < 2000:
        return
    if record.lead_sponsor and options.get("word") in record.lead_sponsor:
        yield Problem("lead_sponsor", f"sponsor name holds {options['word']!r}")
'''

BROKEN = '''
CODE, NAME, SEVERITY = "ZZ902", "always-fails", "warning"


def check(record, options):
    raise RuntimeError("plugin bug")
'''


HANGS = '''
CODE, NAME, SEVERITY = "ZZ903", "never-ends", "warning"


def check(record, options):
    while record.nct_id == "NCT07104344":
        pass
    return []
'''

GARBAGE = '''
CODE, NAME, SEVERITY = "ZZ904", "returns-garbage", "warning"


def check(record, options):
    yield 42
'''

NOTES = '''
CODE, NAME, SEVERITY = "ZZ905", "takes-notes", "info"


def check(record, ctx):
    ctx.note("said on every record")
    ctx.note("said on every record")
    return []


def summarize(record, ctx):
    ctx.note("said on every record")
    return record.nct_id


def reduce(summaries, ctx):
    ctx.note(f"said over the run, of {len(summaries)} records")
    return []
'''


def install_plugin(tmp_path: Path) -> dict[str, str]:
    """Build and install a tiny plugin package into its own folder; return the environment."""
    package = tmp_path / "plugin-src"
    (package / "lintrials_example_plugin").mkdir(parents=True)
    (package / "lintrials_example_plugin" / "__init__.py").write_text("")
    (package / "lintrials_example_plugin" / "sponsor.py").write_text(PLUGIN)
    (package / "lintrials_example_plugin" / "broken.py").write_text(BROKEN)
    (package / "lintrials_example_plugin" / "hangs.py").write_text(HANGS)
    (package / "lintrials_example_plugin" / "garbage.py").write_text(GARBAGE)
    (package / "lintrials_example_plugin" / "notes.py").write_text(NOTES)
    (package / "pyproject.toml").write_text(textwrap.dedent('''
        [build-system]
        requires = ["hatchling"]
        build-backend = "hatchling.build"

        [project]
        name = "lintrials-example-plugin"
        version = "1.0"

        [project.entry-points."lintrials.checks"]
        sponsor-named = "lintrials_example_plugin.sponsor"
        always-fails = "lintrials_example_plugin.broken"
        never-ends = "lintrials_example_plugin.hangs"
        returns-garbage = "lintrials_example_plugin.garbage"
        takes-notes = "lintrials_example_plugin.notes"
    '''))
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps",
                    "--no-build-isolation", "--target", str(target), str(package)], check=True)
    env = dict(os.environ)
    env["PYTHONPATH"] = str(target)
    return env


def lintrials(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "lintrials", *args], env=env, cwd=env["HOME"],
                          capture_output=True, text=True, check=False)


@pytest.mark.slow
def test_third_party_check_runs_and_a_failing_one_is_reported(tmp_path: Path) -> None:
    env = install_plugin(tmp_path)
    env["HOME"] = str(tmp_path)
    listed = lintrials(env, "rules")
    assert "ZZ901  sponsor-named" in listed.stdout
    done = lintrials(env, "check", "--select", "ZZ901,ZZ902", str(EXAMPLES / "NCT07177911.json"),
                     str(EXAMPLES / "NCT07104344.json"))
    lines = done.stdout.splitlines()
    assert any(":35:" in line and "ZZ901 sponsor-named sponsor name holds 'Inc'" in line
               for line in lines), done.stdout
    failures = [line for line in lines if "X001 check-failed" in line]
    assert len(failures) == 2  # one a record, and the run went on to the second file
    assert "always-fails (ZZ902) failed on this record: RuntimeError: plugin bug" in failures[0]
    assert done.returncode == 2


@pytest.mark.slow
def test_plugin_options_come_from_the_configuration(tmp_path: Path) -> None:
    env = install_plugin(tmp_path)
    env["HOME"] = str(tmp_path)
    (tmp_path / "lintrials.yaml").write_text("checks:\n  sponsor-named:\n    word: Cyto\n")
    done = lintrials(env, "check", "--select", "ZZ901", str(EXAMPLES / "NCT07177911.json"))
    assert "sponsor name holds 'Cyto'" in done.stdout, done.stdout + done.stderr


@pytest.mark.slow
def test_a_hanging_check_is_stopped_and_garbage_is_reported(tmp_path: Path) -> None:
    env = install_plugin(tmp_path)
    env["HOME"] = str(tmp_path)
    (tmp_path / "lintrials.yaml").write_text("record-time-limit: 1\n")
    done = lintrials(env, "check", "--no-cache", "--select", "ZZ903,ZZ904,C301",
                     str(EXAMPLES / "NCT07104344.json"), str(EXAMPLES / "NCT07177911.json"))
    lines = done.stdout.splitlines()
    assert done.returncode == 2
    hung = [line for line in lines if "never-ends (ZZ903)" in line]
    assert len(hung) == 1 and "NCT07104344.json" in hung[0]
    assert "still running after 1 s of CPU time on this record (record-time-limit): stopped" \
        in hung[0]
    garbage = [line for line in lines if "returns-garbage (ZZ904)" in line]
    assert len(garbage) == 2 and "yielded int 42, not a Problem" in garbage[0]
    assert any("C301 malformed-phone" in line for line in lines)  # the run went on


def test_a_check_written_for_the_options_mapping_runs_unchanged() -> None:
    def check(record: Record, options: Any) -> Any:  # the contract before Context
        if options["word"] in (record.lead_sponsor or ""):
            yield Problem("lead_sponsor", f"{options.get('word')} {options.today} "
                                          f"{options.get('limit', 0)} {len(options)}")

    legacy = check_from_object(SimpleNamespace(
        CODE="ZZ905", NAME="old-style", SEVERITY="info", OPTIONS={"word": "Inc", "limit": 3},
        check=check, __doc__="Old style."))
    assert legacy.options_class is None and legacy.options == {"word": "Inc", "limit": 3}
    options = legacy.build_options({"limit": 4})
    assert options == {"word": "Inc", "limit": 4}
    ctx = Context(options, date(2026, 11, 22), [])
    (problem,) = legacy.check(Record(lead_sponsor="Acme Inc"), ctx)
    assert problem.message == "Inc 2026-11-22 4 2"


def test_options_must_be_a_dataclass_with_defaults() -> None:
    @dataclass(frozen=True)
    class NoDefault:
        word: str

    for declared in (dict, NoDefault):
        with pytest.raises(PluginError, match="Options"):
            check_from_object(SimpleNamespace(
                CODE="ZZ906", NAME="bad-options", SEVERITY="info", Options=declared,
                check=lambda record, ctx: [], __doc__="Bad."))


def test_notes_are_told_once_per_run_however_many_processes_and_from_the_cache(
    tmp_path: Path,
) -> None:
    env = install_plugin(tmp_path)
    env["HOME"] = str(tmp_path)
    records = tmp_path / "records"
    records.mkdir()
    for n in range(12):  # enough files for --jobs 2 to start workers
        (records / f"copy{n:02}.json").write_bytes((EXAMPLES / "NCT07177911.json").read_bytes())
    for cached in (False, True):  # the second run reads every file from the cache
        done = lintrials(env, "check", "--jobs", "2", "--select", "ZZ905", str(records))
        assert done.returncode == 0, done.stderr
        notes = [line for line in done.stderr.splitlines() if line.startswith("lintrials: note:")]
        assert notes == ["lintrials: note: said on every record",
                         "lintrials: note: said over the run, of 12 records"], (cached, done.stderr)
    entries = list((tmp_path / ".lintrials_cache").glob("*/*.json"))
    assert len(entries) == 12
    assert all(json.loads(e.read_bytes().partition(b"\n")[2])["notes"] == ["said on every record"]
               for e in entries)  # (an entry: its HMAC, a newline, its JSON)


def test_the_python_api_returns_the_notes(tmp_path: Path) -> None:
    env = install_plugin(tmp_path)
    script = ("import sys\n"
              "from lintrials.engine import lint\n"
              "print(lint(sys.argv[1:], select=['ZZ905']).notes)\n")
    done = subprocess.run([sys.executable, "-c", script, str(EXAMPLES / "NCT07177911.json"),
                           str(EXAMPLES / "NCT07104344.json")], env=env, cwd=tmp_path,
                          capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "['said on every record', 'said over the run, of 2 records']"
