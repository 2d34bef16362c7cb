// The catalog areas joins, volume and reliability: the shape of each area and the semantics of
// its joins and counts. Analyzer validity, lint and row types of every entry, with default and
// non-default parameters, are checked for the whole catalog in test/catalog/catalog.test.ts.
import { describe, expect, it } from "vitest";
import { entries as joins } from "../../queries/joins.js";
import { entries as reliability } from "../../queries/reliability.js";
import { entries as volume } from "../../queries/volume.js";
import type { CatalogEntry } from "../../src/catalog/entry.js";
import { from, toKql } from "../../src/kql/index.js";
import { ACSCallSurvey } from "../../src/schema/index.js";
import { normalisedRatingOf } from "../../queries/survey-rating.js";

/** The overall rating normalised by survey-rating.ts, as rendered KQL: the "1 + 4(s − l)/(u − l)" formula (its shape is asserted below). */
const OVERALL_NORMALISED = toKql(
  from(ACSCallSurvey).projectAs((c) => ({
    N: normalisedRatingOf({ score: c.OverallRatingScore, lower: c.OverallRatingScoreLowerBound, upper: c.OverallRatingScoreUpperBound }),
  })),
).split("N = ")[1]!.trim();

const areas: readonly (readonly [string, readonly CatalogEntry[]])[] = [
  ["joins", joins],
  ["volume", volume],
  ["reliability", reliability],
];


