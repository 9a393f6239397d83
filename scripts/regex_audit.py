"""Look for regular expressions whose matching time grows faster than their input.

Every compiled pattern that the check modules and the helper modules they use (``lintrials.*``)
hold at module level, and every pattern they compile while checking the corpus's example
records, is attacked with long strings made of what the pattern itself loops on: its literal
characters, one character of each class it uses, each pair of these, and its literal words,
repeated, then followed by a character that makes the match fail at the end. Each attack runs
``search`` and ``finditer`` (what the checks call) at two lengths, in worker processes; the
growth exponent of the time (1 for linear, 2 for quadratic) is reported when it reaches
``--exponent``, as QUADRATIC, or as CATASTROPHIC from 2.5 on or when an attack does not finish in
``--timeout`` seconds.

    python scripts/regex_audit.py [--short 1000] [--long 4000] [--exponent 1.6] [--only NAME]

Prints the super-linear patterns with the attack that shows it; exits 1 if there is any.

With ``--checks``, the checks themselves are attacked instead, as a record meets them: every text
field of a real record (the criteria, summary, titles, sites, contacts) holds the attack, long
text at ``--short`` and then ``--long`` characters and other fields at a tenth of that, and each
check's ``check()``/``summarize()`` is timed; what the check does around its regular expressions
(slicing, scanning lines) counts too.

Not part of the test suite: it measures time. tests/test_hostile.py runs the attacks found here
against the checks (in a child process, so that a regression fails instead of hanging).
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import itertools
import math
import multiprocessing
import pkgutil
import re
import sys
import time
import warnings
from collections.abc import Iterator
from typing import Any

with warnings.catch_warnings():  # deprecated since 3.11 (now re._parser), still there
    warnings.simplefilter("ignore", DeprecationWarning)
    import sre_parse

HELPERS = ["suppressions"]  # and every module of lintrials.knowledge
GENERIC = ["a", "A", "1", " ", "\t", "\n", ".", ",", "-", "(", ")", "/", "'", "é", "\u2265"]


def modules() -> list[Any]:
    import lintrials.checks
    import lintrials.knowledge

    found = [importlib.import_module(f"lintrials.{name}") for name in HELPERS]
    for info in pkgutil.iter_modules(lintrials.knowledge.__path__):
        found.append(importlib.import_module(f"lintrials.knowledge.{info.name}"))
    for info in pkgutil.iter_modules(lintrials.checks.__path__):
        found.append(importlib.import_module(f"lintrials.checks.{info.name}"))
    return found


def _patterns_in(value: Any, depth: int = 0) -> Iterator[re.Pattern[str]]:
    if isinstance(value, re.Pattern):
        if isinstance(value.pattern, str):
            yield value
    elif depth < 3 and isinstance(value, (list, tuple, set, frozenset)):
        for item in value:
            yield from _patterns_in(item, depth + 1)
    elif depth < 3 and isinstance(value, dict):
        for item in value.values():
            yield from _patterns_in(item, depth + 1)


def patterns() -> dict[tuple[str, int], tuple[str, re.Pattern[str]]]:
    """(pattern, flags) -> (where it was found, the pattern)."""
    found: dict[tuple[str, int], tuple[str, re.Pattern[str]]] = {}
    for module in modules():
        for name, value in vars(module).items():
            for pattern in _patterns_in(value):
                found.setdefault(
                    (pattern.pattern, pattern.flags), (f"{module.__name__}.{name}", pattern)
                )
    return found


def _literals(parsed: Any, chars: set[str], words: list[str]) -> None:
    """Literal characters (and runs of them, as words) and a member of each class."""
    run = ""
    for op, arg in parsed:
        name = str(op)
        if name == "LITERAL":
            run += chr(arg)
            chars.add(chr(arg))
            continue
        if len(run) > 1:
            words.append(run)
        run = ""
        if name == "IN":
            for item_op, item_arg in arg:
                item = str(item_op)
                if item == "LITERAL":
                    chars.add(chr(item_arg))
                elif item == "RANGE":
                    chars.add(chr(item_arg[0]))
                    chars.add(chr(item_arg[1]))
                elif item == "CATEGORY":
                    chars.update({"CATEGORY_DIGIT": "1", "CATEGORY_SPACE": " ",
                                  "CATEGORY_WORD": "a"}.get(str(item_arg), ""))
        elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
            _literals(arg[2], chars, words)
        elif name == "SUBPATTERN":
            _literals(arg[-1], chars, words)
        elif name == "BRANCH":
            for branch in arg[1]:
                _literals(branch, chars, words)
        elif name in ("ASSERT", "ASSERT_NOT"):
            _literals(arg[1], chars, words)
    if len(run) > 1:
        words.append(run)


def attacks(pattern: re.Pattern[str]) -> list[str]:
    chars: set[str] = set()
    words: list[str] = []
    with contextlib.suppress(Exception):  # a pattern sre_parse cannot read: generic attacks
        _literals(sre_parse.parse(pattern.pattern, pattern.flags), chars, words)
    alphabet = sorted(chars | set(GENERIC))
    units = alphabet + ["".join(pair) for pair in itertools.combinations(sorted(chars)[:14], 2)]
    units += [w for w in words if len(w) < 30][:20]
    units += [f"{w} " for w in words if len(w) < 30][:20]
    units += ["a ", "1 ", "a1", "1.", "a-", "a.", " -", "aa ", "1 a ", "a, ", "(a", "a)"]
    return list(dict.fromkeys(units))


def _time(pattern: re.Pattern[str], text: str) -> float:
    start = time.perf_counter()
    pattern.search(text)
    for _ in pattern.finditer(text):
        pass
    return time.perf_counter() - start


def audit_one(args: tuple[str, int, str, int, int, float]) -> tuple[str, float, float, float]:
    """(attack, time at short, time at long, growth exponent) for one pattern and attack."""
    source, flags, unit, short, long, budget = args
    pattern = re.compile(source, flags)
    worst = (unit, 0.0, 0.0, 0.0)
    for tail in ("\x00", "!", "a"):
        small = (unit * (short // len(unit) + 1))[:short] + tail
        t_small = _time(pattern, small)
        if t_small > budget:  # already slow at the short length: do not try the long one
            return unit, t_small, float("inf"), float("inf")
        large = (unit * (long // len(unit) + 1))[:long] + tail
        t_large = _time(pattern, large)
        if t_large < 0.02:  # too fast to tell anything from
            continue
        exponent = math.log(t_large / max(t_small, 1e-6)) / math.log(long / short)
        if exponent > worst[3]:
            worst = (unit, t_small, t_large, exponent)
    return worst


CHECK_ATTACKS = ["\t", " ", "\n", "*", "_", "-", ".", ",", "(", "[", "1", "a", "A", "\u2265",
                 "1 ", "a.", " ,", "a ", "to ", "* ", "18 years ", "prostate ", "aged ", "a: ",
                 "\t:", "-e", "1.", "a1", "I", "Phase ", "women ", "\n\n", "\\>", "&amp;", "<b>"]


# Words after which a check looks further (a phase number, a sex, a count): each is put before
# runs of the characters patterns loop on, so that the pattern that follows it meets the run.
TRIGGERS = ["women", "phase", "sex:", "Inclusion Criteria", "1.", "dose", "a total of 36",
            "aged 18", "CEDEX", "(", "patients"]
RUNS = ["\t", " ", "\n", "*", "_", "-", ".", ","]


def _attacked_record(unit: str, size: int) -> Any:
    from lintrials.model import Contact, Eligibility, Location, Record

    trigger, _, unit = unit.rpartition("\x01")  # "phase\x01\t": "phase", then tabs

    def long(n: int) -> str:
        return trigger + (unit * (n // len(unit) + 1))[:n]

    short = long(max(50, size // 10))
    return Record(
        nct_id="NCT01234567", brief_title=short, official_title=short, acronym=short[:50],
        brief_summary=long(size), detailed_description=long(size), conditions=[short],
        overall_status="RECRUITING", why_stopped=short, study_type="INTERVENTIONAL",
        eligibility=Eligibility(criteria="Inclusion Criteria:\n" + long(size), sex="ALL",
                                minimum_age=short, maximum_age=short),
        lead_sponsor=short, central_contacts=[Contact(name=short, phone=short, email=short)],
        locations=[Location(facility=short, city=short, state=short, zip=short, country=short,
                            contacts=[Contact(name=short, phone=short, email=short)])],
    )


def time_check(args: tuple[str, str, int]) -> float:
    module_name, unit, size = args
    from datetime import date

    from lintrials.analysis import RecordAnalysis
    from lintrials.context import Context
    from lintrials.plugins import check_from_object

    module = importlib.import_module(module_name)
    options = check_from_object(module, module_name).build_options({})
    record = _attacked_record(unit, size)
    ctx = Context(options, date(2026, 11, 22), [], RecordAnalysis(record))
    start = time.perf_counter()
    if getattr(module, "check", None) is not None:
        list(module.check(record, ctx))
    if getattr(module, "summarize", None) is not None:
        module.summarize(record, ctx)
    return time.perf_counter() - start


def audit_checks(short: int, long: int, exponent_limit: float, timeout: float) -> int:
    import lintrials.checks

    names = [f"lintrials.checks.{i.name}" for i in pkgutil.iter_modules(lintrials.checks.__path__)]
    context = multiprocessing.get_context("spawn")
    pool = context.Pool(2)
    flagged = 0
    try:
        for name in names:
            worst = ("", 0.0, 0.0, 0.0)
            units = CHECK_ATTACKS + [f"{t}\x01{r}" for t in TRIGGERS for r in RUNS]
            for unit in units:
                try:
                    t_small = pool.apply_async(time_check, ((name, unit, short),)).get(timeout)
                    if t_small > timeout / 4:
                        worst = (unit, t_small, float("inf"), float("inf"))
                        break
                    t_large = pool.apply_async(time_check, ((name, unit, long),)).get(timeout)
                except multiprocessing.TimeoutError:
                    pool.terminate()
                    pool = context.Pool(2)
                    worst = (unit, float("inf"), float("inf"), float("inf"))
                    break
                if t_large < 0.05:
                    continue
                exponent = math.log(t_large / max(t_small, 1e-6)) / math.log(long / short)
                if exponent > worst[3]:
                    worst = (unit, t_small, t_large, exponent)
            unit, t_small, t_large, exponent = worst
            if exponent >= exponent_limit:
                flagged += 1
                print(f"{name}: attack {unit!r}: {t_small:.3f}s at {short}, {t_large:.3f}s at "
                      f"{long} (exponent {exponent:.1f})", flush=True)
    finally:
        pool.terminate()
    print(f"{flagged} super-linear check(s)", file=sys.stderr)
    return 1 if flagged else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--short", type=int, default=1000)
    parser.add_argument("--long", type=int, default=4000)
    parser.add_argument("--exponent", type=float, default=1.6,
                        help="growth exponent from which a pattern is reported (1 is linear)")
    parser.add_argument("--timeout", type=float, default=30.0, help="seconds per attack")
    parser.add_argument("--only", help="audit only patterns found in modules matching this")
    parser.add_argument("--checks", action="store_true", help="attack the checks, not patterns")
    args = parser.parse_args()
    if args.checks:
        return audit_checks(args.short * 5, args.long * 5, args.exponent, args.timeout)
    found = patterns()
    print(f"{len(found)} patterns", file=sys.stderr)
    flagged = 0
    context = multiprocessing.get_context("spawn")
    pool = context.Pool(2)
    try:
        for (source, flags), (where, pattern) in sorted(found.items(), key=lambda kv: kv[1][0]):
            if args.only and args.only not in where:
                continue
            jobs = [(unit, pool.apply_async(audit_one, (
                (source, flags, unit, args.short, args.long, args.timeout / 4),)))
                for unit in attacks(pattern)]
            worst: tuple[str, float, float, float] = ("", 0.0, 0.0, 0.0)
            for unit, job in jobs:
                try:
                    result = job.get(timeout=args.timeout)
                except multiprocessing.TimeoutError:
                    result = (unit, float("inf"), float("inf"), float("inf"))
                    pool.terminate()  # the workers are stuck in the regex engine
                    pool = context.Pool(2)
                    worst = max(worst, result, key=lambda r: r[3])
                    break
                worst = max(worst, result, key=lambda r: r[3])
            unit, t_small, t_large, exponent = worst
            if exponent >= args.exponent:
                flagged += 1
                kind = "CATASTROPHIC" if exponent >= 2.5 else "QUADRATIC"
                print(f"{kind:12} {where}: {source[:110]!r}\n"
                      f"             attack {unit!r} x n: {t_small:.4f}s at n={args.short}, "
                      f"{t_large:.4f}s at n={args.long} (exponent {exponent:.1f})", flush=True)
    finally:
        pool.terminate()
    print(f"{flagged} super-linear pattern(s)", file=sys.stderr)
    return 1 if flagged else 0


if __name__ == "__main__":
    sys.exit(main())
