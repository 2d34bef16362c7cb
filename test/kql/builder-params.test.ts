// Query parameters: typed, bound at compile time, always rendered as escaped literals
// (leading `let`s) or declared with `declare query_parameters(...)`.
import { describe, expect, it } from "vitest";
import { parseLiteralValues } from "../../src/analysis/index.js";
import { ACSCallDiagnostics, ACSCallSummary } from "../../src/schema/index.js";
import { agg, BuilderError, fn, from, param, toKql } from "../../src/kql/index.js";
import { expectValidQuery } from "../helpers/expect-query.js";

const summary = from(ACSCallSummary).where((c) => c.TimeGenerated.gt(fn.ago("1d")));
const diagnostics = from(ACSCallDiagnostics).where((c) => c.TimeGenerated.gt(fn.ago("1d")));
const SUMMARY = "ACSCallSummary\n| where TimeGenerated > ago(1d)";
const DIAGNOSTICS = "ACSCallDiagnostics\n| where TimeGenerated > ago(1d)";

describe("each parameter type in a where, with its default", () => {
  it("string", () => {
    const q = summary.where((c) => c.CallType.eq(param.string("callType", "Group")));
    expect(expectValidQuery(q)).toBe(`let callType = "Group";
${SUMMARY}
| where CallType == callType`);
  });

  it("long", () => {
    const q = summary.where((c) => c.CallDuration.ge(param.long("minDurationSec", 60)));
    expect(expectValidQuery(q)).toBe(`let minDurationSec = 60;
${SUMMARY}
| where CallDuration >= minDurationSec`);
  });

  it("int (rendered as int(...), so that it stays an int)", () => {
    const poorJitterMs = param.int("poorJitterMs", 30);
    const q = diagnostics.where((c) => c.JitterAvg.gt(poorJitterMs)).extend(() => ({ Threshold: poorJitterMs }));
    expect(q.columns.Threshold).toBe("int");
    expect(expectValidQuery(q)).toBe(`let poorJitterMs = int(30);
${DIAGNOSTICS}
| where JitterAvg > poorJitterMs
| extend Threshold = poorJitterMs`);
    expect(expectValidQuery(q, { params: { poorJitterMs: 50 } })).toMatch(/^let poorJitterMs = int\(50\);\n/);
  });

  it("real", () => {
    const q = diagnostics.where((c) => c.PacketLossRateAvg.gt(param.real("maxLoss", 0.1)));
    expect(expectValidQuery(q)).toBe(`let maxLoss = 0.1;
${DIAGNOSTICS}
| where PacketLossRateAvg > maxLoss`);
    // A whole number is still a real literal.
    expect(expectValidQuery(q, { params: { maxLoss: 1 } })).toMatch(/^let maxLoss = 1\.0;\n/);
  });

  it("bool", () => {
    const q = summary.where((c) => c.TPE.eq(param.bool("teamsPhone", false)));
    expect(expectValidQuery(q)).toBe(`let teamsPhone = false;
${SUMMARY}
| where TPE == teamsPhone`);
  });

  it("datetime", () => {
    const q = from(ACSCallSummary).where((c) => c.TimeGenerated.ge(param.datetime("since", "2024-05-01T00:00:00Z")));
    expect(expectValidQuery(q)).toBe(`let since = datetime(2024-05-01T00:00:00.0000000Z);
ACSCallSummary
| where TimeGenerated >= since`);
    expect(expectValidQuery(q, { params: { since: new Date(Date.UTC(2024, 5, 30, 12, 0, 0, 250)) } })).toMatch(
      /^let since = datetime\(2024-06-30T12:00:00\.2500000Z\);\n/,
    );
  });

  it("timespan", () => {
    const q = from(ACSCallSummary).where((c) => c.TimeGenerated.gt(fn.ago(param.timespan("lookback", "7d"))));
    expect(expectValidQuery(q)).toBe(`let lookback = 7d;
ACSCallSummary
| where TimeGenerated > ago(lookback)`);
    expect(expectValidQuery(q, { params: { lookback: "90m" } })).toMatch(/^let lookback = 90m;\n/);
  });

  it("guid", () => {
    const q = summary.where((c) => fn.toguid(c.CorrelationId).eq(param.guid("callId", "0F8FAD5B-D9CB-469F-A165-70867728950E")));
    expect(expectValidQuery(q)).toBe(`let callId = guid(0f8fad5b-d9cb-469f-a165-70867728950e);
${SUMMARY}
| where toguid(CorrelationId) == callId`);
  });

  it("dynamic", () => {
    const q = summary.where((c) => c.CallType.inArray(param.dynamic("callTypes", ["P2P", "Group"])));
    expect(expectValidQuery(q)).toBe(`let callTypes = dynamic(["P2P","Group"]);
${SUMMARY}
| where CallType in (callTypes)`);
    expect(expectValidQuery(q, { params: { callTypes: ['it\'s "odd"'] } })).toMatch(/^let callTypes = dynamic\(\["it's \\"odd\\""\]\);\n/);
  });

  it("a parameter without a default takes its value from toKql", () => {
    const q = summary.where((c) => c.SdkVersion.startsWith(param.string("sdkPrefix")));
    expect(expectValidQuery(q, { params: { sdkPrefix: "1.2" } })).toBe(`let sdkPrefix = "1.2";
${SUMMARY}
| where SdkVersion startswith sdkPrefix`);
  });
});

