"""What a finding is about, said so that it survives a re-export of its record.

A field path names list items by position (``locations[3].facility``), and a registry that
exports a record again may list its sites, contacts or arms in another order. The *identity*
of a field names each list item by what identifies it instead::

    locations[facility="Mayo Clinic", city="Rochester", country="United States"].facility
    central_contacts[name="Jane Doe", role="CONTACT"].phone
    arms[label="Placebo"].intervention_names["Saline"]
    eligibility.criteria[criterion="Pregnant or breast-feeding"]

A site is named by its facility, city and country, a contact by name and role, an arm by its
label, an intervention by type and name, an outcome measure by kind, title and time frame, a
secondary ID by its text, a collaborator by name, an overall official by name and role, a
results group by its ID and each number of the results by the group it is given for, an
item of a list of text (conditions, an arm's intervention names) by its text, and a phrase in
the eligibility criteria by the criterion it stands in. Values are compared with their blanks
collapsed; empty ones are left out.

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

import bisect
import dataclasses
import hashlib
import json
import re
from collections import Counter
from typing import Any

from lintrials.knowledge.criteria import criteria_items
from lintrials.model import (
    AdverseEvent,
    Arm,
    Category,
    Contact,
    Denom,
    DropReason,
    EventGroup,
    EventStat,
    FlowPeriod,
    GroupCount,
    Intervention,
    Location,
    MeasureClass,
    Measurement,
    Milestone,
    Official,
    Outcome,
    Record,
    ResultGroup,
    ResultMeasure,
    SecondaryId,
    Sponsor,
)

# What identifies an item of each kind of list, most telling first.
_KEYS: dict[type, tuple[str, ...]] = {
    Location: ("facility", "city", "country"),
    Contact: ("name", "role"),
    Arm: ("label",),
    Intervention: ("type", "name"),
    Outcome: ("kind", "measure", "time_frame"),
    # Identifiers by their text, collaborators by name, officials by name and role.
    SecondaryId: ("id",),
    Sponsor: ("name",),
    Official: ("name", "role"),
    # The results section: groups by their ID, each number by the group it is for, rows and
    # measures by their titles (a statistical analysis has no name: its content tells it).
    ResultGroup: ("id",),
    EventGroup: ("id",),
    GroupCount: ("group_id",),
    Measurement: ("group_id",),
    EventStat: ("group_id",),
    FlowPeriod: ("title",),
    Milestone: ("type",),
    DropReason: ("type",),
    Denom: ("units",),
    MeasureClass: ("title",),
    Category: ("title",),
    ResultMeasure: ("type", "title", "time_frame"),
    AdverseEvent: ("organ_system", "term"),
}
# Fields of list items that the model read only after identities were first written: left out
# of an item's digest while empty, so that a baseline or suppression written before still matches.
_READ_LATER = frozenset({"other_names"})
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
    if isinstance(whole, dict):  # what the model read later counts only where it holds a value
        whole = {k: v for k, v in whole.items() if v or k not in _READ_LATER}
    text = json.dumps(plain(whole), sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]


class Labels:
    """What goes between the brackets for the items of one list (each made when asked for:
    a record may list thousands of sites and have findings on three).

    With ``tie_break``, items that their identifying values do not tell apart are told apart
    by a digest of all they hold (``content=…``), and items alike in everything by their
    ordinal among their equals (``#2``). Without, tied items share their label: a finding
    on what they share is told from another like it by its rank (see `assign_fingerprints`).
    """

    def __init__(self, items: list[Any]) -> None:
        self.items = items
        self.own = [_identifying(item) for item in items]
        self.ties = Counter(self.own)
        self._digests: dict[tuple[tuple[str, str], ...], list[str] | None] = {}

    def label(self, index: int, tie_break: bool = True) -> str:
        values = self.own[index]
        parts = [f"{key}={_quoted(value)}" if key else _quoted(value) for key, value in values]
        if not tie_break or self.ties[values] < 2:
            return ", ".join(parts)
        tied = [i for i, other in enumerate(self.own) if other == values]
        place = tied.index(index)
        digests = self._tied_digests(values, tied)
        if digests is None:  # the tied items are alike in everything
            before = place
        else:
            parts.append(f"content={digests[place]}")
            before = digests[:place].count(digests[place])
        if before:
            parts.append(f"#{before + 1}")
        return ", ".join(parts)

    def _tied_digests(self, values: tuple[tuple[str, str], ...], tied: list[int]
                      ) -> list[str] | None:
        """The digests of the items tied on ``values``, None if they are all one."""
        if values not in self._digests:
            digests = [_content(self.items[i]) for i in tied]
            self._digests[values] = digests if len(set(digests)) > 1 else None
        return self._digests[values]


def labels(items: list[Any], tie_break: bool = True) -> list[str]:
    """Each item's label (see `Labels`), in order."""
    known = Labels(items)
    return [known.label(i, tie_break) for i in range(len(items))]


class Identities:
    """The identities of fields of one record at a time (a record's lists are labelled once,
    however many findings it has)."""

    def __init__(self) -> None:
        self._record: Record | None = None
        self._lists: dict[int, Labels] = {}
        self._criteria: tuple[list[int], Labels] | None = None

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
            parts.append(f"{name}[{self._labels(value).label(int(index), tie_break)}]")
            value = item
        if criterion and isinstance(value, str) and span is not None:
            label = self._criterion(value, span[0])
            if label is not None:
                parts[-1] += f"[{label}]"
        return ".".join(parts)

    def _labels(self, items: list[Any]) -> Labels:
        known = self._lists.get(id(items))
        if known is None or known.items is not items:
            known = self._lists[id(items)] = Labels(items)
        return known

    def _criterion(self, criteria: str, at: int) -> str | None:
        """The label of the criterion at ``at`` in the criteria text."""
        if self._criteria is None:
            items = criteria_items(criteria)
            self._criteria = ([item.start for item in items],
                              Labels([criteria[item.text_start:item.end] for item in items]))
        starts, known = self._criteria
        if not starts:
            return None
        # The last criterion starting at or before the phrase (the first, for a blank before).
        index = max(bisect.bisect_right(starts, at) - 1, 0)
        return f"criterion={known.label(index, tie_break=False)}"
