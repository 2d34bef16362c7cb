import { escapeHtml as e } from "./escape.js";
import { formatCell, formatElapsed, formatNumber, formatTime, plural } from "./format.js";
import type { DatasetFacts, Report, ReportSection } from "./model.js";
import { sectionChartSvg } from "./section-chart.js";

/** Rows per section table in the HTML file; bigger results say how many were left out. */
export const HTML_MAX_ROWS = 200;

/** Charted sections with more rows than this show their table folded (a click opens it; no script needed). */
const FOLD_ROWS = 8;

const NUMERIC = new Set(["int", "long", "real"]);

// System font stacks only: the file must render offline, with nothing fetched.
const CSS = `
:root{--fg:#1d1d1f;--muted:#5f6368;--line:#e2e4e8;--bg:#fff;--soft:#f6f7f9;--warn:#b3261e;--accent:#0072B2}
*{box-sizing:border-box}
body{margin:0;font:14px/1.45 -apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--fg);background:var(--bg)}
.page{max-width:1180px;margin:0 auto;padding:20px 28px 48px}
h1{font-size:22px;margin:0 0 2px}
h2{font-size:18px;margin:32px 0 8px;padding-bottom:4px;border-bottom:2px solid var(--fg)}
h3{font-size:15px;margin:0 0 2px}
.sub,.meta{color:var(--muted);font-size:12.5px}
code{font:12.5px ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;background:var(--soft);padding:1px 4px;border-radius:3px}
.facts{display:grid;grid-template-columns:max-content 1fr;gap:3px 16px;margin:14px 0;padding:12px 14px;background:var(--soft);border-radius:6px}
.facts dt{color:var(--muted)}
.facts dd{margin:0}
.issues{margin:4px 0 0;padding-left:18px;font:12px ui-monospace,Menlo,Consolas,monospace}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(215px,1fr));gap:10px;margin:14px 0}
.card{border:1px solid var(--line);border-radius:6px;padding:10px 12px}
.card .v{font-size:24px;font-weight:600}
.card.warn .v{color:var(--warn)}
.card .l{font-size:12.5px;color:var(--muted)}
.card code{font-size:11px;overflow-wrap:anywhere}
nav{font-size:13px;margin:8px 0}
nav a{color:var(--accent);text-decoration:none;margin-right:10px}
article{margin:18px 0 26px}
.note{margin:4px 0}
.chart{display:block;max-width:100%;height:auto;margin:8px 0;font-family:-apple-system,"Segoe UI",Roboto,Arial,sans-serif}
.tablewrap{overflow-x:auto}
table{border-collapse:collapse;font-size:12.5px;margin:6px 0}
th,td{border-bottom:1px solid var(--line);padding:3px 10px 3px 0;text-align:left;vertical-align:top}
th{font-weight:600;white-space:nowrap}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
td.wide{min-width:260px;max-width:480px}
.nodata{color:var(--muted);font-style:italic}
.unavailable{color:var(--muted);border-left:3px solid #E69F00;padding:4px 10px;background:#fff8e6}
.failed{color:var(--warn);border-left:3px solid var(--warn);padding:4px 10px;background:#fdecea}
details{margin:4px 0}
summary{cursor:pointer;color:var(--muted);font-size:12.5px}
footer{margin-top:36px;color:var(--muted);font-size:12px;border-top:1px solid var(--line);padding-top:8px}
`;

function factsHtml(d: DatasetFacts): string {
  const rows: [string, string][] = [];
  rows.push(["Logs", `<code>${e(d.root)}</code> (${e(d.layout)} layout): ${e(plural(d.files, "file"))}, ${e(plural(d.lines, "line"))}`]);
  rows.push(["Data range", d.dataRange ? e(`${formatTime(d.dataRange.from)} → ${formatTime(d.dataRange.to)} UTC (TimeGenerated)`) : "no rows with a TimeGenerated"]);
  if (d.window) {
    rows.push(["Queried window", e(`${formatTime(d.window.from)} → ${formatTime(d.window.to)} UTC: lookback ${d.window.lookback} before the latest record, time bin ${d.window.timeBin}`)]);
  }
  const tables = Object.entries(d.rowsByTable).filter(([, n]) => n > 0);
  const empty = Object.entries(d.rowsByTable).filter(([, n]) => n === 0).map(([name]) => name);
  rows.push([
    "Rows loaded",
    (tables.map(([name, n]) => `${e(name)} <b>${e(formatNumber(n))}</b>`).join(" · ") || "none") +
      (empty.length > 0 ? `<br><span class="sub">empty: ${e(empty.join(", "))}</span>` : ""),
  ]);
  const issues = Object.entries(d.issueCounts).filter(([, n]) => n > 0);
  const skipped = issues.reduce((a, [, n]) => a + n, 0);
  let skippedHtml =
    skipped === 0
      ? "no bad lines"
      : `<b>${e(plural(skipped, "bad line"))}</b> skipped (${e(issues.map(([k, n]) => `${k} ${formatNumber(n)}`).join(", "))})`;
  skippedHtml += `; ${e(plural(d.skippedUntyped, "record"))} of ACS categories without a typed table`;
  if (d.issueSamples.length > 0) {
    skippedHtml += `<ol class="issues">${d.issueSamples.map((s) => `<li>${e(s)}</li>`).join("")}</ol>`;
    if (skipped > d.issueSamples.length) skippedHtml += `<span class="sub">… and ${e(formatNumber(skipped - d.issueSamples.length))} more</span>`;
  }
  rows.push(["Skipped", skippedHtml]);
  return `<dl class="facts">${rows.map(([k, v]) => `<dt>${e(k)}</dt><dd>${v}</dd>`).join("")}</dl>`;
}

