import { toDiagnostic } from "./analyze.js";
import { kusto, toArray } from "./kusto-runtime.js";
import type { KqlDiagnostic } from "./types.js";

/** The kind of a literal expression, after Kusto's syntax kinds. */
export type ParsedLiteralKind =
  | "string"
  | "int"
  | "long"
  | "real"
  | "decimal"
  | "bool"
  | "datetime"
  | "timespan"
  | "guid"
  | "dynamic"
  | "null"
  | "typeof";

/**
 * One literal expression found in a KQL text. `value` is normalised to JS:
 *
 * | kind     | value |
 * |----------|-------|
 * | string   | the decoded string (escapes resolved; adjacent literals `"a" "b"` joined) |
 * | int      | number |
 * | long     | bigint |
 * | real     | number; `real(nan)`, `real(+inf)`, `real(-inf)` give NaN and ±Infinity |
 * | decimal  | the literal's interior text, e.g. `"1.5"` |
 * | bool     | boolean |
 * | datetime | bigint 100-ns ticks since 1970-01-01T00:00:00Z (UTC; text without an offset is UTC, as in Kusto) |
 * | timespan | bigint 100-ns ticks |
 * | guid     | lower-case string |
 * | dynamic  | compact JSON text of the value (`dynamic(null)` gives null) (exact: longs keep all digits). Scalars JSON has no form for (datetime, timespan, guid, NaN, typed nulls) appear as JSON strings of their source text |
 * | null     | null (a bare `null`, e.g. inside `dynamic(...)`) |
 * | typeof   | the source text, e.g. `typeof(string)` |
 *
 * Typed nulls (`int(null)`, `datetime(null)`, ...) keep their kind and have the value `null`.
 *
 * Where the Bridge.NET build of Kusto.Language reads a literal lossily, this module decodes
 * the text itself: ISO-8601 datetimes (the analyzer keeps only milliseconds, and is off by
 * hours when the process's time zone is not UTC), `[-][d.]hh:mm:ss[.fffffff]` timespans (the
 * analyzer reads them as 0), whole tick counts (the analyzer goes through a double),
 * `nan`/`inf` reals (read as 0). It cross-checks its result against an independent reading
 * at millisecond resolution — the analyzer's datetime value (in a UTC process) and
 * Bridge.NET's System.TimeSpan.parse — and reports a disagreement or an overflow in `problem`.
 */
export interface ParsedLiteral {
  readonly kind: ParsedLiteralKind;
  readonly value: string | number | bigint | boolean | null;
  /** The literal's source text, without surrounding whitespace or comments. */
  readonly text: string;
  /** 0-based offset and length of `text` in the query. */
  readonly start: number;
  readonly length: number;
  /** Set when the literal overflows its type or the analyzer reads a value other than the text says. */
  readonly problem?: string;
}

/** The literals of a query in source order, plus its syntax diagnostics. */
export type ParsedLiterals = ParsedLiteral[] & {
  /** Syntax diagnostics of the query (parse only, no semantic analysis). */
  readonly diagnostics: readonly KqlDiagnostic[];
  /** How many of `diagnostics` are errors. */
  readonly syntaxErrors: number;
};

// Minimal views of the Bridge.NET objects this module touches. They stay in this file.
interface Element {
  readonly Kind: number;
  readonly IsToken: boolean;
  readonly ChildCount: number;
  readonly TextStart: number;
  readonly Width: number;
  readonly Text?: string; // tokens only
  readonly LiteralValueInfo?: { readonly Value: unknown; readonly ValueText: string | null } | null;
  GetChild(index: number): Element | null;
}

interface BridgeSystem {
  readonly DateTime: {
    getTicks(d: Date): { toString(): string };
    getKind(d: Date): number;
  };
}

const EPOCH_TICKS = 621_355_968_000_000_000n; // 0001-01-01 → 1970-01-01
const TICKS_PER_MS = 10_000n;
const TICKS_PER_SECOND = 10_000_000n;
const TICKS_PER_DAY = 864_000_000_000n;
const INT_MIN = -(2 ** 31);
const INT_MAX = 2 ** 31 - 1;
const LONG_MIN = -(2n ** 63n);
const LONG_MAX = 2n ** 63n - 1n;

let kinds: Record<string, number> | undefined;

function syntaxKinds(): Record<string, number> {
  return (kinds ??= kusto().Syntax.SyntaxKind as unknown as Record<string, number>);
}

