// Client-side analyses (issue 8, items 1–4): User Facing Diagnostics, Calling SDK API
// reliability and latency, the End of Call Survey and client media statistics, from
// ACSCallClientOperations, ACSCallingMetrics, ACSCallSurvey and
// ACSCallClientMediaStatsTimeSeries. Facts: /work/shared/reference/acs-call-logs.md §1.4–1.7,
// §3.2 (Microsoft's example queries for these tables), §3.3 (UFD and Performance tabs), §5.2.
// The catalog's modules are imported one by one, not through src/catalog/index.js: that
// barrel also loads the catalog API, which imports queries/index.js, which imports this
// module while it is still loading.
import { defineEntry, type CatalogEntry } from "../src/catalog/entry.js";
import { inWindow, optionalIn } from "../src/catalog/filters.js";
import { p } from "../src/catalog/parameters.js";
import { endCodeTable } from "../src/errors/kql.js";
import { agg, Expr, fn, from, letTable, lit, val, type Cols, type Query, type Row } from "../src/kql/index.js";
import { classifiedStreams } from "./quality.js";
import { ACSCallClientMediaStatsTimeSeries, ACSCallClientOperations, ACSCallingMetrics, ACSCallSurvey, type ColumnTypesOf } from "../src/schema/index.js";
import { CALLING_METRICS_DIMENSIONS } from "./reliability.js";
import { AVERAGE_RATING, GOOD_RATING, normalisedRatingOf, ratingBandOf } from "./survey-rating.js";

// ---------------------------------------------------------------------------------------
// Reusable pieces
// ---------------------------------------------------------------------------------------

/** A string constant as an expression. */
const text = (value: string): Expr<"string"> => new Expr(lit.string(value), "string");
/** A typed null, for the branch of an iff that has no value. */
const nullReal = new Expr(lit.nullOf("real"), "real");
const nullDatetime = new Expr(lit.nullOf("datetime"), "datetime");

/** `round(part * 100.0 / whole, 2)`. */
const percent = (part: Expr<"long">, whole: Expr<"long">) => fn.round(part.times(100).div(whole), 2);

/** UFDs that are informational rather than problems; Microsoft's Call Diagnostics does not count them as failures (§5.2). */
export const INFORMATIONAL_UFDS = ["SpeakingWhileMicrophoneIsMuted", "SpeakerMuted"] as const;

/** ACSCallClientOperations in the window, narrowed to the sdkVersions filter. */
function clientOps() {
  return from(ACSCallClientOperations)
    .where(inWindow)
    .where((c) => optionalIn(c.SdkVersion, p.sdkVersions));
}

/** `OperationPayload.<key>` as a string. */
const payload = (c: { readonly OperationPayload: Expr<"dynamic"> }, key: string) => fn.tostring(c.OperationPayload.at(key));

/** OS family and browser family of a user agent (`parse_user_agent(UserAgent, "os"/"browser")`), "Unknown" when empty. */
const osOf = (ua: Expr<"string">) =>
  fn.coalesce(fn.tostring(fn.parse_user_agent(ua, "os").at("OperatingSystem").at("Family")), "Unknown");
const browserOf = (ua: Expr<"string">) =>
  fn.coalesce(fn.tostring(fn.parse_user_agent(ua, "browser").at("Browser").at("Family")), "Unknown");

/**
 * One row per UFD event: `OperationName == "UserFacingDiagnostics"`, with the UFD
 * (`OperationPayload.DiagnosticChanged`), its new quality (`DiagnosticQuality`) and whether
 * that is a bad state (anything but Good, except the informational UFDs). A leg is the
 * participant (ParticipantId, or the CallClient instance when the SDK logged no participant).
 */
function ufdEvents() {
  return clientOps()
    .where((c) => c.OperationName.eq("UserFacingDiagnostics"))
    .projectAs((c) => ({
      CallId: c.CallId,
      Leg: fn.coalesce(c.ParticipantId, c.ClientInstanceId),
      Time: c.CallClientTimeStamp,
      Ufd: payload(c, "DiagnosticChanged"),
      Quality: payload(c, "DiagnosticQuality"),
      SdkVersion: c.SdkVersion,
      UserAgent: c.UserAgent,
    }))
    .where((c) => fn.isnotempty(c.Ufd).and(c.Ufd.notIn([...INFORMATIONAL_UFDS])))
    .extend((c) => ({ Bad: fn.isnotempty(c.Quality).and(c.Quality.neq("Good")) }));
}

/**
 * One row per leg and UFD that went bad at least once: bad events, first and last bad time,
 * the leg's final state for that UFD, and whether (and how fast) it recovered: Recovered when
 * the last event is Good, RecoverySeconds from the last bad event to that final Good event.
 */
function ufdLegs() {
  return ufdEvents()
    .summarize(
      (c) => ({
        BadEvents: agg.countif(c.Bad),
        FirstBad: agg.min(fn.iff(c.Bad, c.Time, nullDatetime)),
        LastBad: agg.max(fn.iff(c.Bad, c.Time, nullDatetime)),
        ...agg.argMax({ LastEvent: c.Time }, { LastQuality: c.Quality }),
        SdkVersion: agg.take_any(c.SdkVersion),
        UserAgent: agg.take_any(c.UserAgent),
      }),
      ["CallId", "Leg", "Ufd"],
    )
    .where((c) => c.BadEvents.gt(0n))
    .extend((c) => ({ Recovered: c.LastQuality.eq("Good").and(c.LastEvent.ge(c.LastBad)) }))
    .extend((c) => ({
      RecoverySeconds: fn.iff(c.Recovered, fn.datetime_diff("millisecond", c.LastEvent, c.LastBad).div(1000), nullReal),
    }));
}

/** Aggregates of {@link ufdLegs} rows: volume, affected calls, recovery rate and time to recover. */
const ufdAggregates = (c: {
  readonly CallId: Expr<"string">;
  readonly BadEvents: Expr<"long">;
  readonly Recovered: Expr<"bool">;
  readonly RecoverySeconds: Expr<"real">;
}) => ({
  BadEvents: agg.sum(c.BadEvents),
  AffectedLegs: agg.count(),
  AffectedCalls: agg.dcount(c.CallId),
  RecoveredLegs: agg.countif(c.Recovered),
  ...agg.percentiles(c.RecoverySeconds, { RecoveryP50Sec: 50, RecoveryP90Sec: 90 }),
});

const UFD_HOW =
  "UFD events are the ACSCallClientOperations rows with OperationName == 'UserFacingDiagnostics'; the UFD is " +
  "OperationPayload.DiagnosticChanged and its new state OperationPayload.DiagnosticQuality. A state other than Good is " +
  "bad (Microsoft's Call Diagnostics rule); SpeakingWhileMicrophoneIsMuted and SpeakerMuted are informational and left " +
  "out. A leg (ParticipantId, or the CallClient instance when there is none) is affected by a UFD when it went bad at " +
  "least once, and recovered when its last event for that UFD is Good; the time to recover runs from the last bad " +
  "event to that final Good event (RecoveryP50Sec/RecoveryP90Sec, over recovered legs). Prioritise UFDs with high " +
  "volume and low recovery rate. Filter: sdkVersions.";

// ---------------------------------------------------------------------------------------
// 1. User Facing Diagnostics
// ---------------------------------------------------------------------------------------

