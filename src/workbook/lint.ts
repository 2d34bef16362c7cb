// Lints the queries of a rendered workbook with Microsoft's Kusto analyzer, offline.
//
// Each workbook placeholder is replaced with a representative value of its parameter's type
// (../shared/reference/workbook-params-and-clients.md §1.5), and each query is analyzed
// against the ACS table schemas (Resource Graph queries against argTables). Multi-selects
// expand to two different texts in the portal — some values (`'a','b'`) or none / "All"
// (the empty string) — so every query is analyzed in both passes; number parameters get
// their default in one pass and another number in the other. Then every column that a
// visualization names (grid formatters, labels and sorting, tiles, chart axes and series,
// the exported field) must be a column the analyzer infers for that query.
import { analyze, type AnalysisResult, type ResultColumn } from "../analysis/index.js";
import type { TableDef } from "../schema/index.js";
import { argTables } from "./arg-schema.js";
import type { NotebookJson, ParameterJson, QueryContentJson } from "./json.js";
import { PARAM_TYPE, QUERY_TYPE } from "./json.js";
import { NUMBER_PATTERN } from "./render.js";
import { PLACEHOLDER, paramsInOrder, type KnownParam } from "./validate.js";

/** The two substitution passes. */
export type LintPass = "some-selected" | "none-selected";
export const LINT_PASSES: readonly LintPass[] = ["some-selected", "none-selected"];

/** Representative values (§1.5), shared with the tests and the README. */
export const REPRESENTATIVE = {
  start: "datetime(2024-01-01T00:00:00Z)",
  end: "datetime(2024-01-02T00:00:00Z)",
  grain: "1h",
  timeRangeQuery: "> ago(1d)",
  multiSome: ["a", "b"],
  text: "sample",
  guid: "00000000-0000-0000-0000-000000000001",
  resourceId: "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/microsoft.communication/communicationservices/acs1",
  subscription: "/subscriptions/00000000-0000-0000-0000-000000000000",
} as const;

/** One query of the workbook, as analyzed. */
export interface LintedQuery {
  /** The step's name. */
  readonly step: string;
  /** `query`, or `parameter <Name>` for a parameter's query. */
  readonly where: string;
  readonly queryType: number;
  /** Substituted KQL and analysis per pass (the same object twice when both passes give the same text). */
  readonly passes: Readonly<Record<LintPass, { readonly kql: string; readonly result: AnalysisResult }>>;
  /** The analyzer's result columns (of the first pass). */
  readonly columns: readonly ResultColumn[];
  /** The columns the step's settings name, with where (e.g. `chartSettings.yAxis`). */
  readonly references: readonly { readonly column: string; readonly where: string }[];
}

export interface WorkbookLintReport {
  /** Every problem, one line each, starting with the step name. Empty = clean. */
  readonly problems: readonly string[];
  readonly queries: readonly LintedQuery[];
  /** How many times the analyzer ran (identical texts are analyzed once). */
  readonly analyses: number;
}

function isNumberParam(p: ParameterJson): boolean {
  const rules = p.typeSettings?.["paramValidationRules"];
  return Array.isArray(rules) && rules.some((r) => {
    const re = (r as { regExp?: string }).regExp;
    return re === NUMBER_PATTERN.integer || re === NUMBER_PATTERN.decimal;
  });
}

