// Ground-truth checks of queries/reliability.ts (ACSCallingMetrics). The generator emits some
// bins twice, the earlier one with partial counts; the truth's callingMetricsBins are the
// final counts per bin and dimensions, computed from the plan, so every expected number
// below is what the catalog must give once it keeps the latest emission.
import { expect } from "vitest";
import type { CallingMetricsBin } from "../../../src/generate/index.js";
import type { GeneratedFixture } from "../harness.js";
import type { GeneratedCheck } from "./check.js";
import { bins, cmpStr, expectSorted, groupBy, keyed, pct, plain } from "./truth-views.js";

const API_PREFIX = "reliability/api/";
const UFD_PREFIX = "reliability/api/UFD/";
const DROP_METRIC = "reliability/leg/Drop";

const isScenario = (b: CallingMetricsBin) => (b.metric.startsWith(API_PREFIX) && !b.metric.startsWith(UFD_PREFIX)) || b.metric === DROP_METRIC;
const scenarioOf = (b: CallingMetricsBin) => (b.metric === DROP_METRIC ? "Drop" : b.metric.slice(API_PREFIX.length));
const sum = (list: readonly CallingMetricsBin[], k: "legs" | "success" | "failed") => list.reduce((n, b) => n + b[k], 0);

/** The scenario bins, narrowed to some SDK versions like the sdkVersions filter. */
function scenarioBins(f: GeneratedFixture, sdks?: readonly string[]) {
  return bins(f.truth).filter((b) => isScenario(b) && (sdks === undefined || sdks.includes(b.sdkVersion)));
}

/** Per (day, scenario): legs, successes, failures; days without legs dropped. */
function daily(list: readonly CallingMetricsBin[]) {
  return [...groupBy(list, (b) => `${b.day}|${scenarioOf(b)}`)].map(([key, l]) => ({ key, legs: sum(l, "legs"), success: sum(l, "success"), failed: sum(l, "failed") })).filter((d) => d.legs > 0);
}

async function overTime(f: GeneratedFixture, params: Record<string, unknown>, sdks?: readonly string[]) {
  const rows = await f.run("scenario-reliability-over-time", params);
  const expected = Object.fromEntries(
    daily(scenarioBins(f, sdks)).map((d) => [d.key, { Legs: d.legs, SuccessLegs: d.success, FailedLegs: d.failed, ReliabilityPct: pct(d.success, d.legs) }]),
  );
  expect(keyed(rows, ["TimestampBin", "Scenario"], ["Legs", "SuccessLegs", "FailedLegs", "ReliabilityPct"])).toEqual(expected);
  expectSorted(rows, (a, b) => cmpStr(String(plain(a["TimestampBin"])), String(plain(b["TimestampBin"]))) || cmpStr(String(a["Scenario"]), String(b["Scenario"])), "day, scenario asc");
}

async function summary(f: GeneratedFixture, params: Record<string, unknown>, sdks?: readonly string[]) {
  const rows = await f.run("scenario-reliability-summary", params);
  const expected: Record<string, Record<string, unknown>> = {};
  for (const [scenario, days] of groupBy(daily(scenarioBins(f, sdks)), (d) => d.key.split("|")[1] as string)) {
    const legs = days.reduce((n, d) => n + d.legs, 0);
    const success = days.reduce((n, d) => n + d.success, 0);
    expected[scenario] = {
      Legs: legs,
      SuccessLegs: success,
      FailedLegs: legs - success,
      ReliabilityPct: pct(success, legs),
      WorstDayReliabilityPct: Math.min(...days.map((d) => pct(d.success, d.legs))),
      Days: days.length,
    };
  }
  expect(keyed(rows, ["Scenario"], ["Legs", "SuccessLegs", "FailedLegs", "ReliabilityPct", "WorstDayReliabilityPct", "Days"])).toEqual(expected);
  expectSorted(rows, (a, b) => Number(a["ReliabilityPct"]) - Number(b["ReliabilityPct"]) || Number(b["Legs"]) - Number(a["Legs"]), "ReliabilityPct asc, Legs desc");
  return rows;
}

async function failuresBySubcode(f: GeneratedFixture, params: Record<string, unknown>, sdks?: readonly string[]) {
  const rows = await f.run("reliability-failures-by-subcode", params);
  const failed = scenarioBins(f, sdks).filter((b) => b.failed > 0);
  const perScenario = new Map([...groupBy(failed, scenarioOf)].map(([s, l]) => [s, sum(l, "failed")]));
  const expected: Record<string, Record<string, unknown>> = {};
  for (const [key, l] of groupBy(failed, (b) => `${scenarioOf(b)}|${b.resultType}|${b.subCode}`)) {
    const legs = sum(l, "failed");
    expected[key] = {
      FailedLegs: legs,
      ShareOfScenarioFailuresPct: pct(legs, perScenario.get(scenarioOf(l[0] as CallingMetricsBin)) as number),
      Days: new Set(l.map((b) => b.day)).size,
      Platforms: [...new Set(l.map((b) => b.platform))].sort(),
      SdkVersions: [...new Set(l.map((b) => b.sdkVersion))].sort(),
    };
  }
  const got = keyed(rows, ["Scenario", "ResultType", "SubCode"], ["FailedLegs", "ShareOfScenarioFailuresPct", "Days", "Platforms", "SdkVersions"]);
  // make_set gives a JSON array in no particular order; compare as sorted sets.
  for (const v of Object.values(got)) {
    for (const k of ["Platforms", "SdkVersions"]) v[k] = (JSON.parse(String(v[k])) as string[]).sort();
  }
  expect(got).toEqual(expected);
  expectSorted(rows, (a, b) => Number(b["FailedLegs"]) - Number(a["FailedLegs"]) || cmpStr(String(a["Scenario"]), String(b["Scenario"])), "FailedLegs desc, Scenario asc");
  return rows;
}

