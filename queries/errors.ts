import type { CatalogEntry } from "../src/catalog/index.js";

/** Catalog entries of the 'errors' area. */
export const entries: readonly CatalogEntry[] = [];
