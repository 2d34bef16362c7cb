import type { JsonValue, LiteralNode } from "../ast/literal.js";
import { KqlValueError } from "../builder/errors.js";
import {
  DATETIME_MAX_TICKS,
  DATETIME_MIN_TICKS,
  INT_MAX,
  INT_MIN,
  LONG_MAX,
  LONG_MIN,
  TICKS_PER_DAY,
  TICKS_PER_SECOND,
  assertWellFormed,
  civilFromDays,
} from "../builder/literals.js";
import { KQL_KEYWORD_SET } from "./kql-keywords.js";

/*
 * KQL text for literals and identifiers. Every form below was checked against
 * Kusto.Language (@kusto/language-service-next 12.4.1); test/kql/literals*.test.ts keeps
 * checking it.
 *
 * | type     | form                                   | notes |
 * |----------|----------------------------------------|-------|
 * | string   | "…"                                    | `\\` `\"` `\n` `\r` `\t`; every other C0/C1 control, U+2028/9 and everything above U+00FF as `\uXXXX` (astral chars as two `\uXXXX` surrogate escapes; Kusto has no `\U`). Output is ASCII + Latin-1. |
 * | int      | int(N)                                 | |
 * | long     | long(N)                                | `long(-9223372036854775808)` parses to Int64.MinValue (a bare `-9223372036854775808` is unary minus on an overflowing literal). |
 * | real     | real(<shortest JS repr>)               | `real(-0.0)`, `real(nan)`, `real(+inf)`, `real(-inf)` |
 * | bool     | true / false                           | |
 * | datetime | datetime(YYYY-MM-DDTHH:MM:SS.fffffffZ) | always UTC, always 7 fractional digits |
 * | timespan | time([-]d.hh:mm:ss.fffffff)            | .NET "c" form with days and 7 digits, exact for all 64-bit ticks |
 * | guid     | guid(xxxxxxxx-…)                       | lower case |
 * | dynamic  | dynamic(<json>)                        | JSON whose strings use the string escapes above (all valid JSON escapes too) |
 * | nulls    | int(null), long(null), real(null), bool(null), datetime(null), time(null), guid(null), dynamic(null); a null string renders "" (Kusto strings are never null) |
 *
 * Why `\u0000` and never `\0` (as Go's QuoteString writes): Kusto reads `\` + digits as an
 * octal escape of up to 3 digits, so NUL followed by "1" written `"\01"` reads back as U+0001.
 * `\uXXXX` always has exactly 4 hex digits, so the next character cannot be absorbed.
 *
 * Kusto.Language reads `time(d.hh:mm:ss.fffffff)` as 0 ticks (its value decoder only knows
 * `<number><unit>`), and `<n>tick` goes through a double (inexact beyond 2^53 ticks). The
 * .NET form is still the one to emit: it is exact, it is what the Kusto service and
 * Microsoft's own SDKs use (`TimeSpan.ToString("c")`), and src/analysis/literals.ts decodes
 * it for the round-trip tests.
 */

const HEX = "0123456789ABCDEF";

function u(c: number): string {
  return "\\u" + HEX[(c >> 12) & 15]! + HEX[(c >> 8) & 15]! + HEX[(c >> 4) & 15]! + HEX[c & 15]!;
}

/**
 * Escapes the content of a string literal delimited by `quote`. Printable ASCII and
 * printable Latin-1 (U+00A0..U+00FF) stay as they are; `\` and the quote get a backslash;
 * LF, CR, TAB use `\n` `\r` `\t`; every other code unit (C0/C1 controls, DEL, U+2028/9,
 * everything above U+00FF including both halves of a surrogate pair) becomes `\uXXXX`.
 * The caller has checked that `s` is well-formed UTF-16.
 */
function escapeContent(s: string, quote: 0x22 | 0x27): string {
  let out = "";
  let run = 0; // start of the current run of characters that need no escape
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 0x20 && c < 0x7f && c !== quote && c !== 0x5c) || (c >= 0xa0 && c <= 0xff)) continue;
    out += s.slice(run, i);
    run = i + 1;
    if (c === quote || c === 0x5c) out += "\\" + s[i];
    else if (c === 0x0a) out += "\\n";
    else if (c === 0x0d) out += "\\r";
    else if (c === 0x09) out += "\\t";
    else out += u(c);
  }
  return run === 0 ? s : out + s.slice(run);
}

