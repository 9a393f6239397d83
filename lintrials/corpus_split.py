"""The corpus in two parts: a development part to study and tune checks on, and an evaluation
part that is only ever read to measure them.

The rule, fixed for good (moving a record between parts would make every figure measured on the
evaluation part a figure on tuned records): a file is in the evaluation part when the SHA-256 of
its name without the extension (the NCT ID, for the corpus's ClinicalTrials.gov records, so that
a trial's JSON and legacy XML land together), upper-cased, read as a number, leaves a remainder
under 3 when divided by 10. About 30% of the files are evaluation records.

    python -m lintrials.corpus_split --part evaluation ../shared/corpus     # one file a line
    lintrials check --select E101 $(python -m lintrials.corpus_split --part evaluation DIR)
"""

from __future__ import annotations

import hashlib
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

PARTS = ("development", "evaluation")
_EVALUATION_TENTHS = 3
_RECORD_SUFFIXES = frozenset({".json", ".jsonl", ".ndjson", ".xml", ".txt", ".zip"})


def part_of(path: str | Path) -> str:
    """``"evaluation"`` or ``"development"``: the part of the corpus a file belongs to."""
    digest = hashlib.sha256(Path(path).stem.upper().encode("utf-8")).hexdigest()
    return "evaluation" if int(digest, 16) % 10 < _EVALUATION_TENTHS else "development"


def files_of(part: str, paths: Iterable[str | Path]) -> Iterator[Path]:
    """The record files under ``paths`` (folders walked, sorted) that belong to ``part``."""
    for path in map(Path, paths):
        found = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for file in found:
            if file.suffix in _RECORD_SUFFIXES and part_of(file) == part:
                yield file


def main(argv: list[str]) -> int:
    if len(argv) < 3 or argv[0] != "--part" or argv[1] not in PARTS:
        print("usage: python -m lintrials.corpus_split --part development|evaluation PATH...",
              file=sys.stderr)
        return 2
    for file in files_of(argv[1], argv[2:]):
        print(file)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
