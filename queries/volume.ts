// Catalog area "volume": how much calling happens — calls, participants, endpoints, streams,
// durations and the mix of call types, SDKs, operating systems, media and transports.
// Parity with (and fixes to) Microsoft's example queries for ACSCallSummary and
// ACSCallDiagnostics: /work/shared/reference/acs-call-logs.md §3.1 and §3.2.
// The catalog's modules are imported one by one, not through src/catalog/index.js: that
// barrel also loads the catalog API, which imports queries/index.js, which imports this
// module while it is still loading.
import { defineEntry, type CatalogEntry } from "../src/catalog/entry.js";
import { inWindow, optionalIn } from "../src/catalog/filters.js";
import { p } from "../src/catalog/parameters.js";
import { agg, fn, from, type Expr } from "../src/kql/index.js";
import { ACSCallDiagnostics, ACSCallSummary } from "../src/schema/index.js";
import { OS_FAMILY_SUMMARY, osFamilyOf } from "./os-family.js";
import { isNotServerRow } from "./server-row.js";

type Str = Expr<"string">;

/** The optional call-type, endpoint-type and SDK-version filters on an ACSCallSummary row. */
function summaryFilters(c: { readonly CallType: Str; readonly EndpointType: Str; readonly SdkVersion: Str }): Expr<"bool"> {
  return optionalIn(c.CallType, p.callTypes).and(optionalIn(c.EndpointType, p.endpointTypes)).and(optionalIn(c.SdkVersion, p.sdkVersions));
}

/** The optional media-type and endpoint-type filters on an ACSCallDiagnostics row. */
function diagnosticsFilters(c: { readonly MediaType: Str; readonly EndpointType: Str }): Expr<"bool"> {
  return optionalIn(c.MediaType, p.mediaTypes).and(optionalIn(c.EndpointType, p.endpointTypes));
}

/**
 * The endpoint of a summary row. Cross-tenant redaction turns many endpoints into the one
 * value `Redacted`; Identifier and EndpointType tell them apart again (as Microsoft's
 * participant normalisation does), so they are not counted as a single endpoint.
 */
function endpointKey(c: { readonly EndpointId: Str; readonly EndpointType: Str; readonly Identifier: Str }): Str {
  return fn.iff(c.EndpointId.eq("Redacted"), fn.strcat("RedactedEndpoint-", c.EndpointType, "-Identifier-", c.Identifier), c.EndpointId);
}

/** Rows that stand for a participant: not the `ParticipantId == CorrelationId` pseudo-rows, and identifying someone. */
function isParticipantRow(c: { readonly ParticipantId: Str; readonly CorrelationId: Str; readonly EndpointId: Str }): Expr<"bool"> {
  return isNotServerRow(c).and(fn.isnotempty(c.ParticipantId).or(fn.isnotempty(c.EndpointId)));
}

/** ACSCallSummary rows in the window that stand for a participant (P2P: an endpoint), filtered, with EndpointKey. */
function participants() {
  return from(ACSCallSummary)
    .where(inWindow)
    .where(summaryFilters)
    .where(isParticipantRow)
    .extend((c) => ({ EndpointKey: endpointKey(c) }));
}

/** ACSCallSummary in the window, filtered, one row per call with its call-level columns. */
function calls() {
  return from(ACSCallSummary)
    .where(inWindow)
    .where(summaryFilters)
    .summarize(
      (c) => ({ CallType: agg.max(c.CallType), CallStartTime: agg.min(c.CallStartTime), CallDuration: agg.max(c.CallDuration) }),
      ["CorrelationId"],
    );
}

/** ACSCallDiagnostics in the window, filtered. */
function streams() {
  return from(ACSCallDiagnostics).where(inWindow).where(diagnosticsFilters);
}

const FILTERS_SUMMARY =
  "Filters: callTypes, endpointTypes, sdkVersions (a call counts when at least one of its summary rows matches).";
const FILTERS_DIAGNOSTICS = "Filters: mediaTypes, endpointTypes (of the reporting endpoint).";

// ---------------------------------------------------------------------------------------
// Participants, endpoints, streams per call.

