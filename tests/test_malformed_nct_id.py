"""R102 malformed-nct-id: the NCT ID is missing or not "NCT" and eight digits."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import CORPUS, EXAMPLES, SEEDS, findings

SELECT = ["R102"]


def with_nct_id(tmp_path: Path, nct_id: str | None) -> Path:
    study = json.loads((EXAMPLES / "NCT07104344.json").read_text(encoding="utf-8"))
    ident = study["protocolSection"]["identificationModule"]
    if nct_id is None:
        del ident["nctId"]
    else:
        ident["nctId"] = nct_id
    path = tmp_path / "study.json"
    path.write_text(json.dumps(study, indent=2, ensure_ascii=False), encoding="utf-8")
    return path


def test_real_records_have_well_formed_ids() -> None:
    sample = [CORPUS / "ctgov_v2_json" / "NCT00000410.json",
              CORPUS / "ctgov_legacy_xml" / "NCT00000537.xml",
              CORPUS / "ctgov_v2_json_partial"]
    assert findings(*sample, SEEDS, select=SELECT) == []


@pytest.mark.parametrize(
    ("nct_id", "wrong"),
    [
        ("NCT0710434", "has 7 digits after NCT, not 8"),
        ("NCT071043445", "has 9 digits after NCT, not 8"),
        ("nct07104344", 'must be written in capitals, "NCT"'),
        ("NCT 07104344", "has a space in it"),
        ("NCT07104344 ", "has white space around it"),
        ("07104344", 'does not start with "NCT"'),
        ("NCT0710434O", 'is not "NCT" followed by 8 digits'),
        ("NCT\uff10\uff17\uff11\uff10\uff14\uff13\uff14\uff14",
         "has digits that are not the ASCII digits 0-9 (full-width or another script's)"),
    ],
)
def test_malformed_id_is_an_error_at_the_value(tmp_path: Path, nct_id: str, wrong: str) -> None:
    path = with_nct_id(tmp_path, nct_id)
    (finding,) = findings(path, select=SELECT)
    assert (finding.code, finding.severity, finding.field) == ("R102", "error", "nct_id")
    assert (finding.line, finding.column) == (4, 16)  # "nctId": "…" in the file
    assert finding.message == f"the NCT ID {nct_id!r} {wrong}"


def test_missing_id_is_reported_only_when_the_module_is_there(tmp_path: Path) -> None:
    (finding,) = findings(with_nct_id(tmp_path, None), select=SELECT)
    assert finding.message == "the record has no NCT ID"
    study = json.loads((EXAMPLES / "NCT07104344.json").read_text(encoding="utf-8"))
    del study["protocolSection"]["identificationModule"]
    partial = tmp_path / "partial.json"
    partial.write_text(json.dumps(study), encoding="utf-8")
    assert findings(partial, select=SELECT) == []
