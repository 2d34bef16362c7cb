import type { Query, Row, Visualization } from "../kql/index.js";

/** Catalog areas; each has its own module under `queries/`. */
export type CatalogCategory = "joins" | "quality" | "errors" | "volume" | "reliability";

/**
 * One query of the catalog. Its parameters come from `p` (src/catalog/parameters.ts) and
 * are found by walking the query; its result columns are the query's row type, which the
 * tests check against what Kusto.Language infers.
 */
export interface CatalogEntry<R extends Row = Row> {
  /** Stable kebab-case id; also the file name in queries/kql/. */
  readonly id: string;
  readonly title: string;
  /** What it answers and how to read it; for joins, why that join kind is right. */
  readonly description: string;
  readonly category: CatalogCategory;
  readonly tags: readonly string[];
  readonly query: Query<R>;
  /** Suggested chart for the portal and workbooks. */
  readonly visualization?: Visualization;
}

/**
 * Declares a catalog entry (identity function that fixes the row type).
 *
 * @example
 * ```ts
 * export const callTypeRatio = defineEntry({
 *   id: "call-type-ratio", title: "Calls by call type", category: "volume", tags: ["calls"],
 *   description: "Share of P2P and group calls.",
 *   query: from(ACSCallSummary).where(inWindow).summarize((c) => ({ calls: agg.dcount(c.CorrelationId) }), ["CallType"]),
 *   visualization: "piechart",
 * });
 * ```
 */
export function defineEntry<R extends Row>(entry: CatalogEntry<R>): CatalogEntry<R> {
  return Object.freeze(entry);
}
