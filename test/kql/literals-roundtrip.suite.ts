import { describe, expect, it } from "vitest";
import type { LiteralNode } from "../../src/kql/ast/literal.js";
import { lit } from "../../src/kql/builder/literals.js";
import { renderLiteral } from "../../src/kql/render/kql-literals.js";
import { type Rand, chunks, parseBatch, show, streamFor } from "./literals-helpers.js";

// Seeded property tests: build a literal from a random value, render it, parse the KQL with
// Kusto.Language and check that the parser's value is exactly the value we started from.

const LONG_MIN = -(2n ** 63n);
const LONG_MAX = 2n ** 63n - 1n;
const DT_MIN = -621_355_968_000_000_000n; // 0001-01-01T00:00:00Z
const DT_MAX = 2_534_023_007_999_999_999n; // 9999-12-31T23:59:59.9999999Z
const TICKS_PER_MS = 10_000n;

/** Renders `nodes`, parses them in batches and checks each parsed value with `same`. */
function roundTrip<T>(
  cases: readonly { readonly node: LiteralNode; readonly expected: T; readonly input: string }[],
  type: string,
  seed: string,
  same: (parsed: unknown, expected: T) => boolean,
  batchSize = 1000,
): number {
  let checked = 0;
  for (const batch of chunks(cases, batchSize)) {
    const rendered = batch.map((c) => renderLiteral(c.node));
    const parsed = parseBatch(rendered, seed, type);
    for (let i = 0; i < batch.length; i++) {
      const p = parsed[i]!;
      const c = batch[i]!;
      if (p.kind !== type || p.problem !== undefined || !same(p.value, c.expected)) {
        expect.fail(
          `${seed}: ${c.input} rendered ${show(rendered[i]!.slice(0, 300))} parsed as ${p.kind} ${String(p.value).slice(0, 300)}` +
            `${p.problem ? ` (${p.problem})` : ""}, expected ${String(c.expected).slice(0, 300)}`,
        );
      }
      checked++;
    }
  }
  return checked;
}

// ---------------------------------------------------------------------------------------
// datetime