describe("values passed to toKql", () => {
  const callType = param.string("callType", "Group");
  const minDuration = param.long("minDurationSec", 60);
  const q = summary.where((c) => c.CallType.eq(callType).and(c.CallDuration.ge(minDuration)));

  it("override the defaults", () => {
    expect(expectValidQuery(q, { params: { callType: "P2P", minDurationSec: 300n } })).toBe(`let callType = "P2P";
let minDurationSec = 300;
${SUMMARY}
| where CallType == callType and CallDuration >= minDurationSec`);
  });

  it("are escaped: a malicious string is exactly one string literal", () => {
    const evil = 'x" | union * | where "1" == "1';
    const kql = expectValidQuery(q, { params: { callType: evil } });
    expect(kql).toBe(`let callType = "x\\" | union * | where \\"1\\" == \\"1";
let minDurationSec = 60;
${SUMMARY}
| where CallType == callType and CallDuration >= minDurationSec`);
    const letLine = kql.split("\n")[0] as string;
    const literals = parseLiteralValues(letLine);
    expect(literals.map((l) => [l.kind, l.value])).toEqual([["string", evil]]);
    // ...and in the whole query it is the only string literal.
    expect(parseLiteralValues(kql).filter((l) => l.kind === "string").map((l) => l.value)).toEqual([evil]);
  });

  it("escape quotes, backslashes and line breaks", () => {
    const tricky = "a\\\"b\nc'; drop";
    const kql = expectValidQuery(q, { params: { callType: tricky } });
    expect(kql.split("\n")[0]).toBe(`let callType = "a\\\\\\"b\\nc'; drop";`);
    expect(parseLiteralValues(kql).filter((l) => l.kind === "string").map((l) => l.value)).toEqual([tricky]);
  });
});

