// Catalog area "joins": how the ACS call tables fit together. Every join states its kind,
// reduces both sides first, and has a time filter right after each table reference
// (ACS001/ACS002/ACS006); the descriptions say why each kind is the right one.
// The catalog's modules are imported one by one, not through src/catalog/index.js: that
// barrel also loads the catalog API, which imports queries/index.js, which imports this
// module while it is still loading.
import { defineEntry, type CatalogEntry } from "../src/catalog/entry.js";
import { inWindow, optionalIn } from "../src/catalog/filters.js";
import { p } from "../src/catalog/parameters.js";
import { agg, fn, from, letTable, union, type Expr } from "../src/kql/index.js";
import {
  ACSBillingUsage,
  ACSCallAutomationIncomingOperations,
  ACSCallClientOperations,
  ACSCallDiagnostics,
  ACSCallDiagnosticsUpdates,
  ACSCallSummary,
  ACSCallSummaryUpdates,
  ACSCallSurvey,
} from "../src/schema/index.js";
import { isClientOperationSuccess } from "./client.js";
import { REDACTED_P2P_MERGE } from "./quality.js";
import { normalisedRatingOf, ratingCategoryOf } from "./survey-rating.js";
import { isNotServerRow } from "./server-row.js";

type Str = Expr<"string">;

/**
 * The participant a summary or diagnostics row belongs to: ParticipantId in group calls,
 * EndpointId in P2P calls (which have no ParticipantId). Both tables use the same rule, so
 * the key joins one summary row to the streams of that participant (or P2P endpoint).
 */
function participantKey(c: { readonly ParticipantId: Str; readonly EndpointId: Str }): Str {
  return fn.iff(fn.isempty(c.ParticipantId), c.EndpointId, c.ParticipantId);
}

/**
 * Microsoft's participant identity for display (§1.13): coalesce(ParticipantId, Identifier,
 * EndpointId), and a redacted cross-tenant id becomes
 * `RedactedParticipant-<EndpointType>-Identifier-<Identifier>`.
 */
function displayParticipant(c: {
  readonly ParticipantId: Str;
  readonly Identifier: Str;
  readonly EndpointId: Str;
  readonly EndpointType: Str;
}): Str {
  const id = fn.coalesce(c.ParticipantId, c.Identifier, c.EndpointId);
  return fn.iff(id.eq("Redacted"), fn.strcat("RedactedParticipant-", c.EndpointType, "-Identifier-", c.Identifier), id);
}

/** True when cross-tenant redaction hid any of the endpoint's details. */
function redacted(c: { readonly EndpointId: Str; readonly OsVersion: Str; readonly SdkVersion: Str }): Expr<"bool"> {
  return c.EndpointId.eq("Redacted").or(c.OsVersion.eq("Redacted")).or(c.SdkVersion.eq("Redacted"));
}

// ---------------------------------------------------------------------------------------
// 1 + 2. Summary ⋈ diagnostics per participant and stream.

/** One row per participant (P2P: per endpoint) and its latest summary row. */
function summaryParticipants(call: "all" | "one") {
  return from(ACSCallSummary)
    .where(inWindow)
    .where((c) =>
      call === "one"
        ? c.CorrelationId.eqCi(p.correlationId)
        : optionalIn(c.CallType, p.callTypes).and(optionalIn(c.EndpointType, p.endpointTypes)).and(optionalIn(c.SdkVersion, p.sdkVersions)),
    )
    .where(isNotServerRow)
    .extend((c) => ({
      ParticipantKey: participantKey(c),
      Participant: displayParticipant(c),
      Redacted: redacted(c),
      DroppedUngracefully: c.ResultCategory.startsWith("Unexpected"),
    }))
    .where((c) => fn.isnotempty(c.ParticipantKey))
    .project(
      "CorrelationId",
      "ParticipantKey",
      "Participant",
      "ParticipantId",
      "EndpointId",
      "EndpointType",
      "ParticipantType",
      "Redacted",
      "CallType",
      "SdkVersion",
      "OsVersion",
      "ParticipantStartTime",
      "ParticipantDuration",
      "ParticipantEndReason",
      "ParticipantEndSubCode",
      "ResultCategory",
      "DroppedUngracefully",
      "TimeGenerated",
    )
    .latestBy("TimeGenerated", ["CorrelationId", "ParticipantKey"]);
}

