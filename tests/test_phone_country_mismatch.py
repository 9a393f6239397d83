"""phone-country-mismatch (C306): a site contact's number of another country than the site."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from conftest import CORPUS, EXAMPLES, SEEDS, findings
from flow_builders import edited_text

V2 = CORPUS / "ctgov_v2_json"
LEGACY = CORPUS / "ctgov_legacy_xml"


def c306(*paths: Path | str, search_from: Path | None = None) -> list[Any]:
    return [f for f in findings(*paths, select=["C306"], search_from=search_from)
            if f.code == "C306"]


def fields(*paths: Path | str, search_from: Path | None = None) -> list[str]:
    return [f.field for f in c306(*paths, search_from=search_from)]


def options(tmp_path: Path, **values: bool) -> Path:
    """A configuration in tmp_path that sets the check's options."""
    lines = "".join(f"    {name}: {str(value).lower()}\n" for name, value in values.items())
    (tmp_path / "lintrials.yaml").write_text(
        f"checks:\n  phone-country-mismatch:\n{lines}", encoding="utf-8")
    return tmp_path


def record_file(tmp_path: Path, nct: str, sites: list[tuple[str, str]],
                central: str | None = None) -> Path:
    """A minimal API v2 study with sites given as (country, phone of the site contact)."""
    module: dict[str, Any] = {"locations": [
        {"facility": f"Hospital {i}", "city": "City", "country": country,
         "contacts": [{"name": "A Person", "role": "CONTACT", "phone": phone}]}
        for i, (country, phone) in enumerate(sites)
    ]}
    if central is not None:
        module["centralContacts"] = [{"name": "B Person", "role": "CONTACT", "phone": central}]
    study = {"protocolSection": {
        "identificationModule": {"nctId": nct, "briefTitle": "A study"},
        "contactsLocationsModule": module,
    }}
    path = tmp_path / f"{nct}.json"
    path.write_text(json.dumps(study, indent=2, ensure_ascii=False), encoding="utf-8")
    return path


# --- real records that must be flagged -----------------------------------------------------


def test_swedish_number_for_a_site_in_flensburg_with_the_plus_for_the_trunk_prefix() -> None:
    [finding] = c306(V2 / "NCT06875310.json")
    assert finding.field == "locations[162].contacts[0].phone"
    assert finding.severity == "warning"
    # "phone": "+4618162512": the whole number
    assert (finding.line, finding.column, finding.end_line, finding.end_column) == (
        3178, 25, 3178, 36)
    assert finding.message == (
        "a foreign number for a site in Germany: +46 18 16 25 12 (Sweden); is the contact "
        "abroad, or is the number or the site's country wrong? With the '+' read as the trunk "
        "prefix it is +49 461 8162512, a number in Flensburg (Germany)")


def test_spanish_number_written_with_00_for_a_site_in_mexico(tmp_path: Path) -> None:
    # Edited: of four sites in Mexico City with Mexican numbers, the cancer institute's
    # contact is given a Madrid number dialled from abroad with "00": "0034 915 62 80 40".
    source = LEGACY / "NCT05685641.xml"
    assert c306(source) == []
    edited = edited_text(source, tmp_path, "<phone>55 5628 0400</phone>",
                         "<phone>0034 915 62 80 40</phone>")
    [finding] = c306(edited)
    assert finding.field == "locations[2].contacts[0].phone"
    assert (finding.line, finding.column, finding.end_column) == (220, 14, 31)
    assert finding.message.startswith(
        "a foreign number for a site in Mexico: +34 915 62 80 40 (Spain);")
    assert "trunk prefix" not in finding.message


def test_second_contact_of_a_site_in_kinshasa_has_a_los_angeles_number() -> None:
    [finding] = c306(LEGACY / "NCT05705427.xml")
    # contacts[0] is the national "0999131820", read as a Congolese number
    assert finding.field == "locations[0].contacts[1].phone"
    assert (finding.line, finding.column, finding.end_column) == (241, 14, 31)
    assert "+1 213-716-1070 (United States)" in finding.message
    assert "site in Congo, The Democratic Republic of the" in finding.message


# --- real records that must not be flagged -------------------------------------------------


def test_seeds_and_their_json_twins_have_only_numbers_of_their_sites_countries() -> None:
    assert c306(SEEDS, EXAMPLES) == []


def test_a_sponsors_central_line_at_sites_abroad_is_no_mismatch() -> None:
    # GSK's "+44 (0) 20 8990 4466" at sites on every continent: a central line, given at 185
    # sites, so no C306; and its bracketed trunk prefix is a matter of form (C302), not C301.
    path = V2 / "NCT06256588.json"
    both = findings(path, select=["C301", "C306"])
    assert [f for f in both if f.field == "locations[27].contacts[1].phone"] == []
    assert not [f for f in both if f.code == "C306"]


