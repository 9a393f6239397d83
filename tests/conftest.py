"""Shared paths and a helper that runs lintrials the way the command line does.

Tests import the installed package (pytest runs with ``--import-mode=importlib`` from the venv's
own ``pytest``), so what is tested is what a user installs.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from lintrials.analysis import RecordAnalysis
from lintrials.context import Context
from lintrials.engine import lint
from lintrials.findings import Finding
from lintrials.model import Record
from lintrials.plugins import check_from_object

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
    options: dict[str, Any] | None = None,
    tmp_path: Path | None = None,
) -> list[Finding]:
    """Findings of a run over ``paths`` with the given checks (default: all default checks).

    ``options`` maps a check's name to its options, written to a configuration file in
    ``tmp_path`` for the run.
    """
    for path in paths:
        if not Path(path).exists():
            pytest.fail(f"test data missing: {path} (the shared corpus sits beside the repo)")
    config = None
    if options is not None:
        assert tmp_path is not None, "options are written to a file in tmp_path"
        config = tmp_path / "lintrials.yaml"
        config.write_text(yaml.safe_dump({"checks": options}))
    result = lint([str(p) for p in paths], select=select, today=today, config_path=config,
                  search_from=search_from or REPO / "tests")
    return result.findings


def context(module: Any, record: Record | None = None, *, today: date = TODAY,
            notes: list[str] | None = None, **options: Any) -> Context:
    """What the engine gives ``module``'s check (or summarize, reduce) for ``record``: the
    check's options with ``options`` over its defaults (as a configuration file sets them), the
    run date, ``notes`` to collect what it notes, and the record's analysis (none without a
    record: a check that reads ``ctx.analysis`` needs its record)."""
    return Context(check_from_object(module).build_options(options), today,
                   [] if notes is None else notes,
                   None if record is None else RecordAnalysis(record))
