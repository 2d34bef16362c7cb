import type { KqlType } from "../schema/index.js";

/**
 * How each Kusto type is stored in DuckDB. The SQL compiler and the log readers both use
 * this one map, so a column loaded from an archive compares the way the compiled query
 * expects. Strings are never NULL (Kusto has no null string): readers store `''`.
 */
export const DUCKDB_TYPES: Readonly<Record<KqlType, string>> = Object.freeze({
  string: "VARCHAR",
  int: "INTEGER",
  long: "BIGINT",
  real: "DOUBLE",
  bool: "BOOLEAN",
  // Kusto keeps 100 ns ticks; DuckDB keeps microseconds. Readers and literals refuse
  // sub-microsecond values instead of rounding them silently.
  datetime: "TIMESTAMP",
  timespan: "INTERVAL",
  guid: "VARCHAR",
  dynamic: "JSON",
});

/** The DuckDB column type for a Kusto type. */
export function duckDbType(type: KqlType): string {
  return DUCKDB_TYPES[type];
}
