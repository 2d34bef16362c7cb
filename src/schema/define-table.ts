import type { KqlType, TsValueOf } from "./kql-types.js";

/** One column of an ACS table: its Kusto type and a one-line meaning. */
export interface ColumnDef<T extends KqlType = KqlType> {
  readonly type: T;
  readonly description: string;
}

/** A column map: column name → definition. */
export type Columns = Readonly<Record<string, ColumnDef>>;

/**
 * One Log Analytics table in resource-specific mode. This is the single source of
 * truth for a table: row types, Kusto symbols and the category mapping all derive
 * from it.
 */
export interface TableDef<N extends string = string, C extends Columns = Columns> {
  /** Table name as it appears in Log Analytics, e.g. `ACSCallSummary`. */
  readonly name: N;
  /** Diagnostic-setting log category that routes records into this table. */
  readonly category: string;
  /** One line on what a row of this table represents. */
  readonly description: string;
  readonly columns: C;
}

/** Column name → Kusto type, the shape the query builder types against. */
export type ColumnTypesOf<T extends TableDef> = { [K in keyof T["columns"]]: T["columns"][K]["type"] };

/**
 * The TypeScript row type of a table, as returned by a Log Analytics query.
 *
 * @example
 * ```ts
 * import type { RowOf } from "acs-call-insights/schema";
 * import { ACSCallSummary } from "acs-call-insights/schema";
 * type CallSummaryRow = RowOf<typeof ACSCallSummary>;
 * const late = (r: CallSummaryRow) => r.CallStartTime.getUTCHours() > 20;
 * ```
 */
export type RowOf<T extends TableDef> = { [K in keyof T["columns"]]: TsValueOf<T["columns"][K]["type"]> };

/** Column names of a table, as a string-literal union. */
export type ColumnNameOf<T extends TableDef> = keyof T["columns"] & string;

function column<T extends KqlType>(type: T) {
  return (description: string): ColumnDef<T> => Object.freeze({ type, description });
}

/**
 * Column constructors, one per Kusto type.
 *
 * @example
 * ```ts
 * const cols = { CallDuration: col.long("Call length in seconds.") };
 * ```
 */
export const col = {
  string: column("string"),
  datetime: column("datetime"),
  int: column("int"),
  long: column("long"),
  real: column("real"),
  bool: column("bool"),
  dynamic: column("dynamic"),
  guid: column("guid"),
  timespan: column("timespan"),
} as const;

/**
 * Declares a table. The result is deeply frozen so that no consumer can edit the
 * shared schema at run time.
 *
 * @example
 * ```ts
 * export const MyTable = defineTable({
 *   name: "MyTable", category: "MyCategory", description: "One row per widget.",
 *   columns: { ...standardColumns, WidgetId: col.string("Widget identifier.") },
 * });
 * ```
 */
export function defineTable<const N extends string, const C extends Columns>(def: TableDef<N, C>): TableDef<N, C> {
  return Object.freeze({ ...def, columns: Object.freeze({ ...def.columns }) });
}
