import type { CatalogEntry } from "../src/catalog/index.js";

/** Catalog entries of the 'joins' area. */
export const entries: readonly CatalogEntry[] = [];
