"""Configuration: the documented defaults in ``config.yaml``, and the user's file on top.

The user's file is ``--config FILE``, else the first of ``.lintrials.yaml``, ``lintrials.yaml``
or a ``pyproject.toml`` with ``[tool.lintrials]`` in the current folder or a parent. YAML is read
with the safe loader, and only plain tags are accepted: a ``!!python/object`` or any custom tag
is an error, never constructed. Aliases that expand a small file into a huge one (a "billion
laughs" of anchors), an alias inside itself, and nesting past a few hundred levels are errors
too. Any unknown key or bad value is an error that names the file, the line and the key.
"""

from __future__ import annotations

import fnmatch
import math
import sys
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from lintrials.findings import SEVERITIES
from lintrials.plugins import Check, describe_option_type, option_type_matches
from lintrials.rules import Rule

TOP_KEYS = (
    "select",
    "extend-select",
    "ignore",
    "fail-on",
    "exclude",
    "per-file-ignores",
    "per-record-ignores",
    "suppressions",
    "record-time-limit",
    "checks",
)
CONFIG_NAMES = (".lintrials.yaml", "lintrials.yaml")


class ConfigError(Exception):
    pass


@dataclass
class Config:
    select: list[str] | None = None  # None: every check enabled by default
    extend_select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    fail_on: str = "warning"
    exclude: list[str] = field(default_factory=list)
    per_file_ignores: dict[str, list[str]] = field(default_factory=dict)
    per_record_ignores: dict[str, list[str]] = field(default_factory=dict)
    severities: dict[str, str] = field(default_factory=dict)  # check code -> severity
    options: dict[str, dict[str, Any]] = field(default_factory=dict)  # check code -> options
    suppressions: Path | None = None  # the suppression file, if any
    suppressions_named_at: str = ""  # "file:line: suppressions" where the configuration names it
    record_time_limit: float = 60.0  # CPU seconds all checks may take on one record; 0: none
    files: list[str] = field(default_factory=list)  # the files this was read from
    follow_outside_links: bool = False  # read links in folders that lead outside the paths
    today: date = field(default_factory=date.today)


def matches(selector: str, check: Rule) -> bool:
    """A selector names a check by code, name, or code prefix (``E``, ``E1``); ``ALL`` is all."""
    return (
        selector in ("ALL", check.name)
        or check.code.startswith(selector)
        or selector in check.aliases
    )


def selected(config: Config, check: Rule) -> bool:
    if config.select is None:
        chosen = check.enabled
    else:
        chosen = any(matches(s, check) for s in config.select)
    chosen = chosen or any(matches(s, check) for s in config.extend_select)
    return chosen and not any(matches(s, check) for s in config.ignore)


def ignored_for(config: Config, check: Rule, path: str, record_id: str | None) -> bool:
    for pattern, selectors in config.per_file_ignores.items():
        if _glob_match(path, pattern) and any(matches(s, check) for s in selectors):
            return True
    if record_id and record_id in config.per_record_ignores:
        return any(matches(s, check) for s in config.per_record_ignores[record_id])
    return False


def excluded(config: Config, path: str) -> bool:
    return any(_glob_match(path, pattern) for pattern in config.exclude)


def _glob_match(path: str, pattern: str) -> bool:
    path = path.replace("\\", "/")
    return fnmatch.fnmatch(path, pattern) or fnmatch.fnmatch(Path(path).name, pattern)


# Reading YAML with the line of every key.


