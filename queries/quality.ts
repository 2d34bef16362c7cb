// Media-quality catalog queries over ACSCallDiagnostics (and ACSCallSummary for the
// participant attributes). Facts: /work/shared/reference/acs-call-logs.md §1.2, §1.13,
// §3.2, §3.3 and §5.1.
// The catalog's modules are imported one by one, not through src/catalog/index.js: that
// barrel also loads the catalog API, which imports queries/index.js, which imports this
// module, and a module that is still loading cannot be spread into the catalog.
import { defineEntry, type CatalogEntry } from "../src/catalog/entry.js";
import { inWindow, optionalIn } from "../src/catalog/filters.js";
import { p } from "../src/catalog/parameters.js";
import { agg, Expr, fn, from, letTable, lit, val, type Cols, type QueryRowOf } from "../src/kql/index.js";
import { ACSCallDiagnostics, ACSCallSummary } from "../src/schema/index.js";
import { OS_FAMILY_SUMMARY, osFamilyOf } from "./os-family.js";
import { isNotServerRow } from "./server-row.js";

// ---------------------------------------------------------------------------------------
// Reusable pieces
// ---------------------------------------------------------------------------------------

/** A string constant as an expression (for labels such as the "All" row). */
const text = (value: string): Expr<"string"> => new Expr(lit.string(value), "string");

/** `isnotnull(x) and x > threshold`: a missing metric never makes a stream poor. */
function above(x: Expr<"int" | "long" | "real">, threshold: Expr<"int" | "long" | "real">): Expr<"bool"> {
  return fn.isnotnull(x).and(x.gt(threshold));
}

/** `isnotnull(x) and x < threshold`: a missing metric never makes a stream poor. */
function below(x: Expr<"int" | "long" | "real">, threshold: Expr<"int" | "long" | "real">): Expr<"bool"> {
  return fn.isnotnull(x).and(x.lt(threshold));
}

/** `round(100.0 * part / whole, 2)`: a percentage with two decimals. */
function percent(part: Expr<"long">, whole: Expr<"long">): Expr<"real"> {
  return fn.round(part.times(100).div(whole), 2);
}

/**
 * The per-stream quality rules of §5.1, in the order their names appear in `PoorReasons`:
 * boolean column of {@link classifiedStreams} → reason name. A stream is poor when ANY
 * rule fires.
 *
 * | Column | Reason | Fires when (threshold parameter) | Media |
 * |---|---|---|---|
 * | RttPoor | RoundTripTime | RoundTripTimeAvg > rttPoorMs | all |
 * | JitterPoor | Jitter | JitterAvg > jitterPoorMs | all |
 * | PacketLossPoor | PacketLoss | PacketLossRateAvg > packetLossPoorRatio (a fraction) | all |
 * | JitterBufferPoor | JitterBuffer | JitterBufferSizeAvg > jitterBufferPoorMs | Audio |
 * | HealedDataPoor | HealedData | HealedDataRatioAvg > healedRatioPoor | Audio |
 * | FrameRatePoor | FrameRate | VideoFrameRateAvg < videoFrameRatePoorFps / screenFrameRatePoorFps | Video / ScreenShare |
 * | ResolutionPoor | Resolution | RecvResolutionHeight < videoResolutionPoorPx / screenResolutionPoorPx | Video / ScreenShare |
 * | FreezePoor | Freeze | RecvFreezeDurationPerMinuteInMs > videoFreezePoorMs / screenFreezePoorMs | Video / ScreenShare |
 * | BitratePoor | Bitrate | VideoBitRateAvg < videoBitratePoorBps | Video |
 */
export const POOR_RULES = Object.freeze({
  RttPoor: "RoundTripTime",
  JitterPoor: "Jitter",
  PacketLossPoor: "PacketLoss",
  JitterBufferPoor: "JitterBuffer",
  HealedDataPoor: "HealedData",
  FrameRatePoor: "FrameRate",
  ResolutionPoor: "Resolution",
  FreezePoor: "Freeze",
  BitratePoor: "Bitrate",
} as const);

/** Name of one boolean rule column of {@link classifiedStreams}. */
export type PoorRuleColumn = keyof typeof POOR_RULES;

/** Separator between the reason names in `PoorReasons`. */
export const POOR_REASON_SEPARATOR = ", ";

/**
 * The names of the rules whose flag is true, joined by {@link POOR_REASON_SEPARATOR}, or
 * "" when none is. `strcat_delim` would leave stray separators for the rules that did not
 * fire, so each fired rule contributes `", Name"` and the leading separator is cut off:
 * `substring(strcat(iff(RttPoor, ", RoundTripTime", ""), ...), 2)`.
 */
export function reasonsOf(flags: { readonly [K in PoorRuleColumn]: Expr<"bool"> }): Expr<"string"> {
  const parts = (Object.keys(POOR_RULES) as PoorRuleColumn[]).map((k) =>
    fn.iff(flags[k], `${POOR_REASON_SEPARATOR}${POOR_RULES[k]}`, ""),
  );
  return fn.substring(fn.strcat(...parts), POOR_REASON_SEPARATOR.length);
}

/**
 * Normalised media kind: Audio, Video, or ScreenShare for VBSS and AppSharing (the
 * screen-sharing rules apply to both, as in Microsoft's Call Diagnostics query, §5.1).
 * Any other value is kept as it is, so new media types stay visible.
 */
export function mediaKindOf(mediaType: Expr<"string">): Expr<"string"> {
  return fn.case<"string", Expr<"string">>(
    [
      [mediaType.eq("Audio"), "Audio"],
      [mediaType.eq("Video"), "Video"],
      [mediaType.in(["VBSS", "AppSharing"]), "ScreenShare"],
    ],
    mediaType,
  );
}

