import { fn, type Expr } from "../kql/index.js";
import { p } from "./parameters.js";

/**
 * `array_length(list) == 0 or column in (list)`: an optional filter that is a no-op for an
 * empty list, so one query serves "all" and "only these".
 */
export function optionalIn(column: Expr<"string">, list: Expr<"dynamic">): Expr<"bool"> {
  return fn.array_length(list).eq(0n).or(column.inArray(list));
}

/** The standard first filter of every catalog query: the time window and the ACS resources. */
export function inWindow(c: { readonly TimeGenerated: Expr<"datetime">; readonly _ResourceId: Expr<"string"> }): Expr<"bool"> {
  return c.TimeGenerated.gt(fn.ago(p.lookback)).and(
    fn.array_length(p.resourceIds).eq(0n).or(c._ResourceId.inArrayCi(p.resourceIds)),
  );
}
