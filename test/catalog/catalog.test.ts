import * as fs from "node:fs";
import * as path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { catalog } from "../../queries/index.js";
import { lintWithAnalysis, resultColumnMismatches, type KqlDiagnostic } from "../../src/analysis/index.js";
import { parametersOf, toKql } from "../../src/kql/index.js";
import type { ParamNode } from "../../src/kql/ast/index.js";
import type { KqlType } from "../../src/schema/index.js";

/**
 * A value of each parameter type that differs from every default in `p`, so the second
 * rendering of each entry exercises other literals: a longer window, a one-item list, a
 * small long, a fractional real, and a string with both quote characters.
 */
const NON_DEFAULT: Record<KqlType, unknown> = {
  timespan: "30d",
  dynamic: ["Group"],
  long: 7,
  int: 7,
  real: 0.25,
  string: "x'\"y",
  bool: true,
  datetime: "2024-01-02T03:04:05Z",
  guid: "00000000-0000-4000-8000-000000000001",
};

function nonDefaults(params: readonly ParamNode[]): Record<string, unknown> {
  return Object.fromEntries(params.map((p) => [p.name, NON_DEFAULT[p.type]]));
}

const show = (kql: string, ds: readonly KqlDiagnostic[]) =>
  `${kql}\n---\n${ds.map((d) => `${d.line}:${d.column} ${d.severity} ${d.code} ${d.message}`).join("\n")}`;

/**
 * Everything checked for one rendering, from one analysis: no analyzer errors, no lint()
 * findings (analyzer errors and KS5xx warnings are lint findings too), and the result
 * columns Kusto.Language infers equal the entry's row type.
 */
function expectClean(kql: string, columns: Readonly<Record<string, string>>): void {
  const { findings, analysis: result } = lintWithAnalysis(kql);
  const errors = result.diagnostics.filter((d) => d.severity === "error");
  expect(errors, show(kql, errors)).toEqual([]);
  expect(findings, show(kql, findings)).toEqual([]);
  expect(resultColumnMismatches(columns, result.resultColumns), kql).toEqual([]);
}

describe("every catalog entry", () => {
  it("has entries", () => {
    expect(catalog.length).toBeGreaterThan(0);
  });

  describe.each(catalog.map((e) => [e.id, e] as const))("%s", (_id, entry) => {
    const params = parametersOf(entry.query);

    it("renders with its defaults: no analyzer errors, no lint findings, result columns as typed", () => {
      expectClean(toKql(entry.query), entry.query.columns);
    });

    it.runIf(params.length > 0)("renders with a non-default value for every parameter, just as cleanly", () => {
      const values = nonDefaults(params);
      const kql = toKql(entry.query, { params: values });
      expect(kql).not.toBe(toKql(entry.query));
      expectClean(kql, entry.query.columns);
    });
  });
});

describe("layering", () => {
  // Data flows one way: schema → builder → catalog framework (src/) → catalog entries (queries/).
  // Only the CLI, the application's entry point, puts the two together.
  it("no module under src/ but the CLI imports from queries/", () => {
    const root = path.resolve(__dirname, "../../src");
    const offenders: string[] = [];
    for (const rel of fs.readdirSync(root, { recursive: true }) as string[]) {
      if (!rel.endsWith(".ts") || rel.startsWith(`cli${path.sep}`)) continue;
      const source = ts.createSourceFile(rel, fs.readFileSync(path.join(root, rel), "utf8"), ts.ScriptTarget.ES2022, true);
      for (const st of source.statements) {
        if (!(ts.isImportDeclaration(st) || ts.isExportDeclaration(st)) || !st.moduleSpecifier) continue;
        const spec = (st.moduleSpecifier as ts.StringLiteral).text;
        if (/(^|\/)queries(\/|$)/.test(spec)) offenders.push(`src/${rel}: imports "${spec}"`);
      }
    }
    expect(offenders, offenders.join("\n")).toEqual([]);
  });
});
