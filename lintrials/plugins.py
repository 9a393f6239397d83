"""Finding checks: every check, built-in or third-party, comes through one entry-point group.

A check is a module (or any object) registered under ``lintrials.checks`` with:

- ``CODE`` (``"E101"``) and ``NAME`` (``"age-limit-mismatch"``), both usable wherever a check
  is named; ``SEVERITY``: ``"error"``, ``"warning"`` or ``"info"``;
- a docstring: what it checks, why it matters, a failing and a passing example, its options;
- ``OPTIONS`` (optional): option names and their defaults; ``ENABLED`` (optional, default
  true): whether the check runs when the configuration does not select it by name;
- ``check(record, options)``: yields `Problem` objects for one record; and/or, for a check that
  needs every record of the run, ``summarize(record, options)`` returning a small summary and
  ``reduce(summaries, options)`` yielding ``(ref, Problem)`` pairs, where ``summaries`` is a
  list of ``(ref, summary)`` and ``ref`` is the record reference the summary came with.
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from lintrials.context import Context
from lintrials.findings import SEVERITIES, Problem
from lintrials.model import Record

GROUP = "lintrials.checks"
_CODE = re.compile(r"^[A-Z]{1,3}[0-9]{3}$")
_NAME = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")


class PluginError(Exception):
    pass


class Options(dict[str, Any]):
    """A check's options, plus the run's settings every check may read (``today``)."""

    today: date


@dataclass
class Check:
    code: str
    name: str
    severity: str
    doc: str
    options: dict[str, Any]
    enabled: bool
    check: Callable[[Record, Context], Iterable[Problem]] | None
    summarize: Callable[[Record, Context], Any] | None = None
    reduce: Callable[[list[tuple[Any, Any]], Context], Iterable[tuple[Any, Problem]]] | None = None
    origin: str = ""
    version: str = ""
    fixable: bool = False
    aliases: list[str] = field(default_factory=list)

    @property
    def summary(self) -> str:
        """The first line of the documentation."""
        return self.doc.strip().splitlines()[0] if self.doc.strip() else ""


def check_from_object(obj: Any, origin: str = "") -> Check:
    """Validate a plugin object and describe it as a `Check`."""
    code = getattr(obj, "CODE", None)
    name = getattr(obj, "NAME", None)
    severity = getattr(obj, "SEVERITY", None)
    if not isinstance(code, str) or not _CODE.match(code):
        raise PluginError(
            f"{origin}: CODE must be letters and three digits, like 'E101' (got {code!r})"
        )
    if not isinstance(name, str) or not _NAME.match(name):
        raise PluginError(
            f"{origin}: NAME must be kebab-case, like 'age-limit-mismatch' (got {name!r})"
        )
    if severity not in SEVERITIES:
        raise PluginError(
            f"{origin}: SEVERITY must be one of {', '.join(SEVERITIES)} (got {severity!r})"
        )
    check = getattr(obj, "check", None)
    summarize = getattr(obj, "summarize", None)
    reduce = getattr(obj, "reduce", None)
    if check is None and (summarize is None or reduce is None):
        raise PluginError(f"{origin}: a check needs check(), or summarize() and reduce()")
    options = getattr(obj, "OPTIONS", {}) or {}
    if not isinstance(options, dict):
        raise PluginError(f"{origin}: OPTIONS must be a mapping of option names to defaults")
    return Check(
        code=code,
        name=name,
        severity=severity,
        doc=inspect.cleandoc(obj.__doc__ or ""),
        options=dict(options),
        enabled=bool(getattr(obj, "ENABLED", True)),
        check=check,
        summarize=summarize,
        reduce=reduce,
        origin=origin,
        version=str(getattr(obj, "VERSION", "1")),
        fixable=bool(getattr(obj, "FIXABLE", False)),
    )


def discover() -> tuple[list[Check], list[str]]:
    """Every registered check, sorted by code, and the errors of plugins that failed to load."""
    from importlib.metadata import entry_points

    checks: list[Check] = []
    errors: list[str] = []
    seen: dict[str, str] = {}
    for entry in entry_points(group=GROUP):
        origin = f"{entry.name} ({entry.value})"
        try:
            loaded = check_from_object(entry.load(), origin)
        except PluginError as error:
            errors.append(str(error))
            continue
        except Exception as error:  # a broken plugin must not stop the others
            errors.append(f"{origin}: failed to load: {type(error).__name__}: {error}")
            continue
        if seen.get(loaded.code) == origin:
            continue  # the same distribution seen twice on sys.path
        taken = [key for key in (loaded.code, loaded.name) if key in seen]
        if taken:
            errors.append(f"{origin}: {taken[0]} is already taken by {seen[taken[0]]}")
            continue
        seen[loaded.code] = seen[loaded.name] = origin
        checks.append(loaded)
    checks.sort(key=lambda c: c.code)
    return checks, errors
