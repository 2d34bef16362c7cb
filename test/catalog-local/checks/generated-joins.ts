// Ground-truth checks of the 'joins' catalog area on the generated dataset. The expected rows
// of each join are rebuilt in plain JS from the generator's per-call facts: which summary
// rows exist (one per leg, plus the server's in group calls), which streams each leg has,
// and which key joins them (ParticipantId, or the summary's EndpointId in P2P calls, which
// is "Redacted" for cross-tenant endpoints while diagnostics carry the real one).
import { expect } from "vitest";
import type { CallFact, NetworkMetricsFact, ParticipantFact, StreamFact } from "../../../src/generate/index.js";
import type { LocalRow } from "../../../src/local/duckdb.js";
import { entries } from "../../../queries/joins.js";
import { supportedIds, sumOf } from "../harness.js";
import type { GeneratedCheck } from "./check.js";
import { summaryKeyOf } from "./generated-quality.js";
import { countBy, expectOrdered, factsOf, reportsOf } from "./generated-volume.js";
import { band, normalised, surveys } from "./truth-views.js";

/** Diagnostics rows of a stream: the duplicated ones were reported twice. */
const rowsOfStream = (s: StreamFact) => (s.duplicateReport ? 2 : 1);

/** Summary participants of a call, one per join key (two redacted P2P endpoints share "Redacted"). */
function summaryKeys(call: CallFact, keep: (p: ParticipantFact) => boolean = () => true): string[] {
  return [...new Set(call.participants.filter(keep).map(summaryKeyOf))];
}

/** Rows of summary ⋈leftouter diagnostics for one call: per key its stream rows, or 1 row without a stream. */
function joinedRows(call: CallFact, keepStream: (s: StreamFact) => boolean = () => true, keepParticipant?: (p: ParticipantFact) => boolean) {
  return summaryKeys(call, keepParticipant).map((key) => {
    const streamRows = call.streams.filter((s) => s.participantKey === key && keepStream(s)).reduce((n, s) => n + rowsOfStream(s), 0);
    return { key, streamRows, rows: Math.max(1, streamRows) };
  });
}

const noStream = (r: LocalRow) => r["StreamId"] === null || r["StreamId"] === undefined;

/** Expects a table the generator does not write to give no rows. */
function emptyTableCheck(id: string, table: string, params: Readonly<Record<string, unknown>> = {}): GeneratedCheck {
  return async ({ run, truth }) => {
    expect(truth.rows[table] ?? 0).toBe(0);
    expect(await run(id, params)).toHaveLength(truth.rows[table] ?? 0);
  };
}

