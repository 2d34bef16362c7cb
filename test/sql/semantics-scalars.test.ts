// Kusto's scalar semantics on DuckDB (strings, nulls, arithmetic, time, functions). Each
// test compiles a builder query over a small datatable and runs it; the expected values
// are worked out by hand from Kusto's documented rules, never taken from the compiler.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LocalDb } from "../../src/local/duckdb.js";
import { datatable, Expr, fn, lit, type Cols } from "../../src/kql/index.js";
import { intervalMicros, NOW, openDbWithAcsTables, runQuery } from "./sql-helpers.js";

let db: LocalDb;
beforeAll(async () => {
  db = await openDbWithAcsTables();
});
afterAll(() => db.close());

const strings = datatable({ s: "string" }, [{ s: "error" }, { s: "an err here" }, { s: "ERR_CODE" }, { s: "xerr" }, { s: "err" }]);
const one = datatable({ n: "long", x: "real", s: "string", d: "dynamic" }, [{ n: null, x: null, s: "", d: null }]);
type OneCols = Cols<typeof one.columns>;

/** The value of one expression over the one-row table. */
async function value(f: (c: OneCols) => Expr): Promise<unknown> {
  const rows = await runQuery(db, one.extend((c) => ({ r: f(c) })).project("r"));
  return rows[0]?.["r"];
}

const matching = async (pred: (c: Cols<typeof strings.columns>) => Expr<"bool">) =>
  (await runQuery(db, strings.where(pred))).map((r) => r["s"]);

describe("string operators", () => {
  it("has is a case-insensitive TERM match, not a substring match ('error' has 'err' is false; _ delimits terms)", async () => {
    expect(await matching((c) => c.s.has("err"))).toEqual(["an err here", "ERR_CODE", "err"]);
    expect(await matching((c) => c.s.notHas("err"))).toEqual(["error", "xerr"]);
  });

  it("has_cs is the case-sensitive term match", async () => {
    expect(await matching((c) => c.s.hasCs("err"))).toEqual(["an err here", "err"]);
  });

  it("== is case-sensitive, =~ and in~ are not", async () => {
    expect(await matching((c) => c.s.eq("ERR"))).toEqual([]);
    expect(await matching((c) => c.s.eqCi("ERR"))).toEqual(["err"]);
    expect(await matching((c) => c.s.inCi(["ERROR", "Err"]))).toEqual(["error", "err"]);
    expect(await matching((c) => c.s.in(["ERROR", "Err"]))).toEqual([]);
    expect(await matching((c) => c.s.notInCi(["ERROR", "Err", "xErr"]))).toEqual(["an err here", "ERR_CODE"]);
  });

  it("in~ (dynamic array) matches the array's string elements without case", async () => {
    expect(await matching((c) => c.s.inArrayCi(new Expr(lit.dynamic(["XERR", 5]), "dynamic")))).toEqual(["xerr"]);
  });

  it("startswith / endswith / contains are case-insensitive; the _cs variants are case-sensitive", async () => {
    expect(await matching((c) => c.s.startsWith("ER"))).toEqual(["error", "ERR_CODE", "err"]);
    expect(await matching((c) => c.s.notStartsWith("ER"))).toEqual(["an err here", "xerr"]);
    expect(await matching((c) => c.s.endsWith("RR"))).toEqual(["xerr", "err"]);
    expect(await matching((c) => c.s.contains("RR_"))).toEqual(["ERR_CODE"]);
    expect(await matching((c) => c.s.containsCs("rr_"))).toEqual([]);
  });

  it("matches regex searches with RE2 (not a whole-string match)", async () => {
    expect(await matching((c) => c.s.matchesRegex("R_C"))).toEqual(["ERR_CODE"]);
    expect(await matching((c) => c.s.matchesRegex("^e.r$"))).toEqual(["err"]);
  });
});

