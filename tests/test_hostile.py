"""Hostile input, broken files, crashed runs: lintrials keeps working and loses nothing.

Each test feeds one kind of hostile or broken input (docs/reliability.md lists them all) and
asserts what lintrials says about it: a finding with its exact position and a clear message,
never a traceback, a hang, a file read that should not be, or a file written that should not be.
Runs that could hang if the protection broke are run in a child process with a generous limit,
so that a regression fails the test instead of stalling the suite.
"""

from __future__ import annotations

import io
import json
import os
import resource
import shutil
import stat
import struct
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from conftest import CORPUS, EXAMPLES, SEEDS, WHOLE_CORPUS, findings
from lintrials import files
from lintrials.cli import main
from lintrials.config import ConfigError, load
from lintrials.files import ReadProblem, read
from lintrials.findings import Finding
from lintrials.formats import MAX_SHORT_CHARS, MAX_TEXT_CHARS, FileProblem, ParsedRecord, detect
from lintrials.formats.jsonpos import find_pointer, value_end
from lintrials.plugins import discover
from lintrials.rules import ENGINE_RULES
from lintrials.source import Source

V2 = CORPUS / "ctgov_v2_json"
LEGACY = CORPUS / "ctgov_legacy_xml"
PARTIAL = CORPUS / "ctgov_v2_json_partial"
ENGINE = ["F001", "F002", "F003", "F004"]
HANG_LIMIT = 300  # seconds: a run that takes this long has hung (they take a few)


def codes(found: list[Finding]) -> list[str]:
    return [f.code for f in found]


def only(found: list[Finding], code: str) -> Finding:
    matching = [f for f in found if f.code == code]
    assert len(matching) == 1, [(f.code, f.message) for f in found]
    return matching[0]


def at(finding: Finding) -> tuple[int, int]:
    return finding.line, finding.column


