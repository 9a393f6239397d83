"""Which files a run reads, and reading them into `Source` objects.

Folders are walked recursively (hidden folders and files are skipped; links to folders are not
followed, so a link loop cannot trap the walk) and only files with a registry-export ending are
taken. A file named on the command line is always read, whatever its ending. A ``.zip`` archive
is read in memory, member by member; nothing is ever extracted to disk.
"""

from __future__ import annotations

import os
import stat
import tempfile
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from lintrials.source import DecodeProblem, Source, decode

EXPORT_SUFFIXES = (".json", ".jsonl", ".ndjson", ".xml", ".txt", ".zip")
ZIP_MEMBER_SEPARATOR = "!"
MAX_MEMBER_BYTES = 512 * 1024 * 1024  # a larger member is reported, not inflated


@dataclass
class ReadProblem:
    """A file that could not be read as text, and where the trouble is, when known."""

    path: str
    message: str
    line: int = 1
    column: int = 1


def discover(paths: list[str]) -> Iterator[str]:
    """Files to read, in a stable order: named files as given, folders walked sorted."""
    for given in paths:
        if given == "-" or not os.path.isdir(given):
            yield given
            continue
        for folder, dirs, names in os.walk(given):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in sorted(names):
                if not name.startswith(".") and name.lower().endswith(EXPORT_SUFFIXES):
                    yield os.path.join(folder, name)


def read(path: str, data: bytes | None = None) -> Iterator[Source | ReadProblem]:
    """The sources in one file: the file itself, or each member of a zip archive."""
    if data is None:
        try:
            mode = os.stat(path).st_mode
            if not stat.S_ISREG(mode):
                yield ReadProblem(path, "not a regular file (a device, FIFO or socket); skipped")
                return
            data = Path(path).read_bytes()
        except FileNotFoundError:
            yield ReadProblem(path, "no such file")
            return
        except OSError as error:
            yield ReadProblem(path, f"cannot read: {error.strerror or error}")
            return
    if data.startswith(b"PK\x03\x04") or (path.lower().endswith(".zip") and data[:2] == b"PK"):
        yield from _read_zip(path, data)
        return
    yield _source(path, data)


def _source(path: str, data: bytes) -> Source | ReadProblem:
    try:
        text, encoding = decode(data)
    except DecodeProblem as problem:
        return ReadProblem(path, str(problem), *_line_col(data[: problem.offset]))
    if "\x00" in text:
        return ReadProblem(
            path,
            "binary file (holds NUL bytes), not a registry export",
            *Source.from_text(path, text).line_col(text.index("\x00")),
        )
    return Source.from_text(path, text, encoding)


def _line_col(before: bytes) -> tuple[int, int]:
    """Line and column just after ``before``, the bytes that decoded cleanly."""
    text = Source.from_text("", before.decode("utf-8", errors="replace")).text
    return text.count("\n") + 1, len(text) - (text.rfind("\n") + 1) + 1


def _read_zip(path: str, data: bytes) -> Iterator[Source | ReadProblem]:
    import io

    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError) as error:
        yield ReadProblem(path, f"not a readable zip archive: {error}")
        return
    for member in sorted(members, key=lambda m: m.filename):
        name = f"{path}{ZIP_MEMBER_SEPARATOR}{member.filename}"
        if member.is_dir() or not member.filename.lower().endswith(EXPORT_SUFFIXES[:-1]):
            continue
        if member.file_size > MAX_MEMBER_BYTES:
            yield ReadProblem(
                name,
                f"archive member inflates to {member.file_size} bytes, over "
                f"the {MAX_MEMBER_BYTES} byte limit; not read",
            )
            continue
        try:
            with archive.open(member) as handle:
                content = handle.read(MAX_MEMBER_BYTES + 1)
        except (zipfile.BadZipFile, OSError, RuntimeError, NotImplementedError, EOFError) as error:
            yield ReadProblem(name, f"cannot read archive member: {error}")
            continue
        if len(content) > MAX_MEMBER_BYTES:
            yield ReadProblem(name, "archive member inflates past the size limit; not read")
            continue
        yield _source(name, content)


def write_atomic(path: Path, data: bytes) -> None:
    """Write a whole file or nothing: a temporary file beside it, then a rename."""
    mode = path.stat().st_mode & 0o7777 if path.exists() else None
    handle, temporary = tempfile.mkstemp(dir=path.parent or Path("."), prefix=f".{path.name}.")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        if mode is not None:
            os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
