import type { AggregateNode, ExprNode, NamedAggregate } from "../kql/ast/index.js";
import type { KqlType } from "../schema/index.js";
import { asDouble, compileExpr, micros, type ExprEnv } from "./sql-expressions.js";
import { isNumeric, type Col, type Typed } from "./sql-scope.js";

/*
 * Aggregations. Each compiles to one SQL aggregate (evaluated in the GROUP BY select,
 * aliased) plus, per Kusto output column, how to read that column from the alias: multi-
 * column aggregations (arg_max, percentiles) return a struct or a sorted list once, and
 * every output column is taken from it, so arg_max's columns all come from the same row.
 */

export interface AggOutput {
  readonly name: string;
  readonly type: KqlType;
  /** SQL for this output column, given the SQL name of the aggregate's column. */
  readonly read: (ref: string) => string;
}

export interface CompiledAggregate {
  readonly sql: string;
  readonly outputs: readonly AggOutput[];
  /**
   * For arg_max/arg_min: the row-level form (the ordering expression and each output's
   * value), so that a summarize made of this one aggregation can pick the row with a
   * window instead: DuckDB's arg_max over a struct is about 3× slower on a million groups.
   */
  readonly row?: { readonly by: Typed; readonly descending: boolean; readonly fields: readonly { readonly name: string; readonly value: Typed }[] };
}

/** Strings are never null in Kusto: an aggregate over no rows gives ''. */
export const neverNullString = (type: KqlType, sql: string) => (type === "string" ? `coalesce(${sql}, '')` : sql);

const filter = (pred: Typed | undefined) => (pred ? ` FILTER (WHERE ${pred.sql})` : "");

/** Nearest rank of percentile `p` (a literal) among `n` values: ceil(p·n/100), at least 1, in exact integer arithmetic. */
function nearestRank(p: number, n: string): string {
  const text = String(p);
  const [whole, frac = ""] = text.split(".");
  const scale = 10n ** BigInt(frac.length);
  const num = BigInt(whole! + frac);
  const den = 100n * scale;
  return `CAST(greatest(1, (CAST(${num} AS HUGEINT) * ${n} + ${den - 1n}) // ${den}) AS BIGINT)`;
}

/** Kusto's default output name of an aggregation (`count_`, `avg_X`, `percentile_X_95`). */
function defaultName(fn: string, args: readonly (ExprNode | "*")[]): string {
  const first = args[0];
  const col = first && first !== "*" && first.kind === "column" ? first.name : "";
  return fn === "count" ? "count_" : `${fn}_${col}`;
}

function one(name: string, type: KqlType, sql: string): CompiledAggregate {
  return { sql, outputs: [{ name, type, read: (ref) => neverNullString(type, ref) }] };
}

/**
 * Compiles one summarize aggregation. `input` are the columns the aggregation sees and
 * `keys` the names of the `by` columns (excluded from `arg_max(x, *)`'s outputs).
 */