class _Located:
    """Parsed data and the line of each key, so errors can name where they are."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.lines: dict[tuple[str, ...], int] = {}

    def error(self, where: tuple[str, ...], message: str) -> ConfigError:
        line = self.lines.get(where)
        for cut in range(len(where), 0, -1):
            if line is not None:
                break
            line = self.lines.get(where[:cut])
        prefix = f"{self.name}:{line}" if line else self.name
        key = ".".join(where)
        return ConfigError(f"{prefix}: {key}: {message}" if key else f"{prefix}: {message}")


_PLAIN_TAGS = frozenset(
    f"tag:yaml.org,2002:{kind}"
    for kind in ("str", "int", "float", "bool", "null", "map", "seq", "timestamp")
)


# These bound what a hostile file can make us build: a configuration is a few hundred values,
# a suppression file that lintrials wrote holds several for each entry, so the bound on values
# grows with the text (a value takes at least a character, unless aliases repeat anchors).
MAX_YAML_VALUES = 100_000
MAX_YAML_DEPTH = 100


def _shallow(text: str, loader: Any) -> bool:
    """Whether ``text`` is YAML nested at most `MAX_YAML_DEPTH` deep (libyaml's parser, which
    does not recurse, tells; its composer does, so only a shallow text may be given to it)."""
    depth = 0
    try:
        for event in yaml.parse(text, Loader=loader):
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_YAML_DEPTH:
                    return False
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.YAMLError:
        return False  # the pure-Python parser says what is wrong, and where
    return True


def load_yaml(name: str, text: str, built_in: bool = False) -> tuple[Any, _Located]:
    located = _Located(name)
    # libyaml composes ten times faster (50 ms of every start-up for the built-in configuration,
    # seconds for a large suppression file); a text that is not plainly shallow, valid YAML goes
    # through the pure-Python composer, which fails cleanly on deep nesting.
    fast = getattr(yaml, "CSafeLoader", None)
    composer = fast if fast is not None and (built_in or _shallow(text, fast)) else yaml.SafeLoader
    max_values = max(MAX_YAML_VALUES, len(text))
    try:
        node = yaml.compose(text, Loader=composer)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"{name}:{mark.line + 1}" if mark else name
        raise ConfigError(f"{where}: not valid YAML: {getattr(error, 'problem', error)}") from None
    except RecursionError:  # PyYAML composes nested collections recursively
        raise ConfigError(f"{name}: not valid YAML: nested too deeply") from None
    if node is None:
        return {}, located
    constructor = yaml.SafeLoader("")
    built = 0
    open_nodes: set[int] = set()  # collections being built: an alias to one is a cycle

    def build(node: yaml.Node, where: tuple[str, ...], depth: int = 0) -> Any:
        nonlocal built
        built += 1
        line = node.start_mark.line + 1
        if built > max_values:
            raise ConfigError(
                f"{name}:{line}: over {max_values:,} values (aliases repeating anchors?) "
                f"in {len(text):,} characters"
            )
        if depth > MAX_YAML_DEPTH or id(node) in open_nodes:
            raise ConfigError(f"{name}:{line}: nested too deeply, or an alias inside itself")
        if node.tag not in _PLAIN_TAGS:
            raise ConfigError(
                f"{name}:{line}: the tag {node.tag} is not allowed "
                "(configuration is plain YAML: no Python or custom tags)"
            )
        if isinstance(node, (yaml.MappingNode, yaml.SequenceNode)):
            open_nodes.add(id(node))
            try:
                return build_collection(node, where, depth + 1)
            finally:
                open_nodes.discard(id(node))
        try:
            return constructor.construct_object(node, deep=True)
        except yaml.YAMLError as error:
            raise ConfigError(f"{name}:{line}: {error}") from None

    def build_collection(node: yaml.Node, where: tuple[str, ...], depth: int) -> Any:
        if isinstance(node, yaml.MappingNode):
            data: dict[str, Any] = {}
            for key_node, value_node in node.value:
                key = str(build(key_node, where, depth))
                first = located.lines.get((*where, key))
                located.lines[(*where, key)] = key_node.start_mark.line + 1
                if key in data:
                    raise located.error((*where, key), f"duplicate key (first at line {first}): "
                                                       "a key may be given once")
                data[key] = build(value_node, (*where, key), depth)
            return data
        return [build(item, where, depth) for item in node.value]

    return build(node, ()), located


def _load_toml_table(path: Path) -> tuple[Any, _Located] | None:
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - Python 3.10
        import tomli as tomllib
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: cannot read: {error}") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: not valid TOML: {error}") from None
    except RecursionError:  # tomllib reads nested arrays and inline tables recursively
        raise ConfigError(f"{path}: not valid TOML: nested too deeply") from None
    tool = data.get("tool")
    table = tool.get("lintrials") if isinstance(tool, dict) else None
    if table is None:
        return None
    located = _Located(str(path))
    # TOML parsers keep no positions: find each key's line by its text, which is enough to
    # point a person at the right place in a short table.
    lines = text.splitlines()
    start = next(
        (i for i, line in enumerate(lines) if line.strip().startswith("[tool.lintrials")), 0
    )

    def mark(data: Any, where: tuple[str, ...]) -> None:
        if isinstance(data, dict):
            for key, value in data.items():
                for i in range(start, len(lines)):
                    stripped = lines[i].strip().strip('"')
                    if stripped.startswith((key, f'"{key}"')) or f".{key}]" in lines[i]:
                        located.lines[(*where, key)] = i + 1
                        break
                mark(value, (*where, key))

    mark(table, ())
    return table, located


def find_user_config(start: Path) -> Path | None:
    for folder in (start, *start.parents):
        for name in CONFIG_NAMES:
            if (folder / name).is_file():
                return folder / name
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file() and "[tool.lintrials" in pyproject.read_text(
            encoding="utf-8", errors="replace"
        ):
            return pyproject
    return None


def default_config_text() -> str:
    from importlib.resources import files

    return (files("lintrials") / "config.yaml").read_text(encoding="utf-8")


def load(checks: list[Rule], path: Path | None = None, search_from: Path | None = None) -> Config:
    """The defaults from config.yaml, then the user's file over them."""
    config = Config()
    data, located = load_yaml("config.yaml (built in)", default_config_text(), built_in=True)
    _apply(config, data, located, checks, built_in=True)
    # The built-in severities are each check's own (a test holds them equal); only a user's
    # setting may override the severity a check gives one problem.
    config.severities.clear()
    user = path or find_user_config(search_from or Path.cwd())
    if user is None:
        return config
    if not user.is_file():
        raise ConfigError(f"{user}: no such configuration file")
    if user.suffix == ".toml":
        loaded = _load_toml_table(user)
        if loaded is None:
            raise ConfigError(f"{user}: has no [tool.lintrials] table")
        data, located = loaded
    else:
        try:
            text = user.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise ConfigError(f"{user}: cannot read: {error}") from None
        data, located = load_yaml(str(user), text)
    _apply(config, data, located, checks)
    config.files.append(str(user))
    return config


