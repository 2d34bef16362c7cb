import { describe, expect, it } from "vitest";
import { KqlValueError } from "../../src/kql/builder/errors.js";
import { lit } from "../../src/kql/builder/literals.js";
import { quoteIdentifier, renderLiteral } from "../../src/kql/render/kql-literals.js";
import { type Rand, chunks, parseBatch, show, streamFor } from "./literals-helpers.js";

// The other literal suites register their describe() blocks in this file, so that the whole
// run pays Kusto.Language's one-time start-up (~2 s: loading, then building the parser on
// the first parse) once instead of once per test file.
import "./literals-roundtrip.suite.js";
import "./literals-identifiers.suite.js";
import "./literals-parse.suite.js";

// ---------------------------------------------------------------------------------------
// String fuzz: every valid JS string must come back from the official parser as exactly
// one string literal with exactly the same value.

const C0 = Array.from({ length: 0x20 }, (_, i) => String.fromCharCode(i));
const C1 = Array.from({ length: 0x21 }, (_, i) => String.fromCharCode(0x7f + i)); // DEL + C1
const ADVERSARIAL: readonly string[] = [
  '"', "'", "\\", "\\\\", '\\"', "\\'", "\n", "\r", "\t", "\r\n", '"|union *', "'; drop", "\"; drop table T; //",
  "\u0000", "\u0000123", "\\0", "\\01", "\\101", "\\x41", "\\u0041", "\\\\u0041", "\\U0001F600", "\\uD83D\\uDE00", "\\u", "\\uZZZZ",
  "\u2028", "\u2029", "\u0085", "\ufeff", "\u200b", "\u200d", "\u200e", "\u200f", "\u202a", "\u202e", "\u2066", "\u2069",
  "😀", "👩‍👩‍👧", "🇺🇸", "\u{10000}", "\u{10ffff}", "\u{1d11e}", "\u{e0001}", "\u{1f3fb}",
  "e\u0301", "\u0301", "\u0300\u0301\u0302", "Z\u0351\u0352\u0353", "ﷺ", "שָׁלוֹם", "مرحبا", "日本語", "한국어",
  "@\"", "@'", "h\"", "H'", "h@\"", "```", "```kql\nx\n```", "~~~", "//", "/*", "*/", "--", "{", "}", "[", "]", "['x']",
  "$left", "${x}", "%s", "{0}", "\ufffd", "\ufffe", "\uffff", "\u00a0", "\u00ad", "é", "ÿ", "\u0100", "ı", "ß", "İ",
  "datetime(2024-01-01)", "dynamic({})", "null", "true", "0x1F", "1e308", "nan", ";", "|", "\u0008\u000b\u000c\u0007",
  ...C0,
  ...C1,
];

function randomCodePoint(rand: Rand): string {
  switch (rand.int(0, 5)) {
    case 0:
    case 1:
      return String.fromCharCode(rand.int(0x20, 0x7e)); // printable ASCII
    case 2:
      return String.fromCharCode(rand.int(0, 0xff)); // Latin-1 incl. controls
    case 3: {
      let c: number;
      do c = rand.int(0, 0xffff);
      while (c >= 0xd800 && c <= 0xdfff);
      return String.fromCharCode(c); // any BMP scalar value
    }
    case 4:
      return String.fromCodePoint(rand.int(0x10000, 0x10ffff)); // astral
    default:
      return rand.pick(ADVERSARIAL);
  }
}

/** Mostly short strings, 1 % up to 2,000 units; `long` gives 20,000-60,000 units. */
function randomString(rand: Rand, long = false): string {
  const r = rand.next();
  const length = long ? rand.int(20_000, 60_000) : r < 0.05 ? 0 : r < 0.99 ? rand.int(1, 24) : rand.int(25, 2000);
  let s = "";
  while (s.length < length) s += randomCodePoint(rand);
  return s;
}

