"""Untrusted inputs: standard input, plugins that misbehave, and a limit that ignores load."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import EXAMPLES
from lintrials import files
from lintrials.cli import main
from lintrials.execute import CheckTimeout, run_checks, time_limit
from lintrials.model import Record
from lintrials.plugins import check_from_object

RECORD = str(EXAMPLES / "NCT07177911.json")


def plugins(tmp_path: Path, modules: dict[str, str]) -> dict[str, str]:
    """An environment in which each of ``modules`` (entry-point name: source) is a plugin:
    a distribution's metadata written by hand, so nothing is built or installed."""
    site = tmp_path / "site"
    (site / "hostile_plugins").mkdir(parents=True)
    (site / "hostile_plugins" / "__init__.py").write_text("")
    lines = ["[lintrials.checks]"]
    for name, source in modules.items():
        module = name.replace("-", "_")
        (site / "hostile_plugins" / f"{module}.py").write_text(textwrap.dedent(source))
        lines.append(f"{name} = hostile_plugins.{module}")
    info = site / "hostile_plugins-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: hostile-plugins\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text("\n".join(lines) + "\n")
    return {**os.environ, "PYTHONPATH": str(site)}


def lintrials(env: dict[str, str], cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "lintrials", *args], env=env, cwd=cwd,
                          capture_output=True, text=True, check=False)


CHECK = '''
"""A plugin of the test."""
CODE, NAME, SEVERITY = {code!r}, {name!r}, "warning"


def check(record, ctx):
    {body}
    return []
'''


def test_a_plugin_that_exits_on_import_fails_closed(tmp_path: Path) -> None:
    env = plugins(tmp_path, {"exits": "import sys\nsys.exit(0)\n"})
    done = lintrials(env, tmp_path, "check", "--no-cache", RECORD)
    assert done.returncode == 2, done.stderr
    assert "plugin (X001): exits (hostile_plugins.exits): failed to load: SystemExit: 0" \
        in done.stderr
    assert done.stderr.splitlines()[-1] == "lintrials: exit 2: 1 plugin not loaded (X001)"


def test_a_plugin_cannot_take_a_built_in_code_or_name(tmp_path: Path) -> None:
    env = plugins(tmp_path, {
        # Named to sort before the built-ins, which would once have made it win.
        "aaa-code": CHECK.format(code="E101", name="stolen-code", body="yield 1"),
        "aaa-name": CHECK.format(code="ZZ990", name="duplicate-site", body="yield 1"),
    })
    done = lintrials(env, tmp_path, "rules")
    assert "E101  age-limit-mismatch" in done.stdout
    assert "stolen-code" not in done.stdout and "ZZ990" not in done.stdout
    assert ("aaa-code (hostile_plugins.aaa_code): E101 is already taken by age-limit-mismatch "
            "(lintrials.checks.age_limit_mismatch); not loaded") in done.stderr
    assert "aaa-name (hostile_plugins.aaa_name): duplicate-site is already taken" in done.stderr
    checked = lintrials(env, tmp_path, "check", "--no-cache", RECORD)
    assert checked.returncode == 2
    assert checked.stderr.splitlines()[-1] == "lintrials: exit 2: 2 plugins not loaded (X001)"


def test_a_check_that_exits_is_x001_and_the_exit_says_why(tmp_path: Path) -> None:
    env = plugins(tmp_path, {
        "exits-in-check": CHECK.format(code="ZZ991", name="exits-in-check",
                                       body="raise SystemExit(0)"),
    })
    done = lintrials(env, tmp_path, "check", "--no-cache", "--select", "ZZ991",
                     RECORD, str(EXAMPLES / "NCT07104344.json"))
    assert done.returncode == 2, done.stderr
    assert done.stdout.count("X001 check-failed") == 2
    assert "exits-in-check (ZZ991) failed on this record: SystemExit: 0" in done.stdout
    assert done.stderr.splitlines()[-1] == \
        "lintrials: exit 2: check exits-in-check failed on 2 records (X001)"


