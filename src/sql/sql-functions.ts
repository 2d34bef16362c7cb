import type { CallNode, ExprNode } from "../kql/ast/index.js";
import type { KqlType } from "../schema/index.js";
import { asBigint, asDouble, compileExpr, micros, widenTo, type ExprEnv } from "./sql-expressions.js";
import { timestampFromMicros } from "./sql-literals.js";
import { commonType, isNumeric, isStringish, type Typed } from "./sql-scope.js";

/*
 * Scalar functions: one entry per KQL function, giving its DuckDB spelling and Kusto
 * result type. A function missing here is refused by name; an entry refuses argument
 * forms it cannot compile faithfully (see each `why`).
 */

type Compile = (args: readonly Typed[], nodes: readonly ExprNode[], env: ExprEnv) => Typed;

interface FunctionSpec {
  /** Allowed argument counts: [min, max]. */
  readonly arity: readonly [number, number];
  readonly compile: Compile;
}

const refuse = (env: ExprEnv, what: string, why: string, type: KqlType): Typed => ({ sql: env.refusals.refuse(what, why), type, refused: true });

/** The value of a literal argument, or undefined when the argument is not a literal. */
function literalValue(n: ExprNode | undefined): unknown {
  return n?.kind === "literal" ? n.value : undefined;
}

/**
 * Kusto's `tostring()`, which is also how `strcat` turns its arguments into text. Null
 * becomes `''`. A real prints like .NET: whole values without `.0` (`tostring(1.0)` is
 * "1"), others in the shortest round-trip form; outside 1e-4 ≤ |x| < 1e15 .NET switches to
 * exponent notation spelled differently from DuckDB's, so such values raise a run-time
 * error instead of printing differently.
 */
export function toSqlString(x: Typed, env: ExprEnv): string {
  switch (x.type) {
    case "string":
      return x.sql;
    case "guid":
      return `coalesce(${x.sql}, '')`;
    case "int":
    case "long":
    case "bool":
      return `coalesce(CAST(${x.sql} AS VARCHAR), '')`;
    case "real":
      return (
        `(CASE WHEN ${x.sql} IS NULL THEN '' ` +
        `WHEN abs(${x.sql}) < 1e15 AND ${x.sql} = trunc(${x.sql}) THEN CAST(CAST(${x.sql} AS BIGINT) AS VARCHAR) ` +
        `WHEN abs(${x.sql}) >= 1e-4 AND abs(${x.sql}) < 1e15 THEN CAST(${x.sql} AS VARCHAR) ` +
        `ELSE error('tostring() of the real ' || CAST(${x.sql} AS VARCHAR) || ' is refused: Kusto prints it in .NET exponent form, which this backend does not reproduce') END)`
      );
    case "dynamic":
      // A JSON string prints without quotes; other JSON values print as compact JSON.
      return (
        `(CASE WHEN ${x.sql} IS NULL OR json_type(${x.sql}) = 'NULL' THEN '' ` +
        `WHEN json_type(${x.sql}) = 'VARCHAR' THEN json_extract_string(${x.sql}, '$') ` +
        `ELSE CAST(json(${x.sql}) AS VARCHAR) END)`
      );
    case "datetime":
    case "timespan":
      return env.refusals.refuse(`tostring() of a ${x.type}`, "Kusto's text form of datetimes and timespans (7 fractional digits, d.hh:mm:ss) is not reproduced");
  }
}

/** `isnull` as Kusto sees it: a string is never null; a dynamic JSON null is null. */
function isNull(x: Typed): string {
  if (x.type === "string") return "FALSE";
  if (x.type === "dynamic") return `(${x.sql} IS NULL OR json_type(${x.sql}) = 'NULL')`;
  return `(${x.sql} IS NULL)`;
}

/** `isempty`: an empty string, or null. */
function isEmpty(x: Typed): string {
  if (isStringish(x.type)) return `(coalesce(${x.sql}, '') = '')`;
  return isNull(x);
}

/** Floors `a` to a multiple of `s` (both BIGINT SQL), also for negative `a`; null for s <= 0, as Kusto. */
function floorTo(a: string, s: string): string {
  return `(CASE WHEN ${s} > 0 THEN ${a} - (((${a} % ${s}) + ${s}) % ${s}) END)`;
}

const bool = (sql: string): Typed => ({ sql, type: "bool" });

const DATE_PARTS = new Set(["year", "quarter", "month", "day", "hour", "minute", "second", "millisecond", "microsecond"]);