export const ufdOverview = defineEntry({
  id: "ufd-overview",
  title: "User Facing Diagnostics: volume, calls affected and recovery",
  description:
    "One row per User Facing Diagnostic (UFD): bad events, affected legs and calls, the share of calls affected " +
    "(AffectedCallsPct: affected calls * 100 / all calls with any client operation in the window), the recovery rate " +
    "(RecoveryRatePct: legs whose UFD came back to Good * 100 / affected legs) and the median and P90 time to recover " +
    `in seconds; most affected calls first. ${UFD_HOW} The share comes from joining to the one-row total of calls ` +
    "through a constant key; kind=inner is right because the total always exists.",
  category: "quality",
  tags: ["ufd", "user-facing-diagnostics", "client", "recovery", "sdk", "ACSCallClientOperations"],
  query: ufdLegs()
    .summarize(ufdAggregates, ["Ufd"])
    .extend(() => ({ One: val.long(1) }))
    .join(
      "inner",
      clientOps()
        .summarize((c) => ({ TotalCalls: agg.dcount(c.CallId) }))
        .extend(() => ({ One: val.long(1) })),
      ["One"],
    )
    .projectAs((c) => ({
      Ufd: c.Ufd,
      BadEvents: c.BadEvents,
      AffectedLegs: c.AffectedLegs,
      AffectedCalls: c.AffectedCalls,
      AffectedCallsPct: percent(c.AffectedCalls, c.TotalCalls),
      RecoveredLegs: c.RecoveredLegs,
      RecoveryRatePct: percent(c.RecoveredLegs, c.AffectedLegs),
      RecoveryP50Sec: c.RecoveryP50Sec,
      RecoveryP90Sec: c.RecoveryP90Sec,
    }))
    .orderBy((c) => [
      [c.AffectedCalls, "desc"],
      [c.Ufd, "asc"],
    ]),
  visualization: "table",
});

export const ufdBySdkVersion = defineEntry({
  id: "ufd-by-sdk-version",
  title: "User Facing Diagnostics by SDK version",
  description:
    "Each UFD broken down by Calling SDK version: affected legs and calls, the share of the version's calls that were " +
    "affected (AffectedCallsPct, against every call with a client operation from that version), and the recovery rate " +
    "and times to recover. A UFD that affects a much larger share of calls on one version points at a regression in " +
    `that version. ${UFD_HOW} The per-version call totals are joined kind=inner on SdkVersion: they are computed from ` +
    "a superset of the same rows, so every UFD row finds its version's total.",
  category: "quality",
  tags: ["ufd", "user-facing-diagnostics", "sdk-version", "breakdown", "recovery", "ACSCallClientOperations"],
  query: ufdLegs()
    .summarize(ufdAggregates, ["Ufd", "SdkVersion"])
    .join("inner", clientOps().summarize((c) => ({ VersionCalls: agg.dcount(c.CallId) }), ["SdkVersion"]), ["SdkVersion"])
    .projectAs((c) => ({
      Ufd: c.Ufd,
      SdkVersion: c.SdkVersion,
      AffectedLegs: c.AffectedLegs,
      AffectedCalls: c.AffectedCalls,
      VersionCalls: c.VersionCalls,
      AffectedCallsPct: percent(c.AffectedCalls, c.VersionCalls),
      RecoveryRatePct: percent(c.RecoveredLegs, c.AffectedLegs),
      RecoveryP50Sec: c.RecoveryP50Sec,
      RecoveryP90Sec: c.RecoveryP90Sec,
    }))
    .orderBy((c) => [
      [c.Ufd, "asc"],
      [c.AffectedCalls, "desc"],
    ]),
  visualization: "table",
});

export const ufdByOsBrowser = defineEntry({
  id: "ufd-by-os-browser",
  title: "User Facing Diagnostics by OS and browser",
  description:
    "Each UFD broken down by operating system and browser family, parsed from the client's UserAgent with " +
    "parse_user_agent(UserAgent, 'os') and parse_user_agent(UserAgent, 'browser') as Microsoft's queries do ('Unknown' " +
    "when the user agent does not say, e.g. for native SDKs): affected legs and calls, the share of that OS/browser's " +
    "calls that were affected, and the recovery rate and times to recover. Device-permission and device-enumeration " +
    `UFDs in particular tend to cluster on one OS or browser. ${UFD_HOW} The user agent of a leg is one of its UFD ` +
    "events'. The per-OS/browser call totals (distinct call and user agent first, then parsed) are joined kind=inner " +
    "on Os and Browser: they cover every call of the window, so every UFD row finds its total.",
  category: "quality",
  tags: ["ufd", "user-facing-diagnostics", "os", "browser", "user-agent", "breakdown", "ACSCallClientOperations"],
  query: ufdLegs()
    .extend((c) => ({ Os: osOf(c.UserAgent), Browser: browserOf(c.UserAgent) }))
    .summarize(ufdAggregates, ["Ufd", "Os", "Browser"])
    .join(
      "inner",
      clientOps()
        .distinct("CallId", "UserAgent")
        .extend((c) => ({ Os: osOf(c.UserAgent), Browser: browserOf(c.UserAgent) }))
        .summarize((c) => ({ GroupCalls: agg.dcount(c.CallId) }), ["Os", "Browser"]),
      ["Os", "Browser"],
    )
    .projectAs((c) => ({
      Ufd: c.Ufd,
      Os: c.Os,
      Browser: c.Browser,
      AffectedLegs: c.AffectedLegs,
      AffectedCalls: c.AffectedCalls,
      GroupCalls: c.GroupCalls,
      AffectedCallsPct: percent(c.AffectedCalls, c.GroupCalls),
      RecoveryRatePct: percent(c.RecoveredLegs, c.AffectedLegs),
      RecoveryP50Sec: c.RecoveryP50Sec,
      RecoveryP90Sec: c.RecoveryP90Sec,
    }))
    .orderBy((c) => [
      [c.Ufd, "asc"],
      [c.AffectedCalls, "desc"],
    ]),
  visualization: "table",
});

export const ufdCallTimeline = defineEntry({
  id: "ufd-call-timeline",
  title: "One call: User Facing Diagnostics timeline",
  description:
    "Every User Facing Diagnostic event of one call (parameter correlationId; ACSCallClientOperations.CallId is the " +
    "call's CorrelationId, matched case-insensitively), in client time order: the leg, the UFD " +
    "(OperationPayload.DiagnosticChanged), its new state (OperationPayload.DiagnosticQuality), State = Bad, Good or " +
    "Informational (SpeakingWhileMicrophoneIsMuted, SpeakerMuted), and the SDK version, OS and browser of the client. " +
    "Read it per leg and UFD: a Bad row followed by a Good row is a recovery, a Bad row with no later Good row is a " +
    "problem that lasted to the end of the call. Like Microsoft's 'Search all user facing diagnostics in a call'.",
  category: "quality",
  tags: ["ufd", "user-facing-diagnostics", "timeline", "call", "drill-down", "ACSCallClientOperations"],
  query: from(ACSCallClientOperations)
    .where(inWindow)
    .where((c) => fn.isnotempty(p.correlationId).and(c.CallId.eqCi(p.correlationId)).and(c.OperationName.eq("UserFacingDiagnostics")))
    .projectAs((c) => ({
      CallClientTimeStamp: c.CallClientTimeStamp,
      ParticipantId: c.ParticipantId,
      ClientInstanceId: c.ClientInstanceId,
      Ufd: payload(c, "DiagnosticChanged"),
      Quality: payload(c, "DiagnosticQuality"),
      SdkVersion: c.SdkVersion,
      UserAgent: c.UserAgent,
    }))
    .projectAs((c) => ({
      CallClientTimeStamp: c.CallClientTimeStamp,
      ParticipantId: c.ParticipantId,
      ClientInstanceId: c.ClientInstanceId,
      Ufd: c.Ufd,
      Quality: c.Quality,
      State: fn.case(
        [
          [c.Ufd.in([...INFORMATIONAL_UFDS]), "Informational"],
          [c.Quality.eq("Good"), "Good"],
          [fn.isempty(c.Quality), "Unknown"],
        ],
        "Bad",
      ),
      SdkVersion: c.SdkVersion,
      Os: osOf(c.UserAgent),
      Browser: browserOf(c.UserAgent),
    }))
    .orderBy((c) => [
      [c.CallClientTimeStamp, "asc"],
      [c.ParticipantId, "asc"],
    ]),
  visualization: "table",
});

