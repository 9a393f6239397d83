"""Benchmarks of lintrials against its performance targets, as ratios measured side by side.

Every figure is a ratio of two things measured in the same run, on the same machine, with the
two sides interleaved (A B, B A, A B, ...) and the median taken over the pairs, so that a noisy
machine (other jobs, a 2-core CI box) moves both sides alike. Nothing here asserts wall time in a
test; this script prints one line per target: the measured ratio, the target, met or missed.

Run it with the Python that has lintrials installed (it runs ``lintrials`` from the same
environment, from a temporary folder so that a source tree does not shadow the install):

    python bench/bench.py                          # every target
    python bench/bench.py throughput startup       # some targets
    python bench/bench.py --repeat 7 --records 100000 --json results.json

Targets (issue 5):
  throughput  check every default check over the v2 JSON corpus <= 3x a json.load loop
  startup     check one seed page <= 4x ``python -c "import json"``
  parallel    --jobs N >= 1.7x faster than --jobs 1 on the corpus, identical findings
  cache       a second run over unchanged files <= 15% of the first, identical findings
  memory      a 100k-record JSON Lines file peaks under 500 MB, and 100k peaks ~ 10k
  scaling     10k/30k/100k records grow linearly; per check, 8,000 sites ~ 10x 800 sites

The JSON Lines files are generated from the corpus (records cycled, NCT IDs rewritten to
NCT9xxxxxxx) in a temporary folder that is removed at the end (``--data DIR`` keeps them).
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
SHARED = HERE.parent.parent / "shared"
TODAY = "2026-11-22"
SENTINEL = "NCT@@@@@@@@"
TARGETS = ("throughput", "startup", "parallel", "cache", "memory", "scaling")

JSON_LOOP = """\
import json, os, sys
for folder, dirs, names in os.walk(sys.argv[1]):
    dirs.sort()
    for name in sorted(names):
        if name.endswith(".json"):
            with open(os.path.join(folder, name), "rb") as handle:
                json.load(handle)