/**
 * The key that identifies a participant's leg in both ACSCallSummary and
 * ACSCallDiagnostics within one call (together with CorrelationId): the ParticipantId in
 * group calls, the EndpointId in P2P calls, where ParticipantId is empty (§1.1, §1.2).
 * Keying group calls on ParticipantId alone, not also on EndpointId as the Insights
 * workbook does, keeps cross-tenant participants, whose summary EndpointId is "Redacted"
 * while the diagnostics (never redacted) carry the real one.
 */
export function participantKeyOf(c: { readonly ParticipantId: Expr<"string">; readonly EndpointId: Expr<"string"> }): Expr<"string"> {
  return fn.iff(fn.isempty(c.ParticipantId), c.EndpointId, c.ParticipantId);
}

/**
 * The limit of {@link participantKeyOf}, for the descriptions of the entries that key on it:
 * the two redacted endpoints of a cross-tenant P2P call cannot be told apart.
 */
export const REDACTED_P2P_MERGE =
  "In a P2P call whose two endpoints are both cross-tenant, both summary rows carry EndpointId 'Redacted', share one " +
  "ParticipantKey and merge into one participant (with no streams, since the diagnostics carry the real EndpointIds).";

/** The stream identity used for deduplication; see {@link streams}. */
export const STREAM_KEY = ["CorrelationId", "ParticipantId", "EndpointId", "MediaType", "StreamId", "StreamDirection"] as const;

/**
 * ACSCallDiagnostics in the window (and the optional `mediaTypes` / `endpointTypes`
 * filters), reduced to the columns the quality queries use, one row per stream, with
 * `MediaKind` ({@link mediaKindOf}) and `ParticipantKey` ({@link participantKeyOf}).
 *
 * Deduplication: `summarize arg_max(TimeGenerated, *) by CorrelationId, ParticipantId,
 * EndpointId, MediaType, StreamId, StreamDirection` keeps the latest report of each
 * stream. Microsoft's drill-down query uses `by ParticipantId, StreamId` inside one call;
 * across calls CorrelationId is needed, and ParticipantId is empty in P2P calls, where
 * EndpointId tells the endpoints apart. StreamId is unique only together with the
 * participant and MediaType (§1.2). StreamDirection and EndpointId keep the different
 * points of view on one stream (an endpoint's outbound report, the server's inbound one)
 * as separate rows: only repeated reports of the same stream by the same endpoint merge.
 * The project before the summarize keeps arg_max(*) from carrying unused columns; the
 * network metrics' Max columns are kept for the Max histograms, so they count the same
 * deduplicated streams as the Avg ones.
 */
export function streams() {
  return from(ACSCallDiagnostics)
    .where(inWindow)
    .where((c) => optionalIn(c.MediaType, p.mediaTypes).and(optionalIn(c.EndpointType, p.endpointTypes)))
    .project(
      "TimeGenerated",
      ...STREAM_KEY,
      "EndpointType",
      "TransportType",
      "RoundTripTimeAvg",
      "RoundTripTimeMax",
      "JitterAvg",
      "JitterMax",
      "PacketLossRateAvg",
      "PacketLossRateMax",
      "JitterBufferSizeAvg",
      "HealedDataRatioAvg",
      "VideoFrameRateAvg",
      "RecvResolutionHeight",
      "RecvFreezeDurationPerMinuteInMs",
      "VideoBitRateAvg",
    )
    .latestBy("TimeGenerated", STREAM_KEY)
    .extend((c) => ({ MediaKind: mediaKindOf(c.MediaType), ParticipantKey: participantKeyOf(c) }));
}

/**
 * {@link streams} plus one boolean column per quality rule ({@link POOR_RULES}, with the
 * thresholds from `p`), `IsPoor` (any rule fired) and `PoorReasons` (the names of the
 * fired rules, ", "-separated, or "" for a healthy stream).
 *
 * Null handling: every rule is `isnotnull(metric) and metric <op> threshold`, so a metric
 * a stream does not report (frame rate of an audio stream, healed data of a video stream,
 * anything an older SDK leaves empty) never counts as poor. A reported 0 is a measurement
 * and does count for the "below" rules (0 fps, 0 px, 0 bit/s).
 *
 * @example
 * ```ts
 * from(letTable("s", classifiedStreams())).summarize((c) => ({ poor: agg.countif(c.IsPoor) }), ["MediaKind"]);
 * ```
 */
export function classifiedStreams() {
  return streams()
    .extend((c) => {
      const audio = c.MediaKind.eq("Audio");
      const video = c.MediaKind.eq("Video");
      const screen = c.MediaKind.eq("ScreenShare");
      return {
        RttPoor: above(c.RoundTripTimeAvg, p.rttPoorMs),
        JitterPoor: above(c.JitterAvg, p.jitterPoorMs),
        PacketLossPoor: above(c.PacketLossRateAvg, p.packetLossPoorRatio),
        JitterBufferPoor: audio.and(above(c.JitterBufferSizeAvg, p.jitterBufferPoorMs)),
        HealedDataPoor: audio.and(above(c.HealedDataRatioAvg, p.healedRatioPoor)),
        FrameRatePoor: video
          .and(below(c.VideoFrameRateAvg, p.videoFrameRatePoorFps))
          .or(screen.and(below(c.VideoFrameRateAvg, p.screenFrameRatePoorFps))),
        ResolutionPoor: video
          .and(below(c.RecvResolutionHeight, p.videoResolutionPoorPx))
          .or(screen.and(below(c.RecvResolutionHeight, p.screenResolutionPoorPx))),
        FreezePoor: video
          .and(above(c.RecvFreezeDurationPerMinuteInMs, p.videoFreezePoorMs))
          .or(screen.and(above(c.RecvFreezeDurationPerMinuteInMs, p.screenFreezePoorMs))),
        BitratePoor: video.and(below(c.VideoBitRateAvg, p.videoBitratePoorBps)),
      };
    })
    .extend((c) => ({
      IsPoor: c.RttPoor.or(c.JitterPoor)
        .or(c.PacketLossPoor)
        .or(c.JitterBufferPoor)
        .or(c.HealedDataPoor)
        .or(c.FrameRatePoor)
        .or(c.ResolutionPoor)
        .or(c.FreezePoor)
        .or(c.BitratePoor),
      PoorReasons: reasonsOf(c),
    }));
}

