import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkOptions, GenerateOptionsError, generateLogs } from "../../src/generate/index.js";
import { listFiles, tempDir } from "./helpers.js";

// Each spawn costs about 2 s (tsx + CLI load), so there are three.
const CLI = path.resolve("bin/acs-insights.cjs");
let dir = "";

function run(...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, "generate", ...args], { cwd: dir, encoding: "utf8", timeout: 30_000 });
  if (r.error) throw r.error;
  return r;
}

function expectNoStackTrace(text: string): void {
  expect(text).not.toMatch(/^\s{4}at /m);
  expect(text).not.toMatch(/\b(?:Input|Type|Range|GenerateOptions)?Error:/);
}

beforeAll(() => {
  dir = tempDir("cli");
  fs.writeFileSync(path.join(dir, "a-file"), "not a directory\n");
});

afterAll(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe("acs-insights generate (end to end)", () => {
  it("reports every bad option at once, exits 2 without a stack trace and writes nothing", () => {
    const r = run("--out", "a-file", "--calls", "0", "--seed", "x", "--days", "400", "--end", "2025-13-45", "--poor-share", "1.5", "--failure-share", "-1", "--layout", "csv");
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expectNoStackTrace(r.stderr);
    const lines = r.stderr.trim().split("\n");
    expect(lines).toHaveLength(8);
    for (const flag of ["--calls 0", '--seed "x"', "--days 400", '--end "2025-13-45"', "--poor-share 1.5", "--failure-share -1", '--layout "csv"']) {
      expect(lines.some((l) => l.startsWith(`acs-insights: error: ${flag}: must be`)), flag).toBe(true);
    }
    expect(r.stderr).toMatch(/--out \S+a-file: is a file, not a directory; pass a new or empty directory/);
    expect(r.stderr).toMatch(/--end "2025-13-45": must be an ISO 8601 UTC instant/);
    expect(listFiles(dir)).toEqual(["a-file"]);
  });

  it("names both required options when they are missing", () => {
    const r = run();
    expect(r.status).toBe(2);
    expectNoStackTrace(r.stderr);
    expect(r.stderr).toMatch(/^acs-insights: error: --calls is required: the number of calls to generate, e.g. --calls 1000$/m);
    expect(r.stderr).toMatch(/^acs-insights: error: --out is required: the directory to write the logs and truth\.json into/m);
  });

  it("writes the chosen layout and truth.json, and says where", () => {
    const r = run("--out", "logs", "--calls", "40", "--layout", "flat", "--seed", "9");
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^wrote 5 files in [\d.]+ s \(flat: \S+logs\/flat\)$/m);
    expect(r.stdout).toMatch(/^truth: \S+truth\.json — 40 calls \(/m);
    expect(listFiles(path.join(dir, "logs"))).toEqual([
      "flat/ACSCallClientOperations.jsonl",
      "flat/ACSCallDiagnostics.jsonl",
      "flat/ACSCallSummary.jsonl",
      "flat/ACSCallSurvey.jsonl",
      "flat/ACSCallingMetrics.jsonl",
      "truth.json",
    ]);
  });
});

describe("generator options (API)", () => {
  it("refuses a non-empty output directory and bad values, naming the API's option names", async () => {
    const checked = checkOptions({ calls: 10, outDir: dir });
    expect(checked.problems).toEqual([expect.stringMatching(/^--out \S+: is not empty; pass a new or empty directory/)]);
    const err = await generateLogs({ calls: 1.5, poorShare: Number.NaN, outDir: path.join(dir, "new") }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GenerateOptionsError);
    expect((err as GenerateOptionsError).problems).toEqual([
      "calls 1.5: must be an integer from 1 to 10000000; pass e.g. calls 1000",
      "poorShare NaN: must be a fraction from 0 to 1 (0.1 = 10 %); pass e.g. poorShare 0.1",
    ]);
    expect(fs.existsSync(path.join(dir, "new"))).toBe(false);
    expect(checkOptions({ calls: 1, end: "2025-02-30T00:00:00Z", outDir: path.join(dir, "new") }).problems).toEqual([
      expect.stringMatching(/^--end "2025-02-30T00:00:00Z": must be an ISO 8601 UTC instant/),
    ]);
    expect(checkOptions({ calls: 1, end: "2025-02-28T23:30:00-01:00", outDir: path.join(dir, "new") }).options?.end.toISOString()).toBe("2025-03-01T00:30:00.000Z");
  });
});
