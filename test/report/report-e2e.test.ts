// End to end on a generated dataset: the report's headline numbers are checked against the
// generator's truth.json, which the generator computes in JS from its plan (not with SQL).
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Command } from "commander";
import { getEntry } from "../../queries/index.js";
import { registerReportCommand } from "../../src/cli/report-command.js";
import { InputError } from "../../src/cli/input-error.js";
import { generateLogs } from "../../src/generate/index.js";
import { renderHtmlReport } from "../../src/report/html-report.js";
import type { Report, ReportRow } from "../../src/report/model.js";
import { runReport } from "../../src/report/run-report.js";
import { REPORT_SECTIONS } from "../../src/report/sections.js";
import { unsupportedFeatures } from "../../src/sql/index.js";
import { renderTerminalReport } from "../../src/report/terminal-report.js";

type Truth = Awaited<ReturnType<typeof generateLogs>>;

let dir = "";
let truth: Truth;
let report: Report;
let badFile = "";
let badLine = 0;

function findFile(root: string, name: string): string {
  for (const e of fs.readdirSync(root, { withFileTypes: true })) {
    const p = path.join(root, e.name);
    if (e.isFile() && e.name === name) return p;
    if (e.isDirectory()) {
      const found = findFile(p, name);
      if (found) return found;
    }
  }
  return "";
}

function rowsOf(id: string): readonly ReportRow[] {
  const s = report.sections.find((x) => x.catalogId === id);
  expect(s, id).toBeDefined();
  expect(s?.status.kind, `${id}: ${JSON.stringify(s?.status)}`).toBe("ok");
  return s?.rows ?? [];
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "acs-report-e2e-"));
  // One day keeps the archive to ~100 hourly files, so the suite stays fast.
  truth = await generateLogs({ calls: 200, seed: 11, days: 1, outDir: dir, layouts: ["archive"], poorShare: 0.15, failureShare: 0.2 });
  // One bad line, at a known place, so the report's ingest summary has something to show.
  const archive = path.join(dir, truth.layoutDirs.archive ?? "");
  badFile = findFile(archive, "PT1H.json");
  badLine = fs.readFileSync(badFile, "utf8").split("\n").filter((l) => l !== "").length + 1;
  fs.appendFileSync(badFile, "this is not JSON\n");
  report = await runReport({ logs: archive, entryFor: getEntry });
}, 60_000);

