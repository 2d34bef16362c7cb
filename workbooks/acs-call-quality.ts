// The ACS call-quality workbook: Overview, Volume, Quality, Errors, Call details,
// Reliability, User Facing Diagnostics, Performance and Survey tabs over the catalog's queries, with one shared set of parameters. It runs
// its queries on a Log Analytics workspace the reader picks, and filters on _ResourceId, so
// one central workspace can serve many ACS resources. Generated into
// workbooks/acs-call-quality.workbook.json (Advanced editor) and .gallery.json (gallery
// template) by `npm run workbooks`. What it does and how it compares with Microsoft's
// Voice & Video Insights workbook: workbooks/README.md.
import { p, parameterDocs } from "../src/catalog/parameters.js";
import { getEntry } from "../queries/index.js";
import { CREATE_VIEW_SIDE_KEY } from "../queries/client.js";
import { DAY_MS, GALLERIES, bind, step, wbParam, when, type Bindings, type CatalogBindings, type LogsContext, type WorkbookDef } from "../src/workbook/index.js";
import {
  acsResourceChoices,
  callParticipants,
  callSurvey,
  defaultSubscriptionQuery,
  endReasonsTop,
  overviewKpis,
  participantStreams,
  pstnFailures,
  scenarioClientSubcodes,
  scenarioFailureSubcodes,
  sdkVersionChoices,
  subscriptionChoices,
  ufdBreakdowns,
  volumeBreakdowns,
  workspaceChoices,
} from "./entries.js";

// ---------------------------------------------------------------------------------------
// Parameters. Order matters: a parameter may only use those above it.

/** The resource the workbook was opened from (hidden). */
const ContextResource = wbParam.contextResource("ContextResource", { label: "Opened from" });
/** That resource if it is an ACS resource, else 'none' (hidden): preselects it in the ACS resource picker. */
const ContextAcs = wbParam.text("ContextAcs", {
  label: "ACS resource opened from",
  hidden: true,
  required: false,
  source: { param: ContextResource, contains: "microsoft.communication/communicationservices", otherwise: "none" },
});
/** The subscription of the first workspace in the portal's default subscriptions (hidden; Microsoft's Workspace Usage pattern). */
const DefaultSubscription = wbParam.text("DefaultSubscription", {
  label: "Default subscription",
  hidden: true,
  source: { kind: "resourceGraph", query: defaultSubscriptionQuery, scope: "selected" },
});
const Subscription = wbParam.subscription("Subscription", {
  label: "Subscription",
  description: "The subscription of the Log Analytics workspace.",
  source: { kind: "resourceGraph", query: subscriptionChoices(DefaultSubscription), scope: "selected" },
});
const Workspace = wbParam.resource("Workspace", {
  label: "Log Analytics workspace",
  description: "The workspace your ACS diagnostic setting sends logs to (resource-specific tables).",
  resourceType: "microsoft.operationalinsights/workspaces",
  source: { kind: "resourceGraph", query: workspaceChoices, scope: Subscription },
});
const TimeRange = wbParam.timeRange("TimeRange", { label: "Time range", default: 7 * DAY_MS });

/** What the picker queries may use: the time range and the resource opened from. */
const pickerContext: LogsContext = {
  workspace: Workspace,
  timeRange: TimeRange,
  bindings: { lookback: bind.since(TimeRange), contextResource: bind.string(ContextAcs) },
};

const AcsResources = wbParam.multiSelect("AcsResources", {
  label: "ACS resources",
  description: "ACS resources whose logs to show (none or All = every ACS resource in the workspace).",
  choices: { kind: "logs", query: acsResourceChoices, context: pickerContext },
  defaultAll: false,
});

const CallType = wbParam.multiSelect("CallType", {
  label: "Call type",
  choices: [{ value: "P2P", label: "P2P (1:1)" }, { value: "Group" }],
  defaultAll: true,
});
const EndpointType = wbParam.multiSelect("EndpointType", {
  label: "Endpoint type",
  choices: ["VoIP", "PSTN", "Server", "BOT", "Voicemail", "Anonymous", "Unknown"].map((value) => ({ value })),
  defaultAll: true,
});
const MediaType = wbParam.multiSelect("MediaType", {
  label: "Media type",
  choices: [{ value: "Audio" }, { value: "Video" }, { value: "VBSS", label: "Screen share (VBSS)" }, { value: "AppSharing", label: "App sharing" }],
  defaultAll: true,
});
const OsName = wbParam.multiSelect("OsName", {
  label: "OS",
  choices: ["Windows", "Android", "iOS", "macOS", "Linux", "Other", "Unknown", "Redacted"].map((value) => ({ value })),
  defaultAll: true,
});
const SdkVersion = wbParam.multiSelect("SdkVersion", {
  label: "SDK version",
  choices: { kind: "logs", query: sdkVersionChoices, context: { ...pickerContext, bindings: { ...pickerContext.bindings, resourceIds: bind.list(AcsResources) } } },
  defaultAll: true,
});

/** A quality threshold: default and number kind from the catalog parameter, tooltip from its documentation. */
const threshold = (name: string, catalogParam: Parameters<typeof wbParam.threshold>[1], label: string) =>
  wbParam.threshold(name, catalogParam, { label, description: parameterDocs["name" in catalogParam.node ? catalogParam.node.name : ""] ?? label });