/** Row type of {@link classifiedStreams}. */
export type ClassifiedStream = QueryRowOf<ReturnType<typeof classifiedStreams>>;

/**
 * ACSCallSummary in the window as a participant dimension: one row per (CorrelationId,
 * ParticipantKey) with the participant's attributes and `OsName` ({@link osFamilyOf}).
 * The summarize deduplicates (the latest row wins, so a join on the key never multiplies
 * stream rows) and reduces the columns before any join. Rows whose ParticipantId equals
 * the CorrelationId are dropped, as Microsoft's queries do (§1.1, §1.13): they are not
 * participant legs. `SummaryTime` is the TimeGenerated of the summary row; after a
 * left-outer join or lookup it is null exactly for streams without a participant row.
 */
export function participants() {
  return from(ACSCallSummary)
    .where(inWindow)
    .where(isNotServerRow)
    .extend((c) => ({ ParticipantKey: participantKeyOf(c), OsName: osFamilyOf(c.OsVersion) }))
    .summarize(
      (c) => ({
        ...agg.argMax(
          { SummaryTime: c.TimeGenerated },
          {
            ParticipantId: c.ParticipantId,
            EndpointId: c.EndpointId,
            CallType: c.CallType,
            ParticipantType: c.ParticipantType,
            ParticipantEndpointType: c.EndpointType,
            OsName: c.OsName,
            SdkVersion: c.SdkVersion,
            ParticipantDuration: c.ParticipantDuration,
            ParticipantEndReason: c.ParticipantEndReason,
            ResultCategory: c.ResultCategory,
          },
        ),
      }),
      ["CorrelationId", "ParticipantKey"],
    );
}

/**
 * {@link classifiedStreams} enriched with the participant's OS and SDK from
 * {@link participants}: `lookup kind=leftouter` on (CorrelationId, ParticipantKey). Streams
 * are the counted unit, so every stream is kept (the same totals as the other quality
 * queries); the participant side is unique per key, so no stream is counted twice.
 * A stream without a summary row gets OsName and SdkVersion "NoSummary"; an empty
 * SdkVersion becomes "Unknown".
 */
export function streamsWithParticipant() {
  return classifiedStreams()
    .project("CorrelationId", "ParticipantKey", "MediaType", "MediaKind", "TransportType", "EndpointType", "IsPoor")
    .lookup(participants().project("CorrelationId", "ParticipantKey", "SummaryTime", "OsName", "SdkVersion"), [
      "CorrelationId",
      "ParticipantKey",
    ])
    .extend((c) => ({
      OsName: fn.iff(fn.isnotnull(c.SummaryTime), c.OsName, "NoSummary"),
      SdkVersion: fn.case<"string", Expr<"string">>(
        [
          [fn.isnull(c.SummaryTime), "NoSummary"],
          [fn.isempty(c.SdkVersion), "Unknown"],
        ],
        c.SdkVersion,
      ),
    }));
}

// ---------------------------------------------------------------------------------------
// Catalog entries
// ---------------------------------------------------------------------------------------

/** Stream and call counts of one group: all, poor, and the calls they belong to. */
function poorShare<C extends { readonly IsPoor: Expr<"bool">; readonly CorrelationId: Expr<"string"> }>(c: C) {
  return {
    Streams: agg.count(),
    PoorStreams: agg.countif(c.IsPoor),
    Calls: agg.dcount(c.CorrelationId),
    ImpactedCalls: agg.dcountif(c.CorrelationId, c.IsPoor),
  };
}

const classifiedLet = letTable("classifiedStreams", classifiedStreams(), { materialize: true });

const byKind = from(classifiedLet).summarize(
  (c) => ({ Streams: agg.count(), GoodStreams: agg.countif(c.IsPoor.not()), PoorStreams: agg.countif(c.IsPoor) }),
  ["MediaKind"],
);
const overall = from(classifiedLet).summarize(
  (c) => ({ Streams: agg.count(), GoodStreams: agg.countif(c.IsPoor.not()), PoorStreams: agg.countif(c.IsPoor) }),
  () => ({ MediaKind: text("All") }),
);

export const streamQualityClassification = defineEntry({
  id: "stream-quality-classification",
  title: "Stream quality: good vs poor by media kind",
  description:
    "How many media streams were good and how many poor, per media kind (Audio, Video, ScreenShare = VBSS + AppSharing) " +
    "plus an 'All' row. A stream is poor when any of Microsoft's per-stream rules fires (RTT, jitter, packet loss for all " +
    "media; jitter buffer and healed data for audio; frame rate, received resolution, freeze time for video and screen " +
    "share; bitrate for video), with the thresholds from the parameters. Read PoorPercent as the share of streams a user " +
    "would likely have noticed; compare media kinds to see whether problems are network-wide (all kinds) or video-only. " +
    "Streams are deduplicated per call, participant, endpoint, media type, stream and direction; a metric that is not " +
    "reported never makes a stream poor.",
  category: "quality",
  tags: ["quality", "streams", "media", "ACSCallDiagnostics"],
  query: byKind
    .union(overall)
    .extend((c) => ({ GoodPercent: percent(c.GoodStreams, c.Streams), PoorPercent: percent(c.PoorStreams, c.Streams) }))
    .orderBy("Streams", "desc"),
  visualization: "columnchart",
});

