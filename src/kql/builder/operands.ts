import type { KqlType } from "../../schema/index.js";
import type { ExprNode, JsonValue } from "../ast/index.js";
import { KqlValueError } from "./errors.js";
import { Expr } from "./expr.js";
import { lit } from "./literals.js";
import type { NumericType } from "./types.js";

/** The plain JavaScript values accepted where an expression of type `T` is expected. */
export interface JsValueMap {
  string: string;
  int: number;
  long: number | bigint;
  real: number;
  bool: boolean;
  datetime: Date | string;
  timespan: string | number;
  guid: string;
  dynamic: JsonValue;
}

/** Types that compare with each other: any numeric type with any other. */
type Comparable<T extends KqlType> = T extends NumericType ? NumericType : T;

/**
 * An expression of a compatible type, or a JS value that becomes an escaped literal.
 * A string never becomes KQL text: it is always a string literal.
 */
export type Operand<T extends KqlType> = Expr<Comparable<T>> | JsValueMap[Comparable<T>];

export type StringOperand = Operand<"string">;

/** Turns an operand into a node; JS values are validated and become literals of `type`. */
export function toNode(value: unknown, type: KqlType): ExprNode {
  if (value instanceof Expr) return value.node;
  switch (type) {
    case "string":
      if (typeof value === "string") return lit.string(value);
      break;
    case "int":
    case "long":
    case "real":
      if (typeof value === "bigint") return lit.long(value);
      if (typeof value === "number") return Number.isInteger(value) && type !== "real" ? lit.long(value) : lit.real(value);
      break;
    case "bool":
      if (typeof value === "boolean") return lit.bool(value);
      break;
    case "datetime":
      if (value instanceof Date || typeof value === "string") return lit.datetime(value);
      break;
    case "timespan":
      if (typeof value === "string" || typeof value === "number") return lit.timespan(value);
      break;
    case "guid":
      if (typeof value === "string") return lit.guid(value);
      break;
    case "dynamic":
      return lit.dynamic(value as JsonValue);
  }
  throw new KqlValueError(type, value, `a ${typeof value} cannot stand where a ${type} is expected`, `pass a ${type} value or an Expr of type ${type}`);
}

/**
 * Like {@link toNode}, but a JS number becomes a literal of exactly `type`: `int(5)` for an
 * int, not the long `5`. For values whose literal type decides a result type: parameter
 * values, and the branches of iff/case/coalesce.
 */
export function toExactNode(value: unknown, type: KqlType): ExprNode {
  if (value instanceof Expr) return value.node;
  if (type === "int" && typeof value === "number") return lit.int(value);
  if (type === "long" && (typeof value === "number" || typeof value === "bigint")) return lit.long(value);
  return toNode(value, type);
}
