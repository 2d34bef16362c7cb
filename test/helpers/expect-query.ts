import { expect } from "vitest";
import { analyze, resultColumnMismatches } from "../../src/analysis/index.js";
import { toKql, type KqlOptions, type Query, type Row } from "../../src/kql/index.js";

/**
 * Renders a built query, runs it through Kusto.Language with the ACS schemas, and fails
 * on any error or on any difference between the query's row type (its run-time column
 * metadata) and the result columns the analyzer infers. Returns the KQL text.
 */
export function expectValidQuery<R extends Row>(query: Query<R>, options?: KqlOptions): string {
  const kql = toKql(query, options);
  const result = analyze(kql);
  const errors = result.diagnostics.filter((d) => d.severity === "error");
  expect(errors, `${kql}\n${errors.map((d) => `${d.line}:${d.column} ${d.code} ${d.message}`).join("\n")}`).toEqual([]);
  expect(resultColumnMismatches(query.columns, result.resultColumns), kql).toEqual([]);
  return kql;
}
