"""Time every check on one record with 5,000 sites and on one with 50,000: is it linear?

The sites are real: the first 5,000 sites of the corpus's API v2 records, in one study object;
the larger record repeats them, each round with a numbered facility name ("... (annex 2)"), so
that both records hold the same kinds of sites in the same proportions. Each check's
``check()`` and ``summarize()`` is timed on the parsed record (best of three), then the whole
run (parse, check, locate every finding) through the engine. A linear check takes about 10 times
as long on the larger record; a quadratic one about 100 times. A ratio over 20 is flagged.

    python scripts/scaling.py [--small 5000] [--large 50000] [--corpus ../shared/corpus]

Not part of the test suite: it measures time, which a test must not assert.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import Any

from lintrials.analysis import RecordAnalysis
from lintrials.context import Context
from lintrials.engine import lint
from lintrials.files import read
from lintrials.formats import ParsedRecord, detect
from lintrials.plugins import Check, discover
from lintrials.source import Source

TODAY = date(2026, 11, 22)


def corpus_sites(corpus: Path) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """A real study to carry the sites, and every site of the corpus's API v2 records."""
    sites: list[dict[str, Any]] = []
    paths = sorted((corpus / "ctgov_v2_json").glob("*.json"))
    for path in paths:
        study = json.loads(path.read_bytes())
        module = study.get("protocolSection", {}).get("contactsLocationsModule", {})
        sites.extend(module.get("locations", []))
    carrier = json.loads((corpus / "ctgov_v2_json" / "NCT00000410.json").read_bytes())
    return carrier, sites


def study_with_sites(
    carrier: dict[str, Any], sites: list[dict[str, Any]], base: int, n: int
) -> bytes:
    chosen = []
    for i in range(n):
        site = dict(sites[i % base])
        if i >= base:  # a later round: another site of the same organisation
            site["facility"] = f"{site.get('facility', 'Site')} (annex {i // base})"
        chosen.append(site)
    study = json.loads(json.dumps(carrier))
    study["protocolSection"]["contactsLocationsModule"]["locations"] = chosen
    return json.dumps(study, indent=2).encode()


def parse(path: Path) -> ParsedRecord:
    (source,) = list(read(str(path)))
    assert isinstance(source, Source)
    fmt = detect(source.path, source.text)
    assert fmt is not None
    (item,) = [i for i in fmt.parse(source) if isinstance(i, ParsedRecord)]
    return item


def time_check(check: Check, parsed: ParsedRecord) -> float:
    options = check.build_options({})
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        # A fresh analysis each time: what the check costs when no other check shares it.
        ctx = Context(options, TODAY, [], RecordAnalysis(parsed.record))
        if check.check is not None:
            for problem in check.check(parsed.record, ctx):
                if problem.field:  # locating is part of what a finding costs
                    parsed.locator.locate(problem.field, problem.span)
        if check.summarize is not None and check.reduce is not None:
            summary = check.summarize(parsed.record, ctx)
            list(check.reduce([((str(0), 0), summary)], Context(options, TODAY, [])))
        best = min(best, time.perf_counter() - start)
    return best


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small", type=int, default=5000)
    parser.add_argument("--large", type=int, default=50000)
    here = Path(__file__).resolve().parents[1]
    parser.add_argument("--corpus", type=Path, default=here.parent / "shared" / "corpus")
    args = parser.parse_args()
    checks, errors = discover()
    for error in errors:
        print(f"plugin error: {error}", file=sys.stderr)
    carrier, sites = corpus_sites(args.corpus)
    times: dict[int, dict[str, float]] = {}
    with tempfile.TemporaryDirectory() as folder:
        for n in (args.small, args.large):
            path = Path(folder) / f"sites-{n}.json"
            path.write_bytes(study_with_sites(carrier, sites, args.small, n))
            start = time.perf_counter()
            parsed = parse(path)
            times.setdefault(n, {})["(parse)"] = time.perf_counter() - start
            for check in checks:
                times[n][f"{check.code} {check.name}"] = time_check(check, parsed)
            start = time.perf_counter()
            result = lint([str(path)], select=["ALL"], today=TODAY)
            times[n]["(whole run, ALL)"] = time.perf_counter() - start
            print(f"{n} sites: {len(result.findings)} findings in the whole run", file=sys.stderr)
    small, large = times[args.small], times[args.large]
    flagged = 0
    print(f"{'check':44} {args.small:>9} {args.large:>9}  ratio")
    for name in small:
        ratio = large[name] / small[name] if small[name] > 0.0005 else float("nan")
        mark = "  <-- super-linear" if ratio > 20 else ""
        flagged += bool(mark)
        print(f"{name:44} {small[name]:8.3f}s {large[name]:8.3f}s {ratio:6.1f}{mark}")
    return 1 if flagged else 0


if __name__ == "__main__":
    sys.exit(main())
