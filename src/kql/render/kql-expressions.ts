import type { BinaryOp, ExprNode, QueryNode } from "../ast/index.js";
import { renderLiteral, quoteIdentifier } from "./kql-literals.js";

const TOKENS: Record<BinaryOp, string> = {
  eq: "==",
  neq: "!=",
  lt: "<",
  le: "<=",
  gt: ">",
  ge: ">=",
  eqCi: "=~",
  neqCi: "!~",
  has: "has",
  hasCs: "has_cs",
  notHas: "!has",
  notHasCs: "!has_cs",
  contains: "contains",
  containsCs: "contains_cs",
  notContains: "!contains",
  notContainsCs: "!contains_cs",
  startsWith: "startswith",
  notStartsWith: "!startswith",
  endsWith: "endswith",
  notEndsWith: "!endswith",
  matchesRegex: "matches regex",
  and: "and",
  or: "or",
  add: "+",
  sub: "-",
  mul: "*",
  div: "/",
  mod: "%",
};

/** Binding strength: higher binds tighter. Primary expressions are 10. */
function precedence(e: ExprNode): number {
  switch (e.kind) {
    case "binary":
      switch (e.op) {
        case "or":
          return 1;
        case "and":
          return 2;
        case "add":
        case "sub":
          return 4;
        case "mul":
        case "div":
        case "mod":
          return 5;
        default:
          return 3; // comparisons and string predicates
      }
    case "in":
    case "between":
      return 3;
    case "negate":
      return 6;
    default:
      return 10;
  }
}

const ASSOCIATIVE = new Set<BinaryOp>(["and", "or", "add", "mul"]);

/** Renders scalar expressions; `query` renders the subqueries of `in (...)`. */
export function renderExpr(e: ExprNode, query: (q: QueryNode) => string): string {
  const r = (x: ExprNode) => renderExpr(x, query);
  const wrap = (x: ExprNode, min: number) => (precedence(x) < min ? `(${r(x)})` : r(x));
  switch (e.kind) {
    case "column":
      return e.side ? `$${e.side}.${quoteIdentifier(e.name)}` : quoteIdentifier(e.name);
    case "literal":
      return renderLiteral(e);
    case "param":
    case "scalarLet":
      return quoteIdentifier(e.name);
    case "binary": {
      const p = precedence(e);
      const sameOp = (x: ExprNode) => x.kind === "binary" && x.op === e.op && ASSOCIATIVE.has(e.op);
      const left = p === 3 ? wrap(e.left, p + 1) : wrap(e.left, p);
      const right = sameOp(e.right) ? wrap(e.right, p) : wrap(e.right, p + 1);
      return `${left} ${TOKENS[e.op]} ${right}`;
    }
    case "not":
      return `not(${r(e.operand)})`;
    case "negate":
      return `-${wrap(e.operand, 10)}`;
    case "in": {
      const op = `${e.negated ? "!" : ""}in${e.caseInsensitive ? "~" : ""}`;
      const values = Array.isArray(e.values) ? (e.values as readonly ExprNode[]).map(r).join(", ") : query(e.values as QueryNode);
      return `${wrap(e.operand, 4)} ${op} (${values})`;
    }
    case "between":
      return `${wrap(e.operand, 4)} ${e.negated ? "!between" : "between"} (${r(e.low)} .. ${r(e.high)})`;
    case "call":
      return `${e.fn}(${e.args.map(r).join(", ")})`;
    case "aggregate":
      return `${e.fn}(${e.args.map((a) => (a === "*" ? "*" : r(a))).join(", ")})`;
    case "case":
      return `case(${[...e.branches.flatMap((b) => [r(b.when), r(b.then)]), r(e.otherwise)].join(", ")})`;
    case "member": {
      const target = wrap(e.target, 10);
      if (typeof e.key === "number") return `${target}[${e.key}]`;
      return `${target}[${renderLiteral({ kind: "literal", type: "string", value: e.key })}]`;
    }
    case "unsafe":
      return `(${e.text})`;
  }
}
