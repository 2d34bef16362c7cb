import type { ReportColumn } from "./model.js";

/** Columns holding a percentage already multiplied by 100 (the catalog's `percent()`/`pct()` output). */
export function isPercentColumn(name: string): boolean {
  return /(?:Percent|Pct)$/.test(name);
}

/** `2026-03-01 14:00` in UTC: reports mix logs from many time zones, so one clock for all. */
export function formatTime(d: Date): string {
  if (Number.isNaN(d.getTime())) return "invalid date";
  return d.toISOString().slice(0, 16).replace("T", " ");
}

/** `12,345`, `0.125`, `3.14`: integers with separators, reals with at most 2 decimals (3 below 1). */
export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (Number.isInteger(n)) return n.toLocaleString("en-US");
  return n.toLocaleString("en-US", { maximumFractionDigits: Math.abs(n) < 1 ? 3 : 2 });
}

/**
 * One cell as text, the same in the terminal and in HTML (HTML escapes it afterwards):
 * numbers formatted, percent columns with a `%`, datetimes in UTC, null as an em dash,
 * dynamic values as compact JSON.
 *
 * @example
 * ```ts
 * formatCell(12345, { name: "Calls", type: "long" });          // "12,345"
 * formatCell(12.5, { name: "ImpactedPercent", type: "real" }); // "12.5 %"
 * ```
 */
export function formatCell(value: unknown, column: ReportColumn): string {
  if (value === null || value === undefined) return "—";
  if (value instanceof Date) return formatTime(value);
  if (typeof value === "bigint") return value.toLocaleString("en-US");
  if (typeof value === "number") return isPercentColumn(column.name) ? `${formatNumber(value)} %` : formatNumber(value);
  if (typeof value === "string") return value;
  if (typeof value === "boolean") return value ? "true" : "false";
  try {
    return JSON.stringify(value, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v)) ?? String(value);
  } catch {
    return String(value);
  }
}

/** A cell as a number for charts: numbers and numeric strings; anything else is null. */
export function toNumber(value: unknown): number | null {
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value === "bigint") return Number(value);
  if (typeof value === "string" && value.trim() !== "") {
    const n = Number(value);
    return Number.isFinite(n) ? n : null;
  }
  return null;
}

/** `1.2 s`, `340 ms`: elapsed time for progress lines. */
export function formatElapsed(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`;
}

/** `1 file`, `3 files`. */
export function plural(n: number, word: string, many = `${word}s`): string {
  return `${formatNumber(n)} ${n === 1 ? word : many}`;
}
