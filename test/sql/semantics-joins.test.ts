// Kusto join and lookup semantics on DuckDB: each test names the rule it proves.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LocalDb } from "../../src/local/duckdb.js";
import { datatable } from "../../src/kql/index.js";
import { toDuckDbSql } from "../../src/sql/index.js";
import { NOW, openDbWithAcsTables, runQuery } from "./sql-helpers.js";

let db: LocalDb;
beforeAll(async () => {
  db = await openDbWithAcsTables();
});
afterAll(() => db.close());

const left = datatable({ k: "string", a: "long" }, [
  { k: "x", a: 1 },
  { k: "x", a: 2 },
  { k: "y", a: 3 },
]);
const right = datatable({ k: "string", b: "string" }, [
  { k: "x", b: "p" },
  { k: "x", b: "q" },
  { k: "z", b: "r" },
]);

const sortRows = (rows: Record<string, unknown>[]) => [...rows].sort((p, q) => JSON.stringify(p).localeCompare(JSON.stringify(q)));

describe("join kinds", () => {
  it("inner: every matching pair (2 × 2 for key x), right key renamed k1", async () => {
    const rows = await runQuery(db, left.join("inner", right, ["k"]));
    expect(sortRows(rows)).toEqual(
      sortRows([
        { k: "x", a: 1, k1: "x", b: "p" },
        { k: "x", a: 1, k1: "x", b: "q" },
        { k: "x", a: 2, k1: "x", b: "p" },
        { k: "x", a: 2, k1: "x", b: "q" },
      ]),
    );
  });

  it("innerunique: duplicate left keys are removed first (one left row for x, joined to both right rows)", async () => {
    const rows = await runQuery(db, left.join("innerunique", right, ["k"]));
    expect(rows).toHaveLength(2);
    expect(new Set(rows.map((r) => r["a"])).size).toBe(1);
    expect(rows.map((r) => r["b"]).sort()).toEqual(["p", "q"]);
  });

  it("leftouter: unmatched left row kept; the right side's string columns are '' (not null)", async () => {
    const rows = await runQuery(db, left.join("leftouter", right, ["k"]));
    expect(rows).toHaveLength(5);
    expect(rows.find((r) => r["k"] === "y")).toEqual({ k: "y", a: 3, k1: "", b: "" });
  });

  it("rightouter: unmatched right row kept; left strings '' and left numbers null", async () => {
    const rows = await runQuery(db, left.join("rightouter", right, ["k"]));
    expect(rows).toHaveLength(5);
    expect(rows.find((r) => r["k1"] === "z")).toEqual({ k: "", a: null, k1: "z", b: "r" });
  });

  it("fullouter: matches plus the unmatched rows of both sides", async () => {
    const rows = await runQuery(db, left.join("fullouter", right, ["k"]));
    expect(rows).toHaveLength(6);
    expect(rows.filter((r) => r["k"] === "y" || r["k1"] === "z")).toHaveLength(2);
  });

  it("leftsemi / leftanti: left rows with / without a match, left columns only, duplicates kept", async () => {
    const semi = await runQuery(db, left.join("leftsemi", right, ["k"]));
    expect(sortRows(semi)).toEqual([{ k: "x", a: 1 }, { k: "x", a: 2 }]);
    expect(await runQuery(db, left.join("leftanti", right, ["k"]))).toEqual([{ k: "y", a: 3 }]);
  });

  it("rightsemi / rightanti: right rows with / without a match, right columns only", async () => {
    const semi = await runQuery(db, left.join("rightsemi", right, ["k"]));
    expect(sortRows(semi)).toEqual([{ k: "x", b: "p" }, { k: "x", b: "q" }]);
    expect(await runQuery(db, left.join("rightanti", right, ["k"]))).toEqual([{ k: "z", b: "r" }]);
  });

  it("colliding non-key columns get Kusto's `1` suffix, in the builder's column order", async () => {
    const l = datatable({ k: "long", v: "string", v1: "string" }, [{ k: 1, v: "L", v1: "L1" }]);
    const r = datatable({ k: "long", v: "string" }, [{ k: 1, v: "R" }]);
    const q = l.join("inner", r, ["k"]);
    const sql = toDuckDbSql(q, { now: NOW });
    const described = await db.all(`DESCRIBE ${sql}`);
    expect(described.map((d) => d["column_name"])).toEqual(Object.keys(q.columns));
    expect(Object.keys(q.columns)).toEqual(["k", "v", "v1", "k1", "v2"]);
    expect(await db.all(sql)).toEqual([{ k: 1, v: "L", v1: "L1", k1: 1, v2: "R" }]);
  });

  it("$left.a == $right.b keys join on differently named columns", async () => {
    const r = datatable({ key: "string", b: "string" }, [{ key: "y", b: "s" }]);
    expect(await runQuery(db, left.join("inner", r, [["k", "key"]]))).toEqual([{ k: "y", a: 3, key: "y", b: "s" }]);
  });
});

describe("lookup", () => {
  it("leftouter by default, drops the right key columns, unmatched strings ''", async () => {
    const dim = datatable({ k: "string", label: "string" }, [{ k: "x", label: "X!" }]);
    const rows = await runQuery(db, left.lookup(dim, ["k"]));
    expect(sortRows(rows)).toEqual(sortRows([{ k: "x", a: 1, label: "X!" }, { k: "x", a: 2, label: "X!" }, { k: "y", a: 3, label: "" }]));
  });
});
