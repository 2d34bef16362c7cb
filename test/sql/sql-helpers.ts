// Shared setup for the DuckDB backend tests: one database per test file, the 13 ACS
// tables created empty with the column types of src/sql/duckdb-types.ts.
import { LocalDb, type LocalRow } from "../../src/local/duckdb.js";
import { acsTables, type KqlType } from "../../src/schema/index.js";
import { duckDbType } from "../../src/sql/duckdb-types.js";
import { toDuckDbSql, type SqlOptions } from "../../src/sql/index.js";
import type { Query, Row } from "../../src/kql/index.js";

export const NOW = new Date("2026-01-15T12:00:00Z");

export async function openDbWithAcsTables(): Promise<LocalDb> {
  const db = await LocalDb.open();
  for (const t of acsTables) {
    const cols = Object.entries(t.columns).map(([n, c]) => `"${n}" ${duckDbType((c as { type: KqlType }).type)}`);
    await db.run(`CREATE TABLE "${t.name}" (${cols.join(", ")})`);
  }
  return db;
}

/** Compiles `q` and runs it; rows come back with JS values (BIGINT as number when safe, TIMESTAMP as Date). */
export async function runQuery<R extends Row>(db: LocalDb, q: Query<R>, options: SqlOptions = {}): Promise<LocalRow[]> {
  return db.all(toDuckDbSql(q, { now: NOW, ...options }));
}

/** Micro-seconds of a DuckDB INTERVAL value as the node API returns it. */
export function intervalMicros(v: unknown): bigint {
  const i = v as { months: number; days: number; micros: bigint };
  return BigInt(i.months) * 30n * 86_400_000_000n + BigInt(i.days) * 86_400_000_000n + BigInt(i.micros);
}