def test_foreign_number_with_a_kept_trunk_prefix_is_only_malformed() -> None:
    # "+640273502516" (New Zealand, "0" kept after +64) for the site in Niue: one site, so no
    # central line; the phone is C301's until its trunk prefix goes.
    both = findings(V2 / "NCT06579950.json", select=["C301", "C306"])
    assert [(f.code, f.field) for f in both if f.field == "locations[3].contacts[0].phone"] == [
        ("C301", "locations[3].contacts[0].phone")]
    assert not [f for f in both if f.code == "C306"]


def test_north_american_number_without_plus_one_is_left_to_malformed_phone() -> None:
    # "877-379-3718" (no +1) at a site in Argentina: C301's "North American number" finding.
    path = V2 / "NCT06256588.json"
    both = findings(path, select=["C301", "C306"])
    assert [f.code for f in both if f.field == "locations[27].contacts[0].phone"] == ["C301"]


def test_northern_cyprus_numbers_for_a_site_in_cyprus(tmp_path: Path) -> None:
    # Edited: the last of four Mexico City sites moved to Kyrenia, Cyprus, its contact given a
    # "(0392)" landline and a backup contact a "0548" mobile: numbers of Türkiye's plan, which
    # Northern Cyprus uses.
    site = ("        <city>{city}</city>\n        <country>{country}</country>\n      </address>\n"
            "    </facility>\n    <contact>\n      <last_name>Victor Ahumada Topete, MD"
            "</last_name>\n      <phone>{phone}</phone>\n      <email>victor.ahumada@uehi.mx"
            "</email>\n    </contact>\n")
    mexico = site.format(city="Mexico City", country="Mexico", phone="55 5487 1700")
    cyprus = site.format(city="Kyrenia", country="Cyprus", phone="(0392) 815 4471") + (
        "    <contact_backup>\n      <last_name>A Study Nurse</last_name>\n"
        "      <phone>0548 862 3107</phone>\n    </contact_backup>\n")
    edited = edited_text(LEGACY / "NCT05685641.xml", tmp_path, mexico, cyprus)
    assert findings(edited, select=["C301", "C306"]) == []
    # The same numbers at a site in Greece are in no Greek range: the Cyprus site is what
    # lets them be read in Türkiye's plan.
    greece = edited_text(edited, tmp_path, "<city>Kyrenia</city>\n        <country>Cyprus",
                         "<city>Athens</city>\n        <country>Greece")
    assert [(f.code, f.field) for f in findings(greece, select=["C301", "C306"])] == [
        ("C301", "locations[3].contacts[0].phone"), ("C301", "locations[3].contacts[1].phone")]


def test_reunion_number_for_a_site_in_france() -> None:
    # "0262359000" at site 158 (France): a Réunion number, France overseas.
    assert not [f for f in c306(V2 / "NCT06356129.json")
                if f.field == "locations[158].contacts[0].phone"]


def test_sponsor_number_at_sites_in_several_countries_is_a_central_line(tmp_path: Path) -> None:
    # The French sponsor's "0033686114973" at its sites in Denmark, France and Germany, and as
    # its central contact: a deliberate line, dialable from everywhere.
    path = V2 / "NCT04631133.json"
    assert c306(path) == []
    assert fields(path, search_from=options(tmp_path, central_lines=True)) == [
        "locations[0].contacts[0].phone", "locations[4].contacts[0].phone"]


def test_central_toll_free_line_abroad_only_with_the_option(tmp_path: Path) -> None:
    # Bayer's "(+)1-888-84 22937" as the central contact of a study whose 25 sites are in India.
    path = V2 / "NCT05348876.json"
    assert c306(path) == []
    [finding] = c306(path, search_from=options(tmp_path, central_contacts=True))
    assert finding.field == "central_contacts[0].phone"
    assert finding.message == (
        "a foreign toll-free number for a study whose sites are all in India: "
        "+1 888-842-2937 (United States), which can usually not be called from other countries")


def test_central_contacts_abroad_stay_quiet_unless_both_options(tmp_path: Path) -> None:
    # Roche's Basel number "+41613241111" as the central contact of an India-only study.
    path = V2 / "NCT05022342.json"
    assert c306(path, search_from=options(tmp_path, central_contacts=True)) == []
    assert fields(path, search_from=options(tmp_path, central_contacts=True,
                                            central_lines=True)) == ["central_contacts[0].phone"]


# --- made-up records for the edge cases ----------------------------------------------------


def test_countries_sharing_a_calling_code(tmp_path: Path) -> None:
    path = record_file(tmp_path, "NCT90000001", [
        ("Canada", "+1 (213) 716-1070"),  # United States
        ("Russian Federation", "+7 727 258 0000"),  # Kazakhstan
        ("United Kingdom", "+44 1534 442000"),  # Jersey
        ("Italy", "+39 06 6988 3145"),  # Vatican
        ("Norway", "+47 79 02 12 00"),  # Svalbard
    ])
    assert c306(path, search_from=tmp_path) == []


def test_places_numbered_under_another_code(tmp_path: Path) -> None:
    path = record_file(tmp_path, "NCT90000002", [
        ("France", "+262 262 35 90 00"),  # Réunion
        ("Cyprus", "+90 392 630 3946"),  # Northern Cyprus
        ("Kosovo", "+377 44 123 456"),  # a Kosovo mobile under Monaco's code, before +383
        ("Palestinian Territory, occupied", "+972 2 627 9911"),
        ("Denmark", "+298 30 45 00"),  # Faroe Islands
        ("Germany", "+800 1234 5678"),  # international freephone
    ])
    assert c306(path, search_from=tmp_path) == []