const RttPoorMs = threshold("RttPoorMs", p.rttPoorMs, "RTT poor above (ms)");
const JitterPoorMs = threshold("JitterPoorMs", p.jitterPoorMs, "Jitter poor above (ms)");
const PacketLossPoorRatio = threshold("PacketLossPoorRatio", p.packetLossPoorRatio, "Packet loss poor above (0.1 = 10 %)");
const JitterBufferPoorMs = threshold("JitterBufferPoorMs", p.jitterBufferPoorMs, "Jitter buffer poor above (ms)");
const HealedRatioPoor = threshold("HealedRatioPoor", p.healedRatioPoor, "Healed audio poor above (ratio)");
const VideoFrameRatePoorFps = threshold("VideoFrameRatePoorFps", p.videoFrameRatePoorFps, "Video fps poor below");
const ScreenFrameRatePoorFps = threshold("ScreenFrameRatePoorFps", p.screenFrameRatePoorFps, "Screen-share fps poor below");
const VideoResolutionPoorPx = threshold("VideoResolutionPoorPx", p.videoResolutionPoorPx, "Video height poor below (px)");
const ScreenResolutionPoorPx = threshold("ScreenResolutionPoorPx", p.screenResolutionPoorPx, "Screen-share height poor below (px)");
const VideoFreezePoorMs = threshold("VideoFreezePoorMs", p.videoFreezePoorMs, "Video freeze poor above (ms/min)");
const ScreenFreezePoorMs = threshold("ScreenFreezePoorMs", p.screenFreezePoorMs, "Screen-share freeze poor above (ms/min)");
const VideoBitratePoorBps = threshold("VideoBitratePoorBps", p.videoBitratePoorBps, "Video bitrate poor below (bit/s)");

// Microsoft's recommended P95 time to resolve per Calling SDK API (Performance tab).
const CallAgentInitP95Ms = threshold("CallAgentInitP95Ms", p.callAgentInitP95Ms, "CallAgentInit P95 target (ms)");
const HandleIncomingCallP95Ms = threshold("HandleIncomingCallP95Ms", p.handleIncomingCallP95Ms, "HandleIncomingCall P95 target (ms)");
const AcceptIncomingCallP95Ms = threshold("AcceptIncomingCallP95Ms", p.acceptIncomingCallP95Ms, "AcceptIncomingCall P95 target (ms)");
const JoinP95Ms = threshold("JoinP95Ms", p.joinP95Ms, "Join P95 target (ms)");
const StartCallP95Ms = threshold("StartCallP95Ms", p.startCallP95Ms, "StartCall P95 target (ms)");
const StartVideoP95Ms = threshold("StartVideoP95Ms", p.startVideoP95Ms, "StartVideo P95 target (ms)");
const StopVideoP95Ms = threshold("StopVideoP95Ms", p.stopVideoP95Ms, "StopVideo P95 target (ms)");
const LatencyBucketMs = threshold("LatencyBucketMs", p.latencyBucketMs, "Latency histogram bucket (ms)");

/** Set by selecting a call in Call details. */
const SelectedCall = wbParam.selection("SelectedCall", { label: "Selected call" });
/** Set by selecting a participant of that call. */
const SelectedParticipant = wbParam.selection("SelectedParticipant", { label: "Selected participant" });
/** Set by selecting a scenario in the Reliability tab. */
const SelectedScenario = wbParam.selection("SelectedScenario", { label: "Selected scenario" });
const Tab = wbParam.tab("Tab", { label: "Tab" });

const bindings = {
  lookback: bind.since(TimeRange),
  timeBin: bind.grain(TimeRange),
  resourceIds: bind.list(AcsResources),
  callTypes: bind.list(CallType),
  endpointTypes: bind.list(EndpointType),
  mediaTypes: bind.list(MediaType),
  osNames: bind.list(OsName),
  sdkVersions: bind.list(SdkVersion),
  correlationId: bind.string(SelectedCall),
  rttPoorMs: bind.long(RttPoorMs),
  jitterPoorMs: bind.long(JitterPoorMs),
  packetLossPoorRatio: bind.real(PacketLossPoorRatio),
  jitterBufferPoorMs: bind.long(JitterBufferPoorMs),
  healedRatioPoor: bind.real(HealedRatioPoor),
  videoFrameRatePoorFps: bind.real(VideoFrameRatePoorFps),
  screenFrameRatePoorFps: bind.real(ScreenFrameRatePoorFps),
  videoResolutionPoorPx: bind.long(VideoResolutionPoorPx),
  screenResolutionPoorPx: bind.long(ScreenResolutionPoorPx),
  videoFreezePoorMs: bind.real(VideoFreezePoorMs),
  screenFreezePoorMs: bind.real(ScreenFreezePoorMs),
  videoBitratePoorBps: bind.long(VideoBitratePoorBps),
  callAgentInitP95Ms: bind.long(CallAgentInitP95Ms),
  handleIncomingCallP95Ms: bind.long(HandleIncomingCallP95Ms),
  acceptIncomingCallP95Ms: bind.long(AcceptIncomingCallP95Ms),
  joinP95Ms: bind.long(JoinP95Ms),
  startCallP95Ms: bind.long(StartCallP95Ms),
  startVideoP95Ms: bind.long(StartVideoP95Ms),
  stopVideoP95Ms: bind.long(StopVideoP95Ms),
  latencyBucketMs: bind.long(LatencyBucketMs),
  // Workbook-only parameters of workbooks/entries.ts.
  participantKey: bind.string(SelectedParticipant),
  scenario: bind.string(SelectedScenario),
  contextResource: bind.string(ContextAcs),
} satisfies CatalogBindings & Bindings;

