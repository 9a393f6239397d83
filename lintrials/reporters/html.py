"""One self-contained HTML page, for a CI job to keep as an artifact and a person to open.

The page has the run's totals by severity and by check, a bar chart of findings per check, and
the findings in a table that can be filtered by check, severity, record and text, each finding
with its code frame (the source lines around it, the span marked).

It needs no network: the CSS and the script (``html_assets/report.css`` and ``report.js``,
package data beside this module) are written inline, fonts are the system's, the favicon is an
empty ``data:`` URL, and a Content-Security-Policy allows nothing to load and only the page's
own style and script (by hash) to apply, so even a value that escaped its escaping could not
run.
Every value written into the HTML is made ``visible`` (no control or bidi character reaches the
page, as in every format) and escaped with ``html.escape``; the findings themselves travel
as JSON in a ``<script type="application/json">`` block (``<``, ``>`` and ``&`` written as
``\\u003c`` and so on, so no value can close the block) and the script puts them on the page as
text (``textContent``), never as markup.

Large runs stay usable: the script shows one page of findings at a time (``PAGE_SIZE``) and
filters the JSON array, not the DOM, so a run with 10,000 findings builds 100 rows on load.
Totals and the chart are plain HTML and SVG, readable with scripts off.
"""

from __future__ import annotations

import base64
import hashlib
import html
from collections import Counter, defaultdict
from collections.abc import Iterator
from importlib.resources import files

from lintrials import __version__
from lintrials.config import Config
from lintrials.findings import SEVERITIES, Finding, severity_rank
from lintrials.reporters.escape import dumps, visible
from lintrials.reporters.full import fix_diff, frame
from lintrials.results import RunResult
from lintrials.rules import Rule as Check

PAGE_SIZE = 100
ORDER = tuple(reversed(SEVERITIES))  # error, warning, info
PLURAL = {"error": "errors", "warning": "warnings", "info": "info"}


def _asset(name: str) -> str:
    """The text of one of the page's files (its style, its script) in ``html_assets/``."""
    return (files("lintrials.reporters") / "html_assets" / name).read_text(encoding="utf-8")


def _e(value: object) -> str:
    return html.escape(visible(str(value)), quote=True)


def _n(count: int, word: str) -> str:
    return f"{count:,} {word}{'' if count == 1 else 's'}"


