import type { TableDef } from "../../schema/index.js";
import type { RecordSource } from "./stage-sql.js";
import { ident, lit, litList } from "./sql-text.js";

/**
 * Lines of many files, unnumbered: DuckDB's CSV scanner with one column, no quoting and
 * a delimiter that valid JSON cannot contain unescaped (U+0001), so it splits on newlines
 * only and runs in parallel. A line holding U+0001 spills into `__rest` and is malformed.
 * It cannot number lines, so issues found here are located by {@link numberedLines}.
 */
export function fastLines(files: readonly string[]): string {
  return `(SELECT filename AS __file, NULL::BIGINT AS __ln, line AS __line, rest AS __rest FROM read_csv(${litList(files)}, ` +
    `columns = {'line': 'VARCHAR', 'rest': 'VARCHAR'}, delim = chr(1), quote = '', escape = '', header = false, ` +
    `auto_detect = false, strict_mode = false, null_padding = true, filename = true, hive_partitioning = false, ` +
    `max_line_size = 16777216))`;
}

/** Lines of one file with their 1-based numbers (blank lines count, CR before LF is dropped). */
export function numberedLines(file: string): string {
  return `(SELECT filename AS __file, ln::BIGINT AS __ln, rtrim(l, chr(13)) AS __line, ` +
    `CASE WHEN contains(l, chr(1)) THEN l END AS __rest FROM (SELECT filename, unnest(parts) AS l, ` +
    `generate_subscripts(parts, 1) AS ln FROM (SELECT filename, string_split(content, chr(10)) AS parts FROM read_text(${lit(file)}))))`;
}

/** The elements of one JSON-array file as lines, numbered by element (1-based). */
export function arrayElements(file: string): string {
  return `(SELECT filename AS __file, ln::BIGINT AS __ln, e::VARCHAR AS __line, NULL::VARCHAR AS __rest FROM (` +
    `SELECT filename, unnest(a) AS e, generate_subscripts(a, 1) AS ln FROM (` +
    `SELECT filename, json_transform(content, '["JSON"]') AS a FROM read_text(${lit(file)}))))`;
}

/** Column name → the key spelling seen in the data (keys compare case-insensitively). */
export type KeySpelling = ReadonlyMap<string, string>;

/**
 * Where JSON records come from (the relation has one column per top-level key of the spec): whole JSON-lines files, parsed by `read_json` (fastest,
 * but one malformed line fails the statement and it cannot number lines), or lines
 * from {@link fastLines}/{@link numberedLines}/{@link arrayElements}, parsed one by one.
 */
export type JsonInput = { readonly files: readonly string[] } | { readonly lines: string };

type Spec = Record<string, string | Record<string, string>>;

function duckType(t: string | Record<string, string>): string {
  return typeof t === "string" ? t : `STRUCT(${Object.entries(t).map(([k, v]) => `${ident(k)} ${v}`).join(", ")})`;
}

function jsonSource(input: JsonInput, spec: Spec, probe: string): string {
  if ("files" in input) {
    const columns = `{${Object.entries(spec).map(([k, t]) => `${lit(k)}: ${lit(duckType(t))}`).join(", ")}}`;
    return `(SELECT filename AS __file, NULL::BIGINT AS __ln, NULL::VARCHAR AS __bad, * EXCLUDE (filename) FROM read_json(${litList(input.files)}, ` +
      `format = 'newline_delimited', columns = ${columns}, filename = true, hive_partitioning = false, maximum_object_size = 16777216))`;
  }
  return `(SELECT __file, __ln, CASE WHEN __rest IS NOT NULL THEN 'contains the control character U+0001' ` +
    `WHEN v IS NULL THEN CASE WHEN trim(__line) = '' THEN '' WHEN json_valid(__line) THEN 'not a JSON object' ELSE 'not valid JSON' END ` +
    `WHEN ${probe} AND json_type(__line) <> 'OBJECT' THEN 'not a JSON object' END AS __bad, v.* ` +
    `FROM (SELECT __file, __ln, __line, __rest, try(json_transform(__line, ${lit(JSON.stringify(spec))})) AS v ` +
    `FROM ${input.lines} WHERE __line IS NOT NULL))`;
}

