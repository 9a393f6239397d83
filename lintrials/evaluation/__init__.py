"""Precision measured on the evaluation part of the corpus, from labels kept as data.

A label is one finding of the evaluation part, read against its record by a person and judged
true (TP) or false (FP), with a one-line reason. Labels live in ``evaluation/labels/NAME.tsv``,
one file per check, one row per finding::

    record  field  line  quote  verdict  reason  state  message

``record`` is the file's path under the corpus root, ``field`` the finding's field address,
``quote`` the text the finding points at (at most 120 characters, tabs and line breaks written
``\\t`` and ``\\n``). Those three, with the check, identify a finding across runs, so a reworded
message keeps its label. ``state`` is ``open`` while the finding is reported and ``fixed`` once a
change made a false finding go away: a fixed one must never come back, and a true one must never
go (tests/test_labels.py), unless a person marks it ``given-up``: a true finding a change lost on
purpose, kept as a measured loss of recall and counted in the figures' notes.

The sample of a check is every finding up to 40, else the 40 whose identity hashes lowest, so a
finding's place in the sample does not depend on what else the check reports. Precision is
correct / judged over the sample, with a 95% Wilson interval.

    python -m lintrials.evaluation sample   # add unjudged rows for sampled findings
    python -m lintrials.evaluation measure  # the figures; --write updates data/evaluation.yaml
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
import subprocess
import sys
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lintrials.catalogue import wilson
from lintrials.corpus_split import files_of, part_of


def _repository() -> Path:
    """The lintrials repository the labels live in: this package's own, when it runs from a
    checkout, else the current folder or the nearest parent that holds ``evaluation/`` (an
    installed lintrials run from inside a checkout, as CI runs the tests)."""
    for here in (Path(__file__).resolve().parents[2], Path.cwd(), *Path.cwd().parents):
        if (here / "evaluation" / "lintrials.yaml").is_file():
            return here
    return Path.cwd()


ROOT = _repository()
LABELS = ROOT / "evaluation" / "labels"
FIGURES = ROOT / "lintrials" / "data" / "evaluation.yaml"
CORPUS = ROOT.parent / "shared" / "corpus"
TODAY = "2026-11-22"  # fixed, so that date checks judge the same records the same way
SAMPLE_SIZE = 40
COLUMNS = ("record", "field", "line", "quote", "verdict", "reason", "state", "message")
VERDICTS = ("TP", "FP")
STATES = ("open", "fixed", "given-up")
_QUOTE_LIMIT = 120

Key = tuple[str, str, str, str]  # check name, record path under the corpus, field, quote


@dataclass
class Label:
    check: str
    record: str
    field: str
    line: int
    quote: str
    verdict: str  # TP, FP, or "" while nobody has judged it
    reason: str
    state: str
    message: str

    @property
    def key(self) -> Key:
        return (self.check, self.record, self.field, self.quote)

    def row(self) -> list[str]:
        reason = " ".join(self.reason.split())  # one line, no tabs: a TSV cell
        return [self.record, self.field, str(self.line), self.quote, self.verdict, reason,
                self.state, self.message]


@dataclass(frozen=True)
class Found:
    """One finding of a run on the evaluation part, as labels name it."""

    check: str
    record: str
    field: str
    line: int
    quote: str
    message: str
    pointer: str = ""  # the JSON pointer or XML path (not part of the identity)

    @property
    def key(self) -> Key:
        return (self.check, self.record, self.field, self.quote)


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "")


def read_labels(folder: Path = LABELS) -> dict[str, list[Label]]:
    """Every label file of ``folder``, by check name."""
    labels: dict[str, list[Label]] = {}
    for path in sorted(folder.glob("*.tsv")):
        with path.open(encoding="utf-8", newline="") as file:
            rows = list(csv.reader(file, delimiter="\t", quoting=csv.QUOTE_NONE, quotechar=None))
        if not rows or tuple(rows[0]) != COLUMNS:
            raise ValueError(f"{path.name}: the first row must be the header {COLUMNS}")
        items = labels.setdefault(path.stem, [])
        for number, row in enumerate(rows[1:], start=2):
            if len(row) != len(COLUMNS):
                raise ValueError(f"{path.name}:{number}: {len(row)} columns, not {len(COLUMNS)}")
            record, field, line, quote, verdict, reason, state, message = row
            items.append(Label(path.stem, record, field, int(line), quote, verdict, reason,
                               state, message))
    return labels


def write_labels(check: str, labels: list[Label], folder: Path = LABELS) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    rows = sorted(labels, key=lambda x: (x.record, x.line, x.field, x.quote))
    with (folder / f"{check}.tsv").open("w", encoding="utf-8", newline="") as file:
        writer = csv.writer(file, delimiter="\t", quoting=csv.QUOTE_NONE, quotechar=None,
                            lineterminator="\n")
        writer.writerow(COLUMNS)
        writer.writerows(label.row() for label in rows)


def _quote(lines: list[str], finding: dict[str, Any]) -> str:
    start, end = finding["line"] - 1, finding["end_line"] - 1
    if not 0 <= start < len(lines):
        return ""
    if start == end:
        text = lines[start][finding["column"] - 1:finding["end_column"] - 1]
    else:
        text = "\n".join([lines[start][finding["column"] - 1:], *lines[start + 1:end],
                          lines[min(end, len(lines) - 1)][:finding["end_column"] - 1]])
    return _escape(text)[:_QUOTE_LIMIT]


def run(corpus: Path = CORPUS, python: str = sys.executable) -> tuple[int, list[Found]]:
    """Run every check on the evaluation part: (files, findings)."""
    # Paths relative to the repository, as a user would name them: messages that name another
    # file then hold no machine's own folders.
    files = [os.path.relpath(p, ROOT) for p in files_of("evaluation", [corpus])]
    command = [python, "-m", "lintrials", "check", "--no-cache", "--format", "json",
               "--select", "ALL", "--today", TODAY, "--config",
               str(ROOT / "evaluation" / "lintrials.yaml"), *files]
    done = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, check=False)
    if done.returncode not in (0, 1):
        raise RuntimeError(f"lintrials failed ({done.returncode}): {done.stderr[-2000:]}")
    return len(files), read_findings(done.stdout, corpus, ROOT)


def read_findings(report: str, corpus: Path = CORPUS, base: Path | None = None) -> list[Found]:
    """The findings of a ``--format json`` report on the evaluation part's files (findings on
    other files, development records included, are left out); relative paths are read from
    ``base`` (default: the current folder)."""
    found, texts = [], {}
    for finding in json.loads(report):
        path = (base or Path.cwd()) / finding["path"]
        try:
            record = path.resolve().relative_to(corpus.resolve()).as_posix()
        except ValueError:
            continue
        if part_of(record) != "evaluation":
            continue
        if path not in texts:
            texts[path] = path.read_text(encoding="utf-8", errors="replace").splitlines()
        found.append(Found(finding["name"], record, finding.get("field") or "",
                           finding["line"], _quote(texts[path], finding),
                           _escape(finding["message"]), finding.get("pointer") or ""))
    return found


def _rank(key: Key, occurrence: int) -> str:
    return hashlib.sha256("\x00".join((*key, str(occurrence))).encode()).hexdigest()


def sample(found: Iterable[Found], size: int = SAMPLE_SIZE) -> dict[str, list[Found]]:
    """Each check's sample: every finding up to ``size``, else the ``size`` that rank first."""
    by_check: dict[str, list[tuple[str, Found]]] = {}
    seen: Counter[Key] = Counter()
    for item in sorted(found, key=lambda f: (f.key, f.line, f.message)):
        seen[item.key] += 1
        by_check.setdefault(item.check, []).append((_rank(item.key, seen[item.key]), item))
    return {check: [f for _, f in sorted(items, key=lambda x: x[0])[:size]]
            for check, items in by_check.items()}


