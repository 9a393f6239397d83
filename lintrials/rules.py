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

    What it finds: a file lintrials reads as JSON or XML that its parser cannot read; the finding
    points at the first character the parser could not read.

    Why it matters: nothing in the file can be checked, and the registry would reject the upload.

    Fails: a JSON export cut off mid-way: `{"protocolSection": {"identificationModule": {`.

    Passes: the same file downloaded again in full.

    Options: none.

    Fix safety: no fix.""",
)
UNKNOWN_FORMAT = EngineRule(
    "F002",
    "unknown-format",
    """\
    The file is none of the record formats lintrials reads.

    What it finds: a file named on the command line, or an export-looking file in a folder, that is
    not a ClinicalTrials.gov API v2 JSON study, a legacy `<clinical_study>` XML record, or a study
    page saved as text. A record of another registry that lintrials recognises but has no reader
    for yet (a WHO ICTRP export or TRDS file; an EU CTIS, EU CTR, ISRCTN or DRKS record, as the
    registry or the ctrdata package writes it) is named in the message: it is a valid record that
    lintrials leaves unchecked, not a broken one (which would be F003).

    Why it matters: such a file would otherwise pass silently unchecked.

    Fails: an HTML page of a registry saved with a `.txt` ending.

    Passes: the same study downloaded as JSON from the registry.

    Options: none.

    Fix safety: no fix.""",
)
INVALID_RECORD = EngineRule(
    "F003",
    "invalid-record",
    """\
    The file parses, but what it holds is not a registry record, or a value has the wrong type.

    What it finds: a study object without `protocolSection`, or a value of the wrong type (a
    number where the registry writes a string); the finding points at the value and names its JSON
    Pointer or XPath. In a study page, lines of a section that cannot be read (a site block
    without its "Site Status" line): the finding names the section and its line, and the rest of
    the section is still read.

    Why it matters: the export was edited by hand or made by another tool, and checks cannot
    trust it.

    Fails: `"maximumAge": 65` (a number).

    Passes: `"maximumAge": "65 Years"`.

    Options: none.

    Fix safety: no fix.""",
)
UNREADABLE_FILE = EngineRule(
    "F004",
    "unreadable-file",
    """\
    The file cannot be read as text: missing, unreadable, binary, or not valid in its encoding.

    What it finds: a file that is missing or cannot be read, or is not text in its encoding. UTF-8
    (with or without BOM), UTF-16 with BOM, and the encoding an XML declaration names are read;
    anything else is reported with the offset of the first bad byte.

    Why it matters: a pre-commit hook or CI run must say which file it could not read instead of
    skipping it.

    Fails: a Latin-1 file with no declaration.

    Passes: the same file saved as UTF-8.

    Options: none.

    Fix safety: no fix.""",
)
CHECK_FAILED = EngineRule(
    "X001",
    "check-failed",
    """\
    A check raised an error on a record, or a plugin could not be loaded.

    What it finds: a check that failed on a record (reported on that record, with the check
    named), or a plugin that could not be loaded. The exit code is then 2.

    Why it matters: a broken check must not end the run or hide the other checks' findings, and CI
    must not mistake a partial run for a clean one.

    Fails: a third-party check that indexes past the end of a list.

    Passes: the same check, fixed, or left out with `--ignore`.

    Options: none.

    Fix safety: no fix.""",
)
UNUSED_SUPPRESSION = EngineRule(
    "X002",
    "unused-suppression",
    """\
    A suppression entry matches no finding in a run that checked its record.

    What it finds: an entry of the suppressions that no finding of the run matched, although the
    run checked the record it names.

    Why it matters: the defect it accepted was fixed, or the check or field was renamed; a stale
    entry would silently accept the next, different defect at the same place. Remove the entry.

    Fails: an entry for duplicate-site on NCT07314060 after the second site was deleted.

    Passes: an entry that still matches a finding.

    Options: none.

    Fix safety: no fix.""",
    severity="warning",
)
UNUSED_BASELINE_ENTRY = EngineRule(
    "X003",
    "unused-baseline-entry",
    """\
    A baseline entry matches no finding in a run that checked its record.

    What it finds: a key of the `--baseline` file that fewer findings of the run matched than
    it counts, although the run checked its record with its check.

    Why it matters: the defect was fixed (good), but while the entry stays in the baseline the
    same defect may come back unreported. Write the baseline again (`--write-baseline`) to drop
    it. It is information, not a warning: a baseline fails a run on new findings only, and a
    fixed one is not new (set `checks: {X003: {severity: warning}}` to fail on it).

    Fails: a baseline entry for duplicate-site on NCT07314060 after the second site was deleted.

    Passes: a baseline whose every entry still matches a finding, or an entry of a record or a
    check the run did not check.

    Options: none.

    Fix safety: no fix.""",
    severity="info",
)
ENGINE_RULES: list[EngineRule] = [
    INVALID_SYNTAX, UNKNOWN_FORMAT, INVALID_RECORD, UNREADABLE_FILE, CHECK_FAILED,
    UNUSED_SUPPRESSION, UNUSED_BASELINE_ENTRY,
]