/** Unboxes a Bridge.NET boxed primitive (`{ $boxed: true, v }`). */
function unbox(v: unknown): unknown {
  return v !== null && typeof v === "object" && (v as { $boxed?: boolean }).$boxed ? (v as { v: unknown }).v : v;
}


/**
 * Parses `kql` (syntax only: fast, no schema needed) and returns every literal expression
 * in source order with its value as a JS value, plus the syntax diagnostics.
 *
 * Literals inside `dynamic(...)` are part of the dynamic literal and not listed on their
 * own. A negative number outside a typed literal (`print -5`) is a unary minus on a literal,
 * so it is listed as `5`; `long(-5)` is listed as `-5n`.
 *
 * @example
 * ```ts
 * const lits = parseLiteralValues('print a = "x\\ty", b = long(-1), c = 1h');
 * lits.map((l) => l.value);  // ["x\ty", -1n, 36000000000n]
 * lits.syntaxErrors;         // 0
 * ```
 */
export function parseLiteralValues(kql: string): ParsedLiterals {
  const K = kusto();
  const code = K.KustoCode.Parse(kql)!;
  const diagnostics = toArray(code.GetDiagnostics()).map((d) => toDiagnostic(code, d));
  const out: ParsedLiteral[] = [];
  const k = syntaxKinds();
  const literalKinds = new Map<number, ParsedLiteralKind>([
    [k.StringLiteralExpression!, "string"],
    [k.CompoundStringLiteralExpression!, "string"],
    [k.IntLiteralExpression!, "int"],
    [k.LongLiteralExpression!, "long"],
    [k.RealLiteralExpression!, "real"],
    [k.DecimalLiteralExpression!, "decimal"],
    [k.BooleanLiteralExpression!, "bool"],
    [k.DateTimeLiteralExpression!, "datetime"],
    [k.TimespanLiteralExpression!, "timespan"],
    [k.GuidLiteralExpression!, "guid"],
    [k.DynamicExpression!, "dynamic"],
    [k.NullLiteralExpression!, "null"],
    [k.TypeOfLiteralExpression!, "typeof"],
  ]);

  // Iterative pre-order walk: a query with thousands of literals must not overflow the stack.
  const stack: Element[] = [code.Syntax as unknown as Element];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n.IsToken) continue;
    const kind = literalKinds.get(n.Kind);
    if (kind !== undefined) {
      out.push(convert(kind, n, kql));
      continue;
    }
    for (let i = n.ChildCount - 1; i >= 0; i--) {
      const c = n.GetChild(i);
      if (c) stack.push(c);
    }
  }
  return Object.assign(out, {
    diagnostics,
    syntaxErrors: diagnostics.filter((d) => d.severity === "error").length,
  });
}

function convert(kind: ParsedLiteralKind, n: Element, kql: string): ParsedLiteral {
  const text = kql.substr(n.TextStart, n.Width);
  const base = { kind, text, start: n.TextStart, length: n.Width };
  const info = n.LiteralValueInfo ?? null;
  const valueText = (info?.ValueText ?? "").trim();
  const raw = unbox(info?.Value ?? null);
  const isNull = valueText === "null" && kind !== "string" && kind !== "dynamic";
  if (isNull || kind === "null") return { ...base, value: null };
  const withProblem = (value: ParsedLiteral["value"], problem?: string): ParsedLiteral =>
    problem === undefined ? { ...base, value } : { ...base, value, problem };

  switch (kind) {
    case "string":
      return withProblem(String(raw ?? ""));
    case "bool":
      return withProblem(raw === true);
    case "int": {
      const value = typeof raw === "number" ? raw : 0;
      const exact = integerText(valueText);
      if (exact !== undefined && (exact < BigInt(INT_MIN) || exact > BigInt(INT_MAX))) {
        return withProblem(value, `${valueText} is outside the int range; the analyzer reads it as ${value}`);
      }
      return withProblem(value);
    }
    case "long": {
      const value = raw === null || raw === undefined ? 0n : BigInt(String(raw));
      const exact = integerText(valueText);
      if (exact !== undefined && (exact < LONG_MIN || exact > LONG_MAX)) {
        return withProblem(value, `${valueText} is outside the long range; the analyzer reads it as ${value}`);
      }
      return withProblem(value);
    }
    case "real": {
      const special = specialReal(valueText);
      if (special !== undefined) return withProblem(special);
      return typeof raw === "number" ? withProblem(raw) : withProblem(null, `the analyzer cannot read '${valueText}' as a real`);
    }
    case "decimal":
      return withProblem(valueText);
    case "guid":
      return withProblem(raw === null || raw === undefined ? null : String(raw).toLowerCase());
    case "datetime":
      return datetimeLiteral(base, valueText, raw);
    case "timespan":
      return timespanLiteral(base, valueText, raw);
    case "dynamic": {
      const inner = n.GetChild(2); // dynamic ( <expr> )
      const json = inner ? jsonOf(inner, kql) : "null";
      return withProblem(json === "null" ? null : json);
    }
    case "typeof":
      return withProblem(text);
  }
}

