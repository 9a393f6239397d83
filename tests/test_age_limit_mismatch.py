"""age-limit-mismatch (E101) and the age parser it stands on (lintrials.knowledge.age_limits)."""

from __future__ import annotations

import json
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest

from conftest import CORPUS, SEEDS, findings, record, run_check
from lintrials.checks import age_limit_mismatch
from lintrials.knowledge.age_limits import age_mentions, stated_age_limits
from lintrials.knowledge.ages import Age, parse_age_field

JSON = CORPUS / "ctgov_v2_json"
XML = CORPUS / "ctgov_legacy_xml"


def e101(*paths: Path | str, search_from: Path | None = None) -> list[Any]:
    return [f for f in findings(*paths, select=["E101"], search_from=search_from)
            if f.code == "E101"]


def study_file(tmp_path: Path, criteria: str, minimum: str | None = "18 Years",
               maximum: str | None = None, ascii_only: bool = False) -> Path:
    """A minimal API v2 study with the given criteria and age fields."""
    eligibility: dict[str, Any] = {"eligibilityCriteria": criteria, "sex": "ALL",
                                   "stdAges": ["ADULT"]}
    if minimum is not None:
        eligibility["minimumAge"] = minimum
    if maximum is not None:
        eligibility["maximumAge"] = maximum
    study = {"protocolSection": {
        "identificationModule": {"nctId": "NCT09100001", "briefTitle": "A study"},
        "eligibilityModule": eligibility,
    }}
    path = tmp_path / "NCT09100001.json"
    path.write_text(json.dumps(study, indent=2, ensure_ascii=ascii_only), encoding="utf-8")
    return path


def limits(criteria: str) -> list[tuple[str, bool, str, str]]:
    """(kind, inclusive, age, words) of each limit a text states, for compact asserts."""
    return [(limit.kind, limit.inclusive, str(limit.age), criteria[slice(*limit.span)])
            for limit in stated_age_limits(criteria)]


# --- real records that must be flagged -----------------------------------------------------


def test_seed_upper_bound_65_against_maximum_64() -> None:
    [finding] = e101(SEEDS / "001_020fa720e2ffd389.txt")
    assert finding.field == "eligibility.criteria"
    assert (finding.line, finding.column) == (110, 15)
    assert (finding.end_line, finding.end_column) == (110, 29)
    assert '"≤ 65 years old"' in finding.message
    assert "maximum age 65 Years" in finding.message
    assert "maximum age field is 64 Years" in finding.message
    assert [r.field for r in finding.related] == ["eligibility.maximum_age"]


def test_json_range_with_markdown_escape_is_quoted_as_read() -> None:
    # "Healthy male volunteer, age 19\~55 years" with 19 Years and 50 Years: the span covers
    # the escaped text, the message quotes it as a reader sees it
    [finding] = e101(JSON / "NCT02715401.json")
    assert (finding.line, finding.column, finding.end_column) == (169, 85, 98)
    assert finding.message == ('criteria state "19~55 years" (maximum age 55 Years), but the '
                               "maximum age field is 50 Years")


def test_json_range_flags_both_fields() -> None:
    # "Be between the ages of 18 and 65" with 19 Years and 64 Years
    found = e101(JSON / "NCT05484791.json")
    assert {(f.line, f.column, f.end_column) for f in found} == {(153, 145, 174)}
    messages = sorted(f.message for f in found)
    assert "maximum age 65 Years), but the maximum age field is 64 Years" in messages[0]
    assert "minimum age 18 Years), but the minimum age field is 19 Years" in messages[1]
    assert all('"between the ages of 18 and 65"' in m for m in messages)


def test_json_exclusion_statement_is_read_as_what_it_leaves() -> None:
    # Exclusion: "patients \>=100 years old", maximum age 100 Years
    [finding] = e101(JSON / "NCT04157569.json")
    assert (finding.line, finding.column) == (104, 238)
    assert finding.message.startswith('exclusion criteria state ">=100 years old"')
    assert "maximum age 99 Years" in finding.message
    assert "maximum age field is 100 Years" in finding.message


def test_xml_two_bounds_of_one_phrase() -> None:
    # "Aged ≥19 and ≤65 years at the time of signing" with 18 Years and 64 Years
    found = e101(XML / "NCT05686759.xml")
    assert [(f.line, f.column, f.end_column) for f in found] == [(102, 19, 22), (102, 27, 36)]
    assert "minimum age field is 18 Years" in found[0].message
    assert "maximum age field is 64 Years" in found[1].message


