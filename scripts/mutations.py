"""Mutation testing of the checks: inject a known defect into a real record, and see whether the
check finds it; inject a correct variant, and see that it stays silent.

    python scripts/mutations.py                          # every spec in tests/mutations/
    python scripts/mutations.py tests/mutations/open-past-completion.yaml
    python scripts/mutations.py --markdown > docs/mutations.md

A spec is one YAML file per check, ``tests/mutations/<check-name>.yaml``:

    check: open-past-completion          # the check's name
    today: 2026-11-22                    # optional: the run date of every case (the default)
    cases:
      - name: recruiting, primary completion moved to 2024   # what the case is
        record: ctgov_v2_json/NCT05123456.json   # a real development-part record under tests/data
        expect: flagged                  # flagged: a NEW finding of the check; silent: none
        edits:                           # applied in order; each must apply
          - replace: "2027-06"           # first occurrence of this text in a text value
            with: "2024-06"
          - set: protocolSection.statusModule.overallStatus   # JSON: dotted path, [n] index
            value: RECRUITING            # legacy XML: element path a/b/c; null deletes

``record`` is a path under ``tests/data/`` (``seeds/001_....txt``) or under
``tests/data/corpus/`` (``ctgov_v2_json/NCT....json``, laid out as the shared corpus is). It
must be in the corpus's development part (``lintrials.corpus_split``): the evaluation part is
only read to measure.

Edits, by the record's format:

- ``replace`` / ``with``: the first occurrence of the text, once, in the first text value that
  holds it. JSON: the string values of the tree in document order (keys are not text). Legacy
  XML: each element's attribute values, then its text, then its children, then its tail, in
  document order. Page text (``.txt``): the whole text. The first occurrence may be in another
  field than the one meant (an organisation's name before a site's, the registry URL before the
  NCT ID): an optional ``in:`` path (JSON or XML, as for ``set``) replaces only inside that
  value or element (``in: protocolSection.contactsLocationsModule.locations[0]``).
- ``set`` / ``value``: JSON: a dotted path with ``[n]`` indexes from 0
  (``protocolSection.contactsLocationsModule.locations[2].status``); the value is any YAML value
  (a string, a number, a mapping); a missing last key is added, and ``[n]`` one past the end of
  a list appends. Legacy XML: an element path from the root's children (``overall_status``,
  ``location[1]/facility/name``, ``[n]`` from 0 among the children of that name; a leading
  ``clinical_study/`` may be written), which sets the element's text, adding a missing last
  element at the end of its parent; ``.../@type`` sets an attribute. ``value: null`` deletes
  the key, element or attribute (which must be there). Page text has no paths: use ``replace``.

Optional keys of a case (added to the contract; the defaults are what a case without them
does):

- ``today``: the run date (default: the file's ``today``, else 2026-11-22).
- ``options``: the check's options for the case, as a configuration file sets them.
- ``duplicate: true``: the unmutated record is run beside the mutated one, as a second file
  (for whole-run checks such as conflicting-duplicate: two copies of one NCT ID).
- ``also``: a record path, or a list of them, run unmutated beside the record in both runs
  (a record's XML twin, or other records for facility-spelling-variants).

How a case is decided: lintrials runs in process (no cache, nothing written outside a
temporary folder), with only the spec's check selected, once on the record as the harness
writes it without edits (the baseline: same serialisation, so only the edits differ) and once
with the edits. A finding of the check in the mutated run that the baseline does not have
(same file, field and message) is a new finding. ``flagged`` cases are found when there is one
(recall); ``silent`` cases fire when there is one (false alarms). A case whose mutated run has
a new engine finding (F00x: the record no longer reads; X00x: the check failed) counts as
missed or fired, and is listed as broken.

The report gives, per check, flagged cases found / total and silent cases that fired / total,
then each miss and each false alarm by name. A miss is a measurement, not an error: the exit
status is 0 with misses, 2 when a spec is wrong (every error names the file and the case).
"""

