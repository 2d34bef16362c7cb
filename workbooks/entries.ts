// Queries that only the workbooks need, as catalog entries (same builder, same shared
// parameters, same checks): the Overview tiles, a lighter end-reason lookup, the per-call
// drill-down levels and the parameter pickers. Where a catalog entry already answers the
// question, the workbook uses it as it is (workbooks/acs-call-quality.ts); these build on
// catalog queries rather than copying them wherever the builder allows it.
import { defineEntry, type CatalogEntry } from "../src/catalog/entry.js";
import { inWindow, optionalIn } from "../src/catalog/filters.js";
import { p } from "../src/catalog/parameters.js";
import { isFailedEndExpr, isUngracefulExpr } from "../src/errors/index.js";
import { agg, Expr, fn, from, letTable, lit, param, type Query, type Row } from "../src/kql/index.js";
import { ACSCallSummary } from "../src/schema/index.js";
import { argResources, inlinePlaceholder } from "../src/workbook/arg-schema.js";
import type { TextParam } from "../src/workbook/params.js";
import { callParticipantsStreams, surveyRatingsByParticipant } from "../queries/joins.js";
import { callTypeRatio, mediaTypeRatio, osRatio, sdkVersionRatio } from "../queries/volume.js";
import { reliabilityFailuresBySubcode } from "../queries/reliability.js";
import { sdkApiTopFailingSubcodes, ufdByOsBrowser, ufdBySdkVersion } from "../queries/client.js";
import { impactedCalls } from "../queries/quality.js";
import { participantsPerCall } from "../queries/volume.js";
import { endReasonsWithMeaningQuery, pstnFailuresQuery } from "../queries/errors.js";

const text = (value: string): Expr<"string"> => new Expr(lit.string(value), "string");
const n = (value: number): Expr<"long"> => new Expr(lit.long(value), "long");

/** The workbook's participant drill-down key (ParticipantId, or EndpointId in P2P calls). */
export const participantKey = param.string("participantKey", "");
/** The ACS resource the workbook was opened from, or 'none'. */
export const contextResource = param.string("contextResource", "none");
/** The workbook's scenario drill-down key (a scenario of scenario-reliability-summary, e.g. `Join`, `CreateView/Local`); empty = all. */
export const scenario = param.string("scenario", "");

/** ACSCallSummary participant rows in the window, with the summary filters. */
function summaryRows() {
  return from(ACSCallSummary)
    .where(inWindow)
    .where((c) => optionalIn(c.CallType, p.callTypes).and(optionalIn(c.EndpointType, p.endpointTypes)).and(optionalIn(c.SdkVersion, p.sdkVersions)))
    .where((c) => c.ParticipantId.neq(c.CorrelationId));
}

// ---------------------------------------------------------------------------------------
// Overview tiles: one row per KPI.

const perCall = letTable("kpiParticipants", participantsPerCall.query, { materialize: true });
const ends = letTable(
  "kpiEnds",
  summaryRows()
    .summarize((c) => ({
      Legs: agg.count(),
      ParticipantSeconds: agg.sum(c.ParticipantDuration),
      FailedLegs: agg.countif(isFailedEndExpr(c.ParticipantEndReason)),
      UngracefulLegs: agg.countif(isUngracefulExpr(c.ResultCategory)),
    }))
    .extend((c) => ({ ParticipantMinutes: fn.round(c.ParticipantSeconds.div(60.0), 0) })),
  { materialize: true },
);

const pct = (part: Expr<"long">, whole: Expr<"long">) => fn.round(part.times(100.0).div(fn.max_of(whole, 1n)), 1);