const joinChecks: Record<string, GeneratedCheck> = {
  "summary-diagnostics-by-participant-stream": async ({ run, truth }) => {
    const facts = factsOf(truth);
    const rows = await run("summary-diagnostics-by-participant-stream");
    const joined = facts.flatMap((c) => joinedRows(c));
    expect(rows).toHaveLength(joined.reduce((n, j) => n + j.rows, 0));
    expect(rows.filter(noStream)).toHaveLength(joined.filter((j) => j.streamRows === 0).length);
    // Every diagnostics row whose key has a summary row is kept once, server-reported ones included.
    const matched = facts.flatMap((c) => c.streams.filter((s) => summaryKeys(c).includes(s.participantKey)));
    const byReporter: Record<string, number> = {};
    for (const s of matched) byReporter[s.reportedBy] = (byReporter[s.reportedBy] ?? 0) + rowsOfStream(s);
    expect(countBy(rows.filter((r) => !noStream(r)), (r) => String(r["ReportedBy"]))).toEqual(byReporter);
    // The diagnostics rows the join cannot place are those of redacted P2P endpoints only.
    const unplaced = facts.flatMap((c) => c.streams.filter((s) => !summaryKeys(c).includes(s.participantKey)));
    expect(truth.aggregates.diagnosticsRows - rows.filter((r) => !noStream(r)).length).toBe(
      unplaced.reduce((n, s) => n + rowsOfStream(s), 0),
    );
    const p2pVideo = await run("summary-diagnostics-by-participant-stream", { callTypes: ["P2P"], mediaTypes: ["Video"] });
    const expected = facts.filter((c) => c.callType === "P2P").flatMap((c) => joinedRows(c, (s) => s.mediaType === "Video"));
    expect(p2pVideo).toHaveLength(expected.reduce((n, j) => n + j.rows, 0));
    expect(p2pVideo.filter((r) => !noStream(r))).toHaveLength(expected.reduce((n, j) => n + j.streamRows, 0));
  },

  "call-participants-streams": async ({ run, truth }) => {
    const facts = factsOf(truth);
    expect(await run("call-participants-streams")).toHaveLength(0);
    const biggest = [...facts].filter((c) => c.callType === "Group").sort((a, b) => b.participants.length - a.participants.length)[0] as CallFact;
    const withRejoin = facts.find((c) => c.participants.some((p) => p.rejoin));
    const redactedP2p = facts.find((c) => c.callType === "P2P" && c.participants.some((p) => p.redacted));
    const picked = [biggest, withRejoin, redactedP2p].filter((c): c is CallFact => c !== undefined);
    expect(picked.length).toBeGreaterThanOrEqual(2);
    for (const [i, call] of picked.entries()) {
      // The id is matched without case.
      const id = i === 0 ? call.correlationId.toUpperCase() : call.correlationId;
      const rows = await run("call-participants-streams", { correlationId: id });
      const joined = joinedRows(call);
      expect(rows).toHaveLength(joined.reduce((n, j) => n + j.rows, 0));
      expect(countBy(rows, (r) => String(r["ParticipantKey"]))).toEqual(Object.fromEntries(joined.map((j) => [j.key, j.rows])));
      expect(rows.every((r) => r["CorrelationId"] === call.correlationId)).toBe(true);
      for (const p of call.participants) {
        const mine = rows.filter((r) => r["ParticipantKey"] === summaryKeyOf(p));
        if (p.redacted && !p.participantId) continue; // two redacted P2P endpoints share one key
        expect(mine.every((r) => (r["ParticipantStartTime"] as Date).toISOString() === p.start)).toBe(true);
        expect(mine.every((r) => r["DroppedUngracefully"] === p.resultCategory.startsWith("Unexpected"))).toBe(true);
        expect(mine.every((r) => r["ParticipantEndReason"] === p.endCode && r["Redacted"] === p.redacted)).toBe(true);
      }
      expectOrdered(rows, "ParticipantStartTime", "asc");
    }
  },

  "summary-updates-latest": emptyTableCheck("summary-updates-latest", "ACSCallSummaryUpdates"),
  "diagnostics-updates-latest": emptyTableCheck("diagnostics-updates-latest", "ACSCallDiagnosticsUpdates"),

  "survey-ratings-by-participant": async ({ run, truth }) => {
    const s = truth.aggregates.surveys;
    const rows = await run("survey-ratings-by-participant");
    expect(rows).toHaveLength(s.rows);
    expect(s.rows).toBeGreaterThan(0);
    // Each survey's overall rating normalised within its own bounds, and its band.
    const bySurvey = (rs: readonly LocalRow[]) =>
      Object.fromEntries(rs.map((r) => [String(r["SurveyId"]), { n: r["NormalisedOverallRating"], band: r["RatingCategory"] }]));
    const planted = surveys(truth);
    expect(bySurvey(rows)).toEqual(Object.fromEntries(planted.map((x) => [x.surveyId, { n: normalised(x.overall), band: band(normalised(x.overall)) }])));
    // Some surveys use a 0–10 scale, where score × 5 / upper (ignoring the lower bound) differs below 10.
    expect(planted.some((x) => x.overall[1] === 0 && x.overall[0] < x.overall[2])).toBe(true);
    // AboveThreshold is score > threshold; the truth counts responses at or below it.
    expect(rows.filter((r) => r["AboveThreshold"] === false)).toHaveLength(s.byAspect["Overall"]?.belowThreshold ?? 0);
    expect(rows.filter((r) => r["AudioRatingScore"] !== null)).toHaveLength(s.byAspect["Audio"]?.responses ?? 0);
    expect(rows.filter((r) => r["VideoRatingScore"] !== null)).toHaveLength(s.byAspect["Video"]?.responses ?? 0);
    // Surveys come from group-call VoIP legs, so both leftouter joins find their summary rows.
    expect(rows.filter((r) => r["CallType"] === "Group" && r["EndpointType"] === "VoIP")).toHaveLength(s.rows);
    const groupLegs = new Set(factsOf(truth).flatMap((c) => c.participants.filter((p) => p.endpointType === "VoIP" && p.participantId).map((p) => p.participantId)));
    expect(rows.every((r) => groupLegs.has(String(r["ParticipantId"])))).toBe(true);
    expectOrdered(rows, "SurveyTime");
    expect(await run("survey-ratings-by-participant", { callTypes: ["P2P"] })).toHaveLength(0);
    expect(await run("survey-ratings-by-participant", { callTypes: ["Group"] })).toHaveLength(s.rows);
  },

  // No billing records are generated: one row per billed leg, every billing column empty.
  "participant-phone-numbers": async ({ run, truth }) => {
    const facts = factsOf(truth);
    expect(truth.rows["ACSBillingUsage"] ?? 0).toBe(0);
    const legs = (keep: (p: ParticipantFact) => boolean) =>
      facts.reduce((n, c) => n + (c.callType === "P2P" ? (c.participants.some(keep) ? 1 : 0) : new Set(c.participants.filter(keep).map((p) => p.participantId)).size), 0);
    const rows = await run("participant-phone-numbers");
    expect(rows).toHaveLength(legs(() => true));
    expect(rows.every((r) => r["UsageRecords"] === null || r["UsageRecords"] === undefined)).toBe(true);
    expectOrdered(rows, "CallStartTime");
    const pstn = await run("participant-phone-numbers", { endpointTypes: ["PSTN"] });
    expect(pstn).toHaveLength(legs((p) => p.endpointType === "PSTN"));
    expect(pstn.length).toBe(truth.aggregates.participantsByEndpointType["PSTN"]);
  },

  // The truth records client operations only in aggregate. For a few calls the planted shape
  // is checked per client instance: one CallAgentInit, one join-type API and one Hangup each,
  // StartVideo exactly for legs with video, only same-tenant VoIP legs, timeline order.
  "call-client-operations": async ({ run, truth }) => {
    const facts = factsOf(truth);
    expect(await run("call-client-operations")).toHaveLength(0);
    const eligible = (c: CallFact) => c.participants.filter((p) => p.endpointType === "VoIP" && !p.redacted);
    let seen = 0;
    for (const call of facts.filter((c) => eligible(c).length >= 2).slice(0, 12)) {
      const rows = await run("call-client-operations", { correlationId: call.correlationId });
      expectOrdered(rows, "CallClientTimeStamp", "asc");
      expect(rows.every((r) => r["Phase"] === "Call")).toBe(true);
      const endpoints = new Set(eligible(call).map((p) => p.endpointId));
      expect(rows.every((r) => endpoints.has(String(r["EndpointId"])))).toBe(true);
      const instances = new Map<string, LocalRow[]>();
      for (const r of rows) instances.set(String(r["ClientInstanceId"]), [...(instances.get(String(r["ClientInstanceId"])) ?? []), r]);
      for (const ops of instances.values()) {
        const names = countBy(ops, (r) => String(r["OperationName"]));
        seen++;
        expect(names["CallAgentInit"]).toBe(1);
        expect(names["Hangup"]).toBe(1);
        expect((names["Join"] ?? 0) + (names["StartCall"] ?? 0) + (names["AcceptIncomingCall"] ?? 0)).toBe(1);
        expect(names[call.callType === "Group" ? "Join" : "Hangup"]).toBe(1);
        const leg = ops.find((r) => r["OperationName"] === "Hangup");
        const key = call.callType === "Group" ? String(leg?.["ParticipantId"]) : String(leg?.["EndpointId"]);
        const hasVideo = call.streams.some((s) => s.participantKey === key && s.mediaType === "Video" && s.reportedBy !== "Server");
        expect(names["StartVideo"] ?? 0).toBe(hasVideo ? 1 : 0);
      }
    }
    expect(seen).toBeGreaterThan(0);
  },

  "participants-normalised": async ({ run, truth }) => {
    const facts = factsOf(truth);
    const expected = (keep: (p: ParticipantFact) => boolean) =>
      facts
        .flatMap((c) =>
          c.participants.filter(keep).map((p) => JSON.stringify([c.correlationId, c.callType, p.participantId || p.identifier || p.endpointId, p.redacted, p.identifier, p.durationSec, 1])),
        )
        .sort();
    const actual = (rows: readonly LocalRow[]) =>
      rows
        .map((r) => JSON.stringify([r["CorrelationId"], r["CallType"], r["Participant"], r["Redacted"], r["Identifier"], Number(r["ParticipantDuration"]), Number(r["SummaryRows"])]))
        .sort();
    const rows = await run("participants-normalised");
    expect(actual(rows)).toEqual(expected(() => true));
    expect(rows.filter((r) => r["Redacted"] === true)).toHaveLength(truth.aggregates.redactedParticipants);
    const bots = await run("participants-normalised", { endpointTypes: ["BOT"] });
    expect(actual(bots)).toEqual(expected((p) => p.endpointType === "BOT"));
    expect(bots).toHaveLength(truth.aggregates.participantsByEndpointType["BOT"] ?? 0);
  },

  "call-automation-summary": emptyTableCheck("call-automation-summary", "ACSCallAutomationIncomingOperations"),
  "call-automation-diagnostics": emptyTableCheck("call-automation-diagnostics", "ACSCallAutomationIncomingOperations", { mediaTypes: ["Audio"] }),

  "call-list": async ({ run, truth }) => {
    const facts = factsOf(truth);
    const a = truth.aggregates;
    const t = truth.thresholds;
    // The three classic rules on one written row (a null metric never fires).
    const networkPoor = (m: NetworkMetricsFact) =>
      (m.roundTripTimeAvg ?? -Infinity) > (t["rttPoorMs"] as number) ||
      (m.jitterAvg ?? -Infinity) > (t["jitterPoorMs"] as number) ||
      (m.packetLossRateAvg ?? -Infinity) > (t["packetLossPoorRatio"] as number);
    // Failed client operations as Insights counts them (sdk-api-reliability): not a UFD, and a
    // ResultType that is neither a success (Succeeded, Success) nor an expected error (Expected*).
    const isFailedOp = (op: { readonly operationName: string; readonly resultType: string }) =>
      op.operationName !== "UserFacingDiagnostics" && !["Succeeded", "Success"].includes(op.resultType) && !op.resultType.startsWith("Expected");
    // Poor UFDs as Call Diagnostics counts them: not Good (nor empty), muted-state UFDs left out.
    const poorUfdsOf = (c: CallFact) =>
      c.clientOps.filter((op) => op.operationName === "UserFacingDiagnostics" && op.ufdQuality !== "" && op.ufdQuality !== "Good" && !["SpeakingWhileMicrophoneIsMuted", "SpeakerMuted"].includes(op.ufd)).length;
    const rows = await run("call-list");
    expect(rows).toHaveLength(a.calls);
    expectOrdered(rows, "CallStartTime");
    const byId = new Map(rows.map((r) => [String(r["CorrelationId"]), r]));
    for (const c of facts) {
      const r = byId.get(c.correlationId);
      const keys = summaryKeys(c);
      const unexpected = new Set(c.participants.filter((p) => p.resultCategory.startsWith("Unexpected")).map(summaryKeyOf));
      // The classic rules run on every diagnostics row, the older report of a duplicated stream too.
      const streamRows = c.streams.flatMap(reportsOf);
      const poorStreams = streamRows.filter(networkPoor).length;
      const poorUfds = poorUfdsOf(c);
      const got = {
        CallType: r?.["CallType"],
        CallDuration: Number(r?.["CallDuration"]),
        Participants: Number(r?.["Participants"]),
        UnexpectedEndParticipants: Number(r?.["UnexpectedEndParticipants"]),
        Streams: Number(r?.["Streams"]),
        PoorStreams: r?.["PoorStreams"] ?? null,
        PoorUfds: r?.["PoorUfds"] ?? null,
        Quality: r?.["Quality"],
        start: (r?.["CallStartTime"] as Date | undefined)?.toISOString(),
      };
      expect({ id: c.correlationId, ...got }).toEqual({
        id: c.correlationId,
        CallType: c.callType,
        CallDuration: c.durationSec,
        Participants: keys.length,
        UnexpectedEndParticipants: unexpected.size,
        Streams: c.streams.reduce((n, s) => n + rowsOfStream(s), 0),
        // Left-outer joins: no diagnostics row → null; no failed operation or poor UFD → null.
        PoorStreams: streamRows.length > 0 ? poorStreams : null,
        PoorUfds: poorUfds > 0 || c.clientOps.some(isFailedOp) ? poorUfds : null,
        Quality: poorStreams > 0 || poorUfds > 0 ? "Poor" : streamRows.length > 0 ? "Good" : "Unknown",
        start: c.start,
      });
    }
    expect(sumOf(rows, "Surveys")).toBe(a.surveys.rows);
    // The mean of each call's surveys' normalised overall ratings (null without surveys).
    const avgRating = (c: CallFact) => (c.surveys.length === 0 ? null : c.surveys.reduce((n, x) => n + normalised(x.overall), 0) / c.surveys.length);
    const gotRating = Object.fromEntries(facts.map((c) => [c.correlationId, byId.get(c.correlationId)?.["AvgRating"] ?? null]));
    const wantRating = Object.fromEntries(facts.map((c) => [c.correlationId, avgRating(c)]));
    for (const c of facts) {
      const got = gotRating[c.correlationId] as number | null;
      const want = wantRating[c.correlationId] as number | null;
      if (want === null) expect(got, c.correlationId).toBeNull();
      else expect(got, c.correlationId).toBeCloseTo(want, 9);
      expect(byId.get(c.correlationId)?.["RatingCategory"], c.correlationId).toBe(want === null ? "Not rated" : band(want));
    }
    // Call Diagnostics' count of poor UFDs: every planted UFD that went bad did so once.
    expect(sumOf(rows, "PoorUfds")).toBe(Object.values(a.clientOperations.ufdLegs).reduce((n, u) => n + u.bad, 0));
    const failedOf = (c: CallFact) => c.clientOps.filter(isFailedOp).length;
    expect(Object.fromEntries(facts.map((c) => [c.correlationId, Number(byId.get(c.correlationId)?.["FailedClientOperations"] ?? 0)]))).toEqual(
      Object.fromEntries(facts.map((c) => [c.correlationId, failedOf(c)])),
    );
    const failed = Object.entries(a.clientOperations.byOperation)
      .filter(([op]) => op !== "UserFacingDiagnostics")
      .reduce((n, [, byResult]) => n + Object.entries(byResult).filter(([rt]) => !["Succeeded", "Success"].includes(rt) && !rt.startsWith("Expected")).reduce((m, [, k]) => m + k, 0), 0);
    expect(sumOf(rows, "FailedClientOperations")).toBe(failed);
    // The generator plants expected errors, so this check tells the two definitions apart.
    expect(facts.some((c) => c.clientOps.some((op) => op.resultType === "ExpectedError" && op.operationName !== "UserFacingDiagnostics"))).toBe(true);
    const p2p = await run("call-list", { callTypes: ["P2P"] });
    expect(p2p).toHaveLength(a.callsByType["P2P"] ?? 0);
    expect(sumOf(p2p, "Streams")).toBe(facts.filter((c) => c.callType === "P2P").reduce((n, c) => n + c.streams.reduce((m, s) => m + rowsOfStream(s), 0), 0));
  },
};

/** One check per supported entry of queries/joins.ts. */
export const checks: Readonly<Record<string, GeneratedCheck>> = Object.fromEntries(
  entries.filter((e) => supportedIds.includes(e.id)).map((e) => {
    const check = joinChecks[e.id];
    if (!check) throw new Error(`generated-joins: no check for ${e.id}`);
    return [e.id, check];
  }),
);
