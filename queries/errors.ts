// Error and end-reason catalog queries over ACSCallSummary. Facts: ../shared/reference/
// acs-call-logs.md §4 (end codes, subcodes, PSTN rule, ungraceful definitions, SIP classes).
// The catalog's modules are imported one by one, not through src/catalog/index.js: that
// barrel also loads the catalog API, which imports queries/index.js, which imports this
// module, and a module that is still loading cannot be spread into the catalog.
import type { EndCodeSource } from "../src/errors/index.js";
import { defineEntry, type CatalogEntry } from "../src/catalog/entry.js";
import { inWindow, optionalIn } from "../src/catalog/filters.js";
import { p } from "../src/catalog/parameters.js";
import {
  endCodeFallbackTable,
  endCodeTable,
  isFailedEndExpr,
  isUngracefulExpr,
  pstnDirectionExpr,
  sipClassExpr,
} from "../src/errors/index.js";
import { agg, Expr, fn, from, letTable, lit } from "../src/kql/index.js";
import { ACSCallSummary } from "../src/schema/index.js";
import { OS_FAMILY_SUMMARY, osFamilyOf } from "./os-family.js";
import { isNotServerRow } from "./server-row.js";

// Conventions of this module:
// - A participant is an ACSCallSummary row other than the server's own row of a group call
//   (isNotServerRow), as in the quality and volume areas.
// - "failed" is the Insights workbook's rule: ParticipantEndReason does not start with 0 or 2
//   (isFailedEndExpr); "ungraceful" is Microsoft's 2025 rule: ResultCategory is Unexpected*.
// - "Top N" is `order by <count> desc, <tie-breakers> | take topN` (the count is the
//   `topN` parameter): at most topN rows, ties at the cut-off broken by the later sort keys,
//   so a run is repeatable (`take` after `order by` keeps the first rows of the sorted
//   input; `top` has only one sort key).
// - A share or an overall rate needs a total next to each row. The builder has no window
//   functions and no `toscalar`, so those entries (and only those) join a small, already
//   summarized table with its own total on a constant key, `JoinKey = 1`; the total side
//   is a single row, so the join cannot multiply rows.
// - The time axis is CallStartTime (the call's time); the window filter stays on
//   TimeGenerated, which is what the table is partitioned by.

type Filter = "callTypes" | "endpointTypes" | "sdkVersions";

/**
 * ACSCallSummary participant rows in the time window and resources (not the server's own row
 * of a group call: it would add one Success per group call), plus the optional filters a
 * query supports.
 */
function participants(filters: readonly Filter[]) {
  return from(ACSCallSummary)
    .where(inWindow)
    .where(isNotServerRow)
    .where((c) => {
      const conds = filters.map((f) =>
        f === "callTypes" ? optionalIn(c.CallType, p.callTypes) : f === "endpointTypes" ? optionalIn(c.EndpointType, p.endpointTypes) : optionalIn(c.SdkVersion, p.sdkVersions),
      );
      const [first, ...rest] = conds;
      if (!first) throw new Error("participants: pass at least one filter");
      return rest.reduce((a, b) => a.and(b), first);
    });
}

const ALL_FILTERS: readonly Filter[] = ["callTypes", "endpointTypes", "sdkVersions"];

/** The constant key for joining a summarized table with its one-row total. */
const joinKey = () => new Expr(lit.long(1), "long");

/** `round(100.0 * part / whole, 2)`. */
const pct = (part: Expr<"long">, whole: Expr<"long">) => fn.round(part.times(100).div(whole), 2);

/** Meaning shown for a 0 or 2xx end code the end-code table has no row for: the normal hang-up. */
export const NORMAL_END_MEANING = "Normal end (the end-code table has no details for this subcode)";
/** Advice shown with {@link NORMAL_END_MEANING}. */
export const NORMAL_END_ADVICE = "Nothing to do: the call or leg ended normally.";

/**
 * Meaning and Advice of an end code: the (code, subcode) row of the end-code table, else the
 * code-level row, else, when the SIP class is Success (0 or 2xx), the normal-end wording,
 * else "Not in the end-code table" and `unknownAdvice`.
 */
function meaningAndAdvice(
  c: { readonly Meaning: Expr<"string">; readonly Advice: Expr<"string">; readonly CodeMeaning: Expr<"string">; readonly CodeAdvice: Expr<"string">; readonly SipClass: Expr<"string"> },
  unknownAdvice: string,
) {
  const normal = c.SipClass.eq("Success");
  return {
    Meaning: fn.coalesce(c.Meaning, c.CodeMeaning, fn.iff(normal, NORMAL_END_MEANING, "Not in the end-code table")),
    Advice: fn.coalesce(c.Advice, c.CodeAdvice, fn.iff(normal, NORMAL_END_ADVICE, unknownAdvice)),
  };
}

