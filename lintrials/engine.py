"""The run: read files, parse records, run the selected checks, locate what they report.

Per-record checks run as each record is parsed. Whole-run checks get a small summary of each
record (``summarize``) and, once every file is read, decide over all of them (``reduce``); the
records they report on are read again to locate the findings, so no file is held in memory for
the sake of a finding that may never come.
"""

from __future__ import annotations

import functools
import hashlib
import signal
import threading
import traceback
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any

from lintrials import files, suppressions
from lintrials.config import Config, excluded, ignored_for, matches, selected
from lintrials.findings import Finding, FixEdits, Problem, RelatedLocation, severity_rank
from lintrials.formats import FileProblem, ParsedRecord, detect
from lintrials.plugins import Check, Options
from lintrials.source import Source

if TYPE_CHECKING:
    from concurrent.futures import Executor


def _engine_rule(code: str, name: str, doc: str) -> Check:
    return Check(
        code=code,
        name=name,
        severity="error",
        doc=doc,
        options={},
        enabled=True,
        check=None,
        origin="lintrials (engine)",
    )


INVALID_SYNTAX = _engine_rule(
    "F001",
    "invalid-syntax",
    """\
    The file is not well-formed JSON or XML.

    What it finds: a file lintrials reads as JSON or XML that its parser cannot read; the finding
    points at the first character the parser could not read.

    Why it matters: nothing in the file can be checked, and the registry would reject the upload.

    Fails: a JSON export cut off mid-way: `{"protocolSection": {"identificationModule": {`.

    Passes: the same file downloaded again in full.

    Options: none.

    Fix safety: no fix.""",
)
UNKNOWN_FORMAT = _engine_rule(
    "F002",
    "unknown-format",
    """\
    The file is none of the record formats lintrials reads.

    What it finds: a file named on the command line, or an export-looking file in a folder, that is
    not a ClinicalTrials.gov API v2 JSON study, a legacy `<clinical_study>` XML record, or a study
    page saved as text.

    Why it matters: such a file would otherwise pass silently unchecked.

    Fails: an HTML page of a registry saved with a `.txt` ending.

    Passes: the same study downloaded as JSON from the registry.

    Options: none.

    Fix safety: no fix.""",
)
INVALID_RECORD = _engine_rule(
    "F003",
    "invalid-record",
    """\
    The file parses, but what it holds is not a registry record, or a value has the wrong type.

    What it finds: a study object without `protocolSection`, or a value of the wrong type (a
    number where the registry writes a string); the finding points at the value and names its JSON
    Pointer or XPath.

    Why it matters: the export was edited by hand or made by another tool, and checks cannot
    trust it.

    Fails: `"maximumAge": 65` (a number).

    Passes: `"maximumAge": "65 Years"`.

    Options: none.

    Fix safety: no fix.""",
)
UNREADABLE_FILE = _engine_rule(
    "F004",
    "unreadable-file",
    """\
    The file cannot be read as text: missing, unreadable, binary, or not valid in its encoding.

    What it finds: a file that is missing or cannot be read, or is not text in its encoding. UTF-8
    (with or without BOM), UTF-16 with BOM, and the encoding an XML declaration names are read;
    anything else is reported with the offset of the first bad byte.

    Why it matters: a pre-commit hook or CI run must say which file it could not read instead of
    skipping it.

    Fails: a Latin-1 file with no declaration.

    Passes: the same file saved as UTF-8.

    Options: none.

    Fix safety: no fix.""",
)
CHECK_FAILED = _engine_rule(
    "X001",
    "check-failed",
    """\
    A check raised an error on a record, or a plugin could not be loaded.

    What it finds: a check that failed on a record (reported on that record, with the check
    named), or a plugin that could not be loaded. The exit code is then 2.

    Why it matters: a broken check must not end the run or hide the other checks' findings, and CI
    must not mistake a partial run for a clean one.

    Fails: a third-party check that indexes past the end of a list.

    Passes: the same check, fixed, or left out with `--ignore`.

    Options: none.

    Fix safety: no fix.""",
)
UNUSED_SUPPRESSION = _engine_rule("X002", "unused-suppression", """\
    A suppression entry matches no finding in a run that checked its record.

    What it finds: an entry of the suppressions that no finding of the run matched, although the
    run checked the record it names.

    Why it matters: the defect it accepted was fixed, or the check or field was renamed; a stale
    entry would silently accept the next, different defect at the same place. Remove the entry.

    Fails: an entry for duplicate-site on NCT07314060 after the second site was deleted.

    Passes: an entry that still matches a finding.

    Options: none.

    Fix safety: no fix.""")
