import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { catalog } from "../../queries/index.js";
import { lint } from "../../src/analysis/index.js";
import { parametersOf, toKql } from "../../src/kql/index.js";
import {
  BREAKDOWN_DIMENSIONS,
  classifiedStreams,
  entries,
  participants,
  POOR_RULES,
  streams,
  streamsWithParticipant,
} from "../../queries/quality.js";
import { expectValidQuery } from "../helpers/expect-query.js";

/** A value different from the default for every shared parameter a quality query may use. */
const OTHER_VALUES: Readonly<Record<string, unknown>> = {
  lookback: "30d",
  resourceIds: ["/subscriptions/0000/resourceGroups/rg/providers/Microsoft.Communication/CommunicationServices/acs"],
  callTypes: ["Group"],
  mediaTypes: ["Audio"],
  endpointTypes: ["VoIP", "Server"],
  osNames: ["Windows", "macOS"],
  sdkVersions: ["1.30.1.1"],
  correlationId: "00000000-0000-0000-0000-000000000001",
  rttPoorMs: 300,
  jitterPoorMs: 20,
  packetLossPoorRatio: 0.05,
  jitterBufferPoorMs: 150,
  healedRatioPoor: 0.05,
  videoFrameRatePoorFps: 10,
  screenFrameRatePoorFps: 2,
  videoResolutionPoorPx: 360,
  screenResolutionPoorPx: 720,
  videoFreezePoorMs: 3000,
  screenFreezePoorMs: 20000,
  videoBitratePoorBps: 200000,
  timeBin: "1d",
  topN: 5,
};

/** The `let name = ...;` line of a rendered parameter. */
const letLine = (kql: string, name: string) => kql.split("\n").find((l) => l.startsWith(`let ${name} = `));

describe("quality catalog entries", () => {
  it("have unique kebab-case ids, the quality category, a title, a description and tags", () => {
    expect(entries.length).toBeGreaterThanOrEqual(10);
    const ids = entries.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const e of entries) {
      expect(e.id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      expect(e.category).toBe("quality");
      expect(e.title.length).toBeGreaterThan(0);
      expect(e.description.length, e.id).toBeGreaterThan(80);
      expect(e.tags.length).toBeGreaterThan(0);
    }
  });

  describe.each(entries.map((e) => [e.id, e] as const))("%s", (_id, entry) => {
    // Analyzer validity, lint and row types of every entry: test/catalog/catalog.test.ts.
    it("takes a non-default value for every parameter it has", () => {
      const names = parametersOf(entry.query).map((p) => p.name);
      expect(names).toContain("lookback");
      const missing = names.filter((n) => !(n in OTHER_VALUES));
      expect(missing, "add a test value to OTHER_VALUES").toEqual([]);
      const params = Object.fromEntries(names.map((n) => [n, OTHER_VALUES[n]]));
      const base = toKql(entry.query);
      const kql = toKql(entry.query, { params });
      for (const n of names) expect(letLine(kql, n), n).not.toBe(letLine(base, n));
    });
  });
});

