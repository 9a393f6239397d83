"""The grammar of a study page saved as text: its lines, its sections and its repeated blocks.

A page is lines; a section is a heading (one of `HEADINGS`, alone between blank lines, the last
such line when there are several), a blurb line, and the section's lines; a contact is a name
line, a "Role:" line and detail lines; an arm's interventions are a name line and an
"Intervention Type" line, with or without a description line. Nothing here knows the `Record`
model: `page_text_record` maps these parts into it.
"""

from __future__ import annotations

from dataclasses import dataclass

HEADINGS = frozenset(
    {
        "Study Results",
        "Basic Information",
        "Brief Summary",
        "Detailed Description",
        "Conditions",
        "Keywords",
        "Study Design",
        "Study Groups",
        "Interventions",
        "Outcome Measures",
        "Eligibility Criteria",
        "Sponsors",
        "Collaborators",
        "Responsible Party",
        "Principal Investigators",
        "Locations",
        "Countries",
        "Central Contacts",
        "Facility Contacts",
        "References",
        "Other Identifiers",
        "Secondary IDs",
        "More Related Trials",
        "Study Documents",
    }
)


@dataclass(slots=True)  # one per line of the page: a large file has millions
class Line:
    number: int  # 0-based
    text: str  # without surrounding white space
    start: int  # offset of ``text`` in the file

    @property
    def end(self) -> int:
        return self.start + len(self.text)


def page_lines(text: str) -> list[Line]:
    lines = []
    offset = 0
    for number, raw in enumerate(text.split("\n")):
        stripped = raw.strip()
        lead = len(raw) - len(raw.lstrip())
        lines.append(Line(number, stripped, offset + lead))
        offset += len(raw) + 1
    return lines


def split_sections(
    lines: list[Line],
) -> tuple[dict[str, list[Line]], list[Line], list[tuple[str, Line]]]:
    """Non-blank lines by section (the page's head under ""), the line of each heading, and
    (section, line) of each line that looks like a later heading; the blurb under each heading
    is dropped."""
    sections: dict[str, list[Line]] = {"": []}
    headings: list[Line] = []
    current = ""
    skip_blurb = False
    # A heading's text alone between blank lines twice: the last is the heading, the first is
    # a line of the section before (a site named "Facility Contacts").
    alone = [
        i for i, line in enumerate(lines)
        if line.text in HEADINGS
        and (i == 0 or not lines[i - 1].text)
        and (i + 1 >= len(lines) or not lines[i + 1].text)
    ]
    last = {lines[i].text: i for i in alone}
    earlier = set(alone) - set(last.values())
    repeated: list[tuple[str, Line]] = []
    for i, line in enumerate(lines):
        if i in earlier and not skip_blurb:
            repeated.append((current, line))
        if last.get(line.text) == i:
            current = line.text
            sections[current] = []
            headings.append(line)
            skip_blurb = True
            continue
        if not line.text:
            continue
        if skip_blurb:
            skip_blurb = False
            continue
        sections[current].append(line)
    return sections, headings, repeated


def contact_blocks(lines: list[Line]) -> list[tuple[Line, Line, list[Line]]]:
    """(name line, role line, detail lines) for each contact, anchored on "Role:" lines."""
    anchors = [i for i, line in enumerate(lines) if line.text.startswith("Role:")]
    blocks = []
    for k, i in enumerate(anchors):
        if i == 0:
            continue
        stop = anchors[k + 1] - 1 if k + 1 < len(anchors) else len(lines)
        blocks.append((lines[i - 1], lines[i], lines[i + 1 : stop]))
    return blocks


def is_intervention_description(
    lines: list[Line], i: int, group_lines: list[int], known: str | None
) -> bool:
    if i + 1 < len(lines) and lines[i + 1].text.startswith("Intervention Type "):
        return False  # lines[i] names the next intervention
    following = [g for g in group_lines if g > i]
    if not following:
        return True
    left = following[0] - i  # lines before the next arm's "Group Type"
    if left == 1:
        return False  # lines[i] is the next arm's label
    if left == 2:  # [description, label] or [label, arm description]
        return known is not None and lines[i].text == known
    return True
