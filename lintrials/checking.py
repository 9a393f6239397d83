"""One file, start to end: read it, parse its records, run the checks on each, and locate
what they report. Whatever process or cluster a file is checked in, it is checked here."""

from __future__ import annotations

from typing import Any

from lintrials import files
from lintrials.config import Config, ignored_for, matches, selected
from lintrials.execute import check_options, run_checks
from lintrials.formats import FileProblem, ParsedRecord
from lintrials.locate import Locate
from lintrials.parsing import format_of
from lintrials.plugins import Check
from lintrials.results import RunResult
from lintrials.rules import (
    CHECK_FAILED,
    ENGINE_RULES,
    INVALID_RECORD,
    INVALID_SYNTAX,
    UNKNOWN_FORMAT,
    UNREADABLE_FILE,
    EngineRule,
)
from lintrials.source import Source
from lintrials.summaries import keep


class FileChecker:
    def __init__(self, checks: list[Check], config: Config) -> None:
        self.config = config
        self.checks = [c for c in checks if selected(config, c)]
        self.options = {c.code: check_options(c, config) for c in self.checks}
        # Files that cannot be read are always reported, whatever is selected, unless ignored.
        self.engine_rules = {
            r.code: r is CHECK_FAILED or not any(matches(s, r) for s in config.ignore)
            for r in ENGINE_RULES
        }
        self.shared: dict[Any, Any] = {}  # one copy of each value whole-run summaries hold
        self.locate = Locate(config, self.shared)

    def check_file(self, path: str, data: bytes | None = None) -> RunResult:
        """Read, parse and check one file (or standard input, given as ``data``)."""
        result = RunResult()
        seen: set[str] = set()  # a zip's members count as files; a JSON Lines file's parts not
        for item in files.read(path, data):
            if item.path not in seen:
                seen.add(item.path)
                result.files += 1
            if isinstance(item, files.ReadProblem):
                self._file_finding(result, UNREADABLE_FILE, item.path, item.message,
                                   item.line, item.column)
                continue
            try:
                self._check_source(item, result)
            except Exception as error:  # a reader that breaks must not end the run: X001, exit 2
                result.findings.append(self.locate.check_failed(
                    f"lintrials failed on this file: {type(error).__name__}: {error}", item.path))
                result.check_failures += 1
        return result

    def _check_source(self, source: Source, result: RunResult) -> None:
        if not source.text or source.text.isspace():
            if not source.json_lines:  # (a blank part of a JSON Lines file is no finding)
                self._file_finding(result, UNKNOWN_FORMAT, source.path,
                                   "the file is empty: no registry record in it",
                                   *source.line_col(0))
            return
        fmt = format_of(source)
        if fmt is None:
            self._file_finding(
                result, UNKNOWN_FORMAT, source.path,
                "not a registry record format lintrials reads (ClinicalTrials.gov "
                "API v2 JSON, legacy ClinicalTrials.gov XML, or a study page as text)",
                *source.line_col(0))
            return
        for item in fmt.parse(source):
            if isinstance(item, FileProblem):
                rule = {"syntax": INVALID_SYNTAX, "format": UNKNOWN_FORMAT}.get(item.kind,
                                                                             INVALID_RECORD)
                self._file_finding(result, rule, source.path, item.message,
                                   *source.line_col(item.offset), item.pointer)
                continue
            result.records += 1
            if item.record.nct_id:
                result.record_ids.add(item.record.nct_id)
            self._check_record(item, source.path, result)

    def _check_record(self, parsed: ParsedRecord, path: str, result: RunResult) -> None:
        record_id = parsed.record.nct_id
        checks = [(c, self.options[c.code]) for c in self.checks
                  if not ignored_for(self.config, c, path, record_id)]
        notes: list[str] = []
        outcomes = run_checks(parsed.record, checks, self.config.today, notes,
                              self.config.record_time_limit)
        for outcome in outcomes:
            if outcome.failure is not None:
                result.check_failures += 1
                result.findings.append(self.locate.check_failed(outcome.failure, path, parsed))
                continue
            for problem in outcome.problems:
                result.findings.append(self.locate.problem(outcome.check, problem, parsed, path))
            if outcome.summary is not None:
                keep(result.summaries, outcome.check.code, (path, parsed.index),
                     outcome.summary, self.shared)
        result.add_notes(notes)

    def _file_finding(self, result: RunResult, rule: EngineRule, path: str, message: str,
                      line: int, column: int, pointer: str | None = None) -> None:
        if not self.engine_rules.get(rule.code) or ignored_for(self.config, rule, path, None):
            return
        result.findings.append(self.locate.engine(rule, message, path, line, column,
                                                  pointer=pointer))
