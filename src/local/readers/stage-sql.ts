import { categoryToTable, nonCallingCategories, type TableDef } from "../../schema/index.js";
import { duckDbType } from "../../sql/duckdb-types.js";
import { ident, lit } from "./sql-text.js";

/**
 * Rows of records as a reader sees them, before typing. `from` is a relation with
 * `__file`, `__ln` (line number, or NULL when the source cannot number lines cheaply)
 * and `__bad` (why the record is malformed, '' for a blank line, or NULL), plus whatever
 * `raw` refers to.
 */
export interface RecordSource {
  readonly from: string;
  /** SQL for a column's raw text (JSON text for dynamic columns); undefined when the source has no such field. */
  readonly raw: (column: string) => string | undefined;
  /** Archive sources: SQL for the record's `category`. */
  readonly category?: string;
  /** How the time field is named in the input, for messages. */
  readonly timeField: string;
  /** The archive writes the text `null` for missing values; a Log Analytics export does not. */
  readonly nullText: boolean;
}

/** What one pass over a source loads. */
export interface StagePass {
  /** The table rows go to; undefined for a pass that only classifies (untyped categories). */
  readonly table: TableDef | undefined;
  /** Archive: the category this pass loads; records of other categories are classified, not loaded. */
  readonly category?: string;
  /** Keep only records of `category` (a second pass over files the first pass found mixed). */
  readonly onlyCategory?: boolean;
}

/**
 * Issue kinds of a staged row: the four reported ones, plus `untyped` (a valid ACS
 * category the kit does not type), `other` (a typed category another pass loads) and
 * `blank` (a whitespace-only line, ignored).
 */
export type StageKind = "malformed" | "unknown-category" | "wrong-type" | "missing-field" | "untyped" | "other" | "blank";

const TYPED = [...categoryToTable.keys()];
const UNTYPED = [...nonCallingCategories.keys()];

function quoted(r: string): string {
  return `'"' || left(${r}, 80) || '"'`;
}

/**
 * The SELECT that types every record of `source` for `pass.table` and classifies it:
 * `__issue` is NULL for a record to load, else JSON text with `kind` ({@link StageKind}),
 * `file`, `line` (NULL when the source cannot number lines), `category` and `message`.
 * A wrong-typed value rejects the whole record, not just the field: a half-loaded row
 * would skew every aggregate without a trace.
 */
