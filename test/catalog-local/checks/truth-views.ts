// Flat views of the generator's per-call facts, and the catalog's arithmetic restated in JS
// (rounding, nearest-rank percentiles, integer-free percentages), for the errors,
// reliability and client checks. Nothing here reads the database.
import { expect } from "vitest";
import type { ClientOpFact, GroundTruth, SurveyFact } from "../../../src/generate/index.js";
import type { SurveyRating } from "../../../src/generate/truth.js";
import type { CallType } from "../../../src/generate/plan.js";
import type { LocalRow } from "../../../src/local/duckdb.js";

/** The facts; the suite's dataset is small enough for the generator to keep them. */
export function factsOf(truth: GroundTruth) {
  if (!truth.callFacts) throw new Error("the ground-truth suite needs callFacts: generate at most CALL_FACTS_LIMIT calls");
  return truth.callFacts;
}

/** One ACSCallSummary row as the generator wrote it, the server's own row of a group call included. */
export interface SummaryRowFact {
  readonly callId: string;
  readonly callType: CallType;
  /** CallStartTime (the call's start), ms. */
  readonly callStart: number;
  readonly endpointType: string;
  readonly endCode: string;
  readonly endSubCode: string;
  readonly resultCategory: string;
  readonly sdkVersion: string;
  readonly osVersion: string;
  /** The server's own row of a group call (ParticipantId == CorrelationId): not a participant. */
  readonly server: boolean;
}

export function summaryRows(truth: GroundTruth): SummaryRowFact[] {
  const out: SummaryRowFact[] = [];
  for (const call of factsOf(truth)) {
    const callStart = Date.parse(call.start);
    for (const p of call.participants) {
      out.push({ callId: call.correlationId, callType: call.callType, callStart, endpointType: p.endpointType, endCode: p.endCode, endSubCode: p.endSubCode, resultCategory: p.resultCategory, sdkVersion: p.sdkVersion, osVersion: p.osVersion, server: false });
    }
    // The server's row of a group call (records.ts serverSummaryOf): ends 0/0 Success, no SDK or OS.
    if (call.callType === "Group") {
      out.push({ callId: call.correlationId, callType: call.callType, callStart, endpointType: "Server", endCode: "0", endSubCode: "0", resultCategory: "Success", sdkVersion: "", osVersion: "", server: true });
    }
  }
  return out;
}

/** The participants' summary rows: {@link summaryRows} without the server's own rows, as the errors area counts. */
export function participantRows(truth: GroundTruth): SummaryRowFact[] {
  return summaryRows(truth).filter((r) => !r.server);
}

export type ClientOpRow = ClientOpFact & { readonly callId: string };
export type SurveyRow = SurveyFact & { readonly callId: string };

export function clientOps(truth: GroundTruth): ClientOpRow[] {
  return factsOf(truth).flatMap((c) => c.clientOps.map((op) => ({ ...op, callId: c.correlationId })));
}

export function surveys(truth: GroundTruth): SurveyRow[] {
  return factsOf(truth).flatMap((c) => c.surveys.map((s) => ({ ...s, callId: c.correlationId })));
}

/** The truth's kept ACSCallingMetrics bins. */
export function bins(truth: GroundTruth) {
  if (!truth.callingMetricsBins) throw new Error("the ground-truth suite needs callingMetricsBins");
  return truth.callingMetricsBins;
}

/**
 * The catalog's OS family (queries/os-family.ts), restated: case-sensitive substring tests in
 * the same order; a bare Darwin kernel string (the iOS SDK's) is iOS, Android wins over Linux.
 */
export function osFamily(os: string): string {
  const has = (...needles: string[]) => needles.some((n) => os.includes(n));
  if (os === "Redacted") return "Redacted";
  if (os === "") return "Unknown";
  if (has("Windows")) return "Windows";
  if (has("Android")) return "Android";
  if (has("iPhone", "iPad", "iOS")) return "iOS";
  if (has("Mac OS", "macOS", "OS X", "Macintosh")) return "macOS";
  if (has("Darwin")) return "iOS";
  if (has("Linux", "Ubuntu")) return "Linux";
  return "Other";
}

/** Kusto's round(x, digits): half away from zero. */
export function round(x: number, digits = 2): number {
  const f = 10 ** digits;
  return (Math.sign(x) * Math.round(Math.abs(x) * f)) / f;
}

/**
 * The catalog's survey normalisation (queries/survey-rating.ts), restated: 1 + 4 × (score −
 * lower) / (upper − lower), rounded to 2 places (the generator's bounds are always consistent).
 */
export const normalised = ([score, lower, upper]: SurveyRating) => round(1 + (4 * (score - lower)) / (upper - lower), 2);

/** Good / Average / Poor band of a normalised rating (Good ≥ 4.5, Average ≥ 3). */
export const band = (x: number) => (x >= 4.5 ? "Good" : x >= 3 ? "Average" : "Poor");

/** `round(part * 100.0 / whole, 2)`, as the catalog's percent helpers compute it. */
export const pct = (part: number, whole: number) => round((part * 100) / whole, 2);

/** Kusto's percentile (nearest rank: the value at rank ceil(p·n/100), at least 1); null without values. */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(1, Math.ceil((p * sorted.length) / 100)) - 1] as number;
}

/** Start of the UTC day of an ISO instant or ms, as ISO. */
export function dayOf(t: string | number): string {
  const ms = typeof t === "string" ? Date.parse(t) : t;
  return new Date(Math.floor(ms / 86_400_000) * 86_400_000).toISOString();
}

/** Groups values by key, keeping insertion order. */
export function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const it of items) {
    const k = key(it);
    const list = m.get(k);
    if (list) list.push(it);
    else m.set(k, [it]);
  }
  return m;
}

/** Distinct count. */
export const distinct = <T>(items: readonly T[]) => new Set(items).size;

/** A row's value as a plain JS value: Dates to ISO strings, bigints to numbers. */
export function plain(v: unknown): unknown {
  if (v instanceof Date) return v.toISOString();
  if (typeof v === "bigint") return Number(v);
  return v;
}

/** Rows keyed by some columns, each reduced to the given value columns (plain values). */
export function keyed(rows: readonly LocalRow[], keys: readonly string[], values: readonly string[]): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const r of rows) {
    const k = keys.map((c) => String(plain(r[c]))).join("|");
    if (k in out) throw new Error(`duplicate key ${k}`);
    out[k] = Object.fromEntries(values.map((c) => [c, plain(r[c])]));
  }
  return out;
}

/** Asserts that the rows are sorted by `cmp` (non-decreasing). */
export function expectSorted(rows: readonly LocalRow[], cmp: (a: LocalRow, b: LocalRow) => number, what: string): void {
  for (let i = 1; i < rows.length; i++) {
    expect(cmp(rows[i - 1] as LocalRow, rows[i] as LocalRow), `${what}: rows ${i - 1} and ${i} out of order`).toBeLessThanOrEqual(0);
  }
}

/** Ordinal string comparison (Kusto's string sort). */
export const cmpStr = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
