// Inline SVG charts for the HTML report: no scripts, no fonts, no network. Every number
// is also in the section's table, so the charts favour shape over precision; each mark
// carries a <title> (a native tooltip) and a data-value for tests.
import { escapeHtml } from "./escape.js";
import { formatNumber, formatTime } from "./format.js";
import { linearAxis, timeTicks } from "./scale.js";

/** Okabe–Ito colours: distinguishable with the common colour-vision deficiencies. */
export const PALETTE = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#8C6D00", "#444444"] as const;

/** A named series of numbers (null = not reported), one per category or instant. */
export interface Series {
  readonly name: string;
  readonly values: readonly (number | null)[];
  /** Fixed colour (e.g. good = green, poor = red); default from {@link PALETTE}. */
  readonly color?: string;
  /** Time series: a dashed line without point markers (a baseline such as an overall rate). */
  readonly dashed?: boolean;
}

export const CHART_WIDTH = 960;
const FONT = 12;
const CHAR_W = 6.6;

const colorOf = (s: Series, i: number) => s.color ?? PALETTE[i % PALETTE.length] ?? "#444";
const fmt = (n: number) => formatNumber(n);
const t = (text: string) => escapeHtml(text);
const num = (n: number) => Number(n.toFixed(2)).toString();

function truncate(label: string, maxChars: number): string {
  return label.length <= maxChars ? label : `${label.slice(0, Math.max(1, maxChars - 1))}…`;
}

function svg(height: number, label: string, body: string): string {
  return (
    `<svg class="chart" viewBox="0 0 ${CHART_WIDTH} ${num(height)}" ` +
    `width="${CHART_WIDTH}" height="${num(height)}" role="img" aria-label="${t(label)}" font-size="${FONT}">${body}</svg>`
  );
}

/**
 * The empty state: a framed "no data" box, so a missing chart never looks like a rendering bug.
 *
 * @example
 * ```ts
 * noDataSvg("Impacted calls over time");
 * ```
 */
export function noDataSvg(label: string): string {
  return svg(
    60,
    `${label}: no data`,
    `<rect x="0.5" y="0.5" width="${CHART_WIDTH - 1}" height="59" fill="none" stroke="#ccc" stroke-dasharray="4 3"/>` +
      `<text class="nodata" x="${CHART_WIDTH / 2}" y="35" text-anchor="middle" fill="#777">no data</text>`,
  );
}

function legend(series: readonly { readonly name: string; readonly color: string }[], x: number, y: number): string {
  let cx = x;
  let out = "";
  for (const s of series) {
    out += `<rect x="${num(cx)}" y="${num(y - 9)}" width="10" height="10" fill="${s.color}"/>`;
    out += `<text x="${num(cx + 14)}" y="${num(y)}">${t(s.name)}</text>`;
    cx += 14 + s.name.length * CHAR_W + 18;
  }
  return `<g class="legend">${out}</g>`;
}

const hasData = (series: readonly Series[]) => series.some((s) => s.values.some((v) => v !== null && v !== 0));
const maxOf = (series: readonly Series[]) => Math.max(0, ...series.flatMap((s) => s.values.map((v) => v ?? 0)));
const allIntegers = (series: readonly Series[]) => series.every((s) => s.values.every((v) => v === null || Number.isInteger(v)));

/**
 * Horizontal bars, one group per category and one bar per series; bar length is
 * proportional to the value on a 0-based axis. Negative values are drawn as 0 (the
 * report's charts are counts and shares).
 *
 * @example
 * ```ts
 * barChartSvg("Poor streams by rule", ["Jitter", "RTT"], [{ name: "PoorStreams", values: [12, 30] }]);
 * ```
 */
