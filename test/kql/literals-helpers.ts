// Shared by test/kql/literals*.test.ts: a seeded PRNG and a batched round trip through the
// Kusto parser. Not a test file itself.
import { expect } from "vitest";
import { parseLiteralValues, type ParsedLiteral } from "../../src/analysis/index.js";

/**
 * The seed for every generator: `LITERAL_SEED=<n> npx vitest run test/kql/literals` replays
 * a failure. Each test derives its own stream from it, so tests stay independent.
 */
export const SEED = Number(process.env.LITERAL_SEED ?? 0x5eed_2024);

/** mulberry32: a tiny, fast, seeded 32-bit PRNG. */
export function prng(seed: number) {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const rand = {
    /** Uniform in [0, 1). */
    next,
    /** Uniform integer in [lo, hi]. */
    int: (lo: number, hi: number): number => lo + Math.floor(next() * (hi - lo + 1)),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!,
    chance: (p: number): boolean => next() < p,
    /** Uniform 64-bit unsigned bigint. */
    u64: (): bigint => (BigInt(Math.floor(next() * 2 ** 32)) << 32n) | BigInt(Math.floor(next() * 2 ** 32)),
    /** Uniform bigint in [lo, hi]. */
    bigint: (lo: bigint, hi: bigint): bigint => lo + (rand.u64() % (hi - lo + 1n)),
  };
  return rand;
}

export type Rand = ReturnType<typeof prng>;

/** A stream for one test: the global seed mixed with a per-test salt. */
export function streamFor(salt: number): { rand: Rand; seed: string } {
  return { rand: prng((SEED ^ Math.imul(salt, 0x9e3779b1)) >>> 0), seed: `LITERAL_SEED=${SEED} (salt ${salt})` };
}

/**
 * Puts the rendered literals into one query, `datatable(x:<type>)[<lit0>, <lit1>, ...]`
 * (a third of the parse time of `print c0 = <lit0>, ...`), parses it once and checks that
 * there is no syntax error and exactly one literal per row whose source text is the
 * rendered literal. Returns the parsed literals, index-aligned with `rendered`.
 */
export function parseBatch(rendered: readonly string[], seed: string, type = "string"): ParsedLiteral[] {
  const query = `datatable(x:${type})[` + rendered.join(", ") + "]";
  const parsed = parseLiteralValues(query);
  expect(parsed.diagnostics, `${seed}: syntax errors`).toEqual([]);
  expect(parsed.length, `${seed}: literal count`).toBe(rendered.length);
  for (let i = 0; i < rendered.length; i++) {
    if (parsed[i]!.text !== rendered[i]) {
      expect(parsed[i]!.text, `${seed}: literal ${i} is not exactly one literal`).toBe(rendered[i]);
    }
  }
  return parsed;
}

/** Splits `xs` into chunks of `size`. */
export function chunks<T>(xs: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += size) out.push(xs.slice(i, i + size));
  return out;
}

/** Escapes a string for a readable assertion message. */
export function show(s: string): string {
  return JSON.stringify(s).replace(/[\u007f-\uffff]/g, (c) => "\\u" + c.charCodeAt(0).toString(16).padStart(4, "0"));
}
