// Public API of the synthetic ACS log generator (`acs-insights generate`).
import * as fs from "node:fs";
import * as path from "node:path";
import { CallingMetricsBuilder } from "./calling-metrics.js";
import { checkOptions, GenerateOptionsError, type GenerateLayout } from "./options.js";
import { MAX_CALL_SEC, MAX_LOG_DELAY_SEC, planCall, type PlanSettings } from "./plan.js";
import { Rng } from "./prng.js";
import { GENERATED_TABLES, recordsOf, type GeneratedTable, type LogRecord } from "./records.js";
import { CALL_FACTS_LIMIT, TruthBuilder, type GroundTruth } from "./truth.js";
import { LayoutWriter, RESOURCE_ID } from "./writers.js";

export type { CallFact, ClientOpFact, EndReasonCount, GroundTruth, NetworkMetricsFact, ParticipantFact, StreamFact, SurveyFact, TruthAggregates } from "./truth.js";
export type { CallingMetricsBin } from "./calling-metrics.js";
export { CALL_FACTS_LIMIT } from "./truth.js";
export { checkOptions, GenerateOptionsError, DEFAULT_END, DEFAULT_SEED, DEFAULT_DAYS, DEFAULT_POOR_SHARE, DEFAULT_FAILURE_SHARE } from "./options.js";
export type { GenerateLayout } from "./options.js";
export { GENERATED_TABLES } from "./records.js";
export type { GeneratedTable } from "./records.js";
export { RESOURCE_ID, propertyKey } from "./writers.js";
export { POOR_REASONS, THRESHOLDS, poorReasonsOf, mediaKindOf } from "./quality-rules.js";
export type { PoorReason, MediaKind, MediaType } from "./quality-rules.js";

/** Options of {@link generateLogs}. Defaults: seed 1, 7 days, end 2025-06-02T00:00:00Z, 10 % poor streams, 8 % failed legs, archive layout. */
export interface GenerateOptions {
  /** Number of calls (about 10 ACSCallDiagnostics rows each). */
  readonly calls: number;
  readonly seed?: number;
  /** Calls start spread over this many days before `end`. */
  readonly days?: number;
  /** The instant the dataset ends at; no record is later. Fixed by default, never "now". */
  readonly end?: Date;
  /** Share of streams (after dedupe) planted poor, 0..1. */
  readonly poorShare?: number;
  /** Share of participant legs that end with a failed end code, 0..1. */
  readonly failureShare?: number;
  readonly layouts?: readonly ("archive" | "flat")[];
  /** Must be absent or empty. Receives `archive/`, `flat/` (per layout) and `truth.json`. */
  readonly outDir: string;
  /** Called every 1 % of the calls (and at the end) with the number of calls done. */
  readonly onProgress?: (callsDone: number) => void;
}

/** Option names as the API spells them, for problems reported to API callers. */
const API_NAMES = {
  calls: "calls",
  seed: "seed",
  days: "days",
  end: "end",
  poorShare: "poorShare",
  failureShare: "failureShare",
  layouts: "layouts",
  outDir: "outDir",
} as const;

/** Share of stream reports logged twice (an older and a newer report of the same stream). */
const DUPLICATE_SHARE = 0.03;

/**
 * Writes seeded, reproducible synthetic ACS call logs (ACSCallSummary, ACSCallDiagnostics,
 * ACSCallClientOperations, ACSCallSurvey, ACSCallingMetrics) in the storage-archive layout (`<outDir>/archive`)
 * and/or the flat Log Analytics export layout (`<outDir>/flat/<Table>.jsonl`), plus
 * `<outDir>/truth.json`: what was planted and the aggregates the catalog should report.
 * The same options always give byte-identical files. Throws {@link GenerateOptionsError}
 * listing every invalid option before writing anything.
 *
 * @example
 * ```ts
 * const truth = await generateLogs({ calls: 200, seed: 7, outDir: "/tmp/acs-logs", layouts: ["archive", "flat"] });
 * truth.aggregates.impactedCalls; // calls with at least one poor stream
 * truth.end;                      // pass as `now` when running catalog queries
 * ```
 */
