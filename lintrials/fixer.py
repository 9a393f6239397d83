"""Applying fixes: text edits on the original bytes of a file, and nothing else.

Everything outside the edited spans stays byte for byte as it was: indentation, key order,
escapes, line endings, the byte-order mark. Edits are given by line and column, so they are
placed in the file's own text (CRLF or not) by counting its own line breaks. Overlapping fixes
are left for the next pass; a file is written whole or not at all (`write_atomic`: a temporary
file beside it, then a rename), keeps its permission bits, and is written only with ``--fix``.
A fix whose text the file's encoding cannot hold is refused (or, in XML, written as a character
reference), never written lossily.
"""

from __future__ import annotations

import difflib
import logging
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from lintrials.files import ZIP_MEMBER_SEPARATOR, write_atomic
from lintrials.findings import Edit, Finding
from lintrials.source import DecodeProblem, bom_of, decode

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


def plan(findings: list[Finding], unsafe: bool) -> tuple[list[FileFix], list[str]]:
    """The fixed contents of each file, and the files that cannot be fixed (and why)."""
    by_path: dict[str, list[Finding]] = defaultdict(list)
    for finding in findings:
        if fixable(finding, unsafe):
            by_path[finding.path].append(finding)
    fixes, refused = [], []
    for path, items in sorted(by_path.items()):
        if path == "-" or ZIP_MEMBER_SEPARATOR in path:
            refused.append(f"{path}: standard input and zip archive members are not fixed")
            continue
        try:
            before = Path(path).read_bytes()
            fixes.append(_fix_file(path, before, items))
        except (OSError, DecodeProblem) as error:
            refused.append(f"{path}: cannot fix: {error}")
        except UnicodeEncodeError as error:
            refused.append(
                f"{path}: cannot fix: the fixed text holds {error.object[error.start]!r}, "
                f"which {error.encoding} cannot write"
            )
    return [f for f in fixes if f.fixed], refused


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


def write(fixes: list[FileFix]) -> list[str]:
    """Write each fixed file whole or not at all; go on past a file that cannot be written.

    Returns (and logs on standard error) the reason for each file left unchanged.
    """
    failed = []
    for fix in fixes:
        try:
            write_atomic(Path(fix.path), fix.after)
        except OSError as error:
            reason = f"{fix.path}: cannot write the fix ({error.strerror or error}); unchanged"
            _LOG.warning("lintrials: %s", reason)
            failed.append(reason)
    return failed
