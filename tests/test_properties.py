"""Property-based tests (Hypothesis): no input makes a parser, a locator or a check raise.

Parsers get any bytes, real records mangled at random (cut, bytes inserted, subtrees of the JSON
replaced by any JSON value), and pages assembled from the page format's own headings and labels;
every outcome must be records and findings, never an exception, and every field of every record
parsed must be locatable. Checks get random but well-typed `Record` objects built from the model
with text drawn from the vocabulary the checks look for; ``check()``, ``summarize()`` and
``reduce()`` of every check module must never raise.

Each property runs a bounded number of examples (no deadline: a slow example on a busy machine is
not a failure) so that the whole file runs in well under a minute.
"""

from __future__ import annotations

import dataclasses
import importlib
import json
import os
import pkgutil
import tempfile
from collections.abc import Iterator
from datetime import date
from types import ModuleType
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import lintrials.checks
from conftest import CORPUS, EXAMPLES, SEEDS, context
from lintrials import files
from lintrials.files import JSON_LINES_SUFFIXES, ReadProblem, read
from lintrials.findings import Fix, Problem
from lintrials.formats import FileProblem, ParsedRecord, ctgov_json, detect
from lintrials.formats.page_text_grammar import HEADINGS
from lintrials.model import (
    Arm,
    Contact,
    DateField,
    Eligibility,
    Intervention,
    Location,
    Record,
)
from lintrials.source import Source