export const overviewKpis = defineEntry({
  id: "overview-kpis",
  title: "Overview: calls, participants, minutes, impacted calls, failed participants",
  description:
    "The Overview tiles, one row per figure: calls and participants as participants-per-call counts them (exact, per call), " +
    "participant minutes (sum of ParticipantDuration / 60, Microsoft's 'total participant minutes'), the impacted-call " +
    "share of impacted-calls (calls with diagnostics that have at least one poor stream, by the thresholds) and the share " +
    "of participant legs whose end code is a failure (not 0 or 2xx, the Insights workbook's rule), with the ungraceful " +
    "share (Unexpected* result category) in its detail. Value is real for every row, so one tile formatter fits all.",
  category: "volume",
  tags: ["overview", "kpi", "calls", "participants", "quality", "failures"],
  query: from(perCall)
    .projectAs((c) => ({ Order: n(1), Kpi: text("Calls"), Value: fn.toreal(c.Calls), Unit: text(""), Detail: fn.strcat("avg ", fn.round(c.AvgParticipantsPerCall, 1), " participants per call") }))
    .union(from(perCall).projectAs((c) => ({ Order: n(2), Kpi: text("Participants"), Value: fn.toreal(c.Participants), Unit: text(""), Detail: fn.strcat("max ", c.MaxParticipantsPerCall, " in one call") })))
    .union(from(ends).projectAs((c) => ({ Order: n(3), Kpi: text("Participant minutes"), Value: c.ParticipantMinutes, Unit: text("min"), Detail: fn.strcat(c.Legs, " participant legs") })))
    .union(
      impactedCalls.query.projectAs((c) => ({
        Order: n(4),
        Kpi: text("Impacted calls"),
        Value: c.ImpactedPercent,
        Unit: text("%"),
        Detail: fn.strcat(c.ImpactedCalls, " of ", c.Calls, " calls with diagnostics"),
      })),
    )
    .union(
      from(ends).projectAs((c) => ({
        Order: n(5),
        Kpi: text("Failed participants"),
        Value: pct(c.FailedLegs, c.Legs),
        Unit: text("%"),
        Detail: fn.strcat(c.FailedLegs, " failed, ", pct(c.UngracefulLegs, c.Legs), " % ungraceful"),
      })),
    )
    .orderBy("Order", "asc")
    .projectAway("Order"),
  visualization: "table",
});

// ---------------------------------------------------------------------------------------
// End reasons with meaning and advice, with a lighter lookup table.

/**
 * The end-code table of the service-side, PSTN and call-end lists (88 rows, about 11 KB of
 * KQL) instead of all four sources: the Web SDK client subcodes alone are 465 rows (about
 * 70 KB), which would push the workbook far past the portal's 100 KB advice. Client
 * subcodes fall back to their code-level wording.
 */
const WORKBOOK_END_CODE_SOURCES = ["call-end", "service", "pstn"] as const;

export const endReasonsTop = defineEntry({
  id: "end-reasons-top",
  title: "Top end codes and subcodes, with meaning and advice (workbook)",
  description:
    "The topN most frequent (ParticipantEndReason, ParticipantEndSubCode, ResultCategory) combinations " +
    "with participants, calls, SIP class, and the meaning and advice of the kit's end-code table, like the catalog's " +
    "end-reasons-with-meaning but with the call-end, service and PSTN lists only (the Web SDK client list is 465 rows); " +
    "client subcodes and unknown pairs fall back to the code-level wording. lookup kind=leftouter keeps codes the table " +
    "does not know.",
  category: "errors",
  tags: ["end-reason", "subcode", "lookup", "workbook"],
  query: endReasonsWithMeaningQuery(WORKBOOK_END_CODE_SOURCES),
  visualization: "table",
});

/**
 * PSTN failures by direction, like the catalog's pstn-failures-by-direction, but with the
 * PSTN list only (20 rows) plus the code-level fallback for Meaning and Advice: the service
 * and call-end lists are already in the end-reason grid above it, and carrying them twice
 * would cost another 9 KB of JSON.
 */