/** Every logs query of the workbook runs here, with these bindings. */
const logs: LogsContext = { workspace: Workspace, timeRange: TimeRange, bindings };

// ---------------------------------------------------------------------------------------
// Steps.

/** A query step on the workbook's logs context. */
const q = (name: string, o: Omit<Parameters<typeof step.query>[1], "context">) => step.query(name, { context: logs, ...o });
const e = getEntry;

const intro = step.text(
  "intro",
  [
    "## Azure Communication Services: call quality",
    "Calls, quality, errors, reliability, user-facing diagnostics, SDK performance and survey ratings of ACS voice and video calling, " +
      "from the resource-specific tables (ACSCallSummary, ACSCallDiagnostics, ACSCallClientOperations, ACSCallSurvey, ACSCallingMetrics) " +
      "of a Log Analytics workspace. " +
      "Pick the **workspace** your ACS diagnostic setting sends to, and optionally the **ACS resources** to show: one workspace can serve many. " +
      "Every tab uses the same filters; the quality thresholds below decide which streams count as poor everywhere.",
  ].join("\n\n"),
);

const scopeParams = step.parameters("scope-parameters", [ContextResource, ContextAcs, DefaultSubscription, Subscription, Workspace, TimeRange, AcsResources], { style: "above" });
const filterParams = step.parameters("filter-parameters", [CallType, EndpointType, MediaType, OsName, SdkVersion]);
const thresholdParams = step.parameters("threshold-parameters", [
  RttPoorMs,
  JitterPoorMs,
  PacketLossPoorRatio,
  JitterBufferPoorMs,
  HealedRatioPoor,
  VideoFrameRatePoorFps,
  ScreenFrameRatePoorFps,
  VideoResolutionPoorPx,
  ScreenResolutionPoorPx,
  VideoFreezePoorMs,
  ScreenFreezePoorMs,
  VideoBitratePoorBps,
]);
const latencyParams = step.parameters("latency-parameters", [
  CallAgentInitP95Ms,
  HandleIncomingCallP95Ms,
  AcceptIncomingCallP95Ms,
  JoinP95Ms,
  StartCallP95Ms,
  StartVideoP95Ms,
  StopVideoP95Ms,
  LatencyBucketMs,
]);

const NO_CALLS = "No calls in the selected time range, workspace and filters. Check that the ACS diagnostic setting sends logs to this workspace (resource-specific tables).";
const NO_STREAMS = "No media streams (ACSCallDiagnostics) in the selected time range, workspace and filters.";

const overview = [
  q("overview-kpis", {
    entry: overviewKpis,
    title: "Calling at a glance ({TimeRange:label})",
    noData: NO_CALLS,
    size: "small",
    show: { tiles: { title: "Kpi", value: { column: "Value", decimals: 1 }, right: "Unit", subtitle: "Detail" } },
  }),
  q("overview-calls-over-time", {
    entry: e("calls-over-time"),
    title: "Calls over time (by call start, per {TimeRange:grain})",
    noData: NO_CALLS,
    width: 50,
    show: { chart: { type: "timechart", x: "TimeBin", y: ["Calls"], legend: false } },
  }),
  q("overview-impacted-over-time", {
    entry: e("impacted-calls-over-time"),
    title: "Impacted calls (% of calls with a poor stream)",
    noData: NO_STREAMS,
    width: 50,
    show: { chart: { type: "timechart", x: "TimeGenerated", y: ["ImpactedPercent"], yUnit: "percent", series: [{ name: "ImpactedPercent", label: "Impacted %", color: "redBright" }] } },
  }),
  q("overview-ungraceful-over-time", {
    entry: e("ungraceful-drop-rate"),
    title: "Ungraceful ends (% of participants whose call ended with an unexpected error)",
    noData: NO_CALLS,
    show: {
      chart: {
        type: "linechart",
        x: "TimeBin",
        y: ["ungracefulPct", "clientErrorPct", "serverErrorPct", "overallUngracefulPct"],
        yUnit: "percent",
        series: [
          { name: "ungracefulPct", label: "Ungraceful %" },
          { name: "clientErrorPct", label: "Client errors %" },
          { name: "serverErrorPct", label: "Server errors %" },
          { name: "overallUngracefulPct", label: "Window average %", color: "gray" },
        ],
      },
    },
  }),
];

const pie = (name: string, id: string, x: string, y: string, title: string, noData = NO_CALLS) =>
  q(name, { entry: e(id), title, noData, width: 25, size: "small", show: { chart: { type: "piechart", x, y: [y] } } });