export const poorStreamReasons = defineEntry({
  id: "poor-stream-reasons",
  title: "Why streams are poor: streams per rule",
  description:
    "For poor streams only: how many streams each quality rule flagged (RoundTripTime, Jitter, PacketLoss, JitterBuffer, " +
    "HealedData, FrameRate, Resolution, Freeze, Bitrate), per media kind, and in how many calls. A stream that breaks " +
    "several rules is counted once under each of them (PoorReasons is split and mv-expanded, at most 16 reasons per " +
    "stream), so the counts add up to more than the number of poor streams. Network rules (RTT, jitter, loss) on top point " +
    "at the network path; FrameRate/Resolution/Bitrate on top point at bandwidth or device limits.",
  category: "quality",
  tags: ["quality", "streams", "root-cause", "ACSCallDiagnostics"],
  query: classifiedStreams()
    .where((c) => c.IsPoor)
    .project("CorrelationId", "MediaKind", "PoorReasons")
    .extend((c) => ({ Reason: fn.split(c.PoorReasons, POOR_REASON_SEPARATOR) }))
    .mvExpand("Reason", { limit: 16, to: "string" })
    .summarize((c) => ({ PoorStreams: agg.count(), Calls: agg.dcount(c.CorrelationId) }), ["Reason", "MediaKind"])
    .orderBy((c) => [
      [c.PoorStreams, "desc"],
      [c.Reason, "asc"],
    ]),
  visualization: "barchart",
});

/** One row per call: when it was logged, its streams and poor streams. */
function callsWithPoorStreams() {
  return classifiedStreams().summarize(
    (c) => ({ CallTime: agg.min(c.TimeGenerated), Streams: agg.count(), PoorStreams: agg.countif(c.IsPoor) }),
    ["CorrelationId"],
  );
}

export const impactedCalls = defineEntry({
  id: "impacted-calls",
  title: "Impacted calls: share of calls with a poor stream",
  description:
    "Calls in the window that have diagnostics, and how many of them are impacted: a call is impacted when at least one of " +
    "its streams is poor (Microsoft's definition of an impacted call). ImpactedPercent is the headline quality number; " +
    "PoorStreamPercent beside it shows whether a few bad streams or widespread problems drive it. Calls without any " +
    "ACSCallDiagnostics rows (e.g. failed before media) are not counted.",
  category: "quality",
  tags: ["quality", "calls", "kpi", "ACSCallDiagnostics"],
  query: callsWithPoorStreams()
    .summarize((c) => ({
      Calls: agg.count(),
      ImpactedCalls: agg.countif(c.PoorStreams.gt(0n)),
      Streams: agg.sum(c.Streams),
      PoorStreams: agg.sum(c.PoorStreams),
    }))
    .extend((c) => ({
      ImpactedPercent: percent(c.ImpactedCalls, c.Calls),
      PoorStreamPercent: percent(c.PoorStreams, c.Streams),
    })),
  visualization: "table",
});

export const impactedCallsOverTime = defineEntry({
  id: "impacted-calls-over-time",
  title: "Impacted calls over time",
  description:
    "Calls and impacted calls (at least one poor stream) per time bin (parameter timeBin), with the impacted share. Each " +
    "call falls in the bin of its first diagnostics row, which is logged when the call ends. Read spikes of ImpactedPercent " +
    "together with Calls: a high share over very few calls is noise. Empty bins are absent (see quality-trends for a " +
    "gap-free series).",
  category: "quality",
  tags: ["quality", "calls", "trend", "ACSCallDiagnostics"],
  query: callsWithPoorStreams()
    .summarize((c) => ({ Calls: agg.count(), ImpactedCalls: agg.countif(c.PoorStreams.gt(0n)) }), (c) => ({
      TimeGenerated: fn.bin(c.CallTime, p.timeBin),
    }))
    .extend((c) => ({ ImpactedPercent: percent(c.ImpactedCalls, c.Calls) }))
    .orderBy("TimeGenerated", "asc"),
  visualization: "timechart",
});

