import type { TableDef } from "../../schema/index.js";
import type { LocalDb } from "../duckdb.js";
import { ISSUE_KINDS, MAX_LISTED_ISSUES, type IngestIssue, type IngestIssueKind } from "../ingest-issues.js";
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

/** One pass: a source over some lines (so that issues can be re-read with line numbers). */
export interface PassPlan {
  readonly pass: StagePass;
  readonly source: (lines: string) => RecordSource;
  /** The lines to read; the fast source cannot number them. */
  readonly lines: string;
  /** Lines of one file with numbers, to locate issues the first read found in it. */
  readonly numbered?: (file: string) => string;
  /** Maps a reported `__ln` to the line shown to users (CSV: record index → line). */
  readonly lineOf?: (file: string, ln: number) => number;
}

/** What a pass found that needs another pass: typed records of other categories, by file. */
export type OtherCategories = Map<string, Set<string>>;

const STAGE = "__ingest_stage";
const REPORTED = ISSUE_KINDS.map(lit).join(", ");

/**
 * Types and classifies every record of the plan into a staging table, appends the good
 * ones to the pass's table, tallies the rest and lists issues with file and line.
 */
export async function runPass(db: LocalDb, plan: PassPlan, tally: IngestTally, primary: boolean): Promise<OtherCategories> {
  const { pass } = plan;
  await db.run(`CREATE OR REPLACE TEMP TABLE ${STAGE} AS SELECT * REPLACE (CASE WHEN __kind IS NULL THEN NULL ELSE __file END AS __file) ` +
    `FROM (${stageSelect(plan.source(plan.lines), pass)})`);
  try {
    if (pass.table) {
      const cols = Object.keys(pass.table.columns).map(ident).join(", ");
      await db.run(`INSERT INTO ${ident(pass.table.name)} (${cols}) SELECT ${cols} FROM ${STAGE} WHERE __kind IS NULL`);
    }
    const groups = await db.all(`SELECT __kind AS kind, __file AS file, __cat AS cat, count(*) AS n, count(__ln) AS numbered FROM ${STAGE} GROUP BY ALL`);
    const others: OtherCategories = new Map();
    const toLocate: string[] = [];
    for (const g of groups) {
      const kind = g["kind"] as StageKind | null;
      const n = Number(g["n"]);
      const file = g["file"] as string | null;
      if (primary) tally.lines += n;
      if (kind === null) {
        if (pass.table) tally.rows[pass.table.name] = (tally.rows[pass.table.name] ?? 0) + n;
      } else if (kind === "untyped") tally.skippedUntyped += n;
      else if (kind === "other") {
        if (file !== null) others.set(file, (others.get(file) ?? new Set()).add(String(g["cat"])));
      } else {
        tally.counts[kind] += n;
        if (file !== null && Number(g["numbered"]) < n && !toLocate.includes(file)) toLocate.push(file);
      }
    }
    if (tally.room > 0) {
      const rows = await db.all(`SELECT __file AS file, __ln AS ln, __kind AS kind, __msg AS msg FROM ${STAGE} ` +
        `WHERE __kind IN (${REPORTED}) AND __ln IS NOT NULL ORDER BY __file, __ln LIMIT ${tally.room}`);
      for (const r of rows) pushIssue(tally, plan, r);
    }
    await db.run(`DROP TABLE ${STAGE}`);
    for (const file of toLocate.sort()) {
      if (tally.room <= 0 || !plan.numbered) break;
      const rows = await db.all(`SELECT __file AS file, __ln AS ln, __kind AS kind, __msg AS msg FROM (` +
        `${stageSelect(plan.source(plan.numbered(file)), pass)}) WHERE __kind IN (${REPORTED}) ORDER BY __ln LIMIT ${tally.room}`);
      for (const r of rows) pushIssue(tally, plan, r);
    }
    return others;
  } finally {
    await db.run(`DROP TABLE IF EXISTS ${STAGE}`);
  }
}

function pushIssue(tally: IngestTally, plan: PassPlan, r: Record<string, unknown>): void {
  const file = String(r["file"]);
  const ln = Number(r["ln"]);
  tally.issues.push({ file, line: plan.lineOf ? plan.lineOf(file, ln) : ln, kind: r["kind"] as IngestIssueKind, message: String(r["msg"]) });
}
