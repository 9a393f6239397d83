"""Finding checks: every check, built-in or third-party, comes through one entry-point group.

A check is a module (or any object) registered under ``lintrials.checks`` with:

- ``CODE`` (``"E101"``) and ``NAME`` (``"age-limit-mismatch"``), both usable wherever a check
  is named; ``SEVERITY``: ``"error"``, ``"warning"`` or ``"info"``;
- a docstring: its documentation, a one-line summary then the sections ``What it finds``,
  ``Why it matters``, ``Fails``, ``Passes``, ``Options`` and ``Fix safety``;
- ``Options`` (optional): a frozen dataclass whose fields are the check's options, each with
  its type and default (``bool``, ``int``, ``float``, ``str``, ``tuple[str, ...]`` ...), the
  one source of its defaults; the configuration's settings are checked against the fields and
  their types. A number must be finite and not negative, unless its field's metadata says
  otherwise: ``field(default=-1, metadata={"min": -1})``, ``metadata={"min": None}`` for
  any, ``metadata={"max": 100}`` for an upper bound too. ``ENABLED`` (optional, default
  true): whether the check runs when the configuration does not select it by name;
- ``check(record, ctx)``: yields `Problem` objects for one record; and/or, for a check that
  needs every record of the run, ``summarize(record, ctx)`` returning a small summary and
  ``reduce(summaries, ctx)`` yielding ``(ref, Problem)`` pairs, where ``summaries`` is a list
  of ``(ref, summary)`` and ``ref`` is the record reference the summary came with.

``ctx`` is a `lintrials.context.Context`: ``ctx.options`` (an instance of ``Options``),
``ctx.today`` (the run date), ``ctx.note(message)`` (tell the user something, once per run)
and ``ctx.analysis`` (the record's analysis every check shares: criteria items, age
statements ...; not in ``reduce``).

Migrating from the older contract, ``check(record, options)`` with an ``OPTIONS`` dict of
defaults: nothing has to change. A check without ``Options`` may keep ``OPTIONS``; its options
are then a plain mapping, checked against the type of each default, and ``ctx`` is itself a
read-only mapping over them with ``.today``, so ``options["word"]``, ``options.get(...)`` and
``options.today`` read what they read before.
"""
from __future__ import annotations

import dataclasses
import inspect
import math
import re
import types
import typing
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from lintrials.context import Context, option_values
from lintrials.findings import SEVERITIES, Problem
from lintrials.model import Record

GROUP = "lintrials.checks"
_CODE = re.compile(r"^[A-Z]{1,3}[0-9]{3}$")
_NAME = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")


class PluginError(Exception):
    pass


@dataclass
class Check:
    code: str
    name: str
    severity: str
    doc: str
    options: dict[str, Any]  # each option's default, as the configuration writes it
    enabled: bool
    check: Callable[[Record, Context], Iterable[Problem]] | None
    summarize: Callable[[Record, Context], Any] | None = None
    reduce: Callable[[list[tuple[Any, Any]], Context], Iterable[tuple[Any, Problem]]] | None = None
    origin: str = ""
    version: str = ""
    fixable: bool = False
    aliases: list[str] = field(default_factory=list)
    option_types: dict[str, Any] = field(default_factory=dict)  # each option's type (a hint)
    options_class: type[Any] | None = None  # the check's Options dataclass; None: a mapping
    # Each numeric option's bounds, from its field's metadata "min" and "max" (None: none).
    option_bounds: dict[str, tuple[float | None, float | None]] = field(default_factory=dict)

    def option_problem(self, key: str, value: Any) -> str | None:
        """Why a value of the option's type is out of its range; None if it is in it."""
        low, high = self.option_bounds.get(key, (0, None))
        for number in value if isinstance(value, (list, tuple)) else [value]:
            if isinstance(number, bool) or not isinstance(number, (int, float)):
                continue
            if not math.isfinite(number):
                return f"expected a finite number, got {number!r}"
            if low is not None and number < low:
                return f"expected a number of at least {low:g}, got {number!r}"
            if high is not None and number > high:
                return f"expected a number of at most {high:g}, got {number!r}"
        return None

    @property
    def summary(self) -> str:
        """The first line of the documentation."""
        return self.doc.strip().splitlines()[0] if self.doc.strip() else ""

    def build_options(self, settings: Mapping[str, Any]) -> Any:
        """The check's options value: its defaults with ``settings`` (from the configuration,
        which checked their names and types) over them; an ``Options`` instance, or a dict for
        a check that declares ``OPTIONS``."""
        values = {**self.options, **settings}
        if self.options_class is None:
            return values
        return self.options_class(
            **{key: _as_option(self.option_types[key], value) for key, value in values.items()})


def option_type_matches(hint: Any, value: Any) -> bool:
    """Whether a configuration value fits an option's type (a bool is never a number)."""
    origin, args = typing.get_origin(hint) or hint, typing.get_args(hint)
    if hint is Any:
        return True
    if origin in (typing.Union, types.UnionType):
        return any(option_type_matches(arg, value) for arg in args)
    if origin is typing.Literal:
        return value in args
    if origin is bool or isinstance(value, bool):
        return origin is bool and isinstance(value, bool)
    if origin is float:
        return isinstance(value, (int, float))
    if origin in (tuple, list):  # YAML and TOML write either as a list
        items = [arg for arg in args if arg is not Ellipsis][:1]
        return isinstance(value, (list, tuple)) and all(
            option_type_matches(item, v) for item in items for v in value)
    return isinstance(value, origin)


