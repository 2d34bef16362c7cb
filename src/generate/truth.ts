// The ground truth: what the generator planted, and the aggregates the catalog's queries should
// return on it, computed in plain JS from the plan by the catalog's definitions (see each
// field), never by running SQL.
import { isUngraceful } from "../errors/index.js";
import type { CallingMetricsBin, CallingMetricsTruth } from "./calling-metrics.js";
import type { ClientResultType } from "./client-plan.js";
import { isFailedCode } from "./end-code-pools.js";
import type { CallPlan, CallType, LegPlan } from "./plan.js";
import { mediaKindOf, POOR_REASONS, poorReasonsOf, THRESHOLDS, type MediaKind, type MediaType, type PoorReason, type StreamMetrics } from "./quality-rules.js";
import { clientOpLogTime, REDACTED, type GeneratedTable } from "./records.js";

/** Per-call facts are kept only up to this many calls (about 7 kB of JSON per call: 5000 calls give a 36 MB truth.json). */
export const CALL_FACTS_LIMIT = 5000;

export interface ParticipantFact {
  /** "" in P2P calls. */
  readonly participantId: string;
  /** The real endpoint ID (the summary row shows "Redacted" when `redacted`). */
  readonly endpointId: string;
  readonly endpointType: "VoIP" | "PSTN" | "BOT";
  readonly identifier: string;
  /** As logged in ACSCallSummary ("Redacted" for cross-tenant legs, "" when not logged). */
  readonly sdkVersion: string;
  readonly osVersion: string;
  readonly start: string;
  readonly durationSec: number;
  readonly endCode: string;
  readonly endSubCode: string;
  readonly resultCategory: string;
  readonly failed: boolean;
  readonly ungraceful: boolean;
  /** Cross-tenant: SdkVersion, OsVersion and EndpointId are "Redacted" in the summary. */
  readonly redacted: boolean;
  /** The second leg of an endpoint that joined again (same EndpointId, new ParticipantId). */
  readonly rejoin: boolean;
}

export interface StreamFact {
  /** ParticipantId of the leg, or the endpoint ID in P2P calls (the catalog's ParticipantKey). */
  readonly participantKey: string;
  readonly reportedBy: "VoIP" | "PSTN" | "BOT" | "Server";
  readonly mediaType: MediaType;
  readonly mediaKind: MediaKind;
  readonly direction: "Outbound" | "Inbound";
  readonly streamId: number;
  readonly poor: boolean;
  /** The rules the latest report breaks (catalog names), empty for a good stream. */
  readonly poorReasons: readonly PoorReason[];
  /** The stream was reported twice; the counted report is the later one. */
  readonly duplicateReport: boolean;
  /** RoundTripTimeAvg, JitterAvg and PacketLossRateAvg of the counted (latest) report. */
  readonly roundTripTimeAvg: number | null;
  readonly jitterAvg: number | null;
  readonly packetLossRateAvg: number | null;
  /** TransportType as logged (UDP, TCP, Unrecognized): the leg's, the same in every report of the stream. */
  readonly transportType: string;
  /** RoundTripTimeMax, JitterMax and PacketLossRateMax of the counted (latest) report. */
  readonly roundTripTimeMax: number | null;
  readonly jitterMax: number | null;
  readonly packetLossRateMax: number | null;
  /**
   * The network metrics of the older report, present only when `duplicateReport`. The
   * entries that read every row rather than the latest report per stream (average-telemetry-values,
   * call-list's PoorStreams) count it too. Absent otherwise, to keep truth.json small.
   */
  readonly earlierReport?: NetworkMetricsFact;
}

/** The network metrics of one ACSCallDiagnostics row, as written. */
export type NetworkMetricsFact = Pick<
  StreamMetrics,
  "roundTripTimeAvg" | "roundTripTimeMax" | "jitterAvg" | "jitterMax" | "packetLossRateAvg" | "packetLossRateMax"
>;

