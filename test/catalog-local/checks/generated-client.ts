// Ground-truth checks of queries/client.ts: UFDs, Calling SDK API reliability and latency
// (ACSCallClientOperations and ACSCallingMetrics), the End of Call Survey and client media
// stats. Expected numbers are recomputed in JS from the generator's per-call facts
// (clientOps, surveys, streams) and kept ACSCallingMetrics bins, by each entry's definition.
import { expect } from "vitest";
import { API_P95_THRESHOLDS_MS } from "../../../queries/client.js";
import type { CallingMetricsBin } from "../../../src/generate/index.js";
import type { GeneratedFixture } from "../harness.js";
import type { GeneratedCheck } from "./check.js";
import { band, bins, clientOps, cmpStr, dayOf, distinct, expectSorted, factsOf, groupBy, keyed, normalised, pct, percentile, plain, round, surveys, type ClientOpRow } from "./truth-views.js";

type Params = Record<string, unknown>;
/** The sdkVersions filter in JS: undefined = all. */
type Sdks = readonly string[] | undefined;
const inSdks = (sdks: Sdks, v: string) => sdks === undefined || sdks.includes(v);
const opsOf = (f: GeneratedFixture, sdks: Sdks) => clientOps(f.truth).filter((o) => inSdks(sdks, o.sdkVersion));

// ---------------------------------------------------------------------------------------
// UFDs from the raw events
// ---------------------------------------------------------------------------------------

const INFORMATIONAL = ["SpeakingWhileMicrophoneIsMuted", "SpeakerMuted"];

interface UfdLeg {
  readonly callId: string;
  readonly ufd: string;
  readonly sdkVersion: string;
  readonly badEvents: number;
  readonly recovered: boolean;
  readonly recoverySec: number | null;
}

/** client.ts ufdLegs(): per call, leg (ParticipantId, else ClientInstanceId) and UFD that went bad at least once. */
function ufdLegs(ops: readonly ClientOpRow[]): UfdLeg[] {
  const events = ops.filter((o) => o.operationName === "UserFacingDiagnostics" && o.ufd !== "" && !INFORMATIONAL.includes(o.ufd));
  const out: UfdLeg[] = [];
  for (const list of groupBy(events, (o) => `${o.callId}|${o.participantId || o.clientInstanceId}|${o.ufd}`).values()) {
    const t = (o: ClientOpRow) => Date.parse(o.clientTime);
    const bad = list.filter((o) => o.ufdQuality !== "" && o.ufdQuality !== "Good");
    if (bad.length === 0) continue;
    const lastBad = Math.max(...bad.map(t));
    const last = list.reduce((a, b) => (t(b) > t(a) ? b : a));
    const recovered = last.ufdQuality === "Good" && t(last) >= lastBad;
    const first = list[0] as ClientOpRow;
    out.push({ callId: first.callId, ufd: first.ufd, sdkVersion: first.sdkVersion, badEvents: bad.length, recovered, recoverySec: recovered ? (t(last) - lastBad) / 1000 : null });
  }
  return out;
}

/** client.ts ufdAggregates over some legs. */
function ufdAggregates(legs: readonly UfdLeg[]) {
  const times = legs.flatMap((l) => (l.recoverySec === null ? [] : [l.recoverySec]));
  const recovered = legs.filter((l) => l.recovered).length;
  return {
    BadEvents: legs.reduce((n, l) => n + l.badEvents, 0),
    AffectedLegs: legs.length,
    AffectedCalls: distinct(legs.map((l) => l.callId)),
    RecoveredLegs: recovered,
    RecoveryRatePct: pct(recovered, legs.length),
    RecoveryP50Sec: percentile(times, 50),
    RecoveryP90Sec: percentile(times, 90),
  };
}

