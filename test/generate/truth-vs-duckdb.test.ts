// The files are read back with DuckDB (read_json), not with the generator's code, and the
// counts and quality figures are computed in SQL, then compared with truth.json.
import * as fs from "node:fs";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateLogs, THRESHOLDS, type GroundTruth } from "../../src/generate/index.js";
import { LocalDb } from "../../src/local/duckdb.js";
import { categoryToTable } from "../../src/schema/index.js";
import { sqlString, tempDir } from "./helpers.js";

const POOR_SHARE = 0.2;
let out = "";
let truth: GroundTruth;
let db: LocalDb;

beforeAll(async () => {
  out = tempDir("duckdb");
  await generateLogs({ calls: 160, seed: 21, layouts: ["archive", "flat"], outDir: out, poorShare: POOR_SHARE, failureShare: 0.15 });
  // Read what was written, not what generateLogs returned.
  truth = JSON.parse(fs.readFileSync(path.join(out, "truth.json"), "utf8")) as GroundTruth;
  db = await LocalDb.open();
});

afterAll(() => {
  db?.close();
  if (out) fs.rmSync(out, { recursive: true, force: true });
});

const archive = (category?: string) =>
  `read_json(${sqlString(path.join(out, "archive", category ? `insights-logs-${category.toLowerCase()}` : "", "**", "*.json"))}, ` +
  `format='newline_delimited', hive_partitioning=false, union_by_name=true)`;
const flat = (table: string) => `read_json(${sqlString(path.join(out, "flat", `${table}.jsonl`))}, format='newline_delimited')`;
const num = (rows: Record<string, unknown>[], col = "n") => Number(rows[0]?.[col]);

