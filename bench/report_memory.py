"""Peak memory of writing each report format, for 100k and 1M findings.

Not a timed test: it prints, for each format and size, how much the process grew while the
report was written (the findings themselves are built first and not counted), and the size of
the report. Each measurement runs in a fresh process, so one format's peak cannot hide another's.

    python bench/report_memory.py                    # 100000 and 1000000 findings
    python bench/report_memory.py --sizes 100000 --formats sarif json

The findings are made directly (phone findings on a file that does not exist, so the HTML page
has no code frames), each with its own message, record and field, as a registry dump gives.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile

FORMATS = ["text", "json-lines", "json", "sarif", "junit", "gitlab", "html"]


def _rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def measure(fmt: str, count: int) -> None:
    """In this process: build ``count`` findings, write the report to a file, print MB."""
    from lintrials.config import Config
    from lintrials.findings import Finding
    from lintrials.reporters import report_chunks
    from lintrials.results import RunResult, assign_fingerprints
    from lintrials.rules import ENGINE_RULES

    findings = [
        Finding("C301", "malformed-phone", ("error", "warning", "info")[i % 3],
                f"phone {i:09d} is not a phone number", "dump/records.json", line=i + 1,
                column=5, end_line=i + 1, end_column=20, record=f"NCT{i // 8:08d}",
                field=f"central_contacts[{i % 8}].phone")
        for i in range(count)
    ]
    assign_fingerprints(findings)
    result = RunResult(findings=findings, files=1, records=count // 8, checks=list(ENGINE_RULES))
    before = _rss_mb()
    out_path = os.path.join(tempfile.gettempdir(), f"lintrials-report-{os.getpid()}")
    try:
        with open(out_path, "w", encoding="utf-8") as out:
            out.writelines(report_chunks(fmt, result, Config()))
        size = os.path.getsize(out_path)
    finally:
        os.unlink(out_path)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{fmt} {count} {peak - before:.0f} {before:.0f} {size / 1e6:.0f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--formats", nargs="+", default=FORMATS, choices=FORMATS)
    parser.add_argument("--child", nargs=2, metavar=("FORMAT", "COUNT"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        measure(args.child[0], int(args.child[1]))
        return
    print(f"{'format':<11} {'findings':>9} {'report MB':>10} {'findings MB':>12} "
          f"{'report file MB':>15}")
    for count in args.sizes:
        for fmt in args.formats:
            line = subprocess.run(
                [sys.executable, __file__, "--child", fmt, str(count)],
                check=True, capture_output=True, text=True).stdout.split()
            name, n, grew, held, size = line
            print(f"{name:<11} {int(n):>9,} {grew:>10} {held:>12} {size:>15}", flush=True)


if __name__ == "__main__":
    main()
