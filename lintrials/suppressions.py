"""Suppressions and baselines: accepting findings in files that cannot hold ``# noqa``.

A suppression file (YAML) lists accepted findings by check, record ID and field, each with a
reason::

    suppressions:
      - check: duplicate-site
        record: NCT07314060
        field: locations[facility="Hospital B", city="Beijing", country="China"].facility
        reason: Two departments of one hospital, registered apart on purpose.

``field`` may be left out to accept the check on the whole record. It is the finding's
identity (`lintrials.identity`: list items named by what identifies them), which
``--add-suppressions`` writes, or its field path as reports show it (``locations[24].facility``,
list items by place), which older files hold and which still matches the item at that place.
An entry that matches nothing in a run that checked its record is reported
(``unused-suppression``), so the file does not rot.

A baseline (JSON, written by ``--write-baseline``) holds the keys of every finding of a run
(check, record, identity) with how many findings had each; ``--baseline`` then reports only
findings it does not hold, and notes the entries that no finding of a run that checked their
record matched (``unused-baseline-entry``). A baseline of the first layout (keys by field
path, list items by place) is still read and matches by field path.

Both match by check, record and identity, never by line or by place in a list, so they
survive re-ordering, re-formatting and re-export of records.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from lintrials.config import ConfigError, load_yaml
from lintrials.files import write_atomic
from lintrials.findings import Finding


@dataclass
class Suppression:
    check: str
    record: str
    field: str | None
    reason: str
    line: int
    used: int = 0

    def matches(self, finding: Finding) -> bool:
        return (
            self.check in (finding.code, finding.name)
            and self.record == finding.record
            and (self.field is None or self.field in (finding.identity, finding.field))
        )


def load(path: Path) -> list[Suppression]:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return []
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: cannot read: {error}") from None
    data, located = load_yaml(str(path), text)
    if not data:
        return []
    if not isinstance(data, dict) or set(data) != {"suppressions"}:
        raise located.error((), "expected one key, suppressions: a list of entries")
    entries = data["suppressions"] or []
    if not isinstance(entries, list):
        raise located.error(("suppressions",), "expected a list of entries")
    found = []
    lines = _entry_lines(text)
    for i, entry in enumerate(entries):
        where = f"{path}:{lines[i] if i < len(lines) else 1}"
        if not isinstance(entry, dict):
            raise ConfigError(f"{where}: an entry is a mapping with check, record, reason")
        unknown = set(entry) - {"check", "record", "field", "reason"}
        if unknown:
            raise ConfigError(f"{where}: unknown key {sorted(unknown)[0]!r} "
                              "(expected check, record, field, reason)")
        missing = [k for k in ("check", "record", "reason") if not entry.get(k)]
        if missing:
            raise ConfigError(f"{where}: the entry has no {missing[0]} "
                              "(every suppression says why)" if missing[0] == "reason" else
                              f"{where}: the entry has no {missing[0]}")
        found.append(Suppression(
            check=str(entry["check"]), record=str(entry["record"]),
            field=str(entry["field"]) if entry.get("field") else None,
            reason=str(entry["reason"]), line=lines[i] if i < len(lines) else 1,
        ))
    return found


def _entry_lines(text: str) -> list[int]:
    """The line of each list entry, for messages about it."""
    return [i + 1 for i, line in enumerate(text.splitlines()) if line.lstrip().startswith("- ")]


def apply(
    findings: list[Finding], entries: list[Suppression]
) -> tuple[list[Finding], list[Finding]]:
    """Split findings into (kept, suppressed); suppressed ones carry their reason."""
    by_record: dict[str | None, list[Suppression]] = {}
    for entry in entries:
        by_record.setdefault(entry.record, []).append(entry)
    kept, suppressed = [], []
    for finding in findings:
        match = next((e for e in by_record.get(finding.record, []) if e.matches(finding)), None)
        if match is None:
            kept.append(finding)
        else:
            match.used += 1
            finding.suppression = match.reason
            suppressed.append(finding)
    return kept, suppressed


def add(path: Path, findings: list[Finding], reason: str) -> int:
    """Append an entry for every finding not yet suppressed; return how many were added."""
    existing = load(path)
    known = {(e.check, e.record, e.field) for e in existing}
    new = []
    for f in findings:
        if f.record is None or any((f.code, f.record, field) in known
                                   for field in {f.identity or f.field, f.field}):
            continue  # findings about a whole file have no record to key them by
        field = f.identity or f.field
        known.add((f.code, f.record, field))
        entry: dict[str, Any] = {"check": f.code, "record": f.record}
        if field:
            entry["field"] = field
        entry["reason"] = reason
        new.append(entry)
    if not new:
        return 0
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    if not text.strip():
        text = "# lintrials suppressions: accepted findings, each with the reason.\nsuppressions:\n"
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # libyaml: 100,000 entries in seconds
    # An entry's field on one line however long an identity is: read and diffed line by line.
    addition = yaml.dump(new, Dumper=dumper, sort_keys=False, allow_unicode=True,
                         width=1_000_000)
    # Entries indented as the file's own are (a hand-written file often indents them).
    first = re.search(r"^([ \t]*)- ", text, re.MULTILINE)
    if first and first.group(1):
        addition = "".join(first.group(1) + line if line.strip() else line
                           for line in addition.splitlines(keepends=True))
    write_atomic(path, (text.rstrip("\n") + "\n" + addition).encode("utf-8"))
    return len(new)


BASELINE_LAYOUT = 2  # 1: keys by field path (list items by place); 2: by identity


@dataclass
class Baseline:
    """A baseline file as read: how many findings each key accepts, and where each key is."""

    path: Path
    layout: int
    counts: Counter[str]
    lines: dict[str, int]

    def take(self, finding: Finding) -> bool:
        """Whether the baseline holds the finding (counting it off if so)."""
        key = finding.key if self.layout > 1 else finding.index_key
        if self.counts[key] > 0:
            self.counts[key] -= 1
            return True
        return False

    def left(self) -> list[tuple[str, str, str, int, int]]:
        """Each key no finding took: its check, record, field, how many were left of it, and
        its line in the file."""
        found = []
        for key, count in self.counts.items():
            if count > 0:
                code, where, field = [*key.split("|", 2), "", ""][:3]
                found.append((code, where, field, count, self.lines.get(key, 1)))
        return found


def write_baseline(path: Path, findings: list[Finding]) -> None:
    counts = Counter(f.key for f in findings)
    data = {"lintrials_baseline": BASELINE_LAYOUT, "findings": dict(sorted(counts.items()))}
    write_atomic(path, (json.dumps(data, indent=1, ensure_ascii=False) + "\n").encode("utf-8"))


def load_baseline(path: Path) -> Baseline:
    try:
        text = path.read_text(encoding="utf-8")
        data = json.loads(text)
        layout = int(data.get("lintrials_baseline", 1))
        counts = Counter({str(k): int(v) for k, v in data["findings"].items()})
    except FileNotFoundError:
        raise ConfigError(f"{path}: no such baseline file") from None
    except (ValueError, KeyError, TypeError, AttributeError, OSError) as error:
        raise ConfigError(f"{path}: not a lintrials baseline ({error})") from None
    if layout not in (1, BASELINE_LAYOUT):
        raise ConfigError(f"{path}: a baseline of layout {layout}, which this lintrials "
                          f"does not know (it reads 1 and {BASELINE_LAYOUT})")
    return Baseline(path, layout, counts, _key_lines(text))


def _key_lines(text: str) -> dict[str, int]:
    """The line of each key of a baseline file, for messages about it."""
    found: dict[str, int] = {}
    decoder = json.JSONDecoder()
    for number, line in enumerate(text.splitlines(), 1):
        stripped = line.lstrip()
        if not stripped.startswith('"'):
            continue
        try:
            key, _ = decoder.raw_decode(stripped)
        except ValueError:
            continue
        if isinstance(key, str):
            found.setdefault(key, number)
    return found


def apply_baseline(path: Path | Baseline, findings: list[Finding]) -> tuple[list[Finding], int]:
    """Findings the baseline does not hold, and how many it held."""
    baseline = path if isinstance(path, Baseline) else load_baseline(path)
    kept, held = [], 0
    for finding in findings:
        if baseline.take(finding):
            held += 1
        else:
            kept.append(finding)
    return kept, held
