import { Command, CommanderError, Option } from "commander";
import { runBuild, runExport, runWorkbooks, staleWorkbookFiles } from "./build-command.js";
import { ConfigError } from "../config/index.js";
import { InputError } from "./input-error.js";
import { lintPaths } from "./lint-command.js";
import { registerLocalCommands } from "./local-commands.js";
import { checkSampleDir, runSampleReport } from "./sample-report.js";

const EXIT_OK = 0;
const EXIT_FINDINGS = 1;
const EXIT_USAGE = 2;
const EXIT_INTERNAL = 3;

const out = (line: string) => process.stdout.write(`${line}\n`);

interface BuildFlags {
  readonly outdir: string;
  readonly queries: string;
  readonly workbooks: string;
  readonly sampleDir: string;
  readonly sampleHtml: string;
  readonly sampleCalls: string;
  readonly sample: boolean;
}

function program(): Command {
  const cli = new Command("acs-insights")
    .description("Monitoring kit for Azure Communication Services calling logs.")
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });

  cli
    .command("lint")
    .description("Check .kql files against the ACS table schemas with Microsoft's Kusto analyzer.")
    .argument("<paths...>", ".kql files or directories (searched recursively)")
    .addOption(new Option("--format <format>", "output format").choices(["text", "json"]).default("text"))
    .action((paths: string[], opts: { format: "text" | "json" }) => {
      const report = lintPaths(paths, opts.format === "text" ? out : () => {});
      if (opts.format === "json") out(JSON.stringify(report, null, 2));
      else out(`${report.files.length} files, ${report.findingCount} findings`);
      process.exitCode = report.findingCount > 0 ? EXIT_FINDINGS : EXIT_OK;
    });

  cli
    .command("export")
    .description("Write the query catalog as kql/<id>.kql files, catalog.json and a Jupyter (Kqlmagic) notebook.")
    .option("--out <dir>", "directory to write into (created if missing)", "queries")
    .action((opts: { out: string }) => {
      runExport(opts.out, out);
      process.exitCode = EXIT_OK;
    });

  cli
    .command("workbooks")
    .description("Generate the Azure Monitor workbooks: <name>.workbook.json (Advanced editor) and <name>.gallery.json (gallery template).")
    .option("--out <dir>", "directory to write into (created if missing)", "workbooks")
    .option("--check", "write nothing; exit 1 and list the files that are not up to date")
    .action((opts: { out: string; check?: boolean }) => {
      if (opts.check) {
        const stale = staleWorkbookFiles(opts.out);
        for (const f of stale) out(`stale  ${f} — run npm run workbooks`);
        out(stale.length === 0 ? "workbooks up to date" : `${stale.length} workbook file${stale.length === 1 ? "" : "s"} out of date`);
        process.exitCode = stale.length > 0 ? EXIT_FINDINGS : EXIT_OK;
        return;
      }
      runWorkbooks(opts.out, out);
      process.exitCode = EXIT_OK;
    });

  cli
    .command("build")
    .description("Main job: export the query catalog, generate the workbooks, synthesize the cdktf stacks, lint the queries, print a summary.")
    .option("--outdir <dir>", "where to write the synthesized stacks", "cdktf.out")
    .option("--queries <dir>", "queries directory: the catalog is exported into it, then its .kql files are linted", "queries")
    .option("--workbooks <dir>", "where to generate the workbooks", "workbooks")
    .option("--sample-dir <dir>", "where the sample report's synthetic logs go (replaced on each run)", "out/sample-logs")
    .option("--sample-html <file>", "the sample report's HTML file", "out/acs-call-report.html")
    .option("--sample-calls <n>", "calls in the synthetic sample dataset", "500")
    .option("--no-sample", "skip the sample report on synthetic logs")
    .action(async (opts: BuildFlags) => {
      const calls = Number(opts.sampleCalls);
      if (opts.sample && !(Number.isInteger(calls) && calls > 0 && calls <= 100_000)) {
        throw new InputError([`--sample-calls ${opts.sampleCalls}: must be a whole number from 1 to 100000; the default is 500`]);
      }
      if (opts.sample) checkSampleDir(opts.sampleDir);
      const findings = runBuild(opts, out);
      const failed = opts.sample ? await runSampleReport({ dir: opts.sampleDir, calls, html: opts.sampleHtml }, out) : 0;
      process.exitCode = failed > 0 ? EXIT_INTERNAL : findings > 0 ? EXIT_FINDINGS : EXIT_OK;
    });

  registerLocalCommands(cli, out);
  return cli;
}

/** Runs the CLI with `argv` (without node and script) and sets `process.exitCode`. */
export async function main(argv: readonly string[]): Promise<void> {
  try {
    await program().parseAsync([...argv], { from: "user" });
  } catch (err) {
    if (err instanceof InputError || err instanceof ConfigError) {
      for (const p of err.problems) process.stderr.write(`acs-insights: error: ${p}\n`);
      process.exitCode = EXIT_USAGE;
    } else if (err instanceof CommanderError) {
      // Commander already printed its message; help and version are not errors.
      process.exitCode = err.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
    } else {
      // A bug in the kit, not a user mistake: keep the stack, and an exit code that no
      // script could mistake for "findings".
      process.stderr.write(`acs-insights: internal error (please report it): ${(err as Error).stack ?? String(err)}\n`);
      process.exitCode = EXIT_INTERNAL;
    }
  }
}

if (require.main === module) void main(process.argv.slice(2));