export async function generateLogs(options: GenerateOptions): Promise<GroundTruth & { readonly files: number; readonly rows: Readonly<Record<string, number>> }> {
  const checked = checkOptions(
    {
      calls: options.calls,
      seed: options.seed,
      days: options.days,
      end: options.end,
      poorShare: options.poorShare,
      failureShare: options.failureShare,
      layouts: options.layouts,
      outDir: options.outDir,
    },
    API_NAMES,
  );
  if (!checked.options) throw new GenerateOptionsError(checked.problems);
  const o = checked.options;

  const rng = new Rng(o.seed);
  const starts = callStarts(rng, o.calls, o.end.getTime(), o.days);
  const settings: PlanSettings = { poorShare: o.poorShare, failureShare: o.failureShare, duplicateShare: DUPLICATE_SHARE };

  fs.mkdirSync(o.outDir, { recursive: true });
  const layoutDirs: { archive?: string; flat?: string } = {};
  for (const l of o.layouts) layoutDirs[l] = l;
  const writer = new LayoutWriter(
    o.layouts.includes("archive") ? path.join(o.outDir, "archive") : null,
    o.layouts.includes("flat") ? path.join(o.outDir, "flat") : null,
  );
  const truth = new TruthBuilder(o.calls <= CALL_FACTS_LIMIT);
  const callingMetrics = new CallingMetricsBuilder();
  const rows = Object.fromEntries(GENERATED_TABLES.map((t) => [t, 0])) as Record<GeneratedTable, number>;
  const step = Math.max(1, Math.floor(o.calls / 100));
  const emit = (r: LogRecord) => {
    writer.write(r);
    rows[r.table]++;
    truth.recordTime(r.time);
  };

  for (let i = 0; i < o.calls; i++) {
    const call = planCall(rng, i, starts[i] as number, settings);
    truth.add(call);
    callingMetrics.add(call);
    recordsOf(call, emit);
    if ((i + 1) % step === 0 || i + 1 === o.calls) {
      options.onProgress?.(i + 1);
      // Lets timers and signals run during long runs.
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  // Daily aggregates are known only once every call of the day is planned.
  for (const r of callingMetrics.records(o.end.getTime())) emit(r);
  const { files } = writer.finish();

  const result = truth.build(
    {
      generator: "acs-insights generate",
      seed: o.seed,
      options: { calls: o.calls, days: o.days, end: o.end.toISOString(), poorShare: o.poorShare, failureShare: o.failureShare, layouts: [...o.layouts] as GenerateLayout[] },
      end: o.end.toISOString(),
      layoutDirs,
      resourceId: RESOURCE_ID,
    },
    rows,
    callingMetrics.truth(),
    callingMetrics.bins(),
  );
  fs.writeFileSync(path.join(o.outDir, "truth.json"), truthJson(result));
  return { ...result, files, rows };
}

/**
 * Call start times, sorted, spread over `days` before `end` with more calls in working hours
 * (UTC 08–18). The last start leaves room for the longest call and its logging delay, so no
 * record is later than `end`; the first is after `end - days`, so every call is inside a
 * lookback of `days`.
 */
function callStarts(rng: Rng, n: number, end: number, days: number): Float64Array {
  const from = end - days * 86_400_000 + 1000;
  const to = end - (MAX_CALL_SEC + MAX_LOG_DELAY_SEC + 300) * 1000;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    for (;;) {
      const t = Math.floor(rng.real(from, to) / 1000) * 1000 + rng.int(0, 999);
      const h = new Date(t).getUTCHours();
      if (rng.next() < (h >= 8 && h < 18 ? 1 : 0.3)) {
        out[i] = t;
        break;
      }
    }
  }
  return out.sort();
}

/** truth.json text: indented, with one line per call in callFacts so large files stay readable. */
function truthJson(t: GroundTruth): string {
  const head = JSON.stringify({ ...t, callFacts: null }, null, 2);
  if (!t.callFacts) return head + "\n";
  const facts = t.callFacts.map((f) => "    " + JSON.stringify(f)).join(",\n");
  return head.replace(/"callFacts": null\n}$/, `"callFacts": [\n${facts}\n  ]\n}`) + "\n";
}
