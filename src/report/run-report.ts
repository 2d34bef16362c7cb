import * as path from "node:path";
import type { CatalogEntry } from "../catalog/entry.js";
import { InputError } from "../cli/input-error.js";
import { parametersOf } from "../kql/index.js";
import { LocalDb, type LocalRow } from "../local/duckdb.js";
import { loadLogs, type IngestSummary, type Layout } from "../local/load-logs.js";
import { acsTables } from "../schema/index.js";
import { SqlUnsupportedError, toDuckDbSql, unsupportedFeatures } from "../sql/index.js";
import { headlinesOf } from "./headlines.js";
import type { DatasetFacts, Report, ReportColumn, ReportSection, SectionStatus } from "./model.js";
import { REPORT_SECTIONS, type SectionSpec } from "./sections.js";

/** What {@link runReport} tells its caller while it works (for a progress display). */
export type ReportEvent =
  | { readonly kind: "files"; readonly done: number; readonly total: number; readonly file: string }
  | { readonly kind: "loaded"; readonly summary: IngestSummary; readonly elapsedMs: number }
  | { readonly kind: "section-start"; readonly catalogId: string; readonly index: number; readonly total: number }
  | { readonly kind: "section-done"; readonly catalogId: string; readonly index: number; readonly total: number; readonly status: SectionStatus; readonly rows: number };

/** Options of {@link runReport}. */
export interface RunReportOptions {
  /** The logs directory (storage-archive or flat layout). */
  readonly logs: string;
  readonly layout?: Layout | "auto";
  /**
   * The catalog entry with an id. Passed in because src/ must not import queries/: the CLI
   * gives `getEntry` from queries/index.ts.
   */
  readonly entryFor: (id: string) => CatalogEntry;
  /** The analyses to run; default {@link REPORT_SECTIONS}. */
  readonly sections?: readonly SectionSpec[];
  readonly onEvent?: (event: ReportEvent) => void;
  /** Stamped on the report; default now. */
  readonly createdAt?: Date;
  /** How many skipped lines to quote with file and line. */
  readonly issueSamples?: number;
}

const HOUR = 3_600_000;

/**
 * The catalog's time bin for a data span: about 20–170 points on a chart, whole hours or
 * days so that bins line up with the UTC clock.
 *
 * @example
 * ```ts
 * timeBinFor(7 * 24 * 3_600_000); // "6h"
 * ```
 */
export function timeBinFor(spanMs: number): string {
  if (spanMs <= 36 * HOUR) return "1h";
  if (spanMs <= 10 * 24 * HOUR) return "6h";
  if (spanMs <= 60 * 24 * HOUR) return "1d";
  return "7d";
}

function asDate(v: unknown): Date | null {
  if (v instanceof Date && !Number.isNaN(v.getTime())) return v;
  return null;
}

/**
 * Earliest and latest instants of the data: TimeGenerated over every table with rows, and
 * CallStartTime, because calls-over-time and daily-calls filter on the call's start, which
 * comes before the summary is logged.
 */
async function dataRange(db: LocalDb, rows: Readonly<Record<string, number>>): Promise<{ generated: { from: Date; to: Date } | null; earliestStart: Date | null }> {
  let from: Date | null = null;
  let to: Date | null = null;
  let earliestStart: Date | null = null;
  for (const table of acsTables) {
    if (!(rows[table.name] ?? 0) || !("TimeGenerated" in table.columns)) continue;
    const hasStart = "CallStartTime" in table.columns;
    const [r] = await db.all(
      `SELECT min("TimeGenerated") AS lo, max("TimeGenerated") AS hi${hasStart ? `, min("CallStartTime") AS st` : ""} FROM "${table.name}"`,
    );
    const lo = asDate(r?.["lo"]);
    const hi = asDate(r?.["hi"]);
    const st = asDate(r?.["st"]);
    if (lo && (!from || lo < from)) from = lo;
    if (hi && (!to || hi > to)) to = hi;
    if (st && (!earliestStart || st < earliestStart)) earliestStart = st;
  }
  return { generated: from && to ? { from, to } : null, earliestStart };
}

function issueLines(summary: IngestSummary, root: string, max: number): string[] {
  return summary.issues.slice(0, max).map((i) => {
    const rel = path.isAbsolute(i.file) ? path.relative(path.resolve(root), i.file) : i.file;
    const file = rel && !rel.startsWith("..") ? rel : i.file;
    return `${file}:${i.line}: ${i.kind}: ${i.message}`;
  });
}

function firstLine(err: unknown): string {
  const msg = err instanceof Error ? err.message : String(err);
  return msg.split("\n")[0] ?? msg;
}

