"""The check catalogue: code families, the sections of a check's documentation, measured figures.

A check's docstring has a one-line summary, then the sections of `HEADINGS` in that order, each
starting on a line of its own with the heading and a colon (the text may follow on that line:
``Options: none.``). Measured figures are not prose: they are data in ``data/figures.yaml``,
one entry per measurement, and `render` prints both, for ``lintrials rule NAME`` and for the
page ``docs/checks.md``.
"""

from __future__ import annotations

import math
import re
import textwrap
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Any

import yaml

from lintrials.rules import Rule

FAMILIES = {
    "E": "eligibility: criteria, age and sex fields",
    "S": "status and dates",
    "D": "design: phase, masking, arms, enrollment",
    "L": "locations: sites and their addresses",
    "C": "contacts: names, phones, e-mail",
    "O": "outcome measures",
    "P": "posted results: participant flow, baseline, outcome results, adverse events",
    "I": "identifiers: secondary IDs and the registries they belong to",
    "G": "governance: sponsors, responsible party, officials, oversight, data sharing",
    "T": "text: empty, leaked markup, brackets, placeholders",
    "R": "whole run: records compared across the run, and the NCT ID they are keyed on",
    "F": "files: what the engine could not read (engine rules)",
    "X": "engine: failed checks, unused suppressions (engine rules)",
}
HEADINGS = ("What it finds", "Why it matters", "Fails", "Passes", "Options", "Fix safety")
_HEADING = re.compile(rf"^({'|'.join(HEADINGS)}):[ \t]*(.*)$")


def family(code: str) -> str:
    """The family letters of a code: ``"E"`` for E101, ``"ZZ"`` for a third-party ZZ901."""
    return code.rstrip("0123456789")


def sections(doc: str) -> dict[str, str]:
    """A docstring's sections by heading; the summary line comes under ``""``."""
    found: dict[str, list[str]] = {"": []}
    current = ""
    for line in textwrap.dedent(doc).strip().splitlines():
        heading = _HEADING.match(line)
        if heading:
            current = heading.group(1)
            found[current] = [heading.group(2)] if heading.group(2) else []
        else:
            found[current].append(line)
    return {key: "\n".join(lines).strip() for key, lines in found.items()}


def wilson(correct: int, judged: int, z: float = 1.96) -> tuple[float, float]:
    """The 95% Wilson score interval of ``correct / judged``."""
    if not judged:
        return (0.0, 1.0)
    p = correct / judged
    scale = 1 + z * z / judged
    centre = (p + z * z / (2 * judged)) / scale
    half = z * math.sqrt(p * (1 - p) / judged + z * z / (4 * judged * judged)) / scale
    return (max(0.0, centre - half), min(1.0, centre + half))


@dataclass(frozen=True)
class Measurement:
    """One measurement of a check: a run over some records, its findings judged by a person.

    ``part`` names the records: ``whole-corpus`` is every record of the project's corpus.
    ``judged`` findings were read (all of them, or a sample: ``sample`` says which), and
    ``correct`` of those were right, so the precision is ``correct / judged``.
    """

    part: str
    command: str
    records: int
    findings: int
    judged: int
    correct: int
    sample: str
    date: str
    notes: str = ""

    @property
    def precision(self) -> float | None:
        return self.correct / self.judged if self.judged else None

    def line(self) -> str:
        """One line: the date, the part, how many findings, how many judged correct."""
        head = f"{self.date}, {self.part} ({self.records:,} records): {self.findings:,} findings"
        if not self.judged:
            return head
        return f"{head}, {self.correct:,} of {self.judged:,} judged correct ({self.share()})"

    def share(self) -> str:
        """The precision in words: ``"95%, 95% interval 83-99%"``."""
        if not self.judged:
            return "none judged"
        share = f"{100 * self.correct / self.judged:.1f}".removesuffix(".0")
        low, high = wilson(self.correct, self.judged)
        return f"{share}%, 95% interval {100 * low:.0f}-{100 * high:.0f}%"


def _measurement(name: str, entry: Any) -> Measurement:
    if not isinstance(entry, dict):
        raise ValueError(f"figures.yaml: {name}: each measurement is a mapping")
    fields = {str(k): v for k, v in entry.items()}
    try:
        measurement = Measurement(**fields)
    except TypeError as error:
        raise ValueError(f"figures.yaml: {name}: {error}") from None
    for key in ("records", "findings", "judged", "correct"):
        if not isinstance(getattr(measurement, key), int):
            raise ValueError(f"figures.yaml: {name}: {key} must be a whole number")
    if not measurement.correct <= measurement.judged <= measurement.findings:
        raise ValueError(f"figures.yaml: {name}: needs correct <= judged <= findings")
    return measurement


@cache
def figures() -> dict[str, tuple[Measurement, ...]]:
    """The measurements of the built-in checks by name: those of ``data/figures.yaml`` (on the
    corpus the checks were written against), then those of ``data/evaluation.yaml`` (on the
    evaluation part, from the labels in ``evaluation/labels/``)."""
    measured: dict[str, tuple[Measurement, ...]] = {}
    for source in ("figures.yaml", "evaluation.yaml"):
        resource = files("lintrials").joinpath("data", source)
        if not resource.is_file():
            continue
        data = yaml.safe_load(resource.read_text(encoding="utf-8")) or {}
        for name, entries in data.items():
            found = tuple(_measurement(str(name), entry) for entry in entries)
            measured[str(name)] = measured.get(str(name), ()) + found
    return measured


def development(name: str) -> Measurement | None:
    """The first measurement of a check on records it was written or tuned against."""
    return next((m for m in figures().get(name, ()) if m.part != "evaluation"), None)


def evaluation(name: str) -> Measurement | None:
    """The check's measurement on the evaluation part, if it has one."""
    return next((m for m in figures().get(name, ()) if m.part == "evaluation"), None)


_OPTION = re.compile(r"^  (\w+) (\(.*)$")


def _markdown(doc: str) -> list[str]:
    """The docstring as Markdown: headings in bold, option lines as a list."""
    lines, heading = [], ""
    for line in doc.splitlines():
        found = _HEADING.match(line)
        if found:
            heading = found.group(1)
            line = f"**{heading}:** {found.group(2)}".rstrip()
        elif heading == "Options" and _OPTION.match(line):
            line = _OPTION.sub(r"- `\1` \2", line)
        lines.append(line)
    return lines


def render(check: Rule, markdown: bool = False) -> str:
    """A check's documentation and figures: the text of ``lintrials rule NAME``, or its section
    of ``docs/checks.md``."""
    doc = textwrap.dedent(check.doc).strip()
    lines = _markdown(doc) if markdown else doc.splitlines()
    if check.options:
        lines += ["", "**Defaults:**" if markdown else "Defaults:", ""]
        lines += [f"- `{k}`: `{v!r}`" if markdown else f"  {k}: {v!r}"
                  for k, v in check.options.items()]
    for m in figures().get(check.name, ()):
        lines += ["", f"**Measured:** {m.line()}." if markdown else f"Measured: {m.line()}."]
        if markdown:
            lines += [f"Judged: {m.sample}, from `{m.command}`."]
        else:
            lines += [f"  judged: {m.sample}", f"  command: {m.command}"]
        if m.notes:
            lines += ["", m.notes if markdown else textwrap.fill(m.notes, 96)]
    return "\n".join(lines)
