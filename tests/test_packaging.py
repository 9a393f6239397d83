"""The wheel built from the repo: built-in checks install inside lintrials, nowhere else."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from conftest import EXAMPLES, REPO


def installed_in_a_fresh_venv(tmp_path: Path, *install: str) -> Path:
    """A new venv with ``pip install *install``, after proving that its lintrials checks the
    examples and that it has no bare ``checks`` package."""
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    python = venv / "bin" / "python"
    subprocess.run([str(python), "-m", "pip", "install", "-q", *install], check=True,
                   capture_output=True)
    done = subprocess.run([str(venv / "bin" / "lintrials"), "check", "--today", "2026-11-22",
                           str(EXAMPLES)], cwd=tmp_path, capture_output=True, text=True)
    assert done.returncode == 1 and "E101 age-limit-mismatch" in done.stdout, done.stderr
    assert "L201 duplicate-site" in done.stdout
    bare = subprocess.run([str(python), "-c", "import checks"], cwd=tmp_path,
                          capture_output=True, text=True)
    assert bare.returncode != 0 and "No module named 'checks'" in bare.stderr
    return venv


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

    venv = installed_in_a_fresh_venv(tmp_path, str(wheel))
    rules = subprocess.run([str(venv / "bin" / "lintrials"), "rules"], cwd=tmp_path,
                           capture_output=True, text=True, check=True)
    assert "E101  age-limit-mismatch" in rules.stdout
    assert rules.stderr == ""


def test_the_source_tree_runs_as_it_is() -> None:
    """From the repository root, `python -m lintrials` imports the source tree's lintrials, whose
    checks are the top-level checks/ folder and whose defaults are the top-level config.yaml."""
    where = subprocess.run(
        [sys.executable, "-c", "import lintrials, lintrials.checks.age_limit_mismatch as m, "
         "lintrials.config as c; print(lintrials.__file__); print(m.__file__); "
         "print(c.default_config_text() == open('config.yaml', encoding='utf-8').read())"],
        cwd=REPO, capture_output=True, text=True, check=True).stdout.splitlines()
    assert Path(where[0]).resolve() == REPO / "lintrials" / "__init__.py"
    assert Path(where[1]).resolve() == REPO / "checks" / "age_limit_mismatch.py"
    assert where[2] == "True"
    done = subprocess.run([sys.executable, "-m", "lintrials", "check", "--today", "2026-11-22",
                           "examples/"], cwd=REPO, capture_output=True, text=True)
    assert done.returncode == 1 and "E101 age-limit-mismatch" in done.stdout, done.stderr



def test_a_source_tree_never_installed_finds_its_built_in_checks() -> None:
    """With no installed metadata (no entry points at all), the source tree's lintrials reads
    the built-in checks' registration from its pyproject.toml, as an install would have."""
    script = ("import importlib.metadata as m; m.entry_points = lambda **kw: []; "
              "from lintrials.plugins import discover; checks, errors = discover(); "
              "print(len(checks), len(errors), checks[0].code)")
    done = subprocess.run([sys.executable, "-c", script], cwd=REPO, capture_output=True,
                          text=True, check=True)
    modules = [p for p in (REPO / "checks").glob("*.py") if p.stem != "__init__"]
    assert done.stdout.split() == [str(len(modules)), "0", "C301"]

@pytest.mark.slow
def test_an_editable_install_runs_the_source_tree(tmp_path: Path) -> None:
    venv = installed_in_a_fresh_venv(tmp_path, "-e", str(REPO))
    where = subprocess.run([str(venv / "bin" / "python"), "-c", "import lintrials.checks."
                            "duplicate_site as m; print(m.__file__)"], cwd=tmp_path,
                           capture_output=True, text=True, check=True).stdout.strip()
    assert Path(where).resolve() == REPO / "checks" / "duplicate_site.py"


def test_every_built_in_check_module_is_registered_and_nothing_else() -> None:
    """Adding a check is one module (plus its test and data) and its entry point: this names a
    module that was added but not registered, or an entry point whose module is gone."""
    import tomllib

    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    entries = project["project"]["entry-points"]["lintrials.checks"]
    registered = {value.removeprefix("lintrials.checks.") for value in entries.values()}
    modules = {p.stem for p in (REPO / "checks").glob("*.py") if p.stem != "__init__"}
    assert sorted(modules - registered) == [], "add these to pyproject's lintrials.checks"
    assert sorted(registered - modules) == [], "these entry points name no module in checks/"
    for name, value in entries.items():
        assert value.startswith("lintrials.checks."), value
        assert name == value.rsplit(".", 1)[1].replace("_", "-"), (name, value)