export function stageSelect(source: RecordSource, pass: StagePass): string {
  const columns = pass.table ? Object.entries(pass.table.columns) : [];
  const timeRaw = source.raw("TimeGenerated") ?? "NULL";
  const typeRaw = source.raw("Type");
  const raws = columns.map(([name, def], i) => {
    const raw = name === "Type" && source.category !== undefined ? undefined : source.raw(name);
    if (raw === undefined) return `NULL::VARCHAR AS r${i}`;
    if (def.type === "string" || def.type === "guid") {
      return `${source.nullText ? `nullif(${raw}, 'null')` : raw} AS r${i}`;
    }
    if (def.type === "dynamic") return `CASE WHEN (${raw})::VARCHAR IN ('', 'null', '"null"') THEN NULL ELSE (${raw})::VARCHAR END AS r${i}`;
    return `CASE WHEN ${raw} IN ('', 'null') THEN NULL ELSE ${raw} END AS r${i}`;
  });
  const l2 = [
    "__file", "__ln", "__bad",
    `${source.category ?? "NULL::VARCHAR"} AS __cat`,
    `CASE WHEN ${timeRaw} IN ('', 'null') THEN NULL ELSE ${timeRaw} END AS __time`,
    ...(typeRaw !== undefined && source.category === undefined ? [`${typeRaw} AS __type`] : ["NULL::VARCHAR AS __type"]),
    ...raws,
  ];
  const where = pass.onlyCategory && pass.category !== undefined && source.category !== undefined
    ? ` WHERE ${source.category} = ${lit(pass.category)}` : "";

  const typed: string[] = [];
  const badChecks: string[] = [];
  const badMessages: string[] = [];
  columns.forEach(([name, def], i) => {
    const r = `r${i}`;
    if (name === "Type") { typed.push(`${lit(pass.table!.name)} AS t${i}`); return; }
    switch (def.type) {
      case "string":
      case "guid":
        typed.push(`coalesce(${r}, '') AS t${i}`);
        return;
      case "dynamic":
        typed.push(`CASE WHEN ${r} IS NULL THEN NULL WHEN NOT json_valid(${r}) THEN to_json(${r}) ` +
          `WHEN json_type(${r}::JSON) = 'VARCHAR' AND json_valid(${r}::JSON->>'$') THEN (${r}::JSON->>'$')::JSON ELSE ${r}::JSON END AS t${i}`);
        return;
      case "datetime": {
        // Offsets are honoured (TIMESTAMPTZ, session time zone UTC); Kusto's 100 ns ticks are
        // refused rather than rounded, unless the extra digits are zeros (as Azure pads them).
        // epoch_us + make_timestamp: ICU's TIMESTAMPTZ→TIMESTAMP cast is ~10× slower. The
        // fallback reads the portal's CSV export format (7/19/2021, 6:46:50.188 PM).
        typed.push(`coalesce(make_timestamp(epoch_us(try_cast(${r} AS TIMESTAMPTZ))), ` +
          `try_strptime(${r}, ['%m/%d/%Y, %I:%M:%S.%g %p', '%m/%d/%Y, %I:%M:%S %p', '%m/%d/%Y %I:%M:%S %p'])) AS t${i}`);
        const subMicro = `(length(${r}) > 26 AND regexp_matches(${r}, '\\.[0-9]{6}[0-9]*[1-9]'))`;
        badChecks.push(`(${r} IS NOT NULL AND (t${i} IS NULL OR ${subMicro}))`);
        badMessages.push(`CASE WHEN ${r} IS NOT NULL AND t${i} IS NULL THEN ${lit(name + ": ")} || ${quoted(r)} || ' is not a valid datetime' ` +
          `WHEN ${r} IS NOT NULL AND ${subMicro} THEN ${lit(name + ": ")} || ${quoted(r)} || ' has digits below a microsecond, which DuckDB cannot keep' END`);
        return;
      }
      default:
        typed.push(`try_cast(${r} AS ${duckDbType(def.type)}) AS t${i}`);
        badChecks.push(`(${r} IS NOT NULL AND t${i} IS NULL)`);
        badMessages.push(`CASE WHEN ${r} IS NOT NULL AND t${i} IS NULL THEN ${lit(name + ": ")} || ${quoted(r)} || ' is not a valid ${def.type}' END`);
    }
  });
  const l3 = `SELECT *${typed.map((t) => `, ${t}`).join("")} FROM (SELECT ${l2.join(", ")} FROM ${source.from}${where})`;

  const kindCases: string[] = ["WHEN __bad = '' THEN 'blank'", "WHEN __bad IS NOT NULL THEN 'malformed'"];
  const msgCases: string[] = ["WHEN __bad IS NOT NULL THEN __bad"];
  if (source.category !== undefined) {
    kindCases.push("WHEN __cat IS NULL OR __cat = '' THEN 'missing-field'");
    msgCases.push("WHEN __cat IS NULL OR __cat = '' THEN 'category is missing'");
    const mine = pass.category !== undefined ? `__cat = ${lit(pass.category)}` : "false";
    // list_contains, not IN: DuckDB turns a long IN list into a join over every row.
    kindCases.push(`WHEN NOT (${mine}) THEN CASE WHEN list_contains([${TYPED.map(lit).join(", ")}], __cat) THEN 'other' ` +
      `WHEN list_contains([${UNTYPED.map(lit).join(", ")}], __cat) THEN 'untyped' ELSE 'unknown-category' END`);
    msgCases.push(`WHEN NOT (${mine}) THEN 'category ' || ${quoted("__cat")} || ' is not an ACS log category (fix the record, or extend src/schema if Microsoft added one)'`);
  } else if (pass.table) {
    kindCases.push(`WHEN __type IS NOT NULL AND __type NOT IN ('', ${lit(pass.table.name)}) THEN 'unknown-category'`);
    msgCases.push(`WHEN __type IS NOT NULL AND __type NOT IN ('', ${lit(pass.table.name)}) THEN 'Type ' || ${quoted("__type")} || ' does not match the file name (${pass.table.name})'`);
  }
  kindCases.push("WHEN __time IS NULL THEN 'missing-field'");
  msgCases.push(`WHEN __time IS NULL THEN ${lit(`${source.timeField} is missing`)}`);
  if (badChecks.length > 0) {
    kindCases.push(`WHEN ${badChecks.join(" OR ")} THEN 'wrong-type'`);
    msgCases.push(`WHEN ${badChecks.join(" OR ")} THEN concat_ws('; ', ${badMessages.join(", ")})`);
  }
  const out = columns.map(([name], i) => `t${i} AS ${ident(name)}`);
  // Rejected records carry one JSON text (kind, file, line, category, message), built only
  // for them: good rows pay for one CASE and one NULL column.
  const l4 = `SELECT *, CASE ${kindCases.join(" ")} END AS __kind FROM (${l3})`;
  return `SELECT CASE WHEN __kind IS NOT NULL THEN json_object('kind', __kind, 'file', __file, 'line', __ln, 'category', __cat, ` +
    `'message', CASE ${msgCases.join(" ")} END)::VARCHAR END AS __issue${out.map((o) => `, ${o}`).join("")} FROM (${l4})`;
}
