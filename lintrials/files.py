"""Which files a run reads, and reading them into `Source` objects.

Folders are walked recursively (hidden folders and files are skipped; links to folders are not
followed, so a link loop cannot trap the walk) and only files with a registry-export ending are
taken. A link met in the walk whose target resolves outside every path given is skipped, and
said once (a committed ``records/x.json -> ~/.env`` is not read, so no report can show its
lines), unless the run is told to follow such links. A file named on the command line is
always read, whatever its ending. A ``.zip`` archive
is read in memory, member by member; nothing is ever extracted to disk, so a member named
``../../etc/passwd`` is only a name. Only regular files are opened: a FIFO, socket or device
(``/dev/null``, ``/dev/zero``) is reported without being opened, so it cannot make a run hang.

Sizes are bounded so that no input can exhaust memory: a file or an archive member over
`MAX_FILE_BYTES` is reported and not read, and an archive stops being read once its members
have inflated to `MAX_ARCHIVE_BYTES` in all (a zip bomb).
"""

from __future__ import annotations

import codecs
import lzma
import os
import stat
import struct
import tempfile
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

import orjson

from lintrials.source import DecodeProblem, Source, decode

EXPORT_SUFFIXES = (".json", ".jsonl", ".ndjson", ".xml", ".txt", ".zip")
JSON_LINES_SUFFIXES = (".jsonl", ".ndjson")  # read a part at a time
PART_CHARS = 8 * 1024 * 1024  # about how much of a JSON Lines file is held at once
ZIP_MEMBER_SEPARATOR = "!"
MAX_FILE_BYTES = 512 * 1024 * 1024  # a larger file or member is reported, not read
MAX_MEMBER_BYTES = MAX_FILE_BYTES
MAX_ARCHIVE_BYTES = 2 * 1024 * 1024 * 1024  # what all the members of one zip may inflate to


@dataclass
class ReadProblem:
    """A file that could not be read as text, and where the trouble is, when known."""

    path: str
    message: str
    line: int = 1
    column: int = 1


def discover(
    paths: list[str], skipped: list[str] | None = None, outside_links: bool = False
) -> Iterator[str]:
    """Files to read, in a stable order: named files as given, folders walked sorted.

    A link in a walked folder that leads outside every given path is left out, and why is
    appended to ``skipped``; with ``outside_links``, a link to a file is followed wherever it
    leads (links to folders never are).
    """
    roots = [os.path.realpath(given) for given in paths if given != "-"]
    for given in paths:
        if given == "-" or not os.path.isdir(given):
            yield given
            continue
        for folder, dirs, names in os.walk(given):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in dirs:
                link = os.path.join(folder, name)
                if os.path.islink(link) and not _inside(link, roots) and skipped is not None:
                    skipped.append(f"{link}: a link to a folder outside the paths given; "
                                   "not walked")
            for name in sorted(names):
                if name.startswith(".") or not name.lower().endswith(EXPORT_SUFFIXES):
                    continue
                path = os.path.join(folder, name)
                if not outside_links and os.path.islink(path) and not _inside(path, roots):
                    if skipped is not None:
                        skipped.append(f"{path}: a link to a file outside the paths given; "
                                       "not read (--follow-outside-links reads it)")
                    continue
                yield path


def _inside(link: str, roots: list[str]) -> bool:
    """Whether what ``link`` resolves to is one of ``roots`` or under one."""
    target = os.path.realpath(link)
    return any(target == root or target.startswith(root.rstrip(os.sep) + os.sep)
               for root in roots)


