// Ground-truth checks of the 'quality' catalog area on the generated dataset. Expected numbers
// are recomputed in plain JS from the generator's truth: the per-stream facts record the
// latest report's classification and the rules it breaks, which is what the catalog's
// deduplicated, classified streams must reproduce.
import { expect } from "vitest";
import type { CallFact, ParticipantFact, PoorReason, StreamFact } from "../../../src/generate/index.js";
import { POOR_REASONS } from "../../../src/generate/index.js";
import type { LocalRow } from "../../../src/local/duckdb.js";
import { entries } from "../../../queries/quality.js";
import { supportedIds, sumOf } from "../harness.js";
import type { GeneratedCheck } from "./check.js";
import { counts, expectOrdered, factsOf } from "./generated-volume.js";
import { keyed, osFamily, pct, percentile } from "./truth-views.js";

/** The catalog's `round(100.0 * part / whole, 2)`. */
export const percent = pct;

/** A stream together with its call. */
interface CallStream {
  readonly call: CallFact;
  readonly s: StreamFact;
}

export function streamsOf(facts: readonly CallFact[], keep: (s: StreamFact, call: CallFact) => boolean = () => true): CallStream[] {
  return facts.flatMap((call) => call.streams.filter((s) => keep(s, call)).map((s) => ({ call, s })));
}

/**
 * The key of a summary row as quality.ts and joins.ts compute it: ParticipantId, else the
 * summary's EndpointId, which cross-tenant redaction turned into "Redacted".
 */
export function summaryKeyOf(p: ParticipantFact): string {
  return p.participantId || (p.redacted ? "Redacted" : p.endpointId);
}

/** The participant (summary row) a stream joins to on CorrelationId + ParticipantKey, if any. */
export function summaryOfStream(call: CallFact, s: StreamFact): ParticipantFact | undefined {
  return call.participants.find((p) => summaryKeyOf(p) === s.participantKey);
}

const NETWORK_REASONS: readonly PoorReason[] = ["RoundTripTime", "Jitter", "PacketLoss"];

/** Thresholds that no planted value reaches: the three network rules never fire. */
const NETWORK_RULES_OFF = { rttPoorMs: 1_000_000_000, jitterPoorMs: 1_000_000_000, packetLossPoorRatio: 2 } as const;

/** Poor streams per rule as counted by one rule alone (the stream breaks it, maybe others too). */
function poorByRule(streams: readonly CallStream[], reason: PoorReason): number {
  return streams.filter(({ s }) => s.poorReasons.includes(reason)).length;
}

/** Expected classification rows (per media kind plus 'All') for a stream selection and poor rule. */
function classification(streams: readonly CallStream[], isPoor: (s: StreamFact) => boolean) {
  const groups: Record<string, CallStream[]> = { All: [...streams] };
  for (const x of streams) (groups[x.s.mediaKind] ??= []).push(x);
  return Object.fromEntries(
    Object.entries(groups).map(([kind, g]) => {
      const poor = g.filter(({ s }) => isPoor(s)).length;
      return [kind, { Streams: g.length, GoodStreams: g.length - poor, PoorStreams: poor, GoodPercent: percent(g.length - poor, g.length), PoorPercent: percent(poor, g.length) }];
    }),
  );
}

const rowsBy = (rows: readonly LocalRow[], key: string, cols: readonly string[]) =>
  Object.fromEntries(rows.map((r) => [String(r[key]), Object.fromEntries(cols.map((c) => [c, Number(r[c])]))]));

/** A network metric of the counted report, as the histogram and percentile entries read it. */
type NetworkMetric = "roundTripTimeAvg" | "roundTripTimeMax" | "jitterAvg" | "jitterMax" | "packetLossRateAvg" | "packetLossRateMax";

/** Kusto's bin(x, size) as the backend computes it: floor(x / size) * size (in doubles for a real size). */
const binOf = (x: number, size: number) => Math.floor(x / size) * size;

/**
 * Checks a histogram entry: streams per bin of the metric of each stream's counted report,
 * every bin exact. For the Avg histograms the bins from the threshold up also hold exactly
 * the streams the rule flags (the generator keeps good averages under half a threshold).
 */
