"""Real recall: records of the evaluation part read in full, every defect of a kind a check
covers listed in ``evaluation/recall/GROUP.yaml``, and the share of them lintrials reports
(``python -m lintrials.evaluation recall``; docs/evaluation.md says how records are chosen)."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from lintrials.corpus_split import files_of
from lintrials.evaluation import CORPUS, ROOT, Found

RECALL = ROOT / "evaluation" / "recall"
RECALL_RECORDS = 40
_RECALL_FOLDERS = ("ctgov_v2_json", "ctgov_legacy_xml")


def recall_records(group: str, corpus: Path = CORPUS) -> list[str]:
    """The records read in full for a recall group: of the evaluation part's ClinicalTrials.gov
    records, the 40 whose name hashes lowest with the group's name (a fixed rule, so the choice
    cannot follow what lintrials finds)."""
    files = [p for p in files_of("evaluation", [corpus]) if p.parent.name in _RECALL_FOLDERS]
    ranked = sorted(files, key=lambda p: hashlib.sha256(f"{group}\x00{p.name}".encode()).digest())
    return [p.relative_to(corpus).as_posix() for p in ranked[:RECALL_RECORDS]]


@dataclass
class Defect:
    group: str
    record: str
    check: str
    field: str
    quote: str
    reason: str


def read_recall(folder: Path = RECALL) -> dict[str, tuple[list[str], list[Defect]]]:
    """Each recall group's records read in full and the defects a reader listed in them."""
    import yaml

    groups = {}
    for path in sorted(folder.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        records, defects = [], []
        for entry in data.get("records") or []:
            records.append(str(entry["record"]))
            for item in entry.get("defects") or []:
                defects.append(Defect(path.stem, str(entry["record"]), str(item["check"]),
                                      str(item.get("field", "")), str(item.get("quote", "")),
                                      str(item.get("reason", ""))))
        groups[path.stem] = (records, defects)
    return groups


def _dotted(pointer: str) -> str:
    """A JSON pointer dotted: ``/a/locations/3/facility`` is ``a.locations[3].facility``."""
    parts = [p for p in pointer.split("/") if p]
    return "".join(f"[{p}]" if p.isdigit() else f".{p}" for p in parts).lstrip(".")


def _holds(a: str, b: str) -> bool:
    """Whether field address ``a`` is ``b``, holds it, lies in it, or ends with it (a reader may
    write a v2 path without its leading ``protocolSection.``)."""
    if a == b:
        return True
    a, b = sorted((a, b), key=len)
    return b.startswith((a + ".", a + "[")) or b.endswith("." + a)


def reported(defect: Defect, found: Iterable[Found]) -> bool:
    """Whether a finding of the defect's check names it: the same record, and a field (as the
    finding names it, or as its JSON pointer or XML path spells it) that is the defect's, holds
    it or lies in it (a finding on ``locations[4]`` names a defect of ``locations[4].facility``,
    and the other way round)."""
    for f in found:
        if f.check == defect.check and f.record == defect.record:
            if not defect.field or not (f.field or f.pointer):
                return True
            names = [n for n in (f.field, _dotted(f.pointer)) if n]
            if any(_holds(n, defect.field) for n in names):
                return True
    return False


def recall_table(found: list[Found], groups: dict[str, tuple[list[str], list[Defect]]]) -> str:
    lines = [f"{'group':26} {'records':>7} {'defects':>7} {'reported':>8} {'recall':>7}"]
    by_record: dict[str, list[Found]] = {}
    for f in found:
        by_record.setdefault(f.record, []).append(f)
    misses = []
    for group, (records, defects) in groups.items():
        hits = [d for d in defects if reported(d, by_record.get(d.record, []))]
        misses += [d for d in defects if d not in hits]
        share = f"{100 * len(hits) / len(defects):.0f}%" if defects else "-"
        lines.append(f"{group:26} {len(records):7} {len(defects):7} {len(hits):8} {share:>7}")
    lines += [f"missed: {d.group}: {d.check} {d.record} {d.field} {d.quote!r}" for d in misses]
    return "\n".join(lines)
