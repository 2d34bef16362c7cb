// The 'errors' catalog entries: each is valid KQL whose row type matches what Kusto infers,
// with default and with non-default parameters, and lints clean (no finding of any severity).
import { describe, expect, it } from "vitest";
import { lint } from "../../src/analysis/index.js";
import { parametersOf, toKql } from "../../src/kql/index.js";
import { entries } from "../../queries/errors.js";
import { osFamilyOf } from "../../queries/os-family.js";
import { from } from "../../src/kql/index.js";
import { ACSCallSummary } from "../../src/schema/index.js";
import { expectValidQuery } from "../helpers/expect-query.js";

/** Non-default values for the parameters these entries use; each entry gets the ones it has. */
const OTHER_VALUES: Readonly<Record<string, unknown>> = {
  lookback: "30d",
  callTypes: ["Group"],
  topN: 5,
  endpointTypes: ["VoIP"],
  sdkVersions: ["1.30.1.1"],
  osNames: ["Windows", "macOS"],
  timeBin: "1d",
  resourceIds: ["/subscriptions/0000/resourceGroups/rg/providers/Microsoft.Communication/CommunicationServices/acs"],
};

/** The non-default values of the parameters an entry uses. */
const OTHER_VALUES_FOR = (entry: (typeof entries)[number]) =>
  Object.fromEntries(
    parametersOf(entry.query)
      .map((x) => x.name)
      .filter((n) => n in OTHER_VALUES)
      .map((n) => [n, OTHER_VALUES[n]]),
  );

const WINDOW = "ACSCallSummary\n| where TimeGenerated > ago(lookback) and (array_length(resourceIds) == 0 or _ResourceId in~ (resourceIds))";

