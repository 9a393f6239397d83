"""The bundled examples: each seed defect is found at its place, in the page and its JSON twin."""

from __future__ import annotations

from conftest import EXAMPLES, findings

FOUR = ["age-limit-mismatch", "duplicate-site", "truncated-site-name", "malformed-phone"]


def located(name: str) -> set[tuple[str, int, int]]:
    return {(f.name, f.line, f.column) for f in findings(EXAMPLES / name, select=FOUR)}


def test_seed_000_truncated_name_and_duplicate_site() -> None:
    assert located("000_c17df8f03dc45045.txt") == {
        ("truncated-site-name", 191, 1),
        ("duplicate-site", 335, 1),
    }
    assert located("NCT07314060.json") == {
        ("truncated-site-name", 130, 23),
        ("duplicate-site", 442, 23),
    }


def test_seed_001_age_limit_mismatch_points_at_the_phrase() -> None:
    (page,) = located("001_020fa720e2ffd389.txt")
    (twin,) = located("NCT07104344.json")
    line = "* Age ≥ 18 to ≤ 65 years old, male or female;"
    assert page[0] == twin[0] == "age-limit-mismatch"
    assert page[1] == 110
    assert line.index("≤ 65") < page[2] <= line.index("65 years") + 1
    raw = (EXAMPLES / "NCT07104344.json").read_text().splitlines()[twin[1] - 1]
    assert raw[twin[2] - 1:].startswith(line[page[2] - 1:page[2] + 5])


def test_seed_002_trunk_prefix_after_country_code() -> None:
    # The finding points at the trunk prefix itself: the "0" of "+86-021-50582090".
    assert located("002_e3ee89ab0d39f9a4.txt") == {("malformed-phone", 217, 5)}
    assert located("NCT07177911.json") == {("malformed-phone", 123, 25)}


def test_same_defects_in_both_formats() -> None:
    for page, twin in (("000_c17df8f03dc45045.txt", "NCT07314060.json"),
                       ("001_020fa720e2ffd389.txt", "NCT07104344.json"),
                       ("002_e3ee89ab0d39f9a4.txt", "NCT07177911.json")):
        a = sorted((f.code, f.field, f.message) for f in findings(EXAMPLES / page, select=FOUR))
        b = sorted((f.code, f.field, f.message) for f in findings(EXAMPLES / twin, select=FOUR))
        assert a == b
