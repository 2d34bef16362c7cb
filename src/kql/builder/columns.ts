import { Expr } from "./expr.js";
import type { Row } from "./types.js";

/** Typed column accessors handed to builder callbacks: `c.CallType` is an `Expr<"string">`. */
export type Cols<R extends Row> = { readonly [K in keyof R]: Expr<R[K]> };

/** Builds the accessor object for a row shape; `side` marks `$left`/`$right` in join conditions. */
export function colsOf<R extends Row>(columns: R, side?: "left" | "right"): Cols<R> {
  const out: Record<string, Expr> = {};
  for (const [name, type] of Object.entries(columns)) {
    out[name] = new Expr(Object.freeze(side ? { kind: "column", name, side } : { kind: "column", name }), type);
  }
  return Object.freeze(out) as Cols<R>;
}
