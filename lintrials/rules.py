"""The rules every check and the engine answer to, and the engine's own rules as data.

A `Rule` is what lists, selects, documents and reports a rule needs: a check (`plugins.Check`)
is one, and so is an `EngineRule`, a finding the engine itself makes about a file or a run
(F00x: files; X00x: the engine), which runs no code of its own.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol


class Rule(Protocol):
    """What ``lintrials rules``, the configuration's selectors and the reports read of a rule."""

    @property
    def code(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def severity(self) -> str: ...
    @property
    def doc(self) -> str: ...
    @property
    def summary(self) -> str: ...
    @property
    def enabled(self) -> bool: ...
    @property
    def fixable(self) -> bool: ...
    @property
    def aliases(self) -> Sequence[str]: ...
    @property
    def options(self) -> Mapping[str, Any]: ...


@dataclass(frozen=True)
class EngineRule:
    """A finding the engine makes: always on (the configuration may ignore it), no options,
    no fix."""

    code: str
    name: str
    doc: str
    severity: str = "error"

    @property
    def summary(self) -> str:
        """The first line of the documentation."""
        return self.doc.strip().splitlines()[0]

    @property
    def enabled(self) -> bool:
        return True

    @property
    def fixable(self) -> bool:
        return False

    @property
    def aliases(self) -> Sequence[str]:
        return ()

    @property
    def options(self) -> Mapping[str, Any]:
        return {}


INVALID_SYNTAX = EngineRule(
    "F001",
    "invalid-syntax",
    """\
    The file is not well-formed JSON or XML.

    Why: nothing in it can be checked, and the registry would reject the upload. The finding
    points at the first character the parser could not read.

    Example: a JSON export cut off mid-way: `{"protocolSection": {"identificationModule": {`.
    Passing: the same file downloaded again in full.""",
)
UNKNOWN_FORMAT = EngineRule(
    "F002",
    "unknown-format",
    """\
    The file is none of the record formats lintrials reads.

    Why: a file named on the command line, or an export-looking file in a folder, that is not a
    ClinicalTrials.gov API v2 JSON study, a legacy `<clinical_study>` XML record, or a study
    page saved as text, would otherwise pass silently unchecked.

    Example: an HTML page of a registry saved with a `.txt` ending.
    Passing: the same study downloaded as JSON from the registry.""",
)
INVALID_RECORD = EngineRule(
    "F003",
    "invalid-record",
    """\
    The file parses, but what it holds is not a registry record, or a value has the wrong type.

    Why: a study object without `protocolSection`, or a number where the registry writes a
    string, means the export was edited by hand or made by another tool; checks cannot trust it.
    The finding points at the value and names its JSON Pointer or XPath.

    Example: `"maximumAge": 65` (a number). Passing: `"maximumAge": "65 Years"`.""",
)
UNREADABLE_FILE = EngineRule(
    "F004",
    "unreadable-file",
    """\
    The file cannot be read as text: missing, unreadable, binary, or not valid in its encoding.

    Why: a pre-commit hook or CI run must say which file it could not read instead of skipping
    it. UTF-8 (with or without BOM), UTF-16 with BOM, and the encoding an XML declaration names
    are read; anything else is reported with the offset of the first bad byte.

    Example: a Latin-1 file with no declaration. Passing: the same file saved as UTF-8.""",
)
CHECK_FAILED = EngineRule(
    "X001",
    "check-failed",
    """\
    A check raised an error on a record, or a plugin could not be loaded.

    Why: a broken check must not end the run or hide the other checks' findings. The failure is
    reported on the record it happened on, with the check named, and the exit code is 2 so
    that CI does not mistake a partial run for a clean one.

    Example: a third-party check that indexes past the end of a list.""",
)
UNUSED_SUPPRESSION = EngineRule(
    "X002",
    "unused-suppression",
    """\
    A suppression entry matches no finding in a run that checked its record.

    Why: the defect it accepted was fixed, or the check or field was renamed; a stale entry
    would silently accept the next, different defect at the same place. Remove the entry.

    Example: an entry for duplicate-site on NCT07314060 after the second site was deleted.""",
    severity="warning",
)
ENGINE_RULES: list[EngineRule] = [
    INVALID_SYNTAX, UNKNOWN_FORMAT, INVALID_RECORD, UNREADABLE_FILE, CHECK_FAILED,
    UNUSED_SUPPRESSION,
]