function integerText(s: string): bigint | undefined {
  return /^[+-]?\d+$/.test(s) ? BigInt(s) : undefined;
}

function specialReal(s: string): number | undefined {
  if (/^nan$/i.test(s)) return Number.NaN;
  if (/^\+?inf(inity)?$/i.test(s)) return Infinity;
  if (/^-inf(inity)?$/i.test(s)) return -Infinity;
  return undefined;
}

/** Removes a string-literal wrapper (`datetime("2024-01-01")`) the way the analyzer does. */
function destringify(s: string): string {
  const m = /^(['"])(.*)\1$/s.exec(s);
  return m ? m[2]! : s;
}

// ---------------------------------------------------------------------------------------
// datetime

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[Tt ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,7})\d*)?)?)?\s*([Zz]|[+-]\d{2}:?\d{2})?$/;

function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Exact ticks since the Unix epoch for ISO-8601 text; undefined for other forms. */
function isoTicks(s: string): bigint | undefined {
  const m = ISO.exec(s);
  if (!m) return undefined;
  const [year, month, day, hour = 0, minute = 0, second = 0] = m.slice(1, 7).map((x) => (x === undefined ? 0 : Number(x)));
  const leap = (year! % 4 === 0 && year! % 100 !== 0) || year! % 400 === 0;
  const dim = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month! - 1];
  if (dim === undefined || day! < 1 || day! > dim || hour > 23 || minute > 59 || second > 59) return undefined;
  let offsetSeconds = 0;
  const offset = m[8];
  if (offset !== undefined && offset.toUpperCase() !== "Z") {
    const digits = offset.slice(1).replace(":", "");
    offsetSeconds = (offset.startsWith("-") ? -1 : 1) * (Number(digits.slice(0, 2)) * 3600 + Number(digits.slice(2)) * 60);
  }
  const seconds = daysFromCivil(year!, month!, day!) * 86400 + hour * 3600 + minute * 60 + second - offsetSeconds;
  return BigInt(seconds) * TICKS_PER_SECOND + BigInt((m[7] ?? "").padEnd(7, "0"));
}

/**
 * The analyzer's own reading of a datetime, in ticks since the Unix epoch (millisecond
 * resolution). Bridge.NET follows .NET: text with Z or an offset becomes a Local-kind
 * DateTime in the process's time zone, whose JS Date holds the instant; text without an
 * offset is Unspecified, whose ticks are the wall clock as written (UTC in Kusto).
 *
 * Bridge.NET's local-time arithmetic is only right where the process's zone is UTC: in
 * America/New_York it reads `datetime(2024-07-01T12:00:00-05:00)` 4 hours off and year-1
 * dates 4:56 hours off (the zone's LMT). So the reading is used only when the process's
 * UTC offset is 0 at that instant; elsewhere it is undefined and not cross-checked.
 */
function analyzerDatetimeTicks(raw: unknown, approxMs: number): bigint | undefined {
  if (!(raw instanceof Date) || Number.isNaN(raw.getTime())) return undefined;
  if (new Date(approxMs).getTimezoneOffset() !== 0 || raw.getTimezoneOffset() !== 0) return undefined;
  const System = (globalThis as unknown as { System: BridgeSystem }).System;
  if (System.DateTime.getKind(raw) === 2) return BigInt(raw.getTime()) * TICKS_PER_MS;
  return BigInt(System.DateTime.getTicks(raw).toString()) - EPOCH_TICKS;
}

function floorMs(ticks: bigint): bigint {
  const r = ticks % TICKS_PER_MS;
  return ticks - (r < 0n ? r + TICKS_PER_MS : r);
}

