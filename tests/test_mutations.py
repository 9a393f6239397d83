"""The mutation harness (scripts/mutations.py) and its specs (tests/mutations/*.yaml): every spec
is valid and every edit applies, the harness finds a real injected defect and leaves a correct
variant silent, docs/mutations.md is the current report, and each check has its spec."""

from __future__ import annotations

import importlib.util
import json
import shutil
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import yaml
from lxml import etree

from conftest import CORPUS, REPO
from lintrials.plugins import discover


def _load_harness() -> ModuleType:
    name = "lintrials_mutation_harness"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, REPO / "scripts" / "mutations.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # (dataclasses look their module up while the class is made)
    spec.loader.exec_module(module)
    return module


mutations = _load_harness()
SPEC_FILES = sorted((REPO / "tests" / "mutations").glob("*.yaml"))
BUILT_IN = [c for c in discover()[0] if "(lintrials.checks." in c.origin]
KNOWN = {c.name: c for c in discover()[0]}
# Every check on by default (the engine's own F and X rules are not checks: they have no spec).
DEFAULT_ON = {c.name for c in BUILT_IN if c.enabled}

# Every check on by default must have a spec (off-by-default ones with a spec are held to the same
# numbers of cases by the test above).
SPEC_REQUIRED = DEFAULT_ON
MIN_FLAGGED, MIN_SILENT = 5, 3


@pytest.fixture(scope="module")
def harness() -> Any:
    return mutations.Harness()


def _spec_of(name: str) -> Path:
    return REPO / "tests" / "mutations" / f"{name}.yaml"


# --- the specs ---------------------------------------------------------------------------


@pytest.mark.parametrize("path", SPEC_FILES, ids=[p.stem for p in SPEC_FILES])
def test_a_spec_is_valid_and_every_edit_applies(path: Path) -> None:
    spec = mutations.load_spec(path, KNOWN)  # raises SpecError, naming the case, if not
    assert spec.check == path.stem, "a spec is named after its check: <check-name>.yaml"
    for case in spec.cases:
        baseline, mutated = mutations.mutate(case)
        assert baseline != mutated, f"{case.where}: the edits change nothing"


@pytest.mark.parametrize("path", SPEC_FILES, ids=[p.stem for p in SPEC_FILES])
def test_a_spec_present_has_enough_cases_of_each_kind(path: Path) -> None:
    spec = mutations.load_spec(path, KNOWN)
    expects = [case.expect for case in spec.cases]
    assert expects.count("flagged") >= MIN_FLAGGED, f"{path.name}: under {MIN_FLAGGED} flagged"
    assert expects.count("silent") >= MIN_SILENT, f"{path.name}: under {MIN_SILENT} silent"


@pytest.mark.parametrize("name", sorted(SPEC_REQUIRED))
def test_every_default_on_check_has_a_mutation_spec(name: str) -> None:
    """Every check on by default has a spec with enough cases of each kind."""
    assert name in DEFAULT_ON, f"{name}: not a check on by default"
    path = _spec_of(name)
    assert path.is_file(), f"{name}: no mutation spec: write tests/mutations/{name}.yaml"
    expects = [case.expect for case in mutations.load_spec(path, KNOWN).cases]
    assert expects.count("flagged") >= MIN_FLAGGED and expects.count("silent") >= MIN_SILENT


def test_docs_mutations_md_is_the_generated_report(harness: Any) -> None:
    specs, errors = mutations.load_specs([], KNOWN)
    assert errors == []
    generated = "\n".join(mutations.markdown_report(mutations.run_specs(specs, harness))) + "\n"
    assert (REPO / "docs" / "mutations.md").read_text(encoding="utf-8") == generated, (
        "regenerate: python scripts/mutations.py --markdown > docs/mutations.md")


# --- the harness on real records ---------------------------------------------------------

RECRUITING = "ctgov_v2_json/NCT04638790.json"  # RECRUITING; both completions 2026-12-31, ESTIMATED


def _write_spec(tmp_path: Path, cases: list[dict[str, object]],
                check: str = "open-past-completion") -> Path:
    path = tmp_path / f"{check}.yaml"
    path.write_text(yaml.safe_dump({"check": check, "cases": cases}), encoding="utf-8")
    return path


def _cases(tmp_path: Path, cases: list[dict[str, object]],
           check: str = "open-past-completion") -> Iterator[Any]:
    yield from mutations.load_spec(_write_spec(tmp_path, cases, check), KNOWN).cases


