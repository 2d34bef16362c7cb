/**
 * A literal value in the AST. Values are stored in a backend-neutral form (never as KQL
 * text): 64-bit integers and datetime/timespan ticks as `bigint`, so that no value loses
 * precision between the builder and a renderer.
 */
export type LiteralNode =
  | { readonly kind: "literal"; readonly type: "string"; readonly value: string | null }
  | { readonly kind: "literal"; readonly type: "int"; readonly value: number | null }
  | { readonly kind: "literal"; readonly type: "long"; readonly value: bigint | null }
  | { readonly kind: "literal"; readonly type: "real"; readonly value: number | null }
  | { readonly kind: "literal"; readonly type: "bool"; readonly value: boolean | null }
  /** 100-nanosecond ticks since 1970-01-01T00:00:00Z (UTC). */
  | { readonly kind: "literal"; readonly type: "datetime"; readonly value: bigint | null }
  /** Signed duration in 100-nanosecond ticks. */
  | { readonly kind: "literal"; readonly type: "timespan"; readonly value: bigint | null }
  /** Lower-case canonical form `xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx`. */
  | { readonly kind: "literal"; readonly type: "guid"; readonly value: string | null }
  /** A JSON value; `null` as the value means `dynamic(null)`. */
  | { readonly kind: "literal"; readonly type: "dynamic"; readonly value: JsonValue };

/** A JSON value as a dynamic literal holds it. */
export type JsonValue = null | boolean | number | string | readonly JsonValue[] | { readonly [key: string]: JsonValue };
