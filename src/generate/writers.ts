// The two on-disk layouts (the contract with src/local's readers):
// - archive: what an Azure diagnostic setting writes to a storage account, one JSON line per
//   record under insights-logs-<category>/resourceId=/<RESOURCE ID>/y=/m=/d=/h=/m=00/PT1H.json,
//   with camelCase `properties`, numbers mostly as strings and missing values as "null";
// - flat: a Log Analytics export, <Table>.jsonl with every column of the table, typed values.
import * as fs from "node:fs";
import * as path from "node:path";
import { acsTables, type KqlType } from "../schema/index.js";
import type { CellValue, GeneratedTable, LogRecord } from "./records.js";

/** The synthetic ACS resource every record belongs to. */
export const RESOURCE = Object.freeze({
  subscriptionId: "3c9e8a1b-5f2d-4e7a-9b6c-0d1e2f3a4b5c",
  resourceGroup: "ACS-INSIGHTS-RG",
  name: "ACS-INSIGHTS-SYNTH",
  workspaceId: "b4d3c2a1-0f9e-4d8c-8b7a-6f5e4d3c2b1a",
});

/** The resource ID, upper-cased as Azure writes it into archive paths and records. */
export const RESOURCE_ID =
  `/SUBSCRIPTIONS/${RESOURCE.subscriptionId.toUpperCase()}/RESOURCEGROUPS/${RESOURCE.resourceGroup}` +
  `/PROVIDERS/MICROSOFT.COMMUNICATION/COMMUNICATIONSERVICES/${RESOURCE.name}`;

/** Columns written as JSON numbers in archive properties, as in the seed's samples; other numbers are strings. */
const NUMBER_AS_JSON = new Set(["CallDuration"]);
/** Missing values written as JSON null rather than the string "null", as in the seed's server rows. */
const NULL_AS_JSON = new Set(["EndpointId"]);

interface TableInfo {
  readonly name: GeneratedTable;
  readonly category: string;
  readonly columns: readonly (readonly [string, KqlType])[];
  readonly types: ReadonlyMap<string, KqlType>;
  /** The column the archive's top-level correlationId maps to. */
  readonly correlationColumn: string;
}

const TABLES: ReadonlyMap<string, TableInfo> = new Map(
  acsTables.map((t) => {
    const columns = Object.entries(t.columns).map(([name, def]) => [name, def.type] as const);
    const names = new Set(columns.map(([n]) => n));
    return [
      t.name,
      {
        name: t.name as GeneratedTable,
        category: t.category,
        columns,
        types: new Map(columns),
        correlationColumn: names.has("CorrelationId") ? "CorrelationId" : "CallId",
      },
    ] as const;
  }),
);

function info(table: GeneratedTable): TableInfo {
  const t = TABLES.get(table);
  if (!t) throw new Error(`writers: ${table} is not in src/schema`);
  return t;
}

/** camelCase of a column name, as archive properties spell it (`RoundTripTimeAvg` → `roundTripTimeAvg`, `TPE` → `tpe`). */
export function propertyKey(column: string): string {
  return column === column.toUpperCase() ? column.toLowerCase() : column[0]!.toLowerCase() + column.slice(1);
}

let isoSecond = NaN;
let isoPrefix = "";
/** ISO 8601 UTC with milliseconds; records come in bursts within one second, so the seconds prefix is cached. */
function iso(ms: number): string {
  const second = Math.floor(ms / 1000);
  if (second !== isoSecond) {
    isoSecond = second;
    isoPrefix = new Date(second * 1000).toISOString().slice(0, 20);
  }
  const frac = ms - second * 1000;
  return `${isoPrefix}${frac < 10 ? "00" : frac < 100 ? "0" : ""}${frac}Z`;
}

/** Per-column pieces of archive lines, computed once per table: `"camelKey":` and the column type. */
const ARCHIVE_COLUMNS: ReadonlyMap<string, ReadonlyMap<string, readonly [string, KqlType]>> = new Map(
  [...TABLES.values()].map((t) => [t.name, new Map(t.columns.map(([c, type]) => [c, [`${JSON.stringify(propertyKey(c))}:`, type] as const]))]),
);

