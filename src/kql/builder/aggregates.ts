import type { KqlType } from "../../schema/index.js";
import type { AggregateNode, ExprNode } from "../ast/index.js";
import { BuilderError } from "./builder-error.js";
import { Expr } from "./expr.js";
import { toNode, type Operand } from "./operands.js";
import type { NumericType } from "./types.js";

/**
 * One output column of an aggregation. Multi-column aggregations (`percentiles`,
 * `arg_max`, `arg_min`) return one `Agg` per column that share the same node, so that
 * summarize's record of name → Agg stays a plain, fully typed object.
 */
export class Agg<T extends KqlType = KqlType> {
  constructor(
    readonly node: AggregateNode,
    readonly type: T,
    /** Position of this column among the aggregation's outputs. */
    readonly slot = 0,
    /** How many output columns the aggregation has. */
    readonly arity = 1,
  ) {}
}

function aggregate<T extends KqlType>(fn: string, type: T, args: readonly (ExprNode | "*")[]): Agg<T> {
  return new Agg(Object.freeze({ kind: "aggregate", fn, args: Object.freeze([...args]) }), type);
}

function percent(p: number): ExprNode {
  if (!(p >= 0 && p <= 100)) throw new BuilderError(`percentile ${p} is outside 0..100`, "pass a percentage such as 50, 95 or 99.9");
  return toNode(p, Number.isInteger(p) ? "long" : "real");
}

/** Kusto widens int to long in sum and percentile; other types keep their type. */
type Widened<T extends KqlType> = T extends "int" ? "long" : T;
const widen = <T extends KqlType>(t: T) => (t === "int" ? "long" : t) as Widened<T>;

function slices<Names extends string, T extends KqlType>(node: AggregateNode, entries: readonly (readonly [Names, T])[]) {
  return Object.fromEntries(entries.map(([name, type], i) => [name, new Agg(node, type, i, entries.length)])) as {
    [K in Names]: Agg<T>;
  };
}

function argExtreme<M extends string, TM extends KqlType, R extends Record<string, Expr>>(
  fn: "arg_max" | "arg_min",
  of: { readonly [K in M]: Expr<TM> },
  returning: R,
): { [K in M]: Agg<TM> } & { [K in keyof R]: Agg<R[K]["type"]> } {
  const ofEntries = Object.entries(of) as [string, Expr][];
  const [maxName, maxExpr] = ofEntries[0] ?? [];
  if (maxName === undefined || maxExpr === undefined || ofEntries.length > 1) {
    throw new TypeError(`${fn}: pass exactly one { name: expression } to maximise or minimise`);
  }
  const rest = Object.entries(returning);
  const node: AggregateNode = Object.freeze({ kind: "aggregate", fn, args: Object.freeze([maxExpr.node, ...rest.map(([, e]) => e.node)]) });
  const all = [[maxName, maxExpr.type] as const, ...rest.map(([n, e]) => [n, e.type] as const)];
  return Object.fromEntries(all.map(([n, t], i) => [n, new Agg(node, t, i, all.length)])) as never;
}

/**
 * Aggregation functions for `summarize` and `make-series`.
 *
 * @example
 * ```ts
 * from(ACSCallDiagnostics).summarize(
 *   (c) => ({ streams: agg.count(), poor: agg.countif(c.JitterAvg.gt(30)), ...agg.percentiles(c.RoundTripTimeAvg, { rttP50: 50, rttP95: 95 }) }),
 *   ["MediaType"],
 * );
 * ```
 */
export const agg = {
  count: () => aggregate("count", "long", []),
  countif: (predicate: Operand<"bool">) => aggregate("countif", "long", [toNode(predicate, "bool")]),
  /** Distinct count; a HyperLogLog estimate, exact for small sets. */
  dcount: (e: Expr) => aggregate("dcount", "long", [e.node]),
  dcountif: (e: Expr, predicate: Operand<"bool">) => aggregate("dcountif", "long", [e.node, toNode(predicate, "bool")]),
  sum: <T extends NumericType | "timespan">(e: Expr<T>) => aggregate("sum", widen(e.type), [e.node]),
  sumif: <T extends NumericType | "timespan">(e: Expr<T>, predicate: Operand<"bool">) =>
    aggregate("sumif", widen(e.type), [e.node, toNode(predicate, "bool")]),
  avg: (e: Expr<NumericType>) => aggregate("avg", "real", [e.node]),
  avgif: (e: Expr<NumericType>, predicate: Operand<"bool">) => aggregate("avgif", "real", [e.node, toNode(predicate, "bool")]),
  min: <T extends KqlType>(e: Expr<T>) => aggregate("min", e.type, [e.node]),
  max: <T extends KqlType>(e: Expr<T>) => aggregate("max", e.type, [e.node]),
  /** Nearest-rank percentile (not interpolated). */
  percentile: <T extends NumericType | "datetime" | "timespan">(e: Expr<T>, p: number) =>
    aggregate("percentile", widen(e.type), [e.node, percent(p)]),
  /**
   * Several percentiles in one pass; spread the result into summarize's record.
   * `...agg.percentiles(c.X, { p50: 50, p95: 95 })` renders `(p50, p95) = percentiles(X, 50, 95)`.
   */
  percentiles<T extends NumericType | "datetime" | "timespan", N extends string>(e: Expr<T>, at: { readonly [K in N]: number }) {
    const entries = Object.entries(at) as [N, number][];
    const node: AggregateNode = Object.freeze({
      kind: "aggregate",
      fn: "percentiles",
      args: Object.freeze([e.node, ...entries.map(([, p]) => percent(p))]),
    });
    return slices(node, entries.map(([name]) => [name, widen(e.type)] as const));
  },
  /**
   * The row where `of` is largest: `...agg.argMax({ latest: c.TimeGenerated }, { Type: c.CallType })`
   * renders `(latest, Type) = arg_max(TimeGenerated, CallType)`. For `arg_max(x, *)` use
   * `Query.latestBy`.
   */
  argMax: <M extends string, TM extends KqlType, R extends Record<string, Expr>>(of: { readonly [K in M]: Expr<TM> }, returning: R) =>
    argExtreme("arg_max", of, returning),
  /** The row where `of` is smallest; see {@link agg.argMax}. */
  argMin: <M extends string, TM extends KqlType, R extends Record<string, Expr>>(of: { readonly [K in M]: Expr<TM> }, returning: R) =>
    argExtreme("arg_min", of, returning),
  make_list: (e: Expr, maxSize?: number) =>
    aggregate("make_list", "dynamic", maxSize === undefined ? [e.node] : [e.node, toNode(maxSize, "long")]),
  make_set: (e: Expr, maxSize?: number) =>
    aggregate("make_set", "dynamic", maxSize === undefined ? [e.node] : [e.node, toNode(maxSize, "long")]),
  take_any: <T extends KqlType>(e: Expr<T>) => aggregate("take_any", e.type, [e.node]),
} as const;