/** One row per stream with the same participant key. */
function diagnosticStreams(call: "all" | "one") {
  return from(ACSCallDiagnostics)
    .where(inWindow)
    .where((c) => (call === "one" ? c.CorrelationId.eqCi(p.correlationId) : optionalIn(c.MediaType, p.mediaTypes)))
    .extend((c) => ({ ParticipantKey: participantKey(c) }))
    .where((c) => fn.isnotempty(c.ParticipantKey))
    .projectAs((c) => ({
      CorrelationId: c.CorrelationId,
      ParticipantKey: c.ParticipantKey,
      MediaType: c.MediaType,
      StreamId: c.StreamId,
      StreamDirection: c.StreamDirection,
      ReportedBy: c.EndpointType,
      ReportingEndpointId: c.EndpointId,
      TransportType: c.TransportType,
      CodecName: c.CodecName,
      JitterAvg: c.JitterAvg,
      JitterMax: c.JitterMax,
      RoundTripTimeAvg: c.RoundTripTimeAvg,
      RoundTripTimeMax: c.RoundTripTimeMax,
      PacketLossRateAvg: c.PacketLossRateAvg,
      PacketLossRateMax: c.PacketLossRateMax,
      PacketUtilization: c.PacketUtilization,
    }));
}

export const summaryDiagnosticsByParticipantStream = defineEntry({
  id: "summary-diagnostics-by-participant-stream",
  title: "Participants joined to their media streams (group and P2P)",
  description:
    "One row per participant and media stream: who the participant was (ACSCallSummary) and how each of their streams " +
    "performed (ACSCallDiagnostics). Microsoft joins on CorrelationId, ParticipantId, EndpointId, which drops the streams " +
    "the ACS server reports for a group-call participant (different EndpointId) and relies on ParticipantId, which P2P rows " +
    "do not have. Here both sides get the same key, ParticipantKey = ParticipantId, or EndpointId when ParticipantId is " +
    "empty (P2P), and the join is on CorrelationId + ParticipantKey; rows with no key at all and the pseudo-rows whose " +
    "ParticipantId equals the CorrelationId are left out, and summary rows are deduplicated to one per key so the join " +
    "cannot multiply them. kind=leftouter from the summary, because a participant who never sent or received media " +
    "(a failed join, a PSTN leg without diagnostics, a cross-tenant P2P endpoint whose EndpointId is Redacted in the " +
    "summary but not in diagnostics) is exactly what you want to see, not silently lose as an inner join would; they show " +
    `once with empty stream columns. ${REDACTED_P2P_MERGE} ReportedBy is the EndpointType` +
    " that reported the stream (Server rows are the " +
    "server's view of the participant's streams). Filters: callTypes, endpointTypes, sdkVersions on the participant, " +
    "mediaTypes on the streams (a participant without streams of the chosen media types shows once, without streams).",
  category: "joins",
  tags: ["summary", "diagnostics", "participants", "streams", "p2p", "group", "join"],
  query: summaryParticipants("all")
    .join("leftouter", diagnosticStreams("all"), ["CorrelationId", "ParticipantKey"])
    .projectAway("CorrelationId1", "ParticipantKey1", "TimeGenerated"),
  visualization: "table",
});

export const callParticipantsStreams = defineEntry({
  id: "call-participants-streams",
  title: "One call: participants and their streams",
  description:
    "Drill-down for one call (parameter correlationId): every participant of the call — display id normalised as in " +
    "participants-normalised, type, SDK, OS, start, duration, end reason and subcode, result category, " +
    "DroppedUngracefully (ResultCategory Unexpected*, Microsoft's 2025 rule; end-reasons-with-meaning explains the " +
    "codes) — followed by each of their media streams with " +
    "jitter, round-trip time and packet loss, ordered by participant start then media type. The join is the one of " +
    "summary-diagnostics-by-participant-stream (CorrelationId + ParticipantKey, which is ParticipantId in group calls and " +
    "EndpointId in P2P calls); kind=leftouter from the summary so that participants without any stream (failed to " +
    `connect, no media) are still listed, once, with empty stream columns. ${REDACTED_P2P_MERGE}`,
  category: "joins",
  tags: ["call", "drill-down", "participants", "streams", "summary", "diagnostics", "join"],
  query: summaryParticipants("one")
    .join("leftouter", diagnosticStreams("one"), ["CorrelationId", "ParticipantKey"])
    .projectAway("CorrelationId1", "ParticipantKey1", "TimeGenerated")
    .orderBy((c) => [
      [c.ParticipantStartTime, "asc"],
      [c.ParticipantKey, "asc"],
      [c.MediaType, "asc"],
      [c.StreamDirection, "asc"],
      [c.StreamId, "asc"],
    ]),
  visualization: "table",
});

// ---------------------------------------------------------------------------------------
// 3. Updates tables: keep the highest CallUpdatesVersion.

export const summaryUpdatesLatest = defineEntry({
  id: "summary-updates-latest",
  title: "ACSCallSummaryUpdates, latest version per participant",
  description:
    "The low-latency ACSCallSummaryUpdates table with only the most complete row per participant: " +
    "`summarize arg_max(CallUpdatesVersion, *) by CorrelationId, ParticipantId, EndpointId` (EndpointId keeps the two " +
    "endpoints of a P2P call apart, where ParticipantId is empty). Version 1 arrives about an hour after the call and may " +
    "have empty fields; later versions can arrive hours later, so always read the highest. No join here: this is the " +
    "deduplicated input to use wherever ACSCallSummary would be joined. The call-type/endpoint-type/SDK filters run after " +
    "the deduplication, on the latest version's values, because an early version may not have them yet.",
  category: "joins",
  tags: ["updates", "summary", "dedupe", "versions", "near-real-time"],
  query: from(ACSCallSummaryUpdates)
    .where(inWindow)
    .latestBy("CallUpdatesVersion", ["CorrelationId", "ParticipantId", "EndpointId"])
    .where((c) =>
      optionalIn(c.CallType, p.callTypes).and(optionalIn(c.EndpointType, p.endpointTypes)).and(optionalIn(c.SdkVersion, p.sdkVersions)),
    ),
  visualization: "table",
});

