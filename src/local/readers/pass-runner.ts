import type { TableDef } from "../../schema/index.js";
import type { LocalDb } from "../duckdb.js";
import { ISSUE_KINDS, MAX_LISTED_ISSUES, type IngestIssue, type IngestIssueKind } from "../ingest-issues.js";
import { numberedLines, type JsonInput } from "./sources.js";
import { stageSelect, type RecordSource, type StageKind, type StagePass } from "./stage-sql.js";
import { ident, lit } from "./sql-text.js";

/** Totals of a load, filled pass by pass. */
export class IngestTally {
  lines = 0;
  skippedUntyped = 0;
  readonly rows: Record<string, number> = {};
  readonly issues: IngestIssue[] = [];
  readonly counts: Record<IngestIssueKind, number> = { malformed: 0, "unknown-category": 0, "wrong-type": 0, "missing-field": 0 };

  constructor(tables: readonly TableDef[]) {
    for (const t of tables) this.rows[t.name] = 0;
  }

  get room(): number {
    return MAX_LISTED_ISSUES - this.issues.length;
  }
}

/** One pass over some records. */
export interface PassPlan {
  readonly pass: StagePass;
  readonly source: RecordSource;
  /** The same records of one file with line numbers, to locate issues `source` cannot number. */
  readonly numbered?: (file: string) => RecordSource;
  /** Maps a reported `__ln` to the line shown to users (CSV: record index → line). */
  readonly lineOf?: (file: string, ln: number) => number;
}

/** What a pass found that needs another pass: typed records of other categories, by file. */
export type OtherCategories = Map<string, Set<string>>;

const STAGE = "__ingest_stage";
const REPORTED = ISSUE_KINDS.map(lit).join(", ");
/** The bookkeeping column a table carries while it loads; {@link dropIngestColumns} removes it. */
const ISSUE = "__issue";
const ISSUE_FIELDS = `${ISSUE}->>'kind' AS kind, ${ISSUE}->>'file' AS file, (${ISSUE}->>'line')::BIGINT AS ln, ${ISSUE}->>'category' AS cat, ${ISSUE}->>'message' AS msg`;

/**
 * Types and classifies every record of the plan and appends all of them to the pass's
 * table in one statement, rejected ones marked in a bookkeeping column; then tallies and
 * deletes the rejected ones. (A staging table plus a copy cost a third more time.)
 */
export async function runPass(db: LocalDb, plan: PassPlan, tally: IngestTally, primary: boolean): Promise<OtherCategories> {
  const { pass } = plan;
  const target = pass.table ? ident(pass.table.name) : STAGE;
  const cols = [...Object.keys(pass.table?.columns ?? {}).map(ident), ISSUE];
  const select = `SELECT ${cols.join(", ")} FROM (${stageSelect(plan.source, pass)})`;
  if (pass.table) await db.run(`ALTER TABLE ${target} ADD COLUMN IF NOT EXISTS ${ISSUE} VARCHAR`);
  let inserted: number;
  try {
    const [r] = await db.all(pass.table ? `INSERT INTO ${target} (${cols.join(", ")}) ${select}` : `CREATE OR REPLACE TEMP TABLE ${STAGE} AS ${select}`);
    inserted = Number(r?.["Count"] ?? 0);
  } catch (e) {
    // The statement is atomic: nothing of it was inserted, so the caller may retry.
    throw new SourceReadError(e);
  }
  try {
    const issues = `(SELECT ${ISSUE_FIELDS} FROM ${target} WHERE ${ISSUE} IS NOT NULL)`;
    const groups = await db.all(`SELECT kind, file, cat, count(*) AS n, count(ln) AS numbered FROM ${issues} GROUP BY ALL`);
    const others: OtherCategories = new Map();
    const toLocate: string[] = [];
    let rejected = 0;
    for (const g of groups) {
      const kind = g["kind"] as StageKind;
      const n = Number(g["n"]);
      const file = g["file"] as string | null;
      rejected += n;
      if (kind === "blank") continue;
      if (primary) tally.lines += n;
      if (kind === "untyped") tally.skippedUntyped += n;
      else if (kind === "other") {
        if (file !== null) others.set(file, (others.get(file) ?? new Set()).add(String(g["cat"])));
      } else {
        tally.counts[kind] += n;
        if (file !== null && Number(g["numbered"]) < n && !toLocate.includes(file)) toLocate.push(file);
      }
    }
    if (pass.table) tally.rows[pass.table.name] = (tally.rows[pass.table.name] ?? 0) + inserted - rejected;
    if (primary) tally.lines += inserted - rejected;
    if (tally.room > 0 && rejected > 0) {
      const rows = await db.all(`SELECT file, ln, kind, msg FROM ${issues} WHERE kind IN (${REPORTED}) AND ln IS NOT NULL ORDER BY file, ln LIMIT ${tally.room}`);
      for (const r of rows) pushIssue(tally, plan, r);
    }
    for (const file of toLocate.sort()) {
      if (tally.room <= 0 || !plan.numbered) break;
      const rows = await db.all(`SELECT ${ISSUE_FIELDS} FROM (${stageSelect(plan.numbered(file), pass)}) ` +
        `WHERE ${ISSUE}->>'kind' IN (${REPORTED}) ORDER BY ln LIMIT ${tally.room}`);
      for (const r of rows) pushIssue(tally, plan, r);
    }
    return others;
  } finally {
    if (pass.table) await db.run(`DELETE FROM ${target} WHERE ${ISSUE} IS NOT NULL`);
    else await db.run(`DROP TABLE IF EXISTS ${STAGE}`);
  }
}

