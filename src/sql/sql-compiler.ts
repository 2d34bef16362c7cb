import type { ExprNode, JoinKey, JoinKind, LiteralNode, NamedAggregate, NamedExpr, OperatorNode, QueryNode, SortKey, SourceNode } from "../kql/ast/index.js";
import { BuilderError } from "../kql/builder/builder-error.js";
import { lit } from "../kql/builder/literals.js";
import { toExactNode } from "../kql/builder/operands.js";
import type { Query } from "../kql/builder/query.js";
import { joinColumns, lookupColumns, unionColumns } from "../kql/builder/row-shapes.js";
import type { Row } from "../kql/builder/types.js";
import { collectDefinitions } from "../kql/render/collect-definitions.js";
import { acsTables, type KqlType } from "../schema/index.js";
import { compileAggregate, neverNullString, type CompiledAggregate } from "./sql-aggregates.js";
import { compileExpr, type ExprEnv } from "./sql-expressions.js";
import { nullOf, quoteIdent } from "./sql-literals.js";
import { findCol, type Col, type Relation, type Typed } from "./sql-scope.js";
import { Refusals, SqlUnsupportedError } from "./sql-unsupported.js";

/** Options for {@link toDuckDbSql}. */
export interface SqlOptions {
  /** Values for the query's parameters by name (same meaning as toKql's `params`); a parameter without a value uses its default. */
  readonly params?: Readonly<Record<string, unknown>>;
  /** The instant `now()` and `ago()` are relative to; default: the current time. Reports over archived logs pass the data's latest time. */
  readonly now?: Date;
}

const TABLES = new Map<string, readonly { name: string; type: KqlType }[]>(
  acsTables.map((t) => [t.name, Object.entries(t.columns).map(([name, c]) => ({ name, type: (c as { type: KqlType }).type }))]),
);

/**
 * Binds parameter values as toKql does (src/kql/render/kql-compiler.ts): every given name
 * must be a parameter of the query, every parameter needs a value or a default, and each
 * value is validated by the builder's own `toExactNode`, so it reaches SQL only as a
 * checked, escaped literal.
 */
function bindParams(root: QueryNode, values: Readonly<Record<string, unknown>>, lenient: boolean): Map<string, LiteralNode> {
  const { params } = collectDefinitions(root);
  const known = new Set(params.map((p) => p.name));
  const problems: string[] = [];
  for (const name of Object.keys(values)) {
    if (!known.has(name)) problems.push(`unknown parameter '${name}' (the query has ${[...known].map((k) => `'${k}'`).join(", ") || "none"})`);
  }
  const bound = new Map<string, LiteralNode>();
  for (const p of params) {
    const value = values[p.name];
    if (value === undefined) {
      if (p.default) bound.set(p.name, p.default);
      else if (lenient) bound.set(p.name, lit.nullOf(p.type));
      else problems.push(`parameter '${p.name}' (${p.type}) has no value and no default`);
      continue;
    }
    try {
      const node = toExactNode(value, p.type);
      if (node.kind !== "literal") throw new Error("a parameter value must be a plain value, not an expression");
      bound.set(p.name, node);
    } catch (err) {
      problems.push(`parameter '${p.name}': ${(err as Error).message}`);
    }
  }
  if (problems.length > 0) throw new BuilderError(problems.join("; "), "pass a value of the right type for each parameter, and only those");
  return bound;
}

const ORDER = (k: { sql: string; direction: "asc" | "desc" }) =>
  // Kusto puts nulls first when ascending and last when descending.
  `${k.sql} ${k.direction === "asc" ? "ASC NULLS FIRST" : "DESC NULLS LAST"}`;

class Compiler {
  private readonly ctes: string[] = [];
  private n = 0;
  private readonly lets = new Map<string, Relation>();

  constructor(
    readonly refusals: Refusals,
    private readonly params: ReadonlyMap<string, LiteralNode>,
    private readonly nowMicros: bigint,
  ) {}

  private fresh(prefix: string): string {
    return `${prefix}${++this.n}`;
  }

  /** Adds a CTE and returns its name. */
  private cte(sql: string, materialized = false, name = this.fresh("q")): string {
    this.ctes.push(`${name} AS ${materialized ? "MATERIALIZED " : ""}(\n  ${sql}\n)`);
    return name;
  }

