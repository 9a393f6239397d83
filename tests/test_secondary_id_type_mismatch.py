"""secondary-id-type-mismatch (I102): a CTIS number filed as EudraCT, or the reverse, or a
registry's ID filed as a grant."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from click.testing import CliRunner

from conftest import CORPUS, findings, record, run_check
from lintrials.checks import secondary_id_type_mismatch
from lintrials.cli import main

V2 = CORPUS / "ctgov_v2_json"
SELECT = ["I102"]


def i102(*paths: Path) -> list[tuple[str | None, str]]:
    return [(f.field, f.message) for f in findings(*paths, select=SELECT) if f.code == "I102"]


def _ids(path: Path) -> list[dict[str, str]]:
    study = json.loads(path.read_text(encoding="utf-8"))
    ids: list[dict[str, str]] = study["protocolSection"]["identificationModule"][
        "secondaryIdInfos"]
    return ids


def test_a_ctis_number_cut_short_and_filed_as_eudract_is_reported_at_the_type() -> None:
    assert i102(V2 / "NCT05514054.json") == [(
        "secondary_ids[1].type",
        "the secondary ID '2022-501007-28' is a CTIS (EU CT) number (its serial, 500000 or "
        "over, is CTIS's), filed as type EUDRACT_NUMBER")]


def test_fix_sets_the_type_the_serial_proves_and_nothing_else(tmp_path: Path) -> None:
    path = tmp_path / "NCT05514054.json"
    shutil.copy(V2 / "NCT05514054.json", path)
    before = path.read_text(encoding="utf-8")
    CliRunner().invoke(main, ["check", "--today", "2026-11-22", "--select", "I102", "--fix",
                              str(path)])
    after = path.read_text(encoding="utf-8")
    assert after == before.replace('"type": "EUDRACT_NUMBER"', '"type": "CTIS"')
    assert _ids(path)[1] == {"id": "2022-501007-28", "type": "CTIS"}
    assert i102(path) == []


def test_a_eudract_number_filed_as_ctis(tmp_path: Path) -> None:
    # NCT04576156 edited: its two EU numbers' types swapped.
    study = json.loads((V2 / "NCT04576156.json").read_text(encoding="utf-8"))
    ids = study["protocolSection"]["identificationModule"]["secondaryIdInfos"]
    ids[0]["type"], ids[1]["type"] = "CTIS", "EUDRACT_NUMBER"
    path = tmp_path / "NCT04576156.json"
    path.write_text(json.dumps(study, indent=2, ensure_ascii=False), encoding="utf-8")
    found = [f for f in findings(path, select=SELECT) if f.code == "I102"]
    assert [(f.field, f.fix.edits[0].content if f.fix else None) for f in found] == [
        ("secondary_ids[0].type", "EUDRACT_NUMBER"), ("secondary_ids[1].type", "CTIS")]
    assert all(f.fix is not None and f.fix.safe for f in found)


def test_a_registry_id_filed_as_a_grant_has_an_unsafe_fix(tmp_path: Path) -> None:
    (finding,) = [f for f in findings(V2 / "NCT05109208.json", select=SELECT)
                  if f.code == "I102"]
    assert finding.message == ("the secondary ID 'NCI-2024-00502' is an ID of NCI CTRP, filed "
                               "as a grant (type OTHER_GRANT)")
    assert finding.fix is not None and not finding.fix.safe
    assert finding.fix.edits[0].content == "REGISTRY"
    assert findings(V2 / "NCT05109208.json", select=SELECT,
                    options={"secondary-id-type-mismatch": {"registry_ids_as_grants": False}},
                    tmp_path=tmp_path) == []


def test_real_records_with_the_right_types_are_silent() -> None:
    # EudraCT and CTIS numbers under their own types; an EU CT number under REGISTRY; NIH
    # grants; UTN and jRCT under REGISTRY.
    assert i102(V2 / "NCT04576156.json", V2 / "NCT04482309.json", V2 / "NCT05653063.json",
                V2 / "NCT06305754.json") == []


def test_unit_forms_the_serial_does_not_prove_are_left() -> None:
    ids = [
        {"id": "2020-003288-24-00", "type": "EUDRACT_NUMBER"},  # no known form: I101's
        {"id": "Not yet assigned", "type": "CTIS"},
        {"id": "2019-A01343-54", "type": "EUDRACT_NUMBER"},  # an ID-RCB: I101's
        {"id": "R01DK132302", "type": "NIH"},
        {"id": "2023-509120-17-00", "type": "REGISTRY", "domain": "EudraCT"},  # no EU type
    ]
    assert run_check(secondary_id_type_mismatch, record(secondary_ids=ids)) == []
    labelled = record(secondary_ids=[{"id": "EU CT: 2023-509120-17-00",
                                      "type": "EUDRACT_NUMBER"}])
    (problem,) = run_check(secondary_id_type_mismatch, labelled)
    assert problem.fix is not None and problem.fix.replacement == "CTIS"
    grant = record(secondary_ids=[{"id": "NCT05109208", "type": "NIH"}])
    (problem,) = run_check(secondary_id_type_mismatch, grant)
    assert problem.message.endswith("is an ID of ClinicalTrials.gov, filed as a grant (type NIH)")
