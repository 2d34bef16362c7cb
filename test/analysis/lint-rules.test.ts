import { beforeAll, describe, expect, it } from "vitest";
import { lint } from "../../src/analysis/lint/index.js";
import type { KqlDiagnostic } from "../../src/analysis/index.js";

// The first call loads Kusto.Language (0.5-5 s depending on the machine's load); do it
// outside any test's 5 s timeout.
beforeAll(() => {
  lint("print 1");
}, 60_000);

/** Findings of one code. */
function of(code: string, kql: string): KqlDiagnostic[] {
  return lint(kql).filter((d) => d.code === code);
}

/** 1-based line/column of the n-th occurrence of `needle` in `text`. */
function at(text: string, needle: string, nth = 0): { line: number; column: number } {
  let i = -1;
  for (let k = 0; k <= nth; k++) {
    i = text.indexOf(needle, i + 1);
    if (i < 0) throw new Error(`'${needle}' #${nth} not in text`);
  }
  const before = text.slice(0, i).split("\n");
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
}

const F = "| where TimeGenerated > ago(1d)";

describe("ACS001 time-filter", () => {
  it("fires when only the join subquery lacks a time filter, at the subquery's table", () => {
    const q = [
      "ACSCallSummary",
      F,
      "| project CorrelationId, CallType",
      "| join kind=inner (",
      "    ACSCallDiagnostics",
      "    | project CorrelationId, JitterAvg",
      "  ) on CorrelationId",
    ].join("\n");
    const found = of("ACS001", q);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: "warning", ...at(q, "ACSCallDiagnostics"), length: "ACSCallDiagnostics".length });
    expect(found[0]!.message).toContain("`project`");
    expect(found[0]!.message).toContain("Fix: make the first operator after `ACSCallDiagnostics` `| where TimeGenerated > ago(1d)`");
  });

  it("fires when the time filter is present but not the first operator (after an extend)", () => {
    const q = `ACSCallSummary\n| extend Minutes = CallDuration / 60\n${F}\n| project Minutes`;
    const [f, ...rest] = of("ACS001", q);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ line: 1, column: 1 });
    expect(f!.message).toContain("the first operator after it is `extend`");
    expect(f!.message).toContain("Fix:");
  });

  it("fires for each union leg filtered only after the union", () => {
    const q = `union ACSCallSummary, ACSCallDiagnostics\n${F}\n| project CorrelationId`;
    const found = of("ACS001", q);
    expect(found.map((d) => [d.line, d.column])).toEqual([
      [1, 7],
      [1, 23],
    ]);
    expect(found[0]!.message).toContain("`union` leg");
    expect(found[0]!.message).toContain("Fix: filter inside the leg, e.g. `union (ACSCallSummary | where TimeGenerated > ago(1d)), …`");
  });

  it("fires when the where right after the table does not bound a datetime column", () => {
    expect(of("ACS001", 'ACSCallSummary | where CallType == "P2P" | count')).toHaveLength(1);
    // An `or` only constrains time when both branches do.
    expect(of("ACS001", 'ACSCallSummary | where TimeGenerated > ago(1d) or CallType == "P2P" | count')).toHaveLength(1);
    // A let-bound datetime compared with another value is not a column bound.
    expect(of("ACS001", "let cutoff = ago(1d); ACSCallSummary | where cutoff < now() | count")).toHaveLength(1);
    // Qualified and table() references are table references too.
    expect(of("ACS001", "database('acs').ACSCallSummary | count")).toMatchObject([{ column: 1, length: "database('acs').ACSCallSummary".length }]);
    expect(of("ACS001", "table('ACSCallSummary') | count")).toMatchObject([{ column: 1 }]);
  });

  it("fires at a table whose let alias is used once without a filter", () => {
    const q = `let t = ACSCallSummary;\nt ${F} | count;\nt | take 1`;
    const [f, ...rest] = of("ACS001", q);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ line: 1, column: 9 });
    expect(f!.message).toContain("let alias `t`, used on line 3");
  });

  it("does not fire when every table reference starts with a time filter", () => {
    const good = [
      `ACSCallSummary ${F} | count`,
      "ACSCallSummary | where ago(1d) < TimeGenerated | count",
      "ACSCallSummary | where TimeGenerated between (ago(2d) .. ago(1d)) | count",
      "ACSCallSummary | where TimeGenerated in (datetime(2024-01-01), datetime(2024-01-02)) | count",
      "ACSCallSummary | where CallStartTime >= ago(1d) and CallType == 'P2P' | count",
      "ACSCallingMetrics | where TimestampBin >= ago(7d) | count",
      "let start = ago(1d); ACSCallSummary | where TimeGenerated > start | count",
      `union (ACSCallSummary ${F}), (ACSCallDiagnostics ${F}) | count`,
      `let t = ACSCallSummary;\nt ${F} | count`,
      `search in (ACSCallSummary) TimeGenerated > ago(1d) and "abc"`,
      `database('acs').ACSCallSummary ${F} | count`,
    ];
    for (const q of good) expect(of("ACS001", q), q).toEqual([]);
  });
});

