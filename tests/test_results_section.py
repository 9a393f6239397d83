"""The results section read into the model, every value located at its exact place."""

from __future__ import annotations

import dataclasses
import html
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from conftest import CORPUS
from lintrials.files import read
from lintrials.formats import ParsedRecord, detect
from lintrials.source import Source

JSON_RECORD = CORPUS / "ctgov_v2_json" / "NCT00931528.json"  # flow, drop-outs, AEs, analyses
XML_RECORD = CORPUS / "ctgov_legacy_xml" / "NCT00003476.xml"  # categories of adverse events


def parsed(path: Path) -> tuple[ParsedRecord, str]:
    (source,) = list(read(str(path)))
    assert isinstance(source, Source)
    fmt = detect(source.path, source.text)
    assert fmt is not None
    (item,) = list(fmt.parse(source))
    assert isinstance(item, ParsedRecord)
    return item, source.text


def leaves(value: Any, path: str) -> Iterator[tuple[str, str]]:
    """(field path, text) of every text value below ``value``, in the model's own paths."""
    if dataclasses.is_dataclass(value):
        for f in dataclasses.fields(value):
            yield from leaves(getattr(value, f.name), f"{path}.{f.name}")
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from leaves(item, f"{path}[{i}]")
    elif isinstance(value, str) and value.strip():
        yield path, value


def located_text(item: ParsedRecord, text: str, field: str) -> str:
    position, _ = item.locator.locate(field, None)
    lines = text.split("\n")
    if position.line == position.end_line:
        return lines[position.line - 1][position.column - 1 : position.end_column - 1]
    first = lines[position.line - 1][position.column - 1 :]
    middle = lines[position.line : position.end_line - 1]
    last = lines[position.end_line - 1][: position.end_column - 1]
    return "\n".join([first, *middle, last])


@pytest.mark.parametrize("path", [JSON_RECORD, XML_RECORD], ids=["json", "xml"])
def test_every_results_value_is_located_at_its_own_text(path: Path) -> None:
    item, text = parsed(path)
    results = item.record.results
    assert results is not None
    values = list(leaves(results, "results"))
    assert len(values) > 300  # counts, measurements, events: the whole section is read
    wrong = []
    for field, value in values:
        found = located_text(item, text, field)
        if path.suffix == ".json":
            decoded = json.loads(found) if found.startswith('"') else found
        else:
            decoded = html.unescape(found)
        # Coded values are normalised (XML "Count of Participants" -> COUNT_OF_PARTICIPANTS).
        if str(decoded).strip() != value.strip() and field.split(".")[-1] not in (
            "param_type", "dispersion_type", "type", "ci_num_sides", "non_inferiority_type"
        ):
            wrong.append((field, value, found))
    assert wrong == []


def test_json_results_are_read_as_the_registry_shows_them() -> None:
    results = parsed(JSON_RECORD)[0].record.results
    assert results is not None and results.participant_flow is not None
    flow = results.participant_flow
    assert [g.id for g in flow.groups] == ["FG000", "FG001"]
    started = flow.periods[0].milestones[0]
    assert started.type == "STARTED"
    assert [(a.group_id, a.value) for a in started.achievements] == [
        ("FG000", "121"), ("FG001", "121")]
    events = results.adverse_events
    assert events is not None
    assert len(events.serious_events) == 19 and not any(e.total for e in events.serious_events)
    assert events.groups[0].serious_num_at_risk == "111"  # a number in JSON, kept as text
    assert results.outcome_measures and results.outcome_measures[0].analyses


def test_xml_adverse_events_are_flat_with_the_totals_marked() -> None:
    results = parsed(XML_RECORD)[0].record.results
    assert results is not None and results.adverse_events is not None
    serious = results.adverse_events.serious_events
    assert serious[0].total and serious[0].term == "Total, serious adverse events"
    assert not any(e.total for e in serious[1:])
    assert serious[1].organ_system and serious[1].organ_system != "Total"
    other = results.adverse_events.other_events
    assert other[0].total and len(other) == 56


def test_records_without_results_have_none() -> None:
    item, _ = parsed(CORPUS / "ctgov_v2_json" / "NCT00000410.json")
    assert item.record.results is None