  env(resolve: (name: string, side?: "left" | "right") => Typed | undefined): ExprEnv {
    return {
      resolve,
      refusals: this.refusals,
      params: this.params,
      nowMicros: this.nowMicros,
      subquery: (q) => {
        const rel = this.refusals.at("subquery of 'in'", () => this.query(q));
        if (rel.cols.length !== 1) {
          this.refusals.refuse("'in' (subquery)", `the subquery has ${rel.cols.length} columns; Kusto uses the first, which is not compiled`);
          return undefined;
        }
        const c = rel.cols[0]!;
        return { sql: `SELECT ${c.sql} AS v FROM ${rel.from}`, type: c.type };
      },
    };
  }

  private scope(rel: Relation): ExprEnv {
    return this.env((name, side) => (side ? undefined : findCol(rel.cols, name)));
  }

  private expr(rel: Relation, e: ExprNode): Typed {
    return compileExpr(e, this.scope(rel));
  }

  /** Compiles a query to a relation (a CTE). */
  query(q: QueryNode): Relation {
    let rel = this.refusals.at("source", () => this.source(q.source));
    q.operators.forEach((op, i) => {
      rel = this.refusals.at(`operator ${i + 1} (${op.kind})`, () => this.operator(rel, op));
    });
    return rel;
  }

  finish(rel: Relation): string {
    const select = rel.cols.map((c) => `${c.sql} AS ${quoteIdent(c.name)}`).join(", ");
    const order = rel.ord ? `\nORDER BY ${rel.ord}` : "";
    return `WITH\n${this.ctes.join(",\n")}\nSELECT ${select || "NULL AS \"_\""}\nFROM ${rel.from}${order}`;
  }

  private source(s: SourceNode): Relation {
    switch (s.kind) {
      case "table": {
        const columns = TABLES.get(s.name);
        if (!columns) {
          this.refusals.refuse(`table '${s.name}'`, "not one of the 13 ACS tables of src/schema, so its column types are unknown");
          return { from: this.cte("SELECT NULL AS x"), cols: [] };
        }
        const cols = columns.map((c) => ({ ...c, sql: this.fresh("c") }));
        return { from: this.cte(`SELECT ${cols.map((c) => `${quoteIdent(c.name)} AS ${c.sql}`).join(", ")} FROM ${quoteIdent(s.name)}`), cols };
      }
      case "datatable": {
        const cols = s.columns.map((c) => ({ name: c.name, type: c.type, sql: this.fresh("c") }));
        const lits = (row: readonly LiteralNode[]) => row.map((l) => compileExpr(l, this.scope({ from: "", cols: [] })).sql);
        if (s.rows.length === 0) return { from: this.cte(`SELECT ${cols.map((c) => `${nullOf(c.type)} AS ${c.sql}`).join(", ")} WHERE FALSE`), cols };
        const rows = s.rows.map((r) => `(${lits(r).join(", ")})`).join(", ");
        return { from: this.cte(`SELECT * FROM (VALUES ${rows}) AS t(${cols.map((c) => c.sql).join(", ")})`), cols };
      }
      case "tabularLet": {
        const cached = this.lets.get(s.name);
        if (cached) return cached;
        const value = this.refusals.at(`let '${s.name}'`, () => this.query(s.value));
        // The let becomes its own CTE (materialized when Kusto's materialize() was asked for).
        const rel = { from: this.cte(`SELECT * FROM ${value.from}`, s.materialize, this.fresh(`let_`)), cols: value.cols };
        this.lets.set(s.name, rel);
        return rel;
      }
      case "unionSource":
        return this.union(s.queries.map((q, i) => this.refusals.at(`union input ${i + 1}`, () => this.query(q))));
    }
  }