"""


@dataclass
class Run:
    """One child process: wall seconds, CPU seconds (user + system), peak memory in bytes."""

    wall: float
    cpu: float
    peak: int
    returncode: int
    stderr: str = ""


@dataclass
class Outcome:
    target: str
    line: str
    met: bool | None  # None: skipped
    data: dict[str, Any] = field(default_factory=dict)


def run(cmd: list[str], cwd: Path, stdout: Path | None = None) -> Run:
    """Run ``cmd`` and measure it with wait4: this child's own wall, CPU and peak memory.

    The CPU time and peak memory include the child's own children (worker processes) once
    they are waited for; ``peak`` is the largest resident set of any one of them.
    """
    with contextlib.ExitStack() as stack:
        out = stack.enter_context(open(stdout, "wb")) if stdout else subprocess.DEVNULL
        err = stack.enter_context(tempfile.TemporaryFile())
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, stdout=out, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        stderr = err.read().decode("utf-8", "replace")
    return Run(
        wall=wall,
        cpu=usage.ru_utime + usage.ru_stime,
        peak=usage.ru_maxrss * 1024,  # kilobytes on Linux
        returncode=proc.returncode,
        stderr=stderr,
    )


def checked(r: Run, what: str) -> Run:
    """Stop on a crash; lintrials exits 0, 1 (findings) or 2 (a plugin or check failed)."""
    if r.returncode not in (0, 1, 2):
        raise SystemExit(f"bench: {what} exited {r.returncode}:\n{r.stderr[-2000:]}")
    if r.returncode == 2:
        first = r.stderr.strip().splitlines()[:1]
        print(f"# warning: {what} exited 2 (a plugin or check failed): {first}", file=sys.stderr)
    return r


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


class Bench:
    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.python = args.python
        self.lintrials = self._lintrials_command()
        self.corpus = Path(args.corpus)
        self.seed = Path(args.seed) if args.seed else sorted(Path(args.seeds).glob("*.txt"))[0]
        self.work = Path(tempfile.mkdtemp(prefix="lintrials-bench-"))
        self.data = Path(args.data) if args.data else self.work / "data"
        self.data.mkdir(parents=True, exist_ok=True)
        self.help = subprocess.run(
            [*self.lintrials, "check", "--help"], capture_output=True, text=True, check=False
        ).stdout
        self._large: dict[int, list[Run]] = {}
        self._counter = 0

    def _lintrials_command(self) -> list[str]:
        if self.args.lintrials:
            return [self.args.lintrials]
        script = Path(self.python).parent / "lintrials"
        return [str(script)] if script.exists() else [self.python, "-m", "lintrials"]

    def close(self) -> None:
        shutil.rmtree(self.work, ignore_errors=True)

    def has(self, option: str) -> bool:
        return option in self.help

    def fresh_dir(self) -> Path:
        """A new empty working folder: a run's cache (if any) lands in it and nowhere else."""
        self._counter += 1
        folder = self.work / f"cwd{self._counter}"
        folder.mkdir()
        return folder

    def check_cmd(self, *paths: str | Path, jobs: int | None = 1, cache: bool = False) -> list[str]:
        cmd = [*self.lintrials, "check", "--today", TODAY]
        if jobs is not None and self.has("--jobs"):
            cmd += ["--jobs", str(jobs)]
        if not cache and self.has("--no-cache"):
            cmd.append("--no-cache")
        return cmd + [str(p) for p in paths]

    def pairs(
        self, a: Callable[[], Run], b: Callable[[], Run], repeat: int
    ) -> tuple[list[Run], list[Run]]:
        """Run a and b ``repeat`` times each, interleaved (a b, b a, ...), after one warm-up."""
        a(), b()  # warm the page cache and the .pyc files; not counted
        runs_a: list[Run] = []
        runs_b: list[Run] = []
        for i in range(repeat):
            if i % 2 == 0:
                runs_a.append(a())
                runs_b.append(b())
            else:
                runs_b.append(b())
                runs_a.append(a())
        return runs_a, runs_b

    @staticmethod
    def ratio(runs_a: list[Run], runs_b: list[Run], clock: str = "wall") -> float:
        """Median over the pairs of a/b: each pair ran back to back, under the same load."""
        pairs = zip(runs_a, runs_b, strict=True)
        return median([getattr(x, clock) / getattr(y, clock) for x, y in pairs])

    # -- targets -----------------------------------------------------------------------------

    def throughput(self) -> Outcome:
        records = sum(1 for _ in self.corpus.rglob("*.json"))
        cwd = self.fresh_dir()
        lint = self.check_cmd(self.corpus)
        loop = [self.python, "-c", JSON_LOOP, str(self.corpus)]
        a, b = self.pairs(
            lambda: checked(run(lint, cwd), "lintrials check"),
            lambda: checked(run(loop, cwd), "json.load loop"),
            self.args.repeat,
        )
        wall, cpu = self.ratio(a, b), self.ratio(a, b, "cpu")
        lint_s = median([r.wall for r in a])
        rate = records / lint_s
        return Outcome(
            "throughput",
            f"{wall:.2f}x json.load (cpu {cpu:.2f}x; target <= 3x): lintrials "
            f"{lint_s:.2f} s, json.load {median([r.wall for r in b]):.2f} s, "
            f"{rate:.0f} records/s over {records} records",
            wall <= 3.0,
            {"ratio": wall, "cpu_ratio": cpu, "records_per_second": rate, "records": records,
             "lintrials_s": lint_s, "json_load_s": median([r.wall for r in b])},
        )

    def startup(self) -> Outcome:
        cwd = self.fresh_dir()
        lint = self.check_cmd(self.seed)
        bare = [self.python, "-c", "import json"]
        a, b = self.pairs(
            lambda: checked(run(lint, cwd), "lintrials check (one seed)"),
            lambda: checked(run(bare, cwd), "python -c 'import json'"),
            self.args.repeat * 3,
        )
        wall, cpu = self.ratio(a, b), self.ratio(a, b, "cpu")
        return Outcome(
            "startup",
            f"{wall:.2f}x python -c 'import json' (cpu {cpu:.2f}x; target <= 4x): lintrials "
            f"{median([r.wall for r in a]) * 1000:.0f} ms, python "
            f"{median([r.wall for r in b]) * 1000:.0f} ms, on {self.seed.name}",
            wall <= 4.0,
            {"ratio": wall, "cpu_ratio": cpu, "lintrials_ms": median([r.wall for r in a]) * 1000,
             "python_ms": median([r.wall for r in b]) * 1000},
        )

    def parallel(self) -> Outcome:
        if not self.has("--jobs"):
            return Outcome("parallel", "skipped: `lintrials check --help` lists no --jobs", None)
        jobs = self.args.jobs or os.cpu_count() or 2
        cwd = self.fresh_dir()
        out_1, out_n = self.work / "jobs1.json", self.work / f"jobs{jobs}.json"
        one = self.check_cmd(self.corpus, "--format", "json", jobs=1)
        many = self.check_cmd(self.corpus, "--format", "json", jobs=jobs)
        a, b = self.pairs(
            lambda: checked(run(one, cwd, out_1), "--jobs 1"),
            lambda: checked(run(many, cwd, out_n), f"--jobs {jobs}"),
            self.args.repeat,
        )
        same = out_1.read_bytes() == out_n.read_bytes()
        speedup = self.ratio(a, b)
        return Outcome(
            "parallel",
            f"{speedup:.2f}x faster with --jobs {jobs} than --jobs 1 (target >= 1.7x): "
            f"{median([r.wall for r in a]):.2f} s vs {median([r.wall for r in b]):.2f} s; "
            f"findings {'identical, same order' if same else 'DIFFER'}",
            speedup >= 1.7 and same,
            {"speedup": speedup, "jobs": jobs, "identical": same},
        )

    def cache(self) -> Outcome:
        if not self.has("--no-cache"):
            return Outcome("cache", "skipped: `lintrials check --help` lists no --no-cache", None)
        firsts: list[Run] = []
        seconds: list[Run] = []
        same = True
        for i in range(self.args.repeat + 1):
            cwd = self.fresh_dir()  # a new, empty cache each time
            cmd = self.check_cmd(self.corpus, "--format", "json", cache=True)
            if self.has("--cache-dir"):
                at = cmd.index("check") + 1
                cmd[at:at] = ["--cache-dir", str(cwd / "cache")]
            out1, out2 = cwd / "first.json", cwd / "second.json"
            firsts.append(checked(run(cmd, cwd, out1), "first run (empty cache)"))
            seconds.append(checked(run(cmd, cwd, out2), "second run (warm cache)"))
            same = same and out1.read_bytes() == out2.read_bytes()
            if i == 0:
                firsts.pop(), seconds.pop()  # a warm-up pair: page cache, .pyc files
        share = self.ratio(seconds, firsts)
        return Outcome(
            "cache",
            f"second run {share * 100:.1f}% of the first (target <= 15%): "
            f"{median([r.wall for r in firsts]):.2f} s then "
            f"{median([r.wall for r in seconds]):.2f} s; "
            f"findings {'identical' if same else 'DIFFER'}",
            share <= 0.15 and same,
            {"share": share, "identical": same},
        )

    def memory(self) -> Outcome:
        small, large = self.args.records // 10, self.args.records
        runs = self.large_runs([small, large])
        peak_small = max(r.peak for r in runs[small])
        peak_large = max(r.peak for r in runs[large])
        growth = peak_large / peak_small
        mb = 1024 * 1024
        met = peak_large < 500 * mb and growth <= 1.25
        return Outcome(
            "memory",
            f"peak {peak_large / mb:.0f} MB on {large:,} records (target < 500 MB), "
            f"{peak_small / mb:.0f} MB on {small:,}: {growth:.2f}x for 10x the records "
            f"(target ~1x, <= 1.25x); {self._layout(large)}",
            met,
            {"peak_mb": peak_large / mb, "peak_small_mb": peak_small / mb, "growth": growth},
        )

    def scaling(self) -> Outcome:
        sizes = [self.args.records // 10, self.args.records * 3 // 10, self.args.records]
        runs = self.large_runs(sizes)
        base = median([r.wall for r in runs[sizes[0]]])
        growth = {n: median([r.wall for r in runs[n]]) / base for n in sizes[1:]}
        linear = all(g <= (n / sizes[0]) * 1.25 for n, g in growth.items())
        per_record_ms = {n: median([r.wall for r in runs[n]]) / n * 1000 for n in sizes}
        text = ", ".join(f"{n:,}/{sizes[0]:,} {g:.2f}x" for n, g in growth.items())
        sites = self.sites()
        worst = max(sites.items(), key=lambda item: item[1])
        quadratic_free = worst[1] <= 20.0
        return Outcome(
            "scaling",
            f"records: {text} (linear: 3x, 10x; target within 25%), "
            f"{per_record_ms[sizes[-1]]:.2f} ms/record at {sizes[-1]:,}; sites: worst "
            f"check {worst[0]} {worst[1]:.1f}x for 10x the sites (target ~10x, <= 20x); "
            f"{self._layout(sizes[-1])}",
            linear and quadratic_free,
            {"growth": growth, "per_record_ms": per_record_ms, "sites": sites},
        )

    # -- the JSON Lines runs, shared by memory and scaling -------------------------------------

    def _layout(self, n: int) -> str:
        per_file = self.args.file_records or n
        if per_file >= n:
            return "one JSON Lines file"
        return f"JSON Lines files of {per_file:,} records"

    def large_runs(self, sizes: list[int]) -> dict[int, list[Run]]:
        todo = [n for n in sizes if n not in self._large]
        if todo:
            paths = {n: self.jsonl(n) for n in todo}
            cwd = self.fresh_dir()
            for n in todo:
                self._large[n] = []
            # Interleaved: every size once per round, rounds in alternating order.
            for i in range(self.args.repeat_large):
                for n in todo if i % 2 == 0 else reversed(todo):
                    too_big = self._projected_too_big(n)
                    if too_big:
                        raise Skipped(too_big)
                    out = cwd / "statistics.txt"
                    cmd = self.check_cmd("--statistics", paths[n])
                    r = checked(run(cmd, cwd, out), f"{n} records")
                    read = _records_read(out.read_text(encoding="utf-8"))
                    if read != n:  # a file refused (too large, unreadable): nothing measured
                        first = next((line for line in out.read_text().splitlines()
                                      if "F00" in line), "")
                        raise Skipped(f"lintrials read {read} of {n:,} records: {first.strip()}")
                    self._large[n].append(r)
        return {n: self._large[n] for n in sizes}

    def _projected_too_big(self, n: int) -> str:
        """Why a run of ``n`` records is not started: its peak memory, projected linearly from
        a smaller run, would take more than --max-memory-share of the memory available."""
        smaller = [(m, max(r.peak for r in runs)) for m, runs in self._large.items()
                   if runs and m < n]
        available = _available_memory()
        if not smaller or available is None:
            return ""
        m, peak = max(smaller)
        projected = peak * n / m
        if projected <= available * self.args.max_memory_share:
            return ""
        gb = 1024**3
        return (f"the {n:,}-record run was not started: {m:,} records peaked at "
                f"{peak / gb:.2f} GB, so {n:,} would take about {projected / gb:.1f} GB, over "
                f"{self.args.max_memory_share:.0%} of the {available / gb:.1f} GB available")

    def templates(self) -> list[str]:
        found = []
        for path in sorted(self.corpus.rglob("*.json")):
            study = json.loads(path.read_text(encoding="utf-8"))
            study["protocolSection"]["identificationModule"]["nctId"] = SENTINEL
            found.append(json.dumps(study, ensure_ascii=False, separators=(",", ":")))
        return found

    def jsonl(self, count: int) -> Path:
        """``count`` corpus records, cycled, each with a new NCT ID, as JSON Lines: one file,
        or with --file-records N a folder of files of N records each (record i is the same
        record, with the same ID, whatever the size)."""
        per_file = self.args.file_records or count
        if per_file >= count:
            return self._part(0, count, f"records-{count}.jsonl")
        folder = self.data / f"records-{count}-by-{per_file}"
        folder.mkdir(exist_ok=True)
        for k, first in enumerate(range(0, count, per_file)):
            part = self._part(first, min(per_file, count - first), f"part-{first}-{per_file}.jsonl")
            linked = folder / f"part-{k:04d}.jsonl"
            if not linked.exists():
                os.link(part, linked)
        return folder

    def _part(self, first: int, count: int, name: str) -> Path:
        path = self.data / name
        if path.exists():
            return path
        templates = getattr(self, "_templates", None) or self.templates()
        self._templates = templates
        partial = path.with_suffix(".partial")
        with open(partial, "w", encoding="utf-8") as out:
            for i in range(first, first + count):
                line = templates[i % len(templates)].replace(SENTINEL, f"NCT9{i:07d}", 1)
                out.write(line + "\n")
        partial.rename(path)
        return path

    def sites(self) -> dict[str, float]:
        """Per check: time on a record with 8,000 sites / time on the same record with 800."""
        from datetime import date

        from lintrials.analysis import RecordAnalysis
        from lintrials.config import load, selected
        from lintrials.context import Context
        from lintrials.formats import ParsedRecord, ctgov_json
        from lintrials.plugins import discover
        from lintrials.rules import ENGINE_RULES
        from lintrials.source import Source

        base = max(
            (json.loads(p.read_text(encoding="utf-8")) for p in self.corpus.rglob("*.json")),
            key=lambda s: len(
                s["protocolSection"].get("contactsLocationsModule", {}).get("locations", [])
            ),
        )
        real = base["protocolSection"]["contactsLocationsModule"]["locations"]

        def record(count: int) -> Any:
            sites = []
            for i in range(count):
                site = dict(real[i % len(real)])
                if i >= len(real):  # a later copy: a campus of its own, not a duplicate
                    site["facility"] = f"{site.get('facility', '')} Campus {i // len(real) + 1}"
                sites.append(site)
            study = json.loads(json.dumps(base))
            study["protocolSection"]["contactsLocationsModule"]["locations"] = sites
            text = json.dumps(study, indent=2, ensure_ascii=False)
            parsed = [p for p in ctgov_json.parse(Source.from_text("sites.json", text))
                      if isinstance(p, ParsedRecord)]
            return parsed[0].record

        checks, _ = discover()
        config = load(checks + ENGINE_RULES, None, self.work)
        small, large, tiny = record(800), record(8000), record(20)
        ratios: dict[str, float] = {}
        today = date.fromisoformat(TODAY)
        for check in checks:
            if not selected(config, check):
                continue
            options = check.build_options(config.options.get(check.code, {}))

            def once(rec: Any, check: Any = check, options: Any = options) -> float:
                start = time.perf_counter()
                ctx = Context(options, today, [], RecordAnalysis(rec))
                if check.check is not None:
                    for _ in check.check(rec, ctx):
                        pass
                if check.summarize is not None and check.reduce is not None:
                    summary = check.summarize(rec, ctx)
                    if summary is not None:
                        for _ in check.reduce([(("sites.json", 0), summary)],
                                              Context(options, today, [])):
                            pass
                return time.perf_counter() - start

            # A warm-up loads what a first call loads (metadata, lazy regexes); then each timing
            # starts from empty lintrials caches, so that neither size reads the other's names
            # from a cache.
            with contextlib.redirect_stderr(io.StringIO()):
                once(tiny)
                times_small, times_large = [], []
                for _ in range(3):
                    _clear_caches()
                    times_small.append(once(small))
                    _clear_caches()
                    times_large.append(once(large))
            ratios[f"{check.code} {check.name}"] = min(times_large) / max(min(times_small), 1e-6)
        self.site_ratios = ratios
        return ratios


def _clear_caches() -> None:
    """Empty every functools cache of lintrials and its checks (their results, not imports)."""
    for name, module in list(sys.modules.items()):
        if not name.startswith("lintrials"):
            continue
        for value in list(vars(module).values()):
            clear = getattr(value, "cache_clear", None)
            if callable(clear):
                clear()


def _records_read(report: str) -> int:
    """The record count of a report's closing line ("... in 3 files, 2,000 records.")."""
    found = re.findall(r"([\d,]+) records?\b", report)
    return int(found[-1].replace(",", "")) if found else -1


class Skipped(Exception):
    """A target that could not be measured here, and why."""


def _available_memory() -> int | None:
    with contextlib.suppress(OSError, ValueError, IndexError):
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemAvailable:"):
                return int(line.split()[1]) * 1024
    return None


def machine() -> list[str]:
    cpu = platform.processor() or "?"
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    return [
        f"# machine: {os.cpu_count()} cores, {cpu}, Python {platform.python_version()}, "
        f"{platform.system()} {platform.release()}",
        f"# load average at start: {load} (a busy machine moves both sides of each ratio)",
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("targets", nargs="*", metavar="TARGET",
                        help=f"targets to measure (default: all): {', '.join(TARGETS)}")
    parser.add_argument("--repeat", type=int, default=5,
                        help="measured pairs per ratio (default: 5; the median is reported)")
    parser.add_argument("--repeat-large", type=int, default=1,
                        help="runs of each JSON Lines size (default: 1; each is minutes)")
    parser.add_argument("--records", type=int, default=100_000,
                        help="records of the largest JSON Lines file (default: 100000)")
    parser.add_argument("--jobs", type=int, help="N for the parallel target (default: cores)")
    parser.add_argument("--max-memory-share", type=float, default=0.6,
                        help="do not start a JSON Lines run whose peak memory, projected from "
                        "the smaller runs, exceeds this share of the available memory (0.6)")
    parser.add_argument("--python", default=sys.executable,
                        help="the Python of the lintrials install (default: this one)")
    parser.add_argument("--lintrials", help="the lintrials command (default: beside --python)")
    parser.add_argument("--corpus", default=str(SHARED / "corpus" / "ctgov_v2_json"))
    parser.add_argument("--seeds", default=str(SHARED / "seeds"))
    parser.add_argument("--seed", help="the one file of the start-up target")
    parser.add_argument("--data", help="keep the generated JSON Lines files in this folder")
    parser.add_argument("--file-records", type=int, default=0,
                        help="records per JSON Lines file (default 0: each size in one file, "
                        "as issue 5 asks; N: files of N records)")
    parser.add_argument("--json", dest="json_out", help="also write the figures to this file")
    parser.add_argument("--sites", action="store_true",
                        help="with scaling: print the 800 -> 8,000 sites ratio of every check")
    args = parser.parse_args(argv)
    targets = args.targets or list(TARGETS)
    unknown = [t for t in targets if t not in TARGETS]
    if unknown:
        parser.error(f"unknown target {unknown[0]!r}: choose from {', '.join(TARGETS)}")

    for line in machine():
        print(line, flush=True)
    bench = Bench(args)
    print(f"# lintrials: {' '.join(bench.lintrials)}; corpus {bench.corpus}", flush=True)
    outcomes: list[Outcome] = []
    try:
        for target in targets:
            try:
                outcome: Outcome = getattr(bench, target)()
            except Skipped as why:
                outcome = Outcome(target, f"not measured: {why}", False)
            verdict = {True: "MET", False: "MISSED", None: "SKIPPED"}[outcome.met]
            load = os.getloadavg()[0]
            outcome.data["load_average"] = load
            print(f"{target:<10} {verdict:<7} {outcome.line} [load {load:.2f}]", flush=True)
            outcomes.append(outcome)
        if args.sites and hasattr(bench, "site_ratios"):
            for name, value in sorted(bench.site_ratios.items(), key=lambda kv: -kv[1]):
                print(f"#   sites 800 -> 8000: {value:6.1f}x  {name}")
    finally:
        bench.close()
    if args.json_out:
        Path(args.json_out).write_text(
            json.dumps({o.target: {"met": o.met, "line": o.line, **o.data} for o in outcomes},
                       indent=2, default=str) + "\n",
            encoding="utf-8",
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
