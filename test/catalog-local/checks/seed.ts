// Checks of every supported catalog entry on the seed's sample records (the documentation
// page's samples, test/fixtures/seed). The expected numbers are worked out by hand from
// the records below, following each entry's definition; they are not read off a run.
//
// What the queries see after loading (src/local: the text "null" is '' for strings and
// NULL otherwise, numbers given as strings are typed, the leading space of one
// ParticipantId is kept):
//
// Call P2P = 8d1a8374-… (TimeGenerated 2021-07-19T18:46:50.188Z), ACSCallSummary:
//   S1 VoIP  ParticipantId ''  EndpointId 570ea078-… P2P   SDK 1.0.1.0  OS "Windows 10.0.17763 Arch: x64"
//      CallStart 2021-07-19T17:54:05.113 CallDuration 6    ParticipantStart 17:54:06.758
//   S2 VoIP  ParticipantId ''  EndpointId a5bd82f9-… P2P   SDK 1.1.0.0  OS ''
//      CallStart 2021-07-19T17:54:05.335 CallDuration 6    ParticipantStart 17:54:06.335
//   S3 VoIP  ParticipantId ''  EndpointId 02cbdb3c-… P2P   SDK/OS Redacted (cross-tenant)
//      CallStart 2022-08-14T06:18:27.010 CallDuration 520  ParticipantStart 2022-08-14T06:18:27.010
//   S4 PSTN  ParticipantId " b25cf111-…"  EndpointId 8731d003-… Group  SDK/OS Redacted
//      CallStart 2022-08-07T13:53:12     CallDuration 1470 ParticipantStart 2022-08-07T13:56:45
//   ACSCallDiagnostics (all VoIP, UDP, no ParticipantId):
//   D1 570ea078 Audio stream 1000       RTT 82/88   jitter 1/1 loss 0/0
//   D2 a5bd82f9 Audio stream 1363841599 RTT 78/84   jitter 1/1 loss 0/0
//   D3 570ea078 Video stream 2804       RTT 103/143 jitter 0/4 loss 3.146336e-5/0.001769911
// Call GROUP = 341acde7-… (TimeGenerated 2021-07-05T06:30:06.402Z), ACSCallSummary, all Group:
//   G1 VoIP ParticipantId 04cc26f5 EndpointId 5ebd55df-…-89e6… SDK 1.0.0.3 OS Darwin… CallStart 06:16:40.240 dur 87  PStart 06:16:44.235
//   G2 VoIP ParticipantId 1a9cb3d1 EndpointId 5ebd55df-…-ab89… SDK 1.0.0.3 OS Android 11.0… CallStart 06:16:40.240 dur 87  PStart 06:16:40.240
//   G3 PSTN ParticipantId 515650f7 EndpointId 46387150 SDK '' OS ''              CallStart 06:16:40.240 dur 87  PStart 06:17:10.447
//   G4 VoIP ParticipantId aa1dd7da EndpointId 02cbdb3c-… SDK/OS Redacted        CallStart 2022-08-14T06:18:27.010 dur 912
//   G5 Bot  ParticipantId 66e9d9a7 EndpointId 69680ec2 SDK/OS Redacted          CallStart 2022-08-09T16:00:32 dur 1470 PStart 16:14:18
//   ACSCallDiagnostics (all Audio, UDP):
//   E1 VoIP   04cc26f5 EndpointId 5ebd…89e6 stream 14884 RTT 46/48 jitter 0/1 loss 0/0
//   E2 Server 04cc26f5 EndpointId ''        stream 2001  RTT 42/44 jitter 1/1 loss 0/0
//   E3 VoIP   1a9cb3d1 EndpointId 5ebd…ab89 stream 13783 RTT 45/46 jitter 1/2 loss 0/0
//   E4 Server 1a9cb3d1 EndpointId ''        stream 1000  RTT 45/46 jitter 1/4 loss 0/(none)
// Every ParticipantEndReason is "0"; ParticipantEndSubCode, ResultCategory, StreamDirection
// are empty. No other table has rows: entries over them must give what Kusto gives on empty
// input (no rows; one row of 0 / null for an un-grouped summarize).
import { expect } from "vitest";
import type { LocalRow } from "../../../src/local/duckdb.js";
import { byKey, sumOf, type LocalFixture } from "../harness.js";
import type { SeedCheck } from "./check.js";

const P2P = "8d1a8374-344d-4502-b54b-ba2d6daaf0ae";
const GROUP = "341acde7-8aa5-445b-a3da-2ddadca47d22";
// Participant keys (ParticipantId, else EndpointId).
const S1 = "570ea078-74e9-4430-9c67-464ba1fa5859";
const S2 = "a5bd82f9-ac38-4f4a-a0fa-bb3467cdcc64";
const S3 = "02cbdb3c-155a-4d98-b829-aaaaa61d44ea";
const S4 = " b25cf111-73df-4e0a-a888-640000abe34d";
const G1 = "04cc26f5-a86d-481c-b9f9-7a40be4d6fba";
const G2 = "1a9cb3d1-7898-4063-b3d2-26c1630ecf03";
const G3 = "515650f7-8204-4079-ac9d-d8f4bf07b04c";
const G4 = "aa1dd7da-5922-4bb1-a4fa-e350a111fd9c";
const G5 = "66e9d9a7-a434-4663-d91d-fb1ea73ff31e";

