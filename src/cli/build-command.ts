import { readFileSync } from "node:fs";
import { join } from "node:path";
import { synthesize } from "../infra/app.js";
import { collectKqlFiles } from "./kql-files.js";
import { lintFiles } from "./lint-command.js";

/** Options for {@link runBuild}. */
export interface BuildOptions {
  /** Where cdktf writes the synthesized stacks. Default: `cdktf.out`. */
  readonly outdir: string;
  /** Directory of `.kql` files to lint. Default: `queries`. */
  readonly queries: string;
}

function resourceCount(outdir: string, stack: string): number {
  const file = join(outdir, "stacks", stack, "cdk.tf.json");
  const json = JSON.parse(readFileSync(file, "utf8")) as { resource?: Record<string, Record<string, unknown>> };
  return Object.values(json.resource ?? {}).reduce((n, byName) => n + Object.keys(byName).length, 0);
}

/**
 * The main job: synthesize the stacks, lint the query catalog, and print a summary.
 * Returns the number of lint findings (0 = clean).
 */
export function runBuild(options: BuildOptions, print: (line: string) => void): number {
  // Read the inputs first, so a bad --queries fails before anything is written or printed.
  const queries = collectKqlFiles([options.queries]);
  const t0 = performance.now();
  const stacks = synthesize(options.outdir);
  const synthMs = performance.now() - t0;
  for (const s of stacks) {
    print(`synth  ${s}: ${resourceCount(options.outdir, s)} resources → ${join(options.outdir, "stacks", s, "cdk.tf.json")}`);
  }
  const t1 = performance.now();
  const report = lintFiles(queries, print);
  const lintMs = performance.now() - t1;
  print(
    `lint   ${report.files.length} .kql files in ${options.queries}: ` +
      (report.findingCount === 0 ? "no findings" : `${report.findingCount} findings`),
  );
  print(`done   synth ${Math.round(synthMs)} ms, lint ${Math.round(lintMs)} ms`);
  return report.findingCount;
}
