import type { BinaryOp, ExprNode, JsonValue, LiteralNode, QueryNode } from "../kql/ast/index.js";
import type { KqlType } from "../schema/index.js";
import { callFunction } from "./sql-functions.js";
import { sqlLiteral, sqlString } from "./sql-literals.js";
import { commonType, isNumeric, isStringish, type Typed } from "./sql-scope.js";
import type { Refusals } from "./sql-unsupported.js";

/** What a scalar expression can see while it is compiled. */
export interface ExprEnv {
  /** The column `name` of the current row (or of one join side), or undefined. */
  resolve(name: string, side?: "left" | "right"): Typed | undefined;
  readonly refusals: Refusals;
  /** Bound parameter values, as literals. */
  readonly params: ReadonlyMap<string, LiteralNode>;
  /** `now()` in microseconds since the Unix epoch. */
  readonly nowMicros: bigint;
  /** Compiles a one-column subquery (for `in (query)`): a SELECT of one column named `v`. */
  subquery(q: QueryNode): Typed | undefined;
}

const fail = (env: ExprEnv, feature: string, why: string, type: KqlType = "bool"): Typed => ({ sql: env.refusals.refuse(feature, why), type, refused: true });

export const asBigint = (x: Typed): string => (x.type === "int" ? `CAST(${x.sql} AS BIGINT)` : x.sql);
export const asDouble = (x: Typed): string => (x.type === "real" ? x.sql : `CAST(${x.sql} AS DOUBLE)`);
/** Microseconds of a timespan (INTERVAL) or of a datetime since the epoch, as BIGINT. */
export const micros = (x: Typed): string => `epoch_us(${x.sql})`;

/** Casts a value to a (numeric) target type when Kusto would widen it. */
export function widenTo(x: Typed, type: KqlType): string {
  if (x.type === type || !isNumeric(type) || !isNumeric(x.type)) return x.sql;
  return type === "real" ? asDouble(x) : type === "long" ? asBigint(x) : x.sql;
}

/** Types `==`, `<`, ... can compare: equal types, numbers with numbers, strings with guids. */
function comparable(a: KqlType, b: KqlType): boolean {
  return a === b ? a !== "dynamic" : (isNumeric(a) && isNumeric(b)) || (isStringish(a) && isStringish(b));
}

const COMPARISON: Partial<Record<BinaryOp, string>> = { eq: "=", neq: "<>", lt: "<", le: "<=", gt: ">", ge: ">=" };

/** `has` as Kusto defines it: the needle is a whole term, a term being a run of letters and digits. */
function hasTerm(env: ExprEnv, op: BinaryOp, hay: Typed, needleNode: ExprNode): Typed {
  if (needleNode.kind !== "literal" || needleNode.type !== "string" || typeof needleNode.value !== "string") {
    return fail(env, `'${op}' with a non-literal term`, "Kusto's term index semantics are compiled for literal terms only");
  }
  const term = needleNode.value;
  if (!/^[\p{L}\p{N}]+$/u.test(term)) {
    return fail(env, `'${op}' with the term ${JSON.stringify(term)}`, "the term is empty or has characters other than letters and digits; Kusto then matches term sequences and prefixes, which is not compiled");
  }
  // RE2: a term boundary is the start/end or a character that is neither letter nor digit.
  const flags = op === "hasCs" || op === "notHasCs" ? "" : "(?i)";
  const pattern = `${flags}(^|[^\\pL\\pN])${term}($|[^\\pL\\pN])`;
  const match = `regexp_matches(${hay.sql}, ${sqlString(pattern)})`;
  return { sql: op.startsWith("not") ? `(NOT ${match})` : match, type: "bool" };
}