function datetimeLiteral(base: Omit<ParsedLiteral, "value">, valueText: string, raw: unknown): ParsedLiteral {
  const text = destringify(valueText);
  if (text === "min") return { ...base, value: -EPOCH_TICKS };
  if (text === "max") return { ...base, value: 3_155_378_975_999_999_999n - EPOCH_TICKS };
  const ours = isoTicks(text);
  const approxMs = ours === undefined ? (raw instanceof Date ? raw.getTime() : 0) : Number(ours / TICKS_PER_MS);
  const theirs = analyzerDatetimeTicks(raw, approxMs);
  if (ours === undefined) {
    return theirs === undefined
      ? { ...base, value: null, problem: `cannot read '${text}' as a datetime (only ISO-8601 text is decoded when the process's time zone is not UTC)` }
      : { ...base, value: theirs };
  }
  if (theirs !== undefined && floorMs(ours) !== floorMs(theirs)) {
    return { ...base, value: ours, problem: `the analyzer reads ${theirs} ticks, the text says ${ours}` };
  }
  return { ...base, value: ours };
}

// ---------------------------------------------------------------------------------------
// timespan

const CLOCK = /^([+-]?)(?:(\d+)\.)?(\d{1,2}):(\d{1,2})(?::(\d{1,2})(?:\.(\d{1,7}))?)?$/;
const UNIT_TICKS: Record<string, bigint> = {};
for (const [ticks, names] of [
  [TICKS_PER_DAY, "d day days"],
  [36_000_000_000n, "h hr hrs hour hours"],
  [600_000_000n, "m min minute minutes"],
  [TICKS_PER_SECOND, "s sec second seconds"],
  [TICKS_PER_MS, "ms milli millis millisec millisecond milliseconds"],
  [10n, "micro micros microsec microsecond microseconds"],
  [1n, "tick ticks"],
] as const) {
  for (const name of names.split(" ")) UNIT_TICKS[name] = ticks;
}

/** Exact ticks of `<decimal><unit>` when it is a whole number of ticks. */
function unitTicks(s: string): bigint | undefined {
  const m = /^([+-]?)(\d*)(?:\.(\d*))?\s*([a-z]+)$/.exec(s);
  if (!m || (m[2] === "" && (m[3] ?? "") === "")) return undefined;
  const unit = UNIT_TICKS[m[4]!];
  if (unit === undefined) return undefined;
  const frac = m[3] ?? "";
  const scaled = BigInt((m[2] ?? "") + frac || "0") * unit;
  const den = 10n ** BigInt(frac.length);
  if (scaled % den !== 0n) return undefined;
  return (m[1] === "-" ? -1n : 1n) * (scaled / den);
}

function clockTicks(s: string): bigint | undefined {
  const m = CLOCK.exec(s);
  if (!m) return undefined;
  const [h, min, sec] = [m[3], m[4], m[5] ?? "0"].map(Number) as [number, number, number];
  if (h > 23 || min > 59 || sec > 59) return undefined;
  const ticks =
    BigInt(m[2] ?? "0") * TICKS_PER_DAY + BigInt(h * 3600 + min * 60 + sec) * TICKS_PER_SECOND + BigInt((m[6] ?? "").padEnd(7, "0"));
  return m[1] === "-" ? -ticks : ticks;
}

interface BridgeTimeSpanStatics {
  parse(text: string): { ticks: { toString(): string } } | null;
}

function timespanLiteral(base: Omit<ParsedLiteral, "value">, valueText: string, raw: unknown): ParsedLiteral {
  const text = destringify(valueText);
  if (text === "min") return { ...base, value: LONG_MIN };
  if (text === "max") return { ...base, value: LONG_MAX };
  const analyzer =
    raw !== null && typeof raw === "object" && "ticks" in raw ? BigInt(String((raw as { ticks: unknown }).ticks)) : undefined;
  const clock = clockTicks(text);
  if (clock !== undefined) {
    // Kusto.Language reads this .NET form as 0 (its GetTimeSpanValue only knows <number><unit>),
    // so cross-check against Bridge.NET's own System.TimeSpan.parse (millisecond resolution).
    const System = (globalThis as unknown as { System: { TimeSpan: BridgeTimeSpanStatics } }).System;
    const parsed = System.TimeSpan.parse(text);
    const theirs = parsed ? BigInt(parsed.ticks.toString()) : undefined;
    if (theirs === undefined || abs(theirs - clock) >= TICKS_PER_MS) {
      return { ...base, value: clock, problem: `System.TimeSpan.parse reads ${theirs} ticks, the text says ${clock}` };
    }
    return { ...base, value: clock };
  }
  const exact = unitTicks(text);
  if (exact !== undefined) {
    if (exact < LONG_MIN || exact > LONG_MAX) return { ...base, value: analyzer ?? null, problem: `${text} is outside the timespan range` };
    // The analyzer computes through a double; beyond 2^53 ticks it is off by design.
    if (analyzer !== undefined && abs(exact) <= 2n ** 53n && abs(analyzer - exact) > 1n) {
      return { ...base, value: exact, problem: `the analyzer reads ${analyzer} ticks, the text says ${exact}` };
    }
    return { ...base, value: exact };
  }
  if (analyzer === undefined || analyzer === 0n) {
    return { ...base, value: analyzer ?? null, problem: `the analyzer cannot read '${text}' as a timespan` };
  }
  return { ...base, value: analyzer };
}

