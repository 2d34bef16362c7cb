import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, expectTypeOf, it } from "vitest";
import type { Columns, RowOf, TableDef } from "../../src/schema/define-table.js";
import type { KqlType } from "../../src/schema/kql-types.js";
import { standardColumns } from "../../src/schema/standard-columns.js";
import {
  ACSCallDiagnostics,
  ACSCallDiagnosticsUpdates,
  ACSCallSummary,
  ACSCallSummaryUpdates,
  acsTables,
} from "../../src/schema/tables/index.js";

const colsOf = (t: TableDef): Columns => t.columns;
const tableByName = new Map<string, TableDef>(acsTables.map((t) => [t.name, t]));

/** Hand-transcribed (column, Kusto type) pairs from the reference, per table. */
const SPOT_CHECKS: Record<string, Record<string, KqlType>> = {
  ACSCallSummary: {
    CallDuration: "long",
    CallStartTime: "datetime",
    ParticipantDuration: "long",
    ParticipantStartTime: "datetime",
    TPE: "bool",
    ParticipantEndReason: "string",
    CallDebuggingInfo: "string",
  },
  ACSCallDiagnostics: {
    JitterAvg: "int",
    PacketLossRateAvg: "real",
    StreamId: "long",
    TPE: "bool",
    RecvFreezeDurationPerMinuteInMs: "real",
    VideoFrameRateAvg: "real",
    RoundTripTimeMax: "int",
    MediaType: "string",
  },
  ACSCallSummaryUpdates: {
    CallUpdatesVersion: "int",
    CallDuration: "long",
    CallStartTime: "datetime",
    TPE: "bool",
    CallDebuggingInfo: "string",
  },
  ACSCallDiagnosticsUpdates: {
    CallUpdatesVersion: "int",
    StreamId: "long",
    HealedDataRatioMax: "real",
    JitterBufferSizeAvg: "int",
    TPE: "bool",
  },
  ACSCallClientOperations: {
    CallClientTimeStamp: "datetime",
    DurationMs: "long",
    OperationPayload: "dynamic",
    ResultSignature: "int",
    ClientInstanceId: "string",
    UserAgent: "string",
  },
  ACSCallClientMediaStatsTimeSeries: {
    AggregationIntervalSeconds: "int",
    Average: "real",
    Minimum: "real",
    Maximum: "real",
    Sum: "real",
    Count: "long",
    CallClientTimeStamp: "datetime",
    RemoteParticipantId: "string",
  },
  ACSCallSurvey: {
    AudioIssues: "string",
    OverallCallIssues: "string",
    OverallRatingScore: "int",
    ScreenshareRatingScore: "int",
    VideoRatingScoreLowerBound: "int",
    AudioRatingScoreUpperBound: "int",
    OverallRatingScoreThreshold: "int",
    SurveyId: "string",
  },
  ACSCallingMetrics: {
    CallsDcount: "int",
    FailedLegsDcount: "int",
    LegsDcount: "int",
    MetricValueAvg: "real",
    TimestampBin: "datetime",
    TimestampMax: "datetime",
    DeviceOsVersionMinor: "string",
    Category: "string",
  },
  ACSBillingUsage: {
    Category: "string",
    EndTime: "datetime",
    StartTime: "datetime",
    Quantity: "real",
    UsageType: "string",
    UserIdA: "string",
    UserIdB: "string",
    RecordId: "string",
    OperationVersion: "string",
  },
  ACSCallAutomationIncomingOperations: {
    DurationMs: "int",
    ResultSignature: "int",
    CallConnectionId: "string",
    CallerIpAddress: "string",
    OperationVersion: "string",
    SubOperationName: "string",
  },
  ACSCallAutomationMediaSummary: {
    PlayInLoop: "bool",
    PlayInterrupted: "bool",
    PlayToParticipant: "bool",
    ResultCode: "int",
    ResultSubcode: "int",
    RecognizePromptSubOperationName: "string",
  },
  ACSCallRecordingSummary: {
    AudioChannelsCount: "int",
    ChunkCount: "int",
    RecordingLength: "real",
    RecordingStartTime: "datetime",
    RecordingEndReason: "string",
    ChannelType: "string",
  },
  ACSCallClosedCaptionsSummary: {
    Duration: "real",
    StartTime: "datetime",
    SpokenLanguage: "string",
    SpeechRecognitionSessionId: "string",
    CancelReason: "string",
  },
};