function tableHtml(s: ReportSection): string {
  if (s.rows.length === 0) return `<p class="nodata">no data</p>`;
  const shown = s.rows.slice(0, HTML_MAX_ROWS);
  const cls = (type: string, name: string) => (NUMERIC.has(type) ? ' class="n"' : /Meaning|Advice|Description/.test(name) ? ' class="wide"' : "");
  const head = s.columns.map((c) => `<th${NUMERIC.has(c.type) ? ' class="n"' : ""}>${e(c.name)}</th>`).join("");
  const body = shown.map((r) => `<tr>${s.columns.map((c) => `<td${cls(c.type, c.name)}>${e(formatCell(r[c.name], c))}</td>`).join("")}</tr>`).join("");
  const more = s.rows.length > shown.length ? `<p class="sub">showing the first ${HTML_MAX_ROWS} of ${e(formatNumber(s.rows.length))} rows</p>` : "";
  const table = `<div class="tablewrap"><table><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table></div>${more}`;
  // Long results under a chart (time series, top lists) are folded: the chart is the summary.
  const folded = s.chart.kind !== "none" && s.rows.length > FOLD_ROWS;
  return folded ? `<details class="rows"><summary>Table: ${e(plural(s.rows.length, "row"))}</summary>${table}</details>` : table;
}

function sectionHtml(s: ReportSection): string {
  const head = `<h3>${e(s.title)}</h3>`;
  const id = `<code>${e(s.catalogId)}</code>`;
  if (s.status.kind === "unavailable") {
    return `<article id="${e(s.catalogId)}">${head}<p class="meta">catalog: ${id}</p><p class="unavailable">not available locally: ${e(s.status.reason)}</p></article>`;
  }
  if (s.status.kind === "failed") {
    return `<article id="${e(s.catalogId)}">${head}<p class="meta">catalog: ${id}</p><p class="failed">failed: ${e(s.status.error)}</p></article>`;
  }
  const params = Object.entries(s.params ?? {}).map(([k, v]) => `${k}=${v}`);
  const meta = `catalog: ${id} · ${e(plural(s.rows.length, "row"))} · ${e(formatElapsed(s.status.elapsedMs))}${params.length ? ` · ${e(params.join(", "))}` : ""}`;
  const note = s.note ? `<p class="note">${e(s.note)}</p>` : "";
  const about = `<details><summary>What this query does</summary><p>${e(s.description)}</p></details>`;
  return `<article id="${e(s.catalogId)}">${head}<p class="meta">${meta}</p>${note}${sectionChartSvg(s)}${about}${tableHtml(s)}</article>`;
}

/**
 * The report as ONE self-contained HTML document: inline CSS and inline SVG charts, no
 * script, no external font, image or link target, so it can be mailed or archived and
 * opened offline. Every value from the logs is HTML-escaped.
 *
 * @example
 * ```ts
 * fs.writeFileSync("acs-call-report.html", renderHtmlReport(report));
 * ```
 */
export function renderHtmlReport(report: Report): string {
  const groups: string[] = [];
  for (const s of report.sections) if (!groups.includes(s.group)) groups.push(s.group);
  const anchor = (g: string) => `g-${g.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`;
  const cards = report.headlines
    .map(
      (h) =>
        `<div class="card${h.tone === "warn" ? " warn" : ""}"><div class="l">${e(h.label)}</div><div class="v">${e(h.value)}</div>` +
        `<div class="l">${h.detail ? `${e(h.detail)} · ` : ""}<code>${e(h.catalogId)}</code></div></div>`,
    )
    .join("");
  const nav = groups.map((g) => `<a href="#${anchor(g)}">${e(g)}</a>`).join("");
  const body = groups
    .map((g) => `<h2 id="${anchor(g)}">${e(g)}</h2>${report.sections.filter((s) => s.group === g).map(sectionHtml).join("")}`)
    .join("");
  const notRun = report.sections.filter((s) => s.status.kind !== "ok");
  const notRunHtml = notRun.length
    ? `<p class="unavailable">${e(plural(notRun.length, "section"))} did not run locally: ${notRun.map((s) => `<a href="#${e(s.catalogId)}">${e(s.catalogId)}</a>`).join(", ")}</p>`
    : "";
  return (
    `<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">` +
    `<title>${e(report.title)}</title><style>${CSS}</style></head><body><div class="page">` +
    `<h1>${e(report.title)}</h1><p class="sub">Created ${e(formatTime(report.createdAt))} UTC by <code>acs-insights report</code>. ` +
    `Each section names its catalog query; run the same query in Log Analytics from <code>queries/kql/&lt;id&gt;.kql</code>.</p>` +
    factsHtml(report.dataset) +
    (cards ? `<div class="cards">${cards}</div>` : "") +
    notRunHtml +
    `<nav>${nav}</nav>${body}` +
    `<footer>Numbers come from the kit's catalog queries compiled to DuckDB SQL and run on the local files above; ` +
    `times are UTC. Distinct counts are exact here (Log Analytics' dcount() is an estimate), so small differences from the portal are expected.</footer>` +
    `</div></body></html>\n`
  );
}
