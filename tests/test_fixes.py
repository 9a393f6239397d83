"""--fix, --unsafe-fixes, --diff: edits on the original bytes, nothing else, and idempotent."""

from __future__ import annotations

import difflib
import os
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import CORPUS, EXAMPLES, WHOLE_CORPUS, findings
from lintrials.cli import main
from lintrials.files import read
from lintrials.formats import ParsedRecord, detect
from lintrials.source import Source


def lintrials(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["check", "--today", "2026-11-22", *args])
    return result.exit_code, result.output


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def record_of(path: Path) -> object:
    (source,) = [s for s in read(str(path)) if isinstance(s, Source)]
    fmt = detect(source.path, source.text)
    assert fmt is not None
    (item,) = [p for p in fmt.parse(source) if isinstance(p, ParsedRecord)]
    return item.record


def changed_lines(before: bytes, after: bytes) -> list[str]:
    diff = difflib.unified_diff(before.decode().splitlines(), after.decode().splitlines(),
                                lineterm="", n=0)
    return [line for line in diff if line[:1] in "+-" and line[:3] not in ("+++", "---")]


def test_fix_on_the_examples_changes_only_the_fixed_values(tmp_path: Path) -> None:
    folder = tmp_path / "examples"
    shutil.copytree(EXAMPLES, folder)
    before = snapshot(folder)
    _, out = lintrials("--select", "C301", "--diff", str(folder))
    assert snapshot(folder) == before, "--diff writes nothing"
    assert "+86 21 5058 2090" in out

    lintrials("--fix", str(folder))
    after = snapshot(folder)
    changed = {name for name in before if before[name] != after[name]}
    # The phone of seed 002, and the stray space in "People' s" of seed 000.
    assert changed == {"002_e3ee89ab0d39f9a4.txt", "NCT07177911.json",
                       "000_c17df8f03dc45045.txt", "NCT07314060.json"}
    assert changed_lines(before["NCT07177911.json"], after["NCT07177911.json"]) == [
        '-          "phone": "+86-021-50582090"', '+          "phone": "+86 21 5058 2090"']
    page = changed_lines(before["002_e3ee89ab0d39f9a4.txt"], after["002_e3ee89ab0d39f9a4.txt"])
    assert "-+86-021-50582090" in page and "++86 21 5058 2090" in page
    # The page's other changes drop the backslashes of markdown escapes, nothing else.
    removed = [line[1:] for line in page if line[0] == "-" and "50582090" not in line]
    added = [line[1:] for line in page if line[0] == "+" and "5058 2090" not in line]
    assert len(removed) == len(added) == 4
    assert [r.replace("\\>", ">").replace("\\<", "<") for r in removed] == added

    # The fixed record is the same record but for the fixed value.
    fixed = record_of(folder / "NCT07177911.json")
    original = record_of(EXAMPLES / "NCT07177911.json")
    original.central_contacts[0].phone = "+86 21 5058 2090"  # type: ignore[attr-defined]
    assert fixed == original

    # The re-run reports none of the fixed findings, and a second --fix changes nothing.
    assert not [f for f in findings(folder) if f.code == "C301"]
    lintrials("--fix", str(folder))
    assert snapshot(folder) == after


def test_fix_keeps_crlf_line_endings_bom_and_permissions(tmp_path: Path) -> None:
    path = tmp_path / "NCT07177911.json"
    original = (EXAMPLES / "NCT07177911.json").read_bytes()
    path.write_bytes(b"\xef\xbb\xbf" + original.replace(b"\n", b"\r\n"))
    path.chmod(0o640)
    lintrials("--select", "C301", "--fix", str(path))
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    assert data.count(b"\r\n") == original.count(b"\n") and b"\n" not in data.replace(b"\r\n", b"")
    assert b'"phone": "+86 21 5058 2090"' in data
    assert path.stat().st_mode & 0o777 == 0o640


def test_exact_duplicate_site_is_removed_from_json_and_the_result_parses(tmp_path: Path) -> None:
    path = tmp_path / "NCT03013543.json"
    shutil.copy(CORPUS / "ctgov_v2_json_partial/NCT03013543.json", path)
    before = record_of(path)
    lintrials("--select", "L201", "--fix", str(path))
    after = record_of(path)
    assert len(after.locations) == len(before.locations) - 1  # type: ignore[attr-defined]
    assert after.locations == before.locations[:57]  # type: ignore[attr-defined]
    assert [f for f in findings(path) if f.code == "L201"] == []


def test_exact_duplicate_site_is_removed_from_legacy_xml(tmp_path: Path) -> None:
    source = (CORPUS / "ctgov_legacy_xml/NCT00460967.xml").read_text()
    location = re.search(r"\n\s*<location>.*?</location>", source, re.S)
    assert location
    doubled = source[: location.end()] + location.group() + source[location.end():]
    path = tmp_path / "NCT00460967.xml"
    path.write_text(doubled)
    (finding,) = [f for f in findings(path) if f.code == "L201" and "identical" in f.message]
    assert finding.fix is not None and finding.fix.safe
    lintrials("--select", "L201", "--fix", str(path))
    assert path.read_text() == source


