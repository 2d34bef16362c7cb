import { readFileSync, statSync } from "node:fs";
import { dirname, join, relative } from "node:path";
// The CLI is the application's entry point: the one place that puts the framework (src/)
// and the content (the catalog entries in queries/, the workbooks in workbooks/) together.
import { catalog as defaultCatalog } from "../../queries/index.js";
import { workbooks as defaultWorkbooks } from "../../workbooks/index.js";
import type { CatalogEntry } from "../catalog/entry.js";
import { CatalogValidationError } from "../catalog/export/validate.js";
import { CATALOG_JSON, KQL_DIR, NOTEBOOK, writeExports, type ExportReport } from "../catalog/export/write-exports.js";
import { loadConfig } from "../config/index.js";
import { synthesize } from "../infra/app.js";
import type { WorkbookDef } from "../workbook/model.js";
import { WorkbookError } from "../workbook/render.js";
import { renderWorkbookFiles, writeWorkbooks, type WorkbooksReport } from "../workbook/write.js";
import { InputError } from "./input-error.js";
import { collectKqlFiles } from "./kql-files.js";
import { lintFiles } from "./lint-command.js";

/** Options for {@link runBuild}. */
export interface BuildOptions {
  /** Where cdktf writes the synthesized stacks. Default: `cdktf.out`. */
  readonly outdir: string;
  /** The queries directory: the catalog is exported into it, then every `.kql` under it is linted. Default: `queries`. */
  readonly queries: string;
  /** Where the workbooks are generated (`<name>.workbook.json`, `<name>.gallery.json`). Default: `workbooks`. */
  readonly workbooks?: string;
}

function resourceCount(outdir: string, stack: string): number {
  const file = join(outdir, "stacks", stack, "cdk.tf.json");
  const json = JSON.parse(readFileSync(file, "utf8")) as { resource?: Record<string, Record<string, unknown>> };
  return Object.values(json.resource ?? {}).reduce((n, byName) => n + Object.keys(byName).length, 0);
}