  private operator(rel: Relation, op: OperatorNode): Relation {
    switch (op.kind) {
      case "where": {
        const p = this.expr(rel, op.predicate);
        if (p.type !== "bool" && !p.refused) this.refusals.refuse("where", `the predicate is a ${p.type}, not a bool`);
        return { ...rel, from: this.cte(`SELECT * FROM ${rel.from} WHERE ${p.sql}`) };
      }
      case "project":
      case "extend":
        return this.project(rel, op.columns, op.kind === "extend");
      case "projectAway":
        return { ...rel, cols: rel.cols.filter((c) => !op.columns.includes(c.name)) };
      case "projectRename": {
        const to = new Map(op.renames.map((r) => [r.from, r.to]));
        return { ...rel, cols: rel.cols.map((c) => ({ ...c, name: to.get(c.name) ?? c.name })) };
      }
      case "summarize":
        return this.summarize(rel, op.by, op.aggregates);
      case "orderBy":
        return this.ordered(rel, op.keys);
      case "top": {
        const sorted = this.ordered(rel, [op.by]);
        const n = this.expr(rel, op.count);
        return { ...sorted, from: this.cte(`SELECT * FROM ${sorted.from} WHERE ${sorted.ord} <= ${n.sql}`) };
      }
      case "take": {
        const n = this.expr(rel, op.count);
        return { ...rel, from: this.cte(`SELECT * FROM ${rel.from}${rel.ord ? ` ORDER BY ${rel.ord}` : ""} LIMIT ${n.sql}`) };
      }
      case "distinct": {
        const cols = op.columns.map((name) => findCol(rel.cols, name)).filter((c): c is Col => c !== undefined);
        return { from: this.cte(`SELECT DISTINCT ${cols.map((c) => c.sql).join(", ")} FROM ${rel.from}`), cols };
      }
      case "join": {
        const right = this.refusals.at("join right side", () => this.query(op.right));
        return this.join(rel, right, op.joinKind, op.on, false);
      }
      case "lookup": {
        const right = this.refusals.at("lookup right side", () => this.query(op.right));
        return this.join(rel, right, op.lookupKind === "inner" ? "inner" : "leftouter", op.on, true);
      }
      case "union":
        return this.union([rel, ...op.queries.map((q, i) => this.refusals.at(`union input ${i + 2}`, () => this.query(q)))]);
      case "mvExpand":
        return this.mvExpand(rel, op.column, op.toType ?? "dynamic", op.limit);
      case "makeSeries":
        this.refusals.refuse(
          "make-series",
          "not compiled: which groups get a series (groups with no rows inside from..to) and the JSON form of its arrays are not verified against Kusto, so no local result is offered",
        );
        return { from: rel.from, cols: [] };
      case "render":
      case "as":
        return rel; // chart hints and result names change no rows
    }
  }

  /** project / extend. A later column may use an earlier one of the same operator, as in Kusto. */
  private project(rel: Relation, columns: readonly NamedExpr[], extend: boolean): Relation {
    const local = new Map<string, Typed>();
    const env = this.env((name, side) => (side ? undefined : (local.get(name) ?? findCol(rel.cols, name))));
    const out: Col[] = extend ? [...rel.cols] : [];
    const items: string[] = extend ? ["*"] : [];
    for (const c of columns) {
      const value = c.expr ? compileExpr(c.expr, env) : (local.get(c.name) ?? findCol(rel.cols, c.name) ?? { sql: this.refusals.refuse(`column '${c.name}'`, "no such column"), type: "string" as KqlType });
      const col: Col = { name: c.name, type: value.type, sql: this.fresh("c") };
      items.push(`${value.sql} AS ${col.sql}`);
      local.set(c.name, { sql: `(${value.sql})`, type: value.type });
      const at = out.findIndex((o) => o.name === c.name);
      if (at >= 0) out[at] = col;
      else out.push(col);
    }
    if (!extend && rel.ord) items.push(rel.ord);
    return { from: this.cte(`SELECT ${items.join(", ")} FROM ${rel.from}`), cols: out, ...(rel.ord ? { ord: rel.ord } : {}) };
  }

  private ordered(rel: Relation, keys: readonly SortKey[]): Relation {
    const parts = keys.map((k) => {
      const e = this.expr(rel, k.expr);
      if (e.type === "dynamic") this.refusals.refuse("order by a dynamic value", "Kusto's ordering of dynamic values is not reproduced");
      return ORDER({ sql: e.sql, direction: k.direction });
    });
    const ord = this.fresh("o");
    return { cols: rel.cols, ord, from: this.cte(`SELECT *, row_number() OVER (ORDER BY ${parts.join(", ")}) AS ${ord} FROM ${rel.from}`) };
  }