const camel = (name: string): string => name.charAt(0).toLowerCase() + name.slice(1);

/** Top-level archive fields and the column each one fills (see load-logs.ts). */
const ARCHIVE_TOP: Readonly<Record<string, string>> = {
  TimeGenerated: "time",
  _ResourceId: "resourceId",
  OperationName: "operationName",
  OperationVersion: "operationVersion",
  Category: "category",
};

/**
 * An archive record source: top-level fields plus `properties`, whose keys match columns
 * case-insensitively (`roundTripTimeAvg` → RoundTripTimeAvg). A property wins over the
 * top-level field of the same column.
 */
export function archiveSource(input: JsonInput, table: TableDef | undefined, keys: KeySpelling): RecordSource {
  const props: Record<string, string> = {};
  const propKey = new Map<string, string>();
  for (const [name, def] of Object.entries(table?.columns ?? {})) {
    if (name === "TimeGenerated" || name === "Type" || name === "Category" || name === "_ResourceId") continue;
    const key = keys.get(name.toLowerCase()) ?? camel(name);
    props[key] = def.type === "dynamic" ? "JSON" : "VARCHAR";
    propKey.set(name, key);
  }
  const spec: Spec = { time: "VARCHAR", resourceId: "VARCHAR", correlationId: "VARCHAR", operationName: "VARCHAR", operationVersion: "VARCHAR", category: "VARCHAR" };
  if (propKey.size > 0) spec["properties"] = props;
  const callIdColumn = table && !("CorrelationId" in table.columns) && "CallId" in table.columns ? "CallId" : "CorrelationId";
  return {
    from: jsonSource(input, spec, "v.time IS NULL AND v.category IS NULL"),
    category: "category",
    timeField: "time",
    nullText: true,
    raw: (column) => {
      const top = column === callIdColumn ? "correlationId" : ARCHIVE_TOP[column];
      const key = propKey.get(column);
      const prop = key !== undefined ? `properties.${ident(key)}` : undefined;
      if (top !== undefined && prop !== undefined) return `coalesce(${prop}, ${ident(top)})`;
      if (top !== undefined) return ident(top);
      return prop;
    },
  };
}

/** A flat (Log Analytics export) JSON source: keys are the column names (case-insensitive). */
export function flatJsonSource(input: JsonInput, table: TableDef, keys: KeySpelling): RecordSource {
  const spec: Spec = {};
  const keyOf = new Map<string, string>();
  for (const [name, def] of Object.entries(table.columns)) {
    const key = keys.get(name.toLowerCase()) ?? name;
    spec[key] = def.type === "dynamic" ? "JSON" : "VARCHAR";
    keyOf.set(name, key);
  }
  const timeKey = keyOf.get("TimeGenerated") ?? "TimeGenerated";
  return {
    from: jsonSource(input, spec, `v.${ident(timeKey)} IS NULL`),
    timeField: "TimeGenerated",
    nullText: false,
    raw: (column) => {
      const key = keyOf.get(column);
      return key === undefined ? undefined : ident(key);
    },
  };
}

/** A flat CSV source over a staged table `relation` with `__ln` and the file's header names. */
export function flatCsvSource(relation: string, file: string, header: readonly string[]): RecordSource {
  const byLower = new Map(header.map((h) => [h.toLowerCase(), h] as const));
  return {
    from: `(SELECT ${lit(file)} AS __file, __ln, NULL::VARCHAR AS __bad, * EXCLUDE (__ln) FROM ${relation})`,
    timeField: "TimeGenerated",
    nullText: false,
    raw: (column) => {
      const h = byLower.get(column.toLowerCase());
      return h === undefined ? undefined : ident(h);
    },
  };
}