def test_xml_age_heading_above_the_range() -> None:
    # legacy NCI layout: "Age:" on its own line, then "-  6 months to 17 years"; max 18 Years
    [finding] = e101(XML / "NCT00003476.xml")
    assert (finding.line, finding.column) == (116, 14)
    assert '"6 months to 17 years" (maximum age 17 Years)' in finding.message


def test_stated_minimum_with_no_limit_field() -> None:
    # "Age: 18 and over." while the minimum age field is N/A
    [finding] = e101(XML / "NCT00001427.xml")
    assert (finding.line, finding.column) == (88, 14)
    assert "minimum age field sets no limit (N/A)" in finding.message


def test_unit_mistake_in_the_field() -> None:
    # "Aged 18-50 years old" with a minimum age of "18 Months"
    [finding] = e101(JSON / "NCT05326594.json")
    assert "minimum age field is 18 Months" in finding.message


# --- real records that must not be flagged -------------------------------------------------


@pytest.mark.parametrize("path", [
    SEEDS / "000_c17df8f03dc45045.txt",  # "Age ≥ 18 or ≤75 years" with 18 and 75: numbers agree
    SEEDS / "002_e3ee89ab0d39f9a4.txt",  # "Aged 18 to 65 years" with 18 and 65
    JSON / "NCT03658512.json",  # "\>18 years" with 18 Years: "over 18" as most people mean it
    JSON / "NCT06491082.json",  # "aged\>18years" and "Exclusion: Age ≤ 18 years", 18 Years
    JSON / "NCT04714372.json",  # scores "for 16 years and older" or "for ≥12 and \< 16": no max
    JSON / "NCT03067181.json",  # ages of risk groups and of a pilot sub-study
    JSON / "NCT04892173.json",  # "Age 70-74 years old with G8 ≤ 14" nested under "one of"
    JSON / "NCT05740449.json",  # "between 4 and 18 years of age at the time of first diagnosis"
    JSON / "NCT05813288.json",  # "Women <50 years old will be considered postmenopausal if"
    JSON / "NCT05184725.json",  # "Patients ≥ 18 years old, except for paediatric ... ≥ 8"
    XML / "NCT00492401.xml",  # "At least 60 years of age" under "meeting 1 of the following"
    XML / "NCT00003093.xml",  # risk groups "Under 1 year old, ..." and "1 to 20 years old, ..."
    XML / "NCT05690841.xml",  # ages under "Chloroquine (CQ) eligibility" sub-headings
    XML / "NCT00005027.xml",  # "Life expectancy:" then "-  Greater than 12 weeks"
])
def test_not_flagged(path: Path) -> None:
    assert e101(path) == []


def test_strict_reading_is_an_option(tmp_path: Path) -> None:
    # "\<80 years of age" with a maximum of 80 Years: agrees only when read leniently
    record = JSON / "NCT04434352.json"
    assert e101(record) == []
    (tmp_path / "lintrials.yaml").write_text(
        "checks:\n  age-limit-mismatch:\n    lenient: false\n", encoding="utf-8")
    [finding] = e101(record, search_from=tmp_path)
    assert "maximum age 79 Years" in finding.message


def test_no_limit_fields_can_be_left_alone(tmp_path: Path) -> None:
    (tmp_path / "lintrials.yaml").write_text(
        "checks:\n  age-limit-mismatch:\n    no_limit_fields: false\n", encoding="utf-8")
    assert e101(XML / "NCT00001427.xml", search_from=tmp_path) == []


# --- made-up records for edge cases --------------------------------------------------------


def test_unicode_escapes_in_json_keep_positions(tmp_path: Path) -> None:
    path = study_file(tmp_path, "Inclusion Criteria:\n\n* Age ≥ 18 to ≤ 65 years old\n",
                      maximum="64 Years", ascii_only=True)
    [finding] = e101(path)
    line = path.read_text(encoding="utf-8").splitlines()[finding.line - 1]
    assert line[finding.column - 1:finding.end_column - 1] == "\\u2264 65 years old"


def test_exclusion_age_over_75_agrees_with_maximum_75(tmp_path: Path) -> None:
    text = "Inclusion Criteria:\n\n* Age 18 or older\n\nExclusion Criteria:\n\n* Age > 75 years\n"
    assert e101(study_file(tmp_path, text, maximum="75 Years")) == []
    [finding] = e101(study_file(tmp_path, text, maximum="80 Years"))
    assert finding.message.startswith('exclusion criteria state "> 75 years"')


