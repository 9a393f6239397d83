"""Where each field of the record model is read from, in API v2 JSON and in legacy XML.

The page is made from the locators' own tables (the ones that place every finding), so it says
what the readers do: ``python -m lintrials.formats.field_map > docs/fields.md``.
"""

from __future__ import annotations

import dataclasses
import typing
from collections.abc import Iterator
from typing import Any

from lintrials import model
from lintrials.formats import ctgov_json_locator, ctgov_xml_locator

Table = dict[str, Any]

_HEAD = """\
# Where lintrials reads each field

Every field of the record model (`lintrials/model.py`), with where it is read in a
ClinicalTrials.gov API v2 study (a JSON Pointer below the study object; `[]` is each item of a
list) and in a legacy `<clinical_study>` XML record (an element path below it; `@name` is an
attribute, `a | b` the first of two elements). Where a source has no element of a field's own,
the field is placed at the element that holds it: legacy XML gives a secondary ID as its text
only, so its type, domain and link are placed at that text. A finding on a field points at that
place. This page is generated from the locators' tables (`python -m
lintrials.formats.field_map`), and a test fails while it is stale.

A part the source leaves out (a module a `fields=` download did not ask for, the results of a
study with none) is read as absent: no value, and no finding about it. Study pages saved as text
carry the parts a page shows: identification and "Other Identifiers", status and dates, the
sponsor and collaborators, conditions and keywords, design, arms and interventions, outcome
measures, eligibility, contacts, investigators and locations; they show no oversight, data
sharing or results section.

| model field | API v2 JSON | legacy XML |
|---|---|---|
"""


def _part(kind: Any, name: str) -> tuple[bool, Any]:
    """Whether field ``name`` of the model type ``kind`` is a list, and the type of its items
    (or of the part itself)."""
    hints = typing.get_type_hints(kind, vars(model)) if dataclasses.is_dataclass(kind) else {}
    hint = hints.get(name)
    if typing.get_origin(hint) is list:
        return True, typing.get_args(hint)[0]
    parts = [k for k in typing.get_args(hint) if k is not type(None)]  # a part that may be None
    if parts and typing.get_origin(parts[0]) is list:
        return True, typing.get_args(parts[0])[0]
    return False, parts[0] if parts else hint


def _flat(table: Table, kind: Any, base: str, item: str) -> Iterator[tuple[str, str]]:
    """(model path, source path) for every field of ``table``, lists opened with ``item``."""
    for name, spec in table.items():
        if isinstance(spec, str):
            yield name, _join(base, spec)
            continue
        where, inner = spec
        if isinstance(where, tuple):
            where = " | ".join(where)
        many, part = _part(kind, name)
        at = _join(base, where) + (item if many else "")
        if not inner:
            yield name, at
            continue
        for sub, path in _flat(inner, part, at, item):
            yield f"{name}.{sub}", path


def _join(base: str, path: str) -> str:
    if not path:
        return base
    return f"{base}/{path}" if base else path


def rows() -> list[tuple[str, str, str]]:
    """(model field, JSON Pointer, XML path) for each field, in the model's order of the JSON
    table; a field one source has no place for shows "-"."""
    json_map = dict(_flat(ctgov_json_locator._TABLE, model.Record, "", "/[]"))
    xml_map = dict(_flat(ctgov_xml_locator._TABLE, model.Record, "", "[]"))
    names = list(json_map) + [name for name in xml_map if name not in json_map]
    return [(name, "/" + json_map[name] if name in json_map else "-", xml_map.get(name, "-"))
            for name in names]


def markdown() -> str:
    lines = [f"| `{name}` | `{json}` | `{xml}` |" for name, json, xml in rows()]
    return _HEAD + "\n".join(lines) + "\n"


if __name__ == "__main__":
    print(markdown(), end="")