const volume = [
  q("volume-duration-histogram", {
    entry: e("call-duration-histogram"),
    title: "Call duration (calls per 1-minute bin, seconds)",
    noData: NO_CALLS,
    width: 50,
    show: { chart: { type: "categoricalbar", x: "DurationSec", y: ["Calls"], legend: false } },
  }),
  q("volume-duration-percentiles", {
    entry: e("call-duration-percentiles"),
    title: "Call duration",
    noData: NO_CALLS,
    width: 50,
    size: "small",
    show: {
      table: {
        formatters: [
          { column: "AvgDurationSec", kind: "number", unit: "seconds", decimals: 0 },
          { column: "P50DurationSec", kind: "number", unit: "seconds", decimals: 0 },
          { column: "P90DurationSec", kind: "number", unit: "seconds", decimals: 0 },
          { column: "P99DurationSec", kind: "number", unit: "seconds", decimals: 0 },
        ],
        labels: { AvgDurationSec: "Average", P50DurationSec: "Median", P90DurationSec: "P90", P99DurationSec: "P99" },
      },
    },
  }),
  q("volume-breakdowns", {
    entry: volumeBreakdowns,
    title: "Calls by call type, participants by SDK version and OS, streams by media type",
    noData: NO_CALLS,
    show: {
      table: {
        formatters: [
          { column: "Count", kind: "bar", palette: "blue" },
          { column: "SharePct", kind: "number", unit: "percent", decimals: 1 },
        ],
        labels: { SharePct: "Share %", CountOf: "Of" },
        filter: true,
        rowLimit: 500,
      },
    },
  }),
];

const pctHeatmap = (column: string) => ({ column, kind: "heatmap" as const, palette: "greenRed" as const, min: 0, max: 100, unit: "percent" as const, decimals: 1 });
const above = (column: string, param: typeof RttPoorMs, unit?: "ms") =>
  ({ column, kind: "thresholds" as const, style: "colors" as const, rules: [{ op: ">" as const, threshold: param, show: "redBright" }], otherwise: "transparent", ...(unit ? { unit } : {}) });

const quality = [
  step.text(
    "quality-rules",
    "A stream is **poor** when its round-trip time is above **{RttPoorMs} ms**, its jitter above **{JitterPoorMs} ms** or its packet loss above " +
      "**{PacketLossPoorRatio}** (Microsoft's rules), or — for audio, video and screen sharing — when the jitter buffer, healed audio, frame rate, " +
      "resolution, freezes or bitrate pass the thresholds above. A call is **impacted** when at least one of its streams is poor. Change the " +
      "thresholds in the parameters above; every tab follows them.",
    { style: "info" },
  ),
  q("quality-impacted-calls", {
    entry: e("impacted-calls"),
    title: "Impacted calls",
    noData: NO_STREAMS,
    size: "small",
    show: { table: { formatters: [pctHeatmap("ImpactedPercent"), pctHeatmap("PoorStreamPercent")], labels: { ImpactedPercent: "Impacted %", PoorStreamPercent: "Poor streams %" } } },
  }),
  q("quality-stream-health", {
    entry: e("stream-quality-classification"),
    title: "Stream health by media kind",
    noData: NO_STREAMS,
    width: 50,
    show: {
      chart: {
        type: "categoricalbar",
        x: "MediaKind",
        y: ["GoodStreams", "PoorStreams"],
        series: [
          { name: "GoodStreams", label: "Good", color: "green" },
          { name: "PoorStreams", label: "Poor", color: "redBright" },
        ],
      },
    },
  }),
  q("quality-poor-reasons", {
    entry: e("poor-stream-reasons"),
    title: "Why streams are poor (a stream can break several rules)",
    noData: "No poor streams in the selected time range and filters.",
    width: 50,
    show: { table: { formatters: [{ column: "PoorStreams", kind: "bar", palette: "red" }], rowLimit: 50 } },
  }),
  q("quality-trends", {
    entry: e("quality-trends"),
    title: "Poor streams over time by media kind",
    noData: NO_STREAMS,
    width: 50,
    show: { chart: { type: "timechart", x: "TimeGenerated", y: ["PoorStreams"], group: "MediaKind" } },
  }),
  q("quality-network-percentiles", {
    entry: e("network-metric-percentiles"),
    title: "Round-trip time, jitter and packet loss percentiles",
    noData: NO_STREAMS,
    width: 50,
    show: {
      table: {
        formatters: [
          above("RttP95", RttPoorMs, "ms"),
          above("JitterP95", JitterPoorMs, "ms"),
          above("PacketLossP95", PacketLossPoorRatio),
        ],
      },
    },
  }),
  q("quality-by-dimension", {
    entry: e("poor-streams-by-dimension"),
    title: "Poor streams and impacted calls by media type, transport, endpoint type, OS and SDK version",
    noData: NO_STREAMS,
    show: {
      table: {
        formatters: [pctHeatmap("PoorPercent"), pctHeatmap("ImpactedPercent"), { column: "Streams", kind: "bar", palette: "blue" }],
        labels: { PoorPercent: "Poor streams %", ImpactedPercent: "Impacted calls %" },
        filter: true,
        rowLimit: 500,
      },
    },
  }),
];

const sipClassIcons = {
  column: "SipClass",
  kind: "thresholds" as const,
  style: "icons" as const,
  rules: [
    { op: "==" as const, threshold: "Success", show: "success" },
    { op: "==" as const, threshold: "Client failure", show: "2" },
    { op: "==" as const, threshold: "Server failure", show: "3" },
    { op: "==" as const, threshold: "Global failure", show: "3" },
  ],
  otherwise: "Unknown",
};

