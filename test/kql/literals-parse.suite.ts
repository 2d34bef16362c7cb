import { describe, expect, it } from "vitest";
import { parseLiteralValues } from "../../src/analysis/index.js";

// parseLiteralValues(): what the official parser sees, as plain JS values. These cases pin
// down Kusto.Language's own (sometimes surprising) reading of literal text.

const values = (kql: string) => parseLiteralValues(kql).map((l) => l.value);

describe("parseLiteralValues", () => {
  it("lists literals in source order with kind, value, exact text and position", () => {
    const kql = 'print a = "x\\ty", b = long(-1), c = 1h, d = true, e = guid(0F8FAD5B-D9CB-469F-A165-70867728950E)';
    const lits = parseLiteralValues(kql);
    expect(lits.syntaxErrors).toBe(0);
    expect(lits.map((l) => [l.kind, l.value, l.text])).toEqual([
      ["string", "x\ty", '"x\\ty"'],
      ["long", -1n, "long(-1)"],
      ["timespan", 36_000_000_000n, "1h"],
      ["bool", true, "true"],
      ["guid", "0f8fad5b-d9cb-469f-a165-70867728950e", "guid(0F8FAD5B-D9CB-469F-A165-70867728950E)"],
    ]);
    for (const l of lits) expect(kql.substr(l.start, l.length)).toBe(l.text);
  });

  it("reports syntax errors", () => {
    const lits = parseLiteralValues('print a = "unterminated');
    expect(lits.syntaxErrors).toBeGreaterThan(0);
    expect(lits.diagnostics[0]).toMatchObject({ severity: "error", code: "KS001" });
  });

  it("decodes every string form the parser knows", () => {
    expect(values(String.raw`print 'it\'s', @"C:\x""y", h"secret", "a" 'b' "c", ${"```"}multi
line${"```"}, "\x41\101\u00e9"`)).toEqual(["it's", 'C:\\x"y', "secret", "abc", "multi\nline", "AAé"]);
  });

  it("datetime: exact 100 ns ticks since the epoch, offsets applied, no offset = UTC", () => {
    expect(values("print datetime(2024-01-01T00:00:00.1234567Z), datetime(2024-01-01T02:00:00.1234567+02:00), datetime(2024-01-01 00:00), datetime(1969-12-31T23:59:59.9999999Z)")).toEqual([
      17_040_672_001_234_567n,
      17_040_672_001_234_567n,
      17_040_672_000_000_000n,
      -1n,
    ]);
    expect(values("print datetime(min), datetime(max), datetime(null)")).toEqual([-621_355_968_000_000_000n, 2_534_023_007_999_999_999n, null]);
  });

  it("datetime values do not depend on the process time zone (Bridge.NET's do)", () => {
    const tz = process.env.TZ;
    const kql = "print datetime(2024-01-01T00:00:00.1234567Z), datetime(2024-07-01T12:00:00-05:00), datetime(2024-01-01 10:00), datetime(0001-01-01T00:00:00Z)";
    const utc = parseLiteralValues(kql);
    try {
      process.env.TZ = "America/New_York";
      const ny = parseLiteralValues(kql);
      expect(ny.map((l) => l.value)).toEqual(utc.map((l) => l.value));
      expect(ny.map((l) => l.problem)).toEqual([undefined, undefined, undefined, undefined]);
    } finally {
      if (tz === undefined) delete process.env.TZ;
      else process.env.TZ = tz;
    }
  });

  it("timespan: the .NET form (which the analyzer itself reads as 0) and every unit", () => {
    expect(values("print time(1.02:03:04.1234567), time(-0.00:00:00.0000001), time(01:02:03), time(10675199.02:48:05.4775807)")).toEqual([
      937_841_234_567n,
      -1n,
      37_230_000_000n,
      2n ** 63n - 1n,
    ]);
    expect(values("print 2d, 1.5h, 30m, 10s, 0.1s, 100ms, 10microsecond, 1tick, time(15 seconds), 9007199254740993tick")).toEqual([
      1_728_000_000_000n, 54_000_000_000n, 18_000_000_000n, 100_000_000n, 1_000_000n, 1_000_000n, 100n, 1n, 150_000_000n,
      9_007_199_254_740_993n, // the analyzer reads 9007199254740992 (through a double)
    ]);
    expect(values("print time(min), time(max), time(null)")).toEqual([-(2n ** 63n), 2n ** 63n - 1n, null]);
  });

  it("real: nan and infinities (the analyzer reads them as 0), -0, exponents", () => {
    const v = values("print real(nan), real(+inf), real(-inf), real(-0.0), 1e-300, real(5e-324), 1.5");
    expect(v.slice(0, 3)).toEqual([Number.NaN, Infinity, -Infinity]);
    expect(Object.is(v[3], -0)).toBe(true);
    expect(v.slice(4)).toEqual([1e-300, 5e-324, 1.5]);
  });

  it("int/long: overflow is reported, not hidden (the analyzer silently reads 0)", () => {
    const lits = parseLiteralValues("print int(4294967295), long(9223372036854775808), 9223372036854775807, long(-9223372036854775808), int(null)");
    expect(lits.map((l) => l.value)).toEqual([0, 0n, 2n ** 63n - 1n, -(2n ** 63n), null]);
    expect(lits[0]!.problem).toBe("4294967295 is outside the int range; the analyzer reads it as 0");
    expect(lits[1]!.problem).toContain("outside the long range");
    expect(lits.slice(2).map((l) => l.problem)).toEqual([undefined, undefined, undefined]);
  });

  it("a unary minus outside a typed literal is an operator: print -5 lists 5", () => {
    expect(values("print -5, long(-5)")).toEqual([5n, -5n]);
  });

  it("dynamic: one literal whose value is exact JSON text", () => {
    const lits = parseLiteralValues('print dynamic({"a": [1, -2, 1.5e300, "x\\u00e9", true, null, {}], "b\\"c": 9223372036854775807, "d": datetime(2020-01-01)}), dynamic(null), dynamic([])');
    expect(lits.map((l) => l.kind)).toEqual(["dynamic", "dynamic", "dynamic"]);
    expect(lits[0]!.value).toBe('{"a":[1,-2,1.5e+300,"xé",true,null,{}],"b\\"c":9223372036854775807,"d":"datetime(2020-01-01)"}');
    expect(lits[1]!.value).toBeNull();
    expect(lits[2]!.value).toBe("[]");
  });

  it("typeof, decimal and bare null", () => {
    expect(parseLiteralValues("print typeof(string), decimal(1.5)").map((l) => [l.kind, l.value])).toEqual([
      ["typeof", "typeof(string)"],
      ["decimal", "1.5"],
    ]);
  });

  it("a query with 10,000 literals does not overflow the stack", () => {
    const kql = "print " + Array.from({ length: 10_000 }, (_, i) => `c${i} = ${i}`).join(", ");
    const lits = parseLiteralValues(kql);
    expect(lits.length).toBe(10_000);
    expect(lits[9_999]!.value).toBe(9_999n);
  });
});
