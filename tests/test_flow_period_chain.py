"""flow-period-chain (P105): a period that starts more participants in a group than completed
the period before, without a word."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from conftest import CORPUS, findings, run_check
from flow_builders import achievement, edited_json, edited_text, flow_module, flow_record, period
from lintrials.checks import flow_period_chain
from lintrials.findings import Finding

V2 = CORPUS / "ctgov_v2_json"
LEGACY = CORPUS / "ctgov_legacy_xml"


def p105(*paths: Path) -> list[Finding]:
    return [f for f in findings(*paths, select=["P105"]) if f.code == "P105"]


def fields(rec: Any) -> list[str]:
    return [p.field or "" for p in run_check(flow_period_chain, rec)]


# --- real records -----------------------------------------------------------------------------


def test_posted_chains_explained_or_of_other_groups() -> None:
    assert p105(
        LEGACY / "NCT00463047.xml",  # 96 and 94 of 93 and 98: "re-randomized", said
        LEGACY / "NCT00494871.xml",  # follow-up of all 639 treated: said on STARTED
        V2 / "NCT02397473.json",  # "discontinued ... had an option to enter post treatment"
        V2 / "NCT01160289.json",  # one screening group, then five randomised arms
        V2 / "NCT04524598.json",  # phase I cohorts, then phase II cohorts
    ) == []


def test_json_comment_removed_is_reported(tmp_path: Path) -> None:
    # NCT02397473 (edited): the comment on the follow-up's STARTED deleted; 50 and 47 started
    # follow-up, of 45 and 45 who completed treatment.
    def change(data: Any) -> None:
        del flow_module(data)["periods"][1]["milestones"][0]["achievements"][0]["comment"]

    found = p105(edited_json(V2 / "NCT02397473.json", tmp_path, change))
    assert [f.field for f in found] == [achievement(1, 0, 0), achievement(1, 0, 1)]
    assert found[0].severity == "warning"
    assert found[0].message == (
        'group "Placebo" of period "Post Treatment Follow-up Phase": 50 STARTED, but 45 '
        'COMPLETED the period before ("Treatment Phase"): say where the other 5 came from in a '
        "comment on STARTED, or correct the counts")
    assert [r.field for r in found[0].related] == [achievement(0, 2, 0)]


def test_xml_comments_removed_are_reported(tmp_path: Path) -> None:
    # NCT00494871 (edited): both comments on the follow-up's STARTED deleted: 639 of 480.
    note = ">All treated participants were to enter FU period, whether or not they completed " \
           "the DB period</participants>"
    path = edited_text(LEGACY / "NCT00494871.xml", tmp_path,
                       f'<participants group_id="P1" count="639"{note}',
                       '<participants group_id="P1" count="639"/>')
    assert p105(path) == []  # the second group's comment still explains the period
    path = edited_text(path, tmp_path, f'<participants group_id="P2" count="639"{note}',
                       '<participants group_id="P2" count="639"/>')
    found = p105(path)
    assert [f.line for f in found] == [2017, 2018]
    assert "639 STARTED, but 480 COMPLETED" in found[0].message


def test_xml_started_edited_in_the_last_period(tmp_path: Path) -> None:
    # NCT00463047 (edited): 93 completed the third period; the fourth's STARTED made 95.
    text = (LEGACY / "NCT00463047.xml").read_text(encoding="utf-8")
    fourth = text.index("<title>Double-Blind Treatment Period 2</title>")
    start = text.index('<participants group_id="P1" count="93"/>', fourth)
    path = tmp_path / "NCT00463047.xml"
    path.write_text(text[:start] + '<participants group_id="P1" count="95"/>'
                    + text[start + len('<participants group_id="P1" count="93"/>'):],
                    encoding="utf-8")
    [finding] = p105(path)
    assert finding.field == achievement(3, 0, 0)
    assert "95 STARTED, but 93 COMPLETED" in finding.message


# --- own words --------------------------------------------------------------------------------


def chain(started: list[Any], **kw: Any) -> Any:
    return flow_record(
        period("Treatment", started=[50, 48], completed=[45, 40], not_completed=[5, 8]),
        period("Follow-up", started=started, **kw),
    )


def test_more_started_than_completed() -> None:
    assert fields(chain([45, 41])) == [achievement(1, 0, 1)]
    assert fields(chain([50, 48])) == [achievement(1, 0, 0), achievement(1, 0, 1)]


def test_the_chain_kept_or_explained() -> None:
    assert fields(chain([45, 40])) == []
    assert fields(chain([44, 38])) == []  # fewer went on: they left between periods
    assert fields(chain([50, 48], comments={"STARTED": "All randomised were followed up."})) == []
    assert fields(chain(["NA", 41])) == [achievement(1, 0, 1)]


def test_groups_that_change_between_periods() -> None:
    # A run-in of one group, then two arms; a group that stops after the first period.
    rec = flow_record(
        period("Run-in", started=[0, 100, 0], completed=[0, 90, 0]),
        period("Randomised", started=[45, 0, 45], completed=[40, 0, 41]),
        groups=("Drug", "Run-in", "Placebo"),
    )
    assert fields(rec) == []
    rec = flow_record(period("Treatment", started=[50, 48], completed=[45, 40]),
                      period("Extension", started=[46, 0]))
    assert fields(rec) == []
