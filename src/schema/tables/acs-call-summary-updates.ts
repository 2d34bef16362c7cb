import { col, defineTable } from "../define-table.js";
import { callSummaryColumns } from "./acs-call-summary.js";

/** Versioned, low-latency copy of ACSCallSummary; keep the highest CallUpdatesVersion per participant. */
export const ACSCallSummaryUpdates = defineTable({
  name: "ACSCallSummaryUpdates",
  category: "CallSummaryUpdates",
  description: "One row per participant per summary version; later versions supersede earlier ones.",
  columns: {
    ...callSummaryColumns,
    CallUpdatesVersion: col.int("Revision number of this summary; the largest value holds the most complete data."),
  },
});
