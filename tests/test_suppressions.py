"""Suppression files and baselines: keyed by check, record and field, never by line."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from click.testing import CliRunner

from conftest import EXAMPLES
from lintrials.cli import main

FOUR = "E101,L201,L202,C301"


def lintrials(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["check", "--today", "2026-11-22", *args])
    return result.exit_code, result.output


def reformatted(source: Path, target: Path) -> None:
    """The same study exported again: other indentation, modules in another order."""
    study = json.loads(source.read_text())
    section = study["protocolSection"]
    study["protocolSection"] = dict(reversed(list(section.items())))
    target.write_text(json.dumps(study, indent=4, ensure_ascii=True))


def test_suppression_accepts_a_finding_and_keeps_it_in_sarif(tmp_path: Path) -> None:
    supp = tmp_path / "supp.yaml"
    supp.write_text(
        "suppressions:\n"
        "  - check: duplicate-site\n"
        "    record: NCT07314060\n"
        "    field: locations[24].facility\n"
        "    reason: Two departments of one hospital.\n"
    )
    path = EXAMPLES / "NCT07314060.json"
    _, out = lintrials("--select", FOUR, "--suppressions", str(supp), str(path))
    assert "L201" not in out and "L202" in out
    _, out = lintrials("--select", FOUR, "--suppressions", str(supp), "--format", "sarif",
                          str(path))
    results = json.loads(out)["runs"][0]["results"]
    (suppressed,) = [r for r in results if r.get("suppressions")]
    assert suppressed["ruleId"] == "L201"
    assert suppressed["suppressions"][0]["justification"] == "Two departments of one hospital."


def test_stale_suppression_is_reported_only_when_its_record_was_checked(tmp_path: Path) -> None:
    supp = tmp_path / "supp.yaml"
    supp.write_text(
        "suppressions:\n"
        "  - check: L201\n    record: NCT07104344\n    reason: no longer true\n"
        "  - check: L201\n    record: NCT99999999\n    reason: a record not in this run\n"
    )
    _, out = lintrials("--select", FOUR, "--suppressions", str(supp),
                       str(EXAMPLES / "NCT07104344.json"))
    stale = [line for line in out.splitlines() if "X002" in line]
    assert len(stale) == 1 and stale[0].startswith(f"{supp}:2:1: X002 unused-suppression")


def test_suppression_without_reason_is_refused(tmp_path: Path) -> None:
    supp = tmp_path / "supp.yaml"
    supp.write_text("suppressions:\n  - check: L201\n    record: NCT07314060\n")
    code, out = lintrials("--suppressions", str(supp), str(EXAMPLES / "NCT07314060.json"))
    assert code == 2 and "supp.yaml:2: the entry has no reason" in out


def test_add_suppressions_writes_every_finding_then_the_run_is_clean(tmp_path: Path) -> None:
    folder = tmp_path / "ex"
    shutil.copytree(EXAMPLES, folder)
    supp = tmp_path / "supp.yaml"
    code, _ = lintrials("--select", FOUR, "--suppressions", str(supp), "--add-suppressions",
                        "accepted at adoption", str(folder))
    assert code == 0
    assert supp.read_text().count("reason: accepted at adoption") == 4  # one per record+field
    code, out = lintrials("--select", FOUR, "--suppressions", str(supp), str(folder))
    assert code == 0, out


def test_baseline_survives_reformatting_and_reports_only_new_findings(tmp_path: Path) -> None:
    folder = tmp_path / "ex"
    folder.mkdir()
    shutil.copy(EXAMPLES / "NCT07314060.json", folder / "study.json")
    baseline = tmp_path / "baseline.json"
    code, _ = lintrials("--select", FOUR, "--write-baseline", str(baseline), str(folder))
    assert code == 0 and baseline.exists()
    # Re-exported: indentation and key order change, every line moves.
    reformatted(EXAMPLES / "NCT07314060.json", folder / "study.json")
    code, out = lintrials("--select", FOUR, "--baseline", str(baseline), str(folder))
    assert code == 0, out
    # A new defect is still reported.
    study = json.loads((folder / "study.json").read_text())
    study["protocolSection"]["contactsLocationsModule"]["centralContacts"][0]["phone"] = (
        "+86-010-12345678")
    (folder / "study.json").write_text(json.dumps(study, indent=2))
    code, out = lintrials("--select", FOUR, "--baseline", str(baseline), str(folder))
    assert code == 1 and "C301" in out and "L201" not in out
