// Every scalar operator and function of the builder. Each case adds the expression as a
// column with `extend`, asserts the exact KQL, and runs it through Kusto.Language
// (expectValidQuery), which fails on any error and on any difference between the builder's
// run-time type of the expression and the type the analyzer infers for the column.
import { describe, expect, expectTypeOf, it } from "vitest";
import type { KqlType } from "../../src/schema/index.js";
import { ACSCallClientOperations, ACSCallDiagnostics, ACSCallSummary } from "../../src/schema/index.js";
import { agg, BuilderError, Expr, fn, from, unsafeRawKql, type Cols, type Query, type QueryRowOf, type Row } from "../../src/kql/index.js";
import { expectValidQuery } from "../helpers/expect-query.js";

const summary = from(ACSCallSummary).where((c) => c.TimeGenerated.gt(fn.ago("1d")));
const diagnostics = from(ACSCallDiagnostics).where((c) => c.TimeGenerated.gt(fn.ago("1d")));
const clientOps = from(ACSCallClientOperations).where((c) => c.TimeGenerated.gt(fn.ago("1d")));

type Case<R extends Row> = readonly [name: string, build: (c: Cols<R>) => Expr, kql: string, type: KqlType];
type SummaryCase = Case<QueryRowOf<typeof summary>>;
type DiagnosticsCase = Case<QueryRowOf<typeof diagnostics>>;
type ClientOpsCase = Case<QueryRowOf<typeof clientOps>>;

/** Extends `query` with `X = <expression>`, checks it with the analyzer and returns the KQL. */
function checkExtend<R extends Row>(query: Query<R>, table: string, build: (c: Cols<R>) => Expr, kql: string, type: KqlType): void {
  const q = query.extend((c) => ({ X: build(c) }));
  expect(q.columns.X).toBe(type);
  expect(expectValidQuery(q)).toBe(`${table}
| where TimeGenerated > ago(1d)
| extend X = ${kql}`);
}

const onSummary = (cases: readonly SummaryCase[]) =>
  it.each(cases)("%s", (_name, build, kql, type) => checkExtend(summary, "ACSCallSummary", build, kql, type));
const onDiagnostics = (cases: readonly DiagnosticsCase[]) =>
  it.each(cases)("%s", (_name, build, kql, type) => checkExtend(diagnostics, "ACSCallDiagnostics", build, kql, type));
const onClientOps = (cases: readonly ClientOpsCase[]) =>
  it.each(cases)("%s", (_name, build, kql, type) => checkExtend(clientOps, "ACSCallClientOperations", build, kql, type));

describe("comparison", () => {
  onSummary([
    ["eq", (c) => c.CallType.eq("P2P"), 'CallType == "P2P"', "bool"],
    ["neq", (c) => c.CallDuration.neq(0), "CallDuration != 0", "bool"],
    ["lt", (c) => c.CallDuration.lt(60), "CallDuration < 60", "bool"],
    ["le (column to column)", (c) => c.ParticipantDuration.le(c.CallDuration), "ParticipantDuration <= CallDuration", "bool"],
    ["gt", (c) => c.CallStartTime.gt(fn.ago("1h")), "CallStartTime > ago(1h)", "bool"],
    ["ge (a Date)", (c) => c.CallStartTime.ge(new Date("2024-05-01T00:00:00Z")), "CallStartTime >= datetime(2024-05-01T00:00:00.0000000Z)", "bool"],
    ["eq on a bool", (c) => c.TPE.eq(true), "TPE == true", "bool"],
    ["comparison of comparisons is parenthesised", (c) => c.TPE.eq(c.CallType.eq("P2P")), 'TPE == (CallType == "P2P")', "bool"],
  ]);
  onDiagnostics([["int column against a real", (c) => c.JitterAvg.gt(c.PacketLossRateAvg), "JitterAvg > PacketLossRateAvg", "bool"]]);
});

