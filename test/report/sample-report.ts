// A hand-made report model for the renderer tests: every chart kind, an empty section, an
// unavailable one, a failed one, and hostile text in a row.
import type { Report, ReportSection } from "../../src/report/model.js";

export const HOSTILE = `<img src=x onerror=alert(1)>`;

const ok = { kind: "ok", elapsedMs: 12 } as const;

export const sections: readonly ReportSection[] = [
  {
    group: "Volume",
    catalogId: "call-type-ratio",
    title: "Calls by call type",
    description: "Share of P2P and group calls.",
    columns: [
      { name: "CallType", type: "string" },
      { name: "Calls", type: "long" },
    ],
    rows: [
      { CallType: "P2P", Calls: 1500 },
      { CallType: "Group", Calls: 500 },
    ],
    chart: { kind: "share", label: "CallType", value: "Calls" },
    status: ok,
  },
  {
    group: "Volume",
    catalogId: "calls-over-time",
    title: "Calls over time",
    description: "Calls per bin.",
    columns: [
      { name: "TimeBin", type: "datetime" },
      { name: "Calls", type: "long" },
    ],
    rows: [
      { TimeBin: new Date("2026-03-01T00:00:00Z"), Calls: 10 },
      { TimeBin: new Date("2026-03-01T06:00:00Z"), Calls: 40 },
      { TimeBin: new Date("2026-03-01T12:00:00Z"), Calls: 20 },
    ],
    chart: { kind: "timeseries", time: "TimeBin", series: ["Calls"] },
    status: ok,
    params: { timeBin: "6h" },
  },
  {
    group: "Quality",
    catalogId: "stream-quality-classification",
    title: "Stream quality",
    description: "Good vs poor.",
    columns: [
      { name: "MediaKind", type: "string" },
      { name: "Streams", type: "long" },
      { name: "GoodStreams", type: "long" },
      { name: "PoorStreams", type: "long" },
      { name: "PoorPercent", type: "real" },
    ],
    rows: [
      { MediaKind: "All", Streams: 100, GoodStreams: 75, PoorStreams: 25, PoorPercent: 25 },
      { MediaKind: "Audio", Streams: 60, GoodStreams: 54, PoorStreams: 6, PoorPercent: 10 },
    ],
    chart: { kind: "stacked", label: ["MediaKind"], parts: ["GoodStreams", "PoorStreams"] },
    status: ok,
  },
  {
    group: "Quality",
    catalogId: "poor-stream-reasons",
    title: "Why streams are poor",
    description: "Streams per rule.",
    columns: [
      { name: "Reason", type: "string" },
      { name: "MediaKind", type: "string" },
      { name: "PoorStreams", type: "long" },
    ],
    rows: [
      { Reason: "Jitter", MediaKind: "Audio", PoorStreams: 30 },
      { Reason: HOSTILE, MediaKind: "Video", PoorStreams: 10 },
      { Reason: "RoundTripTime", MediaKind: "Audio", PoorStreams: 1234567 },
    ],
    chart: { kind: "bar", label: ["Reason", "MediaKind"], values: ["PoorStreams"] },
    status: ok,
  },
  {
    group: "Quality",
    catalogId: "participants-per-group-call-histogram",
    title: "Participants per group call",
    description: "Histogram.",
    columns: [
      { name: "Participants", type: "long" },
      { name: "Calls", type: "long" },
    ],
    rows: [
      { Participants: 3, Calls: 8 },
      { Participants: 4, Calls: 2 },
    ],
    chart: { kind: "column", label: "Participants", values: ["Calls"] },
    status: ok,
  },
  {
    group: "Impacted calls",
    catalogId: "impacted-calls-over-time",
    title: "Impacted calls over time",
    description: "Empty on purpose.",
    columns: [
      { name: "TimeGenerated", type: "datetime" },
      { name: "Calls", type: "long" },
    ],
    rows: [],
    chart: { kind: "timeseries", time: "TimeGenerated", series: ["Calls"] },
    status: ok,
  },
  {
    group: "End reasons",
    catalogId: "end-reasons-with-meaning",
    title: "Top end codes",
    description: "Codes with meaning.",
    columns: [],
    rows: [],
    chart: { kind: "none" },
    status: { kind: "unavailable", reason: "lookup on a datatable is not supported" },
  },
  {
    group: "End reasons",
    catalogId: "ungraceful-drop-rate",
    title: "Ungraceful drops",
    description: "Rate.",
    columns: [],
    rows: [],
    chart: { kind: "none" },
    status: { kind: "failed", error: "Binder Error: <column> not found" },
  },
];

export const sampleReport: Report = {
  title: "ACS call quality report",
  createdAt: new Date("2026-03-08T10:00:00Z"),
  dataset: {
    root: "/data/logs",
    layout: "archive",
    files: 12,
    lines: 34567,
    rowsByTable: { ACSCallSummary: 4000, ACSCallDiagnostics: 30000, ACSCallSurvey: 0 },
    dataRange: { from: new Date("2026-03-01T00:05:00Z"), to: new Date("2026-03-07T23:55:00Z") },
    window: { from: new Date("2026-03-01T00:00:00Z"), to: new Date("2026-03-07T23:55:00Z"), lookback: "168h", timeBin: "6h" },
    skippedUntyped: 2,
    issueCounts: { malformed: 1, "wrong-type": 3, "unknown-category": 0, "missing-field": 0 },
    issueSamples: ["a/PT1H.json:7: malformed: not JSON", `b/PT1H.json:9: wrong-type: ${HOSTILE}`],
  },
  headlines: [
    { label: "Calls", value: "2,000", catalogId: "call-type-ratio" },
    { label: "Impacted calls", value: "25 %", detail: "25 of 100 calls", catalogId: "impacted-calls", tone: "warn" },
  ],
  sections,
};