// ACSCallingMetrics rows are deduplicated as in queries/reliability.ts.
const UFD_RECOVERY_PREFIX = "reliability/api/UFD/recovery/";

export const ufdRecoveryRateOverTime = defineEntry({
  id: "ufd-recovery-rate-over-time",
  title: "UFD recovery rate per day (ACSCallingMetrics)",
  description:
    "Daily recovery rate of each User Facing Diagnostic from the pre-aggregated ACSCallingMetrics, as the Insights UFD " +
    "tab computes it: the metrics reliability/api/UFD/recovery/<UFD>, volume Legs = sum(LegsDcount) (legs on which the " +
    "UFD fired), RecoveredLegs = sum(SuccessLegsDcount) and RecoveryRatePct = RecoveredLegs * 100.0 / Legs. Rows are " +
    "first deduplicated to the latest emission per daily bin and combination of dimensions (arg_max(TimestampMax, *) " +
    "by every dimension, as in calling-metrics-latest), so re-emitted bins are not counted twice. Compare with " +
    "ufd-overview, which derives recovery from the raw UFD events. Filter: sdkVersions.",
  category: "quality",
  tags: ["ufd", "user-facing-diagnostics", "recovery", "trend", "calling-metrics", "dedupe"],
  query: from(ACSCallingMetrics)
    .where((c) => inWindow(c).and(c.TimestampBin.ge(fn.startofday(fn.ago(p.lookback)))))
    .where((c) => c.MetricName.startsWith(UFD_RECOVERY_PREFIX).and(optionalIn(c.SdkVersion, p.sdkVersions)))
    .latestBy("TimestampMax", CALLING_METRICS_DIMENSIONS)
    .extend((c) => ({ Ufd: fn.substring(c.MetricName, UFD_RECOVERY_PREFIX.length) }))
    .summarize((c) => ({ Legs: agg.sum(c.LegsDcount), RecoveredLegs: agg.sum(c.SuccessLegsDcount) }), ["TimestampBin", "Ufd"])
    .where((c) => c.Legs.gt(0n))
    .extend((c) => ({ RecoveryRatePct: percent(c.RecoveredLegs, c.Legs) }))
    .orderBy((c) => [
      [c.TimestampBin, "asc"],
      [c.Ufd, "asc"],
    ]),
  visualization: "timechart",
});

export const ufdByPlatform = defineEntry({
  id: "ufd-by-platform",
  title: "User Facing Diagnostics by platform (ACSCallingMetrics)",
  description:
    "Each User Facing Diagnostic broken down by SDK platform (Web, iOS, Android, Windows): legs on which it fired, legs " +
    "that recovered and the recovery rate, over the whole window, from the UFD metrics of ACSCallingMetrics " +
    "(reliability/api/UFD/recovery/<UFD>, Legs = sum(LegsDcount), RecoveredLegs = sum(SuccessLegsDcount)), as the " +
    "Insights UFD tab's platform pie does. ACSCallClientOperations has no platform column, so the platform is taken " +
    "from ACSCallingMetrics.Platform, which Microsoft derives for the pre-aggregated bins, rather than guessed from " +
    "the user agent (native SDKs log none; the OS and browser split from the user agent is in ufd-by-os-browser). " +
    "Rows are first deduplicated to the latest emission per daily bin and combination of dimensions " +
    "(arg_max(TimestampMax, *) by every dimension), as in ufd-recovery-rate-over-time; an empty Platform is shown as " +
    "'Unknown'. Legs are summed over daily bins, so a leg active on two days counts twice. Filter: sdkVersions.",
  category: "quality",
  tags: ["ufd", "user-facing-diagnostics", "platform", "breakdown", "recovery", "calling-metrics", "dedupe"],
  query: from(ACSCallingMetrics)
    .where((c) => inWindow(c).and(c.TimestampBin.ge(fn.startofday(fn.ago(p.lookback)))))
    .where((c) => c.MetricName.startsWith(UFD_RECOVERY_PREFIX).and(optionalIn(c.SdkVersion, p.sdkVersions)))
    .latestBy("TimestampMax", CALLING_METRICS_DIMENSIONS)
    .projectAs((c) => ({
      Ufd: fn.substring(c.MetricName, UFD_RECOVERY_PREFIX.length),
      Platform: fn.iff(fn.isempty(c.Platform), text("Unknown"), c.Platform),
      LegsDcount: c.LegsDcount,
      SuccessLegsDcount: c.SuccessLegsDcount,
    }))
    .summarize((c) => ({ Legs: agg.sum(c.LegsDcount), RecoveredLegs: agg.sum(c.SuccessLegsDcount) }), ["Ufd", "Platform"])
    .where((c) => c.Legs.gt(0n))
    .extend((c) => ({ RecoveryRatePct: percent(c.RecoveredLegs, c.Legs) }))
    .orderBy((c) => [
      [c.Ufd, "asc"],
      [c.Legs, "desc"],
    ]),
  visualization: "table",
});

// ---------------------------------------------------------------------------------------
// 2. SDK API reliability and latency (raw ACSCallClientOperations)
// ---------------------------------------------------------------------------------------

/** The Calling SDK API operations of the Insights Reliability tab that ACSCallClientOperations logs under their own name. */
export const API_SCENARIOS = ["StartCall", "AcceptIncomingCall", "Join", "StartVideo", "StopVideo", "CreateView", "CallAgentInit"] as const;

/**
 * The OperationPayload key read as the side of a CreateView (Local or Remote). An assumption:
 * the reference documents no such key (its StreamType holds the media kind, Video or
 * ScreenSharing, in Microsoft's Call Diagnostics query), and the SDK's own split exists only as
 * the ACSCallingMetrics names CreateView/Local and CreateView/Remote. Values other than Local
 * and Remote land in CreateView/Unknown, never in either side.
 */
export const CREATE_VIEW_SIDE_KEY = "StreamSource";

/**
 * The operations Microsoft's Call Diagnostics reads for a client-side dropped leg ("Search all
 * participants in a call": `CallDroppedUngracefully` when one of them did not succeed).
 */
export const DROP_OPERATIONS = ["Join", "EnterCall", "Hangup"] as const;

/** Microsoft's recommended P95 time to resolve per API, ms (Insights Performance tab, reference §5.2). */
export const API_P95_THRESHOLDS_MS = {
  CallAgentInit: 2000,
  HandleIncomingCall: 2000,
  AcceptIncomingCall: 3000,
  Join: 5000,
  StartCall: 1000,
  StartVideo: 7000,
  StopVideo: 1000,
} as const;

/**
 * Success of an ACSCallClientOperations row as Microsoft's Insights counts it: Succeeded or
 * Success, and expected errors (ResultType starting with "Expected": ExpectedError, e.g. a
 * declined or cancelled call). The one definition for every client-operation entry.
 *
 * @example
 * from(ACSCallClientOperations).where((c) => isClientOperationSuccess(c).not())
 */
export const isClientOperationSuccess = (c: { readonly ResultType: Expr<"string"> }): Expr<"bool"> =>
  c.ResultType.in(["Succeeded", "Success"]).or(c.ResultType.startsWith("Expected"));

/** The scenario of an operation: CreateView split into CreateView/Local, /Remote and /Unknown by {@link CREATE_VIEW_SIDE_KEY}. */
const scenarioOf = (c: { readonly OperationName: Expr<"string">; readonly OperationPayload: Expr<"dynamic"> }) => {
  const side = payload(c, CREATE_VIEW_SIDE_KEY);
  return fn.case(
    [
      [c.OperationName.neq("CreateView"), c.OperationName],
      [side.eqCi("Local"), "CreateView/Local"],
      [side.eqCi("Remote"), "CreateView/Remote"],
    ],
    text("CreateView/Unknown"),
  );
};