export const diagnosticsUpdatesLatest = defineEntry({
  id: "diagnostics-updates-latest",
  title: "ACSCallDiagnosticsUpdates, latest version per stream",
  description:
    "The low-latency ACSCallDiagnosticsUpdates table with only the most complete row per media stream: " +
    "`summarize arg_max(CallUpdatesVersion, *) by CorrelationId, ParticipantId, EndpointId, MediaType, StreamId, " +
    "StreamDirection` (a StreamId is unique only together with the participant and media type; EndpointId separates P2P " +
    "endpoints). Later versions supersede earlier ones, which may hold partial statistics. No join here: this is the " +
    "deduplicated input to use wherever ACSCallDiagnostics would be joined. The mediaTypes/endpointTypes filters run after " +
    "the deduplication, on the latest version.",
  category: "joins",
  tags: ["updates", "diagnostics", "dedupe", "versions", "near-real-time", "streams"],
  query: from(ACSCallDiagnosticsUpdates)
    .where(inWindow)
    .latestBy("CallUpdatesVersion", ["CorrelationId", "ParticipantId", "EndpointId", "MediaType", "StreamId", "StreamDirection"])
    .where((c) => optionalIn(c.MediaType, p.mediaTypes).and(optionalIn(c.EndpointType, p.endpointTypes))),
  visualization: "table",
});

// ---------------------------------------------------------------------------------------
// 4. End of Call Survey ⋈ summary.

const surveySummary = letTable(
  "surveyCallSummary",
  from(ACSCallSummary)
    .where(inWindow)
    .where(isNotServerRow)
    .project(
      "CorrelationId",
      "ParticipantId",
      "CallType",
      "CallStartTime",
      "CallDuration",
      "EndpointType",
      "ParticipantType",
      "SdkVersion",
      "OsVersion",
      "TimeGenerated",
    ),
  { materialize: true },
);

/** Per call: the call-level columns (one row per CorrelationId). */
const surveyCalls = from(surveySummary).summarize(
  (c) => ({ CallType: agg.max(c.CallType), CallStartTime: agg.min(c.CallStartTime), CallDuration: agg.max(c.CallDuration) }),
  ["CorrelationId"],
);

/** Per participant: the participant's latest summary row (one row per CorrelationId + ParticipantId). */
const surveyParticipants = from(surveySummary)
  .where((c) => fn.isnotempty(c.ParticipantId))
  .latestBy("TimeGenerated", ["CorrelationId", "ParticipantId"])
  .project("CorrelationId", "ParticipantId", "EndpointType", "ParticipantType", "SdkVersion", "OsVersion");