const EXPECTED_CATEGORIES: Record<string, string> = {
  ACSCallSummary: "CallSummary",
  ACSCallDiagnostics: "CallDiagnostics",
  ACSCallSummaryUpdates: "CallSummaryUpdates",
  ACSCallDiagnosticsUpdates: "CallDiagnosticsUpdates",
  ACSCallClientOperations: "CallClientOperations",
  ACSCallClientMediaStatsTimeSeries: "CallClientMediaStatsTimeSeries",
  ACSCallSurvey: "CallSurvey",
  ACSCallingMetrics: "CallingMetrics",
  ACSBillingUsage: "Usage",
  ACSCallAutomationIncomingOperations: "CallAutomationOperational",
  ACSCallAutomationMediaSummary: "CallAutomationMediaSummary",
  ACSCallRecordingSummary: "CallRecordingSummary",
  ACSCallClosedCaptionsSummary: "CallClosedCaptionsSummary",
};

describe("acsTables", () => {
  it("lists the 13 tables in the documented order", () => {
    expect(acsTables.map((t) => t.name)).toEqual(Object.keys(EXPECTED_CATEGORIES));
  });

  it("maps each table to its diagnostic-setting category", () => {
    for (const t of acsTables) expect(t.category, t.name).toBe(EXPECTED_CATEGORIES[t.name]);
  });

  it("has a spot-check entry for every table", () => {
    expect(Object.keys(SPOT_CHECKS).sort()).toEqual(acsTables.map((t) => t.name).sort());
  });
});

describe.each(acsTables.map((t) => [t.name, t] as const))("%s", (name, table) => {
  const columns = colsOf(table);

  it("has a non-empty table description", () => {
    expect(table.description.trim().length).toBeGreaterThan(0);
  });

  it("matches the hand-transcribed (column, type) spot-checks", () => {
    const checks = Object.entries(SPOT_CHECKS[name] ?? {});
    expect(checks.length).toBeGreaterThanOrEqual(5);
    for (const [column, type] of checks) {
      expect(columns[column], `${name}.${column} missing`).toBeDefined();
      expect(columns[column]?.type, `${name}.${column}`).toBe(type);
    }
  });

  it("carries the 8 standard columns with their types", () => {
    for (const [column, def] of Object.entries(standardColumns)) {
      expect(columns[column]?.type, `${name}.${column}`).toBe(def.type);
    }
  });

  it("describes every column, with no description repeated", () => {
    const seen = new Map<string, string>();
    for (const [column, def] of Object.entries(columns)) {
      expect(def.description.trim(), `${name}.${column}`).not.toBe("");
      const previous = seen.get(def.description);
      expect(previous, `${name}.${column} repeats the description of ${previous}`).toBeUndefined();
      seen.set(def.description, column);
    }
  });

  it("is frozen", () => {
    expect(Object.isFrozen(table)).toBe(true);
    expect(Object.isFrozen(table.columns)).toBe(true);
  });
});

describe("Updates tables", () => {
  it.each([
    [ACSCallSummaryUpdates, ACSCallSummary],
    [ACSCallDiagnosticsUpdates, ACSCallDiagnostics],
  ] as const)("%s = base columns + CallUpdatesVersion", (updates, base) => {
    const updatesCols = colsOf(updates);
    const baseCols = colsOf(base);
    expect(Object.keys(updatesCols).sort()).toEqual([...Object.keys(baseCols), "CallUpdatesVersion"].sort());
    for (const [column, def] of Object.entries(baseCols)) expect(updatesCols[column], column).toBe(def);
    expect(updatesCols.CallUpdatesVersion?.type).toBe("int");
  });
});

describe("row types", () => {
  it("derives TypeScript value types from Kusto types", () => {
    type CallSummaryRow = RowOf<typeof ACSCallSummary>;
    expectTypeOf<CallSummaryRow["CallDuration"]>().toEqualTypeOf<number>();
    expectTypeOf<CallSummaryRow["CallStartTime"]>().toEqualTypeOf<Date>();
    expectTypeOf<CallSummaryRow["TPE"]>().toEqualTypeOf<boolean>();

    const row = {} as CallSummaryRow;
    // @ts-expect-error misspelled column names are not part of the row type
    void row.CallDurration;
  });
});

// ---------------------------------------------------------------------------
// Cross-check against the shared research notes (lives outside this repo).
// ---------------------------------------------------------------------------

const REFERENCE_PATH = path.resolve(__dirname, "../../../shared/reference/acs-call-logs.md");
const PLAIN_TYPES = new Set(["string", "datetime", "int", "long", "real", "bool", "dynamic"]);

interface ReferenceSection {
  heading: string;
  columns: Map<string, string>;
  /** Names with `*`, kept as suffix patterns for the reverse check. */
  wildcards: string[];
}

