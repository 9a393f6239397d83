"""The command line: ``lintrials check``, ``lintrials rules``, ``lintrials rule NAME``.

Exit codes: 0 no finding at or above the failing severity; 1 findings; 2 a usage, configuration
or internal error (including a check that failed on a record).
"""

from __future__ import annotations

import os
import sys
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

import click

from lintrials import __version__
from lintrials.cli_rules import load_checks, rule, rules
from lintrials.terminal import EXIT_ERROR, fail, progress_bar, say

if TYPE_CHECKING:
    from lintrials.engine import Runner
    from lintrials.results import RunResult

REPORT_FORMATS = [
    "text",
    "full",
    "json",
    "json-lines",
    "sarif",
    "junit",
    "github",
    "gitlab",
    "html",
]
DEFAULT_SUPPRESSIONS = ".lintrials-suppressions.yaml"
def _split(values: tuple[str, ...]) -> list[str]:
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


def _read_stdin() -> bytes:
    """Standard input, under the size limit of a file; closed standard input is an error."""
    from lintrials.files import MAX_FILE_BYTES

    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:  # `lintrials check - <&-`: Python sets sys.stdin to None
        fail("'-' reads standard input, but standard input is closed")
        return b""
    try:
        data: bytes = stream.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        fail(f"cannot read standard input: {error.strerror or error}")
        return b""
    if len(data) > MAX_FILE_BYTES:
        fail(f"standard input is over the {MAX_FILE_BYTES:,} bytes lintrials reads in one "
              "file; not read (split the export)")
    return data


def _why_exit_2(plugin_errors: list[str], result: RunResult, not_fixed: int) -> str:
    """The one line that says why a run exits 2."""
    import re

    reasons = []
    if plugin_errors:
        count = len(plugin_errors)
        reasons.append(f"{count} plugin{'s' if count != 1 else ''} not loaded (X001)")
    failed: dict[str, int] = {}
    unread = 0  # files lintrials itself failed on (a reader, a missing dependency)
    for finding in result.findings:
        if finding.code == "X001":
            named = re.match(r"check (\S+) \(", finding.message)
            if named is None:
                unread += 1
                continue
            failed[named.group(1)] = failed.get(named.group(1), 0) + 1
    for name, count in failed.items():
        reasons.append(f"check {name} failed on {count} record{'s' if count != 1 else ''} (X001)")
    if unread:
        reasons.append(f"lintrials failed on {unread} file{'s' if unread != 1 else ''} (X001)")
    if not failed and not unread and result.check_failures:
        reasons.append(f"{result.check_failures} check failures (X001)")
    if not_fixed:
        reasons.append(f"{not_fixed} file{'s' if not_fixed != 1 else ''} not fixed")
    return "exit 2: " + "; ".join(reasons)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="lintrials")
def main() -> None:
    """A linter for clinical-trial registry records."""


