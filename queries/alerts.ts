// Catalog entries written to be the source of scheduled-query alert rules: one row, one
// numeric measure over the whole window (the alert rule's window is bound to `lookback`).
// Facts: /work/shared/reference/acs-call-logs.md §1.4 (ACSCallClientOperations) and §3.2
// (Microsoft's "outgoing call failure reasons" query and its failure rule).
// The catalog's modules are imported one by one, not through src/catalog/index.js: that
// barrel also loads the catalog API, which imports queries/index.js, which imports this
// module while it is still loading.
import { defineEntry, type CatalogEntry } from "../src/catalog/entry.js";
import { inWindow, optionalIn } from "../src/catalog/filters.js";
import { p } from "../src/catalog/parameters.js";
import { agg, fn, from } from "../src/kql/index.js";
import { ACSCallClientOperations } from "../src/schema/index.js";

/** The Calling SDK operations that set a call up: placing, joining and answering one. */
export const SETUP_OPERATIONS = ["StartCall", "Join", "AcceptIncomingCall"] as const;

export const callSetupFailureRate = defineEntry({
  id: "call-setup-failure-rate",
  title: "Call-setup failure rate",
  description:
    "Share of call-setup attempts that failed, over the whole window, as one row: SetupAttempts counts the Calling SDK " +
    "operations that set a call up (StartCall, Join and AcceptIncomingCall in ACSCallClientOperations), FailedSetups " +
    "those whose ResultType is neither a success (Succeeded, Success) nor an expected error (Expected*, e.g. a declined " +
    "or cancelled call, which Microsoft's failure queries also leave out), and SetupFailurePct = FailedSetups * 100.0 / " +
    "SetupAttempts, 0 when there was no attempt. Written as an alert source: one numeric measure per evaluation, and " +
    "ACSCallClientOperations arrives within minutes, unlike the daily ACSCallingMetrics bins that the reliability " +
    "queries use. Only clients that send CallClientOperations logs (the Web and native Calling SDKs with the category " +
    "enabled) are counted. Filter: sdkVersions.",
  category: "reliability",
  tags: ["reliability", "call-setup", "failures", "alert", "sdk", "ACSCallClientOperations"],
  query: from(ACSCallClientOperations)
    .where(inWindow)
    .where((c) => c.OperationName.in([...SETUP_OPERATIONS]).and(optionalIn(c.SdkVersion, p.sdkVersions)))
    .summarize((c) => ({
      SetupAttempts: agg.count(),
      FailedSetups: agg.countif(c.ResultType.notIn(["Succeeded", "Success"]).and(c.ResultType.notStartsWith("Expected"))),
    }))
    .extend((c) => ({
      SetupFailurePct: fn.iff(c.SetupAttempts.gt(0n), fn.round(c.FailedSetups.times(100).div(c.SetupAttempts), 2), 0),
    })),
  visualization: "table",
});

/** Catalog entries written as alert sources. */
export const entries: readonly CatalogEntry[] = [callSetupFailureRate];