describe("ACS002 join-kind", () => {
  const q = `ACSCallSummary ${F} | project CorrelationId\n| join (ACSCallDiagnostics ${F} | project CorrelationId) on CorrelationId`;

  it("fires at the join keyword and replaces KS508 there", () => {
    const all = lint(q);
    const found = all.filter((d) => d.code === "ACS002");
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: "warning", line: 2, column: 3, length: 4 });
    expect(found[0]!.message).toContain("innerunique");
    expect(found[0]!.message).toContain("Fix: state the kind, e.g. `join kind=inner (…)`");
    expect(all.map((d) => d.code)).not.toContain("KS508");
  });

  it("still fires with the KS5xx analyzers off", () => {
    expect(lint(q, { analyzers: false }).map((d) => d.code)).toEqual(["ACS002"]);
  });

  it("does not fire when kind= is stated", () => {
    expect(lint(q.replace("join (", "join kind=leftouter ("))).toEqual([]);
  });
});

describe("ACS003 prefer-has", () => {
  it("fires at contains with a term-like literal, states the has form, replaces KS500 there", () => {
    const q = `ACSCallSummary ${F}\n| where CallType contains "group"`;
    const all = lint(q);
    const found = all.filter((d) => d.code === "ACS003");
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: "suggestion", ...at(q, "contains"), length: "contains".length });
    expect(found[0]!.message).toContain('Fix: `CallType has "group"`');
    expect(all.map((d) => d.code)).not.toContain("KS500");
  });

  it("maps !contains_cs to !has_cs", () => {
    const [f] = of("ACS003", `ACSCallSummary ${F} | where CallType !contains_cs "Group1"`);
    expect(f!.message).toContain('`CallType !has_cs "Group1"`');
  });

  it("does not fire for short or non-term needles, or for has (KS500 still reports the non-term one)", () => {
    const q = `ACSCallSummary ${F}\n| where CallType contains "ab" or CallType contains "a-b" or CallType has "group"`;
    const all = lint(q);
    expect(all.filter((d) => d.code === "ACS003")).toEqual([]);
    expect(all.filter((d) => d.code === "KS500").map((d) => d.column)).toEqual([at(q, 'contains "a-b"').column]);
  });
});

describe("ACS004 no-wildcard", () => {
  it("fires on search *, unscoped search, union * and wildcard table names", () => {
    const star = of("ACS004", "search *");
    expect(star).toMatchObject([{ severity: "warning", line: 1, column: 1 }]);
    expect(star[0]!.message).toContain("Fix: query the tables you need directly");

    const unscoped = of("ACS004", 'search "abc"');
    expect(unscoped).toMatchObject([{ line: 1, column: 1, length: 6 }]);
    expect(unscoped[0]!.message).toContain("Fix: name the tables, e.g. `search in (ACSCallSummary, ACSCallDiagnostics)");

    expect(of("ACS004", `union * ${F}`)).toMatchObject([{ line: 1, column: 7, length: 1 }]);

    const wild = of("ACS004", `union ACSCall* ${F}`);
    expect(wild).toMatchObject([{ line: 1, column: 7, length: "ACSCall*".length }]);
    expect(wild[0]!.message).toMatch(/today \d+: ACSCallSummary/);
    expect(wild[0]!.message).toContain("Fix: list the tables you need explicitly");
  });

  it("does not fire on scoped searches and explicit unions", () => {
    expect(of("ACS004", 'search in (ACSCallSummary) TimeGenerated > ago(1d) and "abc"')).toEqual([]);
    expect(of("ACS004", `ACSCallSummary ${F} | search "abc"`)).toEqual([]);
    expect(of("ACS004", `union (ACSCallSummary ${F}), (ACSCallDiagnostics ${F})`)).toEqual([]);
  });
});

