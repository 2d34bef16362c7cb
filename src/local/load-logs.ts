import { acsTables } from "../schema/index.js";
import type { LocalDb } from "./duckdb.js";
import { ISSUE_KINDS, type IngestSummary, type Layout } from "./ingest-issues.js";
import { loadArchive } from "./readers/archive-reader.js";
import { createAcsTables } from "./readers/create-tables.js";
import { findInputs } from "./readers/find-inputs.js";
import { loadFlat } from "./readers/flat-reader.js";
import { dropIngestColumns, IngestTally } from "./readers/pass-runner.js";
import { lit } from "./readers/sql-text.js";

export { formatIngestIssues, MAX_LISTED_ISSUES } from "./ingest-issues.js";
export type { IngestIssue, IngestIssueKind, IngestSummary, Layout } from "./ingest-issues.js";

/** Options of {@link loadLogs}. */
export interface LoadLogsOptions {
  /** `auto` (default) picks `archive` when `insights-logs-*` folders (or JSON lines with `category` and `properties`) exist, else `flat` when files are named after the tables. */
  readonly layout?: Layout | "auto";
  /** Called after each batch of files: files done so far, files in all, the last file read. */
  readonly onProgress?: (done: number, total: number, file: string) => void;
}

/**
 * Loads ACS call logs from disk into `db`, one table per ACS table, named and typed
 * exactly like the Log Analytics table (`src/schema`, types from `src/sql/duckdb-types.ts`).
 * All 13 tables are created (empty when the logs hold none); rows are appended to tables
 * that exist already.
 *
 * Two layouts:
 * - **archive** — what a diagnostic setting writes to a storage account:
 *   `insights-logs-<category>/resourceId=/SUBSCRIPTIONS/…/y=YYYY/m=MM/d=DD/h=HH/m=00/PT1H.json`,
 *   one JSON record per line. `time`→TimeGenerated, `resourceId`→_ResourceId,
 *   `correlationId`→CorrelationId (CallId in tables without CorrelationId),
 *   `operationName`, `operationVersion`, `category` → the columns of those names, `Type` =
 *   the table, and each `properties` key → the column of that name, compared
 *   case-insensitively. The table comes from each record's `category`.
 * - **flat** — a Log Analytics export: `<TableName>.jsonl` (JSON lines), `.json` (one
 *   array) or `.csv` (header row), keyed by the column names; a `Type` value must name
 *   the file's table.
 *
 * Values: strings are never NULL (a missing string is `''`). In the archive the text
 * `"null"` means missing: `''` for strings, NULL for other types; numbers may be JSON
 * numbers or strings. Timestamps with an offset are converted to UTC; digits below a
 * microsecond (other than zeros) are refused.
 *
 * Bad records never stop a load: a line that is not a JSON object (`malformed`), a
 * category that is no ACS category (`unknown-category`), a value that does not cast to
 * its column's type or a bad timestamp (`wrong-type`: the whole record is skipped, not
 * just the field), or no `time`/`category` (`missing-field`) is counted, listed with
 * file and line (the first {@link MAX_LISTED_ISSUES}) and skipped; every other record of
 * the file loads. Records of ACS categories the kit does not type (chat, SMS, …) are
 * counted in `skippedUntyped`. A missing, unreadable or empty path, or one without ACS
 * logs, throws `InputError`.
 *
 * How: DuckDB parses and types everything in SQL — one `INSERT … SELECT` over `read_json`
 * per ~256 MB of files, rejected records marked in a bookkeeping column, tallied and
 * deleted. Line numbers are found by re-reading (line by line) only the files that had
 * issues; a file `read_json` cannot parse at all is loaded line by line.
 *
 * @example
 * ```ts
 * const db = await LocalDb.open();
 * const summary = await loadLogs(db, "./logs", { onProgress: (d, t) => console.error(`${d}/${t} files`) });
 * console.log(summary.rows["ACSCallSummary"], formatIngestIssues(summary).join("\n"));
 * const calls = await db.all("SELECT CallType, count(DISTINCT CorrelationId) AS calls FROM ACSCallSummary GROUP BY ALL");
 * ```
 */
export async function loadLogs(db: LocalDb, root: string, options: LoadLogsOptions = {}): Promise<IngestSummary> {
  const inputs = findInputs(root, options.layout ?? "auto");
  const tally = new IngestTally(acsTables);
  let done = 0;
  const progress = (files: readonly string[]) => {
    done += files.length;
    options.onProgress?.(done, inputs.files, files[files.length - 1] ?? "");
  };
  // Timestamps with an offset go through TIMESTAMPTZ, which ICU renders in the session zone.
  // Row order carries no meaning in Log Analytics tables; not keeping it lets DuckDB's
  // threads append without merging, about 10% faster.
  const [settings] = await db.all("SELECT current_setting('TimeZone') AS tz, current_setting('preserve_insertion_order') AS keep, " +
    "current_setting('checkpoint_threshold') AS ckpt, (SELECT path IS NULL FROM duckdb_databases() WHERE database_name = current_database()) AS inMemory");
  await db.run("SET TimeZone = 'UTC'");
  await db.run("SET preserve_insertion_order = false");
  // An in-memory database checkpoints (compresses every changed table) whenever 16 MiB
  // of changes pile up; during a load that re-compressed the tables loaded so far on
  // some later INSERT, up to 10x its own cost. Skip it while loading.
  if (settings?.["inMemory"] === true) await db.run("SET checkpoint_threshold = '1000 GiB'");
  try {
    await createAcsTables(db);
    if (inputs.layout === "archive") await loadArchive(db, inputs.groups, tally, progress);
    else await loadFlat(db, inputs.flat, tally, progress);
  } finally {
    await dropIngestColumns(db, acsTables);
    await db.run(`SET TimeZone = ${lit(String(settings?.["tz"] ?? "UTC"))}`);
    await db.run(`SET preserve_insertion_order = ${settings?.["keep"] === false ? "false" : "true"}`);
    await db.run(`SET checkpoint_threshold = ${lit(String(settings?.["ckpt"] ?? "16 MiB"))}`);
  }
  const issueCounts = Object.fromEntries(ISSUE_KINDS.map((k) => [k, tally.counts[k]])) as IngestSummary["issueCounts"];
  return {
    layout: inputs.layout,
    files: inputs.files,
    lines: tally.lines,
    rows: { ...tally.rows },
    skippedUntyped: tally.skippedUntyped,
    issues: [...tally.issues].sort((a, b) => (a.file === b.file ? a.line - b.line : a.file < b.file ? -1 : 1)),
    issueCounts,
  };
}
