// Ground-truth checks of the 'volume' catalog area on the generated dataset. Every expected
// number is recomputed in plain JS from the generator's truth (aggregates and per-call
// facts), following each entry's definition in queries/volume.ts.
import { expect } from "vitest";
import type { CallFact, NetworkMetricsFact, ParticipantFact, StreamFact } from "../../../src/generate/index.js";
import type { LocalRow } from "../../../src/local/duckdb.js";
import { entries } from "../../../queries/volume.js";
import { byKey, supportedIds, sumOf } from "../harness.js";
import type { GeneratedCheck } from "./check.js";
import { factsOf, osFamily, percentile } from "./truth-views.js";

export { factsOf } from "./truth-views.js";

/**
 * The network metrics of every ACSCallDiagnostics row of a stream as written: the older
 * report of a duplicated stream, then the counted (latest) one.
 */
export function reportsOf(s: StreamFact): NetworkMetricsFact[] {
  if (s.duplicateReport && !s.earlierReport) throw new Error("the truth's duplicated stream lacks earlierReport (truth.json from an older generator?)");
  return s.earlierReport ? [s.earlierReport, s] : [s];
}

/** Nearest-rank percentile of a non-empty list (see {@link percentile}). */
export function nearestRank(values: readonly number[], p: number): number {
  const v = percentile(values, p);
  if (v === null) throw new Error("nearestRank of an empty list");
  return v;
}

/** `n → count` of a list of keys. */
export function countBy<T>(items: readonly T[], key: (x: T) => string | number): Record<string, number> {
  const out: Record<string, number> = {};
  for (const x of items) {
    const k = String(key(x));
    out[k] = (out[k] ?? 0) + 1;
  }
  return out;
}

/** Rows as `key → number` (BIGINT and DOUBLE columns come back as numbers). */
export function counts(rows: readonly LocalRow[], key: string, value: string): Record<string, number> {
  return Object.fromEntries(Object.entries(byKey(rows, key, value)).map(([k, v]) => [k, Number(v)]));
}

/** A column's values must be sorted (descending by default, as the query orders). */
export function expectOrdered(rows: readonly LocalRow[], column: string, dir: "asc" | "desc" = "desc"): void {
  const values = rows.map((r) => r[column] as number | Date);
  const sorted = [...values].sort((a, b) => (dir === "asc" ? Number(a) - Number(b) : Number(b) - Number(a)));
  expect(values).toEqual(sorted);
}

/** volume.ts's EndpointKey of a summary row: redacted endpoints told apart by type and identifier. */
export function endpointKeyOf(p: ParticipantFact): string {
  return p.redacted ? `RedactedEndpoint-${p.endpointType}-Identifier-${p.identifier}` : p.endpointId;
}

/** Distinct participants of a call as participants-per-call counts them: (ParticipantId, EndpointKey). */
function participantsOf(call: CallFact, keep: (p: ParticipantFact) => boolean = () => true): Set<string> {
  return new Set(call.participants.filter(keep).map((p) => `${p.participantId}|${endpointKeyOf(p)}`));
}

/** Diagnostics rows of a call (every report, duplicates included), optionally of some media types. */
function diagnosticsRowsOf(call: CallFact, mediaTypes?: readonly string[]): number {
  return call.streams.filter((s) => !mediaTypes || mediaTypes.includes(s.mediaType)).reduce((n, s) => n + (s.duplicateReport ? 2 : 1), 0);
}

/** Microsoft's simplified OS version: up to ';' (Android), ':' (Darwin), '.' (Windows). */
function simplifiedOsVersion(os: string): string {
  if (os.includes("Android")) return os.split(";")[0] ?? "";
  if (os.includes("Darwin")) return os.split(":")[0] ?? "";
  if (os.includes("Windows")) return os.split(".")[0] ?? "";
  return os;
}

/** Per-call counts → the stats row the *-per-call entries return. */
function perCallStats(perCall: readonly number[]) {
  const sum = perCall.reduce((a, b) => a + b, 0);
  return { calls: perCall.length, sum, avg: sum / perCall.length, p50: nearestRank(perCall, 50), p90: nearestRank(perCall, 90), max: Math.max(...perCall) };
}

const allParticipants = (facts: readonly CallFact[]) => facts.flatMap((c) => c.participants.map((p) => ({ call: c, p })));

