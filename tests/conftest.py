"""Shared paths, a helper that runs lintrials the way the command line does, and the builders
unit tests use to call one check on one record.

Tests import the installed package (pytest runs with ``--import-mode=importlib`` from the venv's
own ``pytest``), so what is tested is what a user installs.

The records tests name are copies in ``tests/data`` (``PROVENANCE.tsv`` says where each came
from), laid out as the shared corpus is: ``CORPUS / "ctgov_v2_json" / "NCT02742311.json"`` is a
copy of that corpus file. A test that needs the whole corpus (a run over every record, a copy of
the corpus) uses ``WHOLE_CORPUS`` and is marked ``corpus``: it is skipped, with the reason, when
the corpus is not beside the repository.
"""

from __future__ import annotations

import dataclasses
import typing
from datetime import date
from pathlib import Path
from types import ModuleType, UnionType
from typing import Any

import pytest
import yaml

from lintrials import model
from lintrials.analysis import RecordAnalysis
from lintrials.context import Context
from lintrials.engine import lint
from lintrials.findings import Finding, Problem
from lintrials.model import Record
from lintrials.plugins import check_from_object

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "tests" / "data"
CORPUS = DATA / "corpus"  # copies of the corpus records the tests name
SEEDS = DATA / "seeds"  # the three seed pages
WHOLE_CORPUS = REPO.parent / "shared" / "corpus"  # only for tests marked corpus
EXAMPLES = REPO / "examples"
TODAY = date(2026, 11, 22)
NO_CORPUS = "needs ../shared/corpus beside the repository (the whole corpus); CI has it"


def pytest_runtest_setup(item: pytest.Item) -> None:
    if item.get_closest_marker("corpus") and not WHOLE_CORPUS.is_dir():
        pytest.skip(NO_CORPUS)


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
            pytest.fail(f"test data missing: {path} (copy the record into tests/data, or mark "
                        "the test corpus and use WHOLE_CORPUS)")
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


def _built(kind: Any, value: Any) -> Any:
    """``value`` as the model's ``kind``: a dict becomes that dataclass, a str a DateField."""
    if typing.get_origin(kind) is list and isinstance(value, list):
        (item,) = typing.get_args(kind)
        return [_built(item, v) for v in value]
    if isinstance(kind, UnionType) and isinstance(value, dict):  # a part that may be None
        (part,) = [k for k in typing.get_args(kind) if k is not type(None)]
        return _built(part, value)
    if dataclasses.is_dataclass(kind) and isinstance(kind, type):
        if isinstance(value, dict):
            hints = typing.get_type_hints(kind, vars(model))
            return kind(**{key: _built(hints[key], v) for key, v in value.items()})
        if kind is model.DateField and isinstance(value, str):
            return model.DateField(value)
    return value


def record(**overrides: Any) -> Record:
    """A model Record with the given fields; the rest are the model's empty defaults.

    Nested parts may be written as dicts (``eligibility={"minimum_age": "18 Years"}``,
    ``locations=[{"facility": "Hôpital Nord", "city": "Lyon"}]``, ``oversight={"has_dmc": True}``)
    and a date as its text (``start_date="2025-09"``); model objects are taken as they are.
    """
    built: Record = _built(Record, overrides)
    return built


def run_check(
    check: ModuleType, record: Record, *, today: date = TODAY, **options: Any
) -> list[Problem]:
    """The problems a built-in check module finds in ``record``, called directly (no engine),
    with ``options`` over the check's defaults (a name the check does not have is an error)."""
    return list(check.check(record, context(check, record, today=today, **options)))
