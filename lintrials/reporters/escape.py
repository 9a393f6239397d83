"""Untrusted text made safe to print: the one helper every reporter writes values through.

Record content, the messages that quote it, record ids, suppression reasons and file names all
come from the checked tree, which anyone who can open a pull request writes. Printed raw, a
newline in a facility name starts a line that an editor's problem matcher reads as a finding,
an ESC sequence recolours or hides the rest of a terminal's output (the totals too), CR
overwrites a line, and a bidi control (U+202E) reorders what a reader sees.

``visible`` writes each such character as a visible escape, the way Python's ``repr`` does:
``\\n``, ``\\r``, ``\\x1b``, ``\\x85``, ``\\u202e``. It escapes C0 controls except tab, DEL, C1
controls, the bidi embedding, override and isolate controls (U+202A-U+202E, U+2066-U+2069),
the Unicode line and paragraph separators (line breaks to Python, JavaScript and many
editors), U+FFFE and U+FFFF (which XML forbids) and lone surrogates. A file name that is not
UTF-8 reaches Python as surrogates (``os.fsdecode``); each undecodable byte is shown as
``\\xff``, so every report stays valid UTF-8. A backslash is left as it is: a name that holds
the four characters ``\\xff`` reads like one that holds the byte, but neither can forge a line.

``dumps`` is ``json.dumps`` that also writes the characters above as ``\\u`` escapes (it
already escapes C0), so that no raw control character reaches a JSON report's bytes even in
values kept exact, such as a fix's replacement text.
"""

from __future__ import annotations

import json
import re
from typing import Any

_BEYOND_C0 = "\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff\ufffe\uffff"
UNSAFE = re.compile(f"[\x00-\x08\x0a-\x1f{_BEYOND_C0}]")
_UNSAFE_IN_JSON = re.compile(f"[{_BEYOND_C0}]")  # json.dumps escapes C0 in strings itself
_SHORT = {"\n": "\\n", "\r": "\\r"}


def _escape(match: re.Match[str]) -> str:
    char = match[0]
    code = ord(char)
    if char in _SHORT:
        return _SHORT[char]
    if 0xDC80 <= code <= 0xDCFF:  # a byte that os.fsdecode could not decode
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str) -> str:
    """``text`` with every character that could forge, hide or reorder output escaped."""
    return UNSAFE.sub(_escape, text)


def dumps(value: Any, **options: Any) -> str:
    """JSON of ``value`` (non-ASCII kept) holding no raw control or bidi character."""
    text = json.dumps(value, ensure_ascii=False, **options)
    return _UNSAFE_IN_JSON.sub(lambda m: f"\\u{ord(m[0]):04x}", text)