/** Per participant (CorrelationId, ParticipantKey): stream counts, worst metrics and reasons. */
function streamsPerParticipant() {
  return classifiedStreams()
    .summarize(
      (c) => ({
        Streams: agg.count(),
        PoorStreams: agg.countif(c.IsPoor),
        RttPoorStreams: agg.countif(c.RttPoor),
        JitterPoorStreams: agg.countif(c.JitterPoor),
        PacketLossPoorStreams: agg.countif(c.PacketLossPoor),
        JitterBufferPoorStreams: agg.countif(c.JitterBufferPoor),
        HealedDataPoorStreams: agg.countif(c.HealedDataPoor),
        FrameRatePoorStreams: agg.countif(c.FrameRatePoor),
        ResolutionPoorStreams: agg.countif(c.ResolutionPoor),
        FreezePoorStreams: agg.countif(c.FreezePoor),
        BitratePoorStreams: agg.countif(c.BitratePoor),
        MaxRoundTripTimeAvg: agg.max(c.RoundTripTimeAvg),
        MaxJitterAvg: agg.max(c.JitterAvg),
        MaxPacketLossRateAvg: agg.max(c.PacketLossRateAvg),
        TransportTypes: agg.make_set(c.TransportType, 4),
      }),
      ["CorrelationId", "ParticipantKey"],
    )
    .extend((c) => ({
      PoorReasons: reasonsOf({
        RttPoor: c.RttPoorStreams.gt(0n),
        JitterPoor: c.JitterPoorStreams.gt(0n),
        PacketLossPoor: c.PacketLossPoorStreams.gt(0n),
        JitterBufferPoor: c.JitterBufferPoorStreams.gt(0n),
        HealedDataPoor: c.HealedDataPoorStreams.gt(0n),
        FrameRatePoor: c.FrameRatePoorStreams.gt(0n),
        ResolutionPoor: c.ResolutionPoorStreams.gt(0n),
        FreezePoor: c.FreezePoorStreams.gt(0n),
        BitratePoor: c.BitratePoorStreams.gt(0n),
      }),
    }))
    .project(
      "CorrelationId",
      "ParticipantKey",
      "Streams",
      "PoorStreams",
      "PoorReasons",
      "MaxRoundTripTimeAvg",
      "MaxJitterAvg",
      "MaxPacketLossRateAvg",
      "TransportTypes",
    );
}

export const participantQuality = defineEntry({
  id: "participant-quality",
  title: "Participant quality: poor streams per participant",
  description:
    "One row per participant (per endpoint in P2P calls) from ACSCallSummary, with the number of its streams, how many are " +
    "poor and why (PoorReasons lists each rule that fired on any of its streams), its worst average RTT, jitter and packet " +
    "loss, and its OS, SDK, endpoint type and end reason, worst first. " +
    "Join: summary and per-participant stream statistics are matched on CorrelationId plus ParticipantKey, which is the " +
    "ParticipantId in group calls and the EndpointId in P2P calls (where ParticipantId is empty on both sides); keying " +
    "group calls on ParticipantId alone also matches cross-tenant participants whose summary EndpointId is 'Redacted'. " +
    "Both sides are summarized to one row per key first, so the join cannot multiply rows. " +
    `${REDACTED_P2P_MERGE} ` +
    "The kind is leftouter from the " +
    "summary: a participant without diagnostics (a PSTN leg, a join that never got media, or a filtered-out media or " +
    "endpoint type) stays in the list with HasDiagnostics = false and Streams = 0 instead of silently disappearing, which " +
    "an inner join would do. Filters: callTypes, osNames and sdkVersions select participants; mediaTypes and endpointTypes " +
    "select which streams are counted.",
  category: "quality",
  tags: ["quality", "participants", "join", "ACSCallSummary", "ACSCallDiagnostics"],
  query: participants()
    .where((c) =>
      optionalIn(c.CallType, p.callTypes).and(optionalIn(c.OsName, p.osNames)).and(optionalIn(c.SdkVersion, p.sdkVersions)),
    )
    .join("leftouter", streamsPerParticipant(), ["CorrelationId", "ParticipantKey"])
    .extend((c) => ({ HasDiagnostics: fn.isnotnull(c.Streams) }))
    .projectAs((c) => ({
      CorrelationId: c.CorrelationId,
      ParticipantId: c.ParticipantId,
      EndpointId: c.EndpointId,
      CallType: c.CallType,
      ParticipantType: c.ParticipantType,
      EndpointType: c.ParticipantEndpointType,
      OsName: c.OsName,
      SdkVersion: c.SdkVersion,
      ParticipantDuration: c.ParticipantDuration,
      ParticipantEndReason: c.ParticipantEndReason,
      ResultCategory: c.ResultCategory,
      HasDiagnostics: c.HasDiagnostics,
      Streams: fn.coalesce(c.Streams, 0),
      PoorStreams: fn.coalesce(c.PoorStreams, 0),
      PoorReasons: c.PoorReasons,
      MaxRoundTripTimeAvg: c.MaxRoundTripTimeAvg,
      MaxJitterAvg: c.MaxJitterAvg,
      MaxPacketLossRateAvg: c.MaxPacketLossRateAvg,
      TransportTypes: c.TransportTypes,
    }))
    .orderBy((c) => [
      [c.PoorStreams, "desc"],
      [c.Streams, "desc"],
      [c.CorrelationId, "asc"],
    ]),
  visualization: "table",
});

/** The dimensions of {@link poorStreamsByDimension}, in output order. */
export const BREAKDOWN_DIMENSIONS = ["MediaType", "TransportType", "EndpointType", "OsName", "SdkVersion"] as const;

/** One union leg per dimension over the materialized, participant-enriched streams. */
function breakdown() {
  const enriched = letTable(
    "streamsWithParticipant",
    streamsWithParticipant().where((c) => optionalIn(c.OsName, p.osNames).and(optionalIn(c.SdkVersion, p.sdkVersions))),
    { materialize: true },
  );
  const leg = (dimension: (typeof BREAKDOWN_DIMENSIONS)[number]) =>
    from(enriched).summarize(
      (c) => poorShare(c),
      (c) => ({ Dimension: text(dimension), Value: c[dimension] }),
    );
  const [first, ...rest] = BREAKDOWN_DIMENSIONS.map(leg);
  return rest
    .reduce((q, r) => q.union(r), first!)
    .extend((c) => ({ PoorPercent: percent(c.PoorStreams, c.Streams), ImpactedPercent: percent(c.ImpactedCalls, c.Calls) }))
    .orderBy((c) => [
      [c.Dimension, "asc"],
      [c.Streams, "desc"],
      [c.Value, "asc"],
    ]);
}

