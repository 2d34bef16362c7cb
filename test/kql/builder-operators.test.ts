// Every tabular operator of the builder: each test builds a realistic query over the ACS
// tables, asserts the exact KQL, and runs it through Kusto.Language (expectValidQuery),
// which also checks the query's run-time row metadata against the analyzer's result columns.
import { describe, expect, it } from "vitest";
import {
  ACSCallClientOperations,
  ACSCallDiagnostics,
  ACSCallSummary,
  ACSCallSummaryUpdates,
  ACSCallSurvey,
} from "../../src/schema/index.js";
import { agg, BuilderError, datatable, fn, from, letScalar, letTable, toKql, union, type Agg, type Cols, type QueryRowOf } from "../../src/kql/index.js";
import type { JoinKind } from "../../src/kql/index.js";
import { expectValidQuery } from "../helpers/expect-query.js";

const summary = from(ACSCallSummary).where((c) => c.TimeGenerated.gt(fn.ago("1d")));
const diagnostics = from(ACSCallDiagnostics).where((c) => c.TimeGenerated.gt(fn.ago("1d")));
const updates = from(ACSCallSummaryUpdates).where((c) => c.TimeGenerated.gt(fn.ago("1d")));
const survey = from(ACSCallSurvey).where((c) => c.TimeGenerated.gt(fn.ago("1d")));
const clientOps = from(ACSCallClientOperations).where((c) => c.TimeGenerated.gt(fn.ago("1d")));

const SUMMARY = "ACSCallSummary\n| where TimeGenerated > ago(1d)";
const DIAGNOSTICS = "ACSCallDiagnostics\n| where TimeGenerated > ago(1d)";

/** Indents every line by four spaces, as the compiler does for subqueries. */
const indent = (text: string) =>
  text
    .split("\n")
    .map((l) => `    ${l}`)
    .join("\n");

describe("where, project, extend", () => {
  it("where", () => {
    const q = summary.where((c) => c.CallType.eq("Group").and(c.CallDuration.ge(60)));
    expect(expectValidQuery(q)).toBe(`${SUMMARY}
| where CallType == "Group" and CallDuration >= 60`);
    expect(q.columns).toEqual(from(ACSCallSummary).columns);
  });

  it("project keeps the given columns in the given order", () => {
    const q = summary.project("ParticipantId", "CorrelationId", "CallDuration");
    expect(expectValidQuery(q)).toBe(`${SUMMARY}
| project ParticipantId, CorrelationId, CallDuration`);
    expect(Object.keys(q.columns)).toEqual(["ParticipantId", "CorrelationId", "CallDuration"]);
  });

  it("projectAs with computed columns and aliases", () => {
    const q = summary.projectAs((c) => ({
      CallId: c.CorrelationId,
      CallType: c.CallType,
      Minutes: c.CallDuration.div(60n),
      Day: fn.startofday(c.CallStartTime),
    }));
    expect(expectValidQuery(q)).toBe(`${SUMMARY}
| project CallId = CorrelationId, CallType, Minutes = CallDuration / 60, Day = startofday(CallStartTime)`);
    expect(q.columns).toEqual({ CallId: "string", CallType: "string", Minutes: "long", Day: "datetime" });
  });

  it("projectAway drops columns and keeps the order of the rest", () => {
    const q = summary.projectAway("CallDebuggingInfo", "DiagnosticOptions", "_BilledSize");
    expect(expectValidQuery(q)).toBe(`${SUMMARY}
| project-away CallDebuggingInfo, DiagnosticOptions, _BilledSize`);
    expect(Object.keys(q.columns)).toEqual(Object.keys(from(ACSCallSummary).columns).filter((n) => !["CallDebuggingInfo", "DiagnosticOptions", "_BilledSize"].includes(n)));
  });

  it("projectRename renames in place", () => {
    const q = summary.projectRename({ CallId: "CorrelationId", Seconds: "CallDuration" });
    expect(expectValidQuery(q)).toBe(`${SUMMARY}
| project-rename CallId = CorrelationId, Seconds = CallDuration`);
    const before = Object.keys(from(ACSCallSummary).columns);
    expect(Object.keys(q.columns).indexOf("CallId")).toBe(before.indexOf("CorrelationId"));
    expect(q.columns.Seconds).toBe("long");
  });

  it("extend adds new columns at the end", () => {
    const q = summary.extend((c) => ({ Minutes: c.CallDuration.div(60n), IsGroup: c.CallType.eq("Group") }));
    expect(expectValidQuery(q)).toBe(`${SUMMARY}
| extend Minutes = CallDuration / 60, IsGroup = CallType == "Group"`);
    expect(Object.keys(q.columns).slice(-2)).toEqual(["Minutes", "IsGroup"]);
  });

  it("extend replacing an existing column keeps its position and takes the new type", () => {
    const q = summary.extend((c) => ({ CallDuration: c.CallDuration.div(60), Minutes: c.CallDuration.div(60n) }));
    // The analyzer keeps a replaced column where it was (checked by expectValidQuery).
    expect(expectValidQuery(q)).toBe(`${SUMMARY}
| extend CallDuration = CallDuration / 60.0, Minutes = CallDuration / 60`);
    const before = Object.keys(from(ACSCallSummary).columns);
    expect(Object.keys(q.columns).indexOf("CallDuration")).toBe(before.indexOf("CallDuration"));
    expect(q.columns.CallDuration).toBe("real");
  });
});