/** Parses `### 1.N <Name> ...` sections of §1 into column → type maps. */
function parseReference(markdown: string): Map<string, ReferenceSection> {
  const sections = new Map<string, ReferenceSection>();
  let current: ReferenceSection | undefined;
  for (const line of markdown.split(/\r?\n/)) {
    const heading = /^###\s+1\.(\d+)\s+(\S+)/.exec(line);
    if (heading) {
      current = { heading: line, columns: new Map(), wildcards: [] };
      sections.set(heading[2]!, current);
      continue;
    }
    if (/^##\s/.test(line)) {
      current = undefined; // left §1 (or moved to another level-2 section)
      continue;
    }
    if (!current) continue;
    const row = /^\|([^|]*)\|([^|]*)\|/.exec(line);
    if (!row) continue;
    const type = row[2]!.trim();
    if (!PLAIN_TYPES.has(type)) continue;
    for (const raw of row[1]!.split("/")) {
      const name = raw.trim();
      if (name === "" || name.includes("+")) continue;
      if (name.includes("*")) current.wildcards.push(name);
      else current.columns.set(name, type);
    }
  }
  return sections;
}

const referenceExists = fs.existsSync(REFERENCE_PATH);
if (!referenceExists) {
  console.warn(
    `\n!!! REFERENCE CROSS-CHECK SKIPPED: ${REFERENCE_PATH} not found (../shared is missing). ` +
      "Table definitions were NOT compared against the research notes. !!!\n",
  );
}

(referenceExists ? describe : describe.skip)("cross-check against ../shared/reference/acs-call-logs.md", () => {
  const sections = referenceExists
    ? parseReference(fs.readFileSync(REFERENCE_PATH, "utf8"))
    : new Map<string, ReferenceSection>();
  /** Reference section name → our tables it describes. Updates tables share their base table's list (§1.3). */
  const targets = (section: string): string[] => {
    if (section === "ACSCallSummary") return ["ACSCallSummary", "ACSCallSummaryUpdates"];
    if (section === "ACSCallDiagnostics") return ["ACSCallDiagnostics", "ACSCallDiagnosticsUpdates"];
    return tableByName.has(section) ? [section] : [];
  };
  const tableSections = [...sections.entries()].filter(([name, s]) => targets(name).length > 0 && s.columns.size > 0);

  it("finds the column tables it expects (parser sanity)", () => {
    expect(tableSections.map(([name]) => name).sort()).toEqual(
      [
        "ACSCallSummary",
        "ACSCallDiagnostics",
        "ACSCallClientOperations",
        "ACSCallClientMediaStatsTimeSeries",
        "ACSCallSurvey",
        "ACSCallingMetrics",
        "ACSCallClosedCaptionsSummary",
        "ACSCallRecordingSummary",
        "ACSCallAutomationIncomingOperations",
        "ACSCallAutomationMediaSummary",
      ].sort(),
    );
    for (const [name, s] of tableSections) expect(s.columns.size, name).toBeGreaterThanOrEqual(5);
    expect(sections.get("Standard")?.columns.size).toBe(8);
  });

  it("standard columns (§1.0) exist with the same type on every table", () => {
    const std = sections.get("Standard")!;
    for (const t of acsTables) {
      for (const [column, type] of std.columns) expect(colsOf(t)[column]?.type, `${t.name}.${column}`).toBe(type);
    }
  });

  it("every reference column exists in our definition with the same type", () => {
    let checked = 0;
    for (const [section, s] of tableSections) {
      for (const tableName of targets(section)) {
        const cols = colsOf(tableByName.get(tableName)!);
        for (const [column, type] of s.columns) {
          expect(cols[column], `${tableName}.${column} is in the reference but not defined`).toBeDefined();
          expect(cols[column]?.type, `${tableName}.${column}`).toBe(type);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(150);
  });

  it("every column we define is backed by the reference", () => {
    const std = sections.get("Standard")!;
    for (const [section, s] of tableSections) {
      for (const tableName of targets(section)) {
        const patterns = s.wildcards.map((w) => new RegExp(`^${w.split("*").map(escapeRegExp).join("\\w*")}$`));
        for (const column of Object.keys(colsOf(tableByName.get(tableName)!))) {
          if (std.columns.has(column) || s.columns.has(column)) continue;
          if (tableName.endsWith("Updates") && column === "CallUpdatesVersion") continue;
          expect(
            patterns.some((p) => p.test(column)),
            `${tableName}.${column} is not in the reference`,
          ).toBe(true);
        }
      }
    }
  });
});

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
