"""Records of registries lintrials has no reader for yet are named for what they are (F002
unknown-format), not reported as broken ClinicalTrials.gov records (F003 invalid-record)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import CORPUS, findings

OTHER = CORPUS / "other_registries"
KNOWN = [
    (OTHER / "ictrp_xml" / "ICTRP-Results-first-trial.xml", "a WHO ICTRP search export"),
    (OTHER / "ictrp_trds_xml" / "ICTRPTrials.2009-09-30.xml", "(TRDS)"),
    (CORPUS / "other" / "chictr" / "ChiCTR2000034346.xml", "(TRDS)"),  # its <Triall> typo
    (OTHER / "ctis_ctrdata_json" / "2022-501142-30-00.2024-06-23.ctrdata.json", "EU CTIS"),
    (OTHER / "euctr_ctrdata_json" / "2014-002606-20-PT.2025-03-11.ctrdata.json", "EU CTR"),
    (OTHER / "isrctn_ctrdata_json" / "ISRCTN80181452.2022-08-10.ctrdata.json", "ISRCTN"),
    (OTHER / "drks_json" / "DRKS_trial-DRKS00038775.json", "DRKS"),
]


@pytest.mark.parametrize(("path", "named"), KNOWN, ids=[p.name for p, _ in KNOWN])
def test_another_registry_record_is_named_not_called_broken(path: Path, named: str) -> None:
    (finding,) = findings(path, select=["F"])
    assert finding.code == "F002", finding.message
    assert named in finding.message and "does not read yet" in finding.message


def test_a_json_object_of_no_known_format_is_still_an_invalid_record(tmp_path: Path) -> None:
    record = json.loads((OTHER / "drks_json" / "DRKS_trial-DRKS00038775.json").read_text())
    del record["drksId"]  # no mark of any registry left
    path = tmp_path / "unknown.json"
    path.write_text(json.dumps(record))
    (finding,) = findings(path, select=["F"])
    assert finding.code == "F003" and "protocolSection" in finding.message


def test_trds_root_without_trial_ids_is_still_an_invalid_record(tmp_path: Path) -> None:
    path = tmp_path / "trials.xml"
    path.write_text("<trials><trial><note>no main element</note></trial></trials>")
    (finding,) = findings(path, select=["F"])
    assert finding.code == "F003" and "<trials>" in finding.message