export const pstnFailures = defineEntry({
  id: "pstn-failures",
  title: "PSTN failures by direction (workbook)",
  description:
    "Failed PSTN participant ends (EndpointType PSTN, end code not 0 or 2xx) by direction and code, as in the catalog's " +
    "pstn-failures-by-direction: 560xxx subcodes are the SBC's or operator's answer on an outbound call, 540xxx on an " +
    "inbound call (SbcSipCode is then the SIP code the SBC returned), any other subcode came from the Microsoft service. " +
    "Meaning and Advice come from the PSTN end-reason list, then the code-level wording.",
  category: "errors",
  tags: ["pstn", "direct-routing", "sbc", "failures", "workbook"],
  query: pstnFailuresQuery(["pstn"]),
  visualization: "table",
});

// ---------------------------------------------------------------------------------------
// Call drill-down: participants of one call, then the streams of one participant.

export const callParticipants = defineEntry({
  id: "call-participants",
  title: "One call: its participants, with poor-stream counts",
  description:
    "The participants of one call (correlationId), one row each, from call-participants-streams: who, what kind of " +
    "endpoint, SDK and OS, when and how long, how it ended, and its streams with how many are poor by round-trip time, " +
    "jitter or packet loss (rttPoorMs, jitterPoorMs, packetLossPoorRatio: the rules of call-list) and the worst averages. " +
    "Participants without streams have Streams 0.",
  category: "joins",
  tags: ["call", "drill-down", "participants", "quality", "workbook"],
  query: callParticipantsStreams.query
    .summarize(
      (c) => ({
        Streams: agg.countif(fn.isnotempty(c.MediaType)),
        PoorStreams: agg.countif(c.RoundTripTimeAvg.gt(p.rttPoorMs).or(c.JitterAvg.gt(p.jitterPoorMs)).or(c.PacketLossRateAvg.gt(p.packetLossPoorRatio))),
        MaxRoundTripTimeAvg: agg.max(c.RoundTripTimeAvg),
        MaxJitterAvg: agg.max(c.JitterAvg),
        MaxPacketLossRateAvg: agg.max(c.PacketLossRateAvg),
      }),
      [
        "ParticipantKey",
        "Participant",
        "EndpointType",
        "ParticipantType",
        "SdkVersion",
        "OsVersion",
        "ParticipantStartTime",
        "ParticipantDuration",
        "ParticipantEndReason",
        "ParticipantEndSubCode",
        "ResultCategory",
        "DroppedUngracefully",
      ],
    )
    .orderBy((c) => [
      [c.ParticipantStartTime, "asc"],
      [c.ParticipantKey, "asc"],
    ]),
  visualization: "table",
});

export const participantStreams = defineEntry({
  id: "participant-streams",
  title: "One participant of one call: its media streams",
  description:
    "The media streams of one participant (participantKey) of one call (correlationId), from call-participants-streams, " +
    "with Issues naming the averages above the thresholds (rttPoorMs, jitterPoorMs, packetLossPoorRatio).",
  category: "joins",
  tags: ["call", "drill-down", "streams", "quality", "workbook"],
  query: callParticipantsStreams.query
    .where((c) => c.ParticipantKey.eq(participantKey).and(fn.isnotempty(c.MediaType)))
    .projectAs((c) => ({
      MediaType: c.MediaType,
      StreamDirection: c.StreamDirection,
      StreamId: c.StreamId,
      ReportedBy: c.ReportedBy,
      TransportType: c.TransportType,
      CodecName: c.CodecName,
      RoundTripTimeAvg: c.RoundTripTimeAvg,
      RoundTripTimeMax: c.RoundTripTimeMax,
      JitterAvg: c.JitterAvg,
      JitterMax: c.JitterMax,
      PacketLossRateAvg: c.PacketLossRateAvg,
      PacketLossRateMax: c.PacketLossRateMax,
      Issues: fn.strcat_delim(
        " ",
        fn.iff(c.RoundTripTimeAvg.gt(p.rttPoorMs), "RTT", ""),
        fn.iff(c.JitterAvg.gt(p.jitterPoorMs), "jitter", ""),
        fn.iff(c.PacketLossRateAvg.gt(p.packetLossPoorRatio), "packet-loss", ""),
      ),
    }))
    .orderBy((c) => [
      [c.MediaType, "asc"],
      [c.StreamDirection, "asc"],
      [c.StreamId, "asc"],
    ]),
  visualization: "table",
});

