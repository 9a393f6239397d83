"""Legacy ClinicalTrials.gov XML (``<clinical_study>``, the AllPublicXML / ``displayxml`` format).

Parsed with lxml configured so that a hostile file cannot reach outside itself: no DTD loading,
no network, and only entities the file itself defines are expanded (an external entity, such as
``<!ENTITY x SYSTEM "file:///etc/passwd">``, is never read: the file is reported instead). libxml2
refuses entity expansion past a fixed amplification factor (the "billion laughs"), nesting past
256 levels, and text nodes over 10 MB; each is reported as a syntax finding.

Values are normalised to the API v2 spelling ("Not yet recruiting" -> ``NOT_YET_RECRUITING``,
"Phase 1/Phase 2" -> ``PHASE1``, ``PHASE2``, "March 2000" -> ``2000-03``). Addresses are XPaths
such as ``/clinical_study/location[4]/facility/name``.

This module detects and parses such a file (and reports what lxml refuses or what is cut);
`ctgov_xml_record` maps the tree into the `Record` model and `ctgov_xml_locator` finds a
field's place in the text.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from lxml import etree

from lintrials.formats import FileProblem, ParsedRecord, ParseResult, too_long
from lintrials.formats.ctgov_xml_locator import XmlLocator
from lintrials.formats.ctgov_xml_record import read_record, text_limit
from lintrials.formats.unread import xml_format
from lintrials.source import Source

NAME = "ctgov-xml"


def sniff(path: str, text: str) -> bool:
    head = text.lstrip("\ufeff \t\n")[:200].lower()
    return head.startswith("<") and "<html" not in head and "<!doctype html" not in head


_DECLARED_ENCODING = re.compile(r"^(<\?xml[^>]*?)\s+encoding\s*=\s*[\"'][^\"']*[\"']")

_EXTERNAL_ENTITY = re.compile(r"<!ENTITY\s+(?:%\s*)?[^\s>]+\s+(?:SYSTEM|PUBLIC)\b")


# lxml 5 expands the entities a file defines itself and never loads an external one; lxml 4
# knows no such setting, and True there would read local files: it expands none.
def _parser() -> etree.XMLParser:
    from lxml import etree

    # Internal entities only (lxml 5 knows "internal"; before it, none at all).
    resolve: Any = "internal" if etree.LXML_VERSION >= (5, 0) else False
    return etree.XMLParser(
        resolve_entities=resolve,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
        remove_blank_text=False,
    )


def parse(source: Source) -> ParseResult:
    from lxml import etree  # here: a run without XML files does not pay for importing lxml

    # The text is already decoded; drop the declaration's encoding so lxml takes it as is.
    text = _DECLARED_ENCODING.sub(r"\1", source.text, count=1)
    try:
        root: Any = etree.fromstring(text, _parser())
    except etree.XMLSyntaxError as error:
        line, column = error.lineno or 1, error.offset or 1
        message = f"not well-formed XML: {error.msg}"
        if _EXTERNAL_ENTITY.search(text, 0, 100_000):
            message += " (the file declares an external entity: lintrials never reads one)"
        yield FileProblem("syntax", message, source.offset(line, column))
        return
    except (ValueError, etree.LxmlError) as error:  # what lxml refuses before parsing
        yield FileProblem("syntax", f"not readable as XML: {error}", 0)
        return
    if root.tag != "clinical_study":
        other = xml_format(root)
        if other:
            where = source.offset(root.sourceline or 1, 1)
            yield FileProblem("format", other, where, f"/{root.tag}")
            return
        yield FileProblem(
            "schema",
            f"not a ClinicalTrials.gov record: the root element is <{root.tag}>, "
            "not <clinical_study>",
            source.offset(root.sourceline or 1, 1),
            f"/{root.tag}",
        )
        return
    record = read_record(root)
    for element in root.iter(etree.Entity):  # an entity the file uses but does not define
        yield FileProblem(
            "schema",
            f"the entity {element.text} is not defined in the file and is not expanded; "
            "the value that holds it is cut short",
            source.offset(element.sourceline or 1, 1),
        )
    for element in root.iter():
        if isinstance(element.tag, str) and element.text:
            limit = text_limit(element.tag)
            if len(element.text) > limit:
                line = element.sourceline or 1
                yield FileProblem(
                    "schema", too_long(len(element.text), limit), source.offset(line, 1)
                )
    yield ParsedRecord(record, XmlLocator(source, root), 0)