/** A JSON string literal; plain IDs and names (nearly every value) skip JSON.stringify. */
function jsonString(s: string): string {
  return NEEDS_ESCAPE.test(s) ? JSON.stringify(s) : `"${s}"`;
}
const NEEDS_ESCAPE = /["\\\u0000-\u001f\u2028\u2029]/;

/**
 * One archive line (without the newline). Built as text rather than through an object and
 * JSON.stringify: this is the hot loop of a million-row run, and the output is the same JSON.
 */
export function archiveLine(r: LogRecord): string {
  const t = info(r.table);
  const columns = ARCHIVE_COLUMNS.get(r.table) as ReadonlyMap<string, readonly [string, KqlType]>;
  let props = "";
  for (const column in r.values) {
    if (column === t.correlationColumn || column === "OperationName" || column === "OperationVersion" || column === "Category") continue;
    const c = columns.get(column);
    if (!c) throw new Error(`writers: ${r.table} has no column ${column}`);
    props += (props === "" ? "" : ",") + c[0] + archiveValue(column, c[1], r.values[column] as CellValue);
  }
  const correlation = r.values[t.correlationColumn];
  return (
    `{"time":"${iso(r.time)}","resourceId":"${RESOURCE_ID}","correlationId":${jsonString(typeof correlation === "string" ? correlation : "null")},` +
    `"operationName":${jsonString(String(r.values["OperationName"] ?? t.category))},"operationVersion":${jsonString(String(r.values["OperationVersion"] ?? "1.0"))},` +
    `"category":"${t.category}","properties":{${props}}}`
  );
}

function archiveValue(column: string, type: KqlType, value: CellValue): string {
  if (value === null) return NULL_AS_JSON.has(column) ? "null" : '"null"';
  if (type === "datetime") return `"${iso(value as number)}"`;
  if (typeof value === "number") return NUMBER_AS_JSON.has(column) ? String(value) : `"${value}"`;
  if (typeof value === "string") return jsonString(value);
  return JSON.stringify(value);
}

/** One flat (Log Analytics export) row: every column of the table, in schema order. */
export function flatRow(r: LogRecord): Record<string, unknown> {
  const t = info(r.table);
  const row: Record<string, unknown> = {};
  for (const [column, type] of t.columns) {
    let value: unknown;
    switch (column) {
      case "TenantId":
        value = RESOURCE.workspaceId;
        break;
      case "TimeGenerated":
        value = iso(r.time);
        break;
      case "Type":
        value = t.name;
        break;
      case "SourceSystem":
        value = "Azure";
        break;
      case "_ResourceId":
        value = RESOURCE_ID;
        break;
      case "_SubscriptionId":
        value = RESOURCE.subscriptionId;
        break;
      case "_IsBillable":
        value = "True";
        break;
      case "Category":
        value = t.category;
        break;
      default: {
        const v = r.values[column];
        value = v === undefined || v === null ? (type === "string" ? "" : null) : type === "datetime" ? iso(v as number) : v;
        if (column === "OperationVersion" && value === "") value = "1.0";
      }
    }
    row[column] = value;
  }
  return row;
}

/** The archive file of a record: category folder, resource ID, and the hour of its time. */
export function archivePath(root: string, table: GeneratedTable, time: number): string {
  const d = new Date(time);
  const two = (n: number) => String(n).padStart(2, "0");
  return path.join(
    root,
    `insights-logs-${info(table).category.toLowerCase()}`,
    `resourceId=${RESOURCE_ID}`,
    `y=${d.getUTCFullYear()}`,
    `m=${two(d.getUTCMonth() + 1)}`,
    `d=${two(d.getUTCDate())}`,
    `h=${two(d.getUTCHours())}`,
    "m=00",
    "PT1H.json",
  );
}

/**
 * Appends lines to many files through a bounded set of byte buffers: output is written as it
 * is generated, never held whole. Lines are encoded into the buffers at once, so they die
 * young and the garbage collector never has to trace megabytes of pending strings.
 */
export class BufferedFiles {
  private readonly pending = new Map<string, { buf: Buffer; used: number }>();
  private readonly free: Buffer[] = [];
  private readonly dirs = new Set<string>();
  private readonly seen = new Set<string>();
  bytes = 0;

  constructor(
    private readonly bufferSize = 256 * 1024,
    private readonly maxPending = 64,
  ) {}

  /** How many distinct files have been written to. */
  get files(): number {
    return this.seen.size;
  }

  append(file: string, line: string): void {
    let p = this.pending.get(file);
    if (!p) {
      if (this.pending.size >= this.maxPending) this.flush();
      p = { buf: this.free.pop() ?? Buffer.allocUnsafe(this.bufferSize), used: 0 };
      this.pending.set(file, p);
      this.seen.add(file);
    }
    // A UTF-16 unit takes at most 3 UTF-8 bytes, so this check never lets a line be cut.
    if (p.used + line.length * 3 + 1 > p.buf.length) {
      this.writeOut(file, p);
      if (line.length * 3 + 1 > p.buf.length) {
        this.writeOut(file, { buf: Buffer.from(line + "\n"), used: Buffer.byteLength(line) + 1 });
        return;
      }
    }
    p.used += p.buf.write(line, p.used);
    p.buf[p.used++] = 10;
  }

  flush(): void {
    for (const [file, p] of this.pending) {
      this.writeOut(file, p);
      this.free.push(p.buf);
    }
    this.pending.clear();
  }

  private writeOut(file: string, p: { buf: Buffer; used: number }): void {
    if (p.used === 0) return;
    this.ensureDir(path.dirname(file));
    fs.appendFileSync(file, p.buf.subarray(0, p.used));
    this.bytes += p.used;
    p.used = 0;
  }

  /** mkdir -p, one level at a time: archive paths are 14 levels deep and share most of them. */
  private ensureDir(dir: string): void {
    if (this.dirs.has(dir)) return;
    const parent = path.dirname(dir);
    if (parent !== dir) this.ensureDir(parent);
    try {
      fs.mkdirSync(dir);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
    }
    this.dirs.add(dir);
  }
}

/** Writes records in the chosen layouts under `root` (archive at `root`, flat under `root/flat` when both). */
export class LayoutWriter {
  private readonly files = new BufferedFiles();
  private readonly hourPaths = new Map<GeneratedTable, Map<number, string>>();

  constructor(
    private readonly archiveRoot: string | null,
    private readonly flatRoot: string | null,
  ) {}

  write(r: LogRecord): void {
    if (this.archiveRoot !== null) {
      const hour = Math.floor(r.time / 3_600_000);
      let byHour = this.hourPaths.get(r.table);
      if (!byHour) {
        byHour = new Map();
        this.hourPaths.set(r.table, byHour);
      }
      let file = byHour.get(hour);
      if (!file) {
        file = archivePath(this.archiveRoot, r.table, r.time);
        byHour.set(hour, file);
      }
      this.files.append(file, archiveLine(r));
    }
    if (this.flatRoot !== null) this.files.append(path.join(this.flatRoot, `${r.table}.jsonl`), JSON.stringify(flatRow(r)));
  }

  /** Flushes everything; returns the number of files and bytes written. */
  finish(): { readonly files: number; readonly bytes: number } {
    this.files.flush();
    return { files: this.files.files, bytes: this.files.bytes };
  }
}
