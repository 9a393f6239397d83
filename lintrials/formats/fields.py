"""Model field paths (``locations[3].contacts[0].phone``), read by every format's locator.

`split_field` cuts a path into its names and indexes; `walk` follows one through a format's
table of where each field sits in its source (a JSON Pointer part, an XML element path).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

_SEGMENT = re.compile(r"([a-z_]+)(?:\[(\d+)\])?")


def split_field(field: str) -> list[tuple[str, int | None]]:
    """``locations[3].phone`` -> ``[("locations", 3), ("phone", None)]``."""
    parts: list[tuple[str, int | None]] = []
    for segment in field.split("."):
        m = _SEGMENT.fullmatch(segment)
        if not m:
            raise ValueError(f"not a field path: {field!r}")
        parts.append((m.group(1), int(m.group(2)) if m.group(2) is not None else None))
    return parts


def walk(table: dict[str, Any], field: str) -> Iterator[tuple[Any, int | None, bool]]:
    """``(where, index, nested)`` for each segment of ``field``: what ``table`` maps its name to.

    A table maps a field name to where it sits, or, for a list or a struct, to a tuple of where
    it sits and the table of what lies inside it (``nested`` is then True); the walk goes down
    into that table. A name the table does not hold raises KeyError(field).
    """
    for name, index in split_field(field):
        spec = table.get(name)
        if spec is None:
            raise KeyError(field)
        if isinstance(spec, tuple):
            where, table = spec
            yield where, index, True
        else:
            table = {}
            yield spec, index, False


def enum_value(value: str | None) -> str | None:
    """A value as the registry shows it, in the API v2 spelling: "Not yet recruiting" is
    NOT_YET_RECRUITING (legacy XML and study pages show statuses and other coded values so)."""
    if value is None:
        return None
    value = value.strip()
    special = {"N/A": "NA", "Unknown status": "UNKNOWN", "Accepts Healthy Volunteers": "YES"}
    if value in special:
        return special[value]
    return re.sub(r"[^A-Z0-9]+", "_", value.upper()).strip("_") or None