/** ISO text of `ticks` (since the epoch) at `offsetMinutes`, built with JS Date, not with our renderer. */
function isoAt(ticks: bigint, offsetMinutes: number, rand: Rand): string | undefined {
  const local = ticks + BigInt(offsetMinutes) * 600_000_000n;
  if (local < DT_MIN || local > DT_MAX) return undefined;
  const ms = local / TICKS_PER_MS - (local % TICKS_PER_MS < 0n ? 1n : 0n);
  const subMs = local - ms * TICKS_PER_MS;
  const iso = new Date(Number(ms)).toISOString(); // YYYY-MM-DDTHH:MM:SS.mmmZ for years 0001..9999
  let fraction = iso.slice(20, 23) + String(subMs).padStart(4, "0");
  // Drop trailing zeros at random (the fraction may be 0..7 digits long).
  while (fraction.endsWith("0") && rand.chance(0.5)) fraction = fraction.slice(0, -1);
  let text = iso.slice(0, 19) + (fraction ? "." + fraction : "");
  if (!fraction && text.endsWith(":00") && rand.chance(0.3)) text = text.slice(0, 16); // no seconds
  if (rand.chance(0.2)) text = text.replace("T", " ");
  if (offsetMinutes === 0 && rand.chance(0.7)) return text + rand.pick(["Z", "z"]);
  const sign = offsetMinutes < 0 ? "-" : "+";
  const abs = Math.abs(offsetMinutes);
  return `${text}${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
}

describe("datetime round trip", () => {
  it("3,000 random instants in years 1..9999 with 7-digit fractions and random offsets", () => {
    const { rand, seed } = streamFor(10);
    const cases: { node: LiteralNode; expected: bigint; input: string }[] = [];
    const edges = [DT_MIN, DT_MAX, 0n, -1n, 1n, 9_999_999n, -9_999_999n, 9_517_824_000_000_000n /* 2000-02-29 */];
    while (cases.length < 3000) {
      const ticks = cases.length < edges.length ? edges[cases.length]! : rand.bigint(DT_MIN, DT_MAX);
      if (rand.chance(0.15)) {
        // A Date input: millisecond precision.
        const ms = ticks / TICKS_PER_MS;
        const date = new Date(Number(ms));
        cases.push({ node: lit.datetime(date), expected: ms * TICKS_PER_MS, input: `Date(${date.toISOString()})` });
        continue;
      }
      const offset = rand.chance(0.3) ? 0 : rand.int(-(23 * 60 + 59), 23 * 60 + 59);
      const text = isoAt(ticks, offset, rand) ?? isoAt(ticks, 0, rand)!;
      const node = lit.datetime(text);
      if (node.value !== ticks) expect.fail(`${seed}: lit.datetime(${text}) = ${node.value}, expected ${ticks}`);
      cases.push({ node, expected: ticks, input: text });
    }
    for (const c of cases.slice(0, 50)) {
      expect(renderLiteral(c.node)).toMatch(/^datetime\(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{7}Z\)$/);
    }
    expect(roundTrip(cases, "datetime", seed, (p, e) => p === e)).toBe(3000);
  });

  it("renders the documented form at the range ends", () => {
    expect(renderLiteral(lit.datetime("0001-01-01T00:00:00Z"))).toBe("datetime(0001-01-01T00:00:00.0000000Z)");
    expect(renderLiteral(lit.datetime("9999-12-31T23:59:59.9999999Z"))).toBe("datetime(9999-12-31T23:59:59.9999999Z)");
    expect(renderLiteral(lit.datetime("2024-01-01T01:30:00.5+01:30"))).toBe("datetime(2024-01-01T00:00:00.5000000Z)");
    expect(renderLiteral(lit.datetime(new Date(-1)))).toBe("datetime(1969-12-31T23:59:59.9990000Z)");
    expect(renderLiteral(lit.nullOf("datetime"))).toBe("datetime(null)");
  });
});

// ---------------------------------------------------------------------------------------
// timespan

/** `[-][d.]hh:mm:ss[.f…]` written independently of the renderer, with random optional parts. */
function clockText(ticks: bigint, rand: Rand): string {
  const neg = ticks < 0n;
  let t = neg ? -ticks : ticks;
  const frac = t % 10_000_000n;
  t /= 10_000_000n;
  const s = t % 60n;
  t /= 60n;
  const m = t % 60n;
  t /= 60n;
  const h = t % 24n;
  const d = t / 24n;
  const p2 = (x: bigint) => (rand.chance(0.2) && x < 10n ? String(x) : String(x).padStart(2, "0"));
  let fraction = String(frac).padStart(7, "0");
  while (fraction.endsWith("0") && rand.chance(0.6)) fraction = fraction.slice(0, -1);
  const days = d > 0n || rand.chance(0.3) ? `${d}.` : "";
  return `${neg ? "-" : ""}${days}${p2(h)}:${p2(m)}:${p2(s)}${fraction ? "." + fraction : ""}`;
}

function randomTicks(rand: Rand): bigint {
  switch (rand.int(0, 5)) {
    case 0:
      return BigInt(rand.int(-10_000, 10_000)); // sub-millisecond
    case 1:
      return BigInt(rand.int(-1e7, 1e7)); // sub-second
    case 2:
      return rand.bigint(-864_000_000_000n, 864_000_000_000n); // within a day
    case 3:
      return rand.bigint(-(2n ** 53n), 2n ** 53n); // beyond a day, within a double
    default:
      return rand.bigint(LONG_MIN, LONG_MAX); // anything 64-bit
  }
}

describe("timespan round trip", () => {
  it("3,000 random durations (negative, zero, > 1 day, sub-ms, 64-bit) from every input form", () => {
    const { rand, seed } = streamFor(11);
    const edges = [0n, 1n, -1n, 9_999n, 10_000n, 864_000_000_000n, -864_000_000_000n - 1n, LONG_MAX, LONG_MIN, LONG_MIN + 1n];
    const cases: { node: LiteralNode; expected: bigint; input: string }[] = [];
    while (cases.length < 3000) {
      const ticks = cases.length < edges.length ? edges[cases.length]! : randomTicks(rand);
      let input: Parameters<typeof lit.timespan>[0];
      const form = rand.int(0, 4);
      if (form === 0) input = clockText(ticks, rand);
      else if (form === 1) input = `${ticks}${rand.pick(["tick", "ticks", " ticks"])}`;
      else if (form === 2 && ticks > -(10n ** 15n) && ticks < 10n ** 15n) {
        // Milliseconds as a JS number: exact while the decimal has <= 15 significant digits.
        const neg = ticks < 0n;
        const abs = neg ? -ticks : ticks;
        input = Number(`${neg ? "-" : ""}${abs / TICKS_PER_MS}.${String(abs % TICKS_PER_MS).padStart(4, "0")}`);
      } else if (form === 3) {
        // Seconds with 7 decimals.
        const abs = ticks < 0n ? -ticks : ticks;
        input = `${ticks < 0n ? "-" : ""}${abs / 10_000_000n}.${String(abs % 10_000_000n).padStart(7, "0")}s`;
      } else {
        const neg = ticks < 0n ? -1n : 1n;
        let rest = ticks * neg;
        const days = rest / 864_000_000_000n;
        rest %= 864_000_000_000n;
        const hours = rest / 36_000_000_000n;
        rest %= 36_000_000_000n;
        input = { days: Number(days * neg), hours: Number(hours * neg), ticks: rest * neg };
      }
      const label = typeof input === "object" ? JSON.stringify(input, (_, v) => (typeof v === "bigint" ? `${v}n` : v)) : String(input);
      const node = lit.timespan(input);
      if (node.value !== ticks) expect.fail(`${seed}: lit.timespan(${label}) = ${node.value}, expected ${ticks}`);
      cases.push({ node, expected: ticks, input: label });
    }
    expect(roundTrip(cases, "timespan", seed, (p, e) => p === e)).toBe(3000);
  });

  it("renders whole units compactly and everything else as time([-]d.hh:mm:ss.fffffff)", () => {
    expect(renderLiteral(lit.timespan("90s"))).toBe("90s");
    expect(renderLiteral(lit.timespan("7d"))).toBe("7d");
    expect(renderLiteral(lit.timespan("1.5h"))).toBe("90m");
    expect(renderLiteral(lit.timespan(250))).toBe("250ms");
    expect(renderLiteral(lit.timespan(0))).toBe("0s");
    expect(renderLiteral(lit.timespan("0.00:00:00.0000001"))).toBe("time(0.00:00:00.0000001)");
    expect(renderLiteral(lit.timespan("-1h"))).toBe("time(-0.01:00:00.0000000)");
    expect(renderLiteral(lit.timespan(-1.5))).toBe("time(-0.00:00:00.0015000)");
    expect(renderLiteral(lit.timespan("1.02:03:04.5"))).toBe("time(1.02:03:04.5000000)");
    expect(renderLiteral(lit.timespan({ ticks: LONG_MAX }))).toBe("time(10675199.02:48:05.4775807)");
    expect(renderLiteral(lit.timespan({ ticks: LONG_MIN }))).toBe("time(-10675199.02:48:05.4775808)");
    expect(renderLiteral(lit.nullOf("timespan"))).toBe("time(null)");
  });
});

// ---------------------------------------------------------------------------------------
// long, int

describe("long and int round trip", () => {
  it("2,000 longs incl. ±2^63 bounds and values beyond 2^53", () => {
    const { rand, seed } = streamFor(12);
    const edges = [LONG_MIN, LONG_MAX, LONG_MIN + 1n, LONG_MAX - 1n, 0n, -1n, 2n ** 53n, 2n ** 53n + 1n, -(2n ** 53n) - 1n, 2n ** 31n, -(2n ** 31n) - 1n];
    const cases: { node: LiteralNode; expected: bigint; input: string }[] = [];
    while (cases.length < 2000) {
      const i = cases.length;
      const v = i < edges.length ? edges[i]! : rand.chance(0.7) ? rand.u64() - 2n ** 63n : rand.bigint(-(2n ** 53n) + 1n, 2n ** 53n - 1n);
      const node = rand.chance(0.2) && v >= -(2n ** 53n) + 1n && v <= 2n ** 53n - 1n ? lit.long(Number(v)) : lit.long(v);
      cases.push({ node, expected: v, input: `${v}n` });
    }
    expect(renderLiteral(lit.long(LONG_MIN))).toBe("long(-9223372036854775808)");
    expect(renderLiteral(lit.long(LONG_MAX))).toBe("9223372036854775807");
    expect(renderLiteral(lit.long(500))).toBe("500");
    expect(roundTrip(cases, "long", seed, (p, e) => p === e, 2000)).toBe(2000);
  });

  it("2,000 ints incl. the bounds", () => {
    const { rand, seed } = streamFor(13);
    const edges = [-(2 ** 31), 2 ** 31 - 1, 0, -1, 1];
    const cases: { node: LiteralNode; expected: number; input: string }[] = [];
    while (cases.length < 2000) {
      const v = cases.length < edges.length ? edges[cases.length]! : rand.int(-(2 ** 31), 2 ** 31 - 1);
      cases.push({ node: lit.int(v), expected: v, input: String(v) });
    }
    expect(renderLiteral(lit.int(-(2 ** 31)))).toBe("int(-2147483648)");
    expect(roundTrip(cases, "int", seed, (p, e) => p === e, 2000)).toBe(2000);
  });
});

// ---------------------------------------------------------------------------------------
// real

describe("real round trip", () => {
  it("3,000 random doubles (random bit patterns: subnormals, huge, tiny) plus -0, NaN, ±Infinity", () => {
    const { rand, seed } = streamFor(14);
    const edges = [
      -0, 0, 5e-324, -5e-324, Number.MIN_VALUE, Number.MAX_VALUE, -Number.MAX_VALUE, 2.2250738585072014e-308, 2.225073858507201e-308,
      0.1, 1 / 3, 1e21, 1e-7, 123456789012345680000, 2 ** 53 + 2, Number.EPSILON, 1e-300, Number.NaN, Infinity, -Infinity,
    ];
    const bits = new DataView(new ArrayBuffer(8));
    const cases: { node: LiteralNode; expected: number; input: string }[] = [];
    while (cases.length < 3000) {
      let v: number;
      if (cases.length < edges.length) v = edges[cases.length]!;
      else if (rand.chance(0.5)) {
        bits.setUint32(0, rand.int(0, 2 ** 32 - 1));
        bits.setUint32(4, rand.int(0, 2 ** 32 - 1));
        v = bits.getFloat64(0);
        if (Number.isNaN(v) || !Number.isFinite(v)) continue;
      } else v = (rand.next() - 0.5) * 10 ** rand.int(-20, 20);
      cases.push({ node: lit.real(v), expected: v, input: Object.is(v, -0) ? "-0" : String(v) });
    }
    expect(renderLiteral(lit.real(-0))).toBe("real(-0.0)");
    expect(renderLiteral(lit.real(Number.NaN))).toBe("real(nan)");
    expect(renderLiteral(lit.real(Infinity))).toBe("real(+inf)");
    expect(renderLiteral(lit.real(-Infinity))).toBe("real(-inf)");
    expect(renderLiteral(lit.real(5e-324))).toBe("5e-324");
    expect(renderLiteral(lit.real(30))).toBe("30.0");
    expect(renderLiteral(lit.real(1e300))).toBe("1e300");
    expect(renderLiteral(lit.real(-2.5))).toBe("real(-2.5)");
    expect(roundTrip(cases, "real", seed, (p, e) => Object.is(p, e), 3000)).toBe(3000);
  });
});

// ---------------------------------------------------------------------------------------
// guid, bool, typed nulls

describe("guid, bool and typed nulls", () => {
  it("1,000 random guids in mixed case read back lower-case", () => {
    const { rand, seed } = streamFor(15);
    const cases: { node: LiteralNode; expected: string; input: string }[] = [];
    for (let n = 0; n < 1000; n++) {
      const hex = Array.from({ length: 32 }, () => rand.pick([..."0123456789abcdefABCDEF"])).join("");
      const text = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
      cases.push({ node: lit.guid(text), expected: text.toLowerCase(), input: text });
    }
    expect(roundTrip(cases, "guid", seed, (p, e) => p === e)).toBe(1000);
  });

  it("bools and every typed null", () => {
    expect(parseBatch(["true", "false", "bool(null)"], "fixed", "bool").map((p) => p.value)).toEqual([true, false, null]);
    const types = ["string", "int", "long", "real", "bool", "datetime", "timespan", "guid", "dynamic"] as const;
    const rendered = types.map((t) => renderLiteral(lit.nullOf(t)));
    expect(rendered).toEqual(['""', "int(null)", "long(null)", "real(null)", "bool(null)", "datetime(null)", "time(null)", "guid(null)", "dynamic(null)"]);
    const parsed = parseBatch(rendered, "fixed", "dynamic");
    expect(parsed.map((p) => [p.kind, p.value])).toEqual(types.map((t) => [t, t === "string" ? "" : null]));
  });
});

// ---------------------------------------------------------------------------------------
// dynamic

const KEY_POOL = ["a", "", " ", '"', "'", "\\", "\n", "\u0000", "\u2028", "é", "😀", "日本", "a\"b'c\\d", "$type", "x.y", "[0]", "constructor", "toString"];
const STRING_POOL = [...KEY_POOL, '"|union *', "'; drop", "\\u0041", "```", "@\"x\"", "\ufeff", "e\u0301", "\u202e", "\u0085", "\u{10ffff}"];