describe("classifiedStreams()", () => {
  const kql = toKql(classifiedStreams());
  const lines = kql.split("\n");

  it("filters the window first, then the optional media and endpoint types, and dedupes each stream", () => {
    expect(lines.slice(lines.indexOf("ACSCallDiagnostics"), lines.indexOf("ACSCallDiagnostics") + 3)).toEqual([
      "ACSCallDiagnostics",
      "| where TimeGenerated > ago(lookback) and (array_length(resourceIds) == 0 or _ResourceId in~ (resourceIds))",
      "| where (array_length(mediaTypes) == 0 or MediaType in (mediaTypes)) and (array_length(endpointTypes) == 0 or EndpointType in (endpointTypes))",
    ]);
    expect(kql).toContain(
      "| summarize arg_max(TimeGenerated, *) by CorrelationId, ParticipantId, EndpointId, MediaType, StreamId, StreamDirection\n",
    );
    expect(kql).toContain('MediaType in ("VBSS", "AppSharing"), "ScreenShare"');
  });

  it("compares each metric with its own threshold parameter, guarded against nulls and scoped to its media", () => {
    const rules = [
      "RttPoor = isnotnull(RoundTripTimeAvg) and RoundTripTimeAvg > rttPoorMs,",
      "JitterPoor = isnotnull(JitterAvg) and JitterAvg > jitterPoorMs,",
      "PacketLossPoor = isnotnull(PacketLossRateAvg) and PacketLossRateAvg > packetLossPoorRatio,",
      'JitterBufferPoor = MediaKind == "Audio" and isnotnull(JitterBufferSizeAvg) and JitterBufferSizeAvg > jitterBufferPoorMs,',
      'HealedDataPoor = MediaKind == "Audio" and isnotnull(HealedDataRatioAvg) and HealedDataRatioAvg > healedRatioPoor,',
      'FrameRatePoor = MediaKind == "Video" and isnotnull(VideoFrameRateAvg) and VideoFrameRateAvg < videoFrameRatePoorFps' +
        ' or MediaKind == "ScreenShare" and isnotnull(VideoFrameRateAvg) and VideoFrameRateAvg < screenFrameRatePoorFps,',
      'ResolutionPoor = MediaKind == "Video" and isnotnull(RecvResolutionHeight) and RecvResolutionHeight < videoResolutionPoorPx' +
        ' or MediaKind == "ScreenShare" and isnotnull(RecvResolutionHeight) and RecvResolutionHeight < screenResolutionPoorPx,',
      'FreezePoor = MediaKind == "Video" and isnotnull(RecvFreezeDurationPerMinuteInMs) and RecvFreezeDurationPerMinuteInMs > videoFreezePoorMs' +
        ' or MediaKind == "ScreenShare" and isnotnull(RecvFreezeDurationPerMinuteInMs) and RecvFreezeDurationPerMinuteInMs > screenFreezePoorMs,',
      'BitratePoor = MediaKind == "Video" and isnotnull(VideoBitRateAvg) and VideoBitRateAvg < videoBitratePoorBps\n',
    ];
    for (const r of rules) expect(kql).toContain(r);
    // Every rule column is part of IsPoor and of PoorReasons, in the same order.
    const cols = Object.keys(POOR_RULES);
    expect(kql).toContain(`IsPoor = ${cols.join(" or ")},`);
    const reasons = cols.map((c) => `iff(${c}, ", ${POOR_RULES[c as keyof typeof POOR_RULES]}", "")`).join(", ");
    expect(kql).toContain(`PoorReasons = substring(strcat(${reasons}), 2)`);
  });

  it("declares each threshold with its documented default", () => {
    expect(kql).toContain("let rttPoorMs = 500;");
    expect(kql).toContain("let jitterPoorMs = 30;");
    expect(kql).toContain("let packetLossPoorRatio = 0.1;");
    expect(kql).toContain("let jitterBufferPoorMs = 200;");
    expect(kql).toContain("let videoBitratePoorBps = 150000;");
  });

  it("and the other building blocks are valid queries with the inferred row types", () => {
    expectValidQuery(classifiedStreams());
    expect(Object.keys(classifiedStreams().columns)).toEqual(
      expect.arrayContaining(["MediaKind", "ParticipantKey", "IsPoor", "PoorReasons", ...Object.keys(POOR_RULES)]),
    );
    expectValidQuery(streams());
    expectValidQuery(participants());
    expectValidQuery(streamsWithParticipant());
  });
});

describe("participant-quality join", () => {
  const entry = entries.find((e) => e.id === "participant-quality")!;
  const kql = toKql(entry.query);

  it("keys summary and streams on CorrelationId plus ParticipantKey (ParticipantId, or EndpointId in P2P)", () => {
    expect(kql).toContain("| join kind=leftouter (");
    expect(kql).toMatch(/\) on CorrelationId, ParticipantKey\n/);
    const key = "ParticipantKey = iff(isempty(ParticipantId), EndpointId, ParticipantId)";
    expect(kql.split(key).length - 1).toBe(2); // computed the same way on both sides
    // The right side starts at ACSCallDiagnostics with the time filter.
    expect(kql).toMatch(/join kind=leftouter \(\n {4}ACSCallDiagnostics\n {4}\| where TimeGenerated > ago\(lookback\)/);
  });
});

