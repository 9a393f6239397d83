"""Registry formats lintrials recognises but does not read yet.

A file of another registry (a WHO ICTRP export, an EU CTIS or EU CTR record, an ISRCTN record,
as the ctrdata package stores them) is a valid record in a format lintrials has no reader for:
reporting it as a broken ClinicalTrials.gov record (F003) would be wrong about the file. These
tell what the file is, so that the engine reports it as F002 unknown-format and names it.
"""

from __future__ import annotations

from typing import Any

# ctrdata (an R package that downloads registry records) marks each record with its registry.
_CTRDATA = {
    "CTIS": "an EU CTIS record",
    "EUCTR": "an EU CTR (EudraCT) record",
    "ISRCTN": "an ISRCTN record",
    "CTGOV": "a legacy ClinicalTrials.gov record converted to JSON",
    "CTGOV2": "a ClinicalTrials.gov record converted by ctrdata",
}


def _unread(what: str) -> str:
    return f"{what}: a registry format lintrials does not read yet, so nothing in it is checked"


def json_format(value: Any) -> str | None:
    """The message for a JSON value that is a known registry format lintrials does not read."""
    if not isinstance(value, dict):
        return None
    registry = value.get("ctrname")
    if isinstance(registry, str) and registry in _CTRDATA:
        return _unread(f"{_CTRDATA[registry]} as the ctrdata package stores it")
    if "required_header" in value and "id_info" in value:
        return _unread(_CTRDATA["CTGOV"])
    if "ctNumber" in value and "ctStatus" in value:
        return _unread(_CTRDATA["CTIS"])
    if isinstance(value.get("drksId"), str):
        return _unread("a DRKS (German Clinical Trials Register) record")
    return None


def xml_format(root: Any) -> str | None:
    """The message for an XML root element of a known registry format lintrials does not read."""
    if root.tag == "Trials_downloaded_from_ICTRP":
        return _unread("a WHO ICTRP search export")
    if root.tag == "trials" and root.find("*/main/trial_id") is not None:
        return _unread("a WHO trial registration data set (TRDS) file")
    return None