export const checks: Readonly<Record<string, GeneratedCheck>> = {
  "calling-metrics-latest": async (f) => {
    const rows = await f.run("calling-metrics-latest");
    const all = bins(f.truth);
    expect(rows).toHaveLength(all.length);
    // One row per bin and dimensions, with the final (not the earlier, partial) counts.
    const got = keyed(rows, ["TimestampBin", "MetricName", "CallType", "Platform", "SdkVersion", "ResultType", "SubCode", "DeviceOsName", "DeviceBrowser"], ["LegsDcount", "SuccessLegsDcount", "FailedLegsDcount"]);
    const expected = Object.fromEntries(
      all.map((b) => [
        [b.day, b.metric, b.callType, b.platform, b.sdkVersion, b.resultType, b.subCode, b.deviceOsName, b.deviceBrowser].join("|"),
        { LegsDcount: b.legs, SuccessLegsDcount: b.success, FailedLegsDcount: b.failed },
      ]),
    );
    expect(got).toEqual(expected);
    // The per-metric totals the generator reports agree with the bins.
    const perMetric = Object.fromEntries([...groupBy(all, (b) => b.metric)].map(([m, l]) => [m, { legs: sum(l, "legs"), success: sum(l, "success"), failed: sum(l, "failed") }]));
    expect(perMetric).toEqual(f.truth.aggregates.callingMetrics);
    // Re-emitted bins exist, so a query that forgot the dedupe would return more rows.
    expect(f.truth.rows["ACSCallingMetrics"]).toBeGreaterThan(all.length);
    const android = await f.run("calling-metrics-latest", { sdkVersions: ["2.11.1"] });
    expect(android).toHaveLength(all.filter((b) => b.sdkVersion === "2.11.1").length);
    expect(android.reduce((n, r) => n + Number(r["LegsDcount"]), 0)).toBe(sum(all.filter((b) => b.sdkVersion === "2.11.1"), "legs"));
  },

  "scenario-reliability-over-time": async (f) => {
    await overTime(f, {});
    await overTime(f, { sdkVersions: ["1.32.1.1", "2.12.0"] }, ["1.32.1.1", "2.12.0"]);
  },

  "scenario-reliability-summary": async (f) => {
    const rows = await summary(f, {});
    expect(rows.map((r) => r["Scenario"])).toEqual(expect.arrayContaining(["Drop", "Join", "CallAgentInit", "StartCall"]));
    await summary(f, { sdkVersions: ["2.11.1"] }, ["2.11.1"]);
  },

  "call-drop-rate-over-time": async (f) => {
    for (const sdk of [undefined, "1.32.1.1"]) {
      const rows = await f.run("call-drop-rate-over-time", sdk ? { sdkVersions: [sdk] } : {});
      const drops = bins(f.truth).filter((b) => b.metric === DROP_METRIC && (sdk === undefined || b.sdkVersion === sdk));
      const expected = Object.fromEntries(
        [...groupBy(drops, (b) => b.day)]
          .map(([day, l]) => ({ day, legs: sum(l, "legs"), dropped: sum(l, "legs") - sum(l, "success") }))
          .filter((d) => d.legs > 0)
          .map((d) => [d.day, { Legs: d.legs, DroppedLegs: d.dropped, DropRatePct: pct(d.dropped, d.legs) }]),
      );
      expect(keyed(rows, ["TimestampBin"], ["Legs", "DroppedLegs", "DropRatePct"])).toEqual(expected);
      expectSorted(rows, (a, b) => cmpStr(String(plain(a["TimestampBin"])), String(plain(b["TimestampBin"]))), "day asc");
    }
    const drop = f.truth.aggregates.callingMetrics[DROP_METRIC];
    const rows = await f.run("call-drop-rate-over-time");
    expect(rows.reduce((n, r) => n + Number(r["DroppedLegs"]), 0)).toBe(drop?.failed);
  },

  "reliability-failures-by-subcode": async (f) => {
    const rows = await failuresBySubcode(f, {});
    expect(rows.length).toBeGreaterThan(0);
    await failuresBySubcode(f, { sdkVersions: ["1.32.1.1"] }, ["1.32.1.1"]);
  },
};
