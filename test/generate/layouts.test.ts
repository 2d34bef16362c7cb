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
    expect([...categories].sort()).toEqual(["CallClientOperations", "CallDiagnostics", "CallSummary", "CallSurvey"]);
  });

  it("maps every property to a column of the category's table, with numbers as strings and missing values as \"null\"", () => {
    const seen = { nullString: 0, redacted: 0, p2pNullParticipant: 0, numberStrings: 0, serverNullEndpoint: 0 };
    for (const f of files.filter((x) => x.startsWith("archive/"))) {
      for (const line of fs.readFileSync(path.join(out, f), "utf8").trim().split("\n")) {
        const r = JSON.parse(line) as { category: string; properties: Record<string, unknown> };
        const tableName = categoryToTable.get(r.category);
        expect(tableName, r.category).toBeDefined();
        const columns = new Map(Object.entries(tableOf(tableName as string).columns).map(([c, def]) => [c.toLowerCase(), { c, type: def.type }]));
        for (const [key, value] of Object.entries(r.properties)) {
          expect(key[0], key).toBe(key[0]?.toLowerCase());
          const col = columns.get(key.toLowerCase());
          expect(col, `${r.category}.${key}`).toBeDefined();
          if (value === "null") seen.nullString++;
          if (value === "Redacted") seen.redacted++;
          if (col && NUMERIC.has(col.type) && value !== "null") {
            if (key === "callDuration") {
              expect(typeof value, key).toBe("number");
            } else {
              expect(typeof value, key).toBe("string");
              expect(Number.isFinite(Number(value)), `${key}=${String(value)}`).toBe(true);
              seen.numberStrings++;
            }
          }
          if (col?.type === "datetime") expect(Number.isNaN(Date.parse(String(value))), key).toBe(false);
        }
        if (r.category === "CallSummary" && r.properties["callType"] === "P2P" && r.properties["participantId"] === "null") seen.p2pNullParticipant++;
        if (r.properties["endpointType"] === "Server" && r.properties["endpointId"] === null) seen.serverNullEndpoint++;
      }
    }
    for (const [what, n] of Object.entries(seen)) expect(n, what).toBeGreaterThan(0);
  });
});

describe("flat layout", () => {
  it("writes one <Table>.jsonl per table whose rows have exactly the schema's columns, typed, with Type = the table", () => {
    const flat = files.filter((f) => f.startsWith("flat/")).map((f) => path.basename(f));
    expect(flat).toEqual(["ACSCallClientOperations.jsonl", "ACSCallDiagnostics.jsonl", "ACSCallSummary.jsonl", "ACSCallSurvey.jsonl"]);
    for (const file of flat) {
      const table = tableOf(file.replace(/\.jsonl$/, ""));
      const columns = Object.entries(table.columns);
      const rows = fs.readFileSync(path.join(out, "flat", file), "utf8").trim().split("\n").map((l) => JSON.parse(l) as Record<string, unknown>);
      expect(rows.length, file).toBeGreaterThan(0);
      for (const row of rows) {
        expect(Object.keys(row)).toEqual(columns.map(([c]) => c));
        expect(row["Type"]).toBe(table.name);
        for (const [c, def] of columns) {
          const v = row[c];
          const where = `${table.name}.${c}=${JSON.stringify(v)}`;
          if (def.type === "string" || def.type === "guid") expect(typeof v, where).toBe("string");
          else if (NUMERIC.has(def.type)) expect(v === null || typeof v === "number", where).toBe(true);
          else if (def.type === "datetime") expect(typeof v === "string" && !Number.isNaN(Date.parse(v)), where).toBe(true);
          else if (def.type === "bool") expect(v === null || typeof v === "boolean", where).toBe(true);
          else if (def.type === "dynamic") expect(v === null || typeof v === "object", where).toBe(true);
        }
      }
    }
  });
});
