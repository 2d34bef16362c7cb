// Plan → log records, one per table row, in Log Analytics column terms. The writers turn
// each record into an archive line (camelCase properties, numbers as strings) or a flat
// row (every column of the table, typed values).
import { mediaKindOf } from "./quality-rules.js";
import type { CallPlan, LegPlan, StreamPlan, StreamReport } from "./plan.js";

/** Tables the generator writes. */
export type GeneratedTable = "ACSCallSummary" | "ACSCallDiagnostics" | "ACSCallClientOperations" | "ACSCallSurvey" | "ACSCallingMetrics";
export const GENERATED_TABLES: readonly GeneratedTable[] = ["ACSCallSummary", "ACSCallDiagnostics", "ACSCallClientOperations", "ACSCallSurvey", "ACSCallingMetrics"];

/** A column value: datetimes are ms since epoch (the schema says which columns are datetimes); null = missing. */
export type CellValue = string | number | boolean | null | Readonly<Record<string, string>>;

export interface LogRecord {
  readonly table: GeneratedTable;
  /** TimeGenerated, ms since epoch. */
  readonly time: number;
  /** Column → value, in the order the archive writes the properties. Absent = not logged at all. */
  readonly values: Readonly<Record<string, CellValue>>;
}

export const REDACTED = "Redacted";

/** TimeGenerated of a client operation logged at client time `time` (ms): it reaches the workspace 45–51 s later. */
export function clientOpLogTime(time: number): number {
  return time + 45_000 + (time % 7) * 1000;
}

/** Emits every record of a call, in a fixed order (summary, diagnostics, client operations, surveys). */
export function recordsOf(call: CallPlan, emit: (r: LogRecord) => void): void {
  call.legs.forEach((leg, i) => emit(summaryOf(call, leg, i)));
  if (call.callType === "Group") emit(serverSummaryOf(call));
  for (const s of call.streams) {
    const leg = call.legs[s.leg] as LegPlan;
    if (s.earlier) emit(diagnosticsOf(call, leg, s, s.earlier));
    emit(diagnosticsOf(call, leg, s, s.final));
  }
  for (const op of call.clientOps) {
    const leg = call.legs[op.leg] as LegPlan;
    emit({
      table: "ACSCallClientOperations",
      time: clientOpLogTime(op.time),
      values: {
        CallId: call.correlationId,
        OperationName: op.operationName,
        CallClientTimeStamp: op.time,
        ClientInstanceId: op.clientInstanceId,
        DurationMs: op.durationMs,
        EndpointId: leg.endpointId,
        OperationId: op.operationId,
        OperationPayload: op.payload,
        OperationType: op.operationType,
        ParticipantId: op.operationName === "CallAgentInit" ? null : leg.participantId,
        ResultSignature: op.resultSignature,
        ResultType: op.resultType,
        SdkVersion: leg.profile?.sdk ?? null,
        UserAgent: leg.profile?.userAgent || null,
      },
    });
  }
  for (const sv of call.surveys) {
    const leg = call.legs[sv.leg] as LegPlan;
    const rating = (prefix: string, r: readonly [number, number, number, number] | null): Record<string, CellValue> => ({
      [`${prefix}RatingScore`]: r ? r[0] : null,
      [`${prefix}RatingScoreLowerBound`]: r ? r[1] : null,
      [`${prefix}RatingScoreUpperBound`]: r ? r[2] : null,
      [`${prefix}RatingScoreThreshold`]: r ? r[3] : null,
    });
    emit({
      table: "ACSCallSurvey",
      time: sv.time,
      values: {
        // The survey table's CorrelationId holds the participant ID; CallId is the call.
        CorrelationId: leg.participantId,
        OperationName: "CallSurvey",
        OperationVersion: "1.0",
        CallId: call.correlationId,
        ParticipantId: leg.participantId,
        SurveyId: sv.surveyId,
        ...rating("Overall", sv.overall),
        ...rating("Audio", sv.audio),
        ...rating("Video", sv.video),
        ...rating("Screenshare", sv.screenshare),
        OverallCallIssues: sv.overallIssues || null,
        AudioIssues: sv.audioIssues || null,
        VideoIssues: sv.videoIssues || null,
        ScreenshareIssues: sv.screenshareIssues || null,
      },
    });
  }
}

