// Shared fixtures for running the catalog on local data: a generated dataset with its
// ground truth, and the seed's sample records. Each is built once per vitest worker
// (isolate: false), because generating and loading dominate the suite's time.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { catalog } from "../../queries/index.js";
import type { CatalogEntry } from "../../src/catalog/entry.js";
import { generateLogs, type GroundTruth } from "../../src/generate/index.js";
import { LocalDb, type LocalRow } from "../../src/local/duckdb.js";
import { loadLogs } from "../../src/local/load-logs.js";
import { toDuckDbSql, unsupportedFeatures } from "../../src/sql/index.js";

/** Catalog entries the DuckDB backend compiles; the others are refused with a reason. */
export const supportedEntries: readonly CatalogEntry[] = catalog.filter((e) => unsupportedFeatures(e.query).length === 0);

/** Ids of the supported entries. */
export const supportedIds: readonly string[] = supportedEntries.map((e) => e.id);

export interface LocalFixture {
  readonly db: LocalDb;
  /** The instant `ago()` is relative to: the data's end. */
  readonly now: Date;
  /** Runs a catalog entry with a lookback that covers the whole dataset. */
  run(id: string, params?: Readonly<Record<string, unknown>>): Promise<LocalRow[]>;
}

export interface GeneratedFixture extends LocalFixture {
  readonly truth: GroundTruth;
}

function entry(id: string): CatalogEntry {
  const e = catalog.find((x) => x.id === id);
  if (!e) throw new Error(`no catalog entry ${id}`);
  return e;
}

function fixture(db: LocalDb, now: Date, lookbackDays: number): LocalFixture {
  return {
    db,
    now,
    run: (id, params = {}) => db.all(toDuckDbSql(entry(id).query, { now, params: { lookback: `${lookbackDays}d`, ...params } })),
  };
}

/** The generator's settings for the ground-truth suite: small, but every shape occurs. */
export const GENERATED = { calls: 400, seed: 20261127, days: 7 } as const;

let generated: Promise<GeneratedFixture> | undefined;

/** A generated dataset (storage-archive layout) loaded into DuckDB, with its truth. */
export function generatedFixture(): Promise<GeneratedFixture> {
  generated ??= (async () => {
    const outDir = fs.mkdtempSync(path.join(os.tmpdir(), "acs-gt-"));
    const truth = await generateLogs({ ...GENERATED, outDir, layouts: ["archive"] });
    const db = await LocalDb.open();
    const summary = await loadLogs(db, path.join(outDir, truth.layoutDirs.archive ?? "archive"), { layout: "archive" });
    fs.rmSync(outDir, { recursive: true, force: true });
    const bad = Object.values(summary.issueCounts).reduce((a, b) => a + b, 0);
    if (bad > 0) throw new Error(`generated logs did not load cleanly: ${JSON.stringify(summary.issueCounts)}`);
    return { ...fixture(db, new Date(truth.end), GENERATED.days + 2), truth };
  })();
  return generated;
}

/** The seed's sample records (test/fixtures/seed/archive), see its README. */
export const SEED_ARCHIVE = path.join(__dirname, "..", "fixtures", "seed", "archive");

let seed: Promise<LocalFixture> | undefined;

/** The seed's sample records loaded into DuckDB; `now` is just after the latest record. */
export function seedFixture(): Promise<LocalFixture> {
  seed ??= (async () => {
    const db = await LocalDb.open();
    await loadLogs(db, SEED_ARCHIVE, { layout: "archive" });
    const [span] = await db.all(
      `SELECT max(t) AS last, min(t) AS first FROM (SELECT TimeGenerated AS t FROM ACSCallSummary UNION ALL SELECT TimeGenerated FROM ACSCallDiagnostics)`,
    );
    const last = span?.["last"] as Date;
    const first = span?.["first"] as Date;
    const days = Math.ceil((last.getTime() - first.getTime()) / 86_400_000) + 2;
    return fixture(db, new Date(last.getTime() + 1000), days);
  })();
  return seed;
}

/** Rows as `key → value` for two columns. */
export function byKey(rows: readonly LocalRow[], key: string, value: string): Record<string, unknown> {
  return Object.fromEntries(rows.map((r) => [String(r[key]), r[value]]));
}

/** Sum of one numeric column. */
export function sumOf(rows: readonly LocalRow[], column: string): number {
  return rows.reduce((n, r) => n + Number(r[column] ?? 0), 0);
}
