"""The real records the tests use: each copy in tests/data/corpus has its provenance row (where
it came from), and each row names a copy that is there."""

from __future__ import annotations

import csv

from conftest import DATA

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