function randomNumber(rand: Rand): number {
  switch (rand.int(0, 6)) {
    case 0:
      return rand.int(-1000, 1000);
    case 1:
      return rand.int(-(2 ** 31), 2 ** 31);
    case 2:
      return rand.pick([2 ** 53 - 1, -(2 ** 53 - 1), 2 ** 60, -(2 ** 63), 2 ** 64, 1e20, 1e21, 1e300, 5e-324, -0, 0.1, -1.5]);
    default:
      return (rand.next() - 0.5) * 10 ** rand.int(-30, 30);
  }
}

function randomString(rand: Rand): string {
  let s = "";
  const n = rand.int(0, 4);
  for (let i = 0; i < n; i++) s += rand.chance(0.5) ? rand.pick(STRING_POOL) : String.fromCodePoint(rand.int(0x20, 0x3000));
  return s;
}

function randomJson(rand: Rand, depth: number): unknown {
  const r = rand.int(0, depth > 0 ? 7 : 4);
  switch (r) {
    case 0:
      return null;
    case 1:
      return rand.chance(0.5);
    case 2:
      return randomNumber(rand);
    case 3:
    case 4:
      return randomString(rand);
    case 5:
    case 6: {
      const obj: Record<string, unknown> = {};
      const n = rand.int(0, 5);
      for (let i = 0; i < n; i++) obj[rand.chance(0.5) ? rand.pick(KEY_POOL) : randomString(rand)] = randomJson(rand, depth - 1);
      return obj;
    }
    default:
      return Array.from({ length: rand.int(0, 5) }, () => randomJson(rand, depth - 1));
  }
}