@main.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option(
    "--select",
    multiple=True,
    metavar="CHECKS",
    help="Run only these checks: codes, names or code prefixes, comma-separated.",
)
@click.option(
    "--extend-select",
    multiple=True,
    metavar="CHECKS",
    help="Run these checks on top of the selected ones.",
)
@click.option("--ignore", multiple=True, metavar="CHECKS", help="Do not run these checks.")
@click.option(
    "--config",
    "config_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Configuration file (default: .lintrials.yaml, lintrials.yaml or "
    "pyproject.toml [tool.lintrials], here or in a parent folder).",
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(REPORT_FORMATS),
    default="text",
    show_default=True,
    help="Output format.",
)
@click.option(
    "--output-file",
    "-o",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the report to this file instead of standard output.",
)
@click.option(
    "--statistics", is_flag=True, help="Count findings per check instead of listing them."
)
@click.option(
    "--today",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    help="The date date-based checks compare against (YYYY-MM-DD; default: today).",
)
@click.option(
    "--fail-on",
    type=click.Choice(["info", "warning", "error"]),
    help="Lowest severity that makes the exit code 1 (default from config: warning).",
)
@click.option(
    "--stdin-filename",
    default="-",
    metavar="NAME",
    help="The name to report for standard input (given as the path '-').",
)
@click.option(
    "--suppressions",
    "suppressions_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Suppression file: accepted findings by check, record and field, with reasons.",
)
@click.option(
    "--add-suppressions",
    metavar="REASON",
    help="Add an entry with this reason to the suppression file for every finding.",
)
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=1),
    default=None,
    help="Processes to check files in (default: every core).",
)
@click.option(
    "--no-cache",
    is_flag=True,
    help="Check every file again instead of reusing the findings of unchanged files.",
)
@click.option(
    "--cache-dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path(".lintrials_cache"),
    show_default=True,
    help="Where findings of checked files are kept between runs.",
)
@click.option(
    "--follow-outside-links",
    is_flag=True,
    help="Read links to files in walked folders that lead outside the paths given "
    "(skipped by default, so a committed link cannot make lintrials read a secret).",
)
@click.option(
    "--dask-scheduler",
    metavar="ADDRESS",
    help="Check files on this Dask cluster (needs lintrials[dask] there and here).",
)
@click.option(
    "--fix", is_flag=True, help="Apply the fixes that are safe, then report what is left."
)
@click.option("--unsafe-fixes", is_flag=True, help="With --fix or --diff: apply unsafe fixes too.")
@click.option("--diff", is_flag=True, help="Show the fixes as a diff instead of writing them.")
@click.option(
    "--baseline",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Report only findings that this baseline file does not hold.",
)
@click.option(
    "--write-baseline",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write every finding of this run to a baseline file.",
)
def check(
    paths: tuple[str, ...],
    select: tuple[str, ...],
    extend_select: tuple[str, ...],
    ignore: tuple[str, ...],
    config_path: Path | None,
    output_format: str,
    output_file: Path | None,
    statistics: bool,
    today: datetime | None,
    fail_on: str | None,
    stdin_filename: str,
    suppressions_path: Path | None,
    add_suppressions: str | None,
    baseline: Path | None,
    write_baseline: Path | None,
    jobs: int | None,
    no_cache: bool,
    cache_dir: Path,
    follow_outside_links: bool,
    dask_scheduler: str | None,
    fix: bool,
    unsafe_fixes: bool,
    diff: bool,
) -> None:
    """Check registry records in PATHS (files and folders; '-' reads standard input)."""
    from lintrials.config import ConfigError, load, matches
    from lintrials.engine import Runner
    from lintrials.reporters import report_chunks
    from lintrials.reporters.json_lines import Writer as JsonLinesWriter
    from lintrials.rules import ENGINE_RULES, Rule

    checks, plugin_errors = load_checks()
    every: list[Rule] = [*checks, *ENGINE_RULES]
    try:
        config = load(every, config_path)
    except ConfigError as error:
        fail(f"configuration: {error}")
        return
    for option, values in (
        ("--select", select),
        ("--extend-select", extend_select),
        ("--ignore", ignore),
    ):
        for selector in _split(values):
            if not any(matches(selector, c) for c in every):
                fail(f"{option}: {selector!r} names no check (see `lintrials rules`)")
    if select:
        config.select = _split(select)
    config.extend_select += _split(extend_select)
    config.ignore += _split(ignore)
    if today is not None:
        config.today = today.date()
    if fail_on:
        config.fail_on = fail_on
    config.follow_outside_links = follow_outside_links
    if suppressions_path is not None:
        config.suppressions = suppressions_path
        config.suppressions_named_at = "--suppressions"
    if (config.suppressions is not None and add_suppressions is None
            and not config.suppressions.exists()):
        fail(f"{config.suppressions_named_at}: no such suppression file: {config.suppressions} "
              "(--add-suppressions REASON creates it)")
    if add_suppressions is not None and config.suppressions is None:
        config.suppressions = Path(DEFAULT_SUPPRESSIONS)
    targets = list(paths) or ["."]
    stdin = _read_stdin() if "-" in targets else None
    client = _dask_client(dask_scheduler) if dask_scheduler else None
    runner = Runner(
        checks,
        config,
        baseline,
        jobs=jobs or os.cpu_count() or 1,
        cache_dir=None if no_cache else cache_dir,
        executor=client.get_executor() if client is not None else None,
    )
    not_fixed = 0  # files whose fixes could not be written
    # JSON Lines is written as the run goes, unless fixes re-check the files first.
    live = output_format == "json-lines" and not statistics and not (fix or diff)
    out: TextIO = sys.stdout
    if live and output_file is not None:
        out = output_file.open("w", encoding="utf-8")
    writer = JsonLinesWriter(out) if live else None
    try:
        result = runner.run(targets, stdin, stdin_filename, progress_bar(),
                            emit=writer.findings if writer is not None else None)
        if fix or diff:
            result, not_fixed = _apply_fixes(
                runner, result, targets, stdin, stdin_filename, unsafe_fixes, write=fix and not diff
            )
    except ConfigError as error:
        fail(str(error))
        return
    for note in result.notes:  # each once, however many records or processes said it
        say(f"note: {note}")
    if write_baseline is not None:
        from lintrials.suppressions import write_baseline as write

        write(write_baseline, result.findings)
        say(f"wrote {len(result.findings)} findings to {write_baseline}")
    if add_suppressions is not None and config.suppressions is not None:
        from lintrials.suppressions import add

        added = add(config.suppressions, result.findings, add_suppressions)
        say(f"added {added} entries to {config.suppressions}")
    chunks = report_chunks("statistics" if statistics else output_format, result, config)
    if writer is not None:
        writer.end(result)
        if out is not sys.stdout:
            out.close()
    elif output_file is not None:
        with output_file.open("w", encoding="utf-8") as out:
            out.writelines(chunks)
    else:
        sys.stdout.writelines(chunks)
    if write_baseline is not None or add_suppressions is not None:
        code = EXIT_ERROR if result.check_failures else 0
    else:
        code = result.exit_code(config.fail_on)
    if plugin_errors or not_fixed or code == EXIT_ERROR:
        say(_why_exit_2(plugin_errors, result, not_fixed))
        code = EXIT_ERROR
    sys.exit(code)