export const participantsPerCall = defineEntry({
  id: "participants-per-call",
  title: "Participants per call",
  description:
    "How many participants calls have: number of calls and participants, the average per call (Microsoft's " +
    "'Participants per call'), plus the median, 90th percentile and maximum. A participant is a distinct " +
    "(CorrelationId, ParticipantId, EndpointId) as in Microsoft's `distinct CorrelationId, ParticipantId, EndpointId`, " +
    "but counted exactly (per call, then summed) instead of with the dcount() estimate, without the " +
    "ParticipantId == CorrelationId pseudo-rows and rows with neither id, and with redacted cross-tenant endpoints told " +
    `apart by type and identifier instead of all counting as one 'Redacted' endpoint. ${FILTERS_SUMMARY}`,
  category: "volume",
  tags: ["participants", "calls", "summary", "average", "percentiles"],
  query: participants()
    .distinct("CorrelationId", "ParticipantId", "EndpointKey")
    .summarize((c) => ({ Participants: agg.count() }), ["CorrelationId"])
    .summarize((c) => ({
      Calls: agg.count(),
      Participants: agg.sum(c.Participants),
      AvgParticipantsPerCall: agg.avg(c.Participants),
      ...agg.percentiles(c.Participants, { P50ParticipantsPerCall: 50, P90ParticipantsPerCall: 90 }),
      MaxParticipantsPerCall: agg.max(c.Participants),
    })),
  visualization: "table",
});

export const participantsPerGroupCallHistogram = defineEntry({
  id: "participants-per-group-call-histogram",
  title: "Participants per group call (histogram)",
  description:
    "How many group calls had 1, 2, 3, ... participants (Microsoft's 'Participants per group call'): distinct " +
    "ParticipantIds per group call, then calls per participant count. Group calls only, so callTypes does not apply; " +
    "rows without a ParticipantId and the ParticipantId == CorrelationId pseudo-rows are not participants and are not " +
    "counted. Filters: endpointTypes, sdkVersions (count only those participants, e.g. PSTN participants per call).",
  category: "volume",
  tags: ["participants", "group", "histogram", "summary"],
  query: from(ACSCallSummary)
    .where(inWindow)
    .where((c) =>
      c.CallType.eq("Group").and(optionalIn(c.EndpointType, p.endpointTypes)).and(optionalIn(c.SdkVersion, p.sdkVersions)),
    )
    .where((c) => fn.isnotempty(c.ParticipantId).and(isNotServerRow(c)))
    .distinct("CorrelationId", "ParticipantId")
    .summarize((c) => ({ Participants: agg.count() }), ["CorrelationId"])
    .summarize((c) => ({ Calls: agg.count() }), ["Participants"])
    .orderBy("Participants", "asc"),
  visualization: "columnchart",
});

export const endpointsPerCall = defineEntry({
  id: "endpoints-per-call",
  title: "Endpoints per call",
  description:
    "How many endpoints (devices/clients) calls have: number of calls and endpoints, average per call (Microsoft's " +
    "'Endpoints per call', `distinct CorrelationId, EndpointId`), plus median, 90th percentile and maximum. Counted " +
    "exactly per call; rows with an empty EndpointId (the ACS server itself) are not endpoints, and redacted " +
    `cross-tenant endpoints are told apart by type and identifier. ${FILTERS_SUMMARY}`,
  category: "volume",
  tags: ["endpoints", "calls", "summary", "average", "percentiles"],
  query: participants()
    .where((c) => fn.isnotempty(c.EndpointKey))
    .distinct("CorrelationId", "EndpointKey")
    .summarize((c) => ({ Endpoints: agg.count() }), ["CorrelationId"])
    .summarize((c) => ({
      Calls: agg.count(),
      Endpoints: agg.sum(c.Endpoints),
      AvgEndpointsPerCall: agg.avg(c.Endpoints),
      ...agg.percentiles(c.Endpoints, { P50EndpointsPerCall: 50, P90EndpointsPerCall: 90 }),
      MaxEndpointsPerCall: agg.max(c.Endpoints),
    })),
  visualization: "table",
});

export const streamsPerCall = defineEntry({
  id: "streams-per-call",
  title: "Media streams per call",
  description:
    "How many media streams (ACSCallDiagnostics rows) calls have: number of calls and streams, average per call " +
    "(Microsoft's 'Streams per call', which divides count() by the dcount() estimate), counted exactly per call, plus " +
    `median, 90th percentile and maximum. ${FILTERS_DIAGNOSTICS}`,
  category: "volume",
  tags: ["streams", "calls", "diagnostics", "average", "percentiles"],
  query: streams()
    .summarize((c) => ({ Streams: agg.count() }), ["CorrelationId"])
    .summarize((c) => ({
      Calls: agg.count(),
      Streams: agg.sum(c.Streams),
      AvgStreamsPerCall: agg.avg(c.Streams),
      ...agg.percentiles(c.Streams, { P50StreamsPerCall: 50, P90StreamsPerCall: 90 }),
      MaxStreamsPerCall: agg.max(c.Streams),
    })),
  visualization: "table",
});

