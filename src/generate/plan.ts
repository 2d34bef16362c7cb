// The plan of one call: who took part, how each leg ended, and which streams were reported
// with which metrics. Records (records.ts) and the ground truth (truth.ts) both derive
// from it. Shapes follow /work/shared/seed/voice-and-video-logs.md: P2P calls have two
// endpoints, no ParticipantId and outbound streams only; group calls have a ParticipantId
// per leg, the server's own summary row, and for every stream a participant sends an
// outbound report by the participant plus an inbound report by the server.
import { planClientOps, planSurveys, type ClientOpPlan, type SurveyPlan } from "./client-plan.js";
import { drawEndCode, type EndCode } from "./end-code-pools.js";
import type { Rng } from "./prng.js";
import { applicableReasons, mediaKindOf, poorReasonsOf, THRESHOLDS, type MediaType, type PoorReason, type StreamMetrics } from "./quality-rules.js";

export type CallType = "P2P" | "Group";
export type LegEndpointType = "VoIP" | "PSTN" | "BOT";

/** A client profile: what the summary logs as OS and SDK, and what the client logs as user agent. */
export interface ClientProfile {
  readonly os: string;
  readonly sdk: string;
  readonly userAgent: string;
  readonly platform: "Web" | "Android" | "iOS";
}

const PROFILES: readonly (readonly [ClientProfile, number])[] = [
  [{ os: "Windows 10.0.22631 Arch: x64", sdk: "1.32.1.1", platform: "Web", userAgent: "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36" }, 34],
  [{ os: "Windows 10.0.19045 Arch: x64", sdk: "1.31.2.1", platform: "Web", userAgent: "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/129.0.0.0 Safari/537.36 Edg/129.0.0.0" }, 14],
  [{ os: "Mac OS X 10.15.7", sdk: "1.32.1.1", platform: "Web", userAgent: "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15" }, 12],
  [{ os: "Linux x86_64", sdk: "1.30.1.1_beta", platform: "Web", userAgent: "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36" }, 4],
  [{ os: "Android 14.0; Manufacturer: Google; Product: husky; Model: Pixel 8 Pro; Hardware: husky", sdk: "2.11.1", platform: "Android", userAgent: "" }, 16],
  [{ os: "Android 13.0; Manufacturer: samsung; Product: a54x; Model: SM-A546B; Hardware: s5e8835", sdk: "2.10.0", platform: "Android", userAgent: "" }, 8],
  [{ os: "Darwin Kernel Version 23.4.0: Fri Mar 15 00:19:22 PDT 2024; root:xnu-10063.102.14~67/RELEASE_ARM64_T8110", sdk: "2.12.0", platform: "iOS", userAgent: "" }, 12],
];

export interface LegPlan {
  /** Null in P2P calls. */
  readonly participantId: string | null;
  /** The real endpoint ID (the summary shows "Redacted" for cross-tenant legs). */
  readonly endpointId: string;
  readonly endpointType: LegEndpointType;
  readonly identifier: string;
  readonly crossTenant: boolean;
  readonly tenantId: string;
  readonly participantType: string;
  readonly pstnCallType: string | null;
  /** Null for PSTN (no SDK, no OS). */
  readonly profile: ClientProfile | null;
  /** ms since epoch. */
  readonly start: number;
  readonly durationSec: number;
  readonly end: EndCode;
  /** True for the second leg of an endpoint that dropped and joined again. */
  readonly rejoin: boolean;
  readonly media: readonly MediaType[];
}

export interface StreamReport {
  /** ms since epoch of the record (TimeGenerated). */
  readonly time: number;
  readonly metrics: StreamMetrics;
}

export interface StreamPlan {
  /** Index into {@link CallPlan.legs} of the leg the stream belongs to. */
  readonly leg: number;
  readonly reporter: "endpoint" | "server";
  readonly mediaType: MediaType;
  readonly direction: "Outbound" | "Inbound";
  readonly streamId: number;
  readonly transport: string;
  readonly codec: string;
  /** The reason(s) the plan meant to make the stream poor (truth.ts re-derives them from the metrics). */
  readonly plannedPoor: readonly PoorReason[];
  /** The report that counts (the latest); `earlier` is an older report of the same stream, if any. */
  readonly final: StreamReport;
  readonly earlier: StreamReport | null;
}

export interface CallPlan {
  readonly index: number;
  readonly correlationId: string;
  readonly callType: CallType;
  readonly start: number;
  readonly durationSec: number;
  readonly teamsThreadId: string | null;
  readonly legs: readonly LegPlan[];
  readonly streams: readonly StreamPlan[];
  /** When the summary rows were written (ms since epoch). */
  readonly summaryTime: number;
  readonly clientOps: readonly ClientOpPlan[];
  readonly surveys: readonly SurveyPlan[];
}