/** The representative text of `{name:format}` in a pass; a string problem when it has none. */
function representative(p: KnownParam, format: string | undefined, pass: LintPass): string | { problem: string } {
  if (p.kind === "exported") return format === undefined || format === "escape" || format === "value" ? REPRESENTATIVE.guid : { problem: `format ':${format}' of an exported parameter` };
  if (p.kind === "tab") return REPRESENTATIVE.text;
  const j = p.json as ParameterJson;
  switch (j.type) {
    case PARAM_TYPE.timeRange:
      switch (format) {
        case "start":
          return REPRESENTATIVE.start;
        case "end":
          return REPRESENTATIVE.end;
        case "grain":
          return REPRESENTATIVE.grain;
        case undefined:
        case "query":
        case "value":
          return REPRESENTATIVE.timeRangeQuery;
        case "label":
          return "Last 24 hours";
        case "startISO":
          return "2024-01-01T00:00:00.000Z";
        case "endISO":
          return "2024-01-02T00:00:00.000Z";
        case "seconds":
          return "86400";
        case "durationISO":
          return "PT24H";
        default:
          return { problem: `format ':${format}' of time range parameter '${j.name}' is not one this lint knows` };
      }
    case PARAM_TYPE.dropdown:
      if (j.multiSelect) {
        if (format === "label") return pass === "some-selected" ? REPRESENTATIVE.multiSome.join(", ") : "All";
        if (format !== undefined && format !== "value") return { problem: `format ':${format}' of multi-select parameter '${j.name}'` };
        const q = j.quote ?? "";
        return pass === "some-selected" ? REPRESENTATIVE.multiSome.map((v) => `${q}${v}${q}`).join(j.delimiter ?? ",") : "";
      }
      return REPRESENTATIVE.text;
    case PARAM_TYPE.text: {
      if (isNumberParam(j)) {
        const saved = typeof j.value === "string" ? j.value : "1";
        // Pass 2 uses another number of the same shape, so nothing depends on the default.
        return pass === "some-selected" ? saved : saved.includes(".") || !/^[0-9]+$/.test(saved) ? "2.5" : "1000";
      }
      return typeof j.value === "string" && j.value !== "" ? j.value : REPRESENTATIVE.text;
    }
    case PARAM_TYPE.resource:
      if (format === "name") return "acs1";
      return REPRESENTATIVE.resourceId;
    case PARAM_TYPE.subscription:
      return REPRESENTATIVE.subscription;
    default:
      return REPRESENTATIVE.text;
  }
}

/** The columns a query step's settings refer to. */
export function columnReferences(c: QueryContentJson): { column: string; where: string }[] {
  const refs: { column: string; where: string }[] = [];
  const add = (column: string | undefined, where: string) => {
    if (column !== undefined) refs.push({ column, where });
  };
  const g = c.gridSettings;
  g?.formatters?.forEach((f, i) => {
    add(f.columnMatch, `gridSettings.formatters[${i}].columnMatch`);
    const link = f.formatOptions?.["linkColumn"];
    if (typeof link === "string") add(link, `gridSettings.formatters[${i}].formatOptions.linkColumn`);
  });
  g?.labelSettings?.forEach((l, i) => add(l.columnId, `gridSettings.labelSettings[${i}].columnId`));
  g?.sortBy?.forEach((s, i) => add(s.itemKey, `gridSettings.sortBy[${i}].itemKey`));
  const t = c.tileSettings;
  if (t) {
    for (const k of ["titleContent", "leftContent", "rightContent", "subtitleContent", "secondaryContent"] as const) add(t[k]?.columnMatch, `tileSettings.${k}.columnMatch`);
  }
  const ch = c.chartSettings;
  if (ch) {
    add(ch.xAxis, "chartSettings.xAxis");
    ch.yAxis?.forEach((y, i) => add(y, `chartSettings.yAxis[${i}]`));
    add(ch.group, "chartSettings.group");
    // Without a group column, series are the y columns, so their names are column names.
    if (ch.group === undefined) ch.seriesLabelSettings?.forEach((s, i) => add(s.seriesName, `chartSettings.seriesLabelSettings[${i}].seriesName`));
  }
  add(c.exportFieldName, "exportFieldName");
  return refs;
}

const NUMERIC = new Set(["int", "long", "real", "decimal"]);

/**
 * Lints every query of a rendered workbook; see the module comment. Problems name the step,
 * the pass and the analyzer's code, line and column (in the substituted text).
 */