def test_exact_duplicate_site_is_removed_from_a_page_with_its_contact(tmp_path: Path) -> None:
    # Seed 000 lists one hospital twice with two contacts; make the second entry an exact copy.
    text = (EXAMPLES / "000_c17df8f03dc45045.txt").read_text()
    text = text.replace("Qing Peng, Doctor\n\nRole: primary\n\n18181873310",
                        "Chengsong He, Master\n\nRole: primary\n\n13700980878")
    path = tmp_path / "seed.txt"
    path.write_text(text)
    lintrials("--select", "L201", "--fix", str(path))
    fixed = record_of(path)
    assert len(fixed.locations) == 31  # type: ignore[attr-defined]
    assert [loc.contacts[0].name for loc in fixed.locations][23:25] == [  # type: ignore[attr-defined]
        "Chengsong He, Master", "Huiping Wang, Doctor"]
    assert [f for f in findings(path) if f.code == "L201"] == []


def test_unsafe_fixes_wait_for_the_flag(tmp_path: Path) -> None:
    # The duplicate in seed 000 differs in its contact: which entry to keep is not obvious.
    path = tmp_path / "seed.txt"
    shutil.copy(EXAMPLES / "000_c17df8f03dc45045.txt", path)
    before = path.read_bytes()
    lintrials("--select", "L201", "--fix", str(path))
    assert path.read_bytes() == before


@pytest.mark.corpus
@pytest.mark.slow
def test_fix_on_the_corpus_changes_only_fixed_values_and_is_idempotent(tmp_path: Path) -> None:
    fixable = [f for f in findings(WHOLE_CORPUS, select=["C301", "L201"]) if f.fix and f.fix.safe]
    paths = sorted({Path(f.path) for f in fixable})
    assert len(paths) >= 10, "the corpus has fixable findings in many files"
    copies = {}
    for path in paths:
        copy = tmp_path / f"{path.parent.name}-{path.name}"
        shutil.copy(path, copy)
        copies[copy] = path.read_bytes()
    lintrials("--select", "C301,L201", "--fix", *map(str, copies))
    fixed_keys = {(f.code, f.record, f.field) for f in fixable}
    for copy, before in copies.items():
        after = copy.read_bytes()
        assert after != before, copy
        for line in changed_lines(before, after):
            # Only phone values change, or whole site entries go.
            assert '"phone"' in line or "<phone>" in line or line[1:].strip() in (
                "},", "{", "}", "") or '"' in line or "<" in line, line
        assert record_of(copy) is not None  # still a readable record
    after_fix = {copy: copy.read_bytes() for copy in copies}
    lintrials("--select", "C301,L201", "--fix", *map(str, copies))
    assert {copy: copy.read_bytes() for copy in copies} == after_fix, "idempotent"
    remaining = {(f.code, f.record, f.field) for f in findings(*copies, select=["C301", "L201"])
                 if f.fix and f.fix.safe}
    assert not remaining & fixed_keys


def test_stray_space_in_a_facility_name_is_joined(tmp_path: Path) -> None:
    path = tmp_path / "seed.txt"
    shutil.copy(EXAMPLES / "000_c17df8f03dc45045.txt", path)
    before = path.read_bytes()
    lintrials("--select", "L207", "--fix", str(path))
    assert changed_lines(before, path.read_bytes()) == [
        "-Sichuan Provincial People' s Hospital", "+Sichuan Provincial People's Hospital"]
    assert not [f for f in findings(path, select=["L207"]) if "stray space" in f.message]


def test_a_fixed_file_is_a_new_file_with_the_same_owner_and_other_hard_links_keep_the_old(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "NCT07177911.json"
    shutil.copy(EXAMPLES / "NCT07177911.json", path)
    other = tmp_path / "other-link.json"
    os.link(path, other)
    if os.geteuid() == 0:  # as root: a file of someone else's stays theirs
        os.chown(path, 12345, 12346)
    elif len(os.getgroups()) > 1:  # else: a group of this user's other than the first
        os.chown(path, -1, next(g for g in os.getgroups() if g != os.getegid()))
    before = path.stat()
    code, out = lintrials("--no-cache", "--select", "C301", "--fix", str(path))
    after = path.stat()
    assert code == 0 and "other hard links (1) keep the old text" in caplog.text, out
    assert b'"phone": "+86 21 5058 2090"' in path.read_bytes()
    assert other.read_bytes() == (EXAMPLES / "NCT07177911.json").read_bytes()
    assert after.st_ino != before.st_ino and after.st_nlink == 1
    assert (after.st_uid, after.st_gid, after.st_mode) == (
        before.st_uid, before.st_gid, before.st_mode)


def test_no_fix_rewrites_the_element_a_field_is_only_placed_at() -> None:
    # Legacy XML gives a secondary ID as its text only: its type (and a date's type) are placed
    # at that element for findings, but a fix of the type must not overwrite the ID or the date.
    from lintrials.findings import Fix

    (source,) = [s for s in read(str(CORPUS / "ctgov_legacy_xml" / "NCT00000285.xml"))
                 if isinstance(s, Source)]
    fmt = detect(source.path, source.text)
    assert fmt is not None
    (parsed,) = [p for p in fmt.parse(source) if isinstance(p, ParsedRecord)]
    assert parsed.record.secondary_ids and parsed.record.start_date
    for field in ("secondary_ids[0].type", "secondary_ids[0].domain", "start_date.type"):
        assert parsed.locator.fix_edits(Fix("retype", "CTIS"), field) == [], field
    assert parsed.locator.fix_edits(Fix("trim", "X1"), "secondary_ids[0].id")
