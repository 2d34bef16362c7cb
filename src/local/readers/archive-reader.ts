import * as fs from "node:fs";
import { acsTables, categoryToTable, nonCallingCategories, type TableDef } from "../../schema/index.js";
import type { LocalDb } from "../duckdb.js";
import { runJsonLinesPass, type IngestTally } from "./pass-runner.js";
import { sampleKeys } from "./sample-keys.js";
import { archiveSource } from "./sources.js";

const CANONICAL = new Map([...categoryToTable.keys(), ...nonCallingCategories.keys()].map((c) => [c.toLowerCase(), c] as const));
const TABLE_OF = new Map(acsTables.map((t) => [t.category, t as TableDef] as const));

/** Enough bytes per statement for DuckDB's two threads, few enough to report progress. */
const BATCH_BYTES = 256 * 1024 * 1024;

function batches(files: readonly string[]): string[][] {
  const out: string[][] = [];
  let cur: string[] = [];
  let size = 0;
  for (const f of files) {
    const s = fs.statSync(f).size;
    if (cur.length > 0 && size + s > BATCH_BYTES) {
      out.push(cur);
      cur = [];
      size = 0;
    }
    cur.push(f);
    size += s;
  }
  if (cur.length > 0) out.push(cur);
  return out;
}

/**
 * Loads storage-archive files, one `insights-logs-<category>` folder at a time. A folder's
 * category picks the table of its first pass; records of another typed category found in
 * a file get a second pass over that file, so nothing depends on the folder name.
 */
export async function loadArchive(
  db: LocalDb,
  groups: ReadonlyMap<string, readonly string[]>,
  tally: IngestTally,
  progress: (files: readonly string[]) => void,
): Promise<void> {
  for (const [folderCategory, files] of groups) {
    const category = CANONICAL.get(folderCategory);
    const table = category !== undefined ? TABLE_OF.get(category) : undefined;
    const keys = await sampleKeys(db, files[0]!, "$.properties");
    for (const batch of batches(files)) {
      const others = await runJsonLinesPass(db, batch, (input) => archiveSource(input, table, keys), { table, category }, tally, true);
      const filesByCategory = new Map<string, string[]>();
      for (const [file, cats] of others) for (const c of cats) filesByCategory.set(c, [...(filesByCategory.get(c) ?? []), file]);
      for (const [other, otherFiles] of filesByCategory) {
        const otherTable = TABLE_OF.get(other);
        const otherKeys = await sampleKeys(db, otherFiles[0]!, "$.properties");
        const pass = { table: otherTable, category: other, onlyCategory: true };
        await runJsonLinesPass(db, otherFiles, (input) => archiveSource(input, otherTable, otherKeys), pass, tally, false);
      }
      progress(batch);
    }
  }
}
