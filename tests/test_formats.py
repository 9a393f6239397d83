"""The three record formats: detection, parsing into one model, and exact positions."""

from __future__ import annotations

import html
import io
import json
import zipfile
from pathlib import Path

import pytest

from conftest import CORPUS, EXAMPLES, SEEDS, WHOLE_CORPUS, findings
from lintrials.files import read
from lintrials.formats import FileProblem, ParsedRecord, detect
from lintrials.source import Source

V2 = CORPUS / "ctgov_v2_json"
LEGACY = CORPUS / "ctgov_legacy_xml"


def parsed(path: Path | str, data: bytes | None = None) -> list[ParsedRecord | FileProblem]:
    items: list[ParsedRecord | FileProblem] = []
    for source in read(str(path), data):
        assert isinstance(source, Source), source
        fmt = detect(source.path, source.text)
        assert fmt is not None, path
        items.extend(fmt.parse(source))
    return items


def records(path: Path | str, data: bytes | None = None) -> list[ParsedRecord]:
    items = parsed(path, data)
    assert all(isinstance(i, ParsedRecord) for i in items), items
    return [i for i in items if isinstance(i, ParsedRecord)]


def text_at(
    path: Path | str, line: int, column: int, end_column: int, data: bytes | None = None
) -> str:
    text = (data or Path(path).read_bytes()).decode("utf-8").replace("\r\n", "\n")
    return text.split("\n")[line - 1][column - 1 : end_column - 1]


def test_v2_json_study_is_parsed_into_the_model() -> None:
    (item,) = records(V2 / "NCT00000410.json")
    r = item.record
    assert r.nct_id == "NCT00000410"
    assert r.overall_status == "COMPLETED"
    assert r.start_date.date == "2000-03"
    assert r.completion_date.type == "ACTUAL"
    assert r.eligibility.minimum_age == "18 Years"
    assert r.eligibility.maximum_age is None
    assert len(r.locations) == 13
    assert "eligibilityModule" in r.sections


def test_v2_json_positions_point_at_the_value_and_carry_a_json_pointer() -> None:
    path = V2 / "NCT00000410.json"
    (item,) = records(path)
    position, pointer = item.locator.locate("locations[2].city", None)
    assert pointer == "/protocolSection/contactsLocationsModule/locations/2/city"
    city = item.record.locations[2].city
    assert text_at(path, position.line, position.column, position.end_column) == f'"{city}"'


def test_span_inside_a_json_string_accounts_for_escapes(tmp_path: Path) -> None:
    # The same real record written with every non-ASCII character escaped (\u2265 ...).
    study = json.loads((SEEDS.parent / "corpus/ctgov_v2_json/NCT00000410.json").read_text())
    study["protocolSection"]["eligibilityModule"]["eligibilityCriteria"] = (
        'Inclusion:\n\n* "Adults" aged \u2265 18 years \U0001f600 and \\> 2 visits\n'
        "* age \u2264 65 years"
    )
    path = tmp_path / "escaped.json"
    path.write_text(json.dumps(study, indent=2, ensure_ascii=True))
    (item,) = records(path)
    criteria = item.record.eligibility.criteria or ""
    phrase = "\u2264 65 years"
    start = criteria.index(phrase)
    position, _ = item.locator.locate("eligibility.criteria", (start, start + len(phrase)))
    assert text_at(path, position.line, position.column, position.end_column) == "\\u2264 65 years"


def _two_studies() -> list[dict[str, object]]:
    return [
        json.loads((V2 / name).read_text()) for name in ("NCT00000410.json", "NCT00007696.json")
    ]


def test_array_api_page_and_json_lines_give_the_same_records(tmp_path: Path) -> None:
    studies = _two_studies()
    array = tmp_path / "ctg-studies.json"
    array.write_text(json.dumps(studies, indent=2))
    page = tmp_path / "page.json"
    page.write_text(json.dumps({"studies": studies, "nextPageToken": "abc"}, indent=1))
    lines = tmp_path / "studies.jsonl"
    lines.write_text("\n".join(json.dumps(s) for s in studies) + "\n")
    for path, pointer in ((array, "/1"), (page, "/studies/1"), (lines, "")):
        items = records(path)
        assert [i.record.nct_id for i in items] == ["NCT00000410", "NCT00007696"]
        position, address = items[1].locator.locate("nct_id", None)
        assert address == pointer + "/protocolSection/identificationModule/nctId"
        found = text_at(path, position.line, position.column, position.end_column)
        assert found == '"NCT00007696"'


