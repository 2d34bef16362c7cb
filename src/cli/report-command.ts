import * as fs from "node:fs";
import * as path from "node:path";
import { Option, type Command } from "commander";
import { getEntry } from "../../queries/index.js";
import { renderHtmlReport } from "../report/html-report.js";
import type { Report } from "../report/model.js";
import { progressPrinter } from "../report/progress.js";
import { runReport } from "../report/run-report.js";
import { renderTerminalReport } from "../report/terminal-report.js";
import { InputError } from "./input-error.js";

/** The HTML report's default file: in the working directory, so the logs folder (often a read-only archive copy) is never written to. */
export const DEFAULT_HTML = "acs-call-report.html";

interface ReportOpts {
  readonly logs?: string;
  readonly html?: string;
  readonly layout: "auto" | "archive" | "flat";
  readonly progress?: boolean;
}

/** Writes the HTML report to a temporary name and renames it, so a reader never sees half a file. */
export function writeHtmlReport(report: Report, html: string): void {
  const tmp = `${html}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, renderHtmlReport(report));
  fs.renameSync(tmp, html);
}

/** Every problem with the options at once, before anything is read or written. */
function checkOptions(opts: ReportOpts): { logs: string; html: string } {
  const problems: string[] = [];
  const logs = opts.logs ?? "";
  if (!opts.logs) {
    problems.push("--logs: required; pass the folder holding the ACS logs (the insights-logs-* folders or <Table>.jsonl files), e.g. --logs ./logs");
  } else if (!fs.existsSync(logs)) {
    problems.push(`--logs ${logs}: no such directory; pass an existing folder of ACS logs`);
  } else if (!fs.statSync(logs).isDirectory()) {
    problems.push(`--logs ${logs}: is a file, not a directory; pass the folder that contains it`);
  }
  const html = path.resolve(opts.html ?? DEFAULT_HTML);
  if (fs.existsSync(html) && fs.statSync(html).isDirectory()) {
    problems.push(`--html ${opts.html ?? DEFAULT_HTML}: is a directory; pass a file name such as report.html`);
  } else if (!fs.existsSync(path.dirname(html)) || !fs.statSync(path.dirname(html)).isDirectory()) {
    problems.push(`--html ${opts.html ?? DEFAULT_HTML}: the folder ${path.dirname(html)} does not exist; create it or write the report elsewhere`);
  }
  if (problems.length > 0) throw new InputError(problems);
  return { logs, html };
}

/**
 * Registers `acs-insights report --logs <dir> [--html <file>] [--layout auto|archive|flat] [--[no-]progress]`.
 * It prints the report on stdout and writes one self-contained HTML file (default
 * `./acs-call-report.html` in the working directory: the logs folder is input and may be a
 * read-only archive copy). Progress goes to stderr, by default only when stderr is a
 * terminal, so piped and CI output stays clean. Bad input exits 2 before anything is
 * written; an analysis that fails to run (a kit bug) still writes the report, then exits 3.
 *
 * @example
 * ```ts
 * registerReportCommand(cli, (line) => process.stdout.write(`${line}\n`));
 * ```
 */
export function registerReportCommand(cli: Command, out: (line: string) => void): void {
  cli
    .command("report")
    .description("Run the catalog's headline analyses (volume, quality, impacted calls, end reasons) on local ACS log files; print them and write one self-contained HTML report.")
    .option("--logs <dir>", "folder of ACS logs: a storage-account archive (insights-logs-*/…/PT1H.json) or a Log Analytics export (<Table>.jsonl/.json/.csv)")
    .option("--html <file>", `where to write the HTML report (default: ./${DEFAULT_HTML}, never inside the logs folder)`)
    .addOption(new Option("--layout <layout>", "on-disk layout of the logs").choices(["auto", "archive", "flat"]).default("auto"))
    .option("--progress", "show progress on stderr even when it is not a terminal")
    .option("--no-progress", "no progress on stderr (default: progress only when stderr is a terminal)")
    .addHelpText(
      "after",
      "\nThe queries run with now = the latest TimeGenerated in the logs and a lookback that covers all of them.\n" +
        "Exit codes: 0 report written; 2 bad input (nothing written); 3 report written but an analysis failed (a kit bug: please report it).",
    )
    .action(async (opts: ReportOpts) => {
      const { logs, html } = checkOptions(opts);
      const progress = (opts.progress ?? process.stderr.isTTY === true) ? progressPrinter(process.stderr) : null;
      const report = await runReport({
        logs,
        layout: opts.layout,
        entryFor: getEntry,
        ...(progress ? { onEvent: progress.onEvent } : {}),
      }).finally(() => progress?.end());
      writeHtmlReport(report, html);
      for (const line of renderTerminalReport(report)) out(line);
      out(`HTML report: ${html}`);
      const failed = report.sections.filter((s) => s.status.kind === "failed");
      if (failed.length > 0) {
        // A query that compiles but fails is a kit bug: the report is still written, but scripts must notice.
        process.stderr.write(`acs-insights: ${failed.length} analysis(es) failed (please report): ${failed.map((s) => s.catalogId).join(", ")}\n`);
        process.exitCode = 3;
      } else {
        process.exitCode = 0;
      }
    });
}