  private summarize(rel: Relation, by: readonly NamedExpr[], aggregates: readonly NamedAggregate[]): Relation {
    // Stage 1: the grouping keys as columns (GROUP BY on expressions or constants is fragile in SQL).
    const keyCols: Col[] = [];
    const keyItems: string[] = [];
    by.forEach((b) => {
      const value = b.expr ? this.expr(rel, b.expr) : (findCol(rel.cols, b.name) ?? { sql: this.refusals.refuse(`summarize by '${b.name}'`, "no such column"), type: "string" as KqlType });
      if (value.type === "dynamic") this.refusals.refuse(`summarize by '${b.name}'`, "grouping by a dynamic value is not compiled");
      const sql = this.fresh("k");
      keyCols.push({ name: b.name, type: value.type, sql });
      keyItems.push(`${value.sql} AS ${sql}`);
    });
    const keyed = keyItems.length > 0 ? this.cte(`SELECT *, ${keyItems.join(", ")} FROM ${rel.from}`) : rel.from;
    // Stage 2: one SQL aggregate per Kusto aggregation.
    const env = this.scope(rel);
    const compiled = aggregates.map((a) => ({ agg: compileAggregate(a, rel.cols, keyCols.map((k) => k.name), env), ref: this.fresh("a") }));
    const row = compiled.length === 1 ? compiled[0]!.agg.row : undefined;
    if (row && keyCols.length > 0) return this.latestPerGroup(keyed, keyCols, row);
    const groupItems = [...keyCols.map((k) => k.sql), ...compiled.map((c) => `${c.agg.sql} AS ${c.ref}`)];
    const group = keyCols.length > 0 ? ` GROUP BY ${keyCols.map((k) => k.sql).join(", ")}` : "";
    const grouped = this.cte(`SELECT ${groupItems.join(", ")} FROM ${keyed}${group}`);
    // Stage 3: every output column read from its aggregate.
    const cols: Col[] = [...keyCols];
    const items = keyCols.map((k) => k.sql);
    for (const c of compiled) {
      for (const o of c.agg.outputs) {
        const sql = this.fresh("c");
        cols.push({ name: o.name, type: o.type, sql });
        items.push(`${o.read(c.ref)} AS ${sql}`);
      }
    }
    return { from: this.cte(`SELECT ${items.join(", ")} FROM ${grouped}`), cols };
  }

  /**
   * `summarize arg_max(x, ...) by keys` as "the first row of each group ordered by x": the
   * same row for every output column, as arg_max over a struct gives, but faster. Rows with
   * a null x are ignored by arg_max; here they sort last, and a group whose x is null
   * everywhere gets nulls (strings '') as arg_max's empty struct does.
   */
  private latestPerGroup(keyed: string, keyCols: readonly Col[], row: NonNullable<CompiledAggregate["row"]>): Relation {
    const rn = this.fresh("r");
    const partition = keyCols.map((k) => k.sql).join(", ");
    const ranked = this.cte(
      `SELECT *, row_number() OVER (PARTITION BY ${partition} ORDER BY ${row.by.sql} ${row.descending ? "DESC" : "ASC"} NULLS LAST) AS ${rn} FROM ${keyed}`,
    );
    const cols: Col[] = [...keyCols];
    const items = keyCols.map((k) => k.sql);
    for (const f of row.fields) {
      const sql = this.fresh("c");
      cols.push({ name: f.name, type: f.value.type, sql });
      items.push(`${neverNullString(f.value.type, `CASE WHEN ${row.by.sql} IS NULL THEN NULL ELSE ${f.value.sql} END`)} AS ${sql}`);
    }
    return { from: this.cte(`SELECT ${items.join(", ")} FROM ${ranked} WHERE ${rn} = 1`), cols };
  }