describe("empty strings, not nulls", () => {
  it("tostring(null) is '', isempty('') is true, isnull on a string is always false", async () => {
    expect(await value((c) => fn.tostring(c.n))).toBe("");
    expect(await value((c) => fn.isempty(c.s))).toBe(true);
    expect(await value((c) => fn.isnull(c.s))).toBe(false);
    expect(await value((c) => fn.isnull(c.n))).toBe(true);
    expect(await value((c) => fn.isnotnull(c.d))).toBe(false);
  });

  it("coalesce skips empty strings like nulls; iff with a null condition takes the else branch", async () => {
    expect(await value((c) => fn.coalesce(c.s, "", "b"))).toBe("b");
    expect(await value((c) => fn.coalesce(c.s, ""))).toBe("");
    expect(await value((c) => fn.iff(c.n.gt(0n), "then", "else"))).toBe("else");
  });

  it("union fills a column missing from one side with '' (string) or null (other types)", async () => {
    const a = datatable({ s: "string" }, [{ s: "A" }]);
    const b = datatable({ n: "long" }, [{ n: 7 }]);
    const rows = await runQuery(db, a.union(b));
    expect(rows).toEqual(expect.arrayContaining([{ s: "A", n: null }, { s: "", n: 7 }]));
    expect(rows).toHaveLength(2);
  });
});

describe("numbers", () => {
  it("integer / integer truncates toward zero (7/2 == 3, -7/2 == -3); real division does not", async () => {
    const t = datatable({ a: "long", b: "long" }, [{ a: 7, b: 2 }, { a: -7, b: 2 }]);
    const rows = await runQuery(db, t.project("a", "b").extend((c) => ({ q: c.a.div(c.b), r: c.a.div(2) })));
    expect(rows.map((r) => [r["q"], r["r"]])).toEqual([[3, 3.5], [-3, -3.5]]);
  });

  it("% is never negative (-7 % 2 == 1)", async () => {
    const t = datatable({ a: "long" }, [{ a: 7 }, { a: -7 }, { a: -8 }]);
    expect((await runQuery(db, t.extend((c) => ({ m: c.a.mod(2n) })))).map((r) => r["m"])).toEqual([1, 1, 0]);
  });

  it("real division by zero gives ±infinity and NaN, not null", async () => {
    const t = datatable({ x: "real" }, [{ x: 1 }, { x: -1 }, { x: 0 }]);
    const rows = await runQuery(db, t.extend((c) => ({ q: c.x.div(0) })));
    expect(rows.map((r) => r["q"])).toEqual([Infinity, -Infinity, NaN]);
  });

  it("bin() on numbers floors to the multiple, also for negatives", async () => {
    const t = datatable({ a: "long", x: "real" }, [{ a: 7, x: 7.5 }, { a: -7, x: -7.5 }]);
    const rows = await runQuery(db, t.extend((c) => ({ ba: fn.bin(c.a, 5), bx: fn.bin(c.x, 5) })));
    expect(rows.map((r) => [r["ba"], r["bx"]])).toEqual([[5, 5], [-10, -10]]);
  });

  it("round(x, n) rounds half away from zero", async () => {
    const t = datatable({ x: "real" }, [{ x: 2.5 }, { x: -2.5 }, { x: 1.23456 }]);
    const rows = await runQuery(db, t.extend((c) => ({ r0: fn.round(c.x), r3: fn.round(c.x, 3) })));
    expect(rows.map((r) => [r["r0"], r["r3"]])).toEqual([[3, 2.5], [-3, -2.5], [1, 1.235]]);
  });

  it("toreal of '' is null; of '1.5' is 1.5", async () => {
    const t = datatable({ s: "string" }, [{ s: "" }, { s: "1.5" }, { s: "abc" }]);
    expect((await runQuery(db, t.extend((c) => ({ r: fn.toreal(c.s) })))).map((r) => r["r"])).toEqual([null, 1.5, null]);
  });
});

