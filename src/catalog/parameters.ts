import { param } from "../kql/index.js";

/**
 * The catalog's shared parameters. Every catalog query takes its parameters from here,
 * so a name means the same thing (and has the same type and default) everywhere: in the
 * `.kql` files, the notebook, the workbooks and the TypeScript API.
 */
export const p = {
  /** How far back to look, from now. */
  lookback: param.timespan("lookback", "7d"),
  /** ACS resource IDs to include (case-insensitive); empty means all resources in the workspace. */
  resourceIds: param.dynamic("resourceIds", []),
  /** Call types to include (P2P, Group); empty means all. */
  callTypes: param.dynamic("callTypes", []),
  /** Media types to include (Audio, Video, VBSS, AppSharing); empty means all. */
  mediaTypes: param.dynamic("mediaTypes", []),
  /** Endpoint types to include (VoIP, PSTN, Server, BOT, ...); empty means all. */
  endpointTypes: param.dynamic("endpointTypes", []),
  /** OS families to include (Windows, Android, iOS, macOS, Linux, Other, Unknown, Redacted); empty means all. */
  osNames: param.dynamic("osNames", []),
  /** Calling SDK versions to include; empty means all. */
  sdkVersions: param.dynamic("sdkVersions", []),
  /** One call (CorrelationId) for the drill-down queries. */
  correlationId: param.string("correlationId", ""),

  /** Audio/video round-trip time above which a stream is poor, ms. */
  rttPoorMs: param.long("rttPoorMs", 500),
  /** Jitter above which a stream is poor, ms. */
  jitterPoorMs: param.long("jitterPoorMs", 30),
  /** Packet loss above which a stream is poor, as a fraction (0.1 = 10 %). */
  packetLossPoorRatio: param.real("packetLossPoorRatio", 0.1),
  /** Audio jitter-buffer size above which a stream is poor, ms. */
  jitterBufferPoorMs: param.long("jitterBufferPoorMs", 200),
  /** Audio healed-data ratio above which a stream is poor, as a fraction. */
  healedRatioPoor: param.real("healedRatioPoor", 0.1),
  /** Video frame rate below which a video stream is poor, fps. */
  videoFrameRatePoorFps: param.real("videoFrameRatePoorFps", 7),
  /** Screen-share frame rate below which a stream is poor, fps. */
  screenFrameRatePoorFps: param.real("screenFrameRatePoorFps", 1),
  /** Received video height below which a video stream is poor, px. */
  videoResolutionPoorPx: param.long("videoResolutionPoorPx", 240),
  /** Received screen-share height below which a stream is poor, px. */
  screenResolutionPoorPx: param.long("screenResolutionPoorPx", 768),
  /** Video freeze per minute above which a video stream is poor, ms. */
  videoFreezePoorMs: param.real("videoFreezePoorMs", 6000),
  /** Screen-share freeze per minute above which a stream is poor, ms. */
  screenFreezePoorMs: param.real("screenFreezePoorMs", 25000),
  /** Video bitrate below which a video stream is poor, bits per second. */
  videoBitratePoorBps: param.long("videoBitratePoorBps", 150000),
  /** Bin size for charts over time. */
  timeBin: param.timespan("timeBin", "1h"),
  /** How many rows a top-N query returns. */
  topN: param.long("topN", 20),

  /** Recommended P95 time for CallAgentInit, ms (Microsoft: 2000). */
  callAgentInitP95Ms: param.long("callAgentInitP95Ms", 2000),
  /** Recommended P95 time for HandleIncomingCall, ms (Microsoft: 2000). */
  handleIncomingCallP95Ms: param.long("handleIncomingCallP95Ms", 2000),
  /** Recommended P95 time for AcceptIncomingCall, ms (Microsoft: 3000). */
  acceptIncomingCallP95Ms: param.long("acceptIncomingCallP95Ms", 3000),
  /** Recommended P95 time for Join, ms (Microsoft: 5000). */
  joinP95Ms: param.long("joinP95Ms", 5000),
  /** Recommended P95 time for StartCall, ms (Microsoft: 1000). */
  startCallP95Ms: param.long("startCallP95Ms", 1000),
  /** Recommended P95 time for StartVideo, ms (Microsoft: 7000). */
  startVideoP95Ms: param.long("startVideoP95Ms", 7000),
  /** Recommended P95 time for StopVideo, ms (Microsoft: 1000). */
  stopVideoP95Ms: param.long("stopVideoP95Ms", 1000),
  /** Width of a bucket of the SDK API latency histogram, ms (Microsoft's Performance tab uses 1 s buckets). */
  latencyBucketMs: param.long("latencyBucketMs", 1000),
} as const;