def _dask_client(address: str) -> Any:
    """A client of an existing Dask cluster, or a clear error."""
    try:
        import distributed
    except ImportError:
        fail("--dask-scheduler needs Dask: pip install 'lintrials[dask]'")
    client: Any = distributed.Client
    try:
        return client(address, timeout="10s")
    except (OSError, TimeoutError) as error:
        fail(f"--dask-scheduler: cannot reach {address}: {error}")


def _apply_fixes(
    runner: Runner,
    result: RunResult,
    targets: list[str],
    stdin: bytes | None,
    stdin_name: str,
    unsafe: bool,
    write: bool,
) -> tuple[RunResult, int]:
    """Fix, check again, and repeat while fixes apply (fixes that overlapped wait a pass).

    Returns the last run's result and how many files could not be written (each said once).
    """
    from lintrials import fixer

    fixed = 0
    left: dict[str, str] = {}  # files given up on, with why: said once, not tried again
    not_written = 0
    # A whole-run check's fix is made from every file: not from the one file's bytes at hand.
    whole_run = {c.code for c in runner.checker.checks if c.reduce is not None}
    for _ in range(10):
        todo = [f for f in result.findings if f.path not in left and f.code not in whole_run]
        changes, refused, failed = fixer.plan(todo, unsafe, runner.checker.check_file)
        if write:
            failed.update(fixer.write(changes))
            changes = [c for c in changes if c.path not in failed]
        for path, reason in {**refused, **failed}.items():
            say(f"{path}: {reason}")
        left.update(refused)
        left.update(failed)
        not_written += len(failed)
        if not changes:
            break
        if not write:
            click.echo("".join(change.diff() for change in changes), nl=False)
            count = sum(len(c.fixed) for c in changes)
            click.echo(
                f"lintrials: {count} fix{'es' if count != 1 else ''} shown, none written", err=True
            )
            return result, not_written
        fixed += sum(len(c.fixed) for c in changes)
        result = runner.run(targets, stdin, stdin_name)
    if write:
        unfixed = f"; {not_written} file{'s' if not_written != 1 else ''} not fixed (exit 2)"
        click.echo(f"lintrials: fixed {fixed} finding{'s' if fixed != 1 else ''}"
                   f"{unfixed if not_written else ''}", err=True)
    return result, not_written


main.add_command(rules)
main.add_command(rule)
