import type { KqlType } from "../../schema/index.js";
import { Expr } from "./expr.js";
import { lit } from "./literals.js";

function value<T extends KqlType, A extends unknown[]>(type: T, make: (...args: A) => Expr["node"]) {
  return (...args: A): Expr<T> => new Expr(make(...args), type);
}

/**
 * Literal values as typed expressions, for the places that need an `Expr` rather than a
 * plain JS value (e.g. `fn.iff(cond, val.long(1), c.Count)`). Validated like `lit.*`.
 *
 * @example
 * ```ts
 * from(ACSCallSummary).extend(() => ({ One: val.long(1), Since: val.datetime("2026-01-01T00:00:00Z") }));
 * ```
 */
export const val = {
  string: value("string", lit.string),
  int: value("int", lit.int),
  long: value("long", lit.long),
  real: value("real", lit.real),
  bool: value("bool", lit.bool),
  datetime: value("datetime", lit.datetime),
  timespan: value("timespan", lit.timespan),
  guid: value("guid", lit.guid),
  dynamic: value("dynamic", lit.dynamic),
} as const;
