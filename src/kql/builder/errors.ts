/**
 * A JS value that cannot become a KQL literal (out of range, lost precision, malformed,
 * not representable). Thrown by `lit.*`, by the KQL renderer and by `quoteIdentifier`.
 *
 * The message reads `<type> literal <input>: <rule> — <fix>`, for example
 * `int literal 2147483648: an int must be an integer in [-2147483648, 2147483647] — use lit.long() for larger values`.
 */
export class KqlValueError extends Error {
  /** A short, printable rendering of the rejected value (escaped and truncated). */
  readonly input: string;

  constructor(
    /** The literal type that was being built: `int`, `datetime`, `identifier`, ... */
    readonly type: string,
    value: unknown,
    /** The rule the value breaks. */
    readonly rule: string,
    /** How to fix the call. */
    readonly fix: string,
  ) {
    const input = printable(value);
    super(`${type} literal ${input}: ${rule} — ${fix}`);
    this.name = "KqlValueError";
    this.input = input;
  }
}

const MAX_CHARS = 48;

/**
 * Renders any JS value as a short single-line ASCII string for an error message: strings
 * are double-quoted with every non-printable or non-ASCII UTF-16 unit as `\uXXXX` (so a lone
 * surrogate is visible), long values are cut with `…`.
 */
export function printable(value: unknown): string {
  switch (typeof value) {
    case "string":
      return printableString(value);
    case "number":
      return Object.is(value, -0) ? "-0" : String(value);
    case "bigint":
      return `${value}n`;
    case "boolean":
    case "undefined":
      return String(value);
    case "symbol":
      return value.toString();
    case "function":
      return `[function ${value.name || "(anonymous)"}]`;
  }
  if (value === null) return "null";
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "Date(Invalid Date)" : `Date(${value.toISOString()})`;
  const proto: unknown = Object.getPrototypeOf(value);
  if (!Array.isArray(value) && proto !== Object.prototype && proto !== null) {
    return `[${(value as { constructor?: { name?: string } }).constructor?.name || "object"}]`;
  }
  return printableJson(value);
}

/** Compact JSON-like text of a plain object or array, cut to MAX_CHARS; `{…}` if it has a cycle. */
function printableJson(value: unknown): string {
  let text: string;
  try {
    text =
      JSON.stringify(value, (_key, v: unknown) => {
        if (typeof v === "bigint") return `${v}n`;
        if (typeof v === "function") return `[function ${v.name || "(anonymous)"}]`;
        if (v === undefined) return "undefined";
        if (typeof v === "number" && !Number.isFinite(v)) return String(v);
        if (typeof v === "symbol") return v.toString();
        return v;
      }) ?? "undefined";
  } catch {
    return Array.isArray(value) ? "[…]" : "{…}";
  }
  const escaped = text.replace(/[^\x20-\x7e]/g, (c) => "\\u" + c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0"));
  return escaped.length > MAX_CHARS ? escaped.slice(0, MAX_CHARS) + "…" : escaped;
}

function printableString(s: string): string {
  let out = '"';
  const limit = Math.min(s.length, MAX_CHARS);
  for (let i = 0; i < limit; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x22) out += '\\"';
    else if (c === 0x5c) out += "\\\\";
    else if (c >= 0x20 && c < 0x7f) out += s[i];
    else out += "\\u" + c.toString(16).toUpperCase().padStart(4, "0");
  }
  return out + (s.length > limit ? `…" (${s.length} chars)` : '"');
}
