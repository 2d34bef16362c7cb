import { acsTables, type TableDef } from "../../schema/index.js";
import { duckDbType } from "../../sql/duckdb-types.js";
import type { LocalDb } from "../duckdb.js";
import { ident } from "./sql-text.js";

/** `CREATE TABLE IF NOT EXISTS` for one ACS table, with exactly its schema columns. */
export function createTableSql(table: TableDef): string {
  const cols = Object.entries(table.columns).map(([name, def]) => {
    // Kusto has no null string, so the compiled queries compare strings with '' — enforce it.
    const notNull = def.type === "string" || def.type === "guid" ? " NOT NULL" : "";
    return `${ident(name)} ${duckDbType(def.type)}${notNull}`;
  });
  return `CREATE TABLE IF NOT EXISTS ${ident(table.name)} (${cols.join(", ")})`;
}

/** Creates all 13 ACS tables (empty when they did not exist) so every compiled query can run. */
export async function createAcsTables(db: LocalDb): Promise<void> {
  for (const t of acsTables) await db.run(createTableSql(t));
}