export function barChartSvg(label: string, categories: readonly string[], series: readonly Series[]): string {
  if (categories.length === 0 || !hasData(series)) return noDataSvg(label);
  const labelChars = Math.min(38, Math.max(...categories.map((c) => c.length)));
  const x0 = Math.max(60, labelChars * CHAR_W + 12);
  const valueRoom = 70;
  const plotW = CHART_WIDTH - x0 - valueRoom;
  const barH = series.length === 1 ? 16 : 11;
  const groupH = series.length * barH + 8;
  const top = series.length > 1 ? 26 : 8;
  const axis = linearAxis(maxOf(series), 5, allIntegers(series));
  const plotH = categories.length * groupH;
  const height = top + plotH + 24;
  const x = (v: number) => x0 + (Math.max(0, v) / axis.top) * plotW;
  let body = series.length > 1 ? legend(series.map((s, i) => ({ name: s.name, color: colorOf(s, i) })), x0, 14) : "";
  for (const tick of axis.ticks) {
    body += `<line x1="${num(x(tick))}" x2="${num(x(tick))}" y1="${top}" y2="${num(top + plotH)}" stroke="#e3e3e3"/>`;
    body += `<text x="${num(x(tick))}" y="${num(top + plotH + 16)}" text-anchor="middle" fill="#555">${t(fmt(tick))}</text>`;
  }
  categories.forEach((cat, ci) => {
    const gy = top + ci * groupH + 4;
    body += `<text x="${num(x0 - 6)}" y="${num(gy + (series.length * barH) / 2 + 4)}" text-anchor="end"><title>${t(cat)}</title>${t(truncate(cat, 38))}</text>`;
    series.forEach((s, si) => {
      const v = s.values[ci] ?? null;
      if (v === null) return;
      const y = gy + si * barH;
      const w = x(v) - x0;
      body +=
        `<rect class="bar" data-value="${v}" x="${num(x0)}" y="${num(y)}" width="${num(w)}" height="${barH - 2}" fill="${colorOf(s, si)}">` +
        `<title>${t(`${cat} — ${s.name}: ${fmt(v)}`)}</title></rect>`;
      body += `<text x="${num(x0 + w + 4)}" y="${num(y + barH - 4)}" fill="#333">${t(fmt(v))}</text>`;
    });
  });
  body += `<line x1="${num(x0)}" x2="${num(x0)}" y1="${top}" y2="${num(top + plotH)}" stroke="#888"/>`;
  return svg(height, label, body);
}

/**
 * Vertical columns over ordered categories (histograms: calls per participant count, ...);
 * column height is proportional to the value on a 0-based axis.
 *
 * @example
 * ```ts
 * columnChartSvg("Participants per group call", ["3", "4", "5"], [{ name: "Calls", values: [40, 12, 3] }]);
 * ```
 */
export function columnChartSvg(label: string, categories: readonly string[], series: readonly Series[]): string {
  if (categories.length === 0 || !hasData(series)) return noDataSvg(label);
  const x0 = 56;
  const top = series.length > 1 ? 28 : 12;
  const plotW = CHART_WIDTH - x0 - 12;
  const plotH = 170;
  const height = top + plotH + 34;
  const axis = linearAxis(maxOf(series), 5, allIntegers(series));
  const y = (v: number) => top + plotH - (Math.max(0, v) / axis.top) * plotH;
  const slot = plotW / categories.length;
  const colW = Math.max(1, Math.min(48, (slot * 0.8) / series.length));
  const every = Math.max(1, Math.ceil((categories.length * 7 * CHAR_W) / plotW));
  let body = series.length > 1 ? legend(series.map((s, i) => ({ name: s.name, color: colorOf(s, i) })), x0, 14) : "";
  for (const tick of axis.ticks) {
    body += `<line x1="${x0}" x2="${x0 + plotW}" y1="${num(y(tick))}" y2="${num(y(tick))}" stroke="#e3e3e3"/>`;
    body += `<text x="${x0 - 6}" y="${num(y(tick) + 4)}" text-anchor="end" fill="#555">${t(fmt(tick))}</text>`;
  }
  categories.forEach((cat, ci) => {
    const cx = x0 + ci * slot + (slot - colW * series.length) / 2;
    series.forEach((s, si) => {
      const v = s.values[ci] ?? null;
      if (v === null) return;
      body +=
        `<rect class="bar" data-value="${v}" x="${num(cx + si * colW)}" y="${num(y(v))}" width="${num(colW)}" height="${num(top + plotH - y(v))}" fill="${colorOf(s, si)}">` +
        `<title>${t(`${cat} — ${s.name}: ${fmt(v)}`)}</title></rect>`;
    });
    if (ci % every === 0) {
      body += `<text x="${num(x0 + ci * slot + slot / 2)}" y="${top + plotH + 16}" text-anchor="middle">${t(truncate(cat, 12))}</text>`;
    }
  });
  body += `<line x1="${x0}" x2="${x0 + plotW}" y1="${top + plotH}" y2="${top + plotH}" stroke="#888"/>`;
  return svg(height, label, body);
}

/**
 * Lines over time, one per series, on a 0-based y axis. Points further apart than `gapMs`
 * (the query's bin: empty bins are absent from the result) are not joined, so a gap in the
 * data reads as a gap, not as a straight line through it.
 *
 * @example
 * ```ts
 * timeSeriesSvg("Calls", [new Date("2026-03-01T00:00Z"), new Date("2026-03-01T01:00Z")], [{ name: "Calls", values: [12, 30] }], { gapMs: 3_600_000 });
 * ```
 */