def lintrials_cli(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """The command line in a child process, stopped if it hangs.

    ``cwd`` is a folder of the test's own (not the repository, whose source tree would shadow
    the installed package); the cache is off, so that the run writes nothing anywhere.
    """
    return subprocess.run(
        [sys.executable, "-m", "lintrials", "check", "--today", "2026-11-22", "--no-cache",
         *args],
        capture_output=True, text=True, timeout=HANG_LIMIT, cwd=cwd,
        env={**os.environ, "CI": "true"},
    )


# ------------------------------------------------------------- broken, truncated, empty


@pytest.mark.parametrize("name", ["empty.json", "empty.xml", "empty.txt", "blank.json"])
def test_an_empty_file_is_reported_not_skipped(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(b"  \n\n" if name.startswith("blank") else b"")
    finding = only(findings(path, select=ENGINE), "F002")
    assert "empty" in finding.message and at(finding) == (1, 1)


def test_truncated_json_points_at_where_it_stops(tmp_path: Path) -> None:
    text = (V2 / "NCT00000410.json").read_text()
    lines = text.split("\n")[:100]  # the record cut after its 100th line
    path = tmp_path / "cut.json"
    path.write_text("\n".join(lines))
    finding = only(findings(path, select=ENGINE), "F001")
    assert "not valid JSON" in finding.message and "end of data" in finding.message
    assert at(finding) == (100, len(lines[-1]) + 1)


def test_truncated_xml_points_at_where_it_stops(tmp_path: Path) -> None:
    text = (LEGACY / "NCT00000323.xml").read_text()
    lines = text.split("\n")[:40]
    path = tmp_path / "cut.xml"
    path.write_text("\n".join(lines))
    finding = only(findings(path, select=ENGINE), "F001")
    assert finding.message.startswith("not well-formed XML: Premature end of data")
    assert finding.line == 40


def test_a_page_cut_after_its_header_is_still_a_record(tmp_path: Path) -> None:
    text = (SEEDS / "001_020fa720e2ffd389.txt").read_text()
    path = tmp_path / "cut.txt"
    path.write_text("\n".join(text.split("\n")[:6]))
    found = findings(path)
    assert "X001" not in codes(found) and not set(codes(found)) & set(ENGINE)
    assert all(f.record == "NCT07104344" for f in found)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("42", "not a registry record format"),
        ('"a string"', "not a registry record format"),
        ("null", "not a registry record format"),
        ("[1, 2, 3]", "an array, but of no ClinicalTrials.gov API v2 study objects"),
        ('{"studies": null}', 'no "protocolSection" object'),
        ('{"protocolSection": null}', 'no "protocolSection" object'),
        ('{"protocolSection": ["identificationModule"]}', 'no "protocolSection" object'),
    ],
)
def test_valid_json_that_is_no_record_says_so(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "shape.json"
    path.write_text(content)
    found = findings(path, select=ENGINE)
    assert len(found) == 1 and message in found[0].message, [f.message for f in found]
    assert found[0].code in ("F002", "F003")


def test_values_of_the_wrong_type_are_reported_where_they_are(tmp_path: Path) -> None:
    study = json.loads((V2 / "NCT00000410.json").read_bytes())
    p = study["protocolSection"]
    p["identificationModule"]["nctId"] = 410  # a number where a string belongs
    p["identificationModule"]["briefTitle"] = None  # null: absent, not a defect of its type
    p["statusModule"]["startDateStruct"] = ["2000-03"]  # an array where an object belongs
    p["designModule"]["enrollmentInfo"]["count"] = "73"  # a string where a number belongs
    p["eligibilityModule"]["maximumAge"] = 65
    p["contactsLocationsModule"]["locations"][2] = None  # a null site among real ones
    path = tmp_path / "NCT00000410.json"
    path.write_text(json.dumps(study, indent=2))
    found = findings(path, select=["ALL"])
    assert "X001" not in codes(found)
    wrong = {f.pointer: f for f in found if f.code == "F003"}
    base = "/protocolSection"
    assert set(wrong) == {
        f"{base}/identificationModule/nctId",
        f"{base}/statusModule/startDateStruct",
        f"{base}/designModule/enrollmentInfo/count",
        f"{base}/eligibilityModule/maximumAge",
        f"{base}/contactsLocationsModule/locations/2",
    }
    assert wrong[f"{base}/identificationModule/nctId"].message == (
        "expected a string here, found int")
    assert wrong[f"{base}/contactsLocationsModule/locations/2"].message == (
        "expected an object here, found NoneType")
    lines = path.read_text().split("\n")
    for finding in wrong.values():  # each points at the value itself
        key = finding.pointer.rsplit("/", 1)[-1]  # type: ignore[union-attr]
        line = lines[finding.line - 1]
        assert key.isdigit() or f'"{key}"' in line, (finding.pointer, line)
    # The rest of the record is still checked: a value of the wrong type counts as absent.
    assert sorted((f.code, f.pointer) for f in found if f.code != "F003") == [
        ("L213", f"{base}/contactsLocationsModule/locations/2/country"),
        ("R102", f"{base}/identificationModule/nctId"),
        ("T101", f"{base}/identificationModule/briefTitle"),
    ]


def test_a_non_study_in_an_array_of_studies_hides_none_of_the_others(tmp_path: Path) -> None:
    study = json.loads((EXAMPLES / "NCT07104344.json").read_bytes())
    path = tmp_path / "page.json"
    path.write_text(json.dumps({"studies": [1, study, {"x": []}], "nextPageToken": None}))
    found = findings(path, select=["E101", *ENGINE])
    assert sorted((f.code, f.pointer) for f in found if f.code == "F003") == [
        ("F003", "/studies/0"), ("F003", "/studies/2")]
    e101 = only(found, "E101")
    assert e101.record == "NCT07104344" and e101.pointer is not None
    assert e101.pointer.startswith("/studies/1/protocolSection/eligibilityModule")


def test_partial_records_missing_modules_are_not_defects() -> None:
    found = findings(PARTIAL, select=["ALL"])
    assert not {"F001", "F002", "F003", "F004", "X001"} & set(codes(found)), [
        (f.path, f.code, f.message) for f in found if f.code[0] in "FX"]
    for finding in found:  # every finding is about a module the partial record holds
        module = (finding.pointer or "").split("/")[2:3]
        assert module, (finding.path, finding.code, finding.pointer)
        study = json.loads(Path(finding.path).read_bytes())
        assert module[0] in study["protocolSection"], (finding.path, finding.code, module)


# ------------------------------------------------------------- encodings and line endings

PAGE = SEEDS / "001_020fa720e2ffd389.txt"  # E101 at 110:15, after a "≤" on the same line
JSON_EXAMPLE = EXAMPLES / "NCT07104344.json"  # E101 at 88:170, inside escaped text
# E101 at 194:29 to 194:45, over "≥18 years of age": its first character is not ASCII
XML_RECORD = LEGACY / "NCT05705427.xml"


def reencoded(data: bytes, encoding: str, newline: str) -> bytes:
    text = data.decode("utf-8").replace("\n", newline)
    if encoding == "utf-8-sig":
        return b"\xef\xbb\xbf" + text.encode("utf-8")
    if encoding in ("utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"):
        return ("\ufeff" + text).encode(encoding)
    return text.encode(encoding)


ENCODINGS = [
    ("utf-8", "\n"), ("utf-8", "\r\n"), ("utf-8", "\r"), ("utf-8-sig", "\n"),
    ("utf-8-sig", "\r\n"), ("utf-16-le", "\n"), ("utf-16-be", "\r\n"), ("utf-16-le", "\r"),
    ("utf-32-le", "\n"), ("utf-32-be", "\r\n"),
]


@pytest.mark.parametrize(("encoding", "newline"), ENCODINGS)
@pytest.mark.parametrize(
    ("original", "position"),
    [(PAGE, (110, 15)), (JSON_EXAMPLE, (88, 170))],
    ids=["page", "json"],
)
def test_positions_stay_exact_in_every_encoding_and_line_ending(
    tmp_path: Path, original: Path, position: tuple[int, int], encoding: str, newline: str
) -> None:
    path = tmp_path / original.name
    path.write_bytes(reencoded(original.read_bytes(), encoding, newline))
    finding = only(findings(path, select=["E101", *ENGINE]), "E101")
    assert at(finding) == position
    assert "65 Years" in finding.message or "64 Years" in finding.message


@pytest.mark.parametrize(
    ("encoding", "declared"),
    [("utf-8", "UTF-8"), ("utf-16-le", "UTF-16"), ("utf-16-be", "UTF-16"), ("utf-8-sig", "UTF-8")],
)
def test_xml_positions_stay_exact_in_its_declared_encoding(
    tmp_path: Path, encoding: str, declared: str
) -> None:
    text = XML_RECORD.read_text(encoding="utf-8").replace(
        'encoding="UTF-8"', f'encoding="{declared}"')
    path = tmp_path / XML_RECORD.name
    path.write_bytes(reencoded(text.encode("utf-8"), encoding, "\r\n"))
    found = findings(path, select=["E101", *ENGINE])
    assert codes(found) == ["E101"]
    assert (found[0].line, found[0].column, found[0].end_column) == (194, 29, 45)
    assert "\u226518 years of age" in found[0].message
    assert [at(f) for f in found] == [at(f) for f in findings(XML_RECORD, select=["E101"])]


def test_a_latin1_xml_declared_as_such_is_read(tmp_path: Path) -> None:
    text = (LEGACY / "NCT00460967.xml").read_text(encoding="utf-8")
    assert "µm2" in text
    assert not text.startswith("<?xml")
    latin = ('<?xml version="1.0" encoding="ISO-8859-1"?>' + text).encode(
        "latin-1", errors="xmlcharrefreplace")
    path = tmp_path / "latin.xml"
    path.write_bytes(latin)
    finding = only(findings(path, select=["T103", *ENGINE]), "T103")
    assert at(finding) == (121, 55)  # as in the UTF-8 original: "µ" is one character


def test_latin1_bytes_without_a_declaration_are_reported_at_the_first_one(
    tmp_path: Path,
) -> None:
    text = JSON_EXAMPLE.read_text().replace('"China"', '"Chin\u00e9"', 1)
    line = next(i for i, x in enumerate(text.split("\n"), 1) if "Chin\u00e9" in x)
    column = text.split("\n")[line - 1].index("\u00e9") + 1
    path = tmp_path / "latin1.json"  # UTF-8 but for one Latin-1 byte, as an editor may leave it
    path.write_bytes(text.encode("utf-8").replace("Chin\u00e9".encode(), b"Chin\xe9", 1))
    finding = only(findings(path, select=ENGINE), "F004")
    assert at(finding) == (line, column)
    assert finding.message.startswith("not valid utf-8: byte 0xe9 cannot be decoded")
    assert "Latin-1" in finding.message


@pytest.mark.parametrize("bom", [b"", b"\xef\xbb\xbf"])
@pytest.mark.parametrize("newline", [b"\n", b"\r\n", b"\r"])
def test_invalid_utf8_is_reported_at_its_line_and_column(
    tmp_path: Path, bom: bytes, newline: bytes
) -> None:
    lines = JSON_EXAMPLE.read_bytes().split(b"\n")
    lines[40] = lines[40][:12] + b"\xff\xfe" + lines[40][12:]  # two bytes no UTF-8 has
    path = tmp_path / "bad.json"
    path.write_bytes(bom + newline.join(lines))
    finding = only(findings(path, select=ENGINE), "F004")
    assert at(finding) == (41, 13)
    assert "byte 0xff" in finding.message


def test_invalid_utf16_is_reported_at_its_line_and_column(tmp_path: Path) -> None:
    text = JSON_EXAMPLE.read_text()
    lines = text.split("\n")
    data = ("\ufeff" + "\n".join(lines[:40]) + "\n" + lines[40][:12]).encode("utf-16-le")
    data += b"\x00\xdc"  # a lone low surrogate
    data += ("\n".join([lines[40][12:], *lines[41:]])).encode("utf-16-le")
    path = tmp_path / "bad16.json"
    path.write_bytes(data)
    finding = only(findings(path, select=ENGINE), "F004")
    assert at(finding) == (41, 13) and "utf-16-le" in finding.message


@pytest.mark.parametrize("codec", ["rot13", "hex", "base64", "zlib", "idna", "no-such-codec"])
def test_an_xml_declaring_a_codec_that_is_no_file_encoding_is_read_as_utf8(
    tmp_path: Path, codec: str
) -> None:
    text = XML_RECORD.read_text().replace('encoding="UTF-8"', f'encoding="{codec}"')
    path = tmp_path / "codec.xml"
    path.write_text(text)
    found = findings(path, select=["E101", *ENGINE])
    assert codes(found) == ["E101"] and at(found[0]) == (194, 29)


# ------------------------------------------------------------- deep, big, wide

DEPTH = 100_000


def test_json_nested_100000_levels_is_refused_with_a_finding(tmp_path: Path) -> None:
    path = tmp_path / "deep.json"
    path.write_text('{"protocolSection": {"x": ' + "[" * DEPTH + "]" * DEPTH + "}}")
    finding = only(findings(path, select=["ALL"]), "F001")
    assert "nested more than 1024 levels deep" in finding.message
    assert at(finding)[0] == 1


def test_json_lines_with_one_deep_line_keep_the_other_records(tmp_path: Path) -> None:
    study = (EXAMPLES / "NCT07104344.json").read_text().replace("\n", "")
    path = tmp_path / "studies.jsonl"
    path.write_text(study + "\n" + "[" * DEPTH + "]" * DEPTH + "\n" + study + "\n")
    found = findings(path, select=["E101", *ENGINE])
    assert sorted((f.code, f.line) for f in found) == [("E101", 1), ("E101", 3), ("F001", 2)]


def test_the_json_locator_walks_100000_levels_without_recursion() -> None:
    text = '{"deep": ' + "[" * DEPTH + '"]}"' + "]" * DEPTH + ', "after": {"k": 1}}'
    assert value_end(text, 9) == len(text) - len(', "after": {"k": 1}}')
    start, end = find_pointer(text, 0, ["after", "k"])
    assert text[start:end] == "1"


def test_xml_nested_100000_levels_is_refused_with_a_finding(tmp_path: Path) -> None:
    path = tmp_path / "deep.xml"
    path.write_text("<clinical_study>" + "<a>" * DEPTH + "</a>" * DEPTH + "</clinical_study>")
    finding = only(findings(path, select=["ALL"]), "F001")
    assert "Excessive depth" in finding.message


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


@pytest.mark.slow
def test_a_200mb_string_value_is_cut_reported_and_the_record_still_checked(
    tmp_path: Path,
) -> None:
    """Bounded: the checks see the first MAX_TEXT_CHARS characters; memory stays a small
    multiple of the file (measured in a child process)."""
    study = json.loads((EXAMPLES / "NCT07104344.json").read_bytes())
    criteria = study["protocolSection"]["eligibilityModule"]["eligibilityCriteria"]
    study["protocolSection"]["eligibilityModule"]["eligibilityCriteria"] = "@@@"
    before, after = json.dumps(study, indent=2).split('"@@@"')
    small = tmp_path / "small.json"  # the same record without the 200 MB tail, for reference
    small.write_text(before + json.dumps(criteria) + after)
    expected = only(findings(small, select=["E101"]), "E101")
    path = tmp_path / "big.json"
    size = 200 * 1024 * 1024
    with path.open("w") as handle:
        handle.write(before + '"' + json.dumps(criteria)[1:-1])
        block = "x" * (1024 * 1024)
        for _ in range(size // len(block)):
            handle.write(block)
        handle.write('"' + after)
    script = (
        "import json, resource, sys\n"
        "from datetime import date\n"
        "from lintrials.engine import lint\n"
        "r = lint([sys.argv[1]], select=['E101', 'S105', 'F'], today=date(2026, 11, 22))\n"
        "print(json.dumps([[f.code, f.line, f.column, f.message] for f in r.findings]))\n"
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)\n"
    )
    done = subprocess.run([sys.executable, "-c", script, str(path)], capture_output=True,
                          text=True, timeout=HANG_LIMIT, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    out, peak_mb = done.stdout.strip().split("\n")
    found = {code: (line, column, message) for code, line, column, message in json.loads(out)}
    line = before.count("\n") + 1
    assert found["F003"][:2] == (line, len(before.split("\n")[-1]) + 1)
    assert "a text value of 209,7" in found["F003"][2]
    assert f"first {MAX_TEXT_CHARS:,}" in found["F003"][2]
    # The record is still checked, and positions inside the long value are still exact.
    assert found["E101"][:2] == (line, expected.column) and found["S105"][0] == 15
    # Memory: the file's bytes, its text, the parsed value; not a copy per check.
    assert int(peak_mb) < 1200, f"peak {peak_mb} MB for a 200 MB file"


def test_a_long_short_field_is_cut_to_the_short_limit(tmp_path: Path) -> None:
    study = json.loads((V2 / "NCT00000410.json").read_bytes())
    site = study["protocolSection"]["contactsLocationsModule"]["locations"][3]
    site["city"] = "(" * 1_000_000  # a million open brackets where a city name belongs
    path = tmp_path / "NCT00000410.json"
    path.write_text(json.dumps(study, indent=1))
    found = findings(path, select=["ALL"])
    cut = only(found, "F003")
    assert cut.pointer == "/protocolSection/contactsLocationsModule/locations/3/city"
    assert f"first {MAX_SHORT_CHARS:,}" in cut.message
    assert "X001" not in codes(found)


def study_with_sites(count: int) -> dict[str, Any]:
    study: dict[str, Any] = json.loads((V2 / "NCT00000410.json").read_bytes())
    site = study["protocolSection"]["contactsLocationsModule"]["locations"][0]
    study["protocolSection"]["contactsLocationsModule"]["locations"] = [
        {**site, "facility": f"Site {i}", "city": "Boston"} for i in range(count)]
    return study


@pytest.mark.slow
def test_a_record_with_50000_sites_is_read_and_located_exactly(tmp_path: Path) -> None:
    study = study_with_sites(50_000)
    sites = study["protocolSection"]["contactsLocationsModule"]["locations"]
    del sites[49_998]["city"]  # the last but one site lacks its city
    path = tmp_path / "wide.json"
    path.write_text(json.dumps(study, indent=2))
    finding = only(findings(path, select=["L213", *ENGINE]), "L213")
    assert finding.pointer == "/protocolSection/contactsLocationsModule/locations/49998/facility"
    line = path.read_text().split("\n")[finding.line - 1]
    assert line[finding.column - 1 :] == '"Site 49998",'


@pytest.mark.slow
def test_a_legacy_xml_with_50000_sites_is_read_and_located_exactly(tmp_path: Path) -> None:
    text = XML_RECORD.read_text()
    site = "<location><facility><name>Site {i}</name><address><city>Boston</city>" \
           "<country>United States</country></address></facility></location>\n"
    sites = "".join(site.format(i=i) for i in range(50_000))
    sites = sites.replace("<city>Boston</city>", "", 1)  # site 0 lacks its city
    path = tmp_path / "wide.xml"
    path.write_text(text.replace("</clinical_study>", sites + "</clinical_study>"))
    found = findings(path, select=["L213", *ENGINE])
    assert [f.code for f in found] == ["L213"]
    first = text.count("<location>") + 1  # the record's own sites come first
    assert found[0].pointer == f"/clinical_study/location[{first}]/facility/name"
    line = path.read_text().split("\n")[found[0].line - 1]
    assert line[found[0].column - 1 :].startswith("Site 0<")


# ------------------------------------------------------------- XML attacks


def billion_laughs() -> str:
    entities = ['<!ENTITY lol0 "lol">'] + [
        f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10)]
    return (f'<?xml version="1.0"?>\n<!DOCTYPE clinical_study [{"".join(entities)}]>\n'
            "<clinical_study><brief_title>&lol9;</brief_title></clinical_study>\n")


def test_an_xml_billion_laughs_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "bomb.xml"
    path.write_text(billion_laughs())
    finding = only(findings(path, select=["ALL"]), "F001")
    assert "amplification" in finding.message


def test_an_xml_quadratic_blowup_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "blowup.xml"
    path.write_text('<!DOCTYPE c [<!ENTITY a "' + "x" * 100_000 + '">]><clinical_study>'
                    "<brief_title>" + "&a;" * 20_000 + "</brief_title></clinical_study>")
    assert "amplification" in only(findings(path, select=["ALL"]), "F001").message


SECRET = "lintrials-secret-7f3a9c"


@pytest.mark.parametrize(
    "doctype",
    [
        '<!DOCTYPE clinical_study [<!ENTITY x SYSTEM "{url}">]>',
        '<!DOCTYPE clinical_study [<!ENTITY % x SYSTEM "{url}"> %x;]>',
        '<!DOCTYPE clinical_study SYSTEM "{url}">',
        '<!DOCTYPE clinical_study PUBLIC "-//x//y" "{url}">',
    ],
    ids=["entity", "parameter-entity", "external-dtd", "public-dtd"],
)
@pytest.mark.parametrize("output_format", ["text", "json", "sarif"])
@pytest.mark.slow
def test_an_xml_external_entity_is_never_read(
    tmp_path: Path, doctype: str, output_format: str
) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET)
    record = XML_RECORD.read_text().split("\n", 1)[1]  # without the XML declaration
    title = "<brief_title>"
    record = record.replace(title, title + "&x;", 1) if "ENTITY x" in doctype else record
    path = tmp_path / "xxe.xml"
    path.write_text('<?xml version="1.0"?>\n' + doctype.format(url=secret.as_uri()) + "\n"
                    + record)
    done = lintrials_cli(tmp_path, "--format", output_format, "--select", "ALL", str(path))
    assert SECRET not in done.stdout + done.stderr
    assert done.returncode in (0, 1), done.stderr
    if "ENTITY x SYSTEM" in doctype:
        assert "never reads one" in done.stdout


