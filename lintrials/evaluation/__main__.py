"""``python -m lintrials.evaluation sample|measure|recall``: see the package's documentation."""

from __future__ import annotations

import argparse
import datetime
import sys
from pathlib import Path

from lintrials.corpus_split import files_of
from lintrials.evaluation import (
    CORPUS,
    add_unjudged,
    measure,
    read_findings,
    read_labels,
    run,
    table,
    write_figures,
    write_labels,
)
from lintrials.evaluation.recall import read_recall, recall_table


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m lintrials.evaluation")
    parser.add_argument("action", choices=("sample", "measure", "recall"))
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--findings", type=Path,
                        help="measure a saved `lintrials check --format json` report instead")
    parser.add_argument("--write", action="store_true",
                        help="measure: write data/evaluation.yaml and mark fixed false findings")
    args = parser.parse_args(argv)
    labels = read_labels()
    if args.findings:
        files = sum(1 for _ in files_of("evaluation", [args.corpus]))
        found = read_findings(args.findings.read_text(encoding="utf-8"), args.corpus)
    else:
        files, found = run(args.corpus)
    if args.action == "recall":
        print(recall_table(found, read_recall()))
        return 0
    result = measure(files, found, labels)
    if args.action == "sample":
        added = add_unjudged(result, labels)
        for check, items in labels.items():
            write_labels(check, items)
        print(f"{added} sampled findings added to evaluation/labels/ for judging")
        return 0
    print(table(result))
    for title, items in (("true findings no longer reported", result.lost),
                         ("fixed false findings reported again", result.returned),
                         ("false findings no longer reported", result.fixed)):
        for label in items:
            print(f"{title}: {label.check} {label.record} {label.field} {label.quote!r}")
    if result.unjudged:
        print(f"{len(result.unjudged)} sampled findings have no verdict: run `sample` and judge")
    if args.write:
        for label in result.fixed:
            label.state = "fixed"
        for check, items in labels.items():
            write_labels(check, items)
        write_figures(result, labels, datetime.date.today().isoformat())
    return 1 if result.lost or result.returned else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