  private join(left: Relation, right: Relation, kind: JoinKind, on: readonly JoinKey[], lookup: boolean): Relation {
    const keys = on.map((k) => ({ l: findCol(left.cols, k.left), r: findCol(right.cols, k.right), k }));
    const cond = keys
      .map(({ l, r, k }) => {
        if (!l || !r) return this.refusals.refuse(`join key '${k.left}' = '${k.right}'`, "no such column on one side");
        if (l.type === "dynamic" || r.type === "dynamic") return this.refusals.refuse(`join key '${k.left}'`, "joining on dynamic values is not compiled");
        return `L.${l.sql} = R.${r.sql}`;
      })
      .join(" AND ");
    const exists = (outer: "L" | "R", negate: boolean) => {
      const [a, b] = outer === "L" ? [left, right] : [right, left];
      const inner = outer === "L" ? "R" : "L";
      return { cols: a.cols, from: this.cte(`SELECT ${outer}.* FROM ${a.from} AS ${outer} WHERE ${negate ? "NOT " : ""}EXISTS (SELECT 1 FROM ${b.from} AS ${inner} WHERE ${cond})`) };
    };
    switch (kind) {
      case "leftsemi":
        return exists("L", false);
      case "leftanti":
        return exists("L", true);
      case "rightsemi":
        return exists("R", false);
      case "rightanti":
        return exists("R", true);
      default:
        break;
    }
    let leftFrom = left.from;
    if (kind === "innerunique") {
      // Kusto's default join keeps one arbitrary left row per key before joining.
      const partition = keys.map(({ l }) => l?.sql ?? "NULL").join(", ");
      leftFrom = this.cte(`SELECT * FROM ${left.from} QUALIFY row_number() OVER (PARTITION BY ${partition}) = 1`);
    }
    const sqlJoin = kind === "leftouter" ? "LEFT JOIN" : kind === "rightouter" ? "RIGHT JOIN" : kind === "fullouter" ? "FULL JOIN" : "JOIN";
    // Unmatched string columns of an outer join are '' in Kusto, not null.
    const nullable = (side: "L" | "R") =>
      kind === "fullouter" || (side === "R" && kind === "leftouter") || (side === "L" && kind === "rightouter");
    const read = (side: "L" | "R", c: Col) => (c.type === "string" && nullable(side) ? `coalesce(${side}.${c.sql}, '')` : `${side}.${c.sql}`);
    const rightKept = lookup ? right.cols.filter((c) => !on.some((k) => k.right === c.name)) : right.cols;
    const rowOf = (cols: readonly Col[]) => Object.fromEntries(cols.map((c) => [c.name, c.type])) as Row;
    const names = Object.keys(lookup ? lookupColumns(rowOf(left.cols), rowOf(right.cols), on) : joinColumns(rowOf(left.cols), rowOf(right.cols)));
    const rightNames = names.slice(left.cols.length);
    if (rightNames.length !== rightKept.length) this.refusals.refuse("join", "a column name that JavaScript orders as an array index breaks Kusto's column naming here");
    const cols: Col[] = [];
    const items: string[] = [];
    for (const c of left.cols) {
      const sql = this.fresh("c");
      cols.push({ ...c, sql });
      items.push(`${read("L", c)} AS ${sql}`);
    }
    rightKept.forEach((c, i) => {
      const sql = this.fresh("c");
      cols.push({ name: rightNames[i] ?? c.name, type: c.type, sql });
      items.push(`${read("R", c)} AS ${sql}`);
    });
    return { cols, from: this.cte(`SELECT ${items.join(", ")} FROM ${leftFrom} AS L ${sqlJoin} ${right.from} AS R ON ${cond}`) };
  }

  /** union: columns matched by name; a name with several types becomes name_type; missing columns are null ('' for strings). */
  private union(inputs: readonly Relation[]): Relation {
    const rowOf = (cols: readonly Col[]) => Object.fromEntries(cols.map((c) => [c.name, c.type])) as Row;
    const outRow = unionColumns(...inputs.map((r) => rowOf(r.cols)));
    const types = new Map<string, Set<KqlType>>();
    for (const r of inputs) for (const c of r.cols) types.set(c.name, (types.get(c.name) ?? new Set()).add(c.type));
    const target = (c: Col) => ((types.get(c.name)?.size ?? 0) > 1 ? `${c.name}_${c.type}` : c.name);
    const cols: Col[] = Object.entries(outRow).map(([name, type]) => ({ name, type, sql: this.fresh("c") }));
    const selects = inputs.map((r) => {
      const byTarget = new Map(r.cols.map((c) => [target(c), c]));
      return `SELECT ${cols.map((o) => `${byTarget.get(o.name)?.sql ?? nullOf(o.type)} AS ${o.sql}`).join(", ")} FROM ${r.from}`;
    });
    return { cols, from: this.cte(selects.join("\n  UNION ALL\n  ")) };
  }