/** One ACSCallClientOperations row: a Calling SDK operation or a UFD event of a leg. */
export interface ClientOpFact {
  /** Index into {@link CallFact.participants} of the leg that logged it. */
  readonly leg: number;
  /** As logged: "" for CallAgentInit (no participant yet) and in P2P calls. */
  readonly participantId: string;
  readonly clientInstanceId: string;
  readonly operationName: string;
  readonly resultType: ClientResultType;
  /** Null for events (UFDs). */
  readonly durationMs: number | null;
  /** OperationPayload.Code, SubCode and ResultCategory of a failed or expected-error operation; "" otherwise. */
  readonly code: string;
  readonly subCode: string;
  readonly resultCategory: string;
  /** OperationPayload.DiagnosticChanged and DiagnosticQuality of a UFD event; "" otherwise. */
  readonly ufd: string;
  readonly ufdQuality: string;
  readonly sdkVersion: string;
  /** CallClientTimeStamp, ISO. */
  readonly clientTime: string;
  /** TimeGenerated, ISO. */
  readonly timeGenerated: string;
}

/** A rated aspect of a survey: [score, lower bound, upper bound, threshold]. */
export type SurveyRating = readonly [number, number, number, number];

/** One ACSCallSurvey row (End of Call Survey of one leg). */
export interface SurveyFact {
  readonly leg: number;
  readonly surveyId: string;
  readonly participantId: string;
  readonly time: string;
  readonly overall: SurveyRating;
  readonly audio: SurveyRating | null;
  readonly video: SurveyRating | null;
  readonly screenshare: SurveyRating | null;
  /** Comma-separated issue lists as logged; "" when none was ticked. */
  readonly overallIssues: string;
  readonly audioIssues: string;
  readonly videoIssues: string;
  readonly screenshareIssues: string;
}

export interface CallFact {
  readonly correlationId: string;
  readonly callType: CallType;
  readonly start: string;
  readonly durationSec: number;
  readonly impacted: boolean;
  /**
   * TimeGenerated (ISO) of the call's earliest ACSCallDiagnostics row once the latest report
   * per stream is kept: the instant impacted-calls-over-time bins the call by (min TimeGenerated
   * of its deduplicated streams); null for a call without diagnostics.
   */
  readonly firstDiagnosticsTime: string | null;
  readonly participants: readonly ParticipantFact[];
  readonly streams: readonly StreamFact[];
  readonly clientOps: readonly ClientOpFact[];
  readonly surveys: readonly SurveyFact[];
}

/** One (code, subcode, category) of ACSCallSummary with its row and call counts. */
export interface EndReasonCount {
  readonly code: string;
  readonly subcode: string;
  readonly resultCategory: string;
  readonly rows: number;
  readonly calls: number;
}

/**
 * What was planted, and the numbers the catalog should report on it. Definitions follow the
 * catalog (queries/*.ts) with default parameters and a lookback that covers the data.
 *
 * @example
 * ```ts
 * const truth = JSON.parse(fs.readFileSync(`${out}/truth.json`, "utf8")) as GroundTruth;
 * const now = new Date(truth.end); // no record is later
 * expect(impactedCallsFromReport).toBe(truth.aggregates.impactedCalls);
 * ```
 */
export interface GroundTruth {
  readonly generator: "acs-insights generate";
  readonly seed: number;
  readonly options: {
    readonly calls: number;
    readonly days: number;
    readonly end: string;
    readonly poorShare: number;
    readonly failureShare: number;
    readonly layouts: readonly ("archive" | "flat")[];
  };
  /** The end instant: pass it as `now` (no record is later). */
  readonly end: string;
  /** Where each layout was written, relative to the output directory. */
  readonly layoutDirs: { readonly archive?: string; readonly flat?: string };
  readonly resourceId: string;
  /** Quality thresholds used (the catalog parameters' defaults). */
  readonly thresholds: Readonly<Record<string, number>>;
  readonly timeRange: { readonly firstCallStart: string; readonly lastCallStart: string; readonly firstRecord: string; readonly lastRecord: string };
  /** Rows written per generated table (ACSCallingMetrics counts re-emitted rows too). */
  readonly rows: Readonly<Record<string, number>>;
  readonly aggregates: TruthAggregates;
  /**
   * ACSCallingMetrics as the catalog keeps it (latest emission per daily bin and dimensions),
   * one entry per bin × metric × dimensions; only when callFacts are kept, else null.
   */
  readonly callingMetricsBins: readonly CallingMetricsBin[] | null;
  /** Per-call facts, only when calls ≤ {@link CALL_FACTS_LIMIT}; else null. */
  readonly callFacts: readonly CallFact[] | null;
}

