"""Where each file is checked: here, in a pool of processes, or on a Dask cluster; and whether
it needs checking at all (the cache)."""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable, Generator, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from lintrials.cache import Cache, CacheUnavailable, settings_fingerprint
from lintrials.checking import FileChecker
from lintrials.config import Config
from lintrials.plugins import Check
from lintrials.reporters.escape import visible
from lintrials.results import RunResult

if TYPE_CHECKING:
    from concurrent.futures import Executor

# Files: a run over fewer is checked in this process, since starting workers costs more than
# it saves (a pre-commit hook usually hands over one or two files).
PARALLEL_FROM = 8
_LOG = logging.getLogger("lintrials")


class Scheduler:
    def __init__(
        self,
        checker: FileChecker,
        checks: list[Check],
        jobs: int = 1,
        cache_dir: Path | None = None,
        executor: Executor | None = None,
    ) -> None:
        self.checker = checker
        self.jobs = max(1, jobs)
        self.cache = None
        if cache_dir is not None:
            modules = {c.check.__module__ for c in checks if c.check} | {
                c.summarize.__module__ for c in checks if c.summarize}
            try:
                self.cache = Cache.open(cache_dir, settings_fingerprint(checker.config, checks),
                                        modules)
            except CacheUnavailable as error:
                _LOG.warning("lintrials: running without the cache: %s", visible(str(error)))
                cache_dir = None  # (nor in the workers)
        # Where files are checked when not here: a process pool or a Dask cluster's executor.
        self.executor = executor
        self.task: Callable[[str], RunResult] = functools.partial(
            check_file_task, checker.config, cache_dir)

    def results(
        self,
        todo: list[str],
        stdin: bytes | None,
        stdin_name: str,
        progress: Callable[[Iterable[str]], Iterable[str]] | None,
    ) -> Generator[RunResult, None, None]:
        """Each file's result, in the order of ``todo``, from this process or from workers;
        ``progress`` may wrap the list of files to show it."""
        pool = None
        if self.executor is None and self.jobs > 1 and len(todo) >= PARALLEL_FROM:
            from concurrent.futures import ProcessPoolExecutor  # only runs that use it pay

            pool = ProcessPoolExecutor(max_workers=self.jobs)
            self.executor = pool
        try:
            yield from self._results(todo, stdin, stdin_name, progress)
        finally:
            if pool is not None:
                pool.shutdown(cancel_futures=True)
                self.executor = None

    def _results(
        self,
        todo: list[str],
        stdin: bytes | None,
        stdin_name: str,
        progress: Callable[[Iterable[str]], Iterable[str]] | None,
    ) -> Iterator[RunResult]:
        shown = progress(todo) if progress else todo
        if self.executor is None:
            for path in shown:
                if path == "-":
                    yield self.checker.check_file(stdin_name, stdin)
                else:
                    yield self.cached_check_file(path)
            return
        # Standard input is read here; files go to the workers, in chunks to keep them busy.
        on_disk = [p for p in todo if p != "-"]
        chunk = max(1, min(64, len(on_disk) // (8 * self.jobs)))
        mapped = iter(self.executor.map(self.task, on_disk, chunksize=chunk))
        for path in shown:
            yield self.checker.check_file(stdin_name, stdin) if path == "-" else next(mapped)

    def cached_check_file(self, path: str) -> RunResult:
        if self.cache is None:
            return self.checker.check_file(path)
        keyed = self.cache.key(path)
        if keyed is None:
            return self.checker.check_file(path)
        key, data = keyed
        hit = self.cache.get(key, path)
        if hit is not None:
            return hit
        result = self.checker.check_file(path, data)
        # A file read from disk again (a part at a time) is kept only if it did not change.
        if data is not None or self.cache.key(path) == keyed:
            self.cache.put(key, result)
        return result


_SCHEDULERS: dict[tuple[int, str | None], Scheduler] = {}


def check_file_task(config: Config, cache_dir: Path | None, path: str) -> RunResult:
    """Check one file in a worker process (a local pool's or a Dask cluster's).

    The worker finds the checks through the same entry points as the main process, and keeps
    one checker per configuration, so a task costs a file's work and nothing more.
    """
    key = (hash(repr(config)), str(cache_dir) if cache_dir else None)
    scheduler = _SCHEDULERS.get(key)
    if scheduler is None:
        from lintrials.plugins import discover

        _SCHEDULERS.clear()
        checks = discover()[0]
        scheduler = _SCHEDULERS[key] = Scheduler(FileChecker(checks, config), checks,
                                                 cache_dir=cache_dir)
    return scheduler.cached_check_file(path)
