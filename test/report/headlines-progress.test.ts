import { describe, expect, it } from "vitest";
import { headlinesOf, isFailedEndCode } from "../../src/report/headlines.js";
import type { ReportSection } from "../../src/report/model.js";
import { progressPrinter } from "../../src/report/progress.js";
import { sections } from "./sample-report.js";

function section(catalogId: string, rows: ReportSection["rows"], ok = true): ReportSection {
  return {
    group: "g",
    catalogId,
    title: catalogId,
    description: "",
    columns: [],
    rows,
    chart: { kind: "none" },
    status: ok ? { kind: "ok", elapsedMs: 1 } : { kind: "unavailable", reason: "refused" },
  };
}

describe("headlines", () => {
  it("reads each headline from its section's rows", () => {
    const h = headlinesOf([
      ...sections.filter((s) => s.catalogId === "call-type-ratio" || s.catalogId === "stream-quality-classification"),
      section("impacted-calls", [{ Calls: 80, ImpactedCalls: 20, Streams: 300, PoorStreams: 30, ImpactedPercent: 25, PoorStreamPercent: 10 }]),
      section("end-reasons-with-meaning", [
        { EndCode: "0", EndSubCode: "0", participants: 900, Meaning: "Success" },
        { EndCode: "487", EndSubCode: "10003", participants: 40, Meaning: "Call was cancelled" },
      ]),
      section("ungraceful-drop-rate", [
        { overallUngracefulPct: 3.33, ungraceful: 2, participants: 50 },
        { overallUngracefulPct: 3.33, ungraceful: 3, participants: 100 },
      ]),
    ]);
    expect(h.map((x) => [x.label, x.value, x.detail, x.catalogId])).toEqual([
      ["Calls", "2,000", "P2P 1,500 · Group 500", "call-type-ratio"],
      ["Impacted calls", "25 %", "20 of 80 calls with diagnostics", "impacted-calls"],
      ["Poor streams", "25 %", "25 of 100 streams", "stream-quality-classification"],
      ["Ungraceful drops", "3.3 %", "5 of 150 participants", "ungraceful-drop-rate"],
      ["Top failure code", "487/10003", "40 participants: Call was cancelled", "end-reasons-with-meaning"],
    ]);
  });

  it("gives no headline for a section that did not run", () => {
    expect(headlinesOf([section("impacted-calls", [{ ImpactedPercent: 5 }], false)])).toEqual([]);
  });

  it("treats codes starting with 0 or 2 (and empty codes) as not failed", () => {
    expect(["0", "200", "", " "].map(isFailedEndCode)).toEqual([false, false, false, false]);
    expect(["487", "408", "500", "603", "1"].map(isFailedEndCode)).toEqual([true, true, true, true, true]);
  });
});

describe("progress printer", () => {
  it("off a terminal: plain lines, file progress at each 10 %, one line per analysis, elapsed time on each", () => {
    const written: string[] = [];
    let now = 0;
    const print = progressPrinter({ write: (s: string) => written.push(s), isTTY: false }, () => now).onEvent;
    for (let i = 1; i <= 40; i++) {
      now += 10;
      print({ kind: "files", done: i, total: 40, file: `f${i}` });
    }
    print({ kind: "section-start", catalogId: "impacted-calls", index: 0, total: 2 });
    now = 1500;
    print({ kind: "section-done", catalogId: "impacted-calls", index: 0, total: 2, rows: 1, status: { kind: "ok", elapsedMs: 120 } });
    print({ kind: "section-done", catalogId: "end-reasons-with-meaning", index: 1, total: 2, rows: 0, status: { kind: "unavailable", reason: "x" } });
    const text = written.join("");
    expect(text).not.toContain("\r");
    // the first file, then each 10 %
    expect(written.filter((l) => l.includes("loading files"))).toHaveLength(11);
    expect(text).toContain("loading files 40/40\n");
    expect(text).toContain("[  1.5 s] [1/2] impacted-calls: 1 row in 120 ms\n");
    expect(text).toContain("[2/2] end-reasons-with-meaning: not available locally\n");
  });

  it("on a terminal: rewrites the file counter in place", () => {
    const written: string[] = [];
    const progress = progressPrinter({ write: (s: string) => written.push(s), isTTY: true }, () => 0);
    progress.onEvent({ kind: "files", done: 1, total: 2, file: "a" });
    progress.onEvent({ kind: "files", done: 2, total: 2, file: "b" });
    expect(written).toHaveLength(2);
    expect(written.every((w) => w.startsWith("\r\x1b[K") && !w.endsWith("\n"))).toBe(true);
    // end() closes the open line (e.g. before an error message), once
    progress.end();
    progress.end();
    expect(written.slice(2)).toEqual(["\n"]);
  });
});