UNUSED_SUPPRESSION.severity = "warning"
ENGINE_RULES = [INVALID_SYNTAX, UNKNOWN_FORMAT, INVALID_RECORD, UNREADABLE_FILE, CHECK_FAILED,
                UNUSED_SUPPRESSION]


RecordRef = tuple[str, int]  # (source path, index of the record in its source)


@dataclass
class RunResult:
    findings: list[Finding] = field(default_factory=list)
    files: int = 0
    records: int = 0
    check_failures: int = 0
    checks: list[Check] = field(default_factory=list)  # the checks that ran, for reporters
    suppressed: list[Finding] = field(default_factory=list)  # accepted by a suppression entry
    baselined: int = 0  # findings left out because the baseline holds them
    record_ids: set[str] = field(default_factory=set)  # every record ID the run checked
    # Whole-run checks' summaries: check code -> [(record reference, summary)].
    summaries: dict[str, list[tuple[RecordRef, Any]]] = field(default_factory=dict)

    def merge(self, other: RunResult) -> None:
        """Add one file's result to the run's."""
        self.findings.extend(other.findings)
        self.files += other.files
        self.records += other.records
        self.check_failures += other.check_failures
        self.record_ids |= other.record_ids
        for code, items in other.summaries.items():
            self.summaries.setdefault(code, []).extend(items)

    def all_findings(self) -> list[Finding]:
        """Findings and suppressed findings, in file order (for reports that show both)."""
        return sorted(self.findings + self.suppressed, key=Finding.sort_key)

    def exit_code(self, fail_on: str) -> int:
        if self.check_failures:
            return 2
        threshold = severity_rank(fail_on)
        return 1 if any(severity_rank(f.severity) >= threshold for f in self.findings) else 0


# Files: a run over fewer is checked in this process, since starting workers costs more than
# it saves (a pre-commit hook usually hands over one or two files).
PARALLEL_FROM = 8


