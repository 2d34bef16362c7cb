import type { KqlType } from "../../schema/index.js";
import type {
  JoinHints,
  JoinKey,
  JoinKind,
  NamedAggregate,
  NamedExpr,
  OperatorNode,
  QueryNode,
  SortDirection,
  Visualization,
} from "../ast/index.js";
import type { ExprNode } from "../ast/index.js";
import { Agg } from "./aggregates.js";
import { lit } from "./literals.js";
import { colsOf, type Cols } from "./columns.js";
import { BuilderError } from "./builder-error.js";
import { Expr } from "./expr.js";
import { toNode, type Operand } from "./operands.js";
import {
  joinColumns,
  lookupColumns,
  unionColumns,
  type JoinKeySpec,
} from "./row-shapes.js";
import type { ColumnOf, Extend, JoinRow, LookupRow, Row, Simplify, UnionRow } from "./types.js";

/** Output row of a join of kind `K`. Semi and anti joins keep one side only. */
export type JoinResult<L extends Row, R extends Row, K extends JoinKind> = K extends "leftsemi" | "leftanti"
  ? L
  : K extends "rightsemi" | "rightanti"
    ? R
    : JoinRow<L, R>;

/** The row type of a query. */
export type RowOf<Q> = Q extends Query<infer R> ? R : never;

type TypeOfExpr<E> = E extends Expr<infer T> ? T : E extends Agg<infer T> ? T : never;

/** Join keys: a name both sides share, or a `[left, right]` pair (`$left.a == $right.b`). */
export type JoinOn<L extends Row, R extends Row> = readonly (
  | (ColumnOf<L> & ColumnOf<R>)
  | readonly [ColumnOf<L>, ColumnOf<R>]
)[];

/** Names of the right-side keys in a join spec, for lookup's row type. */
type RightKeys<On> = On extends readonly (infer E)[] ? (E extends readonly [string, infer Rk] ? Rk : E) & string : never;

const JOIN_KINDS: ReadonlySet<unknown> = new Set<JoinKind>([
  "inner",
  "innerunique",
  "leftouter",
  "rightouter",
  "fullouter",
  "leftsemi",
  "leftanti",
  "rightsemi",
  "rightanti",
]);

const frozen = <T>(items: readonly T[]) => Object.freeze([...items]);

/**
 * An immutable, typed KQL query. Every method returns a new Query; the row type `R`
 * (column → Kusto type) flows through each operator and is also kept at run time in
 * `columns`, so the compiler can check it against what Kusto infers.
 *
 * @example
 * ```ts
 * const poorAudio = from(ACSCallDiagnostics)
 *   .where((c) => c.TimeGenerated.gt(fn.ago("1d")).and(c.MediaType.eq("Audio")))
 *   .summarize((c) => ({ streams: agg.count(), poor: agg.countif(c.JitterAvg.gt(30)) }), ["TransportType"])
 *   .orderBy("poor", "desc");
 * toKql(poorAudio);
 * ```
 */
export class Query<R extends Row> {
  constructor(
    readonly node: QueryNode,
    readonly columns: R,
  ) {
    Object.freeze(this);
  }

  private pipe<R2 extends Row>(op: OperatorNode, columns: R2): Query<R2> {
    return new Query(Object.freeze({ ...this.node, operators: frozen([...this.node.operators, Object.freeze(op)]) }), Object.freeze(columns));
  }

  private cols(): Cols<R> {
    return colsOf(this.columns);
  }

  private requireColumns(operator: string, names: readonly string[]): void {
    const missing = names.filter((n) => !(n in this.columns));
    if (missing.length > 0) {
      throw new BuilderError(
        `${operator}: unknown column${missing.length > 1 ? "s" : ""} ${missing.map((m) => `'${m}'`).join(", ")}`,
        `use one of: ${Object.keys(this.columns).join(", ")}`,
      );
    }
  }

  /** `where`: keeps rows where the predicate is true. */
  where(predicate: (c: Cols<R>) => Expr<"bool">): Query<R> {
    return this.pipe({ kind: "where", predicate: predicate(this.cols()).node }, this.columns);
  }