export interface TruthAggregates {
  readonly calls: number;
  /** call-type-ratio. */
  readonly callsByType: Readonly<Record<string, number>>;
  /** daily-calls: calls per UTC day of CallStartTime ("YYYY-MM-DD"). */
  readonly callsByDay: Readonly<Record<string, number>>;
  readonly callDurationSec: { readonly sum: number; readonly max: number };
  /** ACSCallSummary rows, including the server's own rows (ParticipantId = CorrelationId). */
  readonly summaryRows: number;
  readonly serverSummaryRows: number;
  /** participants-per-call: distinct (CorrelationId, ParticipantId, EndpointKey) without the server rows. */
  readonly participants: number;
  readonly maxParticipantsPerCall: number;
  /** participants-per-group-call-histogram: group calls per distinct-ParticipantId count. */
  readonly groupCallsByParticipants: Readonly<Record<string, number>>;
  /** endpoints-per-call: distinct endpoints (redacted ones told apart by type and identifier). */
  readonly endpoints: number;
  readonly participantsByEndpointType: Readonly<Record<string, number>>;
  readonly redactedParticipants: number;
  readonly rejoins: number;
  /** ACSCallDiagnostics rows, duplicates included (media-type-ratio and streams-per-call count rows). */
  readonly diagnosticsRows: number;
  readonly diagnosticsRowsByMediaType: Readonly<Record<string, number>>;
  /** Streams after the catalog's dedupe (latest report per CorrelationId, ParticipantId, EndpointId, MediaType, StreamId, StreamDirection). */
  readonly streams: number;
  readonly duplicateReports: number;
  readonly streamsByMediaKind: Readonly<Record<string, number>>;
  readonly streamsByMediaType: Readonly<Record<string, number>>;
  /** stream-quality-classification. */
  readonly poorStreams: number;
  readonly poorStreamsByMediaKind: Readonly<Record<string, number>>;
  /** poor-stream-reasons: poor streams per media kind and rule (a stream breaking two rules counts under both). */
  readonly poorStreamsByKindAndReason: Readonly<Record<string, Readonly<Record<string, number>>>>;
  /** impacted-calls: calls with diagnostics, and those with at least one poor (deduplicated) stream. */
  readonly callsWithDiagnostics: number;
  readonly impactedCalls: number;
  /** end-reasons-with-meaning: every (code, subcode, category) over the participants' summary rows (not the server's), most rows first. */
  readonly endReasons: readonly EndReasonCount[];
  /** Failed (code not starting with 0 or 2) participant summary rows, total and per "code/subcode", most first. */
  readonly failedParticipants: number;
  readonly failedByCode: Readonly<Record<string, number>>;
  /** ungraceful-drop-rate: participant summary rows whose ResultCategory is Unexpected* (its denominator: summaryRows − serverSummaryRows). */
  readonly ungracefulParticipants: number;
  readonly ungracefulByCategory: Readonly<Record<string, number>>;
  readonly clientOperations: {
    readonly rows: number;
    /** OperationName → ResultType → rows. */
    readonly byOperation: Readonly<Record<string, Readonly<Record<string, number>>>>;
    /** UFD → legs that went bad, and those whose last event was Good. */
    readonly ufdLegs: Readonly<Record<string, { readonly bad: number; readonly recovered: number }>>;
  };
  readonly surveys: {
    readonly rows: number;
    /**
     * Per rated aspect (Overall, Audio, Video, Screenshare), as survey-rating-summary counts it:
     * responses, the score normalised to 1–5 within the row's bounds, 1 + 4 × (score − lower) /
     * (upper − lower) rounded to 2 places, banded Good ≥ 4.5, Average ≥ 3, else Poor; and the
     * responses at or below the row's threshold.
     */
    readonly byAspect: Readonly<Record<string, { readonly responses: number; readonly Good: number; readonly Average: number; readonly Poor: number; readonly belowThreshold: number }>>;
  };
  /**
   * ACSCallingMetrics after keeping the latest emission per bin and dimensions: per MetricName
   * (reliability/api/<Scenario>, reliability/leg/Drop, reliability/api/UFD/recovery/<UFD>) the
   * sums of LegsDcount, SuccessLegsDcount and FailedLegsDcount. Expected errors count as success.
   */
  readonly callingMetrics: CallingMetricsTruth;
}