export const streamsPerCallHistogram = defineEntry({
  id: "streams-per-call-histogram",
  title: "Media streams per call (histogram)",
  description:
    "How many calls had 1, 2, 3, ... media streams (Microsoft's 'Streams per call histogram'): ACSCallDiagnostics rows " +
    `per call, then calls per stream count. ${FILTERS_DIAGNOSTICS}`,
  category: "volume",
  tags: ["streams", "calls", "diagnostics", "histogram"],
  query: streams()
    .summarize((c) => ({ StreamsPerCall: agg.count() }), ["CorrelationId"])
    .summarize((c) => ({ Calls: agg.count() }), ["StreamsPerCall"])
    .orderBy("StreamsPerCall", "asc"),
  visualization: "columnchart",
});

// ---------------------------------------------------------------------------------------
// Calls: type, duration, time.

export const callTypeRatio = defineEntry({
  id: "call-type-ratio",
  title: "Calls by call type",
  description:
    "Share of P2P and group calls (Microsoft's 'Call type ratio', `summarize dcount(CorrelationId) by CallType`), " +
    `counted exactly: one row per call and call type, then calls per type. ${FILTERS_SUMMARY}`,
  category: "volume",
  tags: ["calls", "call-type", "ratio", "summary"],
  query: from(ACSCallSummary)
    .where(inWindow)
    .where(summaryFilters)
    .distinct("CorrelationId", "CallType")
    .summarize((c) => ({ Calls: agg.count() }), ["CallType"])
    .orderBy("Calls", "desc"),
  visualization: "piechart",
});

export const callDurationHistogram = defineEntry({
  id: "call-duration-histogram",
  title: "Call duration (histogram, 1-minute bins)",
  description:
    "How many calls lasted 0–59 s, 60–119 s, ... (Microsoft's 'Call duration histogram', `bin(CallDuration, 60)`); " +
    "DurationSec is the start of each 60-second bin. CallDuration is a call-level value repeated on every participant " +
    "row; Microsoft's `distinct CorrelationId, CallDuration` counts a call twice when its rows disagree, so here each " +
    `call counts once, with its longest CallDuration. ${FILTERS_SUMMARY}`,
  category: "volume",
  tags: ["calls", "duration", "histogram", "summary"],
  query: calls()
    .summarize((c) => ({ Calls: agg.count() }), (c) => ({ DurationSec: fn.bin(c.CallDuration, 60) }))
    .orderBy("DurationSec", "asc"),
  visualization: "columnchart",
});

export const callDurationPercentiles = defineEntry({
  id: "call-duration-percentiles",
  title: "Call duration: average and percentiles",
  description:
    "Average, median, 90th and 99th percentile call duration in seconds (Microsoft's 'Call duration percentiles'), " +
    "over calls rather than summary rows: Microsoft's query weights each call by its number of participant rows, so " +
    `big meetings skew it; here each call counts once, with its longest CallDuration. ${FILTERS_SUMMARY}`,
  category: "volume",
  tags: ["calls", "duration", "percentiles", "summary"],
  query: calls().summarize((c) => ({
    Calls: agg.count(),
    AvgDurationSec: agg.avg(c.CallDuration),
    ...agg.percentiles(c.CallDuration, { P50DurationSec: 50, P90DurationSec: 90, P99DurationSec: 99 }),
  })),
  visualization: "table",
});