const errors = [
  pie("errors-sip-classes", "end-reasons-by-sip-class", "SipClass", "participants", "How participants' calls ended (SIP class)"),
  q("errors-top-failures-over-time", {
    entry: e("top-failing-subcodes-over-time"),
    title: "Top failing end code/subcode pairs over time",
    noData: "No failed participant ends in the selected time range and filters.",
    width: 75,
    size: "small",
    keepDefaults: ["topN"],
    show: { chart: { type: "timechart", x: "CallStartTime", y: ["participants"], group: "EndReason" } },
  }),
  q("errors-end-reasons", {
    entry: endReasonsTop,
    title: "Top end codes and subcodes, with meaning and what to do",
    noData: NO_CALLS,
    keepDefaults: ["topN"],
    show: {
      table: {
        formatters: [sipClassIcons, { column: "participants", kind: "bar", palette: "blue" }],
        labels: { EndCode: "Code", EndSubCode: "Subcode", SipClass: "SIP class", participants: "Participants", calls: "Calls" },
        filter: true,
      },
    },
  }),
  q("errors-by-sdk-os", {
    entry: e("failures-by-sdk-and-os"),
    title: "Failures by SDK version and OS",
    noData: NO_CALLS,
    width: 50,
    show: { table: { formatters: [pctHeatmap("failurePct"), pctHeatmap("ungracefulPct")], labels: { failurePct: "Failed %", ungracefulPct: "Ungraceful %" }, rowLimit: 100 } },
  }),
  q("errors-pstn", {
    entry: pstnFailures,
    title: "PSTN failures by direction (SBC/operator or Microsoft)",
    noData: "No failed PSTN participants in the selected time range and filters.",
    width: 50,
    show: { table: { formatters: [{ column: "participants", kind: "bar", palette: "orange" }], labels: { SbcSipCode: "SBC SIP code" }, filter: true } },
  }),
];

const details = [
  q("details-calls", {
    entry: e("call-list"),
    title: "Calls (newest first) — select one to see its participants",
    noData: NO_CALLS,
    exports: { column: "CorrelationId", param: SelectedCall },
    show: {
      table: {
        formatters: [
          {
            column: "Quality",
            kind: "thresholds",
            style: "icons",
            rules: [
              { op: "==", threshold: "Poor", show: "3" },
              { op: "==", threshold: "Good", show: "success" },
            ],
            otherwise: "Unknown",
          },
          { column: "PoorStreams", kind: "thresholds", style: "colors", rules: [{ op: ">", threshold: 0, show: "redBright" }], otherwise: "transparent" },
          { column: "UnexpectedEndParticipants", kind: "thresholds", style: "colors", rules: [{ op: ">", threshold: 0, show: "orange" }], otherwise: "transparent" },
          { column: "PoorUfds", kind: "thresholds", style: "colors", rules: [{ op: ">", threshold: 0, show: "orange" }], otherwise: "transparent" },
          { column: "CallDuration", kind: "number", unit: "seconds", decimals: 0 },
          { column: "AvgRating", kind: "number", decimals: 1 },
          { column: "CallStartTime", kind: "date" },
        ],
        labels: { UnexpectedEndParticipants: "Unexpected ends", FailedClientOperations: "Failed client ops", PoorUfds: "Poor UFDs", IssueOperations: "Issues" },
        filter: true,
        rowLimit: 1000,
      },
    },
  }),
  step.text("details-pick-call", "Select a call in the grid above to see its participants and their streams.", { style: "info", visibleWhen: when.unset(SelectedCall) }),
  step.group(
    "details-call",
    [
      q("details-participants", {
        entry: callParticipants,
        title: "Participants of call {SelectedCall} — select one to see its streams",
        noData: "No participants found for this call in the selected time range.",
        exports: { column: "ParticipantKey", param: SelectedParticipant },
        show: {
          table: {
            formatters: [
              { column: "PoorStreams", kind: "thresholds", style: "colors", rules: [{ op: ">", threshold: 0, show: "redBright" }], otherwise: "transparent" },
              {
                column: "DroppedUngracefully",
                kind: "thresholds",
                style: "icons",
                rules: [{ op: "==", threshold: "true", show: "3" }],
                otherwise: "success",
              },
              above("MaxRoundTripTimeAvg", RttPoorMs, "ms"),
              above("MaxJitterAvg", JitterPoorMs, "ms"),
              above("MaxPacketLossRateAvg", PacketLossPoorRatio),
              { column: "ParticipantDuration", kind: "number", unit: "seconds", decimals: 0 },
              { column: "ParticipantKey", kind: "hidden" },
            ],
            labels: { ParticipantEndReason: "End code", ParticipantEndSubCode: "Subcode", MaxRoundTripTimeAvg: "Worst RTT", MaxJitterAvg: "Worst jitter", MaxPacketLossRateAvg: "Worst loss" },
          },
        },
      }),
      step.text("details-pick-participant", "Select a participant above to see their media streams.", { style: "info", visibleWhen: when.unset(SelectedParticipant) }),
      q("details-streams", {
        entry: participantStreams,
        title: "Streams of the selected participant (values above the thresholds in red)",
        noData: "No streams for this participant (none logged, or they belong to another call: select a participant of this call).",
        visibleWhen: when.set(SelectedParticipant),
        show: {
          table: {
            formatters: [
              above("RoundTripTimeAvg", RttPoorMs, "ms"),
              above("RoundTripTimeMax", RttPoorMs, "ms"),
              above("JitterAvg", JitterPoorMs, "ms"),
              above("JitterMax", JitterPoorMs, "ms"),
              above("PacketLossRateAvg", PacketLossPoorRatio),
              above("PacketLossRateMax", PacketLossPoorRatio),
            ],
          },
        },
      }),
      q("details-client-operations", {
        entry: e("call-client-operations"),
        title: "Client operations and user-facing diagnostics of the call",
        noData: "No client operations (ACSCallClientOperations) for this call.",
        show: {
          table: {
            formatters: [
              {
                column: "ResultType",
                kind: "thresholds",
                style: "icons",
                rules: [
                  { op: "==", threshold: "Succeeded", show: "success" },
                  { op: "==", threshold: "Failed", show: "3" },
                ],
                otherwise: "Unknown",
              },
              { column: "CallClientTimeStamp", kind: "date" },
              { column: "OperationPayload", kind: "details", label: "Payload" },
              { column: "TimeGenerated", kind: "hidden" },
            ],
            filter: true,
          },
        },
      }),
      q("details-ufd-timeline", {
        entry: e("ufd-call-timeline"),
        title: "User Facing Diagnostics timeline of the call (bad states in red, back to Good in green)",
        noData: "No User Facing Diagnostics for this call (none fired, or the SDK did not log them).",
        width: 50,
        show: {
          table: {
            formatters: [
              {
                column: "State",
                kind: "thresholds",
                style: "colors",
                rules: [
                  { op: "==", threshold: "Bad", show: "redBright" },
                  { op: "==", threshold: "Good", show: "green" },
                ],
                otherwise: "transparent",
              },
              { column: "CallClientTimeStamp", kind: "date" },
            ],
            labels: { CallClientTimeStamp: "Time", Ufd: "Diagnostic" },
            filter: true,
          },
        },
      }),
      q("details-survey", {
        entry: callSurvey,
        title: "End of Call Survey responses of the call",
        noData: "No End of Call Survey response for this call.",
        width: 50,
        size: "small",
        show: {
          table: {
            formatters: [
              { column: "NormalisedOverallRating", kind: "heatmap", palette: "redGreen", min: 1, max: 5, decimals: 1 },
              { column: "SurveyTime", kind: "date" },
            ],
            labels: { NormalisedOverallRating: "Overall (1–5)", OverallRatingScore: "Overall score", OverallRatingScoreUpperBound: "of", RatingCategory: "Rating" },
          },
        },
      }),
    ],
    { visibleWhen: when.set(SelectedCall) },
  ),
];