export const surveyRatingsByParticipant = defineEntry({
  id: "survey-ratings-by-participant",
  title: "End of Call Survey answers with call and participant details",
  description:
    "One row per End of Call Survey: the overall rating normalised to a 1–5 scale " +
    "within the row's own bounds, as survey-rating-summary does (1 + 4 * (score − LowerBound) / (UpperBound − LowerBound), " +
    "rounded to 2 places; bounds 1 and 5 when missing or inconsistent, so a 0 on a 0–10 scale is 1), its " +
    "category (Good ≥ 4.5, Average ≥ 3, else Poor, as Call Diagnostics does; Not rated when there is no score), the " +
    "audio/video/screen-share scores and the issues ticked, plus the call (type, start, duration) and the participant " +
    "(endpoint type, participant type, SDK, OS) from ACSCallSummary. In ACSCallSurvey, CallId is the call id and " +
    "CorrelationId holds the participant id (§1.6), so the call joins on CallId == CorrelationId and the participant on " +
    "CallId + coalesce(ParticipantId, CorrelationId) == CorrelationId + ParticipantId. Both joins are kind=leftouter " +
    "against right sides reduced to one row per key, so every survey is kept exactly once: a survey whose summary row " +
    "has not arrived, or whose participant cannot be matched (P2P summaries have no ParticipantId), keeps its rating " +
    "with empty details instead of vanishing as with an inner join. The two summary views come from one materialized " +
    "let. Filter callTypes applies to the joined CallType.",
  category: "joins",
  tags: ["survey", "rating", "summary", "participants", "join"],
  query: from(ACSCallSurvey)
    .where(inWindow)
    .projectAs((c) => ({
      SurveyTime: c.TimeGenerated,
      SurveyId: c.SurveyId,
      CallId: c.CallId,
      SurveyParticipantId: fn.coalesce(c.ParticipantId, c.CorrelationId),
      OverallRatingScore: c.OverallRatingScore,
      OverallRatingScoreUpperBound: c.OverallRatingScoreUpperBound,
      NormalisedOverallRating: normalisedRatingOf({ score: c.OverallRatingScore, lower: c.OverallRatingScoreLowerBound, upper: c.OverallRatingScoreUpperBound }),
      AboveThreshold: c.OverallRatingScore.gt(c.OverallRatingScoreThreshold),
      AudioRatingScore: c.AudioRatingScore,
      VideoRatingScore: c.VideoRatingScore,
      ScreenshareRatingScore: c.ScreenshareRatingScore,
      OverallCallIssues: c.OverallCallIssues,
      AudioIssues: c.AudioIssues,
      VideoIssues: c.VideoIssues,
      ScreenshareIssues: c.ScreenshareIssues,
    }))
    .join("leftouter", surveyCalls, [["CallId", "CorrelationId"]])
    .join("leftouter", surveyParticipants, [
      ["CallId", "CorrelationId"],
      ["SurveyParticipantId", "ParticipantId"],
    ])
    .where((c) => optionalIn(c.CallType, p.callTypes))
    .projectAs((c) => ({
      SurveyTime: c.SurveyTime,
      SurveyId: c.SurveyId,
      CallId: c.CallId,
      ParticipantId: c.SurveyParticipantId,
      CallType: c.CallType,
      CallStartTime: c.CallStartTime,
      CallDuration: c.CallDuration,
      EndpointType: c.EndpointType,
      ParticipantType: c.ParticipantType,
      SdkVersion: c.SdkVersion,
      OsVersion: c.OsVersion,
      OverallRatingScore: c.OverallRatingScore,
      OverallRatingScoreUpperBound: c.OverallRatingScoreUpperBound,
      NormalisedOverallRating: c.NormalisedOverallRating,
      RatingCategory: ratingCategoryOf(c.NormalisedOverallRating),
      AboveThreshold: c.AboveThreshold,
      AudioRatingScore: c.AudioRatingScore,
      VideoRatingScore: c.VideoRatingScore,
      ScreenshareRatingScore: c.ScreenshareRatingScore,
      OverallCallIssues: c.OverallCallIssues,
      AudioIssues: c.AudioIssues,
      VideoIssues: c.VideoIssues,
      ScreenshareIssues: c.ScreenshareIssues,
    }))
    .orderBy("SurveyTime", "desc"),
  visualization: "table",
});

// ---------------------------------------------------------------------------------------
// 5. Billing usage ⋈ summary: phone numbers of participants.

const billingUsage = letTable(
  "billingUsage",
  from(ACSBillingUsage)
    .where(inWindow)
    .project("CorrelationId", "ParticipantId", "UserIdA", "UserIdB", "UsageType", "Quantity", "StartTime", "EndTime"),
  { materialize: true },
);

/**
 * Billing usage per key: each record counts once under its ParticipantId (how group-call
 * participants are billed) and once under its CorrelationId (how P2P calls are billed).
 */
const billingByKey = union(
  from(billingUsage)
    .where((c) => fn.isnotempty(c.ParticipantId))
    .extend((c) => ({ BillingKey: c.ParticipantId })),
  from(billingUsage)
    .where((c) => fn.isnotempty(c.CorrelationId))
    .extend((c) => ({ BillingKey: c.CorrelationId })),
).summarize(
  (c) => ({
    UserIdsA: agg.make_set(c.UserIdA, 20),
    UserIdsB: agg.make_set(c.UserIdB, 20),
    UsageTypes: agg.make_set(c.UsageType, 10),
    AudioQuantity: agg.sumif(c.Quantity, c.UsageType.eqCi("audio")),
    UsageStart: agg.min(c.StartTime),
    UsageEnd: agg.max(c.EndTime),
    UsageRecords: agg.count(),
  }),
  ["BillingKey"],
);