function abs(n: bigint): bigint {
  return n < 0n ? -n : n;
}

// ---------------------------------------------------------------------------------------
// dynamic → JSON text

function jsonOf(n: Element, kql: string): string {
  const k = syntaxKinds();
  const kind = n.Kind;
  const sourceText = () => kql.substr(n.TextStart, n.Width);
  if (kind === k.JsonObjectExpression) {
    const pairs = separated(n.GetChild(1)).map((pair) => {
      const name = pair.GetChild(0)!;
      const key = kusto().KustoFacts.GetStringLiteralValue(name.Text ?? "") ?? "";
      const value = pair.GetChild(2);
      return JSON.stringify(key) + ":" + (value ? jsonOf(value, kql) : "null");
    });
    return "{" + pairs.join(",") + "}";
  }
  if (kind === k.JsonArrayExpression) return "[" + separated(n.GetChild(1)).map((e) => jsonOf(e, kql)).join(",") + "]";
  if (kind === k.NullLiteralExpression) return "null";
  if (kind === k.UnaryMinusExpression || kind === k.UnaryPlusExpression) {
    const operand = n.GetChild(1);
    const inner = operand ? jsonOf(operand, kql) : "";
    if (/^-?\d/.test(inner)) {
      if (kind === k.UnaryPlusExpression) return inner;
      return inner.startsWith("-") ? inner.slice(1) : inner === "0" ? "0" : "-" + inner;
    }
    return JSON.stringify(sourceText());
  }
  const info = n.LiteralValueInfo;
  const raw = unbox(info?.Value ?? null);
  const valueText = (info?.ValueText ?? "").trim();
  if (kind === k.StringLiteralExpression || kind === k.CompoundStringLiteralExpression) return JSON.stringify(String(raw ?? ""));
  if (kind === k.BooleanLiteralExpression && valueText !== "null") return raw === true ? "true" : "false";
  if (kind === k.LongLiteralExpression && raw !== null && /^[+-]?\d+$/.test(valueText)) return BigInt(valueText).toString();
  if ((kind === k.IntLiteralExpression || kind === k.RealLiteralExpression) && typeof raw === "number" && Number.isFinite(raw)) {
    if (Object.is(raw, -0)) return "-0.0";
    return kind === k.RealLiteralExpression && Number.isInteger(raw) && Math.abs(raw) < 1e21 ? raw + ".0" : String(raw);
  }
  return JSON.stringify(sourceText());
}

/** The elements of a SyntaxList of SeparatedElements. */
function separated(list: Element | null): Element[] {
  const out: Element[] = [];
  if (!list) return out;
  for (let i = 0; i < list.ChildCount; i++) {
    const element = list.GetChild(i)?.GetChild(0);
    if (element) out.push(element);
  }
  return out;
}

// ---------------------------------------------------------------------------------------

/** A keyword of the Kusto query language as Kusto.Language knows it. */
export interface KustoKeyword {
  readonly text: string;
  /** KustoFacts.CanBeIdentifier: the parser also accepts it bare as a name ("soft" keyword). */
  readonly canBeIdentifier: boolean;
}

/**
 * Every keyword text of the loaded Kusto.Language (`SyntaxFacts.Keywords`), as plain data.
 * The KQL renderer keeps a static copy in src/kql/render/kql-keywords.ts; a test compares
 * the two so that an upgrade of the analyzer cannot silently change identifier quoting.
 */
export function kustoKeywords(): KustoKeyword[] {
  const K = kusto();
  const texts: string[] = [];
  const Bridge = (globalThis as unknown as { Bridge: { getEnumerator(x: unknown): { moveNext(): boolean; Current: string } } }).Bridge;
  const enumerator = Bridge.getEnumerator(K.Syntax.SyntaxFacts.Keywords);
  while (enumerator.moveNext()) texts.push(enumerator.Current);
  return [...new Set(texts)].map((text) => ({ text, canBeIdentifier: K.KustoFacts.CanBeIdentifier(text) }));
}