// 1. End reasons by SIP class. sharePct needs the total over all classes next to each class:
// the constant-key join with the one-row total is the only way to put it there.
const byClass = letTable(
  "endsBySipClass",
  participants(ALL_FILTERS).summarize(
    (c) => ({ participants: agg.count() }),
    (c) => ({ SipClass: sipClassExpr(c.ParticipantEndReason), JoinKey: joinKey() }),
  ),
  { materialize: true },
);

export const endReasonsBySipClass = defineEntry({
  id: "end-reasons-by-sip-class",
  title: "Participant end reasons by SIP class",
  description:
    "How participants' calls ended, bucketed the way Microsoft's workbooks bucket ParticipantEndReason: " +
    "0 and 2xx Success, 1xx Provisional, 3xx Redirection, 4xx Client failure, 5xx Server failure, 6xx Global failure " +
    "(Unknown for an empty code). One row per class with the number of participants (ACSCallSummary rows, without " +
    "the server's own row of a group call, whose ParticipantId is the CorrelationId) and " +
    "their share of all participants in percent. A growing Client failure slice usually means client network, " +
    "token or device problems; Server failure points at the service or the PSTN carrier. Drill into codes with " +
    "'end-reasons-with-meaning'.",
  category: "errors",
  tags: ["end-reason", "sip", "reliability", "overview"],
  query: from(byClass)
    .join("inner", from(byClass).summarize((c) => ({ allParticipants: agg.sum(c.participants) }), ["JoinKey"]), ["JoinKey"])
    .projectAs((c) => ({ SipClass: c.SipClass, participants: c.participants, sharePct: pct(c.participants, c.allParticipants) }))
    .orderBy("participants", "desc"),
  visualization: "piechart",
});

// 2. End reasons by code and subcode, with meaning and advice. The top N are taken before the
// lookups, so the end-code table is matched against topN rows only.
const REASON_KEYS = ["ParticipantEndReason", "ParticipantEndSubCode", "ResultCategory"] as const;

/**
 * The query of end-reasons-with-meaning, with the end-code lists to look meanings up in:
 * all four by default; a workbook passes fewer to stay small (the Web SDK client list alone
 * is 465 rows). Codes the chosen lists do not know fall back to the code-level wording.
 */
export function endReasonsWithMeaningQuery(sources?: readonly EndCodeSource[]) {
  return participants(ALL_FILTERS)
      .summarize((c) => ({ participants: agg.count(), calls: agg.dcount(c.CorrelationId) }), REASON_KEYS)
      .orderBy((c) => [
        [c.participants, "desc"],
        [c.calls, "desc"],
        [c.ParticipantEndReason, "asc"],
        [c.ParticipantEndSubCode, "asc"],
        [c.ResultCategory, "asc"],
      ])
      .take(p.topN)
      .lookup(endCodeTable({ ...(sources ? { sources } : {}), columns: ["Meaning", "Advice"] }), [
        ["ParticipantEndReason", "Code"],
        ["ParticipantEndSubCode", "SubCode"],
      ])
      .lookup(endCodeFallbackTable(), [["ParticipantEndReason", "Code"]])
      .extend((c) => ({ SipClass: sipClassExpr(c.ParticipantEndReason) }))
      .projectAs((c) => ({
        EndCode: c.ParticipantEndReason,
        EndSubCode: c.ParticipantEndSubCode,
        ResultCategory: c.ResultCategory,
        SipClass: c.SipClass,
        participants: c.participants,
        calls: c.calls,
        ...meaningAndAdvice(c, "Undocumented code: collect client logs and the call ID"),
      }))
      .orderBy((c) => [
        [c.participants, "desc"],
        [c.calls, "desc"],
        [c.EndCode, "asc"],
        [c.EndSubCode, "asc"],
        [c.ResultCategory, "asc"],
      ]);
}

export const endReasonsWithMeaning = defineEntry({
  id: "end-reasons-with-meaning",
  title: "Top end codes and subcodes, with meaning and advice",
  description:
    "The most frequent (ParticipantEndReason, ParticipantEndSubCode, ResultCategory) combinations, with the number " +
    "of participants and of distinct calls, the SIP class, and what the code means and what to do about it, from this " +
    "kit's end-code table (src/errors: Microsoft's call-end, service, PSTN and Web SDK client code lists, reworded). " +
    "Keeps the topN combinations with the most participants (at most topN rows; ties at the cut-off are broken by " +
    "calls, then by code, subcode and result category). The table is added with " +
    "`lookup kind=leftouter`: it is a small dimension table (a few hundred rows, held in memory next to each " +
    "partition, no shuffle), and leftouter keeps every end code even when the table does not know it. Codes whose " +
    "subcode is unknown fall back to the code-level wording; a 0 or 2xx code the table does not know is a normal end " +
    "and says so; other codes unknown altogether say so in Meaning.",
  category: "errors",
  tags: ["end-reason", "subcode", "lookup", "troubleshooting"],
  query: endReasonsWithMeaningQuery(),
  visualization: "table",
});

