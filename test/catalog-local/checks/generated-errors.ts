// Ground-truth checks of queries/errors.ts and queries/alerts.ts: every expected number is
// recomputed in JS from the generator's per-call facts (summary rows, client operations)
// by the entry's own definition.
import { expect } from "vitest";
import { endCodeLookupRows, isUngraceful } from "../../../src/errors/index.js";
import type { GeneratedFixture } from "../harness.js";
import type { GeneratedCheck } from "./check.js";
import { clientOps, cmpStr, distinct, expectSorted, groupBy, keyed, osFamily, participantRows, pct, plain, summaryRows, type SummaryRowFact } from "./truth-views.js";

/** The Insights workbook's rule: the code does not start with 0 or 2. */
const isFailed = (code: string) => !code.startsWith("0") && !code.startsWith("2");

/** errors.ts sipClassExpr: bucket by the first digit. */
function sipClass(code: string): string {
  const d = code.charAt(0);
  return d === "0" || d === "2"
    ? "Success"
    : ({ "1": "Provisional", "3": "Redirection", "4": "Client failure", "5": "Server failure", "6": "Global failure" } as Record<string, string>)[d] ?? "Unknown";
}

async function endReasonsBySipClass(f: GeneratedFixture, params: Record<string, unknown>, rowsOf: (all: SummaryRowFact[]) => SummaryRowFact[]) {
  const rows = await f.run("end-reasons-by-sip-class", params);
  const facts = rowsOf(participantRows(f.truth));
  const expected: Record<string, Record<string, unknown>> = {};
  for (const [cls, list] of groupBy(facts, (r) => sipClass(r.endCode))) expected[cls] = { participants: list.length, sharePct: pct(list.length, facts.length) };
  expect(keyed(rows, ["SipClass"], ["participants", "sharePct"])).toEqual(expected);
  expectSorted(rows, (a, b) => Number(b["participants"]) - Number(a["participants"]), "participants desc");
}

/** Expected rows of end-reasons-with-meaning: (code, subcode, category) by rows, calls, then the keys. */
function topEndReasons(facts: readonly SummaryRowFact[], topN: number) {
  return [...groupBy(facts, (r) => `${r.endCode}|${r.endSubCode}|${r.resultCategory}`).values()]
    .map((list) => {
      const r = list[0] as SummaryRowFact;
      return { EndCode: r.endCode, EndSubCode: r.endSubCode, ResultCategory: r.resultCategory, participants: list.length, calls: distinct(list.map((x) => x.callId)) };
    })
    .sort((a, b) => b.participants - a.participants || b.calls - a.calls || cmpStr(a.EndCode, b.EndCode) || cmpStr(a.EndSubCode, b.EndSubCode) || cmpStr(a.ResultCategory, b.ResultCategory))
    .slice(0, topN);
}

/** The end-code dataset as end-reasons-with-meaning looks it up: exact pair, code level, then by SIP class. */
function expectedWording(code: string, subcode: string): { Meaning: string; Advice: string } {
  const rows = endCodeLookupRows();
  const hit = rows.find((x) => x.Code === code && x.SubCode === subcode) ?? rows.find((x) => x.Code === code && x.SubCode === "");
  if (hit) return { Meaning: hit.Meaning, Advice: hit.Advice };
  return sipClass(code) === "Success"
    ? { Meaning: "Normal end (the end-code table has no details for this subcode)", Advice: "Nothing to do: the call or leg ended normally." }
    : { Meaning: "Not in the end-code table", Advice: "Undocumented code: collect client logs and the call ID" };
}

async function ungracefulDropRate(f: GeneratedFixture, params: Record<string, unknown>, rowsOf: (all: SummaryRowFact[]) => SummaryRowFact[]) {
  const rows = await f.run("ungraceful-drop-rate", params);
  const facts = rowsOf(participantRows(f.truth));
  const overall = pct(facts.filter((r) => isUngraceful(r.resultCategory)).length, facts.length);
  const hour = 3_600_000; // the timeBin default, 1h, over CallStartTime
  const expected: Record<string, Record<string, unknown>> = {};
  for (const [bin, list] of groupBy(facts, (r) => new Date(Math.floor(r.callStart / hour) * hour).toISOString())) {
    const n = list.length;
    const count = (pred: (r: SummaryRowFact) => boolean) => list.filter(pred).length;
    expected[bin] = {
      participants: n,
      ungraceful: count((r) => isUngraceful(r.resultCategory)),
      ungracefulPct: pct(count((r) => isUngraceful(r.resultCategory)), n),
      clientErrorPct: pct(count((r) => r.resultCategory === "UnexpectedClientError"), n),
      serverErrorPct: pct(count((r) => r.resultCategory === "UnexpectedServerError"), n),
      overallUngracefulPct: overall,
    };
  }
  expect(keyed(rows, ["TimeBin"], ["participants", "ungraceful", "ungracefulPct", "clientErrorPct", "serverErrorPct", "overallUngracefulPct"])).toEqual(expected);
  expectSorted(rows, (a, b) => cmpStr(String(plain(a["TimeBin"])), String(plain(b["TimeBin"]))), "TimeBin asc");
  return rows;
}