describe("logical and, or, not", () => {
  onSummary([
    ["and", (c) => c.CallType.eq("Group").and(c.CallDuration.gt(60)), 'CallType == "Group" and CallDuration > 60', "bool"],
    ["or", (c) => c.CallType.eq("Group").or(c.TPE), 'CallType == "Group" or TPE', "bool"],
    ["not", (c) => c.TPE.not(), "not(TPE)", "bool"],
    ["not of an or", (c) => c.CallType.eq("P2P").or(c.TPE).not(), 'not(CallType == "P2P" or TPE)', "bool"],
    [
      "(a or b) and c keeps the parentheses",
      (c) => c.CallType.eq("P2P").or(c.CallType.eq("Group")).and(c.CallDuration.gt(60)),
      '(CallType == "P2P" or CallType == "Group") and CallDuration > 60',
      "bool",
    ],
    [
      "a and (b or c) keeps the parentheses",
      (c) => c.CallDuration.gt(60).and(c.CallType.eq("P2P").or(c.TPE)),
      'CallDuration > 60 and (CallType == "P2P" or TPE)',
      "bool",
    ],
    [
      "a or (b and c) needs none",
      (c) => c.CallType.eq("P2P").or(c.CallType.eq("Group").and(c.CallDuration.gt(60))),
      'CallType == "P2P" or CallType == "Group" and CallDuration > 60',
      "bool",
    ],
    ["a or (b or c) is flattened", (c) => c.TPE.or(c.TPE.not().or(c.CallDuration.eq(0))), "TPE or not(TPE) or CallDuration == 0", "bool"],
  ]);

  it("renders (a or b) and c so that Kusto reads it that way", () => {
    // Checked on a concrete row: with a = true, b = false, c = false, `a or b and c` would be true.
    const q = summary.where((c) => c.TPE.or(c.CallDuration.lt(0)).and(c.CallType.eq("never")));
    expect(expectValidQuery(q)).toBe(`ACSCallSummary
| where TimeGenerated > ago(1d)
| where (TPE or CallDuration < 0) and CallType == "never"`);
  });
});

describe("arithmetic", () => {
  onDiagnostics([
    ["plus (int + int is long)", (c) => c.JitterAvg.plus(c.RoundTripTimeAvg), "JitterAvg + RoundTripTimeAvg", "long"],
    ["minus", (c) => c.JitterMax.minus(c.JitterAvg), "JitterMax - JitterAvg", "long"],
    ["times a JS number (real literal)", (c) => c.PacketLossRateAvg.times(100), "PacketLossRateAvg * 100.0", "real"],
    ["times a bigint (long literal)", (c) => c.JitterAvg.times(2n), "JitterAvg * 2", "long"],
    ["mod", (c) => c.StreamId.mod(2), "StreamId % 2", "long"],
    ["negate an int", (c) => c.JitterAvg.negate(), "-JitterAvg", "long"],
    ["negate a real", (c) => c.PacketLossRateAvg.negate(), "-PacketLossRateAvg", "real"],
    ["negate a sum", (c) => c.JitterAvg.plus(1n).negate(), "-(JitterAvg + 1)", "long"],
    ["plus a negative number", (c) => c.JitterAvg.plus(-5), "JitterAvg + real(-5)", "real"],
    ["(a + b) * c", (c) => c.JitterAvg.plus(c.JitterMax).times(2n), "(JitterAvg + JitterMax) * 2", "long"],
    ["a + b * c needs none", (c) => c.JitterAvg.plus(c.JitterMax.times(2n)), "JitterAvg + JitterMax * 2", "long"],
    ["a - (b - c)", (c) => c.JitterMax.minus(c.JitterAvg.minus(c.JitterBufferSizeAvg)), "JitterMax - (JitterAvg - JitterBufferSizeAvg)", "long"],
    ["(a - b) - c needs none", (c) => c.JitterMax.minus(c.JitterAvg).minus(c.JitterBufferSizeAvg), "JitterMax - JitterAvg - JitterBufferSizeAvg", "long"],
    ["a / (b * c)", (c) => c.VideoBitRateAvg.div(c.VideoFrameRateAvg.times(8n)), "VideoBitRateAvg / (VideoFrameRateAvg * 8)", "real"],
  ]);
  onSummary([
    ["integer division: div(60n) is long", (c) => c.CallDuration.div(60n), "CallDuration / 60", "long"],
    ["real division: div(60) is real", (c) => c.CallDuration.div(60), "CallDuration / 60.0", "real"],
    ["since: datetime - datetime is a timespan", (c) => c.TimeGenerated.since(c.CallStartTime), "TimeGenerated - CallStartTime", "timespan"],
    ["addSpan: datetime + timespan is a datetime", (c) => c.CallStartTime.addSpan("30m"), "CallStartTime + 30m", "datetime"],
  ]);

  it("types arithmetic results at compile time", () => {
    summary.extend((c) => {
      expectTypeOf(c.CallDuration.div(60n)).toEqualTypeOf<Expr<"long">>();
      expectTypeOf(c.CallDuration.div(60)).toEqualTypeOf<Expr<"real">>();
      expectTypeOf(c.CallDuration.mod(7)).toEqualTypeOf<Expr<"long">>();
      expectTypeOf(c.CallStartTime.since(c.TimeGenerated)).toEqualTypeOf<Expr<"timespan">>();
      return {};
    });
  });
});

