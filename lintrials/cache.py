"""A cache of each file's findings, so a second run over unchanged files is quick.

An entry is keyed by the file's bytes, its path, the lintrials version, the checks and their
versions, and every setting that can change a finding (the run date among them). The folder
sits in the checked tree, where anyone who can commit can put files, so nothing in it is
trusted:

- each entry carries an HMAC-SHA256 of its key and content, made with a random secret that
  lives outside the tree (``$XDG_CACHE_HOME/lintrials/key``, mode 0600, created on first use).
  An entry made elsewhere, copied from another key or edited is ignored, removed and rebuilt;
- the folder is opened without following a link, and every entry, sub-folder and temporary
  file relative to it: a link, FIFO, device or folder where an entry should be is never
  opened, only removed; an entry over `MAX_ENTRY_BYTES` is not read;
- everything is written by a temporary file in the folder and a rename, so nothing outside
  the folder is written (a link named ``.gitignore`` is replaced, never followed);
- entries are plain JSON, never pickles, and every finding in one names the file it was made
  for; a result with a check failure (a timeout among them) is never kept;
- ``--fix`` never acts on an entry: fixes are made again from the file's bytes (`fixer`).
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import os
import secrets
import stat
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lintrials import __version__
from lintrials.files import JSON_LINES_SUFFIXES, MAX_FILE_BYTES, ZIP_MEMBER_SEPARATOR
from lintrials.findings import Edit, Finding, FixEdits, RelatedLocation
from lintrials.results import RunResult
from lintrials.rules import CHECK_FAILED

if TYPE_CHECKING:
    from lintrials.config import Config
    from lintrials.plugins import Check

FOLDER = ".lintrials_cache"
FORMAT = 4  # bump when the entry layout changes
MAX_ENTRY_BYTES = 8 * 1024 * 1024  # a larger entry is neither written nor read
TAG = b"Signature: 8a477f597d28d172789f06886806bc55\n# lintrials cache: safe to delete.\n"
_MAC_CHARS = 64  # an entry: the hex HMAC, a newline, the JSON
_DIR = os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW
_READ = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK
_CREATE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW


class CacheUnavailable(Exception):
    """Why this run goes without the cache."""


def key_file() -> Path:
    """The secret's file: in the user's cache directory, never in a checked tree."""
    base = os.environ.get("XDG_CACHE_HOME", "")
    return (Path(base) if os.path.isabs(base) else Path.home() / ".cache") / "lintrials" / "key"


def secret(path: Path) -> bytes:
    """The user's secret, made on first use; `CacheUnavailable` if it cannot be had safely."""
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        try:
            return _read_secret(path)
        except FileNotFoundError:
            pass
        temporary = path.parent / f".key.{secrets.token_hex(8)}"
        fd = os.open(temporary, _CREATE, 0o600)
        try:
            os.write(fd, secrets.token_hex(32).encode() + b"\n")
            os.close(fd)
            os.link(temporary, path)  # never replaces a key another process made meanwhile
        except FileExistsError:
            pass
        finally:
            temporary.unlink(missing_ok=True)
        return _read_secret(path)
    except OSError as error:
        raise CacheUnavailable(f"cannot keep its key {path}: {error.strerror or error}") from None


def _read_secret(path: Path) -> bytes:
    fd = os.open(path, _READ)
    try:
        status = os.fstat(fd)
        if not stat.S_ISREG(status.st_mode) or status.st_uid != os.geteuid():
            raise CacheUnavailable(f"its key {path} is not a file of this user")
        if status.st_mode & 0o077:
            raise CacheUnavailable(f"its key {path} can be read by others (chmod 600 it)")
        text = os.read(fd, 100).strip()
    finally:
        os.close(fd)
    if len(text) != 64:
        raise CacheUnavailable(f"its key {path} is damaged (delete it to make a new one)")
    return text


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
    def __init__(self, folder: Path, settings: str, secret: bytes,
                 modules: Iterable[str] = ()) -> None:
        self.folder = folder
        self.settings = settings
        self.secret = secret
        # Modules whose named tuples a summary may hold: the checks' own, nothing else.
        self.modules = frozenset(modules)
        self.tagged = False  # CACHEDIR.TAG and .gitignore are in place

    @classmethod
    def open(cls, folder: Path, settings: str, modules: Iterable[str] = ()) -> Cache:
        """The cache in ``folder``, or `CacheUnavailable` saying why there is none."""
        if os.open not in os.supports_dir_fd:
            raise CacheUnavailable("this system cannot open files relative to a folder")
        try:
            status = os.lstat(folder)
            if not stat.S_ISDIR(status.st_mode):
                raise CacheUnavailable(f"{folder} is not a folder (a link or a file)")
        except FileNotFoundError:
            pass  # made on the first entry
        except OSError as error:
            raise CacheUnavailable(f"{folder}: {error.strerror or error}") from None
        return cls(folder, settings, secret(key_file()), modules)

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

    def _mac(self, key: str, body: bytes) -> bytes:
        return hmac.new(self.secret, key.encode() + b"\0" + body, hashlib.sha256).hexdigest(
            ).encode()

    def get(self, key: str, path: str) -> RunResult | None:
        """The result kept for ``key`` (of the file ``path``), if this user's key made it."""
        try:
            folder = os.open(self.folder, _DIR)
        except OSError:
            return None
        try:
            sub = os.open(key[:2], _DIR, dir_fd=folder)
        except OSError:
            os.close(folder)
            return None
        try:
            data = _read_entry(f"{key}.json", sub)
            if data is None:
                return None
            mac, _, body = data.partition(b"\n")
            if not hmac.compare_digest(mac, self._mac(key, body)):
                raise ValueError("not made with this user's key")
            return _decode_result(json.loads(body), path, self.modules)
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            _remove(f"{key}.json", sub)  # never trusted: rebuilt on this run
            return None
        finally:
            os.close(sub)
            os.close(folder)

    def put(self, key: str, result: RunResult) -> None:
        """Keep a result, unless a check failed (or ran out of time) on the file."""
        if result.check_failures or any(f.code == CHECK_FAILED.code for f in result.findings):
            return
        try:
            body = json.dumps(_encode_result(result)).encode()
        except TypeError:
            return  # a plugin's summary that is not plain data: that file is not cached
        data = self._mac(key, body) + b"\n" + body
        if len(data) > MAX_ENTRY_BYTES:
            return
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            folder = os.open(self.folder, _DIR)
        except OSError:
            return  # a read-only tree is checked without a cache
        try:
            if not self.tagged:  # backup tools skip the folder, and git ignores it
                _write(folder, "CACHEDIR.TAG", TAG)
                _write(folder, ".gitignore", b"# made by lintrials\n*\n")
                self.tagged = True
            sub = _subfolder(folder, key[:2])
            try:
                _write(sub, f"{key}.json", data)
            finally:
                os.close(sub)
        except OSError:
            pass
        finally:
            os.close(folder)