const volumeChecks: Record<string, GeneratedCheck> = {
  "participants-per-call": async ({ run, truth }) => {
    const facts = factsOf(truth);
    const expectStats = (row: LocalRow | undefined, perCall: number[]) => {
      const s = perCallStats(perCall);
      expect(row?.["Calls"]).toBe(s.calls);
      expect(row?.["Participants"]).toBe(s.sum);
      expect(row?.["AvgParticipantsPerCall"]).toBeCloseTo(s.avg, 9);
      expect(row?.["P50ParticipantsPerCall"]).toBe(s.p50);
      expect(row?.["P90ParticipantsPerCall"]).toBe(s.p90);
      expect(row?.["MaxParticipantsPerCall"]).toBe(s.max);
    };
    const all = await run("participants-per-call");
    expect(all).toHaveLength(1);
    expectStats(all[0], facts.map((c) => participantsOf(c).size));
    expect(all[0]?.["Participants"]).toBe(truth.aggregates.participants);
    expect(all[0]?.["MaxParticipantsPerCall"]).toBe(truth.aggregates.maxParticipantsPerCall);
    // A call counts when one of its rows matches, and then only the matching participants.
    const pstn = await run("participants-per-call", { endpointTypes: ["PSTN"] });
    expectStats(
      pstn[0],
      facts.map((c) => participantsOf(c, (p) => p.endpointType === "PSTN").size).filter((n) => n > 0),
    );
  },

  "participants-per-group-call-histogram": async ({ run, truth }) => {
    const rows = await run("participants-per-group-call-histogram");
    expect(counts(rows, "Participants", "Calls")).toEqual(truth.aggregates.groupCallsByParticipants);
    expectOrdered(rows, "Participants", "asc");
    const bots = await run("participants-per-group-call-histogram", { endpointTypes: ["BOT"] });
    const perCall = factsOf(truth)
      .filter((c) => c.callType === "Group")
      .map((c) => new Set(c.participants.filter((p) => p.endpointType === "BOT").map((p) => p.participantId)).size)
      .filter((n) => n > 0);
    expect(counts(bots, "Participants", "Calls")).toEqual(countBy(perCall, (n) => n));
  },

  "endpoints-per-call": async ({ run, truth }) => {
    const facts = factsOf(truth);
    const rows = await run("endpoints-per-call");
    const s = perCallStats(facts.map((c) => new Set(c.participants.map(endpointKeyOf)).size));
    expect(rows).toHaveLength(1);
    const row = rows[0];
    expect(row?.["Calls"]).toBe(s.calls);
    expect(row?.["Endpoints"]).toBe(truth.aggregates.endpoints);
    expect(row?.["Endpoints"]).toBe(s.sum);
    // A rejoin keeps its endpoint: fewer endpoints than participants by exactly the rejoins.
    expect(truth.aggregates.participants - s.sum).toBe(truth.aggregates.rejoins);
    expect(row?.["AvgEndpointsPerCall"]).toBeCloseTo(s.avg, 9);
    expect(row?.["P50EndpointsPerCall"]).toBe(s.p50);
    expect(row?.["P90EndpointsPerCall"]).toBe(s.p90);
    expect(row?.["MaxEndpointsPerCall"]).toBe(s.max);
    const p2p = await run("endpoints-per-call", { callTypes: ["P2P"] });
    const p2pCalls = facts.filter((c) => c.callType === "P2P");
    expect(p2p[0]?.["Calls"]).toBe(p2pCalls.length);
    expect(p2p[0]?.["Endpoints"]).toBe(2 * p2pCalls.length);
  },

  "streams-per-call": async ({ run, truth }) => {
    const facts = factsOf(truth);
    for (const mediaTypes of [undefined, ["Video"]]) {
      const rows = await run("streams-per-call", mediaTypes ? { mediaTypes } : {});
      const s = perCallStats(facts.map((c) => diagnosticsRowsOf(c, mediaTypes)).filter((n) => n > 0));
      expect(rows).toHaveLength(1);
      const row = rows[0];
      expect(row?.["Calls"]).toBe(s.calls);
      expect(row?.["Streams"]).toBe(s.sum);
      expect(row?.["AvgStreamsPerCall"]).toBeCloseTo(s.avg, 9);
      expect(row?.["P50StreamsPerCall"]).toBe(s.p50);
      expect(row?.["P90StreamsPerCall"]).toBe(s.p90);
      expect(row?.["MaxStreamsPerCall"]).toBe(s.max);
      if (!mediaTypes) {
        expect(row?.["Streams"]).toBe(truth.aggregates.diagnosticsRows);
        expect(row?.["Calls"]).toBe(truth.aggregates.callsWithDiagnostics);
      } else expect(row?.["Streams"]).toBe(truth.aggregates.diagnosticsRowsByMediaType["Video"]);
    }
  },

  "streams-per-call-histogram": async ({ run, truth }) => {
    const facts = factsOf(truth);
    const rows = await run("streams-per-call-histogram");
    expect(counts(rows, "StreamsPerCall", "Calls")).toEqual(countBy(facts.map((c) => diagnosticsRowsOf(c)).filter((n) => n > 0), (n) => n));
    expectOrdered(rows, "StreamsPerCall", "asc");
    const server = await run("streams-per-call-histogram", { endpointTypes: ["Server"] });
    const serverRows = facts.map((c) => c.streams.filter((s) => s.reportedBy === "Server").reduce((n, s) => n + (s.duplicateReport ? 2 : 1), 0));
    expect(counts(server, "StreamsPerCall", "Calls")).toEqual(countBy(serverRows.filter((n) => n > 0), (n) => n));
  },

  "call-type-ratio": async ({ run, truth }) => {
    const rows = await run("call-type-ratio");
    expect(counts(rows, "CallType", "Calls")).toEqual(truth.aggregates.callsByType);
    expectOrdered(rows, "Calls");
    // A call counts when at least one of its summary rows matches: calls with a PSTN leg.
    const pstn = await run("call-type-ratio", { endpointTypes: ["PSTN"] });
    const withPstn = factsOf(truth).filter((c) => c.participants.some((p) => p.endpointType === "PSTN"));
    expect(counts(pstn, "CallType", "Calls")).toEqual(countBy(withPstn, (c) => c.callType));
  },

  "call-duration-histogram": async ({ run, truth }) => {
    const facts = factsOf(truth);
    const rows = await run("call-duration-histogram");
    expect(counts(rows, "DurationSec", "Calls")).toEqual(countBy(facts, (c) => Math.floor(c.durationSec / 60) * 60));
    expectOrdered(rows, "DurationSec", "asc");
    expect(sumOf(rows, "Calls")).toBe(truth.aggregates.calls);
    const group = await run("call-duration-histogram", { callTypes: ["Group"] });
    expect(counts(group, "DurationSec", "Calls")).toEqual(
      countBy(facts.filter((c) => c.callType === "Group"), (c) => Math.floor(c.durationSec / 60) * 60),
    );
  },

  "call-duration-percentiles": async ({ run, truth }) => {
    const facts = factsOf(truth);
    for (const callTypes of [undefined, ["P2P"]]) {
      const calls = facts.filter((c) => !callTypes || callTypes.includes(c.callType));
      const d = calls.map((c) => c.durationSec);
      const [row] = await run("call-duration-percentiles", callTypes ? { callTypes } : {});
      expect(row?.["Calls"]).toBe(calls.length);
      expect(row?.["AvgDurationSec"]).toBeCloseTo(d.reduce((a, b) => a + b, 0) / d.length, 9);
      expect(row?.["P50DurationSec"]).toBe(nearestRank(d, 50));
      expect(row?.["P90DurationSec"]).toBe(nearestRank(d, 90));
      expect(row?.["P99DurationSec"]).toBe(nearestRank(d, 99));
    }
    expect(truth.aggregates.callDurationSec.sum / truth.aggregates.calls).toBeCloseTo(
      facts.reduce((n, c) => n + c.durationSec, 0) / facts.length,
      9,
    );
  },

  "calls-over-time": async ({ run, truth }) => {
    const facts = factsOf(truth);
    const hourOf = (iso: string) => Math.floor(Date.parse(iso) / 3_600_000) * 3_600_000;
    const rows = await run("calls-over-time");
    expect(Object.fromEntries(rows.map((r) => [(r["TimeBin"] as Date).getTime(), r["Calls"]]))).toEqual(countBy(facts, (c) => hourOf(c.start)));
    expectOrdered(rows, "TimeBin", "asc");
    // timeBin 1d gives daily-calls' numbers.
    const daily = await run("calls-over-time", { timeBin: "1d" });
    expect(Object.fromEntries(daily.map((r) => [(r["TimeBin"] as Date).toISOString().slice(0, 10), r["Calls"]]))).toEqual(truth.aggregates.callsByDay);
  },

  "daily-calls": async ({ run, truth }) => {
    const rows = await run("daily-calls");
    expect(Object.fromEntries(rows.map((r) => [(r["Day"] as Date).toISOString().slice(0, 10), r["Calls"]]))).toEqual(truth.aggregates.callsByDay);
    expectOrdered(rows, "Day", "asc");
    const group = await run("daily-calls", { callTypes: ["Group"] });
    expect(Object.fromEntries(group.map((r) => [(r["Day"] as Date).toISOString().slice(0, 10), r["Calls"]]))).toEqual(
      countBy(factsOf(truth).filter((c) => c.callType === "Group"), (c) => c.start.slice(0, 10)),
    );
  },

  "sdk-version-ratio": async ({ run, truth }) => {
    const parts = allParticipants(factsOf(truth));
    const distinct = (keep: (p: ParticipantFact) => boolean) =>
      countBy(
        [...new Set(parts.filter(({ p }) => keep(p)).map(({ call, p }) => JSON.stringify([call.correlationId, p.participantId, endpointKeyOf(p), p.sdkVersion])))],
        (k) => (JSON.parse(k) as string[])[3] as string,
      );
    const rows = await run("sdk-version-ratio");
    expect(counts(rows, "SdkVersion", "Participants")).toEqual(distinct(() => true));
    expect(sumOf(rows, "Participants")).toBe(truth.aggregates.participants);
    expect(rows.find((r) => r["SdkVersion"] === "Redacted")?.["Participants"]).toBe(truth.aggregates.redactedParticipants);
    expectOrdered(rows, "Participants");
    const voip = await run("sdk-version-ratio", { endpointTypes: ["VoIP"], sdkVersions: ["1.32.1.1", "2.11.1"] });
    expect(counts(voip, "SdkVersion", "Participants")).toEqual(distinct((p) => p.endpointType === "VoIP" && ["1.32.1.1", "2.11.1"].includes(p.sdkVersion)));
  },

  "os-ratio": async ({ run, truth }) => {
    const parts = allParticipants(factsOf(truth));
    const byFamily = (keep: (family: string) => boolean) =>
      countBy(
        [...new Set(parts.map(({ call, p }) => JSON.stringify([call.correlationId, p.participantId, endpointKeyOf(p), osFamily(p.osVersion)])))].filter((k) =>
          keep((JSON.parse(k) as string[])[3] as string),
        ),
        (k) => (JSON.parse(k) as string[])[3] as string,
      );
    const rows = await run("os-ratio");
    expect(counts(rows, "OsName", "Participants")).toEqual(byFamily(() => true));
    expect(rows.find((r) => r["OsName"] === "Unknown")?.["Participants"]).toBe(truth.aggregates.participantsByEndpointType["PSTN"]);
    expectOrdered(rows, "Participants");
    const mobile = await run("os-ratio", { osNames: ["Android", "iOS"] });
    expect(counts(mobile, "OsName", "Participants")).toEqual(byFamily((f) => f === "Android" || f === "iOS"));
  },

  "os-version-ratio": async ({ run, truth }) => {
    const parts = allParticipants(factsOf(truth));
    const expected = (keep: (p: ParticipantFact) => boolean) =>
      countBy(
        [
          ...new Set(
            parts
              .filter(({ p }) => keep(p))
              .map(({ call, p }) => JSON.stringify([call.correlationId, p.participantId, endpointKeyOf(p), `${simplifiedOsVersion(p.osVersion)}|${osFamily(p.osVersion)}`])),
          ),
        ],
        (k) => (JSON.parse(k) as string[])[3] as string,
      );
    const rows = await run("os-version-ratio");
    const actual = (rs: readonly LocalRow[]) => Object.fromEntries(rs.map((r) => [`${String(r["OsVersionSimplified"])}|${String(r["OsName"])}`, r["Participants"]]));
    expect(actual(rows)).toEqual(expected(() => true));
    expect(actual(rows)["Windows 10|Windows"]).toBeGreaterThan(0);
    expectOrdered(rows, "Participants");
    const p2p = await run("os-version-ratio", { callTypes: ["P2P"], osNames: ["Windows"] });
    const p2pIds = new Set(factsOf(truth).filter((c) => c.callType === "P2P").map((c) => c.correlationId));
    const p2pParts = new Set(parts.filter(({ call }) => p2pIds.has(call.correlationId)).map(({ p }) => p));
    expect(actual(p2p)).toEqual(expected((p) => p2pParts.has(p) && osFamily(p.osVersion) === "Windows"));
  },

  "media-type-ratio": async ({ run, truth }) => {
    const rows = await run("media-type-ratio");
    expect(counts(rows, "MediaType", "Streams")).toEqual(truth.aggregates.diagnosticsRowsByMediaType);
    expectOrdered(rows, "Streams");
    const server = await run("media-type-ratio", { endpointTypes: ["Server"] });
    const serverStreams = factsOf(truth).flatMap((c) => c.streams.filter((s) => s.reportedBy === "Server"));
    expect(counts(server, "MediaType", "Streams")).toEqual(
      Object.fromEntries(Object.entries(countBy(serverStreams, (s) => s.mediaType)).map(([k, n]) => [k, n + serverStreams.filter((s) => s.mediaType === k && s.duplicateReport).length])),
    );
  },

  // Every row counts, the older report of a duplicated stream too; a stream keeps its leg's
  // transport in every report.
  "transport-type-ratio": async ({ run, truth }) => {
    const facts = factsOf(truth);
    const expected = (mediaTypes?: readonly string[]) => {
      const out: Record<string, number> = {};
      for (const s of facts.flatMap((c) => c.streams)) {
        if (!mediaTypes || mediaTypes.includes(s.mediaType)) out[s.transportType] = (out[s.transportType] ?? 0) + reportsOf(s).length;
      }
      return out;
    };
    const rows = await run("transport-type-ratio");
    expect(counts(rows, "TransportType", "Streams")).toEqual(expected());
    expect(sumOf(rows, "Streams")).toBe(truth.aggregates.diagnosticsRows);
    expectOrdered(rows, "Streams");
    // All three planted transports occur, so a query that lost one would differ.
    expect(rows).toHaveLength(3);
    const audio = await run("transport-type-ratio", { mediaTypes: ["Audio"] });
    expect(counts(audio, "TransportType", "Streams")).toEqual(expected(["Audio"]));
  },

  // Means over every row written (avg of a column, nulls left out), the older report of a
  // duplicated stream included. Not rounded by the query; summation order may differ in the
  // last bits, hence toBeCloseTo to 9 decimals.
  "average-telemetry-values": async ({ run, truth }) => {
    const facts = factsOf(truth);
    const metrics = [
      ["JitterAvg", "jitterAvg"],
      ["JitterMax", "jitterMax"],
      ["RoundTripTimeAvg", "roundTripTimeAvg"],
      ["RoundTripTimeMax", "roundTripTimeMax"],
      ["PacketLossRateAvg", "packetLossRateAvg"],
      ["PacketLossRateMax", "packetLossRateMax"],
    ] as const;
    const expected = (mediaTypes?: readonly string[]) => {
      const reports = facts.flatMap((c) => c.streams.filter((s) => !mediaTypes || mediaTypes.includes(s.mediaType)).flatMap(reportsOf));
      const mean = (k: keyof NetworkMetricsFact) => {
        const values = reports.map((r) => r[k]).filter((v): v is number => v !== null);
        return values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;
      };
      return { Streams: reports.length, ...Object.fromEntries(metrics.map(([col, k]) => [col, mean(k)])) } as Record<string, number | null>;
    };
    for (const mediaTypes of [undefined, ["Video", "VBSS"]]) {
      const rows = await run("average-telemetry-values", mediaTypes ? { mediaTypes } : {});
      expect(rows).toHaveLength(1);
      const row = rows[0] as LocalRow;
      const want = expected(mediaTypes);
      expect(row["Streams"]).toBe(want["Streams"]);
      for (const [col] of metrics) {
        const w = want[col];
        if (w === null || w === undefined) expect(row[col], col).toBeNull();
        else expect(Number(row[col]), `${col} ${mediaTypes ?? "all"}`).toBeCloseTo(w, 9);
      }
    }
    expect(expected()["Streams"]).toBe(truth.aggregates.diagnosticsRows);
  },
};

/** One check per supported entry of queries/volume.ts. */
export const checks: Readonly<Record<string, GeneratedCheck>> = Object.fromEntries(
  entries.filter((e) => supportedIds.includes(e.id)).map((e) => {
    const check = volumeChecks[e.id];
    if (!check) throw new Error(`generated-volume: no check for ${e.id}`);
    return [e.id, check];
  }),
);