def read(path: str, data: bytes | None = None) -> Iterator[Source | ReadProblem]:
    """The sources in one file: the file itself, or each member of a zip archive."""
    if data is None:
        try:
            status = os.stat(path)
            if stat.S_ISDIR(status.st_mode):
                yield ReadProblem(path, "a folder that cannot be walked; skipped")
                return
            if not stat.S_ISREG(status.st_mode):
                yield ReadProblem(path, "not a regular file (a device, FIFO or socket); skipped")
                return
            if path.lower().endswith(JSON_LINES_SUFFIXES):
                yield from _read_json_lines(path)
                return
            if status.st_size > MAX_FILE_BYTES:
                yield ReadProblem(path, _too_big(status.st_size))
                return
            data = _read_regular(path)
        except FileNotFoundError:
            yield ReadProblem(path, "no such file")
            return
        except OSError as error:
            yield ReadProblem(path, f"cannot read: {error.strerror or error}")
            return
        if len(data) > MAX_FILE_BYTES:  # it grew after the size was looked at
            yield ReadProblem(path, _too_big(len(data)))
            return
    if data.startswith(b"PK\x03\x04") or (path.lower().endswith(".zip") and data[:2] == b"PK"):
        yield from _read_zip(path, data)
        return
    source = _source(path, data)
    del data  # decoded: the bytes are not held while the text is checked
    yield source


def _too_big(size: int) -> str:
    return (
        f"{size:,} bytes, over the {MAX_FILE_BYTES:,} bytes lintrials reads in one file; "
        "not read (split the export)"
    )