def _read_entry(name: str, folder: int) -> bytes | None:
    """An entry's bytes; None if there is none; ValueError for anything not a small file."""
    try:
        if not stat.S_ISREG(os.stat(name, dir_fd=folder, follow_symlinks=False).st_mode):
            raise ValueError("not a regular file")
    except FileNotFoundError:
        return None
    fd = os.open(name, _READ, dir_fd=folder)  # (a FIFO swapped in meanwhile cannot block)
    try:
        status = os.fstat(fd)
        if not stat.S_ISREG(status.st_mode) or status.st_size > MAX_ENTRY_BYTES:
            raise ValueError("not a regular file, or too large")
        chunks, size = [], 0
        while size <= MAX_ENTRY_BYTES and (chunk := os.read(fd, 1 << 20)):
            chunks.append(chunk)
            size += len(chunk)
    finally:
        os.close(fd)
    if size > MAX_ENTRY_BYTES:
        raise ValueError("too large")
    return b"".join(chunks)


def _remove(name: str, folder: int) -> None:
    with contextlib.suppress(OSError):  # (a folder where an entry should be: left, never read)
        os.unlink(name, dir_fd=folder)  # a link itself, never what it points to


def _subfolder(folder: int, name: str) -> int:
    """A sub-folder of the cache, made if missing; a link or file in its place is removed."""
    try:
        return os.open(name, _DIR, dir_fd=folder)
    except FileNotFoundError:
        pass
    except OSError:
        _remove(name, folder)
    with contextlib.suppress(FileExistsError):
        os.mkdir(name, 0o777, dir_fd=folder)
    return os.open(name, _DIR, dir_fd=folder)


def _write(folder: int, name: str, data: bytes) -> None:
    """A whole file in the folder: a temporary file there, then a rename over ``name`` (a
    link of that name is replaced, not followed)."""
    temporary = f".{name}.{secrets.token_hex(8)}.tmp"
    fd = os.open(temporary, _CREATE, 0o600, dir_fd=folder)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        os.replace(temporary, name, src_dir_fd=folder, dst_dir_fd=folder)
    except BaseException:
        _remove(temporary, folder)
        raise


def _encode_result(result: RunResult) -> dict[str, Any]:
    return {
        "files": result.files,
        "records": result.records,
        "check_failures": result.check_failures,
        "record_ids": sorted(result.record_ids),
        "findings": [f.as_dict() for f in result.findings],
        "notes": result.notes,
        "summaries": {code: [[list(ref), _tag(summary)] for ref, summary in items]
                      for code, items in result.summaries.items()},
    }


def _decode_result(data: dict[str, Any], path: str, modules: frozenset[str]) -> RunResult:
    def own(name: str) -> str:  # every path in an entry is of its file (or a zip's member)
        if name != path and not name.startswith(path + ZIP_MEMBER_SEPARATOR):
            raise ValueError(f"an entry of another file: {name!r}")
        return name

    result = RunResult(
        files=int(data["files"]), records=int(data["records"]),
        check_failures=int(data["check_failures"]), record_ids=set(data["record_ids"]),
        findings=[_finding(d, own(d["path"])) for d in data["findings"]],
        notes=[str(note) for note in data["notes"]],
    )
    for code, items in data["summaries"].items():
        result.summaries[code] = [((own(str(ref[0])), int(ref[1])), _untag(summary, modules))
                                  for ref, summary in items]
    return result


def _finding(d: dict[str, Any], path: str) -> Finding:
    fix = d["fix"]
    return Finding(
        code=d["code"], name=d["name"], severity=d["severity"], message=d["message"],
        path=path, line=d["line"], column=d["column"], end_line=d["end_line"],
        end_column=d["end_column"], record=d["record"], field=d["field"], pointer=d["pointer"],
        related=[RelatedLocation(**r) for r in d["related"]], identity=d["identity"],
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