export const participantPhoneNumbers = defineEntry({
  id: "participant-phone-numbers",
  title: "Participant phone numbers (billing usage)",
  description:
    "The phone numbers and user ids billed for each participant (UserIdA / UserIdB of ACSBillingUsage), with call type, " +
    "start time, endpoint types and PSTN call type; filter endpointTypes to PSTN for PSTN legs only. Billing records " +
    "belong to a group-call participant through ParticipantId and to a P2P call through CorrelationId. Microsoft's " +
    "version runs two joins (group rows on ParticipantId, P2P rows on CorrelationId) and unions them, without time " +
    "filters and without reducing the billing side, so a participant with several usage records appears several times " +
    "and every P2P endpoint row is repeated for every usage record of the call. Here the billing records (read once, " +
    "materialized) are filed under both keys and reduced to one row per key (sets of user ids, usage types, audio " +
    "quantity, usage span, record count); the summary is reduced to one row per billed leg, keyed BillingKey = " +
    "ParticipantId for group calls and CorrelationId for P2P calls; then a single join on BillingKey gives one row per " +
    "leg with no duplicates. kind=leftouter from the summary, as in Microsoft's query: participants without a billing " +
    "record (not billed, or the record not written yet) stay listed with empty billing columns.",
  category: "joins",
  tags: ["billing", "pstn", "phone-numbers", "summary", "join", "usage"],
  query: from(ACSCallSummary)
    .where(inWindow)
    .where((c) =>
      optionalIn(c.CallType, p.callTypes).and(optionalIn(c.EndpointType, p.endpointTypes)).and(isNotServerRow(c)),
    )
    .extend((c) => ({ BillingKey: fn.iff(c.CallType.eq("P2P"), c.CorrelationId, c.ParticipantId) }))
    .summarize(
      (c) => ({
        CallType: agg.max(c.CallType),
        CallStartTime: agg.min(c.CallStartTime),
        EndpointTypes: agg.make_set(c.EndpointType, 10),
        PstnParticipantCallType: agg.max(c.PstnParticipantCallType),
      }),
      ["CorrelationId", "BillingKey"],
    )
    .join("leftouter", billingByKey, ["BillingKey"])
    .projectAway("BillingKey1")
    .orderBy((c) => [
      [c.CallStartTime, "desc"],
      [c.CorrelationId, "asc"],
    ]),
  visualization: "table",
});

// ---------------------------------------------------------------------------------------
// 6. Client operations of one call, including the client's pre-call operations.

const clientOps = letTable(
  "callClientOps",
  from(ACSCallClientOperations)
    .where(inWindow)
    .project(
      "CallClientTimeStamp",
      "TimeGenerated",
      "CallId",
      "ClientInstanceId",
      "ParticipantId",
      "EndpointId",
      "OperationName",
      "OperationType",
      "ResultType",
      "ResultSignature",
      "DurationMs",
      "SdkVersion",
      "OperationPayload",
    ),
  { materialize: true },
);

export const callClientOperations = defineEntry({
  id: "call-client-operations",
  title: "One call: client SDK operations, including pre-call operations",
  description:
    "Timeline of the Calling SDK operations for one call (parameter correlationId; ACSCallClientOperations.CallId is the " +
    "call's CorrelationId): every operation logged with that CallId, plus the operations of the same CallClient " +
    "instances that carry no CallId (CallAgentInit, device selection, ... ; Phase 'Same client, no CallId') from two " +
    "hours before the instance's first operation in the call to two hours after its last, like Microsoft's 'Search all " +
    "client operations in a call'. The call id is matched case-insensitively. " +
    "Rows are ordered by CallClientTimeStamp, the client's clock at the operation; TimeGenerated (ingestion) is what the " +
    "lookback bounds. FailureReason, DiagnosticChanged and DiagnosticQuality are lifted out of OperationPayload. The " +
    "instance windows are one row per ClientInstanceId, so the kind=leftouter join cannot duplicate operations, and " +
    "leftouter (not inner) keeps the call's own operations even when they carry no ClientInstanceId (older SDKs); " +
    "pre-call operations of other instances find no window and are dropped by the following filter.",
  category: "joins",
  tags: ["client", "sdk", "operations", "timeline", "call", "drill-down", "ufd"],
  query: from(clientOps)
    .where((c) => fn.isnotempty(p.correlationId).and(c.CallId.eqCi(p.correlationId).or(fn.isempty(c.CallId))))
    .join(
      "leftouter",
      from(clientOps)
        .where((c) => c.CallId.eqCi(p.correlationId).and(fn.isnotempty(c.ClientInstanceId)))
        .summarize((c) => ({ FirstInCall: agg.min(c.CallClientTimeStamp), LastInCall: agg.max(c.CallClientTimeStamp) }), ["ClientInstanceId"])
        .projectAs((c) => ({
          ClientInstanceId: c.ClientInstanceId,
          WindowStart: c.FirstInCall.addSpan("-2h"),
          WindowEnd: c.LastInCall.addSpan("2h"),
        })),
      ["ClientInstanceId"],
    )
    .where((c) => c.CallId.eqCi(p.correlationId).or(c.CallClientTimeStamp.between(c.WindowStart, c.WindowEnd)))
    .projectAs((c) => ({
      CallClientTimeStamp: c.CallClientTimeStamp,
      TimeGenerated: c.TimeGenerated,
      Phase: fn.iff(fn.isempty(c.CallId), "Same client, no CallId", "Call"),
      ClientInstanceId: c.ClientInstanceId,
      ParticipantId: c.ParticipantId,
      EndpointId: c.EndpointId,
      OperationName: c.OperationName,
      OperationType: c.OperationType,
      ResultType: c.ResultType,
      ResultSignature: c.ResultSignature,
      DurationMs: c.DurationMs,
      FailureReason: fn.tostring(c.OperationPayload.at("FailureReason")),
      DiagnosticChanged: fn.tostring(c.OperationPayload.at("DiagnosticChanged")),
      DiagnosticQuality: fn.tostring(c.OperationPayload.at("DiagnosticQuality")),
      SdkVersion: c.SdkVersion,
      OperationPayload: c.OperationPayload,
    }))
    .orderBy((c) => [
      [c.CallClientTimeStamp, "asc"],
      [c.ClientInstanceId, "asc"],
    ]),
  visualization: "table",
});