describe("string predicates", () => {
  onSummary([
    ["eq", (c) => c.CallType.eq("Group"), 'CallType == "Group"', "bool"],
    ["eqCi", (c) => c.CallType.eqCi("group"), 'CallType =~ "group"', "bool"],
    ["neq", (c) => c.CallType.neq("Group"), 'CallType != "Group"', "bool"],
    ["neqCi", (c) => c.CallType.neqCi("group"), 'CallType !~ "group"', "bool"],
    ["has", (c) => c.SdkVersion.has("web"), 'SdkVersion has "web"', "bool"],
    ["hasCs", (c) => c.SdkVersion.hasCs("Web"), 'SdkVersion has_cs "Web"', "bool"],
    ["notHas", (c) => c.SdkVersion.notHas("web"), 'SdkVersion !has "web"', "bool"],
    ["contains", (c) => c.OsVersion.contains("win"), 'OsVersion contains "win"', "bool"],
    ["containsCs", (c) => c.OsVersion.containsCs("Win"), 'OsVersion contains_cs "Win"', "bool"],
    ["notContains", (c) => c.OsVersion.notContains("win"), 'OsVersion !contains "win"', "bool"],
    ["startsWith", (c) => c.ParticipantEndReason.startsWith("4"), 'ParticipantEndReason startswith "4"', "bool"],
    ["notStartsWith", (c) => c.ParticipantEndReason.notStartsWith("2"), 'ParticipantEndReason !startswith "2"', "bool"],
    ["endsWith", (c) => c.SdkVersion.endsWith("-beta"), 'SdkVersion endswith "-beta"', "bool"],
    ["notEndsWith", (c) => c.SdkVersion.notEndsWith("-beta"), 'SdkVersion !endswith "-beta"', "bool"],
    ["in", (c) => c.CallType.in(["P2P", "Group"]), 'CallType in ("P2P", "Group")', "bool"],
    ["inCi", (c) => c.EndpointType.inCi(["voip", "pstn"]), 'EndpointType in~ ("voip", "pstn")', "bool"],
    ["notIn", (c) => c.ParticipantEndReason.notIn(["0", "200"]), 'ParticipantEndReason !in ("0", "200")', "bool"],
    ["notInCi", (c) => c.EndpointType.notInCi(["server", "bot"]), 'EndpointType !in~ ("server", "bot")', "bool"],
    ["in with a column among the values", (c) => c.EndpointId.in([c.ParticipantId, "x"]), 'EndpointId in (ParticipantId, "x")', "bool"],
    ["matchesRegex (pattern escaped as a string)", (c) => c.SdkVersion.matchesRegex("^1\\.[0-9]+\\b"), 'SdkVersion matches regex "^1\\\\.[0-9]+\\\\b"', "bool"],
    ["between on numbers", (c) => c.CallDuration.between(60, 3600), "CallDuration between (60 .. 3600)", "bool"],
    ["between on datetimes", (c) => c.CallStartTime.between(fn.ago("2h"), fn.ago("1h")), "CallStartTime between (ago(2h) .. ago(1h))", "bool"],
    ["a value with quotes stays one literal", (c) => c.CallType.eq('x" or 1==1 //'), 'CallType == "x\\" or 1==1 //"', "bool"],
    [
      "predicates combined with and/or",
      (c) => c.CallType.in(["P2P"]).and(c.SdkVersion.has("web").or(c.CallDuration.between(0, 10))),
      'CallType in ("P2P") and (SdkVersion has "web" or CallDuration between (0 .. 10))',
      "bool",
    ],
  ]);
});

