"""A page section that cannot be read is reported (F003), and the rest of it is still read.

The seed page lists 32 sites after "Locations", each a facility line, a "City, State, Country"
line and a "Site Status" line. The test damages one block (its "Site Status" line is gone, as
in a page saved half-loaded), which once made that block and the next one a single site.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from conftest import SEEDS, findings
from lintrials.formats.page_text_record import PageReader

SEED = SEEDS / "000_c17df8f03dc45045.txt"
BLOCK = "Fuzhou, Fujian, China\n\nSite Status\n"  # the third site's last lines


def damaged(tmp_path: Path, text: str) -> Path:
    page = SEED.read_text(encoding="utf-8")
    assert page.count(BLOCK) == 1
    path = tmp_path / "page.txt"
    path.write_text(page.replace(BLOCK, text), encoding="utf-8")
    return path


def test_the_seed_page_reads_whole_with_no_finding_of_a_lost_section() -> None:
    page = PageReader(SEED.read_text(encoding="utf-8"))
    assert len(page.record.locations) == 32
    assert page.unreadable == []
    assert findings(SEED, select=["F003"]) == []


def test_a_site_block_without_its_status_is_a_finding_and_the_other_sites_are_read(
    tmp_path: Path,
) -> None:
    path = damaged(tmp_path, "Fuzhou, Fujian, China\n\n")
    page = PageReader(path.read_text(encoding="utf-8"))
    facilities = [loc.facility for loc in page.record.locations]
    assert len(facilities) == 31  # every site but the damaged one
    assert "The First Affiliated Hospital of Fujian Medical University" not in facilities
    assert facilities[2] == "Southern Medical University Dermatology Hospital"
    assert page.record.locations[2].city == "Guangzhou"
    (finding,) = findings(path, select=["F003"])
    assert (finding.line, finding.column) == (203, 1)  # the damaged block's first line
    assert "the Locations section (line 187): lines 203-205 cannot be read as a site" in (
        finding.message)


def test_lines_after_the_last_site_are_a_finding(tmp_path: Path) -> None:
    page = SEED.read_text(encoding="utf-8")
    last = page.rindex("Site Status\n")
    path = tmp_path / "page.txt"
    path.write_text(page[:last] + "Site Statu\n" + page[last + len("Site Status\n"):],
                    encoding="utf-8")
    reader = PageReader(path.read_text(encoding="utf-8"))
    assert len(reader.record.locations) == 31
    ((offset, message),) = reader.unreadable
    assert message.startswith("the Locations section (line 187): lines ")
    assert reader.text[:offset].count("\n") + 1 == int(message.split("lines ")[1].split("-")[0])


def test_a_site_named_like_a_later_heading_does_not_end_the_locations(tmp_path: Path) -> None:
    site = "The First Affiliated Hospital of Fujian Medical University\n"
    page = SEED.read_text(encoding="utf-8")
    path = tmp_path / "page.txt"
    path.write_text(page.replace(site, "Facility Contacts\n", 1), encoding="utf-8")
    reader = PageReader(path.read_text(encoding="utf-8"))
    assert len(reader.record.locations) == 32  # once only the first two were read
    assert reader.record.locations[2].facility == "Facility Contacts"
    assert len(reader.record.locations[3].contacts) == 1  # the contacts are still read
    (finding,) = findings(path, select=["F003"])
    assert finding.line == 203
    assert finding.message.startswith(
        "line 203 is the Facility Contacts heading again, inside the Locations section")


def test_a_page_that_shows_statuses_as_the_registry_displays_them_is_read_the_same(
        tmp_path: Path) -> None:
    """The registry's pages show "Not yet recruiting" where the API says NOT_YET_RECRUITING;
    both spellings must give the same status, so the status checks see it either way."""
    coded = (SEEDS / "001_020fa720e2ffd389.txt").read_text(encoding="utf-8")
    shown = coded.replace("\nNOT_YET_RECRUITING\n", "\nNot yet recruiting\n", 1)
    shown = shown.replace("\nTREATMENT\n", "\nTreatment\n", 1)
    assert shown.count("Not yet recruiting") == 1 and "\nTreatment\n" in shown
    a, b = PageReader(coded).record, PageReader(shown).record
    assert (b.overall_status, b.primary_purpose) == (a.overall_status, a.primary_purpose) == (
        "NOT_YET_RECRUITING", "TREATMENT")
    page = tmp_path / "shown.txt"
    page.write_text(shown, encoding="utf-8")
    flagged = findings(page, select=["S101"], today=date(2026, 11, 22))
    assert [f.code for f in flagged] == ["S101"]  # its start date, 2025-09-25, has passed