const bump = (o: Record<string, number>, k: string, n = 1) => {
  o[k] = (o[k] ?? 0) + n;
};

/** Accumulates the truth call by call, so that 100k calls never sit in memory. */
export class TruthBuilder {
  private readonly a = {
    calls: 0,
    callsByType: {} as Record<string, number>,
    callsByDay: {} as Record<string, number>,
    durationSum: 0,
    durationMax: 0,
    summaryRows: 0,
    serverSummaryRows: 0,
    participants: 0,
    maxParticipantsPerCall: 0,
    groupCallsByParticipants: {} as Record<string, number>,
    endpoints: 0,
    participantsByEndpointType: {} as Record<string, number>,
    redactedParticipants: 0,
    rejoins: 0,
    diagnosticsRows: 0,
    diagnosticsRowsByMediaType: {} as Record<string, number>,
    streams: 0,
    duplicateReports: 0,
    streamsByMediaKind: {} as Record<string, number>,
    streamsByMediaType: {} as Record<string, number>,
    poorStreams: 0,
    poorStreamsByMediaKind: {} as Record<string, number>,
    poorStreamsByKindAndReason: {} as Record<string, Record<string, number>>,
    callsWithDiagnostics: 0,
    impactedCalls: 0,
    failedParticipants: 0,
    failedByCode: {} as Record<string, number>,
    ungracefulParticipants: 0,
    ungracefulByCategory: {} as Record<string, number>,
    clientRows: 0,
    byOperation: {} as Record<string, Record<string, number>>,
    ufdLegs: {} as Record<string, { bad: number; recovered: number }>,
    surveyRows: 0,
    surveyAspects: {} as Record<string, { responses: number; Good: number; Average: number; Poor: number; belowThreshold: number }>,
  };
  private readonly endReasons = new Map<string, { code: string; subcode: string; resultCategory: string; rows: number; calls: number }>();
  private readonly facts: CallFact[] | null;
  private firstStart = Infinity;
  private lastStart = -Infinity;
  private firstRecord = Infinity;
  private lastRecord = -Infinity;

  constructor(keepFacts: boolean) {
    this.facts = keepFacts ? [] : null;
  }

  /** Notes a written record's TimeGenerated, for the time range. */
  recordTime(ms: number): void {
    if (ms < this.firstRecord) this.firstRecord = ms;
    if (ms > this.lastRecord) this.lastRecord = ms;
  }