function stringOp(env: ExprEnv, op: BinaryOp, a: Typed, b: Typed): Typed {
  if (!isStringish(a.type) || !isStringish(b.type)) return fail(env, `string operator '${op}' on ${a.type} and ${b.type}`, "Kusto converts non-string operands implicitly; only strings are compiled");
  const lower = (x: Typed) => `lower(${x.sql})`;
  const neg = (s: string, n: boolean) => ({ sql: n ? `(NOT ${s})` : s, type: "bool" as const });
  switch (op) {
    case "eqCi":
      return neg(`(${lower(a)} = ${lower(b)})`, false);
    case "neqCi":
      return neg(`(${lower(a)} = ${lower(b)})`, true);
    case "contains":
    case "notContains":
      return neg(`contains(${lower(a)}, ${lower(b)})`, op === "notContains");
    case "containsCs":
    case "notContainsCs":
      return neg(`contains(${a.sql}, ${b.sql})`, op === "notContainsCs");
    case "startsWith":
    case "notStartsWith":
      return neg(`starts_with(${lower(a)}, ${lower(b)})`, op === "notStartsWith");
    case "endsWith":
    case "notEndsWith":
      return neg(`ends_with(${lower(a)}, ${lower(b)})`, op === "notEndsWith");
    case "matchesRegex":
      // Both engines use RE2 and search (not whole-string match).
      return neg(`regexp_matches(${a.sql}, ${b.sql})`, false);
    default:
      return fail(env, `operator '${op}'`, "not a string operator");
  }
}

/** Kusto's arithmetic, including datetime/timespan arithmetic and integer division. */
function arithmetic(env: ExprEnv, op: "add" | "sub" | "mul" | "div" | "mod", a: Typed, b: Typed): Typed {
  const ta = a.type;
  const tb = b.type;
  if (isNumeric(ta) && isNumeric(tb)) {
    const real = ta === "real" || tb === "real";
    if (op === "mod") {
      if (real) return fail(env, "'%' on real numbers", "only integer % is compiled", "real");
      // Kusto's % is never negative: the Euclidean remainder.
      const m = `abs(${asBigint(b)})`;
      return { sql: `(((${asBigint(a)} % ${m}) + ${m}) % ${m})`, type: "long" };
    }
    if (op === "div") {
      // Integer / integer truncates toward zero in Kusto; DuckDB's // does the same.
      if (!real) return { sql: `(${asBigint(a)} // ${asBigint(b)})`, type: "long" };
      // Real division by zero is ±∞ or NaN in Kusto, NULL in DuckDB's `/`.
      const x = asDouble(a);
      const y = asDouble(b);
      return { sql: `coalesce(${x} / ${y}, CASE WHEN ${y} = 0 THEN ${x} * CAST('Infinity' AS DOUBLE) END)`, type: "real" };
    }
    const sym = op === "add" ? "+" : op === "sub" ? "-" : "*";
    return real ? { sql: `(${asDouble(a)} ${sym} ${asDouble(b)})`, type: "real" } : { sql: `(${asBigint(a)} ${sym} ${asBigint(b)})`, type: "long" };
  }
  const span = (sql: string): Typed => ({ sql: `to_microseconds(${sql})`, type: "timespan" });
  if (ta === "datetime" && tb === "datetime" && op === "sub") return span(`(${micros(a)} - ${micros(b)})`);
  if (ta === "datetime" && tb === "timespan" && (op === "add" || op === "sub")) {
    return { sql: `make_timestamp(${micros(a)} ${op === "add" ? "+" : "-"} ${micros(b)})`, type: "datetime" };
  }
  if (ta === "timespan" && tb === "datetime" && op === "add") return { sql: `make_timestamp(${micros(b)} + ${micros(a)})`, type: "datetime" };
  if (ta === "timespan" && tb === "timespan") {
    if (op === "add" || op === "sub") return span(`(${micros(a)} ${op === "add" ? "+" : "-"} ${micros(b)})`);
    if (op === "div") return arithmetic(env, "div", { sql: `CAST(${micros(a)} AS DOUBLE)`, type: "real" }, { sql: `CAST(${micros(b)} AS DOUBLE)`, type: "real" });
  }
  return fail(env, `'${op}' on ${ta} and ${tb}`, "this combination of types is not compiled (Kusto's tick-level rounding of scaled timespans has no exact DuckDB twin)", ta);
}

