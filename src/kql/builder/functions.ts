import type { KqlType } from "../../schema/index.js";
import type { ExprNode } from "../ast/index.js";
import { Expr } from "./expr.js";
import { toNode, type Operand } from "./operands.js";
import type { NumericType } from "./types.js";

function call<T extends KqlType>(fn: string, type: T, args: readonly ExprNode[]): Expr<T> {
  return new Expr(Object.freeze({ kind: "call", fn, args: Object.freeze([...args]) }), type);
}

const any = (e: Expr) => e.node;

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
  /** `iff(cond, then, else)`; both branches have the type of `then`. */
  iff<T extends KqlType>(cond: Operand<"bool">, then: Expr<T> | string, otherwise: Operand<T>): Expr<T> {
    const type = (then instanceof Expr ? then.type : "string") as T;
    return call("iff", type, [toNode(cond, "bool"), toNode(then, type), toNode(otherwise, type)]);
  },
  /** `case(when1, then1, ..., otherwise)`. */
  case<T extends KqlType>(branches: readonly (readonly [Operand<"bool">, Expr<T> | string])[], otherwise: Operand<T>): Expr<T> {
    const first = branches[0]?.[1];
    const type = (first instanceof Expr ? first.type : "string") as T;
    return new Expr(
      Object.freeze({
        kind: "case",
        branches: Object.freeze(branches.map(([when, then]) => Object.freeze({ when: toNode(when, "bool"), then: toNode(then, type) }))),
        otherwise: toNode(otherwise, type),
      }),
      type,
    );
  },
  /** First argument that is not null (or not empty, for strings). */
  coalesce<T extends KqlType>(first: Expr<T>, ...rest: Operand<T>[]): Expr<T> {
    return call("coalesce", first.type, [first.node, ...rest.map((r) => toNode(r, first.type))]);
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
  /** `bin(value, size)`: rounds down to a multiple of size; datetimes take a timespan. */
  bin<T extends "datetime" | NumericType>(value: Expr<T>, size: T extends "datetime" ? Operand<"timespan"> : Operand<NumericType>): Expr<T> {
    return call("bin", value.type, [value.node, toNode(size, value.type === "datetime" ? "timespan" : value.type)]);
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
  round<T extends NumericType>(value: Expr<T>, digits = 0): Expr<"real"> {
    return call("round", "real", [value.node, toNode(digits, "long")]);
  },
} as const;

/** Units for datetime_diff. */
export type DatePart = "year" | "quarter" | "month" | "week" | "day" | "hour" | "minute" | "second" | "millisecond";