async function ufdOverview(f: GeneratedFixture, params: Params, sdks: Sdks) {
  const rows = await f.run("ufd-overview", params);
  const ops = opsOf(f, sdks);
  const totalCalls = distinct(ops.map((o) => o.callId));
  const expected: Record<string, Record<string, unknown>> = {};
  for (const [ufd, legs] of groupBy(ufdLegs(ops), (l) => l.ufd)) {
    const a = ufdAggregates(legs);
    expected[ufd] = { ...a, AffectedCallsPct: pct(a.AffectedCalls, totalCalls) };
  }
  const cols = ["BadEvents", "AffectedLegs", "AffectedCalls", "AffectedCallsPct", "RecoveredLegs", "RecoveryRatePct", "RecoveryP50Sec", "RecoveryP90Sec"];
  expect(keyed(rows, ["Ufd"], cols)).toEqual(expected);
  expectSorted(rows, (a, b) => Number(b["AffectedCalls"]) - Number(a["AffectedCalls"]) || cmpStr(String(a["Ufd"]), String(b["Ufd"])), "AffectedCalls desc, Ufd asc");
  return rows;
}

async function ufdBySdk(f: GeneratedFixture, params: Params, sdks: Sdks) {
  const rows = await f.run("ufd-by-sdk-version", params);
  const ops = opsOf(f, sdks);
  const versionCalls = new Map([...groupBy(ops, (o) => o.sdkVersion)].map(([v, l]) => [v, distinct(l.map((o) => o.callId))]));
  const expected: Record<string, Record<string, unknown>> = {};
  for (const [key, legs] of groupBy(ufdLegs(ops), (l) => `${l.ufd}|${l.sdkVersion}`)) {
    const a = ufdAggregates(legs);
    const vc = versionCalls.get((legs[0] as UfdLeg).sdkVersion) as number;
    expected[key] = {
      AffectedLegs: a.AffectedLegs,
      AffectedCalls: a.AffectedCalls,
      VersionCalls: vc,
      AffectedCallsPct: pct(a.AffectedCalls, vc),
      RecoveryRatePct: a.RecoveryRatePct,
      RecoveryP50Sec: a.RecoveryP50Sec,
      RecoveryP90Sec: a.RecoveryP90Sec,
    };
  }
  const cols = ["AffectedLegs", "AffectedCalls", "VersionCalls", "AffectedCallsPct", "RecoveryRatePct", "RecoveryP50Sec", "RecoveryP90Sec"];
  expect(keyed(rows, ["Ufd", "SdkVersion"], cols)).toEqual(expected);
  expectSorted(rows, (a, b) => cmpStr(String(a["Ufd"]), String(b["Ufd"])) || Number(b["AffectedCalls"]) - Number(a["AffectedCalls"]), "Ufd asc, AffectedCalls desc");
}

// ---------------------------------------------------------------------------------------
// UFDs from ACSCallingMetrics
// ---------------------------------------------------------------------------------------

const UFD_RECOVERY_PREFIX = "reliability/api/UFD/recovery/";
const ufdBins = (f: GeneratedFixture, sdks: Sdks) => bins(f.truth).filter((b) => b.metric.startsWith(UFD_RECOVERY_PREFIX) && inSdks(sdks, b.sdkVersion));
const ufdOfBin = (b: CallingMetricsBin) => b.metric.slice(UFD_RECOVERY_PREFIX.length);

