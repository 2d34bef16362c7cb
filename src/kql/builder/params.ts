import type { KqlType } from "../../schema/index.js";
import type { LiteralNode } from "../ast/index.js";
import { BuilderError } from "./builder-error.js";
import { Expr } from "./expr.js";
import { toExactNode, type JsValueMap } from "./operands.js";

const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;

function checkName(kind: string, name: string): string {
  if (!IDENT.test(name)) {
    throw new BuilderError(`${kind} name ${JSON.stringify(name)} is not a plain identifier`, "use letters, digits and _ (not starting with a digit)");
  }
  return name;
}

function paramOf<T extends KqlType>(type: T) {
  return (name: string, defaultValue?: JsValueMap[T]): Expr<T> =>
    new Expr(
      Object.freeze({
        kind: "param",
        name: checkName("parameter", name),
        type,
        ...(defaultValue === undefined ? {} : { default: toExactNode(defaultValue, type) as LiteralNode }),
      }),
      type,
    );
}

/**
 * Typed query parameters. Their values are bound when the query is compiled and always
 * reach KQL as escaped literals: as leading `let` statements for Log Analytics (which has
 * no query parameters), or as `declare query_parameters(...)` for Azure Data Explorer.
 *
 * @example
 * ```ts
 * const minDuration = param.long("minDurationSec", 60);
 * const q = from(ACSCallSummary).where((c) => c.CallDuration.ge(minDuration));
 * toKql(q, { params: { minDurationSec: 300 } }); // "let minDurationSec = 300;\nACSCallSummary\n| ..."
 * ```
 */
export const param = {
  string: paramOf("string"),
  int: paramOf("int"),
  long: paramOf("long"),
  real: paramOf("real"),
  bool: paramOf("bool"),
  datetime: paramOf("datetime"),
  timespan: paramOf("timespan"),
  guid: paramOf("guid"),
  dynamic: paramOf("dynamic"),
} as const;

/**
 * A named scalar `let`: `letScalar("poorJitterMs", 30)` renders `let poorJitterMs = 30;`
 * once at the top of every query that uses it.
 */
export function letScalar<T extends KqlType>(name: string, value: Expr<T>): Expr<T> {
  return new Expr(Object.freeze({ kind: "scalarLet", name: checkName("let", name), value: value.node }), value.type);
}

/**
 * Raw KQL, inserted verbatim. This is the only way to put KQL text into a query; the
 * name is meant to stand out in review. Never pass user input here.
 */
export function unsafeRawKql<T extends KqlType>(text: string, type: T): Expr<T> {
  return new Expr(Object.freeze({ kind: "unsafe", dialect: "kql", text }), type);
}
