// What the DuckDB backend refuses: each case must throw SqlUnsupportedError naming the
// feature, where it is, and saying it is refused rather than approximated.
import { describe, expect, it } from "vitest";
import { datatable, Expr, fn, from, unsafeRawKql } from "../../src/kql/index.js";
import { ACSCallClientOperations, ACSCallSummary } from "../../src/schema/index.js";
import { SqlUnsupportedError, toDuckDbSql, unsupportedFeatures } from "../../src/sql/index.js";

function refusal(f: () => unknown): SqlUnsupportedError {
  try {
    f();
  } catch (err) {
    expect(err).toBeInstanceOf(SqlUnsupportedError);
    expect((err as Error).message).toMatch(/cannot be compiled faithfully and (is|are) refused rather than approximated/);
    return err as SqlUnsupportedError;
  }
  throw new Error("expected a SqlUnsupportedError");
}

describe("refused features", () => {
  it("unsafe raw KQL", () => {
    const q = from(ACSCallSummary).where(() => unsafeRawKql("CallType has_any ('P2P')", "bool"));
    const err = refusal(() => toDuckDbSql(q));
    expect(err.problems).toEqual([expect.stringMatching(/^unsafeRawKql at operator 1 \(where\): raw KQL text \("CallType has_any \('P2P'\)"\) cannot be translated; it is refused rather than guessed at$/)]);
  });

  it("parse_user_agent, naming the function and why", () => {
    const q = from(ACSCallClientOperations).extend((c) => ({ os: fn.tostring(fn.parse_user_agent(c.UserAgent, "os").at("Family")) }));
    const err = refusal(() => toDuckDbSql(q));
    expect(err.problems).toEqual(["function 'parse_user_agent' at operator 1 (extend): it parses User-Agent strings with Microsoft's own rule set, which no DuckDB function reproduces"]);
    expect(unsupportedFeatures(q)).toEqual(err.problems);
  });

  it("an unknown function", () => {
    const q = from(ACSCallSummary).extend((c) => ({ h: new Expr({ kind: "call", fn: "hash_sha256", args: [c.CallType.node] }, "string") }));
    const err = refusal(() => toDuckDbSql(q));
    expect(err.problems[0]).toMatch(/^function 'hash_sha256' at operator 1 \(extend\): this function is not in the DuckDB backend's function table/);
  });

  it("has with a needle that is not a single term", () => {
    const q = datatable({ s: "string" }, [{ s: "a b" }]).where((c) => c.s.has("a b"));
    expect(refusal(() => toDuckDbSql(q)).problems[0]).toMatch(/^'has' with the term "a b" at operator 1 \(where\): the term is empty or has characters other than letters and digits/);
  });

  it("every problem of a query is reported at once, with its location inside lets and joins", () => {
    const right = datatable({ k: "string", ua: "string" }, [{ k: "x", ua: "" }]).extend((c) => ({ os: fn.parse_user_agent(c.ua, "os") }));
    const q = datatable({ k: "string" }, [{ k: "x" }])
      .where(() => unsafeRawKql("true", "bool"))
      .join("inner", right, ["k"]);
    const err = refusal(() => toDuckDbSql(q));
    expect(err.problems).toHaveLength(2);
    expect(err.problems[1]).toMatch(/^function 'parse_user_agent' at operator 2 \(join\) › join right side › operator 1 \(extend\)/);
  });

  it("a table outside the ACS schema", () => {
    const q = from(ACSCallSummary);
    const node = { ...q.node, source: { kind: "table" as const, name: "SigninLogs" } };
    expect(unsupportedFeatures(node)).toEqual(["table 'SigninLogs' at source: not one of the 13 ACS tables of src/schema, so its column types are unknown"]);
  });

  it("unsupportedFeatures is [] for a query that compiles", () => {
    expect(unsupportedFeatures(from(ACSCallSummary).take(1))).toEqual([]);
  });
});
