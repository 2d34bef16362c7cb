// Kusto's tabular semantics on DuckDB: summarize, aggregates, sorting, mv-expand, union,
// lets, literals and parameters. Expected values are worked out by hand.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LocalDb } from "../../src/local/duckdb.js";
import { agg, datatable, Expr, fn, from, letTable, lit, param, union } from "../../src/kql/index.js";
import type { QueryNode } from "../../src/kql/index.js";
import { ACSCallSummary } from "../../src/schema/index.js";
import { toDuckDbSql, SqlUnsupportedError } from "../../src/sql/index.js";
import { NOW, openDbWithAcsTables, runQuery } from "./sql-helpers.js";

let db: LocalDb;
beforeAll(async () => {
  db = await openDbWithAcsTables();
});
afterAll(() => db.close());

const tenValues = datatable({ g: "string", v: "long" }, Array.from({ length: 10 }, (_, i) => ({ g: "a", v: 10 - i })));

describe("summarize", () => {
  it("with no rows and no `by` returns one row (count 0); with `by` it returns no rows", async () => {
    const empty = datatable({ g: "string", v: "long" }, []);
    expect(await runQuery(db, empty.summarize((c) => ({ n: agg.count(), s: agg.countif(c.v.gt(0n)) })))).toEqual([{ n: 0, s: 0 }]);
    expect(await runQuery(db, empty.summarize(() => ({ n: agg.count() }), ["g"]))).toEqual([]);
  });

  it("with no rows and no `by`, sum and sumif are 0 and avg, max and percentiles null (Kusto's aggregation defaults)", async () => {
    const empty = datatable({ v: "long", r: "real" }, []);
    const q = empty.summarize((c) => ({ s: agg.sum(c.v), si: agg.sumif(c.v, c.v.gt(0n)), sr: agg.sum(c.r), a: agg.avg(c.v), mx: agg.max(c.v), p50: agg.percentile(c.v, 50) }));
    expect(await runQuery(db, q)).toEqual([{ s: 0, si: 0, sr: 0, a: null, mx: null, p50: null }]);
    // Non-empty input sums as before.
    const one = datatable({ v: "long" }, [{ v: 5 }]);
    expect(await runQuery(db, one.summarize((c) => ({ s: agg.sum(c.v) })))).toEqual([{ s: 5 }]);
  });

  it("percentiles are nearest-rank (p50 of 1..10 is 5, not 5.5; p95 is 10, not 9.55), one column per percentile named as declared", async () => {
    const q = tenValues.summarize((c) => ({ ...agg.percentiles(c.v, { p10: 10, p50: 50, p95: 95, p99_9: 99.9 }), p0: agg.percentile(c.v, 0) }));
    expect(Object.keys(q.columns)).toEqual(["p10", "p50", "p95", "p99_9", "p0"]);
    expect(await runQuery(db, q)).toEqual([{ p10: 1, p50: 5, p95: 10, p99_9: 10, p0: 1 }]);
  });

  it("arg_max(x, *) takes every column from the same row", async () => {
    const t = datatable({ k: "long", t: "long", a: "string", b: "long" }, [
      { k: 1, t: 1, a: "p", b: 10 },
      { k: 1, t: 3, a: "q", b: 5 },
      { k: 1, t: 2, a: "r", b: 99 },
      { k: 2, t: 7, a: "s", b: 1 },
    ]);
    const rows = await runQuery(db, t.latestBy("t", ["k"]));
    expect(rows.sort((x, y) => (x["k"] as number) - (y["k"] as number))).toEqual([
      { k: 1, t: 3, a: "q", b: 5 },
      { k: 2, t: 7, a: "s", b: 1 },
    ]);
    const named = await runQuery(db, t.summarize((c) => ({ ...agg.argMax({ latest: c.t }, { A: c.a, B: c.b }) }), ["k"]));
    expect(named.find((r) => r["k"] === 1)).toEqual({ k: 1, latest: 3, A: "q", B: 5 });
  });

  it("dcount is an exact distinct count here (Kusto's is a HyperLogLog estimate, exact for small sets); dcountif, countif, sumif, avgif filter", async () => {
    const t = datatable({ s: "string", v: "long" }, [{ s: "a", v: 1 }, { s: "a", v: 2 }, { s: "b", v: 3 }, { s: "", v: 4 }]);
    const rows = await runQuery(
      db,
      t.summarize((c) => ({
        d: agg.dcount(c.s),
        di: agg.dcountif(c.s, c.v.gt(1n)),
        ci: agg.countif(c.v.ge(2n)),
        si: agg.sumif(c.v, c.v.ge(2n)),
        ai: agg.avgif(c.v, c.v.ge(3n)),
        mx: agg.max(c.s),
        mn: agg.min(c.v),
      })),
    );
    expect(rows).toEqual([{ d: 3, di: 3, ci: 3, si: 9, ai: 3.5, mx: "b", mn: 1 }]);
  });

  it("make_set gives a JSON array of the distinct non-null values ([] over no rows)", async () => {
    const t = datatable({ s: "string" }, [{ s: "x" }, { s: "y" }, { s: "x" }]);
    const rows = await runQuery(db, t.summarize((c) => ({ set: agg.make_set(c.s) })));
    expect((JSON.parse(rows[0]?.["set"] as string) as string[]).sort()).toEqual(["x", "y"]);
    const none = await runQuery(db, t.where((c) => c.s.eq("none")).summarize((c) => ({ set: agg.make_set(c.s) })));
    expect(JSON.parse(none[0]?.["set"] as string)).toEqual([]);
  });

  it("bin() by-expressions group rows into time buckets", async () => {
    const t = datatable({ t: "datetime" }, [{ t: "2024-01-01T00:10:00Z" }, { t: "2024-01-01T00:50:00Z" }, { t: "2024-01-01T01:05:00Z" }]);
    const rows = await runQuery(db, t.summarize(() => ({ n: agg.count() }), (c) => ({ h: fn.bin(c.t, "1h") })).orderBy("h", "asc"));
    expect(rows).toEqual([{ h: new Date("2024-01-01T00:00:00Z"), n: 2 }, { h: new Date("2024-01-01T01:00:00Z"), n: 1 }]);
  });
});