export const FUNCTIONS: Readonly<Record<string, FunctionSpec>> = {
  iff: {
    arity: [3, 3],
    compile: ([c, a, b]) => {
      const type = commonType([a!.type, b!.type]);
      // A null condition takes the else branch, in both engines.
      return { sql: `(CASE WHEN ${c!.sql} THEN ${widenTo(a!, type)} ELSE ${widenTo(b!, type)} END)`, type };
    },
  },
  coalesce: {
    arity: [1, 64],
    compile: (args) => {
      const type = commonType(args.map((a) => a.type));
      // Kusto's coalesce skips empty strings as it skips nulls.
      if (type === "string") return { sql: `coalesce(${args.map((a) => `nullif(${a.sql}, '')`).join(", ")}, '')`, type };
      return { sql: `coalesce(${args.map((a) => widenTo(a, type)).join(", ")})`, type };
    },
  },
  isempty: { arity: [1, 1], compile: ([x]) => bool(isEmpty(x!)) },
  isnotempty: { arity: [1, 1], compile: ([x]) => bool(`(NOT ${isEmpty(x!)})`) },
  isnull: { arity: [1, 1], compile: ([x]) => bool(isNull(x!)) },
  isnotnull: { arity: [1, 1], compile: ([x]) => bool(`(NOT ${isNull(x!)})`) },
  tostring: { arity: [1, 1], compile: ([x], _n, env) => ({ sql: toSqlString(x!, env), type: "string" }) },
  toreal: {
    arity: [1, 1],
    compile: ([x], _n, env) => {
      const t = x!.type;
      // TRY_CAST gives null for text that is no number, '' included, as Kusto's toreal.
      if (t === "string") return { sql: `TRY_CAST(${x!.sql} AS DOUBLE)`, type: "real" };
      if (isNumeric(t) || t === "bool") return { sql: `CAST(${x!.sql} AS DOUBLE)`, type: "real" };
      if (t === "dynamic") return { sql: `TRY_CAST(json_extract_string(${x!.sql}, '$') AS DOUBLE)`, type: "real" };
      return refuse(env, `toreal() of a ${t}`, "Kusto converts it through ticks; not compiled", "real");
    },
  },
  ago: { arity: [1, 1], compile: ([span], _n, env) => ({ sql: `make_timestamp(${env.nowMicros} - ${micros(span!)})`, type: "datetime" }) },
  now: { arity: [0, 0], compile: (_a, _n, env) => ({ sql: timestampFromMicros(env.nowMicros), type: "datetime" }) },
  bin: {
    arity: [2, 2],
    compile: ([v, size], _n, env) => {
      if (v!.type === "datetime" && size!.type === "timespan") return { sql: `make_timestamp(${floorTo(micros(v!), micros(size!))})`, type: "datetime" };
      if (v!.type === "timespan" && size!.type === "timespan") return { sql: `to_microseconds(${floorTo(micros(v!), micros(size!))})`, type: "timespan" };
      if (isNumeric(v!.type) && isNumeric(size!.type)) {
        if (v!.type === "real" || size!.type === "real") {
          const s = asDouble(size!);
          return { sql: `(CASE WHEN ${s} > 0 THEN floor(${asDouble(v!)} / ${s}) * ${s} END)`, type: "real" };
        }
        return { sql: floorTo(asBigint(v!), asBigint(size!)), type: "long" };
      }
      return refuse(env, `bin() of a ${v!.type} by a ${size!.type}`, "not a combination Kusto defines", v!.type);
    },
  },
  startofday: { arity: [1, 1], compile: ([d]) => ({ sql: `date_trunc('day', ${d!.sql})`, type: "datetime" }) },
  datetime_diff: {
    arity: [3, 3],
    compile: ([, a, b], nodes, env) => {
      const part = literalValue(nodes[0]);
      if (typeof part !== "string") return refuse(env, "datetime_diff() with a non-literal period", "the period must be a string literal", "long");
      const p = part.toLowerCase();
      // Kusto counts period boundaries crossed (the docs' example: 9.2 s apart across 10 second marks gives 10); so does DuckDB's date_diff.
      if (DATE_PARTS.has(p)) return { sql: `CAST(date_diff('${p}', ${b!.sql}, ${a!.sql}) AS BIGINT)`, type: "long" };
      if (p === "week") {
        // Kusto weeks start on Sunday; 1970-01-01 was a Thursday, so day d is in week floor((d + 4) / 7).
        const week = (x: Typed) => `floor((floor(${micros(x)} / 86400000000) + 4) / 7)`;
        return { sql: `CAST(${week(a!)} - ${week(b!)} AS BIGINT)`, type: "long" };
      }
      return refuse(env, `datetime_diff('${part}', ...)`, "this period (e.g. nanosecond) is finer than DuckDB's microseconds or unknown", "long");
    },
  },
  extract: {
    arity: [3, 3],
    compile: ([re, , src], nodes, env) => {
      const group = literalValue(nodes[1]);
      if (nodes[0]?.kind !== "literal" || typeof group !== "bigint") return refuse(env, "extract() with a non-literal pattern or group", "DuckDB needs both as constants", "string");
      // Both engines use RE2. No match gives '' in DuckDB, and null (shown as '') in Kusto.
      return { sql: `coalesce(regexp_extract(${src!.sql}, ${re!.sql}, ${group}), '')`, type: "string" };
    },
  },
  indexof: {
    arity: [2, 2],
    compile: ([s, look], _n, env) => {
      if (!isStringish(s!.type) || !isStringish(look!.type)) return refuse(env, `indexof() on ${s!.type}`, "only strings are compiled", "long");
      // strpos is 1-based and 0 when absent: minus one gives Kusto's 0-based index and -1.
      return { sql: `CAST(strpos(${s!.sql}, ${look!.sql}) - 1 AS BIGINT)`, type: "long" };
    },
  },
  substring: {
    arity: [2, 3],
    compile: ([s], nodes, env) => {
      const start = literalValue(nodes[1]);
      const length = nodes.length > 2 ? literalValue(nodes[2]) : 0n;
      if (typeof start !== "bigint" || start < 0n || typeof length !== "bigint" || length < 0n) {
        return refuse(env, "substring() with a negative or non-literal start or length", "Kusto counts a negative start from the end; only literal, non-negative positions are compiled", "string");
      }
      const len = nodes.length > 2 ? `, ${length}` : "";
      return { sql: `substring(${s!.sql}, ${start + 1n}${len})`, type: "string" };
    },
  },
  strcat: {
    arity: [1, 64],
    compile: (args, _n, env) => ({ sql: `concat(${args.map((a) => toSqlString(a, env)).join(", ")})`, type: "string" }),
  },
  split: {
    arity: [2, 2],
    compile: ([s, d], nodes, env) => {
      const delim = literalValue(nodes[1]);
      if (typeof delim !== "string" || delim === "") return refuse(env, "split() with an empty or non-literal delimiter", "Kusto and DuckDB differ on empty delimiters", "dynamic");
      return { sql: `to_json(string_split(${s!.sql}, ${d!.sql}))`, type: "dynamic" };
    },
  },
  array_length: {
    arity: [1, 1],
    compile: ([d]) => {
      // A known value (usually a filter parameter) is counted now; see Typed.constant.
      if (d!.constant && !d!.refused) {
        const v = d!.constant.value;
        return { sql: Array.isArray(v) ? `CAST(${v.length} AS BIGINT)` : "CAST(NULL AS BIGINT)", type: "long" };
      }
      return { sql: `CAST(CASE WHEN json_type(${d!.sql}) = 'ARRAY' THEN json_array_length(${d!.sql}) END AS BIGINT)`, type: "long" };
    },
  },
  round: {
    arity: [1, 2],
    compile: ([x], nodes, env) => {
      const digits = nodes.length > 1 ? literalValue(nodes[1]) : 0n;
      if (typeof digits !== "bigint") return refuse(env, "round() with non-literal digits", "only literal digits are compiled", x!.type);
      if (!isNumeric(x!.type)) return refuse(env, `round() of a ${x!.type}`, "not numeric", x!.type);
      // Both round half away from zero.
      return { sql: `round(${x!.sql}, ${digits})`, type: x!.type };
    },
  },
  tolower: { arity: [1, 1], compile: ([s]) => ({ sql: `lower(${s!.sql})`, type: "string" }) },
  toupper: { arity: [1, 1], compile: ([s]) => ({ sql: `upper(${s!.sql})`, type: "string" }) },
  max_of: { arity: [2, 64], compile: (args) => extreme("greatest", args) },
  min_of: { arity: [2, 64], compile: (args) => extreme("least", args) },
};