  /** mv-expand: one row per array element (none for an empty array, one null row for null). */
  private mvExpand(rel: Relation, column: string, to: KqlType, limit: number): Relation {
    const c = findCol(rel.cols, column);
    if (!c || c.type !== "dynamic") {
      this.refusals.refuse(`mv-expand ${column}`, c ? `the column is a ${c.type}, not dynamic` : "no such column");
      return rel;
    }
    const list =
      `(CASE WHEN ${c.sql} IS NULL OR json_type(${c.sql}) = 'NULL' THEN [CAST(NULL AS JSON)] ` +
      `WHEN json_type(${c.sql}) = 'ARRAY' THEN list_slice(json_extract(${c.sql}, '$[*]'), 1, ${limit}) ` +
      `WHEN json_type(${c.sql}) = 'OBJECT' THEN [error('mv-expand of a property bag is refused: Kusto''s bag expansion is not compiled')] ` +
      `ELSE [${c.sql}] END)`;
    const v = this.fresh("e");
    // `to typeof(T)` only casts: elements of another JSON type become null ('' for strings).
    const jt = `json_type(${v})`;
    let value: string;
    switch (to) {
      case "dynamic":
        value = v;
        break;
      case "string":
        value = `(CASE WHEN ${jt} = 'VARCHAR' THEN json_extract_string(${v}, '$') ELSE '' END)`;
        break;
      case "long":
      case "int":
        value = `(CASE WHEN ${jt} IN ('BIGINT', 'UBIGINT') THEN CAST(json_extract_string(${v}, '$') AS ${to === "int" ? "INTEGER" : "BIGINT"}) END)`;
        break;
      case "real":
        value = `(CASE WHEN ${jt} IN ('BIGINT', 'UBIGINT', 'DOUBLE') THEN CAST(json_extract_string(${v}, '$') AS DOUBLE) END)`;
        break;
      case "bool":
        value = `(CASE WHEN ${jt} = 'BOOLEAN' THEN CAST(json_extract_string(${v}, '$') AS BOOLEAN) END)`;
        break;
      default:
        this.refusals.refuse(`mv-expand ${column} to typeof(${to})`, "Kusto's conversion of JSON text to this type is not reproduced");
        value = "NULL";
    }
    const expanded = this.cte(`SELECT *, unnest(${list}) AS ${v} FROM ${rel.from}`);
    const sql = this.fresh("c");
    const cols = rel.cols.map((x) => (x === c ? { name: x.name, type: to, sql } : x));
    return { cols, from: this.cte(`SELECT *, ${value} AS ${sql} FROM ${expanded}`) };
  }
}

type AnyQuery = Query<Row> | QueryNode;
const nodeOf = (q: AnyQuery): QueryNode => ("kind" in q && q.kind === "query" ? q : (q as Query<Row>).node);

function compile(query: AnyQuery, options: SqlOptions, lenient: boolean): { sql: string; refusals: Refusals } {
  const root = nodeOf(query);
  const now = options.now ?? new Date();
  if (!(now instanceof Date) || Number.isNaN(now.getTime())) {
    throw new BuilderError(`toDuckDbSql: 'now' is not a valid Date (${String(now)})`, "pass a Date such as new Date('2026-01-31T00:00:00Z')");
  }
  const params = bindParams(root, options.params ?? {}, lenient);
  const refusals = new Refusals();
  const compiler = new Compiler(refusals, params, BigInt(now.getTime()) * 1000n);
  const rel = compiler.query(root);
  return { sql: compiler.finish(rel), refusals };
}

/**
 * Compiles a typed KQL query (or its AST) to one DuckDB SELECT whose columns are exactly
 * the query's output columns, in order, with Kusto's names. Kusto's semantics are kept
 * where they differ from SQL (innerunique joins, '' for missing strings, term `has`,
 * case-insensitive `=~`/`startswith`, truncating integer division, nearest-rank
 * percentiles, nulls-last descending sorts, ...). `dcount` is exact here, where Kusto's is a
 * HyperLogLog estimate (exact for small sets). Anything that cannot be compiled
 * faithfully throws a {@link SqlUnsupportedError} listing every refused feature.
 * Tables are read by their Log Analytics names (`"ACSCallSummary"`), with the column types
 * of src/sql/duckdb-types.ts.
 *
 * @example
 * ```ts
 * const sql = toDuckDbSql(getEntry("call-type-ratio").query, { params: { lookback: "30d" }, now: new Date("2026-02-01T00:00:00Z") });
 * const rows = await db.all(sql);
 * ```
 */
export function toDuckDbSql(query: AnyQuery, options: SqlOptions = {}): string {
  const { sql, refusals } = compile(query, options, false);
  if (refusals.problems.length > 0) throw new SqlUnsupportedError(refusals.problems);
  return sql;
}

/**
 * The features of a query the DuckDB backend refuses, each with its location and reason;
 * `[]` when the whole query compiles. Parameters take their defaults.
 *
 * @example
 * ```ts
 * const local = catalog.filter((e) => unsupportedFeatures(e.query).length === 0);
 * ```
 */
export function unsupportedFeatures(query: AnyQuery): readonly string[] {
  return compile(query, {}, true).refusals.problems;
}
