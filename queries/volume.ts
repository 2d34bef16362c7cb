import type { CatalogEntry } from "../src/catalog/index.js";

/** Catalog entries of the 'volume' area. */
export const entries: readonly CatalogEntry[] = [];
