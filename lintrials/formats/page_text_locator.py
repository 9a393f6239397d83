"""Where a field sits in a study page saved as text, and fix edits on it.

The page has no machine address, so `PageLocator` gives positions only, from the spans that
`PageReader` kept; an absent field is placed at what holds it.
"""

from __future__ import annotations

import re

from lintrials.findings import Edit, Fix, Position
from lintrials.formats import edit
from lintrials.source import Source


class PageLocator:
    def __init__(
        self,
        source: Source,
        spans: dict[str, tuple[int, int]],
        blocks: dict[str, tuple[int, int]],
    ) -> None:
        self.source = source
        self.spans = spans
        self.blocks = blocks  # the lines of each site and site contact, for removing them

    def locate(
        self, field: str | None, span: tuple[int, int] | None
    ) -> tuple[Position, str | None]:
        key = field or ""
        while key and key not in self.spans:  # an absent field: point at what holds it
            parent = re.sub(r"(\.[a-z_]+|\[\d+\])$", "", key)
            key = "" if parent == key else parent
            span = None
        start, end = self.spans.get(key, (0, 0))
        if span is not None:
            start, end = start + span[0], start + span[1]
        return self.source.position(start, end), None

    def fix_edits(self, fix: Fix, field: str) -> list[Edit]:
        if fix.remove:
            # A site goes with the contact the page lists for it, or the contacts would shift.
            parts = [field, f"{field}.contacts[0]"] if field.startswith("locations[") else [field]
            return [edit(self.source, *self._with_blank_lines(self.blocks[p]), "")
                    for p in parts if p in self.blocks]
        if field not in self.spans:
            return []
        start, end = self.spans[field]
        if fix.span is not None:
            start, end = start + fix.span[0], start + fix.span[1]
        return [edit(self.source, start, end, fix.replacement)]

    def _with_blank_lines(self, block: tuple[int, int]) -> tuple[int, int]:
        """The block from its first line to the start of the next non-blank line."""
        text = self.source.text
        start, end = block
        following = len(text) - len(text[end:].lstrip())
        return start, text.rfind("\n", 0, following) + 1 if following < len(text) else len(text)