/** Scenario operations with a result, reduced to the columns the reliability queries need. */
function scenarioOps() {
  return clientOps()
    .where((c) => c.OperationName.in([...API_SCENARIOS]).and(fn.isnotempty(c.ResultType)))
    .projectAs((c) => ({
      Scenario: scenarioOf(c),
      Day: fn.startofday(c.TimeGenerated),
      CallId: c.CallId,
      Success: isClientOperationSuccess(c),
      Expected: c.ResultType.startsWith("Expected"),
    }));
}

/** Join, EnterCall and Hangup operations of a known leg that carry a result. */
function dropOps() {
  return clientOps().where((c) => c.OperationName.in([...DROP_OPERATIONS]).and(fn.isnotempty(c.ResultType)).and(fn.isnotempty(c.ParticipantId)));
}

/**
 * One row per leg (CallId, ParticipantId) with a Join, EnterCall or Hangup result, as scenario
 * Drop: dropped (not a success) when one of those operations is not a success by
 * {@link isClientOperationSuccess}; Expected when it succeeded only thanks to an expected error; Day is the
 * day of the leg's first such operation.
 */
function dropLegs() {
  return dropOps()
    .summarize(
      (c) => ({
        FirstSeen: agg.min(c.TimeGenerated),
        Failures: agg.countif(isClientOperationSuccess(c).not()),
        ExpectedErrors: agg.countif(c.ResultType.startsWith("Expected")),
      }),
      ["CallId", "ParticipantId"],
    )
    .projectAs((c) => ({
      Scenario: text("Drop"),
      Day: fn.startofday(c.FirstSeen),
      CallId: c.CallId,
      Success: c.Failures.eq(0n),
      Expected: c.Failures.eq(0n).and(c.ExpectedErrors.gt(0n)),
    }));
}

/** Every attempt: an operation per API scenario, a leg for Drop. */
const scenarioAttempts = () => scenarioOps().union(dropLegs());

/** "legs" for Drop, "operations" for the API scenarios. */
const unitOf = (scenario: Expr<"string">) => fn.iff(scenario.eq("Drop"), text("legs"), text("operations"));

const RELIABILITY_HOW =
  "An operation succeeds when its ResultType is Succeeded or Success, or an expected error (ResultType starting with " +
  "'Expected', e.g. ExpectedError: a declined or cancelled call, a denied permission) — ExpectedError counts as " +
  "success, the way Microsoft's Insights Reliability tab counts it. Operations without a ResultType are left out. " +
  "Attempts, successes and failures: for StartCall, AcceptIncomingCall, Join, StartVideo, StopVideo and CallAgentInit " +
  "one attempt is one operation of that OperationName, a success as above, a failure any other result. CreateView is " +
  `split by OperationPayload.${CREATE_VIEW_SIDE_KEY} (Local → CreateView/Local, Remote → CreateView/Remote, compared ` +
  "case-insensitively); that key is an ASSUMPTION — the reference documents no payload field for the side (its " +
  "StreamType holds the media kind, Video or ScreenSharing) — so every other or missing value goes to " +
  "CreateView/Unknown rather than to either side: a large CreateView/Unknown means the assumption does not hold for " +
  "your SDK. Drop (Unit legs) follows Microsoft's client-side rule in Call Diagnostics ('Search all participants in a " +
  "call'): one attempt is one leg (CallId, ParticipantId, non-empty) with at least one Join, EnterCall or Hangup " +
  "operation carrying a result; it is dropped (a failure) when any of those operations is not a success as above, and " +
  "a success otherwise. A failed Join therefore counts under Join and under Drop, as in Call Diagnostics; the " +
  "ACSCallingMetrics Drop of scenario-reliability-summary counts only legs that had connected.";

export const sdkApiReliability = defineEntry({
  id: "sdk-api-reliability",
  title: "Calling SDK API success rate per scenario (client operations)",
  description:
    "One row per Calling SDK scenario of the Insights Reliability tab, from the raw ACSCallClientOperations: StartCall, " +
    "AcceptIncomingCall, Join, StartVideo, StopVideo, CreateView/Local, CreateView/Remote (and CreateView/Unknown), " +
    "CallAgentInit and Drop. Attempts (Unit says what one is: operations, or legs for Drop), successes, of which " +
    "expected errors, failures (Failed = Attempts - Succeeded), SuccessRatePct = successes * 100.0 / attempts, and " +
    `the calls with at least one failure; lowest success rate first. ${RELIABILITY_HOW} Unlike the daily ` +
    "ACSCallingMetrics bins, this counts operations (not legs) for the API scenarios and is available minutes after " +
    "the call. The Drop legs are unioned with the operations before the summarize. Filter: sdkVersions.",
  category: "reliability",
  tags: ["reliability", "scenario", "sdk", "api", "success-rate", "expected-error", "create-view", "drop", "ACSCallClientOperations"],
  query: scenarioAttempts()
    .summarize(
      (c) => ({
        Attempts: agg.count(),
        Succeeded: agg.countif(c.Success),
        ExpectedErrors: agg.countif(c.Expected),
        FailedCalls: agg.dcountif(c.CallId, c.Success.not()),
      }),
      ["Scenario"],
    )
    .projectAs((c) => ({
      Scenario: c.Scenario,
      Unit: unitOf(c.Scenario),
      Attempts: c.Attempts,
      Succeeded: c.Succeeded,
      ExpectedErrors: c.ExpectedErrors,
      Failed: c.Attempts.minus(c.Succeeded),
      SuccessRatePct: percent(c.Succeeded, c.Attempts),
      FailedCalls: c.FailedCalls,
    }))
    .orderBy((c) => [
      [c.SuccessRatePct, "asc"],
      [c.Attempts, "desc"],
    ]),
  visualization: "table",
});

/** Attempts and successes per day and scenario; referenced twice, so materialized. */
const dailyScenarios = letTable(
  "dailyScenarioAttempts",
  scenarioAttempts().summarize((c) => ({ Attempts: agg.count(), Succeeded: agg.countif(c.Success) }), ["Day", "Scenario"]),
  { materialize: true },
);

export const sdkApiReliabilityDayOverDay = defineEntry({
  id: "sdk-api-reliability-day-over-day",
  title: "Calling SDK API success rate per day, with the change from the day before",
  description:
    "Daily success rate of each Calling SDK scenario (as in sdk-api-reliability: the API operations, CreateView split " +
    "into Local, Remote and Unknown, and Drop legs) from ACSCallClientOperations, by the day of TimeGenerated (of a " +
    "leg's first Join, EnterCall or Hangup for Drop), the previous day's rate and ChangePctPoints = today − yesterday " +
    "in percentage points, so a sudden drop after a release stands out (negative = worse). The first day of a scenario " +
    `has no previous day: its PrevDaySuccessRatePct and ChangePctPoints are empty. ${RELIABILITY_HOW} The previous ` +
    "day comes from the same materialized daily table shifted by one day and joined kind=leftouter on Scenario and " +
    "Day, so every day is kept even without a previous day, and each key matches at most one row. Filter: sdkVersions.",
  category: "reliability",
  tags: ["reliability", "scenario", "sdk", "api", "trend", "day-over-day", "expected-error", "drop", "ACSCallClientOperations"],
  query: from(dailyScenarios)
    .extend((c) => ({ SuccessRatePct: percent(c.Succeeded, c.Attempts) }))
    .join(
      "leftouter",
      from(dailyScenarios).projectAs((c) => ({
        Scenario: c.Scenario,
        Day: c.Day.addSpan("1d"),
        PrevDaySuccessRatePct: percent(c.Succeeded, c.Attempts),
      })),
      ["Scenario", "Day"],
    )
    .projectAs((c) => ({
      Day: c.Day,
      Scenario: c.Scenario,
      Attempts: c.Attempts,
      Succeeded: c.Succeeded,
      SuccessRatePct: c.SuccessRatePct,
      PrevDaySuccessRatePct: c.PrevDaySuccessRatePct,
      ChangePctPoints: fn.round(c.SuccessRatePct.minus(c.PrevDaySuccessRatePct), 2),
    }))
    .orderBy((c) => [
      [c.Day, "asc"],
      [c.Scenario, "asc"],
    ]),
  visualization: "timechart",
});

