// Catalog area "reliability": Calling SDK scenario reliability and call drops from
// ACSCallingMetrics, the daily pre-aggregated table behind the Voice & Video Insights
// Reliability tab. Facts: /work/shared/reference/acs-call-logs.md §1.7, §3.3 (Reliability),
// §5.2. Microsoft publishes no example queries for this table; these follow the workbook.
// The catalog's modules are imported one by one, not through src/catalog/index.js: that
// barrel also loads the catalog API, which imports queries/index.js, which imports this
// module while it is still loading.
import { defineEntry, type CatalogEntry } from "../src/catalog/entry.js";
import { inWindow, optionalIn } from "../src/catalog/filters.js";
import { p } from "../src/catalog/parameters.js";
import { agg, fn, from, letTable, type Cols, type Expr, type QueryRowOf } from "../src/kql/index.js";
import { ACSCallingMetrics } from "../src/schema/index.js";

type BaseRow = QueryRowOf<ReturnType<typeof base>>;
type MetricsRow = QueryRowOf<ReturnType<typeof metrics>>;

/** Prefix of the SDK API scenarios (`reliability/api/Join`, `reliability/api/CreateView/Local`, ...). */
const API_PREFIX = "reliability/api/";
/** UFD recovery metrics share the API prefix but are not API scenarios. */
const UFD_PREFIX = "reliability/api/UFD/";
/** The leg-drop metric: a leg succeeds when it was not dropped. */
const DROP_METRIC = "reliability/leg/Drop";

/**
 * Every dimension of ACSCallingMetrics: a row is one daily bin × one combination of these.
 * _ResourceId is included so that two ACS resources in one workspace never collapse.
 * Deduplicate with `latestBy("TimestampMax", CALLING_METRICS_DIMENSIONS)`.
 */
export const CALLING_METRICS_DIMENSIONS = [
  "_ResourceId",
  "TimestampBin",
  "MetricName",
  "CallType",
  "Platform",
  "SdkVersion",
  "ResultType",
  "SubCode",
  "DeviceBrand",
  "DeviceFamily",
  "DeviceModel",
  "DeviceBrowser",
  "DeviceBrowserVersionMajor",
  "DeviceBrowserVersionMinor",
  "DeviceOsName",
  "DeviceOsVersionMajor",
  "DeviceOsVersionMinor",
] as const;

/**
 * ACSCallingMetrics in the window, optionally narrowed to some metrics, deduplicated to the
 * latest emission of each bin × dimension combination (`arg_max(TimestampMax, *)` by every
 * dimension, as the Insights workbook does). Filters on dimensions run before the
 * deduplication: they select whole groups, so the result is the same, only cheaper.
 */
function metrics(metric?: (c: Cols<BaseRow>) => Expr<"bool">) {
  const q = base();
  return (metric ? q.where(metric) : q).where((c) => optionalIn(c.SdkVersion, p.sdkVersions)).latestBy("TimestampMax", CALLING_METRICS_DIMENSIONS);
}

/** ACSCallingMetrics in the window: TimeGenerated within the lookback, and whole daily bins inside it. */
function base() {
  return from(ACSCallingMetrics).where((c) => inWindow(c).and(c.TimestampBin.ge(fn.startofday(fn.ago(p.lookback)))));
}

/** The SDK API scenarios and the leg-drop metric. */
const isScenario = (c: { readonly MetricName: Expr<"string"> }) =>
  c.MetricName.startsWith(API_PREFIX).and(c.MetricName.notStartsWith(UFD_PREFIX)).or(c.MetricName.eq(DROP_METRIC));

/** `Join`, `CreateView/Local`, ... for API metrics; `Drop` for the leg-drop metric. */
const scenarioOf = (c: Cols<MetricsRow>) =>
  fn.iff(c.MetricName.eq(DROP_METRIC), "Drop", fn.substring(c.MetricName, API_PREFIX.length));

/** sum(success) * 100.0 / sum(legs), rounded to 2 decimals. */
const percent = (part: Expr<"long">, whole: Expr<"long">) => fn.round(part.times(100).div(whole), 2);