/** DuckDB refused to read a pass's input (e.g. a malformed line under `read_json`); nothing was loaded. */
export class SourceReadError extends Error {
  constructor(override readonly cause: unknown) {
    super(String(cause instanceof Error ? cause.message : cause));
    this.name = "SourceReadError";
  }
}

/** Removes the bookkeeping column {@link runPass} adds, leaving exactly the schema columns. */
export async function dropIngestColumns(db: LocalDb, tables: readonly TableDef[]): Promise<void> {
  for (const t of tables) await db.run(`ALTER TABLE IF EXISTS ${ident(t.name)} DROP COLUMN IF EXISTS ${ISSUE}`);
}

/**
 * Runs a pass over JSON-lines files with the fast whole-file reader. DuckDB rejects a whole
 * statement for one malformed line and names the file: that file is read line by line
 * (with line numbers) and the rest retried; when no file is named, the batch is halved.
 */
export async function runJsonLinesPass(
  db: LocalDb,
  files: readonly string[],
  make: (input: JsonInput) => RecordSource,
  pass: StagePass,
  tally: IngestTally,
  primary: boolean,
): Promise<OtherCategories> {
  const numbered = (file: string) => make({ lines: numberedLines(file) });
  const others: OtherCategories = new Map();
  const merge = (found: OtherCategories) => {
    for (const [k, v] of found) others.set(k, v);
  };
  const pending: (readonly string[])[] = [files];
  while (pending.length > 0) {
    const batch = pending.pop()!;
    try {
      merge(await runPass(db, { pass, source: make({ files: batch }), numbered }, tally, primary));
      continue;
    } catch (e) {
      if (!(e instanceof SourceReadError)) throw e;
      const named = /in file "((?:[^"\\]|\\.)*)"/.exec(e.message)?.[1];
      const bad = batch.length === 1 ? batch[0] : batch.find((f) => f === named);
      if (bad !== undefined) {
        merge(await runPass(db, { pass, source: numbered(bad) }, tally, primary));
        const rest = batch.filter((f) => f !== bad);
        if (rest.length > 0) pending.push(rest);
      } else {
        const half = Math.ceil(batch.length / 2);
        pending.push(batch.slice(half), batch.slice(0, half));
      }
    }
  }
  return others;
}

function pushIssue(tally: IngestTally, plan: PassPlan, r: Record<string, unknown>): void {
  const file = String(r["file"]);
  const ln = Number(r["ln"]);
  tally.issues.push({ file, line: plan.lineOf ? plan.lineOf(file, ln) : ln, kind: r["kind"] as IngestIssueKind, message: String(r["msg"]) });
}