/** Knobs of the plan that the options set. */
export interface PlanSettings {
  readonly poorShare: number;
  readonly failureShare: number;
  /** Share of stream reports that are sent twice (the catalog keeps the latest). */
  readonly duplicateShare: number;
}

/** The longest call the generator plans, s; start times leave room for it before the end instant. */
export const MAX_CALL_SEC = 90 * 60;
/** Latest a record is logged after the call ends, s. */
export const MAX_LOG_DELAY_SEC = 20 * 60;

/** The Azure tenant that owns the ACS resource; legs from other tenants are redacted. */
export const HOME_TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";
const ACS_RESOURCE_GUID = "61fddbe3-0003-4066-97bc-6aaf143bbb84";

/** Plans one call starting at `start` (ms since epoch). */
export function planCall(rng: Rng, index: number, start: number, s: PlanSettings): CallPlan {
  const correlationId = rng.uuid();
  const callType: CallType = rng.chance(0.45) ? "P2P" : "Group";
  const durationSec = Math.max(5, Math.min(MAX_CALL_SEC, Math.round(rng.logNormal(callType === "P2P" ? 240 : 900, 0.9))));
  const teamsThreadId = callType === "Group" && rng.chance(0.2) ? `19:meeting_${base64ish(rng, 40)}@thread.v2` : null;
  const legs: LegPlan[] = [];

  if (callType === "P2P") {
    for (let i = 0; i < 2; i++) {
      const offset = i === 0 ? 0 : rng.int(0, Math.min(20, durationSec - 2)) * 1000;
      legs.push(planLeg(rng, "P2P", "VoIP", start + offset, durationSec - offset / 1000, s.failureShare, false));
    }
  } else {
    const count = 3 + Math.floor(rng.next() ** 2 * 8) + (rng.chance(0.02) ? rng.int(5, 20) : 0);
    for (let i = 0; i < count; i++) {
      const type: LegEndpointType = i === 0 ? "VoIP" : rng.weighted([["VoIP", 84], ["PSTN", 12], ["BOT", 4]] as const);
      // The first leg spans the whole call, so the call's duration is that of its longest leg.
      const offsetSec = i === 0 ? 0 : Math.floor(rng.next() * 0.3 * durationSec);
      const leaveEarlySec = i === 0 ? 0 : Math.floor(rng.next() ** 3 * 0.5 * (durationSec - offsetSec));
      const legSec = Math.max(1, durationSec - offsetSec - leaveEarlySec);
      if (type === "VoIP" && legSec >= 60 && rng.chance(0.05)) {
        // A rejoin: same endpoint, a new ParticipantId, and a second summary row.
        const firstSec = rng.int(10, legSec - 40);
        const gapSec = rng.int(3, 20);
        const first = planLeg(rng, "Group", type, start + offsetSec * 1000, firstSec, s.failureShare, false);
        legs.push(first);
        legs.push({
          ...first,
          participantId: rng.uuid(),
          start: first.start + (firstSec + gapSec) * 1000,
          durationSec: legSec - firstSec - gapSec,
          end: drawEndCode(rng, false, s.failureShare),
          rejoin: true,
        });
      } else {
        legs.push(planLeg(rng, "Group", type, start + offsetSec * 1000, legSec, s.failureShare, false));
      }
    }
  }

  const callEnd = start + durationSec * 1000;
  const summaryTime = callEnd + rng.int(60, MAX_LOG_DELAY_SEC / 2) * 1000;
  const diagnosticsTime = callEnd + rng.int(60, MAX_LOG_DELAY_SEC / 2) * 1000;
  const streams: StreamPlan[] = [];
  legs.forEach((leg, li) => {
    const transport = rng.weighted([["UDP", 88], ["TCP", 10], ["Unrecognized", 2]] as const);
    for (const mediaType of leg.media) {
      const reporters: ("endpoint" | "server")[] = callType === "P2P" ? ["endpoint"] : ["endpoint", "server"];
      for (const reporter of reporters) {
        const poor = rng.chance(s.poorShare) ? pickReasons(rng, mediaType) : [];
        const metrics = metricsFor(rng, mediaType, poor);
        const final = { time: diagnosticsTime + streams.length, metrics };
        let earlier: StreamReport | null = null;
        if (rng.chance(s.duplicateShare)) {
          // The older report classifies the other way, so a query that forgets to keep the
          // latest report per stream gets a different answer.
          const flipped = poor.length > 0 ? [] : pickReasons(rng, mediaType);
          earlier = { time: final.time - rng.int(30, 600) * 1000, metrics: metricsFor(rng, mediaType, flipped) };
        }
        streams.push({
          leg: li,
          reporter,
          mediaType,
          direction: reporter === "server" ? "Inbound" : "Outbound",
          streamId: rng.int(1000, 2_000_000_000),
          transport,
          codec: codecOf(rng, mediaType, leg.endpointType),
          plannedPoor: poor,
          final,
          earlier,
        });
      }
    }
  });

  const poorLegs = new Set(streams.filter((st) => st.plannedPoor.length > 0).map((st) => st.leg));
  const clientOps = planClientOps(rng, legs, callType);
  const surveys = planSurveys(rng, legs, poorLegs);
  return { index, correlationId, callType, start, durationSec, teamsThreadId, legs, streams, summaryTime, clientOps, surveys };
}

