// Finds the parameters and named lets a query uses, wherever they occur, so the compiler
// can declare each once at the top, dependencies first. Backend-neutral.
import type { ExprNode, LiteralNode, OperatorNode, ParamNode, QueryNode, SourceNode } from "../ast/index.js";
import { BuilderError } from "../builder/builder-error.js";

export type Definition =
  | { readonly kind: "scalarLet"; readonly name: string; readonly value: ExprNode }
  | { readonly kind: "tabularLet"; readonly name: string; readonly value: QueryNode; readonly materialize: boolean };

export interface Definitions {
  readonly params: readonly ParamNode[];
  /** Lets in an order where each comes after the lets it uses. */
  readonly lets: readonly Definition[];
}

/** Walks a query and returns its parameters and lets; a name defined twice differently is an error. */
export function collectDefinitions(root: QueryNode): Definitions {
  const params = new Map<string, ParamNode>();
  const lets = new Map<string, Definition>();
  const problems: string[] = [];

  const sameJson = (a: unknown, b: unknown) => a === b || stableJson(a) === stableJson(b);

  function addLet(def: Definition, walkValue: () => void) {
    const seen = lets.get(def.name);
    if (seen) {
      if (!sameJson(seen, def)) problems.push(`let '${def.name}' is defined twice with different values`);
      return;
    }
    walkValue(); // dependencies first
    lets.set(def.name, def);
  }

  function expr(e: ExprNode): void {
    switch (e.kind) {
      case "param": {
        const seen = params.get(e.name);
        if (seen && !sameJson(seen, e)) problems.push(`parameter '${e.name}' is declared twice with different types or defaults`);
        else params.set(e.name, e);
        return;
      }
      case "scalarLet":
        return addLet(e, () => expr(e.value));
      case "binary":
        expr(e.left);
        return expr(e.right);
      case "not":
      case "negate":
        return expr(e.operand);
      case "in":
        expr(e.operand);
        if (Array.isArray(e.values)) (e.values as readonly ExprNode[]).forEach(expr);
        else query(e.values as QueryNode);
        return;
      case "between":
        expr(e.operand);
        expr(e.low);
        return expr(e.high);
      case "call":
        return e.args.forEach(expr);
      case "aggregate":
        return e.args.forEach((a) => a !== "*" && expr(a));
      case "case":
        e.branches.forEach((b) => (expr(b.when), expr(b.then)));
        return expr(e.otherwise);
      case "member":
        return expr(e.target);
      case "column":
      case "literal":
      case "unsafe":
        return;
    }
  }

  function source(s: SourceNode): void {
    if (s.kind === "tabularLet") addLet(s, () => query(s.value));
    else if (s.kind === "unionSource") s.queries.forEach(query);
  }

  function operator(op: OperatorNode): void {
    switch (op.kind) {
      case "where":
        return expr(op.predicate);
      case "project":
        return op.columns.forEach((c) => c.expr && expr(c.expr));
      case "extend":
        return op.columns.forEach((c) => expr(c.expr));
      case "summarize":
        op.aggregates.forEach((a) => expr(a.aggregate));
        return op.by.forEach((b) => b.expr && expr(b.expr));
      case "orderBy":
        return op.keys.forEach((k) => expr(k.expr));
      case "top":
        expr(op.count);
        return expr(op.by.expr);
      case "take":
        return expr(op.count);
      case "join":
      case "lookup":
        return query(op.right);
      case "union":
        return op.queries.forEach(query);
      case "makeSeries":
        op.aggregates.forEach((a) => expr(a.aggregate));
        [op.step, op.from, op.to].forEach((e) => e && expr(e));
        return op.by.forEach((b) => b.expr && expr(b.expr));
      default:
        return;
    }
  }

  function query(q: QueryNode): void {
    source(q.source);
    q.operators.forEach(operator);
  }

  query(root);
  const clash = [...params.keys()].filter((n) => lets.has(n));
  for (const n of clash) problems.push(`'${n}' is both a parameter and a let`);
  if (problems.length > 0) throw new BuilderError(problems.join("; "), "give each parameter and let a distinct name");
  return { params: [...params.values()], lets: [...lets.values()] };
}

function stableJson(v: unknown): string {
  return JSON.stringify(v, (_k, x) => (typeof x === "bigint" ? `${x}n` : x));
}

export type { LiteralNode };