export const poorStreamsByDimension = defineEntry({
  id: "poor-streams-by-dimension",
  title: "Poor-stream share by media type, transport, endpoint type, OS and SDK version",
  description:
    "One row per value of five dimensions (column Dimension: MediaType, TransportType, EndpointType, OsName, SdkVersion; " +
    "column Value: the value): how many deduplicated streams it has, how many are poor (PoorPercent), and in how many " +
    "calls (Calls, ImpactedCalls and ImpactedPercent; dcount, an estimate for very large sets). Filter on Dimension for a " +
    "chart of one dimension. How to read it: MediaType keeps VBSS (screen sharing) and AppSharing apart; TransportType TCP " +
    "with a much higher PoorPercent than UDP means UDP is blocked (open UDP 3478-3481 to the ACS media ranges); " +
    "EndpointType is the endpoint that reported the stream (Server = the service's view of what it received, VoIP = the " +
    `client's own report); OsName (${OS_FAMILY_SUMMARY}) and SdkVersion (Unknown when empty) are those` +
    " of the participant the stream belongs to, and " +
    "NoSummary marks streams without an ACSCallSummary row. Compare rows with enough Streams; a small group with a high " +
    "share is weak evidence. " +
    "Join: OS and SDK come from ACSCallSummary. Streams are enriched with lookup kind=leftouter on CorrelationId plus " +
    "ParticipantKey (ParticipantId in group calls, EndpointId in P2P calls, where ParticipantId is empty); the summary side " +
    "is summarized to one row per key first, so every stream is counted exactly once and the totals of each dimension " +
    "are equal. The osNames and sdkVersions parameters, like mediaTypes and endpointTypes, restrict the streams of every " +
    "dimension.",
  category: "quality",
  tags: ["quality", "breakdown", "media", "network", "os", "sdk", "join", "ACSCallSummary", "ACSCallDiagnostics"],
  query: breakdown(),
  visualization: "table",
});

export const qualityTrends = defineEntry({
  id: "quality-trends",
  title: "Quality trend: streams and poor streams per media kind",
  description:
    "A make-series of all streams and of poor streams per media kind over the whole window, one point per timeBin, with " +
    "0 in bins without streams (a gap-free series for charts and series_* functions). Each stream falls in the bin of its " +
    "latest diagnostics row. Read PoorStreams against Streams: PoorStreams rising with flat Streams is a quality " +
    "regression; both rising together is more traffic.",
  category: "quality",
  tags: ["quality", "trend", "streams", "ACSCallDiagnostics"],
  query: classifiedStreams().makeSeries((c) => ({ Streams: agg.count(), PoorStreams: agg.countif(c.IsPoor) }), {
    on: "TimeGenerated",
    from: fn.bin(fn.ago(p.lookback), p.timeBin),
    to: fn.now(),
    step: p.timeBin,
    by: ["MediaKind"],
  }),
  visualization: "timechart",
});

/**
 * Histograms of one metric of the deduplicated streams: stream count per bin (bin sizes as in
 * Microsoft's examples: 10 ms for RTT and jitter, 0.01 for packet loss).
 *
 * One entry per metric and statistic (Avg, Max) rather than one entry with a Metric column:
 * the metrics have different units and bin sizes (milliseconds vs a fraction), so a shared
 * bin column would mix them on one axis and could not be charted as one histogram; one
 * entry per metric keeps a typed, self-describing bin column (`JitterMaxMs`, ...), and each
 * of Microsoft's histogram queries maps to exactly one entry.
 */
const metricHistogram = {
  rtt: () =>
    streams()
      .where((c) => fn.isnotnull(c.RoundTripTimeAvg))
      .summarize((c) => ({ Streams: agg.count() }), (c) => ({ RoundTripTimeAvgMs: fn.bin(c.RoundTripTimeAvg, 10) }))
      .orderBy("RoundTripTimeAvgMs", "asc"),
  jitter: () =>
    streams()
      .where((c) => fn.isnotnull(c.JitterAvg))
      .summarize((c) => ({ Streams: agg.count() }), (c) => ({ JitterAvgMs: fn.bin(c.JitterAvg, 10) }))
      .orderBy("JitterAvgMs", "asc"),
  packetLoss: () =>
    streams()
      .where((c) => fn.isnotnull(c.PacketLossRateAvg))
      .summarize((c) => ({ Streams: agg.count() }), (c) => ({ PacketLossRateAvg: fn.bin(c.PacketLossRateAvg, 0.01) }))
      .orderBy("PacketLossRateAvg", "asc"),
  rttMax: () =>
    streams()
      .where((c) => fn.isnotnull(c.RoundTripTimeMax))
      .summarize((c) => ({ Streams: agg.count() }), (c) => ({ RoundTripTimeMaxMs: fn.bin(c.RoundTripTimeMax, 10) }))
      .orderBy("RoundTripTimeMaxMs", "asc"),
  jitterMax: () =>
    streams()
      .where((c) => fn.isnotnull(c.JitterMax))
      .summarize((c) => ({ Streams: agg.count() }), (c) => ({ JitterMaxMs: fn.bin(c.JitterMax, 10) }))
      .orderBy("JitterMaxMs", "asc"),
  packetLossMax: () =>
    streams()
      .where((c) => fn.isnotnull(c.PacketLossRateMax))
      .summarize((c) => ({ Streams: agg.count() }), (c) => ({ PacketLossRateMax: fn.bin(c.PacketLossRateMax, 0.01) }))
      .orderBy("PacketLossRateMax", "asc"),
};