from __future__ import annotations

import argparse
import copy
import dataclasses
import json
import os
import re
import sys
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml
from lxml import etree

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "tests" / "data"
SPECS = REPO / "tests" / "mutations"
TODAY = date(2026, 11, 22)

SPEC_KEYS = {"check", "cases", "today"}
CASE_KEYS = {"name", "record", "expect", "edits", "today", "options", "duplicate", "also"}
EXPECTS = ("flagged", "silent")
FORMATS = {".json": "json", ".xml": "xml", ".txt": "text"}


class SpecError(Exception):
    """A spec that cannot be run: its message names the file and the case."""


# --- specs -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Edit:
    kind: str  # "replace" or "set"
    target: str  # the text replaced, or the path set
    value: Any  # the replacement text, or the value set (None deletes)
    within: str | None = None  # replace: only inside the value at this path ("in:")


@dataclass(frozen=True)
class Case:
    spec: Path
    check: str
    name: str
    record: str  # as the spec writes it
    path: Path  # the record's file
    expect: str
    edits: tuple[Edit, ...]
    today: date
    options: dict[str, Any] | None = None
    duplicate: bool = False
    also: tuple[Path, ...] = ()

    @property
    def where(self) -> str:
        return f"{_shown(self.spec)}: case {self.name!r}"


@dataclass
class Spec:
    path: Path
    check: str
    cases: list[Case] = field(default_factory=list)


def _shown(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(REPO))
    except ValueError:
        return str(path)


def resolve_record(name: str) -> Path | None:
    """The file a spec's ``record`` names: under tests/data, else under tests/data/corpus."""
    if not name or Path(name).is_absolute() or ".." in Path(name).parts:
        return None
    for base in (DATA, DATA / "corpus"):
        path = base / name
        if path.is_file():
            return path
    return None


def _record_path(value: Any, where: str) -> Path:
    from lintrials.corpus_split import part_of

    if not isinstance(value, str):
        raise SpecError(f"{where}: a record is a path under tests/data, not {value!r}")
    path = resolve_record(value)
    if path is None:
        raise SpecError(f"{where}: record {value!r} is not a file under tests/data "
                        "(nor under tests/data/corpus)")
    if path.suffix not in FORMATS:
        raise SpecError(f"{where}: record {value!r}: the harness edits .json, .xml and .txt "
                        "records only")
    if part_of(path) != "development":
        raise SpecError(f"{where}: record {value!r} is in the corpus's evaluation part, which "
                        "is only read to measure: use a development-part record")
    return path


def _date(value: Any, where: str) -> date:
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise SpecError(f"{where}: today must be a date (2026-11-22), not {value!r}")


def _edit(raw: Any, where: str) -> Edit:
    if not isinstance(raw, dict):
        raise SpecError(f"{where}: an edit is a mapping (replace/with or set/value), "
                        f"not {raw!r}")
    keys = set(raw)
    if keys in ({"replace", "with"}, {"replace", "with", "in"}):
        old, new, within = raw["replace"], raw["with"], raw.get("in")
        if not isinstance(old, str) or not old:
            raise SpecError(f"{where}: replace needs a non-empty text, not {old!r}")
        if not isinstance(new, str):
            raise SpecError(f"{where}: with needs a text (quote it: \"{new}\"), not {new!r}")
        if within is not None and (not isinstance(within, str) or not within):
            raise SpecError(f"{where}: in needs a path, not {within!r}")
        return Edit("replace", old, new, within)
    if keys == {"set", "value"}:
        target = raw["set"]
        if not isinstance(target, str) or not target:
            raise SpecError(f"{where}: set needs a path, not {target!r}")
        return Edit("set", target, raw["value"])
    unknown = sorted(keys - {"replace", "with", "in", "set", "value"})
    if unknown:
        raise SpecError(f"{where}: unknown edit key(s) {', '.join(unknown)} (an edit is "
                        "replace/with [in] or set/value)")
    raise SpecError(f"{where}: an edit is replace with with, or set with value; got "
                    f"{', '.join(sorted(keys))}")


