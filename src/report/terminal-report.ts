import { formatCell, formatElapsed, formatNumber, formatTime, isPercentColumn, plural, toNumber } from "./format.js";
import type { DatasetFacts, Report, ReportColumn, ReportSection } from "./model.js";

/** Options of {@link renderTerminalReport}. */
export interface TerminalOptions {
  /** Rows shown per section before "… N more rows" (the HTML report has them all up to its own cap). */
  readonly maxRows?: number;
  /** Widest a text cell may get before it is cut with "…". */
  readonly maxCellWidth?: number;
}

const NUMERIC = new Set(["int", "long", "real"]);

function cut(text: string, width: number): string {
  const oneLine = text.replace(/\s+/g, " ");
  return oneLine.length <= width ? oneLine : `${oneLine.slice(0, Math.max(1, width - 1))}…`;
}

/**
 * A table with a header, a rule and aligned columns: numbers (and numeric-looking cells of
 * numeric columns) right-aligned, text left-aligned.
 *
 * @example
 * ```ts
 * alignTable([{ name: "CallType", type: "string" }, { name: "Calls", type: "long" }], [["P2P", "1,200"], ["Group", "80"]]);
 * // ["CallType  Calls", "--------  -----", "P2P       1,200", "Group        80"]
 * ```
 */
export function alignTable(columns: readonly ReportColumn[], cells: readonly (readonly string[])[], indent = ""): string[] {
  const widths = columns.map((c, i) => Math.max(c.name.length, ...cells.map((r) => (r[i] ?? "").length)));
  const right = columns.map((c) => NUMERIC.has(c.type));
  const line = (values: readonly string[]) =>
    indent +
    values
      .map((v, i) => (right[i] ? v.padStart(widths[i] ?? 0) : v.padEnd(widths[i] ?? 0)))
      .join("  ")
      .trimEnd();
  return [line(columns.map((c) => c.name)), line(widths.map((w) => "-".repeat(w))), ...cells.map(line)];
}

function datasetLines(d: DatasetFacts): string[] {
  const out: string[] = [];
  out.push(`Logs       ${d.root} (${d.layout} layout): ${plural(d.files, "file")}, ${plural(d.lines, "line")}`);
  out.push(d.dataRange ? `Data       ${formatTime(d.dataRange.from)} → ${formatTime(d.dataRange.to)} UTC (TimeGenerated)` : "Data       no rows with a TimeGenerated");
  if (d.window) {
    out.push(`Window     ${formatTime(d.window.from)} → ${formatTime(d.window.to)} UTC (lookback ${d.window.lookback} before the latest record; time bin ${d.window.timeBin})`);
  }
  const tables = Object.entries(d.rowsByTable).filter(([, n]) => n > 0);
  const empty = Object.keys(d.rowsByTable).length - tables.length;
  out.push(`Rows       ${tables.map(([name, n]) => `${name} ${formatNumber(n)}`).join(" · ") || "none"}${empty > 0 ? ` (${empty} other tables empty)` : ""}`);
  const issues = Object.entries(d.issueCounts).filter(([, n]) => n > 0);
  const skipped = issues.reduce((a, [, n]) => a + n, 0);
  out.push(
    `Skipped    ${skipped === 0 ? "no bad lines" : `${plural(skipped, "bad line")} (${issues.map(([k, n]) => `${k} ${formatNumber(n)}`).join(", ")})`}` +
      `; ${plural(d.skippedUntyped, "record")} of categories without a typed table`,
  );
  for (const s of d.issueSamples) out.push(`           ${s}`);
  if (skipped > d.issueSamples.length && d.issueSamples.length > 0) out.push(`           … ${formatNumber(skipped - d.issueSamples.length)} more`);
  return out;
}

const BLOCKS = "▁▂▃▄▅▆▇█";

/**
 * `▁▃█▅`: one block per value, scaled to the series' maximum (nulls as spaces).
 *
 * @example
 * ```ts
 * sparkline([10, 40, 20]); // "▃█▅"
 * ```
 */
export function sparkline(values: readonly (number | null)[]): string {
  const max = Math.max(0, ...values.map((v) => v ?? 0));
  return values
    .map((v) => (v === null ? " " : BLOCKS[max === 0 ? 0 : Math.min(7, Math.round((Math.max(0, v) / max) * 7))] ?? " "))
    .join("");
}