function extreme(fn: string, args: readonly Typed[]): Typed {
  const type = commonType(args.map((a) => a.type));
  // Like Kusto's max_of/min_of, greatest/least skip nulls.
  return { sql: `${fn}(${args.map((a) => widenTo(a, type)).join(", ")})`, type };
}

/** Functions refused on purpose: why, and their Kusto result type (so that one refusal does not cascade into others). */
const REFUSED: Readonly<Record<string, { readonly why: string; readonly type: KqlType }>> = {
  parse_user_agent: { why: "it parses User-Agent strings with Microsoft's own rule set, which no DuckDB function reproduces", type: "dynamic" },
};

/** Compiles a call to a KQL scalar function, or refuses it by name. */
export function callFunction(e: CallNode, env: ExprEnv): Typed {
  const spec = FUNCTIONS[e.fn];
  if (!spec) {
    const known = REFUSED[e.fn];
    e.args.forEach((a) => compileExpr(a, env)); // reports problems inside the arguments too
    return refuse(env, `function '${e.fn}'`, known?.why ?? "this function is not in the DuckDB backend's function table (src/sql/sql-functions.ts)", known?.type ?? "dynamic");
  }
  const [min, max] = spec.arity;
  if (e.args.length < min || e.args.length > max) {
    return refuse(env, `function '${e.fn}' with ${e.args.length} arguments`, `only ${min === max ? min : `${min} to ${max}`} arguments are compiled`, "string");
  }
  const args = e.args.map((a) => compileExpr(a, env));
  return spec.compile(args, e.args, env);
}

