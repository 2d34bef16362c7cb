import type { KqlType } from "../../schema/index.js";
import type { BinaryOp, ExprNode } from "../ast/index.js";
import { toNode, type Operand, type StringOperand } from "./operands.js";
import type { ArithmeticResult, NumericType } from "./types.js";

const freeze = <T extends object>(node: T): T => Object.freeze(node);

/**
 * A typed scalar expression: an AST node plus its Kusto type, known both at compile
 * time (`T`) and at run time (`type`), so result rows can be typed and checked.
 * Methods only build nodes; nothing here produces KQL text.
 *
 * @example
 * ```ts
 * from(ACSCallDiagnostics).where((c) => c.JitterAvg.gt(30).or(c.PacketLossRateAvg.gt(0.1)));
 * ```
 */
export class Expr<T extends KqlType = KqlType> {
  constructor(
    readonly node: ExprNode,
    readonly type: T,
  ) {}

  private bool(op: BinaryOp, other: ExprNode): Expr<"bool"> {
    return new Expr(freeze({ kind: "binary", op, left: this.node, right: other }), "bool");
  }

  private str(this: Expr<"string">, op: BinaryOp, other: StringOperand): Expr<"bool"> {
    return this.bool(op, toNode(other, "string"));
  }

  /** `==` (case-sensitive for strings). */
  eq(value: Operand<T>): Expr<"bool"> {
    return this.bool("eq", toNode(value, this.type));
  }
  /** `!=`. */
  neq(value: Operand<T>): Expr<"bool"> {
    return this.bool("neq", toNode(value, this.type));
  }
  /** `<`. */
  lt(value: Operand<T>): Expr<"bool"> {
    return this.bool("lt", toNode(value, this.type));
  }
  /** `<=`. */
  le(value: Operand<T>): Expr<"bool"> {
    return this.bool("le", toNode(value, this.type));
  }
  /** `>`. */
  gt(value: Operand<T>): Expr<"bool"> {
    return this.bool("gt", toNode(value, this.type));
  }
  /** `>=`. */
  ge(value: Operand<T>): Expr<"bool"> {
    return this.bool("ge", toNode(value, this.type));
  }
  /** `between (low .. high)`, both ends inclusive. */
  between(low: Operand<T>, high: Operand<T>): Expr<"bool"> {
    return new Expr(
      freeze({ kind: "between", operand: this.node, low: toNode(low, this.type), high: toNode(high, this.type), negated: false }),
      "bool",
    );
  }
  /** `in (...)`. */
  in(values: readonly Operand<T>[]): Expr<"bool"> {
    return this.inList(values, false, false);
  }
  /** `!in (...)`. */
  notIn(values: readonly Operand<T>[]): Expr<"bool"> {
    return this.inList(values, true, false);
  }
  /**
   * `in (array)`: membership in a dynamic array, typically a parameter such as
   * `param.dynamic("callTypes", [])`.
   */
  inArray(values: Expr<"dynamic">): Expr<"bool"> {
    return new Expr(freeze({ kind: "in", operand: this.node, values: Object.freeze([values.node]), negated: false, caseInsensitive: false }), "bool");
  }
  /** `in~ (array)`: case-insensitive membership in a dynamic array. */
  inArrayCi(this: Expr<"string">, values: Expr<"dynamic">): Expr<"bool"> {
    return new Expr(freeze({ kind: "in", operand: this.node, values: Object.freeze([values.node]), negated: false, caseInsensitive: true }), "bool");
  }
  /** `in~ (...)`: case-insensitive membership. */
  inCi(this: Expr<"string">, values: readonly StringOperand[]): Expr<"bool"> {
    return this.inList(values, false, true);
  }
  /** `!in~ (...)`. */
  notInCi(this: Expr<"string">, values: readonly StringOperand[]): Expr<"bool"> {
    return this.inList(values, true, true);
  }
  private inList(values: readonly unknown[], negated: boolean, caseInsensitive: boolean): Expr<"bool"> {
    const nodes = values.map((v) => toNode(v as Operand<T>, this.type));
    return new Expr(freeze({ kind: "in", operand: this.node, values: Object.freeze(nodes), negated, caseInsensitive }), "bool");
  }

  /** `=~`: equal ignoring case. */
  eqCi(this: Expr<"string">, value: StringOperand): Expr<"bool"> {
    return this.str("eqCi", value);
  }
  /** `!~`. */
  neqCi(this: Expr<"string">, value: StringOperand): Expr<"bool"> {
    return this.str("neqCi", value);
  }
  /** `has`: whole-term match, case-insensitive; uses the term index. */
  has(this: Expr<"string">, term: StringOperand): Expr<"bool"> {
    return this.str("has", term);
  }
  /** `has_cs`. */
  hasCs(this: Expr<"string">, term: StringOperand): Expr<"bool"> {
    return this.str("hasCs", term);
  }
  /** `!has`. */
  notHas(this: Expr<"string">, term: StringOperand): Expr<"bool"> {
    return this.str("notHas", term);
  }
  /** `contains`: case-insensitive substring; slower than `has`. */
  contains(this: Expr<"string">, text: StringOperand): Expr<"bool"> {
    return this.str("contains", text);
  }
  /** `contains_cs`. */
  containsCs(this: Expr<"string">, text: StringOperand): Expr<"bool"> {
    return this.str("containsCs", text);
  }
  /** `!contains`. */
  notContains(this: Expr<"string">, text: StringOperand): Expr<"bool"> {
    return this.str("notContains", text);
  }
  /** `startswith`. */
  startsWith(this: Expr<"string">, prefix: StringOperand): Expr<"bool"> {
    return this.str("startsWith", prefix);
  }
  /** `!startswith`. */
  notStartsWith(this: Expr<"string">, prefix: StringOperand): Expr<"bool"> {
    return this.str("notStartsWith", prefix);
  }
  /** `endswith`. */
  endsWith(this: Expr<"string">, suffix: StringOperand): Expr<"bool"> {
    return this.str("endsWith", suffix);
  }
  /** `!endswith`. */
  notEndsWith(this: Expr<"string">, suffix: StringOperand): Expr<"bool"> {
    return this.str("notEndsWith", suffix);
  }
  /** `matches regex`. The pattern is a string literal, escaped like any other value. */
  matchesRegex(this: Expr<"string">, pattern: StringOperand): Expr<"bool"> {
    return this.str("matchesRegex", pattern);
  }

