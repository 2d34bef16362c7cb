import type { JsonValue } from "../kql/ast/index.js";
import type { KqlType } from "../schema/index.js";

/**
 * What the compiler knows about a relation: its columns in Kusto order, each with its
 * Kusto name and type and the SQL column that holds it. SQL columns get generated names
 * (`c1`, `c2`, ...) because DuckDB identifiers are case-insensitive while Kusto names are
 * not, and because join sides must never clash; the Kusto names appear only in the final
 * SELECT.
 */
export interface Col {
  readonly name: string;
  readonly type: KqlType;
  /** SQL column name in the relation (or an expression, while one operator is compiled). */
  readonly sql: string;
}

export interface Relation {
  /** CTE name. */
  readonly from: string;
  readonly cols: readonly Col[];
  /**
   * SQL column holding the row order set by `order by`/`top`, carried through the
   * operators that keep Kusto's order (where, project, extend, take, ...) and dropped by
   * those that don't (summarize, join, union, distinct). SQL itself keeps no order
   * between CTEs, so the final SELECT sorts by it.
   */
  readonly ord?: string;
}

/** A compiled scalar: SQL text and its Kusto type. */
export interface Typed {
  readonly sql: string;
  readonly type: KqlType;
  /** Set on the placeholder of a refused feature, whose type is a guess: checks on it would only repeat the refusal. */
  readonly refused?: boolean;
  /**
   * The value of a dynamic known when the query is compiled (a literal or a bound
   * parameter). Filters like `array_length(callTypes) == 0 or CallType in (callTypes)` then
   * compile to constants and a plain IN list: DuckDB does not fold JSON functions and
   * lambdas, and evaluating them on every row made such filters cost seconds on 1M rows.
   */
  readonly constant?: { readonly value: JsonValue };
}

export const isNumeric = (t: KqlType): boolean => t === "int" || t === "long" || t === "real";
export const isStringish = (t: KqlType): boolean => t === "string" || t === "guid";

/**
 * Kusto's common type of iff/case/coalesce branches: real if any is real, int if all are
 * int, long for other numeric mixes; otherwise the first branch's type (the builder only
 * lets equal types through). Same rule as the builder's `commonType`.
 */
export function commonType(types: readonly KqlType[]): KqlType {
  if (types.length > 0 && types.every(isNumeric)) {
    if (types.includes("real")) return "real";
    return types.every((t) => t === "int") ? "int" : "long";
  }
  return types[0] ?? "string";
}

/** Looks up a column by Kusto name (case-sensitive, as in Kusto). */
export function findCol(cols: readonly Col[], name: string): Col | undefined {
  return cols.find((c) => c.name === name);
}
