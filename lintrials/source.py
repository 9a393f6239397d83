"""A file's text, decoded once, and the arithmetic from character offsets to line and column.

Line endings are folded to ``\\n`` before anything else reads the text: a CRLF or CR file keeps
the same line numbers and columns, and parsers and locators deal with one kind of line break.
Columns count characters (code points), 1-based, as editors' problem matchers expect.
"""

from __future__ import annotations

import bisect
import codecs
import contextlib
import re
from dataclasses import dataclass, field

from lintrials.findings import Position

_XML_ENCODING = re.compile(rb"^<\?xml[^>]*encoding=[\"']([A-Za-z0-9._-]+)[\"']")


class DecodeProblem(Exception):
    """The bytes are not text in the encoding they claim; ``offset`` is the first bad byte."""

    def __init__(self, message: str, offset: int) -> None:
        super().__init__(message)
        self.offset = offset


def decode(data: bytes) -> tuple[str, str]:
    """Decode a file's bytes, honouring a BOM or an XML declaration; return (text, encoding)."""
    if data.startswith(codecs.BOM_UTF8):
        encoding, data = "utf-8", data[len(codecs.BOM_UTF8) :]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = "utf-16"
    else:
        declared = _XML_ENCODING.match(data)
        encoding = "utf-8"
        if declared:
            with contextlib.suppress(LookupError):
                encoding = codecs.lookup(declared.group(1).decode("ascii")).name
    try:
        return data.decode(encoding), encoding
    except UnicodeDecodeError as error:
        raise DecodeProblem(
            f"not valid {encoding}: byte 0x{data[error.start]:02x} cannot be decoded",
            error.start,
        ) from None


@dataclass
class Source:
    """One file (or one member of a zip archive) as lintrials reads it."""

    path: str
    text: str
    encoding: str = "utf-8"
    _line_starts: list[int] = field(default_factory=list, repr=False)

    @classmethod
    def from_text(cls, path: str, raw_text: str, encoding: str = "utf-8") -> Source:
        text = raw_text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in raw_text else raw_text
        return cls(path=path, text=text, encoding=encoding)

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column of a character offset into ``text``."""
        if not self._line_starts:
            self._line_starts.append(0)
            self._line_starts.extend(m.end() for m in re.finditer("\n", self.text))
        offset = max(0, min(offset, len(self.text)))
        line = bisect.bisect_right(self._line_starts, offset) - 1
        return line + 1, offset - self._line_starts[line] + 1

    def position(self, start: int, end: int) -> Position:
        line, column = self.line_col(start)
        end_line, end_column = self.line_col(max(start, end))
        return Position(line, column, end_line, end_column)