def test_the_harness_finds_a_moved_completion_date_and_not_a_later_one(
        tmp_path: Path, harness: Any) -> None:
    moved, later = _cases(tmp_path, [
        {"name": "primary completion moved to 2025", "record": RECRUITING, "expect": "flagged",
         "edits": [{"set": "protocolSection.statusModule.primaryCompletionDateStruct.date",
                    "value": "2025-06-30"}]},
        {"name": "primary completion moved to 2027", "record": RECRUITING, "expect": "silent",
         "edits": [{"replace": "2026-12-31", "with": "2027-12-31"}]},
    ])
    found = harness.run(moved)
    assert found.right and not found.broken
    (new,) = found.new
    assert new.startswith("S102 primary_completion_date: status is RECRUITING, but the "
                          "anticipated primary completion date 2025-06-30 has passed")
    quiet = harness.run(later)
    assert quiet.right and quiet.new == () and not quiet.fired


def test_a_defect_the_record_already_has_is_not_a_new_finding(
        tmp_path: Path, harness: Any) -> None:
    """NCT04265963 is RECRUITING with its completion dates passed: S102 already reports it, so
    an edit that leaves that finding as it was makes no new one, and a flagged case misses."""
    (case,) = _cases(tmp_path, [
        {"name": "an unrelated title edit", "record": "ctgov_v2_json/NCT04265963.json",
         "expect": "flagged", "edits": [{"set": "protocolSection.identificationModule.briefTitle",
                                         "value": "Another title"}]}])
    outcome = harness.run(case)
    assert outcome.new == () and not outcome.right
    report = mutations.CheckReport("open-past-completion", "S102", [outcome])
    text = "\n".join(mutations.text_report([report]))
    assert "0/1 (0%)" in text and "misses: 1" in text and "an unrelated title edit" in text


def test_an_edit_that_makes_the_record_unreadable_is_broken(
        tmp_path: Path, harness: Any) -> None:
    (case,) = _cases(tmp_path, [
        {"name": "status module replaced by a number", "record": RECRUITING, "expect": "silent",
         "edits": [{"set": "protocolSection.statusModule", "value": 7}]}])
    outcome = harness.run(case)
    assert outcome.broken and outcome.broken[0].startswith("F003")
    assert not outcome.right


def test_a_duplicate_case_runs_the_mutated_record_beside_the_original(
        tmp_path: Path, harness: Any) -> None:
    changed, same = _cases(tmp_path, [
        {"name": "second copy with another status", "record": RECRUITING, "expect": "flagged",
         "duplicate": True,
         "edits": [{"set": "protocolSection.statusModule.overallStatus", "value": "COMPLETED"}]},
        {"name": "second copy reindented only", "record": RECRUITING, "expect": "silent",
         "duplicate": True,
         "edits": [{"replace": "2026-12-31", "with": "2026-12-31"}]},
    ], check="conflicting-duplicate")
    found = harness.run(changed)
    assert found.right and "is also in copy/NCT04638790.json" in found.new[0]
    assert tempfile.gettempdir() not in found.new[0]  # paths inside the run's folder only
    assert harness.run(same).right


def test_options_and_today_of_a_case(tmp_path: Path, harness: Any) -> None:
    """A primary completion 21 days past is inside the 30 days' grace; with grace_days 0 it is
    reported; with the run date a month earlier it is in the future."""
    edits = [{"set": "protocolSection.statusModule.primaryCompletionDateStruct.date",
              "value": "2026-11-01"}]
    graced, strict, earlier = _cases(tmp_path, [
        {"name": "in the grace", "record": RECRUITING, "expect": "silent", "edits": edits},
        {"name": "no grace", "record": RECRUITING, "expect": "flagged", "edits": edits,
         "options": {"grace_days": 0}},
        {"name": "a month earlier", "record": RECRUITING, "expect": "silent", "edits": edits,
         "options": {"grace_days": 0}, "today": "2026-10-22"},
    ])
    assert [harness.run(c).right for c in (graced, strict, earlier)] == [True] * 3
    assert "(as of 2026-11-22)" in harness.run(strict).new[0]