async function failuresBySdkAndOs(f: GeneratedFixture, params: Record<string, unknown>, osFilter: (os: string) => boolean) {
  const rows = await f.run("failures-by-sdk-and-os", params);
  const facts = participantRows(f.truth).filter((r) => r.sdkVersion !== "" && osFilter(osFamily(r.osVersion)));
  const expected: Record<string, Record<string, unknown>> = {};
  for (const [key, list] of groupBy(facts, (r) => `${r.sdkVersion}|${osFamily(r.osVersion)}`)) {
    const failures = list.filter((r) => isFailed(r.endCode)).length;
    const ungraceful = list.filter((r) => isUngraceful(r.resultCategory)).length;
    expected[key] = { participants: list.length, failures, ungraceful, failurePct: pct(failures, list.length), ungracefulPct: pct(ungraceful, list.length) };
  }
  expect(keyed(rows, ["SdkVersion", "OsName"], ["participants", "failures", "ungraceful", "failurePct", "ungracefulPct"])).toEqual(expected);
  expectSorted(rows, (a, b) => Number(b["failures"]) - Number(a["failures"]) || cmpStr(String(b["SdkVersion"]), String(a["SdkVersion"])), "failures desc, SdkVersion desc");
  return { rows, facts };
}

async function pstnFailures(f: GeneratedFixture, params: Record<string, unknown>, rowsOf: (all: SummaryRowFact[]) => SummaryRowFact[]) {
  const rows = await f.run("pstn-failures-by-direction", params);
  const facts = rowsOf(participantRows(f.truth)).filter((r) => r.endpointType === "PSTN" && isFailed(r.endCode));
  const expected: Record<string, Record<string, unknown>> = {};
  for (const [key, list] of groupBy(facts, (r) => `${r.endCode}|${r.endSubCode}`)) {
    const sub = (list[0] as SummaryRowFact).endSubCode;
    const direction = sub.startsWith("560") ? "outbound" : sub.startsWith("540") ? "inbound" : "unknown";
    expected[key] = {
      Direction: direction,
      RaisedBy: direction === "unknown" ? "Microsoft service" : "SBC/operator",
      SbcSipCode: direction === "unknown" ? "" : sub.slice(3),
      participants: list.length,
      calls: distinct(list.map((r) => r.callId)),
    };
  }
  expect(keyed(rows, ["EndCode", "EndSubCode"], ["Direction", "RaisedBy", "SbcSipCode", "participants", "calls"])).toEqual(expected);
  expectSorted(rows, (a, b) => Number(b["participants"]) - Number(a["participants"]) || cmpStr(String(a["EndCode"]), String(b["EndCode"])), "participants desc, EndCode asc");
  return { rows, facts };
}

const SETUP = new Set(["StartCall", "Join", "AcceptIncomingCall"]);

async function callSetupFailureRate(f: GeneratedFixture, params: Record<string, unknown>, sdk?: string) {
  const rows = await f.run("call-setup-failure-rate", params);
  const ops = clientOps(f.truth).filter((o) => SETUP.has(o.operationName) && (sdk === undefined || o.sdkVersion === sdk));
  // Neither a success (Succeeded, Success) nor an expected error (Expected*).
  const failed = ops.filter((o) => o.resultType !== "Succeeded" && !o.resultType.startsWith("Expected")).length;
  expect(rows.map((r) => ({ SetupAttempts: plain(r["SetupAttempts"]), FailedSetups: plain(r["FailedSetups"]), SetupFailurePct: plain(r["SetupFailurePct"]) }))).toEqual([
    { SetupAttempts: ops.length, FailedSetups: failed, SetupFailurePct: ops.length > 0 ? pct(failed, ops.length) : 0 },
  ]);
  return { ops, failed };
}

const all = (r: SummaryRowFact[]) => r;