def fake_check(body: object) -> object:
    from types import SimpleNamespace

    def check(record: Record, ctx: object) -> list[object]:
        raise body  # type: ignore[misc]

    return check_from_object(SimpleNamespace(CODE="ZZ992", NAME="raises", SEVERITY="info",
                                             check=check, __doc__="Raises."))


def test_any_escape_from_a_check_is_a_failure_but_a_keyboard_interrupt_stops() -> None:
    for escape in (SystemExit(3), GeneratorExit(), RuntimeError("bug")):
        (outcome,) = run_checks(Record(), [(fake_check(escape), {})],  # type: ignore[list-item]
                                date(2026, 11, 22), [], 0)
        assert outcome.failure and type(escape).__name__ in outcome.failure
    with pytest.raises(KeyboardInterrupt):
        run_checks(Record(), [(fake_check(KeyboardInterrupt()), {})],  # type: ignore[list-item]
                   date(2026, 11, 22), [], 0)


@pytest.mark.skipif(not hasattr(__import__("signal"), "ITIMER_PROF"), reason="needs SIGPROF")
def test_the_record_limit_counts_cpu_time_not_the_clock() -> None:
    with time_limit(0.2):
        time.sleep(0.5)  # waiting (as on a busy machine) uses no CPU: no timeout
    with pytest.raises(CheckTimeout), time_limit(0.2):
        while True:
            pass


def run(*args: str, stdin: bytes | None = None) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args), input=stdin)
    return result.exit_code, result.stderr


def test_standard_input_is_bounded_like_a_file(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(files, "MAX_FILE_BYTES", 1000)
    code, err = run("check", "--no-cache", "-", stdin=b"y\n" * 100_000)
    assert code == 2
    assert err.strip() == ("lintrials: error: standard input is over the 1,000 bytes lintrials "
                           "reads in one file; not read (split the export)")


def test_closed_standard_input_is_a_clear_error(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "lintrials", "check", "--no-cache", "-"],
                          stdin=subprocess.DEVNULL, cwd=tmp_path, capture_output=True,
                          text=True, check=False, preexec_fn=lambda: os.close(0))
    assert done.returncode == 2
    assert done.stderr.strip() == (
        "lintrials: error: '-' reads standard input, but standard input is closed")