  /** `and`. */
  and(this: Expr<"bool">, other: Operand<"bool">): Expr<"bool"> {
    return this.bool("and", toNode(other, "bool"));
  }
  /** `or`. */
  or(this: Expr<"bool">, other: Operand<"bool">): Expr<"bool"> {
    return this.bool("or", toNode(other, "bool"));
  }
  /** `not(...)`. */
  not(this: Expr<"bool">): Expr<"bool"> {
    return new Expr(freeze({ kind: "not", operand: this.node }), "bool");
  }

  private arith<R extends KqlType>(op: BinaryOp, other: ExprNode, type: R): Expr<R> {
    return new Expr(freeze({ kind: "binary", op, left: this.node, right: other }), type);
  }
  /**
   * `+` on numbers. Kusto widens int to long, and anything with real to real. A JS
   * `number` becomes a real literal (so `x / 60` never truncates by accident); pass a
   * `bigint` for an integer literal.
   */
  plus<O extends ArithmeticOperand>(this: Expr<NumericType>, other: O): Expr<ArithmeticOf<T, O>> {
    return this.arith("add", arithmeticNode(other), arithmeticType(this.type, other)) as never;
  }
  /** `-` on numbers; see {@link Expr.plus} for literal types. */
  minus<O extends ArithmeticOperand>(this: Expr<NumericType>, other: O): Expr<ArithmeticOf<T, O>> {
    return this.arith("sub", arithmeticNode(other), arithmeticType(this.type, other)) as never;
  }
  /** `*` on numbers; see {@link Expr.plus} for literal types. */
  times<O extends ArithmeticOperand>(this: Expr<NumericType>, other: O): Expr<ArithmeticOf<T, O>> {
    return this.arith("mul", arithmeticNode(other), arithmeticType(this.type, other)) as never;
  }
  /** `/` on numbers. Integer by integer truncates, as in Kusto: `x.div(60n)`; `x.div(60)` divides as real. */
  div<O extends ArithmeticOperand>(this: Expr<NumericType>, other: O): Expr<ArithmeticOf<T, O>> {
    return this.arith("div", arithmeticNode(other), arithmeticType(this.type, other)) as never;
  }
  /** `%` on integers; the result is never negative, as in Kusto. */
  mod(this: Expr<"int" | "long">, other: Expr<"int" | "long"> | number | bigint): Expr<"long"> {
    return this.arith("mod", toNode(other, "long"), "long");
  }
  /** Unary minus. */
  negate(this: Expr<NumericType>): Expr<ArithmeticResult<T, "long">> {
    return new Expr(freeze({ kind: "negate", operand: this.node }), this.type === "real" ? "real" : "long") as never;
  }
  /** datetime − datetime → timespan. */
  since(this: Expr<"datetime">, earlier: Operand<"datetime">): Expr<"timespan"> {
    return this.arith("sub", toNode(earlier, "datetime"), "timespan");
  }
  /** datetime + timespan → datetime. */
  addSpan(this: Expr<"datetime">, span: Operand<"timespan">): Expr<"datetime"> {
    return this.arith("add", toNode(span, "timespan"), "datetime");
  }

  /** Property or index access on a dynamic value: `x.key` or `x[0]`. */
  at(this: Expr<"dynamic">, key: string | number): Expr<"dynamic"> {
    return new Expr(freeze({ kind: "member", target: this.node, key }), "dynamic");
  }
}

/** A numeric expression, a JS number (a real literal) or a bigint (a long literal). */
export type ArithmeticOperand = Expr<NumericType> | number | bigint;

/** Result type of arithmetic between `Expr<T>` and operand `O`. */
export type ArithmeticOf<T extends KqlType, O> = O extends Expr<infer U>
  ? ArithmeticResult<T, U>
  : O extends bigint
    ? ArithmeticResult<T, "long">
    : "real";

function arithmeticNode(value: ArithmeticOperand): ExprNode {
  return value instanceof Expr ? value.node : toNode(value, typeof value === "bigint" ? "long" : "real");
}

function arithmeticType(a: KqlType, b: ArithmeticOperand): KqlType {
  const other = b instanceof Expr ? b.type : typeof b === "bigint" ? "long" : "real";
  return a === "real" || other === "real" ? "real" : "long";
}
