import type { CatalogEntry } from "../src/catalog/index.js";

/** Catalog entries of the 'reliability' area. */
export const entries: readonly CatalogEntry[] = [];