function summaryOf(call: CallPlan, leg: LegPlan, i: number): LogRecord {
  return {
    table: "ACSCallSummary",
    time: call.summaryTime + i,
    values: {
      CorrelationId: call.correlationId,
      OperationName: "CallSummary",
      OperationVersion: "1.0",
      Identifier: leg.identifier,
      CallStartTime: call.start,
      CallDuration: call.durationSec,
      CallType: call.callType,
      TeamsThreadId: call.teamsThreadId,
      ParticipantId: leg.participantId,
      ParticipantTenantId: leg.tenantId,
      ParticipantStartTime: leg.start,
      ParticipantDuration: leg.durationSec,
      ParticipantEndReason: String(leg.end.code),
      ParticipantEndSubCode: String(leg.end.subcode),
      ResultCategory: leg.end.resultCategory,
      EndpointId: leg.crossTenant ? REDACTED : leg.endpointId,
      EndpointType: leg.endpointType,
      SdkVersion: leg.crossTenant ? REDACTED : (leg.profile?.sdk ?? null),
      OsVersion: leg.crossTenant ? REDACTED : (leg.profile?.os ?? null),
      ParticipantType: leg.participantType,
      PstnParticipantCallType: leg.pstnCallType,
    },
  };
}

/** The server's own summary row of a group call: no endpoint ID, ParticipantId = CorrelationId. */
function serverSummaryOf(call: CallPlan): LogRecord {
  return {
    table: "ACSCallSummary",
    time: call.summaryTime + call.legs.length,
    values: {
      CorrelationId: call.correlationId,
      OperationName: "CallSummary",
      OperationVersion: "1.0",
      Identifier: null,
      CallStartTime: call.start,
      CallDuration: call.durationSec,
      CallType: call.callType,
      TeamsThreadId: call.teamsThreadId,
      ParticipantId: call.correlationId,
      ParticipantStartTime: call.start,
      ParticipantDuration: call.durationSec,
      ParticipantEndReason: "0",
      ParticipantEndSubCode: "0",
      ResultCategory: "Success",
      EndpointId: null,
      EndpointType: "Server",
      SdkVersion: null,
      OsVersion: null,
    },
  };
}

function diagnosticsOf(call: CallPlan, leg: LegPlan, s: StreamPlan, report: StreamReport): LogRecord {
  const server = s.reporter === "server";
  const m = report.metrics;
  const kind = mediaKindOf(s.mediaType);
  const values: Record<string, CellValue> = {
    CorrelationId: call.correlationId,
    OperationName: "CallDiagnostics",
    OperationVersion: "1.0",
    // Diagnostics are never redacted: the real endpoint, also for cross-tenant legs.
    Identifier: server ? null : leg.identifier,
    ParticipantId: leg.participantId,
    EndpointId: server ? null : leg.endpointId,
    EndpointType: server ? "Server" : leg.endpointType,
    MediaType: s.mediaType,
    StreamId: s.streamId,
    TransportType: s.transport,
    RoundTripTimeAvg: m.roundTripTimeAvg,
    RoundTripTimeMax: m.roundTripTimeMax,
    JitterAvg: m.jitterAvg,
    JitterMax: m.jitterMax,
    PacketLossRateAvg: m.packetLossRateAvg,
    PacketLossRateMax: m.packetLossRateMax,
    StreamDirection: s.direction,
    CodecName: s.codec,
    PacketUtilization: m.packetUtilization,
  };
  if (kind === "Audio") {
    values["JitterBufferSizeAvg"] = m.jitterBufferSizeAvg;
    values["JitterBufferSizeMax"] = m.jitterBufferSizeMax;
    values["HealedDataRatioAvg"] = m.healedDataRatioAvg;
    values["HealedDataRatioMax"] = m.healedDataRatioMax;
  } else {
    values["VideoFrameRateAvg"] = m.videoFrameRateAvg;
    values["RecvResolutionHeight"] = m.recvResolutionHeight;
    values["RecvFreezeDurationPerMinuteInMs"] = m.recvFreezeDurationPerMinuteInMs;
    values["VideoBitRateAvg"] = m.videoBitRateAvg;
    values["VideoBitRateMax"] = m.videoBitRateMax;
  }
  return { table: "ACSCallDiagnostics", time: report.time, values };
}
