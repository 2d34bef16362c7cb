// Every catalog entry either compiles to DuckDB SQL that runs on the 13 (empty) ACS tables
// with exactly the entry's output columns — names, order and Kusto→DuckDB types — or is
// reported by unsupportedFeatures with a reason.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { catalog } from "../../queries/index.js";
import type { LocalDb } from "../../src/local/duckdb.js";
import type { KqlType } from "../../src/schema/index.js";
import { duckDbType, toDuckDbSql, unsupportedFeatures } from "../../src/sql/index.js";
import { NOW, openDbWithAcsTables } from "./sql-helpers.js";

let db: LocalDb;
beforeAll(async () => {
  db = await openDbWithAcsTables();
});
afterAll(() => db.close());

describe("catalog sweep on DuckDB", () => {
  it("compiles and runs every supported entry with the declared columns, and names why the others are refused", async () => {
    const supported: string[] = [];
    const refused: Record<string, readonly string[]> = {};
    for (const entry of catalog) {
      const problems = unsupportedFeatures(entry.query);
      if (problems.length > 0) {
        refused[entry.id] = problems;
        for (const p of problems) expect(p).toMatch(/: .+/); // feature: why
        expect(() => toDuckDbSql(entry.query, { params: {}, now: NOW })).toThrow(/refused rather than approximated/);
        continue;
      }
      const sql = toDuckDbSql(entry.query, { params: {}, now: NOW });
      // DESCRIBE binds the whole query (every function and type) and reports the result schema.
      const described = await db.all(`DESCRIBE ${sql}`);
      const want = Object.entries(entry.query.columns as Record<string, KqlType>);
      expect(described.map((d) => [d["column_name"], d["column_type"]]), entry.id).toEqual(want.map(([n, t]) => [n, duckDbType(t)]));
      await db.all(sql);
      supported.push(entry.id);
    }
    console.log(`DuckDB backend: ${supported.length} of ${catalog.length} catalog entries compile and run; refused: ${Object.keys(refused).join(", ")}`);
    // Only the parse_user_agent entries (and make-series while it is refused) may be refused.
    for (const [id, problems] of Object.entries(refused)) {
      expect(problems.every((p) => /parse_user_agent|make-series/.test(p)), `${id}: ${problems.join("; ")}`).toBe(true);
    }
    expect(supported.length).toBeGreaterThanOrEqual(catalog.length - 4);
  });
});