async function runSection(db: LocalDb, spec: SectionSpec, entry: CatalogEntry, window: { now: Date; lookback: string; timeBin: string }): Promise<ReportSection> {
  const columns: ReportColumn[] = Object.entries(entry.query.columns).map(([name, type]) => ({ name, type }));
  const base = { group: spec.group, catalogId: entry.id, title: entry.title, description: entry.description, chart: spec.chart, ...(spec.note ? { note: spec.note } : {}) };
  const used = new Set(parametersOf(entry.query).map((x) => x.name));
  const params: Record<string, unknown> = {};
  const shown: Record<string, string> = {};
  if (used.has("lookback")) params["lookback"] = window.lookback;
  if (used.has("timeBin")) shown["timeBin"] = String((params["timeBin"] = window.timeBin));
  for (const [k, v] of Object.entries(spec.params ?? {})) {
    if (!used.has(k)) continue;
    params[k] = v;
    shown[k] = String(v);
  }
  const refused = unsupportedFeatures(entry.query);
  if (refused.length > 0) return { ...base, columns, rows: [], status: { kind: "unavailable", reason: refused.join("; ") } };
  const started = performance.now();
  let rows: LocalRow[];
  try {
    const sql = toDuckDbSql(entry.query, { params, now: window.now });
    rows = await db.all(sql);
  } catch (err) {
    if (err instanceof SqlUnsupportedError) return { ...base, columns, rows: [], status: { kind: "unavailable", reason: err.problems.join("; ") } };
    return { ...base, columns, rows: [], status: { kind: "failed", error: firstLine(err) } };
  }
  return { ...base, columns, rows, status: { kind: "ok", elapsedMs: performance.now() - started }, ...(Object.keys(shown).length ? { params: shown } : {}) };
}

/**
 * Loads the logs under `options.logs` into an in-memory DuckDB, runs the report's catalog
 * analyses on them and returns the report model. The queries' `now` is the latest
 * TimeGenerated in the data and `lookback` covers everything back to the earliest record
 * (or call start), so archived logs of any age are reported in full. Entries the SQL
 * backend refuses become "unavailable" sections with the reason; queries that fail become
 * "failed" sections — none is dropped.
 *
 * @throws InputError when the directory holds no ACS call log records (the loader throws
 *   it for a missing or empty directory).
 * @example
 * ```ts
 * import { getEntry } from "../../queries/index.js";
 * const report = await runReport({ logs: "./logs", entryFor: getEntry });
 * console.log(renderTerminalReport(report).join("\n"));
 * ```
 */
export async function runReport(options: RunReportOptions): Promise<Report> {
  const emit = options.onEvent ?? (() => {});
  const specs = options.sections ?? REPORT_SECTIONS;
  // Resolve entries first: an unknown id is a bug in the section list, found before any work.
  const entries = specs.map((s) => options.entryFor(s.catalogId));
  const db = await LocalDb.open();
  try {
    const loadStart = performance.now();
    const summary = await loadLogs(db, options.logs, {
      layout: options.layout ?? "auto",
      onProgress: (done, total, file) => emit({ kind: "files", done, total, file }),
    });
    emit({ kind: "loaded", summary, elapsedMs: performance.now() - loadStart });
    const totalRows = Object.values(summary.rows).reduce((a, b) => a + b, 0);
    if (totalRows === 0) {
      const skipped = Object.values(summary.issueCounts).reduce((a, b) => a + b, 0);
      throw new InputError([
        `--logs ${options.logs}: no ACS call log records found (${summary.files} files, ${summary.lines} lines read, ` +
          `${skipped} bad lines, ${summary.skippedUntyped} records of untyped categories). ` +
          "The report needs at least one record of a calling category (CallSummary, CallDiagnostics, ...). " +
          "Point --logs at the folder holding the insights-logs-* folders of the storage account, or at a Log Analytics export (<Table>.jsonl/.json/.csv).",
      ]);
    }
    const range = await dataRange(db, summary.rows);
    let window: DatasetFacts["window"] = null;
    let run: { now: Date; lookback: string; timeBin: string } | null = null;
    if (range.generated) {
      const now = range.generated.to;
      const earliest = range.earliestStart && range.earliestStart < range.generated.from ? range.earliestStart : range.generated.from;
      const span = now.getTime() - earliest.getTime();
      // `ago(lookback)` filters are strict (>), so one extra hour keeps the earliest record in.
      const hours = Math.ceil(span / HOUR) + 1;
      const lookback = `${hours}h`;
      const timeBin = timeBinFor(span);
      window = { from: new Date(now.getTime() - hours * HOUR), to: now, lookback, timeBin };
      run = { now, lookback, timeBin };
    }
    const sections: ReportSection[] = [];
    for (const [index, spec] of specs.entries()) {
      const entry = entries[index] as CatalogEntry;
      emit({ kind: "section-start", catalogId: entry.id, index, total: specs.length });
      const section = run
        ? await runSection(db, spec, entry, run)
        : {
            group: spec.group,
            catalogId: entry.id,
            title: entry.title,
            description: entry.description,
            chart: spec.chart,
            columns: [],
            rows: [],
            status: { kind: "unavailable", reason: "no record has a TimeGenerated, so there is no time window to query" } as const,
          };
      sections.push(section);
      emit({ kind: "section-done", catalogId: entry.id, index, total: specs.length, status: section.status, rows: section.rows.length });
    }
    const dataset: DatasetFacts = {
      root: options.logs,
      layout: summary.layout,
      files: summary.files,
      lines: summary.lines,
      rowsByTable: summary.rows,
      dataRange: range.generated,
      window,
      skippedUntyped: summary.skippedUntyped,
      issueCounts: summary.issueCounts,
      issueSamples: issueLines(summary, options.logs, options.issueSamples ?? 5),
    };
    return { title: "ACS call quality report", createdAt: options.createdAt ?? new Date(), dataset, headlines: headlinesOf(sections), sections };
  } finally {
    db.close();
  }
}
