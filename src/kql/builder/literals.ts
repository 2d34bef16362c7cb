import type { KqlType } from "../../schema/index.js";
import type { JsonValue, LiteralNode } from "../ast/literal.js";
import { KqlValueError } from "./errors.js";

/*
 * Validated literal constructors. Every function either returns a frozen LiteralNode
 * holding the value in backend-neutral form (bigint for 64-bit integers and ticks) or
 * throws a KqlValueError that names the rule and the fix. Nothing is ever clamped,
 * wrapped or rounded: a value that Kusto cannot hold exactly is an error.
 */

/** Smallest and largest Kusto `int` (32-bit). */
export const INT_MIN = -(2 ** 31);
export const INT_MAX = 2 ** 31 - 1;
/** Smallest and largest Kusto `long` (64-bit); also the range of timespan ticks. */
export const LONG_MIN = -(2n ** 63n);
export const LONG_MAX = 2n ** 63n - 1n;

/** 100-ns ticks per unit. */
export const TICKS_PER_MILLISECOND = 10_000n;
export const TICKS_PER_SECOND = 10_000_000n;
export const TICKS_PER_DAY = 864_000_000_000n;

/** 0001-01-01T00:00:00Z and 9999-12-31T23:59:59.9999999Z in ticks since the Unix epoch. */
export const DATETIME_MIN_TICKS = -621_355_968_000_000_000n;
export const DATETIME_MAX_TICKS = 2_534_023_007_999_999_999n;

type Node<T extends LiteralNode["type"]> = Extract<LiteralNode, { type: T }>;

function node<T extends LiteralNode["type"]>(type: T, value: Node<T>["value"]): Node<T> {
  return Object.freeze({ kind: "literal", type, value }) as Node<T>;
}

function fail(type: string, value: unknown, rule: string, fix: string): never {
  throw new KqlValueError(type, value, rule, fix);
}

/**
 * Index of the first lone (unpaired) UTF-16 surrogate in `s`, or -1. A lone surrogate has
 * no UTF-8 encoding, so Kusto text cannot carry it.
 */
export function findLoneSurrogate(s: string): number {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xd800 || c > 0xdfff) continue;
    if (c <= 0xdbff) {
      const next = s.charCodeAt(i + 1); // NaN past the end
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
    }
    return i;
  }
  return -1;
}

/** Throws unless `s` is well-formed UTF-16. `type` names the literal in the error. */
export function assertWellFormed(type: string, s: string, whole: unknown = s): void {
  const at = findLoneSurrogate(s);
  if (at >= 0) {
    const unit = s.charCodeAt(at).toString(16).toUpperCase();
    fail(
      type,
      whole,
      `contains a lone surrogate U+${unit} at index ${at} (half of a UTF-16 pair), which has no UTF-8 encoding and cannot appear in Kusto text`,
      "remove it or replace it with U+FFFD, e.g. with s.toWellFormed()",
    );
  }
}

// ---------------------------------------------------------------------------------------
// Calendar arithmetic (proleptic Gregorian, as .NET DateTime), after H. Hinnant's
// days_from_civil / civil_from_days. Exact for every year Kusto supports.

