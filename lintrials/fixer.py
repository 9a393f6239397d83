"""Applying fixes: text edits on the original bytes of a file, and nothing else.

Everything outside the edited spans stays byte for byte as it was: indentation, key order,
escapes, line endings, the byte-order mark. Edits are given by line and column, so they are
placed in the file's own text (CRLF or not) by counting its own line breaks. Overlapping fixes
are left for the next pass; a file is written whole or not at all (`write_atomic`: a temporary
file beside it, then a rename), keeps its owner and permission bits, and is written only with
``--fix``. A fix whose text the file's encoding cannot hold is refused (or, in XML, written as a
character reference), never written lossily.

Nothing a run found is written as it is: a run's findings (perhaps from the cache) only say
which files have fixes and which findings to fix. Each file is read and checked again, its
fixes are made from those bytes, and right before it is replaced its bytes are compared with
them: a file that changed meanwhile is left as it is, and said so. The new file is a new inode:
other hard links to the old one keep the old text.
"""

from __future__ import annotations

import difflib
import logging
import os
import re
import stat
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from lintrials.files import JSON_LINES_SUFFIXES, MAX_FILE_BYTES, ZIP_MEMBER_SEPARATOR, write_atomic
from lintrials.findings import Edit, Finding
from lintrials.reporters.escape import visible
from lintrials.results import RunResult
from lintrials.source import DecodeProblem, bom_of, decode

# Checks a file's bytes (None: read it from disk, as a JSON Lines file is, a part at a time).
CheckFile = Callable[[str, bytes | None], RunResult]

_BREAK = re.compile(r"\r\n|\r|\n")
_LOG = logging.getLogger("lintrials")


@dataclass
class FileFix:
    path: str
    before: bytes
    after: bytes
    fixed: list[Finding] = field(default_factory=list)

    def diff(self) -> str:
        old = _text(self.before).splitlines(keepends=True)
        new = _text(self.after).splitlines(keepends=True)
        return "".join(difflib.unified_diff(old, new, f"a/{self.path}", f"b/{self.path}"))


def _text(data: bytes) -> str:
    """The text of a file for a diff, in its own encoding (UTF-16 too)."""
    try:
        return decode(data)[0]
    except DecodeProblem:
        return data.decode("utf-8", errors="replace")


def fixable(finding: Finding, unsafe: bool) -> bool:
    return finding.fix is not None and (finding.fix.safe or unsafe)


def plan(findings: list[Finding], unsafe: bool, check: CheckFile
         ) -> tuple[list[FileFix], dict[str, str], dict[str, str]]:
    """The fixed contents of each file; the files not fixed by choice (standard input, a fix
    the encoding cannot hold) and the files that could not be read again, each with why.

    ``findings`` (a run's) only choose: each file is checked again with ``check`` and fixed
    from its bytes now; a file whose check no longer reports each of its fixable findings (it
    changed since) is not fixed. So a whole-run check's fixes are not made: give none here.
    """
    by_path: dict[str, set[tuple[object, ...]]] = defaultdict(set)
    for finding in findings:
        if fixable(finding, unsafe):
            by_path[finding.path].add(_identity(finding))
    fixes: list[FileFix] = []
    refused: dict[str, str] = {}
    failed: dict[str, str] = {}
    for path, wanted in sorted(by_path.items()):
        if path == "-" or ZIP_MEMBER_SEPARATOR in path:
            refused[path] = "standard input and zip archive members are not fixed"
            continue
        try:
            before = current_bytes(path)
            json_lines = path.lower().endswith(JSON_LINES_SUFFIXES)
            fresh = check(path, None if json_lines else before).findings
            if json_lines and current_bytes(path) != before:
                raise OSError(0, "it changed while it was checked")
            items = [f for f in fresh if fixable(f, unsafe) and _identity(f) in wanted]
            if len({_identity(f) for f in items}) < len(wanted):
                raise OSError(0, "it changed since it was checked")
            fixes.append(_fix_file(path, before, items))
        except (OSError, DecodeProblem) as error:
            failed[path] = f"not fixed: {getattr(error, 'strerror', None) or error}; unchanged"
        except UnicodeEncodeError as error:
            refused[path] = (f"cannot fix: the fixed text holds {error.object[error.start]!r}, "
                             f"which {error.encoding} cannot write")
    return [f for f in fixes if f.fixed], refused, failed


def _identity(finding: Finding) -> tuple[object, ...]:
    return (finding.code, finding.line, finding.column, finding.end_line, finding.end_column,
            finding.record, finding.pointer, finding.message)


def current_bytes(path: str) -> bytes:
    """A regular file's bytes (a FIFO or device put in its place is not waited on)."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise OSError(0, "no longer a regular file")
        with os.fdopen(os.dup(fd), "rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    finally:
        os.close(fd)
    if len(data) > MAX_FILE_BYTES:
        raise OSError(0, "grew past the size lintrials reads")
    return data


def _fix_file(path: str, before: bytes, findings: list[Finding]) -> FileFix:
    bom, _ = bom_of(before)  # kept as it is, and the text written back in its encoding
    text, encoding = decode(before)
    starts = [0] + [m.end() for m in _BREAK.finditer(text)]
    newline = "\r\n" if "\r\n" in text else "\r" if "\r" in text and "\n" not in text else "\n"

    def offset(line: int, column: int) -> int:
        return starts[min(line, len(starts)) - 1] + column - 1

    taken: list[tuple[int, int]] = []
    planned: list[tuple[int, int, str]] = []
    result = FileFix(path, before, before)
    for finding in sorted(findings, key=Finding.sort_key):
        assert finding.fix is not None
        spans = [(offset(e.line, e.column), offset(e.end_line, e.end_column), e) for e in
                 finding.fix.edits]
        if any(a < y and x < b for a, b, _ in spans for x, y in taken):
            continue  # overlaps a fix already planned: the next pass will see it again
        for a, b, e in spans:
            taken.append((a, b))
            planned.append((a, b, _content(e, newline)))
        result.fixed.append(finding)
    for a, b, content in sorted(planned, reverse=True):
        text = text[:a] + content + text[b:]
    # XML can write any character as a reference where its declared encoding has none.
    xml = text.lstrip("\ufeff \t\n").startswith("<")
    result.after = bom + text.encode(encoding, errors="xmlcharrefreplace" if xml else "strict")
    return result


def _content(edit: Edit, newline: str) -> str:
    return edit.content.replace("\n", newline) if newline != "\n" else edit.content


def write(fixes: list[FileFix]) -> dict[str, str]:
    """Write each fixed file whole or not at all; go on past a file that cannot be written.

    A file whose bytes are no longer those its fixes were made from is left as it is. Returns
    each file left unchanged, with why.
    """
    failed = {}
    for fix in fixes:
        try:
            if current_bytes(fix.path) != fix.before:
                raise OSError(0, "it changed since it was checked")
            links = os.stat(fix.path).st_nlink
            write_atomic(Path(fix.path), fix.after)
            if links > 1:
                _LOG.warning("lintrials: %s: fixed as a new file; its other hard links (%d) "
                             "keep the old text", visible(fix.path), links - 1)
        except OSError as error:
            failed[fix.path] = f"not fixed: {error.strerror or error}; unchanged"
    return failed
