import * as path from "node:path";
import type { Command } from "commander";
import { checkOptions, DEFAULT_END, generateLogs, type GenerateLayout } from "../generate/index.js";
import { InputError } from "./input-error.js";

interface GenerateFlags {
  readonly out?: string;
  readonly calls?: string;
  readonly seed?: string;
  readonly days?: string;
  readonly end?: string;
  readonly poorShare?: string;
  readonly failureShare?: string;
  readonly layout?: string;
}

/** Runs with at least this many calls print progress on stderr (every 10 %). */
const PROGRESS_MIN_CALLS = 10_000;

/** A flag's text as a number when it is one; otherwise the text, so the problem can quote it. */
function numeric(text: string | undefined): number | string | undefined {
  if (text === undefined) return undefined;
  return /^\s*-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/.test(text) ? Number(text) : text;
}

function layoutsOf(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  return text === "both" ? ["archive", "flat"] : [text];
}

/**
 * Registers `acs-insights generate`: synthetic, seeded ACS call logs plus truth.json. Every
 * invalid option is reported at once as an {@link InputError} (exit 2) before anything is
 * written.
 *
 * @example
 * ```sh
 * acs-insights generate --out /tmp/acs-logs --calls 1000 --seed 7 --layout both
 * ```
 */
export function registerGenerateCommand(cli: Command, out: (line: string) => void): void {
  cli
    .command("generate")
    .description(
      "Write synthetic, reproducible ACS call logs (storage-archive and/or flat Log Analytics export layout) and " +
        "truth.json, the ground truth of what was planted.",
    )
    .option("--out <dir>", "new or empty directory to write into (gets archive/, flat/ and truth.json)")
    .option("--calls <n>", "number of calls (about 10 CallDiagnostics rows each)")
    .option("--seed <n>", "seed of the random generator; the same seed and options give identical files", "1")
    .option("--days <n>", "days the calls are spread over, ending at --end", "7")
    .option("--end <iso>", "instant the dataset ends at (UTC)", DEFAULT_END)
    .option("--poor-share <x>", "share of streams that are poor, 0..1", "0.1")
    .option("--failure-share <x>", "share of participants whose call fails, 0..1", "0.08")
    .option("--layout <layout>", "archive, flat or both", "archive")
    .action(async (flags: GenerateFlags) => {
      const checked = checkOptions({
        calls: numeric(flags.calls),
        seed: numeric(flags.seed),
        days: numeric(flags.days),
        end: flags.end,
        poorShare: numeric(flags.poorShare),
        failureShare: numeric(flags.failureShare),
        layouts: layoutsOf(flags.layout),
        outDir: flags.out,
      });
      if (!checked.options) throw new InputError(checked.problems);
      const o = checked.options;
      const started = Date.now();
      let nextReport = 0.1;
      const onProgress =
        o.calls >= PROGRESS_MIN_CALLS
          ? (done: number) => {
              while (done / o.calls >= nextReport - 1e-9) {
                process.stderr.write(`generate: ${Math.round(nextReport * 100)}% (${done}/${o.calls} calls, ${seconds(started)} s)\n`);
                nextReport += 0.1;
              }
            }
          : undefined;
      const truth = await generateLogs({
        calls: o.calls,
        seed: o.seed,
        days: o.days,
        end: o.end,
        poorShare: o.poorShare,
        failureShare: o.failureShare,
        layouts: o.layouts,
        outDir: o.outDir,
        ...(onProgress ? { onProgress } : {}),
      });
      const dirs = (Object.entries(truth.layoutDirs) as [GenerateLayout, string][]).map(([l, d]) => `${l}: ${path.join(o.outDir, d)}`);
      out(`wrote ${truth.files} files in ${seconds(started)} s (${dirs.join(", ")})`);
      out(`rows: ${Object.entries(truth.rows).map(([t, n]) => `${t} ${n}`).join(", ")}`);
      const a = truth.aggregates;
      out(
        `truth: ${path.join(o.outDir, "truth.json")} — ${a.calls} calls (${Object.entries(a.callsByType).map(([t, n]) => `${n} ${t}`).join(", ")}), ` +
          `${a.poorStreams}/${a.streams} poor streams, ${a.impactedCalls} impacted calls, ${a.failedParticipants} failed participants; ` +
          `data ends at ${truth.end} (use it as now)`,
      );
    });
}

function seconds(since: number): string {
  return ((Date.now() - since) / 1000).toFixed(1);
}