const HISTOGRAM_READING =
  "Streams are deduplicated; streams that do not report the metric are left out. Use the mediaTypes parameter to look " +
  "at one media type, since audio and video differ.";

export const rttHistogram = defineEntry({
  id: "rtt-histogram",
  title: "Round-trip time histogram (10 ms bins)",
  description:
    "Number of streams per 10 ms bin of average round-trip time (RoundTripTimeAvg), as in Microsoft's example query. " +
    "Most mass should sit well below the rttPoorMs threshold (500 ms by default); a long tail or a second hump points at " +
    "far-away or congested paths. " +
    HISTOGRAM_READING,
  category: "quality",
  tags: ["quality", "histogram", "rtt", "network", "ACSCallDiagnostics"],
  query: metricHistogram.rtt(),
  visualization: "columnchart",
});

export const jitterHistogram = defineEntry({
  id: "jitter-histogram",
  title: "Jitter histogram (10 ms bins)",
  description:
    "Number of streams per 10 ms bin of average jitter (JitterAvg), as in Microsoft's example query. Streams to the right " +
    "of jitterPoorMs (30 ms by default) count as poor. " +
    HISTOGRAM_READING,
  category: "quality",
  tags: ["quality", "histogram", "jitter", "network", "ACSCallDiagnostics"],
  query: metricHistogram.jitter(),
  visualization: "columnchart",
});

export const packetLossHistogram = defineEntry({
  id: "packet-loss-histogram",
  title: "Packet loss histogram (1 % bins)",
  description:
    "Number of streams per 0.01 (1 %) bin of average packet loss (PacketLossRateAvg, a fraction, not a percentage), as " +
    "in Microsoft's example query. Streams to the right of packetLossPoorRatio (0.1 by default) count as poor. " +
    HISTOGRAM_READING,
  category: "quality",
  tags: ["quality", "histogram", "packet-loss", "network", "ACSCallDiagnostics"],
  query: metricHistogram.packetLoss(),
  visualization: "columnchart",
});

/** How the Max histograms relate to the quality rules, which test the per-stream averages. */
const MAX_HISTOGRAM_READING =
  "Max is the worst value measured during the stream, so this histogram sits to the right of the Avg one. The poor " +
  "rules test the average, not the maximum: a stream with a high Max but a normal Avg had short spikes (brief " +
  "glitches) rather than a bad connection throughout.";

export const rttMaxHistogram = defineEntry({
  id: "rtt-max-histogram",
  title: "Maximum round-trip time histogram (10 ms bins)",
  description:
    "Number of streams per 10 ms bin of maximum round-trip time (RoundTripTimeMax), as in Microsoft's 'Round trip time " +
    "max histogram' example query. Compare it with rtt-histogram: many streams whose Max exceeds rttPoorMs (500 ms by " +
    "default) while their Avg does not point at latency spikes (congestion, Wi-Fi roaming, route changes). " +
    MAX_HISTOGRAM_READING +
    " " +
    HISTOGRAM_READING,
  category: "quality",
  tags: ["quality", "histogram", "rtt", "max", "network", "ACSCallDiagnostics"],
  query: metricHistogram.rttMax(),
  visualization: "columnchart",
});

export const jitterMaxHistogram = defineEntry({
  id: "jitter-max-histogram",
  title: "Maximum jitter histogram (10 ms bins)",
  description:
    "Number of streams per 10 ms bin of maximum jitter (JitterMax), as in Microsoft's 'Jitter max histogram' example " +
    "query (which counts every distinct value; 10 ms bins keep the chart readable, as for jitter-histogram). Compare it " +
    "with jitter-histogram: a heavy tail beyond jitterPoorMs (30 ms by default) with a healthy Avg means bursts of " +
    "jitter that the jitter buffer had to absorb. " +
    MAX_HISTOGRAM_READING +
    " " +
    HISTOGRAM_READING,
  category: "quality",
  tags: ["quality", "histogram", "jitter", "max", "network", "ACSCallDiagnostics"],
  query: metricHistogram.jitterMax(),
  visualization: "columnchart",
});

export const packetLossMaxHistogram = defineEntry({
  id: "packet-loss-max-histogram",
  title: "Maximum packet loss histogram (1 % bins)",
  description:
    "Number of streams per 0.01 (1 %) bin of maximum packet loss (PacketLossRateMax, a fraction, not a percentage), as in " +
    "Microsoft's 'Packet loss rate max histogram' example query. Compare it with packet-loss-histogram: streams whose Max " +
    "exceeds packetLossPoorRatio (0.1 by default) while their Avg does not had loss bursts. " +
    MAX_HISTOGRAM_READING +
    " " +
    HISTOGRAM_READING,
  category: "quality",
  tags: ["quality", "histogram", "packet-loss", "max", "network", "ACSCallDiagnostics"],
  query: metricHistogram.packetLossMax(),
  visualization: "columnchart",
});

/**
 * The deduplicated streams reduced to the three network averages, for
 * {@link networkMetricQualityRatio}; materialized because each metric's leg reads it.
 */
function networkAveragesOf() {
  return streams().project("RoundTripTimeAvg", "JitterAvg", "PacketLossRateAvg");
}
const networkAverages = letTable("networkAverages", networkAveragesOf(), { materialize: true });

type NetworkAverages = QueryRowOf<ReturnType<typeof networkAveragesOf>>;

/**
 * One metric's leg of {@link networkMetricQualityRatio}: the streams that report the metric,
 * and how many of them its poor rule (the same `above(...)` test as in
 * {@link classifiedStreams}) flags, with the rule written out for the reader.
 */
