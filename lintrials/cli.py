"""The command line: ``lintrials check``, ``lintrials rules``, ``lintrials rule NAME``.

Exit codes: 0 no finding at or above the failing severity; 1 findings; 2 a usage, configuration
or internal error (including a check that failed on a record).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

import click

from lintrials import __version__

if TYPE_CHECKING:
    from lintrials.engine import Runner
    from lintrials.plugins import Check
    from lintrials.results import RunResult

EXIT_FINDINGS, EXIT_ERROR = 1, 2
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
PROGRESS_FROM = 50  # files: below this a run is too short for a progress bar


def _fail(message: str) -> None:
    click.echo(f"lintrials: error: {message}", err=True)
    sys.exit(EXIT_ERROR)


def _split(values: tuple[str, ...]) -> list[str]:
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


def _load_checks() -> tuple[list[Check], list[str]]:
    from lintrials.plugins import discover

    checks, errors = discover()
    for error in errors:
        click.echo(f"lintrials: error: plugin: {error}", err=True)
    return checks, errors


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

    checks, plugin_errors = _load_checks()
    every: list[Rule] = [*checks, *ENGINE_RULES]
    try:
        config = load(every, config_path)
    except ConfigError as error:
        _fail(f"configuration: {error}")
        return
    for option, values in (
        ("--select", select),
        ("--extend-select", extend_select),
        ("--ignore", ignore),
    ):
        for selector in _split(values):
            if not any(matches(selector, c) for c in every):
                _fail(f"{option}: {selector!r} names no check (see `lintrials rules`)")
    if select:
        config.select = _split(select)
    config.extend_select += _split(extend_select)
    config.ignore += _split(ignore)
    if today is not None:
        config.today = today.date()
    if fail_on:
        config.fail_on = fail_on
    if suppressions_path is not None:
        config.suppressions = suppressions_path
    if add_suppressions is not None and config.suppressions is None:
        config.suppressions = Path(DEFAULT_SUPPRESSIONS)
    targets = list(paths) or ["."]
    stdin = sys.stdin.buffer.read() if "-" in targets else None
    client = _dask_client(dask_scheduler) if dask_scheduler else None
    runner = Runner(
        checks,
        config,
        baseline,
        jobs=jobs or os.cpu_count() or 1,
        cache_dir=None if no_cache else cache_dir,
        executor=client.get_executor() if client is not None else None,
    )
    # JSON Lines is written as the run goes, unless fixes re-check the files first.
    live = output_format == "json-lines" and not statistics and not (fix or diff)
    out: TextIO = sys.stdout
    if live and output_file is not None:
        out = output_file.open("w", encoding="utf-8")
    writer = JsonLinesWriter(out) if live else None
    try:
        result = runner.run(targets, stdin, stdin_filename, _progress_bar(),
                            emit=writer.findings if writer is not None else None)
        if fix or diff:
            result = _apply_fixes(
                runner, result, targets, stdin, stdin_filename, unsafe_fixes, write=fix and not diff
            )
    except ConfigError as error:
        _fail(str(error))
        return
    for note in result.notes:  # each once, however many records or processes said it
        click.echo(f"lintrials: note: {note}", err=True)
    if write_baseline is not None:
        from lintrials.suppressions import write_baseline as write

        write(write_baseline, result.findings)
        click.echo(
            f"lintrials: wrote {len(result.findings)} findings to {write_baseline}", err=True
        )
    if add_suppressions is not None and config.suppressions is not None:
        from lintrials.suppressions import add

        added = add(config.suppressions, result.findings, add_suppressions)
        click.echo(f"lintrials: added {added} entries to {config.suppressions}", err=True)
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
        sys.exit(EXIT_ERROR if plugin_errors or result.check_failures else 0)
    code = result.exit_code(config.fail_on)
    sys.exit(EXIT_ERROR if plugin_errors else code)


def _dask_client(address: str) -> Any:
    """A client of an existing Dask cluster, or a clear error."""
    try:
        import distributed
    except ImportError:
        _fail("--dask-scheduler needs Dask: pip install 'lintrials[dask]'")
    client: Any = distributed.Client
    try:
        return client(address, timeout="10s")
    except (OSError, TimeoutError) as error:
        _fail(f"--dask-scheduler: cannot reach {address}: {error}")


def _progress_bar() -> Callable[[Iterable[str]], Iterable[str]] | None:
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


def _apply_fixes(
    runner: Runner,
    result: RunResult,
    targets: list[str],
    stdin: bytes | None,
    stdin_name: str,
    unsafe: bool,
    write: bool,
) -> RunResult:
    """Fix, check again, and repeat while fixes apply (fixes that overlapped wait a pass)."""
    from lintrials import fixer

    fixed = 0
    for _ in range(10):
        changes, refused = fixer.plan(result.findings, unsafe)
        for reason in refused:
            click.echo(f"lintrials: {reason}", err=True)
        if not changes:
            break
        if not write:
            click.echo("".join(change.diff() for change in changes), nl=False)
            count = sum(len(c.fixed) for c in changes)
            click.echo(
                f"lintrials: {count} fix{'es' if count != 1 else ''} shown, none written", err=True
            )
            return result
        fixer.write(changes)
        fixed += sum(len(c.fixed) for c in changes)
        result = runner.run(targets, stdin, stdin_name)
    if write:
        click.echo(f"lintrials: fixed {fixed} finding{'s' if fixed != 1 else ''}", err=True)
    return result


@main.command()
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "markdown"]),
    default="text",
    show_default=True,
    help="markdown: the page docs/checks.md is generated from.",
)
def rules(output_format: str) -> None:
    """List every check by family (lines "# E  ..."): code, name, default severity, summary."""
    from lintrials.rules import ENGINE_RULES, Rule

    checks, _ = _load_checks()
    every: list[Rule] = sorted([*checks, *ENGINE_RULES], key=lambda c: c.code)
    if output_format == "markdown":
        from lintrials.reporters.rules_markdown import render_rules

        click.echo(render_rules(every), nl=False)
        return
    from lintrials.catalogue import FAMILIES, family

    shown = ""
    for c in every:
        if family(c.code) != shown:
            shown = family(c.code)
            click.echo(f"# {shown}  {FAMILIES.get(shown, 'other checks')}")
        state = "" if c.enabled else " (off by default)"
        click.echo(f"{c.code}  {c.name:<28} {c.severity:<8} {c.summary}{state}")


@main.command()
@click.argument("name")
def rule(name: str) -> None:
    """Print the documentation of one check, by code or name, with its measured figures."""
    from lintrials.catalogue import render
    from lintrials.rules import ENGINE_RULES, Rule

    checks, _ = _load_checks()
    every: list[Rule] = [*checks, *ENGINE_RULES]
    for c in every:
        if name in (c.code, c.name):
            click.echo(
                f"{c.code} {c.name} (default severity: {c.severity}"
                f"{'' if c.enabled else ', off by default'})\n\n{render(c)}"
            )
            return
    _fail(f"no check named {name!r} (see `lintrials rules`)")