def test_zip_members_are_read_in_memory(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in ("NCT00000410.json", "NCT00007696.json"):
            archive.writestr(f"ctg-studies/{name}", (V2 / name).read_bytes())
    path = tmp_path / "ctg-studies.json.zip"
    path.write_bytes(buffer.getvalue())
    sources = list(read(str(path)))
    assert [s.path for s in sources] == [
        f"{path}!ctg-studies/NCT00000410.json",
        f"{path}!ctg-studies/NCT00007696.json",
    ]
    assert not list(tmp_path.glob("ctg-studies*/"))  # nothing was extracted


def test_legacy_xml_is_normalised_to_the_api_v2_spelling() -> None:
    path = LEGACY / "NCT00000161.xml"
    (item,) = records(path)
    r = item.record
    assert r.nct_id == "NCT00000161"
    assert r.overall_status and r.overall_status.isupper()
    assert r.start_date.date is None or r.start_date.date[:4].isdigit()
    position, xpath = item.locator.locate("nct_id", None)
    assert xpath == "/clinical_study/id_info/nct_id"
    assert text_at(path, position.line, position.column, position.end_column) == "NCT00000161"


def test_legacy_xml_date_types_actual_anticipated_and_estimate(tmp_path: Path) -> None:
    # The schema's types are Actual, Anticipated and Estimate: an estimate is no actual date.
    (item,) = records(LEGACY / "NCT00000285.xml")  # <last_update_posted type="Estimate">
    assert (item.record.last_update_posted_date, item.record.last_update_posted_type) == (
        "2017-01-12", "ESTIMATED")
    (item,) = records(LEGACY / "NCT05704049.xml")  # <last_update_posted type="Actual">
    assert item.record.last_update_posted_type == "ACTUAL"
    assert item.record.start_date.type == "ACTUAL"
    assert item.record.completion_date.type == "ESTIMATED"  # Anticipated
    text = (LEGACY / "NCT05704049.xml").read_text(encoding="utf-8")
    edited = tmp_path / "NCT05704049.xml"
    edited.write_text(text.replace('<start_date type="Actual">', '<start_date type="Estimate">')
                      .replace('<enrollment type="Anticipated">', '<enrollment type="Estimate">'),
                      encoding="utf-8")
    (item,) = records(edited)
    assert item.record.start_date.type == "ESTIMATED"
    assert item.record.enrollment_type == "ESTIMATED"


@pytest.mark.corpus
@pytest.mark.slow
def test_legacy_xml_phases_use_the_api_v2_values() -> None:
    phases = {}
    for path in sorted((WHOLE_CORPUS / "ctgov_legacy_xml").glob("*.xml")):
        (item,) = records(path)
        phases.setdefault(tuple(item.record.phases), path.name)
    assert set(phases) == {(), ("NA",), ("EARLY_PHASE1",), ("PHASE1",), ("PHASE1", "PHASE2"),
                           ("PHASE2",), ("PHASE2", "PHASE3"), ("PHASE3",), ("PHASE4",)}


def test_legacy_xml_location_xpath_and_position() -> None:
    path = next(p for p in sorted(LEGACY.glob("*.xml")) if p.read_text().count("<location>") > 2)
    (item,) = records(path)
    assert len(item.record.locations) > 2
    for i, location in enumerate(item.record.locations):
        position, xpath = item.locator.locate(f"locations[{i}].facility", None)
        assert xpath == f"/clinical_study/location[{i + 1}]/facility/name"
        raw = text_at(path, position.line, position.column, position.end_column)
        assert html.unescape(raw) == location.facility


def test_page_text_seed_is_parsed_with_sites_and_contacts_in_order() -> None:
    path = SEEDS / "000_c17df8f03dc45045.txt"
    (item,) = records(path)
    r = item.record
    assert r.nct_id == "NCT07314060"
    assert r.phases == ["PHASE2"]
    assert r.eligibility.maximum_age == "75 Years"
    assert len(r.locations) == 32
    assert r.locations[0].facility == "Peking University First Hospita"
    assert r.locations[0].contacts[0].phone == "13693058190"
    assert r.locations[31].contacts[0].name == "Bingjiang Lin, Master"
    position, pointer = item.locator.locate("locations[0].facility", None)
    assert (position.line, position.column, pointer) == (191, 1, None)


def test_page_and_json_twin_hold_the_same_facts() -> None:
    for page, twin in (
        ("000_c17df8f03dc45045.txt", "NCT07314060.json"),
        ("001_020fa720e2ffd389.txt", "NCT07104344.json"),
        ("002_e3ee89ab0d39f9a4.txt", "NCT07177911.json"),
    ):
        (a,) = records(EXAMPLES / page)
        (b,) = records(EXAMPLES / twin)
        for attribute in (
            "nct_id",
            "overall_status",
            "phases",
            "enrollment_count",
            "brief_summary",
            "allocation",
            "masking",
        ):
            assert getattr(a.record, attribute) == getattr(b.record, attribute), attribute
        assert [(x.label, x.type) for x in a.record.arms] == [
            (x.label, x.type) for x in b.record.arms
        ]
        for attribute in ("criteria", "minimum_age", "maximum_age", "sex"):
            assert getattr(a.record.eligibility, attribute) == getattr(
                b.record.eligibility, attribute
            ), attribute
        assert [(x.facility, x.city, x.state, x.country) for x in a.record.locations] == [
            (x.facility, x.city, x.state, x.country) for x in b.record.locations
        ]
        assert [c.phone for c in a.record.central_contacts] == [
            c.phone for c in b.record.central_contacts
        ]


def test_crlf_files_keep_their_line_numbers(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    path.write_bytes((SEEDS / "000_c17df8f03dc45045.txt").read_bytes().replace(b"\n", b"\r\n"))
    (item,) = records(path)
    position, _ = item.locator.locate("locations[0].facility", None)
    assert (position.line, position.column) == (191, 1)


def test_broken_json_is_one_finding_at_the_error(tmp_path: Path) -> None:
    path = tmp_path / "cut.json"
    text = (V2 / "NCT00000410.json").read_text()
    path.write_text(text[:500])
    (finding,) = findings(path)
    assert finding.code == "F001"
    assert finding.line == text[:500].count("\n") + 1


def test_truncated_xml_is_one_finding(tmp_path: Path) -> None:
    path = tmp_path / "cut.xml"
    path.write_text((LEGACY / "NCT00000161.xml").read_text()[:700])
    (finding,) = findings(path)
    assert finding.code == "F001"
    assert "XML" in finding.message


@pytest.mark.corpus
@pytest.mark.slow
def test_other_registries_and_html_are_reported_not_crashed(tmp_path: Path) -> None:
    found = findings(WHOLE_CORPUS / "other")
    by_file = {f.path.rsplit("/", 1)[-1]: f.code for f in found}
    # Records of registries lintrials has no reader for: F002, named (test_other_registries).
    assert by_file["ISRCTN12949496.ctrdata.json"] == "F002"
    assert by_file["ChiCTR2000034346.xml"] == "F002"
    html = tmp_path / "page.txt"
    html.write_bytes((WHOLE_CORPUS / "other/euctr/EUCTR_2015-000590-12-DE.html").read_bytes())
    (finding,) = findings(html)
    assert finding.code == "F002"


def test_wrong_value_type_is_reported_at_the_value(tmp_path: Path) -> None:
    study = json.loads((V2 / "NCT00000410.json").read_text())
    study["protocolSection"]["eligibilityModule"]["minimumAge"] = 18
    path = tmp_path / "typed.json"
    path.write_text(json.dumps(study, indent=2))
    bad = [f for f in findings(path) if f.code == "F003"]
    assert [f.pointer for f in bad] == ["/protocolSection/eligibilityModule/minimumAge"]
    assert "expected a string" in bad[0].message


def test_empty_binary_and_undecodable_files_name_the_problem(tmp_path: Path) -> None:
    (tmp_path / "empty.json").write_bytes(b"")
    (tmp_path / "binary.json").write_bytes(b"\x00\x01\x02{")
    (tmp_path / "latin1.txt").write_bytes(b"NCT ID: NCT00000001\n\nCaf\xe9\n")
    found = {Path(f.path).name: f for f in findings(tmp_path)}
    assert found["empty.json"].code == "F002" and "empty" in found["empty.json"].message
    assert found["binary.json"].code == "F004"
    assert found["latin1.txt"].code == "F004"
    assert (found["latin1.txt"].line, found["latin1.txt"].column) == (3, 4)


def test_partial_downloads_parse_without_findings_of_missing_modules() -> None:
    found = [f for f in findings(CORPUS / "ctgov_v2_json_partial") if f.code.startswith("F")]
    assert found == []
