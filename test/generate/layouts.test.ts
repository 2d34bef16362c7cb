import * as fs from "node:fs";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateLogs } from "../../src/generate/index.js";
import { acsTables, categoryToTable } from "../../src/schema/index.js";
import { listFiles, tempDir } from "./helpers.js";

let out = "";
let files: string[] = [];

beforeAll(async () => {
  out = tempDir("layouts");
  await generateLogs({ calls: 90, seed: 3, layouts: ["archive", "flat"], outDir: out, failureShare: 0.3 });
  files = listFiles(out);
});

afterAll(() => {
  if (out) fs.rmSync(out, { recursive: true, force: true });
});

const tableOf = (name: string) => {
  const t = acsTables.find((x) => x.name === name);
  if (!t) throw new Error(`no table ${name}`);
  return t;
};

const ARCHIVE_PATH =
  /^archive\/insights-logs-([a-z]+)\/resourceId=(\/SUBSCRIPTIONS\/[0-9A-F-]{36}\/RESOURCEGROUPS\/[^/]+\/PROVIDERS\/MICROSOFT\.COMMUNICATION\/COMMUNICATIONSERVICES\/[^/]+)\/y=(\d{4})\/m=(\d{2})\/d=(\d{2})\/h=(\d{2})\/m=00\/PT1H\.json$/;

const NUMERIC = new Set(["int", "long", "real"]);

describe("archive layout", () => {
  it("puts every record in its category's folder, under the upper-cased resource ID and the hour of its time", () => {
    const archive = files.filter((f) => f.startsWith("archive/"));
    expect(archive.length).toBeGreaterThan(50);
    const categories = new Set<string>();
    for (const f of archive) {
      const m = ARCHIVE_PATH.exec(f.split(path.sep).join("/"));
      expect(m, f).not.toBeNull();
      const [, folder, resourceId, y, mo, d, h] = m as unknown as string[];
      const lines = fs.readFileSync(path.join(out, f), "utf8").split("\n");
      expect(lines.pop(), `${f} ends with a newline`).toBe("");
      for (const line of lines) {
        const r = JSON.parse(line) as Record<string, unknown>;
        expect(Object.keys(r)).toEqual(["time", "resourceId", "correlationId", "operationName", "operationVersion", "category", "properties"]);
        expect(r["resourceId"]).toBe(resourceId);
        expect(String(r["category"]).toLowerCase()).toBe(folder);
        categories.add(String(r["category"]));
        const time = String(r["time"]);
        expect(time).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
        expect(time.slice(0, 13)).toBe(`${y}-${mo}-${d}T${h}`);
      }
    }
    expect([...categories].sort()).toEqual(["CallClientOperations", "CallDiagnostics", "CallSummary", "CallSurvey", "CallingMetrics"]);
  });

  it("maps every property to a column of the category's table, with numbers as strings and missing values as \"null\"", () => {
    const seen = { nullString: 0, redacted: 0, p2pNullParticipant: 0, numberStrings: 0, serverNullEndpoint: 0 };
    const problems: string[] = [];
    for (const f of files.filter((x) => x.startsWith("archive/"))) {
      for (const line of fs.readFileSync(path.join(out, f), "utf8").trim().split("\n")) {
        const r = JSON.parse(line) as { category: string; properties: Record<string, unknown> };
        const tableName = categoryToTable.get(r.category);
        if (!tableName) {
          problems.push(`unknown category ${r.category}`);
          continue;
        }
        const columns = new Map(Object.entries(tableOf(tableName).columns).map(([c, def]) => [c.toLowerCase(), def.type]));
        for (const [key, value] of Object.entries(r.properties)) {
          const type = columns.get(key.toLowerCase());
          if (key[0] !== key[0]?.toLowerCase()) problems.push(`${r.category}.${key} is not camelCase`);
          if (!type) problems.push(`${r.category}.${key} is not a column of ${tableName}`);
          if (value === "null") seen.nullString++;
          if (value === "Redacted") seen.redacted++;
          if (type && NUMERIC.has(type) && value !== "null") {
            if (key === "callDuration") {
              if (typeof value !== "number") problems.push(`callDuration ${String(value)} is not a JSON number`);
            } else if (typeof value !== "string" || !Number.isFinite(Number(value))) {
              problems.push(`${r.category}.${key}=${JSON.stringify(value)} is not a number in a string`);
            } else {
              seen.numberStrings++;
            }
          }
          if (type === "datetime" && Number.isNaN(Date.parse(String(value)))) problems.push(`${r.category}.${key}=${String(value)} is not a date`);
        }
        if (r.category === "CallSummary" && r.properties["callType"] === "P2P" && r.properties["participantId"] === "null") seen.p2pNullParticipant++;
        if (r.properties["endpointType"] === "Server" && r.properties["endpointId"] === null) seen.serverNullEndpoint++;
      }
    }
    expect(problems.slice(0, 10)).toEqual([]);
    for (const [what, n] of Object.entries(seen)) expect(n, what).toBeGreaterThan(0);
  });
});

describe("flat layout", () => {
  it("writes one <Table>.jsonl per table whose rows have exactly the schema's columns, typed, with Type = the table", () => {
    const flat = files.filter((f) => f.startsWith("flat/")).map((f) => path.basename(f));
    expect(flat).toEqual(["ACSCallClientOperations.jsonl", "ACSCallDiagnostics.jsonl", "ACSCallSummary.jsonl", "ACSCallSurvey.jsonl", "ACSCallingMetrics.jsonl"]);
    for (const file of flat) {
      const table = tableOf(file.replace(/\.jsonl$/, ""));
      const columns = Object.entries(table.columns);
      const rows = fs.readFileSync(path.join(out, "flat", file), "utf8").trim().split("\n").map((l) => JSON.parse(l) as Record<string, unknown>);
      expect(rows.length, file).toBeGreaterThan(0);
      const problems: string[] = [];
      const names = columns.map(([c]) => c).join(",");
      for (const row of rows) {
        if (Object.keys(row).join(",") !== names) problems.push(`${file}: columns ${Object.keys(row).join(",")}`);
        if (row["Type"] !== table.name) problems.push(`${file}: Type ${String(row["Type"])}`);
        for (const [c, def] of columns) {
          const v = row[c];
          const ok =
            def.type === "string" || def.type === "guid"
              ? typeof v === "string"
              : NUMERIC.has(def.type)
                ? v === null || typeof v === "number"
                : def.type === "datetime"
                  ? typeof v === "string" && !Number.isNaN(Date.parse(v))
                  : def.type === "bool"
                    ? v === null || typeof v === "boolean"
                    : v === null || typeof v === "object";
          if (!ok) problems.push(`${table.name}.${c}=${JSON.stringify(v)} is not a ${def.type}`);
        }
      }
      expect(problems.slice(0, 10)).toEqual([]);
    }
  });
});
