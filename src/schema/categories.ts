import { acsTables } from "./tables/index.js";

/** A typed ACS calling table's diagnostic category, e.g. `CallSummary`. */
export type CallingCategory = (typeof acsTables)[number]["category"];

/** A typed ACS calling table's name, e.g. `ACSCallSummary`. */
export type CallingTableName = (typeof acsTables)[number]["name"];

/**
 * Diagnostic-setting category → resource-specific table, derived from the table
 * definitions so that the two can never disagree.
 *
 * @example
 * ```ts
 * categoryToTable.get("CallDiagnostics"); // "ACSCallDiagnostics"
 * ```
 */
export const categoryToTable: ReadonlyMap<string, CallingTableName> = new Map(
  acsTables.map((t) => [t.category, t.name] as const),
);

/**
 * ACS log categories outside calling (chat, SMS, email, ...), with the table each lands
 * in, or `undefined` where Microsoft documents none. The kit does not type these tables,
 * but a diagnostic setting may still route them, so they count as valid categories.
 */
export const nonCallingCategories: ReadonlyMap<string, string | undefined> = new Map([
  ["AdvancedMessagingOperational", "ACSAdvancedMessagingOperations"],
  ["AuthOperational", "ACSAuthIncomingOperations"],
  ["CallAutomationStreamingUsage", "ACSCallAutomationStreamingUsage"],
  ["CallClientMediaStatsCompressedTimeSeries", undefined],
  ["CallClientServiceRequestAndOutcome", "ACSCallClientServiceRequestAndOutcome"],
  ["CallRecordingOperational", "ACSCallRecordingIncomingOperations"],
  ["ChatOperational", "ACSChatIncomingOperations"],
  ["EmailSendMailOperational", "ACSEmailSendMailOperational"],
  ["EmailStatusUpdateOperational", "ACSEmailStatusUpdateOperational"],
  ["EmailUserEngagementOperational", "ACSEmailUserEngagementOperational"],
  ["JobRouterOperational", "ACSJobRouterIncomingOperations"],
  ["RoomsOperational", "ACSRoomsIncomingOperations"],
  ["SMSOperational", "ACSSMSIncomingOperations"],
]);

/** Every log category an ACS (Microsoft.Communication/CommunicationServices) resource emits. */
export const allAcsCategories: readonly string[] = [...categoryToTable.keys(), ...nonCallingCategories.keys()].sort();