def test_no_maximum_needed_for_an_open_range(tmp_path: Path) -> None:
    text = "Inclusion Criteria:\n\n* 18 years and older\n"
    assert e101(study_file(tmp_path, text, maximum=None)) == []
    assert e101(study_file(tmp_path, text, maximum="N/A")) == []


def test_stated_maximum_without_a_maximum_field(tmp_path: Path) -> None:
    [finding] = e101(study_file(tmp_path, "Inclusion Criteria:\n\n* Aged 18-75 years\n"))
    assert "there is no maximum age field" in finding.message


def _described(description: str, criteria: str = "Inclusion Criteria:\n\n* Type 2 diabetes\n",
               **fields: Any) -> list[Any]:
    eligibility = {"criteria": criteria, "sex": "ALL", "std_ages": ["ADULT"], **fields}
    return run_check(age_limit_mismatch, record(eligibility=eligibility,
                                                detailed_description=description))


def test_description_age_range_when_the_criteria_give_none() -> None:
    text = "Background.\n\nAge range: 40-60 years\n\nParticipants will walk daily."
    [finding] = _described(text, minimum_age="40 Years", maximum_age="65 Years")
    assert finding.field == "detailed_description"
    assert finding.message.startswith('the detailed description states "40-60 years"')
    assert _described(text, minimum_age="40 Years", maximum_age="60 Years") == []


def test_description_is_not_read_when_the_criteria_state_an_age() -> None:
    criteria = "Inclusion Criteria:\n\n* Aged 18 years or older\n"
    assert _described("Age range: 40-60 years", criteria, minimum_age="18 Years") == []


def test_description_schedules_and_groups_are_not_ages() -> None:
    # a schedule table, and the age groups of a sub-study (both once read as age limits)
    assert _described("Weeks 1-6 Weeks 7-12 Weeks 13-18", minimum_age="18 Years",
                      maximum_age="60 Years") == []
    assert _described("children in the three age groups of 3-4 years, 5-6 years, and 7-8 "
                      "years", minimum_age="N/A", maximum_age="100 Years") == []


def test_description_real_record_agrees_and_can_be_off_by_option(tmp_path: Path) -> None:
    # "Eligibility: Men with erectile dysfunction. Ages 50-80." with 50 and 80 Years
    assert e101(JSON / "NCT04357353.json") == []
    assert e101(XML / "NCT00000317.xml") == []  # "Weeks 1-6 Weeks 7-12" in a schedule
    study = json.loads((JSON / "NCT04357353.json").read_text(encoding="utf-8"))
    study["protocolSection"]["eligibilityModule"]["maximumAge"] = "75 Years"
    path = tmp_path / "NCT04357353.json"
    path.write_text(json.dumps(study), encoding="utf-8")
    [finding] = e101(path)
    assert finding.field == "detailed_description"
    (tmp_path / "lintrials.yaml").write_text(
        "checks:\n  age-limit-mismatch:\n    read_description: false\n", encoding="utf-8")
    assert e101(path, search_from=tmp_path) == []


# --- the parser ----------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "expected"), [
    ("18 Years", Age(Fraction(18), "years")),
    ("1 Year", Age(Fraction(1), "years")),
    ("6 Months", Age(Fraction(6), "months")),
    ("2 weeks", Age(Fraction(2), "weeks")),
    ("30 Days", Age(Fraction(30), "days")),
    ("72 Hours", Age(Fraction(72), "hours")),
    ("90 Minutes", Age(Fraction(90), "minutes")),
    ("N/A", None),
    ("", None),
    (None, None),
])
def test_parse_age_field(text: str | None, expected: Age | None) -> None:
    assert parse_age_field(text) == expected


def test_ages_compare_across_units() -> None:
    assert Age(Fraction(12), "months").days == Age(Fraction(1), "years").days
    assert Age(Fraction(6), "weeks").days == Age(Fraction(42), "days").days
    assert str(Age(Fraction(1), "years")) == "1 Year"