// ---------------------------------------------------------------------------------------
// 7. Redacted cross-tenant participants, normalised.

export const participantsNormalised = defineEntry({
  id: "participants-normalised",
  title: "Participants with a normalised identity (redacted cross-tenant participants)",
  description:
    "One row per call and participant, with the participant identity Microsoft's Call Diagnostics queries use (§1.13): " +
    "Participant = coalesce(ParticipantId, Identifier, EndpointId); an id that cross-tenant redaction replaced by " +
    "`Redacted` becomes strcat('RedactedParticipant-', EndpointType, '-Identifier-', Identifier), so redacted " +
    "participants stay apart instead of all collapsing into one 'Redacted' participant; rows whose ParticipantId equals " +
    "the CorrelationId are not participants and are dropped. Redacted tells whether redaction hid the endpoint id, OS or " +
    "SDK of any of the participant's rows. No join here: use Participant as the participant key when you count or list " +
    "participants across tenants; for joins to ACSCallDiagnostics use ParticipantKey (ParticipantId, else EndpointId) as " +
    "in summary-diagnostics-by-participant-stream, since diagnostics are not redacted.",
  category: "joins",
  tags: ["participants", "identity", "redaction", "cross-tenant", "summary", "normalisation"],
  query: from(ACSCallSummary)
    .where(inWindow)
    .where((c) => optionalIn(c.CallType, p.callTypes).and(optionalIn(c.EndpointType, p.endpointTypes)))
    .extend((c) => ({ Participant: displayParticipant(c), Redacted: redacted(c) }))
    .where((c) => c.Participant.neq(c.CorrelationId).and(fn.isnotempty(c.Participant)))
    .summarize(
      (c) => ({
        EndpointTypes: agg.make_set(c.EndpointType, 10),
        ParticipantType: agg.max(c.ParticipantType),
        Identifier: agg.max(c.Identifier),
        ParticipantTenantId: agg.max(c.ParticipantTenantId),
        RedactedRows: agg.countif(c.Redacted),
        Rows: agg.count(),
        ParticipantStartTime: agg.min(c.ParticipantStartTime),
        ParticipantDuration: agg.max(c.ParticipantDuration),
      }),
      ["CorrelationId", "CallType", "Participant"],
    )
    .projectAs((c) => ({
      CorrelationId: c.CorrelationId,
      CallType: c.CallType,
      Participant: c.Participant,
      Redacted: c.RedactedRows.gt(0),
      EndpointTypes: c.EndpointTypes,
      ParticipantType: c.ParticipantType,
      Identifier: c.Identifier,
      ParticipantTenantId: c.ParticipantTenantId,
      ParticipantStartTime: c.ParticipantStartTime,
      ParticipantDuration: c.ParticipantDuration,
      SummaryRows: c.Rows,
    })),
  visualization: "table",
});

// ---------------------------------------------------------------------------------------
// Call Automation ⋈ summary / diagnostics (Microsoft's "CallSummary/CallDiagnostics log for CallAutomation API call").

/** Per call: the Call Automation requests made on it (one row per CorrelationId). */
function automationPerCall() {
  return from(ACSCallAutomationIncomingOperations)
    .where(inWindow)
    .where((c) => fn.isnotempty(c.CorrelationId))
    .summarize(
      (c) => ({
        AutomationRequests: agg.count(),
        FailedAutomationRequests: agg.countif(c.ResultSignature.ge(400)),
        AutomationOperations: agg.make_set(c.OperationName, 20),
      }),
      ["CorrelationId"],
    );
}

export const callAutomationSummary = defineEntry({
  id: "call-automation-summary",
  title: "Call summaries of calls driven by Call Automation",
  description:
    "The ACSCallSummary rows (one per participant) of every call on which the Call Automation API was used, each with " +
    "the number of Call Automation requests on the call, how many failed (HTTP status ≥ 400) and which operations they " +
    "were. Microsoft's sample joins the raw tables (`ACSCallAutomationIncomingOperations | join kind=inner " +
    "(ACSCallSummary) on CorrelationId | limit 100`), which repeats every summary row once per API request. Here the Call " +
    "Automation side is first reduced to one row per call, and kind=inner keeps exactly the summary rows of calls that " +
    "had Call Automation requests, each once (an inner join against a key-unique right side is a semi-join that also " +
    "brings the request counts).",
  category: "joins",
  tags: ["call-automation", "summary", "join", "participants"],
  query: from(ACSCallSummary)
    .where(inWindow)
    .where((c) => optionalIn(c.CallType, p.callTypes).and(optionalIn(c.EndpointType, p.endpointTypes)))
    .project(
      "CorrelationId",
      "CallStartTime",
      "CallType",
      "CallDuration",
      "ParticipantId",
      "EndpointId",
      "EndpointType",
      "ParticipantType",
      "ParticipantDuration",
      "ParticipantEndReason",
      "ParticipantEndSubCode",
      "ResultCategory",
    )
    .join("inner", automationPerCall(), ["CorrelationId"])
    .projectAway("CorrelationId1")
    .orderBy((c) => [
      [c.CallStartTime, "desc"],
      [c.CorrelationId, "asc"],
    ]),
  visualization: "table",
});