describe("summarize", () => {
  type DiagCols = Cols<QueryRowOf<typeof diagnostics>>;
  const cases: [string, (c: DiagCols) => Record<string, Agg>, string, Record<string, string>][] = [
    ["count", () => ({ streams: agg.count() }), "streams = count()", { streams: "long" }],
    ["countif", (c) => ({ poor: agg.countif(c.JitterAvg.gt(30)) }), "poor = countif(JitterAvg > 30)", { poor: "long" }],
    ["dcount", (c) => ({ calls: agg.dcount(c.CorrelationId) }), "calls = dcount(CorrelationId)", { calls: "long" }],
    [
      "dcountif",
      (c) => ({ lossyCalls: agg.dcountif(c.CorrelationId, c.PacketLossRateAvg.gt(0.1)) }),
      "lossyCalls = dcountif(CorrelationId, PacketLossRateAvg > 0.1)",
      { lossyCalls: "long" },
    ],
    [
      "sum (int widens to long; real stays real)",
      (c) => ({ packets: agg.sum(c.PacketUtilization), bytes: agg.sum(c._BilledSize) }),
      "packets = sum(PacketUtilization), bytes = sum(_BilledSize)",
      { packets: "long", bytes: "real" },
    ],
    [
      "sumif",
      (c) => ({ inbound: agg.sumif(c.PacketUtilization, c.StreamDirection.eq("Inbound")) }),
      'inbound = sumif(PacketUtilization, StreamDirection == "Inbound")',
      { inbound: "long" },
    ],
    ["avg", (c) => ({ jitter: agg.avg(c.JitterAvg) }), "jitter = avg(JitterAvg)", { jitter: "real" }],
    [
      "avgif",
      (c) => ({ udpRtt: agg.avgif(c.RoundTripTimeAvg, c.TransportType.eq("UDP")) }),
      'udpRtt = avgif(RoundTripTimeAvg, TransportType == "UDP")',
      { udpRtt: "real" },
    ],
    [
      "min",
      (c) => ({ oldest: agg.min(c.TimeGenerated), bestJitter: agg.min(c.JitterAvg) }),
      "oldest = min(TimeGenerated), bestJitter = min(JitterAvg)",
      { oldest: "datetime", bestJitter: "int" },
    ],
    [
      "max",
      (c) => ({ worstJitter: agg.max(c.JitterMax), lastCodec: agg.max(c.CodecName) }),
      "worstJitter = max(JitterMax), lastCodec = max(CodecName)",
      { worstJitter: "int", lastCodec: "string" },
    ],
    [
      "percentile (int widens to long; real stays real)",
      (c) => ({ rttP95: agg.percentile(c.RoundTripTimeAvg, 95), lossP999: agg.percentile(c.PacketLossRateAvg, 99.9) }),
      "rttP95 = percentile(RoundTripTimeAvg, 95), lossP999 = percentile(PacketLossRateAvg, 99.9)",
      { rttP95: "long", lossP999: "real" },
    ],
    [
      "percentiles (spread)",
      (c) => ({ ...agg.percentiles(c.JitterAvg, { p50: 50, p95: 95, p99: 99 }) }),
      "(p50, p95, p99) = percentiles(JitterAvg, 50, 95, 99)",
      { p50: "long", p95: "long", p99: "long" },
    ],
    [
      "percentiles of a datetime",
      (c) => ({ ...agg.percentiles(c.TimeGenerated, { early: 5, late: 95 }) }),
      "(early, late) = percentiles(TimeGenerated, 5, 95)",
      { early: "datetime", late: "datetime" },
    ],
    [
      "arg_max (spread)",
      (c) => ({ ...agg.argMax({ worstJitter: c.JitterMax }, { worstCall: c.CorrelationId, at: c.TimeGenerated }) }),
      "(worstJitter, worstCall, at) = arg_max(JitterMax, CorrelationId, TimeGenerated)",
      { worstJitter: "int", worstCall: "string", at: "datetime" },
    ],
    [
      "arg_min (spread)",
      (c) => ({ ...agg.argMin({ firstSeen: c.TimeGenerated }, { firstCodec: c.CodecName }) }),
      "(firstSeen, firstCodec) = arg_min(TimeGenerated, CodecName)",
      { firstSeen: "datetime", firstCodec: "string" },
    ],
    [
      "make_list",
      (c) => ({ codecs: agg.make_list(c.CodecName), someCalls: agg.make_list(c.CorrelationId, 10) }),
      "codecs = make_list(CodecName), someCalls = make_list(CorrelationId, 10)",
      { codecs: "dynamic", someCalls: "dynamic" },
    ],
    ["make_set", (c) => ({ codecs: agg.make_set(c.CodecName, 100) }), "codecs = make_set(CodecName, 100)", { codecs: "dynamic" }],
    [
      "take_any",
      (c) => ({ anyCodec: agg.take_any(c.CodecName), anyStream: agg.take_any(c.StreamId) }),
      "anyCodec = take_any(CodecName), anyStream = take_any(StreamId)",
      { anyCodec: "string", anyStream: "long" },
    ],
  ];

  it.each(cases)("%s", (_name, aggregates, text, types) => {
    const q = diagnostics.summarize(aggregates, ["MediaType"]);
    expect(expectValidQuery(q)).toBe(`${DIAGNOSTICS}
| summarize ${text} by MediaType`);
    expect(q.columns).toEqual({ MediaType: "string", ...types });
  });

  it("mixes single- and multi-column aggregations, keys first", () => {
    const q = diagnostics.summarize(
      (c) => ({ streams: agg.count(), ...agg.percentiles(c.RoundTripTimeAvg, { rttP50: 50, rttP95: 95 }), jitter: agg.avg(c.JitterAvg) }),
      ["MediaType", "StreamDirection"],
    );
    expect(expectValidQuery(q)).toBe(`${DIAGNOSTICS}
| summarize streams = count(), (rttP50, rttP95) = percentiles(RoundTripTimeAvg, 50, 95), jitter = avg(JitterAvg) by MediaType, StreamDirection`);
    expect(Object.keys(q.columns)).toEqual(["MediaType", "StreamDirection", "streams", "rttP50", "rttP95", "jitter"]);
  });

  it("without grouping keys", () => {
    const q = diagnostics.summarize((c) => ({ streams: agg.count(), calls: agg.dcount(c.CorrelationId) }));
    expect(expectValidQuery(q)).toBe(`${DIAGNOSTICS}
| summarize streams = count(), calls = dcount(CorrelationId)`);
  });

  it("by a callback with bin() on a datetime", () => {
    const q = summary.summarize(
      (c) => ({ calls: agg.dcount(c.CorrelationId) }),
      (c) => ({ Hour: fn.bin(c.CallStartTime, "1h"), CallType: c.CallType }),
    );
    expect(expectValidQuery(q)).toBe(`${SUMMARY}
| summarize calls = dcount(CorrelationId) by Hour = bin(CallStartTime, 1h), CallType`);
    expect(q.columns).toEqual({ Hour: "datetime", CallType: "string", calls: "long" });
  });

  it("by a callback with bin() on a number", () => {
    const q = diagnostics.summarize(
      () => ({ streams: agg.count() }),
      (c) => ({ JitterBucket: fn.bin(c.JitterAvg, 10), LossBucket: fn.bin(c.PacketLossRateAvg, 0.05) }),
    );
    expect(expectValidQuery(q)).toBe(`${DIAGNOSTICS}
| summarize streams = count() by JitterBucket = bin(JitterAvg, 10), LossBucket = bin(PacketLossRateAvg, 0.05)`);
    // bin() of an int column is a long in Kusto.
    expect(q.columns).toEqual({ JitterBucket: "long", LossBucket: "real", streams: "long" });
  });

  it("with hint.shufflekey", () => {
    const q = summary.summarize((c) => ({ participants: agg.count(), longest: agg.max(c.ParticipantDuration) }), ["CorrelationId"], {
      shuffleKey: "CorrelationId",
    });
    expect(expectValidQuery(q)).toBe(`${SUMMARY}
| summarize hint.shufflekey=CorrelationId participants = count(), longest = max(ParticipantDuration) by CorrelationId`);
  });

  it("latestBy keeps the highest CallUpdatesVersion per participant (arg_max(x, *))", () => {
    const q = updates.latestBy("CallUpdatesVersion", ["CorrelationId", "ParticipantId"]);
    expect(expectValidQuery(q)).toBe(`ACSCallSummaryUpdates
| where TimeGenerated > ago(1d)
| summarize arg_max(CallUpdatesVersion, *) by CorrelationId, ParticipantId`);
    // Keys first, then the maximised column, then the rest in table order.
    expect(Object.keys(q.columns).slice(0, 3)).toEqual(["CorrelationId", "ParticipantId", "CallUpdatesVersion"]);
    expect(Object.keys(q.columns).sort()).toEqual(Object.keys(from(ACSCallSummaryUpdates).columns).sort());
  });
});

