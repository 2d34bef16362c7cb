import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { KqlDiagnostic } from "../../src/analysis/index.js";
import { formatFinding } from "../../src/cli/format-finding.js";

// End-to-end: every `it` below that spawns pays ~2-4 s (tsx + Kusto.Language load),
// so each spawn checks as much as it can. Keep the number of spawns at 6.
const CLI = path.resolve("bin/acs-insights.cjs");
const SPAWN_TIMEOUT = 30_000;

interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

let dir = "";

function run(...args: string[]): Run {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: dir, encoding: "utf8", timeout: SPAWN_TIMEOUT });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Fails on anything that looks like a leaked stack trace or an uncaught error dump. */
function expectNoStackTrace(text: string): void {
  expect(text).not.toMatch(/^\s{4}at /m);
  expect(text).not.toMatch(/\b(?:Input|Type|Range|Reference|Syntax|Commander)?Error:/);
  expect(text).not.toMatch(/node:internal|Node\.js v\d/);
}

const BAD_KQL = ["ACSCallSummary", '| where CallTyp == "x"', "| join (ACSCallDiagnostics) on CorrelationId", ""].join("\n");

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "acs-insights-lint-"));
  const write = (rel: string, data: string | Uint8Array) => {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), data);
  };
  write("ok.kql", "ACSCallSummary\n| where TimeGenerated > ago(1d)\n| take 10\n");
  write("bad.kql", BAD_KQL);
  write("empty.kql", "  \n\t\n");
  write("bin.kql", Uint8Array.from([0x41, 0x00, 0x42, 0x00, 0xff]));
  write("notes/readme.txt", "no queries here\n");
  write("query.txt", "ACSCallSummary | take 1\n");
});

afterAll(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe("acs-insights lint (end to end)", () => {
  it("exits 0 on a clean file and reports 0 findings", () => {
    const r = run("lint", "ok.kql");
    expect(r.stderr).toBe("");
    expect(r.stdout).toMatch(/^1 files, 0 findings$/m);
    expect(r.status).toBe(0);
  });

  it("exits 1 and prints file:line:col, the line, and a caret under the span", () => {
    const r = run("lint", "bad.kql");
    expect(r.stderr).toBe("");
    expect(r.status).toBe(1);
    const lines = r.stdout.split("\n");

    const head = lines.findIndex((l) => l.startsWith("bad.kql:2:9 error KS142 "));
    expect(head, r.stdout).toBeGreaterThanOrEqual(0);
    expect(lines[head]).toContain("CallTyp");
    const echoed = lines[head + 1] ?? "";
    const caret = lines[head + 2] ?? "";
    expect(echoed).toMatch(/^\s*2 \| \| where CallTyp == "x"$/);
    // The ^ run starts exactly under `CallTyp` and is as long as the name.
    const run_ = /\^+/.exec(caret);
    expect(run_, caret).not.toBeNull();
    expect(run_!.index).toBe(echoed.indexOf("CallTyp"));
    expect(run_![0].length).toBe("CallTyp".length);
    expect(caret.slice(0, run_!.index).trim()).toBe("");

    // lint() reports the kind-less join as ACS002 (it replaces KS508 at the same spot), and
    // adds ACS001 (no time filter) and ACS006 (unprojected join sides) for both tables.
    expect(r.stdout).toMatch(/^bad\.kql:3:3 warning ACS002 /m);
    expect(r.stdout).not.toMatch(/ KS508 /);
    expect(r.stdout).toMatch(/^bad\.kql:1:1 warning ACS001 /m);
    expect(r.stdout).toMatch(/^1 files, 6 findings$/m);
    expectNoStackTrace(r.stdout);
  });

  it("reports every unusable path at once, one line each, exit 2, no partial output", () => {
    const r = run("lint", "missing.kql", "empty.kql", "bin.kql", "notes");
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    const lines = r.stderr.split("\n").filter((l) => l !== "");
    expect(lines, r.stderr).toHaveLength(4);
    for (const l of lines) expect(l).toMatch(/^acs-insights: error: /);
    expect(lines[0]).toMatch(/^acs-insights: error: missing\.kql: .*no such file/);
    expect(lines[1]).toMatch(/^acs-insights: error: empty\.kql: .*empty/);
    expect(lines[2]).toMatch(/^acs-insights: error: bin\.kql: .*binary/);
    expect(lines[3]).toMatch(/^acs-insights: error: notes: .*no \.kql files/);
    expectNoStackTrace(r.stderr);
    expectNoStackTrace(r.stdout);
  });

  it("rejects a non-.kql file passed directly with exit 2", () => {
    const r = run("lint", "query.txt");
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr.trim()).toMatch(/^acs-insights: error: query\.txt: not a \.kql file\b/);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expectNoStackTrace(r.stderr);
  });

  it("exits 2 with a usage message when lint gets no paths", () => {
    const r = run("lint");
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/missing required argument 'paths'/);
    expect(r.stderr).not.toMatch(/^\s{4}at /m);
  });

  it("--format json prints only parseable JSON with code/line/column per finding", () => {
    const r = run("lint", "--format", "json", "bad.kql", "ok.kql");
    expect(r.status).toBe(1);
    expect(r.stderr).toBe("");
    const report = JSON.parse(r.stdout) as {
      files: { path: string; findings: { code: string; line: number; column: number; severity: string }[] }[];
      findingCount: number;
    };
    expect(report.findingCount).toBe(6);
    expect(report.files.map((f) => f.path).sort()).toEqual(["bad.kql", "ok.kql"]);
    const bad = report.files.find((f) => f.path === "bad.kql")!;
    expect(bad.findings).toContainEqual(expect.objectContaining({ code: "KS142", line: 2, column: 9, severity: "error" }));
    expect(bad.findings).toContainEqual(expect.objectContaining({ code: "ACS002", line: 3, column: 3, severity: "warning" }));
    for (const f of bad.findings) {
      expect(typeof f.line).toBe("number");
      expect(typeof f.column).toBe("number");
    }
    expect(report.files.find((f) => f.path === "ok.kql")!.findings).toEqual([]);
  });
});

