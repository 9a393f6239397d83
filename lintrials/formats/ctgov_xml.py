"""Legacy ClinicalTrials.gov XML (``<clinical_study>``, the AllPublicXML / ``displayxml`` format).

Parsed with lxml configured so that a hostile file cannot reach outside itself: no DTD loading,
no network, and only entities the file itself defines are expanded (an external entity, such as
``<!ENTITY x SYSTEM "file:///etc/passwd">``, is never read: the file is reported instead). libxml2
refuses entity expansion past a fixed amplification factor (the "billion laughs"), nesting past
256 levels, and text nodes over 10 MB; each is reported as a syntax finding.

Values are normalised to the API v2 spelling ("Not yet recruiting" -> ``NOT_YET_RECRUITING``,
"Phase 1/Phase 2" -> ``PHASE1``, ``PHASE2``, "March 2000" -> ``2000-03``). Addresses are XPaths
such as ``/clinical_study/location[4]/facility/name``.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from lxml import etree

from lintrials.findings import Edit, Fix, Position
from lintrials.formats import (
    MAX_SHORT_CHARS,
    MAX_TEXT_CHARS,
    FileProblem,
    ParsedRecord,
    ParseResult,
    edit,
    split_field,
    too_long,
)
from lintrials.model import (
    ALL_SECTIONS,
    Arm,
    Contact,
    DateField,
    Eligibility,
    Intervention,
    Location,
    Record,
)
from lintrials.source import Source

NAME = "ctgov-xml"

_DATE = {"date": "", "type": ""}  # the element holds the date; its type is an attribute
_CONTACT = {"name": "last_name", "phone": "phone", "phone_ext": "phone_ext", "email": "email"}
# Model field -> element path below <clinical_study>. A tuple is a repeated element: its
# element name(s) and the table inside. Two names mean "first, then backup" (contact lists).
_TABLE: dict[str, Any] = {
    "nct_id": "id_info/nct_id",
    "org_study_id": "id_info/org_study_id",
    "brief_title": "brief_title",
    "official_title": "official_title",
    "acronym": "acronym",
    "brief_summary": "brief_summary/textblock",
    "detailed_description": "detailed_description/textblock",
    "conditions": ("condition", {}),
    "overall_status": "overall_status",
    "why_stopped": "why_stopped",
    "status_verified_date": "verification_date",
    "start_date": ("start_date", _DATE),
    "primary_completion_date": ("primary_completion_date", _DATE),
    "completion_date": ("completion_date", _DATE),
    "first_submitted_date": "study_first_submitted",
    "last_update_submitted_date": "last_update_submitted",
    "last_update_posted_date": "last_update_posted",
    "study_type": "study_type",
    "phases": "phase",
    "allocation": "study_design_info/allocation",
    "intervention_model": "study_design_info/intervention_model",
    "primary_purpose": "study_design_info/primary_purpose",
    "masking": "study_design_info/masking",
    "who_masked": "study_design_info/masking",
    "enrollment_count": "enrollment",
    "enrollment_type": "enrollment",
    "arms": (
        "arm_group",
        {
            "label": "arm_group_label",
            "type": "arm_group_type",
            "description": "description",
            "intervention_names": "",
        },
    ),
    "interventions": (
        "intervention",
        {
            "type": "intervention_type",
            "name": "intervention_name",
            "description": "description",
            "arm_group_labels": ("arm_group_label", {}),
        },
    ),
    "eligibility": (
        "eligibility",
        {
            "criteria": "criteria/textblock",
            "sex": "gender",
            "minimum_age": "minimum_age",
            "maximum_age": "maximum_age",
            "healthy_volunteers": "healthy_volunteers",
        },
    ),
    "lead_sponsor": "sponsors/lead_sponsor/agency",
    "central_contacts": (("overall_contact", "overall_contact_backup"), _CONTACT),
    "locations": (
        "location",
        {
            "facility": "facility/name",
            "status": "status",
            "city": "facility/address/city",
            "state": "facility/address/state",
            "zip": "facility/address/zip",
            "country": "facility/address/country",
            "contacts": (("contact", "contact_backup"), _CONTACT),
        },
    ),
}


def xpath_for(field: str) -> str:
    table: dict[str, Any] = _TABLE
    path = "/clinical_study"
    for name, index in split_field(field):
        spec = table.get(name)
        if spec is None:
            raise KeyError(field)
        if isinstance(spec, tuple):
            element, table = spec
            if isinstance(element, tuple):  # first and backup: index picks the element name
                path += "/" + element[min(index or 0, len(element) - 1)]
                continue
            path += "/" + element + (f"[{index + 1}]" if index is not None else "")
        else:
            table = {}
            if spec:
                path += "/" + spec
    return path


def sniff(path: str, text: str) -> bool:
    head = text.lstrip("\ufeff \t\n")[:200].lower()
    return head.startswith("<") and "<html" not in head and "<!doctype html" not in head


_DECLARED_ENCODING = re.compile(r"^(<\?xml[^>]*?)\s+encoding\s*=\s*[\"'][^\"']*[\"']")


# lxml 5 expands the entities a file defines itself and never loads an external one; lxml 4
# knows no such setting, and True there would read local files: it expands none.
def xml_escape(text: str) -> str:
    """``&``, ``<`` and ``>`` as entities (what xml.sax.saxutils.escape does, without importing
    it: it pulls in urllib and http, a tenth of lintrials' start-up)."""
    return text.replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;")


_EXTERNAL_ENTITY = re.compile(r"<!ENTITY\s+(?:%\s*)?[^\s>]+\s+(?:SYSTEM|PUBLIC)\b")


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
        yield FileProblem("syntax", message, _offset(source, line, column))
        return
    except (ValueError, etree.LxmlError) as error:  # what lxml refuses before parsing
        yield FileProblem("syntax", f"not readable as XML: {error}", 0)
        return
    if root.tag != "clinical_study":
        yield FileProblem(
            "schema",
            f"not a ClinicalTrials.gov record: the root element is <{root.tag}>, "
            "not <clinical_study>",
            _offset(source, root.sourceline or 1, 1),
            f"/{root.tag}",
        )
        return
    record = _record(root)
    for element in root.iter(etree.Entity):  # an entity the file uses but does not define
        yield FileProblem(
            "schema",
            f"the entity {element.text} is not defined in the file and is not expanded; "
            "the value that holds it is cut short",
            _offset(source, element.sourceline or 1, 1),
        )
    for element in root.iter():
        if isinstance(element.tag, str) and element.text:
            limit = _limit(element.tag)
            if len(element.text) > limit:
                line = element.sourceline or 1
                yield FileProblem("schema", too_long(len(element.text), limit), _offset(
                    source, line, 1))
    yield ParsedRecord(record, XmlLocator(source, root), 0)


def _offset(source: Source, line: int, column: int) -> int:
    return source.offset(line, column)


class XmlLocator:
    def __init__(self, source: Source, root: Any) -> None:
        self.source = source
        self.root = root

    def locate(
        self, field: str | None, span: tuple[int, int] | None
    ) -> tuple[Position, str | None]:
        xpath = xpath_for(field) if field else "/clinical_study"
        steps = xpath.split("/")
        element = None
        for keep in range(len(steps), 1, -1):  # the deepest element of the path that exists
            found = self.root.xpath("/".join(steps[:keep]))
            if found:
                element = found[0]
                if keep < len(steps):
                    span = None
                break
        if element is None:
            element = self.root
        start, end = self._text_span(element, span)
        return self.source.position(start, end), xpath

    def _tags(self, element: Any) -> tuple[int, int, int] | None:
        """Offsets of the element's start tag, its content, and its end tag; None if empty."""
        text = self.source.text
        line_start = _offset(self.source, element.sourceline or 1, 1)
        tag_start = text.find("<" + element.tag, line_start)
        tag_end = text.find(">", tag_start) if tag_start >= 0 else -1
        if tag_end < 0 or text[tag_end - 1] == "/":
            return None
        closing = text.find("</" + element.tag, tag_end + 1)
        return tag_start, tag_end + 1, closing if closing >= 0 else tag_end + 1

    def _text_span(self, element: Any, span: tuple[int, int] | None) -> tuple[int, int]:
        text = self.source.text
        tags = self._tags(element)
        if tags is None:
            line_start = _offset(self.source, element.sourceline or 1, 1)
            start = max(line_start, text.find("<", line_start))
            return start, max(start + 1, text.find(">", start) + 1)
        tag_start, content, closing = tags
        if span is None:
            value = element.text or ""
            if not value.strip():
                return tag_start, closing + len(element.tag) + 3
            lead = len(value) - len(value.lstrip())
            span = (lead, len(value.rstrip()))
        return _raw_span(text, content, closing, span)

    def fix_edits(self, fix: Fix, field: str) -> list[Edit]:
        found = self.root.xpath(xpath_for(field))
        tags = self._tags(found[0]) if found else None
        if tags is None:
            return []
        element = found[0]
        tag_start, content, closing = tags
        text = self.source.text
        if fix.remove:
            end = text.find(">", closing) + 1
            line_start = text.rfind("\n", 0, tag_start) + 1
            if not text[line_start:tag_start].strip():  # the element's own line(s) go too
                tag_start = max(0, line_start - 1)
            return [edit(self.source, tag_start, end, "")]
        if len(element):
            return []  # an element with children holds no text value to rewrite
        span = fix.span if fix.span is not None else (0, len(element.text or ""))
        start, end = _raw_span(text, content, closing, span)
        return [edit(self.source, start, end, xml_escape(fix.replacement))]


_REFERENCE = re.compile(r"&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z_][\w.-]*);")


def _raw_span(text: str, start: int, stop: int, span: tuple[int, int]) -> tuple[int, int]:
    """Map a span of an element's decoded text to raw offsets (entities and CDATA count)."""
    want_start, want_end = span
    raw, decoded = start, 0
    raw_start = raw_end = None
    while raw < stop:
        if decoded == want_start and raw_start is None:
            raw_start = raw
        if decoded == want_end:
            raw_end = raw
            break
        if text.startswith("<![CDATA[", raw):
            raw += 9
            continue
        if text.startswith("]]>", raw):
            raw += 3
            continue
        m = _REFERENCE.match(text, raw) if text[raw] == "&" else None
        raw = m.end() if m else raw + 1
        decoded += 1
    return (raw_start if raw_start is not None else raw), (raw_end if raw_end is not None else raw)


def _enum(value: str | None) -> str | None:
    """ "Not yet recruiting" -> NOT_YET_RECRUITING, the API v2 spelling."""
    if value is None:
        return None
    value = value.strip()
    special = {"N/A": "NA", "Unknown status": "UNKNOWN", "Accepts Healthy Volunteers": "YES"}
    if value in special:
        return special[value]
    return re.sub(r"[^A-Z0-9]+", "_", value.upper()).strip("_") or None


_MODEL = {
    "PARALLEL_ASSIGNMENT": "PARALLEL",
    "SINGLE_GROUP_ASSIGNMENT": "SINGLE_GROUP",
    "CROSSOVER_ASSIGNMENT": "CROSSOVER",
    "FACTORIAL_ASSIGNMENT": "FACTORIAL",
    "SEQUENTIAL_ASSIGNMENT": "SEQUENTIAL",
}
_ROLES = {
    "PARTICIPANT": "PARTICIPANT",
    "SUBJECT": "PARTICIPANT",
    "CARE_PROVIDER": "CARE_PROVIDER",
    "CAREGIVER": "CARE_PROVIDER",
    "INVESTIGATOR": "INVESTIGATOR",
    "OUTCOMES_ASSESSOR": "OUTCOMES_ASSESSOR",
}


def _phases(value: str | None) -> list[str]:
    """"Phase 1/Phase 2" -> [PHASE1, PHASE2]; "Early Phase 1" -> [EARLY_PHASE1]; "N/A" -> [NA]."""
    if not value or not value.strip():
        return []
    if value.strip() == "N/A":
        return ["NA"]
    phases = []
    for part in value.split("/"):
        words = part.split()
        early = words[:1] == ["Early"]
        phase = _enum("".join(words[1:] if early else words))
        if phase:
            phases.append(f"EARLY_{phase}" if early else phase)
    return phases


def _masking(value: str | None) -> tuple[str | None, list[str]]:
    if not value:
        return None, []
    words = value.split("(")[0].split()
    level = words[0].upper() if words else ""
    level = {"OPEN": "NONE"}.get(level, level)
    roles = []
    if "(" in value:
        for part in value.split("(", 1)[1].rstrip(")").split(","):
            role = _ROLES.get(_enum(part) or "")
            if role:
                roles.append(role)
    return level or None, roles


def iso_date(value: str | None) -> str | None:
    """ "March 2000" -> "2000-03", "November 3, 1999" -> "1999-11-03"; else the text as is."""
    if not value:
        return None
    value = value.strip()
    for pattern, form in (
        ("%B %d, %Y", "%Y-%m-%d"),
        ("%B %Y", "%Y-%m"),
        ("%Y-%m-%d", "%Y-%m-%d"),
        ("%Y-%m", "%Y-%m"),
    ):
        try:
            return datetime.strptime(value, pattern).strftime(form)
        except ValueError:
            continue
    return value


def _limit(tag: str) -> int:
    # Long text (summary, description, criteria) sits in <textblock>; nothing else is long.
    return MAX_TEXT_CHARS if tag == "textblock" else MAX_SHORT_CHARS


def _text(element: Any, path: str) -> str | None:
    found = element.find(path)
    if found is None or found.text is None:
        return None
    text: str = found.text
    return text[: _limit(found.tag)]


def _texts(element: Any, path: str) -> list[str]:
    return [(e.text or "")[:MAX_SHORT_CHARS] for e in element.findall(path)]


def _date(root: Any, tag: str) -> DateField:
    element = root.find(tag)
    if element is None:
        return DateField()
    kind = element.get("type")
    return DateField(
        iso_date(element.text),
        "ACTUAL"
        if kind == "Actual"
        else "ESTIMATED"
        if kind in ("Anticipated", "Estimated")
        else None,
    )


def _contact(element: Any) -> Contact:
    return Contact(
        name=_text(element, "last_name"),
        phone=_text(element, "phone"),
        phone_ext=_text(element, "phone_ext"),
        email=_text(element, "email"),
    )


def _contacts(parent: Any, first: str, backup: str) -> list[Contact]:
    return [_contact(e) for tag in (first, backup) for e in parent.findall(tag)][:2]


def _record(root: Any) -> Record:
    r = Record(sections=_sections(root), text_format="plain")
    r.nct_id = _text(root, "id_info/nct_id")
    r.org_study_id = _text(root, "id_info/org_study_id")
    r.brief_title = _text(root, "brief_title")
    r.official_title = _text(root, "official_title")
    r.acronym = _text(root, "acronym")
    r.brief_summary = _text(root, "brief_summary/textblock")
    r.detailed_description = _text(root, "detailed_description/textblock")
    r.conditions = _texts(root, "condition")
    r.overall_status = _enum(_text(root, "overall_status"))
    r.why_stopped = _text(root, "why_stopped")
    r.status_verified_date = iso_date(_text(root, "verification_date"))
    r.start_date = _date(root, "start_date")
    r.primary_completion_date = _date(root, "primary_completion_date")
    r.completion_date = _date(root, "completion_date")
    r.first_submitted_date = iso_date(_text(root, "study_first_submitted"))
    r.last_update_submitted_date = iso_date(_text(root, "last_update_submitted"))
    r.last_update_posted_date = iso_date(_text(root, "last_update_posted"))
    r.study_type = (
        _enum((_text(root, "study_type") or "").split("[")[0])
        if root.find("study_type") is not None
        else None
    )
    r.phases = _phases(_text(root, "phase"))
    r.allocation = _enum(_text(root, "study_design_info/allocation"))
    model = _enum(_text(root, "study_design_info/intervention_model"))
    r.intervention_model = _MODEL.get(model or "", model)
    r.primary_purpose = _enum(_text(root, "study_design_info/primary_purpose"))
    r.masking, r.who_masked = _masking(_text(root, "study_design_info/masking"))
    enrollment = root.find("enrollment")
    count = (enrollment.text or "").strip() if enrollment is not None else ""
    if enrollment is not None and count.isdecimal() and len(count) <= 18:
        r.enrollment_count = int(count)
        kind = enrollment.get("type")
        r.enrollment_type = "ACTUAL" if kind == "Actual" else "ESTIMATED" if kind else None
    for arm in root.findall("arm_group"):
        r.arms.append(
            Arm(
                label=_text(arm, "arm_group_label"),
                type=_enum(_text(arm, "arm_group_type")),
                description=_text(arm, "description"),
            )
        )
    for item in root.findall("intervention"):
        intervention = Intervention(
            type=_enum(_text(item, "intervention_type")),
            name=_text(item, "intervention_name"),
            description=_text(item, "description"),
            arm_group_labels=_texts(item, "arm_group_label"),
        )
        r.interventions.append(intervention)
        # The legacy format links arms to interventions from the intervention's side only.
        for arm in r.arms:
            if arm.label in intervention.arm_group_labels:
                arm.intervention_names.append(intervention.name or "")
    eligibility = root.find("eligibility")
    if eligibility is not None:
        healthy = _enum(_text(eligibility, "healthy_volunteers"))
        r.eligibility = Eligibility(
            criteria=_text(eligibility, "criteria/textblock"),
            sex=_enum(_text(eligibility, "gender")),
            minimum_age=_text(eligibility, "minimum_age"),
            maximum_age=_text(eligibility, "maximum_age"),
            healthy_volunteers=None if healthy is None else healthy == "YES",
        )
    r.lead_sponsor = _text(root, "sponsors/lead_sponsor/agency")
    r.central_contacts = _contacts(root, "overall_contact", "overall_contact_backup")
    for loc in root.findall("location"):
        r.locations.append(
            Location(
                facility=_text(loc, "facility/name"),
                status=_enum(_text(loc, "status")),
                city=_text(loc, "facility/address/city"),
                state=_text(loc, "facility/address/state"),
                zip=_text(loc, "facility/address/zip"),
                country=_text(loc, "facility/address/country"),
                contacts=_contacts(loc, "contact", "contact_backup"),
            )
        )
    return r


def _sections(root: Any) -> set[str]:
    # A legacy record is always whole: an absent element means the record has no such value.
    return set(ALL_SECTIONS)