const reliability = [
  step.text(
    "reliability-about",
    "Reliability comes from **ACSCallingMetrics**, a daily pre-aggregated table of Calling SDK scenarios (start call, join, start video, ...) " +
      "and dropped legs (the **Drop** line of the per-day chart is 100 % minus the day's drop rate). Days appear once complete; a workspace " +
      "without this table shows no data here.",
    { style: "info" },
  ),
  q("reliability-summary", {
    entry: e("scenario-reliability-summary"),
    title: "Scenario reliability over the window — select a scenario for its failure subcodes",
    noData: "No ACSCallingMetrics rows in the selected time range.",
    width: 50,
    exports: { column: "Scenario", param: SelectedScenario },
    show: {
      table: {
        formatters: [
          { column: "ReliabilityPct", kind: "heatmap", palette: "redGreen", min: 90, max: 100, unit: "percent", decimals: 2 },
          { column: "WorstDayReliabilityPct", kind: "heatmap", palette: "redGreen", min: 90, max: 100, unit: "percent", decimals: 2 },
          { column: "Legs", kind: "bar", palette: "blue" },
        ],
        labels: { ReliabilityPct: "Reliability %", WorstDayReliabilityPct: "Worst day %" },
      },
    },
  }),
  q("reliability-over-time", {
    entry: e("scenario-reliability-over-time"),
    title: "Scenario reliability per day",
    noData: "No ACSCallingMetrics rows in the selected time range.",
    width: 50,
    show: { chart: { type: "linechart", x: "TimestampBin", y: ["ReliabilityPct"], group: "Scenario", yUnit: "percent" } },
  }),
  step.text("reliability-pick-scenario", "Select a scenario in the reliability grid to narrow the failure subcodes below to it; until then they cover every scenario.", {
    style: "info",
    visibleWhen: when.unset(SelectedScenario),
  }),
  step.text("reliability-scenario-selected", "Failure subcodes of the **{SelectedScenario}** scenario.", { style: "info", visibleWhen: when.set(SelectedScenario) }),
  q("reliability-subcodes", {
    entry: scenarioFailureSubcodes,
    title: "Failure subcodes (ACSCallingMetrics), selected scenario or all",
    noData: "No failed scenario legs in the selected time range (and scenario).",
    width: 50,
    show: { table: { formatters: [{ column: "FailedLegs", kind: "bar", palette: "red" }, pctHeatmap("ShareOfScenarioFailuresPct")], filter: true } },
  }),
  q("reliability-client-subcodes", {
    entry: scenarioClientSubcodes,
    title: "Top failing client subcodes (ACSCallClientOperations), with meaning and what to do",
    noData: "No failed SDK operations in the selected time range (and scenario).",
    width: 50,
    keepDefaults: ["topN"],
    show: {
      table: {
        formatters: [{ column: "Failures", kind: "bar", palette: "red" }, pctHeatmap("ScenarioFailuresPct")],
        labels: { ScenarioFailuresPct: "Share of scenario failures %", FailedCalls: "Calls" },
        filter: true,
      },
    },
  }),
];