/** One-line documentation of every catalog parameter, keyed by parameter name. */
export const parameterDocs: Readonly<Record<string, string>> = {
  lookback: "How far back to look, from now (timespan, e.g. 7d).",
  resourceIds: "ACS resource IDs to include, matched case-insensitively; empty = all.",
  callTypes: "Call types to include (P2P, Group); empty = all.",
  mediaTypes: "Media types to include (Audio, Video, VBSS, AppSharing); empty = all.",
  endpointTypes: "Endpoint types to include (VoIP, PSTN, Server, BOT, ...); empty = all.",
  osNames:
    "OS families to include (Windows, Android, iOS, macOS, Linux, Other, Unknown = empty OsVersion, Redacted = cross-tenant); empty = all.",
  sdkVersions: "Calling SDK versions to include; empty = all.",
  correlationId: "The call (CorrelationId) to drill into.",
  rttPoorMs: "Round-trip time above which a stream is poor, ms (Microsoft: 500).",
  jitterPoorMs: "Jitter above which a stream is poor, ms (Microsoft: 30).",
  packetLossPoorRatio: "Packet loss above which a stream is poor, as a fraction (Microsoft: 0.1 = 10 %).",
  jitterBufferPoorMs: "Audio jitter-buffer size above which a stream is poor, ms (Microsoft: 200).",
  healedRatioPoor: "Audio healed-data ratio above which a stream is poor (Microsoft: 0.1).",
  videoFrameRatePoorFps: "Video frame rate below which a video stream is poor, fps (Microsoft: 7).",
  screenFrameRatePoorFps: "Screen-share frame rate below which a stream is poor, fps (Microsoft: 1).",
  videoResolutionPoorPx: "Received video height below which a video stream is poor, px (Microsoft: 240).",
  screenResolutionPoorPx: "Received screen-share height below which a stream is poor, px (Microsoft: 768).",
  videoFreezePoorMs: "Video freeze per minute above which a video stream is poor, ms (Microsoft: 6000).",
  screenFreezePoorMs: "Screen-share freeze per minute above which a stream is poor, ms (Microsoft: 25000).",
  videoBitratePoorBps: "Video bitrate below which a video stream is poor, bit/s (Microsoft: 150000).",
  timeBin: "Bin size for charts over time (timespan, e.g. 1h).",
  topN: "How many rows a top-N query returns.",
  callAgentInitP95Ms: "Recommended P95 latency of CallAgentInit, ms (Microsoft: 2000).",
  handleIncomingCallP95Ms: "Recommended P95 latency of HandleIncomingCall, ms (Microsoft: 2000).",
  acceptIncomingCallP95Ms: "Recommended P95 latency of AcceptIncomingCall, ms (Microsoft: 3000).",
  joinP95Ms: "Recommended P95 latency of Join, ms (Microsoft: 5000).",
  startCallP95Ms: "Recommended P95 latency of StartCall, ms (Microsoft: 1000).",
  startVideoP95Ms: "Recommended P95 latency of StartVideo, ms (Microsoft: 7000).",
  stopVideoP95Ms: "Recommended P95 latency of StopVideo, ms (Microsoft: 1000).",
  latencyBucketMs: "Bucket width of the SDK API latency histogram, ms (Microsoft's Performance tab: 1000); below 1 counts as 1.",
};