def test_a_walk_skips_links_that_lead_outside_the_paths_given(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.json").write_text('{"token": "SECRET-TOKEN-1234"}\n')
    records = tmp_path / "records"
    (records / "sub").mkdir(parents=True)
    (records / "sub" / "real.json").write_bytes(Path(RECORD).read_bytes())
    (records / "leak.json").symlink_to(outside / "secret.json")
    (records / "inner.json").symlink_to(records / "sub" / "real.json")
    (records / "folder").symlink_to(outside)
    for output_format in ("full", "html"):
        result = CliRunner().invoke(main, ["check", "--no-cache", "--today", "2026-11-22",
                                           "--format", output_format, str(records)])
        assert "SECRET-TOKEN" not in result.stdout
        notes = [line for line in result.stderr.splitlines() if "outside the paths" in line]
        assert notes == [
            f"lintrials: note: {records / 'folder'}: a link to a folder outside the paths "
            "given; not walked",
            f"lintrials: note: {records / 'leak.json'}: a link to a file outside the paths "
            "given; not read (--follow-outside-links reads it)"]
    assert list(files.discover([str(records)])) == [
        str(records / "inner.json"), str(records / "sub" / "real.json")]  # a link inside: read
    assert str(records / "leak.json") in files.discover([str(records)], outside_links=True)
    # Given on the command line, or under another path given, a file is the user's choice.
    assert str(records / "leak.json") in files.discover([str(records), str(outside)])
    assert list(files.discover([str(records / "leak.json")])) == [str(records / "leak.json")]


@pytest.mark.parametrize(("text", "error"), [
    ("record-time-limit: .inf\n", "1: record-time-limit: expected a finite number of seconds"),
    ("record-time-limit: .nan\n", "1: record-time-limit: expected a finite number of seconds"),
    ("record-time-limit: -1\n", "1: record-time-limit: expected a finite number of seconds"),
    ("fail-on: error\nselect: [E]\nfail-on: info\n",
     "3: fail-on: duplicate key (first at line 1): a key may be given once"),
    ("checks:\n  not-recently-updated:\n    max_months: -1\n",
     "3: checks.not-recently-updated.max_months: expected a number of at least 0, got -1"),
    ("checks:\n  enrollment-mismatch:\n    tolerance: .nan\n",
     "3: checks.enrollment-mismatch.tolerance: expected a finite number, got nan"),
    ("\n\nsuppressions: missing.yaml\n",
     "3: suppressions: no such suppression file: "),
])
def test_configuration_rejects_nonsense(tmp_path: Path, text: str, error: str) -> None:
    config = tmp_path / "lintrials.yaml"
    config.write_text(text)
    result = CliRunner().invoke(main, ["check", "--no-cache", "--config", str(config), RECORD])
    assert result.exit_code == 2
    assert result.stderr.startswith("lintrials: error: ") and f"{config}:{error}" in result.stderr


def test_option_bounds_come_from_field_metadata() -> None:
    from dataclasses import dataclass, field
    from types import SimpleNamespace

    @dataclass(frozen=True)
    class Options:
        plain: int = 1
        offset: int = field(default=-2, metadata={"min": None})
        percent: float = field(default=50.0, metadata={"min": 0, "max": 100})
        counts: tuple[int, ...] = (1, 2)

    check = check_from_object(SimpleNamespace(CODE="ZZ993", NAME="bounded", SEVERITY="info",
                                              Options=Options, check=lambda r, c: [],
                                              __doc__="Bounded."))
    assert check.option_problem("plain", -1) == "expected a number of at least 0, got -1"
    assert check.option_problem("offset", -10**6) is None
    assert check.option_problem("percent", 101) == "expected a number of at most 100, got 101"
    assert check.option_problem("counts", [3, -1]) == "expected a number of at least 0, got -1"
    assert check.option_problem("plain", float("nan")) == "expected a finite number, got nan"


# 15,000 entries are past the 100,000 values a suppression file was once refused at (a minute
# under load at 100,000: PyYAML builds every value in Python).
@pytest.mark.parametrize("count", [15_000, pytest.param(100_000, marks=pytest.mark.slow)])
def test_what_lintrials_writes_it_reads_back_at_any_size(tmp_path: Path, count: int) -> None:
    from lintrials.findings import Finding
    from lintrials.suppressions import add, apply_baseline, load, write_baseline

    found = [Finding("L201", "duplicate-site", "warning", "a site twice", "a.json",
                     record=f"NCT{n:08}", field=f"locations[{n % 40}].facility")
             for n in range(count)]
    suppressions = tmp_path / "suppressions.yaml"
    assert add(suppressions, found, "accepted") == count
    entries = load(suppressions)
    assert len(entries) == count and entries[-1].record == f"NCT{count - 1:08}"
    assert add(suppressions, found, "accepted") == 0  # read back, all known
    baseline = tmp_path / "baseline.json"
    write_baseline(baseline, found)
    assert apply_baseline(baseline, found) == ([], count)


def test_a_reader_that_breaks_is_x001_on_its_file_and_the_run_goes_on(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A reader raising (a dependency missing where lintrials was installed by hand, say) is an
    X001 finding on each file it broke on, never a traceback; the other formats' files are still
    checked, and the run exits 2 saying why."""
    from lintrials.formats import page_text

    def broken(source: object) -> None:
        raise ModuleNotFoundError("No module named 'somewhere'")

    monkeypatch.setattr(page_text, "parse", broken)
    result = CliRunner().invoke(main, ["check", "--no-cache", "--jobs", "1", "--today",
                                       "2026-11-22", str(EXAMPLES)])
    assert result.exit_code == 2, result.output
    failed = [line for line in result.output.splitlines() if " X001 " in line]
    assert len(failed) == 3 and all(".txt:1:1: X001 check-failed lintrials failed on this "
                                    "file: ModuleNotFoundError" in line for line in failed)
    assert "NCT07104344.json:88:170: E101" in result.output  # the JSON records still checked
    assert "lintrials: exit 2: lintrials failed on 3 files (X001)" in result.output
    assert "Traceback" not in result.output
