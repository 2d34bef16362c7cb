import { col, defineTable } from "../define-table.js";
import { standardColumns } from "../standard-columns.js";

/** Operations and events reported by the Calling SDK on the client (preview). */
export const ACSCallClientOperations = defineTable({
  name: "ACSCallClientOperations",
  category: "CallClientOperations",
  description: "One row per operation or event the Calling SDK performed on a client device.",
  columns: {
    ...standardColumns,
    CallClientTimeStamp: col.datetime("UTC time on the client when the SDK operation happened."),
    CallId: col.string("Call ID as seen by the client; matches CorrelationId in server-side tables."),
    ClientInstanceId: col.string("GUID of the CallClient object; ties together operations made before joining a call."),
    DurationMs: col.long("Milliseconds the SDK operation took before it succeeded or failed."),
    EndpointId: col.string("Endpoint of the calling client."),
    OperationId: col.string("GUID of this SDK operation."),
    OperationName: col.string("SDK operation or event name, e.g. Join, StartVideo, Hangup, UserFacingDiagnostics."),
    OperationPayload: col.dynamic("Operation-specific details such as FailureReason, CallDirection or DiagnosticChanged."),
    OperationType: col.string("Kind of operation, e.g. client-api-request."),
    ParticipantId: col.string("Leg ID; the main key for correlating with summary, diagnostics and media stats."),
    ResultSignature: col.int("HTTP-style status code of the operation, e.g. 200 or 500."),
    ResultType: col.string("Outcome of the operation: Succeeded, Failed or a result category."),
    SdkVersion: col.string("Version of the Calling SDK that ran the operation."),
    UserAgent: col.string("Client user-agent string; parse it to get OS and browser."),
  },
});