export const callAutomationDiagnostics = defineEntry({
  id: "call-automation-diagnostics",
  title: "Media streams of calls driven by Call Automation",
  description:
    "The ACSCallDiagnostics rows (one per media stream) of every call on which the Call Automation API was used, with " +
    "the call's Call Automation request count, failures and operations. As in call-automation-summary, the Call " +
    "Automation side is reduced to one row per call before the join, so kind=inner keeps each stream of those calls " +
    "exactly once instead of once per API request as in Microsoft's raw `join kind=inner (ACSCallDiagnostics) on " +
    "CorrelationId`. Filters: mediaTypes, endpointTypes.",
  category: "joins",
  tags: ["call-automation", "diagnostics", "streams", "join", "quality"],
  query: from(ACSCallDiagnostics)
    .where(inWindow)
    .where((c) => optionalIn(c.MediaType, p.mediaTypes).and(optionalIn(c.EndpointType, p.endpointTypes)))
    .project(
      "TimeGenerated",
      "CorrelationId",
      "ParticipantId",
      "EndpointId",
      "EndpointType",
      "MediaType",
      "StreamId",
      "StreamDirection",
      "TransportType",
      "CodecName",
      "JitterAvg",
      "RoundTripTimeAvg",
      "PacketLossRateAvg",
    )
    .join("inner", automationPerCall(), ["CorrelationId"])
    .projectAway("CorrelationId1")
    .orderBy((c) => [
      [c.TimeGenerated, "desc"],
      [c.CorrelationId, "asc"],
    ]),
  visualization: "table",
});

// ---------------------------------------------------------------------------------------
// Call list with quality, rating and issues (Microsoft's "Search calls by keyword", the Call
// Diagnostics call list).

/** Per call: streams and streams poor by the three classic rules (one row per CorrelationId). */
function streamQualityPerCall() {
  return from(ACSCallDiagnostics)
    .where(inWindow)
    .summarize(
      (c) => ({
        Streams: agg.count(),
        PoorStreams: agg.countif(
          c.RoundTripTimeAvg.gt(p.rttPoorMs).or(c.JitterAvg.gt(p.jitterPoorMs)).or(c.PacketLossRateAvg.gt(p.packetLossPoorRatio)),
        ),
      }),
      ["CorrelationId"],
    );
}

/** Per call: survey count and mean normalised overall rating (one row per CallId). */
function ratingPerCall() {
  return from(ACSCallSurvey)
    .where(inWindow)
    .where((c) => fn.isnotempty(c.CallId))
    .summarize(
      (c) => ({
        Surveys: agg.count(),
        AvgRating: agg.avg(normalisedRatingOf({ score: c.OverallRatingScore, lower: c.OverallRatingScoreLowerBound, upper: c.OverallRatingScoreUpperBound })),
      }),
      ["CallId"],
    );
}

/**
 * Per call with client-side issues: failed client operations and poor user-facing
 * diagnostics (one row per CallId; calls without issues have no row).
 */
function clientIssuesPerCall() {
  const ufdQuality = (c: { readonly OperationPayload: Expr<"dynamic"> }) => fn.tostring(c.OperationPayload.at("DiagnosticQuality"));
  const ufdName = (c: { readonly OperationPayload: Expr<"dynamic"> }) => fn.tostring(c.OperationPayload.at("DiagnosticChanged"));
  return from(ACSCallClientOperations)
    .where(inWindow)
    .where((c) => fn.isnotempty(c.CallId))
    .projectAs((c) => ({
      CallId: c.CallId,
      OperationName: c.OperationName,
      FailedOperation: c.OperationName.neq("UserFacingDiagnostics").and(isClientOperationSuccess(c).not()),
      PoorUfd: c.OperationName.eq("UserFacingDiagnostics")
        .and(ufdQuality(c).neq("Good"))
        .and(fn.isnotempty(ufdQuality(c)))
        .and(ufdName(c).notIn(["SpeakingWhileMicrophoneIsMuted", "SpeakerMuted"])),
      Ufd: ufdName(c),
    }))
    .where((c) => c.FailedOperation.or(c.PoorUfd))
    .summarize(
      (c) => ({
        FailedClientOperations: agg.countif(c.FailedOperation),
        PoorUfds: agg.countif(c.PoorUfd),
        IssueOperations: agg.make_set(fn.iff(c.FailedOperation, c.OperationName, c.Ufd), 20),
      }),
      ["CallId"],
    );
}

