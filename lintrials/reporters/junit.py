"""JUnit XML, for CI systems that show test reports (GitLab, Jenkins, Azure).

One test case per finding, named by file, position, check and record, so that GitLab (which
merges test cases of the same name) never folds two findings into one. A run with no finding
is one passing test case. Every value goes through ``visible``, which also escapes the
characters XML 1.0 does not allow even as references, so a message quoting a value that holds
one keeps the report readable.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from xml.etree import ElementTree as ET

from lintrials.config import Config
from lintrials.findings import Finding, severity_rank
from lintrials.reporters.escape import visible
from lintrials.results import RunResult


def _open_tag(tag: str, **attributes: str) -> str:
    """The start tag as ElementTree writes it, for an element written in pieces."""
    empty = ET.tostring(ET.Element(tag, attributes), encoding="unicode")
    return empty.removesuffix(" />") + ">"


def _case(finding: Finding, name: str, threshold: int) -> str:
    """One test case as ``ET.indent`` lays it out inside its suite, without its tail."""
    where = f"{finding.path}:{finding.line}:{finding.column}"
    case = ET.Element("testcase", classname=visible(finding.path), name=visible(name),
                      file=visible(finding.path), line=str(finding.line))
    text = visible(f"{where}: {finding.code} {finding.name} {finding.message}")
    if severity_rank(finding.severity) >= threshold:
        failure = ET.SubElement(case, "failure", type=finding.code,
                                message=visible(finding.message))
        failure.text = text
    else:
        out = ET.SubElement(case, "system-out")
        out.text = f"{finding.severity}: {text}"
    ET.indent(case, level=2)
    return ET.tostring(case, encoding="unicode")


def render(result: RunResult, config: Config) -> str:
    return "".join(stream(result, config))


def stream(result: RunResult, config: Config) -> Iterator[str]:
    """The report a test case at a time: suites follow the findings' file order."""
    threshold = severity_rank(config.fail_on)
    by_file: Counter[str] = Counter()
    fails: Counter[str] = Counter()
    for f in result.findings:
        by_file[f.path] += 1
        fails[f.path] += severity_rank(f.severity) >= threshold
    yield '<?xml version="1.0" encoding="UTF-8"?>\n'
    yield _open_tag("testsuites", name="lintrials", tests=str(max(1, len(result.findings))),
                    failures=str(sum(fails.values())), errors="0")
    if not result.findings:
        suite = ET.Element("testsuite", name="lintrials", tests="1", failures="0",
                           errors="0", skipped="0")
        ET.SubElement(suite, "testcase", classname="lintrials",
                      name=f"no findings in {result.files} files, {result.records} records")
        ET.indent(suite, level=1)
        yield "\n  " + ET.tostring(suite, encoding="unicode")
    path: str | None = None
    where = ""
    names: Counter[str] = Counter()  # of the findings at one place (they are next to each other)
    for finding in result.findings:
        if finding.path != path:
            if path is not None:
                yield "\n  </testsuite>"
            path = finding.path
            yield "\n  " + _open_tag("testsuite", name=visible(path), tests=str(by_file[path]),
                                     failures=str(fails[path]), errors="0", skipped="0")
        if f"{finding.path}:{finding.line}:{finding.column}" != where:
            where = f"{finding.path}:{finding.line}:{finding.column}"
            names.clear()
        name = f"{finding.code} {finding.name} at {where}"
        if finding.record:
            name += f" ({finding.record} {finding.field or ''}".rstrip() + ")"
        names[name] += 1
        if names[name] > 1:  # two findings of one check at one place: GitLab would merge them
            name += f" #{names[name]}"
        yield "\n    " + _case(finding, name, threshold)
    if path is not None:
        yield "\n  </testsuite>"
    yield "\n</testsuites>\n"
