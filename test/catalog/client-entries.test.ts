// The client-side catalog entries (queries/client.ts): User Facing Diagnostics, Calling SDK API
// reliability and latency, the End of Call Survey and client media stats. Every entry renders
// to KQL that Kusto.Language accepts with the row type the builder promises, with default and
// non-default parameters, and that lint() has nothing to say about; plus what each must show.
import { describe, expect, it } from "vitest";
import {
  API_P95_THRESHOLD_PARAMS,
  API_P95_THRESHOLDS_MS,
  CREATE_VIEW_SIDE_KEY,
  DROP_OPERATIONS,
  LATENCY_HISTOGRAM_BUCKETS,
  entries,
} from "../../queries/client.js";
import { catalog } from "../../queries/index.js";
import { lint } from "../../src/analysis/index.js";
import { parametersOf, toKql } from "../../src/kql/index.js";
import type { CatalogEntry } from "../../src/catalog/entry.js";
import type { ParamNode } from "../../src/kql/ast/index.js";
import { expectValidQuery } from "../helpers/expect-query.js";

const NON_DEFAULT: Readonly<Record<string, unknown>> = {
  lookback: "30d",
  resourceIds: ["/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Communication/CommunicationServices/acs"],
  sdkVersions: ["1.32.1.0_stable"],
  correlationId: "00000000-0000-0000-0000-000000000000",
  timeBin: "1d",
  topN: 5,
  mediaTypes: ["Video"],
  endpointTypes: ["VoIP"],
  rttPoorMs: 400,
  jitterPoorMs: 25,
  packetLossPoorRatio: 0.05,
  jitterBufferPoorMs: 150,
  healedRatioPoor: 0.05,
  videoFrameRatePoorFps: 10,
  screenFrameRatePoorFps: 2,
  videoResolutionPoorPx: 360,
  screenResolutionPoorPx: 720,
  videoFreezePoorMs: 5000,
  screenFreezePoorMs: 20000,
  videoBitratePoorBps: 200000,
  callAgentInitP95Ms: 1500,
  handleIncomingCallP95Ms: 1500,
  acceptIncomingCallP95Ms: 2500,
  joinP95Ms: 4000,
  startCallP95Ms: 800,
  startVideoP95Ms: 6000,
  stopVideoP95Ms: 800,
  latencyBucketMs: 500,
};

function nonDefaultParams(entry: CatalogEntry): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  for (const { name } of parametersOf(entry.query)) {
    expect(NON_DEFAULT, `${entry.id}: add a non-default value for parameter '${name}'`).toHaveProperty(name);
    params[name] = NON_DEFAULT[name];
  }
  return params;
}

const byId = new Map(entries.map((e) => [e.id, e]));
const kqlOf = (id: string) => {
  const e = byId.get(id);
  if (!e) throw new Error(`no client entry '${id}'`);
  return toKql(e.query);
};

describe("client-side catalog entries", () => {
  it("are registered in the catalog with unique kebab-case ids, a quality or reliability category, a title, a description and tags", () => {
    expect(entries.length).toBeGreaterThanOrEqual(8);
    const ids = catalog.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const e of entries) {
      expect(catalog).toContain(e);
      expect(e.id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      expect(["quality", "reliability"]).toContain(e.category);
      expect(e.title.trim()).not.toBe("");
      expect(e.description.length, e.id).toBeGreaterThan(80);
      expect(e.tags.length, e.id).toBeGreaterThan(0);
      expect(e.visualization, e.id).toBeDefined();
    }
  });

  it.each(entries.map((e) => [e.id, e] as const))("%s: valid with defaults and with non-default parameters, lint-clean", (_id, entry) => {
    const kql = expectValidQuery(entry.query);
    expect(lint(kql)).toEqual([]);
    const params = nonDefaultParams(entry);
    const custom = expectValidQuery(entry.query, { params });
    expect(lint(custom)).toEqual([]);
    if (Object.keys(params).length > 0) expect(custom).not.toBe(kql);
  });
});

describe("User Facing Diagnostics", () => {
  it("read the UFD name and state from the payload of UserFacingDiagnostics operations", () => {
    for (const id of ["ufd-overview", "ufd-by-sdk-version", "ufd-by-os-browser", "ufd-call-timeline"]) {
      const kql = kqlOf(id);
      expect(kql).toContain('OperationName == "UserFacingDiagnostics"');
      expect(kql).toContain('OperationPayload["DiagnosticChanged"]');
      expect(kql).toContain('OperationPayload["DiagnosticQuality"]');
    }
  });

  it("report volume, share of calls affected, recovery rate and time to recover", () => {
    const cols = Object.keys(byId.get("ufd-overview")!.query.columns);
    for (const c of ["Ufd", "BadEvents", "AffectedCalls", "AffectedCallsPct", "RecoveryRatePct", "RecoveryP50Sec", "RecoveryP90Sec"]) expect(cols).toContain(c);
  });

  it("break down by SDK version and by OS and browser through parse_user_agent", () => {
    expect(Object.keys(byId.get("ufd-by-sdk-version")!.query.columns)).toContain("SdkVersion");
    const kql = kqlOf("ufd-by-os-browser");
    expect(kql).toContain('parse_user_agent(UserAgent, "os")');
    expect(kql).toContain('parse_user_agent(UserAgent, "browser")');
  });

  it("the timeline is one call's events, in time order", () => {
    const entry = byId.get("ufd-call-timeline")!;
    expect(parametersOf(entry.query).map((x) => x.name)).toContain("correlationId");
    expect(kqlOf("ufd-call-timeline")).toContain("| order by CallClientTimeStamp asc");
  });

  it("the ACSCallingMetrics recovery rate is deduplicated by TimestampMax over every dimension", () => {
    expect(kqlOf("ufd-recovery-rate-over-time")).toMatch(/summarize arg_max\(TimestampMax, \*\) by _ResourceId, TimestampBin, MetricName, .*DeviceOsVersionMinor\n/);
  });
});

