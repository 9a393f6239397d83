"""truncated-site-name (L202): a facility name cut off mid-word, on a connector, or at the limit."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from conftest import CORPUS, EXAMPLES, SEEDS, context, findings
from lintrials.checks import truncated_site_name as check
from lintrials.context import Context
from lintrials.model import Location, Record

V2 = CORPUS / "ctgov_v2_json"
LEGACY = CORPUS / "ctgov_legacy_xml"
PARTIAL = CORPUS / "ctgov_v2_json_partial"
SEED = SEEDS / "000_c17df8f03dc45045.txt"


def l202(*paths: Path | str) -> list[Any]:
    return [f for f in findings(*paths, select=["L202"]) if f.code == "L202"]


def record_file(tmp_path: Path, nct: str, *sites: tuple[str, str, str]) -> Path:
    """A minimal API v2 study with the given (facility, city, country) sites."""
    study = {"protocolSection": {
        "identificationModule": {"nctId": nct, "briefTitle": "A study"},
        "contactsLocationsModule": {"locations": [
            {"facility": name, "city": city, "country": country} for name, city, country in sites
        ]},
    }}
    path = tmp_path / f"{nct}.json"
    path.write_text(json.dumps(study, indent=2, ensure_ascii=False), encoding="utf-8")
    return path


# --- real records that must be flagged -----------------------------------------------------


def test_seed_peking_university_first_hospita() -> None:
    [finding] = l202(SEED)
    assert (finding.line, finding.column) == (191, 1)  # the whole name
    assert (finding.end_line, finding.end_column) == (191, 32)
    assert finding.field == "locations[0].facility"
    assert finding.severity == "warning"
    assert finding.message == (
        'facility name "Peking University First Hospita" looks cut off: its last word '
        '"Hospita" is the start of "Hospital"')


def test_full_name_from_another_record_of_the_run_is_suggested() -> None:
    found = l202(SEED, LEGACY / "NCT03204344.xml")
    [finding] = [f for f in found if f.path.endswith(".txt")]
    assert (finding.line, finding.column) == (191, 1)
    assert finding.message.endswith(
        '; another site of the run (NCT03204344, Beijing, China) is named '
        '"Peking University First Hospital"')
    assert not finding.related  # another record: named in the message only


def test_example_json_of_the_seed_study() -> None:
    [finding] = l202(EXAMPLES / "NCT07314060.json")
    assert (finding.line, finding.column) == (130, 23)
    assert finding.record == "NCT07314060"
    assert '"Hospita" is the start of "Hospital"' in finding.message


def test_ambiguous_cent_after_a_facility_word_with_the_full_name_in_the_run() -> None:
    # "Cent" is a word in French and German: flagged here because "Medical" stands before it.
    found = l202(V2 / "NCT04576156.json", V2 / "NCT04892173.json")
    [finding] = [f for f in found if "Sourasky" in f.message]
    assert (finding.line, finding.column) == (1598, 23)
    assert finding.message == (
        'facility name "Tel Aviv Sourasky Medical Cent" looks cut off: its last word "Cent" is '
        'the start of "Center"; another site of the run (NCT04892173, Tel Aviv, Israel) is named '
        '"Tel Aviv Sourasky Medical Center"')


def test_names_cut_at_a_length_shared_by_cut_names_of_the_record() -> None:
    # NCT04576156 cuts many names at 30 characters; "Carl Gust" is a proper name no word list
    # knows, so it is reported only when the run has the name it was cut from.
    alone = l202(V2 / "NCT04576156.json")
    assert not [f for f in alone if "Carl Gust" in f.message]
    [short] = [f for f in alone if "Humanitas Roz" in f.message]
    assert short.message == (
        'facility name "Istituto Clinico Humanitas Roz" looks cut off: it is 30 characters long, '
        'like 9 names of this record that are cut off; its last word "Roz" looks cut short')
    with_full = l202(V2 / "NCT04576156.json", V2 / "NCT04688775.json")
    [finding] = [f for f in with_full if "Carl Gust" in f.message]
    assert (finding.line, finding.column) == (1306, 23)
    assert '"Gust" is the start of "Gustav"' in finding.message
    assert '"Universitatsklinikum Carl Gustav Carus Dresden"' in finding.message


def test_single_letter_confirmed_by_the_full_name_in_the_run(tmp_path: Path) -> None:
    alone = l202(V2 / "NCT05348876.json")
    assert alone == []  # "... Medical Education And R": too short to tell on its own
    # Another record of the run, made up, names the institute in full, in the same country.
    other = record_file(tmp_path, "NCT09100002", (
        "Jawaharlal Institute Of Postgraduate Medical Education And Research", "Puducherry",
        "India"))
    found = l202(V2 / "NCT05348876.json", other)
    [finding] = [f for f in found if f.record == "NCT05348876"]
    assert (finding.line, finding.column) == (380, 23)
    assert '"R" is the start of "Research"' in finding.message
    assert '"Jawaharlal Institute Of Postgraduate Medical Education And Research"' in (
        finding.message)


def test_dangling_connector() -> None:
    [finding] = l202(V2 / "NCT05714891.json")
    assert (finding.line, finding.column, finding.end_column) == (266, 23, 63)
    assert finding.message == (
        'facility name "University Institute of Cardiology and" looks cut off: it ends in the '
        'connector "and"')


def test_unclosed_bracket() -> None:
    # "... Centre Hospitalier Universitaire de Sherbrooke (CIUS": 127 characters, cut inside
    # the bracket
    [finding] = l202(V2 / "NCT06356129.json")
    assert (finding.line, finding.column, finding.field) == (2018, 23, "locations[91].facility")
    assert finding.message.endswith('(CIUS" looks cut off: the "(" is never closed')


def test_name_exactly_at_the_registry_limit_of_254_characters() -> None:
    [finding] = l202(V2 / "NCT03813992.json")
    assert (finding.line, finding.column) == (575, 23)
    assert finding.message.endswith(
        "Budgetary Healthcare Institution of Voronezhsk\" looks cut off: it is exactly 254 "
        "characters long, the registry's limit for a facility name")


def test_quotation_cut_at_the_start_but_not_a_stray_trailing_comma() -> None:
    # Four names of this record end in "..., Department of Hematology,": complete names with a
    # stray comma. Two quotations lost their start.
    found = l202(V2 / "NCT03165734.json")
    assert [(f.line, f.column) for f in found] == [(2128, 23), (2348, 23)]
    assert found[0].message == (
        'facility name "Prof. Dr. Ion Chiricuta" Institute of Oncology" looks cut off: the '
        'quotation mark " closes what never opened, so its start looks lost')


def test_stray_trailing_comma_after_a_whole_name_passes() -> None:
    # "Aberdeen Royal Infirmary, Foresterhill," and "CMIC Co. Ltd.,".
    assert l202(LEGACY / "NCT00498407.xml", V2 / "NCT05894525.json") == []


@pytest.mark.parametrize("name", [
    "Acme Dermatology Associates, LLC,", "Centre Hospitalier Universitaire Sainte-Justine,",
    "Hospital Italiano de Buenos Aires;", "Smith Family Practice, PC ,",
    "Department of Surgery, Univ.", "Acme Research Inc.", "Dept. of Peds.",
    "Mercy Med. Ctr", "St. Mary's Hosp.", "Northside Hosp", "Baptist Med Ctr",
    "University of Louisville, Dept", "Keio Univ. Sch", "Albert Einstein Coll",
])
def test_stray_commas_and_standard_abbreviations_pass(tmp_path: Path, name: str) -> None:
    path = record_file(tmp_path, "NCT09000010", (name, "Lyon", "France"))
    assert l202(path) == []


@pytest.mark.parametrize(("name", "reason"), [
    ("Institute of Cardiology and,", 'it ends in the connector "and"'),
    ("Clinique Saint Joseph -,", 'it ends in "-"'),
    ("Hospital Universitario de Cruces Hospita,", 'its last word "Hospita"'),
])
def test_a_cut_name_with_a_comma_after_the_cut_is_still_cut(tmp_path: Path, name: str,
                                                             reason: str) -> None:
    path = record_file(tmp_path, "NCT09000011", (name, "Lyon", "France"))
    [finding] = l202(path)
    assert reason in finding.message


def test_legacy_xml_and_non_english_cut_words() -> None:
    [hos] = l202(LEGACY / "NCT00277524.xml")
    assert (hos.line, hos.column) == (1076, 13)
    assert '"Hos" is the start of "Hospital"' in hos.message  # "Hos" after a facility word
    [sjukhuse] = l202(LEGACY / "NCT00492869.xml")
    assert (sjukhuse.line, sjukhuse.column) == (456, 13)
    assert '"Sjukhuse" is the start of "Sjukhuset"' in sjukhuse.message
    [hastan] = l202(V2 / "NCT06717698.json")
    assert '"Hastan" is the start of "Hastane"' in hastan.message


# --- real records that must not be flagged -------------------------------------------------


def test_complete_names_in_other_languages_and_abbreviations_pass() -> None:
    assert l202(
        LEGACY / "NCT01207388.xml",  # "1404 - Hospital Clínic Servei d´Hematologia" (Catalan)
        V2 / "NCT03225586.json",  # "Universiti Teknologi MARA, UCSI Universiti" (Malay)
        LEGACY / "NCT00000912.xml",  # "Emory Univ", "Howard Univ", "Cook County Hosp"
        PARTIAL / "NCT02750826.json",  # "Centro de Hematologia y Oncologia del Sur"
        V2 / "NCT02945046.json",  # "Teva Investigational Site 13834"
    ) == []


def test_complete_names_beside_cut_ones_in_one_record_pass() -> None:
    found = l202(V2 / "NCT05070858.json")
    assert [f.message.split('"')[1] for f in found] == ["Hiroshima City Hiroshima Citiz"]
    # the same record has "IMV Pesquisa Neurologica" (Portuguese, complete) and "Pseg Centro de
    # Pesquisa Clinica S.A"


# --- edge cases in made-up records ---------------------------------------------------------


def test_full_name_in_the_same_record_is_related(tmp_path: Path) -> None:
    path = record_file(tmp_path, "NCT09000001",
                       ("Hospital Universitario Fundaci", "Madrid", "Spain"),
                       ("Hospital Universitario Fundacion Jimenez Diaz", "Madrid", "Spain"))
    [finding] = l202(path)
    assert finding.field == "locations[0].facility"
    assert finding.message.endswith(
        '; locations[1] of this record is named "Hospital Universitario Fundacion Jimenez Diaz"')
    assert [r.field for r in finding.related] == ["locations[1].facility"]


def test_full_name_only_from_the_same_country(tmp_path: Path) -> None:
    cut = record_file(tmp_path, "NCT09000002", ("Clinique du Parc Medical Cente", "Lyon", "France"))
    other = record_file(tmp_path, "NCT09000003",
                        ("Clinique du Parc Medical Center", "Quebec", "Canada"))
    [finding] = [f for f in l202(cut, other) if f.record == "NCT09000002"]
    assert "another site" not in finding.message


def test_ordinary_words_need_context(tmp_path: Path) -> None:
    path = record_file(tmp_path, "NCT09000004",
                       ("Hôpital des Cent", "Paris", "France"),  # French: "hundred"
                       ("Raleigh Neurology Associate", "Raleigh", "United States"),
                       ("Guangdong Provincial Maternity and Child Care Cent", "Guangzhou", "China"),
                       ("Medizinische Klinik I", "Graz", "Austria"),
                       ("Local Institution - 007-926-A", "Paris", "France"),
                       ("Texas Oncology, P.A.", "Dallas", "United States"),
                       ("Xi'an Jiaotong University Hospital Chang An", "Xi'an", "China"))
    found = l202(path)
    assert [f.field for f in found] == ["locations[2].facility"]


def test_acronyms_and_company_forms_pass(tmp_path: Path) -> None:
    path = record_file(tmp_path, "NCT09000005",
                       ("Instituto do Cancer do Estado de Sao Paulo - ICESP", "Sao Paulo",
                        "Brazil"),
                       ("CIPREC", "Buenos Aires", "Argentina"),
                       ("Centro Medico Imbanaco de Cali S.A.", "Cali", "Colombia"),
                       ("Hospital Ramón y Cajal", "Madrid", "Spain"))
    assert l202(path) == []


def test_lower_case_only_connectors(tmp_path: Path) -> None:
    path = record_file(tmp_path, "NCT09000006",
                       ("Hospital Universitario De", "Madrid", "Spain"),
                       ("Hospital Clinico y", "Madrid", "Spain"),
                       ("Local Institution - Hattori, Y", "Tokyo", "Japan"),
                       ("Fejer Megyei Szent Gyorgy Egyetemi Oktato Korhaz -", "Fejer", "Hungary"))
    found = l202(path)
    assert [f.field for f in found] == [
        "locations[0].facility", "locations[1].facility", "locations[3].facility"]
    assert found[2].message.endswith('it ends in "-"')


def test_limit_counts_characters_not_bytes(tmp_path: Path) -> None:
    cyrillic = "Городская клиническая больница " * 9  # 279 characters
    at_limit = cyrillic[:254].rstrip() + "я" * (254 - len(cyrillic[:254].rstrip()))
    assert len(at_limit) == 254 and len(at_limit.encode()) > 400
    under = "Hospital " + "x" * 200  # 209 characters
    path = record_file(tmp_path, "NCT09000007", (at_limit, "Moscow", "Russia"),
                       (under, "Moscow", "Russia"))
    found = l202(path)
    assert [f.field for f in found] == ["locations[0].facility"]
    assert "exactly 254 characters long" in found[0].message


def options(**values: Any) -> Context:
    return context(check, **values)


def run(record: Record, chosen: Context) -> list[str]:
    summary = check.summarize(record, chosen)
    assert summary is not None
    return [problem.message for _, problem in check.reduce([("ref", summary)], chosen)]


def test_options_allow_words_and_name_limit() -> None:
    record = Record(nct_id="NCT09000008", locations=[
        Location(facility="Peking University First Hospita", city="Beijing", country="China"),
        Location(facility="Clinica Medica Santa Hospi", city="Lima", country="Peru"),
        Location(facility="x" * 30, city="Lima", country="Peru"),
    ])
    assert len(run(record, options())) == 2
    assert len(run(record, options(allow_words=["hospita", "Hospi"]))) == 0
    [limit] = run(record, options(allow_words=["hospita", "Hospi"], name_limit=30))
    assert "exactly 30 characters long" in limit


def test_summary_is_small_and_holds_each_site_name_once() -> None:
    record = Record(nct_id="NCT09000009", locations=[
        Location(facility="Peking University First Hospital", city="Beijing", country="China")
        for _ in range(800)])
    summary = check.summarize(record, options())
    assert summary is not None
    assert summary.candidates == ()
    assert len(summary.sites) == 1


def test_suggestions_can_be_turned_off() -> None:
    record = Record(nct_id="NCT09000010", locations=[
        Location(facility="Hospital Universitario Fundaci", city="Madrid", country="Spain"),
        Location(facility="Hospital Universitario Fundacion Jimenez Diaz", city="Madrid",
                 country="Spain"),
        Location(facility="Inje University Busan Paik Hos", city="Busan", country="Korea"),
        Location(facility="Inje University Busan Paik Hospital", city="Busan", country="Korea")])
    on = run(record, options())
    assert len(on) == 2
    assert on[1].endswith('"Hos" is the start of "Hospital"; locations[3] of this record is '
                          'named "Inje University Busan Paik Hospital"')
    # Off: no suggestion, and the guess "Hos" (not after a facility word) is not reported.
    [message] = run(record, options(**{"suggest_full_names": False}))
    assert message == ('facility name "Hospital Universitario Fundaci" looks cut off: its last '
                       'word "Fundaci" is the start of "Fundación"')


# --- a name cut in the site's own city's name ---------------------------------------------------


@pytest.mark.parametrize(("name", "city", "completed"), [
    ("Centro Médico Integral de Guadalaj", "Guadalajara", "Guadalajara"),
    ("Evangelisches Krankenhaus Mönchen", "Mönchengladbach", "Mönchengladbach"),
    ("Community Hospital of Fort Belv", "Fort Belvoir", "Belvoir"),
    ("Mayo Clinic Roch", "Rochester", "Rochester"),
])
def test_last_word_cut_from_the_city(tmp_path: Path, name: str, city: str,
                                     completed: str) -> None:
    [finding] = l202(record_file(tmp_path, "NCT09999995", (name, city, "Mexico")))
    assert f'its last word "{name.split()[-1]}" is the start of "{completed}"' in finding.message


@pytest.mark.parametrize(("name", "city", "country"), [
    ("Rehabilitation Associates of Indiana", "Indianapolis", "United States"),  # a state
    ("Centro de Pesquisa Clinica do Brasil", "Brasilia", "Brazil"),  # two letters short
    ("Hospital of Saint", "Saint-Etienne", "France"),  # a whole word of the city
    ("Clinical Research Unit", "United", "United States"),  # an ordinary word
])
def test_whole_words_that_begin_the_city_name(tmp_path: Path, name: str, city: str,
                                              country: str) -> None:
    assert l202(record_file(tmp_path, "NCT09999995", (name, city, country))) == []


@pytest.mark.parametrize(("name", "whole"), [
    ("niversity Hospital of Lyon", "university"), ("ospital Central de Asturias", "hospital"),
    ("nstitute of Oncology", "institute"),
])
def test_first_word_cut_at_its_start(tmp_path: Path, name: str, whole: str) -> None:
    [finding] = l202(record_file(tmp_path, "NCT09999994", (name, "Lyon", "France")))
    assert f'its first word "{name.split()[0]}" is the end of "{whole}"' in finding.message


@pytest.mark.parametrize("name", [
    "iSpine Physicians",  # a brand in lower case
    "de la Salud Clinic",  # a connector
    "emovis GmbH",  # a brand, no facility word's end
    "university hospital of lyon",  # all lower case: a matter of style (L207)
])
def test_lower_case_first_words_that_are_whole(tmp_path: Path, name: str) -> None:
    assert l202(record_file(tmp_path, "NCT09999994", (name, "Lyon", "France"))) == []
