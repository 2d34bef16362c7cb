import { col, defineTable } from "../define-table.js";
import { standardColumns } from "../standard-columns.js";

/** Outcome summaries of Call Automation media actions (Play and Recognize). */
export const ACSCallAutomationMediaSummary = defineTable({
  name: "ACSCallAutomationMediaSummary",
  category: "CallAutomationMediaSummary",
  description: "One row per completed Call Automation Play or Recognize action and its result.",
  columns: {
    ...standardColumns,
    CorrelationId: col.string("Call ID the media action ran in."),
    Level: col.string("Severity of the record."),
    OperationId: col.string("Operation ID; links back to ACSCallAutomationIncomingOperations."),
    OperationName: col.string("Media action performed: Play or Recognize."),
    PlayInLoop: col.bool("True when the audio was set to repeat."),
    PlayInterrupted: col.bool("True when playback was cut off before it finished."),
    PlayToParticipant: col.bool("True when audio was played to one participant rather than everyone."),
    RecognizePromptSubOperationName: col.string("Prompt source for Recognize: SSML, Text or File."),
    ResultCode: col.int("HTTP-style result code of the action."),
    ResultMessage: col.string("Human-readable result text."),
    ResultSubcode: col.int("Detail code refining ResultCode."),
    ResultType: col.string("Outcome status of the action."),
  },
});