const recovery = (column: string) => ({ column, kind: "heatmap" as const, palette: "redGreen" as const, min: 0, max: 100, unit: "percent" as const, decimals: 1 });

const ufd = [
  step.text(
    "ufd-about",
    "**User Facing Diagnostics** (UFDs) are the Calling SDK's in-call warnings (network reconnecting, no microphone, camera freeze, ...), " +
      "logged in ACSCallClientOperations. A leg is **affected** when a UFD went bad, **recovered** when its last state is Good again; " +
      "the informational UFDs (speaking while muted, speaker muted) are left out.",
    { style: "info" },
  ),
  q("ufd-overview", {
    entry: e("ufd-overview"),
    title: "Each UFD: volume, calls affected, recovery rate and time to recover",
    noData: "No User Facing Diagnostics (ACSCallClientOperations) in the selected time range and filters.",
    width: 50,
    show: {
      table: {
        formatters: [
          { column: "AffectedCalls", kind: "bar", palette: "orange" },
          pctHeatmap("AffectedCallsPct"),
          recovery("RecoveryRatePct"),
          { column: "RecoveryP50Sec", kind: "number", unit: "seconds", decimals: 1 },
          { column: "RecoveryP90Sec", kind: "number", unit: "seconds", decimals: 1 },
        ],
        labels: { Ufd: "Diagnostic", AffectedCallsPct: "Calls affected %", RecoveryRatePct: "Recovered %", RecoveryP50Sec: "Recovery P50", RecoveryP90Sec: "Recovery P90" },
      },
    },
  }),
  q("ufd-recovery-over-time", {
    entry: e("ufd-recovery-rate-over-time"),
    title: "UFD recovery rate per day (ACSCallingMetrics)",
    noData: "No UFD recovery metrics (ACSCallingMetrics) in the selected time range.",
    width: 50,
    show: { chart: { type: "linechart", x: "TimestampBin", y: ["RecoveryRatePct"], group: "Ufd", yUnit: "percent" } },
  }),
  q("ufd-breakdowns", {
    entry: ufdBreakdowns,
    title: "UFDs by SDK version and by OS / browser",
    noData: "No User Facing Diagnostics in the selected time range and filters.",
    show: {
      table: {
        formatters: [pctHeatmap("AffectedCallsPct"), recovery("RecoveryRatePct"), { column: "AffectedCalls", kind: "bar", palette: "orange" }],
        labels: { Ufd: "Diagnostic", GroupCalls: "Calls in group", AffectedCallsPct: "Calls affected %", RecoveryRatePct: "Recovered %" },
        filter: true,
        rowLimit: 500,
      },
    },
  }),
];

const performance = [
  step.text(
    "performance-about",
    "Calling SDK API operations from the raw **ACSCallClientOperations**. **ExpectedError counts as success** (a declined or cancelled call, " +
      "a denied permission), as Microsoft's Insights counts it. **CreateView** is split into Local and Remote by the payload field " +
      `\`${CREATE_VIEW_SIDE_KEY}\`, an assumption (no documented field says which): other values show as CreateView/Unknown. **Drop** counts legs, ` +
      "dropped when a Join, EnterCall or Hangup of the leg failed (Microsoft's Call Diagnostics rule). Latency targets are Microsoft's " +
      "recommended P95 per API, editable in the parameters above, as is the histogram's bucket width.",
    { style: "info" },
  ),
  q("performance-api-reliability", {
    entry: e("sdk-api-reliability"),
    title: "SDK API success rate per scenario",
    noData: "No Calling SDK API operations (ACSCallClientOperations) in the selected time range and filters.",
    width: 50,
    show: {
      table: {
        formatters: [
          { column: "SuccessRatePct", kind: "heatmap", palette: "redGreen", min: 90, max: 100, unit: "percent", decimals: 2 },
          { column: "Attempts", kind: "bar", palette: "blue" },
        ],
        labels: { SuccessRatePct: "Success %", ExpectedErrors: "Expected errors", Unit: "Counted in" },
      },
    },
  }),
  q("performance-api-latency", {
    entry: e("sdk-api-latency-percentiles"),
    title: "SDK API latency percentiles against the P95 targets",
    noData: "No Calling SDK API operations with a duration in the selected time range and filters.",
    width: 50,
    show: {
      table: {
        formatters: [
          {
            column: "P95WithinThreshold",
            kind: "thresholds",
            style: "icons",
            rules: [
              { op: "==", threshold: "true", show: "success" },
              { op: "==", threshold: "false", show: "3" },
            ],
            otherwise: "Unknown",
          },
          { column: "P50Ms", kind: "number", unit: "ms", decimals: 0 },
          { column: "P90Ms", kind: "number", unit: "ms", decimals: 0 },
          { column: "P95Ms", kind: "number", unit: "ms", decimals: 0 },
          { column: "P99Ms", kind: "number", unit: "ms", decimals: 0 },
          { column: "P95ThresholdMs", kind: "number", unit: "ms", decimals: 0 },
          pctHeatmap("OverThresholdPct"),
        ],
        labels: { P95ThresholdMs: "P95 target", P95WithinThreshold: "Meets target", OverThresholdPct: "Slower than target %" },
      },
    },
  }),
  q("performance-api-day-over-day", {
    entry: e("sdk-api-reliability-day-over-day"),
    title: "SDK API success rate per day and scenario",
    noData: "No Calling SDK API operations in the selected time range and filters.",
    width: 50,
    show: { chart: { type: "linechart", x: "Day", y: ["SuccessRatePct"], group: "Scenario", yUnit: "percent" } },
  }),
  q("performance-api-latency-histogram", {
    entry: e("sdk-api-latency-histogram"),
    title: "SDK API latency histogram: operations per {LatencyBucketMs} ms bucket (the last bucket holds everything slower)",
    noData: "No Calling SDK API operations with a duration in the selected time range and filters.",
    width: 50,
    show: { chart: { type: "unstackedbar", x: "BucketStartMs", y: ["Operations"], group: "Scenario" } },
  }),
];

