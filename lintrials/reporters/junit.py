"""JUnit XML, for CI systems that show test reports (GitLab, Jenkins, Azure).

One test case per finding, named by file, position, check and record, so that GitLab (which
merges test cases of the same name) never folds two findings into one. A run with no finding
is one passing test case. Every value goes through ``visible``, which also escapes the
characters XML 1.0 does not allow even as references, so a message quoting a value that holds
one keeps the report readable.
"""

from __future__ import annotations

from collections import Counter
from xml.etree import ElementTree as ET

from lintrials.config import Config
from lintrials.findings import severity_rank
from lintrials.reporters.escape import visible
from lintrials.results import RunResult


def render(result: RunResult, config: Config) -> str:
    threshold = severity_rank(config.fail_on)
    failing = [f for f in result.findings if severity_rank(f.severity) >= threshold]
    suites = ET.Element("testsuites", name="lintrials", tests=str(max(1, len(result.findings))),
                        failures=str(len(failing)), errors="0")
    by_file = Counter(f.path for f in result.findings)
    if not result.findings:
        suite = ET.SubElement(suites, "testsuite", name="lintrials", tests="1", failures="0",
                              errors="0", skipped="0")
        ET.SubElement(suite, "testcase", classname="lintrials",
                      name=f"no findings in {result.files} files, {result.records} records")
    suite_of: dict[str, ET.Element] = {}
    names: Counter[str] = Counter()
    for finding in result.findings:
        path = visible(finding.path)
        if finding.path not in suite_of:
            count = by_file[finding.path]
            fails = sum(1 for f in failing if f.path == finding.path)
            suite = ET.SubElement(suites, "testsuite", name=path, tests=str(count),
                                  failures=str(fails), errors="0", skipped="0")
            suite_of[finding.path] = suite
        suite = suite_of[finding.path]
        where = f"{finding.path}:{finding.line}:{finding.column}"
        name = f"{finding.code} {finding.name} at {where}"
        if finding.record:
            name += f" ({finding.record} {finding.field or ''}".rstrip() + ")"
        names[name] += 1
        if names[name] > 1:  # two findings of one check at one place: GitLab would merge them
            name += f" #{names[name]}"
        case = ET.SubElement(suite, "testcase", classname=path, name=visible(name),
                             file=path, line=str(finding.line))
        text = visible(f"{where}: {finding.code} {finding.name} {finding.message}")
        if severity_rank(finding.severity) >= threshold:
            failure = ET.SubElement(case, "failure", type=finding.code,
                                    message=visible(finding.message))
            failure.text = text
        else:
            out = ET.SubElement(case, "system-out")
            out.text = f"{finding.severity}: {text}"
    ET.indent(suites)
    body = ET.tostring(suites, encoding="unicode")
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{body}\n'
