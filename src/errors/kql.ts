// The end-code dataset as KQL: an inline dimension table to lookup against ACSCallSummary,
// and scalar helpers that classify end codes the way Microsoft's workbooks do.
import { datatable, fn, type Expr, type Query } from "../kql/index.js";
import { endCodes, SOURCE_PRIORITY } from "./end-codes.js";
import type { EndCodeRow, EndCodeSource } from "./types.js";

/** Columns of {@link endCodeTable}; all strings, like ParticipantEndReason/ParticipantEndSubCode. */
export const END_CODE_TABLE_SCHEMA = {
  Code: "string",
  SubCode: "string",
  ResultCategory: "string",
  Meaning: "string",
  Advice: "string",
  Source: "string",
} as const;

export type EndCodeTableRow = { readonly [K in keyof typeof END_CODE_TABLE_SCHEMA]: string };

/**
 * One row per (Code, SubCode), ready for a lookup. When several sources describe a pair,
 * Meaning, Advice and Source come from the best source in {@link SOURCE_PRIORITY}
 * (call-end, then pstn, then service, then client), and ResultCategory from the best
 * source that states one. Code-level rows (the doc's "(none)") have SubCode "", and a
 * missing category is "" (Kusto strings have no null).
 */
export function endCodeLookupRows(sources: readonly EndCodeSource[] = SOURCE_PRIORITY): EndCodeTableRow[] {
  const groups = new Map<string, EndCodeRow[]>();
  for (const row of endCodes) {
    if (!sources.includes(row.source)) continue;
    const key = `${row.code}/${row.subcode ?? ""}`;
    const list = groups.get(key) ?? [];
    list.push(row);
    groups.set(key, list);
  }
  const out: EndCodeTableRow[] = [];
  for (const list of groups.values()) {
    list.sort((a, b) => SOURCE_PRIORITY.indexOf(a.source) - SOURCE_PRIORITY.indexOf(b.source));
    const best = list[0] as EndCodeRow;
    out.push({
      Code: String(best.code),
      SubCode: best.subcode === null ? "" : String(best.subcode),
      ResultCategory: list.find((r) => r.resultCategory !== null)?.resultCategory ?? "",
      Meaning: best.meaning,
      Advice: best.advice,
      Source: best.source,
    });
  }
  return out;
}

/** Columns of {@link endCodeTable} besides the keys Code and SubCode. */
export type EndCodeTableColumn = Exclude<keyof typeof END_CODE_TABLE_SCHEMA, "Code" | "SubCode">;

/** The row type of {@link endCodeTable} with the key columns and the chosen columns `K`. */
export type EndCodeTableOf<K extends EndCodeTableColumn> = { readonly [P in "Code" | "SubCode" | K]: "string" };

const ALL_COLUMNS: readonly EndCodeTableColumn[] = ["ResultCategory", "Meaning", "Advice", "Source"];

/**
 * The end-code dataset as an inline `datatable(Code, SubCode, ResultCategory, Meaning,
 * Advice, Source)`, (Code, SubCode) unique (see {@link endCodeLookupRows}). Lookup it on
 * `ParticipantEndReason == Code and ParticipantEndSubCode == SubCode`; prefer
 * `lookup kind=leftouter`, which keeps rows whose codes the table does not know.
 *
 * `columns` keeps only some non-key columns and `sources` only some sources, which keeps
 * the query text small (the full table is about 100 KB of KQL).
 *
 * @example
 * ```ts
 * from(ACSCallSummary).where(inWindow)
 *   .summarize((c) => ({ participants: agg.count() }), ["ParticipantEndReason", "ParticipantEndSubCode"])
 *   .lookup(endCodeTable({ columns: ["Meaning", "Advice"] }),
 *     [["ParticipantEndReason", "Code"], ["ParticipantEndSubCode", "SubCode"]]);
 * ```
 */
export function endCodeTable<K extends EndCodeTableColumn = EndCodeTableColumn>(
  options: { readonly sources?: readonly EndCodeSource[]; readonly columns?: readonly K[] } = {},
): Query<EndCodeTableOf<K>> {
  const keep = new Set<string>(["Code", "SubCode", ...(options.columns ?? ALL_COLUMNS)]);
  const schema = Object.fromEntries(Object.entries(END_CODE_TABLE_SCHEMA).filter(([n]) => keep.has(n))) as EndCodeTableOf<K>;
  const rows = endCodeLookupRows(options.sources).map(
    (r) => Object.fromEntries(Object.entries(r).filter(([n]) => keep.has(n))) as { readonly [P in keyof EndCodeTableOf<K>]: string },
  );
  return datatable(schema, rows);
}

/**
 * Code-level wording only (the doc's "(none)" rows): `datatable(Code, CodeMeaning,
 * CodeAdvice)`, Code unique. A second, small lookup on ParticipantEndReason alone that
 * explains codes whose subcode the main table does not know.
 */
export function endCodeFallbackTable(): Query<{ readonly Code: "string"; readonly CodeMeaning: "string"; readonly CodeAdvice: "string" }> {
  const rows = endCodeLookupRows()
    .filter((r) => r.SubCode === "")
    .map((r) => ({ Code: r.Code, CodeMeaning: r.Meaning, CodeAdvice: r.Advice }));
  return datatable({ Code: "string", CodeMeaning: "string", CodeAdvice: "string" }, rows);
}

/**
 * The SIP class of an end-code expression (reference §4.5): `case(code startswith "0" or
 * "2" → "Success", "1" → "Provisional", "3" → "Redirection", "4" → "Client failure", "5" →
 * "Server failure", "6" → "Global failure", otherwise `otherwise`)`. Same labels as
 * {@link sipClass}.
 */
export function sipClassExpr(code: Expr<"string">, otherwise = "Unknown"): Expr<"string"> {
  return fn.case(
    [
      [code.startsWith("0").or(code.startsWith("2")), "Success"],
      [code.startsWith("1"), "Provisional"],
      [code.startsWith("3"), "Redirection"],
      [code.startsWith("4"), "Client failure"],
      [code.startsWith("5"), "Server failure"],
      [code.startsWith("6"), "Global failure"],
    ],
    otherwise,
  );
}

/**
 * True when an end code is a failure in the Insights workbook's sense: it does not start
 * with "0" or "2" (reference §4.1, "failed end reason").
 */
export function isFailedEndExpr(code: Expr<"string">): Expr<"bool"> {
  return code.notStartsWith("0").and(code.notStartsWith("2"));
}

/**
 * True for an ungraceful end by the 2025 definition: ResultCategory is UnexpectedClientError
 * or UnexpectedServerError. Written as `startswith "Unexpected"` rather than Microsoft's
 * `contains 'Unexpected'`: the same rows for the four categories, without a substring scan,
 * and `has` would not match (the category is one term).
 */
export function isUngracefulExpr(resultCategory: Expr<"string">): Expr<"bool"> {
  return resultCategory.startsWith("Unexpected");
}

/**
 * PSTN direction from the end subcode (reference §4.1): `"outbound"` for 560xxx, `"inbound"`
 * for 540xxx, `otherwise` for subcodes the Microsoft service generated. Same labels as
 * {@link pstnDirection}.
 */
export function pstnDirectionExpr(subcode: Expr<"string">, otherwise = "unknown"): Expr<"string"> {
  return fn.case(
    [
      [subcode.startsWith("560"), "outbound"],
      [subcode.startsWith("540"), "inbound"],
    ],
    otherwise,
  );
}
