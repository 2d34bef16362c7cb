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

export function unionColumns(a: Row, b: Row): Row {
  const out: Record<string, KqlType> = {};
  for (const [n, t] of Object.entries(a)) {
    const other = b[n];
    if (other === undefined || other === t) out[n] = t;
    else out[`${n}_${t}`] = t;
  }
  for (const [n, t] of Object.entries(b)) {
    const mine = a[n];
    if (mine === undefined) out[n] = t;
    else if (mine !== t) out[`${n}_${t}`] = t;
  }
  return out;
}
