import { col, defineTable } from "../define-table.js";
import { operationColumns, standardColumns } from "../standard-columns.js";

/** Columns shared by ACSCallSummary and ACSCallSummaryUpdates. */
export const callSummaryColumns = {
  ...standardColumns,
  ...operationColumns,
  CallDebuggingInfo: col.string("JSON blob of internal fields Microsoft uses to debug the call."),
  CallDuration: col.long("Seconds from the first connection attempt of any endpoint to the end of the last connection."),
  CallStartTime: col.datetime("When any endpoint first tried to connect; use this, not TimeGenerated, as the call time."),
  CallType: col.string("P2P for one-to-one calls, Group for group calls and meetings."),
  CorrelationId: col.string("Call ID; the key that links every call table (CallId in client-side tables)."),
  DiagnosticOptions: col.string("JSON of the DiagnosticOptions the app passed at client start (app name, version, tags)."),
  EndpointId: col.string("Endpoint that produced the row; empty for the ACS server, Redacted across tenants."),
  EndpointType: col.string("Kind of endpoint: Server, VoIP, PSTN, BOT or Unknown."),
  Identifier: col.string("Identity of the user: ACS user, Entra ID, Teams anonymous or Teams bot."),
  OsVersion: col.string("Operating system string reported by the endpoint; Redacted across tenants."),
  ParticipantDuration: col.long("Seconds the participant was connected."),
  ParticipantEndReason: col.string("SIP-like call-end code of the participant (0, 2xx, 4xx, 5xx, 6xx)."),
  ParticipantEndSubCode: col.string("Subcode that narrows the end code to a specific reason."),
  ParticipantId: col.string("ID of the participant's leg; empty in P2P calls."),
  ParticipantStartTime: col.datetime("When the participant first tried to connect."),
  ParticipantTenantId: col.string("Microsoft tenant of the participant's identity; drives cross-tenant redaction."),
  ParticipantType: col.string("Kind of participant, e.g. ACS, Teams, ACS as Teams external user."),
  PstnParticipantCallType: col.string("PSTN call kind and direction (direct routing, emergency, transfer, ...)."),
  ResultCategory: col.string("Success, ExpectedError, UnexpectedClientError or UnexpectedServerError."),
  SdkVersion: col.string("Calling SDK version of the endpoint; Redacted across tenants."),
  TeamsThreadId: col.string("Teams meeting thread for interop calls; empty or the text null for pure ACS calls."),
  TPE: col.bool("True when the call used Teams Phone Extensibility."),
} as const;

/** One row per participant of a call (per endpoint in P2P calls), written when the call ends. */
export const ACSCallSummary = defineTable({
  name: "ACSCallSummary",
  category: "CallSummary",
  description: "One row per participant (per endpoint in P2P calls), written after the call ends.",
  columns: callSummaryColumns,
});