// 3. Ungraceful-drop rate over time and overall. overallUngracefulPct needs the window's totals
// next to each bin: the constant-key join with the one-row total is the only way to put them there.
const perBin = letTable(
  "ungracefulPerBin",
  participants(ALL_FILTERS).summarize(
    (c) => ({
      participants: agg.count(),
      ungraceful: agg.countif(isUngracefulExpr(c.ResultCategory)),
      clientErrors: agg.countif(c.ResultCategory.eq("UnexpectedClientError")),
      serverErrors: agg.countif(c.ResultCategory.eq("UnexpectedServerError")),
    }),
    (c) => ({ TimeBin: fn.bin(c.CallStartTime, p.timeBin), JoinKey: joinKey() }),
  ),
  { materialize: true },
);

export const ungracefulDropRate = defineEntry({
  id: "ungraceful-drop-rate",
  title: "Ungraceful-drop rate over time",
  description:
    "Share of participants (summary rows without the server's own row of a group call) whose call ended " +
    "ungracefully, per time bin (timeBin, by call start) and over the whole " +
    "window. Ungraceful is Microsoft's 2025 definition: ResultCategory is UnexpectedClientError or " +
    "UnexpectedServerError (ExpectedError, e.g. a declined or unanswered call, is not a drop). ungracefulPct is the " +
    "bin's rate, split into clientErrorPct and serverErrorPct; overallUngracefulPct is the rate over the whole window, " +
    "repeated on every row so that it charts as a flat baseline. Bins far above the baseline are incidents; " +
    "participants tells whether a bin has enough calls to mean anything.",
  category: "errors",
  tags: ["ungraceful", "drop-rate", "result-category", "reliability", "trend"],
  query: from(perBin)
    .join(
      "inner",
      from(perBin).summarize((c) => ({ allParticipants: agg.sum(c.participants), allUngraceful: agg.sum(c.ungraceful) }), ["JoinKey"]),
      ["JoinKey"],
    )
    .projectAs((c) => ({
      TimeBin: c.TimeBin,
      ungracefulPct: pct(c.ungraceful, c.participants),
      clientErrorPct: pct(c.clientErrors, c.participants),
      serverErrorPct: pct(c.serverErrors, c.participants),
      overallUngracefulPct: pct(c.allUngraceful, c.allParticipants),
      ungraceful: c.ungraceful,
      participants: c.participants,
    }))
    .orderBy("TimeBin", "asc"),
  visualization: "timechart",
});

// 4. Top failing end codes/subcodes over time.
const failures = letTable(
  "failedEnds",
  participants(ALL_FILTERS)
    .where((c) => isFailedEndExpr(c.ParticipantEndReason))
    .projectAs((c) => ({ CallStartTime: c.CallStartTime, EndReason: fn.strcat(c.ParticipantEndReason, "/", c.ParticipantEndSubCode) })),
  { materialize: true },
);
/** The topN most frequent failing EndReasons (ties at the cut-off broken by EndReason). */
const topFailures = from(failures)
  .summarize((c) => ({ participants: agg.count() }), ["EndReason"])
  .orderBy((c) => [
    [c.participants, "desc"],
    [c.EndReason, "asc"],
  ])
  .take(p.topN)
  .project("EndReason");

export const topFailingSubcodesOverTime = defineEntry({
  id: "top-failing-subcodes-over-time",
  title: "Top failing end codes and subcodes over time",
  description:
    "Failed participant ends over time for the topN most frequent failing 'code/subcode' pairs (EndReason, e.g. " +
    "410/3112), ranked over the whole window: at most topN series, ties at the cut-off broken by EndReason. Failed " +
    "means ParticipantEndReason does not start with 0 or 2, as in the Insights workbook, so it includes expected " +
    "failures such as 480 (callee offline). One time series per EndReason (make-series, zeros " +
    "for empty bins, step timeBin, by call start). A series that jumps while the others stay flat is a new problem; " +
    "look its code up with 'end-reasons-with-meaning'.",
  category: "errors",
  tags: ["end-reason", "subcode", "failures", "trend", "top-n"],
  query: from(failures)
    .join("leftsemi", topFailures, ["EndReason"])
    .makeSeries((c) => ({ participants: agg.count() }), {
      on: "CallStartTime",
      from: fn.bin(fn.ago(p.lookback), p.timeBin),
      to: fn.now(),
      step: p.timeBin,
      by: ["EndReason"],
    }),
  visualization: "timechart",
});

