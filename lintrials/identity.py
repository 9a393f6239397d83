"""What a finding is about, said so that it survives a re-export of its record.

A field path names list items by position (``locations[3].facility``), and a registry that
exports a record again may list its sites, contacts or arms in another order. The *identity*
of a field names each list item by what identifies it instead::

    locations[facility="Mayo Clinic", city="Rochester", country="United States"].facility
    central_contacts[name="Jane Doe", role="CONTACT"].phone
    arms[label="Placebo"].intervention_names["Saline"]
    eligibility.criteria[criterion="Pregnant or breast-feeding"]

A site is named by its facility, city and country, a contact by name and role, an arm by its
label, an intervention by type and name, an item of a list of text (conditions, an arm's
intervention names) by its text, and a phrase in the eligibility criteria by the criterion it
stands in. Values are compared with their blanks collapsed; empty ones are left out.

Items that these values do not tell apart (two sites of one hospital in one city) are told
apart, for a finding on anything else they hold (a contact's phone, the zip code), by a digest
of all they hold (``content=3f2a9c01``), and items alike in everything by their ordinal among
their equals (``#2`` for the second). A finding on what identifies them (the facility name,
the site as a whole) is about what they share, and which of them a check flags can be a matter
of order (the second of two duplicate sites): such findings share the identity, and the
fingerprint's rank among findings alike keeps two of them apart.

The identity is what fingerprints, baselines and suppression entries key a finding by; the
field path stays what reports show.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import re
from collections import Counter
from typing import Any

from lintrials.knowledge.criteria import criteria_items
from lintrials.model import Arm, Contact, Intervention, Location, Record

# What identifies an item of each kind of list, most telling first.
_KEYS: dict[type, tuple[str, ...]] = {
    Location: ("facility", "city", "country"),
    Contact: ("name", "role"),
    Arm: ("label",),
    Intervention: ("type", "name"),
}
CRITERIA = "eligibility.criteria"
_SEGMENT = re.compile(r"([A-Za-z_]\w*)(?:\[(\d+)\])?")
# A value longer than this is named by its start and a digest of the whole.
_LONGEST = 100
_KEPT = 80


def _text(value: str) -> str:
    """A value as it is compared: blanks collapsed, a long one shortened (a digest keeps two
    long values that start alike apart)."""
    text = " ".join(value.split())
    if len(text) > _LONGEST:
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]
        text = f"{text[:_KEPT]}…{digest}"
    return text


def _quoted(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)


def _identifying(item: Any) -> tuple[tuple[str, str], ...]:
    """The non-empty identifying values of an item, with their names."""
    if isinstance(item, str):
        text = _text(item)
        return (("", text),) if text else ()
    keys = _KEYS.get(type(item))
    if keys is None:
        return ()
    found = []
    for key in keys:
        value = getattr(item, key, None)
        if isinstance(value, str) and value.strip():
            found.append((key, _text(value)))
    return tuple(found)


def _content(item: Any) -> str:
    """A digest of everything an item holds, to tell apart items that what identifies them
    does not (two sites of one hospital with other contacts). Blanks are collapsed and the
    items of lists taken in any order, as a re-export may reorder them too."""
    def plain(value: Any) -> Any:
        if isinstance(value, str):
            return " ".join(value.split())
        if isinstance(value, list):
            return sorted((plain(x) for x in value), key=lambda x: json.dumps(x, default=str))
        if isinstance(value, dict):
            return {k: plain(v) for k, v in value.items()}
        return value

    whole = (dataclasses.asdict(item)
             if dataclasses.is_dataclass(item) and not isinstance(item, type) else item)
    text = json.dumps(plain(whole), sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]


def labels(items: list[Any], tie_break: bool = True) -> list[str]:
    """What goes between the brackets for each item of a list, in order.

    With ``tie_break``, items that their identifying values do not tell apart are told apart
    by a digest of all they hold (``content=…``), and items alike in everything by their
    ordinal among their equals (``#2``). Without, tied items share their label: a finding
    on what they share is told from another like it by its rank (see `assign_fingerprints`).
    """
    own = [_identifying(item) for item in items]
    digests: dict[int, str] = {}
    if tie_break:
        ties = Counter(own)
        contents: dict[tuple[tuple[str, str], ...], set[str]] = {}
        for i, (item, values) in enumerate(zip(items, own, strict=True)):
            if ties[values] > 1:
                digests[i] = _content(item)
                contents.setdefault(values, set()).add(digests[i])
        # Only where the tied items differ at all.
        digests = {i: d for i, d in digests.items() if len(contents[own[i]]) > 1}
    seen: Counter[tuple[Any, ...]] = Counter()
    found = []
    for i, values in enumerate(own):
        parts = [f"{key}={_quoted(value)}" if key else _quoted(value) for key, value in values]
        same: tuple[Any, ...] = values
        if i in digests:
            parts.append(f"content={digests[i]}")
            same = (values, digests[i])
        seen[same] += 1
        if tie_break and seen[same] > 1:
            parts.append(f"#{seen[same]}")
        found.append(", ".join(parts))
    return found


def criterion_labels(criteria: str) -> list[tuple[int, str]]:
    """Where each criterion of a criteria text starts, and its label."""
    items = criteria_items(criteria)
    texts = [criteria[item.text_start:item.end] for item in items]
    names = labels(texts, tie_break=False)
    return [(item.start, f"criterion={name}") for item, name in zip(items, names, strict=True)]


class Identities:
    """The identities of fields of one record at a time (a record's lists are labelled once,
    however many findings it has)."""

    def __init__(self) -> None:
        self._record: Record | None = None
        self._lists: dict[tuple[int, bool], tuple[list[Any], list[str]]] = {}
        self._criteria: list[tuple[int, str]] | None = None

    def of(self, record: Record, field: str | None, span: tuple[int, int] | None = None
           ) -> str | None:
        """The identity of ``field`` of ``record``, or None when it is the field path itself
        (no list item in it) or the path does not name a value of the record."""
        if not field:
            return None
        criterion = field == CRITERIA and span is not None
        if "[" not in field and not criterion:
            return None
        if record is not self._record:
            self._record, self._lists, self._criteria = record, {}, None
        parts = []
        value: Any = record
        segments = field.split(".")
        for depth, segment in enumerate(segments):
            match = _SEGMENT.fullmatch(segment)
            if match is None or not dataclasses.is_dataclass(value):
                return None
            name, index = match.groups()
            if name not in {f.name for f in dataclasses.fields(value)}:
                return None
            value = getattr(value, name)
            if index is None:
                parts.append(name)
                continue
            if not isinstance(value, list) or int(index) >= len(value):
                return None
            item = value[int(index)]
            # A finding on the item itself or on what identifies it is about what tied items
            # share (which of two duplicate sites a check flags is a matter of order): they
            # share its identity. Anything else in it: tied items are told apart.
            rest = segments[depth + 1:]
            tie_break = bool(rest) and not (len(rest) == 1 and rest[0] in _KEYS.get(
                type(item), ()))
            parts.append(f"{name}[{self._labels(value, tie_break)[int(index)]}]")
            value = item
        if criterion and isinstance(value, str) and span is not None:
            label = self._criterion(value, span[0])
            if label is not None:
                parts[-1] += f"[{label}]"
        return ".".join(parts)

    def _labels(self, items: list[Any], tie_break: bool) -> list[str]:
        known = self._lists.get((id(items), tie_break))
        if known is None or known[0] is not items:
            known = (items, labels(items, tie_break))
            self._lists[(id(items), tie_break)] = known
        return known[1]

    def _criterion(self, criteria: str, at: int) -> str | None:
        if self._criteria is None:
            self._criteria = criterion_labels(criteria)
        label = None
        for start, name in self._criteria:
            if start > at:
                break
            label = name
        if label is None and self._criteria:
            label = self._criteria[0][1]  # a blank before the first criterion
        return label