export function lintWorkbook(wb: NotebookJson): WorkbookLintReport {
  const problems: string[] = [];
  const queries: LintedQuery[] = [];
  const cache = new Map<string, AnalysisResult>();
  let analyses = 0;

  const run = (kql: string, tables: readonly TableDef[] | undefined): AnalysisResult => {
    const key = `${tables ? "arg" : "acs"}\u0000${kql}`;
    let r = cache.get(key);
    if (!r) {
      r = analyze(kql, { analyzers: false, ...(tables ? { tables } : {}) });
      analyses++;
      cache.set(key, r);
    }
    return r;
  };

  const lintQuery = (step: string, where: string, text: string, queryType: number, known: ReadonlyMap<string, KnownParam>, content?: QueryContentJson) => {
    const label = `step '${step}'${where === "query" ? "" : `, ${where}`}`;
    const tables = queryType === QUERY_TYPE.resourceGraph ? argTables : undefined;
    const passes = {} as Record<LintPass, { kql: string; result: AnalysisResult }>;
    for (const pass of LINT_PASSES) {
      let bad = false;
      const kql = text.replace(PLACEHOLDER, (whole, name: string, format: string | undefined) => {
        const p = known.get(name);
        if (!p) {
          bad = true;
          problems.push(`${label}: placeholder ${whole} names no parameter declared above the step`);
          return whole;
        }
        const v = representative(p, format, pass);
        if (typeof v === "string") return v;
        bad = true;
        problems.push(`${label}: placeholder ${whole}: ${v.problem}`);
        return whole;
      });
      if (bad) return;
      const result = run(kql, tables);
      passes[pass] = { kql, result };
      const lines = kql.split("\n");
      for (const d of result.diagnostics) {
        if (d.severity !== "error") continue;
        problems.push(`${label} (${pass}): ${d.code} at ${d.line}:${d.column}: ${d.message} — in: ${(lines[d.line - 1] ?? "").trim().slice(0, 160)}`);
      }
      if (!result.hasErrors && result.resultColumns.length === 0) problems.push(`${label} (${pass}): the analyzer infers no result table`);
    }
    const first = passes["some-selected"];
    const second = passes["none-selected"];
    const columns = first.result.resultColumns;
    const names = (cs: readonly ResultColumn[]) => cs.map((c) => `${c.name}:${c.type}`).join(", ");
    if (names(columns) !== names(second.result.resultColumns)) {
      problems.push(`${label}: result columns differ between passes: (${names(columns)}) vs (${names(second.result.resultColumns)})`);
    }
    const references = content ? columnReferences(content) : [];
    const byName = new Map(columns.map((c) => [c.name, c.type]));
    for (const r of references) {
      const type = byName.get(r.column);
      if (type === undefined) {
        problems.push(`${label}: ${r.where} names column '${r.column}', which the query does not return (it returns: ${columns.map((c) => c.name).join(", ") || "nothing"})`);
      } else if ((r.where.startsWith("chartSettings.yAxis") || r.where === "tileSettings.leftContent.columnMatch") && !NUMERIC.has(type) && type !== "dynamic") {
        problems.push(`${label}: ${r.where} names column '${r.column}' of type ${type}; it must be numeric`);
      }
    }
    queries.push({ step, where, queryType, passes, columns, references });
  };

  for (const { at, known } of paramsInOrder(wb.items)) {
    const s = at.step;
    if (s.type === 3) lintQuery(s.name, "query", s.content.query, s.content.queryType, known, s.content);
    if (s.type === 9) {
      const visible = new Map(known);
      for (const p of s.content.parameters) {
        if (p.query !== undefined) lintQuery(s.name, `parameter ${p.name}`, p.query, p.queryType ?? QUERY_TYPE.logs, visible);
        visible.set(p.name, { name: p.name, kind: "declared", json: p, step: s.name });
      }
    }
  }
  return { problems, queries, analyses };
}