describe("iff, case, coalesce and the empty/null tests", () => {
  onSummary([
    ["iff with strings", (c) => fn.iff(c.TeamsThreadId.eq(""), "ACS", "Teams interop"), 'iff(TeamsThreadId == "", "ACS", "Teams interop")', "string"],
    [
      "case with strings",
      (c) => fn.case([[c.CallDuration.lt(60), "short"], [c.CallDuration.lt(600), "medium"]], "long"),
      'case(CallDuration < 60, "short", CallDuration < 600, "medium", "long")',
      "string",
    ],
    ["coalesce of strings", (c) => fn.coalesce(c.ParticipantId, c.EndpointId, "unknown"), 'coalesce(ParticipantId, EndpointId, "unknown")', "string"],
    ["isempty", (c) => fn.isempty(c.ParticipantId), "isempty(ParticipantId)", "bool"],
    ["isnotempty", (c) => fn.isnotempty(c.TeamsThreadId), "isnotempty(TeamsThreadId)", "bool"],
    ["isnull", (c) => fn.isnull(c.CallDuration), "isnull(CallDuration)", "bool"],
    ["isnotnull", (c) => fn.isnotnull(c.CallStartTime), "isnotnull(CallStartTime)", "bool"],
  ]);
  onDiagnostics([
    // A JS number takes the type of the branches (int(0)), so an int iff stays an int.
    ["iff of an int and a JS number stays int", (c) => fn.iff(c.JitterAvg.gt(30), c.JitterAvg, 0), "iff(JitterAvg > 30, JitterAvg, int(0))", "int"],
    ["iff of an int and a long is long", (c) => fn.iff(c.TPE, c.JitterAvg, c.StreamId), "iff(TPE, JitterAvg, StreamId)", "long"],
    ["iff of a real and a JS number", (c) => fn.iff(c.TPE, c.PacketLossRateAvg, 0), "iff(TPE, PacketLossRateAvg, 0.0)", "real"],
    ["iff of an int and a real is real", (c) => fn.iff(c.TPE, c.JitterAvg, c.PacketLossRateAvg), "iff(TPE, JitterAvg, PacketLossRateAvg)", "real"],
    [
      "case of ints",
      (c) => fn.case([[c.MediaType.eq("Audio"), c.JitterAvg], [c.MediaType.eq("Video"), c.JitterMax]], -1),
      'case(MediaType == "Audio", JitterAvg, MediaType == "Video", JitterMax, int(-1))',
      "int",
    ],
    [
      "case of an int and a long is long",
      (c) => fn.case([[c.TPE, c.JitterAvg], [c.TPE.not(), c.StreamId]], 0),
      "case(TPE, JitterAvg, not(TPE), StreamId, int(0))",
      "long",
    ],
    ["coalesce of ints and a JS number stays int", (c) => fn.coalesce(c.JitterAvg, c.JitterMax, 0), "coalesce(JitterAvg, JitterMax, int(0))", "int"],
    ["coalesce of an int and a real is real", (c) => fn.coalesce(c.JitterAvg, c.PacketLossRateAvg), "coalesce(JitterAvg, PacketLossRateAvg)", "real"],
    ["coalesce of a long and a JS number", (c) => fn.coalesce(c.StreamId, 0), "coalesce(StreamId, 0)", "long"],
  ]);

  it("types iff, case and coalesce like Kusto at compile time", () => {
    diagnostics.extend((c) => {
      expectTypeOf(fn.iff(c.TPE, "a", "b")).toEqualTypeOf<Expr<"string">>();
      expectTypeOf(fn.iff(c.TPE, c.JitterAvg, 0)).toEqualTypeOf<Expr<"int">>();
      expectTypeOf(fn.iff(c.TPE, c.JitterAvg, c.StreamId)).toEqualTypeOf<Expr<"long">>();
      expectTypeOf(fn.iff(c.TPE, c.JitterAvg, c.PacketLossRateAvg)).toEqualTypeOf<Expr<"real">>();
      expectTypeOf(fn.case([[c.TPE, c.JitterAvg]], 0)).toEqualTypeOf<Expr<"int">>();
      expectTypeOf(fn.case([[c.TPE, c.JitterAvg]], c.StreamId)).toEqualTypeOf<Expr<"long">>();
      expectTypeOf(fn.coalesce(c.JitterAvg, c.JitterMax, 0)).toEqualTypeOf<Expr<"int">>();
      expectTypeOf(fn.coalesce(c.JitterAvg, c.PacketLossRateAvg)).toEqualTypeOf<Expr<"real">>();
      expectTypeOf(fn.coalesce(c.CodecName, "none")).toEqualTypeOf<Expr<"string">>();
      return {};
    });
  });

  it("refuses a fractional JS number where an int branch is expected", () => {
    expect(() => diagnostics.extend((c) => ({ X: fn.iff(c.TPE, c.JitterAvg, 0.5) }))).toThrow(/^int literal 0\.5: an int must be a finite integer/);
  });
});

