import { col, defineTable } from "../define-table.js";
import { standardColumns } from "../standard-columns.js";

/** Summaries of closed-captions sessions in calls. */
export const ACSCallClosedCaptionsSummary = defineTable({
  name: "ACSCallClosedCaptionsSummary",
  category: "CallClosedCaptionsSummary",
  description: "One row per closed-captions session in a call, with its language, length and end reason.",
  columns: {
    ...standardColumns,
    CancelReason: col.string("Reason captioning was cancelled, if it was."),
    CorrelationId: col.string("Call ID the captions ran in."),
    Duration: col.real("How long captioning ran, in seconds."),
    EndReason: col.string("Reason captioning finished."),
    Level: col.string("Severity of the record."),
    OperationName: col.string("Operation that emitted the captions summary."),
    ResultType: col.string("Outcome status of the captions session."),
    SpeechRecognitionSessionId: col.string("ID of the speech-recognition session behind the captions."),
    SpokenLanguage: col.string("Language the speakers were transcribed in."),
    StartTime: col.datetime("When captioning began."),
  },
});