  add(call: CallPlan): void {
    const a = this.a;
    a.calls++;
    bump(a.callsByType, call.callType);
    bump(a.callsByDay, new Date(call.start).toISOString().slice(0, 10));
    a.durationSum += call.durationSec;
    a.durationMax = Math.max(a.durationMax, call.durationSec);
    this.firstStart = Math.min(this.firstStart, call.start);
    this.lastStart = Math.max(this.lastStart, call.start);

    // Summary rows: every leg, plus the server's row in group calls. The errors area counts
    // participants only (queries/server-row.ts), so end reasons, failures and ungraceful ends
    // are counted over the legs.
    const callReasons = new Set<string>();
    const endRow = (code: string, subcode: string, category: string) => {
      a.summaryRows++;
      const key = `${code}/${subcode}/${category}`;
      let e = this.endReasons.get(key);
      if (!e) {
        e = { code, subcode, resultCategory: category, rows: 0, calls: 0 };
        this.endReasons.set(key, e);
      }
      e.rows++;
      if (!callReasons.has(key)) {
        callReasons.add(key);
        e.calls++;
      }
      if (isFailedCode(code)) {
        a.failedParticipants++;
        bump(a.failedByCode, `${code}/${subcode}`);
      }
      if (isUngraceful(category)) {
        a.ungracefulParticipants++;
        bump(a.ungracefulByCategory, category);
      }
    };
    for (const leg of call.legs) endRow(String(leg.end.code), String(leg.end.subcode), leg.end.resultCategory);
    if (call.callType === "Group") {
      a.serverSummaryRows++;
      a.summaryRows++;
    }

    // Participants and endpoints as volume.ts counts them (the server row is not a participant).
    const participantKeys = new Set<string>();
    const endpointKeys = new Set<string>();
    const groupParticipantIds = new Set<string>();
    for (const leg of call.legs) {
      const endpointKey = endpointKeyOf(leg);
      participantKeys.add(`${leg.participantId ?? ""}|${endpointKey}`);
      endpointKeys.add(endpointKey);
      if (leg.participantId) groupParticipantIds.add(leg.participantId);
      bump(a.participantsByEndpointType, leg.endpointType);
      if (leg.crossTenant) a.redactedParticipants++;
      if (leg.rejoin) a.rejoins++;
    }
    a.participants += participantKeys.size;
    a.maxParticipantsPerCall = Math.max(a.maxParticipantsPerCall, participantKeys.size);
    a.endpoints += endpointKeys.size;
    if (call.callType === "Group") bump(a.groupCallsByParticipants, String(groupParticipantIds.size));

    // Streams: rows as written, then the catalog's dedupe (latest report per stream key).
    const latest = new Map<string, { mediaType: MediaType; time: number; reasons: PoorReason[] }>();
    const streamFacts: StreamFact[] = [];
    for (const s of call.streams) {
      const leg = call.legs[s.leg] as LegPlan;
      const reports = s.earlier ? [s.earlier, s.final] : [s.final];
      const server = s.reporter === "server";
      // The catalog's stream key (CorrelationId is constant within the call).
      const key = `${leg.participantId ?? ""}|${server ? "" : leg.endpointId}|${s.mediaType}|${s.streamId}|${s.direction}`;
      for (const rep of reports) {
        a.diagnosticsRows++;
        bump(a.diagnosticsRowsByMediaType, s.mediaType);
        const prev = latest.get(key);
        if (!prev || rep.time > prev.time) latest.set(key, { mediaType: s.mediaType, time: rep.time, reasons: poorReasonsOf(s.mediaType, rep.metrics) });
      }
      if (s.earlier) a.duplicateReports++;
      if (this.facts) {
        const reasons = poorReasonsOf(s.mediaType, s.final.metrics);
        streamFacts.push({
          participantKey: leg.participantId ?? leg.endpointId,
          reportedBy: server ? "Server" : leg.endpointType,
          mediaType: s.mediaType,
          mediaKind: mediaKindOf(s.mediaType),
          direction: s.direction,
          streamId: s.streamId,
          poor: reasons.length > 0,
          poorReasons: reasons,
          duplicateReport: s.earlier !== null,
          roundTripTimeAvg: s.final.metrics.roundTripTimeAvg,
          jitterAvg: s.final.metrics.jitterAvg,
          packetLossRateAvg: s.final.metrics.packetLossRateAvg,
          transportType: s.transport,
          roundTripTimeMax: s.final.metrics.roundTripTimeMax,
          jitterMax: s.final.metrics.jitterMax,
          packetLossRateMax: s.final.metrics.packetLossRateMax,
          ...(s.earlier ? { earlierReport: networkMetricsOf(s.earlier.metrics) } : {}),
        });
      }
    }
    let poorInCall = 0;
    let firstDiagnostics = Infinity;
    for (const st of latest.values()) {
      firstDiagnostics = Math.min(firstDiagnostics, st.time);
      const kind = mediaKindOf(st.mediaType);
      a.streams++;
      bump(a.streamsByMediaKind, kind);
      bump(a.streamsByMediaType, st.mediaType);
      if (st.reasons.length > 0) {
        poorInCall++;
        a.poorStreams++;
        bump(a.poorStreamsByMediaKind, kind);
        const byReason = (a.poorStreamsByKindAndReason[kind] ??= {});
        for (const r of st.reasons) bump(byReason, r);
      }
    }
    if (latest.size > 0) a.callsWithDiagnostics++;
    if (poorInCall > 0) a.impactedCalls++;

    // Client operations and UFD recoveries, per leg and UFD (last event Good = recovered).
    const ufdState = new Map<string, { ufd: string; bad: boolean; last: string; lastTime: number }>();
    for (const op of call.clientOps) {
      a.clientRows++;
      bump((a.byOperation[op.operationName] ??= {}), op.resultType);
      if (op.operationName === "UserFacingDiagnostics") {
        const ufd = op.payload["DiagnosticChanged"] ?? "";
        const quality = op.payload["DiagnosticQuality"] ?? "";
        const k = `${op.leg}|${ufd}`;
        const s = ufdState.get(k) ?? { ufd, bad: false, last: "", lastTime: -Infinity };
        if (quality !== "Good") s.bad = true;
        if (op.time >= s.lastTime) {
          s.last = quality;
          s.lastTime = op.time;
        }
        ufdState.set(k, s);
      }
    }
    for (const s of ufdState.values()) {
      if (!s.bad) continue;
      const u = (a.ufdLegs[s.ufd] ??= { bad: 0, recovered: 0 });
      u.bad++;
      if (s.last === "Good") u.recovered++;
    }
    for (const sv of call.surveys) {
      a.surveyRows++;
      const aspects = [["Overall", sv.overall], ["Audio", sv.audio], ["Video", sv.video], ["Screenshare", sv.screenshare]] as const;
      for (const [aspect, rating] of aspects) {
        if (!rating) continue;
        const [score, lower, upper, threshold] = rating;
        const normalised = Math.round((1 + (4 * (score - lower)) / (upper - lower)) * 100) / 100;
        const s = (a.surveyAspects[aspect] ??= { responses: 0, Good: 0, Average: 0, Poor: 0, belowThreshold: 0 });
        s.responses++;
        s[normalised >= 4.5 ? "Good" : normalised >= 3 ? "Average" : "Poor"]++;
        if (score <= threshold) s.belowThreshold++;
      }
    }

    if (this.facts) {
      this.facts.push({
        correlationId: call.correlationId,
        callType: call.callType,
        start: new Date(call.start).toISOString(),
        durationSec: call.durationSec,
        impacted: poorInCall > 0,
        firstDiagnosticsTime: Number.isFinite(firstDiagnostics) ? new Date(firstDiagnostics).toISOString() : null,
        participants: call.legs.map((leg) => {
          const code = String(leg.end.code);
          return {
            participantId: leg.participantId ?? "",
            endpointId: leg.endpointId,
            endpointType: leg.endpointType,
            identifier: leg.identifier,
            sdkVersion: leg.crossTenant ? REDACTED : (leg.profile?.sdk ?? ""),
            osVersion: leg.crossTenant ? REDACTED : (leg.profile?.os ?? ""),
            start: new Date(leg.start).toISOString(),
            durationSec: leg.durationSec,
            endCode: code,
            endSubCode: String(leg.end.subcode),
            resultCategory: leg.end.resultCategory,
            failed: isFailedCode(code),
            ungraceful: isUngraceful(leg.end.resultCategory),
            redacted: leg.crossTenant,
            rejoin: leg.rejoin,
          };
        }),
        streams: streamFacts,
        clientOps: call.clientOps.map((op) => {
          const leg = call.legs[op.leg] as LegPlan;
          return {
            leg: op.leg,
            participantId: op.operationName === "CallAgentInit" ? "" : (leg.participantId ?? ""),
            clientInstanceId: op.clientInstanceId,
            operationName: op.operationName,
            resultType: op.resultType,
            durationMs: op.durationMs,
            code: op.payload["Code"] ?? "",
            subCode: op.payload["SubCode"] ?? "",
            resultCategory: op.payload["ResultCategory"] ?? "",
            ufd: op.payload["DiagnosticChanged"] ?? "",
            ufdQuality: op.payload["DiagnosticQuality"] ?? "",
            sdkVersion: leg.profile?.sdk ?? "",
            clientTime: new Date(op.time).toISOString(),
            timeGenerated: new Date(clientOpLogTime(op.time)).toISOString(),
          };
        }),
        surveys: call.surveys.map((sv) => ({
          leg: sv.leg,
          surveyId: sv.surveyId,
          participantId: call.legs[sv.leg]?.participantId ?? "",
          time: new Date(sv.time).toISOString(),
          overall: sv.overall,
          audio: sv.audio,
          video: sv.video,
          screenshare: sv.screenshare,
          overallIssues: sv.overallIssues,
          audioIssues: sv.audioIssues,
          videoIssues: sv.videoIssues,
          screenshareIssues: sv.screenshareIssues,
        })),
      });
    }
  }