/** A time series in a terminal: a sparkline per series with its peak, instead of a long table. */
function seriesLines(s: ReportSection, time: string, series: readonly string[], unit?: string): string[] {
  const col = (name: string) => s.columns.find((c) => c.name === name) ?? { name, type: "real" as const };
  const times = s.rows.map((r) => formatCell(r[time], col(time)));
  const out = [`  ${times[0] ?? ""} → ${times.at(-1) ?? ""} UTC, ${plural(s.rows.length, "bin")} (the table is in the HTML report)`];
  const width = Math.max(...series.map((n) => n.length));
  for (const name of series) {
    const values = s.rows.map((r) => toNumber(r[name]));
    let peak = -1;
    values.forEach((v, i) => {
      if (v !== null && (peak < 0 || v > (values[peak] ?? -Infinity))) peak = i;
    });
    const present = values.filter((v): v is number => v !== null);
    const shown = (v: number | null | undefined) => `${formatCell(v, col(name))}${unit && !isPercentColumn(name) ? ` ${unit}` : ""}`;
    const peakText =
      peak < 0
        ? "no values"
        : present.every((v) => v === present[0])
          ? `${shown(present[0])} in every bin`
          : `peak ${shown(values[peak])} at ${times[peak] ?? ""}`;
    const chars = sparkline(values);
    out.push(`  ${name.padEnd(width)}  ${chars.length > 100 ? `${chars.slice(0, 99)}…` : chars}  ${peakText}`);
  }
  return out;
}

function sectionLines(s: ReportSection, options: Required<TerminalOptions>): string[] {
  const out = [`${s.title}  [catalog: ${s.catalogId}]`];
  if (s.status.kind === "unavailable") return [...out, `  not available locally: ${s.status.reason}`];
  if (s.status.kind === "failed") return [...out, `  FAILED: ${s.status.error}`];
  const params = Object.entries(s.params ?? {}).map(([k, v]) => `${k}=${v}`);
  out.push(`  ${plural(s.rows.length, "row")} in ${formatElapsed(s.status.elapsedMs)}${params.length ? `; ${params.join(", ")}` : ""}`);
  if (s.note) out.push(`  ${s.note}`);
  if (s.rows.length === 0) return [...out, "  no data"];
  if (s.chart.kind === "timeseries") return [...out, ...seriesLines(s, s.chart.time, s.chart.series, s.chart.unit)];
  const shown = s.rows.slice(0, options.maxRows);
  const cells = shown.map((r) => s.columns.map((c) => cut(formatCell(r[c.name], c), options.maxCellWidth)));
  out.push(...alignTable(s.columns, cells, "  "));
  if (s.rows.length > shown.length) out.push(`  … ${plural(s.rows.length - shown.length, "more row")} (all rows in the HTML report)`);
  return out;
}

/**
 * The report as plain text lines for a terminal: what was read, the headline numbers, then
 * each section under its group with its catalog id and an aligned table.
 *
 * @example
 * ```ts
 * for (const line of renderTerminalReport(report)) console.log(line);
 * ```
 */
export function renderTerminalReport(report: Report, options: TerminalOptions = {}): string[] {
  const opts: Required<TerminalOptions> = { maxRows: options.maxRows ?? 12, maxCellWidth: options.maxCellWidth ?? 48 };
  const out = renderTerminalSummary(report);
  let group = "";
  for (const s of report.sections) {
    if (s.group !== group) {
      group = s.group;
      out.push(`── ${group} ${"─".repeat(Math.max(3, 60 - group.length))}`, "");
    }
    out.push(...sectionLines(s, opts), "");
  }
  const notRun = report.sections.filter((s) => s.status.kind !== "ok");
  if (notRun.length > 0) out.push(`${plural(notRun.length, "section")} did not run: ${notRun.map((s) => s.catalogId).join(", ")}`);
  return out;
}

/**
 * The top of the terminal report: title, what was read and the headline numbers, without
 * the sections (what `npm start` prints after its sample run).
 *
 * @example
 * ```ts
 * for (const line of renderTerminalSummary(report)) console.log(line);
 * ```
 */
export function renderTerminalSummary(report: Report): string[] {
  const out = [report.title, "=".repeat(report.title.length), ...datasetLines(report.dataset), ""];
  if (report.headlines.length > 0) {
    out.push("Headlines");
    const cells = report.headlines.map((h) => [h.tone === "warn" ? `! ${h.label}` : `  ${h.label}`, h.value, h.detail ?? "", h.catalogId]);
    out.push(
      ...alignTable(
        [
          { name: "", type: "string" },
          { name: "value", type: "long" },
          { name: "", type: "string" },
          { name: "catalog id", type: "string" },
        ],
        cells,
        "  ",
      ).slice(2),
    );
    out.push("");
  }
  return out;
}