// ---------------------------------------------------------------------------------------
// Volume breakdowns: the four ratio queries in one grid (one query instead of four pies).

type Breakdown = { Breakdown: Expr<"string">; Value: Expr<"string">; Count: Expr<"long">; CountOf: Expr<"string"> };
const breakdowns = letTable(
  "breakdowns",
  callTypeRatio.query
    .projectAs((c): Breakdown => ({ Breakdown: text("Call type"), Value: c.CallType, Count: c.Calls, CountOf: text("calls") }))
    .union(sdkVersionRatio.query.projectAs((c): Breakdown => ({ Breakdown: text("SDK version"), Value: c.SdkVersion, Count: c.Participants, CountOf: text("participants") })))
    .union(osRatio.query.projectAs((c): Breakdown => ({ Breakdown: text("OS"), Value: c.OsName, Count: c.Participants, CountOf: text("participants") })))
    .union(mediaTypeRatio.query.projectAs((c): Breakdown => ({ Breakdown: text("Media type"), Value: c.MediaType, Count: c.Streams, CountOf: text("streams") }))),
  { materialize: true },
);

export const volumeBreakdowns = defineEntry({
  id: "volume-breakdowns",
  title: "Calls, participants and streams by call type, SDK version, OS and media type (workbook)",
  description:
    "The catalog's call-type-ratio (calls), sdk-version-ratio and os-ratio (participants) and media-type-ratio (streams) " +
    "in one table: Breakdown names the ratio, Value its group, Count the calls, participants or streams (CountOf) and " +
    "SharePct their share within the breakdown. One query instead of four pie charts keeps the workbook inside the " +
    "portal's 40-query limit.",
  category: "volume",
  tags: ["volume", "ratio", "breakdown", "workbook"],
  query: from(breakdowns)
    .join("inner", from(breakdowns).summarize((c) => ({ Total: agg.sum(c.Count) }), ["Breakdown"]), ["Breakdown"])
    .projectAs((c) => ({
      Breakdown: c.Breakdown,
      Value: c.Value,
      Count: c.Count,
      CountOf: c.CountOf,
      SharePct: fn.round(c.Count.times(100.0).div(fn.max_of(c.Total, 1n)), 1),
    }))
    .orderBy((c) => [
      [c.Breakdown, "asc"],
      [c.Count, "desc"],
    ]),
  visualization: "table",
});

// ---------------------------------------------------------------------------------------
// User Facing Diagnostics by SDK version and by OS / browser in one grid.

type UfdBreakdown = {
  Breakdown: Expr<"string">;
  Value: Expr<"string">;
  Ufd: Expr<"string">;
  AffectedLegs: Expr<"long">;
  AffectedCalls: Expr<"long">;
  GroupCalls: Expr<"long">;
  AffectedCallsPct: Expr<"real">;
  RecoveryRatePct: Expr<"real">;
  RecoveryP50Sec: Expr<"real">;
  RecoveryP90Sec: Expr<"real">;
};