const HOW =
  "ACSCallingMetrics holds one row per daily bin (TimestampBin) and combination of dimensions (platform, SDK, OS, " +
  "browser, result, subcode, ...), and a bin can be emitted more than once; every query here first keeps the latest " +
  "emission per bin and combination (`summarize arg_max(TimestampMax, *) by` every dimension, as the Insights " +
  "workbook does), so legs are not counted twice. The window bounds TimeGenerated (lookback) and starts at the first " +
  "whole day of TimestampBin inside it.";

export const callingMetricsLatest = defineEntry({
  id: "calling-metrics-latest",
  title: "ACSCallingMetrics, latest emission per bin and dimensions",
  description:
    "Every ACSCallingMetrics row in the window, deduplicated: for each daily TimestampBin, metric and combination of " +
    "dimensions only the latest emission (highest TimestampMax) is kept. This is the input every reliability and UFD " +
    "calculation should start from; summing LegsDcount over the raw table counts re-emitted bins twice. " +
    `${HOW} Filter: sdkVersions.`,
  category: "reliability",
  tags: ["calling-metrics", "dedupe", "reliability", "ufd", "sdk"],
  query: metrics(),
  visualization: "table",
});

export const scenarioReliabilityOverTime = defineEntry({
  id: "scenario-reliability-over-time",
  title: "SDK scenario reliability per day",
  description:
    "Daily reliability of each Calling SDK scenario — StartCall, AcceptIncomingCall, Join, StartVideo, StopVideo, " +
    "CreateView/Local, CreateView/Remote, CallAgentInit (MetricName reliability/api/<Scenario>) and Drop " +
    "(reliability/leg/Drop, where success means the leg was not dropped) — as the percentage of participant legs that " +
    "succeeded: ReliabilityPct = sum(SuccessLegsDcount) * 100.0 / sum(LegsDcount), the Insights Reliability tab's " +
    "formula; expected errors count as successes there. UFD recovery metrics (reliability/api/UFD/...) are not " +
    `scenarios and are left out. Bins with no legs are dropped. ${HOW} Filter: sdkVersions.`,
  category: "reliability",
  tags: ["reliability", "scenario", "sdk", "join", "start-call", "drop", "trend", "calling-metrics"],
  query: metrics(isScenario)
    .extend((c) => ({ Scenario: scenarioOf(c) }))
    .summarize(
      (c) => ({ Legs: agg.sum(c.LegsDcount), SuccessLegs: agg.sum(c.SuccessLegsDcount), FailedLegs: agg.sum(c.FailedLegsDcount) }),
      ["TimestampBin", "Scenario"],
    )
    .where((c) => c.Legs.gt(0n))
    .extend((c) => ({ ReliabilityPct: percent(c.SuccessLegs, c.Legs) }))
    .orderBy((c) => [
      [c.TimestampBin, "asc"],
      [c.Scenario, "asc"],
    ]),
  visualization: "timechart",
});

export const scenarioReliabilitySummary = defineEntry({
  id: "scenario-reliability-summary",
  title: "SDK scenario reliability over the window",
  description:
    "One row per Calling SDK scenario (as in scenario-reliability-over-time, Drop included) for the whole window: legs, " +
    "succeeded and failed legs, ReliabilityPct = sum(SuccessLegsDcount) * 100.0 / sum(LegsDcount), the number of daily " +
    "bins and the worst day's reliability — lowest reliability first, so the scenario that needs attention leads. " +
    `${HOW} Filter: sdkVersions.`,
  category: "reliability",
  tags: ["reliability", "scenario", "sdk", "summary", "calling-metrics"],
  query: metrics(isScenario)
    .extend((c) => ({ Scenario: scenarioOf(c) }))
    .summarize((c) => ({ Legs: agg.sum(c.LegsDcount), SuccessLegs: agg.sum(c.SuccessLegsDcount) }), ["TimestampBin", "Scenario"])
    .where((c) => c.Legs.gt(0n))
    .summarize(
      (c) => ({
        Legs: agg.sum(c.Legs),
        SuccessLegs: agg.sum(c.SuccessLegs),
        Days: agg.count(),
        WorstDayReliabilityPct: agg.min(percent(c.SuccessLegs, c.Legs)),
      }),
      ["Scenario"],
    )
    .projectAs((c) => ({
      Scenario: c.Scenario,
      Legs: c.Legs,
      SuccessLegs: c.SuccessLegs,
      FailedLegs: c.Legs.minus(c.SuccessLegs),
      ReliabilityPct: percent(c.SuccessLegs, c.Legs),
      WorstDayReliabilityPct: c.WorstDayReliabilityPct,
      Days: c.Days,
    }))
    .orderBy((c) => [
      [c.ReliabilityPct, "asc"],
      [c.Legs, "desc"],
    ]),
  visualization: "table",
});

