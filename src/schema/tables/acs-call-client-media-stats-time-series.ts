import { col, defineTable } from "../define-table.js";
import { standardColumns } from "../standard-columns.js";

/** Client-side media statistics, sampled each second and aggregated per interval (limited preview). */
export const ACSCallClientMediaStatsTimeSeries = defineTable({
  name: "ACSCallClientMediaStatsTimeSeries",
  category: "CallClientMediaStatsTimeSeries",
  description: "One row per media metric per stream per aggregation interval, measured on the client.",
  columns: {
    ...standardColumns,
    AggregationIntervalSeconds: col.int("Length of the aggregation window in seconds (normally 10)."),
    Average: col.real("Mean of the metric over the window (Sum divided by Count)."),
    Minimum: col.real("Lowest sample of the metric in the window."),
    Maximum: col.real("Highest sample of the metric in the window."),
    Sum: col.real("Total of all samples of the metric in the window."),
    Count: col.long("How many samples were taken in the window."),
    CallClientTimeStamp: col.datetime("Client-side UTC time at which the statistics were captured."),
    CallId: col.string("Call ID; equals CorrelationId in the server-side call tables."),
    ClientInstanceId: col.string("GUID of the CallClient object that produced the samples."),
    EndpointId: col.string("Endpoint of the client (not populated yet by the SDK)."),
    MediaStreamCodec: col.string("Codec in use on the stream, such as H264, OPUS or VP8."),
    MediaStreamDirection: col.string("Whether the client was sending (send) or receiving (recv) the stream."),
    MediaStreamId: col.string("Stream identifier (not populated yet; meant to match ACSCallDiagnostics.StreamId)."),
    MediaStreamType: col.string("Kind of stream: audio, video or screen."),
    MetricName: col.string("Which measurement the row aggregates, e.g. Bitrate, JitterInMs, PacketsPerSecond."),
    OperationName: col.string("Operation that emitted the record (CallClientMediaStatsTimeSeries)."),
    ParticipantId: col.string("Leg ID of the local participant."),
    RemoteEndpointId: col.string("Endpoint at the far end of the stream."),
    RemoteParticipantId: col.string("Participant at the far end of the stream."),
  },
});