def _selectors(
    value: Any, located: _Located, where: tuple[str, ...], checks: list[Rule]
) -> list[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise located.error(where, "expected a list of check codes, names or code prefixes")
    for selector in value:
        if not any(matches(selector, c) for c in checks):
            raise located.error(where, f"{selector!r} names no check (see `lintrials rules`)")
    return value


def _apply(
    config: Config, data: Any, located: _Located, checks: list[Rule], built_in: bool = False
) -> None:
    if not isinstance(data, dict):
        raise located.error((), "the configuration must be a mapping of keys to values")
    by_key = {c.name: c for c in checks} | {c.code: c for c in checks}
    for key, value in data.items():
        where = (key,)
        if key not in TOP_KEYS:
            raise located.error(where, f"unknown key (expected one of: {', '.join(TOP_KEYS)})")
        if key == "select":
            config.select = _selectors(value, located, where, checks)
        elif key == "extend-select":
            config.extend_select = _selectors(value, located, where, checks)
        elif key == "ignore":
            config.ignore = _selectors(value, located, where, checks)
        elif key == "fail-on":
            if value not in SEVERITIES:
                raise located.error(
                    where, f"expected one of {', '.join(SEVERITIES)}, got {value!r}"
                )
            config.fail_on = value
        elif key == "exclude":
            if isinstance(value, str):
                value = [value]
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise located.error(where, "expected a list of file globs")
            config.exclude = value
        elif key in ("per-file-ignores", "per-record-ignores"):
            if not isinstance(value, dict):
                raise located.error(where, "expected a mapping of a glob or record ID to checks")
            table = {
                str(k): _selectors(v, located, (*where, str(k)), checks) for k, v in value.items()
            }
            if key == "per-file-ignores":
                config.per_file_ignores = table
            else:
                config.per_record_ignores = table
        elif key == "record-time-limit":
            if (isinstance(value, bool) or not isinstance(value, (int, float))
                    or not math.isfinite(value) or value < 0):
                raise located.error(
                    where, f"expected a finite number of seconds (0 for none), got {value!r}")
            config.record_time_limit = float(value)
        elif key == "suppressions":
            if value is not None and not isinstance(value, str):
                raise located.error(where, "expected the path of a suppression file")
            base = Path(located.name).parent if located.name.endswith(
                (".yaml", ".yml", ".toml")) else Path()
            config.suppressions = base / value if value else None
            config.suppressions_named_at = str(located.error(where, "")).removesuffix(": ")
        elif key == "checks":
            if not isinstance(value, dict):
                raise located.error(where, "expected a mapping of check names to settings")
            for check_key, settings in value.items():
                here = (*where, str(check_key))
                check = by_key.get(str(check_key))
                if check is None and built_in:
                    continue  # a built-in that failed to load: reported already (X001)
                if check is None:
                    raise located.error(here, "no such check (see `lintrials rules`)")
                _apply_check(config, check, settings, located, here)


def _apply_check(
    config: Config, check: Rule, settings: Any, located: _Located, where: tuple[str, ...]
) -> None:
    if settings is None:
        return
    if not isinstance(settings, dict):
        raise located.error(where, "expected a mapping of settings")
    options = config.options.setdefault(check.code, dict(check.options))
    for key, value in settings.items():
        here = (*where, key)
        if key == "severity":
            if value not in SEVERITIES:
                raise located.error(here, f"expected one of {', '.join(SEVERITIES)}, got {value!r}")
            config.severities[check.code] = value
        elif key in check.options and isinstance(check, Check):  # engine rules have none
            hint = check.option_types[key]
            if not option_type_matches(hint, value):
                raise located.error(
                    here, f"expected {describe_option_type(hint)}, "
                    f"got {type(value).__name__} {value!r}"
                )
            problem = check.option_problem(key, value)
            if problem is not None:
                raise located.error(here, problem)
            options[key] = value
        else:
            known = ", ".join(["severity", *check.options]) or "severity"
            raise located.error(here, f"unknown option for {check.name} (expected one of: {known})")

