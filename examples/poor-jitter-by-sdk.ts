// The README's builder example, kept here so that a test can prove the README's output.
import { agg, fn, from, param, toKql } from "../src/kql/index.js";
import { ACSCallDiagnostics, ACSCallSummary } from "../src/schema/index.js";

const poorJitterMs = param.long("poorJitterMs", 30);

const streams = from(ACSCallDiagnostics)
  .where((c) => c.TimeGenerated.gt(fn.ago("7d")))
  .summarize((c) => ({ jitter: agg.avg(c.JitterAvg), ...agg.percentiles(c.RoundTripTimeAvg, { rttP50: 50, rttP95: 95 }) }),
    ["CorrelationId", "ParticipantId", "MediaType"]);

export const query = from(ACSCallSummary)
  .where((c) => c.TimeGenerated.gt(fn.ago("7d")).and(c.CallType.eq("Group")))
  .project("CorrelationId", "ParticipantId", "SdkVersion")
  .join("inner", streams, ["CorrelationId", "ParticipantId"])   // the kind is required
  .summarize((c) => ({ streams: agg.count(), poor: agg.countif(c.jitter.gt(poorJitterMs)) }), ["SdkVersion", "MediaType"])
  .orderBy("poor", "desc");                                        // so is the direction

export const kql = toKql(query, { params: { poorJitterMs: 50 } });