function legsAndRecovered(groups: Map<string, CallingMetricsBin[]>) {
  const out: Record<string, Record<string, unknown>> = {};
  for (const [key, l] of groups) {
    const legs = l.reduce((n, b) => n + b.legs, 0);
    const ok = l.reduce((n, b) => n + b.success, 0);
    if (legs > 0) out[key] = { Legs: legs, RecoveredLegs: ok, RecoveryRatePct: pct(ok, legs) };
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// SDK API reliability from the raw operations
// ---------------------------------------------------------------------------------------

const API_SCENARIOS = ["StartCall", "AcceptIncomingCall", "Join", "StartVideo", "StopVideo", "CreateView", "CallAgentInit"];
const DROP_OPERATIONS = ["Join", "EnterCall", "Hangup"];
const isSuccess = (resultType: string) => resultType === "Succeeded" || resultType === "Success" || resultType.startsWith("Expected");

interface Attempt {
  readonly scenario: string;
  readonly day: string;
  readonly callId: string;
  readonly success: boolean;
  readonly expected: boolean;
}

/** client.ts scenarioAttempts(): one per API operation, one per leg for Drop. */
function attempts(ops: readonly ClientOpRow[]): Attempt[] {
  const api = ops
    .filter((o) => API_SCENARIOS.includes(o.operationName) && o.resultType.length > 0)
    .map((o) => ({
      // The generator logs no CreateView, so the scenario is the operation's name.
      scenario: o.operationName,
      day: dayOf(o.timeGenerated),
      callId: o.callId,
      success: isSuccess(o.resultType),
      expected: o.resultType.startsWith("Expected"),
    }));
  const drop = [...groupBy(dropOps(ops), (o) => `${o.callId}|${o.participantId}`).values()].map((l) => {
    const failures = l.filter((o) => !isSuccess(o.resultType)).length;
    return {
      scenario: "Drop",
      day: dayOf(Math.min(...l.map((o) => Date.parse(o.timeGenerated)))),
      callId: (l[0] as ClientOpRow).callId,
      success: failures === 0,
      expected: failures === 0 && l.some((o) => o.resultType.startsWith("Expected")),
    };
  });
  return [...api, ...drop];
}

const dropOps = (ops: readonly ClientOpRow[]) => ops.filter((o) => DROP_OPERATIONS.includes(o.operationName) && o.resultType.length > 0 && o.participantId !== "");

async function sdkApiReliability(f: GeneratedFixture, params: Params, sdks: Sdks) {
  const rows = await f.run("sdk-api-reliability", params);
  const expected: Record<string, Record<string, unknown>> = {};
  for (const [scenario, l] of groupBy(attempts(opsOf(f, sdks)), (a) => a.scenario)) {
    const ok = l.filter((a) => a.success).length;
    expected[scenario] = {
      Unit: scenario === "Drop" ? "legs" : "operations",
      Attempts: l.length,
      Succeeded: ok,
      ExpectedErrors: l.filter((a) => a.expected).length,
      Failed: l.length - ok,
      SuccessRatePct: pct(ok, l.length),
      FailedCalls: distinct(l.filter((a) => !a.success).map((a) => a.callId)),
    };
  }
  expect(keyed(rows, ["Scenario"], ["Unit", "Attempts", "Succeeded", "ExpectedErrors", "Failed", "SuccessRatePct", "FailedCalls"])).toEqual(expected);
  expectSorted(rows, (a, b) => Number(a["SuccessRatePct"]) - Number(b["SuccessRatePct"]) || Number(b["Attempts"]) - Number(a["Attempts"]), "SuccessRatePct asc, Attempts desc");
  return expected;
}

async function dayOverDay(f: GeneratedFixture, params: Params, sdks: Sdks) {
  const rows = await f.run("sdk-api-reliability-day-over-day", params);
  const daily = new Map([...groupBy(attempts(opsOf(f, sdks)), (a) => `${a.day}|${a.scenario}`)].map(([k, l]) => [k, { n: l.length, ok: l.filter((a) => a.success).length }]));
  const expected: Record<string, Record<string, unknown>> = {};
  for (const [key, d] of daily) {
    const [day, scenario] = key.split("|") as [string, string];
    const prev = daily.get(`${new Date(Date.parse(day) - 86_400_000).toISOString()}|${scenario}`);
    const rate = pct(d.ok, d.n);
    const prevRate = prev ? pct(prev.ok, prev.n) : null;
    expected[key] = { Attempts: d.n, Succeeded: d.ok, SuccessRatePct: rate, PrevDaySuccessRatePct: prevRate, ChangePctPoints: prevRate === null ? null : round(rate - prevRate, 2) };
  }
  expect(keyed(rows, ["Day", "Scenario"], ["Attempts", "Succeeded", "SuccessRatePct", "PrevDaySuccessRatePct", "ChangePctPoints"])).toEqual(expected);
  expectSorted(rows, (a, b) => cmpStr(String(plain(a["Day"])), String(plain(b["Day"]))) || cmpStr(String(a["Scenario"]), String(b["Scenario"])), "Day, Scenario asc");
  return expected;
}

// ---------------------------------------------------------------------------------------
// SDK API latency
// ---------------------------------------------------------------------------------------

const THRESHOLDS: Readonly<Record<string, number>> = API_P95_THRESHOLDS_MS;
const timedOps = (f: GeneratedFixture, sdks: Sdks) => opsOf(f, sdks).filter((o) => o.operationName in THRESHOLDS && o.durationMs !== null);

async function latencyPercentiles(f: GeneratedFixture, params: Params, sdks: Sdks, thresholds: Readonly<Record<string, number>>) {
  const rows = await f.run("sdk-api-latency-percentiles", params);
  const expected: Record<string, Record<string, unknown>> = {};
  for (const [scenario, l] of groupBy(timedOps(f, sdks), (o) => o.operationName)) {
    const d = l.map((o) => o.durationMs as number);
    const thr = thresholds[scenario] as number;
    const p95 = percentile(d, 95) as number;
    expected[scenario] = {
      Operations: d.length,
      P50Ms: percentile(d, 50),
      P90Ms: percentile(d, 90),
      P95Ms: p95,
      P99Ms: percentile(d, 99),
      P95ThresholdMs: thr,
      P95WithinThreshold: p95 <= thr,
      OverThresholdPct: pct(d.filter((x) => x > thr).length, d.length),
    };
  }
  const cols = ["Operations", "P50Ms", "P90Ms", "P95Ms", "P99Ms", "P95ThresholdMs", "P95WithinThreshold", "OverThresholdPct"];
  expect(keyed(rows, ["Scenario"], cols)).toEqual(expected);
  const ratio = (r: Record<string, unknown>) => Number(r["P95Ms"]) / Number(r["P95ThresholdMs"]);
  expectSorted(rows, (a, b) => ratio(b) - ratio(a), "P95 / threshold desc");
  return expected;
}

async function latencyHistogram(f: GeneratedFixture, params: Params, width: number) {
  const rows = await f.run("sdk-api-latency-histogram", params);
  const ops = timedOps(f, undefined).filter((o) => (o.durationMs as number) >= 0);
  const perScenario = new Map([...groupBy(ops, (o) => o.operationName)].map(([s, l]) => [s, l.length]));
  // The last bucket starts at 59 widths and holds every slower operation.
  const bucketOf = (d: number) => Math.min(Math.floor(d / width) * width, width * 59);
  const expected: Record<string, Record<string, unknown>> = {};
  for (const [key, l] of groupBy(ops, (o) => `${o.operationName}|${bucketOf(o.durationMs as number)}`)) {
    expected[key] = { Operations: l.length, SharePct: pct(l.length, perScenario.get((l[0] as ClientOpRow).operationName) as number) };
  }
  expect(keyed(rows, ["Scenario", "BucketStartMs"], ["Operations", "SharePct"])).toEqual(expected);
  expectSorted(rows, (a, b) => cmpStr(String(a["Scenario"]), String(b["Scenario"])) || Number(a["BucketStartMs"]) - Number(b["BucketStartMs"]), "Scenario, BucketStartMs asc");
}

// ---------------------------------------------------------------------------------------
// Top failing subcodes
// ---------------------------------------------------------------------------------------

async function topFailingSubcodes(f: GeneratedFixture, params: Params, topN: number) {
  const rows = await f.run("sdk-api-top-failing-subcodes", params);
  const ops = opsOf(f, undefined);
  const failed = [
    ...ops.filter((o) => API_SCENARIOS.includes(o.operationName) && o.resultType.length > 0 && !isSuccess(o.resultType)).map((o) => ({ ...o, scenario: o.operationName })),
    ...dropOps(ops).filter((o) => !isSuccess(o.resultType)).map((o) => ({ ...o, scenario: "Drop" })),
  ];
  const groups = [...groupBy(failed, (o) => `${o.scenario}|${o.code}|${o.subCode}`)].map(([key, l]) => ({
    key,
    scenario: (l[0] as ClientOpRow & { scenario: string }).scenario,
    failures: l.length,
    calls: distinct(l.map((o) => o.callId)),
    categories: new Set(l.map((o) => o.resultCategory)),
  }));
  const expected: Record<string, Record<string, unknown>> = {};
  for (const g of groups) {
    const same = groups.filter((o) => o.scenario === g.scenario);
    const rank = 1 + same.filter((o) => o.failures > g.failures).length;
    if (rank > topN) continue;
    expected[g.key] = { Rank: rank, Failures: g.failures, FailedCalls: g.calls, ScenarioFailuresPct: pct(g.failures, same.reduce((n, o) => n + o.failures, 0)) };
  }
  const got = keyed(rows, ["Scenario", "Code", "SubCode"], ["Rank", "Failures", "FailedCalls", "ScenarioFailuresPct"]);
  expect(got).toEqual(expected);
  // The generator draws each failure from the dataset's client subcodes with their category.
  for (const r of rows) {
    const g = groups.find((x) => x.key === `${r["Scenario"]}|${r["Code"]}|${r["SubCode"]}`);
    expect(g?.categories.size).toBe(1);
    expect(r["ResultCategory"]).toBe([...(g?.categories ?? [])][0]);
    expect(String(r["Meaning"])).not.toBe("");
  }
  expectSorted(rows, (a, b) => cmpStr(String(a["Scenario"]), String(b["Scenario"])) || Number(a["Rank"]) - Number(b["Rank"]) || cmpStr(String(a["SubCode"]), String(b["SubCode"])), "Scenario, Rank, SubCode asc");
  return { rows, groups };
}

// ---------------------------------------------------------------------------------------
// End of Call Survey
// ---------------------------------------------------------------------------------------

const ASPECTS = ["Overall", "Audio", "Video", "Screenshare"] as const;

function ratings(f: GeneratedFixture) {
  return surveys(f.truth).flatMap((s) =>
    ASPECTS.flatMap((aspect) => {
      const r = { Overall: s.overall, Audio: s.audio, Video: s.video, Screenshare: s.screenshare }[aspect];
      return r ? [{ aspect, surveyId: s.surveyId, callId: s.callId, rating: r, n: normalised(r) }] : [];
    }),
  );
}

function issues(f: GeneratedFixture) {
  return surveys(f.truth).flatMap((s) =>
    (
      [
        ["Overall", s.overallIssues],
        ["Audio", s.audioIssues],
        ["Video", s.videoIssues],
        ["Screenshare", s.screenshareIssues],
      ] as const
    ).flatMap(([aspect, list]) =>
      list
        .split(",")
        .map((x) => x.trim())
        .filter((x) => x !== "")
        .map((issue) => ({ aspect, issue, surveyId: s.surveyId })),
    ),
  );
}

const avg = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

export const checks: Readonly<Record<string, GeneratedCheck>> = {
  "ufd-overview": async (f) => {
    const rows = await ufdOverview(f, {}, undefined);
    // The generator's own per-UFD counts of bad and recovered legs agree.
    const fromTruth = Object.fromEntries(Object.entries(f.truth.aggregates.clientOperations.ufdLegs).map(([u, v]) => [u, { AffectedLegs: v.bad, RecoveredLegs: v.recovered }]));
    expect(keyed(rows, ["Ufd"], ["AffectedLegs", "RecoveredLegs"])).toEqual(fromTruth);
    await ufdOverview(f, { sdkVersions: ["1.32.1.1"] }, ["1.32.1.1"]);
  },

  "ufd-by-sdk-version": async (f) => {
    await ufdBySdk(f, {}, undefined);
    await ufdBySdk(f, { sdkVersions: ["2.11.1", "2.12.0"] }, ["2.11.1", "2.12.0"]);
  },

  "ufd-recovery-rate-over-time": async (f) => {
    for (const sdks of [undefined, ["1.32.1.1"]] as const) {
      const rows = await f.run("ufd-recovery-rate-over-time", sdks ? { sdkVersions: sdks } : {});
      const expected = legsAndRecovered(groupBy(ufdBins(f, sdks), (b) => `${b.day}|${ufdOfBin(b)}`));
      expect(keyed(rows, ["TimestampBin", "Ufd"], ["Legs", "RecoveredLegs", "RecoveryRatePct"])).toEqual(expected);
      expectSorted(rows, (a, b) => cmpStr(String(plain(a["TimestampBin"])), String(plain(b["TimestampBin"]))) || cmpStr(String(a["Ufd"]), String(b["Ufd"])), "day, Ufd asc");
    }
    // Over all days, legs per UFD are the legs whose UFD went bad in the raw events.
    const rows = await f.run("ufd-recovery-rate-over-time");
    const perUfd: Record<string, number> = {};
    for (const r of rows) perUfd[String(r["Ufd"])] = (perUfd[String(r["Ufd"])] ?? 0) + Number(r["Legs"]);
    expect(perUfd).toEqual(Object.fromEntries(Object.entries(f.truth.aggregates.clientOperations.ufdLegs).map(([u, v]) => [u, v.bad])));
  },

  "ufd-by-platform": async (f) => {
    for (const sdks of [undefined, ["2.11.1", "2.10.0"]] as const) {
      const rows = await f.run("ufd-by-platform", sdks ? { sdkVersions: sdks } : {});
      const expected = legsAndRecovered(groupBy(ufdBins(f, sdks), (b) => `${ufdOfBin(b)}|${b.platform || "Unknown"}`));
      expect(keyed(rows, ["Ufd", "Platform"], ["Legs", "RecoveredLegs", "RecoveryRatePct"])).toEqual(expected);
      expectSorted(rows, (a, b) => cmpStr(String(a["Ufd"]), String(b["Ufd"])) || Number(b["Legs"]) - Number(a["Legs"]), "Ufd asc, Legs desc");
    }
  },

  "sdk-api-reliability": async (f) => {
    const all = await sdkApiReliability(f, {}, undefined);
    // Every API operation the generator planted is counted once, under its own name.
    const by = f.truth.aggregates.clientOperations.byOperation;
    for (const op of ["CallAgentInit", "StartCall", "AcceptIncomingCall", "Join", "StartVideo"]) {
      expect(all[op]?.["Attempts"], op).toBe(Object.values(by[op] ?? {}).reduce((a, b) => a + b, 0));
      expect(all[op]?.["Failed"], op).toBe(by[op]?.["Failed"] ?? 0);
    }
    await sdkApiReliability(f, { sdkVersions: ["1.32.1.1"] }, ["1.32.1.1"]);
  },

  "sdk-api-reliability-day-over-day": async (f) => {
    const e = await dayOverDay(f, {}, undefined);
    expect(Object.values(e).some((r) => r["PrevDaySuccessRatePct"] !== null)).toBe(true);
    await dayOverDay(f, { sdkVersions: ["2.11.1"] }, ["2.11.1"]);
  },

  "sdk-api-latency-percentiles": async (f) => {
    const e = await latencyPercentiles(f, {}, undefined, THRESHOLDS);
    expect(Object.keys(e).sort()).toEqual(["AcceptIncomingCall", "CallAgentInit", "Join", "StartCall", "StartVideo"]);
    // A lower Join threshold moves only Join's verdict and over-threshold share.
    await latencyPercentiles(f, { joinP95Ms: 1000 }, undefined, { ...THRESHOLDS, Join: 1000 });
    await latencyPercentiles(f, { sdkVersions: ["1.32.1.1"] }, ["1.32.1.1"], THRESHOLDS);
  },

  "sdk-api-latency-histogram": async (f) => {
    await latencyHistogram(f, {}, 1000);
    await latencyHistogram(f, { latencyBucketMs: 250 }, 250);
  },

  "sdk-api-top-failing-subcodes": async (f) => {
    const { rows, groups } = await topFailingSubcodes(f, {}, 20);
    expect(rows.length).toBeGreaterThan(0);
    // Failed Joins count under Join and under Drop.
    expect(groups.some((g) => g.scenario === "Drop")).toBe(true);
    await topFailingSubcodes(f, { topN: 1 }, 1);
  },

  "survey-rating-distribution": async (f) => {
    const rows = await f.run("survey-rating-distribution");
    const all = ratings(f);
    const perAspect = new Map([...groupBy(all, (r) => r.aspect)].map(([a, l]) => [a, l.length]));
    const expected: Record<string, Record<string, unknown>> = {};
    for (const [key, l] of groupBy(all, (r) => `${r.aspect}|${round(r.n, 0)}`)) {
      expected[key] = { Responses: l.length, SharePct: pct(l.length, perAspect.get(l[0]?.aspect ?? "") as number) };
    }
    expect(keyed(rows, ["Aspect", "Rating"], ["Responses", "SharePct"])).toEqual(expected);
    expectSorted(rows, (a, b) => cmpStr(String(a["Aspect"]), String(b["Aspect"])) || Number(a["Rating"]) - Number(b["Rating"]), "Aspect, Rating asc");
    expect(Object.fromEntries(perAspect)).toEqual(Object.fromEntries(Object.entries(f.truth.aggregates.surveys.byAspect).map(([a, v]) => [a, v.responses])));
  },

  "survey-rating-summary": async (f) => {
    const rows = await f.run("survey-rating-summary");
    const expected: Record<string, Record<string, unknown>> = {};
    for (const [aspect, l] of groupBy(ratings(f), (r) => r.aspect)) {
      const t = f.truth.aggregates.surveys.byAspect[aspect];
      const good = l.filter((r) => r.n >= 4.5).length;
      const poor = l.filter((r) => r.n < 3).length;
      // The generator's per-aspect bands agree with the ones recomputed from the facts.
      expect({ good, poor, below: l.filter((r) => r.rating[0] <= r.rating[3]).length }).toEqual({ good: t?.Good, poor: t?.Poor, below: t?.belowThreshold });
      expected[aspect] = {
        Responses: l.length,
        AvgNormalisedRating: round(avg(l.map((r) => r.n)), 2),
        GoodPct: pct(good, l.length),
        AveragePct: pct(l.length - good - poor, l.length),
        PoorPct: pct(poor, l.length),
        // Every generated rating carries a threshold.
        BelowThresholdPct: pct(l.filter((r) => r.rating[0] <= r.rating[3]).length, l.length),
      };
    }
    expect(keyed(rows, ["Aspect"], ["Responses", "AvgNormalisedRating", "GoodPct", "AveragePct", "PoorPct", "BelowThresholdPct"])).toEqual(expected);
    expectSorted(rows, (a, b) => Number(a["AvgNormalisedRating"]) - Number(b["AvgNormalisedRating"]), "AvgNormalisedRating asc");
  },

  "survey-issue-frequency": async (f) => {
    const rows = await f.run("survey-issue-frequency");
    const total = distinct(surveys(f.truth).map((s) => s.surveyId));
    expect(total).toBe(f.truth.aggregates.surveys.rows);
    const expected: Record<string, Record<string, unknown>> = {};
    for (const [key, l] of groupBy(issues(f), (i) => `${i.aspect}|${i.issue}`)) {
      const n = distinct(l.map((i) => i.surveyId));
      expected[key] = { Mentions: l.length, Surveys: n, SurveysPct: pct(n, total) };
    }
    expect(keyed(rows, ["Aspect", "Issue"], ["Mentions", "Surveys", "SurveysPct"])).toEqual(expected);
    expectSorted(rows, (a, b) => Number(b["Mentions"]) - Number(a["Mentions"]) || cmpStr(String(a["Aspect"]), String(b["Aspect"])), "Mentions desc, Aspect asc");
  },

  "survey-rating-vs-stream-quality": async (f) => {
    const rows = await f.run("survey-rating-vs-stream-quality");
    const streamsOf = new Map(factsOf(f.truth).map((c) => [c.correlationId, c.streams]));
    const perCall = [...groupBy(ratings(f).filter((r) => r.aspect === "Overall"), (r) => r.callId)].flatMap(([callId, l]) => {
      const streams = streamsOf.get(callId) ?? [];
      if (streams.length === 0) return []; // inner join: no diagnostics, no row
      const poor = streams.filter((s) => s.poor).length;
      const rating = avg(l.map((r) => r.n));
      return [
        {
          band: band(rating),
          rating,
          poorNetwork: poor > 0,
          poorPct: pct(poor, streams.length),
          jitter: avg(streams.map((s) => s.jitterAvg as number)),
          loss: avg(streams.map((s) => s.packetLossRateAvg as number)),
          rtt: avg(streams.map((s) => s.roundTripTimeAvg as number)),
        },
      ];
    });
    const expected: Record<string, Record<string, unknown>> = {};
    for (const [b, l] of groupBy(perCall, (c) => c.band)) {
      const poor = l.filter((c) => c.poorNetwork).length;
      expected[b] = {
        SurveyedCalls: l.length,
        AvgRating: round(avg(l.map((c) => c.rating)), 2),
        PoorNetworkCalls: poor,
        PoorNetworkCallsPct: pct(poor, l.length),
        AvgPoorStreamsPct: round(avg(l.map((c) => c.poorPct)), 2),
        JitterAvgMs: round(avg(l.map((c) => c.jitter)), 2),
        PacketLossRateAvg: round(avg(l.map((c) => c.loss)), 4),
        RoundTripTimeAvgMs: round(avg(l.map((c) => c.rtt)), 2),
      };
    }
    const cols = ["SurveyedCalls", "AvgRating", "PoorNetworkCalls", "PoorNetworkCallsPct", "AvgPoorStreamsPct", "JitterAvgMs", "PacketLossRateAvg", "RoundTripTimeAvgMs"];
    expect(keyed(rows, ["RatingBand"], cols)).toEqual(expected);
    expectSorted(rows, (a, b) => Number(b["AvgRating"]) - Number(a["AvgRating"]), "AvgRating desc");
  },

  // The generator writes no ACSCallClientMediaStatsTimeSeries (it is not among the tables in
  // truth.rows), so on this dataset the entry's exact result is no rows: the summarize is grouped.
  "media-stats-distribution": async (f) => {
    expect(Object.keys(f.truth.rows)).not.toContain("ACSCallClientMediaStatsTimeSeries");
    expect(await f.run("media-stats-distribution")).toEqual([]);
  },

  // As above: no media-stats table is generated, so even a real call's drill-down is empty.
  "media-stats-worst-intervals": async (f) => {
    expect(Object.keys(f.truth.rows)).not.toContain("ACSCallClientMediaStatsTimeSeries");
    const call = factsOf(f.truth).find((c) => c.clientOps.length > 0);
    expect(call).toBeDefined();
    expect(await f.run("media-stats-worst-intervals", { correlationId: call?.correlationId })).toEqual([]);
  },
};
