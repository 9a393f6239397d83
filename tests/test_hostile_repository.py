"""One repository built by an attacker, with every trick of issue 11 at once (docs/security.md).

Beside real records it holds a record and a file name built to forge output, a link to a
record outside the tree, and a `.lintrials_cache/` committed from another machine: entries
signed with the attacker's key and emptied, an entry that is a FIFO, one that is a link to
/dev/zero, a `.gitignore` that links to a file outside and a dangling `CACHEDIR.TAG` link. A
run over it must report exactly what a clean copy reports, exit as the clean copy does, write
nothing outside its cache folder, print nothing of the outside file, and print no line that the
README's problem matcher takes for a finding that is not one. (A file edited between the check
and the fix: tests/test_cache_security.py.)
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from test_output_security import ATTACK, BAD_NAME, RAW

from conftest import EXAMPLES, REPO, TODAY

RECORDS = ["NCT07177911.json", "000_c17df8f03dc45045.txt"]
TOKEN = "SECRET-TOKEN-4711"


def populate(folder: Path) -> Path:
    """The records of the repository, as a clean copy has them."""
    folder.mkdir(parents=True)
    for name in RECORDS:
        shutil.copy(EXAMPLES / name, folder / name)
    study = json.loads((EXAMPLES / "NCT07314060.json").read_text(encoding="utf-8"))
    study["protocolSection"]["contactsLocationsModule"]["locations"][0]["facility"] = ATTACK
    (folder / BAD_NAME).write_text(json.dumps(study, indent=2, ensure_ascii=False),
                                   encoding="utf-8")
    return folder


def lintrials(folder: Path, keys: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "lintrials", "check", "--today", TODAY.isoformat(), *args, "."],
        cwd=folder, capture_output=True, timeout=300, check=False,
        env={**os.environ, "XDG_CACHE_HOME": str(keys)},
    )


def findings(done: subprocess.CompletedProcess[bytes]) -> list[tuple[object, ...]]:
    return [(f["code"], f["path"], f["line"], f["column"], f["message"])
            for f in json.loads(done.stdout)]


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))}


def test_a_hostile_repository_hides_nothing_writes_nothing_outside_and_forges_nothing(
    tmp_path: Path,
) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "important.txt").write_text("do not overwrite\n")
    secret = json.loads((EXAMPLES / "NCT07177911.json").read_text(encoding="utf-8"))
    secret["protocolSection"]["identificationModule"]["briefTitle"] = TOKEN
    (outside / "secret.json").write_text(json.dumps(secret, indent=2))
    before = snapshot(outside)

    clean = lintrials(populate(tmp_path / "clean"), tmp_path / "clean-keys",
                      "--no-cache", "--format", "json")
    assert clean.returncode == 1, clean.stderr
    expected = findings(clean)
    assert len(expected) > 10

    # The attacker runs lintrials on the same records with a key of their own, then empties
    # every entry it wrote, signs it again, and commits the cache folder with the records.
    attacker, attacker_keys = populate(tmp_path / "attacker"), tmp_path / "attacker-keys"
    assert lintrials(attacker, attacker_keys, "--format", "json").returncode == 1
    key = (attacker_keys / "lintrials" / "key").read_bytes().strip()
    entries = sorted((attacker / ".lintrials_cache").glob("*/*.json"))
    assert len(entries) == 3
    for entry in entries:
        body = json.loads(entry.read_bytes().partition(b"\n")[2])
        data = json.dumps({**body, "findings": []}).encode()
        mac = hmac.new(key, entry.stem.encode() + b"\0" + data, hashlib.sha256).hexdigest()
        entry.write_bytes(mac.encode() + b"\n" + data)
    repo = populate(tmp_path / "repo")
    cache = repo / ".lintrials_cache"
    shutil.copytree(attacker / ".lintrials_cache", cache)
    fifo, zero = (cache / e.relative_to(attacker / ".lintrials_cache") for e in entries[1:])
    fifo.unlink()
    os.mkfifo(fifo)
    zero.unlink()
    zero.symlink_to("/dev/zero")
    for name, target in ((".gitignore", "important.txt"), ("CACHEDIR.TAG", "created.txt")):
        (cache / name).unlink(missing_ok=True)
        (cache / name).symlink_to(Path("..", "..", "outside", target))
    (repo / "secret.json").symlink_to(outside / "secret.json")

    keys = tmp_path / "victim-keys"
    for _ in range(2):  # the second run reads the cache the first one rebuilt
        done = lintrials(repo, keys, "--format", "json")
        assert done.returncode == 1, done.stderr
        assert findings(done) == expected
    full = lintrials(repo, keys, "--format", "full")
    text = lintrials(repo, keys, "--format", "text")
    for report in full, text:
        assert report.returncode == 1
        out = report.stdout.decode("utf-8") + report.stderr.decode("utf-8")  # valid UTF-8
        assert TOKEN not in out and "secret.json" not in report.stdout.decode("utf-8")
        assert not RAW.search(out)
    # The README's problem matcher finds exactly the real findings in the text report.
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    pattern = re.search(r'"regexp": "(.+?)",\n', readme)
    assert pattern is not None
    matcher = re.compile(json.loads(f'"{pattern.group(1)}"'))
    matched = [m for m in map(matcher.match, text.stdout.decode().splitlines()) if m]
    assert len(matched) == len(expected)
    assert sorted(m.group(4) for m in matched) == sorted(str(f[0]) for f in expected)

    fixed = lintrials(repo, keys, "--fix", "--format", "json")
    assert fixed.returncode == 1, fixed.stderr
    assert b'"phone": "+86 21 5058 2090"' in (repo / "NCT07177911.json").read_bytes()
    assert snapshot(outside) == before  # nothing outside written, created or overwritten
    assert not (outside / "created.txt").exists()
    assert (repo / "secret.json").is_symlink() and (outside / "secret.json").exists()