const iso = (v: unknown): string => (v instanceof Date ? v.toISOString() : String(v));
const col = (rows: readonly LocalRow[], name: string): unknown[] => rows.map((r) => r[name]);
const json = (v: unknown): unknown => (typeof v === "string" ? JSON.parse(v) : v);
const sorted = (v: unknown): unknown[] => [...(json(v) as unknown[])].sort();
/** Key of a participant row: ParticipantId, else EndpointId (as the joins key it). */
const pkey = (r: LocalRow): string => (r["ParticipantId"] ? String(r["ParticipantId"]) : String(r["EndpointId"]));
/** Rows per key, for a count by a column. */
function countBy(rows: readonly LocalRow[], key: (r: LocalRow) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of rows) out[key(r)] = (out[key(r)] ?? 0) + 1;
  return out;
}
/** A check that the entry returns no rows (its tables are empty in the seed, or nothing matches). */
const none = (params?: Readonly<Record<string, unknown>>) => (id: string) => async (f: LocalFixture) => {
  expect(await f.run(id, params)).toEqual([]);
};

// The per-stream quality rules under default thresholds flag none of the seven streams
// (highest RTT 103 ms < 500, jitter ≤ 1 < 30, loss ≤ 3.1e-5 < 0.1; the video stream reports
// no frame rate, resolution, freeze or bitrate, so those rules cannot fire). With
// rttPoorMs = 80, D1 (82) and D3 (103) are poor; with rttPoorMs = 45 also E1 (46).
const RTT80 = { rttPoorMs: 80 };