describe("errors catalog entries", () => {
  it("has six entries with unique kebab-case ids, category errors, tags and a description", () => {
    expect(entries).toHaveLength(6);
    const ids = entries.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const e of entries) {
      expect(e.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(e.category).toBe("errors");
      expect(e.tags.length).toBeGreaterThan(0);
      expect(e.description.length).toBeGreaterThan(100);
    }
  });

  describe.each(entries.map((e) => [e.id, e] as const))("%s", (_id, entry) => {
    const used = parametersOf(entry.query).map((x) => x.name);

    // Analyzer validity, lint and row types of every entry: test/catalog/catalog.test.ts.
    it("starts at the windowed ACSCallSummary", () => {
      expect(toKql(entry.query).replace(/^ +/gm, "")).toContain(WINDOW);
      expect(used).toEqual(expect.arrayContaining(["lookback", "resourceIds", "callTypes"]));
    });

    it("takes non-default parameters", () => {
      const params = Object.fromEntries(used.filter((n) => n in OTHER_VALUES).map((n) => [n, OTHER_VALUES[n]]));
      expect(Object.keys(params)).toEqual(used);
      const kql = toKql(entry.query, { params });
      expect(kql).toContain("let lookback = 30d;");
      expect(kql).toContain('let callTypes = dynamic(["Group"]);');
      if (used.includes("topN")) expect(kql).toContain("let topN = 5;");
    });
  });

  describe("top N", () => {
    const byId = new Map(entries.map((e) => [e.id, e]));
    const topEntries = ["end-reasons-with-meaning", "top-failing-subcodes-over-time"] as const;

    it.each(topEntries)("%s takes the topN rows after a sort with tie-breakers, with no rank self-join", (id) => {
      const entry = byId.get(id)!;
      expect(parametersOf(entry.query).map((x) => x.name)).toContain("topN");
      for (const params of [{}, { ...OTHER_VALUES_FOR(entry), topN: 3 }]) {
        const kql = expectValidQuery(entry.query, { params });
        expect(lint(kql)).toEqual([]);
        expect(kql).not.toMatch(/JoinKey|higher|countif\(other/);
        expect(kql).not.toContain("join kind=inner");
        const lines = kql.split("\n").map((l) => l.trim());
        const take = lines.indexOf("| take topN");
        expect(take, kql).toBeGreaterThan(0);
        expect(lines[take - 1], kql).toMatch(/^\| order by \w+ desc, .+ asc$/);
        if ("topN" in params) expect(kql).toContain("let topN = 3;");
      }
    });

    it("end-reasons-with-meaning ranks by participants, then calls, code, subcode and category, before the lookups", () => {
      const kql = toKql(byId.get("end-reasons-with-meaning")!.query);
      expect(kql).toContain(
        "| order by participants desc, calls desc, ParticipantEndReason asc, ParticipantEndSubCode asc, ResultCategory asc\n| take topN\n| lookup kind=leftouter (",
      );
      expect(kql).toMatch(/\| order by participants desc, calls desc, EndCode asc, EndSubCode asc, ResultCategory asc$/);
      expect(byId.get("end-reasons-with-meaning")!.description).toMatch(/at most topN rows; ties at the cut-off are broken by calls/);
    });

    it("top-failing-subcodes-over-time keeps the series of the topN EndReasons, ties broken by EndReason", () => {
      const entry = byId.get("top-failing-subcodes-over-time")!;
      const kql = toKql(entry.query);
      expect(kql).toMatch(
        /\| join kind=leftsemi \(\n {4}failedEnds\n {4}\| summarize participants = count\(\) by EndReason\n {4}\| order by participants desc, EndReason asc\n {4}\| take topN\n {4}\| project EndReason\n\) on EndReason\n/,
      );
      expect(entry.description).toMatch(/at most topN series, ties at the cut-off broken by EndReason/);
    });

    it("only the entries that need a total keep the constant-key join, each with a one-row total side", () => {
      const withJoinKey = entries.filter((e) => toKql(e.query).includes("JoinKey")).map((e) => e.id);
      expect(withJoinKey).toEqual(["end-reasons-by-sip-class", "ungraceful-drop-rate"]);
      for (const id of withJoinKey) {
        const kql = toKql(byId.get(id)!.query);
        expect(kql).toMatch(/\| join kind=inner \(\n {4}\w+\n {4}\| summarize [^\n]*sum\([^\n]* by JoinKey\n\) on JoinKey\n/);
      }
    });
  });

  it("the lookup entries say why lookup kind=leftouter is right", () => {
    const byId = new Map(entries.map((e) => [e.id, e]));
    const meaning = byId.get("end-reasons-with-meaning")!;
    expect(meaning.description).toMatch(/lookup kind=leftouter/);
    expect(meaning.description).toMatch(/small dimension table/);
    expect(meaning.description).toMatch(/keeps every end code/);
    const kql = toKql(meaning.query);
    expect(kql).toContain("| lookup kind=leftouter (\n    datatable(Code:string, SubCode:string, Meaning:string, Advice:string) [");
    expect(kql).toContain("on $left.ParticipantEndReason == $right.Code, $left.ParticipantEndSubCode == $right.SubCode");
    expect(toKql(byId.get("pstn-failures-by-direction")!.query)).toContain('| where EndpointType == "PSTN"');
  });

  it("the row types are what the entries promise", () => {
    const cols = Object.fromEntries(entries.map((e) => [e.id, Object.keys(e.query.columns)]));
    expect(cols).toEqual({
      "end-reasons-by-sip-class": ["SipClass", "participants", "sharePct"],
      "end-reasons-with-meaning": ["EndCode", "EndSubCode", "ResultCategory", "SipClass", "participants", "calls", "Meaning", "Advice"],
      "ungraceful-drop-rate": ["TimeBin", "ungracefulPct", "clientErrorPct", "serverErrorPct", "overallUngracefulPct", "ungraceful", "participants"],
      "top-failing-subcodes-over-time": ["EndReason", "participants", "CallStartTime"],
      "failures-by-sdk-and-os": ["SdkVersion", "OsName", "participants", "failures", "ungraceful", "failurePct", "ungracefulPct"],
      "pstn-failures-by-direction": ["Direction", "RaisedBy", "EndCode", "EndSubCode", "SbcSipCode", "participants", "calls", "Meaning", "Advice"],
    });
  });

  it("osFamilyOf maps OsVersion to an OS family, Redacted stays Redacted, empty is Unknown", () => {
    const kql = toKql(from(ACSCallSummary).projectAs((c) => ({ OsName: osFamilyOf(c.OsVersion) })));
    expect(kql).toContain('OsVersion == "Redacted", "Redacted", isempty(OsVersion), "Unknown"');
    expect(kql).toContain('indexof(OsVersion, "Windows") >= 0, "Windows"');
    expect(kql).toContain('indexof(OsVersion, "Darwin") >= 0, "iOS"');
    expect(kql).toMatch(/"Ubuntu"\) >= 0, "Linux", "Other"\)$/);
  });

  it("failures-by-sdk-and-os uses the catalog's one OS-family mapping", () => {
    const entry = entries.find((e) => e.id === "failures-by-sdk-and-os");
    const os = toKql(from(ACSCallSummary).projectAs((c) => ({ OsName: osFamilyOf(c.OsVersion) }))).split("OsName = ")[1] ?? "<none>";
    expect(toKql(entry!.query)).toContain(`OsName = ${os}`);
  });
});
