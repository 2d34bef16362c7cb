import { findEntry } from "../src/catalog/api.js";
import type { CatalogEntry } from "../src/catalog/entry.js";
import { entries as alerts } from "./alerts.js";
import { entries as client } from "./client.js";
import { entries as errors } from "./errors.js";
import { entries as joins } from "./joins.js";
import { entries as quality } from "./quality.js";
import { entries as reliability } from "./reliability.js";
import { entries as volume } from "./volume.js";

/** Every catalog query, by area. */
export const catalog: readonly CatalogEntry[] = [...joins, ...quality, ...errors, ...volume, ...reliability, ...alerts, ...client];

/**
 * The catalog entry with this id; an unknown id throws an error that suggests close ids.
 *
 * @example
 * ```ts
 * const kql = renderQuery(getEntry("impacted-calls"), { lookback: "30d" });
 * ```
 */
export function getEntry(id: string): CatalogEntry {
  return findEntry(catalog, id);
}

export { renderQuery } from "../src/catalog/api.js";
export type { CatalogParamValues, RowOfEntry } from "../src/catalog/api.js";
