import type { ResultColumn } from "./types.js";

/**
 * Compares the columns a query is expected to return (for example a builder's row type,
 * kept at run time) with the columns Kusto.Language infers. Returns one line per
 * mismatch: missing, unexpected, wrongly typed, or out of order. Empty means equal.
 *
 * @example
 * ```ts
 * resultColumnMismatches({ CorrelationId: "string" }, analyze(kql).resultColumns); // []
 * ```
 */
export function resultColumnMismatches(
  expected: Readonly<Record<string, string>>,
  actual: readonly ResultColumn[],
): string[] {
  const problems: string[] = [];
  const actualByName = new Map(actual.map((c) => [c.name, c.type]));
  for (const [name, type] of Object.entries(expected)) {
    const got = actualByName.get(name);
    if (got === undefined) problems.push(`column '${name}' (${type}) is missing from the analyzer's result`);
    else if (got !== type) problems.push(`column '${name}' is ${type} in the row type but ${got} per the analyzer`);
  }
  for (const c of actual) {
    if (!(c.name in expected)) problems.push(`column '${c.name}' (${c.type}) is in the analyzer's result but not in the row type`);
  }
  if (problems.length === 0) {
    const want = Object.keys(expected).join(", ");
    const got = actual.map((c) => c.name).join(", ");
    if (want !== got) problems.push(`column order differs: row type (${want}) vs analyzer (${got})`);
  }
  return problems;
}