describe("parameter errors", () => {
  it("lists every missing value at once", () => {
    const q = summary.where((c) => c.CallType.eq(param.string("callType")).and(c.SdkVersion.startsWith(param.string("sdkPrefix"))));
    expect(() => toKql(q)).toThrow(BuilderError);
    expect(() => toKql(q)).toThrow(
      /^parameter 'callType' \(string\) has no value and no default; parameter 'sdkPrefix' \(string\) has no value and no default — pass a value of the right type for each parameter, and only those$/,
    );
  });

  it("rejects an unknown parameter name", () => {
    const q = summary.where((c) => c.CallType.eq(param.string("callType", "Group")));
    expect(() => toKql(q, { params: { calltype: "P2P" } })).toThrow(/^unknown parameter 'calltype' \(the query has 'callType'\)/);
    expect(() => toKql(summary, { params: { x: 1 } })).toThrow(/^unknown parameter 'x' \(the query has none\)/);
  });

  it("rejects a value of the wrong type, naming the parameter", () => {
    const q = summary.where((c) => c.CallDuration.ge(param.long("minDurationSec", 60)).and(c.CallType.eq(param.string("callType", "P2P"))));
    expect(() => toKql(q, { params: { minDurationSec: "300" } })).toThrow(/^parameter 'minDurationSec': long literal "300": a string cannot stand where a long is expected/);
    // A fraction is not a long (it used to become a real literal silently).
    expect(() => toKql(q, { params: { minDurationSec: 2.5 } })).toThrow(/^parameter 'minDurationSec': long literal 2\.5: a long must be a finite integer/);
    expect(() => toKql(q, { params: { callType: 5 } })).toThrow(/parameter 'callType': string literal 5: /);
    // Several problems are reported together.
    expect(() => toKql(q, { params: { minDurationSec: "300", callType: 5, other: true } })).toThrow(
      /^unknown parameter 'other' .*; parameter 'minDurationSec': .*; parameter 'callType': /,
    );
  });

  it("rejects a bad default or name when the parameter is made", () => {
    expect(() => param.int("n", 2 ** 31)).toThrow(/^int literal 2147483648: an int must be an integer in/);
    expect(() => param.guid("id", "not-a-guid")).toThrow(/^guid literal "not-a-guid": is not 8-4-4-4-12/);
    expect(() => param.string("call type")).toThrow(/^parameter name "call type" is not a plain identifier — use letters, digits and _/);
  });

  it("rejects two parameters of one name with different types", () => {
    const q = summary.where((c) => c.CallType.eq(param.string("value", "P2P")).and(c.CallDuration.gt(param.long("value", 60))));
    expect(() => toKql(q)).toThrow(BuilderError);
    expect(() => toKql(q)).toThrow(/^parameter 'value' is declared twice with different types or defaults — give each parameter and let a distinct name$/);
  });

  it("rejects one name with two defaults", () => {
    const q = summary.where((c) => c.CallDuration.gt(param.long("min", 60)).or(c.ParticipantDuration.gt(param.long("min", 30))));
    expect(() => toKql(q)).toThrow(/^parameter 'min' is declared twice with different types or defaults/);
  });
});

describe("shared parameters and declare style", () => {
  it("declares a parameter used twice once", () => {
    const minSec = param.long("minSec", 60);
    const q = summary
      .where((c) => c.CallDuration.ge(minSec))
      .join("inner", diagnostics.where((c) => c.JitterAvg.ge(param.long("minSec", 60))).summarize((c) => ({ streams: agg.count() }), ["CorrelationId"]), [
        "CorrelationId",
      ])
      .where((c) => c.ParticipantDuration.ge(minSec));
    const kql = expectValidQuery(q);
    expect(kql).toBe(`let minSec = 60;
${SUMMARY}
| where CallDuration >= minSec
| join kind=inner (
    ${DIAGNOSTICS.replace("\n", "\n    ")}
    | where JitterAvg >= minSec
    | summarize streams = count() by CorrelationId
) on CorrelationId
| where ParticipantDuration >= minSec`);
    expect(kql.match(/let minSec/g)).toHaveLength(1);
  });

  it("parameterStyle: declare renders declare query_parameters(name:type = default, ...)", () => {
    const q = summary.where((c) =>
      c.CallType.eq(param.string("callType", "Group"))
        .and(c.CallDuration.ge(param.long("minDurationSec", 60)))
        .and(c.CallStartTime.ge(param.datetime("since")))
        .and(c.TPE.eq(param.bool("teamsPhone", false)))
        .and(c.TimeGenerated.gt(fn.ago(param.timespan("lookback", "1d")))),
    ).extend(() => ({ Threshold: param.int("poorJitterMs", 30), Loss: param.real("maxLoss", 0.5), Types: param.dynamic("types", ["P2P"]) }));
    const kql = expectValidQuery(q, { parameterStyle: "declare" });
    expect(kql).toBe(`declare query_parameters(callType:string = "Group", minDurationSec:long = 60, since:datetime, teamsPhone:bool = false, lookback:timespan = 1d, poorJitterMs:int = int(30), maxLoss:real = 0.5, types:dynamic = dynamic(["P2P"]));
${SUMMARY}
| where CallType == callType and CallDuration >= minDurationSec and CallStartTime >= since and TPE == teamsPhone and TimeGenerated > ago(lookback)
| extend Threshold = poorJitterMs, Loss = maxLoss, Types = types`);
  });

  it("parameterStyle: declare with no parameters adds nothing", () => {
    expect(expectValidQuery(summary.take(1), { parameterStyle: "declare" })).toBe(`${SUMMARY}
| take 1`);
  });
});
