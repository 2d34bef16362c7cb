import type { LocalDb } from "../duckdb.js";
import { runJsonLinesPass, runPass, type IngestTally } from "./pass-runner.js";
import type { FlatFile } from "./find-inputs.js";
import { sampleKeys } from "./sample-keys.js";
import { arrayElements, flatCsvSource, flatJsonSource } from "./sources.js";
import { lit } from "./sql-text.js";

const CSV = "__ingest_csv";
const REJECTS = "__ingest_csv_rejects";

/** Loads Log Analytics export files (`<Table>.jsonl`, `.json`, `.csv`), one file at a time. */
export async function loadFlat(db: LocalDb, files: readonly FlatFile[], tally: IngestTally, progress: (files: readonly string[]) => void): Promise<void> {
  for (const f of files) {
    if (f.format === "jsonl") await loadJsonLines(db, f, tally);
    else if (f.format === "json") await loadJsonArray(db, f, tally);
    else await loadCsv(db, f, tally);
    progress([f.file]);
  }
}

async function loadJsonLines(db: LocalDb, f: FlatFile, tally: IngestTally): Promise<void> {
  const keys = await sampleKeys(db, f.file, "$");
  await runJsonLinesPass(db, [f.file], (input) => flatJsonSource(input, f.table, keys), { table: f.table }, tally, true);
}

function fileLevelIssue(tally: IngestTally, file: string, message: string): void {
  tally.lines += 1;
  tally.counts.malformed += 1;
  if (tally.room > 0) tally.issues.push({ file, line: 1, kind: "malformed", message });
}

async function loadJsonArray(db: LocalDb, f: FlatFile, tally: IngestTally): Promise<void> {
  const [shape] = await db.all(`SELECT CASE WHEN json_valid(content) THEN json_type(content::JSON) END AS t FROM read_text(${lit(f.file)})`);
  if (shape?.["t"] !== "ARRAY") {
    fileLevelIssue(tally, f.file, shape?.["t"] ? `a .json export must hold a JSON array of records, not ${String(shape["t"])}` : "not valid JSON (a .json export must hold one JSON array of records)");
    return;
  }
  const elements = arrayElements(f.file);
  const keys = await sampleKeys(db, f.file, "$", elements);
  await runPass(db, { pass: { table: f.table }, source: flatJsonSource({ lines: elements }, f.table, keys) }, tally, true);
}

async function loadCsv(db: LocalDb, f: FlatFile, tally: IngestTally): Promise<void> {
  try {
    // Line numbers of CSV records come from the staged rows' order (rowid), so keep it.
    await db.run("SET preserve_insertion_order = true");
    await db.run(`CREATE OR REPLACE TEMP TABLE ${CSV} AS SELECT * FROM read_csv(${lit(f.file)}, header = true, all_varchar = true, ` +
      `delim = ',', quote = '"', escape = '"', store_rejects = true, rejects_table = '${REJECTS}', rejects_scan = '${REJECTS}_scan', hive_partitioning = false)`);
  } catch (e) {
    await db.run("SET preserve_insertion_order = false");
    fileLevelIssue(tally, f.file, `not a readable CSV file: ${(e as Error).message.split("\n")[0] ?? ""}`);
    return;
  }
  await db.run("SET preserve_insertion_order = false");
  try {
    const header = (await db.all(`SELECT column_name AS c FROM (DESCRIBE ${CSV})`)).map((r) => String(r["c"]));
    const rejected = (await db.all(`SELECT line, min(error_message) AS msg FROM ${REJECTS} GROUP BY line ORDER BY line`)).map((r) => ({ line: Number(r["line"]), msg: String(r["msg"]) }));
    tally.lines += rejected.length;
    tally.counts.malformed += rejected.length;
    for (const r of rejected) if (tally.room > 0) tally.issues.push({ file: f.file, line: r.line, kind: "malformed", message: r.msg.split("\n")[0] ?? r.msg });
    // Rows come back in file order; record i sits on line i + 2 (after the header) plus the rejected lines before it.
    const lineOf = (_file: string, record: number): number => {
      let line = record + 2;
      for (const r of rejected) if (r.line <= line) line += 1;
      return line;
    };
    await runPass(db, {
      pass: { table: f.table },
      source: flatCsvSource(`(SELECT rowid AS __ln, * FROM ${CSV})`, f.file, header),
      lineOf,
    }, tally, true);
  } finally {
    await db.run(`DROP TABLE IF EXISTS ${CSV}`);
    await db.run(`DROP TABLE IF EXISTS ${REJECTS}`);
    await db.run(`DROP TABLE IF EXISTS ${REJECTS}_scan`);
  }
}
