"""Third-party checks: a package that registers a check is run with no change to lintrials."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from conftest import EXAMPLES

PLUGIN = '''
"""Every record must name its lead sponsor.

Why: a made-up rule for this test.
"""
CODE, NAME, SEVERITY = "ZZ901", "sponsor-named", "info"
OPTIONS = {"word": "Inc"}

from lintrials.findings import Problem


def check(record, options):
    if record.lead_sponsor and options["word"] in record.lead_sponsor:
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


def install_plugin(tmp_path: Path) -> dict[str, str]:
    """Build and install a tiny plugin package into its own folder; return the environment."""
    package = tmp_path / "plugin-src"
    (package / "lintrials_example_plugin").mkdir(parents=True)
    (package / "lintrials_example_plugin" / "__init__.py").write_text("")
    (package / "lintrials_example_plugin" / "sponsor.py").write_text(PLUGIN)
    (package / "lintrials_example_plugin" / "broken.py").write_text(BROKEN)
    (package / "lintrials_example_plugin" / "hangs.py").write_text(HANGS)
    (package / "lintrials_example_plugin" / "garbage.py").write_text(GARBAGE)
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
    assert "still running after 1 s on this record (record-time-limit): stopped" in hung[0]
    garbage = [line for line in lines if "returns-garbage (ZZ904)" in line]
    assert len(garbage) == 2 and "yielded int 42, not a Problem" in garbage[0]
    assert any("C301 malformed-phone" in line for line in lines)  # the run went on
