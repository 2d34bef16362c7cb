import { col, defineTable } from "../define-table.js";
import { callDiagnosticsColumns } from "./acs-call-diagnostics.js";

/** Versioned, low-latency copy of ACSCallDiagnostics; keep the highest CallUpdatesVersion per stream. */
export const ACSCallDiagnosticsUpdates = defineTable({
  name: "ACSCallDiagnosticsUpdates",
  category: "CallDiagnosticsUpdates",
  description: "One row per media stream per diagnostics version; later versions supersede earlier ones.",
  columns: {
    ...callDiagnosticsColumns,
    CallUpdatesVersion: col.int("Revision number of these stream statistics; the largest value is the most complete."),
  },
});
