"""A cache of each file's findings, so a second run over unchanged files is quick.

An entry is keyed by the file's bytes, its path, the lintrials version, the checks and their
versions, and every setting that can change a finding (the run date among them). Entries are
plain JSON, never pickles, so a cache folder from elsewhere cannot run code; an entry that
does not read back exactly (corrupted, truncated, from another version) is ignored, removed,
and rebuilt.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lintrials import __version__
from lintrials.files import JSON_LINES_SUFFIXES, MAX_FILE_BYTES, write_atomic
from lintrials.findings import Edit, Finding, FixEdits, RelatedLocation
from lintrials.results import RunResult

if TYPE_CHECKING:
    from lintrials.config import Config
    from lintrials.plugins import Check

FOLDER = ".lintrials_cache"
FORMAT = 2  # bump when the entry layout changes


def _code_digest(checks: Iterable[Check]) -> str:
    """lintrials' own code and every check's module: an edited check never reuses entries."""
    package = Path(__file__).parent
    modules = {sys.modules.get(getattr(c.check or c.summarize, "__module__", "")) for c in checks}
    paths = sorted(package.rglob("*.py")) + sorted(
        Path(m.__file__) for m in modules if m is not None and m.__file__)
    digest = hashlib.sha256()
    for path in paths:
        try:
            digest.update(path.read_bytes())
        except OSError:
            digest.update(str(path).encode())
    return digest.hexdigest()


def settings_fingerprint(config: Config, checks: Iterable[Check]) -> str:
    """Everything besides the file that decides its findings."""
    checks = list(checks)
    settings = {
        "format": FORMAT,
        "lintrials": __version__,
        "checks": sorted((c.code, c.name, c.version, c.origin) for c in checks),
        "code": _code_digest(checks),
        "select": config.select, "extend": config.extend_select, "ignore": config.ignore,
        "severities": config.severities, "options": config.options,
        "per_file": config.per_file_ignores, "per_record": config.per_record_ignores,
        "today": config.today.isoformat(),
    }
    return hashlib.sha256(json.dumps(settings, sort_keys=True, default=str).encode()).hexdigest()


class Cache:
    def __init__(self, folder: Path, settings: str, modules: Iterable[str] = ()) -> None:
        self.folder = folder
        self.settings = settings
        # Modules whose named tuples a summary may hold: the checks' own, nothing else.
        self.modules = frozenset(modules)

    def key(self, path: str) -> tuple[str, bytes | None] | None:
        """The entry key for a regular file, and its bytes (None for a file read a part at a
        time, whose bytes are hashed a block at a time); None for anything else."""
        digest = hashlib.sha256(self.settings.encode())
        digest.update(path.encode("utf-8", "surrogateescape") + b"\0")
        data = None
        try:
            status = os.stat(path)
            if not stat.S_ISREG(status.st_mode):
                return None
            if path.lower().endswith(JSON_LINES_SUFFIXES) or status.st_size > MAX_FILE_BYTES:
                with open(path, "rb") as handle:
                    for block in iter(lambda: handle.read(1 << 20), b""):
                        digest.update(block)
            else:
                data = Path(path).read_bytes()
                digest.update(data)
        except OSError:
            return None
        return digest.hexdigest(), data

    def _entry(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"

    def get(self, key: str) -> RunResult | None:
        entry = self._entry(key)
        try:
            data = json.loads(entry.read_bytes())
            if data.get("key") != key:
                raise ValueError("an entry of another key")
            return _decode_result(data, self.modules)
        except FileNotFoundError:
            return None
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            entry.unlink(missing_ok=True)  # never trusted: rebuilt on this run
            return None

    def put(self, key: str, result: RunResult) -> None:
        entry = self._entry(key)
        try:
            entry.parent.mkdir(parents=True, exist_ok=True)
            tag = self.folder / "CACHEDIR.TAG"
            if not tag.exists():  # backup tools skip the folder, and git ignores it
                tag.write_text("Signature: 8a477f597d28d172789f06886806bc55\n"
                               "# lintrials cache: safe to delete.\n")
                (self.folder / ".gitignore").write_text("# made by lintrials\n*\n")
            write_atomic(entry, json.dumps(_encode_result(key, result)).encode())
        except OSError:
            pass  # a read-only tree is checked without a cache
        except TypeError:
            pass  # a plugin's summary that is not plain data: that file is not cached


def _encode_result(key: str, result: RunResult) -> dict[str, Any]:
    return {
        "key": key,
        "files": result.files,
        "records": result.records,
        "check_failures": result.check_failures,
        "record_ids": sorted(result.record_ids),
        "findings": [f.as_dict() for f in result.findings],
        "notes": result.notes,
        "summaries": {code: [[list(ref), _tag(summary)] for ref, summary in items]
                      for code, items in result.summaries.items()},
    }


def _decode_result(data: dict[str, Any], modules: frozenset[str]) -> RunResult:
    result = RunResult(
        files=int(data["files"]), records=int(data["records"]),
        check_failures=int(data["check_failures"]), record_ids=set(data["record_ids"]),
        findings=[_finding(d) for d in data["findings"]],
        notes=[str(note) for note in data["notes"]],
    )
    for code, items in data["summaries"].items():
        result.summaries[code] = [((str(ref[0]), int(ref[1])), _untag(summary, modules))
                                  for ref, summary in items]
    return result


def _finding(d: dict[str, Any]) -> Finding:
    fix = d["fix"]
    return Finding(
        code=d["code"], name=d["name"], severity=d["severity"], message=d["message"],
        path=d["path"], line=d["line"], column=d["column"], end_line=d["end_line"],
        end_column=d["end_column"], record=d["record"], field=d["field"], pointer=d["pointer"],
        related=[RelatedLocation(**r) for r in d["related"]],
        fix=FixEdits(fix["description"], fix["safe"], tuple(Edit(**e) for e in fix["edits"]))
        if fix else None,
    )


# Summaries of whole-run checks are plain data; tuples and sets are tagged to come back as such.

def _tag(value: Any) -> Any:
    if isinstance(value, tuple):
        kind = type(value)
        if hasattr(kind, "_fields"):  # a named tuple of the check's own
            return {"n": f"{kind.__module__}:{kind.__qualname__}", "t": [_tag(v) for v in value]}
        return {"t": [_tag(v) for v in value]}
    if isinstance(value, (set, frozenset)):
        return {"s": sorted((_tag(v) for v in value), key=repr),
                "f": isinstance(value, frozenset)}
    if isinstance(value, list):
        return [_tag(v) for v in value]
    if isinstance(value, dict):
        return {"d": [[_tag(k), _tag(v)] for k, v in value.items()]}
    if isinstance(value, bytes):
        return {"b": value.hex()}
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    raise TypeError(f"a summary holds {type(value).__name__}, which is not plain data")


def _untag(value: Any, modules: frozenset[str]) -> Any:
    if isinstance(value, list):
        return [_untag(v, modules) for v in value]
    if isinstance(value, dict):
        if "t" in value:
            items = tuple(_untag(v, modules) for v in value["t"])
            return _named_tuple(value["n"], modules)(*items) if "n" in value else items
        if "b" in value:
            return bytes.fromhex(value["b"])
        if "s" in value:
            members = [_untag(v, modules) for v in value["s"]]
            return frozenset(members) if value["f"] else set(members)
        return {_untag(k, modules): _untag(v, modules) for k, v in value["d"]}
    return value


def _named_tuple(name: str, modules: frozenset[str]) -> Any:
    module_name, _, qualname = name.partition(":")
    module = sys.modules.get(module_name) if module_name in modules else None
    kind = getattr(module, qualname, None) if module is not None else None
    if not (isinstance(kind, type) and issubclass(kind, tuple) and hasattr(kind, "_fields")):
        raise ValueError(f"a summary type lintrials does not know: {name}")
    return kind
