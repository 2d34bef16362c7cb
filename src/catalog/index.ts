export { defineEntry } from "./entry.js";
export type { CatalogCategory, CatalogEntry } from "./entry.js";
export { p, parameterDocs } from "./parameters.js";
export { inWindow, optionalIn } from "./filters.js";
