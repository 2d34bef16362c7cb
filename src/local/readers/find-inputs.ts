import * as fs from "node:fs";
import * as path from "node:path";
import { InputError } from "../../cli/input-error.js";
import { acsTables, type TableDef } from "../../schema/index.js";
import type { Layout } from "../ingest-issues.js";

/** A flat-layout file: one table, one format. */
export interface FlatFile {
  readonly file: string;
  readonly table: TableDef;
  readonly format: "jsonl" | "json" | "csv";
}

/** The files a load will read, by layout. */
export type FoundInputs =
  | { readonly layout: "archive"; readonly groups: ReadonlyMap<string, readonly string[]>; readonly files: number }
  | { readonly layout: "flat"; readonly flat: readonly FlatFile[]; readonly files: number };

const ARCHIVE_DIR = /^insights-logs-(.+)$/i;
const FLAT_NAME = /^(.+)\.(jsonl|json|csv)$/i;
const tablesByLower = new Map(acsTables.map((t) => [t.name.toLowerCase(), t as TableDef] as const));

function walk(dir: string, out: string[]): void {
  for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else if (e.isFile()) out.push(p);
  }
}

/** The lower-cased category of the nearest `insights-logs-<category>` folder above `file`, or ''. */
function archiveCategory(file: string): string | undefined {
  const parts = path.resolve(file).split(path.sep);
  for (let i = parts.length - 2; i >= 0; i--) {
    const m = ARCHIVE_DIR.exec(parts[i] ?? "");
    if (m) return m[1]!.toLowerCase();
  }
  return undefined;
}

function flatTable(file: string): FlatFile | undefined {
  const m = FLAT_NAME.exec(path.basename(file));
  const table = m ? tablesByLower.get(m[1]!.toLowerCase()) : undefined;
  return m && table ? { file, table, format: m[2]!.toLowerCase() as FlatFile["format"] } : undefined;
}

/** True when the first non-blank line of a .json file looks like an archive record. */
function looksLikeArchiveRecord(file: string): boolean {
  const fd = fs.openSync(file, "r");
  try {
    const buf = Buffer.alloc(65536);
    const n = fs.readSync(fd, buf, 0, buf.length, 0);
    const first = buf.subarray(0, n).toString("utf8").split("\n").find((l) => l.trim() !== "");
    if (first === undefined) return false;
    const rec: unknown = JSON.parse(first);
    return typeof rec === "object" && rec !== null && "category" in rec && "properties" in rec;
  } catch {
    return false;
  } finally {
    fs.closeSync(fd);
  }
}

const HINT = "pass the folder that holds the insights-logs-<category> folders of a storage-account archive, or <TableName>.jsonl/.json/.csv files of a Log Analytics export";

/**
 * Lists the log files under `root` and decides the layout. Throws {@link InputError}
 * when the path is missing, unreadable, empty or holds no ACS logs.
 */
export function findInputs(root: string, layout: Layout | "auto"): FoundInputs {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(root);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === "ENOENT" ? "does not exist" : `cannot be read (${code ?? String(e)})`;
    throw new InputError([`${root}: the log path ${why}; ${HINT}.`]);
  }
  const all: string[] = [];
  if (stat.isFile()) all.push(root);
  else {
    try {
      walk(root, all);
    } catch (e) {
      throw new InputError([`${root}: the log folder cannot be read (${(e as NodeJS.ErrnoException).code ?? String(e)}); check its permissions.`]);
    }
  }
  if (all.length === 0) throw new InputError([`${root}: the log folder is empty; ${HINT}.`]);

  const inArchiveDir = all.filter((f) => f.toLowerCase().endsWith(".json") && archiveCategory(f) !== undefined);
  const flat = all.map(flatTable).filter((f): f is FlatFile => f !== undefined);
  let chosen: Layout | undefined = layout === "auto" ? undefined : layout;
  if (chosen === undefined) {
    if (inArchiveDir.length > 0) chosen = "archive";
    else if (flat.length > 0) chosen = "flat";
    else if (all.some((f) => f.toLowerCase().endsWith(".json") && looksLikeArchiveRecord(f))) chosen = "archive";
  }
  if (chosen === "archive") {
    // Outside insights-logs-* folders, any .json blob may hold archive records, but a file
    // named after a table is an export and never read as an archive.
    const files = inArchiveDir.length > 0 ? inArchiveDir : all.filter((f) => /\.json$/i.test(f) && flatTable(f) === undefined);
    if (files.length > 0) {
      const groups = new Map<string, string[]>();
      for (const f of files) {
        const key = archiveCategory(f) ?? "";
        groups.set(key, [...(groups.get(key) ?? []), f]);
      }
      return { layout: "archive", groups, files: files.length };
    }
  }
  if (chosen === "flat" && flat.length > 0) return { layout: "flat", flat, files: flat.length };
  const expected = chosen === "archive" ? "no .json files of the storage-archive layout"
    : chosen === "flat" ? `no file named after an ACS table (e.g. ACSCallSummary.jsonl)`
    : "no ACS logs (no insights-logs-* folders, no files named after an ACS table, no JSON lines with category and properties)";
  throw new InputError([`${root}: ${expected} among its ${all.length} file${all.length === 1 ? "" : "s"}; ${HINT}.`]);
}
