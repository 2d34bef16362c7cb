// ACSCallingMetrics: the daily pre-aggregated reliability table behind the Insights
// Reliability and UFD tabs (reference §1.7), aggregated from the planned calls: API scenarios
// from the client operations, leg drops from the VoIP legs' end codes, UFD recoveries. One
// row per UTC day × metric × dimension combination; some combinations are also emitted
// earlier with partial counts, so readers must keep the latest (arg_max TimestampMax).
import { isUngraceful } from "../errors/index.js";
import type { CallPlan, ClientProfile } from "./plan.js";
import type { LogRecord } from "./records.js";

const API_SCENARIOS = new Set(["CallAgentInit", "StartCall", "AcceptIncomingCall", "Join", "StartVideo"]);
export const DROP_METRIC = "reliability/leg/Drop";

interface Combo {
  readonly day: number;
  readonly metric: string;
  readonly callType: string;
  readonly profile: ClientProfile;
  readonly resultType: string;
  readonly subCode: string;
  legs: number;
  success: number;
  failed: number;
  /** Legs and successes seen by the middle of the day's events, for the earlier emission. */
  firstTime: number;
  lastTime: number;
}

/** Per metric: legs, successful and failed legs over the whole run (from the latest emissions). */
export type CallingMetricsTruth = Readonly<Record<string, { readonly legs: number; readonly success: number; readonly failed: number }>>;

/** One ACSCallingMetrics row as the catalog keeps it (the latest emission of its bin and dimensions). */
export interface CallingMetricsBin {
  /** TimestampBin: the UTC day, ISO. */
  readonly day: string;
  readonly metric: string;
  /** "1 to 1" or "Group", as ACSCallingMetrics.CallType spells it. */
  readonly callType: string;
  readonly platform: string;
  readonly sdkVersion: string;
  readonly resultType: string;
  readonly subCode: string;
  readonly deviceOsName: string;
  readonly deviceBrowser: string;
  readonly legs: number;
  readonly success: number;
  readonly failed: number;
}

export class CallingMetricsBuilder {
  private readonly combos = new Map<string, Combo>();

  add(call: CallPlan): void {
    const callType = call.callType === "P2P" ? "1 to 1" : "Group";
    call.legs.forEach((leg, li) => {
      if (leg.endpointType !== "VoIP" || !leg.profile) return;
      const end = leg.start + leg.durationSec * 1000;
      const ungraceful = isUngraceful(leg.end.resultCategory);
      this.count(end, DROP_METRIC, callType, leg.profile, ungraceful ? leg.end.resultCategory : "Succeeded", ungraceful ? String(leg.end.subcode) : "", !ungraceful);
      const ufdBad = new Map<string, { bad: boolean; last: string; time: number }>();
      for (const op of call.clientOps) {
        if (op.leg !== li) continue;
        if (API_SCENARIOS.has(op.operationName)) {
          // Expected errors count as successes, as the Insights Reliability tab counts them.
          const ok = op.resultType !== "Failed";
          this.count(op.time, `reliability/api/${op.operationName}`, callType, leg.profile, op.resultType, op.payload["SubCode"] ?? "", ok);
        } else if (op.operationName === "UserFacingDiagnostics") {
          const ufd = op.payload["DiagnosticChanged"] ?? "";
          const s = ufdBad.get(ufd) ?? { bad: false, last: "", time: op.time };
          if (op.payload["DiagnosticQuality"] !== "Good") s.bad = true;
          s.last = op.payload["DiagnosticQuality"] ?? "";
          s.time = op.time;
          ufdBad.set(ufd, s);
        }
      }
      for (const [ufd, s] of ufdBad) {
        if (!s.bad) continue;
        const recovered = s.last === "Good";
        this.count(s.time, `reliability/api/UFD/recovery/${ufd}`, callType, leg.profile, recovered ? "Succeeded" : "Failed", "", recovered);
      }
    });
  }

  private count(time: number, metric: string, callType: string, profile: ClientProfile, resultType: string, subCode: string, ok: boolean): void {
    const day = Math.floor(time / 86_400_000) * 86_400_000;
    const key = `${day}|${metric}|${callType}|${profile.os}|${profile.sdk}|${resultType}|${subCode}`;
    let c = this.combos.get(key);
    if (!c) {
      c = { day, metric, callType, profile, resultType, subCode, legs: 0, success: 0, failed: 0, firstTime: time, lastTime: time };
      this.combos.set(key, c);
    }
    c.legs++;
    if (ok) c.success++;
    else c.failed++;
    c.firstTime = Math.min(c.firstTime, time);
    c.lastTime = Math.max(c.lastTime, time);
  }

