"""SARIF 2.1.0, as GitHub code scanning and other SAST dashboards read it.

Every check that ran is a rule (short and full description, help, default level); every finding
a result whose ``partialFingerprints`` come from the check, the record and the field, not from
line numbers, so that a re-generated export does not look like all-new alerts.

Texts are made ``visible`` as in every format; an artifact's URI percent-encodes the file
name's bytes (``bad%FF.json`` for a name that is not UTF-8), which is what names that file.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

from lintrials import __version__
from lintrials.config import Config
from lintrials.files import ZIP_MEMBER_SEPARATOR
from lintrials.findings import Finding
from lintrials.reporters import json_array
from lintrials.reporters.escape import dumps, visible
from lintrials.results import RunResult

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
# Stands for the results in the document around them, which is written before and after them.
_RESULTS = "lintrials:results"


def artifact_path(path: str) -> str:
    """The file's path relative to the current folder, with forward slashes."""
    path = path.split(ZIP_MEMBER_SEPARATOR, 1)[0]
    if os.path.isabs(path):
        try:
            path = os.path.relpath(path)
        except ValueError:  # another drive on Windows: no relative path
            return Path(path).as_posix()
    return Path(path).as_posix()


def artifact_uri(path: str) -> str:
    """The file as a relative URI reference (``my%20file.json``), or a ``file:`` URI."""
    relative = artifact_path(path)
    if os.path.isabs(relative):
        return Path(relative).as_uri()
    return quote(os.fsencode(relative), safe="/")


def _result(finding: Finding, rule_index: dict[str, int]) -> dict[str, object]:
    location: dict[str, object] = {
        "physicalLocation": {
            "artifactLocation": {"uri": artifact_uri(finding.path), "uriBaseId": "%SRCROOT%"},
            "region": {
                "startLine": finding.line,
                "startColumn": finding.column,
                "endLine": finding.end_line,
                "endColumn": (
                    finding.end_column
                    if finding.end_line > finding.line
                    else max(finding.end_column, finding.column)
                ),
            },
        }
    }
    where = finding.pointer or finding.field
    if finding.record or where:
        # NCT01234567/protocolSection/... for a JSON pointer, NCT01234567.locations[2].facility
        # for a model field (a page or XML record), the record or the field alone otherwise.
        separator = "" if (finding.pointer or "").startswith("/") else "."
        name = separator.join(x for x in (finding.record, where) if x)
        location["logicalLocations"] = [{"fullyQualifiedName": visible(name), "kind": "member"}]
    result: dict[str, object] = {
        "ruleId": finding.code,
        "level": LEVELS[finding.severity],
        "message": {"text": visible(finding.message)},
        "locations": [location],
        "partialFingerprints": {"lintrialsFinding/v1": finding.fingerprint},
        "properties": {
            "record": None if finding.record is None else visible(finding.record),
            "field": None if finding.field is None else visible(finding.field),
            "name": finding.name,
        },
    }
    if finding.code in rule_index:
        result["ruleIndex"] = rule_index[finding.code]
    if finding.suppression is not None:
        result["suppressions"] = [
            {"kind": "external", "status": "accepted",
             "justification": visible(finding.suppression)}
        ]
    return result


def render(result: RunResult, config: Config) -> str:
    return "".join(stream(result, config))


def stream(result: RunResult, config: Config) -> Iterator[str]:
    rules: list[dict[str, object]] = []
    rule_index: dict[str, int] = {}
    for check in sorted(result.checks, key=lambda c: c.code):
        rule_index[check.code] = len(rules)
        rules.append({
            "id": check.code,
            "name": check.name,
            "shortDescription": {"text": check.summary},
            "fullDescription": {"text": check.doc},
            "help": {"text": check.doc, "markdown": check.doc},
            "defaultConfiguration": {"level": LEVELS[check.severity],
                                     "enabled": check.enabled},
            "properties": {"tags": ["clinical-trial-registry"]},
        })
    document = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "lintrials",
                "version": __version__,
                "semanticVersion": __version__,
                "informationUri": "https://pypi.org/project/lintrials/",
                "rules": rules,
            }},
            "originalUriBaseIds": {"%SRCROOT%": {"uri": Path.cwd().as_uri() + "/"}},
            "columnKind": "unicodeCodePoints",
            "results": _RESULTS,  # last of the document: nothing after it holds a string
        }],
    }
    head, _, tail = dumps(document, indent=2).rpartition(dumps(_RESULTS))
    yield head
    yield from json_array((_result(f, rule_index) for f in result.all_findings()), 3)
    yield tail + "\n"
