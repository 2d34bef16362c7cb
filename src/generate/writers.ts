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

const iso = (ms: number) => new Date(ms).toISOString();

/** One archive line (without the newline). */
export function archiveLine(r: LogRecord): string {
  const t = info(r.table);
  const properties: Record<string, unknown> = {};
  for (const [column, value] of Object.entries(r.values)) {
    if (column === t.correlationColumn || column === "OperationName" || column === "OperationVersion" || column === "Category") continue;
    const type = t.types.get(column);
    if (!type) throw new Error(`writers: ${r.table} has no column ${column}`);
    properties[propertyKey(column)] = archiveValue(column, type, value);
  }
  return JSON.stringify({
    time: iso(r.time),
    resourceId: RESOURCE_ID,
    correlationId: r.values[t.correlationColumn] ?? "null",
    operationName: r.values["OperationName"] ?? t.category,
    operationVersion: r.values["OperationVersion"] ?? "1.0",
    category: t.category,
    properties,
  });
}

function archiveValue(column: string, type: KqlType, value: CellValue): unknown {
  if (value === null) return NULL_AS_JSON.has(column) ? null : "null";
  if (type === "datetime") return iso(value as number);
  if (typeof value === "number") return NUMBER_AS_JSON.has(column) ? value : String(value);
  return value;
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
 * Appends lines to many files through bounded in-memory buffers: output is written as it is
 * generated, never held whole, and each file is opened only once per flush.
 */
export class BufferedFiles {
  private readonly buffers = new Map<string, string[]>();
  private readonly sizes = new Map<string, number>();
  private readonly dirs = new Set<string>();
  private readonly seen = new Set<string>();
  private total = 0;
  bytes = 0;

  constructor(
    private readonly perFileLimit = 256 * 1024,
    private readonly totalLimit = 32 * 1024 * 1024,
  ) {}

  /** How many distinct files have been written to. */
  get files(): number {
    return this.seen.size;
  }

  append(file: string, line: string): void {
    let buf = this.buffers.get(file);
    if (!buf) {
      buf = [];
      this.buffers.set(file, buf);
      this.seen.add(file);
    }
    buf.push(line);
    const size = (this.sizes.get(file) ?? 0) + line.length + 1;
    this.sizes.set(file, size);
    this.total += line.length + 1;
    if (size >= this.perFileLimit) this.flushFile(file);
    if (this.total >= this.totalLimit) this.flush();
  }

  flush(): void {
    for (const file of [...this.buffers.keys()]) this.flushFile(file);
  }

  private flushFile(file: string): void {
    const buf = this.buffers.get(file);
    if (!buf || buf.length === 0) return;
    const dir = path.dirname(file);
    if (!this.dirs.has(dir)) {
      fs.mkdirSync(dir, { recursive: true });
      this.dirs.add(dir);
    }
    const text = buf.join("\n") + "\n";
    fs.appendFileSync(file, text);
    this.bytes += Buffer.byteLength(text);
    this.total -= this.sizes.get(file) ?? 0;
    this.buffers.delete(file);
    this.sizes.delete(file);
  }
}

/** Writes records in the chosen layouts under `root` (archive at `root`, flat under `root/flat` when both). */
export class LayoutWriter {
  private readonly files = new BufferedFiles();
  private readonly hourPaths = new Map<string, string>();

  constructor(
    private readonly archiveRoot: string | null,
    private readonly flatRoot: string | null,
  ) {}

  write(r: LogRecord): void {
    if (this.archiveRoot !== null) {
      const key = `${r.table}/${Math.floor(r.time / 3_600_000)}`;
      let file = this.hourPaths.get(key);
      if (!file) {
        file = archivePath(this.archiveRoot, r.table, r.time);
        this.hourPaths.set(key, file);
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