export const ufdBreakdowns = defineEntry({
  id: "ufd-breakdowns",
  title: "User Facing Diagnostics by SDK version and by OS and browser (workbook)",
  description:
    "The catalog's ufd-by-sdk-version and ufd-by-os-browser in one table: Breakdown says which, Value is the SDK version " +
    "or 'OS / browser' (from parse_user_agent), GroupCalls the calls of that group; the other columns are those of the " +
    "two entries (legs and calls affected, share of the group's calls, recovery rate and time). One query instead of two " +
    "keeps the workbook inside the portal's 40-query limit.",
  category: "quality",
  tags: ["ufd", "user-facing-diagnostics", "sdk", "os", "browser", "breakdown", "workbook"],
  query: ufdBySdkVersion.query
    .projectAs(
      (c): UfdBreakdown => ({
        Breakdown: text("SDK version"),
        Value: c.SdkVersion,
        Ufd: c.Ufd,
        AffectedLegs: c.AffectedLegs,
        AffectedCalls: c.AffectedCalls,
        GroupCalls: c.VersionCalls,
        AffectedCallsPct: c.AffectedCallsPct,
        RecoveryRatePct: c.RecoveryRatePct,
        RecoveryP50Sec: c.RecoveryP50Sec,
        RecoveryP90Sec: c.RecoveryP90Sec,
      }),
    )
    .union(
      ufdByOsBrowser.query.projectAs(
        (c): UfdBreakdown => ({
          Breakdown: text("OS / browser"),
          Value: fn.strcat(c.Os, " / ", c.Browser),
          Ufd: c.Ufd,
          AffectedLegs: c.AffectedLegs,
          AffectedCalls: c.AffectedCalls,
          GroupCalls: c.GroupCalls,
          AffectedCallsPct: c.AffectedCallsPct,
          RecoveryRatePct: c.RecoveryRatePct,
          RecoveryP50Sec: c.RecoveryP50Sec,
          RecoveryP90Sec: c.RecoveryP90Sec,
        }),
      ),
    )
    .orderBy((c) => [
      [c.AffectedCalls, "desc"],
      [c.Breakdown, "asc"],
    ]),
  visualization: "table",
});

// ---------------------------------------------------------------------------------------
// Reliability drill-down: one scenario (or all while none is selected).

/** `scenario == '' or <col> == scenario`. */
const ofScenario = (col: Expr<"string">) => fn.isempty(scenario).or(col.eq(scenario));

export const scenarioFailureSubcodes = defineEntry({
  id: "scenario-failure-subcodes",
  title: "Failure subcodes of the selected SDK scenario (workbook)",
  description:
    "The catalog's reliability-failures-by-subcode (ACSCallingMetrics) narrowed to one scenario (scenario, e.g. Join or " +
    "CreateView/Local, as scenario-reliability-summary names them); every scenario while scenario is empty.",
  category: "reliability",
  tags: ["reliability", "subcode", "scenario", "drill-down", "workbook"],
  query: reliabilityFailuresBySubcode.query.where((c) => ofScenario(c.Scenario)),
  visualization: "table",
});

export const scenarioClientSubcodes = defineEntry({
  id: "scenario-client-subcodes",
  title: "Top failing client subcodes of the selected SDK scenario, with meaning and advice (workbook)",
  description:
    "The catalog's sdk-api-top-failing-subcodes (raw ACSCallClientOperations, the error dataset's client subcode " +
    "meanings) narrowed to one scenario, named as scenario-reliability-summary names them (Join, CreateView/Local, " +
    "Drop, ...): the client side splits CreateView by an assumed payload field, so a selected CreateView/Local or " +
    "CreateView/Remote also shows the CreateView/Unknown rows (side not logged), which may belong to either; every " +
    "scenario while scenario is empty.",
  category: "reliability",
  tags: ["reliability", "subcode", "scenario", "drill-down", "meaning", "advice", "workbook"],
  query: sdkApiTopFailingSubcodes.query.where((c) => ofScenario(c.Scenario).or(scenario.startsWith("CreateView/").and(c.Scenario.eq("CreateView/Unknown")))),
  visualization: "table",
});

// ---------------------------------------------------------------------------------------
// Call drill-down: the call's End of Call Survey responses.

