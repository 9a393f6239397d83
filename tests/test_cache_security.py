"""A hostile tree cannot steer the cache or --fix (issue 11, items 1 and 2; docs/security.md).

Each test builds one attack a sponsor could commit beside its records (a forged or copied cache
entry, links and a FIFO in the cache folder, a cache folder that is a link, a file edited
between the check and the fix) and shows that every finding is still reported, the exit code is
right, nothing outside the cache folder is written, and nothing hangs. Each run has a key folder
of its own (``XDG_CACHE_HOME``): the victim's, or the attacker's.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import EXAMPLES
from lintrials import cache
from lintrials.cli import main
from lintrials.results import RunResult

RECORD = "NCT07177911.json"  # 3 findings, one an error; one fixable (C301, its phone)
FINDINGS = 3
FIXED_PHONE = b'"phone": "+86 21 5058 2090"'
HANG_LIMIT = 120  # seconds: a run this long has hung (it takes one or two)


def tree(root: Path) -> Path:
    """A checked tree: one record."""
    root.mkdir(parents=True, exist_ok=True)
    shutil.copy(EXAMPLES / RECORD, root / RECORD)
    return root


def run(cwd: Path, keys: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """The command line in ``cwd`` with the key folder ``keys``, stopped if it hangs."""
    return subprocess.run(
        [sys.executable, "-m", "lintrials", "check", "--today", "2026-11-22", "--format", "json",
         *args, RECORD],
        cwd=cwd, capture_output=True, text=True, timeout=HANG_LIMIT,
        env={**os.environ, "XDG_CACHE_HOME": str(keys), "CI": "true"},
    )


def codes(done: subprocess.CompletedProcess[str]) -> list[str]:
    return sorted(f["code"] for f in json.loads(done.stdout))


def entries(root: Path) -> list[Path]:
    return sorted((root / cache.FOLDER).glob("*/*.json"))


def forge(entry: Path, keys: Path, change: dict[str, object]) -> None:
    """Rewrite an entry with ``change`` and sign it with the key in ``keys``: a valid entry
    for whoever holds that key."""
    key = (keys / "lintrials" / "key").read_bytes().strip()
    body = json.loads(entry.read_bytes().partition(b"\n")[2])
    data = json.dumps({**body, **change}).encode()
    mac = hmac.new(key, entry.stem.encode() + b"\0" + data, hashlib.sha256).hexdigest()
    entry.write_bytes(mac.encode() + b"\n" + data)


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and not p.is_symlink()}


def test_a_forged_empty_entry_from_another_tree_hides_nothing(tmp_path: Path) -> None:
    attacker, victim = tmp_path / "attacker", tmp_path / "victim"
    assert codes(run(tree(attacker), tmp_path / "attacker-keys")) == ["C301", "C303", "S105"]
    (entry,) = entries(attacker)
    forge(entry, tmp_path / "attacker-keys", {"findings": [], "records": 0})
    # The forgery works where it was made (so the test shows something) ...
    done = run(attacker, tmp_path / "attacker-keys")
    assert (done.returncode, codes(done)) == (0, [])
    # ... but, committed into another tree, it is not this user's: ignored and rebuilt.
    shutil.copytree(attacker / cache.FOLDER, tree(victim) / cache.FOLDER)
    done = run(victim, tmp_path / "victim-keys")
    assert (done.returncode, codes(done)) == (1, ["C301", "C303", "S105"]), done.stderr
    assert entry.read_bytes() != (victim / cache.FOLDER / entry.relative_to(attacker / cache.FOLDER)
                                  ).read_bytes()
    assert run(victim, tmp_path / "victim-keys").returncode == 1  # the rebuilt entry is good


def test_an_unsigned_entry_of_the_old_layout_is_ignored(tmp_path: Path) -> None:
    root, keys = tree(tmp_path / "t"), tmp_path / "keys"
    run(root, keys)
    (entry,) = entries(root)
    entry.write_text(json.dumps({"key": entry.stem, "files": 1, "records": 1, "findings": []}))
    done = run(root, keys)
    assert (done.returncode, len(codes(done))) == (1, FINDINGS)


def test_an_entry_naming_another_file_is_refused_even_when_signed(tmp_path: Path) -> None:
    """Were the key known, an entry still cannot carry findings (or fixes) of another file;
    and --fix never writes what an entry says, only what it makes again from the file."""
    root, keys = tree(tmp_path / "t"), tmp_path / "keys"
    outside = tmp_path / "outside.json"
    outside.write_text('{"a": "keep me"}\n')
    run(root, keys)
    (entry,) = entries(root)
    body = json.loads(entry.read_bytes().partition(b"\n")[2])
    for finding in body["findings"]:
        finding["path"] = str(outside)
        finding["fix"] = {"description": "d", "safe": True, "edits": [
            {"line": 1, "column": 1, "end_line": 1, "end_column": 1, "content": "INJECTED"}]}
    forge(entry, keys, {"findings": body["findings"]})
    done = run(root, keys, "--fix")
    assert outside.read_text() == '{"a": "keep me"}\n'
    assert FIXED_PHONE in (root / RECORD).read_bytes()
    assert "fixed 1 finding" in done.stderr and done.returncode == 1
    assert codes(done) == ["C303", "S105"]


def test_links_in_the_cache_folder_are_replaced_never_followed(tmp_path: Path) -> None:
    root, keys = tree(tmp_path / "t"), tmp_path / "keys"
    important = tmp_path / "important.txt"
    important.write_text("important\n")
    folder = root / cache.FOLDER
    folder.mkdir()
    (folder / ".gitignore").symlink_to(important)
    (folder / "CACHEDIR.TAG").symlink_to(tmp_path / "created-outside")  # dangling
    done = run(root, keys)
    assert (done.returncode, len(codes(done))) == (1, FINDINGS)
    assert important.read_text() == "important\n"
    assert not (tmp_path / "created-outside").exists()
    assert not (folder / ".gitignore").is_symlink() and not (folder / "CACHEDIR.TAG").is_symlink()
    assert (folder / ".gitignore").read_text().endswith("*\n")


def test_a_cache_folder_that_is_a_link_is_not_used(tmp_path: Path) -> None:
    root, keys = tree(tmp_path / "t"), tmp_path / "keys"
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (root / cache.FOLDER).symlink_to(elsewhere)
    done = run(root, keys)
    assert (done.returncode, len(codes(done))) == (1, FINDINGS)
    assert list(elsewhere.iterdir()) == []
    assert done.stderr.count("running without the cache") == 1, done.stderr
    assert "is not a folder" in done.stderr


def test_entries_that_are_links_fifos_or_folders_are_never_opened(tmp_path: Path) -> None:
    roots = [tree(tmp_path / name) for name in ("zero", "fifo", "folder", "outside")]
    keys = tmp_path / "keys"
    secret = tmp_path / "secret.txt"
    secret.write_text("a token\n")
    for root in roots:
        run(root, keys)
    (zero,), (fifo,), (folder,), (outside,) = (entries(root) for root in roots)
    zero.unlink()
    zero.symlink_to("/dev/zero")  # read whole, it would be endless
    fifo.unlink()
    os.mkfifo(fifo)  # opened for reading, it would wait for a writer
    folder.unlink()
    folder.mkdir()
    outside.unlink()
    outside.symlink_to(secret)
    for root in roots:
        done = run(root, keys)
        assert (done.returncode, len(codes(done))) == (1, FINDINGS), done.stderr
    assert secret.read_text() == "a token\n"
    for entry in zero, fifo, outside:  # removed and rebuilt as a file of this user's
        assert entry.is_file() and not entry.is_symlink()
    assert folder.is_dir()  # left, never read: the file is checked every run


def test_an_oversized_entry_is_not_read(tmp_path: Path) -> None:
    root, keys = tree(tmp_path / "t"), tmp_path / "keys"
    run(root, keys)
    (entry,) = entries(root)
    body = json.loads(entry.read_bytes().partition(b"\n")[2])
    forge(entry, keys, {"findings": [], "padding": "x" * cache.MAX_ENTRY_BYTES, **{
        k: v for k, v in body.items() if k != "findings"}})
    done = run(root, keys)
    assert (done.returncode, len(codes(done))) == (1, FINDINGS)


def test_without_a_key_the_run_goes_without_the_cache_and_says_so_once(tmp_path: Path) -> None:
    root = tree(tmp_path / "t")
    keys = tmp_path / "not-a-folder"
    keys.write_text("")
    done = run(root, keys)
    assert (done.returncode, len(codes(done))) == (1, FINDINGS)
    assert done.stderr.count("running without the cache") == 1, done.stderr
    assert not (root / cache.FOLDER).exists()


def test_a_key_others_can_read_is_not_used(tmp_path: Path) -> None:
    root, keys = tree(tmp_path / "t"), tmp_path / "keys"
    run(root, keys)
    key = keys / "lintrials" / "key"
    assert key.stat().st_mode & 0o777 == 0o600
    key.chmod(0o644)
    done = run(root, keys)
    assert "can be read by others" in done.stderr and done.returncode == 1


def test_a_check_failure_is_never_cached(tmp_path: Path) -> None:
    folder = tmp_path / cache.FOLDER
    store = cache.Cache(folder, "settings", b"0" * 64)
    store.put("ab" * 32, RunResult(files=1, records=1, check_failures=1))
    assert not list(folder.glob("*/*.json"))
    store.put("cd" * 32, RunResult(files=1, records=1))
    assert store.get("cd" * 32, "x.json") is not None
    assert cache.Cache(folder, "settings", b"1" * 64).get("cd" * 32, "x.json") is None


# ------------------------------------------------------------- a file edited before the fix


def cli_fix(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, *args: str) -> tuple[int, str]:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "keys"))
    result = CliRunner().invoke(main, ["check", "--today", "2026-11-22", "--select", "C301",
                                       "--fix", *args, RECORD])
    return result.exit_code, result.output


def test_a_file_edited_after_the_check_is_left_and_said(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The run's edits would cut the new text apart: the file is left, and the run says so."""
    from lintrials import engine

    path = tree(tmp_path) / RECORD
    edited = b"\n\n\n" + path.read_bytes()
    real_run = engine.Runner.run

    def edit_after_the_check(self: engine.Runner, *args: object, **kwargs: object) -> RunResult:
        result = real_run(self, *args, **kwargs)  # type: ignore[arg-type]
        path.write_bytes(edited)
        return result

    monkeypatch.setattr(engine.Runner, "run", edit_after_the_check)
    code, out = cli_fix(tmp_path, monkeypatch)
    assert path.read_bytes() == edited
    assert out.count("it changed since it was checked") == 1, out
    assert code == 2 and "fixed 0 findings; 1 file not fixed" in out


def test_a_file_edited_between_the_fix_and_the_write_is_left_and_said(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from lintrials import fixer

    path = tree(tmp_path) / RECORD
    real_fix_file = fixer._fix_file

    def edit_while_fixing(*args: object) -> fixer.FileFix:
        fix = real_fix_file(*args)  # type: ignore[arg-type]
        path.write_bytes(b"{}\n")  # someone saves the file meanwhile
        return fix

    monkeypatch.setattr(fixer, "_fix_file", edit_while_fixing)
    code, out = cli_fix(tmp_path, monkeypatch)
    assert path.read_bytes() == b"{}\n"
    assert out.count("it changed since it was checked") == 1, out
    assert code == 2 and "1 file not fixed" in out
