"""A file's text, decoded once, and the arithmetic from character offsets to line and column.

Line endings are folded to ``\\n`` before anything else reads the text: a CRLF or CR file keeps
the same line numbers and columns, and parsers and locators deal with one kind of line break.
Columns count characters (code points), 1-based, as editors' problem matchers expect.
"""

from __future__ import annotations

import bisect
import codecs
import re
from dataclasses import dataclass, field
from itertools import accumulate

from lintrials.findings import Position

_XML_ENCODING = re.compile(rb"^<\?xml[^>]*encoding=[\"']([A-Za-z0-9._-]+)[\"']")


class DecodeProblem(Exception):
    """The bytes are not text in the encoding they claim.

    ``offset`` is the first bad byte (counted from the start of the file, byte-order mark
    included); ``line`` and ``column`` are where it sits in the text decoded so far.
    """

    def __init__(self, message: str, offset: int, line: int = 1, column: int = 1) -> None:
        super().__init__(message)
        self.offset = offset
        self.line = line
        self.column = column


# Longest first: the UTF-32 LE mark begins with the UTF-16 LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def bom_of(data: bytes) -> tuple[bytes, str | None]:
    """The byte-order mark ``data`` starts with and the encoding it names; (b"", None) if none."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return bom, encoding
    return b"", None


def _declared(data: bytes) -> str:
    """The encoding an XML declaration names, when Python has a text codec of that name."""
    declared = _XML_ENCODING.match(data)
    if declared:
        try:
            info = codecs.lookup(declared.group(1).decode("ascii"))
        except LookupError:
            return "utf-8"
        # Not "rot13", "hex", "base64", "zlib"...: codecs that are no text encoding at all.
        if getattr(info, "_is_text_encoding", True) and info.name not in _NOT_FILE_ENCODINGS:
            return info.name
    return "utf-8"


# Text codecs that cannot be a file's encoding: they decode labels, code, or escapes.
_NOT_FILE_ENCODINGS = frozenset(
    {"idna", "punycode", "raw-unicode-escape", "unicode-escape", "mbcs", "oem", "undefined"}
)


def decode(data: bytes) -> tuple[str, str]:
    """Decode a file's bytes, honouring a BOM or an XML declaration; return (text, encoding).

    The encoding returned is the one to write the text back with, after the BOM (if any).
    """
    bom, encoding = bom_of(data)
    if encoding is None:
        encoding = _declared(data)
    body = data[len(bom) :]
    try:
        return body.decode(encoding), encoding
    except UnicodeDecodeError as error:
        before = body[: error.start].decode(encoding, errors="replace")
        text = before.replace("\r\n", "\n").replace("\r", "\n")
        line = text.count("\n") + 1
        column = len(text) - (text.rfind("\n") + 1) + 1
        raise DecodeProblem(
            f"not valid {encoding}: byte 0x{body[error.start]:02x} cannot be decoded"
            + (" (is the file Latin-1 or Windows-1252? save it as UTF-8)"
               if encoding == "utf-8" and not bom and body[error.start] >= 0x80 else ""),
            len(bom) + error.start,
            line,
            column,
        ) from None
    except (UnicodeError, ValueError, LookupError) as error:  # a codec failing otherwise
        raise DecodeProblem(f"cannot be decoded as {encoding}: {error}", len(bom)) from None


_SPLIT_UP_TO = 1 << 24  # characters: above this, line starts are found without copying the text


def _line_starts(text: str) -> list[int]:
    """Offsets where each line starts: 0, and one past every ``\\n``."""
    if len(text) <= _SPLIT_UP_TO:
        # Lengths of the lines, each plus its newline, summed up: all of it in C.
        starts = list(accumulate(map(_PLUS_ONE, map(len, text.split("\n"))), initial=0))
        starts.pop()  # the end of the last line is no line's start
        return starts
    starts = [0]
    find = text.find
    at = find("\n")
    while at >= 0:
        starts.append(at + 1)
        at = find("\n", at + 1)
    return starts


_PLUS_ONE = (1).__add__


@dataclass
class Source:
    """One file (or one member of a zip archive) as lintrials reads it."""

    path: str
    text: str
    encoding: str = "utf-8"
    # A part of a JSON Lines file read a part at a time (files.py): the lines and records of
    # the file before this part. Lines and columns are the file's, not the part's.
    first_line: int = 0
    first_record: int = 0
    json_lines: bool = False
    _line_starts: list[int] = field(default_factory=list, repr=False)

    @classmethod
    def from_text(
        cls, path: str, raw_text: str, encoding: str = "utf-8", first_line: int = 0
    ) -> Source:
        text = raw_text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in raw_text else raw_text
        return cls(path, text, encoding, first_line)

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column of a character offset into ``text``."""
        if not self._line_starts:
            self._line_starts.extend(_line_starts(self.text))
        offset = max(0, min(offset, len(self.text)))
        line = bisect.bisect_right(self._line_starts, offset) - 1
        return self.first_line + line + 1, offset - self._line_starts[line] + 1

    def offset(self, line: int, column: int) -> int:
        """Character offset of a 1-based line and column (clamped to the text)."""
        self.line_col(0)  # builds the table of line starts once
        line = max(1, min(line - self.first_line, len(self._line_starts)))
        return min(len(self.text), self._line_starts[line - 1] + max(0, column - 1))

    def position(self, start: int, end: int) -> Position:
        line, column = self.line_col(start)
        end_line, end_column = self.line_col(max(start, end))
        return Position(line, column, end_line, end_column)
