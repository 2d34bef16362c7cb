// lint() as a whole: how it combines Kusto.Language's findings with the ACS rules, and
// suppression comments. One file, so the analyzer loads once (about 3 s on a busy CI box).
import * as fs from "node:fs";
import * as path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { JOIN_QUERY } from "../../bench/analyzer.bench.js";
import { analyze } from "../../src/analysis/index.js";
import { lint, rules } from "../../src/analysis/lint/index.js";

// The first call loads Kusto.Language (0.5-5 s depending on the machine's load); do it
// outside any test's 5 s timeout.
beforeAll(() => {
  lint("print 1");
}, 60_000);

const codes = (kql: string) => lint(kql).map((d) => `${d.line}:${d.code}`);

// Line 1: ACS001 (no time filter); line 3: ACS002 (join without kind) and ACS006 (left side
// raw); the right side is filtered and projected.
const BASE = [
  "ACSCallSummary",
  '| where CallType == "P2P"',
  "| join (ACSCallDiagnostics | where TimeGenerated > ago(1d) | project CorrelationId) on CorrelationId",
];

describe("suppression comments", () => {
  it("the unsuppressed query has the expected findings", () => {
    expect(codes(BASE.join("\n"))).toEqual(["1:ACS001", "3:ACS002", "3:ACS006"]);
  });

  it("acs-insights-disable-next-line suppresses the named rules on the next line only", () => {
    const q = [BASE[0], BASE[1], "// acs-insights-disable-next-line ACS002, reduce-before-join -- one-off report", BASE[2]].join("\n");
    expect(codes(q)).toEqual(["1:ACS001"]);
    // One line further down it no longer applies.
    const far = ["// acs-insights-disable-next-line ACS002", BASE[0], BASE[1], BASE[2]].join("\n");
    expect(codes(far)).toEqual(["2:ACS001", "4:ACS002", "4:ACS006"]);
  });

  it("acs-insights-disable-line suppresses on its own line (trailing comment)", () => {
    const q = [`${BASE[0]} // acs-insights-disable-line time-filter`, BASE[1], BASE[2]].join("\n");
    expect(codes(q)).toEqual(["3:ACS002", "3:ACS006"]);
  });

  it("acs-insights-disable at the top suppresses in the whole file, by id or name", () => {
    const q = ["// acs-insights-disable ACS001, join-kind", ...BASE].join("\n");
    expect(codes(q)).toEqual(["4:ACS006"]);
  });

  it("acs-insights-disable below the query start is ignored and reported", () => {
    const q = [BASE[0], "// acs-insights-disable ACS001", BASE[1], BASE[2]].join("\n");
    const found = lint(q);
    expect(found.map((d) => `${d.line}:${d.code}`)).toEqual(["1:ACS001", "2:ACS901", "4:ACS002", "4:ACS006"]);
    expect(found[1]!.message).toContain("must come before the query");
  });

  it("suppressing KS508 suppresses the ACS002 that replaced it, and KS500 can be suppressed", () => {
    const q = [BASE[0], BASE[1], `${BASE[2]} // acs-insights-disable-line KS508`].join("\n");
    expect(codes(q)).toEqual(["1:ACS001", "3:ACS006"]);
    const ks500 = 'ACSCallSummary | where TimeGenerated > ago(1d) | where CallType contains "a-b"';
    expect(codes(ks500)).toEqual(["1:KS500"]);
    expect(codes(`${ks500} // acs-insights-disable-line KS500`)).toEqual([]);
  });

  it("reports an unknown id at its position, naming it and listing the valid ids", () => {
    const comment = "// acs-insights-disable-next-line ACS099, ACS002";
    const q = [BASE[0], BASE[1], comment, BASE[2]].join("\n");
    const found = lint(q);
    expect(found.map((d) => `${d.line}:${d.code}`)).toEqual(["1:ACS001", "3:ACS900", "4:ACS006"]);
    expect(found[1]).toMatchObject({ severity: "warning", column: comment.indexOf("ACS099") + 1, length: 6 });
    expect(found[1]!.message).toContain("Unknown rule 'ACS099'");
    expect(found[1]!.message).toContain("ACS001 (time-filter)");
    expect(found[1]!.message).toContain("KS508");
  });

  it("cannot suppress an analyzer error such as KS142, and says so", () => {
    const q = "ACSCallSummary | where TimeGenerated > ago(1d) | where CallTyp == 1 // acs-insights-disable-line KS142";
    const found = lint(q);
    expect(found.map((d) => d.code)).toEqual(["KS142", "ACS901"]);
    expect(found[0]!.severity).toBe("error");
    expect(found[1]!.message).toMatch(/KS142 .*cannot be suppressed.*Fix the query/);
  });

  it("reads comments only: '//' inside a string literal is not a directive", () => {
    const q = 'ACSCallSummary | where CallType == "// acs-insights-disable-line ACS001" | count';
    expect(codes(q)).toEqual(["1:ACS001"]);
  });

  it("a directive that names no rule is reported", () => {
    const q = ["// acs-insights-disable-next-line", "search *"].join("\n");
    expect(codes(q)).toEqual(["1:ACS900", "2:ACS004"]);
  });
});

describe("lint()", () => {
  it("gives a real-world summary ⋈ diagnostics query (filters, projects, kind=inner) zero findings", () => {
    expect(lint(JOIN_QUERY)).toEqual([]);
    const example = path.resolve("queries/examples/summary-diagnostics-join.kql");
    expect(lint(fs.readFileSync(example, "utf8"))).toEqual([]);
  });

  it("combines analyzer errors, KS5xx findings and ACS rules, sorted by position", () => {
    const q = [
      "ACSCallSummary",
      "| where CallTyp == 1 and isnull(CallType)", // KS142 (error), KS501 (analyzer), and ACS001 on line 1
    ].join("\n");
    const found = lint(q);
    expect(found.map((d) => d.code)).toEqual(["ACS001", "KS142", "KS501"]);
    expect(found.map((d) => d.start)).toEqual([...found.map((d) => d.start)].sort((a, b) => a - b));
    // analyze() is unchanged: same diagnostics, no ACS findings.
    const r = analyze(q);
    expect(r.diagnostics.map((d) => d.code)).toEqual(["KS142"]);
    expect(r.analyzerDiagnostics.map((d) => d.code)).toEqual(["KS501"]);
  });

  it("options.disable turns rules off by id or name, and rejects unknown names", () => {
    const q = "ACSCallSummary | join (ACSCallDiagnostics) on CorrelationId";
    expect(new Set(lint(q).map((d) => d.code))).toEqual(new Set(["ACS001", "ACS002", "ACS006"]));
    // With ACS002 off, Kusto.Language's own KS508 is no longer replaced.
    expect(lint(q, { disable: ["time-filter", "ACS006", "join-kind"] }).map((d) => d.code)).toEqual(["KS508"]);
    expect(() => lint(q, { disable: ["no-such-rule"] })).toThrow(/unknown rule 'no-such-rule'/);
  });

  it("has stable, unique rule ids and names, each with a title and a severity", () => {
    expect(rules.map((r) => `${r.id} ${r.name} ${r.severity}`)).toEqual([
      "ACS001 time-filter warning",
      "ACS002 join-kind warning",
      "ACS003 prefer-has suggestion",
      "ACS004 no-wildcard warning",
      "ACS005 no-tolower-compare suggestion",
      "ACS006 reduce-before-join warning",
      "ACS007 materialize-reused-let suggestion",
    ]);
    for (const r of rules) expect(r.title.length).toBeGreaterThan(10);
  });
});