export const checks: Readonly<Record<string, GeneratedCheck>> = {
  "end-reasons-by-sip-class": async (f) => {
    await endReasonsBySipClass(f, {}, all);
    const a = f.truth.aggregates;
    expect(summaryRows(f.truth)).toHaveLength(a.summaryRows);
    // The server's own rows of group calls are not participants: one per group call, none counted.
    expect(a.serverSummaryRows).toBe(a.callsByType["Group"]);
    expect(a.serverSummaryRows).toBeGreaterThan(0);
    const rows = await f.run("end-reasons-by-sip-class");
    expect(rows.reduce((n, r) => n + Number(r["participants"]), 0)).toBe(a.summaryRows - a.serverSummaryRows);
    await endReasonsBySipClass(f, { callTypes: ["P2P"] }, (r) => r.filter((x) => x.callType === "P2P"));
  },

  "end-reasons-with-meaning": async (f) => {
    const rows = await f.run("end-reasons-with-meaning");
    const cols = ["EndCode", "EndSubCode", "ResultCategory", "participants", "calls"];
    const got = rows.map((r) => Object.fromEntries(cols.map((c) => [c, plain(r[c])])));
    expect(got).toEqual(topEndReasons(participantRows(f.truth), 20));
    // The truth's own list (built while planning) agrees with the one recomputed from the facts.
    expect(got).toEqual(
      f.truth.aggregates.endReasons.slice(0, 20).map((e) => ({ EndCode: e.code, EndSubCode: e.subcode, ResultCategory: e.resultCategory, participants: e.rows, calls: e.calls })),
    );
    // Meaning and Advice: the (code, subcode) row of the end-code dataset, else its code-level
    // row, else the normal-end wording for a 0 or 2xx; planted pairs all come from the dataset.
    for (const r of rows) {
      const code = String(r["EndCode"]);
      expect(r["SipClass"]).toBe(sipClass(code));
      expect({ key: `${code}/${r["EndSubCode"]}`, Meaning: r["Meaning"], Advice: r["Advice"] }).toEqual({
        key: `${code}/${r["EndSubCode"]}`,
        ...expectedWording(code, String(r["EndSubCode"])),
      });
      expect(r["Meaning"], `${code}/${r["EndSubCode"]}`).not.toBe("Not in the end-code table");
    }
    const p2p = await f.run("end-reasons-with-meaning", { topN: 5, callTypes: ["P2P"] });
    expect(p2p.map((r) => Object.fromEntries(cols.map((c) => [c, plain(r[c])])))).toEqual(
      topEndReasons(
        participantRows(f.truth).filter((r) => r.callType === "P2P"),
        5,
      ),
    );
  },

  "ungraceful-drop-rate": async (f) => {
    const rows = await ungracefulDropRate(f, {}, all);
    const a = f.truth.aggregates;
    expect(rows.reduce((n, r) => n + Number(r["ungraceful"]), 0)).toBe(a.ungracefulParticipants);
    expect(rows[0]?.["overallUngracefulPct"]).toBe(pct(a.ungracefulParticipants, a.summaryRows - a.serverSummaryRows));
    expect(rows.reduce((n, r) => n + Number(r["participants"]), 0)).toBe(a.summaryRows - a.serverSummaryRows);
    await ungracefulDropRate(f, { callTypes: ["Group"], endpointTypes: ["VoIP"] }, (r) => r.filter((x) => x.callType === "Group" && x.endpointType === "VoIP"));
  },

  "failures-by-sdk-and-os": async (f) => {
    const { rows } = await failuresBySdkAndOs(f, {}, () => true);
    // Cross-tenant legs log SdkVersion "Redacted", so they form their own row.
    const redacted = f.truth.aggregates.redactedParticipants;
    expect(Number(rows.find((r) => r["OsName"] === "Redacted")?.["participants"] ?? 0)).toBe(redacted);
    const android = await failuresBySdkAndOs(f, { osNames: ["Android"] }, (os) => os === "Android");
    expect(android.facts.length).toBeGreaterThan(0);
  },

  "pstn-failures-by-direction": async (f) => {
    const { facts } = await pstnFailures(f, {}, all);
    expect(facts.length).toBeGreaterThan(0);
    // P2P calls are VoIP-only in the generator: no PSTN failures at all.
    const p2p = await pstnFailures(f, { callTypes: ["P2P"] }, (r) => r.filter((x) => x.callType === "P2P"));
    expect(p2p.rows).toHaveLength(0);
  },

  "call-setup-failure-rate": async (f) => {
    const { ops, failed } = await callSetupFailureRate(f, {});
    const by = f.truth.aggregates.clientOperations.byOperation;
    expect(ops.length).toBe([...SETUP].reduce((n, op) => n + Object.values(by[op] ?? {}).reduce((a, b) => a + b, 0), 0));
    expect(failed).toBe([...SETUP].reduce((n, op) => n + (by[op]?.["Failed"] ?? 0), 0));
    await callSetupFailureRate(f, { sdkVersions: ["1.32.1.1"] }, "1.32.1.1");
  },
};
