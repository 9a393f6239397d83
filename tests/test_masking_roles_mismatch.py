"""D104 masking-roles-mismatch: the masking level against the number of masked roles."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import CORPUS, EXAMPLES, SEEDS, findings, run_check
from lintrials.checks import masking_roles_mismatch
from lintrials.findings import Finding
from lintrials.model import Record

V2 = CORPUS / "ctgov_v2_json"
LEGACY = CORPUS / "ctgov_legacy_xml"


def d104(path: Path) -> list[Finding]:
    return findings(path, select=["D104"])


def test_real_records_agree() -> None:
    assert d104(SEEDS) == []  # QUADRUPLE with four roles; NONE with none
    assert d104(EXAMPLES) == []
    assert d104(LEGACY / "NCT05700877.xml") == []  # "Double (Participant, Outcomes Assessor)"
    # "Double" with no roles, first submitted in 1999, when roles were optional.
    assert d104(LEGACY / "NCT00000161.xml") == []


def test_made_up_quadruple_with_three_roles_in_json(tmp_path: Path) -> None:
    study = json.loads((EXAMPLES / "NCT07314060.json").read_text())
    info = study["protocolSection"]["designModule"]["designInfo"]["maskingInfo"]
    assert info["masking"] == "QUADRUPLE"
    info["whoMasked"] = ["PARTICIPANT", "INVESTIGATOR", "OUTCOMES_ASSESSOR"]
    path = tmp_path / "NCT07314060.json"
    path.write_text(json.dumps(study, indent=2, ensure_ascii=False))
    (f,) = d104(path)
    assert (f.code, f.field, f.severity) == ("D104", "masking", "error")
    line = path.read_text().splitlines()[f.line - 1]
    assert line[f.column - 1 :].startswith('"QUADRUPLE"')
    assert f.message == (
        "masking is QUADRUPLE (four roles masked) but three roles are masked: Participant,"
        " Investigator, Outcomes Assessor"
    )
    assert [r.field for r in f.related] == ["who_masked"]


def test_made_up_legacy_xml_double_with_one_role(tmp_path: Path) -> None:
    text = (LEGACY / "NCT05700877.xml").read_text()
    old = "<masking>Double (Participant, Outcomes Assessor)</masking>"
    assert old in text
    path = tmp_path / "NCT05700877.xml"
    path.write_text(text.replace(old, "<masking>Double (Outcomes Assessor)</masking>"))
    (f,) = d104(path)
    assert f.line == 159
    assert "masking is DOUBLE (two roles masked) but one role is masked" in f.message


def test_made_up_open_label_with_a_masked_role(tmp_path: Path) -> None:
    study = json.loads((EXAMPLES / "NCT07104344.json").read_text())
    info = study["protocolSection"]["designModule"]["designInfo"]["maskingInfo"]
    assert info == {"masking": "NONE"}
    info["whoMasked"] = ["OUTCOMES_ASSESSOR"]
    path = tmp_path / "NCT07104344.json"
    path.write_text(json.dumps(study, indent=2, ensure_ascii=False))
    (f,) = d104(path)
    assert f.message == "masking is NONE (open label) but one role is masked: Outcomes Assessor"


def test_missing_roles_only_for_records_submitted_since_the_final_rule() -> None:
    old = Record(masking="DOUBLE", first_submitted_date="2015-06-01")
    new = Record(masking="DOUBLE", first_submitted_date="2020-03-02")
    unknown = Record(masking="DOUBLE")
    assert run_check(masking_roles_mismatch, old) == []
    assert run_check(masking_roles_mismatch, unknown) == []
    (problem,) = run_check(masking_roles_mismatch, new)
    assert "no masked role is listed" in problem.message and "2020-03-02" in problem.message
    assert run_check(masking_roles_mismatch, new, roles_required_from="") == []


def test_roles_counted_once_and_unknown_levels_ignored() -> None:
    twice = Record(masking="SINGLE", who_masked=["PARTICIPANT", "PARTICIPANT"])
    assert run_check(masking_roles_mismatch, twice) == []
    assert run_check(masking_roles_mismatch, Record(masking="BLINDED")) == []
