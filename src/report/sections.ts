import type { ChartSpec } from "./model.js";

/** One analysis of the report: which catalog entry, under which group, charted how. */
export interface SectionSpec {
  readonly group: string;
  readonly catalogId: string;
  readonly chart: ChartSpec;
  /** What to look at first; shown above the chart. */
  readonly note?: string;
  /** Parameter values besides lookback and timeBin (which the report sets from the data). */
  readonly params?: Readonly<Record<string, string | number>>;
}

/**
 * The report's analyses, in order. Each names a catalog entry (`queries/`), so the same
 * numbers can be had in Log Analytics with `queries/kql/<id>.kql`; the column names in the
 * chart specs are the entry's result columns.
 */
export const REPORT_SECTIONS: readonly SectionSpec[] = [
  {
    group: "Volume",
    catalogId: "calls-over-time",
    chart: { kind: "timeseries", time: "TimeBin", series: ["Calls"] },
    note: "Calls by start time; bins without calls are absent (gaps in the line).",
  },
  { group: "Volume", catalogId: "call-type-ratio", chart: { kind: "share", label: "CallType", value: "Calls" } },
  { group: "Volume", catalogId: "participants-per-call", chart: { kind: "none" } },
  { group: "Volume", catalogId: "media-type-ratio", chart: { kind: "share", label: "MediaType", value: "Streams" } },
  {
    group: "Quality",
    catalogId: "stream-quality-classification",
    chart: { kind: "stacked", label: ["MediaKind"], parts: ["GoodStreams", "PoorStreams"] },
    note: "Poor = at least one of Microsoft's per-stream thresholds crossed. A poor share in every media kind points at the network; video only, at bandwidth or devices.",
  },
  {
    group: "Quality",
    catalogId: "poor-stream-reasons",
    chart: { kind: "bar", label: ["Reason", "MediaKind"], values: ["PoorStreams"], maxBars: 15 },
    note: "A stream breaking several rules counts under each of them.",
  },
  {
    group: "Quality",
    catalogId: "network-metric-percentiles",
    chart: { kind: "none" },
    note: "Compare P95/P99 with the poor thresholds: RTT 500 ms, jitter 30 ms, packet loss 0.1.",
  },
  { group: "Impacted calls", catalogId: "impacted-calls", chart: { kind: "none" } },
  {
    group: "Impacted calls",
    catalogId: "impacted-calls-over-time",
    chart: { kind: "timeseries", time: "TimeGenerated", series: ["Calls", "ImpactedCalls"] },
    note: "A spike in impacted calls over few calls is noise; read the two lines together.",
  },
  {
    group: "End reasons",
    catalogId: "end-reasons-with-meaning",
    chart: {
      kind: "bar",
      label: ["EndCode", "EndSubCode", "ResultCategory"],
      values: ["participants"],
      maxBars: 12,
      exclude: { column: "SipClass", equals: "Success", caption: "The chart leaves out the Success class (codes 0 and 2xx); the table below has every row." },
    },
    params: { topN: 25 },
    note: "Participants per end code/subcode, with what the code means and what to do about it.",
  },
  {
    group: "End reasons",
    catalogId: "top-failing-subcodes-over-time",
    chart: { kind: "none" },
    note: "Which failing codes come and go over time (a make-series query: one array per code).",
  },
  { group: "End reasons", catalogId: "end-reasons-by-sip-class", chart: { kind: "share", label: "SipClass", value: "participants" } },
  {
    group: "End reasons",
    catalogId: "ungraceful-drop-rate",
    chart: { kind: "timeseries", time: "TimeBin", series: ["ungracefulPct", "overallUngracefulPct"], unit: "%" },
    note: "Ungraceful = ResultCategory UnexpectedClientError or UnexpectedServerError; bins far above the overall rate are incidents.",
  },
];
