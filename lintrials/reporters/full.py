"""Each finding with the source lines around it and the span underlined, like a compiler.

Colour only on a terminal, and never when ``NO_COLOR`` is set (https://no-color.org). Every
value and every source line is written through ``visible``, so nothing in a record can recolour,
hide or split the output; the carets count the escapes.
"""

from __future__ import annotations

import os
import sys
from functools import lru_cache

from lintrials.config import Config
from lintrials.files import ZIP_MEMBER_SEPARATOR, read
from lintrials.findings import Finding
from lintrials.reporters.escape import visible
from lintrials.reporters.text import location, summary
from lintrials.results import RunResult
from lintrials.source import Source

CONTEXT = 2  # lines shown before and after the finding's line
_COLOURS = {"error": "\033[1;31m", "warning": "\033[1;33m", "info": "\033[1;36m"}
_DIM, _BOLD, _RESET = "\033[2m", "\033[1m", "\033[0m"


def use_colour(stream: object = sys.stdout) -> bool:
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty()) and "NO_COLOR" not in os.environ


@lru_cache(maxsize=8)
def _lines(path: str) -> list[str]:
    archive = path.split(ZIP_MEMBER_SEPARATOR, 1)[0]
    lines: list[str] = []
    for item in read(archive):  # one source, or the parts of a JSON Lines file
        if isinstance(item, Source) and item.path == path:
            del lines[item.first_line :]  # the "" after the previous part's last line break
            lines.extend(item.text.split("\n"))
    return lines


def frame(finding: Finding, colour: bool) -> list[str]:
    """The code frame: numbered lines around the finding, the span marked with carets."""
    lines = _lines(finding.path) if finding.path != "-" else []
    if not lines or finding.line > len(lines):
        return []
    first = max(1, finding.line - CONTEXT)
    last = min(len(lines), finding.end_line + CONTEXT)
    width = len(str(last))
    out = []
    mark = _COLOURS[finding.severity] if colour else ""
    reset = _RESET if colour else ""
    dim = _DIM if colour else ""
    for number in range(first, last + 1):
        text = lines[number - 1]
        start, lead, tail = 0, "", ""
        if len(text) > 200:  # a long JSON line: show the part around the finding
            start = max(0, (finding.column if number == finding.line else 1) - 60)
            lead, tail = ("…" if start else ""), "…"
        part = text[start:start + 160] if tail else text
        out.append(f"{dim}{number:>{width}} |{reset} {lead}{visible(part)}{tail}")
        if finding.line <= number <= finding.end_line:
            # 0-based offsets into ``part``, then where they fall in the escaped text
            begin = (finding.column if number == finding.line else 1) - 1 - start
            end = (finding.end_column if number == finding.end_line else len(text) + 1) - 1 - start
            a = len(lead) + len(visible(part[:max(0, begin)]))
            b = len(lead) + len(visible(part[:max(0, end)])) + (len(tail) if end > len(part) else 0)
            carets = "^" * max(1, b - a)
            out.append(f"{dim}{'':>{width}} |{reset} {' ' * a}{mark}{carets}{reset}")
    return out


def fix_diff(finding: Finding, colour: bool) -> list[str]:
    """The finding's fix as the changed lines, old above new."""
    lines = _lines(finding.path) if finding.fix and finding.path != "-" else []
    if not lines or finding.fix is None:
        return []
    first = min(e.line for e in finding.fix.edits)
    last = max(e.end_line for e in finding.fix.edits)
    if last > len(lines):
        return []
    text = "\n".join(lines[first - 1:last])
    starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]
    for e in sorted(finding.fix.edits, key=lambda e: (e.line, e.column), reverse=True):
        a = starts[e.line - first] + e.column - 1
        b = starts[e.end_line - first] + e.end_column - 1
        text = text[:a] + e.content + text[b:]
    red, green, reset = ("\033[31m", "\033[32m", _RESET) if colour else ("", "", "")
    safety = "safe" if finding.fix.safe else "unsafe: --unsafe-fixes"
    out = [f"  fix ({safety}): {visible(finding.fix.description)}"]
    out += [f"{red}- {visible(line)}{reset}" for line in lines[first - 1:last]]
    out += [f"{green}+ {visible(line)}{reset}" for line in text.split("\n")] if text else []
    return out


def render(result: RunResult, config: Config) -> str:
    colour = use_colour()
    blocks = []
    for f in result.findings:
        severity = f"{_COLOURS[f.severity]}{f.severity}{_RESET}" if colour else f.severity
        code = f"{_BOLD}{f.code} {f.name}{_RESET}" if colour else f"{f.code} {f.name}"
        head = f"{location(f)}: {code} {visible(f.message)}"
        where = visible(" ".join(x for x in (f.record, f.pointer or f.field) if x))
        lines = [head, f"  {severity}{' in ' + where if where else ''}"]
        lines += frame(f, colour)
        lines += fix_diff(f, colour)
        blocks.append("\n".join(lines))
    blocks.append(summary(result))
    return "\n\n".join(blocks) + "\n"