describe("strings and dynamic values", () => {
  it("substring and indexof are 0-based; indexof is -1 when absent", async () => {
    const t = datatable({ s: "string" }, [{ s: "abcdef" }]);
    const rows = await runQuery(
      db,
      t.extend((c) => ({ sub: fn.substring(c.s, 2, 3), tail: fn.substring(c.s, 4), past: fn.substring(c.s, 10), at: fn.indexof(c.s, "c"), none: fn.indexof(c.s, "z") })),
    );
    expect(rows[0]).toEqual({ s: "abcdef", sub: "cde", tail: "ef", past: "", at: 2, none: -1 });
  });

  it("strcat converts non-strings like tostring (1.0 prints as 1, null as '')", async () => {
    const t = datatable({ n: "long", x: "real", y: "real", b: "bool" }, [{ n: 1, x: 1.0, y: 2.5, b: true }]);
    const rows = await runQuery(db, t.project("n").extend(() => ({ s: fn.strcat("a", new Expr(lit.long(1), "long"), new Expr(lit.real(1), "real"), new Expr(lit.real(2.5), "real"), new Expr(lit.bool(true), "bool"), new Expr(lit.nullOf("long"), "long")) })));
    expect(rows[0]?.["s"]).toBe("a112.5true");
  });

  it("tostring of a real: whole values without .0; values .NET would print in exponent form are refused at run time", async () => {
    const t = datatable({ x: "real" }, [{ x: 1.0 }, { x: 0.1 }, { x: -2.5 }, { x: 123456.75 }]);
    expect((await runQuery(db, t.extend((c) => ({ s: fn.tostring(c.x) })))).map((r) => r["s"])).toEqual(["1", "0.1", "-2.5", "123456.75"]);
    const big = datatable({ x: "real" }, [{ x: 1e20 }]);
    await expect(runQuery(db, big.extend((c) => ({ s: fn.tostring(c.x) })))).rejects.toThrow(/exponent form/);
  });

  it("split gives a dynamic array; array_length of a non-array is null", async () => {
    const t = datatable({ s: "string", d: "dynamic" }, [{ s: "a,b,,c", d: "x" }]);
    const rows = await runQuery(db, t.extend((c) => ({ parts: fn.split(c.s, ","), n: fn.array_length(fn.split(c.s, ",")), notArray: fn.array_length(c.d) })));
    expect(JSON.parse(rows[0]?.["parts"] as string)).toEqual(["a", "b", "", "c"]);
    expect(rows[0]?.["n"]).toBe(4);
    expect(rows[0]?.["notArray"]).toBeNull();
  });

  it("member access on JSON returns dynamic; tostring() of it is the raw string without quotes", async () => {
    const t = datatable({ d: "dynamic" }, [{ d: { a: { "b c": "hé \"q\"" }, n: 5, arr: [10, 20] } }]);
    const rows = await runQuery(
      db,
      t.extend((c) => ({ s: fn.tostring(c.d.at("a").at("b c")), n: fn.tostring(c.d.at("n")), second: fn.tostring(c.d.at("arr").at(1)), obj: fn.tostring(c.d.at("a")), missing: fn.tostring(c.d.at("zz")) })),
    );
    expect(rows[0]).toMatchObject({ s: 'hé "q"', n: "5", second: "20", obj: '{"b c":"hé \\"q\\""}', missing: "" });
  });

  it("extract returns the group, or '' when the pattern does not match", async () => {
    const t = datatable({ s: "string" }, [{ s: "  code 42 " }, { s: "none" }]);
    const rows = await runQuery(db, t.extend((c) => ({ g: fn.extract("code (\\d+)", 1, c.s) })));
    expect(rows.map((r) => r["g"])).toEqual(["42", ""]);
  });
});