/** Days from 1970-01-01 to the given civil date. */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The civil date `days` days after 1970-01-01. */
export function civilFromDays(days: number): { year: number; month: number; day: number } {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

// ---------------------------------------------------------------------------------------
// Exact decimals: a decimal text or a JS number as mantissa × 10^exponent, so that
// `1.5h`, `0.1` ms or `{ seconds: 0.1234567 }` become ticks without binary rounding.

interface Decimal {
  readonly mantissa: bigint;
  readonly exponent: number;
}

const DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

function parseDecimal(text: string): Decimal | undefined {
  const m = DECIMAL.exec(text);
  if (!m) return undefined;
  const [, sign, int = "", frac = "", exp = "0"] = m;
  if (int === "" && frac === "") return undefined;
  const mantissa = BigInt(int + frac || "0");
  return { mantissa: sign === "-" ? -mantissa : mantissa, exponent: Number(exp) - frac.length };
}

/** The exact decimal value of a finite JS number (its shortest round-trip form). */
function decimalOfNumber(n: number): Decimal {
  return parseDecimal(String(n))!;
}

/** `d × unit` as an exact fraction `numerator / 10^scale`. */
function scaled(d: Decimal, unit: bigint): { numerator: bigint; scale: number } {
  return d.exponent >= 0
    ? { numerator: d.mantissa * unit * 10n ** BigInt(d.exponent), scale: 0 }
    : { numerator: d.mantissa * unit, scale: -d.exponent };
}

/** The sum of `parts` if it is a whole number, else undefined. */
function wholeSum(parts: readonly { numerator: bigint; scale: number }[]): bigint | undefined {
  const scale = Math.max(0, ...parts.map((p) => p.scale));
  let sum = 0n;
  for (const p of parts) sum += p.numerator * 10n ** BigInt(scale - p.scale);
  const den = 10n ** BigInt(scale);
  return sum % den === 0n ? sum / den : undefined;
}

// ---------------------------------------------------------------------------------------
// datetime

const ISO_DATETIME =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?([Zz]|[+-]\d{2}:\d{2})?$/;

const DATETIME_FIX = "write an ISO-8601 date-time with a timezone, e.g. 2024-05-01T13:45:00.1234567Z or 2024-05-01T15:45:00+02:00";

function datetimeFromString(s: string): bigint {
  const m = ISO_DATETIME.exec(s);
  if (!m) {
    if (/^\d{4}-\d{2}-\d{2}$/.test(s)) {
      fail("datetime", s, "a date without a time and timezone is ambiguous", `write the instant, e.g. ${s}T00:00:00Z`);
    }
    fail("datetime", s, "is not an ISO-8601 date-time (YYYY-MM-DDThh:mm[:ss[.fffffff]] plus Z or ±hh:mm)", DATETIME_FIX);
  }
  const [, ys, mos, ds, hs, mis, ss = "0", frac = "", offset] = m as unknown as string[];
  if (offset === undefined) {
    fail(
      "datetime",
      s,
      "has no timezone, so the instant is ambiguous (Kusto would read it as UTC, JavaScript as local time)",
      `append Z for UTC (${s}Z) or an offset such as +02:00`,
    );
  }
  if (frac.length > 7) {
    fail(
      "datetime",
      s,
      `has ${frac.length} fractional digits; Kusto datetimes have 100 ns resolution (7 digits), so the value would be rounded`,
      "round or truncate the fraction to at most 7 digits",
    );
  }
  const [year, month, day, hour, minute, second] = [ys, mos, ds, hs, mis, ss].map(Number) as [number, number, number, number, number, number];
  if (year < 1) fail("datetime", s, "year 0000 is before Kusto's datetime range 0001-01-01..9999-12-31", "use a date from year 0001 on");
  if (month < 1 || month > 12) fail("datetime", s, `month ${mos} does not exist`, DATETIME_FIX);
  if (day < 1 || day > daysInMonth(year, month)) fail("datetime", s, `day ${ds} does not exist in ${ys}-${mos}`, DATETIME_FIX);
  if (hour > 23 || minute > 59 || second > 59) {
    fail("datetime", s, "the time of day must be 00:00:00..23:59:59 (no hour 24, no leap second)", DATETIME_FIX);
  }
  let offsetMinutes = 0;
  if (offset !== "Z" && offset !== "z") {
    const oh = Number(offset.slice(1, 3));
    const om = Number(offset.slice(4, 6));
    if (oh > 23 || om > 59) fail("datetime", s, `the offset ${offset} is not a valid ±hh:mm offset`, DATETIME_FIX);
    offsetMinutes = (offset.startsWith("-") ? -1 : 1) * (oh * 60 + om);
  }
  const seconds = daysFromCivil(year, month, day) * 86400 + hour * 3600 + minute * 60 + second - offsetMinutes * 60;
  return checkDatetimeRange(BigInt(seconds) * TICKS_PER_SECOND + BigInt(frac.padEnd(7, "0")), s);
}

function checkDatetimeRange(ticks: bigint, input: unknown): bigint {
  if (ticks < DATETIME_MIN_TICKS || ticks > DATETIME_MAX_TICKS) {
    fail(
      "datetime",
      input,
      "is outside Kusto's datetime range 0001-01-01T00:00:00Z..9999-12-31T23:59:59.9999999Z (in UTC)",
      "use an instant within that range",
    );
  }
  return ticks;
}

// ---------------------------------------------------------------------------------------
// timespan

/** Ticks per unit for the shorthand `<number><unit>`; the unit names are Kusto's own. */
const TIMESPAN_UNITS: Readonly<Record<string, bigint>> = (() => {
  const units: Record<string, bigint> = {};
  const add = (ticks: bigint, ...names: string[]) => names.forEach((n) => (units[n] = ticks));
  add(TICKS_PER_DAY, "d", "day", "days");
  add(36_000_000_000n, "h", "hr", "hrs", "hour", "hours");
  add(600_000_000n, "m", "min", "minute", "minutes");
  add(TICKS_PER_SECOND, "s", "sec", "second", "seconds");
  add(TICKS_PER_MILLISECOND, "ms", "milli", "millis", "millisec", "millisecond", "milliseconds");
  add(10n, "micro", "micros", "microsec", "microsecond", "microseconds");
  add(1n, "tick", "ticks");
  return units;
})();
const NANO_UNITS = new Set(["nano", "nanos", "nanosec", "nanosecond", "nanoseconds"]);

const TIMESPAN_FIX =
  "write [-][d.]hh:mm:ss[.fffffff] (e.g. 1.02:03:04.5), or a number and a unit (90s, 15m, 1.5h, 7d, 100ms, 10microseconds, 25ticks), or pass milliseconds as a number";

const CLOCK = /^([+-]?)(?:(\d+)\.)?(\d{1,2}):(\d{1,2}):(\d{1,2})(?:\.(\d+))?$/;
const SHORTHAND = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+))\s*([a-z]+)$/;

