"""T102 leaked-markup: escapes, entities and tags that a reader sees as text."""

from __future__ import annotations

from pathlib import Path

from conftest import CORPUS, EXAMPLES, SEEDS, findings, record, run_check
from lintrials.checks import leaked_markup

SELECT = ["T102"]
V2 = CORPUS / "ctgov_v2_json"
LEGACY = CORPUS / "ctgov_legacy_xml"


def source_text(path: Path, line: int, column: int, end_column: int) -> str:
    return path.read_text(encoding="utf-8").splitlines()[line - 1][column - 1 : end_column - 1]


def test_seed_002_escapes_in_the_page_are_flagged_one_by_one() -> None:
    path = SEEDS / "002_e3ee89ab0d39f9a4.txt"
    found = findings(path, select=SELECT)
    assert len(found) == 10
    assert {f.field for f in found} == {"eligibility.criteria"}
    first = found[0]
    assert (first.line, first.column, first.end_column) == (136, 88, 90)
    assert source_text(path, 136, 88, 90) == "\\>"
    assert first.message == "markdown escape `\\>` in plain text shows its backslash: write `>`"
    assert [(f.line, source_text(path, f.line, f.column, f.end_column)) for f in found[2:4]] == [
        (140, "\\<"),
        (143, "\\>"),
    ]


def test_the_same_escapes_in_api_v2_json_are_correct_markdown() -> None:
    # NCT07177911.json is the twin of seed 002 and holds the same "\\>6 g/24 h".
    assert "\\\\>6 g/24 h" in (EXAMPLES / "NCT07177911.json").read_text(encoding="utf-8")
    # NCT00244023 and NCT00931528 hold many escapes: \\>, \\<, \\[, \\*.
    assert findings(EXAMPLES / "NCT07177911.json", V2 / "NCT00244023.json",
                    V2 / "NCT00931528.json", select=SELECT) == []


def test_entities_in_legacy_xml_are_flagged_with_their_span() -> None:
    path = LEGACY / "NCT00006461.xml"
    found = findings(path, select=SELECT)
    assert [(f.field, f.line, f.column) for f in found] == [
        ("official_title", 19, 155),
        ("official_title", 19, 182),
        ("official_title", 19, 245),
    ]
    # The XML holds "&amp;gt;": the parsed title shows "&gt;" to the reader.
    assert source_text(path, 19, found[0].column, found[0].end_column) == "&amp;gt;"
    assert found[0].message.startswith("`&gt;` shows as the letters of an HTML entity, not as `>`")
    assert "not as `'`" in found[2].message  # &Apos;, a wrongly capitalised &apos;


def test_escaped_entities_in_api_v2_json_are_flagged() -> None:
    path = V2 / "NCT03256916.json"
    found = findings(path, select=SELECT)
    assert [(f.line, f.column, f.end_column) for f in found] == [
        (201, 1056, 1062),
        (201, 1087, 1093),
    ]
    assert source_text(path, 201, 1056, 1062) == "\\\\&gt;"
    # "&amp;lt;" escaped once more: the reader sees "&amp;lt;".
    (one, two) = findings(V2 / "NCT06615518.json", select=SELECT)
    assert [one.field, two.field] == [f"interventions[{i}].description" for i in (0, 1)]
    assert one.message.startswith("`\\&amp;lt;` shows as the letters of an HTML entity, not as `<`")


def test_an_html_tag_in_legacy_xml(tmp_path: Path) -> None:
    text = (LEGACY / "NCT00000537.xml").read_text(encoding="utf-8")
    marker = "<brief_summary>\n    <textblock>\n"
    assert marker in text
    changed = tmp_path / "NCT00000537.xml"
    changed.write_text(text.replace(marker, marker + "      First line&lt;br/&gt;", 1),
                       encoding="utf-8")
    (finding,) = findings(changed, select=SELECT)
    assert finding.field == "brief_summary"
    assert finding.message == "HTML tag `<br/>` shows as text"
    assert source_text(changed, finding.line, finding.column, finding.end_column) == (
        "&lt;br/&gt;"
    )


def test_ordinary_text_passes() -> None:
    # Ampersands, "<" and ">" comparisons and a URL with "&" are not markup.
    plain = record(
        text_format="plain",
        brief_summary="AT&T; A & B; age <18 or >65; https://x.org/?a=1&b=2; 5 > 3 & 2 < 4",
        eligibility={"criteria": "C:\\data\\file; HbA1c < 7.0%; R&D"})
    assert run_check(leaked_markup, plain) == []
    # A format that does not say how it writes text is not checked.
    assert run_check(leaked_markup, record(brief_summary="a \\> b &gt; c")) == []


def test_made_up_entity_in_the_intervention_model_description() -> None:
    problems = run_check(leaked_markup, record(
        text_format="plain", intervention_model_description="Two arms &amp; blinded outcome"))
    assert [p.field for p in problems] == ["intervention_model_description"]