@pytest.mark.parametrize(("text", "expected"), [
    ("* Age ≥ 18", [("lower", True, "18 Years", "≥ 18")]),
    ("* Age 2,5-18 years", [("lower", True, "2.5 Years", "2,5-18 years"),
                            ("upper", True, "18 Years", "2,5-18 years")]),
    ("* Age > 17", [("lower", False, "17 Years", "> 17")]),
    ("* Age >=18 years", [("lower", True, "18 Years", ">=18 years")]),
    ("* At least 18 years of age", [("lower", True, "18 Years", "At least 18 years of age")]),
    ("* Aged 18-75", [("lower", True, "18 Years", "18-75"), ("upper", True, "75 Years", "18-75")]),
    ("* Patients between 18 and 65 years old",
     [("lower", True, "18 Years", "between 18 and 65 years old"),
      ("upper", True, "65 Years", "between 18 and 65 years old")]),
    ("* 18 years and older", [("lower", True, "18 Years", "18 years and older")]),
    ("* 18 years of age or older", [("lower", True, "18 Years", "18 years of age or older")]),
    ("* Under 18 years of age", [("upper", False, "18 Years", "Under 18 years of age")]),
    ("* Men older than 65 years", [("lower", False, "65 Years", "older than 65 years")]),
    ("* Age no older than 70", [("upper", True, "70 Years", "no older than 70")]),
    ("* ≤ 75 years old", [("upper", True, "75 Years", "≤ 75 years old")]),
    ("* Infants aged 6 weeks to 18 months",
     [("lower", True, "6 Weeks", "6 weeks to 18 months"),
      ("upper", True, "18 Months", "6 weeks to 18 months")]),
    ("* Age \\>= 18 and \\< 65 years",
     [("lower", True, "18 Years", "\\>= 18"), ("upper", False, "65 Years", "\\< 65 years")]),
    ("Exclusion Criteria:\n\n* Age < 18 or > 80 years",
     [("lower", True, "18 Years", "< 18"), ("upper", True, "80 Years", "> 80 years")]),
])
def test_forms_people_write(text: str, expected: list[tuple[str, bool, str, str]]) -> None:
    assert limits(text) == expected


@pytest.mark.parametrize("text", [
    "* Onset of migraine before the age of 50",
    "* Age at diagnosis < 21 years",
    "* Type 2 diabetes for ≥ 5 years",
    "* Stable dose within 6 months before screening",
    "* Life expectancy ≥ 12 weeks",
    "* Life expectancy:\n\n  * At least 3 months",
    "* Gestational age ≥ 37 weeks",
    "* A stable female partner at least 21 years of age",
    "* Consent of parent or guardian if less than 18 years of age",
    "* Postmenopausal for at least 12 months",
    "* History of smoking for 5 years",
    "* Karnofsky ≥ 60 for patients > 16 years of age",
    "* Women < 50 years old will be considered postmenopausal if amenorrheic",
    "Exclusion Criteria:\n\n* Children under 2 years in the household",
    "Exclusion Criteria:\n\n* Patients over 75 years with heart failure",
    "* Age 12,13,14 years",  # a list, not a decimal comma
])
def test_other_ages_and_durations_are_not_limits(text: str) -> None:
    assert stated_age_limits(text) == []


def test_agreement_reads_fields_as_whole_years() -> None:
    [under_80] = stated_age_limits("* Age < 80 years")
    assert under_80.agrees_with(parse_age_field("79 Years"))
    assert not under_80.agrees_with(parse_age_field("80 Years"), lenient=False)
    assert under_80.agrees_with(parse_age_field("80 Years"))  # lenient: "up to 80"
    [over_17] = stated_age_limits("* Age > 17")
    assert over_17.agrees_with(parse_age_field("18 Years"))
    [under_18] = stated_age_limits("* Under 18 years old")
    assert under_18.agrees_with(parse_age_field("17 Years"))
    [at_most_65] = stated_age_limits("* Age ≤ 65 years")
    assert not at_most_65.agrees_with(parse_age_field("64 Years"))
    assert not at_most_65.agrees_with(None)  # N/A: no maximum
    [from_birth] = stated_age_limits("* Age 0-17 years")[:1]
    assert from_birth.agrees_with(None)  # no minimum is a minimum of 0


def test_phrase_span_and_joining_word_for_later_checks() -> None:
    text = "* Age ≥ 18 or ≤75 years old at screening"
    lower, upper = stated_age_limits(text)
    assert text[slice(*lower.phrase_span)] == "Age ≥ 18 or ≤75 years old"
    assert lower.joined_by == upper.joined_by == "or"
    assert lower.days == Fraction(18 * 1461, 4)


def test_mentions_include_sub_groups() -> None:
    text = "* Cohort A: age 18-65 years\n* Cohort B: age 12-17 years"
    assert stated_age_limits(text) == []
    assert {str(m.age) for m in age_mentions(text)} == {"18 Years", "65 Years", "12 Years",
                                                         "17 Years"}


