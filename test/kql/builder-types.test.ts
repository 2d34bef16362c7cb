// Type-level tests: `npm test` runs tsc over this file, so each @ts-expect-error below must
// really be an error (tsc fails on an unused one), and expectTypeOf checks row types.
import { describe, expectTypeOf, it } from "vitest";
import { ACSCallDiagnostics, ACSCallSummary } from "../../src/schema/index.js";
import { expect } from "vitest";
import { agg, BuilderError, fn, from, KqlValueError, type QueryRowOf } from "../../src/kql/index.js";

const summary = from(ACSCallSummary);
const diagnostics = from(ACSCallDiagnostics);

describe("compile-time checks", () => {
  it("rejects a misspelled column in project, where and summarize", () => {
    // The same mistakes fail at run time too, for callers without TypeScript.
    // @ts-expect-error 'CallTyp' is not a column of ACSCallSummary
    expect(() => summary.project("CallTyp")).toThrow(BuilderError);
    // @ts-expect-error no such column on the accessor object
    expect(() => summary.where((c) => c.CallTyp.eq("P2P"))).toThrow(TypeError);
    // @ts-expect-error unknown group-by column
    expect(() => summary.summarize(() => ({ n: agg.count() }), ["CallTyp"])).toThrow(/unknown column 'CallTyp'/);
    expectTypeOf(summary.project("CallType", "CallDuration")).toEqualTypeOf<ReturnType<typeof summary.project<"CallType" | "CallDuration">>>();
  });

  it("rejects comparing a string column with a number, and a number column with a string", () => {
    // @ts-expect-error CallType is a string
    expect(() => summary.where((c) => c.CallType.eq(5))).toThrow(KqlValueError);
    // @ts-expect-error JitterAvg is an int
    expect(() => diagnostics.where((c) => c.JitterAvg.gt("30"))).toThrow(KqlValueError);
    // @ts-expect-error has() exists only on string expressions
    expect(() => diagnostics.where((c) => c.JitterAvg.has(3))).toThrow(KqlValueError);
    summary.where((c) => c.CallDuration.gt(60).and(c.CallType.eq("P2P")));
  });

  it("rejects a join without a kind, and keys that one side lacks", () => {
    // @ts-expect-error the kind argument is required
    expect(() => summary.join(diagnostics, ["CorrelationId"])).toThrow(/is not a join kind/);
    // @ts-expect-error 'bogus' is not a join kind
    expect(() => summary.join("bogus", diagnostics, ["CorrelationId"])).toThrow(BuilderError);
    // @ts-expect-error MediaType exists only on the right side
    expect(() => summary.join("inner", diagnostics, ["MediaType"])).toThrow(/unknown column 'MediaType'/);
    summary.join("inner", diagnostics, ["CorrelationId", ["EndpointId", "EndpointId"]]);
  });

  it("rejects an order by without a direction", () => {
    // @ts-expect-error direction is required
    expect(() => summary.orderBy("CallDuration")).toThrow(/state the direction explicitly/);
  });

  it("flows row types through project, extend, summarize, join and lookup", () => {
    const projected = summary.project("CorrelationId", "CallDuration");
    expectTypeOf<QueryRowOf<typeof projected>>().toEqualTypeOf<{ readonly CorrelationId: "string"; readonly CallDuration: "long" }>();

    const extended = projected.extend((c) => ({ Minutes: c.CallDuration.div(60n), Ratio: c.CallDuration.div(60), Day: fn.startofday(fn.now()) }));
    expectTypeOf<QueryRowOf<typeof extended>>().toEqualTypeOf<{ readonly CorrelationId: "string"; readonly CallDuration: "long"; Minutes: "long"; Ratio: "real"; Day: "datetime" }>();

    const summarized = diagnostics.summarize(
      (c) => ({ streams: agg.count(), jitter: agg.avg(c.JitterAvg), ...agg.percentiles(c.RoundTripTimeAvg, { p50: 50, p95: 95 }) }),
      ["MediaType"],
    );
    expectTypeOf<QueryRowOf<typeof summarized>>().toEqualTypeOf<{
      readonly MediaType: "string";
      streams: "long";
      jitter: "real";
      p50: "long";
      p95: "long";
    }>();

    const joined = projected.join("inner", diagnostics.project("CorrelationId", "MediaType"), ["CorrelationId"]);
    expectTypeOf<QueryRowOf<typeof joined>>().toEqualTypeOf<{
      readonly CorrelationId: "string";
      readonly CallDuration: "long";
      CorrelationId1: "string";
      MediaType: "string";
    }>();
    const semi = projected.join("leftsemi", diagnostics, ["CorrelationId"]);
    expectTypeOf<QueryRowOf<typeof semi>>().toEqualTypeOf<QueryRowOf<typeof projected>>();

    const looked = projected.lookup(diagnostics.project("CorrelationId", "MediaType"), ["CorrelationId"]);
    expectTypeOf<QueryRowOf<typeof looked>>().toEqualTypeOf<{
      readonly CorrelationId: "string";
      readonly CallDuration: "long";
      MediaType: "string";
    }>();
  });
});