/**
 * The threshold parameter of each scenario in {@link API_P95_THRESHOLDS_MS} (their defaults
 * are those values), so a team can hold its own SLOs without editing the query.
 */
export const API_P95_THRESHOLD_PARAMS = {
  CallAgentInit: p.callAgentInitP95Ms,
  HandleIncomingCall: p.handleIncomingCallP95Ms,
  AcceptIncomingCall: p.acceptIncomingCallP95Ms,
  Join: p.joinP95Ms,
  StartCall: p.startCallP95Ms,
  StartVideo: p.startVideoP95Ms,
  StopVideo: p.stopVideoP95Ms,
} as const satisfies Record<keyof typeof API_P95_THRESHOLDS_MS, unknown>;

const nullLong = new Expr(lit.nullOf("long"), "long");

/** `case(Scenario == "CallAgentInit", callAgentInitP95Ms, ...)`: the threshold parameter of a scenario. */
const p95ThresholdOf = (scenario: Expr<"string">): Expr<"long"> =>
  fn.case<"long", Expr<"long">>(
    Object.entries(API_P95_THRESHOLD_PARAMS).map(([name, threshold]) => [scenario.eq(name), threshold] as const),
    nullLong,
  );

export const sdkApiLatencyPercentiles = defineEntry({
  id: "sdk-api-latency-percentiles",
  title: "Calling SDK API latency percentiles against Microsoft's P95 thresholds",
  description:
    "P50, P90, P95 and P99 of DurationMs (the time the SDK operation took to succeed or fail) per API scenario from " +
    "ACSCallClientOperations, next to the recommended P95 time to resolve, one parameter per scenario with Microsoft's " +
    "values (Insights Performance tab) as defaults: callAgentInitP95Ms 2000, handleIncomingCallP95Ms 2000, " +
    "acceptIncomingCallP95Ms 3000, joinP95Ms 5000, startCallP95Ms 1000, startVideoP95Ms 7000, stopVideoP95Ms 1000. " +
    "P95WithinThreshold says whether the scenario meets it and OverThresholdPct is the share of operations slower than " +
    "the threshold. All operations with a duration count, failed ones too (a timeout is slow as well). Each operation " +
    "gets its scenario's threshold through a case() over the scenario (every scenario queried has one). Slowest P95 " +
    "relative to its threshold first. Filter: sdkVersions.",
  category: "reliability",
  tags: ["performance", "latency", "percentiles", "sdk", "api", "threshold", "ACSCallClientOperations"],
  query: clientOps()
    .where((c) => c.OperationName.in(Object.keys(API_P95_THRESHOLDS_MS)).and(fn.isnotnull(c.DurationMs)))
    .projectAs((c) => ({ Scenario: c.OperationName, DurationMs: c.DurationMs, P95ThresholdMs: p95ThresholdOf(c.OperationName) }))
    .summarize(
      (c) => ({
        Operations: agg.count(),
        ...agg.percentiles(c.DurationMs, { P50Ms: 50, P90Ms: 90, P95Ms: 95, P99Ms: 99 }),
        P95ThresholdMs: agg.max(c.P95ThresholdMs),
        OverThreshold: agg.countif(c.DurationMs.gt(c.P95ThresholdMs)),
      }),
      ["Scenario"],
    )
    .projectAs((c) => ({
      Scenario: c.Scenario,
      Operations: c.Operations,
      P50Ms: c.P50Ms,
      P90Ms: c.P90Ms,
      P95Ms: c.P95Ms,
      P99Ms: c.P99Ms,
      P95ThresholdMs: c.P95ThresholdMs,
      P95WithinThreshold: c.P95Ms.le(c.P95ThresholdMs),
      OverThresholdPct: percent(c.OverThreshold, c.Operations),
    }))
    .orderBy((c) => [[c.P95Ms.times(1).div(c.P95ThresholdMs), "desc"]]),
  visualization: "table",
});

/** The histogram's last bucket starts here (in buckets) and holds every slower operation, so a timeout does not add hundreds of empty-looking bars. */
export const LATENCY_HISTOGRAM_BUCKETS = 60;

/** `max_of(latencyBucketMs, 1)`: a zero or negative width would make bin() fail. */
const latencyBucket = fn.max_of(p.latencyBucketMs, 1n);

/** Operations per latency scenario and bucket; referenced twice (buckets and totals), so materialized. */
const latencyBuckets = letTable(
  "latencyBuckets",
  clientOps()
    .where((c) => c.OperationName.in(Object.keys(API_P95_THRESHOLDS_MS)).and(fn.isnotnull(c.DurationMs)).and(c.DurationMs.ge(0n)))
    .projectAs((c) => ({
      Scenario: c.OperationName,
      BucketStartMs: fn.min_of(fn.bin(c.DurationMs, latencyBucket), latencyBucket.times(BigInt(LATENCY_HISTOGRAM_BUCKETS - 1))),
    }))
    .summarize(() => ({ Operations: agg.count() }), ["Scenario", "BucketStartMs"]),
  { materialize: true },
);

export const sdkApiLatencyHistogram = defineEntry({
  id: "sdk-api-latency-histogram",
  title: "Calling SDK API latency histogram per scenario",
  description:
    "Per API scenario of sdk-api-latency-percentiles (CallAgentInit, HandleIncomingCall, AcceptIncomingCall, Join, " +
    "StartCall, StartVideo, StopVideo) the number of operations of ACSCallClientOperations in each DurationMs bucket, " +
    "like the 1-second latency histogram of Microsoft's Insights Performance tab: BucketStartMs = bin(DurationMs, " +
    "latencyBucketMs) (default 1000 ms; a width below 1 counts as 1), so a bucket holds the operations that took " +
    "BucketStartMs up to BucketStartMs + latencyBucketMs. The last bucket, starting at " +
    `${LATENCY_HISTOGRAM_BUCKETS - 1} widths, also holds every slower operation (at most ${LATENCY_HISTOGRAM_BUCKETS} ` +
    "buckets per scenario), so timeouts do not spread over hundreds of buckets. All operations with a non-negative " +
    "duration count, failed ones too, as in sdk-api-latency-percentiles. SharePct is the bucket's share of the " +
    "scenario's operations, from joining each bucket kind=inner to its scenario's total, summed from the same " +
    "materialized buckets (every bucket finds exactly one total). Empty buckets are not returned. Filter: sdkVersions, latencyBucketMs.",
  category: "reliability",
  tags: ["performance", "latency", "histogram", "sdk", "api", "ACSCallClientOperations"],
  query: from(latencyBuckets)
    .join("inner", from(latencyBuckets).summarize((c) => ({ ScenarioOperations: agg.sum(c.Operations) }), ["Scenario"]), ["Scenario"])
    .projectAs((c) => ({
      Scenario: c.Scenario,
      BucketStartMs: c.BucketStartMs,
      Operations: c.Operations,
      SharePct: percent(c.Operations, c.ScenarioOperations),
    }))
    .orderBy((c) => [
      [c.Scenario, "asc"],
      [c.BucketStartMs, "asc"],
    ]),
  visualization: "columnchart",
});

/**
 * Failed scenario operations (not a success by {@link isClientOperationSuccess}) with the Code, SubCode and
 * ResultCategory the SDK logged in OperationPayload (as strings; "" when absent).
 */
