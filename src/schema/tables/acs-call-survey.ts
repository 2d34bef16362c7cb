import { col, defineTable } from "../define-table.js";
import { standardColumns } from "../standard-columns.js";

/** End of Call Survey answers submitted by participants. */
export const ACSCallSurvey = defineTable({
  name: "ACSCallSurvey",
  category: "CallSurvey",
  description: "One row per End of Call Survey a participant submitted, with ratings and reported issues.",
  columns: {
    ...standardColumns,
    AudioIssues: col.string("Comma-separated audio problems the respondent ticked."),
    VideoIssues: col.string("Comma-separated video problems the respondent ticked."),
    ScreenshareIssues: col.string("Comma-separated screen-sharing problems the respondent ticked."),
    OverallCallIssues: col.string("Comma-separated general call problems the respondent ticked."),
    AudioRatingScore: col.int("Score the respondent gave to audio."),
    VideoRatingScore: col.int("Score the respondent gave to video."),
    ScreenshareRatingScore: col.int("Score the respondent gave to screen sharing."),
    OverallRatingScore: col.int("Score the respondent gave to the call as a whole."),
    AudioRatingScoreLowerBound: col.int("Lowest value on the audio rating scale."),
    AudioRatingScoreUpperBound: col.int("Highest value on the audio rating scale (5 when unset)."),
    AudioRatingScoreThreshold: col.int("Audio scores above this value count as good quality."),
    VideoRatingScoreLowerBound: col.int("Lowest value on the video rating scale."),
    VideoRatingScoreUpperBound: col.int("Highest value on the video rating scale (5 when unset)."),
    VideoRatingScoreThreshold: col.int("Video scores above this value count as good quality."),
    ScreenshareRatingScoreLowerBound: col.int("Lowest value on the screen-share rating scale."),
    ScreenshareRatingScoreUpperBound: col.int("Highest value on the screen-share rating scale (5 when unset)."),
    ScreenshareRatingScoreThreshold: col.int("Screen-share scores above this value count as good quality."),
    OverallRatingScoreLowerBound: col.int("Lowest value on the overall rating scale."),
    OverallRatingScoreUpperBound: col.int("Highest value on the overall rating scale (5 when unset)."),
    OverallRatingScoreThreshold: col.int("Overall scores above this value count as good quality."),
    CallId: col.string("Call ID; join it to CorrelationId in the other call tables."),
    CorrelationId: col.string("Holds the participant ID here, not the call ID."),
    OperationName: col.string("Name of the operation that recorded the survey."),
    OperationVersion: col.string("Schema version of the survey record."),
    ParticipantId: col.string("Participant who answered the survey."),
    SurveyId: col.string("Identifier of this survey submission."),
  },
});
