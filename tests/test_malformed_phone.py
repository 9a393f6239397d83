"""malformed-phone (C301): a contact's phone number that cannot be right for its country."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from conftest import CORPUS, EXAMPLES, SEEDS, WHOLE_CORPUS, findings
from lintrials.knowledge.geo import country_code
from lintrials.knowledge.phone_kinds import MALFORMED_KINDS
from lintrials.knowledge.phones import phone_issues

V2 = CORPUS / "ctgov_v2_json"
LEGACY = CORPUS / "ctgov_legacy_xml"


def c301(*paths: Path | str, search_from: Path | None = None) -> list[Any]:
    return [f for f in findings(*paths, select=["C301"], search_from=search_from)
            if f.code == "C301"]


def kinds(phone: str | None, country: str | None, ext: str | None = None) -> list[str]:
    return [i.kind for i in phone_issues(phone, ext, country) if i.kind in MALFORMED_KINDS]


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


def test_seed_trunk_prefix_kept_after_plus_86() -> None:
    [finding] = c301(SEEDS / "002_e3ee89ab0d39f9a4.txt")
    assert finding.field == "central_contacts[0].phone"
    assert finding.severity == "error"
    # "+86-021-50582090": just the "0" after "+86-"
    assert (finding.line, finding.column, finding.end_line, finding.end_column) == (217, 5, 217, 6)
    assert finding.message == (
        "the trunk prefix '0' is kept after the country code +86, so the number cannot be "
        "dialled from abroad: write +86 21 5058 2090")


def test_seed_study_as_json_flags_only_the_central_number() -> None:
    [finding] = c301(EXAMPLES / "NCT07177911.json")
    assert finding.field == "central_contacts[0].phone"
    assert (finding.line, finding.column) == (123, 25)
    assert "+86 21 5058 2090" in finding.message


def test_uk_number_with_bracketed_zero_is_a_matter_of_form() -> None:
    # "+44 (0) 20 89904466": "(0)" is the convention for "skip this from abroad" (GOV.UK's own
    # style writes numbers so); a person dials it right, so it is no malformed number. C302
    # phone-format, for records prepared for diallers, reports it at "(0)".
    found = c301(V2 / "NCT06256588.json")
    assert [f for f in found if f.field == "central_contacts[1].phone"] == []
    form = [f for f in findings(V2 / "NCT06256588.json", select=["C302"])
            if f.field == "central_contacts[1].phone"]
    [finding] = form
    assert (finding.line, finding.column, finding.end_column) == (213, 25, 28)
    assert finding.message.startswith("the trunk prefix (0) after the country code +44 is for "
                                      "a person to skip")
    assert finding.message.endswith("write +44 20 8990 4466")


def test_north_american_toll_free_number_for_a_site_abroad() -> None:
    found = c301(V2 / "NCT06256588.json")
    [finding] = [f for f in found if f.field == "locations[27].contacts[0].phone"]
    assert (finding.line, finding.column, finding.end_column) == (1002, 25, 37)
    assert finding.message == (
        "a North American toll-free number written without +1 for a site in Argentina, where "
        "dialled as written it does not reach North America: +1 877-379-3718")


def test_central_contact_of_a_many_country_study_is_not_judged_without_plus() -> None:
    # The same "877-379-3718" is central contact 0: its country is unknown, so it is skipped.
    found = c301(V2 / "NCT06256588.json")
    assert not [f for f in found if f.field == "central_contacts[0].phone"]
    assert [f for f in found if f.field.startswith("locations[")]


def test_extension_inside_the_number() -> None:
    found = c301(V2 / "NCT05514054.json")
    [finding] = [f for f in found if f.field == "locations[247].contacts[0].phone"]
    # the span is "x21500", after the number
    assert (finding.line, finding.column, finding.end_column) == (5339, 36, 42)
    assert finding.message == (
        "an extension inside the number ('x21500'): put 21500 in the extension field")


def test_digits_after_a_complete_number() -> None:
    found = c301(V2 / "NCT05514054.json")
    [finding] = [f for f in found if f.field == "locations[630].contacts[0].phone"]
    assert (finding.line, finding.column, finding.end_column) == (13190, 39, 43)
    assert finding.message.startswith("'3933' follows the complete number +886 4 723 8595")


def test_two_numbers_in_one_field() -> None:
    found = c301(V2 / "NCT04613596.json")
    [finding] = [f for f in found if f.field == "locations[668].contacts[0].phone"]
    assert (finding.line, finding.column, finding.end_column) == (11110, 37, 45)
    assert finding.message.startswith(
        "2 numbers in one phone field: '+34913368000' and '+3491336'")


def test_placeholder_number() -> None:
    found = c301(V2 / "NCT06356129.json")
    [finding] = [f for f in found if f.field == "locations[175].contacts[0].phone"]
    assert (finding.line, finding.column) == (3559, 24)
    assert finding.message == "a placeholder, not a phone number: '000-000-0000'"


def test_email_in_the_phone_field() -> None:
    found = c301(V2 / "NCT03425240.json")
    [finding] = [f for f in found if f.field == "central_contacts[0].phone"]
    assert (finding.line, finding.column, finding.end_column) == (156, 21, 41)
    assert finding.message == ("an email address in the phone field: 'spyskouf@hotmail.com' "
                               "belongs in the email field")


def test_number_too_short_for_canada() -> None:
    found = c301(V2 / "NCT04224974.json")
    [finding] = [f for f in found if f.field == "locations[1].contacts[0].phone"]
    assert (finding.line, finding.column) == (271, 25)
    assert finding.message == "not a valid number in Canada: '613' is too short"


def test_plus_before_a_national_number_in_legacy_xml() -> None:
    found = c301(LEGACY / "NCT05701709.xml")
    [finding] = [f for f in found if f.field == "central_contacts[0].phone"]
    assert (finding.line, finding.column) == (202, 12)
    assert finding.pointer == "/clinical_study/overall_contact/phone"
    assert finding.message == (
        "not a valid phone number: '+0518-81220121': no country code begins with 0; without "
        "the '+' it is the national number +86 518 8122 0121")


def test_italian_number_that_lost_its_leading_zero() -> None:
    found = c301(V2 / "NCT06312176.json")
    [finding] = [f for f in found if f.field == "locations[121].contacts[0].phone"]
    assert (finding.line, finding.column) == (2599, 25)
    assert finding.message.endswith("Italian numbers keep their leading 0: +39 030 156318?")


def test_mexican_mobile_one() -> None:
    found = c301(V2 / "NCT05514054.json")
    [finding] = [f for f in found if f.field == "locations[536].contacts[0].phone"]
    assert finding.message.endswith(
        "Mexico dropped the '1' of mobile numbers in 2019: +52 81 2030 7335")


def test_country_code_in_the_extension_field() -> None:
    found = c301(LEGACY / "NCT00463125.xml")
    [finding] = [f for f in found if f.field == "central_contacts[0].phone_ext"]
    assert (finding.line, finding.column, finding.end_column) == (122, 16, 20)
    assert finding.message == ("the extension field holds the country code '0039', not an "
                               "extension: the number is +39 071 220 6104")


def test_another_number_in_the_extension_field() -> None:
    [finding] = c301(LEGACY / "NCT00001177.xml")
    assert finding.field == "locations[0].contacts[0].phone_ext"
    assert "another phone number 'TTY8664111010'" in finding.message


# --- real records that must not be flagged -------------------------------------------------


def test_number_split_between_phone_and_extension() -> None:
    # "0049-6861" in the phone field, "992902" in the extension field: Merzig 06861 992902.
    found = c301(V2 / "NCT00468637.json")
    [split] = [f for f in found if f.field == "locations[1].contacts[0].phone"]
    assert split.message == (
        "the number is split between the phone and extension fields: '0049-6861' alone is no "
        "number, but with the extension '992902' it is +49 6861 992902: write it whole in the "
        "phone field")
    # India's "0172275" and "6390": Chandigarh's 0172 275 6390.
    [india] = c301(V2 / "NCT05144867.json")
    assert india.field == "central_contacts[1].phone"
    assert "split between the phone and extension fields" in india.message
    assert "+91 172 275 6390" in india.message


def test_local_number_without_its_area_code() -> None:
    # "24177000" for a site in Mumbai: the number, without 022 before it.
    found = c301(V2 / "NCT03256916.json")
    assert [f.field for f in found] == [
        "central_contacts[1].phone", "locations[0].contacts[1].phone"]
    assert found[0].message == (
        "'24177000' lacks its area code: a local number in India, which can be dialled only "
        "from within its own area; write it with the area code")


def test_double_zero_is_international_without_a_country() -> None:
    # Two central contacts of a study without sites: "0032(0)10 23 38 80", read as +32 although
    # no site gives a country: a right Belgian number, in a form C302 reports (the "00" and the
    # bracketed trunk prefix).
    assert c301(V2 / "NCT03341026.json") == []
    form = findings(V2 / "NCT03341026.json", select=["C302"])
    assert {f.field for f in form} == {"central_contacts[0].phone", "central_contacts[1].phone"}
    assert any("after the country code +32" in f.message for f in form)
    # "0032 9 332 22 76", no sites either: a right number (phone-format notes the "00").
    assert c301(V2 / "NCT05883553.json") == []
    # Without the brackets, the trunk prefix would be dialled: malformed.
    assert kinds("0032 010 23 38 80", None) == ["trunk-prefix"]


def test_seed_with_national_chinese_mobiles_is_clean() -> None:
    # "13693058190" for a site in China: valid, only written nationally (phone-format's job).
    assert c301(SEEDS / "000_c17df8f03dc45045.txt") == []
    assert c301(SEEDS / "001_020fa720e2ffd389.txt") == []


def test_hyphenated_international_number_is_not_malformed() -> None:
    found = c301(SEEDS / "002_e3ee89ab0d39f9a4.txt")
    assert not [f for f in found if f.field.startswith("locations[0]")]  # "+86-18980601299"


def test_us_numbers_in_national_form_are_fine() -> None:
    assert c301(V2 / "NCT03118986.json") == []  # "(816) 302-6797" and the like


def test_italian_numbers_keep_their_zero_after_plus_39() -> None:
    assert c301(LEGACY / "NCT05700786.xml") == []  # "+39 055 679037"
    assert c301(V2 / "NCT06147791.json") == []  # "+39 0116335530"


# --- the parts, on made-up input ------------------------------------------------------------


def test_each_kind_of_defect() -> None:
    assert kinds("555-1234 / 555-5678", "United States") == ["several"]
    assert kinds("617-555-0123 or 617-555-0199", "United States") == ["several"]
    assert kinds("+1 617 555 0123 ext 56", "United States") == ["extension"]
    assert kinds("see site", "United States") == ["not-a-number"]
    assert kinds("N/A", None) == ["not-a-number"]
    assert kinds("+44 020 7946 0018", "United Kingdom") == ["trunk-prefix"]
    assert kinds("+44 (0)20 7946 0018", "United Kingdom") == []  # a matter of form (C302)
    assert kinds("+33 0145678901", None) == ["trunk-prefix"]
    assert kinds("0145678", "France") == ["invalid"]
    assert kinds("0145678901", "France", ext="+33") == ["bad-extension"]
    assert kinds("0033 1456", None) == ["invalid"]  # "00": international, country or not


def test_messages_say_what_is_wrong() -> None:
    def message(phone: str, country: str | None, ext: str | None = None) -> str:
        [issue] = [i for i in phone_issues(phone, ext, country) if i.kind in MALFORMED_KINDS]
        return issue.message

    # The last digits put in the extension field: neither "a local number" nor "invalid".
    assert message("01 45 67", "France", ext="8901").startswith(
        "the number is split between the phone and extension fields: '01 45 67' alone is no "
        "number, but with the extension '8901' it is +33 1 45 67 89 01")
    assert message("(617) 253", "United States", ext="1000").endswith(
        "it is +1 617-253-1000: write it whole in the phone field")
    # A right number with its extension is not split: "+49 6841 16" and "23000".
    assert kinds("0049-6841-16", "Germany", ext="23000") == []
    # Valid local numbers, dialled without their area code.
    for phone, country in (("2417 7000", "India"), ("9342 7063", "Australia"),
                           ("5997 6661", "China"), ("253-1000", "United States")):
        assert message(phone, country).startswith(f"'{phone}' lacks its area code"), phone
    # A mobile number a digit short is not a local number: no area code makes it one.
    assert "in no range of numbers in use" in message("1363299865", "China")
    # A letter O typed for a zero: a keypad dials it as 6.
    assert message("+1 267 426 O762", "United States") == (
        "the letter 'O' among the digits of '+1 267 426 O762', which a keypad dials as another "
        "digit: write 0: +1 267-426-0762")
    assert kinds("1-800-FLOWERS", "United States") == []  # a vanity number: phone-format's
    # "00" for a contact whose country is unknown: read as "+", shown as written.
    assert message("0033 1456", None) == (
        "not a valid number for +33 (France): '0033 1456' is too short")


def test_what_is_not_malformed() -> None:
    assert kinds("(617) 253-1000", "United States") == []
    assert kinds("1-800-DIAL-NOW", "United States") == []  # a vanity number: phone-format's
    assert kinds("+39 06 4991 1", "Italy") == []
    assert kinds("+86-18980601299", "China") == []
    assert kinds("13693058190", "China") == []
    assert kinds("0262 35 90 00", "France") == []  # Réunion, dialled nationally from France
    assert kinds("12345", None) == []  # national form, country unknown: not judged
    assert kinds("0033 1 45 67 89 01", None) == []  # "00" for "+": phone-format's
    assert kinds("+44 20 7946 0018", "Sweden") == []  # a foreign number, but with its code
    assert kinds("617-253-1000", "Canada") == []


def test_unknown_country_is_judged_only_with_plus(tmp_path: Path) -> None:
    path = record_file(tmp_path, "NCT90000001",
                       [("France", "+33 1 45 67 89 01"), ("Spain", "+34 91 123 45 67")],
                       central="+33 145")
    [finding] = c301(path, search_from=tmp_path)
    assert finding.field == "central_contacts[0].phone"
    assert finding.message == "not a valid number for +33 (France): '+33 145' is too short"
    path = record_file(tmp_path, "NCT90000002",
                       [("France", "+33 1 45 67 89 01"), ("Spain", "+34 91 123 45 67")],
                       central="145")
    assert c301(path, search_from=tmp_path) == []


def test_option_turns_off_north_american_numbers_abroad(tmp_path: Path) -> None:
    path = record_file(tmp_path, "NCT90000003", [("Japan", "877-379-3718")])
    assert [f.field for f in c301(path, search_from=tmp_path)] == ["locations[0].contacts[0].phone"]
    (tmp_path / "lintrials.yaml").write_text(
        "checks:\n  malformed-phone:\n    north_american_abroad: false\n", encoding="utf-8")
    assert c301(path, search_from=tmp_path) == []


@pytest.mark.corpus
@pytest.mark.slow
def test_every_corpus_country_name_resolves() -> None:
    names: set[str] = set()
    for path in sorted((WHOLE_CORPUS / "ctgov_v2_json").glob("*.json")):
        study = json.loads(path.read_text(encoding="utf-8"))
        module = study.get("protocolSection", {}).get("contactsLocationsModule", {})
        names.update(loc["country"] for loc in module.get("locations", []) if loc.get("country"))
    for path in sorted((WHOLE_CORPUS / "ctgov_legacy_xml").glob("*.xml")):
        text = path.read_text(encoding="utf-8")
        names.update(part.split("</country>")[0] for part in text.split("<country>")[1:])
    assert len(names) > 100
    assert [name for name in sorted(names) if country_code(name) is None] == []
    for name, code in [("Korea, Republic of", "KR"), ("Taiwan", "TW"), ("Turkey", "TR"),
                       ("Turkey (Türkiye)", "TR"), ("Iran, Islamic Republic of", "IR"),
                       ("Russian Federation", "RU"), ("Russia", "RU"), ("Czechia", "CZ"),
                       ("Czech Republic", "CZ"), ("Hong Kong", "HK"), ("Puerto Rico", "PR"),
                       ("Macedonia, The Former Yugoslav Republic of", "MK"),
                       ("Congo, The Democratic Republic of the", "CD"), ("Côte D'Ivoire", "CI"),
                       ("Former Serbia and Montenegro", "CS"), ("Virgin Islands (U.S.)", "VI"),
                       ("Palestinian Territory, occupied", "PS"), ("Reunion", "RE")]:
        assert country_code(name) == code, name
    assert country_code("Atlantis") is None
    assert country_code("") is None


def test_another_countrys_number_with_its_code_but_no_plus_is_a_matter_of_form() -> None:
    # The country code written as a group of its own, without "+": a right number of another
    # country (a Hong Kong office for a site in China, a Canadian one for a site in India).
    assert kinds("852-35052858", "China") == []
    assert kinds("1-780-448-1400", "India") == []
    every = phone_issues("852-35052858", None, "China")
    assert [(i.kind, i.message) for i in every] == [("no-plus", (
        "the country code 852 (Hong Kong) is written without '+': write +852 3505 2858"))]
    assert "(Canada)" in phone_issues("1-780-448-1400", None, "India")[0].message
    # Without the "1", a North American number cannot be dialled from India as written.
    assert kinds("780-448-1400", "India") == ["foreign"]
    # Digits run together that only happen to start with a country code are not read so.
    assert kinds("4420 7946 0018", "France") == ["invalid"]


def test_a_north_american_toll_free_line_abroad_stays_malformed_with_its_1() -> None:
    # A toll-free line cannot be reached from abroad however it is written; the message says
    # what is written ("with its 1 but without '+'"), not that the 1 is missing.
    (issue,) = phone_issues("1-877-379-3718", None, "Spain")
    assert issue.kind == "foreign"
    assert "written with its 1 but without '+' for a site in Spain" in issue.message
    (issue,) = phone_issues("877-379-3718", None, "Spain")
    assert "written without +1 for a site in Spain" in issue.message


# --- a 0 before the country code, where the country is unknown --------------------------------


@pytest.mark.parametrize(("phone", "right"), [
    ("086-15712867910", "+86 157 1286 7910"),
    ("04420 3108 4175", "+44 20 3108 4175"),
    ("020 1001234567", "+20 10 01234567"),
])
def test_zero_before_the_country_code_with_no_country(phone: str, right: str) -> None:
    [issue] = phone_issues(phone, None, None)
    assert issue.kind in MALFORMED_KINDS
    assert issue.message.endswith(f"it is a 0 and then the country code "
                                  f"+{right.split()[0][1:]}: write {right}")


@pytest.mark.parametrize("phone", [
    "020 3108 4175",  # a London number in national form
    "01 40400 12345",  # a Viennese number with a direct extension
    "0157 1286 7910",  # too short to hold a country code and a number
    "0049 6131 177271",  # "00": an international call prefix, a matter of form
])
def test_national_numbers_of_unknown_country_left_alone(phone: str) -> None:
    assert [i for i in phone_issues(phone, None, None) if i.kind in MALFORMED_KINDS] == []


def test_real_central_contact_with_zero_and_country_code() -> None:
    found = [f for f in findings(V2 / "NCT04100187.json", select=["C301"]) if f.code == "C301"]
    assert [f.field for f in found] == ["central_contacts[0].phone", "central_contacts[1].phone"]


def central_contact(tmp_path: Path, phone: str, countries: tuple[str, ...]) -> Path:
    study = {"protocolSection": {
        "identificationModule": {"nctId": "NCT09999996", "briefTitle": "Made-up study"},
        "contactsLocationsModule": {
            "centralContacts": [{"name": "Study Desk", "role": "CONTACT", "phone": phone}],
            "locations": [{"facility": f"Hospital {i}", "city": "X", "country": country}
                          for i, country in enumerate(countries)]},
    }}
    path = tmp_path / "r.json"
    path.write_text(json.dumps(study, indent=2), encoding="utf-8")
    return path


@pytest.mark.parametrize(("phone", "countries", "flagged"), [
    ("(399) 662-6728", ("United States", "Spain"), True),  # no such area code
    ("247-434-4210", ("Canada", "Japan"), True),
    ("289-434-4210", ("United States", "Spain"), False),  # a Canadian area code in service
    ("844-434-4210", ("United States", "Spain"), False),  # toll-free, in service
    ("399-662-6728", ("Spain", "Italy"), False),  # no North American site: not judged
])
def test_central_number_written_the_north_american_way(tmp_path: Path, phone: str,
                                                       countries: tuple[str, ...],
                                                       flagged: bool) -> None:
    found = [f for f in findings(central_contact(tmp_path, phone, countries), select=["C301"])
             if f.code == "C301"]
    assert bool(found) == flagged