describe("order", () => {
  const t = datatable({ v: "long" }, [{ v: 2 }, { v: null }, { v: 1 }]);
  it("asc puts nulls first, desc puts nulls last (as Kusto)", async () => {
    expect((await runQuery(db, t.orderBy("v", "asc"))).map((r) => r["v"])).toEqual([null, 1, 2]);
    expect((await runQuery(db, t.orderBy("v", "desc"))).map((r) => r["v"])).toEqual([2, 1, null]);
  });

  it("the order survives where/extend/project and take keeps the first rows of it; top sorts itself", async () => {
    const q = tenValues.orderBy("v", "asc").extend((c) => ({ w: c.v.times(2n) })).where((c) => c.v.gt(2n)).project("w").take(3);
    expect((await runQuery(db, q)).map((r) => r["w"])).toEqual([6, 8, 10]);
    expect((await runQuery(db, tenValues.top(2, "v", "desc"))).map((r) => r["v"])).toEqual([10, 9]);
  });
});

describe("mv-expand, union, lets, distinct", () => {
  it("mv-expand: one row per element (to typeof(string)), none for [], a null row for null, at most `limit`", async () => {
    const t = datatable({ k: "long", d: "dynamic" }, [{ k: 1, d: ["a", "b", "c"] }, { k: 2, d: [] }, { k: 3, d: null }]);
    const rows = await runQuery(db, t.mvExpand("d", { limit: 2, to: "string" }));
    expect(rows.map((r) => [r["k"], r["d"]]).sort()).toEqual([[1, "a"], [1, "b"], [3, ""]]);
  });

  it("union as a source matches columns by name", async () => {
    const a = datatable({ x: "long", s: "string" }, [{ x: 1, s: "a" }]);
    const b = datatable({ s: "string", x: "long" }, [{ s: "b", x: 2 }]);
    const rows = await runQuery(db, union(a, b));
    expect(rows.sort((p, q) => (p["x"] as number) - (q["x"] as number))).toEqual([{ x: 1, s: "a" }, { x: 2, s: "b" }]);
  });

  it("a materialized tabular let used twice is one CTE", async () => {
    const base = letTable("base", tenValues.where((c) => c.v.le(3n)), { materialize: true });
    const sql = toDuckDbSql(from(base).union(from(base)), { now: NOW });
    expect(sql.match(/AS MATERIALIZED/g)).toHaveLength(1);
    expect(await db.all(sql)).toHaveLength(6);
  });

  it("distinct keeps one row per combination", async () => {
    const t = datatable({ a: "string", b: "long" }, [{ a: "x", b: 1 }, { a: "x", b: 1 }, { a: "x", b: 2 }]);
    expect(await runQuery(db, t.distinct("a"))).toEqual([{ a: "x" }]);
    expect(await runQuery(db, t.distinct("a", "b"))).toHaveLength(2);
  });

  it("`in` with a subquery keeps rows whose value the subquery returns", async () => {
    const allowed = datatable({ v: "long" }, [{ v: 3 }, { v: 4 }, { v: null }]);
    const cond = new Expr({ kind: "in", operand: { kind: "column", name: "v" }, values: allowed.node as QueryNode, negated: true, caseInsensitive: false }, "bool");
    // NOT IN with a null in the subquery would drop every row in SQL; Kusto ignores the null.
    expect((await runQuery(db, tenValues.where(() => cond))).map((r) => r["v"]).sort((a, b) => (a as number) - (b as number))).toEqual([1, 2, 5, 6, 7, 8, 9, 10]);
  });
});