function inExpr(env: ExprEnv, e: Extract<ExprNode, { kind: "in" }>): Typed {
  const x = compileExpr(e.operand, env);
  const ci = e.caseInsensitive;
  if (ci && !isStringish(x.type)) return fail(env, "'in~' on a non-string", "case-insensitive membership is defined for strings");
  const key = ci ? `lower(${x.sql})` : x.sql;
  const wrap = (s: string): Typed => ({ sql: e.negated ? `(NOT ${s})` : s, type: "bool" });
  if (!Array.isArray(e.values)) {
    const sub = env.subquery(e.values as QueryNode);
    if (!sub) return fail(env, "'in' (subquery)", "the subquery could not be compiled");
    if (!comparable(x.type, sub.type)) return fail(env, `'in' (subquery) comparing ${x.type} with ${sub.type}`, "the types do not compare");
    // NULLs in the subquery would turn `NOT IN` into NULL for every row; Kusto ignores them.
    return wrap(`(${key} IN (SELECT ${ci ? "lower(v)" : "v"} FROM (${sub.sql}) WHERE v IS NOT NULL))`);
  }
  const values = (e.values as readonly ExprNode[]).map((v) => compileExpr(v, env));
  const only = values.length === 1 ? values[0]! : undefined;
  if (only?.type === "dynamic" && only.constant && !only.refused && (isStringish(x.type) || isNumeric(x.type))) {
    // A known array: the same element rules as below, applied now, to a plain IN list.
    const items = Array.isArray(only.constant.value) ? (only.constant.value as readonly JsonValue[]) : [];
    const members = isStringish(x.type)
      ? items.filter((v): v is string => typeof v === "string").map((v) => sqlString(ci ? v.toLowerCase() : v))
      : items.filter((v): v is number => typeof v === "number").map((v) => `CAST(${sqlString(String(v))} AS DOUBLE)`);
    if (members.length === 0) return { sql: e.negated ? "TRUE" : "FALSE", type: "bool" };
    return wrap(`coalesce(${isStringish(x.type) ? key : asDouble(x)} IN (${members.join(", ")}), FALSE)`);
  }
  if (values.length === 1 && values[0]!.type === "dynamic") {
    // `x in (array)`: membership in the elements of a dynamic array (a parameter, usually).
    const arr = values[0]!.sql;
    if (isStringish(x.type)) {
      // Only string elements equal a string in Kusto; json_extract_string also stringifies numbers.
      const strings = `list_filter(list_transform(json_extract(${arr}, '$[*]'), v -> CASE WHEN json_type(v) = 'VARCHAR' THEN ${ci ? "lower(json_extract_string(v, '$'))" : "json_extract_string(v, '$')"} END), v -> v IS NOT NULL)`;
      return wrap(`coalesce(list_contains(${strings}, ${key}), FALSE)`);
    }
    if (isNumeric(x.type)) {
      const nums = `list_filter(list_transform(json_extract(${arr}, '$[*]'), v -> CASE WHEN json_type(v) IN ('BIGINT', 'UBIGINT', 'DOUBLE') THEN CAST(json_extract_string(v, '$') AS DOUBLE) END), v -> v IS NOT NULL)`;
      return wrap(`coalesce(list_contains(${nums}, ${asDouble(x)}), FALSE)`);
    }
    return fail(env, `'in' (dynamic array) on a ${x.type}`, "membership of this type in a dynamic array is not compiled");
  }
  for (const v of values) {
    if (v.type === "dynamic") return fail(env, "'in' mixing scalars and dynamic arrays", "Kusto flattens the arrays; only a single array or only scalars are compiled");
    if (!comparable(x.type, v.type)) return fail(env, `'in' comparing ${x.type} with ${v.type}`, "the types do not compare");
  }
  if (values.length === 0) return { sql: e.negated ? "TRUE" : "FALSE", type: "bool" };
  return wrap(`(${key} IN (${values.map((v) => (ci ? `lower(${v.sql})` : v.sql)).join(", ")}))`);
}

/** Marks a dynamic literal's value as known at compile time (see {@link Typed.constant}). */
function withConstant(t: Typed, literal: LiteralNode): Typed {
  return literal.type === "dynamic" ? { ...t, constant: { value: literal.value } } : t;
}

