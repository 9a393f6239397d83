"""R101 conflicting-duplicate: one NCT ID, two copies in the run, different content."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from conftest import CORPUS, EXAMPLES, SEEDS, findings

SELECT = ["R101"]
TWIN = EXAMPLES / "NCT07104344.json"


def where(path: Path, needle: str) -> tuple[int, int]:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if needle in line:
            return number, line.index(needle) + 1
    raise AssertionError(f"{needle!r} not in {path}")


def test_a_changed_copy_is_reported_on_the_later_file_naming_the_other(tmp_path: Path) -> None:
    shutil.copy(TWIN, tmp_path / "a.json")
    study = json.loads(TWIN.read_text(encoding="utf-8"))
    study["protocolSection"]["statusModule"]["overallStatus"] = "RECRUITING"
    changed = tmp_path / "b.json"
    changed.write_text(json.dumps(study, indent=2, ensure_ascii=False), encoding="utf-8")
    (finding,) = findings(tmp_path, select=SELECT)
    assert (finding.code, finding.path, finding.record) == ("R101", str(changed), "NCT07104344")
    assert finding.field == "overall_status"
    assert (finding.line, finding.column) == where(changed, '"RECRUITING"')
    assert finding.message == (
        f"NCT07104344 is also in {tmp_path / 'a.json'}, with different overall_status: "
        "keep one version"
    )


def test_identical_copies_are_not_reported(tmp_path: Path) -> None:
    shutil.copy(TWIN, tmp_path / "a.json")
    shutil.copy(TWIN, tmp_path / "b.json")
    assert findings(tmp_path, select=SELECT) == []


def test_a_seed_page_and_its_json_twin_hold_the_same_content() -> None:
    # Markdown escapes, "Drug: " prefixes and fields the page does not show are no difference.
    assert findings(EXAMPLES, SEEDS, select=SELECT) == []


def test_legacy_xml_and_a_later_json_export_of_one_study() -> None:
    xml = CORPUS / "ctgov_legacy_xml" / "NCT05697627.xml"
    newer = CORPUS / "ctgov_v2_json" / "NCT05697627.json"
    (finding,) = findings(xml, newer, select=SELECT)
    assert (finding.path, finding.field, finding.line, finding.column) == (
        str(newer), "overall_status", 17, 24
    )
    assert finding.message.startswith(
        f"NCT05697627 is also in {xml}, with different overall_status, status_verified_date, "
    )
    assert finding.message.endswith("and 3 more: keep one version")
    related = {r.field for r in finding.related}
    assert len(related) == 10  # the 8 fields named and the 3 more, less the finding's own
    assert "phases" not in related  # "N/A" in XML is NA in JSON: the same value
    assert related >= {"completion_date.date", "enrollment_type", "eligibility.criteria"}
    # In the other order, the XML is the later copy.
    (finding,) = findings(newer, xml, select=SELECT)
    assert finding.path == str(xml)


def test_a_partial_download_that_agrees_where_it_has_values() -> None:
    # The partial record holds titles, summary, sponsor, interventions and cities only.
    paths = (CORPUS / "ctgov_legacy_xml" / "NCT05696847.xml",
             CORPUS / "ctgov_v2_json_partial" / "NCT05696847.json")
    assert findings(*paths, select=SELECT) == []


def test_twice_in_one_file(tmp_path: Path) -> None:
    study = json.loads(TWIN.read_text(encoding="utf-8"))
    other = json.loads(TWIN.read_text(encoding="utf-8"))
    other["protocolSection"]["designModule"]["enrollmentInfo"]["count"] = 6
    path = tmp_path / "ctg-studies.json"
    path.write_text(json.dumps([study, other], indent=2), encoding="utf-8")
    (finding,) = findings(path, select=SELECT)
    assert finding.field == "enrollment_count"
    assert finding.message == (
        "NCT07104344 is also in record 1 of this file, with different enrollment_count: "
        "keep one version"
    )
    assert finding.line > where(path, '"count": 5')[0]  # the second record's count