export const callDropRateOverTime = defineEntry({
  id: "call-drop-rate-over-time",
  title: "Dropped participant legs per day",
  description:
    "Daily share of participant legs that were dropped, from the metric reliability/leg/Drop: a leg succeeds when it " +
    "was not dropped, so DroppedLegs = sum(LegsDcount) - sum(SuccessLegsDcount) and DropRatePct = DroppedLegs * 100.0 " +
    "/ Legs (the complement of the Drop scenario's reliability on the Insights Reliability tab). Days without legs are " +
    `dropped. ${HOW} Filter: sdkVersions.`,
  category: "reliability",
  tags: ["reliability", "drop", "legs", "trend", "calling-metrics"],
  query: metrics((c) => c.MetricName.eq(DROP_METRIC))
    .summarize((c) => ({ Legs: agg.sum(c.LegsDcount), SuccessLegs: agg.sum(c.SuccessLegsDcount) }), ["TimestampBin"])
    .where((c) => c.Legs.gt(0n))
    .projectAs((c) => ({
      TimestampBin: c.TimestampBin,
      Legs: c.Legs,
      DroppedLegs: c.Legs.minus(c.SuccessLegs),
      DropRatePct: percent(c.Legs.minus(c.SuccessLegs), c.Legs),
    }))
    .orderBy("TimestampBin", "asc"),
  visualization: "timechart",
});

/** Failed legs per scenario, result type and subcode; referenced twice, so materialized. */
const failures = letTable(
  "scenarioFailures",
  metrics(isScenario)
    .where((c) => c.FailedLegsDcount.gt(0))
    .extend((c) => ({ Scenario: scenarioOf(c) }))
    .summarize(
      (c) => ({
        FailedLegs: agg.sum(c.FailedLegsDcount),
        Days: agg.dcount(c.TimestampBin),
        Platforms: agg.make_set(c.Platform, 10),
        SdkVersions: agg.make_set(c.SdkVersion, 10),
      }),
      ["Scenario", "ResultType", "SubCode"],
    ),
  { materialize: true },
);

export const reliabilityFailuresBySubcode = defineEntry({
  id: "reliability-failures-by-subcode",
  title: "Failure subcodes per SDK scenario",
  description:
    "The result types and subcodes behind the failed legs of each Calling SDK scenario (Drop included), like the " +
    "Insights Reliability tab's 'Top issues' table: failed legs (sum of FailedLegsDcount), their share of the " +
    "scenario's failed legs, the number of days they occurred on, and the platforms and SDK versions involved; most " +
    "failed legs first. Look the subcode up in the errors area for its meaning and advice. The share comes from " +
    "joining each row to its scenario's total; kind=inner is right because the totals are computed from the same " +
    "rows, so every row finds exactly one total. " +
    `${HOW} Filter: sdkVersions.`,
  category: "reliability",
  tags: ["reliability", "subcode", "failures", "scenario", "top-issues", "calling-metrics"],
  query: from(failures)
    .join(
      "inner",
      from(failures).summarize((c) => ({ ScenarioFailedLegs: agg.sum(c.FailedLegs) }), ["Scenario"]),
      ["Scenario"],
    )
    .projectAs((c) => ({
      Scenario: c.Scenario,
      ResultType: c.ResultType,
      SubCode: c.SubCode,
      FailedLegs: c.FailedLegs,
      ShareOfScenarioFailuresPct: percent(c.FailedLegs, c.ScenarioFailedLegs),
      Days: c.Days,
      Platforms: c.Platforms,
      SdkVersions: c.SdkVersions,
    }))
    .orderBy((c) => [
      [c.FailedLegs, "desc"],
      [c.Scenario, "asc"],
    ]),
  visualization: "table",
});

/** Catalog entries of the 'reliability' area. */
export const entries: readonly CatalogEntry[] = [
  callingMetricsLatest,
  scenarioReliabilityOverTime,
  scenarioReliabilitySummary,
  callDropRateOverTime,
  reliabilityFailuresBySubcode,
];