@dataclass
class Figure:
    check: str
    findings: int
    sampled: int
    judged: int
    correct: int

    @property
    def interval(self) -> tuple[float, float]:
        return wilson(self.correct, self.judged)


@dataclass
class Measure:
    files: int
    figures: dict[str, Figure]
    unjudged: list[Found]  # sampled findings that no label judges yet
    lost: list[Label]  # true findings no longer reported
    returned: list[Label]  # false findings marked fixed that are reported again
    fixed: list[Label]  # false findings, still open in the labels, no longer reported


def measure(files: int, found: list[Found], labels: dict[str, list[Label]]) -> Measure:
    present = Counter(f.key for f in found)
    by_key = {label.key: label for items in labels.values() for label in items}
    figures, unjudged = {}, []
    counts = Counter(f.check for f in found)
    for check, items in sorted(sample(found).items()):
        judged = [by_key[f.key] for f in items if f.key in by_key and by_key[f.key].verdict]
        unjudged += [f for f in items if f.key not in by_key or not by_key[f.key].verdict]
        figures[check] = Figure(check, counts[check], len(items), len(judged),
                                sum(label.verdict == "TP" for label in judged))
    every = [label for items in labels.values() for label in items]
    lost = [x for x in every if x.verdict == "TP" and x.state == "open" and not present[x.key]]
    returned = [x for x in every if x.state == "fixed" and present[x.key]]
    fixed = [x for x in every if x.verdict == "FP" and x.state == "open" and not present[x.key]]
    return Measure(files, figures, unjudged, lost, returned, fixed)


