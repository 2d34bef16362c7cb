import * as fs from "node:fs";
import * as path from "node:path";
import { getEntry } from "../../queries/index.js";
import { generateLogs } from "../generate/index.js";
import { runReport } from "../report/run-report.js";
import { renderTerminalSummary } from "../report/terminal-report.js";
import { InputError } from "./input-error.js";
import { writeHtmlReport } from "./report-command.js";

/** Options for {@link runSampleReport}. */
export interface SampleReportOptions {
  /** Where the synthetic logs go; replaced on each run, but only if the generator wrote it. */
  readonly dir: string;
  /** How many calls to generate. */
  readonly calls: number;
  /** The HTML report's path. */
  readonly html: string;
}

/** True when `dir` is missing, empty, or holds a previous `acs-insights generate` run. */
function isOurs(dir: string): boolean {
  if (!fs.existsSync(dir)) return true;
  if (!fs.statSync(dir).isDirectory()) return false;
  const names = fs.readdirSync(dir);
  if (names.length === 0) return true;
  try {
    const truth = JSON.parse(fs.readFileSync(path.join(dir, "truth.json"), "utf8")) as { generator?: unknown };
    return truth.generator === "acs-insights generate" && names.every((n) => ["truth.json", "archive", "flat"].includes(n));
  } catch {
    return false;
  }
}

/** Throws an InputError unless the sample folder may be replaced; build calls it before writing anything. */
export function checkSampleDir(dir: string): void {
  if (!isOurs(dir)) {
    throw new InputError([
      `${dir}: exists and was not written by acs-insights generate — the sample report replaces this folder on every run; ` +
        "pass another one with --sample-dir, or empty it",
    ]);
  }
}

/**
 * The newcomer's view of the local half of the kit: generates a small synthetic dataset,
 * runs the report on it and prints its headlines, so `npm start` shows real numbers with
 * no Azure account. Returns the number of analyses that failed (a kit bug when not 0).
 *
 * @example
 * ```ts
 * await runSampleReport({ dir: "out/sample-logs", calls: 500, html: "out/acs-call-report.html" }, console.log);
 * ```
 */
export async function runSampleReport(options: SampleReportOptions, print: (line: string) => void): Promise<number> {
  checkSampleDir(options.dir);
  fs.rmSync(options.dir, { recursive: true, force: true });
  fs.mkdirSync(path.dirname(path.resolve(options.html)), { recursive: true });
  const t0 = performance.now();
  const truth = await generateLogs({ calls: options.calls, outDir: options.dir, layouts: ["archive"] });
  const t1 = performance.now();
  const report = await runReport({ logs: options.dir, layout: "archive", entryFor: getEntry });
  const t2 = performance.now();
  writeHtmlReport(report, options.html);
  print(
    `sample ${truth.aggregates.calls} synthetic calls → ${options.dir} (${truth.files} files, generate ${Math.round(t1 - t0)} ms), ` +
      `report ${Math.round(t2 - t1)} ms`,
  );
  // The dataset facts and headlines; the full report is `acs-insights report --logs <dir>`.
  for (const line of renderTerminalSummary(report)) if (line.trim() !== "") print(`  ${line}`);
  print(`sample HTML report: ${options.html} (full terminal report: acs-insights report --logs ${options.dir})`);
  return report.sections.filter((s) => s.status.kind === "failed").length;
}