function qualityRatioLeg(
  metric: (typeof POOR_RULES)["RttPoor" | "JitterPoor" | "PacketLossPoor"],
  value: (c: Cols<NetworkAverages>) => Expr<"int" | "real">,
  threshold: Expr<"long" | "real">,
  rule: (threshold: Expr<"long" | "real">) => Expr<"string">,
) {
  return from(networkAverages)
    .where((c) => fn.isnotnull(value(c)))
    .summarize(
      (c) => ({ ReportingStreams: agg.count(), PoorStreams: agg.countif(above(value(c), threshold)) }),
      () => ({ Metric: text(metric), Rule: rule(threshold) }),
    );
}

export const networkMetricQualityRatio = defineEntry({
  id: "network-metric-quality-ratio",
  title: "Good vs poor streams per network metric (RTT, jitter, packet loss)",
  description:
    "Microsoft's 'Jitter / Packet loss rate / Round trip time quality ratio' queries in one table: for each metric " +
    "(Metric: RoundTripTime, Jitter, PacketLoss) one Good and one Poor row with the number of streams and their share " +
    "(Percent) of the streams that report the metric (ReportingStreams). Each metric is judged on its own: Poor means " +
    "RoundTripTimeAvg > rttPoorMs, JitterAvg > jitterPoorMs or PacketLossRateAvg > packetLossPoorRatio (a fraction), " +
    "the thresholds being parameters (Microsoft's fixed 500 ms, 30 ms and 0.1 are the defaults) and the rule in effect " +
    "shown in Rule. Unlike Microsoft's queries, the time window and the mediaTypes / endpointTypes filters apply, " +
    "streams are deduplicated, and a stream that does not report a metric is left out of that metric's rows instead " +
    "of being counted as Good. A Poor row is present with 0 streams when nothing is poor, so every metric has both " +
    "rows. Poor counts equal the per-rule counts of poor-stream-reasons summed over media kinds; a stream can be poor " +
    "on several metrics, so the Poor rows do not add up to stream-quality-classification's poor streams. Filter one " +
    "Metric and chart Streams by Quality as a pie for Microsoft's view.",
  category: "quality",
  tags: ["quality", "ratio", "rtt", "jitter", "packet-loss", "network", "ACSCallDiagnostics"],
  query: qualityRatioLeg(POOR_RULES.RttPoor, (c) => c.RoundTripTimeAvg, p.rttPoorMs, (t) => fn.strcat("RoundTripTimeAvg > ", t, " ms"))
    .union(qualityRatioLeg(POOR_RULES.JitterPoor, (c) => c.JitterAvg, p.jitterPoorMs, (t) => fn.strcat("JitterAvg > ", t, " ms")))
    .union(
      qualityRatioLeg(POOR_RULES.PacketLossPoor, (c) => c.PacketLossRateAvg, p.packetLossPoorRatio, (t) =>
        fn.strcat("PacketLossRateAvg > ", t),
      ),
    )
    .extend(() => ({ Quality: val.dynamic(["Good", "Poor"]) }))
    .mvExpand("Quality", { limit: 2, to: "string" })
    .extend((c) => ({ Streams: fn.iff(c.Quality.eq("Poor"), c.PoorStreams, c.ReportingStreams.minus(c.PoorStreams)) }))
    .projectAs((c) => ({
      Metric: c.Metric,
      Quality: c.Quality,
      Streams: c.Streams,
      Percent: percent(c.Streams, c.ReportingStreams),
      ReportingStreams: c.ReportingStreams,
      Rule: c.Rule,
    }))
    .orderBy((c) => [
      [c.Metric, "asc"],
      [c.Quality, "asc"],
    ]),
  visualization: "table",
});

export const networkMetricPercentiles = defineEntry({
  id: "network-metric-percentiles",
  title: "RTT, jitter and packet loss percentiles by media kind",
  description:
    "P50, P90, P95 and P99 of the per-stream averages of round-trip time (ms), jitter (ms) and packet loss (fraction) per " +
    "media kind, over deduplicated streams (nearest-rank percentiles; streams that do not report a metric are ignored for " +
    "it). P50 is the typical experience, P95/P99 the bad tail: compare them with rttPoorMs, jitterPoorMs and " +
    "packetLossPoorRatio to see how far the tail is from the poor thresholds.",
  category: "quality",
  tags: ["quality", "percentiles", "rtt", "jitter", "packet-loss", "network", "ACSCallDiagnostics"],
  query: streams()
    .summarize(
      (c) => ({
        Streams: agg.count(),
        ...agg.percentiles(c.RoundTripTimeAvg, { RttP50: 50, RttP90: 90, RttP95: 95, RttP99: 99 }),
        ...agg.percentiles(c.JitterAvg, { JitterP50: 50, JitterP90: 90, JitterP95: 95, JitterP99: 99 }),
        ...agg.percentiles(c.PacketLossRateAvg, {
          PacketLossP50: 50,
          PacketLossP90: 90,
          PacketLossP95: 95,
          PacketLossP99: 99,
        }),
      }),
      ["MediaKind"],
    )
    .orderBy("Streams", "desc"),
  visualization: "table",
});

/** Catalog entries of the 'quality' area. */
export const entries: readonly CatalogEntry[] = [
  streamQualityClassification,
  poorStreamReasons,
  impactedCalls,
  impactedCallsOverTime,
  participantQuality,
  poorStreamsByDimension,
  qualityTrends,
  rttHistogram,
  jitterHistogram,
  packetLossHistogram,
  rttMaxHistogram,
  jitterMaxHistogram,
  packetLossMaxHistogram,
  networkMetricQualityRatio,
  networkMetricPercentiles,
] as readonly CatalogEntry[];