describe("order by, top, take, distinct", () => {
  it("orderBy a column name", () => {
    const q = summary.project("CorrelationId", "CallDuration").orderBy("CallDuration", "desc");
    expect(expectValidQuery(q)).toBe(`${SUMMARY}
| project CorrelationId, CallDuration
| order by CallDuration desc`);
  });

  it("orderBy a callback with several keys", () => {
    const q = summary.orderBy((c) => [
      [c.CallType, "asc"],
      [c.CallDuration.div(60n), "desc"],
      [fn.startofday(c.CallStartTime), "asc"],
    ]);
    expect(expectValidQuery(q)).toBe(`${SUMMARY}
| order by CallType asc, CallDuration / 60 desc, startofday(CallStartTime) asc`);
  });

  it("top by a column and by an expression", () => {
    const byName = summary.top(10, "CallDuration", "desc");
    expect(expectValidQuery(byName)).toBe(`${SUMMARY}
| top 10 by CallDuration desc`);
    const byExpr = diagnostics.top(5, (c) => c.JitterAvg.plus(c.RoundTripTimeAvg), "desc");
    expect(expectValidQuery(byExpr)).toBe(`${DIAGNOSTICS}
| top 5 by JitterAvg + RoundTripTimeAvg desc`);
  });

  it("take", () => {
    expect(expectValidQuery(summary.take(100))).toBe(`${SUMMARY}
| take 100`);
  });

  it("distinct", () => {
    const q = summary.distinct("CallType", "EndpointType");
    expect(expectValidQuery(q)).toBe(`${SUMMARY}
| distinct CallType, EndpointType`);
    expect(q.columns).toEqual({ CallType: "string", EndpointType: "string" });
  });
});

