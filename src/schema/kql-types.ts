/**
 * The Kusto scalar types that ACS log columns use, and how each one appears in
 * TypeScript once a row has been read back from Log Analytics.
 */
export const KQL_TYPES = ["string", "datetime", "int", "long", "real", "bool", "dynamic", "guid", "timespan"] as const;

/** A Kusto scalar type name, spelled as in a `.create table` schema. */
export type KqlType = (typeof KQL_TYPES)[number];

/**
 * The TypeScript value a Kusto type decodes to in a query result.
 * `long` is a `number` because the Log Analytics REST API returns it as a JSON number;
 * `timespan` stays a string because the API returns it as `d.hh:mm:ss.fffffff` text.
 */
export interface KqlValueMap {
  string: string;
  datetime: Date;
  int: number;
  long: number;
  real: number;
  bool: boolean;
  dynamic: unknown;
  guid: string;
  timespan: string;
}

/** The TypeScript value type for the Kusto type `T`. */
export type TsValueOf<T extends KqlType> = KqlValueMap[T];
