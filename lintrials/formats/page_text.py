"""Study pages saved as text, as in the project's seed files.

A page starts with the title and ``NCT ID: NCT…``, then has sections under fixed headings
("Basic Information", "Eligibility Criteria", "Locations", "Facility Contacts", …), each heading
followed by a one-line blurb and then the section's lines. Single values sit on the line after
their label ("Recruitment Status" / "NOT_YET_RECRUITING"); some labels carry their value on the
same line ("Group Type EXPERIMENTAL", "Role: primary", "Site Status RECRUITING"). Locations are
groups of facility, "City, State, Country" and "Site Status"; facility contacts are listed in
site order without naming their site, so they are tied to sites only when there is exactly one
per site.

The page has no machine address, so findings carry no pointer; positions are exact.

This module detects a page and reads it; `page_text_grammar` holds the page's grammar,
`page_text_record` maps its sections into the `Record` model and `page_text_locator` finds a
field's place in the text.
"""

from __future__ import annotations

import re

from lintrials.formats import FileProblem, ParsedRecord, ParseResult, too_long
from lintrials.formats.page_text_locator import PageLocator
from lintrials.formats.page_text_record import PageReader
from lintrials.source import Source

NAME = "page-text"

_NCT_LINE = re.compile(r"^NCT ID: (NCT\S*)\s*$", re.MULTILINE)


def sniff(path: str, text: str) -> bool:
    return bool(_NCT_LINE.search(text[:4000]))


def parse(source: Source) -> ParseResult:
    page = PageReader(source.text)
    for offset, length, limit in page.too_long:
        yield FileProblem("schema", too_long(length, limit), offset)
    for offset, message in page.unreadable:
        yield FileProblem("schema", message, offset)
    yield ParsedRecord(page.record, PageLocator(source, page.spans, page.blocks), 0)
