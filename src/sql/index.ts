// Public API of the DuckDB SQL backend for the typed KQL builder.
export { toDuckDbSql, unsupportedFeatures } from "./sql-compiler.js";
export type { SqlOptions } from "./sql-compiler.js";
export { SqlUnsupportedError } from "./sql-unsupported.js";
export { DUCKDB_TYPES, duckDbType } from "./duckdb-types.js";
