import { describe, expect, it } from "vitest";
import { timeBinFor } from "../../src/report/run-report.js";
import { linearAxis } from "../../src/report/scale.js";
import { barChartSvg, columnChartSvg, shareBarSvg, stackedBarSvg, timeSeriesSvg } from "../../src/report/svg-charts.js";

interface Mark {
  readonly value: number;
  readonly attrs: Readonly<Record<string, number>>;
}

/** The rects/circles with a data-value, with their numeric attributes, read from the SVG text. */
function marks(svg: string, tag: "rect" | "circle"): Mark[] {
  return [...svg.matchAll(new RegExp(`<${tag} class="[a-z]+" data-value="([^"]+)"([^>]*)>`, "g"))].map((m) => {
    const attrs: Record<string, number> = {};
    for (const a of (m[2] ?? "").matchAll(/(\w+)="(-?[\d.]+)"/g)) attrs[a[1] ?? ""] = Number(a[2]);
    return { value: Number(m[1]), attrs };
  });
}

const close = (a: number, b: number) => expect(Math.abs(a - b)).toBeLessThan(0.05);

describe("linearAxis", () => {
  it("covers the maximum with round steps from 0", () => {
    expect(linearAxis(87)).toEqual({ top: 100, ticks: [0, 20, 40, 60, 80, 100] });
    expect(linearAxis(3, 5, true)).toEqual({ top: 3, ticks: [0, 1, 2, 3] });
    expect(linearAxis(0.37)).toEqual({ top: 0.4, ticks: [0, 0.1, 0.2, 0.3, 0.4] });
    expect(linearAxis(0)).toEqual({ top: 1, ticks: [0, 0.2, 0.4, 0.6, 0.8, 1] });
  });
});

describe("timeBinFor", () => {
  it("picks hourly bins up to 36 h, 6 h up to 10 days, daily up to 60 days, weekly beyond", () => {
    const h = 3_600_000;
    expect([1, 36, 37, 240, 241, 1440, 1441].map((n) => timeBinFor(n * h))).toEqual(["1h", "1h", "6h", "6h", "1d", "1d", "7d"]);
  });
});

describe("SVG chart scales", () => {
  it("bar chart: bars start at the same x and their lengths are proportional to the values", () => {
    const svg = barChartSvg("t", ["a", "b", "c"], [{ name: "n", values: [10, 30, 25] }]);
    const bars = marks(svg, "rect");
    expect(bars.map((b) => b.value)).toEqual([10, 30, 25]);
    const x = bars[0]?.attrs["x"] ?? NaN;
    for (const b of bars) close(b.attrs["x"] ?? NaN, x);
    const w = bars.map((b) => b.attrs["width"] ?? NaN);
    close((w[1] ?? 0) / (w[0] ?? 1), 3);
    close((w[2] ?? 0) / (w[0] ?? 1), 2.5);
    // bars are stacked top to bottom in row order
    const ys = bars.map((b) => b.attrs["y"] ?? NaN);
    expect([...ys].sort((p, q) => p - q)).toEqual(ys);
  });

  it("column chart: heights proportional to values, every column standing on the same baseline", () => {
    const svg = columnChartSvg("t", ["1", "2", "3", "4"], [{ name: "calls", values: [4, 8, 2, 0] }]);
    const cols = marks(svg, "rect");
    const base = (cols[0]?.attrs["y"] ?? 0) + (cols[0]?.attrs["height"] ?? 0);
    for (const c of cols) close((c.attrs["y"] ?? 0) + (c.attrs["height"] ?? 0), base);
    const h = cols.map((c) => c.attrs["height"] ?? NaN);
    close((h[1] ?? 0) / (h[0] ?? 1), 2);
    close((h[2] ?? 0) / (h[0] ?? 1), 0.5);
    close(h[3] ?? NaN, 0);
    // columns go left to right in row order
    const xs = cols.map((c) => c.attrs["x"] ?? NaN);
    expect([...xs].sort((p, q) => p - q)).toEqual(xs);
  });

  it("time series: x proportional to time (uneven gaps stay uneven), y linear in the value", () => {
    const times = ["2026-03-01T00:00:00Z", "2026-03-01T01:00:00Z", "2026-03-01T04:00:00Z"].map((s) => new Date(s));
    const svg = timeSeriesSvg("t", times, [{ name: "calls", values: [0, 10, 20] }], { gapMs: 3_600_000 });
    const pts = marks(svg, "circle");
    const cx = pts.map((p) => p.attrs["cx"] ?? NaN);
    const cy = pts.map((p) => p.attrs["cy"] ?? NaN);
    close(((cx[2] ?? 0) - (cx[0] ?? 0)) / ((cx[1] ?? 0) - (cx[0] ?? 1)), 4);
    close((cy[0] ?? 0) - (cy[1] ?? 0), (cy[1] ?? 0) - (cy[2] ?? 0));
    expect(cy[2]).toBeLessThan(cy[0] ?? 0); // bigger values are higher up
    // the 3-hour gap (more than 1.5 bins) is not bridged: two polylines would need 2+ points each, so only one is drawn
    expect(svg.match(/<polyline/g)?.length).toBe(1);
  });

  it("stacked 100 % bars: each row's segments fill the same width, in proportion to the parts", () => {
    const svg = stackedBarSvg("t", ["All", "Video"], [
      { name: "Good", values: [75, 1] },
      { name: "Poor", values: [25, 3] },
    ]);
    const segs = marks(svg, "rect");
    const [g1, p1, g2, p2] = segs.map((s) => s.attrs["width"] ?? NaN);
    close((g1 ?? 0) + (p1 ?? 0), (g2 ?? 0) + (p2 ?? 0));
    close((g1 ?? 0) / (p1 ?? 1), 3);
    close((p2 ?? 0) / (g2 ?? 1), 3);
    expect(svg).toContain("75.0 %");
  });

  it("share bar: segments sized by share of the total, legend gives counts and shares", () => {
    const svg = shareBarSvg("t", ["P2P", "Group"], [150, 50]);
    const [a, b] = marks(svg, "rect").map((s) => s.attrs["width"] ?? NaN);
    close((a ?? 0) / (b ?? 1), 3);
    expect(svg).toContain("P2P: 150 (75.0 %)");
    expect(svg).toContain("Group: 50 (25.0 %)");
  });

  it("every chart kind shows 'no data' for an empty or all-zero result", () => {
    const empty = [
      barChartSvg("t", [], []),
      columnChartSvg("t", ["a"], [{ name: "n", values: [0] }]),
      timeSeriesSvg("t", [], [{ name: "n", values: [] }]),
      stackedBarSvg("t", ["a"], [{ name: "n", values: [null] }]),
      shareBarSvg("t", [], []),
    ];
    for (const svg of empty) {
      expect(svg).toContain(">no data</text>");
      expect(svg).not.toContain('class="bar"');
    }
  });
});