function failedScenarioOps() {
  const failure = <C extends { readonly CallId: Expr<"string">; readonly OperationPayload: Expr<"dynamic"> }>(c: C, scenario: Expr<"string">) => ({
    Scenario: scenario,
    CallId: c.CallId,
    Code: payload(c, "Code"),
    SubCode: payload(c, "SubCode"),
    LoggedCategory: payload(c, "ResultCategory"),
  });
  return clientOps()
    .where((c) => c.OperationName.in([...API_SCENARIOS]).and(fn.isnotempty(c.ResultType)))
    .where((c) => isClientOperationSuccess(c).not())
    .projectAs((c) => failure(c, scenarioOf(c)))
    .union(
      dropOps()
        .where((c) => isClientOperationSuccess(c).not())
        .projectAs((c) => failure(c, text("Drop"))),
    );
}

/** Failures per scenario and (Code, SubCode); referenced twice (rows and ranks), so materialized. */
const failingSubcodes = letTable(
  "failingSubcodes",
  failedScenarioOps().summarize(
    (c) => ({ Failures: agg.count(), FailedCalls: agg.dcount(c.CallId), LoggedCategory: agg.take_any(c.LoggedCategory) }),
    ["Scenario", "Code", "SubCode"],
  ),
  { materialize: true },
);

export const sdkApiTopFailingSubcodes = defineEntry({
  id: "sdk-api-top-failing-subcodes",
  title: "Calling SDK API: top failing subcodes per scenario, with meaning and advice",
  description:
    "For each Calling SDK scenario of sdk-api-reliability (StartCall, AcceptIncomingCall, Join, StartVideo, StopVideo, " +
    "CreateView/Local, CreateView/Remote, CreateView/Unknown, CallAgentInit, Drop), the topN (Code, SubCode) pairs of " +
    "its failed operations in the raw ACSCallClientOperations (for Drop: the failed Join, EnterCall and Hangup " +
    "operations of legs), read from OperationPayload.Code / SubCode: failures, calls affected, the share of the " +
    "scenario's failures, and the " +
    "ResultCategory, Meaning and Advice of the subcode from the error dataset's Web Calling SDK client subcode table " +
    "(src/errors, source 'client'; the SDK-logged OperationPayload.ResultCategory when the table does not know the pair). " +
    `A failure is an operation that is not a success in the sense of sdk-api-reliability: ${RELIABILITY_HOW} Failures ` +
    "without a subcode show SubCode ''. Rank 1 is the scenario's most frequent failure; ranks come from joining the " +
    "materialized per-subcode table to itself kind=inner on Scenario (each row meets every row of its scenario, itself " +
    "included, so none is lost) and counting the rows with more failures. The subcode table is a lookup kind=leftouter " +
    "(unknown pairs keep their row, with empty Meaning and Advice) and holds only the client rows, which makes this " +
    "entry's KQL large (about 85 KB) but self-contained. Filter: sdkVersions, topN.",
  category: "reliability",
  tags: ["reliability", "scenario", "sdk", "api", "subcode", "errors", "top-issues", "ACSCallClientOperations"],
  query: from(failingSubcodes)
    .join(
      "inner",
      from(failingSubcodes).projectAs((c) => ({ Scenario: c.Scenario, OtherFailures: c.Failures })),
      ["Scenario"],
    )
    .summarize(
      (c) => ({
        Rank: agg.countif(c.OtherFailures.gt(c.Failures)),
        ScenarioFailures: agg.sum(c.OtherFailures),
      }),
      ["Scenario", "Code", "SubCode", "Failures", "FailedCalls", "LoggedCategory"],
    )
    .extend((c) => ({ Rank: c.Rank.plus(1n) }))
    .where((c) => c.Rank.le(p.topN))
    .lookup(endCodeTable({ sources: ["client"], columns: ["ResultCategory", "Meaning", "Advice"] }), ["Code", "SubCode"])
    .projectAs((c) => ({
      Scenario: c.Scenario,
      Rank: c.Rank,
      Code: c.Code,
      SubCode: c.SubCode,
      Failures: c.Failures,
      FailedCalls: c.FailedCalls,
      ScenarioFailuresPct: percent(c.Failures, c.ScenarioFailures),
      ResultCategory: fn.iff(fn.isempty(c.ResultCategory), c.LoggedCategory, c.ResultCategory),
      Meaning: c.Meaning,
      Advice: c.Advice,
    }))
    .orderBy((c) => [
      [c.Scenario, "asc"],
      [c.Rank, "asc"],
      [c.SubCode, "asc"],
    ]),
  visualization: "table",
});

// ---------------------------------------------------------------------------------------
// 3. End of Call Survey
// ---------------------------------------------------------------------------------------

/** The four rated aspects of ACSCallSurvey and their columns. */
const SURVEY_ASPECTS = ["Overall", "Audio", "Video", "Screenshare"] as const;
type SurveyAspect = (typeof SURVEY_ASPECTS)[number];

type SurveyCols = Cols<ColumnTypesOf<typeof ACSCallSurvey>>;

/** The score, bounds and threshold columns of one aspect. */
function aspectColumns(c: SurveyCols, aspect: SurveyAspect) {
  switch (aspect) {
    case "Overall":
      return { score: c.OverallRatingScore, lower: c.OverallRatingScoreLowerBound, upper: c.OverallRatingScoreUpperBound, threshold: c.OverallRatingScoreThreshold, issues: c.OverallCallIssues };
    case "Audio":
      return { score: c.AudioRatingScore, lower: c.AudioRatingScoreLowerBound, upper: c.AudioRatingScoreUpperBound, threshold: c.AudioRatingScoreThreshold, issues: c.AudioIssues };
    case "Video":
      return { score: c.VideoRatingScore, lower: c.VideoRatingScoreLowerBound, upper: c.VideoRatingScoreUpperBound, threshold: c.VideoRatingScoreThreshold, issues: c.VideoIssues };
    case "Screenshare":
      return { score: c.ScreenshareRatingScore, lower: c.ScreenshareRatingScoreLowerBound, upper: c.ScreenshareRatingScoreUpperBound, threshold: c.ScreenshareRatingScoreThreshold, issues: c.ScreenshareIssues };
  }
}

/**
 * One row per rated aspect of a survey: the score normalised to 1–5 within the row's own
 * bounds, `1 + 4 * (score - lower) / (upper - lower)` (lower 1 and upper 5 when missing or
 * inconsistent), and whether the score is at or below the row's threshold.
 */
function surveyRatings(aspect: SurveyAspect) {
  return from(ACSCallSurvey)
    .where(inWindow)
    .projectAs((row) => {
      const c = aspectColumns(row, aspect);
      return {
        Aspect: text(aspect),
        SurveyId: row.SurveyId,
        Score: c.score,
        Normalised: normalisedRatingOf(c),
        BelowThreshold: fn.iff(fn.isnull(c.threshold), val.bool(false), c.score.le(c.threshold)),
        HasThreshold: fn.isnotnull(c.threshold),
      };
    })
    .where((c) => fn.isnotnull(c.Score));
}

function unionAll<R extends Row>(parts: readonly Query<R>[]): Query<R> {
  const [first, ...rest] = parts;
  return rest.reduce((q, r) => q.union(r) as unknown as Query<R>, first!);
}

const ratings = letTable("surveyRatings", unionAll(SURVEY_ASPECTS.map(surveyRatings)), { materialize: true });