/** Compiles a scalar expression to DuckDB SQL with Kusto's semantics. */
export function compileExpr(e: ExprNode, env: ExprEnv): Typed {
  switch (e.kind) {
    case "column": {
      const c = env.resolve(e.name, e.side);
      return c ?? fail(env, `column '${e.name}'`, "no such column in scope", "string");
    }
    case "literal":
      return withConstant({ sql: sqlLiteral(e, env.refusals), type: e.type }, e);
    case "param": {
      const value = env.params.get(e.name);
      if (!value) return fail(env, `parameter '${e.name}'`, "it has no value", e.type);
      return withConstant({ sql: sqlLiteral(value, env.refusals), type: e.type }, value);
    }
    case "scalarLet": {
      const v = compileExpr(e.value, env);
      return { ...v, sql: `(${v.sql})` };
    }
    case "binary": {
      const a = compileExpr(e.left, env);
      if (e.op === "has" || e.op === "hasCs" || e.op === "notHas" || e.op === "notHasCs") return hasTerm(env, e.op, a, e.right);
      const b = compileExpr(e.right, env);
      if (e.op === "and" || e.op === "or") return { sql: `(${a.sql} ${e.op.toUpperCase()} ${b.sql})`, type: "bool" };
      const cmp = COMPARISON[e.op];
      if (cmp) {
        if (!comparable(a.type, b.type)) return fail(env, `'${e.op}' comparing ${a.type} with ${b.type}`, "the types do not compare in a way that is compiled (Kusto's dynamic comparisons are not)");
        return { sql: `(${a.sql} ${cmp} ${b.sql})`, type: "bool" };
      }
      if (e.op === "add" || e.op === "sub" || e.op === "mul" || e.op === "div" || e.op === "mod") return arithmetic(env, e.op, a, b);
      return stringOp(env, e.op, a, b);
    }
    case "not":
      return { sql: `(NOT ${compileExpr(e.operand, env).sql})`, type: "bool" };
    case "negate": {
      const x = compileExpr(e.operand, env);
      if (isNumeric(x.type)) return x.type === "real" ? { sql: `(-${x.sql})`, type: "real" } : { sql: `(-${asBigint(x)})`, type: "long" };
      if (x.type === "timespan") return { sql: `to_microseconds(-${micros(x)})`, type: "timespan" };
      return fail(env, `unary minus on ${x.type}`, "not defined", x.type);
    }
    case "in":
      return inExpr(env, e);
    case "between": {
      const x = compileExpr(e.operand, env);
      const lo = compileExpr(e.low, env);
      let hi = compileExpr(e.high, env);
      // Kusto: `t between (start .. 1d)` means up to start + 1d.
      if (x.type === "datetime" && hi.type === "timespan") hi = { sql: `make_timestamp(${micros(lo)} + ${micros(hi)})`, type: "datetime" };
      if (!comparable(x.type, lo.type) || !comparable(x.type, hi.type)) return fail(env, `'between' on ${x.type}`, "the bounds do not compare with the value");
      const s = `(${x.sql} BETWEEN ${lo.sql} AND ${hi.sql})`;
      return { sql: e.negated ? `(NOT ${s})` : s, type: "bool" };
    }
    case "call":
      return callFunction(e, env);
    case "aggregate":
      return fail(env, `aggregate '${e.fn}'`, "an aggregation is only valid directly in summarize or make-series", "long");
    case "case": {
      const whens = e.branches.map((b) => ({ when: compileExpr(b.when, env), then: compileExpr(b.then, env) }));
      const otherwise = compileExpr(e.otherwise, env);
      const type = commonType([...whens.map((w) => w.then.type), otherwise.type]);
      const arms = whens.map((w) => `WHEN ${w.when.sql} THEN ${widenTo(w.then, type)}`).join(" ");
      return { sql: `(CASE ${arms} ELSE ${widenTo(otherwise, type)} END)`, type };
    }
    case "member": {
      const t = compileExpr(e.target, env);
      if (t.type !== "dynamic") return fail(env, "member access", `the target is a ${t.type}, not dynamic`, "dynamic");
      if (typeof e.key === "number") {
        if (!Number.isSafeInteger(e.key) || e.key < 0) return fail(env, `index [${e.key}]`, "negative indexes (from the end) are not compiled", "dynamic");
        return { sql: `json_extract(${t.sql}, ${sqlString(`$[${e.key}]`)})`, type: "dynamic" };
      }
      // A JSON Pointer names any key exactly: only `~` and `/` need escapes.
      const pointer = "/" + e.key.replaceAll("~", "~0").replaceAll("/", "~1");
      return { sql: `json_extract(${t.sql}, ${sqlString(pointer)})`, type: "dynamic" };
    }
    case "unsafe":
      return fail(env, "unsafeRawKql", `raw KQL text (${JSON.stringify(e.text.slice(0, 40))}) cannot be translated; it is refused rather than guessed at`, "string");
  }
}