function planLeg(
  rng: Rng,
  callType: CallType,
  endpointType: LegEndpointType,
  start: number,
  durationSec: number,
  failureShare: number,
  rejoin: boolean,
): LegPlan {
  const pstn = endpointType === "PSTN";
  const crossTenant = !pstn && rng.chance(0.08);
  const endpointId = rng.uuid();
  const tenantId = crossTenant ? rng.uuid() : HOME_TENANT;
  const identifier = pstn
    ? `4:+1425555${String(rng.int(0, 9999)).padStart(4, "0")}`
    : endpointType === "BOT"
      ? `28:${rng.uuid()}`
      : crossTenant
        ? `8:orgid:${rng.uuid()}`
        : `acs:${ACS_RESOURCE_GUID}_${rng.uuid()}`;
  const media: MediaType[] = ["Audio"];
  if (endpointType === "VoIP") {
    if (rng.chance(0.45)) media.push("Video");
    if (rng.chance(callType === "Group" ? 0.12 : 0.05)) media.push(rng.chance(0.15) ? "AppSharing" : "VBSS");
  } else if (endpointType === "BOT" && rng.chance(0.2)) {
    media.push("Video");
  }
  return {
    participantId: callType === "P2P" ? null : rng.uuid(),
    endpointId,
    endpointType,
    identifier,
    crossTenant,
    tenantId,
    participantType: pstn ? "PSTN" : crossTenant ? "ACS as Teams external user" : endpointType === "BOT" ? "Teams Voice Apps" : "ACS",
    pstnCallType: pstn ? rng.pick(["DirectRouting", "CallingPlan", "Transfer"]) : null,
    profile: pstn ? null : rng.weighted(PROFILES),
    start,
    durationSec: Math.max(1, Math.round(durationSec)),
    end: drawEndCode(rng, pstn, failureShare),
    rejoin,
    media,
  };
}

function pickReasons(rng: Rng, mediaType: MediaType): PoorReason[] {
  const options = applicableReasons(mediaKindOf(mediaType));
  const first = rng.pick(options);
  if (!rng.chance(0.2)) return [first];
  const second = rng.pick(options);
  return second === first ? [first] : [first, second].sort((a, b) => options.indexOf(a) - options.indexOf(b));
}

function codecOf(rng: Rng, mediaType: MediaType, endpointType: LegEndpointType): string {
  if (mediaType === "Audio") return endpointType === "PSTN" ? rng.pick(["G722", "PCMU"]) : rng.weighted([["OPUS", 80], ["SATIN", 15], ["G722", 5]] as const);
  if (mediaType === "Video") return rng.weighted([["H264", 60], ["VP8", 25], ["H264S", 15]] as const);
  return "H264S";
}

export const POOR_VIDEO_HEIGHTS = [90, 120, 144, 180] as const;
export const GOOD_VIDEO_HEIGHTS = [360, 480, 540, 720, 1080] as const;
export const POOR_SCREEN_HEIGHTS = [360, 480, 540, 600] as const;
export const GOOD_SCREEN_HEIGHTS = [1080, 1200, 1440] as const;

const round = (x: number, digits: number) => {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
};

/**
 * Metrics of one stream report. Poor values sit clearly beyond their threshold and good
 * values clearly inside (never on a threshold), so a reader's rounding cannot flip a stream.
 */
