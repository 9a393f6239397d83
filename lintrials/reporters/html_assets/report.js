
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
      haystack = all.map((f) => [f.msg, f.path, f.field, f.rec, f.code, f.name].join("\n")
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
      ? "Showing " + fmt(start + 1) + "\u2013" + fmt(start + slice.length) + " of " +
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
