import type { JsonValue, LiteralNode } from "../kql/ast/index.js";
import { KqlValueError } from "../kql/builder/errors.js";
import { assertWellFormed, DATETIME_MAX_TICKS, DATETIME_MIN_TICKS, INT_MAX, INT_MIN, LONG_MAX, LONG_MIN } from "../kql/builder/literals.js";
import type { KqlType } from "../schema/index.js";
import { duckDbType } from "./duckdb-types.js";
import type { Refusals } from "./sql-unsupported.js";

/*
 * SQL text for literals. Every value reaches DuckDB as a literal of an explicit type (a
 * CAST), never as text that DuckDB would interpret: a string is a standard SQL string in
 * which only `'` is special (doubled); DuckDB reads backslashes and control characters in
 * it literally (test/sql proves it), except NUL, which SQL text cannot carry and is
 * spelled chr(0).
 */

/** A DuckDB identifier: always double-quoted, `"` doubled. */
export function quoteIdent(name: string): string {
  assertWellFormed("identifier", name);
  return `"${name.replaceAll('"', '""')}"`;
}

/** A VARCHAR literal for any well-formed string. */
export function sqlString(s: string): string {
  assertWellFormed("string", s);
  const parts = s.split("\0").map((p) => `'${p.replaceAll("'", "''")}'`);
  return parts.length === 1 ? parts[0]! : `(${parts.join(" || chr(0) || ")})`;
}

/** A typed NULL; a string "null" is `''`, since Kusto strings are never null. */
export function nullOf(type: KqlType): string {
  return type === "string" ? "''" : `CAST(NULL AS ${duckDbType(type)})`;
}

const TICKS_PER_MICRO = 10n;

/** A TIMESTAMP from microseconds since the Unix epoch. */
export function timestampFromMicros(micros: bigint): string {
  return `make_timestamp(CAST(${micros} AS BIGINT))`;
}

/** An INTERVAL holding exactly `micros` microseconds (no day or month part). */
export function intervalFromMicros(micros: bigint): string {
  return `to_microseconds(CAST(${micros} AS BIGINT))`;
}

function realText(n: number): string {
  if (Number.isNaN(n)) return "NaN";
  if (n === Infinity) return "Infinity";
  if (n === -Infinity) return "-Infinity";
  if (Object.is(n, -0)) return "-0.0";
  return String(n); // shortest text that reads back as exactly n
}

/** A DOUBLE literal; the text is parsed by DuckDB, so the value is exact. */
export function realLiteral(n: number): string {
  return `CAST('${realText(n)}' AS DOUBLE)`;
}

function checkJson(v: JsonValue, path: readonly object[]): void {
  if (typeof v === "number" && !Number.isFinite(v)) throw new KqlValueError("dynamic", v, "NaN and infinities have no JSON form", "use null");
  if (typeof v === "string") assertWellFormed("dynamic", v);
  if (v === null || typeof v !== "object") return;
  if (path.includes(v)) throw new KqlValueError("dynamic", v, "the value refers back to itself (a cycle)", "pass a tree, not a graph");
  for (const x of Array.isArray(v) ? (v as readonly JsonValue[]) : Object.values(v as Record<string, JsonValue>)) checkJson(x, [...path, v]);
}

/** A JSON literal for a dynamic value (`dynamic(null)` is a NULL JSON). */
export function jsonLiteral(v: JsonValue): string {
  if (v === null) return "CAST(NULL AS JSON)";
  checkJson(v, []);
  return `CAST(${sqlString(JSON.stringify(v))} AS JSON)`;
}

function bad(type: string, value: unknown, rule: string): never {
  throw new KqlValueError(type, value, rule, "build literals with lit.*() so that they are validated");
}

/**
 * The SQL text of a literal node. Nodes are re-checked (any code can build one); a
 * datetime or timespan with a sub-microsecond part is refused, since DuckDB keeps
 * microseconds and rounding would change comparisons silently.
 */
export function sqlLiteral(node: LiteralNode, refusals: Refusals): string {
  if (node.value === null) return node.type === "dynamic" ? jsonLiteral(null) : nullOf(node.type);
  switch (node.type) {
    case "string":
      if (typeof node.value !== "string") bad("string", node.value, "is not a string");
      return sqlString(node.value);
    case "guid":
      if (typeof node.value !== "string" || !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(node.value)) {
        bad("guid", node.value, "a guid node holds the lower-case 8-4-4-4-12 form");
      }
      return sqlString(node.value);
    case "int":
      if (!Number.isInteger(node.value) || node.value < INT_MIN || node.value > INT_MAX) bad("int", node.value, `an int must be an integer in [${INT_MIN}, ${INT_MAX}]`);
      return `CAST(${node.value} AS INTEGER)`;
    case "long":
      if (typeof node.value !== "bigint" || node.value < LONG_MIN || node.value > LONG_MAX) bad("long", node.value, "a long node holds a bigint in [-2^63, 2^63-1]");
      return `CAST(${node.value} AS BIGINT)`;
    case "real":
      if (typeof node.value !== "number") bad("real", node.value, "is not a number");
      return realLiteral(node.value);
    case "bool":
      if (typeof node.value !== "boolean") bad("bool", node.value, "is not a boolean");
      return node.value ? "TRUE" : "FALSE";
    case "datetime":
      if (typeof node.value !== "bigint" || node.value < DATETIME_MIN_TICKS || node.value > DATETIME_MAX_TICKS) {
        bad("datetime", node.value, "a datetime node holds bigint ticks within 0001-01-01..9999-12-31");
      }
      if (node.value % TICKS_PER_MICRO !== 0n) {
        return refusals.refuse(`datetime literal (${node.value} ticks)`, "it has a sub-microsecond part (100 ns ticks); DuckDB keeps microseconds, and rounding it would change comparisons");
      }
      return timestampFromMicros(node.value / TICKS_PER_MICRO);
    case "timespan":
      if (typeof node.value !== "bigint" || node.value < LONG_MIN || node.value > LONG_MAX) bad("timespan", node.value, "a timespan node holds 64-bit bigint ticks");
      if (node.value % TICKS_PER_MICRO !== 0n) {
        return refusals.refuse(`timespan literal (${node.value} ticks)`, "it has a sub-microsecond part (100 ns ticks); DuckDB keeps microseconds, and rounding it would change comparisons");
      }
      return intervalFromMicros(node.value / TICKS_PER_MICRO);
    case "dynamic":
      return jsonLiteral(node.value);
  }
  return bad("unknown", (node as { type?: unknown }).type, "is not a literal type");
}