  /** `project` of existing columns, in the given order. */
  project<K extends ColumnOf<R>>(...names: K[]): Query<Simplify<Pick<R, K>>> {
    this.requireColumns("project", names);
    const columns = Object.fromEntries(names.map((n) => [n, this.columns[n]])) as Pick<R, K>;
    return this.pipe({ kind: "project", columns: frozen(names.map((name) => Object.freeze({ name }))) }, columns);
  }

  /** `project` with computed or renamed columns: `projectAs((c) => ({ Day: fn.startofday(c.CallStartTime) }))`. */
  projectAs<E extends Record<string, Expr>>(f: (c: Cols<R>) => E): Query<Simplify<{ [K in keyof E]: TypeOfExpr<E[K]> }>> {
    const entries = Object.entries(f(this.cols()));
    return this.pipe(
      { kind: "project", columns: frozen(entries.map(([name, e]) => named(name, e))) },
      Object.fromEntries(entries.map(([n, e]) => [n, e.type])) as never,
    );
  }

  /** `project-away`: drops columns. */
  projectAway<K extends ColumnOf<R>>(...names: K[]): Query<Simplify<Omit<R, K>>> {
    this.requireColumns("project-away", names);
    const columns = Object.fromEntries(Object.entries(this.columns).filter(([n]) => !names.includes(n as K)));
    return this.pipe({ kind: "projectAway", columns: frozen(names) }, columns as never);
  }

  /** `project-rename`: `projectRename({ NewName: "OldName" })`. */
  projectRename<M extends Record<string, ColumnOf<R>>>(
    renames: M,
  ): Query<Simplify<Omit<R, M[keyof M]> & { [K in keyof M]: R[M[K]] }>> {
    const pairs = Object.entries(renames);
    this.requireColumns("project-rename", pairs.map(([, from]) => from));
    const byOld = new Map(pairs.map(([to, from]) => [from, to]));
    const columns = Object.fromEntries(Object.entries(this.columns).map(([n, t]) => [byOld.get(n) ?? n, t]));
    return this.pipe({ kind: "projectRename", renames: frozen(pairs.map(([to, from]) => Object.freeze({ to, from }))) }, columns as never);
  }

  /** `extend`: adds (or replaces) computed columns. */
  extend<E extends Record<string, Expr>>(f: (c: Cols<R>) => E): Query<Extend<R, { [K in keyof E]: TypeOfExpr<E[K]> }>> {
    const entries = Object.entries(f(this.cols()));
    const columns: Record<string, KqlType> = { ...this.columns };
    for (const [n, e] of entries) columns[n] = e.type;
    return this.pipe(
      { kind: "extend", columns: frozen(entries.map(([name, e]) => Object.freeze({ name, expr: e.node }))) },
      columns as never,
    );
  }

  /**
   * `summarize`: aggregations by grouping keys. Keys are column names, or a callback
   * returning named expressions such as `{ Day: fn.bin(c.TimeGenerated, "1d") }`.
   */
  summarize<A extends Record<string, Agg>, K extends ColumnOf<R> = never, B extends Record<string, Expr> = {}>(
    aggregates: (c: Cols<R>) => A,
    by?: readonly K[] | ((c: Cols<R>) => B),
    hints: { readonly shuffleKey?: ColumnOf<R> } = {},
  ): Query<Simplify<Pick<R, K> & { [P in keyof B]: TypeOfExpr<B[P]> } & { [P in keyof A]: TypeOfExpr<A[P]> }>> {
    const c = this.cols();
    const keys = this.groupKeys(by);
    const aggs = groupAggregates(aggregates(c));
    const columns: Record<string, KqlType> = {};
    for (const k of keys) columns[k.name] = k.type;
    for (const [n, t] of aggs.columns) columns[n] = t;
    return this.pipe(
      {
        kind: "summarize",
        aggregates: aggs.nodes,
        by: frozen(keys.map((k) => k.node)),
        ...(hints.shuffleKey ? { shuffleKey: hints.shuffleKey } : {}),
      },
      columns as never,
    );
  }