def test_cross_border_number_is_reported(tmp_path: Path) -> None:
    path = record_file(tmp_path, "NCT90000003", [("France", "+41 22 372 33 11")])
    [finding] = c306(path, search_from=tmp_path)
    assert finding.message.startswith(
        "a foreign number for a site in France: +41 22 372 33 11 (Switzerland);")


def test_toll_free_line_abroad_is_reported_at_every_site(tmp_path: Path) -> None:
    path = record_file(tmp_path, "NCT90000004", [
        ("Germany", "+1 877-379-3718"), ("Japan", "+1 877-379-3718"),
        ("United States", "+1 877-379-3718")])
    found = c306(path, search_from=tmp_path)
    assert [f.field for f in found] == ["locations[0].contacts[0].phone",
                                        "locations[1].contacts[0].phone"]
    assert found[1].message == (
        "a foreign toll-free number for a site in Japan: +1 877-379-3718 (United States), which "
        "can usually not be called from other countries; the record gives it at 3 sites")


def test_dialable_line_at_two_sites_only_with_the_option(tmp_path: Path) -> None:
    path = record_file(tmp_path, "NCT90000005", [
        ("Germany", "+41 22 372 33 11"), ("Austria", "+41 22 372 33 11"),
        ("Spain", "+1 (213) 716-1070")])
    assert fields(path, search_from=tmp_path) == ["locations[2].contacts[0].phone"]
    assert fields(path, search_from=options(tmp_path, central_lines=True)) == [
        "locations[0].contacts[0].phone", "locations[1].contacts[0].phone",
        "locations[2].contacts[0].phone"]


def test_number_also_given_as_central_contact_is_a_central_line(tmp_path: Path) -> None:
    path = record_file(tmp_path, "NCT90000006", [("Germany", "+41 22 372 33 11")],
                       central="+41 22 372 33 11")
    assert c306(path, search_from=tmp_path) == []


def test_label_around_a_foreign_number_is_skipped_and_the_span_is_the_number(
        tmp_path: Path) -> None:
    path = record_file(tmp_path, "NCT90000007", [("Spain", "Tel: +1 (213) 716-1070")])
    both = findings(path, select=["C301", "C306"], search_from=tmp_path)
    [finding] = [f for f in both if f.code == "C306"]
    assert not [f for f in both if f.code == "C301"]  # a label is phone-format's, not C301's
    assert finding.end_column - finding.column == len("+1 (213) 716-1070")


def test_national_numbers_and_unknown_countries_are_not_judged(tmp_path: Path) -> None:
    path = record_file(tmp_path, "NCT90000008", [
        ("Germany", "0461 8162512"), ("Atlantis", "+1 (213) 716-1070"), ("", "+41 22 372 33 11")])
    assert c306(path, search_from=tmp_path) == []


def test_unplaced_facility_contact_takes_the_country_of_all_sites(tmp_path: Path) -> None:
    # Seed 001 (one site, in China) with a second facility contact: the page cannot tell which
    # site the two contacts belong to, but every site is in China.
    text = (SEEDS / "001_020fa720e2ffd389.txt").read_text(encoding="utf-8")
    block = "Qianjin Lu\n\nRole: primary\n\n+86 13787097676\n\n"
    assert text.count(block) == 1
    extra = "Linda James\n\nRole: backup\n\n+1 (213) 716-1070\n\n"
    page = tmp_path / "001_with_a_second_contact.txt"
    page.write_text(text.replace(block, block + extra), encoding="utf-8")
    [finding] = c306(page, search_from=tmp_path)
    assert finding.field == "unplaced_contacts[1].phone"
    assert finding.message.startswith(
        "a foreign number for a site in China: +1 213-716-1070 (United States);")


def test_trunk_prefix_hint_only_when_the_number_would_be_in_the_site_city(tmp_path: Path) -> None:
    # "+41 41 492 68 11" (Switzerland) with "0" for "+" makes the German 04141 4926811, a
    # number in Stade: a hint for a site in Stade, none for a site in Berlin.
    path = record_file(tmp_path, "NCT90000009", [("Germany", "+41 41 492 68 11"),
                                                 ("Germany", "+41 41 492 68 37")])
    study = json.loads(path.read_text(encoding="utf-8"))
    sites = study["protocolSection"]["contactsLocationsModule"]["locations"]
    sites[0]["city"], sites[1]["city"] = "Stade", "Berlin"
    path.write_text(json.dumps(study, indent=2), encoding="utf-8")
    stade, berlin = c306(path, search_from=tmp_path)
    assert stade.message.endswith(
        "With the '+' read as the trunk prefix it is +49 4141 4926811, a number in Stade "
        "(Germany)")
    assert berlin.message.endswith("is the contact abroad, or is the number or the site's "
                                   "country wrong?")
