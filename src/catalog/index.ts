export { defineEntry } from "./entry.js";
export type { CatalogCategory, CatalogEntry } from "./entry.js";
export { p, parameterDocs } from "./parameters.js";
export { inWindow, optionalIn } from "./filters.js";
export { findEntry, renderQuery } from "./api.js";
export type { CatalogParamName, CatalogParamValues, RowOfEntry } from "./api.js";
