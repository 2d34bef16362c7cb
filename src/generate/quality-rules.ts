// The catalog's per-stream quality rules (queries/quality.ts, classifiedStreams) restated in
// plain JS so the ground truth is computed independently of any SQL. Thresholds are read
// from the defaults of the shared parameters, so a changed default changes both sides.
import { p } from "../catalog/parameters.js";
import type { Expr } from "../kql/index.js";

/** Reason names, in the order the catalog lists them in `PoorReasons`. */
export const POOR_REASONS = [
  "RoundTripTime",
  "Jitter",
  "PacketLoss",
  "JitterBuffer",
  "HealedData",
  "FrameRate",
  "Resolution",
  "Freeze",
  "Bitrate",
] as const;
export type PoorReason = (typeof POOR_REASONS)[number];

export type MediaType = "Audio" | "Video" | "VBSS" | "AppSharing";
/** The catalog's normalised media kind: VBSS and AppSharing are both screen sharing. */
export type MediaKind = "Audio" | "Video" | "ScreenShare";

export function mediaKindOf(mediaType: MediaType): MediaKind {
  return mediaType === "VBSS" || mediaType === "AppSharing" ? "ScreenShare" : mediaType;
}

function defaultOf(e: Expr): number {
  const node = e.node;
  if (node.kind !== "param" || !node.default || node.default.value === null) throw new Error("quality-rules: parameter without a default");
  const v = node.default.value;
  if (typeof v === "bigint" || typeof v === "number") return Number(v);
  throw new Error(`quality-rules: parameter ${node.name} has a non-numeric default`);
}

/** Thresholds of the quality rules: the defaults of the catalog parameters. */
export const THRESHOLDS = Object.freeze({
  rttPoorMs: defaultOf(p.rttPoorMs),
  jitterPoorMs: defaultOf(p.jitterPoorMs),
  packetLossPoorRatio: defaultOf(p.packetLossPoorRatio),
  jitterBufferPoorMs: defaultOf(p.jitterBufferPoorMs),
  healedRatioPoor: defaultOf(p.healedRatioPoor),
  videoFrameRatePoorFps: defaultOf(p.videoFrameRatePoorFps),
  screenFrameRatePoorFps: defaultOf(p.screenFrameRatePoorFps),
  videoResolutionPoorPx: defaultOf(p.videoResolutionPoorPx),
  screenResolutionPoorPx: defaultOf(p.screenResolutionPoorPx),
  videoFreezePoorMs: defaultOf(p.videoFreezePoorMs),
  screenFreezePoorMs: defaultOf(p.screenFreezePoorMs),
  videoBitratePoorBps: defaultOf(p.videoBitratePoorBps),
});
export type Thresholds = typeof THRESHOLDS;

/** The metrics of one stream report; null = not reported (never poor). */
export interface StreamMetrics {
  readonly roundTripTimeAvg: number | null;
  readonly roundTripTimeMax: number | null;
  readonly jitterAvg: number | null;
  readonly jitterMax: number | null;
  readonly packetLossRateAvg: number | null;
  readonly packetLossRateMax: number | null;
  readonly jitterBufferSizeAvg: number | null;
  readonly jitterBufferSizeMax: number | null;
  readonly healedDataRatioAvg: number | null;
  readonly healedDataRatioMax: number | null;
  readonly videoFrameRateAvg: number | null;
  readonly recvResolutionHeight: number | null;
  readonly recvFreezeDurationPerMinuteInMs: number | null;
  readonly videoBitRateAvg: number | null;
  readonly videoBitRateMax: number | null;
  readonly packetUtilization: number | null;
}

const above = (x: number | null, t: number) => x !== null && x > t;
const below = (x: number | null, t: number) => x !== null && x < t;

/** The rules a stream report breaks, in {@link POOR_REASONS} order; empty for a good stream. */
export function poorReasonsOf(mediaType: MediaType, m: StreamMetrics, t: Thresholds = THRESHOLDS): PoorReason[] {
  const kind = mediaKindOf(mediaType);
  const audio = kind === "Audio";
  const video = kind === "Video";
  const screen = kind === "ScreenShare";
  const fired: Record<PoorReason, boolean> = {
    RoundTripTime: above(m.roundTripTimeAvg, t.rttPoorMs),
    Jitter: above(m.jitterAvg, t.jitterPoorMs),
    PacketLoss: above(m.packetLossRateAvg, t.packetLossPoorRatio),
    JitterBuffer: audio && above(m.jitterBufferSizeAvg, t.jitterBufferPoorMs),
    HealedData: audio && above(m.healedDataRatioAvg, t.healedRatioPoor),
    FrameRate: (video && below(m.videoFrameRateAvg, t.videoFrameRatePoorFps)) || (screen && below(m.videoFrameRateAvg, t.screenFrameRatePoorFps)),
    Resolution:
      (video && below(m.recvResolutionHeight, t.videoResolutionPoorPx)) || (screen && below(m.recvResolutionHeight, t.screenResolutionPoorPx)),
    Freeze:
      (video && above(m.recvFreezeDurationPerMinuteInMs, t.videoFreezePoorMs)) ||
      (screen && above(m.recvFreezeDurationPerMinuteInMs, t.screenFreezePoorMs)),
    Bitrate: video && below(m.videoBitRateAvg, t.videoBitratePoorBps),
  };
  return POOR_REASONS.filter((r) => fired[r]);
}

/** The rules that can fire for a media kind (the generator plants only these). */
export function applicableReasons(kind: MediaKind): readonly PoorReason[] {
  if (kind === "Audio") return ["RoundTripTime", "Jitter", "PacketLoss", "JitterBuffer", "HealedData"];
  if (kind === "Video") return ["RoundTripTime", "Jitter", "PacketLoss", "FrameRate", "Resolution", "Freeze", "Bitrate"];
  return ["RoundTripTime", "Jitter", "PacketLoss", "FrameRate", "Resolution", "Freeze"];
}