def _csp_hash(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def _frame_lines(finding: Finding) -> list[list[object]]:
    """``frame()`` without colour, as ``[line number or 0 for the caret line, text]`` pairs."""
    out: list[list[object]] = []
    for line in frame(finding, colour=False):
        gutter, _, text = line.partition(" | ")  # the gutter never holds " | ", the text may
        number = gutter.strip()
        out.append([int(number) if number.isdigit() else 0, text])
    return out


def _finding_data(finding: Finding) -> dict[str, object]:
    related = [f"{visible(r.field)} (line {r.line})" for r in finding.related]
    fixed = fix_diff(finding, colour=False)
    return {
        "code": finding.code,
        "name": finding.name,
        "sev": finding.severity,
        "msg": visible(finding.message),
        "path": visible(finding.path),
        "line": finding.line,
        "col": finding.column,
        "end": finding.end_line,
        "rec": visible(finding.record or ""),
        "field": visible(finding.pointer or finding.field or ""),
        "rel": related,
        "sup": None if finding.suppression is None else visible(finding.suppression),
        "frame": _frame_lines(finding),
        "fix": [fixed[0].strip(), *fixed[1:]] if fixed else [],
    }


def _script_json(data: object) -> str:
    text = dumps(data, separators=(",", ":"))
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")


def _chart(by_check: dict[str, Counter[str]], names: dict[str, str]) -> str:
    """Horizontal bars, one per check with findings, stacked by severity; each links a filter."""
    if not by_check:
        return '<p class="empty">No findings.</p>'
    rows = sorted(by_check.items(), key=lambda item: (-sum(item[1].values()), item[0]))
    most = max(sum(c.values()) for _, c in rows)
    label_w, bar_w, row_h = 300, 380, 26
    width, height = label_w + bar_w + 70, row_h * len(rows) + 6
    parts = [
        f'<svg class="chart" viewBox="0 0 {width} {height}" width="{width}" '
        f'height="{height}" aria-label="Findings per check">'
    ]
    for i, (code, counts) in enumerate(rows):
        y = i * row_h + 4
        total = sum(counts.values())
        name = names.get(code, "")
        detail = ", ".join(f"{counts[s]} {s}" for s in ORDER if counts[s])
        parts.append(
            f'<a href="#check={_e(code)}" class="bar-row" data-filter="check" '
            f'data-value="{_e(code)}">'
        )
        parts.append(f"<title>{_e(code)} {_e(name)}: {total:,} ({_e(detail)})</title>")
        parts.append(
            f'<rect class="bar-bg" x="0" y="{y - 2}" width="{width}" height="{row_h - 2}"/>'
        )
        parts.append(
            f'<text class="bar-label" x="{label_w - 8}" y="{y + 15}" text-anchor="end">'
            f'<tspan class="bar-code">{_e(code)}</tspan> {_e(_short(name, 30))}</text>'
        )
        x = float(label_w)
        for severity in ORDER:
            if not counts[severity]:
                continue
            w = max(2.0, bar_w * counts[severity] / most)
            parts.append(
                f'<rect class="bar {severity}" x="{x:.1f}" y="{y + 2}" width="{w:.1f}" '
                f'height="{row_h - 10}" rx="2"/>'
            )
            x += w
        parts.append(f'<text class="bar-count" x="{x + 6:.1f}" y="{y + 15}">{total:,}</text>')
        parts.append("</a>")
    parts.append("</svg>")
    return "".join(parts)


def _legend(severities: Counter[str]) -> str:
    keys = "".join(
        f'<span class="key"><span class="swatch {s}"></span>{_e(s)}</span>'
        for s in ORDER
        if severities[s]
    )
    return f'<div class="legend">{keys}</div>' if keys else ""


def _short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _check_table(
    by_check: dict[str, Counter[str]], checks: dict[str, Check], names: dict[str, str]
) -> str:
    rows = []
    for code, counts in sorted(by_check.items(), key=lambda item: item[0]):
        check = checks.get(code)
        summary = check.summary if check else ""
        cells = "".join(
            f'<td class="num {s}">{counts[s]:,}</td>'
            if counts[s]
            else '<td class="num zero">0</td>'
            for s in ORDER
        )
        rows.append(
            f'<tr><td><a class="code" href="#check={_e(code)}" data-filter="check" '
            f'data-value="{_e(code)}">{_e(code)}</a></td>'
            f'<td>{_e(names.get(code, ""))}<div class="muted">{_e(summary)}</div></td>'
            f'{cells}<td class="num total">{sum(counts.values()):,}</td></tr>'
        )
    head = "".join(f'<th class="num">{_e(PLURAL[s].capitalize())}</th>' for s in ORDER)
    table = (
        '<table class="checks"><thead><tr><th>Check</th><th>Name</th>'
        f'{head}<th class="num">Total</th></tr></thead><tbody>{"".join(rows)}</tbody></table>'
        if rows
        else ""
    )
    quiet = sorted((c for c in checks.values() if c.code not in by_check), key=lambda c: c.code)
    if quiet:
        items = "".join(
            f"<li><span class=\"code\">{_e(c.code)}</span> {_e(c.name)}"
            f" <span class=\"muted\">{_e(c.summary)}</span></li>"
            for c in quiet
        )
        table += (
            f"<details class=\"quiet\"><summary>{_n(len(quiet), 'check')} ran without "
            f"findings</summary><ul>{items}</ul></details>"
        )
    return table


def _status(result: RunResult, config: Config) -> str:
    code = result.exit_code(config.fail_on)
    if code == 2:
        return (
            '<p class="status failed">Incomplete: '
            f"{_n(result.check_failures, 'check failure')} (a check raised an error on a "
            "record; see X001 below)</p>"
        )
    threshold = severity_rank(config.fail_on)
    failing = sum(1 for f in result.findings if severity_rank(f.severity) >= threshold)
    if code == 1:
        return (
            f'<p class="status failed">Failing: {_n(failing, "finding")} at or above '
            f"{_e(config.fail_on)} (fail-on)</p>"
        )
    return f'<p class="status passed">Passing: no finding at or above {_e(config.fail_on)}</p>'


def render(result: RunResult, config: Config) -> str:
    return "".join(stream(result, config))


def stream(result: RunResult, config: Config) -> Iterator[str]:
    """The page in pieces: the findings' data one finding at a time."""
    everything = result.all_findings()
    checks = {c.code: c for c in result.checks}
    names = {c.code: c.name for c in result.checks}
    names.update({f.code: f.name for f in everything if f.code not in names})
    severities = Counter(f.severity for f in result.findings)
    by_check: dict[str, Counter[str]] = defaultdict(Counter)
    for f in result.findings:
        by_check[f.code][f.severity] += 1
    total = len(result.findings)

    cards = "".join(
        f'<div class="card {s}"><div class="n" id="total-{s}">{severities[s]:,}</div>'
        f'<div class="label">{_e(PLURAL[s])}</div></div>'
        for s in ORDER
    )
    cards += (
        f'<div class="card all"><div class="n" id="total-all">{total:,}</div>'
        f'<div class="label">{"finding" if total == 1 else "findings"}</div></div>'
    )
    extra = []
    if result.suppressed:
        extra.append(f"{_n(len(result.suppressed), 'suppressed finding')} (not counted)")
    if result.baselined:
        extra.append(f"{_n(result.baselined, 'finding')} in the baseline (not shown)")
    meta = " · ".join(
        [
            _n(result.files, "file"),
            _n(result.records, "record"),
            f"run date {_e(config.today.isoformat())}",
            f"lintrials {_e(__version__)}",
            *extra,
        ]
    )

    check_options = "".join(
        f'<option value="{_e(code)}">{_e(code)} {_e(names.get(code, ""))} '
        f"({sum(counts.values()):,})</option>"
        for code, counts in sorted(by_check.items())
    )
    suppressed_codes = sorted({f.code for f in result.suppressed} - set(by_check))
    check_options += "".join(
        f'<option value="{_e(code)}">{_e(code)} {_e(names.get(code, ""))} (suppressed)</option>'
        for code in suppressed_codes
    )
    severity_options = "".join(
        f'<option value="{s}">{_e(s)} ({severities[s]:,})</option>' for s in ORDER
    )
    records = sorted({f.record for f in everything if f.record})
    record_options = "".join(f'<option value="{_e(r)}"></option>' for r in records)
    suppressed_toggle = (
        '<label class="toggle"><input type="checkbox" id="f-suppressed"> show '
        f"{_n(len(result.suppressed), 'suppressed finding')}</label>"
        if result.suppressed
        else ""
    )

    style, script = _asset("report.css"), _asset("report.js")
    csp = (
        "default-src 'none'; img-src data:; "
        f"style-src {_csp_hash(style)}; script-src {_csp_hash(script)}; "
        "form-action 'none'; base-uri 'none'"
    )
    title = f"lintrials: {_n(total, 'finding')}"
    yield "".join(
        [
            "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n",
            f'<meta http-equiv="Content-Security-Policy" content="{_e(csp)}">\n',
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
            '<meta name="color-scheme" content="light dark">\n',
            '<link rel="icon" href="data:,">\n',
            f"<title>{_e(title)}</title>\n<style>{style}</style>\n</head>\n<body>\n<main>\n",
            '<header><h1>lintrials report</h1>',
            f'<p class="meta">{meta}</p>{_status(result, config)}</header>\n',
            f'<section class="cards" id="totals" aria-label="Totals by severity">{cards}'
            "</section>\n",
            '<section id="by-check"><h2>Findings by check</h2>',
            f'<div class="chart-wrap">{_legend(severities)}{_chart(by_check, names)}</div>',
            f"{_check_table(by_check, checks, names)}</section>\n",
            '<section id="findings"><h2>Findings</h2>\n',
            '<form class="filters" id="filters" role="search" autocomplete="off">',
            '<label>Check <select id="f-check"><option value="">all checks</option>',
            f"{check_options}</select></label>",
            '<label>Severity <select id="f-severity"><option value="">all</option>',
            f"{severity_options}</select></label>",
            '<label>Record <input id="f-record" list="records" placeholder="NCT…" '
            'spellcheck="false"></label>',
            f'<datalist id="records">{record_options}</datalist>',
            '<label class="grow">Text <input id="f-text" type="search" '
            'placeholder="message, path or field" spellcheck="false"></label>',
            '<label>Sort <select id="f-sort"><option value="file">file order</option>'
            '<option value="severity">severity</option><option value="check">check</option>'
            "</select></label>",
            f'{suppressed_toggle}<button type="button" id="f-clear">Clear</button></form>\n',
            '<div class="pager"><span id="shown" aria-live="polite"></span>',
            '<span class="pages"><button type="button" id="prev">‹ Previous</button>',
            '<span id="page"></span><button type="button" id="next">Next ›</button></span>',
            "</div>\n",
            '<noscript><p class="empty">The findings table needs JavaScript; the totals above '
            "do not. The same findings are in the json and text reports.</p></noscript>\n",
            '<table class="findings" id="findings-table"><colgroup><col class="w-sev">'
            '<col class="w-check"><col class="w-rec"><col class="w-where"><col></colgroup>'
            "<thead><tr><th>Severity</th><th>Check</th><th>Record</th><th>Location</th>"
            "<th>Message</th></tr></thead></table>\n",
            '<div class="pager bottom"><span class="pages"><button type="button" '
            'id="prev2">‹ Previous</button><button type="button" id="next2">Next ›</button>'
            "</span></div>\n</section>\n</main>\n",
            '<script type="application/json" id="lintrials-data">',
            _script_json({"pageSize": PAGE_SIZE})[:-1],  # the object, open for its findings
            ',"findings":[',
        ]
    )
    for i, finding in enumerate(everything):
        yield ("," if i else "") + _script_json(_finding_data(finding))
    yield f"]}}</script>\n<script>{script}</script>\n</body>\n</html>\n"

