"""dates-out-of-order (S106): start <= primary completion <= completion; submissions in order.

No record of the corpus has its dates out of order (the registry's review rejects it), so the
defects are made on copies of real records with one date changed.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from conftest import CORPUS, EXAMPLES, SEEDS, findings
from lintrials.findings import Finding

V2 = CORPUS / "ctgov_v2_json"
LEGACY = CORPUS / "ctgov_legacy_xml"
# ACTIVE_NOT_RECRUITING; start 2024-01-26, primary completion and completion 2024-12,
# first submitted 2022-08-04, last update submitted 2024-09-04 and posted 2024-09-05.
BASE = V2 / "NCT05490680.json"


def s106(*paths: Path) -> list[Finding]:
    return [f for f in findings(*paths, select=["S106"]) if f.code == "S106"]


def edited(tmp_path: Path, **status: Any) -> Path:
    study = json.loads(BASE.read_text())
    module = study["protocolSection"]["statusModule"]
    for key, value in status.items():
        module[key] = value
    path = tmp_path / BASE.name
    path.write_text(json.dumps(study, indent=2))
    return path


# --- edited copies that must be flagged ----------------------------------------------------


def test_primary_completion_before_start(tmp_path: Path) -> None:
    path = edited(tmp_path, primaryCompletionDateStruct={"date": "2023-12-31", "type": "ACTUAL"})
    [finding] = s106(path)
    assert (finding.line, finding.column, finding.field) == (25, 38, "primary_completion_date")
    assert finding.severity == "error"
    assert finding.message == (
        "the primary completion date 2023-12-31 is before the start date 2024-01-26")
    assert [(r.field, r.line) for r in finding.related] == [("start_date", 21)]


def test_completion_before_primary_completion(tmp_path: Path) -> None:
    path = edited(tmp_path, completionDateStruct={"date": "2024-11", "type": "ESTIMATED"})
    [finding] = s106(path)
    assert finding.field == "completion_date"
    assert finding.message == (
        "the completion date 2024-11 is before the primary completion date 2024-12")


def test_without_primary_completion_start_is_compared_with_completion(tmp_path: Path) -> None:
    study = json.loads(BASE.read_text())
    module = study["protocolSection"]["statusModule"]
    del module["primaryCompletionDateStruct"]
    module["completionDateStruct"] = {"date": "2023", "type": "ACTUAL"}
    path = tmp_path / BASE.name
    path.write_text(json.dumps(study, indent=2))
    [finding] = s106(path)
    assert finding.message == "the completion date 2023 is before the start date 2024-01-26"


def test_update_submitted_before_first_submission(tmp_path: Path) -> None:
    path = edited(tmp_path, lastUpdateSubmitDate="2022-08-03",
                  lastUpdatePostDateStruct={"date": "2022-08-05", "type": "ACTUAL"})
    [finding] = s106(path)
    assert finding.field == "last_update_submitted_date"
    assert finding.message == (
        "the last update submitted date 2022-08-03 is before the first submitted date "
        "2022-08-04")


# --- records that must not be flagged ------------------------------------------------------


def test_partial_dates_compare_at_their_shared_precision(tmp_path: Path) -> None:
    # Real: primary completion 2015-06, completion 2015-06-30.
    assert s106(V2 / "NCT01305200.json") == []
    # Edited: start 2024-12-15 against primary completion 2024-12: the same month.
    assert s106(edited(tmp_path, startDateStruct={"date": "2024-12-15", "type": "ACTUAL"})) == []


def test_real_records_seeds_and_examples_are_in_order() -> None:
    assert s106(BASE, LEGACY / "NCT05706116.xml", V2 / "NCT02742311.json", SEEDS,
                EXAMPLES) == []