describe.each(areas)("catalog area %s", (category, list) => {
  it("has entries with unique kebab-case ids, this category, a title, a description and tags", () => {
    expect(list.length).toBeGreaterThan(0);
    expect(new Set(list.map((e) => e.id)).size).toBe(list.length);
    for (const e of list) {
      expect(e.id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      expect(e.category).toBe(category);
      expect(e.title.trim()).not.toBe("");
      expect(e.description.length, e.id).toBeGreaterThan(80);
      expect(e.tags.length, e.id).toBeGreaterThan(0);
    }
  });

  // Analyzer validity, lint and row types of every entry: test/catalog/catalog.test.ts.
});

describe("joins", () => {
  const byId = new Map(joins.map((e) => [e.id, e]));
  const kqlOf = (id: string) => {
    const e = byId.get(id);
    if (!e) throw new Error(`no joins entry '${id}'`);
    return toKql(e.query);
  };

  it("every join states its kind and every join description says why", () => {
    for (const e of joins) {
      const kql = toKql(e.query);
      const kinds = [...kql.matchAll(/\| join kind=(\w+)/g)].map((m) => m[1]);
      expect([...kql.matchAll(/\| join\b/g)].length).toBe(kinds.length);
      for (const kind of new Set(kinds)) expect(e.description, `${e.id} explains kind=${kind}`).toContain(`kind=${kind}`);
    }
  });

  it("joins summary and diagnostics on one participant key that covers group (ParticipantId) and P2P (EndpointId) calls", () => {
    for (const id of ["summary-diagnostics-by-participant-stream", "call-participants-streams"]) {
      const kql = kqlOf(id);
      expect(kql.match(/extend ParticipantKey = iff\(isempty\(ParticipantId\), EndpointId, ParticipantId\)/g)).toHaveLength(2);
      expect(kql).toContain("join kind=leftouter");
      expect(kql).toContain(") on CorrelationId, ParticipantKey");
    }
    expect(kqlOf("call-participants-streams").match(/where CorrelationId =~ correlationId/g)).toHaveLength(2);
  });

  it("keeps only the highest CallUpdatesVersion of the Updates tables", () => {
    expect(kqlOf("summary-updates-latest")).toContain("summarize arg_max(CallUpdatesVersion, *) by CorrelationId, ParticipantId, EndpointId");
    expect(kqlOf("diagnostics-updates-latest")).toContain(
      "summarize arg_max(CallUpdatesVersion, *) by CorrelationId, ParticipantId, EndpointId, MediaType, StreamId, StreamDirection",
    );
  });

  it("joins the survey on CallId and the participant id the survey keeps in CorrelationId, and normalises the rating within its bounds", () => {
    const kql = kqlOf("survey-ratings-by-participant");
    expect(kql).toContain("SurveyParticipantId = coalesce(ParticipantId, CorrelationId)");
    expect(kql).toContain("on $left.CallId == $right.CorrelationId, $left.SurveyParticipantId == $right.ParticipantId");
    expect(kql).toContain(`NormalisedOverallRating = ${OVERALL_NORMALISED}`);
    expect(kql).not.toContain("* 5.0 /");
  });

  it("call-list averages the same normalised rating as survey-rating-summary", () => {
    expect(OVERALL_NORMALISED).toMatch(/^round\(\(toreal\(OverallRatingScore\) - iff\(isnull\(OverallRatingScoreLowerBound\), int\(1\), OverallRatingScoreLowerBound\)\) \* 4\.0 \/ /);
    expect(OVERALL_NORMALISED).toMatch(/\+ 1\.0, 2\)$/);
    expect(kqlOf("call-list")).toContain(`AvgRating = avg(${OVERALL_NORMALISED})`);
    expect(kqlOf("call-list")).not.toContain("* 5.0 /");
  });

  it("bills group participants by ParticipantId and P2P calls by CorrelationId in a single join", () => {
    const kql = kqlOf("participant-phone-numbers");
    expect(kql).toContain('BillingKey = iff(CallType == "P2P", CorrelationId, ParticipantId)');
    expect(kql.match(/\| join /g)).toHaveLength(1);
    expect(kql).toContain("let billingUsage = materialize(");
  });

  it("reads one call's client operations by CallId, ordered by the client time stamp", () => {
    const kql = kqlOf("call-client-operations");
    expect(kql).toContain("where isnotempty(correlationId) and (CallId =~ correlationId or isempty(CallId))");
    expect(kql).toContain("order by CallClientTimeStamp asc");
  });

  it("lists each call once: leftouter joins to right sides reduced to one row per call", () => {
    const kql = kqlOf("call-list");
    expect(kql.match(/\| join kind=leftouter/g)).toHaveLength(3);
    expect(kql.match(/\| join /g)).toHaveLength(3);
    expect(kql).toContain("by CallId\n) on $left.CorrelationId == $right.CallId");
    expect(kql).toContain("by CorrelationId\n) on CorrelationId");
  });

  it("normalises redacted cross-tenant participants as Microsoft does", () => {
    const kql = kqlOf("participants-normalised");
    expect(kql).toContain(
      'iff(coalesce(ParticipantId, Identifier, EndpointId) == "Redacted", strcat("RedactedParticipant-", EndpointType, "-Identifier-", Identifier), coalesce(ParticipantId, Identifier, EndpointId))',
    );
    expect(kql).toContain("where Participant != CorrelationId");
  });
});

describe("volume and reliability", () => {
  const all = new Map([...volume, ...reliability].map((e) => [e.id, e]));
  const kqlOf = (id: string) => toKql(all.get(id)!.query);

  it("counts calls by CallStartTime, not TimeGenerated", () => {
    expect(kqlOf("calls-over-time")).toContain("summarize Calls = count() by TimeBin = bin(CallStartTime, timeBin)");
    expect(kqlOf("daily-calls")).toContain("summarize Calls = count() by Day = bin(CallStartTime, 1d)");
  });

  it("deduplicates ACSCallingMetrics by every dimension before any reliability sum", () => {
    for (const e of reliability) {
      expect(toKql(e.query), e.id).toContain("summarize arg_max(TimestampMax, *) by _ResourceId, TimestampBin, MetricName, CallType, Platform, SdkVersion");
    }
    expect(kqlOf("scenario-reliability-over-time")).toContain("ReliabilityPct = round(SuccessLegs * 100.0 / Legs, 2)");
    expect(kqlOf("call-drop-rate-over-time")).toContain('where MetricName == "reliability/leg/Drop"');
  });
});
