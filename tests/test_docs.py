"""The check catalogue: every check documented, with corpus figures, and docs/checks.md current."""

from __future__ import annotations

from click.testing import CliRunner

from conftest import REPO
from lintrials.cli import main
from lintrials.plugins import discover
from lintrials.reporters.rules_markdown import corpus_figures


def test_docs_checks_md_is_the_generated_page() -> None:
    generated = CliRunner().invoke(main, ["rules", "--format", "markdown"]).output
    assert (REPO / "docs" / "checks.md").read_text(encoding="utf-8") == generated, (
        "regenerate: lintrials rules --format markdown > docs/checks.md")


def test_every_check_is_documented_with_its_corpus_precision() -> None:
    checks, errors = discover()
    assert errors == []
    built_in = [c for c in checks if "(lintrials.checks." in c.origin]
    assert len(built_in) >= 30
    for check in built_in:
        assert "Why" in check.doc or "why" in check.doc.lower(), check.name
        figures = corpus_figures(check)
        assert figures is not None, f"{check.name}: no 'Corpus: N findings, M correct' line"
        found, correct = figures
        if check.enabled and found:
            assert correct / found >= 0.9, f"{check.name}: precision under 90% but on by default"