class Runner:
    def __init__(
        self,
        checks: list[Check],
        config: Config,
        baseline: Path | None = None,
        jobs: int = 1,
        cache_dir: Path | None = None,
    ) -> None:
        self.config = config
        self.baseline = baseline
        self.jobs = max(1, jobs)
        self.cache_dir = cache_dir
        self.cache = None
        if cache_dir is not None:
            from lintrials.cache import Cache, settings_fingerprint

            modules = {c.check.__module__ for c in checks if c.check} | {
                c.summarize.__module__ for c in checks if c.summarize}
            self.cache = Cache(cache_dir, settings_fingerprint(config, checks), modules)
        # Where files are checked when not here: a process pool or a Dask cluster's executor.
        self.executor: Executor | None = None
        self.task: Callable[[str], RunResult] = functools.partial(
            check_file_task, config, cache_dir)
        self.checks = [c for c in checks if selected(config, c)]
        # Files that cannot be read are always reported, whatever is selected, unless ignored.
        self.engine_rules = {
            r.code: r is CHECK_FAILED or not any(matches(s, r) for s in config.ignore)
            for r in ENGINE_RULES
        }
        self.options: dict[str, Options] = {}
        self.shared: dict[Any, Any] = {}  # one copy of each value whole-run summaries hold
        for check in self.checks:
            options = Options(config.options.get(check.code, check.options))
            options.today = config.today
            self.options[check.code] = options

    def run(
        self,
        paths: list[str],
        stdin: bytes | None = None,
        stdin_name: str = "-",
        progress: Callable[[Iterable[str]], Iterable[str]] | None = None,
    ) -> RunResult:
        """Check every file of ``paths``; ``progress`` may wrap the list of files to show it."""
        result = RunResult()
        todo = [p for p in files.discover(paths) if p == "-" or not excluded(self.config, p)]
        pool = None
        if self.executor is None and self.jobs > 1 and len(todo) >= PARALLEL_FROM:
            from concurrent.futures import ProcessPoolExecutor  # only runs that use it pay

            pool = ProcessPoolExecutor(max_workers=self.jobs)
            self.executor = pool
        try:
            for file_result in self._results(todo, stdin, stdin_name, progress):
                for items in file_result.summaries.values():  # from a worker or the cache
                    items[:] = [(ref, share(summary, self.shared, top=False))
                                for ref, summary in items]
                result.merge(file_result)
        finally:
            if pool is not None:
                pool.shutdown(cancel_futures=True)
                self.executor = None
        self._reduce(result.summaries, result, paths, stdin, stdin_name)
        result.findings.sort(key=Finding.sort_key)
        assign_fingerprints(result.findings)
        result.checks = self.checks + ENGINE_RULES
        if self.config.suppressions is not None:
            self._suppress(result, self.config.suppressions)
        if self.baseline is not None:
            result.findings, result.baselined = suppressions.apply_baseline(
                self.baseline, result.findings)
        return result

    def _results(
        self,
        todo: list[str],
        stdin: bytes | None,
        stdin_name: str,
        progress: Callable[[Iterable[str]], Iterable[str]] | None,
    ) -> Iterator[RunResult]:
        """Each file's result, in the order of ``todo``, from this process or from workers."""
        shown = progress(todo) if progress else todo
        if self.executor is None:
            for path in shown:
                if path == "-":
                    yield self.check_file(stdin_name, stdin)
                else:
                    yield self.cached_check_file(path)
            return
        # Standard input is read here; files go to the workers, in chunks to keep them busy.
        on_disk = [p for p in todo if p != "-"]
        chunk = max(1, min(64, len(on_disk) // (8 * self.jobs)))
        mapped = iter(self.executor.map(self.task, on_disk, chunksize=chunk))
        for path in shown:
            yield self.check_file(stdin_name, stdin) if path == "-" else next(mapped)

    def cached_check_file(self, path: str) -> RunResult:
        if self.cache is None:
            return self.check_file(path)
        keyed = self.cache.key(path)
        if keyed is None:
            return self.check_file(path)
        key, data = keyed
        hit = self.cache.get(key)
        if hit is not None:
            return hit
        result = self.check_file(path, data)
        # A file read from disk again (a part at a time) is kept only if it did not change.
        if data is not None or self.cache.key(path) == keyed:
            self.cache.put(key, result)
        return result

    def check_file(self, path: str, data: bytes | None = None) -> RunResult:
        """Read, parse and check one file (or standard input, given as ``data``)."""
        result = RunResult()
        seen: set[str] = set()  # a zip's members count as files; a JSON Lines file's parts not
        for item in files.read(path, data):
            if item.path not in seen:
                seen.add(item.path)
                result.files += 1
            if isinstance(item, files.ReadProblem):
                self._file_finding(result, UNREADABLE_FILE, item.path, item.message, None,
                                   (item.line, item.column))
                continue
            self._check_source(item, result, result.summaries)
        return result

    def _suppress(self, result: RunResult, path: Path) -> None:
        entries = suppressions.load(path)
        result.findings, result.suppressed = suppressions.apply(result.findings, entries)
        by_name = {c.code: c for c in self.checks} | {c.name: c for c in self.checks}
        for entry in entries:
            if entry.used or entry.record not in result.record_ids or entry.check not in by_name:
                continue  # only what this run could have matched is stale
            if not self.engine_rules[UNUSED_SUPPRESSION.code]:
                continue
            result.findings.append(Finding(
                code=UNUSED_SUPPRESSION.code, name=UNUSED_SUPPRESSION.name,
                severity=self.config.severities.get(UNUSED_SUPPRESSION.code, "warning"),
                message=f"suppression of {entry.check} on {entry.record}"
                        f"{' ' + entry.field if entry.field else ''} matches no finding: "
                        "remove the entry", path=str(path), line=entry.line, column=1,
                end_line=entry.line, end_column=2, record=entry.record, field=entry.field))
        result.findings.sort(key=Finding.sort_key)

    def _check_source(
        self, source: Source, result: RunResult, summaries: dict[str, list[tuple[RecordRef, Any]]]
    ) -> None:
        if not source.text or source.text.isspace():
            if not source.json_lines:  # (a blank part of a JSON Lines file is no finding)
                self._file_finding(
                    result,
                    UNKNOWN_FORMAT,
                    source.path,
                    "the file is empty: no registry record in it",
                    source,
                    0,
                )
            return
        fmt = _format_of(source)
        if fmt is None:
            self._file_finding(
                result,
                UNKNOWN_FORMAT,
                source.path,
                "not a registry record format lintrials reads (ClinicalTrials.gov "
                "API v2 JSON, legacy ClinicalTrials.gov XML, or a study page as text)",
                source,
                0,
            )
            return
        for item in fmt.parse(source):
            if isinstance(item, FileProblem):
                rule = INVALID_SYNTAX if item.kind == "syntax" else INVALID_RECORD
                self._file_finding(
                    result, rule, source.path, item.message, source, item.offset, item.pointer
                )
                continue
            result.records += 1
            if item.record.nct_id:
                result.record_ids.add(item.record.nct_id)
            result.findings.extend(self._check_record(item, source.path, result, summaries))

    def _check_record(
        self,
        parsed: ParsedRecord,
        path: str,
        result: RunResult,
        summaries: dict[str, list[tuple[RecordRef, Any]]],
    ) -> Iterator[Finding]:
        record_id = parsed.record.nct_id
        limit = self.config.record_time_limit
        with time_limit(limit) as rearm:
            for check in self.checks:
                if ignored_for(self.config, check, path, record_id):
                    continue
                options = self.options[check.code]
                try:
                    problems = list(check.check(parsed.record, options)) if check.check else []
                    summary = check.summarize(parsed.record, options) if check.summarize else None
                except CheckTimeout:
                    result.check_failures += 1
                    yield self._failure(check, CheckTimeout(
                        f"still running after {limit:g} s on this record (record-time-limit): "
                        "stopped"), parsed, path)
                    rearm()
                    continue
                except Exception as error:  # a failing check is reported, and the run goes on
                    result.check_failures += 1
                    yield self._failure(check, error, parsed, path)
                    continue
                garbage = next((p for p in problems if not isinstance(p, Problem)), None)
                if garbage is not None:
                    result.check_failures += 1
                    yield self._failure(check, TypeError(
                        f"yielded {type(garbage).__name__} {garbage!r:.60}, not a Problem"),
                        parsed, path)
                    continue
                for problem in problems:
                    yield self._locate(check, problem, parsed, path)
                if summary is not None:
                    summaries.setdefault(check.code, []).append(
                        ((path, parsed.index), share(summary, self.shared, top=False)))

    def _reduce(
        self,
        summaries: dict[str, list[tuple[RecordRef, Any]]],
        result: RunResult,
        paths: list[str],
        stdin: bytes | None,
        stdin_name: str,
    ) -> None:
        pending: dict[str, list[tuple[Check, int, Problem]]] = defaultdict(list)
        for check in self.checks:
            if check.reduce is None or not summaries.get(check.code):
                continue
            try:
                for (path, index), problem in check.reduce(
                    summaries[check.code], self.options[check.code]
                ):
                    pending[path].append((check, index, problem))
            except Exception as error:
                result.check_failures += 1
                result.findings.append(
                    Finding(
                        code=CHECK_FAILED.code,
                        name=CHECK_FAILED.name,
                        severity="error",
                        message=f"check {check.name} ({check.code}) failed over the run: "
                        f"{type(error).__name__}: {error}",
                        path="-",
                    )
                )
        for path, items in pending.items():
            # Each record reported on is located as the file is read again, then let go (the
            # part of a JSON Lines file it came from with it); reading stops after the last.
            wanted: dict[int, list[tuple[Check, Problem]]] = defaultdict(list)
            for check, index, problem in items:
                wanted[index].append((check, problem))
            for record in self._reparse(path, stdin if path == stdin_name else None):
                for check, problem in wanted.pop(record.index, ()):
                    if not ignored_for(self.config, check, path, record.record.nct_id):
                        result.findings.append(self._locate(check, problem, record, path))
                if not wanted:
                    break

    @staticmethod
    def _reparse(path: str, data: bytes | None) -> Iterable[ParsedRecord]:
        archive = (
            path.split(files.ZIP_MEMBER_SEPARATOR, 1)[0]
            if files.ZIP_MEMBER_SEPARATOR in path
            else path
        )
        for item in files.read(archive, data):
            if isinstance(item, Source) and item.path == path:
                fmt = _format_of(item)
                if fmt is not None:
                    yield from (p for p in fmt.parse(item) if isinstance(p, ParsedRecord))

    def _severity(self, check: Check, problem: Problem) -> str:
        return self.config.severities.get(check.code) or problem.severity or check.severity

    def _locate(self, check: Check, problem: Problem, parsed: ParsedRecord, path: str) -> Finding:
        try:
            position, pointer = parsed.locator.locate(problem.field, problem.span)
        except Exception:  # a check naming a field the format does not know: the record itself
            position, pointer = parsed.locator.locate(None, None)
        related = []
        for other in problem.related:
            try:
                where, other_pointer = parsed.locator.locate(other, None)
            except Exception:
                continue
            related.append(RelatedLocation(other, where.line, where.column, other_pointer))
        return Finding(
            code=check.code,
            name=check.name,
            severity=self._severity(check, problem),
            message=problem.message,
            path=path,
            line=position.line,
            column=position.column,
            end_line=position.end_line,
            end_column=position.end_column,
            record=parsed.record.nct_id,
            field=share(problem.field, self.shared),  # the same few hundred fields and
            pointer=share(pointer, self.shared),  # pointers recur in every record
            related=related,
            fix=self._fix(problem, parsed),
        )

    @staticmethod
    def _fix(problem: Problem, parsed: ParsedRecord) -> FixEdits | None:
        fix = problem.fix
        target = fix.field or problem.field if fix else None
        if fix is None or target is None:
            return None
        try:
            edits = parsed.locator.fix_edits(fix, target)
        except (KeyError, ValueError, IndexError):
            return None  # a field the format cannot rewrite exactly: no fix rather than a wrong one
        return FixEdits(fix.description, fix.safe, tuple(edits)) if edits else None

    def _failure(self, check: Check, error: Exception, parsed: ParsedRecord, path: str) -> Finding:
        frame = traceback.extract_tb(error.__traceback__)[-1] if error.__traceback__ else None
        where = f" at {frame.filename.rsplit('/', 1)[-1]}:{frame.lineno}" if frame else ""
        position, pointer = parsed.locator.locate(None, None)
        return Finding(
            code=CHECK_FAILED.code,
            name=CHECK_FAILED.name,
            severity="error",
            message=f"check {check.name} ({check.code}) failed on this record: "
            f"{type(error).__name__}: {error}{where}",
            path=path,
            line=position.line,
            column=position.column,
            end_line=position.end_line,
            end_column=position.end_column,
            record=parsed.record.nct_id,
            pointer=pointer,
        )

    def _file_finding(
        self,
        result: RunResult,
        rule: Check,
        path: str,
        message: str,
        source: Source | None,
        offset: int | tuple[int, int],
        pointer: str | None = None,
    ) -> None:
        if not self.engine_rules.get(rule.code) or ignored_for(self.config, rule, path, None):
            return
        if isinstance(offset, tuple):
            line, column = offset
        else:
            line, column = source.line_col(offset) if source is not None else (1, 1)
        result.findings.append(
            Finding(
                code=rule.code,
                name=rule.name,
                severity=self.config.severities.get(rule.code, rule.severity),
                message=message,
                path=path,
                line=line,
                column=column,
                end_line=line,
                end_column=column + 1,
                pointer=pointer,
            )
        )


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


def _format_of(source: Source) -> ModuleType | None:
    """A part of a JSON Lines file (files.py) is of a known format; other sources are sniffed."""
    if source.json_lines:
        from lintrials.formats import ctgov_json

        return ctgov_json
    return detect(source.path, source.text)


class CheckTimeout(Exception):
    """A check ran past the record time limit."""


@contextmanager
def time_limit(seconds: float) -> Iterator[Callable[[], None]]:
    """Interrupt what runs inside after ``seconds`` with `CheckTimeout`; yield a re-arm.

    A safety net against a check that hangs (a regular expression that backtracks without end,
    a plugin's endless loop). It needs SIGALRM and the main thread: where there is neither (a
    Dask worker's thread, Windows) checks run without a limit.
    """
    usable = (seconds > 0 and hasattr(signal, "setitimer")
              and threading.current_thread() is threading.main_thread())
    if not usable:
        yield lambda: None
        return

    def interrupt(signum: int, frame: object) -> None:
        raise CheckTimeout

    def arm() -> None:
        signal.setitimer(signal.ITIMER_REAL, seconds)

    previous = signal.signal(signal.SIGALRM, interrupt)
    arm()
    try:
        yield arm
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


_RUNNERS: dict[tuple[int, str | None], Runner] = {}


def check_file_task(config: Config, cache_dir: Path | None, path: str) -> RunResult:
    """Check one file in a worker process (a local pool's or a Dask cluster's).

    The worker finds the checks through the same entry points as the main process, and keeps
    one runner per configuration, so a task costs a file's work and nothing more.
    """
    key = (hash(repr(config)), str(cache_dir) if cache_dir else None)
    runner = _RUNNERS.get(key)
    if runner is None:
        from lintrials.plugins import discover

        _RUNNERS.clear()
        runner = _RUNNERS[key] = Runner(discover()[0], config, cache_dir=cache_dir)
    return runner.cached_check_file(path)


def assign_fingerprints(findings: list[Finding]) -> None:
    """Give each finding a fingerprint that survives re-export and re-formatting.

    It is made of the check, the record and the field (not the file, line or column, which move
    when a registry export is generated again), and the finding's rank among findings with the
    same three, so two findings on one criteria text stay apart.
    """
    seen: dict[str, int] = defaultdict(int)
    for finding in findings:
        key = finding.key
        finding.fingerprint = hashlib.sha256(f"{key}\x00{seen[key]}".encode()).hexdigest()[:32]
        seen[key] += 1


def lint(
    paths: list[str],
    select: list[str] | None = None,
    today: date | None = None,
    config_path: Path | None = None,
    search_from: Path | None = None,
) -> RunResult:
    """Run lintrials from Python: the same run as ``lintrials check``, returning the result."""
    from lintrials.config import load
    from lintrials.plugins import discover

    checks, _ = discover()
    config = load(checks + ENGINE_RULES, config_path, search_from)
    if select is not None:
        config.select = select
    if today is not None:
        config.today = today
    return Runner(checks, config).run(paths)
