import type { KqlType } from "../schema/kql-types.js";

/**
 * The report as data: what was read (dataset facts), the headline numbers and one section
 * per catalog analysis. Both renderers (terminal and HTML) take only this, so the report
 * can be tested, rendered twice and compared without touching DuckDB.
 */
export interface Report {
  readonly title: string;
  /** When the report was produced (wall clock; not the data's time). */
  readonly createdAt: Date;
  readonly dataset: DatasetFacts;
  readonly headlines: readonly Headline[];
  readonly sections: readonly ReportSection[];
}

/** What the report covers, so readers can judge how far to trust it. */
export interface DatasetFacts {
  /** The logs directory as the user gave it. */
  readonly root: string;
  readonly layout: string;
  readonly files: number;
  readonly lines: number;
  /** ACS table → rows loaded (tables with 0 rows included). */
  readonly rowsByTable: Readonly<Record<string, number>>;
  /** Earliest and latest TimeGenerated over all loaded tables; null when no row has one. */
  readonly dataRange: { readonly from: Date; readonly to: Date } | null;
  /** The window the catalog queries ran over: `now` = the latest TimeGenerated, minus `lookback`. */
  readonly window: { readonly from: Date; readonly to: Date; readonly lookback: string; readonly timeBin: string } | null;
  /** Records of ACS categories this kit has no table for (loaded nowhere, not errors). */
  readonly skippedUntyped: number;
  /** Skipped lines by kind (malformed, unknown-category, wrong-type, missing-field). */
  readonly issueCounts: Readonly<Record<string, number>>;
  /** The first few skipped lines, each "file:line: kind: message". */
  readonly issueSamples: readonly string[];
}

/** One headline number at the top of the report, with the catalog entry it comes from. */
export interface Headline {
  readonly label: string;
  readonly value: string;
  /** Extra context, e.g. "12 of 200 calls". */
  readonly detail?: string;
  readonly catalogId: string;
  /** Marks a number that deserves attention (rendered in a warning colour). */
  readonly tone?: "neutral" | "warn";
}

/** A column of a section's result, with its Kusto type (drives number and time formatting). */
export interface ReportColumn {
  readonly name: string;
  readonly type: KqlType;
}

/** A result row: column name → value as read back from DuckDB (number, string, Date, boolean, null, ...). */
export type ReportRow = Readonly<Record<string, unknown>>;

/**
 * How a section is charted. Column names refer to the section's columns.
 * - `bar`: one horizontal bar per row (`label` columns joined with " · "), one bar per `values` column.
 * - `column`: vertical columns per row, for small ordered categories (histograms).
 * - `timeseries`: one line per `series` column over the datetime column `time`.
 * - `stacked`: one horizontal 100 % bar per row, split into the `parts` columns (e.g. good vs poor).
 * - `share`: one 100 % bar for the whole result: each row is a segment (`label` → `value`).
 * - `none`: table only (one-row summaries, wide percentile tables).
 */
export type ChartSpec =
  | {
      readonly kind: "bar";
      readonly label: readonly string[];
      readonly values: readonly string[];
      readonly maxBars?: number;
      /** Rows left out of the chart (not the table), e.g. successful end codes that would dwarf the failures. */
      readonly exclude?: { readonly column: string; readonly equals: string; readonly caption: string };
    }
  | { readonly kind: "column"; readonly label: string; readonly values: readonly string[] }
  | { readonly kind: "timeseries"; readonly time: string; readonly series: readonly string[]; readonly unit?: string }
  | { readonly kind: "stacked"; readonly label: readonly string[]; readonly parts: readonly string[] }
  | { readonly kind: "share"; readonly label: string; readonly value: string }
  | { readonly kind: "none" };

/** Where a section's numbers come from and whether it could run. */
export type SectionStatus =
  | { readonly kind: "ok"; readonly elapsedMs: number }
  /** The SQL backend refuses the entry (e.g. a KQL function with no faithful DuckDB equivalent). */
  | { readonly kind: "unavailable"; readonly reason: string }
  /** The query compiled but failed to run: a bug in the kit, shown rather than hidden. */
  | { readonly kind: "failed"; readonly error: string };

/** One catalog analysis in the report. */
export interface ReportSection {
  /** The group it is shown under ("Volume", "Quality", ...). */
  readonly group: string;
  /** The catalog entry id: the same query runs in Log Analytics (`queries/kql/<id>.kql`). */
  readonly catalogId: string;
  readonly title: string;
  /** The entry's description: what it answers and how to read it. */
  readonly description: string;
  /** Why this section is in the report / what to look at first. */
  readonly note?: string;
  readonly columns: readonly ReportColumn[];
  readonly rows: readonly ReportRow[];
  readonly chart: ChartSpec;
  readonly status: SectionStatus;
  /** Parameter values passed to the query besides the window (e.g. timeBin, topN). */
  readonly params?: Readonly<Record<string, string>>;
}