function display(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel === "" || rel.startsWith("..") ? path : rel;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** `written`, `unchanged`, or `3 written, 20 unchanged` for a group of files. */
function statusOf(files: ExportReport["files"]): string {
  const written = files.filter((f) => f.status === "written").length;
  if (written === files.length) return "written";
  if (written === 0) return "unchanged";
  return `${written} written, ${files.length - written} unchanged`;
}

/**
 * Exports the query catalog into `outDir` (.kql files, catalog.json, the notebook) and
 * prints one line per artifact. A catalog with problems becomes an InputError listing
 * every problem (exit 2) before anything is written.
 */
export function runExport(outDir: string, print: (line: string) => void, catalog: readonly CatalogEntry[] = defaultCatalog): ExportReport {
  const stat = statSync(outDir, { throwIfNoEntry: false });
  if (stat && !stat.isDirectory()) {
    throw new InputError([`${display(outDir)}: not a directory — export writes kql/, catalog.json and notebooks/ into a directory; pass one`]);
  }
  let report: ExportReport;
  try {
    report = writeExports(outDir, catalog);
  } catch (err) {
    if (err instanceof CatalogValidationError) throw new InputError(err.problems);
    const code = (err as NodeJS.ErrnoException).code;
    if (typeof code === "string" && /^E[A-Z]+$/.test(code)) {
      throw new InputError([`${display(outDir)}: cannot write the exports (${code}) — pass a writable directory with --out`]);
    }
    throw err;
  }
  const kqlDir = join(outDir, KQL_DIR);
  const kqlFiles = report.files.filter((f) => dirname(f.path) === kqlDir);
  const json = report.files.filter((f) => f.path === join(outDir, CATALOG_JSON));
  const notebook = report.files.filter((f) => f.path === join(outDir, NOTEBOOK));
  const deleted = report.deleted.length > 0 ? `, ${plural(report.deleted.length, "stale file")} deleted` : "";
  print(`export ${display(kqlDir)}: ${plural(kqlFiles.length, ".kql file")} (${kqlFiles.length === 0 ? "none" : statusOf(kqlFiles)}${deleted})`);
  print(`export ${display(join(outDir, CATALOG_JSON))}: ${plural(report.entries, "query", "queries")} (${statusOf(json)})`);
  const sections = report.byCategory.filter((c) => c.entries > 0).length;
  print(
    `export ${display(join(outDir, NOTEBOOK))}: ${plural(report.entries, "%%kql cell")} in ${plural(sections, "section")} (${statusOf(notebook)})`,
  );
  return report;
}

/**
 * Generates the workbooks into `outDir` (`<name>.workbook.json` and `<name>.gallery.json`,
 * each written only when it changed) and prints one line per workbook. A workbook with
 * problems becomes an InputError listing every problem (exit 2) before anything is written.
 */
export function runWorkbooks(outDir: string, print: (line: string) => void, workbooks: readonly WorkbookDef[] = defaultWorkbooks): WorkbooksReport {
  const stat = statSync(outDir, { throwIfNoEntry: false });
  if (stat && !stat.isDirectory()) {
    throw new InputError([`${display(outDir)}: not a directory — workbooks are written into a directory; pass one with --out`]);
  }
  let report: WorkbooksReport;
  try {
    report = writeWorkbooks(outDir, workbooks);
  } catch (err) {
    if (err instanceof WorkbookError) throw new InputError(err.problems);
    const code = (err as NodeJS.ErrnoException).code;
    if (typeof code === "string" && /^E[A-Z]+$/.test(code)) {
      throw new InputError([`${display(outDir)}: cannot write the workbooks (${code}) — pass a writable directory with --out`]);
    }
    throw err;
  }
  for (const r of report.rendered) {
    const files = report.files.filter((f) => f.path.startsWith(join(outDir, `${r.name}.`)));
    const kb = (files[0]?.bytes ?? 0) / 1000;
    const s = r.report.stats;
    print(
      `workbook ${display(join(outDir, `${r.name}.{workbook,gallery}.json`))}: ${plural(s.logsQueries, "logs query", "logs queries")}, ` +
        `${plural(s.steps, "step")}, ${kb.toFixed(0)} KB (${statusOf(files)})`,
    );
  }
  return report;
}

/**
 * The generated workbook files in `outDir` that differ from what the workbooks render to now
 * (missing files included); empty when they are up to date.
 */
export function staleWorkbookFiles(outDir: string, workbooks: readonly WorkbookDef[] = defaultWorkbooks): string[] {
  let files: Map<string, string>;
  try {
    files = renderWorkbookFiles(outDir, workbooks).files;
  } catch (err) {
    if (err instanceof WorkbookError) throw new InputError(err.problems);
    throw err;
  }
  return [...files].filter(([path, content]) => (statSync(path, { throwIfNoEntry: false })?.isFile() ? readFileSync(path, "utf8") : undefined) !== content).map(([path]) => path);
}

/**
 * The main job: export the query catalog into the queries directory, synthesize the
 * stacks, lint every `.kql` file under the queries directory (the exported ones and any
 * others), and print a summary. Returns the number of lint findings (0 = clean).
 */
export function runBuild(options: BuildOptions, print: (line: string) => void): number {
  // Check the inputs first, so a bad --queries fails before anything is written or printed.
  const stat = statSync(options.queries, { throwIfNoEntry: false });
  if (!stat?.isDirectory()) {
    throw new InputError([
      `${display(options.queries)}: ${stat ? "not a directory" : "no such directory"} — build exports the catalog into the ` +
        "queries directory and lints it; pass an existing directory with --queries (default: queries)",
    ]);
  }
  // The config too: a bad one fails before anything is written (the content checks that
  // need the exports run again inside synthesize).
  loadConfig();
  const workbooks = options.workbooks ?? "workbooks";
  const t0 = performance.now();
  const exported = runExport(options.queries, print);
  runWorkbooks(workbooks, print);
  const exportMs = performance.now() - t0;

  const t1 = performance.now();
  const stacks = synthesize(options.outdir, undefined, { catalogJson: join(options.queries, "catalog.json"), workbooksDir: workbooks });
  const synthMs = performance.now() - t1;
  for (const s of stacks) {
    print(`synth  ${s}: ${resourceCount(options.outdir, s)} resources → ${join(options.outdir, "stacks", s, "cdk.tf.json")}`);
  }

  const t2 = performance.now();
  const queries = collectKqlFiles([options.queries]);
  const report = lintFiles(queries, print);
  const lintMs = performance.now() - t2;
  print(
    `lint   ${report.files.length} .kql files in ${options.queries}: ` +
      (report.findingCount === 0 ? "no findings" : `${report.findingCount} findings`),
  );

  const perCategory = exported.byCategory.map((c) => `${c.category} ${c.entries}`).join(", ");
  print(`catalog ${plural(exported.entries, "entry", "entries")}: ${perCategory}`);
  const written = exported.files.filter((f) => f.status === "written").length;
  print(
    `files  ${written} written, ${exported.files.length - written} unchanged, ${exported.deleted.length} stale deleted ` +
      `(export ${Math.round(exportMs)} ms)`,
  );
  print(`done   synth ${Math.round(synthMs)} ms, lint ${Math.round(lintMs)} ms`);
  return report.findingCount;
}
