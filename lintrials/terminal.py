"""What lintrials says to the person running it, on standard error: one line at a time, made
``visible`` (file names and notes come from the checked tree), and a progress bar at a terminal.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable
from typing import NoReturn

import click

EXIT_ERROR = 2  # a usage, configuration or internal error (1: findings)
PROGRESS_FROM = 50  # files: below this a run is too short for a progress bar


def say(message: str) -> None:
    """One line on standard error, made ``visible``: file names and notes come from the tree."""
    from lintrials.reporters.escape import visible

    click.echo(f"lintrials: {visible(message)}", err=True)


def fail(message: str) -> NoReturn:
    say(f"error: {message}")
    sys.exit(EXIT_ERROR)


def progress_bar() -> Callable[[Iterable[str]], Iterable[str]] | None:
    """A progress bar on standard error, for a person at a terminal, over many files."""
    if not sys.stderr.isatty() or "CI" in os.environ:
        return None

    def show(paths: Iterable[str]) -> Iterable[str]:
        todo = list(paths)
        if len(todo) < PROGRESS_FROM:
            yield from todo
            return
        from rich.console import Console
        from rich.progress import track

        yield from track(todo, description="Checking", transient=True, console=Console(stderr=True))

    return show
