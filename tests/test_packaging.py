"""The wheel built from the repo: built-in checks install inside lintrials, nowhere else."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from conftest import EXAMPLES, REPO


@pytest.mark.slow
def test_wheel_maps_checks_into_the_package_and_works_in_a_fresh_environment(
    tmp_path: Path,
) -> None:
    subprocess.run([sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir",
                    str(tmp_path / "dist"), str(REPO)], check=True, capture_output=True)
    (wheel,) = (tmp_path / "dist").glob("lintrials-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "lintrials/checks/age_limit_mismatch.py" in names
    assert "lintrials/config.yaml" in names
    assert not [n for n in names if n.startswith("checks/")], "no bare top-level checks package"
    assert not [n for n in names if "__pycache__" in n]

    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    python = venv / "bin" / "python"
    subprocess.run([str(python), "-m", "pip", "install", "-q", str(wheel)], check=True)
    rules = subprocess.run([str(venv / "bin" / "lintrials"), "rules"], cwd=tmp_path,
                           capture_output=True, text=True, check=True)
    assert "E101  age-limit-mismatch" in rules.stdout
    assert rules.stderr == ""
    done = subprocess.run([str(venv / "bin" / "lintrials"), "check", "--today", "2026-11-22",
                           str(EXAMPLES)], cwd=tmp_path, capture_output=True, text=True)
    assert done.returncode == 1 and "E101 age-limit-mismatch" in done.stdout, done.stderr
    bare = subprocess.run([str(python), "-c", "import checks"], cwd=tmp_path,
                          capture_output=True, text=True)
    assert bare.returncode != 0 and "No module named 'checks'" in bare.stderr
