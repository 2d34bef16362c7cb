import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { InputError } from "../../src/cli/input-error.js";
import { LocalDb } from "../../src/local/duckdb.js";
import { formatIngestIssues, loadLogs } from "../../src/local/load-logs.js";

let tmp = "";
let db: LocalDb;

const TIME = "2024-03-01T10:00:00Z";
const diag = (props: Record<string, unknown>, top: Record<string, unknown> = {}) =>
  JSON.stringify({ time: TIME, resourceId: "R", correlationId: "call-1", operationName: "CallDiagnostics", operationVersion: "1.0", category: "CallDiagnostics", properties: { mediaType: "Audio", roundTripTimeAvg: "80", ...props }, ...top });

function write(rel: string, lines: readonly string[], eol = "\n"): string {
  const file = path.join(tmp, rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, lines.join(eol) + eol);
  return file;
}

const hour = (cat: string, h: string) => `insights-logs-${cat}/resourceId=/SUBSCRIPTIONS/S/RESOURCEGROUPS/RG/PROVIDERS/MICROSOFT.COMMUNICATION/COMMUNICATIONSERVICES/ACS/y=2024/m=03/d=01/h=${h}/m=00/PT1H.json`;

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "acs-load-logs-"));
  db = await LocalDb.open();
});
afterAll(() => {
  db.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe("bad records are reported with file and line, skipped, and never lose good ones", () => {
  it("archive: a file DuckDB cannot parse whole is read line by line, blank lines counted in the numbering", async () => {
    const root = path.join(tmp, "archive-bad");
    const file = path.join(root, hour("calldiagnostics", "10"));
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, [
      diag({ streamId: "1" }), //                                                   1 ok
      "", //                                                                        2 blank
      "{not json", //                                                               3 malformed
      diag({ streamId: "4" }), //                                                   4 ok
      diag({ streamId: "5" }, { category: "CallDiagnostic" }), //                   5 unknown category
      diag({ streamId: "6", roundTripTimeAvg: "fast" }), //                         6 wrong type
      "   ", //                                                                     7 blank
      diag({ streamId: "8" }, { time: "2024-13-45T00:00:00Z" }), //                 8 bad timestamp
      diag({ streamId: "9" }, { category: "ChatOperational" }), //                  9 untyped ACS category
      diag({ streamId: "10" }, { time: undefined }), //                            10 no time
      diag({ streamId: "11" }), //                                                 11 ok
      "[1,2]", //                                                                  12 not an object
      diag({ streamId: "13" }, { category: undefined }), //                        13 no category
    ].join("\n") + "\n" + diag({ streamId: "14" }) + "\r\n"); //                    14 ok, CRLF
    const s = await loadLogs(db, root);
    expect(s.rows["ACSCallDiagnostics"]).toBe(4);
    const ids = await db.all("SELECT StreamId FROM ACSCallDiagnostics ORDER BY StreamId");
    expect(ids.map((r) => r["StreamId"])).toEqual([1, 4, 11, 14]);
    expect(s.lines).toBe(12);
    expect(s.skippedUntyped).toBe(1);
    expect(s.issueCounts).toEqual({ malformed: 2, "unknown-category": 1, "wrong-type": 2, "missing-field": 2 });
    expect(s.issues.map((i) => [i.file, i.line, i.kind])).toEqual([
      [file, 3, "malformed"],
      [file, 5, "unknown-category"],
      [file, 6, "wrong-type"],
      [file, 8, "wrong-type"],
      [file, 10, "missing-field"],
      [file, 12, "malformed"],
      [file, 13, "missing-field"],
    ]);
    const msg = (line: number) => s.issues.find((i) => i.line === line)?.message;
    expect(msg(3)).toBe("not valid JSON");
    expect(msg(5)).toMatch(/^category "CallDiagnostic" is not an ACS log category/);
    expect(msg(6)).toBe('RoundTripTimeAvg: "fast" is not a valid int');
    expect(msg(8)).toBe('TimeGenerated: "2024-13-45T00:00:00Z" is not a valid datetime');
    expect(msg(10)).toBe("time is missing");
    expect(msg(12)).toBe("not a JSON object");
    expect(msg(13)).toBe("category is missing");
  });

  it("archive: one malformed file in a batch does not cost the other files their rows", async () => {
    const root = path.join(tmp, "archive-batch");
    write(path.join("archive-batch", hour("calldiagnostics", "01")), [diag({ streamId: "1" }), diag({ streamId: "2" })]);
    const bad = write(path.join("archive-batch", hour("calldiagnostics", "02")), [diag({ streamId: "3" }), '{"time": "2024-03-01T10:00:00Z", "category": "CallDiagnostics", "properties": {', diag({ streamId: "5" })]);
    write(path.join("archive-batch", hour("calldiagnostics", "03")), [diag({ streamId: "6" }), diag({ streamId: "7" }, { time: "not a time" })]);
    const d = await LocalDb.open();
    try {
      const s = await loadLogs(d, root);
      expect((await d.all("SELECT StreamId FROM ACSCallDiagnostics ORDER BY StreamId")).map((r) => r["StreamId"])).toEqual([1, 2, 3, 5, 6]);
      expect(s.issues.map((i) => [path.basename(path.dirname(path.dirname(i.file))), i.line, i.kind])).toEqual([
        ["h=02", 2, "malformed"],
        ["h=03", 2, "wrong-type"],
      ]);
      expect(s.issues[0]?.file).toBe(bad);
      expect(s.lines).toBe(7);
    } finally {
      d.close();
    }
  });

  it("archive: issues in a file that parses whole are located by a second, numbered read", async () => {
    const root = path.join(tmp, "archive-typed");
    const file = write(path.join("archive-typed", hour("calldiagnostics", "11")), [
      diag({ streamId: "1" }),
      "",
      diag({ streamId: "3", jitterAvg: "1.5.2" }),
      diag({ streamId: "4" }, { time: "2024-03-01T10:00:00.1234567Z" }),
      diag({ streamId: "5" }, { time: "2024-03-01T12:00:00+02:00" }),
      diag({ streamId: "6" }, { time: "2024-03-01T10:00:00.1234560Z", category: "SMSOperational" }),
    ]);
    const other = write(path.join("archive-typed", hour("calldiagnostics", "12")), [diag({ streamId: "7" }), diag({ streamId: "8" })]);
    const d = await LocalDb.open();
    try {
      const s = await loadLogs(d, root);
      expect(s.files).toBe(2);
      expect(s.rows["ACSCallDiagnostics"]).toBe(4);
      expect(s.skippedUntyped).toBe(1);
      expect(s.issues).toEqual([
        { file, line: 3, kind: "wrong-type", message: 'JitterAvg: "1.5.2" is not a valid int' },
        { file, line: 4, kind: "wrong-type", message: 'TimeGenerated: "2024-03-01T10:00:00.1234567Z" has digits below a microsecond, which DuckDB cannot keep' },
      ]);
      expect(other).toContain("h=12");
      // An offset is converted to UTC.
      const [row] = await d.all("SELECT TimeGenerated FROM ACSCallDiagnostics WHERE StreamId = 5");
      expect(row?.["TimeGenerated"]).toEqual(new Date("2024-03-01T10:00:00Z"));
    } finally {
      d.close();
    }
  });

  it("archive: a record of another typed category goes to its own table; property keys match case-insensitively", async () => {
    const root = path.join(tmp, "archive-mixed");
    write(path.join("archive-mixed", hour("calldiagnostics", "10")), [
      diag({ streamId: "1" }),
      JSON.stringify({ time: TIME, correlationId: "call-1", category: "CallSummary", properties: { CallType: "P2P", PARTICIPANTDURATION: "42" } }),
      JSON.stringify({ time: TIME, correlationId: "call-1", category: "CallClientOperations", properties: { operationName: "Join", durationMs: "15", operationPayload: { a: 1 } } }),
    ]);
    const d = await LocalDb.open();
    try {
      const s = await loadLogs(d, root);
      expect(s.issues).toEqual([]);
      expect([s.rows["ACSCallDiagnostics"], s.rows["ACSCallSummary"], s.rows["ACSCallClientOperations"]]).toEqual([1, 1, 1]);
      expect(s.lines).toBe(3);
      expect(await d.all("SELECT CallType, ParticipantDuration, CorrelationId, Type FROM ACSCallSummary")).toEqual([
        { CallType: "P2P", ParticipantDuration: 42, CorrelationId: "call-1", Type: "ACSCallSummary" },
      ]);
      // Client tables have CallId instead of CorrelationId; dynamic columns hold JSON.
      expect(await d.all("SELECT CallId, OperationName, DurationMs, OperationPayload->>'a' AS a FROM ACSCallClientOperations")).toEqual([
        { CallId: "call-1", OperationName: "Join", DurationMs: 15, a: "1" },
      ]);
    } finally {
      d.close();
    }
  });

  it("flat: CSV rows with too many fields, wrong types and a Type of another table are reported by line", async () => {
    const root = path.join(tmp, "flat-bad");
    const csv = write(path.join("flat-bad", "ACSCallDiagnostics.csv"), [
      "TimeGenerated,Type,CorrelationId,StreamId,RoundTripTimeAvg,ParticipantId",
      `${TIME},ACSCallDiagnostics,c1,1,80,p1`, //                         2 ok
      `${TIME},ACSCallDiagnostics,c1,2,slow,p1`, //                       3 wrong type
      `${TIME},ACSCallDiagnostics,c1,3,80,p1,extra,fields`, //            4 malformed
      `${TIME},ACSCallSummary,c1,4,80,p1`, //                             5 Type of another table
      `${TIME},,c1,5,80,`, //                                             6 ok (empty Type and string)
    ]);
    const json = write(path.join("flat-bad", "ACSCallSummary.json"), [
      JSON.stringify([{ TimeGenerated: TIME, CorrelationId: "c1", CallDuration: 10 }, { TimeGenerated: TIME, CorrelationId: "c2", CallDuration: "ten" }, { CorrelationId: "c3" }], null, 1),
    ]);
    const d = await LocalDb.open();
    try {
      const s = await loadLogs(d, root);
      expect(s.layout).toBe("flat");
      expect(s.rows["ACSCallDiagnostics"]).toBe(2);
      expect(s.rows["ACSCallSummary"]).toBe(1);
      expect(s.issues.map((i) => [path.basename(i.file), i.line, i.kind])).toEqual([
        ["ACSCallDiagnostics.csv", 3, "wrong-type"],
        ["ACSCallDiagnostics.csv", 4, "malformed"],
        ["ACSCallDiagnostics.csv", 5, "unknown-category"],
        ["ACSCallSummary.json", 2, "wrong-type"],
        ["ACSCallSummary.json", 3, "missing-field"],
      ]);
      expect(s.issues.find((i) => i.file === csv && i.line === 5)?.message).toBe('Type "ACSCallSummary" does not match the file name (ACSCallDiagnostics)');
      expect(s.issues.find((i) => i.file === json && i.line === 2)?.message).toBe('CallDuration: "ten" is not a valid long');
      expect(await d.all("SELECT StreamId, ParticipantId, Type FROM ACSCallDiagnostics ORDER BY StreamId")).toEqual([
        { StreamId: 1, ParticipantId: "p1", Type: "ACSCallDiagnostics" },
        { StreamId: 5, ParticipantId: "", Type: "ACSCallDiagnostics" },
      ]);
    } finally {
      d.close();
    }
  });

  it("auto-detects archive records outside insights-logs folders and reports progress per batch", async () => {
    const root = path.join(tmp, "loose-archive");
    write(path.join("loose-archive", "a", "PT1H.json"), [diag({ streamId: "1" }), diag({ streamId: "2" })]);
    write(path.join("loose-archive", "b", "PT1H.json"), [JSON.stringify({ time: TIME, category: "CallSummary", properties: { callType: "Group" } })]);
    const d = await LocalDb.open();
    try {
      const progress: [number, number][] = [];
      const s = await loadLogs(d, root, { onProgress: (done, total) => progress.push([done, total]) });
      expect(s.layout).toBe("archive");
      expect([s.rows["ACSCallDiagnostics"], s.rows["ACSCallSummary"], s.files, s.lines]).toEqual([2, 1, 2, 3]);
      expect(progress.at(-1)).toEqual([2, 2]);
    } finally {
      d.close();
    }
  });

  it("formats issues as path:line: kind: message lines and a count line", () => {
    const summary = {
      layout: "archive" as const, files: 1, lines: 3, rows: {}, skippedUntyped: 0,
      issues: [{ file: "a/PT1H.json", line: 7, kind: "wrong-type" as const, message: 'JitterAvg: "x" is not a valid int' }, { file: "a/PT1H.json", line: 9, kind: "malformed" as const, message: "not valid JSON" }],
      issueCounts: { malformed: 4, "unknown-category": 0, "wrong-type": 1, "missing-field": 0 },
    };
    expect(formatIngestIssues(summary, 1)).toEqual([
      'a/PT1H.json:7: wrong-type: JitterAvg: "x" is not a valid int',
      "5 records skipped (malformed 4, wrong-type 1); the first 1 are listed above",
    ]);
    expect(formatIngestIssues({ ...summary, issues: [], issueCounts: { malformed: 0, "unknown-category": 0, "wrong-type": 0, "missing-field": 0 } })).toEqual([]);
  });
});

describe("unusable input paths are InputErrors naming the path", () => {
  const inputError = async (root: string, layout?: "archive" | "flat"): Promise<InputError> => {
    const e: unknown = await loadLogs(db, root, layout ? { layout } : {}).then(() => undefined, (err: unknown) => err);
    expect(e).toBeInstanceOf(InputError);
    return e as InputError;
  };

  it("a missing path", async () => {
    const missing = path.join(tmp, "no-such-dir");
    expect((await inputError(missing)).problems).toEqual([expect.stringMatching(new RegExp(`^${missing}: the log path does not exist; pass the folder that holds the insights-logs-`))]);
  });

  it("an empty folder", async () => {
    const empty = path.join(tmp, "empty");
    fs.mkdirSync(empty);
    expect((await inputError(empty)).message).toMatch(new RegExp(`^${empty}: the log folder is empty; pass the folder`));
  });

  it("a folder without ACS logs, or without the layout asked for", async () => {
    write(path.join("unrelated", "notes.txt"), ["hello"]);
    expect((await inputError(path.join(tmp, "unrelated"))).message).toMatch(/unrelated: no ACS logs \(no insights-logs-\* folders, .*\) among its 1 file;/);
    write(path.join("only-flat", "ACSCallSummary.jsonl"), [JSON.stringify({ TimeGenerated: TIME })]);
    expect((await inputError(path.join(tmp, "only-flat"), "archive")).message).toMatch(/only-flat: no \.json files of the storage-archive layout among its 1 file/);
  });
});