function timespanFromString(input: string): bigint {
  const s = input.trim();
  const clock = CLOCK.exec(s);
  if (clock) {
    const [, sign, days = "0", hs, ms, ss, frac = ""] = clock as unknown as string[];
    const [h, m, sec] = [hs, ms, ss].map(Number) as [number, number, number];
    if (h > 23 || m > 59 || sec > 59) {
      fail("timespan", input, "hours must be 0..23 and minutes and seconds 0..59 (put whole days before a dot: 1.02:00:00)", TIMESPAN_FIX);
    }
    if (frac.length > 7) {
      fail("timespan", input, `has ${frac.length} fractional digits; timespans have 100 ns resolution (7 digits)`, "use at most 7 fractional digits");
    }
    const ticks =
      BigInt(days) * TICKS_PER_DAY + BigInt(h * 3600 + m * 60 + sec) * TICKS_PER_SECOND + BigInt(frac.padEnd(7, "0"));
    return checkTimespanRange(sign === "-" ? -ticks : ticks, input);
  }
  if (/^[+-]?\d+:\d+$/.test(s)) {
    fail("timespan", input, "hh:mm is ambiguous (hours:minutes in .NET, often meant as minutes:seconds)", "write hh:mm:ss, e.g. 00:01:30");
  }
  const short = SHORTHAND.exec(s);
  if (short) {
    const [, numberText, unitName] = short as unknown as [string, string, string];
    const unit = TIMESPAN_UNITS[unitName];
    const amount = parseDecimal(numberText)!;
    if (unit === undefined && NANO_UNITS.has(unitName)) {
      const nanos = scaled(amount, 1n);
      const ticks = wholeSum([{ numerator: nanos.numerator, scale: nanos.scale + 2 }]); // 100 ns a tick
      if (ticks === undefined) {
        fail("timespan", input, "is not a whole number of 100 ns ticks", "use a multiple of 100 nanoseconds");
      }
      return checkTimespanRange(ticks, input);
    }
    if (unit === undefined) {
      fail("timespan", input, `unknown unit '${unitName}'`, `use one of ${Object.keys(TIMESPAN_UNITS).join(", ")}, nanoseconds`);
    }
    const ticks = wholeSum([scaled(amount, unit)]);
    if (ticks === undefined) {
      fail("timespan", input, "is not a whole number of 100 ns ticks (Kusto's timespan resolution)", "use fewer fractional digits");
    }
    return checkTimespanRange(ticks, input);
  }
  return fail("timespan", input, "is not a timespan", TIMESPAN_FIX);
}

