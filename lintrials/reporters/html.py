"""One self-contained HTML page, for a CI job to keep as an artifact and a person to open.

The page has the run's totals by severity and by check, a bar chart of findings per check, and
the findings in a table that can be filtered by check, severity, record and text, each finding
with its code frame (the source lines around it, the span marked).

It needs no network: the CSS and the script are inline, fonts are the system's, the favicon is
an empty ``data:`` URL, and a Content-Security-Policy allows nothing to load and only the page's
own style and script (by hash) to apply, so even a value that escaped its escaping could not run.
Every value written into the HTML is escaped with ``html.escape``; the findings themselves travel
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
import json
from collections import Counter, defaultdict

from lintrials import __version__
from lintrials.config import Config
from lintrials.findings import SEVERITIES, Finding, severity_rank
from lintrials.reporters.full import fix_diff, frame
from lintrials.results import RunResult
from lintrials.rules import Rule as Check

PAGE_SIZE = 100
ORDER = tuple(reversed(SEVERITIES))  # error, warning, info
PLURAL = {"error": "errors", "warning": "warnings", "info": "info"}


def _e(value: object) -> str:
    return html.escape(str(value), quote=True)


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
    related = [f"{r.field} (line {r.line})" for r in finding.related]
    fixed = fix_diff(finding, colour=False)
    return {
        "code": finding.code,
        "name": finding.name,
        "sev": finding.severity,
        "msg": finding.message,
        "path": finding.path,
        "line": finding.line,
        "col": finding.column,
        "end": finding.end_line,
        "rec": finding.record or "",
        "field": finding.pointer or finding.field or "",
        "rel": related,
        "sup": finding.suppression,
        "frame": _frame_lines(finding),
        "fix": [fixed[0].strip(), *fixed[1:]] if fixed else [],
    }


def _script_json(data: object) -> str:
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
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
    data = {"pageSize": PAGE_SIZE, "findings": [_finding_data(f) for f in everything]}

    style, script = _CSS, _JS
    csp = (
        "default-src 'none'; img-src data:; "
        f"style-src {_csp_hash(style)}; script-src {_csp_hash(script)}; "
        "form-action 'none'; base-uri 'none'"
    )
    title = f"lintrials: {_n(total, 'finding')}"
    return "".join(
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
            f'<script type="application/json" id="lintrials-data">{_script_json(data)}'
            "</script>\n",
            f"<script>{script}</script>\n</body>\n</html>\n",
        ]
    )


_CSS = """
:root {
  --bg: #f5f6f8; --fg: #1c2230; --muted: #5d6778; --card: #ffffff; --line: #dfe3e9;
  --head: #eef1f5; --code-bg: #f6f8fa; --hit: #fffbe6; --link: #0b5cad;
  --error: #c62828; --warning: #b45f06; --info: #1a64c2;
  --error-bg: #fdecea; --warning-bg: #fff3e0; --info-bg: #e7f0fc;
  --error-mark: #f9c9c4; --warning-mark: #fcd9a8; --info-mark: #c6dcfa; --add-bg: #e6f4ea;
  --ok: #1e7b34; --ok-bg: #e6f4ea;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #15181e; --fg: #e3e7ee; --muted: #9aa4b4; --card: #1e232b; --line: #313845;
    --head: #252b35; --code-bg: #181c23; --hit: #3b3620; --link: #7fb6ff;
    --error: #ff6b6b; --warning: #f0a24a; --info: #6fa8ff;
    --error-bg: #3a2023; --warning-bg: #3a2c1a; --info-bg: #1c2a40;
    --error-mark: #6b2a2e; --warning-mark: #6a4a1c; --info-mark: #264a7a; --add-bg: #1d3524;
    --ok: #7ed99a; --ok-bg: #1d3524;
  }
}
* { box-sizing: border-box; }
html { background: var(--bg); color: var(--fg); }
body {
  margin: 0;
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial,
    sans-serif;
}
main { max-width: 1320px; margin: 0 auto; padding: 20px 24px 40px; }
h1 { font-size: 22px; margin: 0 0 4px; }
h2 { font-size: 17px; margin: 28px 0 10px; }
a { color: var(--link); text-decoration: none; }
a:hover { text-decoration: underline; }
.meta, .muted { color: var(--muted); }
.meta { margin: 0 0 8px; }
.muted { font-size: 12.5px; }
.status { display: inline-block; margin: 0; padding: 4px 10px; border-radius: 4px;
  font-weight: 600; }
