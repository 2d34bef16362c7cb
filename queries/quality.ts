import type { CatalogEntry } from "../src/catalog/index.js";

/** Catalog entries of the 'quality' area. */
export const entries: readonly CatalogEntry[] = [];
