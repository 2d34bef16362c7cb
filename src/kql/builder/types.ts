import type { KqlType } from "../../schema/index.js";

/** A row shape as the builder tracks it: column name → Kusto type. */
export type Row = { readonly [column: string]: KqlType };

export type NumericType = "int" | "long" | "real";

/** Flattens an intersection so hovers and errors show plain object types. */
export type Simplify<T> = { [K in keyof T]: T[K] } & {};

/** Column names of a row. */
export type ColumnOf<R extends Row> = keyof R & string;

/** `A` with the columns of `B` added, `B` winning on a name clash (like `extend`). */
export type Extend<A extends Row, B extends Row> = Simplify<Omit<A, keyof B> & B>;

/** Kusto's arithmetic result type: real if either side is real, otherwise long. */
export type ArithmeticResult<A extends KqlType, B extends KqlType> = A extends "real"
  ? "real"
  : B extends "real"
    ? "real"
    : "long";

/** Kusto renames a right-side column that clashes with a left one by appending `1`. */
export type JoinRow<L extends Row, R extends Row> = Simplify<
  L & { [K in keyof R & string as K extends keyof L ? `${K}1` : K]: R[K] }
>;

/** lookup drops the right-side key columns and renames other clashes with `1`. */
export type LookupRow<L extends Row, R extends Row, Keys extends string> = Simplify<
  L & { [K in Exclude<keyof R & string, Keys> as K extends keyof L ? `${K}1` : K]: R[K] }
>;

/**
 * union: a shared column of one type stays; a shared name with two types becomes
 * `<name>_<type>` per side, as Kusto does; other columns are kept from each side.
 */
export type UnionRow<A extends Row, B extends Row> = Simplify<
  { [K in keyof A & keyof B & string as A[K] extends B[K] ? K : `${K}_${A[K]}`]: A[K] } & {
    [K in keyof A & keyof B & string as A[K] extends B[K] ? never : `${K}_${B[K]}`]: B[K];
  } & Omit<A, keyof B> &
    Omit<B, keyof A>
>;