describe("literals and parameters", () => {
  it("strings reach DuckDB exactly: quotes doubled; backslashes, control characters, NUL and non-ASCII kept literally", async () => {
    const nasty = "O'Brien \\n \\' \n\t\r \u0000 é 漢 😀 '' \"";
    const rows = await runQuery(db, datatable({ s: "string" }, [{ s: nasty }]).extend(() => ({ t: new Expr(lit.string(nasty), "string") })));
    expect(rows).toEqual([{ s: nasty, t: nasty }]);
  });

  it("long literals are BIGINT (exact beyond 2^53); timespans are exact microsecond intervals", async () => {
    const rows = await runQuery(db, datatable({ x: "long" }, [{ x: 9007199254740993n as never }]).extend(() => ({ span: new Expr(lit.timespan("1.5s"), "timespan") })));
    expect(rows[0]?.["x"]).toBe(9007199254740993n);
    expect(rows[0]?.["span"]).toMatchObject({ micros: 1_500_000n });
  });

  it("dynamic literals are JSON", async () => {
    const rows = await runQuery(db, datatable({ d: "dynamic" }, [{ d: { a: [1, "x'y"], b: null } }]));
    expect(JSON.parse(rows[0]?.["d"] as string)).toEqual({ a: [1, "x'y"], b: null });
  });

  it("datetime literals with a sub-microsecond part are refused, not rounded", () => {
    const q = datatable({ t: "datetime" }, [{ t: "2024-01-01T00:00:00.0000001Z" }]);
    expect(() => toDuckDbSql(q)).toThrow(SqlUnsupportedError);
    expect(() => toDuckDbSql(q)).toThrow(/refused rather than approximated/);
    expect(() => toDuckDbSql(q)).toThrow(/datetime literal \(17040672000000001 ticks\) at source: it has a sub-microsecond part/);
  });

  it("parameters are bound like toKql: values escaped as literals, defaults used, unknown names and bad types rejected", async () => {
    const who = param.string("who", "nobody");
    const q = datatable({ s: "string" }, [{ s: "O'Brien" }, { s: "x" }]).where((c) => c.s.eq(who));
    expect(await runQuery(db, q, { params: { who: "O'Brien" } })).toEqual([{ s: "O'Brien" }]);
    expect(await runQuery(db, q)).toEqual([]);
    expect(() => toDuckDbSql(q, { params: { whom: "x" } })).toThrow(/unknown parameter 'whom' \(the query has 'who'\)/);
    expect(() => toDuckDbSql(q, { params: { who: 5 } })).toThrow(/parameter 'who'/);
    expect(() => toDuckDbSql(from(ACSCallSummary).take(param.long("n")))).toThrow(/parameter 'n' \(long\) has no value and no default/);
  });
});

describe("mv-expand twice", () => {
  it("two mv-expands in one query expand independently (a cross product per row)", async () => {
    const t = datatable({ a: "dynamic", b: "dynamic" }, [{ a: [1, 2], b: ["x", "y", "z"] }]);
    const rows = await runQuery(db, t.mvExpand("a", { limit: 10, to: "long" }).mvExpand("b", { limit: 10, to: "string" }));
    expect(rows).toHaveLength(6);
    expect(rows.map((r) => `${String(r["a"])}${String(r["b"])}`).sort()).toEqual(["1x", "1y", "1z", "2x", "2y", "2z"]);
  });
});