def test_an_xinclude_is_not_followed(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET)
    path = tmp_path / "xinclude.xml"
    path.write_text(
        '<clinical_study xmlns:xi="http://www.w3.org/2001/XInclude"><brief_title>'
        f'<xi:include href="{secret.as_uri()}" parse="text"/></brief_title></clinical_study>')
    done = lintrials_cli(tmp_path, "--format", "json", "--select", "ALL", str(path))
    assert SECRET not in done.stdout + done.stderr


def test_an_internal_entity_is_expanded_in_place(tmp_path: Path) -> None:
    text = XML_RECORD.read_text().split("\n", 1)[1].replace(
        "<brief_title>", "<brief_title>&study; ", 1)
    path = tmp_path / "internal.xml"
    path.write_text('<!DOCTYPE clinical_study [<!ENTITY study "A study of">]>\n' + text)
    (source,) = read(str(path))
    assert isinstance(source, Source)
    (parsed,) = list(detect(source.path, source.text).parse(source))  # type: ignore[union-attr]
    assert isinstance(parsed, ParsedRecord)
    assert (parsed.record.brief_title or "").startswith("A study of ")


# ------------------------------------------------------------- zip archives


def zip_bytes(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def test_a_zip_member_over_the_size_limit_is_not_inflated(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(files, "MAX_MEMBER_BYTES", 1024 * 1024)
    data = zip_bytes({"a.json": b"[" + b" " * (64 * 1024 * 1024) + b"]",
                      "b.json": JSON_EXAMPLE.read_bytes()})
    assert len(data) < 200_000  # 64 MB of spaces deflate to almost nothing
    items = list(read("bomb.zip", data))
    assert isinstance(items[0], ReadProblem) and items[0].path == "bomb.zip!a.json"
    assert "inflates to 67,108,866 bytes, over the 1,048,576 byte limit" in items[0].message
    assert isinstance(items[1], Source) and items[1].path == "bomb.zip!b.json"


def _lie_about_size(data: bytes, name: bytes, size: int) -> bytes:
    """The archive with the member's uncompressed size in both headers set to ``size``."""
    out = bytearray(data)
    local = out.index(b"PK\x03\x04" + out[4:4])
    assert out[local + 30 : local + 30 + len(name)] == name
    struct.pack_into("<I", out, local + 22, size)
    central = out.index(b"PK\x01\x02")
    struct.pack_into("<I", out, central + 24, size)
    return bytes(out)


def test_a_zip_member_that_lies_about_its_size_inflates_no_further() -> None:
    data = _lie_about_size(zip_bytes({"a.json": b" " * (50 * 1024 * 1024)}), b"a.json", 1000)
    (item,) = list(read("liar.zip", data))
    # zipfile stops at the declared size and sees the CRC mismatch: nothing past it is inflated.
    assert isinstance(item, ReadProblem)
    assert "cannot read archive member" in item.message and "CRC" in item.message


def test_a_zip_whose_members_inflate_too_much_in_all_stops(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(files, "MAX_ARCHIVE_BYTES", 3 * 1024 * 1024)
    data = zip_bytes({f"{i}.json": b" " * (1024 * 1024) + b"[]" for i in range(10)})
    items = list(read("many.zip", data))
    assert sum(isinstance(i, Source) for i in items) == 2
    assert isinstance(items[-1], ReadProblem) and "in all" in items[-1].message


def test_a_zip_entry_with_dot_dot_in_its_name_is_read_in_memory_only(tmp_path: Path) -> None:
    work = tmp_path / "deep" / "work"
    work.mkdir(parents=True)
    example = JSON_EXAMPLE.read_bytes()
    archive = work / "evil.zip"
    archive.write_bytes(zip_bytes({"../../evil.json": example, "/tmp/abs.json": example,
                                   "../../../x.txt": b"Title\nNCT ID: NCT01234567\n"}))
    before = sorted(p for p in tmp_path.rglob("*"))
    done = lintrials_cli(work, "--select", "E101,F", "--format", "json", "evil.zip")
    assert sorted(p for p in tmp_path.rglob("*")) == before  # nothing written anywhere
    assert not Path("/tmp/abs.json").exists() or Path("/tmp/abs.json").read_bytes() != example
    found = json.loads(done.stdout)
    paths = {f["path"] for f in found if f["code"] == "E101"}
    assert paths == {"evil.zip!../../evil.json", "evil.zip!/tmp/abs.json"}


@pytest.mark.parametrize(
    "damage",
    [lambda d: d[: len(d) // 2], lambda d: d[:-10],
     lambda d: d.replace(b"PK\x01\x02", b"PK\x01\x03"), lambda d: d[:40] + b"\x00" * 40 + d[80:]],
    ids=["half", "no-end-record", "bad-central-directory", "zeroed-data"],
)
def test_a_damaged_zip_is_reported(damage: object) -> None:
    data = damage(zip_bytes({"a.json": JSON_EXAMPLE.read_bytes()}))  # type: ignore[operator]
    items = list(read("damaged.zip", data))
    assert items and all(isinstance(i, (ReadProblem, Source)) for i in items)


# ------------------------------------------------------------- paths that are not files


def test_a_folder_symlink_loop_does_not_trap_the_walk(tmp_path: Path) -> None:
    folder = tmp_path / "records"
    folder.mkdir()
    shutil.copy(JSON_EXAMPLE, folder / "a.json")
    (folder / "loop").symlink_to(folder, target_is_directory=True)
    (folder / "up").symlink_to(tmp_path, target_is_directory=True)
    (tmp_path / "self.json").symlink_to(tmp_path / "self.json")  # a link to itself
    done = lintrials_cli(tmp_path, "--select", "E101,F", "--format", "json", str(tmp_path))
    found = json.loads(done.stdout)
    assert [f["path"] for f in found if f["code"] == "E101"] == [str(folder / "a.json")]
    (loop,) = [f for f in found if f["code"] == "F004"]
    assert loop["path"] == str(tmp_path / "self.json")
    assert "symbolic links" in loop["message"]


def test_a_fifo_and_a_device_are_reported_without_being_opened(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)  # nobody writes to it: opening it to read would block forever
    shutil.copy(JSON_EXAMPLE, tmp_path / "a.json")
    done = lintrials_cli(tmp_path, "--select", "E101,F", "--format", "json", str(tmp_path),
                         "/dev/null", str(fifo))
    found = json.loads(done.stdout)
    unreadable = {(f["path"], f["message"]) for f in found if f["code"] == "F004"}
    message = "not a regular file (a device, FIFO or socket); skipped"
    assert unreadable == {(str(fifo), message), ("/dev/null", message)}
    assert [f["path"] for f in found if f["code"] == "E101"] == [str(tmp_path / "a.json")]


def test_a_file_over_the_size_limit_is_not_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(files, "MAX_FILE_BYTES", 1000)
    (item,) = list(read(str(JSON_EXAMPLE)))
    assert isinstance(item, ReadProblem) and "not read (split the export)" in item.message


# ------------------------------------------------------------- adversarial text and checks

# Long runs of what the checks' regular expressions loop on (found by scripts/regex_audit.py).
ATTACKS = {
    "spaces": " " * 20_000,
    "tabs": "\t" * 20_000,
    "digits": "1" * 20_000,
    "digit-space": "1 " * 10_000,
    "dots": "." * 20_000,
    "brackets": "(" * 10_000 + "[" * 10_000,
    "words": "aa " * 7_000,
    "age-like": "18 years " * 2_500,
    "bullets": "* " * 10_000,
    "letters": "A" * 20_000,
    "dashes": "-" * 20_000,
    "ge": "\u2265" * 20_000,
    "commas": "a, " * 7_000,
    "newlines": "\n" * 20_000,
    "colons": "a: " * 7_000,
}


@pytest.mark.slow
def test_adversarial_text_in_every_field_ends_in_every_check(tmp_path: Path) -> None:
    """Every text field of a real record holds each attack in turn; the run must end (in a
    child process, so that a catastrophic regular expression fails the test, not the suite)."""
    study = json.loads(JSON_EXAMPLE.read_bytes())
    p = study["protocolSection"]
    folder = tmp_path / "attacks"
    folder.mkdir()
    for name, attack in ATTACKS.items():
        p["eligibilityModule"]["eligibilityCriteria"] = "Inclusion Criteria:\n* " + attack
        p["descriptionModule"]["briefSummary"] = attack
        p["identificationModule"]["officialTitle"] = attack[:MAX_SHORT_CHARS]
        site = p["contactsLocationsModule"]["locations"][0]
        for key in ("facility", "city", "state", "zip"):
            site[key] = attack[:MAX_SHORT_CHARS]
        for contact in p["contactsLocationsModule"].get("centralContacts", []):
            contact.update(name=attack[:MAX_SHORT_CHARS], phone=attack[:MAX_SHORT_CHARS],
                           email=attack[:MAX_SHORT_CHARS])
        (folder / f"{name}.json").write_text(json.dumps(study))
    done = lintrials_cli(tmp_path, "--select", "ALL", "--format", "json", str(folder))
    found = json.loads(done.stdout)
    failures = [(f["path"], f["message"]) for f in found if f["code"] == "X001"]
    assert not failures, failures
    assert {Path(f["path"]).stem for f in found} == set(ATTACKS)


# ------------------------------------------------------------- configuration


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("select: !!python/object/apply:os.system ['touch {marker}']\n", "is not allowed"),
        ("select: !!python/name:os.system\n", "is not allowed"),
        ("checks: !!binary aGVsbG8=\n", "is not allowed"),
        ("select: !custom x\n", "is not allowed"),
        ("<<: {select: [E101]}\n", "is not allowed"),
        ("a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
         "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
         "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]\n"
         "g: [*f, *f, *f, *f, *f, *f, *f, *f, *f]\n", "over 100,000 values"),
        ("select: &a [*a]\n", "an alias inside itself"),
        pytest.param("select: " + "[" * 5000 + "]" * 5000 + "\n", "nested too deeply",
                     marks=pytest.mark.slow),
        ("select: [E101\n", "not valid YAML"),
    ],
    ids=["python-apply", "python-name", "binary", "custom-tag", "merge-key", "alias-bomb",
         "alias-cycle", "deep", "broken"],
)
def test_an_unsafe_configuration_is_rejected_clearly(
    tmp_path: Path, content: str, message: str
) -> None:
    marker = tmp_path / "pwned"
    path = tmp_path / "lintrials.yaml"
    path.write_text(content.replace("{marker}", str(marker)))
    checks, _ = discover()
    with pytest.raises(ConfigError, match=message) as caught:
        load(checks + ENGINE_RULES, path)
    assert str(path) in str(caught.value)
    assert not marker.exists()


def test_the_cli_rejects_an_unsafe_configuration_without_a_traceback(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    config = tmp_path / "lintrials.yaml"
    config.write_text(f"select: !!python/object/apply:os.system ['touch {marker}']\n")
    result = CliRunner().invoke(
        main, ["check", "--no-cache", "--config", str(config), str(JSON_EXAMPLE)])
    assert result.exit_code == 2 and "is not allowed" in result.output
    assert "Traceback" not in result.output and not marker.exists()


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"[tool.lintrials]\nselect = ['\xff']\n", "cannot read"),
     (b"[tool.lintrials]\nselect = " + b"[" * 5000 + b"]" * 5000 + b"\n", "nested too deeply"),
     (b"tool = 1\n[x]\n", "has no \\[tool.lintrials\\] table")],
    ids=["invalid-utf8", "deep", "tool-not-a-table"],
)
def test_a_broken_pyproject_is_rejected_clearly(
    tmp_path: Path, content: bytes, message: str
) -> None:
    path = tmp_path / "pyproject.toml"
    path.write_bytes(content)
    checks, _ = discover()
    with pytest.raises(ConfigError, match=message):
        load(checks + ENGINE_RULES, path)