export const callsOverTime = defineEntry({
  id: "calls-over-time",
  title: "Calls over time (per timeBin, hourly by default)",
  description:
    "Number of calls that started in each time bin (parameter timeBin, default 1h: Microsoft's 'Hourly calls' / " +
    "'Calls per hour'). The call time is CallStartTime — when the first endpoint tried to connect — taken as the " +
    "earliest over the call's rows, not TimeGenerated, which is when the summary was written after the call ended: a " +
    "call from 23:30 to 00:10 belongs to the 23:00 bin and to the earlier day. Calls are counted once each, and only " +
    "those that started inside the lookback window, so the first bin is not a partial one made of calls that started " +
    `before it but were logged inside it. ${FILTERS_SUMMARY}`,
  category: "volume",
  tags: ["calls", "time", "hourly", "trend", "summary"],
  query: calls()
    .where((c) => c.CallStartTime.gt(fn.ago(p.lookback)))
    .summarize((c) => ({ Calls: agg.count() }), (c) => ({ TimeBin: fn.bin(c.CallStartTime, p.timeBin) }))
    .orderBy("TimeBin", "asc"),
  visualization: "timechart",
});

export const dailyCalls = defineEntry({
  id: "daily-calls",
  title: "Calls per day",
  description:
    "Number of calls that started on each UTC day (Microsoft's 'Daily calls' / 'Daily calls in the last week', " +
    "`floor(CallStartTime, 1d)`; the docs version extends an hour column but groups by day). As in calls-over-time, " +
    "the day is the day of CallStartTime, the call's first connection attempt, not of TimeGenerated (when the summary " +
    "was logged, after the call), each call counts once, and only calls that started in the lookback window count. " +
    FILTERS_SUMMARY,
  category: "volume",
  tags: ["calls", "time", "daily", "trend", "summary"],
  query: calls()
    .where((c) => c.CallStartTime.gt(fn.ago(p.lookback)))
    .summarize((c) => ({ Calls: agg.count() }), (c) => ({ Day: fn.bin(c.CallStartTime, "1d") }))
    .orderBy("Day", "asc"),
  visualization: "columnchart",
});

// ---------------------------------------------------------------------------------------
// Mix of SDKs and operating systems (per participant).

/** Microsoft's simplified OS version (§3.1 'Ratio of OS versions'): up to `;` (Android), `:` (Darwin) or `.` (Windows). */
function simplifiedOsVersion(os: Str): Str {
  const first = (delimiter: string) => fn.tostring(fn.split(os, delimiter).at(0));
  return fn.case(
    [
      [fn.indexof(os, "Android").ge(0n), first(";")],
      [fn.indexof(os, "Darwin").ge(0n), first(":")],
      [fn.indexof(os, "Windows").ge(0n), first(".")],
    ],
    os,
  );
}

export const sdkVersionRatio = defineEntry({
  id: "sdk-version-ratio",
  title: "Participants by Calling SDK version",
  description:
    "Share of participants per Calling SDK version (Microsoft's 'SDK version ratio', `distinct CorrelationId, " +
    "ParticipantId, EndpointId, SdkVersion | summarize count() by SdkVersion`). `Redacted` is cross-tenant " +
    "participants whose SDK is hidden; an empty version is a server or PSTN leg. Participants are counted as in " +
    `participants-per-call. ${FILTERS_SUMMARY}`,
  category: "volume",
  tags: ["sdk", "version", "ratio", "participants", "summary"],
  query: participants()
    .distinct("CorrelationId", "ParticipantId", "EndpointKey", "SdkVersion")
    .summarize((c) => ({ Participants: agg.count() }), ["SdkVersion"])
    .orderBy("Participants", "desc"),
  visualization: "piechart",
});

export const osRatio = defineEntry({
  id: "os-ratio",
  title: "Participants by operating system",
  description:
    `Share of participants per operating-system family derived from the free-text OsVersion: ${OS_FAMILY_SUMMARY}; ` +
    "browser clients on a Mac report Mac OS. Redacted and Unknown are kept as their own slices. The same buckets as " +
    "the Insights workbook's OS pie, without Chrome OS. Filters: callTypes, endpointTypes, sdkVersions, osNames (on " +
    "the family).",
  category: "volume",
  tags: ["os", "ratio", "participants", "summary", "platform"],
  query: participants()
    .extend((c) => ({ OsName: osFamilyOf(c.OsVersion) }))
    .where((c) => optionalIn(c.OsName, p.osNames))
    .distinct("CorrelationId", "ParticipantId", "EndpointKey", "OsName")
    .summarize((c) => ({ Participants: agg.count() }), ["OsName"])
    .orderBy("Participants", "desc"),
  visualization: "piechart",
});