def load_spec(path: Path, known: dict[str, Any]) -> Spec:
    """Read and validate one spec file; ``known`` maps check names to checks."""
    where = _shown(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        raise SpecError(f"{where}: cannot read: {error}") from None
    if not isinstance(data, dict):
        raise SpecError(f"{where}: a spec is a mapping with check and cases")
    unknown = sorted(set(data) - SPEC_KEYS)
    if unknown:
        raise SpecError(f"{where}: unknown key(s) {', '.join(map(str, unknown))} (a spec has "
                        f"{', '.join(sorted(SPEC_KEYS))})")
    check = data.get("check")
    if not isinstance(check, str) or not check:
        raise SpecError(f"{where}: no check: say which check the spec is for (check: NAME)")
    if check not in known:
        raise SpecError(f"{where}: unknown check {check!r} (see lintrials rules)")
    today = _date(data["today"], where) if "today" in data else TODAY
    cases = data.get("cases")
    if not isinstance(cases, list) or not cases:
        raise SpecError(f"{where}: no cases: cases is a list of cases")
    spec = Spec(path, check)
    names: set[str] = set()
    for n, raw in enumerate(cases, 1):
        spec.cases.append(_case(path, check, n, raw, today, names))
    return spec


def _case(path: Path, check: str, n: int, raw: Any, today: date, names: set[str]) -> Case:
    if not isinstance(raw, dict):
        raise SpecError(f"{_shown(path)}: case {n}: a case is a mapping, not {raw!r}")
    name = raw.get("name")
    if not isinstance(name, str) or not name.strip():
        raise SpecError(f"{_shown(path)}: case {n}: no name: say what the case is")
    where = f"{_shown(path)}: case {name!r}"
    if name in names:
        raise SpecError(f"{where}: two cases have this name")
    names.add(name)
    unknown = sorted(set(raw) - CASE_KEYS)
    if unknown:
        raise SpecError(f"{where}: unknown key(s) {', '.join(map(str, unknown))} (a case has "
                        f"{', '.join(sorted(CASE_KEYS))})")
    if "record" not in raw:
        raise SpecError(f"{where}: no record: name a real record under tests/data")
    record = _record_path(raw["record"], where)
    expect = raw.get("expect")
    if expect not in EXPECTS:
        raise SpecError(f"{where}: expect must be flagged or silent, not {expect!r}")
    edits = raw.get("edits")
    if not isinstance(edits, list) or not edits:
        raise SpecError(f"{where}: no edits: a case changes the record (edits: [...])")
    parsed = tuple(_edit(e, f"{where}: edit {k}") for k, e in enumerate(edits, 1))
    options = raw.get("options")
    if options is not None and not isinstance(options, dict):
        raise SpecError(f"{where}: options is a mapping of the check's options")
    duplicate = raw.get("duplicate", False)
    if not isinstance(duplicate, bool):
        raise SpecError(f"{where}: duplicate is true or false, not {duplicate!r}")
    also = raw.get("also", [])
    also = [also] if isinstance(also, str) else also
    if not isinstance(also, list):
        raise SpecError(f"{where}: also is a record path or a list of them")
    case = Case(
        spec=path, check=check, name=name, record=raw["record"], path=record, expect=expect,
        edits=parsed, today=_date(raw["today"], where) if "today" in raw else today,
        options=options, duplicate=duplicate,
        also=tuple(_record_path(a, f"{where}: also") for a in also),
    )
    mutate(case)  # every edit must apply: a spec error now, not a silent miss later
    return case


def spec_files(paths: Iterable[str | Path] = ()) -> list[Path]:
    given = [Path(p) for p in paths]
    if not given:
        return sorted(SPECS.glob("*.yaml"))
    found: list[Path] = []
    for path in given:
        found.extend(sorted(path.glob("*.yaml")) if path.is_dir() else [path])
    return found


def load_specs(paths: Iterable[str | Path], known: dict[str, Any]) -> tuple[list[Spec], list[str]]:
    """Every spec that loads, and the errors of those that do not."""
    specs, errors = [], []
    for path in spec_files(paths):
        try:
            specs.append(load_spec(path, known))
        except SpecError as error:
            errors.append(str(error))
    return specs, errors


# --- edits -------------------------------------------------------------------------------


def read_record(path: Path) -> tuple[str, Any]:
    """The record as the harness edits it: a JSON tree, an lxml tree, or the page's text."""
    fmt = FORMATS[path.suffix]
    data = path.read_bytes()
    if fmt == "json":
        return fmt, json.loads(data.decode("utf-8-sig"))
    if fmt == "xml":
        parser = etree.XMLParser(resolve_entities=False, remove_blank_text=False,
                                 no_network=True)
        return fmt, etree.ElementTree(etree.fromstring(data, parser))
    return fmt, data.decode("utf-8-sig")


def write_record(fmt: str, record: Any) -> bytes:
    if fmt == "json":
        return json.dumps(record, indent=2, ensure_ascii=False).encode("utf-8")
    if fmt == "xml":
        encoding = record.docinfo.encoding or "UTF-8"
        return bytes(etree.tostring(record, xml_declaration=True, encoding=encoding))
    return str(record).encode("utf-8")


def mutate(case: Case) -> tuple[bytes, bytes]:
    """The record as written without the edits (the baseline) and with them."""
    fmt, record = read_record(case.path)
    baseline = write_record(fmt, record)
    for k, edit in enumerate(case.edits, 1):
        try:
            record = apply_edit(fmt, record, edit)
        except SpecError as error:
            raise SpecError(f"{case.where}: edit {k}: {error}") from None
    return baseline, write_record(fmt, record)


def apply_edit(fmt: str, record: Any, edit: Edit) -> Any:
    if fmt == "text":
        if edit.kind != "replace" or edit.within is not None:
            raise SpecError("a page-text record has no paths (set, in): use replace")
        if edit.target not in record:
            raise SpecError(f"the text {edit.target!r} is not in the page")
        return str(record).replace(edit.target, edit.value, 1)
    inside = f" under {edit.within}" if edit.within else ""
    if fmt == "json":
        if edit.kind == "replace":
            if not _json_replace_in(record, edit):
                raise SpecError(f"the text {edit.target!r} is in no string value{inside}")
            return record
        _json_set(record, edit.target, edit.value)
        return record
    if edit.kind == "replace":
        root = record.getroot()
        node = root if edit.within is None else _xml_find(root, edit.within)
        if not _xml_replace(node, edit.target, edit.value):
            raise SpecError(f"the text {edit.target!r} is in no text or attribute value"
                            f"{inside}")
        return record
    _xml_set(record.getroot(), edit.target, edit.value)
    return record


def _json_replace_in(record: Any, edit: Edit) -> bool:
    """Replace in the record, or only inside the value at ``edit.within``."""
    if edit.within is None:
        return _json_replace(record, edit.target, edit.value)
    steps = json_path(edit.within)
    parent = record
    for k, step in enumerate(steps[:-1]):
        parent = _json_step(parent, step, edit.within, steps[: k + 1])
    value = _json_step(parent, steps[-1], edit.within, steps)
    if isinstance(value, str):
        if edit.target not in value:
            return False
        parent[steps[-1]] = value.replace(edit.target, edit.value, 1)
        return True
    return _json_replace(value, edit.target, edit.value)


def _json_replace(node: Any, old: str, new: str) -> bool:
    """Replace in the first string value (document order) holding ``old``; whether one did."""
    items: Iterable[tuple[Any, Any]]
    if isinstance(node, dict):
        items = list(node.items())
    elif isinstance(node, list):
        items = list(enumerate(node))
    else:
        return False
    for key, value in items:
        if isinstance(value, str):
            if old in value:
                node[key] = value.replace(old, new, 1)
                return True
        elif _json_replace(value, old, new):
            return True
    return False


_STEP = re.compile(r"([^.\[\]]+)|\[(\d+)\]|(\.)")


def json_path(path: str) -> list[str | int]:
    """``a.b[2].c`` -> ["a", "b", 2, "c"]."""
    steps: list[str | int] = []
    at, dotted = 0, True
    while at < len(path):
        m = _STEP.match(path, at)
        if m is None:
            raise SpecError(f"bad path {path!r} at {path[at:]!r}")
        name, index, dot = m.groups()
        if dot:
            if dotted:
                raise SpecError(f"bad path {path!r}: an empty step")
            dotted = True
        elif name is not None:
            if not dotted:
                raise SpecError(f"bad path {path!r}: a name must follow a dot")
            steps.append(name)
            dotted = False
        else:
            steps.append(int(index))
            dotted = False
        at = m.end()
    if dotted or not steps:
        raise SpecError(f"bad path {path!r}: it ends on a dot")
    return steps


def _json_set(record: Any, path: str, value: Any) -> None:
    steps = json_path(path)
    node = record
    for k, step in enumerate(steps[:-1]):
        node = _json_step(node, step, path, steps[: k + 1])
    last = steps[-1]
    if isinstance(last, str):
        if not isinstance(node, dict):
            raise SpecError(f"{path}: {_joined(steps[:-1])} is not an object")
        if value is None:
            if last not in node:
                raise SpecError(f"{path}: nothing to delete, there is no {last!r}")
            del node[last]
        else:
            node[last] = copy.deepcopy(value)
        return
    if not isinstance(node, list):
        raise SpecError(f"{path}: {_joined(steps[:-1])} is not a list")
    if value is None:
        if last >= len(node):
            raise SpecError(f"{path}: nothing to delete, the list has {len(node)} items")
        del node[last]
    elif last < len(node):
        node[last] = copy.deepcopy(value)
    elif last == len(node):
        node.append(copy.deepcopy(value))
    else:
        raise SpecError(f"{path}: index {last} past the end of a list of {len(node)}")


def _json_step(node: Any, step: str | int, path: str, so_far: list[str | int]) -> Any:
    if isinstance(step, str):
        if not isinstance(node, dict) or step not in node:
            raise SpecError(f"{path}: the record has no {_joined(so_far)}")
        return node[step]
    if not isinstance(node, list) or step >= len(node):
        raise SpecError(f"{path}: the record has no {_joined(so_far)}")
    return node[step]


def _joined(steps: list[str | int]) -> str:
    text = ""
    for step in steps:
        text += f"[{step}]" if isinstance(step, int) else (f".{step}" if text else step)
    return text or "(the top)"


def _xml_replace(element: Any, old: str, new: str) -> bool:
    """Replace in the first attribute value or text (document order) holding ``old``."""
    if isinstance(element.tag, str):
        for name, value in element.attrib.items():
            if old in value:
                element.set(name, value.replace(old, new, 1))
                return True
        if element.text and old in element.text:
            element.text = element.text.replace(old, new, 1)
            return True
    for child in element:
        if _xml_replace(child, old, new):
            return True
        if child.tail and old in child.tail:
            child.tail = child.tail.replace(old, new, 1)
            return True
    return False


_XML_STEP = re.compile(r"^([\w.-]+)(?:\[(\d+)\])?$")


def _xml_parts(root: Any, path: str) -> list[str]:
    parts = path.strip("/").split("/")
    if parts and parts[0] == root.tag and root.find(root.tag) is None:
        parts = parts[1:]
    return parts


def _xml_find(root: Any, path: str) -> Any:
    """The element at an element path (``location[1]/facility``), or a SpecError."""
    node = root
    parts = _xml_parts(root, path)
    for k, part in enumerate(parts):
        m = _XML_STEP.match(part)
        if m is None:
            raise SpecError(f"bad path {path!r}: step {part!r} (a name, or name[n])")
        found = node.findall(m.group(1))
        index = int(m.group(2) or 0)
        if index >= len(found):
            raise SpecError(f"{path}: the record has no {'/'.join(parts[: k + 1])}")
        node = found[index]
    return node


def _xml_set(root: Any, path: str, value: Any) -> None:
    parts = _xml_parts(root, path)
    attribute = parts.pop()[1:] if parts and parts[-1].startswith("@") else None
    if not parts and attribute is None:
        raise SpecError(f"bad path {path!r}: name an element under the root")
    if value is not None and not isinstance(value, (str, int, float)):
        raise SpecError(f"{path}: an XML value is a text, not {value!r}")
    node = root
    for k, part in enumerate(parts):
        m = _XML_STEP.match(part)
        if m is None:
            raise SpecError(f"bad path {path!r}: step {part!r} (a name, or name[n])")
        name, index = m.group(1), int(m.group(2) or 0)
        found = node.findall(name)
        last = k == len(parts) - 1
        if index < len(found):
            node = found[index]
        elif last and attribute is None and value is not None and index == len(found):
            node = etree.SubElement(node, name)
        else:
            raise SpecError(f"{path}: the record has no {'/'.join(parts[: k + 1])}")
    if attribute is not None:
        if value is None:
            if attribute not in node.attrib:
                raise SpecError(f"{path}: nothing to delete, there is no attribute {attribute}")
            del node.attrib[attribute]
        else:
            node.set(attribute, str(value))
        return
    if value is None:
        node.getparent().remove(node)
    else:
        node.text = str(value)


# --- runs --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Outcome:
    case: Case
    new: tuple[str, ...]  # the new findings of the check, as "CODE field: message"
    broken: tuple[str, ...]  # new engine findings (F, X): the mutated record does not read

    @property
    def fired(self) -> bool:
        return bool(self.new) or bool(self.broken)

    @property
    def right(self) -> bool:
        found = bool(self.new) and not self.broken
        return found if self.case.expect == "flagged" else not self.fired


class Harness:
    """Runs cases in process, each in a temporary folder of its own."""

    def __init__(self) -> None:
        from lintrials.engine import ENGINE_RULES
        from lintrials.plugins import discover

        self.checks, errors = discover()
        if errors:
            raise SystemExit("lintrials: " + "; ".join(errors))
        self.rules = [*self.checks, *ENGINE_RULES]
        self.by_name = {c.name: c for c in self.checks}
        self._baselines: dict[Any, frozenset[tuple[str, ...]]] = {}
        self._configs: dict[tuple[str, str], Any] = {}

    def run(self, case: Case) -> Outcome:
        baseline, mutated = mutate(case)
        check = self.by_name[case.check]
        key = (case.check, case.path, case.today, json.dumps(case.options, sort_keys=True,
                                                               default=str),
               case.duplicate, case.also)
        with tempfile.TemporaryDirectory(prefix="lintrials-mutations-") as tmp:
            if key not in self._baselines:
                self._baselines[key] = self._findings(case, Path(tmp) / "baseline", baseline)
            before = self._baselines[key]
            after = self._findings(case, Path(tmp) / "mutated", mutated, baseline)
        new = sorted(f for f in after - before if f[0] == check.code)
        broken = sorted(f for f in after - before if f[0][0] in "FX")
        return Outcome(case, tuple(_said(f) for f in new), tuple(_said(f) for f in broken))

    def _config(self, case: Case, folder: Path) -> Any:
        """The configuration of a case's runs: the defaults and the case's options, from a
        file written in the run's folder (no configuration of the machine is read)."""
        from lintrials.config import load

        key = (case.check, json.dumps(case.options, sort_keys=True, default=str))
        if key not in self._configs:
            path = folder / "lintrials.yaml"
            path.write_text(yaml.safe_dump({"checks": {case.check: case.options}}
                                           if case.options else {}), encoding="utf-8")
            self._configs[key] = load(self.rules, path)
        return self._configs[key]

    def _findings(self, case: Case, folder: Path, data: bytes,
                  original: bytes | None = None) -> frozenset[tuple[str, ...]]:
        """(code, file, field, message) of each finding of a run on ``data`` as the record,
        beside its unmutated copy (``duplicate``) and the ``also`` records; paths are relative
        to the run's folder, so the two runs of a case compare."""
        from lintrials.engine import Runner

        folder.mkdir(parents=True)
        paths = []
        for n, other in enumerate(case.also):
            target = folder / "also" / str(n) / other.name
            target.parent.mkdir(parents=True)
            target.write_bytes(other.read_bytes())
            paths.append(target)
        if case.duplicate:
            target = folder / "copy" / case.path.name
            target.parent.mkdir(parents=True)
            target.write_bytes(data if original is None else original)
            paths.append(target)
        subject = folder / "record" / case.path.name
        subject.parent.mkdir(parents=True)
        subject.write_bytes(data)
        paths.append(subject)
        config = dataclasses.replace(self._config(case, folder), select=[case.check],
                                     today=case.today)
        result = Runner(self.checks, config).run([str(p) for p in paths])
        prefix = str(folder) + os.sep
        return frozenset(
            (f.code, f.path.replace(prefix, ""), f.field or "", f.message.replace(prefix, ""))
            for f in result.findings
        )


def _said(finding: tuple[str, ...]) -> str:
    code, _, where, message = finding
    return f"{code} {where}: {message}" if where else f"{code}: {message}"


# --- the report --------------------------------------------------------------------------


@dataclass
class CheckReport:
    check: str
    code: str
    outcomes: list[Outcome] = field(default_factory=list)

    def of(self, expect: str) -> list[Outcome]:
        return [o for o in self.outcomes if o.case.expect == expect]

    @property
    def found(self) -> int:
        return sum(o.right for o in self.of("flagged"))

    @property
    def fired(self) -> int:
        return sum(not o.right for o in self.of("silent"))

    @property
    def misses(self) -> list[Outcome]:
        return [o for o in self.of("flagged") if not o.right]

    @property
    def false_alarms(self) -> list[Outcome]:
        return [o for o in self.of("silent") if not o.right]


def run_specs(specs: list[Spec], harness: Harness) -> list[CheckReport]:
    reports: dict[str, CheckReport] = {}
    for spec in specs:
        code = harness.by_name[spec.check].code
        report = reports.setdefault(spec.check, CheckReport(spec.check, code))
        report.outcomes.extend(harness.run(case) for case in spec.cases)
    return sorted(reports.values(), key=lambda r: (r.code, r.check))


def _ratio(part: int, whole: int) -> str:
    return f"{part}/{whole} ({100 * part / whole:.0f}%)" if whole else "0/0 (-)"


def _detail(outcome: Outcome) -> str:
    case = outcome.case
    text = f"{case.name} ({case.record})"
    if outcome.broken:
        text += f": broken: {outcome.broken[0]}"
    elif case.expect == "silent" and outcome.new:
        text += f": {outcome.new[0]}"
    return text


def text_report(reports: list[CheckReport]) -> Iterator[str]:
    width = max([len(r.check) for r in reports] + [5])
    yield f"{'check':<{width}}  code  {'recall (flagged found)':<24}  false alarms (silent fired)"
    for r in reports:
        yield (f"{r.check:<{width}}  {r.code}  {_ratio(r.found, len(r.of('flagged'))):<24}  "
               f"{_ratio(r.fired, len(r.of('silent')))}")
    flagged = sum(len(r.of("flagged")) for r in reports)
    silent = sum(len(r.of("silent")) for r in reports)
    yield (f"{'all':<{width}}        {_ratio(sum(r.found for r in reports), flagged):<24}  "
           f"{_ratio(sum(r.fired for r in reports), silent)}")
    for title, pick in (("misses", "misses"), ("false alarms", "false_alarms")):
        listed = [(r, o) for r in reports for o in getattr(r, pick)]
        yield ""
        yield f"{title}: {len(listed)}"
        for r, o in listed:
            yield f"  {r.code} {r.check}: {_detail(o)}"


def case_lines(reports: list[CheckReport]) -> Iterator[str]:
    """Each case: right or not, and what the mutated record newly got."""
    for r in reports:
        for o in r.outcomes:
            mark = "ok  " if o.right else ("MISS" if o.case.expect == "flagged" else "FIRE")
            yield f"{mark} {r.code} {o.case.expect:<7} {o.case.name} ({o.case.record})"
            for said in (*o.broken, *o.new):
                yield f"       {said}"


def _md(text: str) -> str:
    return text.replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;")


def markdown_report(reports: list[CheckReport]) -> Iterator[str]:
    yield "# Mutation report"
    yield ""
    yield ("Each check is run on real development-part records with a known defect injected "
           "(flagged cases: the check must make a new finding) and with correct variants "
           "(silent cases: it must not). Recall is flagged cases found; false alarms are silent "
           "cases that fired. The specs are `tests/mutations/<check>.yaml`; CONTRIBUTING.md "
           "says how to write one. Run date 2026-11-22 unless a case gives its own.")
    yield ""
    yield "Generated by `python scripts/mutations.py --markdown > docs/mutations.md`; do not edit."
    yield ""
    yield "| check | code | flagged found | recall | silent fired | false alarms |"
    yield "|---|---|---:|---:|---:|---:|"
    for r in reports:
        flagged, silent = len(r.of("flagged")), len(r.of("silent"))
        yield (f"| {r.check} | {r.code} | {r.found}/{flagged} | {_percent(r.found, flagged)} | "
               f"{r.fired}/{silent} | {_percent(r.fired, silent)} |")
    flagged = sum(len(r.of("flagged")) for r in reports)
    silent = sum(len(r.of("silent")) for r in reports)
    found, fired = sum(r.found for r in reports), sum(r.fired for r in reports)
    yield (f"| **all** | | {found}/{flagged} | {_percent(found, flagged)} | {fired}/{silent} | "
           f"{_percent(fired, silent)} |")
    for title, pick, none in (
        ("Misses", "misses", "No flagged case was missed."),
        ("False alarms", "false_alarms", "No silent case fired."),
    ):
        listed = [(r, o) for r in reports for o in getattr(r, pick)]
        yield ""
        yield f"## {title} ({len(listed)})"
        yield ""
        if not listed:
            yield none
        for r, o in listed:
            yield f"- {r.code} {r.check}: {_md(_detail(o))}"


def _percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:.0f}%" if whole else "-"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("specs", nargs="*", help="spec files or folders (default: tests/mutations)")
    parser.add_argument("--markdown", action="store_true",
                        help="write the report as Markdown (docs/mutations.md)")
    parser.add_argument("--check-only", action="store_true",
                        help="validate the specs and their edits, run nothing")
    parser.add_argument("-v", "--verbose", action="store_true",
                        help="also print every case: its outcome and the new findings")
    args = parser.parse_args(argv)
    harness = Harness()
    specs, errors = load_specs(args.specs, harness.by_name)
    if errors:
        for error in errors:
            print(f"mutations: {error}", file=sys.stderr)
        return 2
    if not specs:
        print("mutations: no spec files", file=sys.stderr)
        return 2
    if args.check_only:
        print(f"{len(specs)} specs, {sum(len(s.cases) for s in specs)} cases: all valid")
        return 0
    reports = run_specs(specs, harness)
    if args.verbose:
        for line in case_lines(reports):
            print(line, file=sys.stderr)
    lines = markdown_report(reports) if args.markdown else text_report(reports)
    sys.stdout.write("\n".join(lines) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