function loneSurrogateString(rand: Rand): string {
  const s = randomString(rand);
  const at = rand.int(0, s.length);
  let lone: string;
  switch (rand.int(0, 3)) {
    case 0:
      lone = String.fromCharCode(rand.int(0xd800, 0xdbff)); // high without low
      break;
    case 1:
      lone = String.fromCharCode(rand.int(0xdc00, 0xdfff)); // low without high
      break;
    case 2:
      lone = "\udc00\ud800"; // a pair in the wrong order
      break;
    default:
      lone = "😀".slice(0, 1) + "x"; // a split emoji
  }
  // Make sure the lone half does not pair up with a neighbour.
  const before = s.slice(0, at).replace(/[\ud800-\udbff]$/, "a");
  const after = s.slice(at).replace(/^[\udc00-\udfff]/, "b");
  return before + lone + after;
}

/** Printable ASCII and printable Latin-1 only: nothing that a transport could mangle. */
const SAFE_TEXT = /^[\u0020-\u007e\u00a0-\u00ff]*$/;

describe("lit.string + renderLiteral: fuzz against the Kusto parser", () => {
  it("10,000+ generated strings each read back as exactly one string literal with the same value", { timeout: 30_000 }, () => {
    const { rand, seed } = streamFor(1);
    // Very long strings are few: the parser's time grows with the text (about 0.4 µs a character).
    const inputs = [...ADVERSARIAL, ...ADVERSARIAL.map((a) => a + a + "x" + a), "", "x".repeat(100_000), '\\"'.repeat(30_000)];
    for (let i = 0; i < 4; i++) inputs.push(randomString(rand, true));
    while (inputs.length < 10_500) inputs.push(randomString(rand));
    const lengths = inputs.map((s) => s.length);
    expect(Math.max(...lengths)).toBeGreaterThanOrEqual(20_000);

    let checked = 0;
    for (const batch of chunks(inputs, 2000)) {
      const rendered = batch.map((s) => renderLiteral(lit.string(s)));
      for (let i = 0; i < batch.length; i++) {
        if (!SAFE_TEXT.test(rendered[i]!)) expect.fail(`${seed}: unescaped character in ${show(rendered[i]!.slice(0, 200))}`);
      }
      const parsed = parseBatch(rendered, seed);
      for (let i = 0; i < batch.length; i++) {
        const p = parsed[i]!;
        if (p.kind !== "string" || p.value !== batch[i]) {
          expect.fail(`${seed}: input ${show(batch[i]!.slice(0, 200))} rendered ${show(rendered[i]!.slice(0, 200))} parsed as ${p.kind} ${show(String(p.value).slice(0, 200))}`);
        }
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(10_000);
  });

  it("single quotes need no escape inside double quotes and still round-trip", () => {
    expect(renderLiteral(lit.string("it's"))).toBe(`"it's"`);
    expect(renderLiteral(lit.string('say "hi"\\'))).toBe(String.raw`"say \"hi\"\\"`);
    expect(parseBatch([renderLiteral(lit.string("it's"))], "fixed")[0]!.value).toBe("it's");
  });

  it("escapes controls, separators and non-Latin-1 as \\uXXXX and astral chars as surrogate pairs", () => {
    expect(renderLiteral(lit.string("a\nb\rc\td"))).toBe(String.raw`"a\nb\rc\td"`);
    expect(renderLiteral(lit.string("\u0000\u0007\u001f\u007f\u0085\u009f"))).toBe(String.raw`"\u0000\u0007\u001F\u007F\u0085\u009F"`);
    expect(renderLiteral(lit.string("\u2028\u2029\ufeff\u202e"))).toBe(String.raw`"\u2028\u2029\uFEFF\u202E"`);
    expect(renderLiteral(lit.string("é\u00a0ÿ\u0100"))).toBe(`"é\u00a0ÿ\\u0100"`);
    expect(renderLiteral(lit.string("😀"))).toBe(String.raw`"\uD83D\uDE00"`);
    // The parser decodes the pair to the astral character (Kusto has no \U escape: `\U0001F600` reads as "U0001F600").
    const [pair, bigU] = parseBatch([String.raw`"\uD83D\uDE00"`, String.raw`"\U0001F600"`], "fixed");
    expect(pair!.value).toBe("😀");
    expect(bigU!.value).toBe("U0001F600");
  });

  it("a typed null string renders as the empty string (Kusto strings are never null)", () => {
    expect(renderLiteral(lit.nullOf("string"))).toBe('""');
  });

  it("rejects 500 strings with a lone surrogate, naming the position and the fix", () => {
    const { rand, seed } = streamFor(2);
    for (let n = 0; n < 500; n++) {
      const s = loneSurrogateString(rand);
      let error: unknown;
      try {
        lit.string(s);
      } catch (e) {
        error = e;
      }
      if (!(error instanceof KqlValueError)) expect.fail(`${seed}: accepted ${show(s.slice(0, 100))}`);
      expect(error.message).toMatch(/^string literal ".*: contains a lone surrogate U\+D[89A-F][0-9A-F]{2} at index \d+ .* — remove it or replace it with U\+FFFD/s);
      // The renderer re-checks nodes that were not built by lit.string().
      expect(() => renderLiteral({ kind: "literal", type: "string", value: s })).toThrow(KqlValueError);
    }
  });
});

// ---------------------------------------------------------------------------------------
// Negative tests: every rejection is a KqlValueError with the rule and the fix.

function errorOf(f: () => unknown): KqlValueError {
  try {
    f();
  } catch (e) {
    if (e instanceof KqlValueError) return e;
    throw e;
  }
  throw new Error("expected a KqlValueError, nothing was thrown");
}

describe("lit.*: invalid values are KqlValueErrors that name the rule and the fix", () => {
  it("int out of range points to long", () => {
    const e = errorOf(() => lit.int(2 ** 31));
    expect(e.message).toBe(
      "int literal 2147483648: an int must be an integer in [-2147483648, 2147483647] — use lit.long() for larger values",
    );
    expect(e).toMatchObject({ type: "int", input: "2147483648", name: "KqlValueError" });
    expect(errorOf(() => lit.int(-(2 ** 31) - 1)).rule).toContain("[-2147483648, 2147483647]");
    expect(lit.int(2 ** 31 - 1).value).toBe(2147483647);
    expect(lit.int(-(2 ** 31)).value).toBe(-2147483648);
  });

  it("int and long reject NaN, infinities and fractions", () => {
    expect(errorOf(() => lit.int(Number.NaN)).message).toBe("int literal NaN: an int must be a finite integer — use lit.real() for NaN or infinities");
    expect(errorOf(() => lit.int(Infinity)).input).toBe("Infinity");
    expect(errorOf(() => lit.int(1.5)).fix).toContain("round it first");
    expect(errorOf(() => lit.long(Number.NaN)).rule).toContain("finite integer");
    expect(errorOf(() => lit.long(-Infinity)).rule).toContain("finite integer");
    expect(errorOf(() => lit.long(0.5)).rule).toContain("finite integer");
  });

  it("long beyond ±2^63 is an error, never wrapped", () => {
    expect(errorOf(() => lit.long(2n ** 63n)).message).toMatch(/^long literal 9223372036854775808n: a long must be in \[-9223372036854775808, 9223372036854775807\]/);
    expect(errorOf(() => lit.long(-(2n ** 63n) - 1n)).rule).toContain("a long must be in");
    expect(lit.long(2n ** 63n - 1n).value).toBe(9223372036854775807n);
    expect(lit.long(-(2n ** 63n)).value).toBe(-9223372036854775808n);
  });

  it("a long given as a number beyond 2^53 asks for a bigint", () => {
    const e = errorOf(() => lit.long(2 ** 53 + 2));
    expect(e.message).toMatch(/^long literal 9007199254740994: is beyond ±\(2\^53-1\), where a JS number has already lost integer precision — pass the exact value as a bigint/);
    expect(errorOf(() => lit.long(-(2 ** 53))).fix).toContain("bigint");
    expect(lit.long(2 ** 53 - 1).value).toBe(9007199254740991n);
  });

  it("wrong JS types are rejected", () => {
    expect(errorOf(() => lit.int("5" as unknown as number)).rule).toBe("expected a number, got string");
    expect(errorOf(() => lit.string(5 as unknown as string)).rule).toBe("expected a string, got number");
    expect(errorOf(() => lit.bool(1 as unknown as boolean)).rule).toBe("expected a boolean, got number");
    expect(errorOf(() => lit.real(1n as unknown as number)).rule).toBe("expected a number, got bigint");
    expect(errorOf(() => lit.nullOf("decimal" as never)).rule).toContain("not a Kusto scalar type");
  });

  it("datetime: invalid Date, missing timezone, bad fields, too many digits, out of range", () => {
    expect(errorOf(() => lit.datetime(new Date("nope"))).message).toMatch(/^datetime literal Date\(Invalid Date\): is an invalid Date — /);
    const noZone = errorOf(() => lit.datetime("2024-05-01T13:45:00"));
    expect(noZone.message).toBe(
      'datetime literal "2024-05-01T13:45:00": has no timezone, so the instant is ambiguous (Kusto would read it as UTC, JavaScript as local time) — append Z for UTC (2024-05-01T13:45:00Z) or an offset such as +02:00',
    );
    expect(errorOf(() => lit.datetime("2024-05-01")).fix).toBe("write the instant, e.g. 2024-05-01T00:00:00Z");
    expect(errorOf(() => lit.datetime("10000-01-01T00:00:00Z")).rule).toContain("not an ISO-8601 date-time");
    expect(errorOf(() => lit.datetime("9999-12-31T23:59:59.9999999-00:01")).rule).toContain("outside Kusto's datetime range");
    expect(errorOf(() => lit.datetime("0001-01-01T00:00:00+00:01")).rule).toContain("outside Kusto's datetime range");
    expect(errorOf(() => lit.datetime("0000-06-01T00:00:00Z")).rule).toContain("year 0000");
    expect(errorOf(() => lit.datetime(new Date(Date.UTC(10000, 0, 1)))).rule).toContain("outside Kusto's datetime range");
    expect(errorOf(() => lit.datetime(new Date(-62135596800001))).rule).toContain("outside Kusto's datetime range");
    expect(errorOf(() => lit.datetime("2023-02-29T00:00:00Z")).rule).toBe("day 29 does not exist in 2023-02");
    expect(errorOf(() => lit.datetime("2024-13-01T00:00:00Z")).rule).toBe("month 13 does not exist");
    expect(errorOf(() => lit.datetime("2024-01-01T24:00:00Z")).rule).toContain("no hour 24");
    expect(errorOf(() => lit.datetime("2024-01-01T23:59:60Z")).rule).toContain("no leap second");
    expect(errorOf(() => lit.datetime("2024-01-01T00:00:00.12345678Z")).rule).toContain("8 fractional digits");
    expect(errorOf(() => lit.datetime("2024-01-01T00:00:00+24:00")).rule).toContain("offset");
    expect(errorOf(() => lit.datetime("yesterday")).rule).toContain("not an ISO-8601");
    expect(lit.datetime("2024-02-29T00:00:00Z").value).toBe(17091648000000000n);
    expect(lit.datetime("9999-12-31T23:59:59.9999999Z").value).toBe(2534023007999999999n);
    expect(lit.datetime("0001-01-01T00:00:00Z").value).toBe(-621355968000000000n);
  });

  it("timespan: garbage, ambiguity, sub-tick values and overflow", () => {
    expect(errorOf(() => lit.timespan("soon")).message).toMatch(/^timespan literal "soon": is not a timespan — write \[-\]\[d\.\]hh:mm:ss/);
    expect(errorOf(() => lit.timespan("01:30")).rule).toContain("hh:mm is ambiguous");
    expect(errorOf(() => lit.timespan("5 fortnights")).rule).toBe("unknown unit 'fortnights'");
    expect(errorOf(() => lit.timespan("00:60:00")).rule).toContain("minutes and seconds 0..59");
    expect(errorOf(() => lit.timespan("24:00:00")).rule).toContain("hours must be 0..23");
    expect(errorOf(() => lit.timespan("0.00:00:00.12345678")).rule).toContain("8 fractional digits");
    expect(errorOf(() => lit.timespan("1.5tick")).rule).toContain("whole number of 100 ns ticks");
    expect(errorOf(() => lit.timespan("150nanoseconds")).rule).toContain("whole number of 100 ns ticks");
    expect(errorOf(() => lit.timespan(0.00001)).rule).toContain("whole number of 100 ns ticks");
    expect(errorOf(() => lit.timespan(Number.NaN)).rule).toContain("finite");
    expect(errorOf(() => lit.timespan("10675199.02:48:05.4775808")).rule).toContain("outside the timespan range");
    expect(errorOf(() => lit.timespan("10675200d")).rule).toContain("outside the timespan range");
    expect(errorOf(() => lit.timespan({ minute: 5 } as never)).message).toBe(
      `timespan literal {"minute":5}: unknown component 'minute' — use only days, hours, minutes, seconds, milliseconds, ticks`,
    );
    expect(errorOf(() => lit.timespan({})).rule).toContain("names no component");
    expect(errorOf(() => lit.timespan({ ticks: 2 ** 60 })).fix).toContain("bigint");
    expect(errorOf(() => lit.timespan({ seconds: 1e-8 })).rule).toContain("whole number");
    expect(errorOf(() => lit.timespan(null as never)).rule).toContain("expected a string");
  });

  it("timespan: the accepted forms", () => {
    const t = (x: Parameters<typeof lit.timespan>[0]) => lit.timespan(x).value;
    expect(t("90s")).toBe(900_000_000n);
    expect(t("15m")).toBe(9_000_000_000n);
    expect(t("1h")).toBe(36_000_000_000n);
    expect(t("1.5h")).toBe(54_000_000_000n);
    expect(t("7d")).toBe(6_048_000_000_000n);
    expect(t("100ms")).toBe(1_000_000n);
    expect(t("-90s")).toBe(-900_000_000n);
    expect(t("15 minutes")).toBe(9_000_000_000n);
    expect(t("10microseconds")).toBe(100n);
    expect(t("200nanoseconds")).toBe(2n);
    expect(t("25ticks")).toBe(25n);
    expect(t("1.02:03:04.5")).toBe(937_845_000_000n);
    expect(t("-00:00:00.0000001")).toBe(-1n);
    expect(t(1.5)).toBe(15_000n);
    expect(t(-0.0001)).toBe(-1n);
    expect(t({ hours: 1, minutes: 30 })).toBe(54_000_000_000n);
    expect(t({ days: -1, hours: 23 })).toBe(-36_000_000_000n);
    expect(t({ ticks: 2n ** 62n })).toBe(2n ** 62n);
    expect(t({ seconds: 0.1, milliseconds: 0.2 })).toBe(1_002_000n);
  });

  it("guid: 8-4-4-4-12 hex only, stored lower-case", () => {
    expect(lit.guid("0F8FAD5B-D9CB-469F-A165-70867728950E").value).toBe("0f8fad5b-d9cb-469f-a165-70867728950e");
    for (const bad of ["{0f8fad5b-d9cb-469f-a165-70867728950e}", "0f8fad5bd9cb469fa16570867728950e", "0f8fad5b-d9cb-469f-a165-70867728950", "0f8fad5b-d9cb-469f-a165-70867728950g", ""]) {
      expect(errorOf(() => lit.guid(bad)).rule).toBe("is not 8-4-4-4-12 hexadecimal digits");
    }
  });

  it("dynamic: functions, undefined, cycles, bigints, NaN, holes, class instances, lone surrogates", () => {
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = { back: cyclic };
    const cases: [unknown, RegExp][] = [
      [{ f: () => 1 }, /value\.f is a function/],
      [{ u: undefined }, /value\.u is undefined/],
      [undefined, /value is undefined/],
      [cyclic, /value\.self\.back refers back to itself \(a cycle\)/],
      [{ n: 1n }, /value\.n is a bigint/],
      [[1, Number.NaN], /value\[1\] is NaN/],
      [{ "a b": [Infinity] }, /value\["a b"\]\[0\] is Infinity/],
      [[1, , 3], /has a hole at index 1/],
      [{ d: new Date(0) }, /value\.d is a Date, not plain data — use lit\.datetime\(\)/],
      [new Map(), /value is a Map/],
      [{ s: Symbol("x") }, /value\.s is a symbol/],
      [{ ["\ud800"]: 1 }, /lone surrogate U\+D800/],
      [["ok", "\udfff"], /lone surrogate U\+DFFF/],
    ];
    expect(errorOf(() => lit.dynamic({ a: [1n, undefined, "é"] })).input).toBe('{"a":["1n","undefined","\\u00E9"]}');
    expect(errorOf(() => lit.dynamic(cyclic)).input).toBe("{…}");
    for (const [value, message] of cases) {
      const e = errorOf(() => lit.dynamic(value));
      expect(e.type).toBe("dynamic");
      expect(e.message).toMatch(message);
    }
    // Shared (non-cyclic) references are fine.
    const shared = { x: 1 };
    expect(lit.dynamic([shared, shared]).value).toEqual([{ x: 1 }, { x: 1 }]);
  });

  it("dynamic keeps a frozen copy", () => {
    const input = { a: [1, { b: "c" }] };
    const node = lit.dynamic(input);
    input.a.push(2);
    expect(node.value).toEqual({ a: [1, { b: "c" }] });
    expect(Object.isFrozen(node)).toBe(true);
    expect(Object.isFrozen((node.value as { a: unknown[] }).a)).toBe(true);
  });

  it("every constructor returns a frozen node", () => {
    for (const n of [lit.string("x"), lit.int(1), lit.long(1), lit.real(1), lit.bool(true), lit.datetime(new Date(0)), lit.timespan("1s"), lit.guid("00000000-0000-0000-0000-000000000000"), lit.dynamic(null), lit.nullOf("int")]) {
      expect(Object.isFrozen(n)).toBe(true);
      expect(n.kind).toBe("literal");
    }
  });

  it("identifiers: empty names and lone surrogates are errors", () => {
    expect(errorOf(() => quoteIdentifier("")).message).toBe('identifier literal "": a name cannot be empty — give the column a name');
    expect(errorOf(() => quoteIdentifier("a\ud800b")).message).toMatch(/^identifier literal "a\\uD800b": contains a lone surrogate U\+D800 at index 1/);
  });

  it("the renderer re-checks hand-built nodes", () => {
    expect(() => renderLiteral({ kind: "literal", type: "int", value: 2 ** 31 })).toThrow(KqlValueError);
    expect(() => renderLiteral({ kind: "literal", type: "long", value: 2n ** 63n })).toThrow(KqlValueError);
    expect(() => renderLiteral({ kind: "literal", type: "datetime", value: 2534023008000000000n })).toThrow(KqlValueError);
    expect(() => renderLiteral({ kind: "literal", type: "guid", value: "X" })).toThrow(KqlValueError);
  });
});