# --- the envelope of the study's statements ------------------------------------------------


def test_json_range_against_a_field_another_persons_age_agrees_with() -> None:
    # NCT05366504: "2. Age 40-70 years." with a minimum of 18 Years; only the exclusion
    # "Partners who are < 18 years of age" says 18, and partners are not the participants.
    [finding] = e101(JSON / "NCT05366504.json")
    assert finding.message == ('criteria state "40-70 years" (minimum age 40 Years), but the '
                               "minimum age field is 18 Years")


def test_legacy_ranges_of_both_sexes_make_one_envelope() -> None:
    # NCT05700877: "Age between 55-69 years (men) and 60-74 years (women)", 55 to 75 Years:
    # the envelope is 55-74, so the maximum of 75 is reported at the women's range.
    [finding] = e101(XML / "NCT05700877.xml")
    assert '"60-74 years" (maximum age 74 Years)' in finding.message
    assert "maximum age field is 75 Years" in finding.message


@pytest.mark.parametrize("path", [
    JSON / "NCT05464836.json",  # "Adolescent (12 to 18 years), and young adult (19 to 40 years)"
    XML / "NCT00495794.xml",  # "Age <18 or >100" with no maximum: "> 100" stands in for none
    XML / "NCT01174550.xml",  # "men age ≥55", "women age ≥65", "... ≥45 with ...": min 45
    JSON / "NCT05303051.json",  # "Age > 40" among "> 1 of the following risk factors:"
])
def test_groups_and_stand_ins_are_not_flagged(path: Path) -> None:
    assert e101(path) == []


@pytest.mark.parametrize(("criteria", "minimum", "maximum", "words"), [
    # two statements about every participant: the tighter one counts
    ("Inclusion Criteria:\n\n* Aged 18 to 65 years\n\nExclusion Criteria:\n\n* Age over 75\n",
     "18 Years", "75 Years", '"18 to 65 years" (maximum age 65 Years)'),
    ("Inclusion Criteria:\n\n* Aged 21 to 65 years\n\nExclusion Criteria:\n\n* Under 18 years\n",
     "18 Years", "65 Years", '"21 to 65 years" (minimum age 21 Years)'),
    # cohorts: their envelope, from the groups alone when there are several
    ("Inclusion Criteria:\n\n* Part 1: healthy adults aged 18 to 55 years\n"
     "* Part 2: patients aged 18 to 75 years\n", "18 Years", "65 Years",
     "(maximum age 75 Years), but the maximum age field is 65 Years"),
    # numbers in words
    ("Inclusion Criteria:\n\n* Between eighteen and sixty-five years of age\n", "18 Years",
     "70 Years", '"Between eighteen and sixty-five years of age" (maximum age 65 Years)'),
])
def test_made_up_envelopes_flagged(tmp_path: Path, criteria: str, minimum: str, maximum: str,
                                   words: str) -> None:
    [finding] = e101(study_file(tmp_path, criteria, minimum=minimum, maximum=maximum))
    assert words in finding.message


@pytest.mark.parametrize(("criteria", "minimum", "maximum"), [
    # another person's age
    ("Inclusion Criteria:\n\n* Parents of children aged 2 to 5 years\n", "18 Years", None),
    ("Inclusion Criteria:\n\n* Pregnant women aged 18 years or older\n"
     "* Infants aged less than 6 months at enrolment\n", "18 Years", None),
    ("Inclusion Criteria:\n\n* Caregiver aged 18 years or older\n", "12 Years", "17 Years"),
    ("Inclusion Criteria:\n\n* Patients aged 18-70 years\n* Sibling donor aged 12 to 60\n",
     "18 Years", "70 Years"),
    ("Inclusion Criteria:\n\n* Women aged 18-45\n* Male partner aged 18 or older\n",
     "18 Years", "45 Years"),
    # an "or" alternative
    ("Inclusion Criteria:\n\n* Older than 65 years, or adults of any age with chronic kidney "
     "disease\n", "18 Years", None),
    ("Inclusion Criteria:\n\n* Age > 65 years, or age 18-65 years with diabetes\n", "18 Years",
     None),
    # one group's range
    ("Inclusion Criteria:\n\n* First age group 18 to 60 years, second age group over 60 "
     "years\n", "18 Years", None),
    ("Inclusion Criteria:\n\n* Cohort A: 12-17 years\n* Cohort B: 18 years and older\n",
     "12 Years", None),
    ("Inclusion Criteria:\n\nCohort A:\n\n* Age 12-17 years\n\nCohort B:\n\n"
     "* Age 18 years and older\n", "12 Years", None),
    ("Inclusion Criteria:\n\n* Adolescents 12-17 years of age (Cohort 1) or adults 18-65 "
     "years (Cohort 2)\n", "12 Years", "65 Years"),
    ("Inclusion Criteria:\n\n* Part 1: healthy adults aged 18 to 55 years\n"
     "* Part 2: patients aged 18 to 75 years\n", "18 Years", "75 Years"),
    # a stand-in for no limit
    ("Inclusion Criteria:\n\n* Age 18 up to 99 years\n", "18 Years", None),
    ("Inclusion Criteria:\n\n* 18 years and above, no upper age limit\n", "18 Years", None),
])
def test_made_up_envelopes_silent(tmp_path: Path, criteria: str, minimum: str,
                                  maximum: str | None) -> None:
    assert e101(study_file(tmp_path, criteria, minimum=minimum, maximum=maximum)) == []