export function timeSeriesSvg(label: string, times: readonly Date[], series: readonly Series[], options: { readonly gapMs?: number; readonly unit?: string } = {}): string {
  const valid = times.map((d) => d.getTime()).filter((ms) => Number.isFinite(ms));
  if (valid.length === 0 || !hasData(series)) return noDataSvg(label);
  const x0 = 56;
  const top = 28;
  const plotW = CHART_WIDTH - x0 - 16;
  const plotH = 170;
  const height = top + plotH + 34;
  const from = Math.min(...valid);
  const to = Math.max(...valid);
  const span = to - from;
  const axis = linearAxis(maxOf(series), 5, allIntegers(series));
  const x = (ms: number) => (span === 0 ? x0 + plotW / 2 : x0 + ((ms - from) / span) * plotW);
  const y = (v: number) => top + plotH - (Math.max(0, v) / axis.top) * plotH;
  const unit = options.unit ? ` ${options.unit}` : "";
  let body = legend(series.map((s, i) => ({ name: s.name, color: colorOf(s, i) })), x0, 14);
  for (const tick of axis.ticks) {
    body += `<line x1="${x0}" x2="${x0 + plotW}" y1="${num(y(tick))}" y2="${num(y(tick))}" stroke="#e3e3e3"/>`;
    body += `<text x="${x0 - 6}" y="${num(y(tick) + 4)}" text-anchor="end" fill="#555">${t(fmt(tick) + unit)}</text>`;
  }
  const tt = timeTicks(from, to);
  for (const ms of span === 0 ? [from] : tt.ticks) {
    const label = tt.daily || span === 0 ? formatTime(new Date(ms)).slice(0, 10) : formatTime(new Date(ms)).slice(5);
    // Labels at the plot's edges are anchored inward so that they are not cut off.
    const half = (label.length * CHAR_W) / 2;
    const anchor = x(ms) - half < x0 - 40 ? "start" : x(ms) + half > CHART_WIDTH ? "end" : "middle";
    body += `<line x1="${num(x(ms))}" x2="${num(x(ms))}" y1="${top + plotH}" y2="${top + plotH + 4}" stroke="#888"/>`;
    body += `<text x="${num(x(ms))}" y="${top + plotH + 16}" text-anchor="${anchor}" fill="#555">${t(label)}</text>`;
  }
  series.forEach((s, si) => {
    const color = colorOf(s, si);
    const points = times.map((d, i) => ({ ms: d.getTime(), v: s.values[i] ?? null })).filter((p): p is { ms: number; v: number } => p.v !== null && Number.isFinite(p.ms));
    let run: string[] = [];
    const flush = () => {
      if (run.length > 1) {
        body += `<polyline class="line" fill="none" stroke="${color}" stroke-width="1.8"${s.dashed ? ' stroke-dasharray="6 4"' : ""} points="${run.join(" ")}"/>`;
      }
      run = [];
    };
    points.forEach((p, i) => {
      const prev = points[i - 1];
      if (prev && options.gapMs !== undefined && p.ms - prev.ms > options.gapMs * 1.5) flush();
      run.push(`${num(x(p.ms))},${num(y(p.v))}`);
    });
    flush();
    const dots = points.length <= 120 && !s.dashed;
    for (const p of points) {
      body +=
        `<circle class="point" data-value="${p.v}" cx="${num(x(p.ms))}" cy="${num(y(p.v))}" r="${dots ? 2.5 : s.dashed ? 0 : 0.8}" fill="${color}">` +
        `<title>${t(`${formatTime(new Date(p.ms))} — ${s.name}: ${fmt(p.v)}${unit}`)}</title></circle>`;
    }
  });
  body += `<line x1="${x0}" x2="${x0 + plotW}" y1="${top + plotH}" y2="${top + plotH}" stroke="#888"/>`;
  body += `<text x="${x0 + plotW}" y="14" text-anchor="end" fill="#777">time in UTC</text>`;
  return svg(height, label, body);
}

/**
 * One 100 % bar per category, split into the parts (e.g. good vs poor streams): segment
 * widths are each part's share of the row's total; shares of 8 % or more are printed inside.
 *
 * @example
 * ```ts
 * stackedBarSvg("Stream quality", ["Audio", "Video"], [
 *   { name: "GoodStreams", values: [900, 300], color: "#009E73" },
 *   { name: "PoorStreams", values: [100, 60], color: "#D55E00" },
 * ]);
 * ```
 */
