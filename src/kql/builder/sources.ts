import type { ColumnTypesOf, KqlType, TableDef } from "../../schema/index.js";
import type { QueryNode, SourceNode } from "../ast/index.js";
import { BuilderError } from "./builder-error.js";
import { lit } from "./literals.js";
import { toNode, type JsValueMap } from "./operands.js";
import { Query } from "./query.js";
import { unionColumns } from "./row-shapes.js";
import type { Row, UnionRow } from "./types.js";

/** A named tabular `let`, created by {@link letTable}; pass it to {@link from}. */
export class TableLet<R extends Row> {
  constructor(
    readonly name: string,
    readonly query: Query<R>,
    readonly materialize: boolean,
  ) {
    Object.freeze(this);
  }
}

const query = <R extends Row>(source: SourceNode, columns: R) =>
  new Query<R>(Object.freeze({ kind: "query", source: Object.freeze(source), operators: Object.freeze([]) }) as QueryNode, Object.freeze({ ...columns }));

/**
 * Starts a query at an ACS table (or at a named `let`). Column names and types come from
 * the schema, so a misspelled column is a compile error.
 *
 * @example
 * ```ts
 * from(ACSCallSummary).where((c) => c.CallType.eq("Group")).project("CorrelationId", "ParticipantId");
 * ```
 */
export function from<T extends TableDef>(table: T): Query<ColumnTypesOf<T>>;
export function from<R extends Row>(table: TableLet<R>): Query<R>;
export function from(table: TableDef | TableLet<Row>): Query<Row> {
  if (table instanceof TableLet) {
    return query({ kind: "tabularLet", name: table.name, value: table.query.node, materialize: table.materialize }, table.query.columns);
  }
  const columns = Object.fromEntries(Object.entries(table.columns).map(([n, c]) => [n, c.type])) as Row;
  return query({ kind: "table", name: table.name }, columns);
}

/**
 * Names a tabular result with `let`, so it can be used several times. With
 * `materialize: true` Kusto evaluates it once and caches it, which is what you want for a
 * let that is referenced more than once.
 *
 * @example
 * ```ts
 * const calls = letTable("calls", from(ACSCallSummary).where(...), { materialize: true });
 * from(calls).summarize(...).join("inner", from(calls).summarize(...), ["CallType"]);
 * ```
 */
export function letTable<R extends Row>(name: string, q: Query<R>, options: { readonly materialize?: boolean } = {}): TableLet<R> {
  return new TableLet(name, q, options.materialize ?? false);
}

/** `union` of queries as a source. Columns of one name and two types become `name_type`. */
export function union<A extends Row, B extends Row>(a: Query<A>, b: Query<B>): Query<UnionRow<A, B>> {
  return query({ kind: "unionSource", queries: Object.freeze([a.node, b.node]) }, unionColumns(a.columns, b.columns) as UnionRow<A, B>);
}

type RowValues<S extends Row> = { readonly [K in keyof S]: JsValueMap[S[K]] | null };

/**
 * An inline table: `datatable(schema, rows)`. Values are checked against the column
 * types and become escaped literals.
 *
 * @example
 * ```ts
 * datatable({ Code: "string", Meaning: "string" }, [{ Code: "0", Meaning: "Success" }]);
 * ```
 */
export function datatable<const S extends Row>(schema: S, rows: readonly RowValues<S>[]): Query<S> {
  const names = Object.keys(schema);
  if (names.length === 0) throw new BuilderError("datatable: no columns", "declare at least one column");
  const literal = (type: KqlType, v: unknown) => (v === null || v === undefined ? lit.nullOf(type) : toNode(v, type));
  return query(
    {
      kind: "datatable",
      columns: Object.freeze(names.map((name) => Object.freeze({ name, type: schema[name] as KqlType }))),
      rows: Object.freeze(
        rows.map((row) => Object.freeze(names.map((n) => literal(schema[n] as KqlType, (row as Record<string, unknown>)[n]))) as never),
      ),
    },
    schema,
  );
}
