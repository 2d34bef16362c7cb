import { describe, expect, it } from "vitest";
import { analyze } from "../../src/analysis/index.js";
import { JOIN_QUERY } from "../../bench/analyzer.bench.js";

function only(kql: string) {
  const r = analyze(kql);
  expect(r.diagnostics, JSON.stringify(r.diagnostics)).toHaveLength(1);
  return r.diagnostics[0]!;
}

describe("analyze() against the ACS schemas", () => {
  it("finds an unknown column (KS142) at its line and column", () => {
    const d = only("ACSCallDiagnostics\n| where JiterAvg > 10");
    expect(d).toMatchObject({ severity: "error", code: "KS142", line: 2, column: 9, length: 8 });
    expect(d.message).toContain("JiterAvg");
  });

  it("finds a type mismatch (KS106) at the operator", () => {
    const d = only('ACSCallDiagnostics\n| where TimeGenerated > ago(1d)\n| where JitterAvg > "x"');
    expect(d).toMatchObject({ severity: "error", code: "KS106", line: 3, column: 19 });
    expect(d.message).toMatch(/'>'.*int.*string/);
  });

  it("finds an unknown table (KS204)", () => {
    const d = only("let x = 1;\nACSCallSummry | take 10");
    expect(d).toMatchObject({ severity: "error", code: "KS204", line: 2, column: 1, length: 13 });
  });

  it("finds a syntax error: a missing expression", () => {
    const d = only("ACSCallSummary\n| where CallType ==\n| project CorrelationId");
    expect(d.severity).toBe("error");
    expect(d.code).toBe("KS006");
    // The missing operand is reported just past the `==` that ends line 2.
    expect([d.line, d.column, d.length]).toEqual([2, 20, 0]);
  });

  it("finds a syntax error: an unterminated string, where its closing quote is missing", () => {
    const d = only("ACSCallSummary\n| where TimeGenerated > ago(1d)\n| where CallType == 'P2P");
    expect(d).toMatchObject({ severity: "error", code: "KS001", message: "Missing: '", line: 3, column: 25 });
  });

  it("gives a correct summary ⋈ diagnostics join zero diagnostics and infers its columns", () => {
    const r = analyze(JOIN_QUERY);
    expect(r.diagnostics).toEqual([]);
    expect(r.analyzerDiagnostics).toEqual([]);
    expect(r.hasErrors).toBe(false);
    expect(r.resultColumns).toEqual([
      { name: "MediaType", type: "string" },
      { name: "CallType", type: "string" },
      { name: "Streams", type: "long" },
      { name: "PoorStreams", type: "long" },
    ]);
  });

  it("infers column types that flow from the schema (int stays int, avg gives real)", () => {
    const r = analyze(
      "ACSCallDiagnostics | where TimeGenerated > ago(1d) | summarize m = max(JitterMax), a = avg(JitterAvg), n = dcount(CorrelationId), t = max(CallUpdatesVersion) by StreamId",
    );
    expect(r.hasErrors).toBe(true); // CallUpdatesVersion exists only in the Updates table
    const ok = analyze(
      "ACSCallDiagnosticsUpdates | where TimeGenerated > ago(1d) | summarize m = max(JitterMax), a = avg(JitterAvg), n = dcount(CorrelationId), v = max(CallUpdatesVersion) by StreamId",
    );
    expect(ok.diagnostics).toEqual([]);
    expect(ok.resultColumns).toEqual([
      { name: "StreamId", type: "long" },
      { name: "m", type: "int" },
      { name: "a", type: "real" },
      { name: "n", type: "long" },
      { name: "v", type: "int" },
    ]);
  });

  it("reports the KS5xx analyzers separately from errors (join without kind)", () => {
    const r = analyze(
      "ACSCallSummary | where TimeGenerated > ago(1d)\n| join (ACSCallDiagnostics | where TimeGenerated > ago(1d)) on CorrelationId",
    );
    expect(r.hasErrors).toBe(false);
    expect(r.analyzerDiagnostics.map((d) => [d.code, d.severity, d.line])).toEqual([["KS508", "warning", 2]]);
    expect(analyze("ACSCallSummary | take 1", { analyzers: false }).analyzerDiagnostics).toEqual([]);
  });

  it("knows every typed table, and only the tables it is given", () => {
    expect(analyze("ACSCallClosedCaptionsSummary | project SpokenLanguage, Duration").resultColumns).toEqual([
      { name: "SpokenLanguage", type: "string" },
      { name: "Duration", type: "real" },
    ]);
    expect(analyze("ACSCallSummary | take 1", { tables: [] }).diagnostics.map((d) => d.code)).toEqual(["KS204"]);
  });

  it("returns no result columns for a scalar result", () => {
    expect(analyze("print x = 1").resultColumns).toEqual([{ name: "x", type: "long" }]);
    expect(analyze("let f = 1; f").resultColumns).toEqual([]);
  });
});