/** A double-quoted KQL string literal for `s` (which must be well-formed UTF-16). */
function stringLiteral(s: string, type = "string"): string {
  assertWellFormed(type, s);
  return '"' + escapeContent(s, 0x22) + '"';
}

/** The shortest text that reads back as exactly `n` (finite, not -0). */
function realText(n: number): string {
  return String(n); // shortest round-trip repr; "1e+300", "5e-324", "0.1"
}

function renderReal(n: number): string {
  if (Number.isNaN(n)) return "real(nan)";
  if (n === Infinity) return "real(+inf)";
  if (n === -Infinity) return "real(-inf)";
  if (Object.is(n, -0)) return "real(-0.0)";
  const text = realText(n);
  // A non-negative real reads best bare (`0.1`, `30.0`); the decimal point or exponent is
  // what makes Kusto read it as real rather than long. Negatives keep real(...) so that
  // no unary minus is involved.
  if (n >= 0) return /[.e]/.test(text) ? text.replace("e+", "e") : `${text}.0`;
  return `real(${text})`;
}

/** Largest unit that divides the span exactly, for the compact `7d`, `1h`, `100ms` forms. */
const SPAN_UNITS: readonly (readonly [bigint, string])[] = [
  [TICKS_PER_DAY, "d"],
  [TICKS_PER_SECOND * 3600n, "h"],
  [TICKS_PER_SECOND * 60n, "m"],
  [TICKS_PER_SECOND, "s"],
  [TICKS_PER_SECOND / 1000n, "ms"],
];

function compactSpan(ticks: bigint): string | undefined {
  if (ticks < 0n) return undefined;
  if (ticks === 0n) return "0s";
  for (const [size, unit] of SPAN_UNITS) {
    // Short counts only: `90m` reads well, `93784500ms` does not (time(...) does).
    if (ticks % size === 0n && ticks / size < 10_000n) return `${ticks / size}${unit}`;
  }
  return undefined;
}

function two(n: number): string {
  return n < 10 ? "0" + n : String(n);
}

/** `YYYY-MM-DDTHH:MM:SS.fffffffZ` for ticks since the Unix epoch. */
export function formatDatetimeTicks(ticks: bigint): string {
  let days = ticks / TICKS_PER_DAY;
  let rest = ticks % TICKS_PER_DAY;
  if (rest < 0n) {
    rest += TICKS_PER_DAY;
    days -= 1n;
  }
  const { year, month, day } = civilFromDays(Number(days));
  const seconds = Number(rest / TICKS_PER_SECOND);
  const fraction = String(rest % TICKS_PER_SECOND).padStart(7, "0");
  const hh = Math.floor(seconds / 3600);
  const mm = Math.floor((seconds % 3600) / 60);
  const ss = seconds % 60;
  return `${String(year).padStart(4, "0")}-${two(month)}-${two(day)}T${two(hh)}:${two(mm)}:${two(ss)}.${fraction}Z`;
}

/** `[-]d.hh:mm:ss.fffffff` (the .NET "c" format, with days and all 7 digits). */
export function formatTimespanTicks(ticks: bigint): string {
  const negative = ticks < 0n;
  const abs = negative ? -ticks : ticks;
  const days = abs / TICKS_PER_DAY;
  const rest = abs % TICKS_PER_DAY;
  const seconds = Number(rest / TICKS_PER_SECOND);
  const fraction = String(rest % TICKS_PER_SECOND).padStart(7, "0");
  const hh = Math.floor(seconds / 3600);
  const mm = Math.floor((seconds % 3600) / 60);
  const ss = seconds % 60;
  return `${negative ? "-" : ""}${days}.${two(hh)}:${two(mm)}:${two(ss)}.${fraction}`;
}

function jsonText(v: JsonValue, path: readonly object[]): string {
  if (v === null) return "null";
  switch (typeof v) {
    case "boolean":
      return v ? "true" : "false";
    case "string":
      return stringLiteral(v, "dynamic");
    case "number":
      if (!Number.isFinite(v)) throw new KqlValueError("dynamic", v, "NaN and infinities have no JSON form", "use null");
      // Integers within ±(2^53-1) stay integers (Kusto reads them as long); every other
      // number is written as a real, so that e.g. 1e20 does not become an overflowing long.
      if (Number.isSafeInteger(v) && !Object.is(v, -0)) return String(v);
      if (Object.is(v, -0)) return "-0.0";
      {
        const s = realText(v);
        return /[.e]/.test(s) ? s : s + ".0";
      }
  }
  if (path.includes(v)) throw new KqlValueError("dynamic", v, "the value refers back to itself (a cycle)", "pass a tree, not a graph");
  const inner = [...path, v];
  if (Array.isArray(v)) return "[" + v.map((x: JsonValue) => jsonText(x, inner)).join(",") + "]";
  const obj = v as { readonly [key: string]: JsonValue };
  return "{" + Object.keys(obj).map((k) => stringLiteral(k, "dynamic") + ":" + jsonText(obj[k]!, inner)).join(",") + "}";
}