const checks: Record<string, (id: string) => SeedCheck> = {
  // --- joins ---------------------------------------------------------------------------
  "summary-diagnostics-by-participant-stream": (id) => async (f) => {
    const rows = await f.run(id);
    // 9 participants; S1 has 2 streams (D1, D3), S2 1, G1 2 (E1 + the server's E2), G2 2
    // (E3, E4); S3, S4, G3, G4, G5 have none and appear once each: 2+1+2+2+5 = 12.
    expect(rows).toHaveLength(12);
    expect(countBy(rows, (r) => `${r["ParticipantKey"]}`)).toEqual({ [S1]: 2, [S2]: 1, [S3]: 1, [S4]: 1, [G1]: 2, [G2]: 2, [G3]: 1, [G4]: 1, [G5]: 1 });
    const withStream = rows.filter((r) => r["StreamId"] !== null);
    expect(withStream).toHaveLength(7);
    expect(withStream.map((r) => Number(r["StreamId"])).sort((a, b) => a - b)).toEqual([1000, 1000, 2001, 2804, 13783, 14884, 1363841599]);
    expect(rows.filter((r) => r["StreamId"] === null).map((r) => r["ParticipantKey"]).sort()).toEqual([S4, S3, G3, G4, G5].sort());
    // Streams without a match keep empty string columns, as Kusto's strings are never null.
    expect(rows.filter((r) => r["StreamId"] === null).map((r) => r["MediaType"])).toEqual(["", "", "", "", ""]);
    expect(rows.filter((r) => r["ParticipantKey"] === S1).map((r) => `${r["MediaType"]}:${r["RoundTripTimeAvg"]}`).sort()).toEqual(["Audio:82", "Video:103"]);
    expect(rows.filter((r) => r["ParticipantKey"] === G1).map((r) => r["ReportedBy"]).sort()).toEqual(["Server", "VoIP"]);
    // Redacted: SDK/OS "Redacted" on S3, S4, G4, G5.
    expect(new Set(rows.filter((r) => r["Redacted"] === true).map((r) => r["ParticipantKey"]))).toEqual(new Set([S3, S4, G4, G5]));
    // Only the video stream D3 matches mediaTypes=Video; the other 8 participants show once without streams.
    const video = await f.run(id, { mediaTypes: ["Video"] });
    expect(video).toHaveLength(9);
    expect(video.filter((r) => r["StreamId"] !== null).map((r) => [r["ParticipantKey"], r["StreamId"]])).toEqual([[S1, 2804]]);
    // callTypes=P2P: S1 (2 streams), S2 (1), S3 (none) = 4 rows.
    expect(await f.run(id, { callTypes: ["P2P"] })).toHaveLength(4);
  },

  "call-participants-streams": (id) => async (f) => {
    // Ordered by participant start: S2 17:54:06.335, S1 17:54:06.758 (Audio then Video),
    // S4 2022-08-07, S3 2022-08-14 (no streams).
    const p2p = await f.run(id, { correlationId: P2P });
    expect(col(p2p, "ParticipantKey")).toEqual([S2, S1, S1, S4, S3]);
    expect(col(p2p, "MediaType")).toEqual(["Audio", "Audio", "Video", "", ""]);
    expect(col(p2p, "RoundTripTimeAvg")).toEqual([78, 82, 103, null, null]);
    expect(col(p2p, "PacketLossRateMax")).toEqual([0, 0, 0.001769911, null, null]);
    // Group call: G2 06:16:40.240 (streams 1000, 13783), G1 06:16:44.235 (2001, 14884),
    // G3 06:17:10.447, G5 2022-08-09, G4 2022-08-14.
    const group = await f.run(id, { correlationId: GROUP });
    expect(col(group, "ParticipantKey")).toEqual([G2, G2, G1, G1, G3, G5, G4]);
    expect(col(group, "StreamId")).toEqual([1000, 13783, 2001, 14884, null, null, null]);
    expect(col(group, "ParticipantDuration")).toEqual([87, 87, 82, 82, 52, 644, 902]);
    // The call id is matched case-insensitively; an empty one matches no call.
    expect(await f.run(id, { correlationId: P2P.toUpperCase() })).toHaveLength(5);
    expect(await f.run(id)).toEqual([]);
  },

  "summary-updates-latest": none(),
  "diagnostics-updates-latest": none(),
  "survey-ratings-by-participant": none(),

  "participant-phone-numbers": (id) => async (f) => {
    // BillingKey: CorrelationId for the P2P rows S1–S3 (one leg), ParticipantId otherwise:
    // S4 (Group row in the P2P call) and G1–G5 → 7 legs, no billing records.
    const rows = await f.run(id);
    expect(rows).toHaveLength(7);
    expect(col(rows, "UsageRecords")).toEqual(Array(7).fill(null));
    const p2pLeg = rows.find((r) => r["BillingKey"] === P2P);
    expect(p2pLeg?.["CallType"]).toBe("P2P");
    expect(sorted(p2pLeg?.["EndpointTypes"])).toEqual(["VoIP"]);
    expect(iso(p2pLeg?.["CallStartTime"])).toBe("2021-07-19T17:54:05.113Z");
    // Newest call start first: G4 2022-08-14, G5 2022-08-09, S4 2022-08-07, P2P leg 2021-07-19, then G1–G3.
    expect(col(rows, "BillingKey").slice(0, 4)).toEqual([G4, G5, S4, P2P]);
    expect(col(rows, "BillingKey").slice(4).sort()).toEqual([G1, G2, G3].sort());
    // endpointTypes=PSTN: S4 (2022-08-07) then G3 (2021-07-05).
    expect(col(await f.run(id, { endpointTypes: ["PSTN"] }), "BillingKey")).toEqual([S4, G3]);
  },

  "call-client-operations": none({ correlationId: P2P }),

  "participants-normalised": (id) => async (f) => {
    // Participant = coalesce(ParticipantId, Identifier, EndpointId): the P2P rows have no
    // ParticipantId and take their Identifier (S3's is a cross-tenant id, not "Redacted").
    const rows = await f.run(id);
    expect(rows).toHaveLength(9);
    expect(col(rows, "Participant").sort()).toEqual(
      [
        "acs:61fddbe3-0003-4066-97bc-6aaf143bbb84_0000000b-4fee-66cf-ac00-343a0d003158",
        "acs:7af14122-9ac7-4b81-80a8-4bf3582b42d0_06f9276d-8efe-4bdd-8c22-ebc5434903f0",
        "1e4c59e1-r1rr-49bc-893d-990dsds8f9f5",
        S4,
        G1, G2, G3, G4, G5,
      ].sort(),
    );
    expect(sumOf(rows, "SummaryRows")).toBe(9);
    expect(rows.filter((r) => r["Redacted"] === true)).toHaveLength(4);
    expect(countBy(rows, (r) => `${r["CorrelationId"]}/${r["CallType"]}`)).toEqual({ [`${P2P}/P2P`]: 3, [`${P2P}/Group`]: 1, [`${GROUP}/Group`]: 5 });
    expect(await f.run(id, { callTypes: ["P2P"] })).toHaveLength(3);
    expect(await f.run(id, { endpointTypes: ["PSTN"] })).toHaveLength(2);
  },

  "call-automation-summary": none(),
  "call-automation-diagnostics": none(),

  "call-list": (id) => async (f) => {
    const rows = await f.run(id);
    // P2P call: earliest start S1's; CallType = max("P2P","Group") = "P2P"; longest
    // CallDuration 1470 (S4); 4 participant keys; TeamsInterop from S4's thread id.
    // Group call: 5 participants, longest 1470 (G5). No survey, no client operations.
    expect(col(rows, "CorrelationId")).toEqual([P2P, GROUP]);
    expect(rows.map((r) => iso(r["CallStartTime"]))).toEqual(["2021-07-19T17:54:05.113Z", "2021-07-05T06:16:40.240Z"]);
    expect(col(rows, "CallType")).toEqual(["P2P", "Group"]);
    expect(col(rows, "CallDuration")).toEqual([1470, 1470]);
    expect(col(rows, "Participants")).toEqual([4, 5]);
    expect(col(rows, "UnexpectedEndParticipants")).toEqual([0, 0]);
    expect(col(rows, "TeamsInterop")).toEqual([true, true]);
    expect(col(rows, "Streams")).toEqual([3, 4]);
    expect(col(rows, "PoorStreams")).toEqual([0, 0]);
    expect(col(rows, "Quality")).toEqual(["Good", "Good"]);
    expect(col(rows, "Surveys")).toEqual([null, null]);
    expect(col(rows, "RatingCategory")).toEqual(["Not rated", "Not rated"]);
    expect(col(rows, "FailedClientOperations")).toEqual([null, null]);
    // rttPoorMs=45: D1, D2, D3 (82, 78, 103) and E1 (46) are above it; 45 is not.
    const strict = await f.run(id, { rttPoorMs: 45 });
    expect(col(strict, "PoorStreams")).toEqual([3, 1]);
    expect(col(strict, "Quality")).toEqual(["Poor", "Poor"]);
    // callTypes=Group keeps the whole group call and S4's row of the P2P call.
    const group = await f.run(id, { callTypes: ["Group"] });
    expect(col(group, "Participants")).toEqual([1, 5]);
    expect(col(group, "CallType")).toEqual(["Group", "Group"]);
  },

  // --- quality ---------------------------------------------------------------------------
  "stream-quality-classification": (id) => async (f) => {
    // 7 distinct streams (6 audio, 1 video), none poor.
    const rows = await f.run(id);
    expect(col(rows, "MediaKind")).toEqual(["All", "Audio", "Video"]);
    expect(col(rows, "Streams")).toEqual([7, 6, 1]);
    expect(col(rows, "PoorStreams")).toEqual([0, 0, 0]);
    expect(col(rows, "GoodPercent")).toEqual([100, 100, 100]);
    // rttPoorMs=80: D1 (audio) and D3 (video) poor.
    const r80 = await f.run(id, RTT80);
    expect(byKey(r80, "MediaKind", "PoorStreams")).toEqual({ All: 2, Audio: 1, Video: 1 });
    expect(byKey(r80, "MediaKind", "PoorPercent")).toEqual({ All: 28.57, Audio: 16.67, Video: 100 });
    expect(byKey(r80, "MediaKind", "GoodPercent")).toEqual({ All: 71.43, Audio: 83.33, Video: 0 });
    // endpointTypes=Server: the two server-reported audio streams E2, E4.
    expect(byKey(await f.run(id, { endpointTypes: ["Server"] }), "MediaKind", "Streams")).toEqual({ All: 2, Audio: 2 });
  },

  "poor-stream-reasons": (id) => async (f) => {
    expect(await f.run(id)).toEqual([]);
    // rttPoorMs=80 and jitterPoorMs=0: RoundTripTime on D1 (audio) and D3 (video);
    // Jitter (avg > 0) on D1, D2 (P2P call) and E2, E3, E4 (group call): 5 audio streams, 2 calls.
    const rows = await f.run(id, { ...RTT80, jitterPoorMs: 0 });
    expect(rows[0]).toMatchObject({ Reason: "Jitter", MediaKind: "Audio", PoorStreams: 5, Calls: 2 });
    expect(rows.slice(1).map((r) => `${r["Reason"]}/${r["MediaKind"]}:${r["PoorStreams"]}/${r["Calls"]}`).sort()).toEqual([
      "RoundTripTime/Audio:1/1",
      "RoundTripTime/Video:1/1",
    ]);
    // packetLossPoorRatio=0.00001: only D3's 3.146336e-5.
    expect((await f.run(id, { packetLossPoorRatio: 0.00001 })).map((r) => `${r["Reason"]}/${r["MediaKind"]}:${r["PoorStreams"]}`)).toEqual(["PacketLoss/Video:1"]);
  },

  "impacted-calls": (id) => async (f) => {
    expect(await f.run(id)).toEqual([{ Calls: 2, ImpactedCalls: 0, Streams: 7, PoorStreams: 0, ImpactedPercent: 0, PoorStreamPercent: 0 }]);
    // rttPoorMs=80: the P2P call has 2 poor streams of the 7.
    expect(await f.run(id, RTT80)).toEqual([{ Calls: 2, ImpactedCalls: 1, Streams: 7, PoorStreams: 2, ImpactedPercent: 50, PoorStreamPercent: 28.57 }]);
    // No VBSS stream: Kusto's un-grouped summarize gives one row, count/sum 0 and 0.0/0 = NaN.
    const [empty, ...rest] = await f.run(id, { mediaTypes: ["VBSS"] });
    expect(rest).toEqual([]);
    expect(empty).toMatchObject({ Calls: 0, ImpactedCalls: 0, Streams: 0, PoorStreams: 0 });
    expect(empty?.["ImpactedPercent"]).toBeNaN();
  },

  "impacted-calls-over-time": (id) => async (f) => {
    // Each call's bin is the hour of its first diagnostics row: 2021-07-05 06:00 (group), 2021-07-19 18:00 (P2P).
    const rows = await f.run(id);
    expect(rows.map((r) => iso(r["TimeGenerated"]))).toEqual(["2021-07-05T06:00:00.000Z", "2021-07-19T18:00:00.000Z"]);
    expect(col(rows, "Calls")).toEqual([1, 1]);
    expect(col(rows, "ImpactedCalls")).toEqual([0, 0]);
    const r80 = await f.run(id, { ...RTT80, timeBin: "1d" });
    expect(r80.map((r) => iso(r["TimeGenerated"]))).toEqual(["2021-07-05T00:00:00.000Z", "2021-07-19T00:00:00.000Z"]);
    expect(col(r80, "ImpactedPercent")).toEqual([0, 100]);
  },

  "participant-quality": (id) => async (f) => {
    const rows = await f.run(id);
    expect(rows).toHaveLength(9);
    const byP = Object.fromEntries(rows.map((r) => [pkey(r), r]));
    // Streams per participant key: S1 2 (D1, D3), S2 1, G1 2 (E1, E2), G2 2 (E3, E4), others 0.
    expect(Object.fromEntries(Object.entries(byP).map(([k, r]) => [k, r["Streams"]]))).toEqual({ [S1]: 2, [S2]: 1, [S3]: 0, [S4]: 0, [G1]: 2, [G2]: 2, [G3]: 0, [G4]: 0, [G5]: 0 });
    expect(rows.filter((r) => r["HasDiagnostics"] === true)).toHaveLength(4);
    expect(byP[S1]).toMatchObject({ MaxRoundTripTimeAvg: 103, MaxJitterAvg: 1, MaxPacketLossRateAvg: 3.146336e-5, OsName: "Windows", PoorStreams: 0 });
    expect(byP[G1]).toMatchObject({ MaxRoundTripTimeAvg: 46, OsName: "iOS", SdkVersion: "1.0.0.3" });
    expect(byP[G2]).toMatchObject({ MaxRoundTripTimeAvg: 45, MaxJitterAvg: 1, OsName: "Android" });
    expect(sorted(byP[G2]?.["TransportTypes"])).toEqual(["UDP"]);
    expect(Object.fromEntries(Object.entries(byP).map(([k, r]) => [k, r["OsName"]]))).toMatchObject({ [S2]: "Unknown", [S3]: "Redacted", [S4]: "Redacted", [G3]: "Unknown", [G5]: "Redacted" });
    // Order: poor streams, then streams desc, then CorrelationId asc ("341a…" before "8d1a…").
    expect(rows.slice(0, 2).map(pkey).sort()).toEqual([G1, G2].sort());
    expect(rows.slice(2, 4).map(pkey)).toEqual([S1, S2]);
    // rttPoorMs=80: both of S1's streams are poor and S1 leads.
    const r80 = await f.run(id, RTT80);
    expect(r80[0]).toMatchObject({ EndpointId: S1, PoorStreams: 2, PoorReasons: "RoundTripTime" });
    expect(sumOf(r80, "PoorStreams")).toBe(2);
    // osNames=Windows: S1 only.
    expect((await f.run(id, { osNames: ["Windows"] })).map(pkey)).toEqual([S1]);
  },

  "poor-streams-by-dimension": (id) => async (f) => {
    const rows = await f.run(id);
    const dim = (rs: readonly LocalRow[], d: string, c: string) => byKey(rs.filter((r) => r["Dimension"] === d), "Value", c);
    // Streams take OS/SDK of their participant: D1, D3 → S1 (Windows, 1.0.1.0); D2 → S2
    // (OS '' → Unknown, 1.1.0.0); E1, E2 → G1 (a bare Darwin kernel string → iOS, 1.0.0.3); E3, E4 → G2 (Android, 1.0.0.3).
    expect(dim(rows, "MediaType", "Streams")).toEqual({ Audio: 6, Video: 1 });
    expect(dim(rows, "TransportType", "Streams")).toEqual({ UDP: 7 });
    expect(dim(rows, "EndpointType", "Streams")).toEqual({ VoIP: 5, Server: 2 });
    expect(dim(rows, "EndpointType", "Calls")).toEqual({ VoIP: 2, Server: 1 });
    expect(dim(rows, "OsName", "Streams")).toEqual({ Windows: 2, Unknown: 1, iOS: 2, Android: 2 });
    expect(dim(rows, "SdkVersion", "Streams")).toEqual({ "1.0.1.0": 2, "1.1.0.0": 1, "1.0.0.3": 4 });
    expect(sumOf(rows, "PoorStreams")).toBe(0);
    expect([...new Set(col(rows, "Dimension"))]).toEqual(["EndpointType", "MediaType", "OsName", "SdkVersion", "TransportType"]);
    // rttPoorMs=80: D1 (audio, VoIP) and D3 (video, VoIP) of the P2P call, both Windows.
    const r80 = await f.run(id, RTT80);
    expect(dim(r80, "MediaType", "PoorPercent")).toEqual({ Audio: 16.67, Video: 100 });
    expect(dim(r80, "EndpointType", "PoorPercent")).toEqual({ VoIP: 40, Server: 0 });
    expect(dim(r80, "EndpointType", "ImpactedPercent")).toEqual({ VoIP: 50, Server: 0 });
    expect(dim(r80, "OsName", "PoorStreams")).toEqual({ Windows: 2, Unknown: 0, iOS: 0, Android: 0 });
    // sdkVersions=1.0.0.3: the group call's four audio streams.
    expect(dim(await f.run(id, { sdkVersions: ["1.0.0.3"] }), "MediaType", "Streams")).toEqual({ Audio: 4 });
  },

  // bin(…, 10) of RTT avg 82, 78, 103, 46, 42, 45, 45.
  "rtt-histogram": (id) => async (f) => {
    expect(byKey(await f.run(id), "RoundTripTimeAvgMs", "Streams")).toEqual({ 40: 4, 70: 1, 80: 1, 100: 1 });
    expect(col(await f.run(id), "RoundTripTimeAvgMs")).toEqual([40, 70, 80, 100]);
    expect(byKey(await f.run(id, { mediaTypes: ["Video"] }), "RoundTripTimeAvgMs", "Streams")).toEqual({ 100: 1 });
  },
  // Jitter avg 1, 1, 0, 0, 1, 1, 1: all in the 0–10 bin.
  "jitter-histogram": (id) => async (f) => {
    expect(await f.run(id)).toEqual([{ JitterAvgMs: 0, Streams: 7 }]);
    expect(await f.run(id, { endpointTypes: ["Server"] })).toEqual([{ JitterAvgMs: 0, Streams: 2 }]);
  },
  // Loss avg all below 0.01.
  "packet-loss-histogram": (id) => async (f) => {
    expect(await f.run(id)).toEqual([{ PacketLossRateAvg: 0, Streams: 7 }]);
    expect(await f.run(id, { mediaTypes: ["Video"] })).toEqual([{ PacketLossRateAvg: 0, Streams: 1 }]);
  },
  // RTT max 88, 84, 143, 48, 44, 46, 46.
  "rtt-max-histogram": (id) => async (f) => {
    expect(await f.run(id)).toEqual([
      { RoundTripTimeMaxMs: 40, Streams: 4 },
      { RoundTripTimeMaxMs: 80, Streams: 2 },
      { RoundTripTimeMaxMs: 140, Streams: 1 },
    ]);
  },
  // Jitter max 1, 1, 4, 1, 1, 2, 4.
  "jitter-max-histogram": (id) => async (f) => {
    expect(await f.run(id)).toEqual([{ JitterMaxMs: 0, Streams: 7 }]);
  },
  // Loss max: E4 reports none, the other six are below 0.01.
  "packet-loss-max-histogram": (id) => async (f) => {
    expect(await f.run(id)).toEqual([{ PacketLossRateMax: 0, Streams: 6 }]);
  },

  "network-metric-quality-ratio": (id) => async (f) => {
    const rows = await f.run(id);
    expect(rows.map((r) => `${r["Metric"]}/${r["Quality"]}:${r["Streams"]}/${r["ReportingStreams"]}:${r["Percent"]}`)).toEqual([
      "Jitter/Good:7/7:100",
      "Jitter/Poor:0/7:0",
      "PacketLoss/Good:7/7:100",
      "PacketLoss/Poor:0/7:0",
      "RoundTripTime/Good:7/7:100",
      "RoundTripTime/Poor:0/7:0",
    ]);
    expect(byKey(rows, "Metric", "Rule")).toEqual({ Jitter: "JitterAvg > 30 ms", PacketLoss: "PacketLossRateAvg > 0.1", RoundTripTime: "RoundTripTimeAvg > 500 ms" });
    const rtt = (await f.run(id, RTT80)).filter((r) => r["Metric"] === "RoundTripTime");
    expect(rtt.map((r) => [r["Quality"], r["Streams"], r["Percent"], r["Rule"]])).toEqual([
      ["Good", 5, 71.43, "RoundTripTimeAvg > 80 ms"],
      ["Poor", 2, 28.57, "RoundTripTimeAvg > 80 ms"],
    ]);
  },

  "network-metric-percentiles": (id) => async (f) => {
    // Nearest rank over the audio RTTs 42, 45, 45, 46, 78, 82: P50 = 3rd = 45, P90/P95/P99 = 6th = 82.
    // Audio jitter 0, 1, 1, 1, 1, 1: P50 = 1. Video: one stream (RTT 103, jitter 0, loss 3.146336e-5).
    const rows = await f.run(id);
    expect(col(rows, "MediaKind")).toEqual(["Audio", "Video"]);
    expect(rows[0]).toMatchObject({ Streams: 6, RttP50: 45, RttP90: 82, RttP95: 82, RttP99: 82, JitterP50: 1, JitterP99: 1, PacketLossP99: 0 });
    expect(rows[1]).toMatchObject({ Streams: 1, RttP50: 103, RttP99: 103, JitterP50: 0, PacketLossP50: 3.146336e-5 });
    // endpointTypes=VoIP: audio RTTs 45, 46, 78, 82 → P50 = 2nd = 46.
    expect((await f.run(id, { endpointTypes: ["VoIP"] }))[0]).toMatchObject({ MediaKind: "Audio", Streams: 4, RttP50: 46, RttP90: 82 });
  },

  // --- errors ----------------------------------------------------------------------------
  "end-reasons-by-sip-class": (id) => async (f) => {
    // All 9 summary rows end with "0".
    expect(await f.run(id)).toEqual([{ SipClass: "Success", participants: 9, sharePct: 100 }]);
    expect(await f.run(id, { callTypes: ["P2P"] })).toEqual([{ SipClass: "Success", participants: 3, sharePct: 100 }]);
  },

  "end-reasons-with-meaning": (id) => async (f) => {
    // One combination ("0", '', ''): 9 participants in 2 calls. The end-code table knows
    // "0" only with a subcode and has no code-level entry for it; a 0 is a normal hang-up.
    const rows = await f.run(id);
    expect(rows).toEqual([
      {
        EndCode: "0",
        EndSubCode: "",
        ResultCategory: "",
        SipClass: "Success",
        participants: 9,
        calls: 2,
        Meaning: "Normal end (the end-code table has no details for this subcode)",
        Advice: "Nothing to do: the call or leg ended normally.",
      },
    ]);
    expect(await f.run(id, { endpointTypes: ["PSTN"] })).toMatchObject([{ participants: 2, calls: 2 }]);
  },

  "ungraceful-drop-rate": (id) => async (f) => {
    // Hour bins of CallStartTime: 2021-07-05 06:00 (G1–G3), 2021-07-19 17:00 (S1, S2),
    // 2022-08-07 13:00 (S4), 2022-08-09 16:00 (G5), 2022-08-14 06:00 (S3, G4). No Unexpected*.
    const rows = await f.run(id);
    expect(rows.map((r) => iso(r["TimeBin"]))).toEqual([
      "2021-07-05T06:00:00.000Z",
      "2021-07-19T17:00:00.000Z",
      "2022-08-07T13:00:00.000Z",
      "2022-08-09T16:00:00.000Z",
      "2022-08-14T06:00:00.000Z",
    ]);
    expect(col(rows, "participants")).toEqual([3, 2, 1, 1, 2]);
    expect(sumOf(rows, "ungraceful")).toBe(0);
    expect(col(rows, "overallUngracefulPct")).toEqual([0, 0, 0, 0, 0]);
    const p2p = await f.run(id, { callTypes: ["P2P"] });
    expect(p2p.map((r) => [iso(r["TimeBin"]), r["participants"]])).toEqual([
      ["2021-07-19T17:00:00.000Z", 2],
      ["2022-08-14T06:00:00.000Z", 1],
    ]);
  },

  "failures-by-sdk-and-os": (id) => async (f) => {
    // Rows with an SDK version (G3 has none): S1 1.0.1.0/Windows, S2 1.1.0.0/Unknown (OS ''),
    // S3, S4, G4, G5 Redacted/Redacted, G1 1.0.0.3/iOS (a bare Darwin kernel string), G2 1.0.0.3/Android.
    const rows = await f.run(id);
    expect(rows.map((r) => `${r["SdkVersion"]}/${r["OsName"]}:${r["participants"]}`).slice(0, 3)).toEqual(["Redacted/Redacted:4", "1.1.0.0/Unknown:1", "1.0.1.0/Windows:1"]);
    expect(rows.map((r) => `${r["SdkVersion"]}/${r["OsName"]}:${r["participants"]}`).slice(3).sort()).toEqual(["1.0.0.3/Android:1", "1.0.0.3/iOS:1"]);
    expect(sumOf(rows, "failures")).toBe(0);
    expect(col(rows, "failurePct")).toEqual([0, 0, 0, 0, 0]);
    expect(await f.run(id, { osNames: ["Redacted"] })).toMatchObject([{ SdkVersion: "Redacted", participants: 4, ungraceful: 0 }]);
  },

  // Both PSTN legs (S4, G3) ended with "0": no failures.
  "pstn-failures-by-direction": none(),

  // --- volume ----------------------------------------------------------------------------
  "participants-per-call": (id) => async (f) => {
    // Distinct (ParticipantId, EndpointId): 4 in the P2P call (S1–S4), 5 in the group call.
    expect(await f.run(id)).toEqual([{ Calls: 2, Participants: 9, AvgParticipantsPerCall: 4.5, P50ParticipantsPerCall: 4, P90ParticipantsPerCall: 5, MaxParticipantsPerCall: 5 }]);
    // endpointTypes=PSTN: S4 and G3, one per call.
    expect(await f.run(id, { endpointTypes: ["PSTN"] })).toEqual([{ Calls: 2, Participants: 2, AvgParticipantsPerCall: 1, P50ParticipantsPerCall: 1, P90ParticipantsPerCall: 1, MaxParticipantsPerCall: 1 }]);
    // Nothing matches: one row, count/sum 0, avg/percentiles/max null.
    expect(await f.run(id, { callTypes: ["NoSuchType"] })).toEqual([{ Calls: 0, Participants: 0, AvgParticipantsPerCall: null, P50ParticipantsPerCall: null, P90ParticipantsPerCall: null, MaxParticipantsPerCall: null }]);
  },

  "participants-per-group-call-histogram": (id) => async (f) => {
    // Group rows with a ParticipantId: S4 alone in the P2P call, G1–G5 in the group call.
    expect(await f.run(id)).toEqual([{ Participants: 1, Calls: 1 }, { Participants: 5, Calls: 1 }]);
    // endpointTypes=VoIP: G1, G2, G4 (S4 is PSTN).
    expect(await f.run(id, { endpointTypes: ["VoIP"] })).toEqual([{ Participants: 3, Calls: 1 }]);
  },

  "endpoints-per-call": (id) => async (f) => {
    // Distinct EndpointIds: 4 and 5 (S3 and G4 share one, but in different calls).
    expect(await f.run(id)).toEqual([{ Calls: 2, Endpoints: 9, AvgEndpointsPerCall: 4.5, P50EndpointsPerCall: 4, P90EndpointsPerCall: 5, MaxEndpointsPerCall: 5 }]);
    // callTypes=Group: S4 alone in the P2P call, 5 in the group call.
    expect(await f.run(id, { callTypes: ["Group"] })).toEqual([{ Calls: 2, Endpoints: 6, AvgEndpointsPerCall: 3, P50EndpointsPerCall: 1, P90EndpointsPerCall: 5, MaxEndpointsPerCall: 5 }]);
  },

  "streams-per-call": (id) => async (f) => {
    // 3 streams in the P2P call, 4 in the group call.
    expect(await f.run(id)).toEqual([{ Calls: 2, Streams: 7, AvgStreamsPerCall: 3.5, P50StreamsPerCall: 3, P90StreamsPerCall: 4, MaxStreamsPerCall: 4 }]);
    expect(await f.run(id, { mediaTypes: ["Video"] })).toEqual([{ Calls: 1, Streams: 1, AvgStreamsPerCall: 1, P50StreamsPerCall: 1, P90StreamsPerCall: 1, MaxStreamsPerCall: 1 }]);
  },

  "streams-per-call-histogram": (id) => async (f) => {
    expect(await f.run(id)).toEqual([{ StreamsPerCall: 3, Calls: 1 }, { StreamsPerCall: 4, Calls: 1 }]);
    expect(await f.run(id, { endpointTypes: ["Server"] })).toEqual([{ StreamsPerCall: 2, Calls: 1 }]);
  },

  "call-type-ratio": (id) => async (f) => {
    // Distinct (call, CallType): the P2P call also has S4's Group row, so Group 2, P2P 1.
    expect(await f.run(id)).toEqual([{ CallType: "Group", Calls: 2 }, { CallType: "P2P", Calls: 1 }]);
    expect(byKey(await f.run(id, { endpointTypes: ["VoIP"] }), "CallType", "Calls")).toEqual({ Group: 1, P2P: 1 });
  },

  "call-duration-histogram": (id) => async (f) => {
    // Longest CallDuration per call: 1470 (S4) and 1470 (G5) → bin 1440.
    expect(await f.run(id)).toEqual([{ DurationSec: 1440, Calls: 2 }]);
    // endpointTypes=VoIP: P2P call max(6, 6, 520) = 520 → 480; group call max(87, 87, 912) = 912 → 900.
    expect(await f.run(id, { endpointTypes: ["VoIP"] })).toEqual([{ DurationSec: 480, Calls: 1 }, { DurationSec: 900, Calls: 1 }]);
  },

  "call-duration-percentiles": (id) => async (f) => {
    expect(await f.run(id)).toEqual([{ Calls: 2, AvgDurationSec: 1470, P50DurationSec: 1470, P90DurationSec: 1470, P99DurationSec: 1470 }]);
    // endpointTypes=VoIP: 520 and 912 → avg 716, nearest rank P50 = 520, P90 = 912.
    expect(await f.run(id, { endpointTypes: ["VoIP"] })).toEqual([{ Calls: 2, AvgDurationSec: 716, P50DurationSec: 520, P90DurationSec: 912, P99DurationSec: 912 }]);
  },

  "calls-over-time": (id) => async (f) => {
    // Earliest CallStartTime per call: 2021-07-05T06:16:40.240 and 2021-07-19T17:54:05.113.
    const rows = await f.run(id);
    expect(rows.map((r) => [iso(r["TimeBin"]), r["Calls"]])).toEqual([
      ["2021-07-05T06:00:00.000Z", 1],
      ["2021-07-19T17:00:00.000Z", 1],
    ]);
    // endpointTypes=PSTN: G3 (2021-07-05T06:16:40.240) and S4 (2022-08-07T13:53:12).
    expect((await f.run(id, { endpointTypes: ["PSTN"] })).map((r) => iso(r["TimeBin"]))).toEqual(["2021-07-05T06:00:00.000Z", "2022-08-07T13:00:00.000Z"]);
  },

  "daily-calls": (id) => async (f) => {
    expect((await f.run(id)).map((r) => [iso(r["Day"]), r["Calls"]])).toEqual([
      ["2021-07-05T00:00:00.000Z", 1],
      ["2021-07-19T00:00:00.000Z", 1],
    ]);
    // lookback=14d from 2021-07-19T18:46:51.188 starts 2021-07-05T18:46:51.188, after the group call's rows.
    expect((await f.run(id, { lookback: "14d" })).map((r) => [iso(r["Day"]), r["Calls"]])).toEqual([["2021-07-19T00:00:00.000Z", 1]]);
  },

  "sdk-version-ratio": (id) => async (f) => {
    const rows = await f.run(id);
    expect(byKey(rows, "SdkVersion", "Participants")).toEqual({ Redacted: 4, "1.0.0.3": 2, "1.0.1.0": 1, "1.1.0.0": 1, "": 1 });
    expect(col(rows, "SdkVersion").slice(0, 2)).toEqual(["Redacted", "1.0.0.3"]);
    expect(byKey(await f.run(id, { callTypes: ["P2P"] }), "SdkVersion", "Participants")).toEqual({ Redacted: 1, "1.0.1.0": 1, "1.1.0.0": 1 });
  },

  "os-ratio": (id) => async (f) => {
    // G1's bare Darwin kernel string (iPhone chip S5L8960X) is iOS; S2 and G3 have no OS (Unknown).
    const rows = await f.run(id);
    expect(byKey(rows, "OsName", "Participants")).toEqual({ Redacted: 4, Unknown: 2, Windows: 1, iOS: 1, Android: 1 });
    expect(col(rows, "OsName").slice(0, 2)).toEqual(["Redacted", "Unknown"]);
    expect(await f.run(id, { osNames: ["iOS"] })).toEqual([{ OsName: "iOS", Participants: 1 }]);
  },

  "os-version-ratio": (id) => async (f) => {
    // Windows up to the first '.', Android up to ';', Darwin up to ':'.
    const rows = await f.run(id);
    expect(Object.fromEntries(rows.map((r) => [`${r["OsName"]}|${r["OsVersionSimplified"]}`, r["Participants"]]))).toEqual({
      "Redacted|Redacted": 4,
      "Unknown|": 2,
      "Windows|Windows 10": 1,
      "iOS|Darwin Kernel Version 18.7.0": 1,
      "Android|Android 11.0": 1,
    });
    expect(await f.run(id, { osNames: ["Android"] })).toEqual([{ OsVersionSimplified: "Android 11.0", OsName: "Android", Participants: 1 }]);
  },

  "media-type-ratio": (id) => async (f) => {
    expect(await f.run(id)).toEqual([{ MediaType: "Audio", Streams: 6 }, { MediaType: "Video", Streams: 1 }]);
    expect(await f.run(id, { endpointTypes: ["VoIP"] })).toEqual([{ MediaType: "Audio", Streams: 4 }, { MediaType: "Video", Streams: 1 }]);
  },

  "transport-type-ratio": (id) => async (f) => {
    expect(await f.run(id)).toEqual([{ TransportType: "UDP", Streams: 7 }]);
    expect(await f.run(id, { mediaTypes: ["Video"] })).toEqual([{ TransportType: "UDP", Streams: 1 }]);
  },

  "average-telemetry-values": (id) => async (f) => {
    // Means over 7 streams: jitter avg 5/7, jitter max 14/7, RTT avg 441/7 = 63, RTT max 499/7,
    // loss avg 3.146336e-5/7; loss max over the 6 streams that report it: 0.001769911/6.
    const [all, ...rest] = await f.run(id);
    expect(rest).toEqual([]);
    expect(all?.["Streams"]).toBe(7);
    expect(all?.["JitterAvg"]).toBeCloseTo(5 / 7, 12);
    expect(all?.["JitterMax"]).toBeCloseTo(2, 12);
    expect(all?.["RoundTripTimeAvg"]).toBeCloseTo(63, 12);
    expect(all?.["RoundTripTimeMax"]).toBeCloseTo(499 / 7, 12);
    expect(all?.["PacketLossRateAvg"]).toBeCloseTo(3.146336e-5 / 7, 15);
    expect(all?.["PacketLossRateMax"]).toBeCloseTo(0.001769911 / 6, 15);
    // mediaTypes=Audio: RTT avg (82 + 78 + 46 + 42 + 45 + 45) / 6, jitter max (1+1+1+1+2+4) / 6.
    const [audio] = await f.run(id, { mediaTypes: ["Audio"] });
    expect(audio?.["Streams"]).toBe(6);
    expect(audio?.["RoundTripTimeAvg"]).toBeCloseTo(338 / 6, 12);
    expect(audio?.["JitterMax"]).toBeCloseTo(10 / 6, 12);
    expect(audio?.["PacketLossRateMax"]).toBe(0);
    // No VBSS stream: one row, count 0 and avg null.
    expect(await f.run(id, { mediaTypes: ["VBSS"] })).toEqual([
      { Streams: 0, JitterAvg: null, JitterMax: null, RoundTripTimeAvg: null, RoundTripTimeMax: null, PacketLossRateAvg: null, PacketLossRateMax: null },
    ]);
  },

  // --- tables the seed does not have -------------------------------------------------------
  "calling-metrics-latest": none(),
  "scenario-reliability-over-time": none(),
  "scenario-reliability-summary": none(),
  "call-drop-rate-over-time": none(),
  "reliability-failures-by-subcode": none(),
  // Un-grouped summarize over no client operations: one row, the iff() gives 0.0.
  "call-setup-failure-rate": (id) => async (f) => {
    expect(await f.run(id)).toEqual([{ SetupAttempts: 0, FailedSetups: 0, SetupFailurePct: 0 }]);
  },
  "ufd-overview": none(),
  "ufd-by-sdk-version": none(),
  "ufd-recovery-rate-over-time": none(),
  "ufd-by-platform": none(),
  "sdk-api-reliability": none(),
  "sdk-api-reliability-day-over-day": none(),
  "sdk-api-latency-percentiles": none(),
  "sdk-api-latency-histogram": none(),
  "sdk-api-top-failing-subcodes": none(),
  "survey-rating-distribution": none(),
  "survey-rating-summary": none(),
  "survey-issue-frequency": none(),
  // No survey, so the inner join with the (non-empty) stream side has no row.
  "survey-rating-vs-stream-quality": none(),
  "media-stats-distribution": none(),
  "media-stats-worst-intervals": none({ correlationId: P2P }),
};

/** One check per supported catalog entry, on the seed's sample records. */
export const seedChecks: Readonly<Record<string, SeedCheck>> = Object.fromEntries(Object.entries(checks).map(([id, make]) => [id, make(id)]));