def _open_regular(path: str) -> BinaryIO:
    """A regular file, opened so that a FIFO swapped in meanwhile cannot block."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    handle = os.fdopen(os.open(path, flags), "rb")
    if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
        handle.close()
        raise OSError(0, "not a regular file (a device, FIFO or socket); skipped")
    return handle


def _read_regular(path: str) -> bytes:
    with _open_regular(path) as handle:
        return handle.read(MAX_FILE_BYTES + 1)


def _read_json_lines(path: str) -> Iterator[Source | ReadProblem]:
    """A JSON Lines file, a part of about `PART_CHARS` at a time: memory stays flat however
    many records the file holds, and no size limit applies to the file, only to each line.

    A file whose first line is not a JSON value by itself (a pretty-printed document named
    .jsonl) or that is UTF-16 or UTF-32 is read whole, as any other file. A line that is not
    UTF-8, holds a NUL byte or is over `MAX_FILE_BYTES` is reported, and the lines after it are
    read on; it is kept as a blank line, so that the lines after it keep their numbers.
    """
    try:
        handle = _open_regular(path)
    except OSError as error:
        yield ReadProblem(path, f"cannot read: {error.strerror or error}")
        return
    with handle:
        if not _starts_json_lines(handle):
            data = handle.read(MAX_FILE_BYTES + 1)
            if len(data) > MAX_FILE_BYTES:
                yield ReadProblem(path, _too_big(len(data)))
            else:
                yield _source(path, data)
            return
        pieces: list[str] = []
        size = lines = records = part_lines = part_records = 0
        encoding = "utf-8"
        for raw in iter(lambda: handle.readline(MAX_FILE_BYTES + 1), b""):
            line = lines + part_lines + 1
            piece = "\n"
            if len(raw) > MAX_FILE_BYTES:
                yield ReadProblem(path, f"a line of over {MAX_FILE_BYTES:,} bytes; not read", line)
                while raw and not raw.endswith(b"\n"):
                    raw = handle.readline(1 << 20)
            else:
                read = _source(path, raw, line - 1)
                if isinstance(read, ReadProblem):
                    yield read
                    piece = "\n" if raw.endswith(b"\n") else ""
                else:
                    piece = read.text
                    if line == 1:
                        encoding = read.encoding
            pieces.append(piece)
            size += len(piece)
            part_lines += piece.count("\n")
            part_records += sum(1 for segment in piece.split("\n") if segment.strip())
            if size >= PART_CHARS:
                yield Source(path, "".join(pieces), encoding, lines, records, json_lines=True)
                lines, records = lines + part_lines, records + part_records
                pieces, size, part_lines, part_records = [], 0, 0, 0
        if pieces:
            yield Source(path, "".join(pieces), encoding, lines, records, json_lines=True)


def _starts_json_lines(handle: BinaryIO) -> bool:
    """Whether the file's first non-blank line is a JSON value by itself (and the file is not
    UTF-16 or UTF-32); the file is read again from its start."""
    try:
        for raw in iter(lambda: handle.readline(MAX_FILE_BYTES + 1), b""):
            if raw.strip():
                if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
                    return False
                orjson.loads(raw.removeprefix(codecs.BOM_UTF8))
                return True
        return False
    except orjson.JSONDecodeError:
        return False
    finally:
        handle.seek(0)


def _source(path: str, data: bytes, first_line: int = 0) -> Source | ReadProblem:
    try:
        text, encoding = decode(data)
    except DecodeProblem as problem:
        return ReadProblem(path, str(problem), first_line + problem.line, problem.column)
    if "\x00" in text:
        return ReadProblem(
            path,
            "binary file (holds NUL bytes), not a registry export",
            *Source.from_text(path, text, first_line=first_line).line_col(text.index("\x00")),
        )
    return Source.from_text(path, text, encoding, first_line)


def _read_zip(path: str, data: bytes) -> Iterator[Source | ReadProblem]:
    import io

    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except _ZIP_ERRORS as error:
        yield ReadProblem(path, f"not a readable zip archive: {error}")
        return
    inflated = 0
    for member in sorted(members, key=lambda m: m.filename):
        name = f"{path}{ZIP_MEMBER_SEPARATOR}{member.filename}"
        # (The ending first: is_dir() fails on a member with an empty name.)
        if not member.filename.lower().endswith(EXPORT_SUFFIXES[:-1]) or member.is_dir():
            continue
        if member.file_size > MAX_MEMBER_BYTES:
            yield ReadProblem(
                name,
                f"archive member inflates to {member.file_size:,} bytes, over "
                f"the {MAX_MEMBER_BYTES:,} byte limit; not read",
            )
            continue
        if inflated + member.file_size > MAX_ARCHIVE_BYTES:
            yield ReadProblem(
                name,
                f"the archive's members inflate to over {MAX_ARCHIVE_BYTES:,} bytes in all; "
                "this member and the ones after it are not read",
            )
            return
        try:
            # The size in the member's header bounds what is inflated: zipfile stops there
            # (and reports a bad CRC) whatever the compressed stream would still produce.
            with archive.open(member) as handle:
                content = handle.read(MAX_MEMBER_BYTES + 1)
        except _ZIP_ERRORS as error:
            yield ReadProblem(name, f"cannot read archive member: {error}")
            continue
        inflated += len(content)
        if len(content) > MAX_MEMBER_BYTES:
            yield ReadProblem(name, "archive member inflates past the size limit; not read")
            continue
        yield _source(name, content)


# What a damaged or hostile archive makes zipfile raise: a bad header, CRC or length, an
# encrypted member (RuntimeError), an unsupported compression (NotImplementedError), a
# truncated stream (EOFError), a corrupt deflate/bzip2/lzma stream (zlib.error, OSError,
# LZMAError), impossible offsets (ValueError, OverflowError, struct.error).
_ZIP_ERRORS: tuple[type[BaseException], ...] = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    OSError,
    EOFError,
    RuntimeError,
    NotImplementedError,
    ValueError,
    OverflowError,
    struct.error,
    zlib.error,
    lzma.LZMAError,
    KeyError,
    IndexError,
    UnicodeDecodeError,
)


def write_atomic(path: Path, data: bytes) -> None:
    """Write a whole file or nothing: a temporary file beside it, then a rename.

    A crash before the rename leaves the file as it was and no temporary file behind (the
    temporary file is removed on any exception; a killed process leaves at most a hidden
    ``.NAME.XXXX`` beside it). The file keeps its owner, group and permission bits (a file
    whose owner cannot be kept is not written: PermissionError); a link is followed, so the
    file it points to is rewritten and the link stays a link.
    """
    path = Path(os.path.realpath(path))
    status = path.stat() if path.exists() else None
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
            if status is not None:
                made = os.fstat(out.fileno())
                if (made.st_uid, made.st_gid) != (status.st_uid, status.st_gid):
                    os.fchown(out.fileno(), status.st_uid, status.st_gid)
                os.fchmod(out.fileno(), stat.S_IMODE(status.st_mode))
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