export const osVersionRatio = defineEntry({
  id: "os-version-ratio",
  title: "Participants by OS version (simplified)",
  description:
    "Share of participants per simplified OS version, exactly Microsoft's 'OS version ratio' / 'Ratio of OS versions " +
    "(simplified)': Android strings up to the first ';' (\"Android 11.0\"), Darwin up to the first ':', Windows up to " +
    "the first '.' (\"Windows 10\"), anything else as reported (including `Redacted`). OsName gives the family as in " +
    `os-ratio. Participants are counted as in participants-per-call. ${FILTERS_SUMMARY} osNames filters on the family.`,
  category: "volume",
  tags: ["os", "version", "ratio", "participants", "summary"],
  query: participants()
    .extend((c) => ({ OsName: osFamilyOf(c.OsVersion), OsVersionSimplified: simplifiedOsVersion(c.OsVersion) }))
    .where((c) => optionalIn(c.OsName, p.osNames))
    .distinct("CorrelationId", "ParticipantId", "EndpointKey", "OsName", "OsVersionSimplified")
    .summarize((c) => ({ Participants: agg.count() }), ["OsVersionSimplified", "OsName"])
    .orderBy("Participants", "desc"),
  visualization: "piechart",
});

// ---------------------------------------------------------------------------------------
// Streams: media and transport mix, average telemetry.

export const mediaTypeRatio = defineEntry({
  id: "media-type-ratio",
  title: "Media streams by media type",
  description:
    "Share of media streams per media type — Audio, Video, VBSS (screen share), AppSharing (data channel) — " +
    `(Microsoft's 'Media type ratio' / 'Ratio of media types'), counting ACSCallDiagnostics rows. ${FILTERS_DIAGNOSTICS}`,
  category: "volume",
  tags: ["streams", "media-type", "ratio", "diagnostics"],
  query: streams()
    .summarize((c) => ({ Streams: agg.count() }), ["MediaType"])
    .orderBy("Streams", "desc"),
  visualization: "piechart",
});

export const transportTypeRatio = defineEntry({
  id: "transport-type-ratio",
  title: "Media streams by transport type",
  description:
    "Share of media streams per transport — UDP, TCP, Unrecognized — (Microsoft's 'Transport type ratio'). Media over " +
    "TCP usually means UDP 3478–3481 is blocked and tends to have worse jitter and latency, so a large TCP share is " +
    `worth a look at the network. ${FILTERS_DIAGNOSTICS}`,
  category: "volume",
  tags: ["streams", "transport", "ratio", "diagnostics", "network"],
  query: streams()
    .summarize((c) => ({ Streams: agg.count() }), ["TransportType"])
    .orderBy("Streams", "desc"),
  visualization: "piechart",
});

export const averageTelemetryValues = defineEntry({
  id: "average-telemetry-values",
  title: "Average stream telemetry",
  description:
    "Mean jitter (avg/max, ms), round-trip time (avg/max, ms) and packet loss rate (avg/max, as a fraction: 0.1 = " +
    "10 %) over all media streams (Microsoft's 'Average telemetry values'), with the number of streams it covers. " +
    "Streams that did not report a metric are left out of that metric's mean (avg ignores nulls). Averages hide the " +
    "tail: see the quality area for distributions and poor-stream ratios, and filter mediaTypes to keep audio and " +
    `video apart. ${FILTERS_DIAGNOSTICS}`,
  category: "volume",
  tags: ["streams", "telemetry", "jitter", "rtt", "packet-loss", "diagnostics", "average"],
  query: streams().summarize((c) => ({
    Streams: agg.count(),
    JitterAvg: agg.avg(c.JitterAvg),
    JitterMax: agg.avg(c.JitterMax),
    RoundTripTimeAvg: agg.avg(c.RoundTripTimeAvg),
    RoundTripTimeMax: agg.avg(c.RoundTripTimeMax),
    PacketLossRateAvg: agg.avg(c.PacketLossRateAvg),
    PacketLossRateMax: agg.avg(c.PacketLossRateMax),
  })),
  visualization: "table",
});

/** Catalog entries of the 'volume' area. */
export const entries: readonly CatalogEntry[] = [
  participantsPerCall,
  participantsPerGroupCallHistogram,
  endpointsPerCall,
  streamsPerCall,
  streamsPerCallHistogram,
  callTypeRatio,
  callDurationHistogram,
  callDurationPercentiles,
  callsOverTime,
  dailyCalls,
  sdkVersionRatio,
  osRatio,
  osVersionRatio,
  mediaTypeRatio,
  transportTypeRatio,
  averageTelemetryValues,
];
