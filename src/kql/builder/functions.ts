import type { KqlType } from "../../schema/index.js";
import type { ExprNode } from "../ast/index.js";
import { BuilderError } from "./builder-error.js";
import { Expr } from "./expr.js";
import { toExactNode, toNode, type Operand } from "./operands.js";
import type { NumericType } from "./types.js";

function call<T extends KqlType>(fn: string, type: T, args: readonly ExprNode[]): Expr<T> {
  return new Expr(Object.freeze({ kind: "call", fn, args: Object.freeze([...args]) }), type);
}

const any = (e: Expr) => e.node;

type ExprTypes<O> = O extends Expr<infer U> ? U : never;

/**
 * Result type of iff/case/coalesce whose branches have type `T` plus the operands `O`:
 * Kusto widens numeric branches to their common type (int only if all are int, real if
 * any is real, long otherwise). JS values are literals of type `T` (see {@link toExactNode}).
 */
export type CommonType<T extends KqlType, O> = [T] extends [NumericType]
  ? "real" extends T | ExprTypes<O>
    ? "real"
    : [T | ExprTypes<O>] extends ["int"]
      ? "int"
      : "long"
  : T;

function commonType(type: KqlType, operands: readonly unknown[]): KqlType {
  const numeric = new Set<KqlType>(["int", "long", "real"]);
  if (!numeric.has(type)) return type;
  const types = [type, ...operands.flatMap((o) => (o instanceof Expr ? [o.type] : []))];
  if (types.includes("real")) return "real";
  return types.every((t) => t === "int") ? "int" : "long";
}

/** Result type of `bin(value, size)`: datetimes stay datetimes; numbers widen like arithmetic. */
export type BinOf<T extends KqlType, S> = T extends "datetime" ? "datetime" : T extends "real" ? "real" : S extends Expr<"real"> ? "real" : "long";

/**
 * Scalar functions. Each returns a typed expression; JS values become escaped literals.
 *
 * @example
 * ```ts
 * from(ACSCallSummary).extend((c) => ({
 *   Day: fn.startofday(c.CallStartTime),
 *   Interop: fn.iff(c.TeamsThreadId.eq(""), "ACS", "Teams interop"),
 * }));
 * ```
 */