function bad(type: string, value: unknown, rule: string): never {
  throw new KqlValueError(type, value, rule, "build literals with lit.*() so that they are validated");
}

/**
 * The KQL text of a literal. The node is re-checked (nodes are plain objects that any code
 * can build), so an out-of-range value throws a KqlValueError here rather than reaching Kusto.
 */
export function renderLiteral(node: LiteralNode): string {
  switch (node.type) {
    case "string":
      if (node.value === null) return '""';
      if (typeof node.value !== "string") bad("string", node.value, "is not a string");
      return stringLiteral(node.value);
    case "int":
      if (node.value === null) return "int(null)";
      if (!Number.isInteger(node.value) || node.value < INT_MIN || node.value > INT_MAX) {
        bad("int", node.value, `an int must be an integer in [${INT_MIN}, ${INT_MAX}]`);
      }
      return `int(${node.value})`; // -0 prints as 0
    case "long":
      if (node.value === null) return "long(null)";
      if (typeof node.value !== "bigint" || node.value < LONG_MIN || node.value > LONG_MAX) {
        bad("long", node.value, "a long node holds a bigint in [-2^63, 2^63-1]");
      }
      // A non-negative integer literal is a long in KQL; negatives keep long(...) so that
      // -9223372036854775808 never passes through a positive overflow.
      return node.value >= 0n ? String(node.value) : `long(${node.value})`;
    case "real":
      if (node.value === null) return "real(null)";
      if (typeof node.value !== "number") bad("real", node.value, "is not a number");
      return renderReal(node.value);
    case "bool":
      if (node.value === null) return "bool(null)";
      if (typeof node.value !== "boolean") bad("bool", node.value, "is not a boolean");
      return node.value ? "true" : "false";
    case "datetime":
      if (node.value === null) return "datetime(null)";
      if (typeof node.value !== "bigint" || node.value < DATETIME_MIN_TICKS || node.value > DATETIME_MAX_TICKS) {
        bad("datetime", node.value, "a datetime node holds bigint ticks within 0001-01-01..9999-12-31");
      }
      return `datetime(${formatDatetimeTicks(node.value)})`;
    case "timespan":
      if (node.value === null) return "time(null)";
      if (typeof node.value !== "bigint" || node.value < LONG_MIN || node.value > LONG_MAX) {
        bad("timespan", node.value, "a timespan node holds 64-bit bigint ticks");
      }
      return compactSpan(node.value) ?? `time(${formatTimespanTicks(node.value)})`;
    case "guid":
      if (node.value === null) return "guid(null)";
      if (typeof node.value !== "string" || !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(node.value)) {
        bad("guid", node.value, "a guid node holds the lower-case 8-4-4-4-12 form");
      }
      return `guid(${node.value})`;
    case "dynamic":
      return `dynamic(${jsonText(node.value, [])})`;
  }
  return bad("unknown", (node as { type?: unknown }).type, "is not a literal type");
}

/** True when `name` can be written bare: an ASCII identifier that is no keyword or boolean. */
function isBareIdentifier(name: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && !KQL_KEYWORD_SET.has(name) && !/^(true|false)$/i.test(name);
}

/**
 * A column, table or variable name as KQL text: bare when it is a plain identifier
 * (`[A-Za-z_][A-Za-z0-9_]*`, no keyword, not true/false in any case), otherwise
 * `['…']` with `'` and `\` escaped and the same `\uXXXX` escapes as string literals.
 * Names starting with `$` (like `$left`) are bracketed too. Empty names and names with a
 * lone surrogate throw a KqlValueError.
 */
export function quoteIdentifier(name: string): string {
  if (typeof name !== "string") throw new KqlValueError("identifier", name, "a name must be a string", "pass the column name as a string");
  if (name.length === 0) throw new KqlValueError("identifier", name, "a name cannot be empty", "give the column a name");
  assertWellFormed("identifier", name);
  return isBareIdentifier(name) ? name : "['" + escapeContent(name, 0x27) + "']";
}