def add_unjudged(result: Measure, labels: dict[str, list[Label]]) -> int:
    """Add a row without a verdict for every sampled finding no label names; how many."""
    known = {label.key for items in labels.values() for label in items}
    added = 0
    for f in result.unjudged:
        if f.key not in known:
            labels.setdefault(f.check, []).append(
                Label(f.check, f.record, f.field, f.line, f.quote, "", "", "open", f.message))
            known.add(f.key)
            added += 1
    return added


def table(result: Measure) -> str:
    """The figures as a plain table, one check a line."""
    lines = [f"{'check':32} {'findings':>8} {'sample':>6} {'judged':>6} {'correct':>7} "
             f"{'precision':>9}  95% interval"]
    for f in result.figures.values():
        share = f"{100 * f.correct / f.judged:.1f}%" if f.judged else "-"
        low, high = f.interval
        lines.append(f"{f.check:32} {f.findings:8} {f.sampled:6} {f.judged:6} {f.correct:7} "
                     f"{share:>9}  {100 * low:.0f}-{100 * high:.0f}%")
    return "\n".join(lines)


def _history(labels: list[Label]) -> str:
    """What the labels say of earlier code: false findings fixed, true ones given up."""
    fixed = sum(x.state == "fixed" for x in labels)
    given_up = [x for x in labels if x.state == "given-up"]
    said = []
    if fixed:
        said.append(f"{fixed} false finding{'s' * (fixed != 1)} of earlier code no longer made")
    if given_up:
        said.append(f"{len(given_up)} true finding{'s' * (len(given_up) != 1)} of earlier code "
                    "given up: " + "; ".join(x.reason for x in given_up))
    return ". ".join(said) + ("." if said else "")


def _entry(figure: Figure, files: int, date: str, labels: list[Label]) -> dict[str, Any]:
    whole = figure.sampled == figure.findings
    notes = _history(labels)
    return {
        "part": "evaluation",
        "command": f"python -m lintrials.evaluation measure (lintrials check --select ALL "
                   f"--today {TODAY} over the evaluation part)",
        "records": files,
        "findings": figure.findings,
        "judged": figure.judged,
        "correct": figure.correct,
        "sample": ("every finding" if whole else
                   f"a fixed sample of {figure.sampled} (those whose identity hashes lowest)")
                  + ", judged in evaluation/labels/" + figure.check + ".tsv",
        "date": date,
        **({"notes": notes} if notes else {}),
    }


def write_figures(result: Measure, labels: dict[str, list[Label]], date: str,
                  path: Path = FIGURES) -> None:
    import yaml

    data = {check: [_entry(f, result.files, date, labels.get(check, []))]
            for check, f in result.figures.items()}
    head = ("# Generated by `python -m lintrials.evaluation measure --write` from the labels in\n"
            "# evaluation/labels/: precision on the evaluation part of the corpus. Do not edit.\n")
    path.write_text(head + yaml.safe_dump(data, sort_keys=True, allow_unicode=True, width=96),
                    encoding="utf-8")