describe("formatFinding", () => {
  it("keeps tabs in the caret padding so it lines up under tab-indented code", () => {
    const text = "ACSCallSummary\n\t| where\tCallTyp == 1\n";
    const source = "\t| where\tCallTyp == 1";
    const column = source.indexOf("CallTyp") + 1; // 1-based
    const d: KqlDiagnostic = {
      severity: "error",
      code: "KS142",
      message: "unknown name",
      line: 2,
      column,
      start: "ACSCallSummary\n".length + column - 1,
      length: "CallTyp".length,
    };
    const [head, echoed, caret, ...rest] = formatFinding("t.kql", text, d).split("\n");
    expect(rest).toEqual([]);
    expect(head).toBe(`t.kql:2:${column} error KS142 unknown name`);
    expect(echoed).toBe(`  2 | ${source}`);
    // Same prefix width as "  2 | ", then the source's own tabs, spaces for the rest.
    expect(caret).toBe(`  ${" ".repeat("2 | ".length)}\t       \t^^^^^^^`);
    // Column by column, every tab in the source sits over a tab in the caret line.
    const offset = echoed!.indexOf(source);
    for (let i = 0; i < column - 1; i++) {
      expect(caret![offset + i] === "\t").toBe(source[i] === "\t");
    }
  });

  it("clamps the caret to the end of the line and prints at least one ^", () => {
    const d: KqlDiagnostic = { severity: "warning", code: "X", message: "m", line: 1, column: 3, start: 2, length: 0 };
    expect(formatFinding("f.kql", "abcd", d).split("\n")[2]).toBe(`  ${" ".repeat(4)}  ^`);
    const long: KqlDiagnostic = { ...d, length: 99 };
    expect(formatFinding("f.kql", "abcd", long).split("\n")[2]).toBe(`  ${" ".repeat(4)}  ^^`);
  });
});