export function compileAggregate(named: NamedAggregate, input: readonly Col[], keys: readonly string[], env: ExprEnv): CompiledAggregate {
  const a: AggregateNode = named.aggregate;
  const fail = (why: string): CompiledAggregate => one(named.names[0] ?? a.fn, "long", env.refusals.refuse(`aggregate '${a.fn}'`, why));
  const star = a.args.includes("*");
  if (star && a.fn !== "arg_max" && a.fn !== "arg_min") return fail("`*` is only compiled in arg_max/arg_min");
  const exprs = a.args.filter((x): x is ExprNode => x !== "*");
  const args = exprs.map((x) => compileExpr(x, env));
  const name = (i = 0) => named.names[i] ?? defaultName(a.fn, a.args);
  const arity = (min: number, max = min) => args.length >= min && args.length <= max;
  switch (a.fn) {
    case "count":
      return arity(0) ? one(name(), "long", "count(*)") : fail("count() takes no argument here");
    case "countif":
      return arity(1) ? one(name(), "long", `count(*)${filter(args[0])}`) : fail("countif takes one predicate");
    case "dcount":
    case "dcountif": {
      if (!arity(a.fn === "dcount" ? 1 : 2)) return fail("the accuracy argument is not compiled");
      // Exact distinct count; Kusto's dcount is a HyperLogLog estimate (exact for small sets).
      return one(name(), "long", `count(DISTINCT ${args[0]!.sql})${filter(args[1])}`);
    }
    case "sum":
    case "sumif": {
      if (!arity(a.fn === "sum" ? 1 : 2)) return fail("wrong number of arguments");
      const x = args[0]!;
      const f = filter(args[1]);
      // Kusto's sum/sumif over empty input (an un-grouped summarize of no rows) is 0, not
      // null; a group is never empty, so only the un-grouped case needs it.
      const zeroIfEmpty = (sql: string, zero: string) => (keys.length === 0 ? `CASE WHEN count(*) = 0 THEN ${zero} ELSE ${sql} END` : sql);
      // DuckDB sums integers into HUGEINT; Kusto's sum of int/long is a long.
      if (x.type === "int" || x.type === "long") return one(name(), "long", zeroIfEmpty(`CAST(sum(${x.sql})${f} AS BIGINT)`, "CAST(0 AS BIGINT)"));
      if (x.type === "real") return one(name(), "real", zeroIfEmpty(`sum(${x.sql})${f}`, "CAST(0 AS DOUBLE)"));
      if (x.type === "timespan") return one(name(), "timespan", zeroIfEmpty(`to_microseconds(CAST(sum(${micros(x)})${f} AS BIGINT))`, "to_microseconds(0)"));
      return fail(`sum of a ${x.type}`);
    }
    case "avg":
    case "avgif": {
      if (!arity(a.fn === "avg" ? 1 : 2) || !isNumeric(args[0]!.type)) return fail("avg of a non-number is not compiled");
      return one(name(), "real", `avg(${asDouble(args[0]!)})${filter(args[1])}`);
    }
    case "min":
    case "max":
    case "take_any": {
      if (!arity(1)) return fail("only one argument is compiled");
      const x = args[0]!;
      if (x.type === "dynamic" && a.fn !== "take_any") return fail("min/max of dynamic values is not compiled");
      return one(name(), x.type, `${a.fn === "take_any" ? "any_value" : a.fn}(${x.sql})`);
    }
    case "make_set":
    case "make_list": {
      if (!arity(1, 2)) return fail("wrong number of arguments");
      const x = args[0]!;
      if (x.type === "dynamic" || x.type === "datetime" || x.type === "timespan") {
        return fail(`${a.fn} of ${x.type} values: Kusto's JSON form of these elements is not reproduced`);
      }
      const max = exprs[1]?.kind === "literal" ? exprs[1].value : 1048576n;
      if (typeof max !== "bigint" && typeof max !== "number") return fail("a non-literal size limit is not compiled");
      const distinct = a.fn === "make_set" ? "DISTINCT " : "";
      // Nulls are skipped, as in Kusto; over no rows the result is [].
      const list = `list(${distinct}${x.sql}) FILTER (WHERE ${x.sql} IS NOT NULL)`;
      return one(name(), "dynamic", `coalesce(to_json(list_slice(${list}, 1, ${max})), CAST('[]' AS JSON))`);
    }
    case "percentile":
    case "percentiles": {
      const x = args[0];
      const ps = exprs.slice(1).map((p) => (p.kind === "literal" && (typeof p.value === "number" || typeof p.value === "bigint") ? Number(p.value) : NaN));
      if (!x || ps.length === 0 || ps.some((p) => !(p >= 0 && p <= 100))) return fail("percentiles must be literal numbers in 0..100");
      if (!isNumeric(x.type) && x.type !== "datetime" && x.type !== "timespan") return fail(`percentile of a ${x.type}`);
      const type: KqlType = x.type === "int" ? "long" : x.type;
      const value = (sql: string) => (x.type === "int" ? `CAST(${sql} AS BIGINT)` : sql);
      // Nearest rank: the value at 1-based rank ceil(p·n/100) of the sorted non-null values.
      const sql = `list(${x.sql} ORDER BY ${x.sql}) FILTER (WHERE ${x.sql} IS NOT NULL)`;
      const col = exprs[0]?.kind === "column" ? exprs[0].name : "";
      const outputs = ps.map((p, i) => ({
        name: named.names[i] ?? `percentile_${col}_${String(p).replace(".", "_")}`,
        type,
        read: (ref: string) => value(`${ref}[${nearestRank(p, `len(${ref})`)}]`),
      }));
      return { sql, outputs };
    }
    case "arg_max":
    case "arg_min": {
      const by = args[0];
      if (!by) return fail("no expression to maximise");
      let fields: { name: string; value: Typed }[];
      if (star) {
        if (exprs[0]?.kind !== "column" || args.length !== 1) return fail("`*` is compiled only as arg_max(column, *)");
        const of = exprs[0].name;
        fields = [{ name: of, value: by }, ...input.filter((c) => c.name !== of && !keys.includes(c.name)).map((c) => ({ name: c.name, value: c as Typed }))];
      } else {
        fields = args.map((v, i) => ({ name: name(i), value: v }));
      }
      // One struct per group, taken from a single row, so every output column agrees.
      const struct = `struct_pack(${fields.map((f, i) => `f${i} := ${f.value.sql}`).join(", ")})`;
      return {
        sql: `${a.fn}(${struct}, ${by.sql})`,
        outputs: fields.map((f, i) => ({ name: f.name, type: f.value.type, read: (ref: string) => neverNullString(f.value.type, `${ref}.f${i}`) })),
        row: { by, descending: a.fn === "arg_max", fields },
      };
    }
    default:
      return fail("this aggregation is not in the DuckDB backend's aggregate table (src/sql/sql-aggregates.ts)");
  }
}