describe("conversions", () => {
  onSummary([
    ["tostring", (c) => fn.tostring(c.CallDuration), "tostring(CallDuration)", "string"],
    ["toint", (c) => fn.toint(c.ParticipantEndReason), "toint(ParticipantEndReason)", "int"],
    ["tolong", (c) => fn.tolong(c.ParticipantEndSubCode), "tolong(ParticipantEndSubCode)", "long"],
    ["toreal", (c) => fn.toreal(c.CallDuration), "toreal(CallDuration)", "real"],
    ["tobool", (c) => fn.tobool(c.TeamsThreadId), "tobool(TeamsThreadId)", "bool"],
    ["todatetime", (c) => fn.todatetime(c.CallDebuggingInfo), "todatetime(CallDebuggingInfo)", "datetime"],
    ["totimespan", (c) => fn.totimespan(c.CallDebuggingInfo), "totimespan(CallDebuggingInfo)", "timespan"],
    ["toguid", (c) => fn.toguid(c.CorrelationId), "toguid(CorrelationId)", "guid"],
    ["todynamic", (c) => fn.todynamic(c.DiagnosticOptions), "todynamic(DiagnosticOptions)", "dynamic"],
    ["parse_json", (c) => fn.parse_json(c.CallDebuggingInfo), "parse_json(CallDebuggingInfo)", "dynamic"],
  ]);
});

