import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { BenchResult } from "./metric.js";

const ROOT = path.resolve(__dirname, "..");
const RUNS = 3;

/**
 * What one child process reports: it loads the kit through tsx (as `npx tsx main.ts` does),
 * synthesizes every stack of monitoring.config.json into a scratch directory, and prints
 * its timings and peak RSS.
 */
interface ChildReport {
  readonly loadMs: number;
  readonly synthMs: number;
  readonly maxRssMb: number;
  readonly stacks: readonly string[];
}

const CHILD = `
const t0 = performance.now();
const { synthesize } = require("./src/infra/app.ts");
const t1 = performance.now();
const stacks = synthesize(process.env.BENCH_OUTDIR);
const t2 = performance.now();
process.stdout.write(JSON.stringify({ loadMs: t1 - t0, synthMs: t2 - t1, maxRssMb: process.resourceUsage().maxRSS / 1024, stacks }));
`;

function runChild(outdir: string): ChildReport & { wallMs: number } {
  const start = performance.now();
  const r = spawnSync(process.execPath, ["--require", "tsx/cjs", "-e", CHILD], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, BENCH_OUTDIR: outdir },
  });
  const wallMs = performance.now() - start;
  if (r.status !== 0) throw new Error(`synth child failed (${r.status}): ${r.stderr}`);
  return { ...(JSON.parse(r.stdout) as ChildReport), wallMs };
}

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Synth of the default config in a fresh process: time (process start to exit) and peak memory, median of 3 runs. */
export function synthBench(): BenchResult {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "acs-insights-bench-synth-"));
  try {
    const runs = Array.from({ length: RUNS }, (_, i) => runChild(path.join(scratch, `out-${i}`)));
    const first = runs[0]!;
    const resources = first.stacks.map((s) => {
      const tf = JSON.parse(fs.readFileSync(path.join(scratch, "out-0", "stacks", s, "cdk.tf.json"), "utf8")) as { resource?: Record<string, object> };
      return `${s} ${Object.values(tf.resource ?? {}).reduce((n, byName) => n + Object.keys(byName).length, 0)}`;
    });
    const wall = median(runs.map((r) => r.wallMs));
    const rss = Math.max(...runs.map((r) => r.maxRssMb));
    return {
      name: `Synth of monitoring.config.json (${resources.join(", ")} resources), fresh process via tsx, median of ${RUNS}`,
      metrics: [
        { label: "whole process (load + synth)", value: `${wall.toFixed(0)} ms`, budget: "≤ 2000 ms", ok: wall <= 2000 },
        { label: "  load the kit (tsx + requires)", value: `${median(runs.map((r) => r.loadMs)).toFixed(0)} ms` },
        { label: "  validate + synthesize()", value: `${median(runs.map((r) => r.synthMs)).toFixed(0)} ms` },
        { label: "peak memory (maxRSS)", value: `${rss.toFixed(0)} MB`, budget: "≤ 300 MB", ok: rss <= 300 },
      ],
    };
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}