.status.failed { background: var(--error-bg); color: var(--error); }
.status.passed { background: var(--ok-bg); color: var(--ok); }
.cards { display: flex; flex-wrap: wrap; gap: 12px; margin-top: 18px; }
.card { background: var(--card); border: 1px solid var(--line); border-left: 5px solid
  var(--muted); border-radius: 6px; padding: 10px 18px; min-width: 130px; }
.card .n { font-size: 26px; font-weight: 700; line-height: 1.2; }
.card .label { color: var(--muted); }
.card.error { border-left-color: var(--error); } .card.error .n { color: var(--error); }
.card.warning { border-left-color: var(--warning); } .card.warning .n { color: var(--warning); }
.card.info { border-left-color: var(--info); } .card.info .n { color: var(--info); }
.card.all { border-left-color: var(--fg); }
.chart-wrap { background: var(--card); border: 1px solid var(--line); border-radius: 6px;
  padding: 10px 8px; overflow-x: auto; margin-bottom: 14px; }
.chart { display: block; max-width: 100%; height: auto; }
.legend { display: flex; gap: 16px; font-size: 12px; color: var(--muted);
  padding: 0 8px 6px; }
.swatch { display: inline-block; width: 10px; height: 10px; border-radius: 2px;
  margin-right: 5px; vertical-align: -1px; }
.swatch.error { background: var(--error); } .swatch.warning { background: var(--warning); }
.swatch.info { background: var(--info); }
.chart text { font-size: 12.5px; fill: var(--fg); }
.chart .bar-code { font-weight: 700; }
.chart .bar-count { fill: var(--muted); }
.chart .bar-bg { fill: transparent; }
.chart a:hover .bar-bg { fill: var(--head); }
.bar.error { fill: var(--error); } .bar.warning { fill: var(--warning); }
.bar.info { fill: var(--info); }
table { border-collapse: collapse; width: 100%; background: var(--card); }
.checks { border: 1px solid var(--line); border-radius: 6px; }
.checks th, .checks td { padding: 6px 10px; border-bottom: 1px solid var(--line);
  text-align: left; vertical-align: top; }
.checks th { background: var(--head); font-weight: 600; font-size: 13px; }
.num { text-align: right !important; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.num.error { color: var(--error); font-weight: 600; }
td.num.warning { color: var(--warning); font-weight: 600; }
td.num.info { color: var(--info); font-weight: 600; }
td.num.zero { color: var(--muted); opacity: .6; }
td.total { font-weight: 700; }
.code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "DejaVu Sans Mono",
  monospace; font-weight: 600; }
details.quiet { margin-top: 8px; color: var(--muted); }
details.quiet ul { margin: 6px 0; padding-left: 20px; }
.filters { display: flex; flex-wrap: wrap; gap: 10px 14px; align-items: end;
  background: var(--card); border: 1px solid var(--line); border-radius: 6px;
  padding: 10px 12px; position: sticky; top: 0; z-index: 2; }
.filters label { display: flex; flex-direction: column; font-size: 12px; color: var(--muted);
  gap: 3px; }
.filters label.grow { flex: 1 1 160px; }
.filters label.toggle { flex-direction: row; align-items: center; gap: 6px; font-size: 13px;
  padding-bottom: 6px; }
.filters select, .filters input[type=search], .filters input:not([type]) {
  font: inherit; font-size: 13.5px; color: var(--fg); background: var(--bg);
  border: 1px solid var(--line); border-radius: 4px; padding: 5px 7px; min-width: 110px; }
#f-check { max-width: 300px; }
#f-record { width: 150px; min-width: 0; }
button { font: inherit; font-size: 13px; color: var(--fg); background: var(--head);
  border: 1px solid var(--line); border-radius: 4px; padding: 5px 12px; cursor: pointer; }
