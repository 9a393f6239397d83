"""T103 unbalanced-brackets: a bracket never closed, closing nothing, or closed by another kind."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import CORPUS, EXAMPLES, SEEDS, findings, record, run_check
from flow_builders import edited_text
from lintrials.checks import unbalanced_brackets

SELECT = ["T103"]
V2 = CORPUS / "ctgov_v2_json"
LEGACY = CORPUS / "ctgov_legacy_xml"


def problems(criteria: str) -> list[str]:
    markdown = record(text_format="markdown", eligibility={"criteria": criteria})
    return [
        criteria[p.span[0] : p.span[1]] if p.span else ""
        for p in run_check(unbalanced_brackets, markdown)
    ]


def test_seed_000_unclosed_parenthesis_in_the_page_and_its_twin() -> None:
    (page,) = findings(SEEDS / "000_c17df8f03dc45045.txt", select=SELECT)
    (twin,) = findings(EXAMPLES / "NCT07314060.json", select=SELECT)
    line = (SEEDS / "000_c17df8f03dc45045.txt").read_text(encoding="utf-8").splitlines()[129]
    assert (page.line, page.column, page.end_column) == (130, 173, 174)
    assert line[172:] == "(generalized pustular psoriasis(GPP);"
    assert (twin.line, twin.column) == (110, 290)
    assert page.field == twin.field == "eligibility.criteria"
    assert page.message == twin.message
    assert page.message.startswith('"(" is never closed: ')
    assert page.message.endswith('be diagnosed as (generalized pustular psoriasis(GPP);"')


def test_seed_001_stray_closing_parenthesis() -> None:
    (page,) = findings(SEEDS / "001_020fa720e2ffd389.txt", select=SELECT)
    (twin,) = findings(EXAMPLES / "NCT07104344.json", select=SELECT)
    line = (SEEDS / "001_020fa720e2ffd389.txt").read_text(encoding="utf-8").splitlines()[111]
    assert (page.line, page.column) == (112, 171)
    assert line[160:171] == " SLEDAI-2K)"  # column 171 is the ")"
    assert (twin.line, twin.column) == (88, 640)
    assert page.message.startswith('")" has no "(" before it: ')


def test_seed_002_is_balanced() -> None:
    assert findings(SEEDS / "002_e3ee89ab0d39f9a4.txt", select=SELECT) == []


def test_bracket_closed_by_another_kind_is_one_finding_over_the_aside(tmp_path: Path) -> None:
    # Edited: the dose aside of the design narrative, "(1000 IU/kg)", ends in "]" instead.
    edited = edited_text(LEGACY / "NCT00000587.xml", tmp_path, "(1000 IU/kg)", "(1000 IU/kg]")
    assert findings(LEGACY / "NCT00000587.xml", select=SELECT) == []
    (finding,) = findings(edited, select=SELECT)
    assert (finding.field, finding.line, finding.column, finding.end_column) == (
        "detailed_description", 48, 76, 88
    )
    assert finding.message == '"(" is closed by "]": "(1000 IU/kg]"'
    (finding,) = findings(V2 / "NCT05232279.json", select=SELECT)
    assert finding.message.startswith('"[" is closed by ")": "[e.g., Coumadin or Marevan')


def test_list_markers_are_not_brackets() -> None:
    # Full-width "1）" markers (NCT05480501, NCT00490204) and markdown-escaped "1\\)" markers
    # (NCT04691388, whose one finding is a real stray ")" after "cerebral hemorrhage").
    assert findings(V2 / "NCT05480501.json", LEGACY / "NCT00490204.xml", select=SELECT) == []
    (finding,) = findings(V2 / "NCT04691388.json", select=SELECT)
    assert finding.message.endswith('"have no symptoms of cerebral hemorrhage);"')


def test_list_marker_written_with_a_full_stop_and_a_bracket() -> None:
    # "1. ) Almost never/never", then "2. A few times (much less than half the time)".
    assert findings(V2 / "NCT03328156.json", select=SELECT) == []


def test_the_real_unclosed_bracket_among_list_markers() -> None:
    # Items "6)" to "9)" among "1." and "5a." items: the one finding is the "(" after
    # "illness" that is never closed, not a marker.
    (finding,) = findings(V2 / "NCT06761586.json", select=SELECT)
    assert finding.field == "eligibility.criteria"
    assert finding.message.startswith('"(" is never closed: ", presence of any major medical '
                                      'illness (e.g., renal')
    # "... before visit 1.)." closes a real "(": it is not taken for a marker; the unclosed
    # "(Mini Mental State Examination (MMSE) ..." is the finding.
    (finding,) = findings(LEGACY / "NCT05693441.xml", select=SELECT)
    assert finding.message.startswith('"(" is never closed: "cognitive screening test (Mini')
    # "(CTCAE-version 5.0 - https://..." is never closed; the "i)" of "because they: i) were
    # ..." further down starts a sub-item and does not close it.
    (finding,) = findings(V2 / "NCT05512169.json", select=SELECT)
    assert finding.field == "detailed_description"
    assert '(CTCAE-version 5.0' in finding.message


def test_asides_over_wrapped_lines_and_sub_lists_pass(tmp_path: Path) -> None:
    # Legacy XML wraps lines inside an aside: "(Day\n 0) between" (NCT00000897).
    assert findings(LEGACY / "NCT00000897.xml", select=SELECT) == []
    # Edited so that an aside holds a sub-list: the childbearing-potential criterion's two
    # indented sub-items become "criteria (either of:" ... "24 consecutive months))", the aside
    # opened in the item and closed in its last sub-item.
    (tmp_path / "open").mkdir()
    opened = edited_text(LEGACY / "NCT02465060.xml", tmp_path / "open",
                         "following\n             criteria:\n",
                         "following\n             criteria (either of:\n")
    closed = edited_text(opened, tmp_path, "preceding 24 consecutive months)\n",
                         "preceding 24 consecutive months))\n")
    assert findings(closed, select=SELECT) == []
    # The same aside left open is reported: the edit is in text the check reads.
    (finding,) = findings(opened, select=SELECT)
    assert finding.field == "eligibility.criteria"
    assert finding.message.startswith('"(" is never closed: ')
    assert "criteria (either of:" in finding.message


@pytest.mark.parametrize(
    "text",
    [
        "score in [0, 1) and (0, 100]",
        "great study :) really ;-) yes",
        "1) adults 2) children a) boys b) girls",
        "Criteria: (a) age; (b) sex (n = 20)",
        "any of: 1) diabetes; 2) asthma)".replace("any", "(any"),
        "diagnosed (GPP）by a doctor",
        "* item (begun\n  and ended) here",
        "Exclusion (any of:\n* a\n* b)",
        # Markers with a full stop, doubled letters after "z)", a "(" without its ")".
        "1.) adults\n2.) children",
        "a.) boys b.) girls; c. ) others",
        "y) asthma\nz) eczema\naa) rhinitis\nbb) urticaria",
        "Any of: ee) smokers; ff) former smokers",
        "* aa) asthma\n* bb) eczema",
        "(a Age 18 to 65\n(b Signed consent\n(c Able to walk",
        "* (i adults\n* (ii children",
        # Visual acuities and fractions as the bounds of a half-open range.
        "BCVA in [20/400, 20/40) Snellen equivalent",
        "ratio (1/3, 1/2] of the dose",
        "ETDRS letter score 73 to 34 (Snellen equivalent\n20/40 to 20/400) at screening",
        # A wrapped line that starts like a label ends the aside: "(ECOG\n 1)".
        "- No more than 3 regimens (ECOG\n   1)\n",
    ],
)
def test_balanced_text_passes(text: str) -> None:
    assert problems(text) == []


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("as (generalized psoriasis(GPP);", ["("]),
        ("the SLEDAI-2K) score", [")"]),
        ("daily ((n = 2,295) or placebo", ["("]),
        ("index (BMI, kg/m2], waist", ["(BMI, kg/m2]"]),
        ("* first (open\n* second closed)", []),
        ("* first (open\n* second", ["("]),
        # Among markers, the real bracket left open is the one reported ...
        ("1.) Adults (aged 18 to 65\n2.) Consent", ["("]),
        ("aa) asthma (controlled\nbb) eczema", ["("]),
        ("z) asthma (controlled\naa) eczema", ["("]),
        ("(a adults (over 18\n(b consent", ["("]),
        ("a) adults\nb) children\nc) under 12 years)", [")"]),
        ("* Toxicity graded by CTCAE (version 5.0\n* Excluded if: a) progression", ["("]),
        # ... and a doubled letter inside a sentence is a unit, not a marker.
        ("lesions of at least 5 mm) in diameter", [")"]),
        ("Sample size:\n(A total of 30 patients", ["("]),
    ],
)
def test_unbalanced_text_is_flagged(text: str, flagged: list[str]) -> None:
    assert problems(text) == flagged


def test_arm_and_intervention_descriptions_are_read() -> None:
    # the control arm: "treatment of active cases of malaria (artesunate-mefloquine (AS-MQ)
    # for ..." (one "(" more than ")"), and the intervention "((CQ: Day1 600 mg, ...)."
    found = findings(LEGACY / "NCT05690841.xml", select=["T103"])
    assert {f.field for f in found} == {"arms[0].description", "interventions[0].description"}
    assert all("is never closed" in f.message for f in found)


def test_made_up_design_texts() -> None:
    problems = run_check(unbalanced_brackets, record(
        intervention_model_description="Three groups (31 each, with hotpack (20 minutes).",
        arms=[{"label": "A", "description": "Sessions (60 minutes each, 2/week))."}],
        interventions=[{"name": "X", "description": "Drug X (10 mg (oral) daily)."}],
    ))
    assert [p.field for p in problems] == ["intervention_model_description",
                                           "arms[0].description"]