describe("datetime functions", () => {
  onSummary([
    ["ago", () => fn.ago("7d"), "ago(7d)", "datetime"],
    ["ago with a millisecond number", () => fn.ago(90_000), "ago(90s)", "datetime"],
    ["now", () => fn.now(), "now()", "datetime"],
    ["bin on a datetime", (c) => fn.bin(c.CallStartTime, "15m"), "bin(CallStartTime, 15m)", "datetime"],
    ["startofday", (c) => fn.startofday(c.CallStartTime), "startofday(CallStartTime)", "datetime"],
    ["startofweek", (c) => fn.startofweek(c.CallStartTime), "startofweek(CallStartTime)", "datetime"],
    ["datetime_diff", (c) => fn.datetime_diff("minute", c.TimeGenerated, c.CallStartTime), 'datetime_diff("minute", TimeGenerated, CallStartTime)', "long"],
    ["format_datetime", (c) => fn.format_datetime(c.CallStartTime, "yyyy-MM-dd HH:mm"), 'format_datetime(CallStartTime, "yyyy-MM-dd HH:mm")', "string"],
  ]);
});

describe("numeric, string and dynamic functions", () => {
  onDiagnostics([
    // Kusto's bin() of an int or long is a long; with a real value or size it is a real.
    ["bin on an int is long", (c) => fn.bin(c.JitterAvg, 10), "bin(JitterAvg, 10)", "long"],
    ["bin on a long", (c) => fn.bin(c.StreamId, 100n), "bin(StreamId, 100)", "long"],
    ["bin on a real", (c) => fn.bin(c.PacketLossRateAvg, 0.05), "bin(PacketLossRateAvg, 0.05)", "real"],
    ["bin on an int by a real column is real", (c) => fn.bin(c.JitterAvg, c.VideoFrameRateAvg), "bin(JitterAvg, VideoFrameRateAvg)", "real"],
    // round() keeps the type of its argument.
    ["round of an int stays int", (c) => fn.round(c.JitterAvg), "round(JitterAvg, 0)", "int"],
    ["round of a long stays long", (c) => fn.round(c.StreamId, 2), "round(StreamId, 2)", "long"],
    ["round of a real", (c) => fn.round(c.PacketLossRateAvg.times(100), 1), "round(PacketLossRateAvg * 100.0, 1)", "real"],
    ["strcat", (c) => fn.strcat(c.MediaType, "/", c.StreamDirection, "/", c.StreamId), 'strcat(MediaType, "/", StreamDirection, "/", StreamId)', "string"],
    ["split", (c) => fn.split(c.CodecName, "-"), 'split(CodecName, "-")', "dynamic"],
    ["extract (pattern escaped)", (c) => fn.extract("^(\\w+)\\d*$", 1, c.CodecName), 'extract("^(\\\\w+)\\\\d*$", 1, CodecName)', "string"],
    [
      "bag_pack",
      (c) => fn.bag_pack({ media: c.MediaType, jitter: c.JitterAvg, "loss %": c.PacketLossRateAvg }),
      'bag_pack("media", MediaType, "jitter", JitterAvg, "loss %", PacketLossRateAvg)',
      "dynamic",
    ],
  ]);

  it("types bin and round like Kusto at compile time", () => {
    diagnostics.extend((c) => {
      expectTypeOf(fn.bin(c.JitterAvg, 10)).toEqualTypeOf<Expr<"long">>();
      expectTypeOf(fn.bin(c.StreamId, 100n)).toEqualTypeOf<Expr<"long">>();
      expectTypeOf(fn.bin(c.PacketLossRateAvg, 0.05)).toEqualTypeOf<Expr<"real">>();
      expectTypeOf(fn.bin(c.JitterAvg, c.VideoFrameRateAvg)).toEqualTypeOf<Expr<"real">>();
      expectTypeOf(fn.bin(c.TimeGenerated, "1h")).toEqualTypeOf<Expr<"datetime">>();
      expectTypeOf(fn.round(c.JitterAvg)).toEqualTypeOf<Expr<"int">>();
      expectTypeOf(fn.round(c.PacketLossRateAvg, 2)).toEqualTypeOf<Expr<"real">>();
      return {};
    });
  });

  it("refuses a fractional bin size on an integer value", () => {
    expect(() => diagnostics.extend((c) => ({ X: fn.bin(c.JitterAvg, 2.5) }))).toThrow(BuilderError);
    expect(() => diagnostics.extend((c) => ({ X: fn.bin(c.JitterAvg, 2.5) }))).toThrow(
      /^bin: size 2\.5 is fractional but the value is an int — pass a whole size, or bin fn\.toreal\(value\)/,
    );
  });
});

