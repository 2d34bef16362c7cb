// Run-time twins of the row types in types.ts: how Kusto names the output columns of
// join, lookup and union. The checked-result-type tests compare both with the analyzer.
import type { KqlType } from "../../schema/index.js";
import type { JoinKey } from "../ast/index.js";
import type { Row } from "./types.js";

export type JoinKeySpec = string | readonly [string, string];

/** Appends `1`, `2`, ... to a clashing name until it is free, as Kusto does. */
function freeName(name: string, taken: Record<string, unknown>): string {
  if (!(name in taken)) return name;
  for (let i = 1; ; i++) if (!(`${name}${i}` in taken)) return `${name}${i}`;
}

export function joinColumns(left: Row, right: Row): Row {
  const out: Record<string, KqlType> = { ...left };
  for (const [n, t] of Object.entries(right)) out[freeName(n, out)] = t;
  return out;
}

export function lookupColumns(left: Row, right: Row, keys: readonly JoinKey[]): Row {
  const dropped = new Set(keys.map((k) => k.right));
  const out: Record<string, KqlType> = { ...left };
  for (const [n, t] of Object.entries(right)) if (!dropped.has(n)) out[freeName(n, out)] = t;
  return out;
}

/**
 * Columns in order of first appearance by name across the inputs; a name with several
 * types becomes `name_type` for each type, side by side (`A_string, A_long`), as Kusto does.
 */
export function unionColumns(...rows: readonly Row[]): Row {
  const typesByName = new Map<string, KqlType[]>();
  for (const row of rows) {
    for (const [n, t] of Object.entries(row)) {
      const types = typesByName.get(n) ?? [];
      if (!types.includes(t)) types.push(t);
      typesByName.set(n, types);
    }
  }
  const out: Record<string, KqlType> = {};
  for (const [n, types] of typesByName) {
    if (types.length === 1) out[n] = types[0] as KqlType;
    else for (const t of types) out[`${n}_${t}`] = t;
  }
  return out;
}
