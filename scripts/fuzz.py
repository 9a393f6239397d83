"""Fuzz file reading, format detection and the three parsers with atheris, for a bounded time.

Each input is read as a file would be (``files.read``: zip archives, byte-order marks, declared
encodings, binary files), its format detected, every record parsed, and every field of every
record located, with a fix tried on each text value, exactly as ``tests/test_properties.py``
does. An exception is a crash: the input is saved under ``--crashes`` (one file per distinct
place it was raised, named by the target file's ending so the regression test reads it alike)
and fuzzing goes on. At the end the figures are printed: inputs tried, crashes, distinct crashes.

    pip install atheris
    python scripts/fuzz.py --seconds 300 [--crashes tests/data/fuzz] [--target all]

The seed corpus is made of a few real records (JSON, legacy XML, a page, a zip of them) from
../shared/corpus and examples/. Not part of CI's default run (it needs atheris, and time).
Every crash fixed is kept in tests/data/fuzz/, which tests/test_hostile.py reads back.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import hashlib
import io
import json
import sys
import tempfile
import traceback
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parents[1]
NAMES = ["x.json", "x.xml", "x.txt", "x.zip", "x.jsonl"]
stats = {"inputs": 0, "crashes": 0}
seen: dict[str, str] = {}  # crash place -> saved file
JSONL = Path(tempfile.mkdtemp(prefix="lintrials-fuzz-")) / "x.jsonl"


def field_paths(value: Any, prefix: str = "") -> Iterator[tuple[str, Any]]:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        for item in dataclasses.fields(value):
            if item.name not in ("sections", "text_format"):
                yield from field_paths(getattr(value, item.name),
                                       f"{prefix}.{item.name}" if prefix else item.name)
    elif isinstance(value, list):
        for i, element in enumerate(value):
            yield from field_paths(element, f"{prefix}[{i}]")
    else:
        yield prefix, value


def exercise(name: str, data: bytes) -> None:
    from lintrials.files import ReadProblem, read
    from lintrials.findings import Fix
    from lintrials.formats import FileProblem, ctgov_json, detect

    body: bytes | None = data
    if name.endswith(".jsonl"):  # read from a file, a part at a time, as the engine does
        JSONL.write_bytes(data)
        name, body = str(JSONL), None
    for item in read(name, body):
        if isinstance(item, ReadProblem):
            continue
        fmt = ctgov_json if item.json_lines else detect(item.path, item.text)
        if fmt is None:
            continue
        for parsed in fmt.parse(item):
            if isinstance(parsed, FileProblem):
                item.line_col(parsed.offset)
                continue
            parsed.locator.locate(None, None)
            for path, value in field_paths(parsed.record):
                parsed.locator.locate(path, None)
                if isinstance(value, str):
                    parsed.locator.locate(path, (len(value) // 2, len(value)))
                    # The engine's contract: these three mean "no fix rather than a wrong one".
                    with contextlib.suppress(KeyError, ValueError, IndexError):
                        parsed.locator.fix_edits(Fix("fix", 'x"<&>\n'), path)


def target(data: bytes, crashes: Path, which: str) -> None:
    stats["inputs"] += 1
    if stats["inputs"] % 5000 == 0:  # libFuzzer ends the process without running atexit
        report()
    if not data:
        return
    if which == "all":
        name, body = NAMES[data[0] % len(NAMES)], data[1:]
    else:
        name, body = f"x.{which}", data
    try:
        exercise(name, body)
    except Exception as error:  # a crash: keep the input, go on fuzzing
        stats["crashes"] += 1
        frame = traceback.extract_tb(error.__traceback__)[-1]
        place = f"{type(error).__name__} at {Path(frame.filename).name}:{frame.lineno}"
        if place not in seen:
            digest = hashlib.sha1(body).hexdigest()[:12]
            path = crashes / f"crash-{digest}{Path(name).suffix}"
            path.write_bytes(body)
            seen[place] = str(path)
            print(f"\nCRASH {place}: {error!r:.200} -> {path}", file=sys.stderr, flush=True)


def report() -> None:
    print(f"\nfuzz: {stats['inputs']} inputs tried, {stats['crashes']} crashed, "
          f"{len(seen)} distinct crash places: {', '.join(seen) or 'none'}",
          file=sys.stderr, flush=True)


def seeds(folder: Path, which: str) -> None:
    """Real records to start from: for one target, its own kind (no leading name byte)."""
    corpus = HERE.parent / "shared" / "corpus"
    picks = [corpus / "ctgov_v2_json" / "NCT00000410.json",
             corpus / "ctgov_legacy_xml" / "NCT00000323.xml",
             HERE / "examples" / "NCT07104344.json",
             HERE / "examples" / "001_020fa720e2ffd389.txt"]
    for i, path in enumerate(p for p in picks if p.exists()):
        if which != "all" and path.suffix != f".{which}":
            continue
        data = path.read_bytes()
        lead = bytes([NAMES.index("x" + path.suffix)]) if which == "all" else b""
        (folder / f"seed-{i}").write_bytes(lead + data)
        (folder / f"seed-{i}-cut").write_bytes(lead + data[:2000])
    if which == "jsonl":
        lines = [json.dumps(json.loads(p.read_bytes())).encode() for p in picks[::2]]
        (folder / "seed-jsonl").write_bytes(b"\n".join(lines) + b"\n")
        (folder / "seed-jsonl-cut").write_bytes(b"\n".join(line[:1500] for line in lines))
    if which not in ("all", "zip"):
        return
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("a.json", picks[2].read_bytes()[:3000])
        archive.writestr("../b.xml", picks[1].read_bytes()[:3000])
    lead = bytes([NAMES.index("x.zip")]) if which == "all" else b""
    (folder / "seed-zip").write_bytes(lead + buffer.getvalue())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=300)
    parser.add_argument("--crashes", type=Path, default=Path("fuzz-crashes"))
    parser.add_argument("--target", choices=["all", "json", "jsonl", "xml", "txt", "zip"],
                        default="all")
    parser.add_argument("--max-len", type=int, default=20000)
    args = parser.parse_args()
    import atheris

    with atheris.instrument_imports():
        import lintrials.files
        import lintrials.formats.ctgov_json
        import lintrials.formats.ctgov_xml
        import lintrials.formats.jsonpos
        import lintrials.formats.page_text
        import lintrials.source
    lintrials.files.PART_CHARS = 256  # many parts in one input
    args.crashes.mkdir(parents=True, exist_ok=True)
    corpus = Path(tempfile.mkdtemp(prefix="lintrials-fuzz-"))
    seeds(corpus, args.target)

    atheris.Setup(
        [sys.argv[0], str(corpus), f"-max_total_time={args.seconds}", f"-max_len={args.max_len}",
         "-timeout=20", "-rss_limit_mb=4096", "-print_final_stats=1"],
        lambda data: target(data, args.crashes, args.target),
    )
    atheris.Fuzz()
    return 0


if __name__ == "__main__":
    sys.exit(main())
