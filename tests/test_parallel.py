"""--jobs, the cache and Dask: the same findings in the same order, however the run is split."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import CORPUS, EXAMPLES

# Enough files for workers to start (a run of few files stays in one process), small enough
# to be quick: the examples, 40 legacy XML records, 40 API v2 records, and partial ones.
FILES = [str(EXAMPLES)] + [
    str(p) for folder, n in (("ctgov_legacy_xml", 40), ("ctgov_v2_json", 40),
                             ("ctgov_v2_json_partial", 51))
    for p in sorted((CORPUS / folder).iterdir())[:n]
]


def lintrials(*args: str, cwd: Path) -> list[dict[str, object]]:
    done = subprocess.run(
        [sys.executable, "-m", "lintrials", "check", "--today", "2026-11-22", "--format", "json",
         *args], cwd=cwd, capture_output=True, text=True, check=False)
    assert done.returncode in (0, 1), done.stderr
    findings: list[dict[str, object]] = json.loads(done.stdout)
    return findings


@pytest.mark.slow
def test_two_jobs_give_the_same_findings_in_the_same_order(tmp_path: Path) -> None:
    one = lintrials("--no-cache", "--jobs", "1", *FILES, cwd=tmp_path)
    two = lintrials("--no-cache", "--jobs", "2", *FILES, cwd=tmp_path)
    assert one and one == two


@pytest.mark.slow
def test_cached_run_gives_the_same_findings_and_rebuilds_bad_entries(tmp_path: Path) -> None:
    first = lintrials("--jobs", "1", *FILES, cwd=tmp_path)
    entries = sorted((tmp_path / ".lintrials_cache").glob("*/*.json"))
    assert len(entries) >= len(FILES) - 1
    assert (tmp_path / ".lintrials_cache" / ".gitignore").read_text().endswith("*\n")
    # One entry corrupted, one swapped for another file's: neither is trusted.
    entries[0].write_text('{"key": "not this one", "findings": [')
    entries[2].write_bytes(entries[1].read_bytes())
    second = lintrials("--jobs", "1", *FILES, cwd=tmp_path)
    assert second == first
    for entry in entries[0], entries[2]:  # rebuilt: an HMAC, then the JSON
        mac, _, body = entry.read_bytes().partition(b"\n")
        assert len(mac) == 64 and json.loads(body)["files"] == 1
    assert entries[2].read_bytes() != entries[1].read_bytes()


@pytest.mark.slow
def test_changed_options_or_date_do_not_reuse_entries(tmp_path: Path) -> None:
    path = str(EXAMPLES / "001_020fa720e2ffd389.txt")
    today = lintrials("--select", "S101", path, cwd=tmp_path)
    earlier = subprocess.run(
        [sys.executable, "-m", "lintrials", "check", "--today", "2025-01-01", "--format", "json",
         "--select", "S101", path], cwd=tmp_path, capture_output=True, text=True, check=False)
    assert today and json.loads(earlier.stdout) == []


@pytest.mark.slow
def test_a_dask_cluster_gives_the_same_findings(tmp_path: Path) -> None:
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                      dashboard_address=None) as cluster:
        remote = lintrials("--no-cache", "--dask-scheduler", cluster.scheduler_address, *FILES,
                           cwd=tmp_path)
    local = lintrials("--no-cache", "--jobs", "1", *FILES, cwd=tmp_path)
    assert remote and remote == local
