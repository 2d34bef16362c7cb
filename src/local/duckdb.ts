import type { DuckDBConnection, DuckDBInstance } from "@duckdb/node-api";

/** A row as read back from DuckDB: BIGINT as number when it fits, TIMESTAMP as Date. */
export type LocalRow = Record<string, unknown>;

/**
 * One embedded DuckDB database. Extension auto-install and auto-load are off: json and
 * parquet are linked into the binary, and nothing may reach the network.
 *
 * @example
 * ```ts
 * const db = await LocalDb.open();
 * const rows = await db.all("SELECT 42 AS answer");
 * db.close();
 * ```
 */
export class LocalDb {
  private constructor(
    private readonly instance: DuckDBInstance,
    readonly connection: DuckDBConnection,
  ) {}

  /** Opens an in-memory database (or a file, for data larger than memory). */
  static async open(path = ":memory:", options: { readonly threads?: number } = {}): Promise<LocalDb> {
    // Loaded on first use so that commands that never touch DuckDB don't pay for the binary.
    const { DuckDBInstance } = await import("@duckdb/node-api");
    const settings: Record<string, string> = {
      autoinstall_known_extensions: "false",
      autoload_known_extensions: "false",
    };
    if (options.threads !== undefined) settings["threads"] = String(options.threads);
    const instance = await DuckDBInstance.create(path, settings);
    return new LocalDb(instance, await instance.connect());
  }

  /** Runs statements that return no rows of interest. */
  async run(sql: string): Promise<void> {
    await this.connection.run(sql);
  }

  /** Runs a query and returns its rows with JS values (see {@link LocalRow}). */
  async all(sql: string): Promise<LocalRow[]> {
    const reader = await this.connection.runAndReadAll(sql);
    return reader.getRowObjectsJS().map((row) => {
      const out: LocalRow = {};
      for (const [k, v] of Object.entries(row)) out[k] = toJs(v);
      return out;
    });
  }

  close(): void {
    this.connection.closeSync();
    this.instance.closeSync();
  }
}

function toJs(v: unknown): unknown {
  if (typeof v === "bigint") {
    return v <= BigInt(Number.MAX_SAFE_INTEGER) && v >= BigInt(Number.MIN_SAFE_INTEGER) ? Number(v) : v;
  }
  if (Array.isArray(v)) return v.map(toJs);
  return v;
}