describe("dynamic access", () => {
  onSummary([
    ["at(key) on parse_json()", (c) => fn.parse_json(c.DiagnosticOptions).at("appName"), 'parse_json(DiagnosticOptions)["appName"]', "dynamic"],
    ["at(index)", (c) => fn.parse_json(c.DiagnosticOptions).at("tags").at(0), 'parse_json(DiagnosticOptions)["tags"][0]', "dynamic"],
    ["a key that needs quoting", (c) => fn.parse_json(c.CallDebuggingInfo).at("a b").at("it's \"x\""), 'parse_json(CallDebuggingInfo)["a b"]["it\'s \\"x\\""]', "dynamic"],
    ["split(...)[1]", (c) => fn.split(c.SdkVersion, ".").at(1), 'split(SdkVersion, ".")[1]', "dynamic"],
  ]);
  onClientOps([
    ["at(key) on a dynamic column", (c) => c.OperationPayload.at("FailureReason"), 'OperationPayload["FailureReason"]', "dynamic"],
    [
      "tostring() of a nested value",
      (c) => fn.tostring(c.OperationPayload.at("DiagnosticChanged").at("value")),
      'tostring(OperationPayload["DiagnosticChanged"]["value"])',
      "string",
    ],
  ]);
});

describe("names that need quoting, raw KQL", () => {
  it("extend and projectAs with keyword and spaced column names", () => {
    const q = summary
      .extend((c) => ({ "my col": c.CallDuration.div(60n), count: fn.strlen(c.CallType), where: c.TPE }))
      .where((c) => c["my col"].gt(5).and(c.where))
      .projectAs((c) => ({ "call id": c.CorrelationId, count: c.count, "my col": c["my col"] }));
    expect(expectValidQuery(q)).toBe(`ACSCallSummary
| where TimeGenerated > ago(1d)
| extend ['my col'] = CallDuration / 60, ['count'] = strlen(CallType), ['where'] = TPE
| where ['my col'] > 5 and ['where']
| project ['call id'] = CorrelationId, ['count'], ['my col']`);
    expect(q.columns).toEqual({ "call id": "string", count: "long", "my col": "long" });
  });

  it("project-rename, summarize and order by with quoted names", () => {
    const q = summary
      .projectRename({ "call type": "CallType" })
      .summarize((c) => ({ "calls (all)": agg.dcount(c.CorrelationId) }), ["call type"])
      .orderBy("calls (all)", "desc");
    expect(expectValidQuery(q)).toBe(`ACSCallSummary
| where TimeGenerated > ago(1d)
| project-rename ['call type'] = CallType
| summarize ['calls (all)'] = dcount(CorrelationId) by ['call type']
| order by ['calls (all)'] desc`);
    expect(q.columns).toEqual({ "call type": "string", "calls (all)": "long" });
  });

  it("unsafeRawKql renders verbatim inside parentheses", () => {
    const q = summary.extend((c) => ({ X: c.CallDuration.plus(unsafeRawKql("strlen(CallType) * 2", "long")) }));
    expect(q.columns.X).toBe("long");
    expect(expectValidQuery(q)).toBe(`ACSCallSummary
| where TimeGenerated > ago(1d)
| extend X = CallDuration + (strlen(CallType) * 2)`);
  });

});