// 5. Failures by SDK version and OS.
export const failuresBySdkAndOs = defineEntry({
  id: "failures-by-sdk-and-os",
  title: "Failures by SDK version and OS",
  description:
    `Failure rates per calling SDK version and OS family (OsName: ${OS_FAMILY_SUMMARY}), for endpoints that report an ` +
    "SDK version. failures counts failed end codes (not 0 or 2xx), " +
    "ungraceful counts Unexpected* result categories; the Pct columns divide by participants. Compare a version or OS " +
    "against its neighbours: one whose ungracefulPct stands out is a candidate for an SDK upgrade or a platform bug. " +
    "Small participants counts make rates noisy.",
  category: "errors",
  tags: ["sdk", "os", "failures", "ungraceful", "client"],
  query: participants(ALL_FILTERS)
    .where((c) => fn.isnotempty(c.SdkVersion))
    .extend((c) => ({ OsName: osFamilyOf(c.OsVersion) }))
    .where((c) => optionalIn(c.OsName, p.osNames))
    .summarize(
      (c) => ({
        participants: agg.count(),
        failures: agg.countif(isFailedEndExpr(c.ParticipantEndReason)),
        ungraceful: agg.countif(isUngracefulExpr(c.ResultCategory)),
      }),
      ["SdkVersion", "OsName"],
    )
    .extend((c) => ({ failurePct: pct(c.failures, c.participants), ungracefulPct: pct(c.ungraceful, c.participants) }))
    .orderBy((c) => [
      [c.failures, "desc"],
      [c.SdkVersion, "desc"],
    ]),
  visualization: "table",
});

// 6. PSTN failures by direction.
/**
 * The query of pstn-failures-by-direction, with the end-code lists to look meanings up in
 * (call-end, PSTN and service by default; a workbook may pass only the 20-row PSTN list).
 */
export function pstnFailuresQuery(sources: readonly EndCodeSource[] = ["call-end", "pstn", "service"]) {
  return participants(["callTypes"])
      .where((c) => c.EndpointType.eq("PSTN").and(isFailedEndExpr(c.ParticipantEndReason)))
      .summarize((c) => ({ participants: agg.count(), calls: agg.dcount(c.CorrelationId) }), ["ParticipantEndReason", "ParticipantEndSubCode"])
      .extend((c) => ({ Direction: pstnDirectionExpr(c.ParticipantEndSubCode, "unknown") }))
      .extend((c) => ({
        RaisedBy: fn.iff(c.Direction.eq("unknown"), "Microsoft service", "SBC/operator"),
        SbcSipCode: fn.iff(c.Direction.eq("unknown"), "", fn.substring(c.ParticipantEndSubCode, 3)),
      }))
      .lookup(endCodeTable({ sources, columns: ["Meaning", "Advice"] }), [
        ["ParticipantEndReason", "Code"],
        ["ParticipantEndSubCode", "SubCode"],
      ])
      .lookup(endCodeFallbackTable(), [["ParticipantEndReason", "Code"]])
      .extend((c) => ({ SipClass: sipClassExpr(c.ParticipantEndReason) }))
      .projectAs((c) => ({
        Direction: c.Direction,
        RaisedBy: c.RaisedBy,
        EndCode: c.ParticipantEndReason,
        EndSubCode: c.ParticipantEndSubCode,
        SbcSipCode: c.SbcSipCode,
        participants: c.participants,
        calls: c.calls,
        ...meaningAndAdvice(c, "Undocumented code: check SBC logs and the call ID"),
      }))
      .orderBy((c) => [
        [c.participants, "desc"],
        [c.EndCode, "asc"],
      ]);
}

export const pstnFailuresByDirection = defineEntry({
  id: "pstn-failures-by-direction",
  title: "PSTN failures by direction",
  description:
    "Failed PSTN participant ends (EndpointType PSTN, end code not 0 or 2xx) by direction and code. Direction comes " +
    "from the subcode: 560xxx is the SBC's or operator's answer on an outbound call, 540xxx an inbound call, and " +
    "then SbcSipCode (the last three digits) is the SIP code the SBC returned, so check the SBC or carrier logs; any " +
    "other subcode was generated by the Microsoft service (Direction unknown, RaisedBy Microsoft service). Meaning " +
    "and Advice come from the end-code table (call-end, PSTN and service lists) by lookup kind=leftouter, so codes " +
    "the table does not know stay in the result.",
  category: "errors",
  tags: ["pstn", "direct-routing", "sbc", "failures", "end-reason"],
  query: pstnFailuresQuery(),
  visualization: "table",
});

/** Catalog entries of the 'errors' area. */
export const entries: readonly CatalogEntry[] = [
  endReasonsBySipClass,
  endReasonsWithMeaning,
  ungracefulDropRate,
  topFailingSubcodesOverTime,
  failuresBySdkAndOs,
  pstnFailuresByDirection,
];