  build(
    head: Omit<GroundTruth, "aggregates" | "callFacts" | "callingMetricsBins" | "timeRange" | "thresholds" | "rows">,
    rows: Readonly<Record<GeneratedTable, number>>,
    callingMetrics: CallingMetricsTruth,
    callingMetricsBins: readonly CallingMetricsBin[],
  ): GroundTruth {
    const a = this.a;
    const iso = (ms: number) => (Number.isFinite(ms) ? new Date(ms).toISOString() : "");
    const sortDesc = (o: Record<string, number>) => Object.fromEntries(Object.entries(o).sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1)));
    const sortKeys = <T>(o: Record<string, T>) => Object.fromEntries(Object.entries(o).sort((x, y) => (x[0] < y[0] ? -1 : 1)));
    const reasonsOrdered = (o: Record<string, number>) => Object.fromEntries(POOR_REASONS.filter((r) => o[r] !== undefined).map((r) => [r, o[r] as number]));
    return {
      ...head,
      thresholds: { ...THRESHOLDS },
      timeRange: { firstCallStart: iso(this.firstStart), lastCallStart: iso(this.lastStart), firstRecord: iso(this.firstRecord), lastRecord: iso(this.lastRecord) },
      rows,
      aggregates: {
        calls: a.calls,
        callsByType: sortKeys(a.callsByType),
        callsByDay: sortKeys(a.callsByDay),
        callDurationSec: { sum: a.durationSum, max: a.durationMax },
        summaryRows: a.summaryRows,
        serverSummaryRows: a.serverSummaryRows,
        participants: a.participants,
        maxParticipantsPerCall: a.maxParticipantsPerCall,
        groupCallsByParticipants: Object.fromEntries(Object.entries(a.groupCallsByParticipants).sort((x, y) => Number(x[0]) - Number(y[0]))),
        endpoints: a.endpoints,
        participantsByEndpointType: sortKeys(a.participantsByEndpointType),
        redactedParticipants: a.redactedParticipants,
        rejoins: a.rejoins,
        diagnosticsRows: a.diagnosticsRows,
        diagnosticsRowsByMediaType: sortKeys(a.diagnosticsRowsByMediaType),
        streams: a.streams,
        duplicateReports: a.duplicateReports,
        streamsByMediaKind: sortKeys(a.streamsByMediaKind),
        streamsByMediaType: sortKeys(a.streamsByMediaType),
        poorStreams: a.poorStreams,
        poorStreamsByMediaKind: sortKeys(a.poorStreamsByMediaKind),
        poorStreamsByKindAndReason: Object.fromEntries(Object.entries(sortKeys(a.poorStreamsByKindAndReason)).map(([k, v]) => [k, reasonsOrdered(v)])),
        callsWithDiagnostics: a.callsWithDiagnostics,
        impactedCalls: a.impactedCalls,
        endReasons: [...this.endReasons.values()].sort(
          (x, y) => y.rows - x.rows || y.calls - x.calls || cmp(x.code, y.code) || cmp(x.subcode, y.subcode) || cmp(x.resultCategory, y.resultCategory),
        ),
        failedParticipants: a.failedParticipants,
        failedByCode: sortDesc(a.failedByCode),
        ungracefulParticipants: a.ungracefulParticipants,
        ungracefulByCategory: sortKeys(a.ungracefulByCategory),
        clientOperations: {
          rows: a.clientRows,
          byOperation: Object.fromEntries(Object.entries(sortKeys(a.byOperation)).map(([k, v]) => [k, sortKeys(v)])),
          ufdLegs: sortKeys(a.ufdLegs),
        },
        surveys: { rows: a.surveyRows, byAspect: sortKeys(a.surveyAspects) },
        callingMetrics,
      },
      callingMetricsBins: this.facts ? callingMetricsBins : null,
      callFacts: this.facts,
    };
  }
}

const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);

function networkMetricsOf(m: StreamMetrics): NetworkMetricsFact {
  return {
    roundTripTimeAvg: m.roundTripTimeAvg,
    roundTripTimeMax: m.roundTripTimeMax,
    jitterAvg: m.jitterAvg,
    jitterMax: m.jitterMax,
    packetLossRateAvg: m.packetLossRateAvg,
    packetLossRateMax: m.packetLossRateMax,
  };
}

/** volume.ts's EndpointKey: the endpoint ID, or type + identifier for a redacted one. */
function endpointKeyOf(leg: LegPlan): string {
  return leg.crossTenant ? `RedactedEndpoint-${leg.endpointType}-Identifier-${leg.identifier}` : leg.endpointId;
}