# CI runs the same bounded examples every time (a failure is never a lucky draw); to search
# wider, run with LINTRIALS_HYPOTHESIS=explore (random examples, a hundred times as many).
settings.register_profile(
    "bounded",
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    derandomize=True,
    database=None,
)
settings.register_profile(
    "explore",
    max_examples=6000,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.load_profile(os.environ.get("LINTRIALS_HYPOTHESIS", "bounded"))
BOUNDED = settings()

V2 = CORPUS / "ctgov_v2_json"
LEGACY = CORPUS / "ctgov_legacy_xml"
SMALL_JSON = (V2 / "NCT00000410.json").read_bytes()
SMALL_XML = (LEGACY / "NCT00000323.xml").read_bytes()
SEED_PAGE = (SEEDS / "001_020fa720e2ffd389.txt").read_bytes()
REAL_FILES = [
    ("study.json", SMALL_JSON),
    ("study.xml", SMALL_XML),
    ("page.txt", SEED_PAGE),
    ("example.json", (EXAMPLES / "NCT07104344.json").read_bytes()),
]


# ---------------------------------------------------------------- walking a parsed record


def field_paths(value: Any, prefix: str = "") -> Iterator[tuple[str, Any]]:
    """Every field path of a record (``locations[2].contacts[0].phone``) and its value."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        for item in dataclasses.fields(value):
            if item.name in ("sections", "text_format"):
                continue
            path = f"{prefix}.{item.name}" if prefix else item.name
            yield from field_paths(getattr(value, item.name), path)
    elif isinstance(value, list):
        for i, element in enumerate(value):
            yield from field_paths(element, f"{prefix}[{i}]")
    else:
        yield prefix, value


def exercise(name: str, data: bytes) -> list[ParsedRecord | FileProblem | ReadProblem]:
    """Read, detect, parse; locate every field of every record and try a fix on each text.

    A JSON Lines name is written to a file and read from there, a part at a time, as the
    engine reads it. Raises whatever any step raises: the properties below say nothing may.
    """
    if name.lower().endswith(JSON_LINES_SUFFIXES):
        with tempfile.TemporaryDirectory() as folder:
            path = os.path.join(folder, name)
            with open(path, "wb") as out:
                out.write(data)
            return _exercise(path, None)
    return _exercise(name, data)


def _exercise(name: str, data: bytes | None) -> list[ParsedRecord | FileProblem | ReadProblem]:
    outcome: list[ParsedRecord | FileProblem | ReadProblem] = []
    for item in read(name, data):
        if isinstance(item, ReadProblem):
            assert item.line >= 1 and item.column >= 1
            outcome.append(item)
            continue
        fmt = ctgov_json if item.json_lines else detect(item.path, item.text)
        if fmt is None:
            continue
        for parsed in fmt.parse(item):
            outcome.append(parsed)
            if isinstance(parsed, FileProblem):
                assert 0 <= parsed.offset <= len(item.text), parsed
                item.line_col(parsed.offset)
                continue
            locate_everything(item, parsed)
    return outcome


def locate_everything(source: Source, parsed: ParsedRecord) -> None:
    lines = source.first_line + source.text.count("\n") + 1
    position, _ = parsed.locator.locate(None, None)
    assert 1 <= position.line <= lines
    for path, value in field_paths(parsed.record):
        position, _ = parsed.locator.locate(path, None)
        assert 1 <= position.line <= position.end_line <= lines, (path, position)
        if isinstance(value, str):
            middle = len(value) // 2
            position, _ = parsed.locator.locate(path, (middle, len(value)))
            assert 1 <= position.line <= lines, (path, position)
            try:
                parsed.locator.fix_edits(Fix("replace", "x\n\"<&>\u00e9"), path)
                parsed.locator.fix_edits(Fix("cut", "", span=(0, middle)), path)
            except (KeyError, ValueError, IndexError):
                pass  # the engine's contract: no fix rather than a wrong one


# ---------------------------------------------------------------- parsers: any bytes


@BOUNDED
@given(
    name=st.sampled_from(["x.json", "x.xml", "x.txt", "x.zip", "x.jsonl", "-"]),
    data=st.binary(max_size=3000),
)
def test_any_bytes_read_and_parse_without_raising(name: str, data: bytes) -> None:
    exercise(name, data)


@BOUNDED
@given(
    prefix=st.sampled_from(
        [b"", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"<?xml version='1.0'?>", b"PK\x03\x04",
         b'<?xml version="1.0" encoding="utf-16"?>', b"Title\nNCT ID: NCT01234567\n", b"{", b"["]
    ),
    data=st.binary(max_size=500),
)
def test_bytes_behind_every_kind_of_opening_parse_without_raising(
    prefix: bytes, data: bytes
) -> None:
    exercise("x.txt", prefix + data)


@st.composite
def mangled_file(draw: st.DrawFn) -> tuple[str, bytes]:
    """A real record cut, with bytes inserted, bytes dropped or bytes changed."""
    name, data = draw(st.sampled_from(REAL_FILES))
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(data)))
        how = draw(st.sampled_from(["cut", "insert", "drop", "flip"]))
        if how == "cut":
            data = data[:at]
        elif how == "insert":
            data = data[:at] + draw(st.binary(min_size=1, max_size=20)) + data[at:]
        elif how == "drop":
            data = data[:at] + data[at + draw(st.integers(1, 200)) :]
        elif at < len(data):
            data = data[:at] + bytes([draw(st.integers(0, 255))]) + data[at + 1 :]
    return name, data


@BOUNDED
@given(mangled_file())
def test_real_records_mangled_parse_without_raising(case: tuple[str, bytes]) -> None:
    exercise(*case)


# ---------------------------------------------------------------- parsers: any JSON value

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner,
                                                                 max_size=4),
    max_leaves=20,
)


@BOUNDED
@given(json_values)
@pytest.mark.slow
def test_any_json_value_parses_without_raising(value: Any) -> None:
    exercise("x.json", json.dumps(value).encode())


def _subtree_paths(value: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield path
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _subtree_paths(item, (*path, key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _subtree_paths(item, (*path, i))


STUDY = json.loads(SMALL_JSON)
STUDY_PATHS = [p for p in _subtree_paths(STUDY) if p]


@st.composite
def reshaped_study(draw: st.DrawFn) -> Any:
    """A real study with some of its values (modules, lists, strings) swapped for any JSON."""
    study = json.loads(SMALL_JSON)
    for _ in range(draw(st.integers(1, 5))):
        path = draw(st.sampled_from(STUDY_PATHS))
        parent = study
        try:
            for step in path[:-1]:
                parent = parent[step]
            replacement = draw(json_values)
            if isinstance(parent, dict) and draw(st.booleans()) and path[-1] in parent:
                del parent[path[-1]]  # a missing key, as in a partial record
            else:
                parent[path[-1]] = replacement
        except (KeyError, IndexError, TypeError):
            continue  # an earlier swap took this path away
    return study


@BOUNDED
@given(study=reshaped_study(), indent=st.sampled_from([None, 0, 2]), ascii_only=st.booleans(),
       wrap=st.sampled_from(["bare", "array", "page", "lines"]))
@pytest.mark.slow
def test_valid_json_of_the_wrong_shape_parses_without_raising(
    study: Any, indent: int | None, ascii_only: bool, wrap: str
) -> None:
    if wrap == "lines":
        text = json.dumps(study, ensure_ascii=ascii_only) + "\n" + json.dumps(study) + "\n"
    else:
        document = {"bare": study, "array": [study, study], "page": {"studies": [study]}}[wrap]
        text = json.dumps(document, indent=indent, ensure_ascii=ascii_only)
    outcome = exercise("x.json", text.encode())
    assert outcome, "a JSON document gives records or findings, never nothing"


# ---------------------------------------------------------------- parsers: page text

PAGE_LINES = [
    *sorted(HEADINGS),
    "", "", "", "Recruitment Status", "RECRUITING", "Clinical Phase", "PHASE1/PHASE2",
    "Total Enrollment", "40", "9" * 5000, "Study Start Date", "2025-01", "Site Status",
    "Site Status RECRUITING", "Role: primary", "Role:", "Group Type EXPERIMENTAL", "Group Type",
    "Intervention Type DRUG", "Intervention Type ", "Blinding Strategy", "Participants",
    "Minimum Eligible Age", "18 Years", "Accepts Healthy Volunteers", "Standard Age Groups",
    "Adult, Older Adult", "Sponsor Role lead", "Sponsor Role", "Identifier Source: org_study_id",
    "Beijing, Beijing, 100000, China", ",,,", "x@y.org", "+86 10 1234 5678", "Allocation Method",
    "Intervention Model", "NCT ID:", "Last Updated:", "\t  ", "Inclusion Criteria:",
]


@BOUNDED
@given(st.lists(st.sampled_from(PAGE_LINES) | st.text(max_size=20), max_size=80),
       st.sampled_from(["\n", "\r\n", "\r"]))
@pytest.mark.slow
def test_pages_assembled_from_the_format_parse_without_raising(
    lines: list[str], newline: str
) -> None:
    text = newline.join(["Title", "NCT ID: NCT01234567", "", *lines])
    outcome = exercise("page.txt", text.encode())
    if "\x00" in text:  # a NUL byte makes it a binary file, reported as such
        assert isinstance(outcome[0], ReadProblem)
    else:
        assert any(isinstance(o, ParsedRecord) for o in outcome)


# ---------------------------------------------------------------- checks: random records

WORDS = [
    "18", "65", "years", "Years", "year", "old", "months", "age", "aged", "≥", "<=", ">", "<",
    "between", "and", "or", "to", "-", "–", "older", "younger", "than", "Inclusion", "Exclusion",
    "Criteria:", "*", "\n", "\n\n", "  ", "(", ")", "[", "]", "{", "}", "Phase", "2", "3", "II",
    "randomized", "double-blind", "placebo", "open-label", "participants", "patients", "women",
    "men", "female", "male", "pregnant", "N/A", "TBD", "&amp;", "<br>", "\\>", "**", ".", ",",
    ":", ";", "e.g.", "NCT01234567", "+1", "555-0100", "@", "Hospital", "University", "of", "the",
    "0", "999", "1.5", "x", "é", "\u00a0", "\t", "http://x.org", "%", "/", "'", '"',
]
texts = st.one_of(
    st.none(),
    st.text(max_size=40),
    st.lists(st.sampled_from(WORDS), max_size=40).map(" ".join),
    st.lists(st.sampled_from(WORDS), max_size=40).map("".join),
)
some_texts = st.lists(st.text(max_size=20) | st.sampled_from(WORDS), max_size=4)
DATES = ["2025", "2025-09", "2025-09-25", "1999-02-30", "9999-12-31", "0001-01", "2025-13",
         "", "March 2000", "soon"]
dates = st.none() | st.sampled_from(DATES) | st.text(max_size=12)
enums = {
    "status": ["RECRUITING", "NOT_YET_RECRUITING", "COMPLETED", "TERMINATED", "WITHDRAWN",
               "SUSPENDED", "ACTIVE_NOT_RECRUITING", "ENROLLING_BY_INVITATION", "UNKNOWN"],
    "phase": ["EARLY_PHASE1", "PHASE1", "PHASE2", "PHASE3", "PHASE4", "NA"],
    "date_type": ["ACTUAL", "ESTIMATED"],
    "study_type": ["INTERVENTIONAL", "OBSERVATIONAL", "EXPANDED_ACCESS"],
    "allocation": ["RANDOMIZED", "NON_RANDOMIZED", "NA"],
    "model": ["PARALLEL", "SINGLE_GROUP", "CROSSOVER", "FACTORIAL", "SEQUENTIAL"],
    "masking": ["NONE", "SINGLE", "DOUBLE", "TRIPLE", "QUADRUPLE"],
    "role": ["PARTICIPANT", "CARE_PROVIDER", "INVESTIGATOR", "OUTCOMES_ASSESSOR"],
    "sex": ["ALL", "FEMALE", "MALE"],
    "ages": ["CHILD", "ADULT", "OLDER_ADULT"],
    "arm_type": ["EXPERIMENTAL", "PLACEBO_COMPARATOR", "ACTIVE_COMPARATOR", "NO_INTERVENTION"],
    "intervention": ["DRUG", "BIOLOGICAL", "DEVICE", "BEHAVIORAL", "OTHER"],
    "age": ["18 Years", "65 Years", "6 Months", "N/A", "0 Years", "120 Years", "2 Weeks", "x"],
    "country": ["United States", "China", "France", "Germany", "Japan", "Brazil", "Narnia"],
    "state": ["California", "Texas", "Beijing", "Ontario", "New York", "Bavaria"],
    "city": ["Boston", "Beijing", "Paris", "Houston", "Toronto", "Springfield"],
}


def enum(kind: str) -> st.SearchStrategy[str | None]:
    return st.none() | st.sampled_from(enums[kind]) | st.text(max_size=10)


def enum_list(kind: str) -> st.SearchStrategy[list[str]]:
    return st.lists(st.sampled_from(enums[kind]) | st.text(max_size=8), max_size=3)


date_fields = st.builds(DateField, date=dates, type=enum("date_type"))
contacts = st.builds(
    Contact,
    name=texts,
    role=st.none() | st.sampled_from(["CONTACT", "PRINCIPAL_INVESTIGATOR", "primary"]),
    phone=st.none() | st.sampled_from(["+1 617 555 0100", "555-0100", "010-12345678", "n/a",
                                       "+86 10 1234 5678 ext 3", "0"]) | st.text(max_size=16),
    phone_ext=st.none() | st.text(max_size=5),
    email=st.none() | st.sampled_from(["a@b.org", "a@@b", "x@y", "name@hospital.edu."])
    | st.text(max_size=16),
)
locations = st.builds(
    Location,
    facility=texts,
    status=enum("status"),
    city=enum("city"),
    state=enum("state"),
    zip=st.none() | st.sampled_from(["02115", "100000", "75001", "M5G 2C4", "ABC"])
    | st.text(max_size=8),
    country=enum("country"),
    contacts=st.lists(contacts, max_size=2),
)
records = st.builds(
    Record,
    nct_id=st.none() | st.sampled_from(["NCT01234567", "NCT1", "nct01234567"]) | st.text(
        max_size=12),
    org_study_id=texts,
    brief_title=texts,
    official_title=texts,
    acronym=texts,
    brief_summary=texts,
    detailed_description=texts,
    conditions=some_texts,
    overall_status=enum("status"),
    why_stopped=texts,
    status_verified_date=dates,
    start_date=date_fields,
    primary_completion_date=date_fields,
    completion_date=date_fields,
    first_submitted_date=dates,
    last_update_submitted_date=dates,
    last_update_posted_date=dates,
    study_type=enum("study_type"),
    phases=enum_list("phase"),
    allocation=enum("allocation"),
    intervention_model=enum("model"),
    primary_purpose=st.none() | st.sampled_from(["TREATMENT", "PREVENTION"]),
    masking=enum("masking"),
    who_masked=enum_list("role"),
    enrollment_count=st.none() | st.integers(-5, 10**12),
    enrollment_type=enum("date_type"),
    arms=st.lists(st.builds(Arm, label=texts, type=enum("arm_type"), description=texts,
                            intervention_names=some_texts), max_size=4),
    interventions=st.lists(st.builds(Intervention, type=enum("intervention"), name=texts,
                                     description=texts, arm_group_labels=some_texts),
                           max_size=4),
    eligibility=st.builds(Eligibility, criteria=texts, sex=enum("sex"),
                          minimum_age=enum("age"), maximum_age=enum("age"),
                          std_ages=enum_list("ages"),
                          healthy_volunteers=st.none() | st.booleans()),
    lead_sponsor=texts,
    central_contacts=st.lists(contacts, max_size=2),
    locations=st.lists(locations, max_size=6),
    unplaced_contacts=st.lists(contacts, max_size=2),
    sections=st.sets(st.sampled_from(sorted(
        ["identificationModule", "statusModule", "designModule", "eligibilityModule",
         "contactsLocationsModule", "armsInterventionsModule", "descriptionModule",
         "conditionsModule", "sponsorCollaboratorsModule"]))),
    text_format=st.sampled_from([None, "markdown", "plain"]),
)


def check_modules() -> list[ModuleType]:
    """Every check module lintrials installs, registered in pyproject.toml or not yet."""
    found = []
    for info in pkgutil.iter_modules(lintrials.checks.__path__):
        module = importlib.import_module(f"lintrials.checks.{info.name}")
        if hasattr(module, "CODE") and (hasattr(module, "check") or hasattr(module, "reduce")):
            found.append(module)
    return found


CHECKS = check_modules()


def test_every_check_module_is_exercised() -> None:
    assert len(CHECKS) >= 40, [m.__name__ for m in CHECKS]


def assert_problem(problem: Any, module: ModuleType) -> None:
    assert isinstance(problem, Problem), (module.__name__, problem)
    assert isinstance(problem.message, str) and problem.message, module.__name__


@settings(BOUNDED, max_examples=max(150, BOUNDED.max_examples // 4))
@given(record=records, today=st.dates(date(2000, 1, 1), date(2035, 12, 31)))
@pytest.mark.slow
def test_every_check_takes_any_record_without_raising(record: Record, today: date) -> None:
    for module in CHECKS:
        ctx = context(module, record, today=today)
        check = getattr(module, "check", None)
        if check is not None:
            for problem in check(record, ctx):
                assert_problem(problem, module)
        summarize = getattr(module, "summarize", None)
        reduce = getattr(module, "reduce", None)
        if summarize is not None and reduce is not None:
            summary = summarize(record, ctx)
            if summary is None:  # the engine keeps no summary of None
                continue
            refs = [(("a.json", 0), summary), (("b.json", 0), summary)]
            for _ref, problem in reduce(refs, context(module, today=today)):
                assert_problem(problem, module)


@BOUNDED
@given(st.lists(records, min_size=2, max_size=5))
@pytest.mark.slow
def test_whole_run_checks_reduce_any_records_without_raising(batch: list[Record]) -> None:
    for module in CHECKS:
        summarize = getattr(module, "summarize", None)
        reduce = getattr(module, "reduce", None)
        if summarize is None or reduce is None:
            continue
        summaries = [((f"f{i}.json", 0), summarize(r, context(module, r)))
                     for i, r in enumerate(batch)]
        summaries = [(ref, s) for ref, s in summaries if s is not None]
        for _ref, problem in reduce(summaries, context(module)):
            assert_problem(problem, module)


def test_the_records_drawn_are_checked_for_real() -> None:
    """The strategies reach the checks' findings: the properties are not vacuous."""
    record = Record(
        nct_id="NCT1",
        overall_status="RECRUITING",
        eligibility=Eligibility(criteria="Inclusion Criteria:\n* aged 18 to 65 years",
                                minimum_age="30 Years", maximum_age="65 Years"),
        locations=[Location(facility="Hospital", city="Boston", country="United States"),
                   Location(facility="Hospital", city="Boston", country="United States")],
    )
    codes = set()
    for module in CHECKS:
        check = getattr(module, "check", None)
        if check is not None and list(check(record, context(module, record))):
            codes.add(module.CODE)
    assert {"E101", "L201", "R102"} <= codes, codes


def test_locating_every_field_of_the_real_files_works() -> None:
    for name, data in REAL_FILES:
        outcome = exercise(name, data)
        assert any(isinstance(o, ParsedRecord) for o in outcome), name


# ------------------------------------------------------ JSON Lines read a part at a time

_LINES = [
    json.dumps(json.loads(p.read_bytes())).encode()
    for p in sorted((CORPUS / "ctgov_v2_json").glob("*.json"))[:6]
]


def _records_and_problems(data: bytes, part: int) -> list[str]:
    saved = files.PART_CHARS
    files.PART_CHARS = part
    try:
        outcome = exercise("x.jsonl", data)
    finally:
        files.PART_CHARS = saved
    # In any order: a line's problem may come before the records of the part it is in.
    return sorted(repr((o.index, o.record.nct_id) if isinstance(o, ParsedRecord)
                       else (o.line, o.column) if isinstance(o, ReadProblem)
                       else (o.kind, o.message)) for o in outcome)


@BOUNDED
@given(
    lines=st.lists(st.one_of(st.sampled_from(_LINES), st.binary(max_size=120)), max_size=10),
    ending=st.sampled_from([b"\n", b"\r\n"]),
    part=st.integers(min_value=1, max_value=100_000),
)
@pytest.mark.slow
def test_json_lines_in_parts_of_any_size_read_as_one_part(
    lines: list[bytes], ending: bytes, part: int
) -> None:
    data = ending.join([_LINES[0], *lines]) + ending
    assert _records_and_problems(data, part) == _records_and_problems(data, 1 << 30)
