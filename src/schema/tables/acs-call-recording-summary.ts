import { col, defineTable } from "../define-table.js";
import { standardColumns } from "../standard-columns.js";

/** Summaries of call recordings: format, length and why they stopped. */
export const ACSCallRecordingSummary = defineTable({
  name: "ACSCallRecordingSummary",
  category: "CallRecordingSummary",
  description: "One row per call recording session, written when the recording ends.",
  columns: {
    ...standardColumns,
    AudioChannelsCount: col.int("Number of audio channels in the recording."),
    ChannelType: col.string("Whether audio is mixed into one channel or unmixed per participant."),
    ChunkCount: col.int("Number of chunks the recording was split into."),
    ContentType: col.string("What was captured, e.g. Audio Only, Audio - Video or Transcription."),
    CorrelationId: col.string("Call ID of the recorded call."),
    FormatType: col.string("Output file format, e.g. WAV or MP4."),
    Level: col.string("Severity of the record."),
    OperationName: col.string("Operation that emitted the recording summary."),
    RecordingEndReason: col.string("Why the recording stopped."),
    RecordingId: col.string("Identifier of the recording."),
    RecordingLength: col.real("Length of the recording in seconds."),
    RecordingStartTime: col.datetime("When the recording began."),
    ResultType: col.string("Outcome status of the recording."),
  },
});
