"""The real records the tests use: each copy in tests/data/corpus has its provenance row (where
it came from), and each row names a copy that is there."""

from __future__ import annotations

import csv

from conftest import DATA
from lintrials.corpus_split import part_of

COLUMNS = ["file", "corpus_path", "source_repository", "commit", "source_path"]


def test_every_record_copy_has_one_provenance_row() -> None:
    with (DATA / "PROVENANCE.tsv").open(encoding="utf-8", newline="") as file:
        reader = csv.DictReader(file, delimiter="\t", quoting=csv.QUOTE_NONE)
        assert reader.fieldnames == COLUMNS
        rows = list(reader)
    named = [row["file"] for row in rows]
    assert len(named) == len(set(named)), "a copy has two provenance rows"
    assert all(all(row[c] for c in COLUMNS) for row in rows), "a provenance row has an empty cell"
    copies = {p.relative_to(DATA).as_posix() for p in (DATA / "corpus").rglob("*") if p.is_file()}
    assert sorted(copies - set(named)) == [], "record copies without a provenance row"
    assert sorted(n for n in set(named) - copies if not (DATA / n).is_file()) == [], (
        "provenance rows for copies that are not there")


def test_copies_come_from_the_development_part() -> None:
    """Records read to measure precision are not copied into tests: a new copy must be of the
    development part. The copies made before the split are listed, to be replaced."""
    listed = [line for line in (DATA / "EVALUATION_COPIES.txt").read_text().splitlines()
              if line and not line.startswith("#")]
    with (DATA / "PROVENANCE.tsv").open(encoding="utf-8", newline="") as file:
        rows = list(csv.DictReader(file, delimiter="\t", quoting=csv.QUOTE_NONE))
    # The part is the corpus file's (a copy may be a cut of it, under another name).
    evaluation = [row["file"] for row in rows if "/corpus/" in row["corpus_path"]
                  and part_of(row["corpus_path"]) == "evaluation"]
    assert sorted(set(evaluation) - set(listed)) == [], "new copies of evaluation-part records"
    assert sorted(set(listed) - set(evaluation)) == [], (
        "listed copies that are gone or not of the evaluation part: take them off the list")
