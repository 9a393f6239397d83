"""Positions inside JSON text, found only when a finding asks for them.

Records are parsed by a fast JSON library that keeps no positions. When a finding needs one, the
raw text is walked from the record's first character along the JSON Pointer, skipping values
without building them, and a character span inside a decoded string is mapped back through its
escapes (``\\n``, ``\\"``, ``\\u00e9``, surrogate pairs) to the raw text.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

_WS = re.compile(r"[ \t\n\r]*")
# A string token, unrolled ("normal* (escape normal*)*") so that the regex engine runs through
# plain characters without backtracking state per character.
_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)
_SCALAR = re.compile(r"[^,\]\}\s]+")
# Everything inside an object or array up to its next bracket: other characters and whole
# strings (with their brackets), skipped in one match by the regex engine. What follows is a
# bracket, or the quote of a string that never ends, or the end of the text.
_SKIP = re.compile(r'[^"\[\]{}]*(?:"[^"\\]*(?:\\.[^"\\]*)*"[^"\[\]{}]*)*', re.DOTALL)


class PointerNotFound(Exception):
    """The pointer leads nowhere in this text; ``offset`` is as far as it got."""

    def __init__(self, offset: int) -> None:
        super().__init__(offset)
        self.offset = offset


def _skip_ws(text: str, pos: int) -> int:
    m = _WS.match(text, pos)
    return m.end() if m else pos


def value_end(text: str, pos: int) -> int:
    """End offset of the JSON value starting at ``pos`` (which is not whitespace)."""
    ch = text[pos] if pos < len(text) else ""
    if ch == '"':
        m = _STRING.match(text, pos)
        if not m:
            raise PointerNotFound(pos)
        return m.end()
    if ch in "{[":
        depth = 0
        i = pos
        n = len(text)
        skip = _SKIP.match
        while True:
            i = skip(text, i).end()  # type: ignore[union-attr]  # (it matches the empty string)
            if i >= n:
                raise PointerNotFound(pos)
            c = text[i]
            if c == '"':  # a string that never ends
                raise PointerNotFound(i)
            if c in "{[":
                depth += 1
            else:
                depth -= 1
                if depth == 0:
                    return i + 1
            i += 1
    m = _SCALAR.match(text, pos)
    if not m:
        raise PointerNotFound(pos)
    return m.end()


def _decode_key(raw: str) -> str:
    # Keys in registry exports are plain; only unescape when there is an escape to undo.
    if "\\" not in raw:
        return raw[1:-1]
    import json

    try:
        value = json.loads(raw)
    except ValueError:  # not a JSON string: it names no key a pointer asks for
        return raw
    return value if isinstance(value, str) else raw


class ObjectKeys:
    """The keys of one object met so far, and where the walk through it stopped.

    Filled as lookups need it: a key found early costs no walk past it, and the next lookup in
    the same object goes on from where the last one stopped instead of from the ``{``.
    """

    __slots__ = ("container", "failed", "found", "pos")

    def __init__(self, text: str, container: int) -> None:
        self.container = container
        self.found: dict[str, int] = {}
        self.pos = _skip_ws(text, container + 1)
        self.failed: int | None = None  # where the walk broke off, when it did

    def get(self, text: str, key: str) -> int:
        at = self.found.get(key)
        if at is not None:
            return at
        if self.failed is not None:
            raise PointerNotFound(self.failed)
        try:
            return self._walk(text, key)
        except PointerNotFound as missing:
            self.failed = missing.offset
            raise

    def _walk(self, text: str, key: str) -> int:
        pos = self.pos
        n = len(text)
        while pos < n and text[pos] != "}":
            m = _STRING.match(text, pos)
            if not m:
                raise PointerNotFound(self.container)
            name = _decode_key(m.group())
            pos = _skip_ws(text, m.end())
            if pos >= n or text[pos] != ":":
                raise PointerNotFound(self.container)
            value = _skip_ws(text, pos + 1)
            self.found.setdefault(name, value)  # a repeated key: the first one counts
            if name == key:
                return value  # the walk goes on from this key next time
            pos = _skip_ws(text, value_end(text, value))
            if pos < n and text[pos] == ",":
                pos = _skip_ws(text, pos + 1)
            self.pos = pos
        raise PointerNotFound(self.container)


def find_pointer(
    text: str,
    start: int,
    tokens: list[str],
    arrays: dict[int, list[int]] | None = None,
    objects: dict[int, ObjectKeys] | None = None,
) -> tuple[int, int]:
    """Raw (start, end) of the value that ``tokens`` (a split JSON Pointer) names.

    ``start`` is where the walk begins (the record's first character). Raises
    `PointerNotFound` with the offset of the deepest value found on the way. ``arrays`` caches
    the element offsets of each array walked, so that many findings in one array of 800 sites
    cost one walk of it, not one each; ``objects`` caches the keys of each object walked, so
    that findings in the last module of a record do not each walk past the modules before it.
    """
    if objects is None:
        objects = {}
    pos = _skip_ws(text, start)
    for token in tokens:
        if pos >= len(text):
            raise PointerNotFound(start)
        opener = text[pos]
        if opener == "{":
            keys = objects.get(pos)
            if keys is None:
                keys = objects[pos] = ObjectKeys(text, pos)
            pos = keys.get(text, token)
        elif opener == "[" and token.isdigit():
            pos = _find_index(text, pos, int(token), arrays)
        else:
            raise PointerNotFound(pos)
    return pos, value_end(text, pos)


def _find_index(text: str, pos: int, index: int, arrays: dict[int, list[int]] | None) -> int:
    starts = arrays.get(pos) if arrays is not None else None
    if starts is None:
        starts = element_starts(text, pos)
        if arrays is not None:
            arrays[pos] = starts
    if index >= len(starts):
        raise PointerNotFound(pos)
    return starts[index]


def element_starts(text: str, array_start: int) -> list[int]:
    """Offsets of the elements of the array whose ``[`` is at ``array_start``."""
    starts: list[int] = []
    pos = _skip_ws(text, array_start + 1)
    while pos < len(text) and text[pos] != "]":
        starts.append(pos)
        pos = _skip_ws(text, value_end(text, pos))
        if pos < len(text) and text[pos] == ",":
            pos = _skip_ws(text, pos + 1)
    return starts


# An escape in a JSON string (a surrogate pair is one character of the decoded string), or
# the closing quote.
_STRING_PIECE = re.compile(
    r'\\u[dD][89abAB][0-9a-fA-F]{2}\\u[0-9a-fA-F]{4}|\\u[0-9a-fA-F]{4}|\\.|"', re.DOTALL
)


@dataclass(frozen=True)
class StringEscapes:
    """Where the escapes of one JSON string are: enough to turn offsets of the decoded string
    into offsets of the raw text without walking the string again."""

    body: int  # offset of the first character after the opening quote
    end: int  # offset of the closing quote
    decoded_at: list[int]  # index in the decoded string of each escape
    shift_after: list[int]  # raw length minus decoded length, up to and with each escape

    @classmethod
    def scan(cls, text: str, token_start: int) -> StringEscapes:
        body = token_start + 1
        decoded_at: list[int] = []
        shift_after: list[int] = []
        shift = 0
        end = len(text)
        for m in _STRING_PIECE.finditer(text, body):
            if m.end() - m.start() == 1:  # the closing quote
                end = m.start()
                break
            decoded_at.append(m.start() - body - shift)
            shift += m.end() - m.start() - 1
            shift_after.append(shift)
        return cls(body, end, decoded_at, shift_after)

    def raw(self, decoded: int) -> int:
        k = bisect.bisect_left(self.decoded_at, decoded)
        return min(self.body + decoded + (self.shift_after[k - 1] if k else 0), self.end)


def string_span(
    text: str,
    token_start: int,
    span: tuple[int, int],
    cache: dict[int, StringEscapes] | None = None,
) -> tuple[int, int]:
    """Map a (start, end) span of a decoded JSON string to raw offsets.

    ``token_start`` is the offset of the string's opening quote; ``cache`` keeps the escapes of
    strings mapped before (many findings in one long text cost one walk of it).
    """
    escapes = cache.get(token_start) if cache is not None else None
    if escapes is None:
        escapes = StringEscapes.scan(text, token_start)
        if cache is not None:
            cache[token_start] = escapes
    return escapes.raw(span[0]), escapes.raw(span[1])


def escape_token(token: str) -> str:
    return token.replace("~", "~0").replace("/", "~1")


def split_pointer(pointer: str) -> list[str]:
    if not pointer:
        return []
    return [t.replace("~1", "/").replace("~0", "~") for t in pointer.split("/")[1:]]
