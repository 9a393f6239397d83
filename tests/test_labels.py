"""Labels are data: the judged findings of the evaluation part (evaluation/labels/), the records
read in full for recall (evaluation/recall/), and the figures made from them
(lintrials/data/evaluation.yaml). The corpus test runs every check on the evaluation part: a
labelled true finding that is no longer reported, or a false one that a fix removed and that is
back, fails it."""

from __future__ import annotations

import pytest
import yaml

from conftest import WHOLE_CORPUS
from lintrials.catalogue import wilson
from lintrials.corpus_split import part_of
from lintrials.evaluation import (
    FIGURES,
    STATES,
    VERDICTS,
    Found,
    Label,
    measure,
    read_labels,
    sample,
)
from lintrials.evaluation.recall import Defect, read_recall, recall_records, reported
from lintrials.plugins import discover
from lintrials.rules import ENGINE_RULES

NAMES = {c.name for c in discover()[0]} | {r.name for r in ENGINE_RULES}
LABELS = read_labels()


def test_wilson_interval_matches_the_textbook_values() -> None:
    low, high = wilson(0, 10)
    assert low == 0.0 and high == pytest.approx(0.2775, abs=1e-4)
    low, high = wilson(38, 40)
    assert (low, high) == (pytest.approx(0.8350, abs=1e-4), pytest.approx(0.9862, abs=1e-4))


def _found(n: int, check: str = "some-check") -> list[Found]:
    return [Found(check, f"ctgov_v2_json/NCT{i:08}.json", "f", 1, "q", "m") for i in range(n)]


def test_a_sample_keeps_its_members_when_the_check_reports_more() -> None:
    few = _found(30)
    assert len(sample(few)["some-check"]) == 30  # every finding, up to 40
    many = sample(_found(100))["some-check"]
    more = sample(_found(101))["some-check"]
    assert len(many) == len(more) == 40
    assert len(set(many) - set(more)) <= 1  # one new finding displaces at most one


def test_measure_counts_the_sample_and_names_lost_and_returned_findings() -> None:
    found = _found(3)
    labels = {"some-check": [
        Label("some-check", found[0].record, "f", 1, "q", "TP", "right", "open", "m"),
        Label("some-check", found[1].record, "f", 1, "q", "FP", "wrong", "open", "m"),
        Label("some-check", "ctgov_v2_json/NCT99999999.json", "f", 1, "q", "TP", "gone",
              "open", "m"),
        Label("some-check", found[2].record, "f", 1, "q", "FP", "was fixed", "fixed", "m"),
    ]}
    result = measure(3, found, labels)
    figure = result.figures["some-check"]
    assert (figure.findings, figure.sampled, figure.judged, figure.correct) == (3, 3, 3, 1)
    assert [x.reason for x in result.lost] == ["gone"]
    assert [x.reason for x in result.returned] == ["was fixed"]
    assert result.unjudged == []


def test_a_defect_is_reported_by_a_finding_on_its_field_or_the_item_that_holds_it() -> None:
    defect = Defect("g", "r.json", "duplicate-site", "locations[4].facility", "", "")
    on_item = Found("duplicate-site", "r.json", "locations[4]", 1, "", "")
    elsewhere = Found("duplicate-site", "r.json", "locations[41].facility", 1, "", "")
    other_check = Found("truncated-site-name", "r.json", "locations[4].facility", 1, "", "")
    assert reported(defect, [on_item])
    assert not reported(defect, [elsewhere, other_check])


@pytest.mark.parametrize("check", sorted(LABELS))
def test_label_files_are_well_formed(check: str) -> None:
    assert check in NAMES, f"evaluation/labels/{check}.tsv names no check"
    for label in LABELS[check]:
        where = f"{check}: {label.record} {label.field}"
        assert part_of(label.record) == "evaluation", f"{where}: not an evaluation record"
        assert label.verdict in (*VERDICTS, ""), f"{where}: verdict {label.verdict!r}"
        assert label.state in STATES, f"{where}: state {label.state!r}"
        assert not label.verdict or label.reason.strip(), f"{where}: a verdict needs a reason"
        assert label.state != "fixed" or label.verdict == "FP", f"{where}: only FP is fixed"
        assert label.state != "given-up" or label.verdict == "TP", f"{where}: only TP is given up"


def test_recall_groups_read_the_records_the_fixed_rule_chose() -> None:
    groups = read_recall()
    for group, (records, defects) in groups.items():
        if WHOLE_CORPUS.is_dir():
            chosen = recall_records(group, WHOLE_CORPUS)
            assert set(records) <= set(chosen), f"{group}: records outside the fixed choice"
        assert len(records) == len(set(records)), f"{group}: a record read twice"
        for record in records:
            assert part_of(record) == "evaluation", f"{group}: {record} is not evaluation"
        for defect in defects:
            assert defect.check in NAMES, f"{group}: {defect.record}: no check {defect.check}"
            assert defect.reason.strip(), f"{group}: {defect.record}: a defect needs a reason"


def test_evaluation_figures_name_only_labelled_checks() -> None:
    data = yaml.safe_load(FIGURES.read_text(encoding="utf-8")) if FIGURES.is_file() else {}
    for check, (entry,) in (data or {}).items():
        assert check in LABELS, f"evaluation.yaml: {check} has no labels"
        assert entry["correct"] <= entry["judged"] <= entry["findings"], check


@pytest.mark.corpus
@pytest.mark.slow
def test_labels_hold_on_the_evaluation_part() -> None:
    from lintrials.evaluation import run

    files, found = run(WHOLE_CORPUS)
    result = measure(files, found, LABELS)
    lost = [f"{x.check} {x.record} {x.field} {x.quote!r}" for x in result.lost]
    assert not lost, "labelled true findings no longer reported:\n" + "\n".join(lost)
    back = [f"{x.check} {x.record} {x.field} {x.quote!r}" for x in result.returned]
    assert not back, "fixed false findings reported again:\n" + "\n".join(back)
    unjudged = [f"{x.check} {x.record} {x.field}" for x in result.unjudged]
    assert not unjudged, ("sampled findings without a verdict (python -m lintrials.evaluation "
                          "sample, then judge them):\n" + "\n".join(unjudged))
    written = yaml.safe_load(FIGURES.read_text(encoding="utf-8"))
    now = {check: (f.findings, f.judged, f.correct) for check, f in result.figures.items()}
    then = {check: (e["findings"], e["judged"], e["correct"]) for check, (e,) in written.items()}
    assert now == then, "lintrials/data/evaluation.yaml is stale: measure --write"