  private groupKeys(by: readonly string[] | ((c: Cols<R>) => Record<string, Expr>) | undefined) {
    if (by === undefined) return [];
    if (typeof by === "function") {
      return Object.entries(by(this.cols())).map(([name, e]) => ({ name, type: e.type, node: named(name, e) }));
    }
    this.requireColumns("summarize by", by);
    return by.map((name) => ({ name, type: this.columns[name] as KqlType, node: Object.freeze({ name }) as NamedExpr }));
  }

  /**
   * Keeps the latest row per key: `summarize arg_max(of, *) by keys`. The standard way to
   * deduplicate versioned rows, e.g. the *Updates tables by CallUpdatesVersion.
   */
  latestBy<K extends ColumnOf<R>>(of: ColumnOf<R>, keys: readonly K[]): Query<R> {
    this.requireColumns("latestBy", [of, ...keys]);
    if (keys.includes(of as K)) {
      throw new BuilderError(`latestBy: '${of}' is both the column to maximise and a key`, "pick a column that is not one of the keys");
    }
    const node = Object.freeze({ kind: "aggregate" as const, fn: "arg_max", args: frozen([Object.freeze({ kind: "column" as const, name: of }), "*" as const]) });
    const order = [...keys, of, ...Object.keys(this.columns).filter((n) => n !== of && !keys.includes(n as K))];
    return this.pipe(
      {
        kind: "summarize",
        aggregates: frozen([Object.freeze({ names: frozen([]), aggregate: node })]),
        by: frozen(keys.map((name) => Object.freeze({ name }))),
      },
      Object.fromEntries(order.map((n) => [n, this.columns[n]])) as R,
    );
  }

  /** `order by` one column. The direction is always explicit. */
  orderBy(column: ColumnOf<R>, direction: SortDirection): Query<R>;
  /** `order by` several keys: `orderBy((c) => [[c.Calls, "desc"], [c.Day, "asc"]])`. */
  orderBy(keys: (c: Cols<R>) => readonly (readonly [Expr, SortDirection])[]): Query<R>;
  orderBy(
    keys: ColumnOf<R> | ((c: Cols<R>) => readonly (readonly [Expr, SortDirection])[]),
    direction?: SortDirection,
  ): Query<R> {
    const list =
      typeof keys === "function" ? keys(this.cols()) : [[this.cols()[keys] as Expr, direction as SortDirection] as const];
    if (typeof keys === "string") this.requireColumns("order by", [keys]);
    return this.pipe(
      { kind: "orderBy", keys: frozen(list.map(([e, d]) => Object.freeze({ expr: e.node, direction: sortDirection(d) }))) },
      this.columns,
    );
  }

  /** `top n by expr direction`. */
  top(count: RowCount, by: ColumnOf<R> | ((c: Cols<R>) => Expr), direction: SortDirection): Query<R> {
    const e = typeof by === "function" ? by(this.cols()) : (this.requireColumns("top", [by]), this.cols()[by] as Expr);
    return this.pipe({ kind: "top", count: rowCountNode("top", count), by: Object.freeze({ expr: e.node, direction: sortDirection(direction) }) }, this.columns);
  }

  /** `take n`: any n rows (no order guaranteed). `n` may be a parameter such as `param.long("topN", 20)`. */
  take(count: RowCount): Query<R> {
    return this.pipe({ kind: "take", count: rowCountNode("take", count) }, this.columns);
  }

  /** `distinct` over the given columns. */
  distinct<K extends ColumnOf<R>>(...names: K[]): Query<Simplify<Pick<R, K>>> {
    this.requireColumns("distinct", names);
    return this.pipe({ kind: "distinct", columns: frozen(names) }, Object.fromEntries(names.map((n) => [n, this.columns[n]])) as never);
  }

