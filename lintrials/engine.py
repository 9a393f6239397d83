"""The run: which files, checked where (`schedule`), then what needs the whole run: whole-run
checks (`summaries`), fingerprints, suppressions and the baseline. And `lint`, the same run
from Python.

Its parts, one job each: `checking` (one file: read, parse, check each record), `execute`
(the checks on one record), `locate` (findings), `summaries` (whole-run checks), `schedule`
(processes, Dask, the cache), `results` (what the run found), `rules` (the engine's rules).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from contextlib import closing
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from lintrials import files, summaries, suppressions
from lintrials.checking import FileChecker
from lintrials.config import Config, excluded, ignored_for
from lintrials.findings import Finding
from lintrials.plugins import Check
from lintrials.results import RunResult, assign_fingerprints
from lintrials.rules import ENGINE_RULES, UNUSED_BASELINE_ENTRY, UNUSED_SUPPRESSION
from lintrials.schedule import Scheduler

if TYPE_CHECKING:
    from concurrent.futures import Executor


class Runner:
    def __init__(
        self,
        checks: list[Check],
        config: Config,
        baseline: Path | None = None,
        jobs: int = 1,
        cache_dir: Path | None = None,
        executor: Executor | None = None,
    ) -> None:
        self.config = config
        self.baseline = baseline
        self.checker = FileChecker(checks, config)
        self.scheduler = Scheduler(self.checker, checks, jobs, cache_dir, executor)

    def run(
        self,
        paths: list[str],
        stdin: bytes | None = None,
        stdin_name: str = "-",
        progress: Callable[[Iterable[str]], Iterable[str]] | None = None,
        emit: Callable[[list[Finding]], None] | None = None,
    ) -> RunResult:
        """Check every file of ``paths``; ``progress`` may wrap the list of files to show it.

        ``emit``, if given, is handed every finding of the report once, in report order: each
        file's as soon as it is checked when nothing can put a finding before them (see
        `_streams`), the rest at the end."""
        result = RunResult()
        skipped: list[str] = []
        todo = [p for p in files.discover(paths, skipped, self.config.follow_outside_links)
                if p == "-" or not excluded(self.config, p)]
        result.add_notes(skipped)
        streaming = emit is not None and self._streams(todo)
        # The smallest path of the files after each: their findings' paths are never smaller.
        after: list[str | None] = [None] * len(todo)
        for i in range(len(todo) - 2, -1, -1):
            after[i] = min(todo[i + 1], after[i + 1] or todo[i + 1])
        seen: dict[str, int] = {}
        sent = 0
        with closing(self.scheduler.results(todo, stdin, stdin_name, progress)) as results:
            for i, file_result in enumerate(results):
                summaries.share_all(file_result.summaries, self.checker.shared)
                result.merge(file_result)
                if not streaming or emit is None:
                    continue
                batch = sorted(file_result.findings, key=Finding.sort_key)
                path, bound = todo[i], after[i]
                if any(not f.path.startswith(path) or (bound is not None and f.path >= bound)
                       for f in batch):
                    streaming = False  # a later file's finding could come first: hold the rest
                    continue
                assign_fingerprints(batch, seen)
                result.findings[sent:] = batch
                emit(batch)
                sent += len(batch)
        self._reduce(result, stdin, stdin_name)
        result.findings.sort(key=Finding.sort_key)  # stable: what was sent stays first
        assign_fingerprints(result.findings)
        result.checks = [*self.checker.checks, *ENGINE_RULES]
        if self.config.suppressions is not None:
            self._suppress(result, self.config.suppressions)
        if self.baseline is not None:
            self._apply_baseline(result, self.baseline)
        if emit is not None:
            emit(result.findings[sent:])
        return result

    def _streams(self, todo: list[str]) -> bool:
        """Whether each file's findings can be reported before the next file is read, in the
        order of the whole run's report. Not with a whole-run check (its findings land in any
        file), suppressions or a baseline (they drop or add findings at the end), nor with
        standard input (its findings carry the name it is given)."""
        return (
            "-" not in todo
            and self.config.suppressions is None
            and self.baseline is None
            and not any(c.reduce is not None for c in self.checker.checks)
        )

    def _reduce(self, result: RunResult, stdin: bytes | None, stdin_name: str) -> None:
        checker = self.checker
        notes: list[str] = []
        pending, failures = summaries.reduce_run(
            [(c, checker.options[c.code]) for c in checker.checks], result.summaries,
            self.config.today, notes)
        result.add_notes(notes)
        for message in failures:
            result.check_failures += 1
            result.findings.append(checker.locate.check_failed(message))
        for check, problem, record, path in summaries.reported(pending, stdin, stdin_name):
            if not ignored_for(self.config, check, path, record.record.nct_id):
                result.findings.append(checker.locate.problem(check, problem, record, path))

    def _suppress(self, result: RunResult, path: Path) -> None:
        entries = suppressions.load(path)
        result.findings, result.suppressed = suppressions.apply(result.findings, entries)
        checks = self.checker.checks
        by_name = {c.code: c for c in checks} | {c.name: c for c in checks}
        for entry in entries:
            if entry.used or entry.record not in result.record_ids or entry.check not in by_name:
                continue  # only what this run could have matched is stale
            if not self.checker.engine_rules[UNUSED_SUPPRESSION.code]:
                continue
            result.findings.append(self.checker.locate.engine(
                UNUSED_SUPPRESSION,
                f"suppression of {entry.check} on {entry.record}"
                f"{' ' + entry.field if entry.field else ''} matches no finding: remove the entry",
                str(path), entry.line, 1, record=entry.record, field=entry.field))
        result.findings.sort(key=Finding.sort_key)

    def _apply_baseline(self, result: RunResult, path: Path) -> None:
        baseline = suppressions.load_baseline(path)
        result.findings, result.baselined = suppressions.apply_baseline(baseline, result.findings)
        if not self.checker.engine_rules[UNUSED_BASELINE_ENTRY.code]:
            return
        checked = {c.code for c in self.checker.checks} | {
            code for code, on in self.checker.engine_rules.items() if on
            and code != UNUSED_BASELINE_ENTRY.code}  # not of itself, in a baseline written so
        for code, record, field, count, line in baseline.left():
            if record not in result.record_ids or code not in checked:
                continue  # only what this run could have matched is stale
            times = f" ({count} of its findings)" if count > 1 else ""
            result.findings.append(self.checker.locate.engine(
                UNUSED_BASELINE_ENTRY,
                f"baseline entry for {code} on {record}{' ' + field if field else ''} matches "
                f"no finding{times}: write the baseline again to drop it",
                str(path), line, 1, record=record, field=field or None))
        result.findings.sort(key=Finding.sort_key)


def lint(
    paths: list[str],
    select: list[str] | None = None,
    today: date | None = None,
    config_path: Path | None = None,
    search_from: Path | None = None,
) -> RunResult:
    """Run lintrials from Python: the same run as ``lintrials check``, returning the result
    (its findings, and in ``notes`` what the checks told the user)."""
    from lintrials.config import load
    from lintrials.plugins import discover

    checks, _ = discover()
    config = load([*checks, *ENGINE_RULES], config_path, search_from)
    if select is not None:
        config.select = select
    if today is not None:
        config.today = today
    return Runner(checks, config).run(paths)