function metricsFor(rng: Rng, mediaType: MediaType, poor: readonly PoorReason[]): StreamMetrics {
  const t = THRESHOLDS;
  const is = (r: PoorReason) => poor.includes(r);
  const kind = mediaKindOf(mediaType);
  const rttAvg = is("RoundTripTime") ? rng.int(t.rttPoorMs + 100, t.rttPoorMs * 3) : rng.int(15, Math.floor(t.rttPoorMs * 0.5));
  const jitterAvg = is("Jitter") ? rng.int(t.jitterPoorMs + 10, t.jitterPoorMs * 4) : rng.int(0, Math.floor(t.jitterPoorMs * 0.5));
  const lossAvg = is("PacketLoss") ? round(rng.real(t.packetLossPoorRatio * 1.5, t.packetLossPoorRatio * 4), 4) : round(rng.next() ** 3 * t.packetLossPoorRatio * 0.3, 5);
  const base: StreamMetrics = {
    roundTripTimeAvg: rttAvg,
    roundTripTimeMax: rttAvg + rng.int(0, rng.chance(0.1) ? 700 : 60),
    jitterAvg,
    jitterMax: jitterAvg + rng.int(0, 25),
    packetLossRateAvg: lossAvg,
    packetLossRateMax: round(Math.min(1, lossAvg + rng.next() ** 2 * 0.2), 5),
    jitterBufferSizeAvg: null,
    jitterBufferSizeMax: null,
    healedDataRatioAvg: null,
    healedDataRatioMax: null,
    videoFrameRateAvg: null,
    recvResolutionHeight: null,
    recvFreezeDurationPerMinuteInMs: null,
    videoBitRateAvg: null,
    videoBitRateMax: null,
    packetUtilization: rng.int(500, 200_000),
  };
  if (kind === "Audio") {
    // Older SDKs leave the audio extras empty; a missing metric must never count as poor.
    if (!is("JitterBuffer") && !is("HealedData") && rng.chance(0.05)) return base;
    const jb = is("JitterBuffer") ? rng.int(t.jitterBufferPoorMs + 60, t.jitterBufferPoorMs * 3) : rng.int(20, Math.floor(t.jitterBufferPoorMs * 0.6));
    const healed = is("HealedData") ? round(rng.real(t.healedRatioPoor * 1.5, t.healedRatioPoor * 3.5), 4) : round(rng.next() ** 2 * t.healedRatioPoor * 0.4, 4);
    return { ...base, jitterBufferSizeAvg: jb, jitterBufferSizeMax: jb + rng.int(0, 80), healedDataRatioAvg: healed, healedDataRatioMax: round(Math.min(1, healed + rng.next() * 0.1), 4) };
  }
  const video = kind === "Video";
  const fpsPoor = video ? t.videoFrameRatePoorFps : t.screenFrameRatePoorFps;
  const freezePoor = video ? t.videoFreezePoorMs : t.screenFreezePoorMs;
  const fps = is("FrameRate") ? round(rng.real(fpsPoor * 0.1, fpsPoor * 0.7), 2) : round(video ? rng.real(fpsPoor * 2, 30) : rng.real(fpsPoor * 3, 15), 2);
  // Real encoders send a handful of heights; these lists stay on their side of the default
  // thresholds (240 px video, 768 px screen), and a test checks them against THRESHOLDS.
  const res = is("Resolution") ? rng.pick(video ? POOR_VIDEO_HEIGHTS : POOR_SCREEN_HEIGHTS) : rng.pick(video ? GOOD_VIDEO_HEIGHTS : GOOD_SCREEN_HEIGHTS);
  const freeze = is("Freeze") ? round(rng.real(freezePoor * 1.4, freezePoor * 2.5), 1) : round(rng.next() ** 3 * freezePoor * 0.4, 1);
  const bitrate = video && is("Bitrate") ? rng.int(20_000, Math.floor(t.videoBitratePoorBps * 0.7)) : rng.int(Math.ceil(t.videoBitratePoorBps * 2), 2_500_000);
  return {
    ...base,
    videoFrameRateAvg: fps,
    recvResolutionHeight: res,
    recvFreezeDurationPerMinuteInMs: freeze,
    videoBitRateAvg: bitrate,
    videoBitRateMax: bitrate + rng.int(0, 500_000),
  };
}

function base64ish(rng: Rng, len: number): string {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  let s = "";
  for (let i = 0; i < len; i++) s += alphabet[rng.int(0, alphabet.length - 1)];
  return s;
}

/** Self-check used by tests: the poor reasons the metrics imply equal the planned ones. */
export function classificationMatchesPlan(stream: StreamPlan): boolean {
  const derived = poorReasonsOf(stream.mediaType, stream.final.metrics);
  return derived.length === stream.plannedPoor.length && derived.every((r, i) => r === stream.plannedPoor[i]);
}