  /**
   * `join kind=<kind> (right) on keys`. The kind is required: Kusto's default,
   * innerunique, silently drops duplicate left keys.
   */
  join<K extends JoinKind, R2 extends Row>(
    kind: K,
    right: Query<R2>,
    on: JoinOn<R, R2>,
    hints: JoinHints = {},
  ): Query<JoinResult<R, R2, K>> {
    if (!JOIN_KINDS.has(kind)) {
      throw new BuilderError(`join: ${JSON.stringify(kind)} is not a join kind`, `pass one of ${[...JOIN_KINDS].join(", ")}`);
    }
    const keys = this.joinKeys("join", right, on);
    const columns =
      kind === "leftsemi" || kind === "leftanti"
        ? this.columns
        : kind === "rightsemi" || kind === "rightanti"
          ? right.columns
          : joinColumns(this.columns, right.columns);
    return this.pipe({ kind: "join", joinKind: kind, right: right.node, on: keys, hints: Object.freeze({ ...hints }) }, columns as never);
  }

  /** `lookup`: enriches rows from a small dimension table; right-side key columns are dropped. */
  lookup<R2 extends Row, On extends JoinOn<R, R2>>(
    right: Query<R2>,
    on: On,
    kind: "leftouter" | "inner" = "leftouter",
  ): Query<LookupRow<R, R2, RightKeys<On>>> {
    const keys = this.joinKeys("lookup", right, on);
    return this.pipe(
      { kind: "lookup", lookupKind: kind, right: right.node, on: keys },
      lookupColumns(this.columns, right.columns, keys) as never,
    );
  }

  private joinKeys(operator: string, right: Query<Row>, on: readonly JoinKeySpec[]): readonly JoinKey[] {
    if (on.length === 0) throw new BuilderError(`${operator}: no join keys`, "pass at least one column name or [left, right] pair");
    const keys = on.map((k) => (typeof k === "string" ? { left: k, right: k } : { left: k[0], right: k[1] }));
    this.requireColumns(`${operator} (left side)`, keys.map((k) => k.left));
    const missing = keys.map((k) => k.right).filter((n) => !(n in right.columns));
    if (missing.length > 0) {
      throw new BuilderError(`${operator}: right side has no column ${missing.map((m) => `'${m}'`).join(", ")}`, `use one of: ${Object.keys(right.columns).join(", ")}`);
    }
    return frozen(keys.map((k) => Object.freeze(k)));
  }

  /** `union` with more queries. Columns of one name and two types become `name_type`. */
  union<R2 extends Row>(other: Query<R2>): Query<UnionRow<R, R2>> {
    return this.pipe({ kind: "union", queries: frozen([other.node]) }, unionColumns(this.columns, other.columns) as never);
  }

  /**
   * `mv-expand`: one row per element of a dynamic column. The limit is required, so
   * that a huge array cannot multiply the row count unnoticed.
   */
  mvExpand<K extends ColumnOf<R>, T extends KqlType = "dynamic">(
    column: K,
    options: { readonly limit: number; readonly to?: T },
  ): Query<Extend<R, { [P in K]: T }>> {
    this.requireColumns("mv-expand", [column]);
    const type = options.to ?? "dynamic";
    return this.pipe(
      { kind: "mvExpand", column, limit: rowCount("mv-expand limit", options.limit), ...(options.to ? { toType: options.to } : {}) },
      { ...this.columns, [column]: type } as never,
    );
  }

