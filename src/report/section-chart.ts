import { escapeHtml } from "./escape.js";
import { formatCell, toNumber } from "./format.js";
import type { ReportColumn, ReportRow, ReportSection } from "./model.js";
import { barChartSvg, columnChartSvg, shareBarSvg, stackedBarSvg, timeSeriesSvg, type Series } from "./svg-charts.js";

/**
 * Colours that carry meaning in every chart: green for good, red-orange for poor, and grey
 * dashes for an overall baseline drawn next to the per-bin values.
 */
function seriesStyle(name: string): Pick<Series, "color" | "dashed"> {
  if (/^overall/i.test(name)) return { color: "#777777", dashed: true };
  if (/^good/i.test(name)) return { color: "#009E73" };
  if (/^poor/i.test(name)) return { color: "#D55E00" };
  return {};
}

/** Outcome categories keep their meaning too: success green, client failures amber, server failures red-orange. */
function categoryColor(label: string): string | undefined {
  if (/^success/i.test(label)) return "#009E73";
  if (/client failure/i.test(label)) return "#E69F00";
  if (/(server|global) failure/i.test(label)) return "#D55E00";
  return undefined;
}

function columnOf(section: ReportSection, name: string): ReportColumn {
  return section.columns.find((c) => c.name === name) ?? { name, type: "string" };
}

function labelOf(section: ReportSection, row: ReportRow, names: readonly string[]): string {
  return names.map((n) => formatCell(row[n], columnOf(section, n))).join(" · ");
}

function seriesOf(rows: readonly ReportRow[], names: readonly string[]): Series[] {
  return names.map((name) => ({ name, values: rows.map((r) => toNumber(r[name])), ...seriesStyle(name) }));
}

function toDate(v: unknown): Date {
  if (v instanceof Date) return v;
  if (typeof v === "string" || typeof v === "number") return new Date(v);
  return new Date(Number.NaN);
}

const UNIT_MS: Readonly<Record<string, number>> = { m: 60_000, h: 3_600_000, d: 86_400_000 };

/** `6h` → 21 600 000; the report only ever passes whole minutes, hours or days. */
export function timespanMs(text: string | undefined): number | undefined {
  const m = text ? /^(\d+)([mhd])$/.exec(text) : null;
  return m ? Number(m[1]) * (UNIT_MS[m[2] ?? ""] ?? 0) : undefined;
}

/**
 * The SVG chart of a section per its {@link ChartSpec}; "" for table-only sections and for
 * sections that did not run (they say why instead).
 *
 * @example
 * ```ts
 * const svg = sectionChartSvg(section); // "<svg class=\"chart\" ...>" or ""
 * ```
 */
export function sectionChartSvg(section: ReportSection): string {
  const spec = section.chart;
  if (section.status.kind !== "ok" || spec.kind === "none") return "";
  const title = section.title;
  const rows = section.rows;
  switch (spec.kind) {
    case "bar": {
      const ex = spec.exclude;
      const kept = ex ? rows.filter((r) => String(r[ex.column] ?? "") !== ex.equals) : rows;
      const shown = kept.slice(0, spec.maxBars ?? 15);
      const svg = barChartSvg(title, shown.map((r) => labelOf(section, r, spec.label)), seriesOf(shown, spec.values));
      return ex && kept.length < rows.length ? `${svg}<p class="sub">${escapeHtml(ex.caption)}</p>` : svg;
    }
    case "column":
      return columnChartSvg(title, rows.map((r) => labelOf(section, r, [spec.label])), seriesOf(rows, spec.values));
    case "timeseries": {
      const gapMs = timespanMs(section.params?.["timeBin"]);
      return timeSeriesSvg(title, rows.map((r) => toDate(r[spec.time])), seriesOf(rows, spec.series), {
        ...(gapMs !== undefined ? { gapMs } : {}),
        ...(spec.unit ? { unit: spec.unit } : {}),
      });
    }
    case "stacked":
      return stackedBarSvg(title, rows.map((r) => labelOf(section, r, spec.label)), seriesOf(rows, spec.parts));
    case "share": {
      const labels = rows.map((r) => labelOf(section, r, [spec.label]));
      return shareBarSvg(title, labels, rows.map((r) => toNumber(r[spec.value])), labels.map(categoryColor));
    }
  }
}