/** Components of the object form of {@link lit.timespan}; they are added up exactly. */
export interface TimespanParts {
  readonly days?: number;
  readonly hours?: number;
  readonly minutes?: number;
  readonly seconds?: number;
  readonly milliseconds?: number;
  readonly ticks?: number | bigint;
}

const PART_TICKS: Readonly<Record<keyof TimespanParts, bigint>> = {
  days: TICKS_PER_DAY,
  hours: 36_000_000_000n,
  minutes: 600_000_000n,
  seconds: TICKS_PER_SECOND,
  milliseconds: TICKS_PER_MILLISECOND,
  ticks: 1n,
};

function timespanFromParts(parts: TimespanParts): bigint {
  const keys = Object.keys(parts);
  const names = Object.keys(PART_TICKS).join(", ");
  if (keys.length === 0) fail("timespan", parts, "the object names no component", `give at least one of ${names}`);
  const terms: { numerator: bigint; scale: number }[] = [];
  for (const key of keys) {
    const unit = PART_TICKS[key as keyof TimespanParts];
    if (unit === undefined) fail("timespan", parts, `unknown component '${key}'`, `use only ${names}`);
    const v: unknown = parts[key as keyof TimespanParts];
    if (key === "ticks" && typeof v === "bigint") {
      terms.push({ numerator: v, scale: 0 });
      continue;
    }
    if (typeof v !== "number" || !Number.isFinite(v)) {
      fail("timespan", v, `component '${key}' must be a finite number`, "pass a number (or a bigint for ticks)");
    }
    if (key === "ticks" && !Number.isSafeInteger(v)) {
      fail("timespan", v, "ticks must be a whole number within ±(2^53-1)", "pass ticks as a bigint");
    }
    terms.push(scaled(decimalOfNumber(v), unit));
  }
  const ticks = wholeSum(terms);
  if (ticks === undefined) fail("timespan", parts, "the components do not add up to a whole number of 100 ns ticks", "round the smallest component");
  return checkTimespanRange(ticks, parts);
}

function checkTimespanRange(ticks: bigint, input: unknown): bigint {
  if (ticks < LONG_MIN || ticks > LONG_MAX) {
    fail(
      "timespan",
      input,
      "is outside the timespan range ±10675199.02:48:05.4775807 (64-bit ticks)",
      "use a shorter duration",
    );
  }
  return ticks;
}

// ---------------------------------------------------------------------------------------
// dynamic