def test_also_runs_other_records_beside_the_mutated_one(tmp_path: Path, harness: Any) -> None:
    others = ["ctgov_v2_json/NCT05348876.json", "ctgov_v2_json/NCT04892173.json"]
    edits = [{"set": "protocolSection.contactsLocationsModule.locations[1].facility",
              "value": "Tata Memorial Hosptial"}]
    beside, alone = _cases(tmp_path, [
        {"name": "beside", "record": "ctgov_v2_json/NCT05857631.json", "expect": "flagged",
         "also": others, "edits": edits},
        {"name": "alone", "record": "ctgov_v2_json/NCT05857631.json", "expect": "flagged",
         "edits": edits},
    ], check="facility-spelling-variants")
    (new,) = harness.run(beside).new
    assert "2 other records of the run (NCT04892173, NCT05348876)" in new
    assert harness.run(alone).new == ()


def test_the_command_prints_the_report_and_exits_0_with_misses(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _write_spec(tmp_path, [
        {"name": "a miss", "record": "ctgov_v2_json/NCT04265963.json", "expect": "flagged",
         "edits": [{"replace": "2019-09-01", "with": "2019-09-02"}]}])
    assert mutations.main([str(path), "--markdown"]) == 0
    out = capsys.readouterr().out
    assert "| open-past-completion | S102 | 0/1 | 0% | 0/0 | - |" in out
    assert "## Misses (1)" in out and "- S102 open-past-completion: a miss (" in out


# --- spec errors -------------------------------------------------------------------------


@pytest.mark.parametrize(("case", "said"), [
    ({"record": RECRUITING, "expect": "flagged", "edits": [{"replace": "no such text anywhere",
                                                            "with": "x"}]},
     "edit 1: the text 'no such text anywhere' is in no string value"),
    ({"record": RECRUITING, "expect": "flagged", "edits": [
        {"set": "protocolSection.nosuchModule.date", "value": "x"}]},
     "the record has no protocolSection.nosuchModule"),
    ({"record": RECRUITING, "expect": "flagged", "edits": [
        {"set": "protocolSection.statusModule.whyStopped", "value": None}]},
     "nothing to delete"),
    ({"record": RECRUITING, "expect": "maybe", "edits": [{"replace": "a", "with": "b"}]},
     "expect must be flagged or silent"),
    ({"record": RECRUITING, "expect": "silent", "edits": [{"replace": "a", "with": "b"}],
      "colour": "red"}, "unknown key(s) colour"),
    ({"expect": "silent", "edits": [{"replace": "a", "with": "b"}]}, "no record"),
    ({"record": "ctgov_v2_json/NCT99999999.json", "expect": "silent",
      "edits": [{"replace": "a", "with": "b"}]}, "is not a file under tests/data"),
    ({"record": "seeds/001_020fa720e2ffd389.txt", "expect": "silent",
      "edits": [{"set": "status", "value": "b"}]}, "a page-text record has no paths"),
    ({"record": RECRUITING, "expect": "silent", "edits": [{"replace": "a", "by": "b"}]},
     "unknown edit key(s) by"),
])
def test_a_wrong_case_is_an_error_naming_the_file_and_the_case(
        tmp_path: Path, case: dict[str, object], said: str) -> None:
    path = _write_spec(tmp_path, [{"name": "the case", **case}])
    with pytest.raises(mutations.SpecError) as error:
        mutations.load_spec(path, KNOWN)
    assert f"{path}: case 'the case'" in str(error.value)
    assert said in str(error.value)


def test_an_unknown_check_and_a_spec_error_exit_2(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "x.yaml"
    path.write_text("check: no-such-check\ncases: []\n", encoding="utf-8")
    assert mutations.main([str(path)]) == 2
    assert "unknown check 'no-such-check'" in capsys.readouterr().err


def test_a_record_of_the_evaluation_part_is_refused(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The part goes by the file's name (its NCT ID), so a development record copied under an
    evaluation-part NCT ID, in a data folder of its own, stands for an evaluation record: none
    is kept in tests/data."""
    from lintrials.corpus_split import part_of

    data = tmp_path / "data"
    copy = data / "corpus" / "ctgov_v2_json" / "NCT00057759.json"
    assert part_of(copy) == "evaluation"
    copy.parent.mkdir(parents=True)
    shutil.copyfile(CORPUS / RECRUITING, copy)
    monkeypatch.setattr(mutations, "DATA", data)
    path = _write_spec(tmp_path, [{"name": "the case", "record": "ctgov_v2_json/NCT00057759.json",
                                   "expect": "silent", "edits": [{"replace": "a", "with": "b"}]}])
    with pytest.raises(mutations.SpecError) as error:
        mutations.load_spec(path, KNOWN)
    assert f"{path}: case 'the case'" in str(error.value)
    assert "is in the corpus's evaluation part" in str(error.value)


# --- edits -------------------------------------------------------------------------------


def test_json_edits_walk_the_tree_in_document_order() -> None:
    tree = {"a": {"b": "x 2026 y 2026"}, "c": ["2026", {"d": 2026}]}
    assert mutations.apply_edit("json", tree, mutations.Edit("replace", "2026", "2027"))
    assert tree == {"a": {"b": "x 2027 y 2026"}, "c": ["2026", {"d": 2026}]}
    mutations.apply_edit("json", tree, mutations.Edit("set", "c[1].d", None))
    mutations.apply_edit("json", tree, mutations.Edit("set", "c[2]", {"e": 1}))
    mutations.apply_edit("json", tree, mutations.Edit("set", "a.f", [1]))
    assert tree == {"a": {"b": "x 2027 y 2026", "f": [1]}, "c": ["2026", {}, {"e": 1}]}
    with pytest.raises(mutations.SpecError, match="past the end"):
        mutations.apply_edit("json", tree, mutations.Edit("set", "c[5]", 1))
    with pytest.raises(mutations.SpecError, match="bad path"):
        mutations.json_path("a..b")


def test_a_replace_in_a_path_skips_the_earlier_occurrences() -> None:
    tree: dict[str, Any] = {"sponsor": "Zhejiang Cancer Hospital",
                            "sites": [{"facility": "Zhejiang Cancer Hospital"}]}
    edit = mutations.Edit("replace", "Zhejiang", "Zhejang", "sites[0]")
    mutations.apply_edit("json", tree, edit)
    assert tree == {"sponsor": "Zhejiang Cancer Hospital",
                    "sites": [{"facility": "Zhejang Cancer Hospital"}]}
    mutations.apply_edit("json", tree, mutations.Edit("replace", "Cancer", "Chest",
                                                      "sites[0].facility"))
    assert tree["sites"][0]["facility"] == "Zhejang Chest Hospital"
    with pytest.raises(mutations.SpecError, match="in no string value under sites"):
        mutations.apply_edit("json", tree, mutations.Edit("replace", "Cancer", "x", "sites"))
    root = etree.fromstring("<s><url>NCT1</url><id_info><nct_id>NCT1</nct_id></id_info></s>")
    mutations.apply_edit("xml", etree.ElementTree(root),
                         mutations.Edit("replace", "NCT1", "NCT2", "id_info/nct_id"))
    assert etree.tostring(root) == (
        b"<s><url>NCT1</url><id_info><nct_id>NCT2</nct_id></id_info></s>")


def test_xml_edits_set_text_attributes_and_delete() -> None:
    root = etree.fromstring(
        '<clinical_study><overall_status>Recruiting</overall_status>'
        '<start_date type="Anticipated">May 2020</start_date>'
        '<location><facility><name>A</name></facility></location>'
        '<location><facility><name>B</name></facility></location></clinical_study>')
    tree = etree.ElementTree(root)
    edit = mutations.apply_edit
    edit("xml", tree, mutations.Edit("replace", "Anticipated", "Actual"))
    edit("xml", tree, mutations.Edit("set", "clinical_study/start_date", "May 17, 2020"))
    edit("xml", tree, mutations.Edit("set", "location[1]/facility/name", "C"))
    edit("xml", tree, mutations.Edit("set", "why_stopped", "Funding"))
    edit("xml", tree, mutations.Edit("set", "overall_status", None))
    assert etree.tostring(root).decode() == (
        '<clinical_study><start_date type="Actual">May 17, 2020</start_date>'
        '<location><facility><name>A</name></facility></location>'
        '<location><facility><name>C</name></facility></location>'
        '<why_stopped>Funding</why_stopped></clinical_study>')
    with pytest.raises(mutations.SpecError, match="the record has no location\\[2\\]"):
        edit("xml", tree, mutations.Edit("set", "location[2]/facility", "D"))


def test_the_baseline_is_the_record_rewritten_without_edits(tmp_path: Path) -> None:
    (case,) = _cases(tmp_path, [
        {"name": "one", "record": RECRUITING, "expect": "silent",
         "edits": [{"replace": "2026-12-31", "with": "2027-01-31"}]}])
    baseline, mutated = mutations.mutate(case)
    original = json.loads((CORPUS / RECRUITING).read_text(encoding="utf-8"))
    assert json.loads(baseline) == original
    status = json.loads(mutated)["protocolSection"]["statusModule"]
    assert status["primaryCompletionDateStruct"]["date"] == "2027-01-31"
    assert status["completionDateStruct"]["date"] == "2026-12-31"  # the first occurrence only
