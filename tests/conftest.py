"""Shared paths and a helper that runs lintrials the way the command line does.

Tests import the installed package (pytest runs with ``--import-mode=importlib`` from the venv's
own ``pytest``), so what is tested is what a user installs.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from lintrials.engine import lint
from lintrials.findings import Finding

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
CORPUS = SHARED / "corpus"
SEEDS = SHARED / "seeds"
EXAMPLES = REPO / "examples"
TODAY = date(2026, 11, 22)


def findings(
    *paths: Path | str,
    select: list[str] | None = None,
    today: date = TODAY,
    search_from: Path | None = None,
) -> list[Finding]:
    """Findings of a run over ``paths`` with the given checks (default: all default checks)."""
    for path in paths:
        if not Path(path).exists():
            pytest.fail(f"test data missing: {path} (the shared corpus sits beside the repo)")
    result = lint(
        [str(p) for p in paths],
        select=select,
        today=today,
        search_from=search_from or REPO / "tests",
    )
    return result.findings
