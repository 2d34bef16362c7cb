import { describe, expect, it } from "vitest";
import { alignTable, renderTerminalReport, sparkline } from "../../src/report/terminal-report.js";
import { sampleReport } from "./sample-report.js";

const lines = renderTerminalReport(sampleReport);
const text = lines.join("\n");

describe("terminal report", () => {
  it("aligns columns: text left, numbers right, all rows the same width per column", () => {
    const t = alignTable(
      [
        { name: "CallType", type: "string" },
        { name: "Calls", type: "long" },
      ],
      [
        ["P2P", "1,200"],
        ["Group", "80"],
      ],
    );
    expect(t).toEqual(["CallType  Calls", "--------  -----", "P2P       1,200", "Group        80"]);
  });

  it("has the title, the dataset facts, headlines with their catalog ids", () => {
    expect(lines[0]).toBe("ACS call quality report");
    expect(text).toContain("Logs       /data/logs (archive layout): 12 files, 34,567 lines");
    expect(text).toContain("Data       2026-03-01 00:05 → 2026-03-07 23:55 UTC");
    expect(text).toContain("lookback 168h");
    expect(text).toContain("ACSCallSummary 4,000 · ACSCallDiagnostics 30,000 (1 other tables empty)");
    expect(text).toContain("4 bad lines (malformed 1, wrong-type 3)");
    expect(text).toMatch(/^ {4}Calls +2,000 +call-type-ratio$/m);
    expect(text).toMatch(/^ {2}! Impacted calls +25 % +25 of 100 calls +impacted-calls$/m);
  });

  it("gives each section a title with its catalog id, groups, and formatted numbers in aligned tables", () => {
    expect(text).toContain("── Volume ");
    expect(text).toContain("Why streams are poor  [catalog: poor-stream-reasons]");
    const start = lines.findIndex((l) => l.includes("[catalog: poor-stream-reasons]"));
    const table = lines.slice(start + 2, start + 7);
    expect(table[0]).toMatch(/^ {2}Reason +MediaKind +PoorStreams$/);
    expect(table[2]).toMatch(/^ {2}Jitter +Audio +30$/);
    expect(table[4]).toMatch(/^ {2}RoundTripTime +Audio +1,234,567$/);
    // right-aligned numbers end in the same column
    const ends = [table[0], table[2], table[3], table[4]].map((l) => (l ?? "").length);
    expect(new Set(ends).size).toBe(1);
    expect(text).toMatch(/^ {2}All +100 +75 +25 +25 %$/m);
  });

  it("shows a time series as a sparkline with its peak instead of a long table", () => {
    // Calls 10, 40, 20 → blocks at round(7·v/40): 2, 7, 4
    expect(text).toContain("  Calls  ▃█▅  peak 40 at 2026-03-01 06:00");
    expect(text).toContain("  2026-03-01 00:00 → 2026-03-01 12:00 UTC, 3 bins (the table is in the HTML report)");
    expect(sparkline([0, null, 7, 3.5])).toBe("▁ █▅");
  });

  it("says 'no data', 'not available locally' and FAILED instead of dropping sections", () => {
    const after = (id: string) => lines[lines.findIndex((l) => l.includes(`[catalog: ${id}]`)) + 2];
    expect(after("impacted-calls-over-time")).toBe("  no data");
    expect(text).toContain("  not available locally: lookup on a datatable is not supported");
    expect(text).toContain("  FAILED: Binder Error: <column> not found");
    expect(lines.at(-1)).toBe("2 sections did not run: end-reasons-with-meaning, ungraceful-drop-rate");
  });

  it("cuts long rows and long cells", () => {
    const many = renderTerminalReport(sampleReport, { maxRows: 2, maxCellWidth: 6 }).join("\n");
    expect(many).toContain("… 1 more row (all rows in the HTML report)");
    expect(many).toMatch(/^ {2}<img … +Video +10$/m);
  });
});