describe("join", () => {
  const left = summary.project("CorrelationId", "ParticipantId", "CallType", "CallDuration");
  const right = diagnostics.summarize((c) => ({ streams: agg.count(), jitter: agg.avg(c.JitterAvg) }), ["CorrelationId", "ParticipantId"]);
  const LEFT = `${SUMMARY}
| project CorrelationId, ParticipantId, CallType, CallDuration`;
  const RIGHT = `${DIAGNOSTICS}
| summarize streams = count(), jitter = avg(JitterAvg) by CorrelationId, ParticipantId`;
  const both = ["CorrelationId", "ParticipantId", "CallType", "CallDuration", "CorrelationId1", "ParticipantId1", "streams", "jitter"];
  const leftOnly = ["CorrelationId", "ParticipantId", "CallType", "CallDuration"];
  const rightOnly = ["CorrelationId", "ParticipantId", "streams", "jitter"];
  const kinds: [JoinKind, string[]][] = [
    ["inner", both],
    ["innerunique", both],
    ["leftouter", both],
    ["rightouter", both],
    ["fullouter", both],
    ["leftsemi", leftOnly],
    ["leftanti", leftOnly],
    ["rightsemi", rightOnly],
    ["rightanti", rightOnly],
  ];

  it.each(kinds)("kind=%s on two keys", (kind, columns) => {
    const q = left.join(kind, right, ["CorrelationId", "ParticipantId"]);
    expect(expectValidQuery(q)).toBe(`${LEFT}
| join kind=${kind} (
${indent(RIGHT)}
) on CorrelationId, ParticipantId`);
    expect(Object.keys(q.columns)).toEqual(columns);
  });

  it("on three keys", () => {
    const q = summary
      .project("CorrelationId", "ParticipantId", "EndpointId", "SdkVersion")
      .join("inner", diagnostics.project("CorrelationId", "ParticipantId", "EndpointId", "MediaType", "JitterAvg"), ["CorrelationId", "ParticipantId", "EndpointId"]);
    expect(expectValidQuery(q)).toBe(`${SUMMARY}
| project CorrelationId, ParticipantId, EndpointId, SdkVersion
| join kind=inner (
${indent(`${DIAGNOSTICS}
| project CorrelationId, ParticipantId, EndpointId, MediaType, JitterAvg`)}
) on CorrelationId, ParticipantId, EndpointId`);
    expect(Object.keys(q.columns)).toEqual([
      "CorrelationId", "ParticipantId", "EndpointId", "SdkVersion", "CorrelationId1", "ParticipantId1", "EndpointId1", "MediaType", "JitterAvg",
    ]);
  });

  it("on [left, right] pairs ($left.a == $right.b) mixed with a shared name", () => {
    const q = summary
      .project("CorrelationId", "ParticipantId", "CallType")
      .join("inner", survey.project("CallId", "ParticipantId", "OverallRatingScore"), [["CorrelationId", "CallId"], "ParticipantId"]);
    expect(expectValidQuery(q)).toBe(`${SUMMARY}
| project CorrelationId, ParticipantId, CallType
| join kind=inner (
    ACSCallSurvey
    | where TimeGenerated > ago(1d)
    | project CallId, ParticipantId, OverallRatingScore
) on $left.CorrelationId == $right.CallId, ParticipantId`);
    // A right key with another name than its left key is kept as it is.
    expect(Object.keys(q.columns)).toEqual(["CorrelationId", "ParticipantId", "CallType", "CallId", "ParticipantId1", "OverallRatingScore"]);
  });

  it.each([
    [{ strategy: "broadcast" } as const, "hint.strategy=broadcast"],
    [{ strategy: "shuffle" } as const, "hint.strategy=shuffle"],
    [{ shuffleKey: "CorrelationId" }, "hint.shufflekey=CorrelationId"],
  ])("with hints %o", (hints, text) => {
    const q = left.join("inner", right, ["CorrelationId", "ParticipantId"], hints);
    expect(expectValidQuery(q)).toBe(`${LEFT}
| join kind=inner ${text} (
${indent(RIGHT)}
) on CorrelationId, ParticipantId`);
  });
});

