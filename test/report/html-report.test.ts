import { describe, expect, it } from "vitest";
import { renderHtmlReport } from "../../src/report/html-report.js";
import { HOSTILE, sampleReport, sections } from "./sample-report.js";

const html = renderHtmlReport(sampleReport);

function article(id: string): string {
  const start = html.indexOf(`<article id="${id}">`);
  expect(start, `article ${id}`).toBeGreaterThanOrEqual(0);
  return html.slice(start, html.indexOf("</article>", start));
}

describe("HTML report", () => {
  it("is self-contained: no scripts, no external src/href, no @import or url()", () => {
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/\b(?:src|href)\s*=\s*["']?\s*(?:https?:)?\/\//i);
    expect(html).not.toMatch(/https?:/i);
    expect(html).not.toMatch(/@import|url\(/i);
    expect(html).not.toMatch(/<link\b/i);
    // Every href is an in-page anchor.
    for (const m of html.matchAll(/href="([^"]*)"/g)) expect(m[1]).toMatch(/^#/);
    expect(html.startsWith("<!DOCTYPE html>")).toBe(true);
  });

  it("escapes values from the logs: hostile text in a row and in an ingest issue comes out inert", () => {
    expect(html).not.toContain(HOSTILE);
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toMatch(/<[a-z][^>]*\sonerror\s*=/i);
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
    // in the table cell, the SVG label/tooltip, and the issue list
    expect(html.split("&lt;img src=x onerror=alert(1)&gt;").length - 1).toBeGreaterThanOrEqual(3);
  });

  it("has every section with its catalog id, and a chart for each charted section that ran", () => {
    for (const s of sections) {
      const a = article(s.catalogId);
      expect(a).toContain(`<code>${s.catalogId}</code>`);
      expect(a).toContain(s.title);
      const charted = s.status.kind === "ok" && s.chart.kind !== "none";
      expect(a.includes('<svg class="chart"'), s.catalogId).toBe(charted);
    }
    for (const g of ["Volume", "Quality", "Impacted calls", "End reasons"]) expect(html).toContain(`>${g}</h2>`);
  });

  it("shows 'no data' for an empty section, in the chart and instead of the table", () => {
    const a = article("impacted-calls-over-time");
    expect(a).toContain(">no data</text>");
    expect(a).toContain('<p class="nodata">no data</p>');
    expect(a).not.toContain("<table");
  });

  it("lists sections the SQL backend refuses as 'not available locally: <reason>' and failures as failed", () => {
    expect(article("end-reasons-with-meaning")).toContain("not available locally: lookup on a datatable is not supported");
    expect(article("ungraceful-drop-rate")).toContain("failed: Binder Error: &lt;column&gt; not found");
    expect(html).toMatch(/2 sections did not run locally: <a href="#end-reasons-with-meaning">/);
  });

  it("states what the data covers: range, window, files, lines, rows per table, skipped lines", () => {
    expect(html).toContain("2026-03-01 00:05 → 2026-03-07 23:55 UTC");
    expect(html).toContain("lookback 168h");
    expect(html).toContain("12 files, 34,567 lines");
    expect(html).toContain("ACSCallDiagnostics <b>30,000</b>");
    expect(html).toContain("empty: ACSCallSurvey");
    expect(html).toContain("<b>4 bad lines</b> skipped (malformed 1, wrong-type 3)");
    expect(html).toContain("a/PT1H.json:7: malformed: not JSON");
    expect(html).toContain("2 records of ACS categories without a typed table");
  });

  it("formats numbers and percentages in tables and headline cards", () => {
    expect(article("poor-stream-reasons")).toContain('<td class="n">1,234,567</td>');
    expect(article("stream-quality-classification")).toContain('<td class="n">25 %</td>');
    expect(html).toMatch(/<div class="card warn"><div class="l">Impacted calls<\/div><div class="v">25 %<\/div>/);
  });
});
