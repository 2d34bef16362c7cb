import { ACSBillingUsage } from "./acs-billing-usage.js";
import { ACSCallAutomationIncomingOperations } from "./acs-call-automation-incoming-operations.js";
import { ACSCallAutomationMediaSummary } from "./acs-call-automation-media-summary.js";
import { ACSCallClientMediaStatsTimeSeries } from "./acs-call-client-media-stats-time-series.js";
import { ACSCallClientOperations } from "./acs-call-client-operations.js";
import { ACSCallClosedCaptionsSummary } from "./acs-call-closed-captions-summary.js";
import { ACSCallDiagnostics } from "./acs-call-diagnostics.js";
import { ACSCallDiagnosticsUpdates } from "./acs-call-diagnostics-updates.js";
import { ACSCallRecordingSummary } from "./acs-call-recording-summary.js";
import { ACSCallSummary } from "./acs-call-summary.js";
import { ACSCallSummaryUpdates } from "./acs-call-summary-updates.js";
import { ACSCallSurvey } from "./acs-call-survey.js";
import { ACSCallingMetrics } from "./acs-calling-metrics.js";

export { ACSCallSummary, callSummaryColumns } from "./acs-call-summary.js";
export { ACSCallDiagnostics, callDiagnosticsColumns } from "./acs-call-diagnostics.js";
export { ACSCallSummaryUpdates } from "./acs-call-summary-updates.js";
export { ACSCallDiagnosticsUpdates } from "./acs-call-diagnostics-updates.js";
export { ACSCallClientOperations } from "./acs-call-client-operations.js";
export { ACSCallClientMediaStatsTimeSeries } from "./acs-call-client-media-stats-time-series.js";
export { ACSCallSurvey } from "./acs-call-survey.js";
export { ACSCallingMetrics } from "./acs-calling-metrics.js";
export { ACSBillingUsage } from "./acs-billing-usage.js";
export { ACSCallAutomationIncomingOperations } from "./acs-call-automation-incoming-operations.js";
export { ACSCallAutomationMediaSummary } from "./acs-call-automation-media-summary.js";
export { ACSCallRecordingSummary } from "./acs-call-recording-summary.js";
export { ACSCallClosedCaptionsSummary } from "./acs-call-closed-captions-summary.js";

/** Every ACS calling table this kit models, in a fixed order. */
export const acsTables = [
  ACSCallSummary,
  ACSCallDiagnostics,
  ACSCallSummaryUpdates,
  ACSCallDiagnosticsUpdates,
  ACSCallClientOperations,
  ACSCallClientMediaStatsTimeSeries,
  ACSCallSurvey,
  ACSCallingMetrics,
  ACSBillingUsage,
  ACSCallAutomationIncomingOperations,
  ACSCallAutomationMediaSummary,
  ACSCallRecordingSummary,
  ACSCallClosedCaptionsSummary,
] as const;
