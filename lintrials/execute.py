"""Running the checks on one record: each with its context, all of them under the record's
time limit. A check that raises (anything: `SystemExit` and other `BaseException` escapes
included, except `KeyboardInterrupt`, which is the user's and stops the run), runs past the
limit or yields what is not a `Problem` has failed on that record (X001, reported by the
caller); the other checks go on."""

from __future__ import annotations

import signal
import threading
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from lintrials.analysis import RecordAnalysis
from lintrials.config import Config
from lintrials.context import Context
from lintrials.findings import Problem
from lintrials.model import Record
from lintrials.plugins import Check


def check_options(check: Check, config: Config) -> Any:
    """What a check is given as its options: its defaults with the configuration's over them."""
    return check.build_options(config.options.get(check.code, {}))


@dataclass
class Outcome:
    """What one check made of one record."""

    check: Check
    problems: list[Problem] = field(default_factory=list)
    summary: Any = None  # for a whole-run check: what reduce() gets of this record
    failure: str | None = None  # why the check failed on the record


def run_checks(
    record: Record, checks: list[tuple[Check, Any]], today: date, notes: list[str], limit: float
) -> list[Outcome]:
    """Each of ``checks`` (a check and its options) on ``record``, sharing one analysis of it;
    what they note for the user is appended to ``notes``."""
    analysis = RecordAnalysis(record)
    outcomes = []
    with time_limit(limit) as rearm:
        for check, options in checks:
            ctx = Context(options, today, notes, analysis)
            try:
                problems = list(check.check(record, ctx)) if check.check else []
                summary = check.summarize(record, ctx) if check.summarize else None
            except CheckTimeout:
                rearm()
                outcomes.append(Outcome(check, failure=failure(check, CheckTimeout(
                    f"still running after {limit:g} s of CPU time on this record "
                    "(record-time-limit): stopped"))))
                continue
            except KeyboardInterrupt:
                raise
            except BaseException as error:  # a failing check is reported; the run goes on
                outcomes.append(Outcome(check, failure=failure(check, error)))
                continue
            garbage = next((p for p in problems if not isinstance(p, Problem)), None)
            if garbage is not None:
                outcomes.append(Outcome(check, failure=failure(check, TypeError(
                    f"yielded {type(garbage).__name__} {garbage!r:.60}, not a Problem"))))
                continue
            outcomes.append(Outcome(check, problems, summary))
    return outcomes


def failure(check: Check, error: BaseException) -> str:
    """The message of a check's failure on a record, with where in its code it raised."""
    frame = traceback.extract_tb(error.__traceback__)[-1] if error.__traceback__ else None
    where = f" at {frame.filename.rsplit('/', 1)[-1]}:{frame.lineno}" if frame else ""
    return (f"check {check.name} ({check.code}) failed on this record: "
            f"{type(error).__name__}: {error}{where}")


class CheckTimeout(Exception):
    """A check ran past the record time limit."""


@contextmanager
def time_limit(seconds: float) -> Iterator[Callable[[], None]]:
    """Interrupt what runs inside after ``seconds`` of CPU time with `CheckTimeout`; yield a
    re-arm.

    A safety net against a check that hangs (a regular expression that backtracks without end,
    a plugin's endless loop). It counts the process's CPU time (``ITIMER_PROF``), not the
    clock's: a busy machine slows a check down but does not make it time out, so a result does
    not depend on the load. It needs SIGPROF and the main thread: where there is neither (a
    Dask worker's thread, Windows) checks run without a limit.
    """
    usable = (seconds > 0 and hasattr(signal, "setitimer") and hasattr(signal, "SIGPROF")
              and threading.current_thread() is threading.main_thread())
    if not usable:
        yield lambda: None
        return

    def interrupt(signum: int, frame: object) -> None:
        raise CheckTimeout

    def arm() -> None:
        signal.setitimer(signal.ITIMER_PROF, seconds)

    previous = signal.signal(signal.SIGPROF, interrupt)
    arm()
    try:
        yield arm
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, previous)
