import type { LocalDb } from "../duckdb.js";
import type { KeySpelling } from "./sources.js";
import { fastLines } from "./sources.js";
import { lit } from "./sql-text.js";

/**
 * The JSON key spellings used by the first records of a file, by lower-cased key. JSON
 * keys are case-sensitive in DuckDB, so the readers look them up as the data spells them.
 */
export async function sampleKeys(db: LocalDb, file: string, path: string, lines = fastLines([file])): Promise<KeySpelling> {
  const rows = await db.all(`SELECT DISTINCT unnest(coalesce(try(json_keys(__line, ${lit(path)})), [])) AS k FROM ` +
    `(SELECT __line FROM ${lines} WHERE __line IS NOT NULL AND __rest IS NULL LIMIT 2000)`);
  const keys = new Map<string, string>();
  for (const r of rows) {
    const k = String(r["k"]);
    if (!keys.has(k.toLowerCase())) keys.set(k.toLowerCase(), k);
  }
  return keys;
}
