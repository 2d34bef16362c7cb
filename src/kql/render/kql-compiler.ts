import type { JoinKey, NamedExpr, OperatorNode, QueryNode, SourceNode } from "../ast/index.js";
import type { Query } from "../builder/query.js";
import { BuilderError } from "../builder/builder-error.js";
import { lit } from "../builder/literals.js";
import { toExactNode } from "../builder/operands.js";
import type { Row } from "../builder/types.js";
import { collectDefinitions } from "./collect-definitions.js";
import { renderExpr } from "./kql-expressions.js";
import { quoteIdentifier, renderLiteral } from "./kql-literals.js";

/** Options for {@link toKql}. */
export interface KqlOptions {
  /** Values for the query's parameters, by name; a parameter without a value uses its default. */
  readonly params?: Readonly<Record<string, unknown>>;
  /**
   * `let` (default): each parameter becomes a leading `let name = <literal>;`, which works
   * everywhere, Log Analytics included. `declare`: emit
   * `declare query_parameters(name:type = default, ...)` for Azure Data Explorer clients
   * that pass values separately.
   */
  readonly parameterStyle?: "let" | "declare";
  /**
   * Raw KQL text for some parameters' `let` values, inserted verbatim: for hosts that fill
   * in their own placeholders, such as an Azure Monitor workbook's
   * `{ callTypes: "dynamic([{CallType}])" }`. Never pass user input here; values from users
   * go through `params`, which escapes them.
   */
  readonly unsafeParamText?: Readonly<Record<string, string>>;
}

const INDENT = "    ";

function indent(text: string): string {
  return text
    .split("\n")
    .map((l) => INDENT + l)
    .join("\n");
}

const id = quoteIdentifier;
const expr = (e: Parameters<typeof renderExpr>[0]) => renderExpr(e, (q) => `\n${indent(renderQuery(q))}\n`);
const named = (c: NamedExpr) => (c.expr ? `${id(c.name)} = ${expr(c.expr)}` : id(c.name));
const keys = (on: readonly JoinKey[]) =>
  on.map((k) => (k.left === k.right ? id(k.left) : `$left.${id(k.left)} == $right.${id(k.right)}`)).join(", ");
const sub = (q: QueryNode) => `(\n${indent(renderQuery(q))}\n)`;

function renderSource(s: SourceNode): string {
  switch (s.kind) {
    case "table":
    case "tabularLet":
      return id(s.name);
    case "datatable": {
      const header = s.columns.map((c) => `${id(c.name)}:${c.type}`).join(", ");
      const rows = s.rows.map((row) => indent(row.map(renderLiteral).join(", ") + ",")).join("\n");
      return rows ? `datatable(${header}) [\n${rows}\n]` : `datatable(${header}) []`;
    }
    case "unionSource":
      return `union ${s.queries.map(sub).join(", ")}`;
  }
}

function renderOperator(op: OperatorNode): string {
  switch (op.kind) {
    case "where":
      return `where ${expr(op.predicate)}`;
    case "project":
      return `project ${op.columns.map(named).join(", ")}`;
    case "projectAway":
      return `project-away ${op.columns.map(id).join(", ")}`;
    case "projectRename":
      return `project-rename ${op.renames.map((r) => `${id(r.to)} = ${id(r.from)}`).join(", ")}`;
    case "extend":
      return `extend ${op.columns.map(named).join(", ")}`;
    case "summarize": {
      const hint = op.shuffleKey ? `hint.shufflekey=${id(op.shuffleKey)} ` : "";
      const aggs = op.aggregates
        .map((a) => {
          const call = expr(a.aggregate);
          if (a.names.length === 0) return call;
          return a.names.length === 1 ? `${id(a.names[0] as string)} = ${call}` : `(${a.names.map(id).join(", ")}) = ${call}`;
        })
        .join(", ");
      const by = op.by.length > 0 ? ` by ${op.by.map(named).join(", ")}` : "";
      return `summarize ${hint}${aggs}${by}`;
    }
    case "orderBy":
      return `order by ${op.keys.map((k) => `${expr(k.expr)} ${k.direction}`).join(", ")}`;
    case "top":
      return `top ${expr(op.count)} by ${expr(op.by.expr)} ${op.by.direction}`;
    case "take":
      return `take ${expr(op.count)}`;
    case "distinct":
      return `distinct ${op.columns.map(id).join(", ")}`;
    case "join": {
      const hints = [
        op.hints.strategy ? `hint.strategy=${op.hints.strategy}` : "",
        op.hints.shuffleKey ? `hint.shufflekey=${id(op.hints.shuffleKey)}` : "",
      ].filter(Boolean);
      return `join kind=${op.joinKind}${hints.map((h) => ` ${h}`).join("")} ${sub(op.right)} on ${keys(op.on)}`;
    }
    case "lookup":
      return `lookup kind=${op.lookupKind} ${sub(op.right)} on ${keys(op.on)}`;
    case "union":
      return `union ${op.queries.map(sub).join(", ")}`;
    case "mvExpand":
      return `mv-expand ${id(op.column)}${op.toType ? ` to typeof(${op.toType})` : ""} limit ${op.limit}`;
    case "makeSeries": {
      const aggs = op.aggregates
        .map((a) => `${id(a.name)} = ${expr(a.aggregate)}${a.default ? ` default=${renderLiteral(a.default)}` : ""}`)
        .join(", ");
      const range = `${op.from ? ` from ${expr(op.from)}` : ""}${op.to ? ` to ${expr(op.to)}` : ""}`;
      const by = op.by.length > 0 ? ` by ${op.by.map(named).join(", ")}` : "";
      return `make-series ${aggs} on ${id(op.on)}${range} step ${expr(op.step)}${by}`;
    }
    case "render": {
      const props = (["title", "xtitle", "ytitle"] as const)
        .filter((k) => op[k] !== undefined)
        .map((k) => `${k}=${renderLiteral(lit.string(op[k] as string))}`);
      return `render ${op.visualization}${props.length > 0 ? ` with (${props.join(", ")})` : ""}`;
    }
    case "as":
      return `as ${id(op.name)}`;
  }
}