describe("lookup", () => {
  const dimension = summary.project("CorrelationId", "ParticipantId", "CallType", "EndpointType");
  const DIMENSION = `${SUMMARY}
| project CorrelationId, ParticipantId, CallType, EndpointType`;

  it("default kind is leftouter; right key columns are dropped and clashes renamed", () => {
    const q = diagnostics.project("CorrelationId", "ParticipantId", "EndpointType", "JitterAvg").lookup(dimension, ["CorrelationId", "ParticipantId"]);
    expect(expectValidQuery(q)).toBe(`${DIAGNOSTICS}
| project CorrelationId, ParticipantId, EndpointType, JitterAvg
| lookup kind=leftouter (
${indent(DIMENSION)}
) on CorrelationId, ParticipantId`);
    expect(Object.keys(q.columns)).toEqual(["CorrelationId", "ParticipantId", "EndpointType", "JitterAvg", "CallType", "EndpointType1"]);
  });

  it("kind=inner", () => {
    const q = diagnostics.project("CorrelationId", "ParticipantId", "JitterAvg").lookup(dimension, ["CorrelationId", "ParticipantId"], "inner");
    expect(expectValidQuery(q)).toBe(`${DIAGNOSTICS}
| project CorrelationId, ParticipantId, JitterAvg
| lookup kind=inner (
${indent(DIMENSION)}
) on CorrelationId, ParticipantId`);
    expect(Object.keys(q.columns)).toEqual(["CorrelationId", "ParticipantId", "JitterAvg", "CallType", "EndpointType"]);
  });

  it("with a [left, right] pair key drops the right key column", () => {
    // ACSCallSurvey has its own CorrelationId (the participant ID); the right side's
    // CorrelationId is the key, so it is dropped and nothing clashes.
    const q = survey
      .project("CallId", "CorrelationId", "ParticipantId", "OverallRatingScore")
      .lookup(dimension, [["CallId", "CorrelationId"], "ParticipantId"], "inner");
    expect(expectValidQuery(q)).toBe(`ACSCallSurvey
| where TimeGenerated > ago(1d)
| project CallId, CorrelationId, ParticipantId, OverallRatingScore
| lookup kind=inner (
${indent(DIMENSION)}
) on $left.CallId == $right.CorrelationId, ParticipantId`);
    expect(Object.keys(q.columns)).toEqual(["CallId", "CorrelationId", "ParticipantId", "OverallRatingScore", "CallType", "EndpointType"]);
  });
});

describe("union", () => {
  it("operator, with the same columns on both sides", () => {
    const q = summary.project("CorrelationId", "CallType").union(updates.project("CorrelationId", "CallType"));
    expect(expectValidQuery(q)).toBe(`${SUMMARY}
| project CorrelationId, CallType
| union (
    ACSCallSummaryUpdates
    | where TimeGenerated > ago(1d)
    | project CorrelationId, CallType
)`);
    expect(q.columns).toEqual({ CorrelationId: "string", CallType: "string" });
  });

  it("operator, with a column of two types (name_type, side by side)", () => {
    const q = summary
      .projectAs((c) => ({ Result: c.ResultCategory, CallId: c.CorrelationId }))
      .union(clientOps.projectAs((c) => ({ CallId: c.CallId, Result: c.ResultSignature, Operation: c.OperationName })));
    expect(expectValidQuery(q)).toBe(`${SUMMARY}
| project Result = ResultCategory, CallId = CorrelationId
| union (
    ACSCallClientOperations
    | where TimeGenerated > ago(1d)
    | project CallId, Result = ResultSignature, Operation = OperationName
)`);
    expect(Object.keys(q.columns)).toEqual(["Result_string", "Result_int", "CallId", "Operation"]);
    expect(q.columns).toEqual({ Result_string: "string", Result_int: "int", CallId: "string", Operation: "string" });
  });

  it("union() as a source", () => {
    const q = union(
      summary.projectAs((c) => ({ CallId: c.CorrelationId, Seconds: c.CallDuration })),
      clientOps.projectAs((c) => ({ CallId: c.CallId, Seconds: c.DurationMs.div(1000n), Operation: c.OperationName })),
    ).summarize((c) => ({ rows: agg.count(), seconds: agg.sum(c.Seconds) }), ["CallId"]);
    expect(expectValidQuery(q)).toBe(`union (
    ACSCallSummary
    | where TimeGenerated > ago(1d)
    | project CallId = CorrelationId, Seconds = CallDuration
), (
    ACSCallClientOperations
    | where TimeGenerated > ago(1d)
    | project CallId, Seconds = DurationMs / 1000, Operation = OperationName
)
| summarize rows = count(), seconds = sum(Seconds) by CallId`);
  });

  it("union() as a source, with a column of two types", () => {
    const q = union(
      summary.projectAs((c) => ({ Result: c.ResultCategory, CallId: c.CorrelationId })),
      clientOps.projectAs((c) => ({ CallId: c.CallId, Result: c.ResultSignature })),
    );
    expect(expectValidQuery(q)).toBe(`union (
    ACSCallSummary
    | where TimeGenerated > ago(1d)
    | project Result = ResultCategory, CallId = CorrelationId
), (
    ACSCallClientOperations
    | where TimeGenerated > ago(1d)
    | project CallId, Result = ResultSignature
)`);
    expect(Object.keys(q.columns)).toEqual(["Result_string", "Result_int", "CallId"]);
  });
});

