import { col, defineTable } from "../define-table.js";
import { standardColumns } from "../standard-columns.js";

/** Requests made to the Call Automation API and how they ended. */
export const ACSCallAutomationIncomingOperations = defineTable({
  name: "ACSCallAutomationIncomingOperations",
  category: "CallAutomationOperational",
  description: "One row per Call Automation API request, such as CreateCall, AnswerCall, Play or Recognize.",
  columns: {
    ...standardColumns,
    CallConnectionId: col.string("ID of the call connection (leg) the request acted on."),
    CallerIpAddress: col.string("IP address that sent the API request."),
    CorrelationId: col.string("Call ID; joins to ACSCallSummary and ACSCallDiagnostics."),
    DurationMs: col.int("Milliseconds the request took to process."),
    Level: col.string("Severity of the record."),
    OperationId: col.string("Operation ID; links the request to ACSCallAutomationMediaSummary."),
    OperationName: col.string("API operation invoked, e.g. CreateCall or Play."),
    OperationVersion: col.string("API version used for the operation."),
    ResultSignature: col.int("HTTP status code returned by the REST call."),
    ResultType: col.string("Outcome status of the request."),
    SdkType: col.string("Which SDK issued the request."),
    SdkVersion: col.string("Version of the SDK that issued the request."),
    ServerCallId: col.string("Server-side call ID."),
    SubOperationName: col.string("Finer-grained operation, e.g. Recognize Dtmf or Play File."),
    URI: col.string("Request URI that was called."),
  },
});