# ------------------------------------------------------------- --fix: crashes, modes, no writes


def test_a_crash_between_writing_and_renaming_leaves_the_original_intact(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "NCT07177911.json"
    shutil.copy(EXAMPLES / "NCT07177911.json", path)
    original = path.read_bytes()

    def crash(*args: object) -> None:
        raise KeyboardInterrupt  # the process killed between the write and the rename

    monkeypatch.setattr(os, "replace", crash)
    result = CliRunner().invoke(main, ["check", "--no-cache", "--select", "C301", "--fix",
                                       str(path)])
    assert result.exit_code == 1 and "Aborted" in result.output  # click's word for Ctrl-C
    assert path.read_bytes() == original
    assert sorted(p.name for p in tmp_path.iterdir()) == ["NCT07177911.json"]


def test_a_failed_rename_leaves_the_file_intact_and_the_run_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("NCT07177911.json", "NCT07314060.json"):
        shutil.copy(EXAMPLES / name, tmp_path / name)
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    real_replace = os.replace

    def fail_once(source: str, target: str) -> None:
        if str(target).endswith("NCT07177911.json"):
            raise OSError(28, "No space left on device")
        real_replace(source, target)

    monkeypatch.setattr(os, "replace", fail_once)
    result = CliRunner().invoke(main, ["check", "--no-cache", "--today", "2026-11-22", "--select",
                                       "C301,L207", "--fix", str(tmp_path)])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    assert result.exit_code == 2 and result.output.count("No space left on device") == 1
    assert "1 file not fixed" in result.output
    assert (tmp_path / "NCT07177911.json").read_bytes() == before["NCT07177911.json"]
    assert (tmp_path / "NCT07314060.json").read_bytes() != before["NCT07314060.json"]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(before)


@pytest.mark.parametrize("newline", [b"\n", b"\r\n", b"\r"])
@pytest.mark.parametrize("mode", [0o600, 0o640, 0o755])
def test_fixed_files_keep_their_permissions_and_line_endings(
    tmp_path: Path, newline: bytes, mode: int
) -> None:
    path = tmp_path / "NCT07177911.json"
    path.write_bytes((EXAMPLES / "NCT07177911.json").read_bytes().replace(b"\n", newline))
    path.chmod(mode)
    CliRunner().invoke(main, ["check", "--no-cache", "--select", "C301", "--fix", str(path)])
    data = path.read_bytes()
    assert b'"phone": "+86 21 5058 2090"' in data
    assert stat.S_IMODE(path.stat().st_mode) == mode
    others = [b for b in (b"\r\n", b"\r", b"\n") if b != newline]
    assert data.count(newline) == (EXAMPLES / "NCT07177911.json").read_bytes().count(b"\n")
    assert not any(other in data.replace(newline, b"") for other in others)


def test_a_fixed_file_behind_a_link_is_fixed_and_the_link_kept(tmp_path: Path) -> None:
    target = tmp_path / "real.json"
    shutil.copy(EXAMPLES / "NCT07177911.json", target)
    link = tmp_path / "link.json"
    link.symlink_to(target)
    CliRunner().invoke(main, ["check", "--no-cache", "--select", "C301", "--fix", str(link)])
    assert link.is_symlink() and b"+86 21 5058 2090" in target.read_bytes()


def test_a_fix_an_xml_encoding_cannot_hold_is_written_as_a_reference(tmp_path: Path) -> None:
    from lintrials.findings import Edit, FixEdits
    from lintrials.fixer import _fix_file

    text = ('<?xml version="1.0" encoding="ISO-8859-1"?><clinical_study>'
            "<brief_title>caf\u00e9</brief_title></clinical_study>")
    path = tmp_path / "latin.xml"
    path.write_bytes(text.encode("latin-1"))
    start = text.index("caf") + 1
    edit = Edit(1, start, 1, start + 4, "caf\u00e9 \u2265 18")
    finding = Finding(code="T999", name="t", severity="warning", message="m", path=str(path),
                      line=1, column=start, end_line=1, end_column=start + 4,
                      fix=FixEdits("d", True, (edit,)))
    fix = _fix_file(str(path), path.read_bytes(), [finding])
    assert fix.fixed == [finding]
    assert fix.after.decode("latin-1").endswith(
        "<brief_title>caf\u00e9 &#8805; 18</brief_title></clinical_study>")


@pytest.mark.corpus
@pytest.mark.slow
def test_no_file_is_ever_written_without_fix(tmp_path: Path) -> None:
    copy = tmp_path / "corpus"
    shutil.copytree(WHOLE_CORPUS, copy, symlinks=True, ignore=shutil.ignore_patterns("other"))
    shutil.copytree(EXAMPLES, copy / "examples")
    for path in copy.rglob("*"):
        path.chmod(0o644 if path.is_file() else 0o755)
    before = {p: (p.stat().st_mtime_ns, p.read_bytes()) for p in copy.rglob("*") if p.is_file()}
    done = lintrials_cli(tmp_path, "--select", "ALL", "--format", "json", "--diff", str(copy))
    assert done.returncode in (0, 1), done.stderr
    done = lintrials_cli(tmp_path, "--select", "ALL", "--statistics", str(copy))
    assert done.returncode in (0, 1), done.stderr
    after = {p: (p.stat().st_mtime_ns, p.read_bytes()) for p in copy.rglob("*") if p.is_file()}
    assert after == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["corpus"]


def test_with_the_cache_on_only_the_cache_folder_is_written(tmp_path: Path) -> None:
    """The one write of a check run: the cache, in .lintrials_cache of the current folder."""
    work = tmp_path / "work"
    shutil.copytree(EXAMPLES, work / "examples")
    before = {p: p.read_bytes() for p in work.rglob("*") if p.is_file()}
    done = subprocess.run(
        [sys.executable, "-m", "lintrials", "check", "--today", "2026-11-22", "examples"],
        capture_output=True, text=True, timeout=HANG_LIMIT, cwd=work)
    assert done.returncode == 1, done.stderr
    written = {p for p in work.rglob("*") if p.is_file()} - set(before)
    assert written and all(p.relative_to(work).parts[0] == ".lintrials_cache" for p in written)
    assert {p: p.read_bytes() for p in before} == before


# ------------------------------------------------------------- fuzzing regressions

FUZZ = Path(__file__).parent / "data" / "fuzz"


@pytest.mark.parametrize("case", sorted(FUZZ.glob("*")), ids=lambda p: p.name)
def test_every_input_the_fuzzer_crashed_on_is_read_without_raising(case: Path) -> None:
    from test_properties import exercise

    outcome = exercise(case.name, case.read_bytes())
    assert all(isinstance(o, (ParsedRecord, FileProblem, ReadProblem)) for o in outcome)


def test_the_fuzz_regressions_are_there() -> None:
    assert len(list(FUZZ.glob("*"))) >= 1