button:disabled { opacity: .45; cursor: default; }
.pager { display: flex; justify-content: space-between; align-items: center; margin: 10px 0; }
.pager.bottom { justify-content: flex-end; }
.pages { display: flex; gap: 8px; align-items: center; }
#shown { color: var(--muted); }
.findings { border: 1px solid var(--line); table-layout: fixed; }
.findings th { background: var(--head); text-align: left; padding: 7px 10px; font-size: 13px;
  border-bottom: 1px solid var(--line); }
col.w-sev { width: 104px; } col.w-check { width: 200px; } col.w-rec { width: 120px; }
col.w-where { width: 270px; }
tbody.finding { border-top: 1px solid var(--line); }
tbody.finding td { padding: 8px 10px 6px; vertical-align: top; overflow-wrap: anywhere; }
tbody.finding tr.frame-row td { padding: 0 10px 10px; }
.badge { display: inline-block; padding: 1px 7px; border-radius: 10px; font-size: 12px;
  font-weight: 600; white-space: nowrap; }
.badge.error { background: var(--error-bg); color: var(--error); }
.badge.warning { background: var(--warning-bg); color: var(--warning); }
.badge.info { background: var(--info-bg); color: var(--info); }
.badge.suppressed { background: var(--head); color: var(--muted); margin-top: 4px; }
tbody.suppressed td { opacity: .7; }
.path { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "DejaVu Sans Mono",
  monospace; font-size: 12.5px; }
.message { font-weight: 500; }
.related, .reason { color: var(--muted); font-size: 12.5px; margin-top: 3px; }
pre.frame { margin: 0; padding: 6px 0; background: var(--code-bg); border: 1px solid
  var(--line); border-radius: 4px; overflow-x: auto; font-size: 12.5px; line-height: 1.5;
  font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "DejaVu Sans Mono", monospace; }
pre.frame .fl { display: block; padding-right: 12px; min-width: max-content; }
pre.frame .g { display: inline-block; color: var(--muted); padding: 0 10px 0 8px;
  margin-right: 8px; border-right: 1px solid var(--line); text-align: right;
  user-select: none; }