const survey = [
  step.text(
    "survey-about",
    "The **End of Call Survey** (ACSCallSurvey). Each score is normalised to 1–5 within its own row's bounds; **below threshold** uses " +
      "the threshold the app sent with the response.",
    { style: "info" },
  ),
  q("survey-summary", {
    entry: e("survey-rating-summary"),
    title: "Ratings per aspect: good, average, poor, below threshold",
    noData: "No End of Call Survey responses (ACSCallSurvey) in the selected time range.",
    width: 50,
    show: {
      table: {
        formatters: [
          { column: "AvgNormalisedRating", kind: "heatmap", palette: "redGreen", min: 1, max: 5, decimals: 2 },
          { column: "GoodPct", kind: "number", unit: "percent", decimals: 1 },
          { column: "AveragePct", kind: "number", unit: "percent", decimals: 1 },
          pctHeatmap("PoorPct"),
          pctHeatmap("BelowThresholdPct"),
        ],
        labels: { AvgNormalisedRating: "Average (1–5)", GoodPct: "Good %", AveragePct: "Average %", PoorPct: "Poor %", BelowThresholdPct: "Below threshold %" },
      },
    },
  }),
  q("survey-issues", {
    entry: e("survey-issue-frequency"),
    title: "Issues reported, by aspect",
    noData: "No issues reported in End of Call Survey responses in the selected time range.",
    width: 50,
    show: { table: { formatters: [{ column: "Mentions", kind: "bar", palette: "orange" }, pctHeatmap("SurveysPct")], labels: { SurveysPct: "Surveys %" }, filter: true } },
  }),
  q("survey-vs-quality", {
    entry: e("survey-rating-vs-stream-quality"),
    title: "Do poor ratings match poor networks? Rating band against the calls' stream quality",
    noData: "No surveyed calls with media diagnostics in the selected time range and filters.",
    show: {
      table: {
        formatters: [
          pctHeatmap("PoorNetworkCallsPct"),
          pctHeatmap("AvgPoorStreamsPct"),
          above("JitterAvgMs", JitterPoorMs, "ms"),
          above("RoundTripTimeAvgMs", RttPoorMs, "ms"),
          above("PacketLossRateAvg", PacketLossPoorRatio),
        ],
        labels: { RatingBand: "Rating", PoorNetworkCallsPct: "Calls with a poor stream %", AvgPoorStreamsPct: "Poor streams % (avg)" },
      },
    },
  }),
];

const learnMore = step.links(
  "learn-more",
  [
    { label: "ACS call logs: schemas", url: "https://learn.microsoft.com/azure/communication-services/concepts/analytics/logs/voice-and-video-logs" },
    { label: "Call end codes and subcodes", url: "https://learn.microsoft.com/azure/communication-services/resources/troubleshooting/voice-video-calling/troubleshooting-codes" },
    { label: "Enable logs in a diagnostic setting", url: "https://learn.microsoft.com/azure/communication-services/concepts/analytics/enable-logging" },
  ],
  { style: "paragraph" },
);

export const acsCallQuality: WorkbookDef = {
  name: "acs-call-quality",
  displayName: "ACS call quality",
  author: "acs-call-insights",
  fallbackResourceIds: ["Azure Monitor"],
  galleries: [
    { name: "ACS call quality", category: "Azure Communication Services", resourceType: GALLERIES.communicationServices },
    { name: "ACS call quality", category: "Azure Communication Services", resourceType: GALLERIES.workspace },
    { name: "ACS call quality", category: "Azure Communication Services", resourceType: GALLERIES.azureMonitor },
  ],
  items: [
    intro,
    scopeParams,
    filterParams,
    thresholdParams,
    latencyParams,
    step.tabs("tabs", Tab, [
      { key: "overview", label: "Overview", items: overview },
      { key: "volume", label: "Volume", items: volume },
      { key: "quality", label: "Quality", items: quality },
      { key: "errors", label: "Errors", items: errors },
      { key: "details", label: "Call details", items: details },
      { key: "reliability", label: "Reliability", items: reliability },
      { key: "ufd", label: "User Facing Diagnostics", items: ufd },
      { key: "performance", label: "Performance", items: performance },
      { key: "survey", label: "Survey", items: survey },
    ]),
    learnMore,
  ],
};