/** Renders one tabular expression (no leading lets). */
export function renderQuery(q: QueryNode): string {
  return [renderSource(q.source), ...q.operators.map((op) => `| ${renderOperator(op)}`)].join("\n");
}

/**
 * Compiles a query to KQL text: parameters and named lets first (each once, dependencies
 * first), then the query. Every value is an escaped literal; every name that needs it is
 * quoted as `['…']`.
 *
 * @example
 * ```ts
 * toKql(from(ACSCallSummary).where((c) => c.CallType.eq("P2P")).take(10));
 * // ACSCallSummary
 * // | where CallType == "P2P"
 * // | take 10
 * ```
 */
export function toKql<R extends Row>(query: Query<R>, options: KqlOptions = {}): string {
  const { params, lets } = collectDefinitions(query.node);
  const values = options.params ?? {};
  const problems: string[] = [];
  const known = new Set(params.map((p) => p.name));
  const raw = options.unsafeParamText ?? {};
  for (const name of Object.keys(raw)) {
    if (!known.has(name)) problems.push(`unknown parameter '${name}' in unsafeParamText (the query has ${[...known].map((k) => `'${k}'`).join(", ") || "none"})`);
    else if (name in values) problems.push(`parameter '${name}' is given both as a value and as unsafeParamText`);
  }
  for (const name of Object.keys(values)) {
    if (!known.has(name)) problems.push(`unknown parameter '${name}' (the query has ${[...known].map((k) => `'${k}'`).join(", ") || "none"})`);
  }
  const head: string[] = [];
  if (options.parameterStyle === "declare") {
    if (params.length > 0) {
      const decls = params.map((p) => `${id(p.name)}:${p.type}${p.default ? ` = ${renderLiteral(p.default)}` : ""}`);
      head.push(`declare query_parameters(${decls.join(", ")});`);
    }
  } else {
    for (const p of params) {
      const text = raw[p.name];
      if (text !== undefined) {
        head.push(`let ${id(p.name)} = ${text};`);
        continue;
      }
      const value = values[p.name];
      if (value === undefined && !p.default) {
        problems.push(`parameter '${p.name}' (${p.type}) has no value and no default`);
        continue;
      }
      try {
        head.push(`let ${id(p.name)} = ${value === undefined ? renderLiteral(p.default!) : expr(toExactNode(value, p.type))};`);
      } catch (err) {
        problems.push(`parameter '${p.name}': ${(err as Error).message}`);
      }
    }
  }
  if (problems.length > 0) throw new BuilderError(problems.join("; "), "pass a value of the right type for each parameter, and only those");
  for (const d of lets) {
    if (d.kind === "scalarLet") head.push(`let ${id(d.name)} = ${expr(d.value)};`);
    else head.push(`let ${id(d.name)} = ${d.materialize ? `materialize${sub(d.value)}` : sub(d.value)};`);
  }
  return [...head, renderQuery(query.node)].join("\n");
}
