"""The sections of a study page that name the parties to a study and its other identifiers,
mapped into the `Record` model: sponsors and collaborators, the responsible party, the
principal investigators (the overall officials), keywords and secondary IDs.

Each function reads one section's lines into the record held by a `PageReader`, keeping the
span of each value (through the reader's ``_set``) for the locator.
"""

from __future__ import annotations

import re
from typing import Protocol

from lintrials.formats.fields import enum_value
from lintrials.formats.page_text_grammar import Line, contact_blocks
from lintrials.model import Official, Record, ResponsibleParty, SecondaryId, Sponsor

# An agency class as the page writes it: the API's code ("INDUSTRY", "OTHER_GOV").
_CLASS = re.compile(r"[A-Z][A-Z_]*")
_TYPE = "Identifier Type:"
_SOURCE = "Identifier Source:"


class Reader(Protocol):
    record: Record
    spans: dict[str, tuple[int, int]]

    def _set(self, field: str, line: Line, start: int = 0, end: int | None = None) -> str: ...


def _after(reader: Reader, field: str, line: Line, label: str) -> str | None:
    """The value after ``label`` on ``line`` (spanned as ``field``), None if there is none."""
    value = line.text[len(label):].strip()
    if not value:
        return None
    return reader._set(field, line, len(line.text) - len(value))


def sponsors(reader: Reader, lines: list[Line]) -> None:
    """Sponsors, each: its name, its agency class, then "Sponsor Role lead" (the lead sponsor)
    or another role (a collaborator)."""
    r = reader.record
    block: list[Line] = []
    for line in lines:
        if not line.text.startswith("Sponsor Role"):
            block.append(line)
            continue
        lead = line.text.split()[-1].lower() == "lead"
        if block:
            here = "lead_sponsor" if lead else f"collaborators[{len(r.collaborators)}]"
            name = reader._set(here if lead else f"{here}.name", block[0])
            kind = block[1] if len(block) > 1 and _CLASS.fullmatch(block[1].text) else None
            if lead:
                r.lead_sponsor = name
                if kind is not None:
                    r.lead_sponsor_class = reader._set("lead_sponsor_class", kind)
            else:
                reader.spans[here] = reader.spans[f"{here}.name"]
                agency = reader._set(f"{here}.agency_class", kind) if kind else None
                r.collaborators.append(Sponsor(name, agency))
        block = []


def responsible_party(reader: Reader, lines: list[Line]) -> None:
    for line in lines:
        if line.text.startswith("Responsibility Role"):
            party = reader.record.responsible_party = ResponsibleParty()
            party.type = _after(reader, "responsible_party.type", line, "Responsibility Role")
            return


def officials(reader: Reader, lines: list[Line]) -> None:
    """Principal investigators: a name line, a "Role:" line and the affiliation."""
    found = reader.record.overall_officials
    for name, role, details in contact_blocks(lines):
        here = f"overall_officials[{len(found)}]"
        official = Official(name=reader._set(f"{here}.name", name))
        reader.spans[here] = reader.spans[f"{here}.name"]
        official.role = enum_value(_after(reader, f"{here}.role", role, "Role:"))
        if details:
            official.affiliation = reader._set(f"{here}.affiliation", details[0])
        found.append(official)


def keywords(reader: Reader, lines: list[Line]) -> None:
    for line in lines:
        field = f"keywords[{len(reader.record.keywords)}]"
        reader.record.keywords.append(reader._set(field, line))


def secondary_ids(reader: Reader, lines: list[Line]) -> None:
    """Identifiers other than the sponsor's own: each an ID line followed by "Identifier"
    lines (its type, "-" for none, and its source: ``org_study_id`` is the sponsor's ID)."""
    found = reader.record.secondary_ids
    i = 0
    while i < len(lines):
        if lines[i].text.startswith("Identifier"):
            i += 1
            continue
        ident = lines[i]
        details = []
        i += 1
        while i < len(lines) and lines[i].text.startswith("Identifier"):
            details.append(lines[i])
            i += 1
        if not details:
            continue  # a line of the blurb or of an ID given on two lines: not an identifier
        source = next((d.text[len(_SOURCE):].strip() for d in details
                       if d.text.startswith(_SOURCE)), None)
        if source == "org_study_id":
            continue
        here = f"secondary_ids[{len(found)}]"
        item = SecondaryId(id=reader._set(f"{here}.id", ident))
        reader.spans[here] = reader.spans[f"{here}.id"]
        for detail in details:
            if detail.text.startswith(_TYPE) and detail.text[len(_TYPE):].strip() != "-":
                item.type = enum_value(_after(reader, f"{here}.type", detail, _TYPE))
        found.append(item)