describe("ACS005 no-tolower-compare", () => {
  it("fires on tolower(x) == and toupper on the right of !=, with the =~ / !~ fix", () => {
    const q = `ACSCallSummary ${F}\n| where tolower(CallType) == "p2p" or "GROUP" != toupper(CallType)`;
    const found = of("ACS005", q);
    expect(found).toHaveLength(2);
    expect(found[0]).toMatchObject({ severity: "suggestion", ...at(q, "tolower"), length: 'tolower(CallType) == "p2p"'.length });
    expect(found[0]!.message).toContain('Fix: compare case-insensitively with `CallType =~ "p2p"`');
    expect(found[1]).toMatchObject(at(q, '"GROUP"'));
    expect(found[1]!.message).toContain('`"GROUP" !~ CallType`');
  });

  it("does not fire on =~, or on tolower outside an equality", () => {
    const q = `ACSCallSummary ${F} | where CallType =~ "p2p" | extend l = tolower(CallType) | where tolower(EndpointType) has "spool"`;
    expect(of("ACS005", q)).toEqual([]);
  });
});

describe("ACS006 reduce-before-join", () => {
  it("flags a raw right side (filters only) at its table and a raw left side at the join keyword", () => {
    const q = [
      "ACSCallSummary",
      F,
      "| join kind=inner (",
      "    ACSCallDiagnostics",
      `    ${F}`,
      "  ) on CorrelationId",
    ].join("\n");
    const found = of("ACS006", q);
    expect(found.map((d) => [d.line, d.column])).toEqual([
      [3, 3],
      [4, 5],
    ]);
    expect(found[0]!.message).toContain("The left side of this join brings all");
    expect(found[0]!.message).toContain("Fix: add `| project CorrelationId, <the columns you use>`");
    expect(found[1]!.message).toContain("The right side of this join");
    expect(found[1]!.message).toContain("Fix: end the subquery with `| project CorrelationId");
  });

  it("follows a let to its definition, and checks lookup too", () => {
    const q = `let s = ACSCallSummary ${F};\ns | lookup (ACSCallDiagnostics ${F} | project CorrelationId, JitterAvg) on CorrelationId`;
    expect(of("ACS006", q)).toMatchObject([{ line: 2, column: 5 }]);
  });

  it("does not fire when both sides are projected or summarized before the join", () => {
    const q = [
      `let s = ACSCallSummary ${F} | project CorrelationId, CallType;`,
      "s",
      `| join kind=inner (ACSCallDiagnostics ${F} | summarize avg(JitterAvg) by CorrelationId) on CorrelationId`,
      `| lookup (ACSCallSurvey ${F} | distinct CorrelationId) on CorrelationId`,
    ].join("\n");
    expect(of("ACS006", q)).toEqual([]);
  });
});

describe("ACS007 materialize-reused-let", () => {
  const body = `ACSCallSummary ${F} | project CorrelationId, CallType`;

  it("fires on a filtered let used twice, while time-filter is satisfied by the let body", () => {
    const q = `let calls = ${body};\ncalls\n| join kind=inner (calls) on CorrelationId`;
    const all = lint(q);
    expect(all.filter((d) => d.code === "ACS001")).toEqual([]);
    const found = all.filter((d) => d.code === "ACS007");
    expect(found).toMatchObject([{ severity: "suggestion", line: 1, column: 5, length: 5 }]);
    expect(found[0]!.message).toContain("referenced 2 times (lines 2, 3)");
    expect(found[0]!.message).toContain("Fix: `let calls = materialize(");
  });

  it("does not fire when materialize() is used, the let is used once, or it is a bare alias", () => {
    expect(of("ACS007", `let calls = materialize(${body});\ncalls | join kind=inner (calls) on CorrelationId`)).toEqual([]);
    expect(of("ACS007", `let calls = ${body};\ncalls | count`)).toEqual([]);
    expect(of("ACS007", `let t = ACSCallSummary;\nt ${F} | count;\nt ${F} | take 1`)).toEqual([]);
  });
});