  /**
   * `make-series`: aggregates into arrays over a time axis. Every aggregate and the axis
   * column become `dynamic` arrays, one per group.
   */
  makeSeries<A extends Record<string, Agg>, On extends ColumnOf<R>, K extends ColumnOf<R> = never>(
    aggregates: (c: Cols<R>) => A,
    options: {
      readonly on: On;
      readonly step: Operand<"timespan">;
      readonly from?: Operand<"datetime">;
      readonly to?: Operand<"datetime">;
      readonly by?: readonly K[];
      /** Value for empty bins; default 0 for counts and sums, as most charts expect. */
      readonly default?: number;
    },
  ): Query<Simplify<Pick<R, K> & { [P in keyof A]: "dynamic" } & { [P in On]: "dynamic" }>> {
    const by = options.by ?? [];
    this.requireColumns("make-series", [options.on, ...by]);
    const entries = Object.entries(aggregates(this.cols()));
    const fill = options.default ?? 0;
    const columns: Record<string, KqlType> = {};
    for (const k of by) columns[k] = this.columns[k] as KqlType;
    for (const [n] of entries) columns[n] = "dynamic";
    columns[options.on] = "dynamic";
    return this.pipe(
      {
        kind: "makeSeries",
        aggregates: frozen(
          entries.map(([name, a]) => {
            if (a.arity !== 1) throw new BuilderError(`make-series: '${name}' is a multi-column aggregation`, "use single-column aggregations in make-series");
            return Object.freeze({ name, aggregate: a.node, default: toNode(fill, Number.isInteger(fill) ? "long" : "real") as never });
          }),
        ),
        on: options.on,
        step: toNode(options.step, "timespan"),
        ...(options.from !== undefined ? { from: toNode(options.from, "datetime") } : {}),
        ...(options.to !== undefined ? { to: toNode(options.to, "datetime") } : {}),
        by: frozen(by.map((name) => Object.freeze({ name }))),
      },
      columns as never,
    );
  }

  /** `render`: a chart hint for the Logs blade and notebooks. */
  render(visualization: Visualization, options: { readonly title?: string; readonly xtitle?: string; readonly ytitle?: string } = {}): Query<R> {
    return this.pipe({ kind: "render", visualization, ...options }, this.columns);
  }

  /** `as name`: names the result for later reference within the same query. */
  as(name: string): Query<R> {
    return this.pipe({ kind: "as", name }, this.columns);
  }
}

function named(name: string, e: Expr): NamedExpr {
  // A bare column projected under its own name needs no alias.
  return Object.freeze(e.node.kind === "column" && e.node.name === name && !e.node.side ? { name } : { name, expr: e.node });
}

function sortDirection(d: unknown): SortDirection {
  if (d === "asc" || d === "desc") return d;
  throw new BuilderError(`order direction ${JSON.stringify(d)} is not 'asc' or 'desc'`, "state the direction explicitly; Kusto's default is descending");
}

/** A row count: a non-negative whole number, or an integer expression such as a parameter. */
export type RowCount = number | Expr<"int" | "long">;

function rowCountNode(operator: string, n: RowCount): ExprNode {
  return n instanceof Expr ? n.node : lit.long(rowCount(operator, n));
}

function rowCount(operator: string, n: number): number {
  if (!Number.isSafeInteger(n) || n < 0) throw new BuilderError(`${operator}: ${n} is not a non-negative integer`, "pass a whole number of rows");
  return n;
}

/** Groups the slices of multi-column aggregations back into one node with all its names. */
function groupAggregates(record: Record<string, Agg>): { nodes: readonly NamedAggregate[]; columns: [string, KqlType][] } {
  const groups = new Map<object, { names: string[]; agg: Agg }>();
  const columns: [string, KqlType][] = [];
  for (const [name, a] of Object.entries(record)) {
    if (!(a instanceof Agg)) throw new BuilderError(`summarize: '${name}' is not an aggregation`, "use agg.count(), agg.sum(...), ... for each output column");
    const g = groups.get(a.node) ?? { names: new Array<string>(a.arity), agg: a };
    g.names[a.slot] = name;
    groups.set(a.node, g);
  }
  const nodes: NamedAggregate[] = [];
  for (const { names, agg: a } of groups.values()) {
    const missing = [...names.keys()].filter((i) => names[i] === undefined);
    if (missing.length > 0 || names.length !== a.arity) {
      throw new BuilderError(`summarize: a ${a.node.fn} result is only partly used`, `spread all of its columns into summarize (...agg.${a.node.fn}(...))`);
    }
    nodes.push(Object.freeze({ names: frozen(names), aggregate: a.node }));
    names.forEach((n, i) => columns.push([n, a.arity === 1 ? a.type : slotType(record, n)]));
  }
  return { nodes: frozen(nodes), columns };
}

function slotType(record: Record<string, Agg>, name: string): KqlType {
  return (record[name] as Agg).type;
}
