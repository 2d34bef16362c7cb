import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { BenchResult } from "./metric.js";

const ROOT = path.resolve(__dirname, "..");
const CLI = path.join(ROOT, "bin", "acs-insights.cjs");
const CALLS = Number(process.env["BENCH_CALLS"] ?? 100_000);

// The baseline is what DuckDB alone needs to read every line of the same files once: a
// count(*) over read_json_objects (the budget's reference, the stricter one) and over
// read_json with its schema inference, each in a fresh process like the report's. The
// report has to parse, type-check and load every record and then run its analyses.
const RAW_SCAN = `
const { DuckDBInstance } = require("@duckdb/node-api");
(async () => {
  const db = await DuckDBInstance.create(":memory:", { autoinstall_known_extensions: "false", autoload_known_extensions: "false" });
  const c = await db.connect();
  const glob = process.env.BENCH_GLOB.replace(/'/g, "''");
  const reader = process.env.BENCH_READER === "read_json" ? "read_json" : "read_json_objects";
  const r = await c.runAndReadAll("SELECT count(*) AS n FROM " + reader + "('" + glob + "', format = 'newline_delimited')");
  process.stdout.write(String(r.getRowObjectsJson()[0].n));
})();
`;

function timed(args: readonly string[], env: NodeJS.ProcessEnv = {}): { ms: number; stdout: string } {
  const start = performance.now();
  const r = spawnSync(process.execPath, args, { cwd: ROOT, encoding: "utf8", env: { ...process.env, ...env }, maxBuffer: 64 << 20 });
  const ms = performance.now() - start;
  if (r.status !== 0) throw new Error(`${args.join(" ")} failed (${r.status}): ${r.stderr}`);
  return { ms, stdout: r.stdout };
}

function sizeOf(dir: string): number {
  let total = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile()) total += fs.statSync(path.join(e.parentPath, e.name)).size;
  }
  return total;
}

/**
 * Generates CALLS synthetic calls in the storage-archive layout, then times the report on
 * them against a raw DuckDB scan of the same files (budget: report ≤ 2 × scan).
 */
export function reportBench(): BenchResult {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "acs-bench-logs-"));
  try {
    const gen = timed([CLI, "generate", "--out", dir, "--calls", String(CALLS), "--layout", "archive"]);
    const truth = JSON.parse(fs.readFileSync(path.join(dir, "truth.json"), "utf8")) as { rows?: Record<string, number> };
    const glob = path.join(dir, "archive", "**", "*.json");
    // Warm the page cache once so that neither measurement pays for the first read.
    timed(["-e", RAW_SCAN], { BENCH_GLOB: glob });
    const scan = timed(["-e", RAW_SCAN], { BENCH_GLOB: glob });
    const inferred = timed(["-e", RAW_SCAN], { BENCH_GLOB: glob, BENCH_READER: "read_json" });
    const html = path.join(os.tmpdir(), `acs-bench-report-${process.pid}.html`);
    const report = timed([CLI, "report", "--logs", dir, "--html", html, "--no-progress"]);
    fs.rmSync(html, { force: true });
    const ratio = report.ms / scan.ms;
    const diagnostics = truth.rows?.["ACSCallDiagnostics"];
    return {
      name: `report on ${CALLS.toLocaleString("en-US")} generated calls (storage-archive layout)`,
      metrics: [
        { label: "generate (wall)", value: `${(gen.ms / 1000).toFixed(1)} s` },
        { label: "files on disk", value: `${(sizeOf(dir) / 2 ** 20).toFixed(0)} MB` },
        { label: "lines (raw scan count)", value: Number(scan.stdout).toLocaleString("en-US") },
        ...(diagnostics === undefined ? [] : [{ label: "ACSCallDiagnostics rows", value: diagnostics.toLocaleString("en-US") }]),
        { label: "raw scan, read_json_objects (wall)", value: `${(scan.ms / 1000).toFixed(2)} s` },
        { label: "raw scan, read_json (wall)", value: `${(inferred.ms / 1000).toFixed(2)} s` },
        { label: "report (wall)", value: `${(report.ms / 1000).toFixed(2)} s` },
        { label: "report / raw scan (read_json_objects)", value: `${ratio.toFixed(2)}×`, budget: "≤ 2×", ok: ratio <= 2 },
        { label: "report / raw scan (read_json)", value: `${(report.ms / inferred.ms).toFixed(2)}×` },
      ],
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