afterAll(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe("report on generated logs (200 calls) vs the generator's truth", () => {
  it("covers all the data: window ends at the last record and every planted row is loaded", () => {
    expect(report.dataset.window?.to.toISOString()).toBe(new Date(truth.timeRange.lastRecord).toISOString());
    expect(report.dataset.dataRange?.from.getTime()).toBe(new Date(truth.timeRange.firstRecord).getTime());
    for (const [table, n] of Object.entries(truth.rows)) expect(report.dataset.rowsByTable[table], table).toBe(n);
  });

  it("reports the planted bad line with its file and line number, in both renderings", () => {
    expect(report.dataset.issueCounts).toMatchObject({ malformed: 1, "wrong-type": 0, "unknown-category": 0, "missing-field": 0 });
    const rel = path.relative(path.join(dir, truth.layoutDirs.archive ?? ""), badFile);
    expect(report.dataset.issueSamples).toHaveLength(1);
    expect(report.dataset.issueSamples[0] ?? "").toMatch(/: malformed: /);
    expect((report.dataset.issueSamples[0] ?? "").startsWith(`${rel}:${badLine}: malformed: `)).toBe(true);
    expect(renderTerminalReport(report).join("\n")).toContain(`${rel}:${badLine}: malformed`);
    expect(renderHtmlReport(report)).toContain("<b>1 bad line</b> skipped (malformed 1)");
  });

  it("calls per call type match the truth, and every call is in calls-over-time", () => {
    const byType = Object.fromEntries(rowsOf("call-type-ratio").map((r) => [r["CallType"], r["Calls"]]));
    expect(byType).toEqual(truth.aggregates.callsByType);
    const overTime = rowsOf("calls-over-time").reduce((a, r) => a + Number(r["Calls"]), 0);
    expect(overTime).toBe(truth.aggregates.calls);
    expect(report.headlines.find((h) => h.label === "Calls")?.value).toBe(truth.aggregates.calls.toLocaleString("en-US"));
  });

  it("impacted calls and poor streams match the truth", () => {
    const [impacted] = rowsOf("impacted-calls");
    expect(impacted?.["Calls"]).toBe(truth.aggregates.callsWithDiagnostics);
    expect(impacted?.["ImpactedCalls"]).toBe(truth.aggregates.impactedCalls);
    expect(truth.aggregates.impactedCalls).toBeGreaterThan(0); // the check is not vacuous
    const all = rowsOf("stream-quality-classification").find((r) => r["MediaKind"] === "All");
    expect(all?.["Streams"]).toBe(truth.aggregates.streams);
    expect(all?.["PoorStreams"]).toBe(truth.aggregates.poorStreams);
    const overTime = rowsOf("impacted-calls-over-time").reduce((a, r) => a + Number(r["ImpactedCalls"]), 0);
    expect(overTime).toBe(truth.aggregates.impactedCalls);
  });

  it("the top failure code is the truth's most frequent failing (code, subcode, category)", () => {
    const failed = truth.aggregates.endReasons.filter((r) => !/^[02]/.test(r.code) && r.code !== "");
    const most = Math.max(...failed.map((r) => r.rows));
    const top = rowsOf("end-reasons-with-meaning").find((r) => !/^[02]/.test(String(r["EndCode"])));
    expect(top?.["participants"]).toBe(most);
    const winners = failed.filter((r) => r.rows === most).map((r) => `${r.code}/${r.subcode}/${r.resultCategory}`);
    expect(winners).toContain(`${String(top?.["EndCode"])}/${String(top?.["EndSubCode"])}/${String(top?.["ResultCategory"])}`);
    const headline = report.headlines.find((h) => h.label === "Top failure code");
    expect(headline?.value).toBe(`${String(top?.["EndCode"])}/${String(top?.["EndSubCode"])}`);
    expect(String(top?.["Meaning"] ?? "")).not.toBe("");
  });

  it("ungraceful drops add up to the truth", () => {
    const rows = rowsOf("ungraceful-drop-rate");
    expect(rows.reduce((a, r) => a + Number(r["ungraceful"]), 0)).toBe(truth.aggregates.ungracefulParticipants);
    // Participants are the summary rows without the server's own row of each group call.
    expect(rows.reduce((a, r) => a + Number(r["participants"]), 0)).toBe(truth.aggregates.summaryRows - truth.aggregates.serverSummaryRows);
  });

  it("every section ran, or is listed as not available locally with the SQL backend's reason; none is dropped", () => {
    expect(report.sections.map((s) => s.catalogId)).toEqual(REPORT_SECTIONS.map((s) => s.catalogId));
    const html = renderHtmlReport(report);
    const text = renderTerminalReport(report).join("\n");
    for (const s of report.sections) {
      const refused = unsupportedFeatures(getEntry(s.catalogId).query);
      if (refused.length === 0) {
        expect(s.status, s.catalogId).toMatchObject({ kind: "ok" });
      } else {
        expect(s.status).toEqual({ kind: "unavailable", reason: refused.join("; ") });
        expect(text).toContain(`  not available locally: ${refused.join("; ")}`);
        expect(html).toContain("not available locally: ");
      }
      expect(html).toContain(`<code>${s.catalogId}</code>`);
      expect(text).toContain(`[catalog: ${s.catalogId}]`);
    }
    expect(html).not.toMatch(/<script|https?:/i);
  });
});

describe("bad input to runReport", () => {
  it("a folder without ACS logs is an InputError naming the folder", async () => {
    const empty = path.join(dir, "empty");
    fs.mkdirSync(empty);
    fs.writeFileSync(path.join(empty, "notes.txt"), "not a log\n");
    const err: unknown = await runReport({ logs: empty, entryFor: getEntry }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).problems.join("\n")).toContain(empty);
  });
});

// One spawn (~2-4 s: tsx and the catalog load) for the exit code and stderr of bad input;
// the successful run goes through the same command in process.
describe("acs-insights report (CLI)", () => {
  const cli = (cwd: string, ...args: string[]) => {
    const r = spawnSync(process.execPath, [path.resolve("bin/acs-insights.cjs"), "report", ...args], { cwd, encoding: "utf8", timeout: 60_000 });
    if (r.error) throw r.error;
    return r;
  };

  it("bad options: exit 2, every problem at once, nothing written", () => {
    const r = cli(dir, "--logs", path.join(dir, "missing"), "--html", path.join(dir, "no-such-folder", "r.html"));
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain(`acs-insights: error: --logs ${path.join(dir, "missing")}: no such directory; pass an existing folder of ACS logs`);
    expect(r.stderr).toContain(`acs-insights: error: --html ${path.join(dir, "no-such-folder", "r.html")}: the folder ${path.join(dir, "no-such-folder")} does not exist`);
    expect(r.stderr).not.toMatch(/^\s{4}at /m);
  });

  it("in process: writes the HTML file atomically and prints the report through the command's output", async () => {
    const html = path.join(dir, "out.html");
    const lines: string[] = [];
    const program = new Command("acs-insights").exitOverride();
    registerReportCommand(program, (line) => lines.push(line));
    await program.parseAsync(["report", "--logs", path.join(dir, truth.layoutDirs.archive ?? ""), "--html", html, "--no-progress"], { from: "user" });
    expect(process.exitCode ?? 0).toBe(0);
    const stdout = lines.join("\n");
    expect(lines[0]).toBe("ACS call quality report");
    expect(stdout).toContain("[catalog: impacted-calls]");
    expect(lines.at(-1)).toBe(`HTML report: ${html}`);
    const page = fs.readFileSync(html, "utf8");
    expect(page).toContain("<code>impacted-calls</code>");
    expect(page.trimEnd().endsWith("</html>")).toBe(true);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });
});