function checkJson(value: unknown, path: string, seen: Set<object>, root: unknown): JsonValue {
  const bad = (rule: string, fix: string): never => fail("dynamic", root, `${path} ${rule}`, fix);
  switch (typeof value) {
    case "string":
      assertWellFormed("dynamic", value, root);
      return value;
    case "boolean":
      return value;
    case "number":
      if (!Number.isFinite(value)) return bad(`is ${value}, which JSON cannot hold`, "use null, or a lit.real() column outside the dynamic value");
      return value;
    case "bigint":
      return bad("is a bigint, which JSON cannot hold", "convert it to a number (if within ±2^53) or a string");
    case "undefined":
      return bad("is undefined, which JSON cannot hold", "use null or leave the property out");
    case "function":
    case "symbol":
      return bad(`is a ${typeof value}, which JSON cannot hold`, "pass plain data only");
  }
  if (value === null) return null;
  const obj = value as object;
  if (seen.has(obj)) return bad("refers back to itself (a cycle)", "pass a tree, not a graph");
  if (Array.isArray(obj)) {
    seen.add(obj);
    const out: JsonValue[] = [];
    for (let i = 0; i < obj.length; i++) {
      if (!(i in obj)) bad(`has a hole at index ${i}`, "fill the array densely");
      out.push(checkJson(obj[i], `${path}[${i}]`, seen, root));
    }
    seen.delete(obj);
    return Object.freeze(out);
  }
  const proto: unknown = Object.getPrototypeOf(obj);
  if (proto !== Object.prototype && proto !== null) {
    const name = (obj as { constructor?: { name?: string } }).constructor?.name ?? "object";
    return bad(
      `is a ${name}, not plain data`,
      name === "Date" ? "use lit.datetime(), or put d.toISOString() in the dynamic value" : "convert it to a plain object, array or scalar",
    );
  }
  seen.add(obj);
  const out: Record<string, JsonValue> = {};
  for (const key of Object.keys(obj)) {
    assertWellFormed("dynamic", key, root);
    Object.defineProperty(out, key, {
      value: checkJson((obj as Record<string, unknown>)[key], `${path}${/^[A-Za-z_$][\w$]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`}`, seen, root),
      enumerable: true,
    });
  }
  seen.delete(obj);
  return Object.freeze(out);
}

// ---------------------------------------------------------------------------------------

function checkType(type: string, value: unknown, expected: string, fix: string): void {
  if (typeof value !== expected) fail(type, value, `expected a ${expected}, got ${value === null ? "null" : typeof value}`, fix);
}

/**
 * Validated literal constructors. Each returns a frozen {@link LiteralNode} or throws a
 * {@link KqlValueError}; none of them clamps, wraps or rounds.
 *
 * @example
 * ```ts
 * lit.string('say "hi"');              // renders "say \"hi\""
 * lit.long(2n ** 62n);                 // long(4611686018427387904)
 * lit.datetime("2024-05-01T13:45:00.1234567+02:00");
 * lit.timespan("1.5h");                // 54,000,000,000 ticks
 * lit.nullOf("int");                   // int(null)
 * ```
 */
export const lit = Object.freeze({
  /** Any JS string; a lone surrogate (half of a UTF-16 pair) is an error. */
  string(s: string): Node<"string"> {
    checkType("string", s, "string", "pass a string");
    assertWellFormed("string", s);
    return node("string", s);
  },

  /** A 32-bit integer in [-2^31, 2^31-1]. */
  int(n: number): Node<"int"> {
    checkType("int", n, "number", "pass a number");
    if (!Number.isInteger(n)) {
      fail("int", n, "an int must be a finite integer", Number.isFinite(n) ? "round it first, or use lit.real()" : "use lit.real() for NaN or infinities");
    }
    if (n < INT_MIN || n > INT_MAX) {
      fail("int", n, `an int must be an integer in [${INT_MIN}, ${INT_MAX}]`, "use lit.long() for larger values");
    }
    return node("int", Object.is(n, -0) ? 0 : n);
  },

  /** A 64-bit integer in [-2^63, 2^63-1]; numbers beyond ±(2^53-1) must come as a bigint. */
  long(n: number | bigint): Node<"long"> {
    if (typeof n === "bigint") {
      if (n < LONG_MIN || n > LONG_MAX) {
        fail("long", n, `a long must be in [${LONG_MIN}, ${LONG_MAX}]`, "Kusto has no wider integer: use lit.real() (inexact) or lit.string()");
      }
      return node("long", n);
    }
    checkType("long", n, "number", "pass a number or a bigint");
    if (!Number.isInteger(n)) {
      fail("long", n, "a long must be a finite integer", Number.isFinite(n) ? "round it first, or use lit.real()" : "use lit.real() for NaN or infinities");
    }
    if (!Number.isSafeInteger(n)) {
      fail(
        "long",
        n,
        "is beyond ±(2^53-1), where a JS number has already lost integer precision",
        "pass the exact value as a bigint, e.g. lit.long(9007199254740993n) or lit.long(BigInt(text))",
      );
    }
    return node("long", BigInt(n));
  },

  /** Any double, including NaN, ±Infinity and -0. */
  real(n: number): Node<"real"> {
    checkType("real", n, "number", "pass a number");
    return node("real", n);
  },

  bool(b: boolean): Node<"bool"> {
    checkType("bool", b, "boolean", "pass true or false");
    return node("bool", b);
  },

  /**
   * A valid Date, or an ISO-8601 string with `Z` or a `±hh:mm` offset and up to 7
   * fractional digits (kept exactly, 100 ns). Years 0001..9999 (in UTC).
   */
  datetime(d: Date | string): Node<"datetime"> {
    if (d instanceof Date) {
      const ms = d.getTime();
      if (Number.isNaN(ms)) fail("datetime", d, "is an invalid Date", "check how the Date was built (new Date(text) gives Invalid Date for unparsable text)");
      return node("datetime", checkDatetimeRange(BigInt(ms) * TICKS_PER_MILLISECOND, d));
    }
    checkType("datetime", d, "string", "pass a Date or an ISO-8601 string");
    return node("datetime", datetimeFromString(d));
  },

  /**
   * A duration:
   * - a string `[-][d.]hh:mm:ss[.fffffff]` (.NET/Kusto form; hh 0-23), or `<number><unit>`
   *   with Kusto's units — `d`, `h`/`hr`/`hrs`/`hour(s)`, `m`/`min`/`minute(s)`,
   *   `s`/`sec`/`second(s)`, `ms`/`milli(s)`/`millisec`/`millisecond(s)`,
   *   `micro(s)`/`microsec`/`microsecond(s)`, `nano(s)`/`nanosec`/`nanosecond(s)`,
   *   `tick(s)` — and a decimal number (`1.5h`, `-90s`). `hh:mm` alone is rejected as
   *   ambiguous. The value must be a whole number of 100 ns ticks; nothing is rounded.
   * - a number: milliseconds (`1.5` is 15,000 ticks; `0.00001` is an error).
   * - an object `{ days, hours, minutes, seconds, milliseconds, ticks }`, added exactly.
   */
  timespan(t: string | number | TimespanParts): Node<"timespan"> {
    if (typeof t === "string") return node("timespan", timespanFromString(t));
    if (typeof t === "number") {
      if (!Number.isFinite(t)) fail("timespan", t, "milliseconds must be a finite number", "pass a finite number of milliseconds");
      const ticks = wholeSum([scaled(decimalOfNumber(t), TICKS_PER_MILLISECOND)]);
      if (ticks === undefined) fail("timespan", t, "is not a whole number of 100 ns ticks (0.0001 ms)", "round to 4 decimal places of a millisecond");
      return node("timespan", checkTimespanRange(ticks, t));
    }
    if (typeof t === "object" && t !== null && !Array.isArray(t)) return node("timespan", timespanFromParts(t));
    return fail("timespan", t, "expected a string, a number of milliseconds or a { days, hours, ... } object", TIMESPAN_FIX);
  },

  /** `xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx` in hex, any case; stored lower-case. */
  guid(s: string): Node<"guid"> {
    checkType("guid", s, "string", "pass the guid as a string");
    if (!/^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/.test(s)) {
      fail("guid", s, "is not 8-4-4-4-12 hexadecimal digits", "write it as 0f8fad5b-d9cb-469f-a165-70867728950e (no braces, no spaces)");
    }
    return node("guid", s.toLowerCase());
  },

  /**
   * A JSON value: null, booleans, finite numbers, well-formed strings, dense arrays and
   * plain objects. Functions, undefined, symbols, bigints, NaN/±Infinity, Dates and other
   * class instances, array holes and cycles are errors. The node holds a frozen copy.
   */
  dynamic(json: unknown): Node<"dynamic"> {
    return node("dynamic", checkJson(json, "value", new Set(), json));
  },

  /**
   * A typed null. Kusto strings are never null (a missing string is `""`), so
   * `nullOf("string")` renders as `""`; the other types render as `int(null)`,
   * `datetime(null)`, `time(null)`, `dynamic(null)`, ...
   */
  nullOf(type: KqlType): LiteralNode {
    switch (type) {
      case "string":
      case "int":
      case "long":
      case "real":
      case "bool":
      case "datetime":
      case "timespan":
      case "guid":
      case "dynamic":
        return node(type, null);
    }
    return fail("null", type, "is not a Kusto scalar type", "use string, int, long, real, bool, datetime, timespan, guid or dynamic");
  },
});