export const callSurvey = defineEntry({
  id: "call-survey",
  title: "One call: its End of Call Survey responses (workbook)",
  description:
    "The survey responses of one call (correlationId = ACSCallSurvey.CallId), from the catalog's " +
    "survey-ratings-by-participant: who answered, the overall rating normalised to 1–5 within the row's bounds, its " +
    "category, the audio, video and screen-share scores and the issues reported.",
  category: "joins",
  tags: ["call", "drill-down", "survey", "rating", "workbook"],
  query: surveyRatingsByParticipant.query
    .where((c) => c.CallId.eq(p.correlationId))
    .projectAs((c) => ({
      SurveyTime: c.SurveyTime,
      ParticipantId: c.ParticipantId,
      EndpointType: c.EndpointType,
      SdkVersion: c.SdkVersion,
      OverallRatingScore: c.OverallRatingScore,
      OverallRatingScoreUpperBound: c.OverallRatingScoreUpperBound,
      NormalisedOverallRating: c.NormalisedOverallRating,
      RatingCategory: c.RatingCategory,
      AudioRatingScore: c.AudioRatingScore,
      VideoRatingScore: c.VideoRatingScore,
      ScreenshareRatingScore: c.ScreenshareRatingScore,
      OverallCallIssues: c.OverallCallIssues,
      AudioIssues: c.AudioIssues,
      VideoIssues: c.VideoIssues,
      ScreenshareIssues: c.ScreenshareIssues,
    }))
    .orderBy("SurveyTime", "asc"),
  visualization: "table",
});

// ---------------------------------------------------------------------------------------
// Parameter pickers.

/** ACS resources that logged calls into the workspace in the window: value, label, selected. */
export const acsResourceChoices: Query<Row> = from(ACSCallSummary)
  .where((c) => c.TimeGenerated.gt(fn.ago(p.lookback)))
  .summarize((c) => ({ Calls: agg.dcount(c.CorrelationId) }), ["_ResourceId"])
  .projectAs((c) => ({
    value: c._ResourceId,
    label: fn.strcat(fn.extract("([^/]+)$", 1, c._ResourceId), " (", c.Calls, " calls)"),
    selected: c._ResourceId.eqCi(contextResource),
  }))
  .orderBy("label", "asc");

/** Calling SDK versions seen in the window (for the chosen ACS resources), most used first. */
export const sdkVersionChoices: Query<Row> = from(ACSCallSummary)
  .where(inWindow)
  .where((c) => fn.isnotempty(c.SdkVersion).and(c.SdkVersion.neq("Redacted")))
  .summarize((c) => ({ Participants: agg.count() }), ["SdkVersion"])
  .top(200, "Participants", "desc")
  .projectAs((c) => ({ value: c.SdkVersion, label: fn.strcat(c.SdkVersion, " (", c.Participants, ")") }));

/** Resource Graph: the subscription of the first workspace in scope (Microsoft's Workspace Usage pattern). */
export const defaultSubscriptionQuery: Query<Row> = from(argResources)
  .where((c) => c.type.eqCi("microsoft.operationalinsights/workspaces"))
  .take(1)
  .projectAs((c) => ({ subscriptionId: c.subscriptionId }));

/** Resource Graph: subscriptions in scope, the default one selected. */
export function subscriptionChoices(defaultSubscription: TextParam): Query<Row> {
  return from(argResources)
    .summarize(() => ({ Resources: agg.count() }), ["subscriptionId"])
    .projectAs((c) => ({
      value: fn.strcat("/subscriptions/", c.subscriptionId),
      label: c.subscriptionId,
      selected: c.subscriptionId.eqCi(inlinePlaceholder(defaultSubscription)),
    }));
}

/** Resource Graph: Log Analytics workspaces of the chosen subscription, by name. */
export const workspaceChoices: Query<Row> = from(argResources)
  .where((c) => c.type.eqCi("microsoft.operationalinsights/workspaces"))
  .orderBy("name", "asc")
  .projectAs((c) => ({ id: c.id }));

/** The workbook-only entries, for the tests and the catalog-style checks. */
export const workbookEntries: readonly CatalogEntry[] = [
  overviewKpis,
  endReasonsTop,
  pstnFailures,
  callParticipants,
  participantStreams,
  volumeBreakdowns,
  ufdBreakdowns,
  scenarioFailureSubcodes,
  scenarioClientSubcodes,
  callSurvey,
];