/** Structural equality with Object.is on scalars (so -0 ≠ 0), over own enumerable keys. */
function deepEqual(a: unknown, b: unknown): boolean {
  if (typeof a !== "object" || a === null || typeof b !== "object" || b === null) return Object.is(a, b);
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

describe("dynamic round trip", () => {
  it("1,500 random JSON values (escaped keys and strings, longs, reals, -0, nesting) read back equal", () => {
    const { rand, seed } = streamFor(16);
    const cases: { node: LiteralNode; expected: unknown; input: string }[] = [];
    const fixed: unknown[] = [null, {}, [], "", 0, -0, true, JSON.parse('{"__proto__": {"x": 1}}'), [[[[]]]], { "": { "": "" } }];
    while (cases.length < 1500) {
      const v = cases.length < fixed.length ? fixed[cases.length] : randomJson(rand, 3);
      cases.push({ node: lit.dynamic(v), expected: v, input: show(JSON.stringify(v) ?? "undefined").slice(0, 200) });
    }
    expect(renderLiteral(lit.dynamic({ a: [1, -2.5, "x\"é😀"], b: null, "c d": -0 }))).toBe(
      String.raw`dynamic({"a":[1,-2.5,"x\"é\uD83D\uDE00"],"b":null,"c d":-0.0})`,
    );
    expect(renderLiteral(lit.dynamic(1e20))).toBe("dynamic(100000000000000000000.0)");
    const same = (p: unknown, e: unknown) => deepEqual(p === null ? null : JSON.parse(p as string), e);
    expect(roundTrip(cases, "dynamic", seed, same, 500)).toBe(1500);
  });
});