export function stackedBarSvg(label: string, categories: readonly string[], parts: readonly Series[]): string {
  const totals = categories.map((_, ci) => parts.reduce((sum, p) => sum + Math.max(0, p.values[ci] ?? 0), 0));
  if (categories.length === 0 || totals.every((x) => x === 0)) return noDataSvg(label);
  const labelChars = Math.min(30, Math.max(...categories.map((c) => c.length)));
  const x0 = Math.max(60, labelChars * CHAR_W + 12);
  const plotW = CHART_WIDTH - x0 - 90;
  const barH = 20;
  const top = 26;
  const height = top + categories.length * (barH + 8) + 6;
  let body = legend(parts.map((p, i) => ({ name: p.name, color: colorOf(p, i) })), x0, 14);
  categories.forEach((cat, ci) => {
    const y = top + ci * (barH + 8);
    const total = totals[ci] ?? 0;
    body += `<text x="${num(x0 - 6)}" y="${num(y + barH / 2 + 4)}" text-anchor="end"><title>${t(cat)}</title>${t(truncate(cat, 30))}</text>`;
    let cx = x0;
    parts.forEach((p, pi) => {
      const v = Math.max(0, p.values[ci] ?? 0);
      if (total === 0 || v === 0) return;
      const w = (v / total) * plotW;
      const share = (100 * v) / total;
      body +=
        `<rect class="segment" data-value="${v}" x="${num(cx)}" y="${y}" width="${num(w)}" height="${barH}" fill="${colorOf(p, pi)}">` +
        `<title>${t(`${cat} — ${p.name}: ${fmt(v)} (${share.toFixed(1)} %)`)}</title></rect>`;
      if (share >= 8) body += `<text x="${num(cx + w / 2)}" y="${y + barH / 2 + 4}" text-anchor="middle" fill="#fff">${share.toFixed(1)} %</text>`;
      cx += w;
    });
    if (total === 0) body += `<rect x="${num(x0)}" y="${y}" width="${num(plotW)}" height="${barH}" fill="none" stroke="#ccc" stroke-dasharray="3 3"/>`;
    body += `<text x="${num(x0 + plotW + 6)}" y="${y + barH / 2 + 4}" fill="#333">${t(`n = ${fmt(total)}`)}</text>`;
  });
  return svg(height, label, body);
}

/**
 * The whole result as one 100 % bar: each category a segment sized by its share of the
 * total, with a legend giving the count and the share.
 *
 * @example
 * ```ts
 * shareBarSvg("Calls by call type", ["P2P", "Group"], [1500, 500]);
 * ```
 */
export function shareBarSvg(label: string, categories: readonly string[], values: readonly (number | null)[], colors: readonly (string | undefined)[] = []): string {
  const colorAt = (i: number) => colors[i] ?? PALETTE[i % PALETTE.length] ?? "#444";
  const vs = values.map((v) => Math.max(0, v ?? 0));
  const total = vs.reduce((a, b) => a + b, 0);
  if (categories.length === 0 || total === 0) return noDataSvg(label);
  const barH = 26;
  const rows = Math.ceil(categories.length / 3);
  const height = 8 + barH + 14 + rows * 18 + 4;
  let body = "";
  let cx = 0.5;
  const plotW = CHART_WIDTH - 1;
  categories.forEach((cat, i) => {
    const v = vs[i] ?? 0;
    if (v === 0) return;
    const w = (v / total) * plotW;
    const share = (100 * v) / total;
    const color = colorAt(i);
    body +=
      `<rect class="segment" data-value="${v}" x="${num(cx)}" y="8" width="${num(w)}" height="${barH}" fill="${color}">` +
      `<title>${t(`${cat}: ${fmt(v)} (${share.toFixed(1)} %)`)}</title></rect>`;
    if (w > 70) body += `<text x="${num(cx + w / 2)}" y="${8 + barH / 2 + 4}" text-anchor="middle" fill="#fff">${t(truncate(cat, Math.floor(w / CHAR_W) - 1))}</text>`;
    cx += w;
  });
  categories.forEach((cat, i) => {
    const v = vs[i] ?? 0;
    const lx = (i % 3) * (CHART_WIDTH / 3);
    const ly = 8 + barH + 18 + Math.floor(i / 3) * 18;
    body += `<rect x="${num(lx + 0.5)}" y="${ly - 9}" width="10" height="10" fill="${colorAt(i)}"/>`;
    body += `<text x="${num(lx + 15)}" y="${ly}">${t(`${truncate(cat, 22)}: ${fmt(v)} (${((100 * v) / total).toFixed(1)} %)`)}</text>`;
  });
  return svg(height, label, body);
}
