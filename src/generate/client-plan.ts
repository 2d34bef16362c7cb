// Client-side records of a call, at a smaller volume than the service-side ones: Calling SDK
// operations and UFD events (ACSCallClientOperations) and End of Call Surveys (ACSCallSurvey).
import { clientFailure } from "./end-code-pools.js";
import type { LegPlan } from "./plan.js";
import type { Rng } from "./prng.js";

export type ClientResultType = "Succeeded" | "Failed" | "ExpectedError";

export interface ClientOpPlan {
  readonly leg: number;
  readonly time: number;
  readonly operationId: string;
  readonly clientInstanceId: string;
  readonly operationName: string;
  readonly operationType: "client-api-request" | "client-event";
  readonly durationMs: number | null;
  readonly resultType: ClientResultType;
  readonly resultSignature: number;
  readonly payload: Readonly<Record<string, string>>;
}

export interface SurveyPlan {
  readonly leg: number;
  readonly time: number;
  readonly surveyId: string;
  /** [score, lower, upper, threshold] per rated aspect; null when the aspect was not rated. */
  readonly overall: readonly [number, number, number, number];
  readonly audio: readonly [number, number, number, number] | null;
  readonly video: readonly [number, number, number, number] | null;
  readonly screenshare: readonly [number, number, number, number] | null;
  readonly overallIssues: string;
  readonly audioIssues: string;
  readonly videoIssues: string;
  readonly screenshareIssues: string;
}

/** UFDs the generator plants, with the bad state each one reports. */
export const PLANTED_UFDS: readonly (readonly [string, string])[] = [
  ["NetworkReceiveQuality", "Poor"],
  ["NetworkSendQuality", "Bad"],
  ["NetworkReconnect", "Bad"],
  ["NetworkRelaysNotReachable", "Bad"],
  ["CameraFreeze", "Bad"],
  ["MicrophoneNotFunctioning", "Bad"],
  ["MicrophoneMuteUnexpectedly", "Bad"],
];

const AUDIO_ISSUES = ["NoLocalAudio", "NoRemoteAudio", "Echo", "AudioNoise", "LowVolume", "AudioStoppedUnexpectedly", "DistortedSpeech", "AudioInterruption"];
const VIDEO_ISSUES = ["NoVideoReceived", "NoVideoSent", "LowQuality", "Freezes", "StoppedUnexpectedly", "DarkVideoReceived", "AudioVideoOutOfSync"];
const SCREEN_ISSUES = ["NoContentLocal", "NoContentRemote", "CannotPresent", "LowQuality", "Freezes", "StoppedUnexpectedly", "LargeDelay"];
const CALL_ISSUES = ["CallCannotJoin", "CallCannotInvite", "HadToRejoin", "CallEndedUnexpectedly"];

/** Typical and slow durations per API, ms, around Microsoft's recommended P95 (reference §5.2). */
const API_DURATION_MS: Readonly<Record<string, readonly [number, number]>> = {
  CallAgentInit: [600, 2600],
  StartCall: [300, 1400],
  AcceptIncomingCall: [900, 3800],
  Join: [1500, 6500],
  StartVideo: [1200, 8000],
  Hangup: [80, 400],
};

/**
 * Plans SDK operations for the same-tenant VoIP legs that log client telemetry (about one in
 * seven): CallAgentInit, StartCall/AcceptIncomingCall or Join, StartVideo when the leg sends
 * video, a UFD that goes bad and (usually) recovers, and Hangup.
 */
