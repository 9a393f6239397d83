"""Numbers of the results section as written: what is a number, a p-value, a unit of people."""

from __future__ import annotations

from decimal import Decimal

import pytest

from lintrials.knowledge.results_numbers import (
    below,
    ci_level,
    count,
    half_unit,
    limits_around_value,
    number,
    other_unit,
    p_value,
    participant_unit,
    participants_title,
)


@pytest.mark.parametrize(("text", "value"), [
    ("12", Decimal(12)), (" -0.35 ", Decimal("-0.35")), (".05", Decimal("0.05")),
    ("1.2E-4", Decimal("0.00012")), ("30,600", Decimal(30600)), ("1,234.5", Decimal("1234.5")),
])
def test_numbers_written_plainly(text: str, value: Decimal) -> None:
    assert number(text) == value


@pytest.mark.parametrize("text", ["NA", "", "0,001", "1.2.3", "12 (est.)", "1,23", None])
def test_text_that_is_no_number_is_not_compared(text: str | None) -> None:
    assert number(text) is None


def test_counts_are_whole_numbers() -> None:
    assert (count("12"), count("12.0"), count("1,200")) == (12, 12, 1200)
    assert count("12.5") is None and count("NA") is None


def test_rounding_of_the_last_written_place() -> None:
    assert (half_unit("1.25"), half_unit("12"), half_unit("1.2E-4")) == (
        Decimal("0.005"), Decimal("0.5"), Decimal("0.000005"))
    assert below("0.94", "0.96") and below("-3", "1.1")
    assert not below("0.95", "0.951")  # 0.9504 and 0.9506 round so
    assert not below("1", "1.4") and not below("NA", "2")


@pytest.mark.parametrize(("text", "comparison", "value", "percent"), [
    ("0.032", "", "0.032", False), ("<0.001", "<", "0.001", False),
    ("≤ .05", "<=", "0.05", False), ("P = 0.04", "=", "0.04", False),
    ("p-value < 0.0001", "<", "0.0001", False), ("1.5", "", "1.5", False),
    ("-0.2", "", "-0.2", False), ("95%", "", "95", True), (">= 0.2", ">=", "0.2", False),
])
def test_p_values_as_written(text: str, comparison: str, value: str, percent: bool) -> None:
    found = p_value(text)
    assert found is not None
    assert (found.comparison, found.value, found.percent) == (comparison, Decimal(value), percent)


@pytest.mark.parametrize("text", ["NA", "0,001", "not calculated", "0.05 (two-sided)", ""])
def test_text_that_is_no_p_value(text: str) -> None:
    assert p_value(text) is None


def test_limits_that_enclose_the_value() -> None:
    assert limits_around_value("95_CONFIDENCE_INTERVAL", "LEAST_SQUARES_MEAN")
    assert limits_around_value("95% Confidence Interval", "Geometric Mean")
    assert limits_around_value("FULL_RANGE", "MEAN") == "full range"
    assert limits_around_value("Inter-Quartile Range", "Median") == "inter-quartile range"
    # A least-squares mean may lie outside the values observed; a mean outside the quartiles.
    assert limits_around_value("FULL_RANGE", "LEAST_SQUARES_MEAN") is None
    assert limits_around_value("INTER_QUARTILE_RANGE", "MEAN") is None
    assert limits_around_value("STANDARD_DEVIATION", "MEAN") is None
    assert limits_around_value(None, "NUMBER") is None
    assert [ci_level(d) for d in ("95_CONFIDENCE_INTERVAL", "95% Confidence Interval",
                                  "97_5_CONFIDENCE_INTERVAL", "FULL_RANGE", None)] == [
        "95", "95", "97.5", None, None]


@pytest.mark.parametrize("unit", ["Participants", "patients", "Number of subjects",
                                  "participants with event", "Cases"])
def test_units_that_count_people(unit: str) -> None:
    assert participant_unit(unit) and not other_unit(unit)


@pytest.mark.parametrize("unit", ["percentage of participants", "%", "days", "mg/dL",
                                  "units on a scale", "events per 100 patient-years"])
def test_units_of_another_kind(unit: str) -> None:
    assert other_unit(unit) and not participant_unit(unit)


@pytest.mark.parametrize("unit", ["eyes", "events", "Participants (%)",
                                  "participants with >= 50% reduction"])
def test_units_that_are_neither(unit: str) -> None:
    # Counts of another thing, or people with a share written beside them: not judged.
    assert not other_unit(unit)
    assert not participant_unit(unit)


def test_titles_that_count_participants() -> None:
    assert participants_title("Number of Participants With Treatment-Emergent Adverse Events")
    assert participants_title("Count of Patients Who Responded")
    assert not participants_title("Number and Percentage of Participants With Response")
    assert not participants_title("Change in Number of Lesions")
    assert not participants_title("Number of Patient-Days on the Ventilator")
    assert not participants_title("Number of Participants' Clinic Visits")