export const surveyRatingDistribution = defineEntry({
  id: "survey-rating-distribution",
  title: "End of Call Survey: rating distribution per aspect",
  description:
    "How respondents rated the call overall, the audio, the video and the screen share (ACSCallSurvey): per aspect and " +
    "normalised rating (Rating 1–5, rounded), the responses and their share of the aspect's responses. Each score is " +
    "normalised within its own row's bounds, 1 + 4 * (score − LowerBound) / (UpperBound − LowerBound), so surveys on " +
    "different scales (1–5, 0–10, ...) land on one axis; a missing or inconsistent bound is taken as 1 and 5. Unrated " +
    "aspects (empty score) are left out. The share comes from joining each bucket kind=inner to its aspect's total, " +
    "computed from the same materialized let, so every bucket finds exactly one total.",
  category: "quality",
  tags: ["survey", "rating", "distribution", "end-of-call", "ACSCallSurvey"],
  query: from(ratings)
    .summarize((c) => ({ Responses: agg.count() }), (c) => ({ Aspect: c.Aspect, Rating: fn.round(c.Normalised, 0) }))
    .join("inner", from(ratings).summarize((c) => ({ AspectResponses: agg.count() }), ["Aspect"]), ["Aspect"])
    .projectAs((c) => ({
      Aspect: c.Aspect,
      Rating: c.Rating,
      Responses: c.Responses,
      SharePct: percent(c.Responses, c.AspectResponses),
    }))
    .orderBy((c) => [
      [c.Aspect, "asc"],
      [c.Rating, "asc"],
    ]),
  visualization: "columnchart",
});

export const surveyRatingSummary = defineEntry({
  id: "survey-rating-summary",
  title: "End of Call Survey: ratings per aspect, share below threshold",
  description:
    "One row per rated aspect (Overall, Audio, Video, Screenshare) of the End of Call Survey: responses, the average " +
    "normalised rating (1–5 within each row's own bounds, as in survey-rating-distribution), the share rated Good " +
    "(≥ 4.5), Average (≥ 3) and Poor (below 3) on that scale, as Call Diagnostics classifies ratings, and " +
    "BelowThresholdPct: the share of responses whose score is at or below the row's own RatingScoreThreshold (a score " +
    "above the threshold means good quality), over the responses that carry a threshold. Lowest average first.",
  category: "quality",
  tags: ["survey", "rating", "threshold", "end-of-call", "summary", "ACSCallSurvey"],
  query: from(ratings)
    .summarize(
      (c) => ({
        Responses: agg.count(),
        AvgNormalisedRating: agg.avg(c.Normalised),
        Good: agg.countif(c.Normalised.ge(GOOD_RATING)),
        Poor: agg.countif(c.Normalised.lt(AVERAGE_RATING)),
        WithThreshold: agg.countif(c.HasThreshold),
        BelowThreshold: agg.countif(c.BelowThreshold),
      }),
      ["Aspect"],
    )
    .projectAs((c) => ({
      Aspect: c.Aspect,
      Responses: c.Responses,
      AvgNormalisedRating: fn.round(c.AvgNormalisedRating, 2),
      GoodPct: percent(c.Good, c.Responses),
      AveragePct: percent(c.Responses.minus(c.Good).minus(c.Poor), c.Responses),
      PoorPct: percent(c.Poor, c.Responses),
      BelowThresholdPct: fn.iff(c.WithThreshold.gt(0n), percent(c.BelowThreshold, c.WithThreshold), nullReal),
    }))
    .orderBy("AvgNormalisedRating", "asc"),
  visualization: "table",
});

/** Issue lists of one aspect, one row per survey that ticked any. */
function surveyIssues(aspect: SurveyAspect) {
  return from(ACSCallSurvey)
    .where(inWindow)
    .projectAs((row) => ({ Aspect: text(aspect), SurveyId: row.SurveyId, Issues: aspectColumns(row, aspect).issues }))
    .where((c) => fn.isnotempty(c.Issues));
}

/** At most this many issues are expanded from one list. */
const MAX_ISSUES_PER_LIST = 32;

export const surveyIssueFrequency = defineEntry({
  id: "survey-issue-frequency",
  title: "End of Call Survey: issues reported, by aspect",
  description:
    "How often respondents ticked each issue, per aspect (OverallCallIssues, AudioIssues, VideoIssues, " +
    "ScreenshareIssues of ACSCallSurvey): the comma-separated lists are split (split + mv-expand, at most " +
    `${MAX_ISSUES_PER_LIST} issues per list) and trimmed, as in Microsoft's issue queries. Mentions counts the ticks, ` +
    "Surveys the surveys that ticked the issue, and SurveysPct their share of all surveys answered in the window (" +
    "joined kind=inner to the one-row total through a constant key: the total always exists). Most mentioned first.",
  category: "quality",
  tags: ["survey", "issues", "end-of-call", "frequency", "ACSCallSurvey"],
  query: unionAll(SURVEY_ASPECTS.map(surveyIssues))
    .extend((c) => ({ Issue: fn.split(c.Issues, ",") }))
    .mvExpand("Issue", { limit: MAX_ISSUES_PER_LIST, to: "string" })
    .extend((c) => ({ Issue: fn.extract("^\\s*(.*?)\\s*$", 1, c.Issue) }))
    .where((c) => fn.isnotempty(c.Issue))
    .summarize((c) => ({ Mentions: agg.count(), Surveys: agg.dcount(c.SurveyId) }), ["Aspect", "Issue"])
    .extend(() => ({ One: val.long(1) }))
    .join(
      "inner",
      from(ACSCallSurvey)
        .where(inWindow)
        .summarize((c) => ({ TotalSurveys: agg.dcount(c.SurveyId) }))
        .extend(() => ({ One: val.long(1) })),
      ["One"],
    )
    .projectAs((c) => ({
      Aspect: c.Aspect,
      Issue: c.Issue,
      Mentions: c.Mentions,
      Surveys: c.Surveys,
      SurveysPct: percent(c.Surveys, c.TotalSurveys),
    }))
    .orderBy((c) => [
      [c.Mentions, "desc"],
      [c.Aspect, "asc"],
    ]),
  visualization: "columnchart",
});

export const surveyRatingVsStreamQuality = defineEntry({
  id: "survey-rating-vs-stream-quality",
  title: "End of Call Survey: overall rating against the call's stream quality",
  description:
    "Whether poor network metrics match poor ratings: each surveyed call's Overall rating (normalised to 1–5 within " +
    "each row's own bounds, as in survey-rating-distribution, averaged over the call's responses) is joined to the " +
    "call's stream quality from ACSCallDiagnostics (classified-streams rules and thresholds, as in " +
    "stream-quality-classification: streams, poor streams, average jitter, packet loss and round-trip time). One row " +
    "per rating band (Good ≥ 4.5, Average ≥ 3, Poor below, as Call Diagnostics classifies ratings): surveyed calls, " +
    "calls with at least one poor stream and their share, the average share of poor streams and the average network " +
    "metrics. If poor ratings go with poor streams, PoorNetworkCallsPct rises from Good to Poor. The survey's CallId is " +
    "the call id (the CorrelationId of ACSCallDiagnostics). Both sides are summarized per call first and joined " +
    "kind=inner on it: only calls with both a rating and media diagnostics can be compared; a left-outer join would " +
    "count surveyed calls without diagnostics as calls without poor streams. Filters: mediaTypes, endpointTypes and the " +
    "quality thresholds (streams side).",
  category: "quality",
  tags: ["survey", "rating", "quality", "network", "correlation", "ACSCallSurvey", "ACSCallDiagnostics"],
  query: from(ACSCallSurvey)
    .where(inWindow)
    .projectAs((row) => ({ CallId: row.CallId, Score: row.OverallRatingScore, Normalised: normalisedRatingOf(aspectColumns(row, "Overall")) }))
    .where((c) => fn.isnotnull(c.Score).and(fn.isnotempty(c.CallId)))
    .summarize((c) => ({ Rating: agg.avg(c.Normalised) }), ["CallId"])
    .join(
      "inner",
      classifiedStreams().summarize(
        (c) => ({
          Streams: agg.count(),
          PoorStreams: agg.countif(c.IsPoor),
          JitterAvgMs: agg.avg(c.JitterAvg),
          PacketLossRateAvg: agg.avg(c.PacketLossRateAvg),
          RoundTripTimeAvgMs: agg.avg(c.RoundTripTimeAvg),
        }),
        ["CorrelationId"],
      ),
      [["CallId", "CorrelationId"]],
    )
    .projectAs((c) => ({
      RatingBand: ratingBandOf(c.Rating),
      Rating: c.Rating,
      PoorNetwork: c.PoorStreams.gt(0n),
      PoorStreamsPct: percent(c.PoorStreams, c.Streams),
      JitterAvgMs: c.JitterAvgMs,
      PacketLossRateAvg: c.PacketLossRateAvg,
      RoundTripTimeAvgMs: c.RoundTripTimeAvgMs,
    }))
    .summarize(
      (c) => ({
        SurveyedCalls: agg.count(),
        AvgRating: agg.avg(c.Rating),
        PoorNetworkCalls: agg.countif(c.PoorNetwork),
        AvgPoorStreamsPct: agg.avg(c.PoorStreamsPct),
        JitterAvgMs: agg.avg(c.JitterAvgMs),
        PacketLossRateAvg: agg.avg(c.PacketLossRateAvg),
        RoundTripTimeAvgMs: agg.avg(c.RoundTripTimeAvgMs),
      }),
      ["RatingBand"],
    )
    .projectAs((c) => ({
      RatingBand: c.RatingBand,
      SurveyedCalls: c.SurveyedCalls,
      AvgRating: fn.round(c.AvgRating, 2),
      PoorNetworkCalls: c.PoorNetworkCalls,
      PoorNetworkCallsPct: percent(c.PoorNetworkCalls, c.SurveyedCalls),
      AvgPoorStreamsPct: fn.round(c.AvgPoorStreamsPct, 2),
      JitterAvgMs: fn.round(c.JitterAvgMs, 2),
      PacketLossRateAvg: fn.round(c.PacketLossRateAvg, 4),
      RoundTripTimeAvgMs: fn.round(c.RoundTripTimeAvgMs, 2),
    }))
    .orderBy("AvgRating", "desc"),
  visualization: "table",
});

