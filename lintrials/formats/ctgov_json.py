"""ClinicalTrials.gov API v2 JSON.

Reads one study object (``GET /api/v2/studies/{nct}``), an array of studies (the website's
"Download -> JSON" file), an API page (``{"studies": [...], "nextPageToken": ...}``) and JSON
Lines (one study a line). Addresses are JSON Pointers (RFC 6901) from the root of the document,
or of the line for JSON Lines.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import orjson

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
from lintrials.formats.jsonpos import (
    ObjectKeys,
    PointerNotFound,
    StringEscapes,
    element_starts,
    escape_token,
    find_pointer,
    split_pointer,
    string_span,
)
from lintrials.model import Arm, Contact, DateField, Eligibility, Intervention, Location, Record
from lintrials.source import Source

NAME = "ctgov-json"

_P = "protocolSection"
_CONTACT = {
    "name": "name",
    "role": "role",
    "phone": "phone",
    "phone_ext": "phoneExt",
    "email": "email",
}
_DATE = {"date": "date", "type": "type"}
# Field path of the model -> JSON Pointer segments. A tuple is a list or struct: its path and the
# table for what lies inside it.
_TABLE: dict[str, Any] = {
    "nct_id": f"{_P}/identificationModule/nctId",
    "org_study_id": f"{_P}/identificationModule/orgStudyIdInfo/id",
    "brief_title": f"{_P}/identificationModule/briefTitle",
    "official_title": f"{_P}/identificationModule/officialTitle",
    "acronym": f"{_P}/identificationModule/acronym",
    "brief_summary": f"{_P}/descriptionModule/briefSummary",
    "detailed_description": f"{_P}/descriptionModule/detailedDescription",
    "conditions": f"{_P}/conditionsModule/conditions",
    "overall_status": f"{_P}/statusModule/overallStatus",
    "why_stopped": f"{_P}/statusModule/whyStopped",
    "status_verified_date": f"{_P}/statusModule/statusVerifiedDate",
    "start_date": (f"{_P}/statusModule/startDateStruct", _DATE),
    "primary_completion_date": (f"{_P}/statusModule/primaryCompletionDateStruct", _DATE),
    "completion_date": (f"{_P}/statusModule/completionDateStruct", _DATE),
    "first_submitted_date": f"{_P}/statusModule/studyFirstSubmitDate",
    "last_update_submitted_date": f"{_P}/statusModule/lastUpdateSubmitDate",
    "last_update_posted_date": f"{_P}/statusModule/lastUpdatePostDateStruct/date",
    "study_type": f"{_P}/designModule/studyType",
    "phases": f"{_P}/designModule/phases",
    "allocation": f"{_P}/designModule/designInfo/allocation",
    "intervention_model": f"{_P}/designModule/designInfo/interventionModel",
    "primary_purpose": f"{_P}/designModule/designInfo/primaryPurpose",
    "masking": f"{_P}/designModule/designInfo/maskingInfo/masking",
    "who_masked": f"{_P}/designModule/designInfo/maskingInfo/whoMasked",
    "enrollment_count": f"{_P}/designModule/enrollmentInfo/count",
    "enrollment_type": f"{_P}/designModule/enrollmentInfo/type",
    "arms": (
        f"{_P}/armsInterventionsModule/armGroups",
        {
            "label": "label",
            "type": "type",
            "description": "description",
            "intervention_names": "interventionNames",
        },
    ),
    "interventions": (
        f"{_P}/armsInterventionsModule/interventions",
        {
            "type": "type",
            "name": "name",
            "description": "description",
            "arm_group_labels": "armGroupLabels",
        },
    ),
    "eligibility": (
        f"{_P}/eligibilityModule",
        {
            "criteria": "eligibilityCriteria",
            "sex": "sex",
            "minimum_age": "minimumAge",
            "maximum_age": "maximumAge",
            "std_ages": "stdAges",
            "healthy_volunteers": "healthyVolunteers",
        },
    ),
    "lead_sponsor": f"{_P}/sponsorCollaboratorsModule/leadSponsor/name",
    "central_contacts": (f"{_P}/contactsLocationsModule/centralContacts", _CONTACT),
    "locations": (
        f"{_P}/contactsLocationsModule/locations",
        {
            "facility": "facility",
            "status": "status",
            "city": "city",
            "state": "state",
            "zip": "zip",
            "country": "country",
            "contacts": ("contacts", _CONTACT),
        },
    ),
}


def pointer_for(field: str) -> str:
    """JSON Pointer of a model field path, relative to the study object."""
    table: dict[str, Any] = _TABLE
    pointer = ""
    for name, index in split_field(field):
        spec = table.get(name)
        if spec is None:
            raise KeyError(field)
        if isinstance(spec, tuple):
            path, table = spec
        else:
            path, table = spec, {}
        pointer += "/" + path
        if index is not None:
            pointer += f"/{index}"
    return pointer


def sniff(path: str, text: str) -> bool:
    head = text.lstrip("\ufeff \t\n")[:1]
    return head in ("{", "[")


class JsonLocator:
    """Finds a record's fields in the raw text, walking from the record's first character."""

    def __init__(self, source: Source, base: str, start: int) -> None:
        self.source = source
        self.base = base  # pointer of the study object in its document
        self.start = start  # offset of the study object's first character
        self._arrays: dict[int, list[int]] = {}  # element offsets of arrays walked so far
        self._objects: dict[int, ObjectKeys] = {}  # keys of objects walked so far
        self._strings: dict[int, StringEscapes] = {}  # escapes of strings mapped so far

    def start_offset(self) -> int:
        return self.start

    def locate(
        self, field: str | None, span: tuple[int, int] | None
    ) -> tuple[Position, str | None]:
        relative = pointer_for(field) if field else ""
        text = self.source.text
        try:
            start, end = find_pointer(
                text, self.start_offset(), split_pointer(relative), self._arrays, self._objects
            )
        except PointerNotFound as missing:
            # The field is absent: point at the deepest part of the path that exists.
            start = missing.offset
            end = start + 1
        else:
            if span is not None and text.startswith('"', start):
                start, end = string_span(text, start, span, self._strings)
        return self.source.position(start, end), self.base + relative or "/"

    def fix_edits(self, fix: Fix, field: str) -> list[Edit]:
        text = self.source.text
        tokens = split_pointer(pointer_for(field))
        try:
            start, end = find_pointer(
                text, self.start_offset(), tokens, self._arrays, self._objects
            )
        except PointerNotFound:
            return []
        if fix.remove:
            if not tokens or not tokens[-1].isdigit():
                return []
            return [edit(self.source, *_element_removal(text, start, end), "")]
        if not text.startswith('"', start):
            return []  # only text values are rewritten
        if fix.span is not None:
            start, end = string_span(text, start, fix.span, self._strings)
        else:
            start, end = start + 1, end - 1
        escaped = orjson.dumps(fix.replacement).decode()[1:-1]
        return [edit(self.source, start, end, escaped)]


class _LazyArrayLocator(JsonLocator):
    """A locator for element ``index`` of an array, whose offset is found on first use."""

    def __init__(self, source: Source, base: str, starts: _ArrayOffsets, index: int) -> None:
        super().__init__(source, base, 0)
        self._starts = starts
        self._index = index

    def start_offset(self) -> int:
        return self._starts.get(self._index)


class _ArrayOffsets:
    def __init__(self, text: str, pointer_tokens: list[str]) -> None:
        self.text = text
        self.tokens = pointer_tokens
        self._starts: list[int] | None = None

    def get(self, index: int) -> int:
        if self._starts is None:
            array_start, _ = find_pointer(self.text, 0, self.tokens)
            self._starts = element_starts(self.text, array_start)
        return self._starts[index]


def parse(source: Source) -> ParseResult:
    text = source.text
    if source.json_lines or _json_lines(text):
        yield from _parse_json_lines(source)
        return
    try:
        document = orjson.loads(text)
    except orjson.JSONDecodeError as error:
        yield FileProblem("syntax", _syntax_message(error), _error_offset(source, error))
        return
    if (
        isinstance(document, list)
        and document
        and not any(isinstance(s, dict) and _P in s for s in document)
    ):
        yield FileProblem(
            "schema",
            "an array, but of no ClinicalTrials.gov API v2 study objects",
            len(text) - len(text.lstrip()),
            "/",
        )
    elif isinstance(document, list):
        offsets = _ArrayOffsets(text, [])
        for i, study in enumerate(document):
            yield from _study(
                source, study, f"/{i}", _LazyArrayLocator(source, f"/{i}", offsets, i), i
            )
    elif isinstance(document, dict) and isinstance(document.get("studies"), list):
        offsets = _ArrayOffsets(text, ["studies"])
        for i, study in enumerate(document["studies"]):
            base = f"/studies/{i}"
            yield from _study(source, study, base, _LazyArrayLocator(source, base, offsets, i), i)
    else:
        yield from _study(source, document, "", JsonLocator(source, "", 0), 0)


def _element_removal(text: str, start: int, end: int) -> tuple[int, int]:
    """What to delete to remove an array element: it and the separator before (or after) it."""
    before = start - 1
    while before >= 0 and text[before] in " \t\n\r":
        before -= 1
    if before >= 0 and text[before] == ",":
        return before, end  # from the previous element's comma to this element's end
    after = end
    while after < len(text) and text[after] in " \t\n\r":
        after += 1
    if after < len(text) and text[after] == ",":
        after += 1
        while after < len(text) and text[after] in " \t\n\r":
            after += 1
        return start, after  # the first element: it, its comma, up to the next element
    return start, end


# orjson reads at most this many levels of nested arrays and objects, and says so; no recursion
# of ours depends on the depth (the locator in jsonpos.py walks with a counter).
MAX_DEPTH = 1024


def _syntax_message(error: orjson.JSONDecodeError, where: str = "") -> str:
    if "depth" in error.msg or "recursion" in error.msg:
        return (
            f"not read{where}: arrays and objects nested more than {MAX_DEPTH} levels deep "
            "(no registry record comes near; this is the JSON parser's limit)"
        )
    return f"not valid JSON{where}: {error.msg}"


def _is_json(line: str) -> bool:
    try:
        orjson.loads(line)
    except orjson.JSONDecodeError:
        return False
    return True


def _error_offset(source: Source, error: orjson.JSONDecodeError) -> int:
    # orjson reports line and column (in characters); turn them into an offset of our text.
    return source.offset(error.lineno, error.colno)


def _json_lines(text: str) -> bool:
    """Whether the text is JSON Lines: its first non-blank line is a JSON value of its own and
    another non-blank line follows (so the whole text cannot be one JSON document).

    Asked before the whole text is parsed, not after that fails: the JSON library would first
    make a UTF-8 copy of the whole text (kept as long as the text lives) to find the error.
    """
    filled = (line for _, line in _lines(text) if line.strip())
    first, second = next(filled, None), next(filled, None)
    return first is not None and second is not None and _is_json(first)


def _lines(text: str) -> Iterator[tuple[int, str]]:
    """(offset, line) of each line, as ``text.split("\\n")`` cuts them, one at a time: a JSON
    Lines file of a hundred thousand records is not copied whole into a list of lines."""
    start = 0
    end = text.find("\n")
    while end >= 0:
        yield start, text[start:end]
        start = end + 1
        end = text.find("\n", start)
    yield start, text[start:]


def _parse_json_lines(source: Source) -> ParseResult:
    index = source.first_record
    for offset, line in _lines(source.text):
        if line.strip():
            try:
                study = orjson.loads(line)
            except orjson.JSONDecodeError as error:
                yield FileProblem(
                    "syntax",
                    _syntax_message(error, " on this line"),
                    offset + max(0, min(error.pos, len(line))),
                )
            else:
                yield from _study(source, study, "", JsonLocator(source, "", offset), index)
            index += 1


def _study(source: Source, study: Any, base: str, locator: JsonLocator, index: int) -> ParseResult:
    if not isinstance(study, dict) or not isinstance(study.get(_P), dict):
        yield FileProblem(
            "schema",
            'not a ClinicalTrials.gov API v2 study: no "protocolSection" object',
            locator.start_offset(),
            base or "/",
        )
        return
    reader = _Reader()
    record = reader.record(study)
    for pointer, message in reader.problems:
        try:
            offset, _ = find_pointer(source.text, locator.start_offset(), split_pointer(pointer))
        except PointerNotFound as missing:
            offset = missing.offset
        yield FileProblem("schema", message, offset, base + pointer)
    yield ParsedRecord(record, locator, index)


_LONG_TEXT_KEYS = ("/briefSummary", "/detailedDescription", "/eligibilityCriteria")


class _Reader:
    """Builds a Record from a study object, noting values of the wrong JSON type."""

    def __init__(self) -> None:
        self.problems: list[tuple[str, str]] = []

    def _wrong(self, pointer: str, value: Any, expected: str) -> None:
        kind = type(value).__name__.replace("dict", "object").replace("list", "array")
        self.problems.append((pointer, f"expected {expected} here, found {kind}"))

    def obj(self, parent: dict[str, Any], key: str, pointer: str) -> dict[str, Any]:
        value = parent.get(key)
        if value is None:
            return {}
        if not isinstance(value, dict):
            self._wrong(f"{pointer}/{escape_token(key)}", value, "an object")
            return {}
        return value

    def items(self, parent: dict[str, Any], key: str, pointer: str) -> list[dict[str, Any]]:
        value = parent.get(key)
        if value is None:
            return []
        if not isinstance(value, list):
            self._wrong(f"{pointer}/{key}", value, "an array")
            return []
        found: list[dict[str, Any]] = []
        for i, item in enumerate(value):
            if isinstance(item, dict):
                found.append(item)
            else:
                self._wrong(f"{pointer}/{key}/{i}", item, "an object")
                found.append({})
        return found

    def _capped(self, value: str, pointer: str) -> str:
        limit = MAX_TEXT_CHARS if pointer.endswith(_LONG_TEXT_KEYS) else MAX_SHORT_CHARS
        if len(value) <= limit:
            return value
        self.problems.append((pointer, too_long(len(value), limit)))
        return value[:limit]

    def text(self, parent: dict[str, Any], key: str, pointer: str) -> str | None:
        value = parent.get(key)
        if value is None:
            return None
        if isinstance(value, str):
            if len(value) <= MAX_TEXT_CHARS:  # nearly always: no pointer to build
                return value
            return self._capped(value, f"{pointer}/{escape_token(key)}")
        self._wrong(f"{pointer}/{escape_token(key)}", value, "a string")
        return None

    def texts(self, parent: dict[str, Any], key: str, pointer: str) -> list[str]:
        value = parent.get(key)
        if value is None:
            return []
        if not isinstance(value, list):
            self._wrong(f"{pointer}/{key}", value, "an array of strings")
            return []
        found: list[str] = []
        for i, item in enumerate(value):
            if isinstance(item, str):
                found.append(self._capped(item, f"{pointer}/{key}/{i}"))
            else:
                self._wrong(f"{pointer}/{key}/{i}", item, "a string")
        return found

    def date(self, parent: dict[str, Any], key: str, pointer: str) -> DateField:
        struct = self.obj(parent, key, pointer)
        here = f"{pointer}/{key}"
        return DateField(self.text(struct, "date", here), self.text(struct, "type", here))

    def contact(self, item: dict[str, Any], pointer: str) -> Contact:
        return Contact(
            name=self.text(item, "name", pointer),
            role=self.text(item, "role", pointer),
            phone=self.text(item, "phone", pointer),
            phone_ext=self.text(item, "phoneExt", pointer),
            email=self.text(item, "email", pointer),
        )

    def record(self, study: dict[str, Any]) -> Record:
        p = self.obj(study, _P, "")
        pp = f"/{_P}"
        record = Record(
            sections={k for k, v in p.items() if isinstance(v, dict)}, text_format="markdown"
        )

        ident = self.obj(p, "identificationModule", pp)
        ip = f"{pp}/identificationModule"
        record.nct_id = self.text(ident, "nctId", ip)
        record.org_study_id = self.text(
            self.obj(ident, "orgStudyIdInfo", ip), "id", f"{ip}/orgStudyIdInfo"
        )
        record.brief_title = self.text(ident, "briefTitle", ip)
        record.official_title = self.text(ident, "officialTitle", ip)
        record.acronym = self.text(ident, "acronym", ip)

        status = self.obj(p, "statusModule", pp)
        sp = f"{pp}/statusModule"
        record.overall_status = self.text(status, "overallStatus", sp)
        record.why_stopped = self.text(status, "whyStopped", sp)
        record.status_verified_date = self.text(status, "statusVerifiedDate", sp)
        record.start_date = self.date(status, "startDateStruct", sp)
        record.primary_completion_date = self.date(status, "primaryCompletionDateStruct", sp)
        record.completion_date = self.date(status, "completionDateStruct", sp)
        record.first_submitted_date = self.text(status, "studyFirstSubmitDate", sp)
        record.last_update_submitted_date = self.text(status, "lastUpdateSubmitDate", sp)
        record.last_update_posted_date = self.date(status, "lastUpdatePostDateStruct", sp).date

        record.lead_sponsor = self.text(
            self.obj(
                self.obj(p, "sponsorCollaboratorsModule", pp),
                "leadSponsor",
                f"{pp}/sponsorCollaboratorsModule",
            ),
            "name",
            f"{pp}/sponsorCollaboratorsModule/leadSponsor",
        )

        desc = self.obj(p, "descriptionModule", pp)
        record.brief_summary = self.text(desc, "briefSummary", f"{pp}/descriptionModule")
        record.detailed_description = self.text(
            desc, "detailedDescription", f"{pp}/descriptionModule"
        )
        record.conditions = self.texts(
            self.obj(p, "conditionsModule", pp), "conditions", f"{pp}/conditionsModule"
        )

        design = self.obj(p, "designModule", pp)
        dp = f"{pp}/designModule"
        record.study_type = self.text(design, "studyType", dp)
        record.phases = self.texts(design, "phases", dp)
        info = self.obj(design, "designInfo", dp)
        infop = f"{dp}/designInfo"
        record.allocation = self.text(info, "allocation", infop)
        record.intervention_model = self.text(info, "interventionModel", infop)
        record.primary_purpose = self.text(info, "primaryPurpose", infop)
        masking = self.obj(info, "maskingInfo", infop)
        record.masking = self.text(masking, "masking", f"{infop}/maskingInfo")
        record.who_masked = self.texts(masking, "whoMasked", f"{infop}/maskingInfo")
        enrollment = self.obj(design, "enrollmentInfo", dp)
        count = enrollment.get("count")
        if isinstance(count, int) and not isinstance(count, bool):
            record.enrollment_count = count
        elif count is not None:
            self._wrong(f"{dp}/enrollmentInfo/count", count, "an integer")
        record.enrollment_type = self.text(enrollment, "type", f"{dp}/enrollmentInfo")

        arms = self.obj(p, "armsInterventionsModule", pp)
        ap = f"{pp}/armsInterventionsModule"
        for i, arm in enumerate(self.items(arms, "armGroups", ap)):
            here = f"{ap}/armGroups/{i}"
            record.arms.append(
                Arm(
                    label=self.text(arm, "label", here),
                    type=self.text(arm, "type", here),
                    description=self.text(arm, "description", here),
                    intervention_names=self.texts(arm, "interventionNames", here),
                )
            )
        for i, item in enumerate(self.items(arms, "interventions", ap)):
            here = f"{ap}/interventions/{i}"
            record.interventions.append(
                Intervention(
                    type=self.text(item, "type", here),
                    name=self.text(item, "name", here),
                    description=self.text(item, "description", here),
                    arm_group_labels=self.texts(item, "armGroupLabels", here),
                )
            )

        elig = self.obj(p, "eligibilityModule", pp)
        ep = f"{pp}/eligibilityModule"
        healthy = elig.get("healthyVolunteers")
        record.eligibility = Eligibility(
            criteria=self.text(elig, "eligibilityCriteria", ep),
            sex=self.text(elig, "sex", ep),
            minimum_age=self.text(elig, "minimumAge", ep),
            maximum_age=self.text(elig, "maximumAge", ep),
            std_ages=self.texts(elig, "stdAges", ep),
            healthy_volunteers=healthy if isinstance(healthy, bool) else None,
        )

        contacts = self.obj(p, "contactsLocationsModule", pp)
        cp = f"{pp}/contactsLocationsModule"
        for i, item in enumerate(self.items(contacts, "centralContacts", cp)):
            record.central_contacts.append(self.contact(item, f"{cp}/centralContacts/{i}"))
        for i, item in enumerate(self.items(contacts, "locations", cp)):
            here = f"{cp}/locations/{i}"
            record.locations.append(
                Location(
                    facility=self.text(item, "facility", here),
                    status=self.text(item, "status", here),
                    city=self.text(item, "city", here),
                    state=self.text(item, "state", here),
                    zip=self.text(item, "zip", here),
                    country=self.text(item, "country", here),
                    contacts=[
                        self.contact(c, f"{here}/contacts/{j}")
                        for j, c in enumerate(self.items(item, "contacts", here))
                    ],
                )
            )
        return record
