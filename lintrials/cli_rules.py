"""``lintrials rules`` and ``lintrials rule NAME``: the catalogue of checks, from the checks
themselves (and `lintrials/data/figures.yaml` for what was measured)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from lintrials.terminal import fail, say

if TYPE_CHECKING:
    from lintrials.plugins import Check


def load_checks() -> tuple[list[Check], list[str]]:
    from lintrials.plugins import discover

    checks, errors = discover()
    for error in errors:
        say(f"error: plugin (X001): {error}")
    return checks, errors


@click.command()
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

    checks, _ = load_checks()
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


@click.command()
@click.argument("name")
def rule(name: str) -> None:
    """Print the documentation of one check, by code or name, with its measured figures."""
    from lintrials.catalogue import render
    from lintrials.rules import ENGINE_RULES, Rule

    checks, _ = load_checks()
    every: list[Rule] = [*checks, *ENGINE_RULES]
    for c in every:
        if name in (c.code, c.name):
            click.echo(
                f"{c.code} {c.name} (default severity: {c.severity}"
                f"{'' if c.enabled else ', off by default'})\n\n{render(c)}"
            )
            return
    fail(f"no check named {name!r} (see `lintrials rules`)")