describe("generated files read back with DuckDB agree with truth.json", () => {
  it("has the truth's row count per table in both layouts, and one CorrelationId per call", async () => {
    const byCategory = await db.all(`SELECT category, count(*) AS n FROM ${archive()} GROUP BY category ORDER BY category`);
    const archiveRows = Object.fromEntries(byCategory.map((r) => [categoryToTable.get(String(r["category"])), Number(r["n"])]));
    expect(archiveRows).toEqual(truth.rows);
    for (const [table, n] of Object.entries(truth.rows)) {
      expect(num(await db.all(`SELECT count(*) AS n FROM ${flat(table)}`)), table).toBe(n);
    }
    expect(num(await db.all(`SELECT count(DISTINCT correlationId) AS n FROM ${archive("CallSummary")}`))).toBe(truth.options.calls);
    expect(num(await db.all(`SELECT count(DISTINCT CorrelationId) AS n FROM ${flat("ACSCallDiagnostics")}`))).toBe(truth.aggregates.callsWithDiagnostics);
    expect(truth.aggregates.calls).toBe(160);
  });

  it("has the truth's calls per type, failed and ungraceful participants (archive summary, string properties)", async () => {
    const byType = await db.all(`SELECT properties.callType AS t, count(DISTINCT correlationId) AS n FROM ${archive("CallSummary")} GROUP BY ALL ORDER BY t`);
    expect(Object.fromEntries(byType.map((r) => [r["t"], Number(r["n"])]))).toEqual(truth.aggregates.callsByType);
    const ends = await db.all(
      `SELECT count(*) FILTER (WHERE NOT (properties.participantEndReason LIKE '0%' OR properties.participantEndReason LIKE '2%')) AS failed, ` +
        `count(*) FILTER (WHERE properties.resultCategory LIKE 'Unexpected%') AS ungraceful, count(*) AS n FROM ${archive("CallSummary")}`,
    );
    expect(num(ends, "failed")).toBe(truth.aggregates.failedParticipants);
    expect(num(ends, "ungraceful")).toBe(truth.aggregates.ungracefulParticipants);
    expect(num(ends)).toBe(truth.aggregates.summaryRows);
    // failureShare 0.15 of the participant legs (server rows never fail).
    const legs = truth.aggregates.summaryRows - truth.aggregates.serverSummaryRows;
    expect(truth.aggregates.failedParticipants / legs).toBeGreaterThan(0.1);
    expect(truth.aggregates.failedParticipants / legs).toBeLessThan(0.2);
  });

  it("has the truth's poor streams and impacted calls under the catalog's dedupe and rules, about the asked share", async () => {
    const t = THRESHOLDS;
    const rows = await db.all(`
      WITH latest AS (
        SELECT *, CASE WHEN MediaType IN ('VBSS', 'AppSharing') THEN 'ScreenShare' ELSE MediaType END AS kind
        FROM ${flat("ACSCallDiagnostics")}
        QUALIFY row_number() OVER (PARTITION BY CorrelationId, ParticipantId, EndpointId, MediaType, StreamId, StreamDirection ORDER BY TimeGenerated DESC) = 1
      ), classified AS (
        SELECT *, (
          coalesce(RoundTripTimeAvg > ${t.rttPoorMs}, false) OR coalesce(JitterAvg > ${t.jitterPoorMs}, false)
          OR coalesce(PacketLossRateAvg > ${t.packetLossPoorRatio}, false)
          OR (kind = 'Audio' AND (coalesce(JitterBufferSizeAvg > ${t.jitterBufferPoorMs}, false) OR coalesce(HealedDataRatioAvg > ${t.healedRatioPoor}, false)))
          OR (kind = 'Video' AND (coalesce(VideoFrameRateAvg < ${t.videoFrameRatePoorFps}, false) OR coalesce(RecvResolutionHeight < ${t.videoResolutionPoorPx}, false)
              OR coalesce(RecvFreezeDurationPerMinuteInMs > ${t.videoFreezePoorMs}, false) OR coalesce(VideoBitRateAvg < ${t.videoBitratePoorBps}, false)))
          OR (kind = 'ScreenShare' AND (coalesce(VideoFrameRateAvg < ${t.screenFrameRatePoorFps}, false) OR coalesce(RecvResolutionHeight < ${t.screenResolutionPoorPx}, false)
              OR coalesce(RecvFreezeDurationPerMinuteInMs > ${t.screenFreezePoorMs}, false)))
        ) AS poor FROM latest
      )
      SELECT kind, count(*) AS streams, count(*) FILTER (WHERE poor) AS poor FROM classified GROUP BY ROLLUP (kind) ORDER BY kind NULLS FIRST`);
    const all = rows[0] as Record<string, unknown>;
    expect(all["kind"]).toBeNull();
    expect(Number(all["streams"])).toBe(truth.aggregates.streams);
    expect(Number(all["poor"])).toBe(truth.aggregates.poorStreams);
    expect(Object.fromEntries(rows.slice(1).map((r) => [r["kind"], Number(r["poor"])]))).toEqual(truth.aggregates.poorStreamsByMediaKind);
    const share = truth.aggregates.poorStreams / truth.aggregates.streams;
    expect(share).toBeGreaterThan(POOR_SHARE - 0.05);
    expect(share).toBeLessThan(POOR_SHARE + 0.05);
    // Some streams were reported twice, so the dedupe matters: raw rows differ from streams.
    expect(truth.aggregates.duplicateReports).toBeGreaterThan(0);
    expect(truth.aggregates.diagnosticsRows).toBe(truth.aggregates.streams + truth.aggregates.duplicateReports);

    const impacted = await db.all(`
      SELECT count(DISTINCT CorrelationId) AS n FROM ${flat("ACSCallDiagnostics")} d
      WHERE TimeGenerated = (SELECT max(TimeGenerated) FROM ${flat("ACSCallDiagnostics")} x
        WHERE x.CorrelationId = d.CorrelationId AND x.ParticipantId = d.ParticipantId AND x.EndpointId = d.EndpointId
          AND x.MediaType = d.MediaType AND x.StreamId = d.StreamId AND x.StreamDirection = d.StreamDirection)
        AND (RoundTripTimeAvg > ${t.rttPoorMs} OR JitterAvg > ${t.jitterPoorMs} OR PacketLossRateAvg > ${t.packetLossPoorRatio}
          OR (MediaType = 'Audio' AND (JitterBufferSizeAvg > ${t.jitterBufferPoorMs} OR HealedDataRatioAvg > ${t.healedRatioPoor}))
          OR (MediaType = 'Video' AND (VideoFrameRateAvg < ${t.videoFrameRatePoorFps} OR RecvResolutionHeight < ${t.videoResolutionPoorPx}
              OR RecvFreezeDurationPerMinuteInMs > ${t.videoFreezePoorMs} OR VideoBitRateAvg < ${t.videoBitratePoorBps}))
          OR (MediaType IN ('VBSS', 'AppSharing') AND (VideoFrameRateAvg < ${t.screenFrameRatePoorFps} OR RecvResolutionHeight < ${t.screenResolutionPoorPx}
              OR RecvFreezeDurationPerMinuteInMs > ${t.screenFreezePoorMs})))`);
    expect(num(impacted)).toBe(truth.aggregates.impactedCalls);
  });

  it("has the truth's reliability legs per metric in ACSCallingMetrics once the latest emission per dimensions is kept", async () => {
    const dims = "TimestampBin, MetricName, CallType, Platform, SdkVersion, ResultType, SubCode, DeviceOsName, DeviceBrowser";
    const rows = await db.all(`
      SELECT MetricName AS metric, sum(LegsDcount) AS legs, sum(SuccessLegsDcount) AS success, sum(FailedLegsDcount) AS failed
      FROM (SELECT * FROM ${flat("ACSCallingMetrics")} QUALIFY row_number() OVER (PARTITION BY ${dims} ORDER BY TimestampMax DESC) = 1)
      GROUP BY MetricName ORDER BY MetricName`);
    const fromSql = Object.fromEntries(rows.map((r) => [r["metric"], { legs: Number(r["legs"]), success: Number(r["success"]), failed: Number(r["failed"]) }]));
    expect(fromSql).toEqual(truth.aggregates.callingMetrics);
    expect(Object.keys(fromSql)).toEqual(expect.arrayContaining(["reliability/api/Join", "reliability/api/StartCall", "reliability/leg/Drop"]));
    // Some bins were emitted twice, so summing the raw rows would count legs twice.
    const raw = await db.all(`SELECT sum(LegsDcount) AS n FROM ${flat("ACSCallingMetrics")}`);
    const kept = Object.values(truth.aggregates.callingMetrics).reduce((s, m) => s + m.legs, 0);
    expect(num(raw)).toBeGreaterThan(kept);
  });

  it("has the truth's survey bands per aspect, each score normalised within its own bounds", async () => {
    const parts = ["Overall", "Audio", "Video", "Screenshare"].map(
      (a) => `SELECT '${a}' AS aspect, ${a}RatingScore AS score, ${a}RatingScoreLowerBound AS lo, ${a}RatingScoreUpperBound AS hi, ${a}RatingScoreThreshold AS th FROM ${flat("ACSCallSurvey")}`,
    );
    const rows = await db.all(`
      SELECT aspect, count(*) AS responses,
        count(*) FILTER (WHERE n >= 4.5) AS good, count(*) FILTER (WHERE n >= 3 AND n < 4.5) AS average, count(*) FILTER (WHERE n < 3) AS poor,
        count(*) FILTER (WHERE score <= th) AS below
      FROM (SELECT *, round(1 + 4.0 * (score - lo) / (hi - lo), 2) AS n FROM (${parts.join(" UNION ALL ")}) WHERE score IS NOT NULL)
      GROUP BY aspect ORDER BY aspect`);
    const fromSql = Object.fromEntries(
      rows.map((r) => [r["aspect"], { responses: Number(r["responses"]), Good: Number(r["good"]), Average: Number(r["average"]), Poor: Number(r["poor"]), belowThreshold: Number(r["below"]) }]),
    );
    expect(fromSql).toEqual(truth.aggregates.surveys.byAspect);
    expect(Object.keys(fromSql)).toEqual(["Audio", "Overall", "Screenshare", "Video"]);
  });

  it("lists per-call facts that agree with the rows of each call", async () => {
    const facts = truth.callFacts ?? [];
    expect(facts).toHaveLength(truth.options.calls);
    expect(facts.filter((f) => f.impacted)).toHaveLength(truth.aggregates.impactedCalls);
    const perCall = await db.all(
      `SELECT CorrelationId::VARCHAR AS id, count(*) FILTER (WHERE EndpointType <> 'Server') AS legs, ` +
        `count(*) FILTER (WHERE EndpointId = 'Redacted') AS redacted, list(ParticipantEndReason || '/' || ParticipantEndSubCode ORDER BY ParticipantEndReason || '/' || ParticipantEndSubCode) FILTER (WHERE EndpointType <> 'Server') AS ends ` +
        `FROM ${flat("ACSCallSummary")} GROUP BY ALL`,
    );
    const byId = new Map(perCall.map((r) => [String(r["id"]), r]));
    for (const f of facts) {
      const r = byId.get(f.correlationId);
      expect(Number(r?.["legs"]), f.correlationId).toBe(f.participants.length);
      expect(Number(r?.["redacted"])).toBe(f.participants.filter((p) => p.redacted).length);
      expect(r?.["ends"]).toEqual(f.participants.map((p) => `${p.endCode}/${p.endSubCode}`).sort());
    }
    const media = await db.all(`SELECT MediaType AS m, count(*) AS n FROM ${flat("ACSCallDiagnostics")} GROUP BY ALL ORDER BY m`);
    expect(Object.fromEntries(media.map((r) => [r["m"], Number(r["n"])]))).toEqual(truth.aggregates.diagnosticsRowsByMediaType);
  });

  it("lists client operations, surveys and kept ACSCallingMetrics bins that agree with the rows written", async () => {
    const facts = truth.callFacts ?? [];
    const ops = facts.flatMap((f) => f.clientOps.map((o) => ({ ...o, callId: f.correlationId })));
    expect(ops).toHaveLength(truth.rows["ACSCallClientOperations"] as number);
    const opRows = await db.all(
      `SELECT OperationId, CallId, ParticipantId, OperationName, ResultType, DurationMs, SdkVersion, TimeGenerated, CallClientTimeStamp, ` +
        `coalesce(OperationPayload.SubCode::VARCHAR, '') AS sub, coalesce(OperationPayload.DiagnosticQuality, '') AS quality FROM ${flat("ACSCallClientOperations")}`,
    );
    const key = (x: readonly unknown[]) => x.map((v) => (v instanceof Date ? v.toISOString() : v === null || v === undefined ? "" : String(v))).join("|");
    const fromRows = opRows.map((r) =>
      key([r["CallId"], r["ParticipantId"], r["OperationName"], r["ResultType"], r["DurationMs"], r["SdkVersion"], r["TimeGenerated"], r["CallClientTimeStamp"], r["sub"], r["quality"]]),
    );
    const fromFacts = ops.map((o) => key([o.callId, o.participantId, o.operationName, o.resultType, o.durationMs, o.sdkVersion, o.timeGenerated, o.clientTime, o.subCode, o.ufdQuality]));
    expect(fromRows.sort()).toEqual(fromFacts.sort());

    const sv = facts.flatMap((f) => f.surveys.map((s) => key([f.correlationId, s.surveyId, s.overall[0], s.audio?.[0], s.audioIssues])));
    const svRows = await db.all(`SELECT CallId, SurveyId, OverallRatingScore, AudioRatingScore, AudioIssues FROM ${flat("ACSCallSurvey")}`);
    expect(svRows.map((r) => key([r["CallId"], r["SurveyId"], r["OverallRatingScore"], r["AudioRatingScore"], r["AudioIssues"]])).sort()).toEqual(sv.sort());

    // The bins are the rows left after keeping the latest emission per bin and dimensions.
    const dims = "TimestampBin, MetricName, CallType, Platform, SdkVersion, ResultType, SubCode, DeviceOsName, DeviceBrowser";
    const kept = await db.all(`SELECT ${dims}, LegsDcount, SuccessLegsDcount FROM ${flat("ACSCallingMetrics")} QUALIFY row_number() OVER (PARTITION BY ${dims} ORDER BY TimestampMax DESC) = 1`);
    const bins = truth.callingMetricsBins ?? [];
    expect(kept.map((r) => key([r["TimestampBin"], r["MetricName"], r["CallType"], r["Platform"], r["SdkVersion"], r["ResultType"], r["SubCode"], r["DeviceOsName"], r["DeviceBrowser"], r["LegsDcount"], r["SuccessLegsDcount"]])).sort()).toEqual(
      bins.map((b) => key([b.day, b.metric, b.callType, b.platform, b.sdkVersion, b.resultType, b.subCode, b.deviceOsName, b.deviceBrowser, b.legs, b.success])).sort(),
    );
    expect(bins.length).toBeLessThan(truth.rows["ACSCallingMetrics"] as number);
  });

  it("lists per-stream transports and network metrics of every row written, and each call's first deduplicated diagnostics time", async () => {
    const facts = truth.callFacts ?? [];
    const key = (x: readonly unknown[]) => x.map((v) => (v === null || v === undefined ? "" : String(v))).join("|");
    const fromFacts = facts.flatMap((f) =>
      f.streams.flatMap((s) => {
        expect(s.earlierReport !== undefined, `${f.correlationId} ${s.streamId}`).toBe(s.duplicateReport);
        return [s, ...(s.earlierReport ? [s.earlierReport] : [])].map((m) =>
          key([f.correlationId, s.mediaType, s.streamId, s.direction, s.transportType, m.roundTripTimeAvg, m.roundTripTimeMax, m.jitterAvg, m.jitterMax, m.packetLossRateAvg, m.packetLossRateMax]),
        );
      }),
    );
    const rows = await db.all(
      `SELECT CorrelationId, MediaType, StreamId, StreamDirection, TransportType, RoundTripTimeAvg, RoundTripTimeMax, JitterAvg, JitterMax, PacketLossRateAvg, PacketLossRateMax FROM ${flat("ACSCallDiagnostics")}`,
    );
    const fromRows = rows.map((r) =>
      key(["CorrelationId", "MediaType", "StreamId", "StreamDirection", "TransportType", "RoundTripTimeAvg", "RoundTripTimeMax", "JitterAvg", "JitterMax", "PacketLossRateAvg", "PacketLossRateMax"].map((c) => r[c])),
    );
    expect(fromRows.sort()).toEqual(fromFacts.sort());
    expect(new Set(facts.flatMap((f) => f.streams.map((s) => s.transportType)))).toEqual(new Set(["UDP", "TCP", "Unrecognized"]));

    const first = await db.all(`
      SELECT CorrelationId::VARCHAR AS id, min(TimeGenerated) AS first FROM (
        SELECT * FROM ${flat("ACSCallDiagnostics")}
        QUALIFY row_number() OVER (PARTITION BY CorrelationId, ParticipantId, EndpointId, MediaType, StreamId, StreamDirection ORDER BY TimeGenerated DESC) = 1
      ) GROUP BY ALL`);
    const firstById = Object.fromEntries(first.map((r) => [String(r["id"]), (r["first"] as Date).toISOString()]));
    expect(Object.fromEntries(facts.filter((f) => f.firstDiagnosticsTime !== null).map((f) => [f.correlationId, f.firstDiagnosticsTime]))).toEqual(firstById);
    expect(facts.filter((f) => f.firstDiagnosticsTime === null).every((f) => f.streams.length === 0)).toBe(true);
  });

  it("keeps every record at or before the end instant and every call start inside the window", async () => {
    const r = await db.all(`SELECT max(time) AS last, min(CAST(properties.callStartTime AS TIMESTAMP)) AS first FROM ${archive("CallSummary")}`);
    const end = Date.parse(truth.end);
    expect((r[0]?.["last"] as Date).getTime()).toBeLessThanOrEqual(end);
    expect((r[0]?.["first"] as Date).getTime()).toBeGreaterThan(end - truth.options.days * 86_400_000);
    const last = await db.all(`SELECT max(TimeGenerated) AS last FROM ${flat("ACSCallDiagnostics")}`);
    expect((last[0]?.["last"] as Date).getTime()).toBeLessThanOrEqual(end);
  });
});
