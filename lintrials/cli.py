"""The command line: ``lintrials check``, ``lintrials rules``, ``lintrials rule NAME``.

Exit codes: 0 no finding at or above the failing severity; 1 findings; 2 a usage, configuration
or internal error (including a check that failed on a record).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from lintrials import __version__

if TYPE_CHECKING:
    from lintrials.plugins import Check

EXIT_FINDINGS, EXIT_ERROR = 1, 2


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
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="Output format.",
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
def check(
    paths: tuple[str, ...],
    select: tuple[str, ...],
    extend_select: tuple[str, ...],
    ignore: tuple[str, ...],
    config_path: Path | None,
    output_format: str,
    today: object,
    fail_on: str | None,
    stdin_filename: str,
) -> None:
    """Check registry records in PATHS (files and folders; '-' reads standard input)."""
    from lintrials.config import ConfigError, load, matches
    from lintrials.engine import ENGINE_RULES, Runner
    from lintrials.reporters import reporter

    checks, plugin_errors = _load_checks()
    try:
        config = load(checks + ENGINE_RULES, config_path)
    except ConfigError as error:
        _fail(f"configuration: {error}")
        return
    every = checks + ENGINE_RULES
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
        config.today = today.date()  # type: ignore[attr-defined]
    if fail_on:
        config.fail_on = fail_on
    targets = list(paths) or ["."]
    stdin = sys.stdin.buffer.read() if "-" in targets else None
    result = Runner(checks, config).run(targets, stdin, stdin_filename)
    sys.stdout.write(reporter(output_format).render(result, config))
    code = result.exit_code(config.fail_on)
    sys.exit(EXIT_ERROR if plugin_errors else code)


@main.command()
def rules() -> None:
    """List every check: code, name, default severity, and what it checks."""
    from lintrials.engine import ENGINE_RULES

    checks, _ = _load_checks()
    for c in sorted(checks + ENGINE_RULES, key=lambda c: c.code):
        state = "" if c.enabled else " (off by default)"
        click.echo(f"{c.code}  {c.name:<28} {c.severity:<8} {c.summary}{state}")


@main.command()
@click.argument("name")
def rule(name: str) -> None:
    """Print the documentation of one check, by code or name."""
    from lintrials.engine import ENGINE_RULES

    checks, _ = _load_checks()
    for c in checks + ENGINE_RULES:
        if name in (c.code, c.name):
            options = "".join(f"\n  {k}: {v!r}" for k, v in c.options.items())
            click.echo(
                f"{c.code} {c.name} (default severity: {c.severity}"
                f"{'' if c.enabled else ', off by default'})\n\n{c.doc}"
            )
            if options:
                click.echo(f"\nOptions and their defaults:{options}")
            return
    _fail(f"no check named {name!r} (see `lintrials rules`)")