export const callList = defineEntry({
  id: "call-list",
  title: "Calls with quality, survey rating and issues",
  description:
    "One row per call in the window — the call list of Microsoft's Call Diagnostics ('Search calls by keyword'): start, " +
    "type, duration, participants, participants that ended with an unexpected error, streams and poor streams " +
    "(round-trip time, jitter or packet loss above rttPoorMs / jitterPoorMs / packetLossPoorRatio, the Insights Quality " +
    "rules; see the quality area for the full rule set), Quality (Poor with at least one poor stream or a poor " +
    "user-facing diagnostic, Good with streams and none, Unknown without diagnostics), the mean End of Call Survey " +
    "rating normalised to 1–5 within each survey's bounds (as survey-rating-summary does) and its category, failed client operations (neither a success nor an expected error such as " +
    "ExpectedError, as sdk-api-reliability counts them) and poor user-facing diagnostics (UFDs whose " +
    "DiagnosticQuality is not Good, except SpeakingWhileMicrophoneIsMuted and SpeakerMuted, as Call Diagnostics counts " +
    "them) with their names (empty when the call had none). Newest calls first; drill into one with call-participants-streams and " +
    "call-client-operations. There is no free-text keyword search (Microsoft's `* contains keyword` reads every column " +
    "of every table); narrow with the filters callTypes, endpointTypes, sdkVersions (a call matches when one of its " +
    "participants does). Every join is kind=leftouter from the one-row-per-call summary to a right side reduced to one " +
    "row per call, so each call appears exactly once and a call without diagnostics, survey or client logs stays in the " +
    "list with empty columns instead of disappearing as with inner joins.",
  category: "joins",
  tags: ["calls", "call-diagnostics", "search", "quality", "survey", "ufd", "client", "join"],
  query: from(ACSCallSummary)
    .where(inWindow)
    .where((c) =>
      optionalIn(c.CallType, p.callTypes).and(optionalIn(c.EndpointType, p.endpointTypes)).and(optionalIn(c.SdkVersion, p.sdkVersions)),
    )
    .where(isNotServerRow)
    .extend((c) => ({ ParticipantKey: participantKey(c) }))
    .summarize(
      (c) => ({
        CallStartTime: agg.min(c.CallStartTime),
        CallType: agg.max(c.CallType),
        CallDuration: agg.max(c.CallDuration),
        Participants: agg.dcountif(c.ParticipantKey, fn.isnotempty(c.ParticipantKey)),
        UnexpectedEndParticipants: agg.dcountif(c.ParticipantKey, c.ResultCategory.startsWith("Unexpected")),
        TeamsInterop: agg.countif(fn.isnotempty(c.TeamsThreadId).and(c.TeamsThreadId.neq("null"))),
      }),
      ["CorrelationId"],
    )
    .join("leftouter", streamQualityPerCall(), ["CorrelationId"])
    .join("leftouter", ratingPerCall(), [["CorrelationId", "CallId"]])
    .join("leftouter", clientIssuesPerCall(), [["CorrelationId", "CallId"]])
    .projectAs((c) => ({
      CorrelationId: c.CorrelationId,
      CallStartTime: c.CallStartTime,
      CallType: c.CallType,
      TeamsInterop: c.TeamsInterop.gt(0n),
      CallDuration: c.CallDuration,
      Participants: c.Participants,
      UnexpectedEndParticipants: c.UnexpectedEndParticipants,
      Streams: c.Streams,
      PoorStreams: c.PoorStreams,
      Quality: fn.case(
        [
          [c.PoorStreams.gt(0n).or(c.PoorUfds.gt(0n)), "Poor"],
          [c.Streams.gt(0n), "Good"],
        ],
        "Unknown",
      ),
      Surveys: c.Surveys,
      AvgRating: c.AvgRating,
      RatingCategory: ratingCategoryOf(c.AvgRating),
      FailedClientOperations: c.FailedClientOperations,
      PoorUfds: c.PoorUfds,
      IssueOperations: c.IssueOperations,
    }))
    .orderBy((c) => [
      [c.CallStartTime, "desc"],
      [c.CorrelationId, "asc"],
    ]),
  visualization: "table",
});

/** Catalog entries of the 'joins' area. */
export const entries: readonly CatalogEntry[] = [
  summaryDiagnosticsByParticipantStream,
  callParticipantsStreams,
  summaryUpdatesLatest,
  diagnosticsUpdatesLatest,
  surveyRatingsByParticipant,
  participantPhoneNumbers,
  callClientOperations,
  participantsNormalised,
  callAutomationSummary,
  callAutomationDiagnostics,
  callList,
];