describe("mv-expand, make-series, render, as", () => {
  it("mvExpand with a limit and a `to typeof()` type", () => {
    const q = clientOps
      .extend((c) => ({ Tokens: fn.split(c.UserAgent, " ") }))
      .mvExpand("Tokens", { limit: 20, to: "string" })
      .summarize(() => ({ n: agg.count() }), ["Tokens"]);
    expect(expectValidQuery(q)).toBe(`ACSCallClientOperations
| where TimeGenerated > ago(1d)
| extend Tokens = split(UserAgent, " ")
| mv-expand Tokens to typeof(string) limit 20
| summarize n = count() by Tokens`);
    expect(q.columns).toEqual({ Tokens: "string", n: "long" });
  });

  it("mvExpand without a type keeps dynamic, and the column keeps its position", () => {
    const q = clientOps.mvExpand("OperationPayload", { limit: 100 });
    expect(expectValidQuery(q)).toBe(`ACSCallClientOperations
| where TimeGenerated > ago(1d)
| mv-expand OperationPayload limit 100`);
    expect(Object.keys(q.columns)).toEqual(Object.keys(from(ACSCallClientOperations).columns));
    expect(q.columns.OperationPayload).toBe("dynamic");
  });

  it("makeSeries with from, to, step and by", () => {
    const q = summary.makeSeries((c) => ({ calls: agg.dcount(c.CorrelationId), seconds: agg.sum(c.CallDuration) }), {
      on: "CallStartTime",
      from: fn.ago("1d"),
      to: fn.now(),
      step: "1h",
      by: ["CallType"],
    });
    expect(expectValidQuery(q)).toBe(`${SUMMARY}
| make-series calls = dcount(CorrelationId) default=0, seconds = sum(CallDuration) default=0 on CallStartTime from ago(1d) to now() step 1h by CallType`);
    expect(Object.keys(q.columns)).toEqual(["CallType", "calls", "seconds", "CallStartTime"]);
    expect(q.columns).toEqual({ CallType: "string", calls: "dynamic", seconds: "dynamic", CallStartTime: "dynamic" });
  });

  it("makeSeries with a real default and no range", () => {
    const q = diagnostics.makeSeries((c) => ({ jitter: agg.avg(c.JitterAvg) }), { on: "TimeGenerated", step: "15m", default: 0.5 });
    expect(expectValidQuery(q)).toBe(`${DIAGNOSTICS}
| make-series jitter = avg(JitterAvg) default=0.5 on TimeGenerated step 15m`);
  });

  it("render with title, xtitle and ytitle (quotes escaped)", () => {
    const q = summary
      .summarize((c) => ({ calls: agg.dcount(c.CorrelationId) }), (c) => ({ Hour: fn.bin(c.CallStartTime, "1h") }))
      .render("timechart", { title: 'Calls "by" hour \\ UTC', xtitle: "Hour", ytitle: "Calls" });
    expect(expectValidQuery(q)).toBe(`${SUMMARY}
| summarize calls = dcount(CorrelationId) by Hour = bin(CallStartTime, 1h)
| render timechart with (title="Calls \\"by\\" hour \\\\ UTC", xtitle="Hour", ytitle="Calls")`);
  });

  it("as", () => {
    const q = summary.summarize(() => ({ calls: agg.count() }), ["CallType"]).as("CallsByType");
    expect(expectValidQuery(q)).toBe(`${SUMMARY}
| summarize calls = count() by CallType
| as CallsByType`);
  });
});

