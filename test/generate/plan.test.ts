import { describe, expect, it } from "vitest";
import { findEndCode, endCodesFor } from "../../src/errors/index.js";
import { isFailedCode } from "../../src/generate/end-code-pools.js";
import { classificationMatchesPlan, GOOD_SCREEN_HEIGHTS, GOOD_VIDEO_HEIGHTS, planCall, POOR_SCREEN_HEIGHTS, POOR_VIDEO_HEIGHTS, type CallPlan } from "../../src/generate/plan.js";
import { Rng } from "../../src/generate/prng.js";
import { mediaKindOf, POOR_REASONS, THRESHOLDS, type StreamMetrics } from "../../src/generate/quality-rules.js";
import { POOR_RULES } from "../../queries/quality.js";

function plan(calls: number, seed: number, poorShare: number, failureShare: number): CallPlan[] {
  const rng = new Rng(seed);
  const start = Date.parse("2025-03-01T00:00:00Z");
  return Array.from({ length: calls }, (_, i) => planCall(rng, i, start + i * 60_000, { poorShare, failureShare, duplicateShare: 0.05 }));
}

const PLANS = plan(1500, 5, 0.3, 0.2);
const streams = PLANS.flatMap((c) => c.streams);
const legs = PLANS.flatMap((c) => c.legs);

describe("quality rules", () => {
  it("use the catalog's reason names and Microsoft's documented thresholds (reference §5.1)", () => {
    expect([...POOR_REASONS]).toEqual(Object.values(POOR_RULES));
    expect({ ...THRESHOLDS }).toEqual({
      rttPoorMs: 500,
      jitterPoorMs: 30,
      packetLossPoorRatio: 0.1,
      jitterBufferPoorMs: 200,
      healedRatioPoor: 0.1,
      videoFrameRatePoorFps: 7,
      screenFrameRatePoorFps: 1,
      videoResolutionPoorPx: 240,
      screenResolutionPoorPx: 768,
      videoFreezePoorMs: 6000,
      screenFreezePoorMs: 25000,
      videoBitratePoorBps: 150000,
    });
    expect(Math.max(...POOR_VIDEO_HEIGHTS)).toBeLessThan(THRESHOLDS.videoResolutionPoorPx);
    expect(Math.min(...GOOD_VIDEO_HEIGHTS)).toBeGreaterThan(THRESHOLDS.videoResolutionPoorPx);
    expect(Math.max(...POOR_SCREEN_HEIGHTS)).toBeLessThan(THRESHOLDS.screenResolutionPoorPx);
    expect(Math.min(...GOOD_SCREEN_HEIGHTS)).toBeGreaterThan(THRESHOLDS.screenResolutionPoorPx);
  });
});

/** [metric, its threshold] pairs of the rules that apply to a media type. */
function ruleMetrics(mediaType: string, m: StreamMetrics): [string, number | null, number][] {
  const t = THRESHOLDS;
  const kind = mediaKindOf(mediaType as "Audio");
  const pairs: [string, number | null, number][] = [
    ["rtt", m.roundTripTimeAvg, t.rttPoorMs],
    ["jitter", m.jitterAvg, t.jitterPoorMs],
    ["loss", m.packetLossRateAvg, t.packetLossPoorRatio],
  ];
  if (kind === "Audio") pairs.push(["jitterBuffer", m.jitterBufferSizeAvg, t.jitterBufferPoorMs], ["healed", m.healedDataRatioAvg, t.healedRatioPoor]);
  const video = kind === "Video";
  if (kind !== "Audio") {
    pairs.push(
      ["fps", m.videoFrameRateAvg, video ? t.videoFrameRatePoorFps : t.screenFrameRatePoorFps],
      ["resolution", m.recvResolutionHeight, video ? t.videoResolutionPoorPx : t.screenResolutionPoorPx],
      ["freeze", m.recvFreezeDurationPerMinuteInMs, video ? t.videoFreezePoorMs : t.screenFreezePoorMs],
    );
  }
  if (video) pairs.push(["bitrate", m.videoBitRateAvg, t.videoBitratePoorBps]);
  return pairs;
}