def test_groups_are_marked_for_the_envelope() -> None:
    text = "* First age group 18 to 60 years, second age group over 60 years"
    assert stated_age_limits(text) == []
    assert all(m.group for m in age_mentions(text))


def test_headings_on_windows_line_ends() -> None:
    text = ("PATIENT CHARACTERISTICS:\r\n\r\nAge:\r\n\r\n  -  18 to 65\r\n\r\n"
            "Life expectancy:\r\n\r\n  -  At least 3 months\r\n")
    assert [(m.kind, str(m.age)) for m in stated_age_limits(text)] == [
        ("lower", "18 Years"), ("upper", "65 Years")]


PARENTS_OF_CHILDREN = [
    "Inclusion Criteria:\n- Being the parent of a child with autism\n- Child aged 4 to 12 years",
    "Inclusion Criteria:\n- Parents of adolescents treated for cancer\n"
    "- The adolescent is from 12 to 17 years old",
    "Inclusion Criteria:\n* Primary caregiver of a patient with dementia\n"
    "* Patient aged 65 years or older",
    # a child of the participant's, in the same criterion
    "Inclusion Criteria:\n- Parent having at least one child from 12 to 17 years old",
    "Inclusion Criteria:\n- Mothers whose infant is between 2 and 6 months of age",
]


@pytest.mark.parametrize("criteria", PARENTS_OF_CHILDREN)
def test_the_age_of_the_person_participants_care_for_is_not_theirs(criteria: str) -> None:
    r = record(eligibility={"criteria": criteria, "minimum_age": "18 Years"})
    assert run_check(age_limit_mismatch, r) == []


@pytest.mark.parametrize("criteria", [
    # the children take part, the parent only consents
    "Inclusion Criteria:\n- Children aged 4 to 12 years\n- Parent of the child gives consent",
    # both take part
    "Inclusion Criteria:\n- Parent-child dyads\n- Child aged 4 to 12 years",
    "Inclusion Criteria:\n- Children from 4 to 12 years and their parents",
])
def test_children_who_take_part_keep_their_ages(criteria: str) -> None:
    r = record(eligibility={"criteria": criteria, "minimum_age": "18 Years"})
    assert [p.field for p in run_check(age_limit_mismatch, r)] == ["eligibility.criteria"]


def test_a_real_record_turned_into_a_study_of_carers(tmp_path: Path) -> None:
    # NCT06615518 enrols patients aged 18-85 with sciatica (fields 18 and 85 Years). Moved to
    # a minimum of 40, its own patients' range contradicts the field; made into a study of
    # the patients' spouses, the patients' range is no longer the participants'.
    study = json.loads((JSON / "NCT06615518.json").read_text(encoding="utf-8"))
    module = study["protocolSection"]["eligibilityModule"]
    module["minimumAge"] = "40 Years"
    patients = tmp_path / "patients.json"
    patients.write_text(json.dumps(study), encoding="utf-8")
    assert [f.code for f in findings(patients, select=["E101"])] == ["E101"]
    spouse = "Inclusion Criteria:\n\n* Spouse of a patient with sciatica\n"
    module["eligibilityCriteria"] = module["eligibilityCriteria"].replace(
        "Inclusion Criteria:\n\n", spouse, 1)
    spouses = tmp_path / "spouses.json"
    spouses.write_text(json.dumps(study), encoding="utf-8")
    assert findings(spouses, select=["E101"]) == []