describe("let, datatable", () => {
  it("letTable, plain", () => {
    const calls = letTable("recentCalls", summary.project("CorrelationId", "CallType", "CallDuration"));
    const q = from(calls).summarize((c) => ({ calls: agg.dcount(c.CorrelationId), seconds: agg.sum(c.CallDuration) }), ["CallType"]);
    expect(expectValidQuery(q)).toBe(`let recentCalls = (
${indent(`${SUMMARY}
| project CorrelationId, CallType, CallDuration`)}
);
recentCalls
| summarize calls = dcount(CorrelationId), seconds = sum(CallDuration) by CallType`);
  });

  it("letTable with materialize, referenced twice, is defined once", () => {
    const calls = letTable("calls", summary.project("CorrelationId", "ParticipantId", "CallType"), { materialize: true });
    const q = from(calls)
      .summarize(() => ({ participants: agg.count() }), ["CallType"])
      .join("inner", from(calls).summarize((c) => ({ calls: agg.dcount(c.CorrelationId) }), ["CallType"]), ["CallType"]);
    expect(expectValidQuery(q)).toBe(`let calls = materialize(
${indent(`${SUMMARY}
| project CorrelationId, ParticipantId, CallType`)}
);
calls
| summarize participants = count() by CallType
| join kind=inner (
    calls
    | summarize calls = dcount(CorrelationId) by CallType
) on CallType`);
    expect(Object.keys(q.columns)).toEqual(["CallType", "participants", "CallType1", "calls"]);
  });

  it("letScalar, including a let that depends on another let", () => {
    const since = letScalar("since", fn.ago("7d"));
    const until = letScalar("until", since.addSpan("1d"));
    const q = from(ACSCallSummary)
      .where((c) => c.TimeGenerated.between(since, until).and(c.CallStartTime.ge(since)))
      .summarize(() => ({ calls: agg.count() }), ["CallType"]);
    expect(expectValidQuery(q)).toBe(`let since = ago(7d);
let until = since + 1d;
ACSCallSummary
| where TimeGenerated between (since .. until) and CallStartTime >= since
| summarize calls = count() by CallType`);
  });

  const codes = datatable({ Code: "string", Meaning: "string", Retry: "bool", Seconds: "long" }, [
    { Code: "0", Meaning: 'Success, "clean" hang-up', Retry: false, Seconds: 0n },
    { Code: "487", Meaning: "Caller's cancel \\ timeout\n", Retry: null, Seconds: null },
    { Code: "", Meaning: "", Retry: true, Seconds: 30 },
  ]);
  const CODES = `datatable(Code:string, Meaning:string, Retry:bool, Seconds:long) [
    "0", "Success, \\"clean\\" hang-up", false, 0,
    "487", "Caller's cancel \\\\ timeout\\n", bool(null), long(null),
    "", "", true, 30,
]`;

  it("datatable with nulls and escaped strings", () => {
    const q = codes.where((c) => c.Retry.eq(true));
    expect(expectValidQuery(q)).toBe(`${CODES}
| where Retry == true`);
    expect(q.columns).toEqual({ Code: "string", Meaning: "string", Retry: "bool", Seconds: "long" });
  });

  it("datatable of every type, with a row of nulls", () => {
    const q = datatable({ I: "int", R: "real", T: "datetime", S: "timespan", G: "guid", D: "dynamic", B: "bool", L: "long", Str: "string" }, [
      { I: 5, R: 1, T: "2024-01-02T03:04:05.5Z", S: "1.5h", G: "0F8FAD5B-D9CB-469F-A165-70867728950E", D: { a: [1, "x"] }, B: true, L: 9007199254740993n, Str: "tab\there" },
      { I: null, R: null, T: null, S: null, G: null, D: null, B: null, L: null, Str: null },
    ]);
    expect(expectValidQuery(q)).toBe(`datatable(I:int, R:real, T:datetime, S:timespan, G:guid, D:dynamic, B:bool, L:long, Str:string) [
    5, 1.0, datetime(2024-01-02T03:04:05.5000000Z), 90m, guid(0f8fad5b-d9cb-469f-a165-70867728950e), dynamic({"a":[1,"x"]}), true, 9007199254740993, "tab\\there",
    int(null), real(null), datetime(null), time(null), guid(null), dynamic(null), bool(null), long(null), "",
]`);
  });

  it("datatable with no rows", () => {
    const q = datatable({ Code: "string", N: "int" }, []);
    expect(expectValidQuery(q)).toBe("datatable(Code:string, N:int) []");
  });

  it("datatable joined against a table", () => {
    const q = summary.project("CorrelationId", "ParticipantEndReason").join("leftouter", codes, [["ParticipantEndReason", "Code"]]);
    expect(expectValidQuery(q)).toBe(`${SUMMARY}
| project CorrelationId, ParticipantEndReason
| join kind=leftouter (
${indent(CODES)}
) on $left.ParticipantEndReason == $right.Code`);
    expect(Object.keys(q.columns)).toEqual(["CorrelationId", "ParticipantEndReason", "Code", "Meaning", "Retry", "Seconds"]);
  });

  it("datatable looked up from a table", () => {
    const q = summary.project("CorrelationId", "ParticipantEndReason").lookup(codes, [["ParticipantEndReason", "Code"]]);
    expect(expectValidQuery(q)).toBe(`${SUMMARY}
| project CorrelationId, ParticipantEndReason
| lookup kind=leftouter (
${indent(CODES)}
) on $left.ParticipantEndReason == $right.Code`);
    expect(Object.keys(q.columns)).toEqual(["CorrelationId", "ParticipantEndReason", "Meaning", "Retry", "Seconds"]);
  });
});

