"""The real pre-commit runs the hooks of .pre-commit-hooks.yaml on a repository of exports."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import EXAMPLES, REPO


def git(folder: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
                   cwd=folder, check=True, capture_output=True)


@pytest.mark.slow
def test_hook_fails_on_a_defect_and_passes_after_the_fix_hook(tmp_path: Path) -> None:
    repo = tmp_path / "exports"
    repo.mkdir()
    git(repo, "init", "-q")
    shutil.copy(EXAMPLES / "NCT07177911.json", repo / "NCT07177911.json")
    (repo / ".lintrials.yaml").write_text("select: [malformed-phone]\n")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "exports")
    env = dict(os.environ, PRE_COMMIT_HOME=str(tmp_path / "cache"), PRE_COMMIT_COLOR="never")
    pre_commit = [sys.executable, "-m", "pre_commit", "try-repo", str(REPO)]

    def run(hook: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([*pre_commit, hook, "--files", "NCT07177911.json"], cwd=repo,
                              env=env, capture_output=True, text=True, check=False)

    failing = run("lintrials")
    assert failing.returncode == 1, failing.stdout + failing.stderr
    assert "C301 malformed-phone" in failing.stdout
    fixing = run("lintrials-fix")
    assert fixing.returncode == 1  # pre-commit fails a hook that changed files
    assert "files were modified by this hook" in fixing.stdout
    assert '"phone": "+86 21 5058 2090"' in (repo / "NCT07177911.json").read_text()
    passing = run("lintrials")
    assert passing.returncode == 0, passing.stdout + passing.stderr
