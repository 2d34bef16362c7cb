import { col, defineTable } from "../define-table.js";
import { operationColumns, standardColumns } from "../standard-columns.js";

/** Columns shared by ACSCallDiagnostics and ACSCallDiagnosticsUpdates. */
export const callDiagnosticsColumns = {
  ...standardColumns,
  ...operationColumns,
  CodecName: col.string("Codec that carried the stream, such as OPUS, G722, H264S or SATIN."),
  CorrelationId: col.string("Call ID; joins to ACSCallSummary and the other call tables."),
  EndpointId: col.string("Endpoint that reported the stream statistics."),
  EndpointType: col.string("Kind of reporting endpoint: Server, VoIP, PSTN, BOT, Voicemail, Anonymous or Unknown."),
  HealedDataRatioAvg: col.real("Mean share of incoming audio that had to be concealed or recovered."),
  HealedDataRatioMax: col.real("Peak share of incoming audio that had to be concealed or recovered."),
  Identifier: col.string("Identity of the user behind the endpoint."),
  JitterAvg: col.int("Mean jitter on the stream, in milliseconds."),
  JitterBufferSizeAvg: col.int("Mean jitter-buffer depth in milliseconds (web SDK reports mean jitterBufferDelay)."),
  JitterBufferSizeMax: col.int("Largest jitter-buffer depth observed, in milliseconds."),
  JitterMax: col.int("Worst jitter observed on the stream, in milliseconds."),
  MediaType: col.string("Stream media: Audio, Video, VBSS (screen share) or AppSharing (data channel)."),
  PacketLossRateAvg: col.real("Mean packet loss as a fraction between 0 and 1, not a percentage."),
  PacketLossRateMax: col.real("Worst packet loss as a fraction between 0 and 1."),
  PacketUtilization: col.int("Number of packets the stream carried; zero suggests no media flowed."),
  ParticipantId: col.string("Participant leg the stream belongs to; empty in P2P calls."),
  RecvFreezeDurationPerMinuteInMs: col.real("Mean time received video was frozen per minute, in milliseconds."),
  RecvResolutionHeight: col.int("Mean height of received video frames, in pixels."),
  RoundTripTimeAvg: col.int("Mean network round-trip time, in milliseconds."),
  RoundTripTimeMax: col.int("Worst network round-trip time, in milliseconds."),
  StreamDirection: col.string("Inbound or Outbound, from the reporting endpoint's side."),
  StreamId: col.long("Stream number; unique only together with ParticipantId and MediaType."),
  TPE: col.bool("True when the stream belongs to a Teams Phone Extensibility call."),
  TransportType: col.string("Transport protocol of the stream: UDP, TCP or Unrecognized."),
  VideoBitRateAvg: col.int("Mean video or screen-share bitrate, in bits per second."),
  VideoBitRateMax: col.int("Highest video or screen-share bitrate, in bits per second."),
  VideoFrameRateAvg: col.real("Mean video frame rate, in frames per second."),
} as const;

/** One row per media stream per endpoint, with quality statistics for the stream. */
export const ACSCallDiagnostics = defineTable({
  name: "ACSCallDiagnostics",
  category: "CallDiagnostics",
  description: "One row per media stream of an endpoint, summarising that stream's network and media quality.",
  columns: callDiagnosticsColumns,
});