describe("SDK API reliability and latency", () => {
  it("count expected errors as success, and say so", () => {
    for (const id of ["sdk-api-reliability", "sdk-api-reliability-day-over-day"]) {
      expect(kqlOf(id)).toContain('ResultType startswith "Expected"');
      expect(byId.get(id)!.description).toMatch(/ExpectedError counts as success/);
    }
  });

  it("split CreateView into Local and Remote by the assumed payload key, keeping every other value out of both, and say so", () => {
    const split =
      `case(OperationName != "CreateView", OperationName, tostring(OperationPayload["${CREATE_VIEW_SIDE_KEY}"]) =~ "Local", "CreateView/Local", ` +
      `tostring(OperationPayload["${CREATE_VIEW_SIDE_KEY}"]) =~ "Remote", "CreateView/Remote", "CreateView/Unknown")`;
    for (const id of ["sdk-api-reliability", "sdk-api-reliability-day-over-day", "sdk-api-top-failing-subcodes"]) {
      expect(kqlOf(id), id).toContain(split);
      expect(byId.get(id)!.description, id).toContain(`OperationPayload.${CREATE_VIEW_SIDE_KEY}`);
      expect(byId.get(id)!.description, id).toMatch(/ASSUMPTION[\s\S]*CreateView\/Unknown rather than to either side/);
    }
  });

  it("add Drop as legs: a leg with a Join, EnterCall or Hangup result, dropped when one of them is not a success", () => {
    expect(DROP_OPERATIONS).toEqual(["Join", "EnterCall", "Hangup"]);
    for (const id of ["sdk-api-reliability", "sdk-api-reliability-day-over-day"]) {
      const kql = kqlOf(id);
      expect(kql, id).toContain('| where OperationName in ("Join", "EnterCall", "Hangup") and isnotempty(ResultType) and isnotempty(ParticipantId)');
      expect(kql, id).toMatch(/Failures = countif\(not\(ResultType in \("Succeeded", "Success"\) or ResultType startswith "Expected"\)\)[^\n]* by CallId, ParticipantId\n/);
      expect(kql, id).toContain('Scenario = "Drop"');
      expect(kql, id).toContain("Success = Failures == 0");
      expect(byId.get(id)!.description, id).toMatch(/one attempt is one leg/);
    }
    const reliability = byId.get("sdk-api-reliability")!;
    expect(Object.keys(reliability.query.columns)).toEqual(["Scenario", "Unit", "Attempts", "Succeeded", "ExpectedErrors", "Failed", "SuccessRatePct", "FailedCalls"]);
    expect(kqlOf("sdk-api-reliability")).toContain('Unit = iff(Scenario == "Drop", "legs", "operations")');
    // Drop's failing subcodes come from the failed Join/EnterCall/Hangup operations of legs.
    expect(kqlOf("sdk-api-top-failing-subcodes")).toMatch(/isnotempty\(ParticipantId\)\n[^\n]*where not\(ResultType in[^\n]*\n[^\n]*Scenario = "Drop"/);
  });

  it("latency histogram: operations per scenario in latencyBucketMs-wide DurationMs buckets, the last one open", () => {
    const entry = byId.get("sdk-api-latency-histogram")!;
    const kql = kqlOf("sdk-api-latency-histogram");
    expect(kql).toContain("let latencyBucketMs = 1000;");
    expect(kql).toContain(
      `BucketStartMs = min_of(bin(DurationMs, max_of(latencyBucketMs, 1)), max_of(latencyBucketMs, 1) * ${LATENCY_HISTOGRAM_BUCKETS - 1})`,
    );
    expect(kql).toContain("summarize Operations = count() by Scenario, BucketStartMs");
    expect(kql).toContain(`OperationName in (${Object.keys(API_P95_THRESHOLDS_MS).map((s) => `"${s}"`).join(", ")})`);
    expect(kql).toContain("DurationMs >= 0");
    expect(toKql(entry.query, { params: { latencyBucketMs: 250 } })).toContain("let latencyBucketMs = 250;");
    expect(entry.query.columns).toEqual({ Scenario: "string", BucketStartMs: "long", Operations: "long", SharePct: "real" });
  });

  it("latency: P50/P90/P95/P99 per scenario against the documented P95 thresholds, as parameters", () => {
    const entry = byId.get("sdk-api-latency-percentiles")!;
    const kql = kqlOf("sdk-api-latency-percentiles");
    expect(kql).toContain("(P50Ms, P90Ms, P95Ms, P99Ms) = percentiles(DurationMs, 50, 90, 95, 99)");
    expect(kql).toMatch(/percentiles\(DurationMs, [^\n]* by Scenario\n/);
    expect(kql).not.toContain("datatable");
    const params = new Map(parametersOf(entry.query).map((x) => [x.name, x]));
    for (const [scenario, ms] of Object.entries(API_P95_THRESHOLDS_MS)) {
      const name = (API_P95_THRESHOLD_PARAMS[scenario as keyof typeof API_P95_THRESHOLDS_MS].node as ParamNode).name;
      expect(kql).toMatch(new RegExp(`OperationName == "${scenario}", ${name}\\b`));
      expect(params.get(name), name).toMatchObject({ type: "long" });
      expect(toKql(entry.query, { params: { [name]: ms } })).toBe(kql);
      expect(toKql(entry.query, { params: { [name]: ms + 1 } })).toContain(`${ms + 1}`);
    }
    expect(API_P95_THRESHOLDS_MS).toMatchObject({ Join: 5000, StartCall: 1000, StartVideo: 7000, AcceptIncomingCall: 3000 });
  });

  it("top failing subcodes: failures from the payload's Code/SubCode, ranked per scenario, explained by the client rows of the error dataset", () => {
    const entry = byId.get("sdk-api-top-failing-subcodes")!;
    const kql = kqlOf("sdk-api-top-failing-subcodes");
    expect(kql).toContain('OperationPayload["SubCode"]');
    expect(kql).toContain("materialize(");
    expect(kql).toMatch(/join kind=inner/);
    expect(kql).toContain("| extend Rank = Rank + 1\n| where Rank <= topN");
    expect(kql).toMatch(/lookup kind=leftouter \(\s*datatable\(Code:string, SubCode:string, ResultCategory:string, Meaning:string, Advice:string\)/);
    // only the client source: a client subcode is in, a service-only subcode (§4.3, 7000) is not
    expect(kql).toContain('"40101"');
    expect(kql).not.toMatch(/"0", "7000"/);
    expect(kql.length).toBeLessThan(120_000);
    for (const c of ["Scenario", "Rank", "Code", "SubCode", "Failures", "ScenarioFailuresPct", "ResultCategory", "Meaning", "Advice"]) {
      expect(Object.keys(entry.query.columns)).toContain(c);
    }
  });
});

describe("UFD by platform", () => {
  it("comes from ACSCallingMetrics.Platform, deduplicated, and says why", () => {
    const entry = byId.get("ufd-by-platform")!;
    const kql = kqlOf("ufd-by-platform");
    expect(kql).toMatch(/summarize arg_max\(TimestampMax, \*\) by _ResourceId, TimestampBin, MetricName, .*DeviceOsVersionMinor\n/);
    expect(kql).toMatch(/by Ufd, Platform\n/);
    expect(entry.description).toMatch(/ACSCallClientOperations has no platform column/);
  });
});

describe("End of Call Survey and media stats", () => {
  it("normalise ratings to each row's own bounds", () => {
    expect(kqlOf("survey-rating-distribution")).toContain("OverallRatingScoreLowerBound");
    expect(kqlOf("survey-rating-summary")).toContain("OverallRatingScoreThreshold");
  });

  it("split the issue lists with a bounded mv-expand", () => {
    expect(kqlOf("survey-issue-frequency")).toMatch(/split\(Issues, ","\)[\s\S]*mv-expand Issue to typeof\(string\) limit \d+/);
  });

  it("media stats: distributions per metric, media type and direction", () => {
    expect(kqlOf("media-stats-distribution")).toContain("by MetricName, MediaStreamType, MediaStreamDirection");
  });

  it("survey vs stream quality: per-call ratings joined kind=inner to per-call stream quality on CallId = CorrelationId", () => {
    const entry = byId.get("survey-rating-vs-stream-quality")!;
    const kql = kqlOf("survey-rating-vs-stream-quality");
    expect(kql).toMatch(/by CallId\n\| join kind=inner \(/);
    expect(kql).toMatch(/by CorrelationId\n\) on \$left\.CallId == \$right\.CorrelationId/);
    expect(entry.description).toMatch(/kind=inner/);
    expect(Object.keys(entry.query.columns)).toEqual(expect.arrayContaining(["RatingBand", "SurveyedCalls", "PoorNetworkCallsPct"]));
  });

  it("worst intervals: one call, top topN intervals by jitter", () => {
    const entry = byId.get("media-stats-worst-intervals")!;
    const kql = kqlOf("media-stats-worst-intervals");
    expect(parametersOf(entry.query).map((x) => x.name)).toEqual(expect.arrayContaining(["correlationId", "topN"]));
    expect(kql).toContain("CallId =~ correlationId");
    expect(kql).toMatch(/\| top topN by JitterAvgMs desc\s*$/);
  });
});