describe("planned streams", () => {
  it("break exactly the planned rules, and every rule metric stays at least 10 % away from its threshold", () => {
    expect(streams.length).toBeGreaterThan(10_000);
    const mismatches = streams.filter((s) => !classificationMatchesPlan(s));
    expect(mismatches.length).toBe(0);
    const close: string[] = [];
    for (const s of streams) {
      for (const report of s.earlier ? [s.earlier, s.final] : [s.final]) {
        for (const [name, v, t] of ruleMetrics(s.mediaType, report.metrics)) {
          if (v !== null && Math.abs(v - t) < 0.1 * t) close.push(`${s.mediaType} ${name}=${v} (threshold ${t})`);
        }
      }
    }
    expect(close.slice(0, 5)).toEqual([]);
    const poor = streams.filter((s) => s.plannedPoor.length > 0).length / streams.length;
    expect(poor).toBeGreaterThan(0.27);
    expect(poor).toBeLessThan(0.33);
    // Every reason is planted for every media kind it applies to.
    const planted = new Set(streams.flatMap((s) => s.plannedPoor.map((r) => `${mediaKindOf(s.mediaType)}/${r}`)));
    expect(planted.size).toBe(5 + 7 + 6);
  });

  it("follow the seed: P2P streams are outbound endpoint reports; group streams also have the server's inbound report", () => {
    for (const c of PLANS.slice(0, 300)) {
      for (const s of c.streams) {
        if (c.callType === "P2P") expect([s.reporter, s.direction]).toEqual(["endpoint", "Outbound"]);
        else expect(s.reporter === "server" ? "Inbound" : "Outbound").toBe(s.direction);
      }
      if (c.callType === "Group") {
        const byLeg = (reporter: string) => c.streams.filter((s) => s.reporter === reporter).map((s) => `${s.leg}/${s.mediaType}`);
        expect(byLeg("server")).toEqual(byLeg("endpoint"));
      }
    }
  });
});

describe("planned participants", () => {
  it("end only with (code, subcode) pairs of the end-code dataset, with the dataset's result category", () => {
    const pairs = new Set(legs.map((l) => `${l.end.code}/${l.end.subcode}/${l.end.resultCategory}`));
    expect(pairs.size).toBeGreaterThan(15);
    for (const key of pairs) {
      const [code, subcode, category] = key.split("/");
      expect(endCodesFor(code as string, subcode).length, key).toBeGreaterThan(0);
      expect(findEndCode(code as string, subcode)?.resultCategory, key).toBe(category);
    }
    const clientCodes = PLANS.flatMap((c) => c.clientOps).filter((o) => o.payload["SubCode"] !== undefined);
    expect(clientCodes.length).toBeGreaterThan(0);
    for (const o of clientCodes) {
      const row = findEndCode(o.payload["Code"] as string, o.payload["SubCode"]);
      expect(row?.source, JSON.stringify(o.payload)).toBe("client");
      expect(row?.resultCategory).toBe(o.payload["ResultCategory"]);
    }
  });

  it("fail at about the asked share, PSTN legs with PSTN codes and the others without", () => {
    const failed = legs.filter((l) => isFailedCode(l.end.code));
    expect(failed.length / legs.length).toBeGreaterThan(0.17);
    expect(failed.length / legs.length).toBeLessThan(0.23);
    const pstnFailures = failed.filter((l) => l.endpointType === "PSTN");
    expect(pstnFailures.length).toBeGreaterThan(10);
    for (const l of pstnFailures) expect(l.end.subcode, `${l.end.code}/${l.end.subcode}`).toBeGreaterThanOrEqual(500000);
    for (const l of failed.filter((x) => x.endpointType !== "PSTN")) expect(l.end.subcode).toBeLessThan(500000);
  });

  it("include cross-tenant legs, rejoins with the same endpoint and a new ParticipantId, PSTN and bots", () => {
    expect(legs.some((l) => l.crossTenant)).toBe(true);
    expect(new Set(legs.map((l) => l.endpointType))).toEqual(new Set(["VoIP", "PSTN", "BOT"]));
    const rejoins = PLANS.flatMap((c) => c.legs.map((l, i) => ({ l, earlier: c.legs.slice(0, i) }))).filter((x) => x.l.rejoin);
    expect(rejoins.length).toBeGreaterThan(5);
    for (const { l, earlier } of rejoins) {
      const first = earlier.find((e) => e.endpointId === l.endpointId);
      expect(first).toBeDefined();
      expect(first?.participantId).not.toBe(l.participantId);
      expect(l.start).toBeGreaterThan((first?.start ?? 0) + (first?.durationSec ?? 0) * 1000);
    }
  });
});
