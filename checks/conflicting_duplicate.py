"""The same NCT ID is in two files of the run (or twice in one file) with different content.

What it finds: (whole run) two copies of one NCT ID that differ in a field both hold. Each
record is summarised as its NCT ID and a short hash of each field, with text normalised so that
a difference of format is not one of content (markdown escapes, bullet characters, line
wrapping and white space are ignored, so a legacy XML record and its API v2 JSON twin with the
same facts compare equal), and with sites, arms, interventions and contacts compared whatever
their order (a re-export may list them in another). A field one copy does not hold (a study
page shows no official title, a partial download lacks modules) is not compared; identical
copies are not reported.
The finding is on the later copy in the run's order (files as named, folders walked in sorted
order), at the first field that differs; it names the other file and the fields that differ
(eight, then how many more), each as a related location.

Why it matters: two versions of one study in a repository of exports mean one of them is stale,
and a report built from the folder counts the study twice or takes whichever copy it reads
last.

Fails: `NCT05695014.json` (status COMPLETED, updated 2024-08-28) and `NCT05695014.xml`
(RECRUITING, 2023-02-01) in one folder.

Passes: only one of them, or two identical copies.

Options: none.

Fix safety: no fix: which copy is current is for a person to decide.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from lintrials.context import Context
from lintrials.findings import Problem
from lintrials.model import Contact, DateField, Record

CODE, NAME, SEVERITY = "R101", "conflicting-duplicate", "warning"

# The NCT ID, which fields of `_ORDER` hold a value (bit i: field i), and the digests of those
# fields, 8 bytes each, in that order: a few hundred bytes a record, for runs of 100,000.
Summary = tuple[str, int, bytes]
_DIGEST_SIZE = 8

_ESCAPE = re.compile(r"\\(?=[!-/:-@\[-`{-~])")
_BULLET = re.compile(r"^[ \t]*[*•\-+][ \t]+", re.MULTILINE)
# API v2 names an arm's interventions "Drug: CC312"; legacy XML and study pages write "CC312".
_TYPE_PREFIX = re.compile(
    r"^(?:Drug|Device|Biological|Procedure|Radiation|Behavioral|Genetic|Dietary Supplement"
    r"|Combination Product|Diagnostic Test|Other): "
)


def _text(value: str) -> str:
    """Text as a reader sees it, whatever the format wrote around it."""
    # Short values (site names, cities, countries) recur across sites and records.
    return _short_text(value) if len(value) <= _SHORT else _plain(value)


def _plain(value: str) -> str:
    if "\\" in value:
        value = _ESCAPE.sub("", value)
    return " ".join(_BULLET.sub("", value).split())


_SHORT = 200
_short_text = lru_cache(maxsize=16384)(_plain)


def _norm(value: Any) -> Any:
    if isinstance(value, str):
        return _text(value)
    if isinstance(value, (list, tuple)):
        return tuple([_norm(v) for v in value])
    return value


def _present(value: Any) -> bool:
    if value is None or value == "" or value == ():
        return False
    if isinstance(value, tuple):
        return any(_present(v) for v in value)
    return True


def _contacts(prefix: str, contacts: list[Contact]) -> Iterator[tuple[str, Any]]:
    yield f"{prefix}.name", [c.name for c in contacts]
    yield f"{prefix}.phone", [c.phone for c in contacts]
    yield f"{prefix}.email", [c.email for c in contacts]


def _dates(name: str, value: DateField) -> Iterator[tuple[str, Any]]:
    yield f"{name}.date", value.date
    yield f"{name}.type", value.type


def _in_order(items: list[Any], key: Any) -> list[Any]:
    """List items in an order of their content, so that a re-export that lists the same sites
    (arms, interventions, contacts) in another order is no difference."""
    return sorted(items, key=lambda item: repr(_norm(key(item))))


def _fields(r: Record) -> Iterator[tuple[str, Any]]:
    """Every field worth comparing, in the model's order: (name, value). List items are
    compared as a set of items, whatever their order."""
    arms = _in_order(r.arms, lambda a: (a.label, a.type, a.description,
                                        sorted(a.intervention_names)))
    interventions = _in_order(r.interventions, lambda i: (i.type, i.name, i.description))
    central = _in_order(r.central_contacts, lambda c: (c.name, c.phone, c.email))
    sites = _in_order(r.locations, lambda loc: (
        loc.facility, loc.city, loc.state, loc.zip, loc.country, loc.status,
        sorted((c.name or "", c.phone or "", c.email or "") for c in loc.contacts)))
    for name in ("org_study_id", "brief_title", "official_title", "acronym", "brief_summary"):
        yield name, getattr(r, name)
    yield "detailed_description", r.detailed_description
    yield "conditions", r.conditions
    yield "overall_status", r.overall_status
    yield "why_stopped", r.why_stopped
    yield "status_verified_date", r.status_verified_date
    yield from _dates("start_date", r.start_date)
    yield from _dates("primary_completion_date", r.primary_completion_date)
    yield from _dates("completion_date", r.completion_date)
    yield "first_submitted_date", r.first_submitted_date
    yield "last_update_submitted_date", r.last_update_submitted_date
    yield "last_update_posted_date", r.last_update_posted_date
    yield "study_type", r.study_type
    yield "phases", sorted(r.phases)
    for name in ("allocation", "intervention_model", "primary_purpose", "masking"):
        yield name, getattr(r, name)
    yield "who_masked", sorted(r.who_masked)
    yield "enrollment_count", r.enrollment_count
    yield "enrollment_type", r.enrollment_type
    yield "arms.label", [a.label for a in arms]
    yield "arms.type", [a.type for a in arms]
    yield "arms.description", [a.description for a in arms]
    yield "arms.intervention_names", [
        sorted(_TYPE_PREFIX.sub("", name) for name in a.intervention_names) for a in arms
    ]
    yield "interventions.type", [i.type for i in interventions]
    yield "interventions.name", [i.name for i in interventions]
    yield "interventions.description", [i.description for i in interventions]
    e = r.eligibility
    yield "eligibility.criteria", e.criteria
    yield "eligibility.sex", e.sex
    yield "eligibility.minimum_age", e.minimum_age
    yield "eligibility.maximum_age", e.maximum_age
    yield "eligibility.std_ages", sorted(e.std_ages)
    yield "eligibility.healthy_volunteers", e.healthy_volunteers
    yield "lead_sponsor", r.lead_sponsor
    yield from _contacts("central_contacts", central)
    for name in ("facility", "status", "city", "state", "zip", "country"):
        yield f"locations.{name}", [getattr(loc, name) for loc in sites]
    yield "locations.contacts.name", [[c.name for c in loc.contacts] for loc in sites]
    yield "locations.contacts.phone", [[c.phone for c in loc.contacts] for loc in sites]
    yield "locations.contacts.email", [[c.email for c in loc.contacts] for loc in sites]


# Field names in the model's order, for the message.
_ORDER = [name for name, _ in _fields(Record())]
# The field a finding points at: lists of sites, arms, ... point at the list.
_LISTS = ("arms.", "interventions.", "central_contacts.", "locations.")


def _field_path(name: str) -> str:
    return name.split(".", 1)[0] if name.startswith(_LISTS) else name


def _digest(value: Any) -> bytes:
    return hashlib.blake2b(repr(value).encode("utf-8"), digest_size=_DIGEST_SIZE).digest()


def summarize(record: Record, ctx: Context) -> Summary | None:
    if not record.nct_id or not record.nct_id.strip():
        return None
    present = 0
    digests = []
    for i, (_, value) in enumerate(_fields(record)):
        normalised = _norm(value)
        if _present(normalised):
            present |= 1 << i
            digests.append(_digest(normalised))
    return record.nct_id.strip().upper(), present, b"".join(digests)


def _hashes(present: int, digests: bytes) -> dict[str, bytes]:
    """The digest of each field that holds a value, by field name."""
    hashes = {}
    at = 0
    for i, name in enumerate(_ORDER):
        if present >> i & 1:
            hashes[name] = digests[at : at + _DIGEST_SIZE]
            at += _DIGEST_SIZE
    return hashes


def _differences(later: dict[str, bytes], earlier: dict[str, bytes]) -> list[str]:
    return [n for n in _ORDER if n in later and n in earlier and later[n] != earlier[n]]


def _where(ref: Any, other: Any) -> str:
    path, index = other
    if path == ref[0]:
        return f"record {index + 1} of this file"
    return path if index == 0 else f"{path} (record {index + 1})"


def reduce(
    summaries: list[tuple[Any, Summary]], ctx: Context
) -> Iterator[tuple[Any, Problem]]:
    copies: dict[str, list[tuple[Any, int, bytes]]] = defaultdict(list)
    for ref, (nct_id, present, digests) in summaries:
        copies[nct_id].append((ref, present, digests))
    for nct_id, packed in copies.items():
        if len(packed) < 2:
            continue
        found = [(ref, _hashes(present, digests)) for ref, present, digests in packed]
        for k in range(1, len(found)):
            ref, hashes = found[k]
            for other, other_hashes in found[:k]:
                differ = _differences(hashes, other_hashes)
                if not differ:
                    continue
                listed = ", ".join(differ[:8])
                if len(differ) > 8:
                    listed += f" and {len(differ) - 8} more"
                paths = list(dict.fromkeys(_field_path(n) for n in differ))
                yield ref, Problem(
                    paths[0],
                    f"{nct_id} is also in {_where(ref, other)}, with different {listed}: "
                    "keep one version",
                    related=tuple(paths[1:]),
                )
                break