function histogramCheck(id: string, binColumn: string, metric: NetworkMetric, size: number, reason: PoorReason, threshold: string): GeneratedCheck {
  return async ({ run, truth }) => {
    const facts = factsOf(truth);
    const t = truth.thresholds[threshold] as number;
    for (const mediaTypes of [undefined, ["Audio"]]) {
      const rows = await run(id, mediaTypes ? { mediaTypes } : {});
      const streams = streamsOf(facts, (s) => !mediaTypes || mediaTypes.includes(s.mediaType));
      const expected: Record<string, number> = {};
      for (const { s } of streams) {
        const v = s[metric];
        if (v !== null) expected[String(binOf(v, size))] = (expected[String(binOf(v, size))] ?? 0) + 1;
      }
      expect(counts(rows, binColumn, "Streams")).toEqual(expected);
      expectOrdered(rows, binColumn, "asc");
      if (metric.endsWith("Avg")) expect(sumOf(rows.filter((r) => Number(r[binColumn]) >= t - 1e-9), "Streams")).toBe(poorByRule(streams, reason));
      expect(poorByRule(streams, reason)).toBeGreaterThan(0);
    }
  };
}

const qualityChecks: Record<string, GeneratedCheck> = {
  "stream-quality-classification": async ({ run, truth }) => {
    const facts = factsOf(truth);
    const cols = ["Streams", "GoodStreams", "PoorStreams", "GoodPercent", "PoorPercent"];
    const rows = await run("stream-quality-classification");
    expect(rowsBy(rows, "MediaKind", cols)).toEqual(classification(streamsOf(facts), (s) => s.poor));
    const a = truth.aggregates;
    expect(rows.find((r) => r["MediaKind"] === "All")?.["PoorStreams"]).toBe(a.poorStreams);
    expect(counts(rows.filter((r) => r["MediaKind"] !== "All"), "MediaKind", "Streams")).toEqual(a.streamsByMediaKind);
    expect(counts(rows.filter((r) => r["MediaKind"] !== "All" && Number(r["PoorStreams"]) > 0), "MediaKind", "PoorStreams")).toEqual(a.poorStreamsByMediaKind);
    expectOrdered(rows, "Streams");
    // A media-type filter, and thresholds that switch the network rules off: only the
    // media-specific rules (jitter buffer, healed data, frame rate, ...) still make streams poor.
    const screen = await run("stream-quality-classification", { mediaTypes: ["VBSS", "AppSharing"], ...NETWORK_RULES_OFF });
    expect(rowsBy(screen, "MediaKind", cols)).toEqual(
      classification(streamsOf(facts, (s) => s.mediaKind === "ScreenShare"), (s) => s.poorReasons.some((r) => !NETWORK_REASONS.includes(r))),
    );
    const off = await run("stream-quality-classification", NETWORK_RULES_OFF);
    expect(rowsBy(off, "MediaKind", cols)).toEqual(classification(streamsOf(facts), (s) => s.poorReasons.some((r) => !NETWORK_REASONS.includes(r))));
  },

  "poor-stream-reasons": async ({ run, truth }) => {
    const facts = factsOf(truth);
    const expected = (streams: readonly CallStream[]) => {
      const out: Record<string, { PoorStreams: number; Calls: number }> = {};
      const calls: Record<string, Set<string>> = {};
      for (const { call, s } of streams)
        for (const r of s.poorReasons) {
          const k = `${r}|${s.mediaKind}`;
          (out[k] ??= { PoorStreams: 0, Calls: 0 }).PoorStreams++;
          (calls[k] ??= new Set()).add(call.correlationId);
        }
      for (const [k, set] of Object.entries(calls)) (out[k] as { Calls: number }).Calls = set.size;
      return out;
    };
    const actual = (rows: readonly LocalRow[]) =>
      Object.fromEntries(rows.map((r) => [`${String(r["Reason"])}|${String(r["MediaKind"])}`, { PoorStreams: Number(r["PoorStreams"]), Calls: Number(r["Calls"]) }]));
    const rows = await run("poor-stream-reasons");
    expect(actual(rows)).toEqual(expected(streamsOf(facts)));
    const fromAggregates = Object.entries(truth.aggregates.poorStreamsByKindAndReason).flatMap(([kind, byReason]) =>
      Object.entries(byReason).map(([reason, n]) => [`${reason}|${kind}`, n] as const),
    );
    expect(Object.fromEntries(Object.entries(actual(rows)).map(([k, v]) => [k, v.PoorStreams]))).toEqual(Object.fromEntries(fromAggregates));
    // Ordered by PoorStreams desc, then Reason asc.
    const order = rows.map((r) => [Number(r["PoorStreams"]), String(r["Reason"])] as const);
    expect(order).toEqual([...order].sort((x, y) => y[0] - x[0] || (x[1] < y[1] ? -1 : x[1] > y[1] ? 1 : 0)));
    const off = await run("poor-stream-reasons", { endpointTypes: ["Server"], ...NETWORK_RULES_OFF });
    expect(actual(off)).toEqual(
      expected(streamsOf(facts, (s) => s.reportedBy === "Server").map(({ call, s }) => ({ call, s: { ...s, poorReasons: s.poorReasons.filter((r) => !NETWORK_REASONS.includes(r)) } }))),
    );
  },

  "impacted-calls": async ({ run, truth }) => {
    const facts = factsOf(truth);
    const a = truth.aggregates;
    const [row] = await run("impacted-calls");
    expect(row?.["Calls"]).toBe(a.callsWithDiagnostics);
    expect(row?.["ImpactedCalls"]).toBe(a.impactedCalls);
    expect(row?.["ImpactedCalls"]).toBe(facts.filter((c) => c.impacted).length);
    expect(row?.["Streams"]).toBe(a.streams);
    expect(row?.["PoorStreams"]).toBe(a.poorStreams);
    expect(row?.["ImpactedPercent"]).toBe(percent(a.impactedCalls, a.callsWithDiagnostics));
    expect(row?.["PoorStreamPercent"]).toBe(percent(a.poorStreams, a.streams));
    // Video only: a call is impacted when one of its video streams is poor.
    const [video] = await run("impacted-calls", { mediaTypes: ["Video"] });
    const withVideo = facts.filter((c) => c.streams.some((s) => s.mediaType === "Video"));
    const impacted = withVideo.filter((c) => c.streams.some((s) => s.mediaType === "Video" && s.poor)).length;
    expect(video?.["Calls"]).toBe(withVideo.length);
    expect(video?.["ImpactedCalls"]).toBe(impacted);
    expect(video?.["ImpactedPercent"]).toBe(percent(impacted, withVideo.length));
  },

  // A call falls in the bin of its first diagnostics row after the dedupe (the truth's firstDiagnosticsTime).
  "impacted-calls-over-time": async ({ run, truth }) => {
    const facts = factsOf(truth).filter((c) => c.firstDiagnosticsTime !== null);
    expect(facts).toHaveLength(truth.aggregates.callsWithDiagnostics);
    for (const [timeBin, binMs] of [["1h", 3_600_000], ["1d", 86_400_000]] as const) {
      const rows = await run("impacted-calls-over-time", { timeBin });
      expectOrdered(rows, "TimeGenerated", "asc");
      const expected: Record<string, { Calls: number; ImpactedCalls: number; ImpactedPercent: number }> = {};
      for (const c of facts) {
        const bin = new Date(binOf(Date.parse(c.firstDiagnosticsTime as string), binMs)).toISOString();
        const e = (expected[bin] ??= { Calls: 0, ImpactedCalls: 0, ImpactedPercent: 0 });
        e.Calls++;
        if (c.impacted) e.ImpactedCalls++;
      }
      for (const e of Object.values(expected)) e.ImpactedPercent = percent(e.ImpactedCalls, e.Calls);
      expect(keyed(rows, ["TimeGenerated"], ["Calls", "ImpactedCalls", "ImpactedPercent"])).toEqual(expected);
    }
  },

  "participant-quality": async ({ run, truth }) => {
    const facts = factsOf(truth);
    const t = truth.thresholds;
    const expected = (callTypes: readonly string[] | null, mediaTypes: readonly string[] | null) => {
      const out: string[] = [];
      for (const call of facts) {
        if (callTypes && !callTypes.includes(call.callType)) continue;
        for (const key of new Set(call.participants.map(summaryKeyOf))) {
          const streams = call.streams.filter((s) => s.participantKey === key && (!mediaTypes || mediaTypes.includes(s.mediaType)));
          const reasons = POOR_REASONS.filter((r) => streams.some((s) => s.poorReasons.includes(r)));
          out.push(JSON.stringify([call.correlationId, key, streams.length > 0, streams.length, streams.filter((s) => s.poor).length, reasons.join(", ")]));
        }
      }
      return out.sort();
    };
    const actual = (rows: readonly LocalRow[]) =>
      rows
        .map((r) =>
          JSON.stringify([
            r["CorrelationId"],
            String(r["ParticipantId"]) || String(r["EndpointId"]),
            r["HasDiagnostics"],
            Number(r["Streams"]),
            Number(r["PoorStreams"]),
            String(r["PoorReasons"] ?? ""),
          ]),
        )
        .sort();
    const rows = await run("participant-quality");
    expect(actual(rows)).toEqual(expected(null, null));
    // Worst first: PoorStreams desc, then Streams desc.
    const order = rows.map((r) => [Number(r["PoorStreams"]), Number(r["Streams"])] as const);
    expect(order).toEqual([...order].sort((x, y) => y[0] - x[0] || y[1] - x[1]));
    // The worst averages cross a threshold exactly when that rule fired on one of the streams.
    for (const r of rows.filter((x) => x["HasDiagnostics"] === true)) {
      const reasons = String(r["PoorReasons"]).split(", ");
      expect([r["CorrelationId"], Number(r["MaxRoundTripTimeAvg"]) > (t["rttPoorMs"] as number)]).toEqual([r["CorrelationId"], reasons.includes("RoundTripTime")]);
      expect(Number(r["MaxJitterAvg"]) > (t["jitterPoorMs"] as number)).toBe(reasons.includes("Jitter"));
      expect(Number(r["MaxPacketLossRateAvg"]) > (t["packetLossPoorRatio"] as number)).toBe(reasons.includes("PacketLoss"));
    }
    // Cross-tenant P2P endpoints have a Redacted EndpointId in the summary, so no streams match.
    const noDiagnostics = rows.filter((r) => r["HasDiagnostics"] === false).length;
    expect(noDiagnostics).toBe(expected(null, null).filter((x) => (JSON.parse(x) as unknown[])[2] === false).length);
    const p2pVideo = await run("participant-quality", { callTypes: ["P2P"], mediaTypes: ["Video"] });
    expect(actual(p2pVideo)).toEqual(expected(["P2P"], ["Video"]));
  },

  "poor-streams-by-dimension": async ({ run, truth }) => {
    const facts = factsOf(truth);
    const valuesOf = (call: CallFact, s: StreamFact): Record<string, string> => {
      const p = summaryOfStream(call, s);
      return {
        MediaType: s.mediaType,
        TransportType: s.transportType,
        EndpointType: s.reportedBy,
        OsName: p ? osFamily(p.osVersion) : "NoSummary",
        SdkVersion: p ? p.sdkVersion || "Unknown" : "NoSummary",
      };
    };
    const expected = (streams: readonly CallStream[]) => {
      const groups: Record<string, CallStream[]> = {};
      for (const x of streams) for (const [dim, v] of Object.entries(valuesOf(x.call, x.s))) (groups[`${dim}|${v}`] ??= []).push(x);
      return Object.fromEntries(
        Object.entries(groups).map(([k, g]) => {
          const poor = g.filter(({ s }) => s.poor);
          const calls = new Set(g.map(({ call }) => call.correlationId)).size;
          const impacted = new Set(poor.map(({ call }) => call.correlationId)).size;
          return [k, { Streams: g.length, PoorStreams: poor.length, Calls: calls, ImpactedCalls: impacted, PoorPercent: percent(poor.length, g.length), ImpactedPercent: percent(impacted, calls) }];
        }),
      );
    };
    const cols = ["Streams", "PoorStreams", "Calls", "ImpactedCalls", "PoorPercent", "ImpactedPercent"];
    const actual = (rows: readonly LocalRow[]) =>
      Object.fromEntries(rows.map((r) => [`${String(r["Dimension"])}|${String(r["Value"])}`, Object.fromEntries(cols.map((c) => [c, Number(r[c])]))]));
    const rows = await run("poor-streams-by-dimension");
    expect(actual(rows)).toEqual(expected(streamsOf(facts)));
    // Every dimension covers every stream once.
    const transport = rows.filter((r) => r["Dimension"] === "TransportType");
    expect(sumOf(transport, "Streams")).toBe(truth.aggregates.streams);
    expect(sumOf(transport, "PoorStreams")).toBe(truth.aggregates.poorStreams);
    expect(counts(rows.filter((r) => r["Dimension"] === "MediaType"), "Value", "Streams")).toEqual(truth.aggregates.streamsByMediaType);
    const order = rows.map((r) => [String(r["Dimension"]), Number(r["Streams"])] as const);
    expect(order).toEqual([...order].sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : y[1] - x[1])));
    // osNames filters the streams of every dimension by the participant's OS.
    const server = await run("poor-streams-by-dimension", { endpointTypes: ["Server"], osNames: ["Windows", "NoSummary"] });
    expect(actual(server)).toEqual(
      expected(streamsOf(facts, (s, call) => s.reportedBy === "Server" && ["Windows", "NoSummary"].includes(valuesOf(call, s)["OsName"] as string))),
    );
  },

  "rtt-histogram": histogramCheck("rtt-histogram", "RoundTripTimeAvgMs", "roundTripTimeAvg", 10, "RoundTripTime", "rttPoorMs"),
  "jitter-histogram": histogramCheck("jitter-histogram", "JitterAvgMs", "jitterAvg", 10, "Jitter", "jitterPoorMs"),
  "packet-loss-histogram": histogramCheck("packet-loss-histogram", "PacketLossRateAvg", "packetLossRateAvg", 0.01, "PacketLoss", "packetLossPoorRatio"),
  "rtt-max-histogram": histogramCheck("rtt-max-histogram", "RoundTripTimeMaxMs", "roundTripTimeMax", 10, "RoundTripTime", "rttPoorMs"),
  "jitter-max-histogram": histogramCheck("jitter-max-histogram", "JitterMaxMs", "jitterMax", 10, "Jitter", "jitterPoorMs"),
  "packet-loss-max-histogram": histogramCheck("packet-loss-max-histogram", "PacketLossRateMax", "packetLossRateMax", 0.01, "PacketLoss", "packetLossPoorRatio"),

  "network-metric-quality-ratio": async ({ run, truth }) => {
    const streams = streamsOf(factsOf(truth));
    const n = streams.length;
    const expected = (poor: (r: PoorReason) => number) =>
      Object.fromEntries(
        NETWORK_REASONS.flatMap((r) => [
          [`${r}|Good`, { Streams: n - poor(r), Percent: percent(n - poor(r), n), ReportingStreams: n }],
          [`${r}|Poor`, { Streams: poor(r), Percent: percent(poor(r), n), ReportingStreams: n }],
        ]),
      );
    const actual = (rows: readonly LocalRow[]) =>
      Object.fromEntries(rows.map((r) => [`${String(r["Metric"])}|${String(r["Quality"])}`, { Streams: Number(r["Streams"]), Percent: Number(r["Percent"]), ReportingStreams: Number(r["ReportingStreams"]) }]));
    const rows = await run("network-metric-quality-ratio");
    expect(actual(rows)).toEqual(expected((r) => poorByRule(streams, r)));
    expect(rows.map((r) => `${String(r["Metric"])}|${String(r["Quality"])}`)).toEqual(
      [...NETWORK_REASONS].sort().flatMap((m) => [`${m}|Good`, `${m}|Poor`]),
    );
    expect(rows.find((r) => r["Metric"] === "RoundTripTime")?.["Rule"]).toBe(`RoundTripTimeAvg > ${truth.thresholds["rttPoorMs"]} ms`);
    // Thresholds nothing reaches: every metric keeps its Poor row, with 0 streams.
    const off = await run("network-metric-quality-ratio", NETWORK_RULES_OFF);
    expect(actual(off)).toEqual(expected(() => 0));
    expect(off.find((r) => r["Metric"] === "Jitter")?.["Rule"]).toBe(`JitterAvg > ${NETWORK_RULES_OFF.jitterPoorMs} ms`);
  },

  // Nearest-rank percentiles of each stream's counted averages, per media kind.
  "network-metric-percentiles": async ({ run, truth }) => {
    const streams = streamsOf(factsOf(truth));
    const metrics = [
      ["Rtt", "roundTripTimeAvg"],
      ["Jitter", "jitterAvg"],
      ["PacketLoss", "packetLossRateAvg"],
    ] as const;
    const rows = await run("network-metric-percentiles");
    expect(counts(rows, "MediaKind", "Streams")).toEqual(truth.aggregates.streamsByMediaKind);
    expectOrdered(rows, "Streams");
    const columns = metrics.flatMap(([prefix]) => [50, 90, 95, 99].map((q) => `${prefix}P${q}`));
    const expected = Object.fromEntries(
      Object.keys(truth.aggregates.streamsByMediaKind).map((kind) => {
        const ofKind = streams.filter(({ s }) => s.mediaKind === kind);
        const values = (m: NetworkMetric) => ofKind.map(({ s }) => s[m]).filter((v): v is number => v !== null);
        return [kind, Object.fromEntries(metrics.flatMap(([prefix, m]) => [50, 90, 95, 99].map((q) => [`${prefix}P${q}`, percentile(values(m), q)])))];
      }),
    );
    expect(keyed(rows, ["MediaKind"], columns)).toEqual(expected);
  },
};

/** One check per supported entry of queries/quality.ts. */
export const checks: Readonly<Record<string, GeneratedCheck>> = Object.fromEntries(
  entries.filter((e) => supportedIds.includes(e.id)).map((e) => {
    const check = qualityChecks[e.id];
    if (!check) throw new Error(`generated-quality: no check for ${e.id}`);
    return [e.id, check];
  }),
);
