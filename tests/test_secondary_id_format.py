"""secondary-id-format (I101): a secondary ID that does not fit its registry's form."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from click.testing import CliRunner

from conftest import CORPUS, findings, record, run_check
from lintrials.checks import secondary_id_format
from lintrials.cli import main

V2 = CORPUS / "ctgov_v2_json"
LEGACY = CORPUS / "ctgov_legacy_xml"
SELECT = ["I101"]


def i101(*paths: Path) -> list[tuple[str | None, str]]:
    return [(f.field, f.message) for f in findings(*paths, select=SELECT) if f.code == "I101"]


def test_ctis_numbers_cut_short_are_reported_whether_typed_eudract_or_named_by_domain() -> None:
    (typed,) = i101(V2 / "NCT05514054.json")
    assert typed == ("secondary_ids[1].id",
                     "the secondary ID '2022-501007-28' (type EUDRACT_NUMBER) is a CTIS (EU CT) "
                     "number cut short: its last part (-NN, 00 for the trial as first "
                     "authorised) is missing")
    ((field, message),) = i101(V2 / "NCT06256588.json")
    assert field == "secondary_ids[0].id"
    assert message.startswith("the secondary ID '2023-508613-17' (domain 'EU CT Number') is a CTIS")


def test_label_text_in_an_untyped_id_has_only_an_unsafe_fix() -> None:
    (finding,) = [f for f in findings(V2 / "NCT00786253.json", select=SELECT)
                  if f.code == "I101"]
    assert finding.message == ("the secondary ID 'EudraCT No: 2005-001678-28' holds label text "
                               "beside the EudraCT ID '2005-001678-28'")
    assert finding.fix is not None and not finding.fix.safe  # the label is all that says EudraCT
    assert finding.fix.edits[0].content == "2005-001678-28"


def test_real_records_with_ids_that_fit_are_silent() -> None:
    # EudraCT and CTIS by type; EU CT, UTN and jRCT by domain; an ISRCTN number without its
    # prefix under domain ISRCTN beside NIH grants; other sponsors' numbers.
    assert i101(V2 / "NCT04576156.json", V2 / "NCT06305754.json", V2 / "NCT05653063.json") == []


def test_legacy_xml_ids_are_claimed_by_their_prefix(tmp_path: Path) -> None:
    assert i101(LEGACY / "NCT00460213.xml") == [(
        "secondary_ids[0].id",
        "the secondary ID 'ISRCTN1150' has 4 digits after ISRCTN, which ISRCTN IDs are not "
        "(ISRCTN: ISRCTN + 8 digits, such as ISRCTN10678756)")]
    # An ISRCTN, a WHO UTN and a JapicCTI ID that fit; PDQ and EU-20019 numbers claim nothing.
    assert i101(LEGACY / "NCT00006030.xml", LEGACY / "NCT00492232.xml",
                LEGACY / "NCT00463151.xml") == []
    # The label is all that says EudraCT (legacy XML has no type): unsafe, and written in place.
    path = tmp_path / "NCT00498108.xml"
    shutil.copy(LEGACY / "NCT00498108.xml", path)
    (finding,) = [f for f in findings(path, select=SELECT) if f.code == "I101"]
    assert finding.fix is not None and not finding.fix.safe
    CliRunner().invoke(main, ["check", "--today", "2026-11-22", "--select", "I101", "--fix",
                              "--unsafe-fixes", str(path)])
    assert b"<secondary_id>2005-002611-25</secondary_id>" in path.read_bytes()
    assert i101(path) == []


def _edited(tmp_path: Path, name: str, value: str, id_type: str | None) -> Path:
    study = json.loads((V2 / name).read_text(encoding="utf-8"))
    entry = study["protocolSection"]["identificationModule"]["secondaryIdInfos"][0]
    entry["id"] = value
    if id_type is None:
        entry.pop("type", None)
    else:
        entry["type"] = id_type
    path = tmp_path / name
    path.write_text(json.dumps(study, indent=2, ensure_ascii=False), encoding="utf-8")
    return path


def test_a_label_the_type_repeats_is_taken_away_by_fix(tmp_path: Path) -> None:
    # NCT04576156 edited: its EudraCT number written with a label.
    path = _edited(tmp_path, "NCT04576156.json", "EudraCT Number: 2020-003288-24",
                   "EUDRACT_NUMBER")
    (finding,) = [f for f in findings(path, select=SELECT) if f.code == "I101"]
    assert finding.fix is not None and finding.fix.safe
    CliRunner().invoke(main, ["check", "--today", "2026-11-22", "--select", "I101", "--fix",
                              str(path)])
    study = json.loads(path.read_text(encoding="utf-8"))
    assert study["protocolSection"]["identificationModule"]["secondaryIdInfos"][0] == {
        "id": "2020-003288-24", "type": "EUDRACT_NUMBER"}
    assert i101(path) == []


def test_unsafe_label_fix_waits_for_unsafe_fixes(tmp_path: Path) -> None:
    path = tmp_path / "NCT00786253.json"
    shutil.copy(V2 / "NCT00786253.json", path)
    before = path.read_bytes()
    run = ["check", "--today", "2026-11-22", "--select", "I101", "--fix", str(path)]
    CliRunner().invoke(main, run)
    assert path.read_bytes() == before
    CliRunner().invoke(main, [*run, "--unsafe-fixes"])
    assert b'"id": "2005-001678-28"' in path.read_bytes()


def test_cut_short_and_wrong_digits_have_no_fix(tmp_path: Path) -> None:
    for value in ("2020-003288", "2020-00328-24", "2023-509120-17"):
        path = _edited(tmp_path, "NCT04576156.json", value, "EUDRACT_NUMBER")
        (finding,) = [f for f in findings(path, select=SELECT) if f.code == "I101"]
        assert finding.fix is None, value


def test_unit_funding_types_and_unnamed_registries_are_silent() -> None:
    ids = [
        {"id": "K24 H001476", "type": "NIH"},  # NIH grant numbers are not checked
        {"id": "ISRCTN1150", "type": "OTHER_GRANT"},  # nor any ID of a funding type
        {"id": "ENCEPP/SDPP/4137", "type": "REGISTRY", "domain": "EU PAS"},  # not in the table
        {"id": "CDR0000588655", "type": "OTHER", "domain": "Clinical Trials.gov"},
        {"id": "2023-505976-31"},  # an EU number's form alone claims nothing
        {"id": "ChiCTR-TRC-12002345", "type": "REGISTRY", "domain": "ChiCTR"},
        {"id": "ISRCTN 47734678"},
    ]
    assert run_check(secondary_id_format, record(secondary_ids=ids)) == []
    flagged = run_check(secondary_id_format, record(secondary_ids=[{"id": "ISRCTN1150"}]))
    assert [p.message for p in flagged] == [
        "the secondary ID 'ISRCTN1150' has 4 digits after ISRCTN, which ISRCTN IDs are not "
        "(ISRCTN: ISRCTN + 8 digits, such as ISRCTN10678756)"]