describe("datetime and timespan", () => {
  const times = datatable({ t1: "datetime", t2: "datetime" }, [{ t1: "2024-03-10T05:30:00Z", t2: "2024-03-10T07:00:00Z" }]);

  it("datetime - datetime is a timespan; timespan / timespan is a real; datetime ± timespan is a datetime", async () => {
    const rows = await runQuery(
      db,
      times.extend((c) => ({ span: c.t2.since(c.t1), hours: c.t2.since(c.t1) as never, later: c.t1.addSpan("1h") })),
    );
    expect(intervalMicros(rows[0]?.["span"])).toBe(5_400_000_000n);
    expect(rows[0]?.["later"]).toEqual(new Date("2024-03-10T06:30:00Z"));
    const ratio = datatable({ a: "timespan", b: "timespan" }, [{ a: "90m", b: "1h" }]);
    const r = await runQuery(db, ratio.extend((c) => ({ q: new Expr({ kind: "binary", op: "div", left: c.a.node, right: c.b.node }, "real") })));
    expect(r[0]?.["q"]).toBe(1.5);
  });

  it("bin() on datetimes floors to multiples of the span from the 1970 epoch (1h, 1d)", async () => {
    const rows = await runQuery(db, times.extend((c) => ({ h: fn.bin(c.t1, "1h"), d: fn.bin(c.t1, "1d"), w: fn.bin(c.t1, "7d") })));
    // 7-day bins start on Thursdays, since 1970-01-01 was one: 2024-03-07 is a Thursday.
    expect(rows[0]).toMatchObject({ h: new Date("2024-03-10T05:00:00Z"), d: new Date("2024-03-10T00:00:00Z"), w: new Date("2024-03-07T00:00:00Z") });
  });

  it("startofday truncates to midnight UTC", async () => {
    expect((await runQuery(db, times.extend((c) => ({ s: fn.startofday(c.t2) }))))[0]?.["s"]).toEqual(new Date("2024-03-10T00:00:00Z"));
  });

  it("datetime_diff counts period boundaries crossed (the Kusto docs' example values)", async () => {
    const t = datatable({ a: "datetime", b: "datetime", p: "string" }, [
      { a: "2017-01-01T00:00:00Z", b: "2000-12-31T00:00:00Z", p: "year" },
      { a: "2017-07-01T00:00:00Z", b: "2017-03-30T00:00:00Z", p: "quarter" },
      { a: "2017-01-01T00:00:00Z", b: "2015-12-30T00:00:00Z", p: "month" },
      { a: "2017-10-29T00:00:00Z", b: "2017-09-30T23:59:00Z", p: "week" },
      { a: "2017-10-29T00:00:00Z", b: "2017-09-30T23:59:00Z", p: "day" },
      { a: "2017-10-31T01:00:00Z", b: "2017-10-30T23:59:00Z", p: "hour" },
      { a: "2017-10-30T23:05:01Z", b: "2017-10-30T23:00:59Z", p: "minute" },
      { a: "2017-10-30T23:00:10.100Z", b: "2017-10-30T23:00:00.900Z", p: "second" },
      { a: "2017-10-30T23:00:00.2001Z", b: "2017-10-30T23:00:00.1009Z", p: "millisecond" },
    ]);
    const parts = ["year", "quarter", "month", "week", "day", "hour", "minute", "second", "millisecond"] as const;
    const rows = await runQuery(db, t.extend((c) => Object.fromEntries(parts.map((p) => [p, fn.datetime_diff(p, c.a, c.b)])) as Record<string, Expr<"long">>));
    expect(rows.map((r) => r[r["p"] as string])).toEqual([17, 2, 13, 5, 29, 2, 5, 10, 100]);
  });

  it("ago(1d) is relative to options.now", async () => {
    const t = datatable({ t: "datetime" }, [{ t: "2026-01-14T11:00:00Z" }, { t: "2026-01-14T13:00:00Z" }]);
    const rows = await runQuery(db, t.where((c) => c.t.gt(fn.ago("1d"))), { now: new Date("2026-01-15T12:00:00Z") });
    expect(rows.map((r) => r["t"])).toEqual([new Date("2026-01-14T13:00:00Z")]);
    expect((await runQuery(db, one.extend(() => ({ n: fn.now() })).project("n")))[0]?.["n"]).toEqual(NOW);
  });

  it("a datetime between a start and a timespan ends at start + span", async () => {
    const t = datatable({ t: "datetime" }, [{ t: "2024-01-01T10:00:00Z" }, { t: "2024-01-01T12:00:01Z" }]);
    const q = t.where(() => new Expr({ kind: "between", operand: { kind: "column", name: "t" }, low: lit.datetime("2024-01-01T10:00:00Z"), high: lit.timespan("2h"), negated: false }, "bool"));
    expect((await runQuery(db, q)).map((r) => r["t"])).toEqual([new Date("2024-01-01T10:00:00Z")]);
  });
});