describe("poor-streams-by-dimension", () => {
  const entry = entries.find((e) => e.id === "poor-streams-by-dimension")!;
  const kql = toKql(entry.query);

  it("has one leg per dimension over one materialized, participant-enriched stream set", () => {
    expect(kql).toContain("let streamsWithParticipant = materialize(");
    for (const d of BREAKDOWN_DIMENSIONS) expect(kql).toContain(`by Dimension = "${d}", Value = ${d}\n`);
    expect(kql).toMatch(/\| lookup kind=leftouter \(\n {8}ACSCallSummary\n {8}\| where TimeGenerated > ago\(lookback\)/);
    expect(kql).toContain(") on CorrelationId, ParticipantKey\n");
  });

  it("simplifies the OS with Redacted kept, Android before Linux and iPhone/iPad before Darwin", () => {
    const os = /OsName = (case\(OsVersion == "Redacted", "Redacted", .*?, "Other"\))/.exec(kql)?.[1] ?? "";
    const at = (s: string) => os.indexOf(s);
    expect(at('isempty(OsVersion), "Unknown"')).toBeGreaterThan(0);
    expect(at('"Android") >= 0, "Android"')).toBeLessThan(at('"Linux") >= 0'));
    expect(at('"iPhone") >= 0')).toBeLessThan(at('"Darwin") >= 0'));
    expect(at('"Windows") >= 0, "Windows"')).toBeGreaterThan(0);
  });
});

describe("Max-column histograms", () => {
  const cases = [
    { id: "jitter-max-histogram", column: "JitterMax", bin: "JitterMaxMs", size: "10", type: "long", avgId: "jitter-histogram" },
    { id: "packet-loss-max-histogram", column: "PacketLossRateMax", bin: "PacketLossRateMax", size: "0.01", type: "real", avgId: "packet-loss-histogram" },
    { id: "rtt-max-histogram", column: "RoundTripTimeMax", bin: "RoundTripTimeMaxMs", size: "10", type: "long", avgId: "rtt-histogram" },
  ] as const;

  it.each(cases)("$id counts deduplicated streams reporting $column per $size bin", ({ id, column, bin, size, type, avgId }) => {
    const entry = entries.find((e) => e.id === id)!;
    expect(entry.query.columns).toEqual({ [bin]: type, Streams: "long" });
    expect(entry.visualization).toBe("columnchart");
    for (const params of [{}, { lookback: "30d", mediaTypes: ["Video"], endpointTypes: ["Server"] }]) {
      const kql = expectValidQuery(entry.query, { params });
      expect(lint(kql)).toEqual([]);
      expect(kql).toContain("| summarize arg_max(TimeGenerated, *) by CorrelationId, ParticipantId, EndpointId, MediaType, StreamId, StreamDirection\n");
      expect(kql).toMatch(new RegExp(`\\| where isnotnull\\(${column}\\)\\n\\| summarize Streams = count\\(\\) by ${bin} = bin\\(${column}, ${size}\\)\\n\\| order by ${bin} asc$`));
    }
    // Same stream set as the Avg histogram: only the final three operators differ.
    const avg = toKql(entries.find((e) => e.id === avgId)!.query).split("\n");
    const max = toKql(entry.query).split("\n");
    expect(max.slice(0, -3)).toEqual(avg.slice(0, -3));
  });
});

describe("network-metric-quality-ratio", () => {
  const entry = entries.find((e) => e.id === "network-metric-quality-ratio")!;
  const kql = toKql(entry.query);
  const legs = [
    { metric: "RoundTripTime", column: "RoundTripTimeAvg", threshold: "rttPoorMs", rule: 'strcat("RoundTripTimeAvg > ", rttPoorMs, " ms")' },
    { metric: "Jitter", column: "JitterAvg", threshold: "jitterPoorMs", rule: 'strcat("JitterAvg > ", jitterPoorMs, " ms")' },
    { metric: "PacketLoss", column: "PacketLossRateAvg", threshold: "packetLossPoorRatio", rule: 'strcat("PacketLossRateAvg > ", packetLossPoorRatio)' },
  ] as const;

  it("has rows Metric × Quality with stream counts, share, the reporting streams and the rule", () => {
    expect(entry.query.columns).toEqual({
      Metric: "string",
      Quality: "string",
      Streams: "long",
      Percent: "real",
      ReportingStreams: "long",
      Rule: "string",
    });
    expect(kql).toContain('| extend Quality = dynamic(["Good","Poor"])\n| mv-expand Quality to typeof(string) limit 2\n');
    expect(kql).toContain('| extend Streams = iff(Quality == "Poor", PoorStreams, ReportingStreams - PoorStreams)\n');
    expect(kql).toContain("Percent = round(Streams * 100.0 / ReportingStreams, 2)");
    expect(kql).toMatch(/\| order by Metric asc, Quality asc$/);
  });

  it.each(legs)("judges $metric on its own: streams without $column left out, poor above $threshold", ({ metric, column, threshold, rule }) => {
    expect(kql.replace(/^ +/gm, "")).toContain(
      `| where isnotnull(${column})\n` +
        `| summarize ReportingStreams = count(), PoorStreams = countif(isnotnull(${column}) and ${column} > ${threshold}) by Metric = "${metric}", Rule = ${rule}\n`,
    );
    expect(Object.values(POOR_RULES)).toContain(metric);
    // The same rule as the classification's rule column (POOR_RULES), so the counts agree with poor-stream-reasons.
    expect(toKql(classifiedStreams())).toContain(`isnotnull(${column}) and ${column} > ${threshold}`);
  });

  it("reads one materialized, deduplicated, three-column stream set, and takes each threshold from its parameter", () => {
    expect(kql).toContain("let networkAverages = materialize(");
    expect(kql).toContain("    | project RoundTripTimeAvg, JitterAvg, PacketLossRateAvg\n);");
    expect(kql.match(/^ *networkAverages$/gm)).toHaveLength(3);
    expect(parametersOf(entry.query).map((x) => x.name)).toEqual(
      expect.arrayContaining(["lookback", "mediaTypes", "endpointTypes", "rttPoorMs", "jitterPoorMs", "packetLossPoorRatio"]),
    );
    const other = expectValidQuery(entry.query, { params: { rttPoorMs: 300, jitterPoorMs: 20, packetLossPoorRatio: 0.05, lookback: "1d" } });
    expect(lint(other)).toEqual([]);
    expect(other).toContain("let rttPoorMs = 300;\nlet jitterPoorMs = 20;\nlet packetLossPoorRatio = 0.05;");
    expect(kql).toContain("let rttPoorMs = 500;\nlet jitterPoorMs = 30;\nlet packetLossPoorRatio = 0.1;");
  });
});

describe("queries/README.md parity tables", () => {
  const readme = readFileSync(join(__dirname, "..", "..", "queries", "README.md"), "utf8");
  const ids = new Set(catalog.map((e) => e.id));

  it("have no TODO left", () => {
    expect(readme).not.toMatch(/TODO/);
  });

  it("map every Microsoft example to catalog ids that exist", () => {
    const rows = readme
      .slice(readme.indexOf("## Parity with Microsoft's example queries"), readme.indexOf("### Beyond the examples"))
      .split("\n")
      .filter((l) => l.startsWith("| ") && !l.startsWith("| Group ") && !l.startsWith("| Microsoft's query ") && !/^\|[-| ]+\|$/.test(l));
    expect(rows.length).toBeGreaterThan(40);
    for (const row of rows) {
      const cells = row.split("|").slice(1, -1);
      expect(cells.length, row).toBeGreaterThanOrEqual(3);
      const idCell = cells.length === 4 ? cells[2]! : cells[1]!; // with or without the Group column
      const named = [...idCell.matchAll(/`([a-z0-9]+(?:-[a-z0-9]+)+)`/g)].map((m) => m[1]!);
      expect(named.length, row).toBeGreaterThan(0);
      for (const id of named) expect(ids.has(id), `${id} in: ${row}`).toBe(true);
    }
  });

  it("name every quality entry's Microsoft counterpart, and list the new entries", () => {
    for (const id of ["jitter-max-histogram", "packet-loss-max-histogram", "rtt-max-histogram", "network-metric-quality-ratio"]) {
      expect(readme).toContain(`\`${id}\``);
    }
  });
});
