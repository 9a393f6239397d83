"""Whole-run checks: the summaries they keep of each record, the decision over all of them
(``reduce``), and the records they report on, read again.

Per-record checks run as each record is parsed. Whole-run checks get a small summary of each
record (``summarize``) and, once every file is read, decide over all of them (``reduce``); the
records they report on are read again to locate the findings, so no file is held in memory for
the sake of a finding that may never come.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from datetime import date
from typing import Any

from lintrials import files
from lintrials.context import Context
from lintrials.findings import Problem
from lintrials.formats import ParsedRecord
from lintrials.parsing import format_of
from lintrials.plugins import Check
from lintrials.results import RecordRef
from lintrials.source import Source

Summaries = dict[str, list[tuple[RecordRef, Any]]]  # check code -> [(record, summary)]
# The problems of a reduce, by the path of the source their record is in: [(check, index of the
# record in its source, problem)].
Pending = dict[str, list[tuple[Check, int, Problem]]]


def share(value: Any, memo: dict[Any, Any], top: bool = True) -> Any:
    """``value`` with its strings, bytes and (named) tuples replaced by an equal one seen
    before: whole-run summaries repeat facility names, cities and whole site lists from record
    to record, and a run over a registry dump holds them all until its end. With ``top``
    false, ``value`` itself (a record's summary, which names the record) is not kept in
    ``memo``, only what it holds."""
    kind = type(value)
    if kind is str or kind is bytes:
        return memo.setdefault(value, value)
    if not isinstance(value, tuple):
        return value
    items = [share(item, memo) for item in value]
    if any(a is not b for a, b in zip(items, value, strict=True)):
        make = getattr(kind, "_make", kind)
        value = make(items)
    if not top:
        return value
    try:
        return memo.setdefault((kind, value), value)  # a named tuple equals a plain one
    except TypeError:  # holds something unhashable
        return value


def keep(summaries: Summaries, code: str, ref: RecordRef, summary: Any, memo: dict[Any, Any]
         ) -> None:
    """Keep a record's summary for its check's reduce."""
    summaries.setdefault(code, []).append((ref, share(summary, memo, top=False)))


def share_all(summaries: Summaries, memo: dict[Any, Any]) -> None:
    """Share what the summaries of a file checked elsewhere (a worker, the cache) hold."""
    for items in summaries.values():
        items[:] = [(ref, share(summary, memo, top=False)) for ref, summary in items]


def reduce_run(
    checks: Iterable[tuple[Check, Any]], summaries: Summaries, today: date, notes: list[str]
) -> tuple[Pending, list[str]]:
    """Each whole-run check (with its options) over its summaries: its problems, and the
    messages of the checks that failed."""
    pending: Pending = defaultdict(list)
    failures = []
    for check, options in checks:
        if check.reduce is None or not summaries.get(check.code):
            continue
        try:
            for (path, index), problem in check.reduce(
                summaries[check.code], Context(options, today, notes)
            ):
                pending[path].append((check, index, problem))
        except KeyboardInterrupt:
            raise
        except BaseException as error:  # SystemExit too: a plugin fails closed
            failures.append(f"check {check.name} ({check.code}) failed over the run: "
                            f"{type(error).__name__}: {error}")
    return pending, failures


def reported(
    pending: Pending, stdin: bytes | None, stdin_name: str
) -> Iterator[tuple[Check, Problem, ParsedRecord, str]]:
    """Each problem of ``pending`` with its record, read again, and the path of its source."""
    for path, items in pending.items():
        # Each record reported on is located as the file is read again, then let go (the
        # part of a JSON Lines file it came from with it); reading stops after the last.
        wanted: dict[int, list[tuple[Check, Problem]]] = defaultdict(list)
        for check, index, problem in items:
            wanted[index].append((check, problem))
        for record in _reparse(path, stdin if path == stdin_name else None):
            for check, problem in wanted.pop(record.index, ()):
                yield check, problem, record, path
            if not wanted:
                break


def _reparse(path: str, data: bytes | None) -> Iterable[ParsedRecord]:
    archive = (
        path.split(files.ZIP_MEMBER_SEPARATOR, 1)[0]
        if files.ZIP_MEMBER_SEPARATOR in path
        else path
    )
    for item in files.read(archive, data):
        if isinstance(item, Source) and item.path == path:
            fmt = format_of(item)
            if fmt is not None:
                yield from (p for p in fmt.parse(item) if isinstance(p, ParsedRecord))
