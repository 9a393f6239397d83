"""A study page's sections mapped into the `Record` model.

`PageReader` reads each section the model has fields for (labels and their values, text
blocks, sites, contacts, arms and interventions) and keeps where each value is in the page
(``spans``) and the lines of each site and contact (``blocks``), for the locator.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from lintrials.formats import LONG_TEXT_FIELDS, MAX_SHORT_CHARS, MAX_TEXT_CHARS
from lintrials.formats import page_text_parties as parties
from lintrials.formats.fields import enum_value
from lintrials.formats.page_text_grammar import (
    Line,
    contact_blocks,
    is_intervention_description,
    page_lines,
    split_sections,
)
from lintrials.model import ALL_SECTIONS, Arm, Contact, DateField, Intervention, Location, Record

_BASIC = {
    "Recruitment Status": "overall_status",
    "Clinical Phase": "phases",
    "Total Enrollment": "enrollment_count",
    "Study Classification": "study_type",
    "Study Start Date": "start_date",
    "Primary Completion Date": "primary_completion_date",
    "Study Completion Date": "completion_date",
    "Why Stopped": "why_stopped",
}
_DESIGN = {
    "Allocation Method": "allocation",
    "Intervention Model": "intervention_model",
    "Primary Study Purpose": "primary_purpose",
    "Blinding Strategy": "masking",
    "Observational Model": "",
    "Time Perspective": "",
}
_ELIGIBILITY = {
    "Minimum Eligible Age": "eligibility.minimum_age",
    "Maximum Eligible Age": "eligibility.maximum_age",
    "Eligible Sex": "eligibility.sex",
    "Accepts Healthy Volunteers": "eligibility.healthy_volunteers",
    "Standard Age Groups": "eligibility.std_ages",
}
_LABELS = frozenset(_BASIC) | frozenset(_DESIGN) | frozenset(_ELIGIBILITY)
_MASKED_ROLES = (
    ("Participants", "PARTICIPANT"),
    ("Caregivers", "CARE_PROVIDER"),
    ("Investigators", "INVESTIGATOR"),
    ("Outcome Assessors", "OUTCOMES_ASSESSOR"),
)
_SECTION_FIELDS = {
    "Eligibility Criteria": "eligibility",
    "Locations": "locations",
    "Central Contacts": "central_contacts",
    "Study Groups": "arms",
    "Interventions": "interventions",
    "Conditions": "conditions",
    "Brief Summary": "brief_summary",
    "Detailed Description": "detailed_description",
    "Keywords": "keywords",
    "Responsible Party": "responsible_party",
    "Principal Investigators": "overall_officials",
    "Other Identifiers": "secondary_ids",
    "Secondary IDs": "secondary_ids",
}
# A page holds every module but these, which it never shows: a value it lacks is not there.
PAGE_SECTIONS = ALL_SECTIONS - {"oversightModule", "ipdSharingStatementModule"}


class PageReader:
    """A page's `Record`, with the span of each field's value and of each site and contact."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.record = Record(sections=set(PAGE_SECTIONS), text_format="plain")
        self.spans: dict[str, tuple[int, int]] = {}
        self.blocks: dict[str, tuple[int, int]] = {}
        self.too_long: list[tuple[int, int, int]] = []  # (offset, length, limit) of values cut
        self.unreadable: list[tuple[int, str]] = []  # (offset, message) of parts not read
        sections, headings, repeated = split_sections(page_lines(text))
        self._headings = {line.text: line for line in headings}
        for section, line in repeated:
            real = self._headings[line.text]
            self.unreadable.append((line.start, (
                f"line {line.number + 1} is the {line.text} heading again, inside "
                f"{f'the {section} section' if section else 'the head of the page'}; the heading "
                f"is taken to be the one at line {real.number + 1}, and this line is read as "
                "part of the section it is in"
            )))
        for line in headings:
            self.spans[_SECTION_FIELDS.get(line.text, line.text)] = (line.start, line.end)
        self._header(sections.pop("", []))
        intervention_descriptions: dict[str, str] = {}
        handlers: dict[str, Callable[[list[Line]], object]] = {
            "Basic Information": self._basic,
            "Brief Summary": lambda ls: self._block("brief_summary", ls),
            "Detailed Description": lambda ls: self._block("detailed_description", ls),
            "Conditions": self._conditions,
            "Study Design": self._design,
            "Eligibility Criteria": self._eligibility,
            "Keywords": lambda ls: parties.keywords(self, ls),
            "Sponsors": lambda ls: parties.sponsors(self, ls),
            "Responsible Party": lambda ls: parties.responsible_party(self, ls),
            "Principal Investigators": lambda ls: parties.officials(self, ls),
            "Locations": self._locations,
            "Central Contacts": lambda ls: self._contacts("central_contacts", ls),
            "Other Identifiers": self._identifiers,
            "Secondary IDs": lambda ls: parties.secondary_ids(self, ls),
        }
        for heading, body in sections.items():
            if heading in handlers:
                handlers[heading](body)
        if "Interventions" in sections:
            intervention_descriptions = self._interventions(sections["Interventions"])
        if "Study Groups" in sections:
            self._arms(sections["Study Groups"], intervention_descriptions)
        if "Facility Contacts" in sections:
            self._facility_contacts(sections["Facility Contacts"])

    def _set(self, field: str, line: Line, start: int = 0, end: int | None = None) -> str:
        """Record where a field's value is, and return the value."""
        stop = line.end if end is None else line.start + end
        self.spans[field] = (line.start + start, stop)
        return self._value(line.start + start, stop, MAX_SHORT_CHARS)

    def _value(self, start: int, stop: int, limit: int) -> str:
        if stop - start > limit:
            self.too_long.append((start, stop - start, limit))
            stop = start + limit
        return self.text[start:stop]

    def _header(self, lines: list[Line]) -> None:
        if lines:
            self.record.brief_title = self._set("brief_title", lines[0])
        for line in lines:
            if line.text.startswith("NCT ID:"):
                self.record.nct_id = self._set("nct_id", line, len("NCT ID:") + 1)
            elif line.text.startswith("Last Updated:"):
                self.record.last_update_posted_date = self._set(
                    "last_update_posted_date", line, len("Last Updated:") + 1
                )

    def _labelled(self, lines: list[Line], labels: dict[str, str]) -> dict[str, Line]:
        """Label -> value line, for labels whose value is the next line."""
        values: dict[str, Line] = {}
        for i, line in enumerate(lines):
            if line.text in labels and i + 1 < len(lines):
                following = lines[i + 1]
                if following.text not in _LABELS:
                    values[line.text] = following
        return values

    def _basic(self, lines: list[Line]) -> None:
        r = self.record
        for label, line in self._labelled(lines, _BASIC).items():
            field = _BASIC[label]
            if field == "phases":
                self._set("phases", line)
                r.phases = []
                for m in re.finditer(r"[^/,\s]+", line.text):
                    self.spans[f"phases[{len(r.phases)}]"] = (
                        line.start + m.start(),
                        line.start + m.end(),
                    )
                    r.phases.append(m.group())
            elif field == "enrollment_count":
                digits = re.match(r"[0-9]{1,18}(?![0-9])", line.text)
                if digits:
                    r.enrollment_count = int(self._set(field, line, 0, digits.end()))
            elif field.endswith("_date"):
                value = self._set(field, line)
                self.spans[f"{field}.date"] = self.spans[field]
                setattr(r, field, DateField(value))
            elif field == "overall_status":
                r.overall_status = enum_value(self._set(field, line))
            else:
                setattr(r, field, self._set(field, line))

    def _block(self, field: str, lines: list[Line]) -> str:
        if not lines:
            setattr(self.record, field, "")
            return ""
        self.spans[field] = (lines[0].start, lines[-1].end)
        limit = MAX_TEXT_CHARS if field in LONG_TEXT_FIELDS else MAX_SHORT_CHARS
        value = self._value(lines[0].start, lines[-1].end, limit)
        if "." not in field:
            setattr(self.record, field, value)
        return value

    def _conditions(self, lines: list[Line]) -> None:
        for i, line in enumerate(lines):
            self.record.conditions.append(self._set(f"conditions[{i}]", line))

    def _design(self, lines: list[Line]) -> None:
        values = self._labelled(lines, _DESIGN)
        for label, line in values.items():
            if _DESIGN[label]:
                value = self._set(_DESIGN[label], line)
                coded = label in ("Allocation Method", "Primary Study Purpose")
                setattr(self.record, _DESIGN[label], enum_value(value) if coded else value)
        masking = values.get("Blinding Strategy")
        if masking is not None:
            index = lines.index(masking)
            if index + 1 < len(lines) and lines[index + 1].text not in _LABELS:
                roles_line = lines[index + 1]
                roles = [code for words, code in _MASKED_ROLES if words in roles_line.text]
                if roles:
                    self._set("who_masked", roles_line)
                    self.record.who_masked = roles

    def _eligibility(self, lines: list[Line]) -> None:
        labels = [i for i, line in enumerate(lines) if line.text in _ELIGIBILITY]
        criteria = lines[: labels[0]] if labels else lines
        self.record.eligibility.criteria = self._block("eligibility.criteria", criteria) or None
        e = self.record.eligibility
        for label, line in self._labelled(lines, _ELIGIBILITY).items():
            field = _ELIGIBILITY[label]
            value = self._set(field, line)
            attribute = field.split(".")[1]
            if attribute == "healthy_volunteers":
                e.healthy_volunteers = {"yes": True, "no": False}.get(value.lower())
            elif attribute == "std_ages":
                e.std_ages = [v.strip().upper().replace(" ", "_") for v in value.split(",")]
            else:
                setattr(e, attribute, value)

    def _locations(self, lines: list[Line]) -> None:
        """Sites: a facility line, a "City, State, Country" line and a "Site Status" line each.
        Lines that make no site (a block that lost its "Site Status", lines after the last) are
        reported and skipped; the sites around them are still read."""
        block: list[Line] = []
        for line in lines:
            if line.text != "Site Status" and not line.text.startswith("Site Status "):
                block.append(line)
                continue
            if len(block) > 2:
                self._unreadable("Locations", block[:-2], "a site")
                block = block[-2:]
            i = len(self.record.locations)
            here = f"locations[{i}]"
            loc = Location()
            if block:
                loc.facility = self._set(f"{here}.facility", block[0])
                self.spans[here] = self.spans[f"{here}.facility"]
            if len(block) > 1:
                self._address(loc, here, block[-1])
            self.blocks[here] = ((block[0] if block else line).start, line.end)
            status = line.text[len("Site Status") :].strip()
            if status:
                loc.status = enum_value(
                    self._set(f"{here}.status", line, len(line.text) - len(status)))
            self.record.locations.append(loc)
            block = []
        if block:
            self._unreadable("Locations", block, "a site")

    def _unreadable(self, section: str, lines: list[Line], what: str) -> None:
        heading = self._headings[section]
        where = (
            f"line {lines[0].number + 1}" if len(lines) == 1
            else f"lines {lines[0].number + 1}-{lines[-1].number + 1}"
        )
        self.unreadable.append((lines[0].start, (
            f"the {section} section (line {heading.number + 1}): {where} cannot be read as "
            f"{what} and {'is' if len(lines) == 1 else 'are'} left out; the rest of the section "
            "is read"
        )))

    def _address(self, loc: Location, here: str, line: Line) -> None:
        parts = []
        for m in re.finditer(r"[^,]+", line.text):
            value = m.group().strip()
            if value:
                parts.append((m.start() + len(m.group()) - len(m.group().lstrip()), value))
        if not parts:
            return

        def put(attribute: str, part: tuple[int, str]) -> None:
            start, value = part
            setattr(
                loc, attribute, self._set(f"{here}.{attribute}", line, start, start + len(value))
            )

        put("country", parts[-1])
        middle = parts[:-1]
        if middle:
            put("city", middle[0])
        rest = middle[1:]
        zips = [p for p in rest if any(ch.isdigit() for ch in p[1])]
        if zips:
            put("zip", zips[-1])
            rest = [p for p in rest if p is not zips[-1]]
        if rest:
            put("state", rest[0])

    def _contact(self, here: str, name: Line, role: Line, details: list[Line]) -> Contact:
        contact = Contact(name=self._set(f"{here}.name", name))
        self.spans[here] = self.spans[f"{here}.name"]
        self.blocks[here] = (name.start, (details[-1] if details else role).end)
        role_value = role.text[len("Role:") :].strip()
        if role_value:
            contact.role = self._set(f"{here}.role", role, len(role.text) - len(role_value)).upper()
        for line in details:
            if "@" in line.text and contact.email is None:
                contact.email = self._set(f"{here}.email", line)
            elif contact.phone is None:
                contact.phone = self._set(f"{here}.phone", line)
        return contact

    def _contacts(self, field: str, lines: list[Line]) -> None:
        contacts = getattr(self.record, field)
        for name, role, details in contact_blocks(lines):
            contacts.append(self._contact(f"{field}[{len(contacts)}]", name, role, details))

    def _facility_contacts(self, lines: list[Line]) -> None:
        blocks = contact_blocks(lines)
        locations = self.record.locations
        if len(blocks) == len(locations):
            for i, (name, role, details) in enumerate(blocks):
                locations[i].contacts.append(
                    self._contact(f"locations[{i}].contacts[0]", name, role, details)
                )
        else:
            self._contacts("unplaced_contacts", lines)

    def _identifiers(self, lines: list[Line]) -> None:
        parties.secondary_ids(self, lines)
        for i, line in enumerate(lines):
            if line.text == "Identifier Source: org_study_id":
                ident = next(
                    (x for x in reversed(lines[:i]) if not x.text.startswith("Identifier")), None
                )
                if ident is not None:
                    self.record.org_study_id = self._set("org_study_id", ident)

    def _interventions(self, lines: list[Line]) -> dict[str, str]:
        descriptions: dict[str, str] = {}
        block: list[Line] = []
        for line in lines:
            if not line.text.startswith("Intervention Type "):
                block.append(line)
                continue
            i = len(self.record.interventions)
            item = Intervention(
                type=self._set(f"interventions[{i}].type", line, len("Intervention Type "))
            )
            if block:
                item.name = self._set(f"interventions[{i}].name", block[0])
                self.spans[f"interventions[{i}]"] = self.spans[f"interventions[{i}].name"]
            if len(block) > 1:
                item.description = self._block(f"interventions[{i}].description", block[1:])
                descriptions[item.name or ""] = item.description
            self.record.interventions.append(item)
            block = []
        return descriptions

    def _arms(self, lines: list[Line], descriptions: dict[str, str]) -> None:
        """Arms, each: label, optional description, "Group Type X", then its interventions
        (name, "Intervention Type X", optional description)."""
        group_lines = [i for i, line in enumerate(lines) if line.text.startswith("Group Type")]
        i = 0
        for g in group_lines:
            if g < i:
                continue
            k = len(self.record.arms)
            here = f"arms[{k}]"
            arm = Arm()
            header = lines[i:g]
            if header:
                arm.label = self._set(f"{here}.label", header[0])
                self.spans[here] = self.spans[f"{here}.label"]
                if len(header) > 1:
                    arm.description = self._block(f"{here}.description", header[1:])
            kind = lines[g].text[len("Group Type") :].strip()
            if kind:
                arm.type = self._set(f"{here}.type", lines[g], len(lines[g].text) - len(kind))
            i = g + 1
            while i + 1 < len(lines) and lines[i + 1].text.startswith("Intervention Type "):
                name = lines[i]
                self._set(f"{here}.intervention_names[{len(arm.intervention_names)}]", name)
                arm.intervention_names.append(name.text)
                i += 2
                if i < len(lines) and is_intervention_description(
                    lines, i, group_lines, descriptions.get(name.text)
                ):
                    i += 1
            self.record.arms.append(arm)