export function planClientOps(rng: Rng, legs: readonly LegPlan[], callType: "P2P" | "Group"): ClientOpPlan[] {
  const ops: ClientOpPlan[] = [];
  legs.forEach((leg, li) => {
    if (leg.endpointType !== "VoIP" || leg.crossTenant || !rng.chance(0.15)) return;
    const clientInstanceId = rng.uuid();
    const legEnd = leg.start + leg.durationSec * 1000;
    const api = (name: string, time: number) => {
      const [typical, slow] = API_DURATION_MS[name] ?? [500, 2000];
      const durationMs = rng.chance(0.06) ? rng.int(slow, slow * 2) : rng.int(Math.floor(typical * 0.3), typical);
      const roll = rng.next();
      const resultType: ClientResultType = roll < 0.04 ? "Failed" : roll < 0.07 ? "ExpectedError" : "Succeeded";
      let payload: Record<string, string> = {};
      let resultSignature = 200;
      if (resultType !== "Succeeded") {
        const f = clientFailure(rng, resultType === "Failed" ? "UnexpectedClientError" : "ExpectedError");
        payload = { Code: String(f.code), SubCode: String(f.subcode), ResultCategory: f.resultCategory };
        resultSignature = f.code;
      }
      ops.push({ leg: li, time, operationId: rng.uuid(), clientInstanceId, operationName: name, operationType: "client-api-request", durationMs, resultType, resultSignature, payload });
    };
    api("CallAgentInit", leg.start - rng.int(2000, 15000));
    api(callType === "Group" ? "Join" : li === 0 ? "StartCall" : "AcceptIncomingCall", leg.start);
    if (leg.media.includes("Video")) api("StartVideo", leg.start + rng.int(1000, 20000));
    if (leg.durationSec > 30 && rng.chance(0.3)) {
      const [ufd, bad] = rng.pick(PLANTED_UFDS);
      const badAt = leg.start + rng.int(5000, (leg.durationSec - 20) * 1000);
      const event = (time: number, quality: string) =>
        ops.push({
          leg: li,
          time,
          operationId: rng.uuid(),
          clientInstanceId,
          operationName: "UserFacingDiagnostics",
          operationType: "client-event",
          durationMs: null,
          resultType: "Succeeded",
          resultSignature: 200,
          payload: { DiagnosticChanged: ufd, DiagnosticQuality: quality },
        });
      event(badAt, bad);
      if (rng.chance(0.7)) event(badAt + rng.int(2000, 15000), "Good");
    }
    api("Hangup", legEnd - rng.int(0, 1000));
  });
  return ops;
}

/**
 * Plans End of Call Surveys for some group-call legs (P2P legs have no ParticipantId, which
 * the survey's CorrelationId holds). Most use a 1–5 scale with threshold 2; some a 0–10 scale
 * with threshold 6, so consumers must normalise by the bounds. Legs with a poor stream rate lower.
 */
export function planSurveys(rng: Rng, legs: readonly LegPlan[], poorLegs: ReadonlySet<number>): SurveyPlan[] {
  const surveys: SurveyPlan[] = [];
  legs.forEach((leg, li) => {
    if (leg.participantId === null || leg.endpointType !== "VoIP" || !rng.chance(0.12)) return;
    const wide = rng.chance(0.2);
    const [lower, upper, threshold] = wide ? [0, 10, 6] : [1, 5, 2];
    const poor = poorLegs.has(li);
    const score = (): readonly [number, number, number, number] => {
      const u = poor ? rng.next() ** 0.6 * 0.6 : 0.5 + rng.next() ** 0.5 * 0.5;
      return [Math.round(lower + u * (upper - lower)), lower, upper, threshold];
    };
    const issues = (list: readonly string[], p: number) => (rng.chance(p) ? [...new Set([rng.pick(list), rng.pick(list)])].join(",") : "");
    surveys.push({
      leg: li,
      time: leg.start + leg.durationSec * 1000 + rng.int(10, 120) * 1000,
      surveyId: rng.uuid(),
      overall: score(),
      audio: rng.chance(0.8) ? score() : null,
      video: leg.media.includes("Video") && rng.chance(0.7) ? score() : null,
      screenshare: leg.media.some((m) => m === "VBSS" || m === "AppSharing") && rng.chance(0.6) ? score() : null,
      overallIssues: issues(CALL_ISSUES, poor ? 0.3 : 0.03),
      audioIssues: issues(AUDIO_ISSUES, poor ? 0.5 : 0.05),
      videoIssues: leg.media.includes("Video") ? issues(VIDEO_ISSUES, poor ? 0.4 : 0.05) : "",
      screenshareIssues: leg.media.some((m) => m === "VBSS" || m === "AppSharing") ? issues(SCREEN_ISSUES, poor ? 0.3 : 0.05) : "",
    });
  });
  return surveys;
}
