import { toKql, type Visualization } from "../../kql/index.js";
import type { KqlType } from "../../schema/index.js";
import type { CatalogCategory, CatalogEntry } from "../entry.js";
import { columnInfo, oneLine, parameterInfo } from "./entry-info.js";

/** One query in `queries/catalog.json`. */
export interface CatalogJsonQuery {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly category: CatalogCategory;
  readonly tags: readonly string[];
  readonly visualization?: Visualization;
  readonly parameters: readonly {
    readonly name: string;
    readonly type: KqlType;
    /** KQL text of the default literal (`7d`, `dynamic([])`, `500`). */
    readonly default: string;
    readonly description: string;
  }[];
  readonly columns: readonly { readonly name: string; readonly type: KqlType }[];
  /** The query with its parameters as leading `let` lines holding the defaults. */
  readonly kql: string;
}

/** The shape of `queries/catalog.json`. */
export interface CatalogJson {
  readonly $comment: string;
  readonly version: 1;
  readonly queries: readonly CatalogJsonQuery[];
}

/** The catalog.json record of one entry; keys in a fixed order. */
export function catalogJsonQuery(entry: CatalogEntry): CatalogJsonQuery {
  return {
    id: entry.id,
    title: oneLine(entry.title),
    description: entry.description.trim(),
    category: entry.category,
    tags: [...entry.tags],
    ...(entry.visualization ? { visualization: entry.visualization } : {}),
    parameters: parameterInfo(entry).map((p) => ({ name: p.name, type: p.type, default: p.default, description: p.description })),
    columns: columnInfo(entry).map((c) => ({ name: c.name, type: c.type })),
    kql: toKql(entry.query),
  };
}

/**
 * The text of `queries/catalog.json`: every entry in catalog order, for tools in other
 * languages. Keys in a fixed order, 2-space indent, trailing newline, so the file only
 * changes when the catalog does.
 */
export function renderCatalogJson(catalog: readonly CatalogEntry[]): string {
  const json: CatalogJson = {
    $comment: "Generated from queries/*.ts by `npm run export` (acs-insights export); do not edit by hand.",
    version: 1,
    queries: catalog.map(catalogJsonQuery),
  };
  return `${JSON.stringify(json, null, 2)}\n`;
}