def describe_option_type(hint: Any) -> str:
    """An option's type as an error message names it: "int", "a list of str"."""
    origin = typing.get_origin(hint) or hint
    if origin in (tuple, list):
        items = [a for a in typing.get_args(hint) if a is not Ellipsis]
        return f"a list of {describe_option_type(items[0])}" if items else "a list"
    return getattr(hint, "__name__", str(hint))


def _as_option(hint: Any, value: Any) -> Any:
    """A configuration value as its option's type holds it: a list as a tuple, 2 as 2.0."""
    origin = typing.get_origin(hint) or hint
    if origin is tuple and isinstance(value, list):
        return tuple(value)
    if origin is float and isinstance(value, int):
        return float(value)
    return value


def _as_setting(value: Any) -> Any:
    """A default as the configuration writes it: a tuple as a list."""
    return list(value) if isinstance(value, tuple) else value


def _options_of(obj: Any, origin: str) -> tuple[dict[str, Any], dict[str, Any], type[Any] | None]:
    """A check's option defaults, their types, and its Options dataclass (None for OPTIONS)."""
    declared = getattr(obj, "Options", None)
    if declared is None:
        options = getattr(obj, "OPTIONS", {}) or {}
        if not isinstance(options, dict):
            raise PluginError(f"{origin}: OPTIONS must be a mapping of option names to defaults")
        # Typed by their defaults: a number takes an int or a float, None anything.
        hints = {key: Any if value is None else float if type(value) is int else type(value)
                 for key, value in options.items()}
        return dict(options), hints, None
    if not (isinstance(declared, type) and dataclasses.is_dataclass(declared)):
        raise PluginError(f"{origin}: Options must be a dataclass of option names and types")
    try:
        defaults = option_values(declared())
        hints = typing.get_type_hints(declared)
    except Exception as error:
        raise PluginError(f"{origin}: Options needs a default and a type for each option "
                          f"({type(error).__name__}: {error})") from None
    return ({key: _as_setting(value) for key, value in defaults.items()},
            {key: hints[key] for key in defaults}, declared)


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
    options, hints, options_class = _options_of(obj, origin)
    bounds = {f.name: (f.metadata.get("min", 0), f.metadata.get("max"))
              for f in dataclasses.fields(options_class)} if options_class else {}
    return Check(
        code=code,
        name=name,
        severity=severity,
        doc=inspect.cleandoc(obj.__doc__ or ""),
        options=options,
        enabled=bool(getattr(obj, "ENABLED", True)),
        check=check,
        summarize=summarize,
        reduce=reduce,
        origin=origin,
        version=str(getattr(obj, "VERSION", "1")),
        fixable=bool(getattr(obj, "FIXABLE", False)),
        option_types=hints,
        options_class=options_class,
        option_bounds=bounds,
    )


BUILT_IN = "lintrials.checks"  # the package of the built-in checks


def _built_in(entry: Any) -> bool:
    return bool(entry.module == BUILT_IN or entry.module.startswith(f"{BUILT_IN}."))


def _source_tree_entries() -> list[Any]:
    """The built-in checks' entry points as the repository's pyproject.toml registers them, for
    lintrials run from a source checkout that was never installed (``python -m lintrials`` at
    the root): the same registration an install would read from its metadata."""
    import sys
    from importlib.metadata import EntryPoint
    from pathlib import Path

    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - Python 3.10
        import tomli as tomllib
    pyproject = Path(__file__).resolve().parent.parent / "pyproject.toml"
    try:
        project = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]
        registered = project["entry-points"][GROUP]
    except (OSError, KeyError, tomllib.TOMLDecodeError):
        return []
    return [EntryPoint(name, value, GROUP) for name, value in registered.items()
            if isinstance(value, str) and value.startswith(f"{BUILT_IN}.")]


def discover() -> tuple[list[Check], list[str]]:
    """Every registered check, sorted by code, and the errors of plugins that failed to load.

    A plugin fails closed: anything its import raises, ``SystemExit`` included, is an error
    (only ``KeyboardInterrupt`` goes through: it stops the run, which then never exits 0).
    Built-ins (entry points whose module is under ``lintrials.checks``; from pyproject.toml when
    lintrials runs from a source tree with no install) are loaded first, so
    a plugin can never take a built-in's code or name: the built-in keeps it and the plugin's
    clash is an error.
    """
    from importlib.metadata import entry_points

    checks: list[Check] = []
    errors: list[str] = []
    seen: dict[str, str] = {}
    entries = list(entry_points(group=GROUP))
    if not any(_built_in(entry) for entry in entries):  # a source tree, not installed
        entries += _source_tree_entries()
    entries.sort(key=lambda entry: not _built_in(entry))
    for entry in entries:
        origin = f"{entry.name} ({entry.value})"
        try:
            loaded = check_from_object(entry.load(), origin)
        except PluginError as error:
            errors.append(str(error))
            continue
        except KeyboardInterrupt:
            raise
        except BaseException as error:  # a broken plugin must not stop the others
            errors.append(f"{origin}: failed to load: {type(error).__name__}: {error}")
            continue
        if seen.get(loaded.code) == origin:
            continue  # the same distribution seen twice on sys.path
        taken = [key for key in (loaded.code, loaded.name) if key in seen]
        if taken:
            errors.append(f"{origin}: {taken[0]} is already taken by {seen[taken[0]]}; "
                          "not loaded")
            continue
        seen[loaded.code] = seen[loaded.name] = origin
        checks.append(loaded)
    checks.sort(key=lambda c: c.code)
    return checks, errors