export const fn = {
  /**
   * `iff(cond, then, else)`. A JS value in `else` becomes a literal of the type of `then`;
   * numeric branches of different types widen as in Kusto (int and long give long).
   */
  iff<T extends KqlType = "string", O extends Operand<T> = Operand<T>>(cond: Operand<"bool">, then: Expr<T> | string, otherwise: O): Expr<CommonType<T, O>> {
    const type = (then instanceof Expr ? then.type : "string") as T;
    return call("iff", commonType(type, [otherwise]), [toNode(cond, "bool"), toExactNode(then, type), toExactNode(otherwise, type)]) as never;
  },
  /** `case(when1, then1, ..., otherwise)`; branch types combine as in {@link fn.iff}. */
  case<T extends KqlType = "string", O extends Operand<T> = Operand<T>>(branches: readonly (readonly [Operand<"bool">, Expr<T> | string])[], otherwise: O): Expr<CommonType<T, O>> {
    const first = branches[0]?.[1];
    const type = (first instanceof Expr ? first.type : "string") as T;
    return new Expr(
      Object.freeze({
        kind: "case",
        branches: Object.freeze(branches.map(([when, then]) => Object.freeze({ when: toNode(when, "bool"), then: toExactNode(then, type) }))),
        otherwise: toExactNode(otherwise, type),
      }),
      commonType(type, [...branches.map(([, then]) => then), otherwise]),
    ) as never;
  },
  /** First argument that is not null (or not empty, for strings); types combine as in {@link fn.iff}. */
  coalesce<T extends KqlType, O extends Operand<T>[]>(first: Expr<T>, ...rest: O): Expr<CommonType<T, O[number]>> {
    return call("coalesce", commonType(first.type, rest), [first.node, ...rest.map((r) => toExactNode(r, first.type))]) as never;
  },
  isempty: (e: Expr) => call("isempty", "bool", [any(e)]),
  isnotempty: (e: Expr) => call("isnotempty", "bool", [any(e)]),
  isnull: (e: Expr) => call("isnull", "bool", [any(e)]),
  isnotnull: (e: Expr) => call("isnotnull", "bool", [any(e)]),

  tostring: (e: Expr) => call("tostring", "string", [any(e)]),
  toint: (e: Expr) => call("toint", "int", [any(e)]),
  tolong: (e: Expr) => call("tolong", "long", [any(e)]),
  toreal: (e: Expr) => call("toreal", "real", [any(e)]),
  tobool: (e: Expr) => call("tobool", "bool", [any(e)]),
  todatetime: (e: Expr) => call("todatetime", "datetime", [any(e)]),
  totimespan: (e: Expr) => call("totimespan", "timespan", [any(e)]),
  toguid: (e: Expr) => call("toguid", "guid", [any(e)]),
  todynamic: (e: Expr<"string"> | Expr<"dynamic">) => call("todynamic", "dynamic", [any(e)]),
  parse_json: (e: Expr<"string"> | Expr<"dynamic">) => call("parse_json", "dynamic", [any(e)]),

  /** `ago(span)`: now minus a timespan. */
  ago: (span: Operand<"timespan">) => call("ago", "datetime", [toNode(span, "timespan")]),
  now: () => call("now", "datetime", []),
  /**
   * `bin(value, size)`: rounds down to a multiple of size; datetimes take a timespan.
   * As in Kusto, an int or long value gives a long, and a real value or size a real; a
   * fractional JS size on an integer value is refused (bin a `fn.toreal(...)` instead).
   */
  bin<T extends "datetime" | NumericType, S extends T extends "datetime" ? Operand<"timespan"> : Operand<NumericType>>(
    value: Expr<T>,
    size: S,
  ): Expr<BinOf<T, S>> {
    if (value.type === "datetime") return call("bin", "datetime", [value.node, toNode(size, "timespan")]) as never;
    if (value.type !== "real" && typeof size === "number" && !Number.isInteger(size)) {
      throw new BuilderError(`bin: size ${size} is fractional but the value is an ${value.type}`, "pass a whole size, or bin fn.toreal(value) for a real result");
    }
    const sizeNode = toNode(size, value.type);
    const sizeType = size instanceof Expr ? size.type : sizeNode.kind === "literal" ? sizeNode.type : value.type;
    return call("bin", value.type === "real" || sizeType === "real" ? "real" : "long", [value.node, sizeNode]) as never;
  },
  startofday: (d: Expr<"datetime">) => call("startofday", "datetime", [d.node]),
  /** Start of the week; Kusto weeks start on Sunday. */
  startofweek: (d: Expr<"datetime">) => call("startofweek", "datetime", [d.node]),
  /** `datetime_diff(part, a, b)`: whole `part`s from b to a. */
  datetime_diff(part: DatePart, a: Operand<"datetime">, b: Operand<"datetime">): Expr<"long"> {
    return call("datetime_diff", "long", [toNode(part, "string"), toNode(a, "datetime"), toNode(b, "datetime")]);
  },
  /** `format_datetime(d, format)`; do not filter on its result (KS506). */
  format_datetime: (d: Expr<"datetime">, format: string) => call("format_datetime", "string", [d.node, toNode(format, "string")]),

  strcat: (...parts: (Expr | string)[]) =>
    call("strcat", "string", parts.map((p) => (p instanceof Expr ? p.node : toNode(p, "string")))),
  split: (s: Expr<"string">, delimiter: string) => call("split", "dynamic", [s.node, toNode(delimiter, "string")]),
  /** `extract(regex, group, source)`; the pattern is an escaped string literal. */
  extract: (pattern: string, group: number, source: Expr<"string">) =>
    call("extract", "string", [toNode(pattern, "string"), toNode(group, "long"), source.node]),
  /** `bag_pack(key1, value1, ...)`. */
  bag_pack: (entries: Readonly<Record<string, Expr>>) =>
    call(
      "bag_pack",
      "dynamic",
      Object.entries(entries).flatMap(([k, v]) => [toNode(k, "string"), v.node]),
    ),
  /** 0-based position of `lookup` in `s`, or -1. */
  indexof: (s: Expr<"string">, lookup: string) => call("indexof", "long", [s.node, toNode(lookup, "string")]),
  /** `substring(s, start[, length])`, 0-based. */
  substring: (s: Expr<"string">, start: number, length?: number) =>
    call("substring", "string", [s.node, toNode(start, "long"), ...(length === undefined ? [] : [toNode(length, "long")])]),
  tolower: (s: Expr<"string">) => call("tolower", "string", [s.node]),
  toupper: (s: Expr<"string">) => call("toupper", "string", [s.node]),
  strlen: (s: Expr<"string">) => call("strlen", "long", [s.node]),
  /** `strcat_delim(delimiter, a, b, ...)`. */
  strcat_delim: (delimiter: string, ...parts: (Expr | string)[]) =>
    call("strcat_delim", "string", [toNode(delimiter, "string"), ...parts.map((p) => (p instanceof Expr ? p.node : toNode(p, "string")))]),
  /** Largest of the arguments; numeric arguments widen as in {@link fn.coalesce}. */
  max_of<T extends NumericType | "datetime" | "timespan", O extends Operand<T>[]>(first: Expr<T>, ...rest: O): Expr<CommonType<T, O[number]>> {
    return call("max_of", commonType(first.type, rest), [first.node, ...rest.map((r) => toExactNode(r, first.type))]) as never;
  },
  /** Smallest of the arguments; numeric arguments widen as in {@link fn.coalesce}. */
  min_of<T extends NumericType | "datetime" | "timespan", O extends Operand<T>[]>(first: Expr<T>, ...rest: O): Expr<CommonType<T, O[number]>> {
    return call("min_of", commonType(first.type, rest), [first.node, ...rest.map((r) => toExactNode(r, first.type))]) as never;
  },
  /** Parses a browser User-Agent; `look` is e.g. "os" or "browser". Returns a dynamic bag. */
  parse_user_agent: (userAgent: Expr<"string">, look: "os" | "browser" | "device") =>
    call("parse_user_agent", "dynamic", [userAgent.node, toNode(look, "string")]),
  /** Number of elements of a dynamic array (null when it is not an array). */
  array_length: (e: Expr<"dynamic">) => call("array_length", "long", [e.node]),
  /** `round(value, digits)`; the result keeps the value's type (an int stays an int). */
  round<T extends NumericType>(value: Expr<T>, digits = 0): Expr<T> {
    return call("round", value.type, [value.node, toNode(digits, "long")]);
  },
} as const;

/** Units for datetime_diff. */
export type DatePart = "year" | "quarter" | "month" | "week" | "day" | "hour" | "minute" | "second" | "millisecond";