pre.frame .hit { background: var(--hit); }
pre.frame mark { color: inherit; border-radius: 2px; }
pre.frame .caret { font-weight: 700; }
.sev-error pre.frame mark { background: var(--error-mark); }
.sev-warning pre.frame mark { background: var(--warning-mark); }
.sev-info pre.frame mark { background: var(--info-mark); }
.sev-error .caret { color: var(--error); } .sev-warning .caret { color: var(--warning); }
.sev-info .caret { color: var(--info); }
.fix { margin-top: 6px; }
.fix-head { font-size: 12.5px; color: var(--muted); margin-bottom: 3px; }
pre.diff .fl { padding-left: 10px; }
pre.diff .del { background: var(--error-bg); }
pre.diff .add { background: var(--add-bg); }
.empty { padding: 16px; color: var(--muted); }
"""

_JS = """
"use strict";
(() => {
  const data = JSON.parse(document.getElementById("lintrials-data").textContent);
  const all = data.findings;
  const size = data.pageSize;
  const $ = (id) => document.getElementById(id);
  const controls = {check: $("f-check"), severity: $("f-severity"), record: $("f-record"),
    q: $("f-text"), sort: $("f-sort")};
  const suppressed = $("f-suppressed");
  const table = $("findings-table");
  const rank = {error: 0, warning: 1, info: 2};
  const fmt = (n) => n.toLocaleString("en");
  let view = [];
  let page = 0;
  let haystack = null;

  function el(tag, cls, text) {
    const node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function compute() {
    const check = controls.check.value;
    const severity = controls.severity.value;
    const record = controls.record.value.trim().toLowerCase();
    const q = controls.q.value.trim().toLowerCase();
    const withSuppressed = suppressed !== null && suppressed.checked;
    if (q && haystack === null) {
      haystack = all.map((f) => [f.msg, f.path, f.field, f.rec, f.code, f.name].join("\\n")
        .toLowerCase());
    }
    const out = [];
    for (let i = 0; i < all.length; i++) {
      const f = all[i];
      if (f.sup !== null && !withSuppressed) continue;
      if (check && f.code !== check) continue;
      if (severity && f.sev !== severity) continue;
      if (record && !f.rec.toLowerCase().includes(record)) continue;
      if (q && !haystack[i].includes(q)) continue;
      out.push(i);
    }
    const sort = controls.sort.value;
    if (sort === "severity") {
      out.sort((a, b) => rank[all[a].sev] - rank[all[b].sev] || a - b);
    } else if (sort === "check") {
      out.sort((a, b) => all[a].code.localeCompare(all[b].code) || a - b);
    }
    view = out;
  }

  // The carets under a line are left out where the marked text already shows the span.
  const marked = (line, carets) => carets.indexOf("^") < line.length;

  function frame(f) {
    const pre = el("pre", "frame");
    const width = Math.max(...f.frame.map(([n]) => String(n).length));
    for (let i = 0; i < f.frame.length; i++) {
      const [n, text] = f.frame[i];
      const caret = n === 0;
      const above = f.frame[i - 1];
      if (caret && above && above[0] !== 0 && marked(above[1], text)) continue;
      const line = el("span", "fl" + (caret ? " caret" : n >= f.line && n <= f.end ? " hit" : ""));
      line.append(el("span", "g", caret ? " ".repeat(width) : String(n).padStart(width)));
      const next = f.frame[i + 1];
      if (!caret && next && next[0] === 0) {
        const begin = next[1].indexOf("^");
        const end = next[1].lastIndexOf("^") + 1;
        line.append(text.slice(0, begin), el("mark", null, text.slice(begin, end)),
          text.slice(end));
      } else {
        line.append(text);
      }
      pre.append(line);
    }
    return pre;
  }

  function fix(f) {
    const box = el("div", "fix");
    box.append(el("div", "fix-head", f.fix[0]));
    const pre = el("pre", "frame diff");
    for (const line of f.fix.slice(1)) {
      pre.append(el("span", "fl " + (line.startsWith("+") ? "add" : "del"), line));
    }
    box.append(pre);
    return box;
  }

  function row(f) {
    const body = el("tbody", "finding sev-" + f.sev + (f.sup !== null ? " suppressed" : ""));
    body.dataset.code = f.code;
    body.dataset.record = f.rec;
    body.dataset.severity = f.sev;
    const head = el("tr", "head");
    const sev = el("td", "c-sev");
    sev.append(el("span", "badge " + f.sev, f.sev));
    if (f.sup !== null) sev.append(el("span", "badge suppressed", "suppressed"));
    const check = el("td", "c-check");
    const code = el("a", "code", f.code);
    code.href = "#check=" + encodeURIComponent(f.code);
    code.dataset.filter = "check";
    code.dataset.value = f.code;
    check.append(code, el("div", "muted", f.name));
    const rec = el("td", "c-record");
    if (f.rec) {
      const link = el("a", "code", f.rec);
      link.href = "#record=" + encodeURIComponent(f.rec);
      link.dataset.filter = "record";
      link.dataset.value = f.rec;
      rec.append(link);
    }
    const where = el("td", "c-where");
    where.append(el("div", "path", f.path + ":" + f.line + ":" + f.col));
    if (f.field) where.append(el("div", "muted", f.field));
    const msg = el("td", "c-msg");
    msg.append(el("div", "message", f.msg));
    if (f.rel.length) msg.append(el("div", "related", "related: " + f.rel.join("; ")));
    if (f.sup !== null) msg.append(el("div", "reason", "suppressed: " + f.sup));
    head.append(sev, check, rec, where, msg);
    body.append(head);
    if (f.frame.length || f.fix.length) {
      const tr = el("tr", "frame-row");
      const td = el("td");
      td.colSpan = 5;
      if (f.frame.length) td.append(frame(f));
      if (f.fix.length) td.append(fix(f));
      tr.append(td);
      body.append(tr);
    }
    return body;
  }

  function draw() {
    const pages = Math.max(1, Math.ceil(view.length / size));
    page = Math.min(Math.max(0, page), pages - 1);
    for (const old of table.querySelectorAll("tbody")) old.remove();
    const start = page * size;
    const slice = view.slice(start, start + size);
    const frag = document.createDocumentFragment();
    for (const i of slice) frag.append(row(all[i]));
    if (!slice.length) {
      const body = el("tbody", "none");
      const tr = el("tr");
      const td = el("td", "empty", all.length ? "No finding matches these filters." :
        "No findings.");
      td.colSpan = 5;
      tr.append(td);
      body.append(tr);
      frag.append(body);
    }
    table.append(frag);
    const withSuppressed = suppressed !== null && suppressed.checked;
    const active = withSuppressed ? all.length : all.filter((f) => f.sup === null).length;
    $("shown").textContent = view.length
      ? "Showing " + fmt(start + 1) + "\\u2013" + fmt(start + slice.length) + " of " +
        fmt(view.length) + (view.length !== active ? " (filtered from " + fmt(active) + ")" : "")
      : "Showing 0 of " + fmt(active);
    $("page").textContent = "page " + fmt(page + 1) + " of " + fmt(pages);
    for (const id of ["prev", "prev2"]) $(id).disabled = page === 0;
    for (const id of ["next", "next2"]) $(id).disabled = page >= pages - 1;
  }

  function toHash() {
    const params = new URLSearchParams();
    for (const [key, control] of Object.entries(controls)) {
      const value = control.value.trim();
      if (value && !(key === "sort" && value === "file")) params.set(key, value);
    }
    if (suppressed !== null && suppressed.checked) params.set("suppressed", "1");
    if (page) params.set("page", String(page + 1));
    const hash = params.toString();
    const url = location.href.split("#")[0] + (hash ? "#" + hash : "");
    try {
      history.replaceState(null, "", url);
    } catch (error) {
      // some browsers refuse history changes on file: pages; the filters still apply
    }
  }

  function fromHash() {
    const params = new URLSearchParams(location.hash.slice(1));
    for (const [key, control] of Object.entries(controls)) {
      const value = params.get(key) || (key === "sort" ? "file" : "");
      if (control.tagName === "SELECT" &&
          ![...control.options].some((option) => option.value === value)) {
        control.value = key === "sort" ? "file" : "";
      } else {
        control.value = value;
      }
    }
    if (suppressed !== null) suppressed.checked = params.get("suppressed") === "1";
    page = Math.max(0, (parseInt(params.get("page") || "1", 10) || 1) - 1);
  }

  function update(keepPage) {
    if (!keepPage) page = 0;
    compute();
    draw();
    toHash();
  }

  for (const control of Object.values(controls)) {
    control.addEventListener(control.tagName === "SELECT" ? "change" : "input",
      () => update(false));
  }
  if (suppressed !== null) suppressed.addEventListener("change", () => update(false));
  $("f-clear").addEventListener("click", () => {
    for (const [key, control] of Object.entries(controls)) {
      control.value = key === "sort" ? "file" : "";
    }
    if (suppressed !== null) suppressed.checked = false;
    update(false);
  });
  const turn = (step) => () => {
    page += step;
    update(true);
    table.scrollIntoView({block: "start"});
  };
  $("prev").addEventListener("click", turn(-1));
  $("prev2").addEventListener("click", turn(-1));
  $("next").addEventListener("click", turn(1));
  $("next2").addEventListener("click", turn(1));
  document.addEventListener("click", (event) => {
    const link = event.target.closest("a[data-filter]");
    if (!link) return;
    event.preventDefault();
    controls[link.dataset.filter].value = link.dataset.value;
    update(false);
    if (!table.contains(link)) $("findings").scrollIntoView({block: "start"});
  });
  $("filters").addEventListener("submit", (event) => event.preventDefault());
  window.addEventListener("hashchange", () => {
    fromHash();
    compute();
    draw();
    $("findings").scrollIntoView({block: "start"});
  });
  fromHash();
  compute();
  draw();
})();
"""