  /** The rows, in a fixed order; `end` caps TimeGenerated so no record is later than the dataset's end. */
  *records(end: number): Generator<LogRecord> {
    const keys = [...this.combos.keys()].sort();
    for (const key of keys) {
      const c = this.combos.get(key) as Combo;
      const guid = guidOf(key);
      // Combinations with more than one leg were also emitted once earlier, with a partial count.
      if (c.legs > 1 && hash32(key + "#early") % 3 === 0) {
        const early = Math.floor(c.legs / 2);
        const earlySuccess = Math.min(c.success, early);
        yield this.row(c, guid, Math.floor((c.firstTime + c.lastTime) / 2), end, early, earlySuccess, early - earlySuccess);
      }
      yield this.row(c, guid, c.lastTime, end, c.legs, c.success, c.failed);
    }
  }

  private row(c: Combo, guid: string, timestampMax: number, end: number, legs: number, success: number, failed: number): LogRecord {
    const { osName, browser } = deviceOf(c.profile);
    return {
      table: "ACSCallingMetrics",
      time: Math.min(end, timestampMax + 15 * 60_000),
      values: {
        CorrelationId: guid,
        OperationName: "CallingMetrics",
        OperationVersion: "1.0",
        TimestampBin: c.day,
        TimestampMax: timestampMax,
        MetricName: c.metric,
        CallType: c.callType,
        Platform: c.profile.platform,
        SdkVersion: c.profile.sdk,
        ResultType: c.resultType,
        SubCode: c.subCode,
        DeviceOsName: osName,
        DeviceBrowser: browser,
        CallsDcount: legs,
        LegsDcount: legs,
        SuccessLegsDcount: success,
        FailedLegsDcount: failed,
        MetricValueAvg: legs === 0 ? null : Math.round((success * 10000) / legs) / 100,
        Goal: ">= 100.0",
        Unit: "percentage",
      },
    };
  }

  /** Every bin × dimensions combination with its final counts, in a fixed order. */
  bins(): CallingMetricsBin[] {
    return [...this.combos.keys()].sort().map((key) => {
      const c = this.combos.get(key) as Combo;
      const { osName, browser } = deviceOf(c.profile);
      return {
        day: new Date(c.day).toISOString(),
        metric: c.metric,
        callType: c.callType,
        platform: c.profile.platform,
        sdkVersion: c.profile.sdk,
        resultType: c.resultType,
        subCode: c.subCode,
        deviceOsName: osName,
        deviceBrowser: browser,
        legs: c.legs,
        success: c.success,
        failed: c.failed,
      };
    });
  }

  truth(): CallingMetricsTruth {
    const out: Record<string, { legs: number; success: number; failed: number }> = {};
    for (const key of [...this.combos.keys()].sort()) {
      const c = this.combos.get(key) as Combo;
      const t = (out[c.metric] ??= { legs: 0, success: 0, failed: 0 });
      t.legs += c.legs;
      t.success += c.success;
      t.failed += c.failed;
    }
    return Object.fromEntries(Object.entries(out).sort((a, b) => (a[0] < b[0] ? -1 : 1)));
  }
}

function deviceOf(p: ClientProfile): { osName: string; browser: string } {
  const osName = p.os.startsWith("Windows") ? "Windows" : p.os.startsWith("Mac") ? "macOS" : p.os.startsWith("Linux") ? "Linux" : p.platform;
  const browser = p.platform !== "Web" ? "" : p.userAgent.includes("Edg/") ? "Edge" : p.userAgent.includes("Chrome/") ? "Chrome" : "Safari";
  return { osName, browser };
}

/** FNV-1a, 32 bits: a stable hash so the dimension GUIDs do not depend on the PRNG's state. */
function hash32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

function guidOf(key: string): string {
  const h = (n: number) => n.toString(16).padStart(8, "0");
  const a = h(hash32(key));
  const b = h(hash32(`${key}/1`));
  const c = h(hash32(`${key}/2`));
  const d = h(hash32(`${key}/3`));
  return `${a}-${b.slice(0, 4)}-4${b.slice(5, 8)}-${((parseInt(c.slice(0, 1), 16) & 3) | 8).toString(16)}${c.slice(1, 4)}-${c.slice(4)}${d}`;
}
