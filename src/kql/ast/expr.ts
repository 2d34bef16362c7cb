import type { KqlType } from "../../schema/index.js";
import type { LiteralNode } from "./literal.js";
import type { QueryNode } from "./query.js";

/**
 * Scalar expression nodes. Every node is a frozen plain object; operators and functions
 * are named by what they mean, and each backend decides how to spell them.
 */
export type ExprNode =
  | ColumnNode
  | LiteralNode
  | ParamNode
  | ScalarLetNode
  | BinaryNode
  | NotNode
  | NegateNode
  | InNode
  | BetweenNode
  | CallNode
  | AggregateNode
  | CaseNode
  | MemberNode
  | UnsafeNode;

/** A column of the current row; `side` picks `$left`/`$right` inside a join condition. */
export interface ColumnNode {
  readonly kind: "column";
  readonly name: string;
  readonly side?: "left" | "right";
}

/** A typed query parameter; its value is bound when the query is compiled. */
export interface ParamNode {
  readonly kind: "param";
  readonly name: string;
  readonly type: KqlType;
  readonly default?: LiteralNode;
}

/** A reference to a named scalar `let`; the definition travels with the reference. */
export interface ScalarLetNode {
  readonly kind: "scalarLet";
  readonly name: string;
  readonly value: ExprNode;
}

/** Comparison operators (case-sensitive unless `_ci`). */
export type ComparisonOp = "eq" | "neq" | "lt" | "le" | "gt" | "ge" | "eqCi" | "neqCi";
/** String predicates. `has` is a whole-term match; `contains` a case-insensitive substring match. */
export type StringOp =
  | "has"
  | "hasCs"
  | "notHas"
  | "notHasCs"
  | "contains"
  | "containsCs"
  | "notContains"
  | "notContainsCs"
  | "startsWith"
  | "notStartsWith"
  | "endsWith"
  | "notEndsWith"
  | "matchesRegex";
export type LogicalOp = "and" | "or";
export type ArithmeticOp = "add" | "sub" | "mul" | "div" | "mod";
export type BinaryOp = ComparisonOp | StringOp | LogicalOp | ArithmeticOp;

export interface BinaryNode {
  readonly kind: "binary";
  readonly op: BinaryOp;
  readonly left: ExprNode;
  readonly right: ExprNode;
}

export interface NotNode {
  readonly kind: "not";
  readonly operand: ExprNode;
}

export interface NegateNode {
  readonly kind: "negate";
  readonly operand: ExprNode;
}

/** `x in (...)` and its negated and case-insensitive forms; values may be a one-column query. */
export interface InNode {
  readonly kind: "in";
  readonly operand: ExprNode;
  readonly values: readonly ExprNode[] | QueryNode;
  readonly negated: boolean;
  readonly caseInsensitive: boolean;
}

/** `x between (low .. high)`, inclusive. */
export interface BetweenNode {
  readonly kind: "between";
  readonly operand: ExprNode;
  readonly low: ExprNode;
  readonly high: ExprNode;
  readonly negated: boolean;
}

/** A scalar function call, e.g. `iff`, `ago`, `bin`, `strcat`. */
export interface CallNode {
  readonly kind: "call";
  readonly fn: string;
  readonly args: readonly ExprNode[];
}

/** An aggregation function call, valid only in summarize and make-series. */
export interface AggregateNode {
  readonly kind: "aggregate";
  readonly fn: string;
  /** A `*` argument (arg_max(x, *)) is the string "*". */
  readonly args: readonly (ExprNode | "*")[];
}

/** `case(when1, then1, ..., otherwise)`. */
export interface CaseNode {
  readonly kind: "case";
  readonly branches: readonly { readonly when: ExprNode; readonly then: ExprNode }[];
  readonly otherwise: ExprNode;
}

/** Property or index access into a dynamic value: `x.a`, `x["b c"]`, `x[0]`. */
export interface MemberNode {
  readonly kind: "member";
  readonly target: ExprNode;
  readonly key: string | number;
}

/**
 * Raw text for one backend, inserted verbatim. Only `unsafeRaw` creates it, so every use
 * is visible in code review; other backends refuse it.
 */
export interface UnsafeNode {
  readonly kind: "unsafe";
  readonly dialect: "kql";
  readonly text: string;
}