// ---------------------------------------------------------------------------------------
// 4. Client media statistics
// ---------------------------------------------------------------------------------------

export const mediaStatsDistribution = defineEntry({
  id: "media-stats-distribution",
  title: "Client media stats: per-metric distribution by direction and media type",
  description:
    "The distribution of every client-side media metric (ACSCallClientMediaStatsTimeSeries: Bitrate, JitterInMs, " +
    "PacketsPerSecond, ...; one row per metric, stream and 10-second interval) per media type (audio, video, screen) " +
    "and direction (send, recv): intervals, calls and participants reporting it, the average and the P50/P90/P95/P99 " +
    "of the interval averages, and the highest single sample (max of Maximum). Microsoft's 'Metric histogram per media " +
    "type and direction' plots one of these per metric; no thresholds are published for these metrics, so read the " +
    "tail (P95/P99) against the median, and whether high or low is bad depends on the metric (high jitter, low " +
    "bitrate). Filter: none besides the window and resources.",
  category: "quality",
  tags: ["media-stats", "client", "distribution", "percentiles", "jitter", "bitrate", "ACSCallClientMediaStatsTimeSeries"],
  query: from(ACSCallClientMediaStatsTimeSeries)
    .where(inWindow)
    .where((c) => fn.isnotnull(c.Average))
    .summarize(
      (c) => ({
        Intervals: agg.count(),
        Calls: agg.dcount(c.CallId),
        Participants: agg.dcount(c.ParticipantId),
        Avg: agg.avg(c.Average),
        ...agg.percentiles(c.Average, { P50: 50, P90: 90, P95: 95, P99: 99 }),
        Max: agg.max(c.Maximum),
      }),
      ["MetricName", "MediaStreamType", "MediaStreamDirection"],
    )
    .extend((c) => ({ Avg: fn.round(c.Avg, 2) }))
    .orderBy((c) => [
      [c.MetricName, "asc"],
      [c.MediaStreamType, "asc"],
      [c.MediaStreamDirection, "asc"],
    ]),
  visualization: "table",
});

/** The media-stats metrics the worst-intervals view puts side by side, per interval. */
const WORST_INTERVAL_METRICS = ["JitterInMs", "Bitrate", "PacketsPerSecond"] as const;

export const mediaStatsWorstIntervals = defineEntry({
  id: "media-stats-worst-intervals",
  title: "One call: the worst client media-stats intervals (highest jitter)",
  description:
    "The topN 10-second intervals of one call (parameter correlationId, matched case-insensitively against " +
    "ACSCallClientMediaStatsTimeSeries.CallId) with the highest average jitter (MetricName JitterInMs), per " +
    "participant, remote participant, media type and direction, with the bitrate and packets per second of the same " +
    "stream and interval beside it, so a jitter spike can be read against a bitrate drop. The metrics of one interval " +
    "are put side by side with avgif per MetricName; intervals without a jitter sample are left out. Jitter is used " +
    "because it is the one loss-like metric whose name the documentation gives (no packet-loss metric name is " +
    "published for this table). Highest jitter first (top). Filter: correlationId, topN.",
  category: "quality",
  tags: ["media-stats", "client", "jitter", "worst-intervals", "call", "drill-down", "ACSCallClientMediaStatsTimeSeries"],
  query: from(ACSCallClientMediaStatsTimeSeries)
    .where(inWindow)
    .where((c) =>
      fn
        .isnotempty(p.correlationId)
        .and(c.CallId.eqCi(p.correlationId))
        .and(c.MetricName.in([...WORST_INTERVAL_METRICS]))
        .and(fn.isnotnull(c.Average)),
    )
    .summarize(
      (c) => ({
        JitterAvgMs: agg.avgif(c.Average, c.MetricName.eq("JitterInMs")),
        JitterMaxMs: agg.avgif(c.Maximum, c.MetricName.eq("JitterInMs")),
        HasJitter: agg.countif(c.MetricName.eq("JitterInMs")),
        BitrateAvg: agg.avgif(c.Average, c.MetricName.eq("Bitrate")),
        PacketsPerSecondAvg: agg.avgif(c.Average, c.MetricName.eq("PacketsPerSecond")),
      }),
      ["CallClientTimeStamp", "ParticipantId", "RemoteParticipantId", "MediaStreamType", "MediaStreamDirection"],
    )
    .where((c) => c.HasJitter.gt(0n))
    .projectAs((c) => ({
      CallClientTimeStamp: c.CallClientTimeStamp,
      ParticipantId: c.ParticipantId,
      RemoteParticipantId: c.RemoteParticipantId,
      MediaStreamType: c.MediaStreamType,
      MediaStreamDirection: c.MediaStreamDirection,
      JitterAvgMs: fn.round(c.JitterAvgMs, 2),
      JitterMaxMs: fn.round(c.JitterMaxMs, 2),
      BitrateAvg: fn.round(c.BitrateAvg, 0),
      PacketsPerSecondAvg: fn.round(c.PacketsPerSecondAvg, 2),
    }))
    .top(p.topN, "JitterAvgMs", "desc"),
  visualization: "table",
});

/** Catalog entries of the client-side analyses (categories quality and reliability). */
export const entries: readonly CatalogEntry[] = [
  ufdOverview,
  ufdBySdkVersion,
  ufdByOsBrowser,
  ufdCallTimeline,
  ufdRecoveryRateOverTime,
  ufdByPlatform,
  sdkApiReliability,
  sdkApiReliabilityDayOverDay,
  sdkApiLatencyPercentiles,
  sdkApiLatencyHistogram,
  sdkApiTopFailingSubcodes,
  surveyRatingDistribution,
  surveyRatingSummary,
  surveyIssueFrequency,
  surveyRatingVsStreamQuality,
  mediaStatsDistribution,
  mediaStatsWorstIntervals,
];
