// The 'errors' catalog entries: each is valid KQL whose row type matches what Kusto infers,
// with default and with non-default parameters, and lints clean (no finding of any severity).
import { describe, expect, it } from "vitest";
import { lint } from "../../src/analysis/index.js";
import { parametersOf, toKql } from "../../src/kql/index.js";
import { entries, simpleOsExpr } from "../../queries/errors.js";
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

    it("is valid with default parameters, starts at the windowed ACSCallSummary and lints clean", () => {
      const kql = expectValidQuery(entry.query);
      expect(kql.replace(/^ +/gm, "")).toContain(WINDOW);
      expect(used).toEqual(expect.arrayContaining(["lookback", "resourceIds", "callTypes"]));
      expect(lint(toKql(entry.query))).toEqual([]);
    });

    it("is valid with non-default parameters", () => {
      const params = Object.fromEntries(used.filter((n) => n in OTHER_VALUES).map((n) => [n, OTHER_VALUES[n]]));
      expect(Object.keys(params)).toEqual(used);
      const kql = expectValidQuery(entry.query, { params });
      expect(kql).toContain("let lookback = 30d;");
      expect(kql).toContain('let callTypes = dynamic(["Group"]);');
      if (used.includes("topN")) expect(kql).toContain("let topN = 5;");
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

  it("simpleOsExpr maps OsVersion to a short OS name, Redacted stays Redacted", () => {
    const kql = toKql(from(ACSCallSummary).projectAs((c) => ({ OsName: simpleOsExpr(c.OsVersion) })));
    expect(kql).toContain('OsVersion == "Redacted", "Redacted"');
    expect(kql).toContain('indexof(OsVersion, "Windows") >= 0, "Windows"');
    expect(kql).toMatch(/"Linux", "Other"\)$/);
  });
});