describe("builder errors name the operator and the fix", () => {
  const fix = "use one of: ";

  it("unknown columns in operators that take names", () => {
    // Each call is also a compile-time error; the run-time check covers untyped callers.
    // @ts-expect-error unknown column
    expect(() => summary.project("CallTyp")).toThrow(/^project: unknown column 'CallTyp' — use one of: TenantId, /);
    // @ts-expect-error unknown column
    expect(() => summary.projectAway("CallTyp", "Nope")).toThrow(/^project-away: unknown columns 'CallTyp', 'Nope' — use one of: /);
    // @ts-expect-error unknown column
    expect(() => summary.projectRename({ CallId: "CorrelationID" })).toThrow(/^project-rename: unknown column 'CorrelationID' — use one of: /);
    // @ts-expect-error unknown column
    expect(() => summary.distinct("CallTyp")).toThrow(/^distinct: unknown column 'CallTyp' — use one of: /);
    // @ts-expect-error unknown column
    expect(() => summary.orderBy("CallTyp", "asc")).toThrow(/^order by: unknown column 'CallTyp' — use one of: /);
    // @ts-expect-error unknown column
    expect(() => summary.top(5, "CallTyp", "desc")).toThrow(/^top: unknown column 'CallTyp' — use one of: /);
    // @ts-expect-error unknown column
    expect(() => clientOps.mvExpand("Payload", { limit: 10 })).toThrow(/^mv-expand: unknown column 'Payload' — use one of: /);
    // @ts-expect-error unknown column
    expect(() => summary.makeSeries(() => ({ n: agg.count() }), { on: "StartTime", step: "1h" })).toThrow(
      /^make-series: unknown column 'StartTime' — use one of: /,
    );
    // @ts-expect-error unknown column
    expect(() => summary.makeSeries(() => ({ n: agg.count() }), { on: "CallStartTime", step: "1h", by: ["Kind"] })).toThrow(
      /^make-series: unknown column 'Kind' — use one of: /,
    );
    // @ts-expect-error unknown column
    expect(() => summary.summarize(() => ({ n: agg.count() }), ["Kind"])).toThrow(/^summarize by: unknown column 'Kind' — use one of: /);
    // @ts-expect-error unknown column
    expect(() => updates.latestBy("Version", ["CorrelationId"])).toThrow(/^latestBy: unknown column 'Version' — use one of: /);
    for (const thrower of [
      // @ts-expect-error unknown column
      () => summary.project("x"),
      // @ts-expect-error unknown column
      () => summary.distinct("x"),
    ]) {
      expect(thrower).toThrow(BuilderError);
      expect(thrower).toThrow(fix);
    }
  });

  it("unknown join and lookup keys, on either side", () => {
    // @ts-expect-error MediaType is only on the right
    expect(() => summary.join("inner", diagnostics, ["MediaType"])).toThrow(/^join \(left side\): unknown column 'MediaType' — use one of: /);
    // @ts-expect-error CallDuration is only on the left
    expect(() => summary.join("inner", diagnostics, [["CorrelationId", "CallDuration"]])).toThrow(
      /^join: right side has no column 'CallDuration' — use one of: TenantId, /,
    );
    // @ts-expect-error CallId is only on the right
    expect(() => summary.lookup(survey, [["CallID", "CallId"]])).toThrow(/^lookup \(left side\): unknown column 'CallID' — use one of: /);
    // @ts-expect-error Nope is on neither side
    expect(() => summary.lookup(survey, [["CorrelationId", "Nope"]])).toThrow(/^lookup: right side has no column 'Nope' — use one of: /);
    expect(() => summary.join("inner", diagnostics, [])).toThrow(/^join: no join keys — pass at least one column name or \[left, right\] pair/);
  });

  it("take and top need a whole, non-negative row count", () => {
    expect(() => summary.take(-1)).toThrow(/^take: -1 is not a non-negative integer — pass a whole number of rows$/);
    expect(() => summary.take(1.5)).toThrow(/^take: 1.5 is not a non-negative integer — pass a whole number of rows$/);
    expect(() => summary.top(Number.NaN, "CallDuration", "desc")).toThrow(/^top: NaN is not a non-negative integer/);
    expect(() => clientOps.mvExpand("OperationPayload", { limit: -5 })).toThrow(/^mv-expand limit: -5 is not a non-negative integer/);
  });

  it("percentile outside 0..100", () => {
    expect(() => diagnostics.summarize((c) => ({ p: agg.percentile(c.JitterAvg, 101) }))).toThrow(
      /^percentile 101 is outside 0\.\.100 — pass a percentage such as 50, 95 or 99\.9$/,
    );
    expect(() => diagnostics.summarize((c) => agg.percentiles(c.JitterAvg, { low: -1 }))).toThrow(/^percentile -1 is outside 0\.\.100/);
  });

  it("a partly used percentiles or arg_max result", () => {
    expect(() =>
      diagnostics.summarize((c) => {
        const { p50 } = agg.percentiles(c.JitterAvg, { p50: 50, p95: 95 });
        return { p50 };
      }),
    ).toThrow(/^summarize: a percentiles result is only partly used — spread all of its columns into summarize \(\.\.\.agg\.percentiles\(\.\.\.\)\)$/);
    expect(() =>
      diagnostics.summarize((c) => {
        const { worst } = agg.argMax({ worst: c.JitterMax }, { call: c.CorrelationId });
        return { worst };
      }),
    ).toThrow(/^summarize: a arg_max result is only partly used/);
  });

  it("make-series with a multi-column aggregation", () => {
    expect(() =>
      diagnostics.makeSeries((c) => ({ ...agg.percentiles(c.JitterAvg, { p50: 50, p95: 95 }) }), { on: "TimeGenerated", step: "1h" }),
    ).toThrow(/^make-series: 'p50' is a multi-column aggregation — use single-column aggregations in make-series$/);
  });

  it("a let name defined twice with different values", () => {
    const a = letTable("calls", summary.project("CorrelationId"));
    const b = letTable("calls", updates.project("CorrelationId"));
    expect(() => toKql(from(a).union(from(b)))).toThrow(/^let 'calls' is defined twice with different values — give each parameter and let a distinct name$/);
    const x = letScalar("since", fn.ago("1d"));
    const y = letScalar("since", fn.ago("7d"));
    expect(() => toKql(summary.where((c) => c.CallStartTime.between(x, y)))).toThrow(/^let 'since' is defined twice with different values/);
  });

  it("order by without a valid direction, and a bad join kind", () => {
    // @ts-expect-error the direction must be "asc" or "desc"
    expect(() => summary.orderBy("CallDuration", "down")).toThrow(/order direction "down" is not 'asc' or 'desc' — state the direction explicitly/);
    // @ts-expect-error not a join kind
    expect(() => summary.join("left", diagnostics, ["CorrelationId"])).toThrow(/^join: "left" is not a join kind — pass one of inner, innerunique, /);
  });
});
