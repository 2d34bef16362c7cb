/** How serious a finding is. Matches Kusto.Language's severities, lower-cased. */
export type Severity = "error" | "warning" | "suggestion" | "information";

/** One finding in a KQL text. Positions are 1-based; `start`/`length` are 0-based offsets. */
export interface KqlDiagnostic {
  readonly severity: Severity;
  /** Kusto.Language code such as `KS142`, or a rule id of our own linter. */
  readonly code: string;
  readonly message: string;
  readonly line: number;
  readonly column: number;
  readonly start: number;
  readonly length: number;
}

/** A column of the query's result as the analyzer infers it. */
export interface ResultColumn {
  readonly name: string;
  /** Kusto type name, e.g. `string`, `long`, `datetime`, `dynamic`. */
  readonly type: string;
}

/** Everything the analyzer says about one query. */
export interface AnalysisResult {
  /** Syntax and semantic diagnostics (unknown names, type errors, ...). */
  readonly diagnostics: readonly KqlDiagnostic[];
  /** Best-practice findings from Kusto.Language's built-in analyzers (KS5xx). */
  readonly analyzerDiagnostics: readonly KqlDiagnostic[];
  /** Result columns when the query returns a table; empty for scalar or failed queries. */
  readonly resultColumns: readonly ResultColumn[];
  /** True when `diagnostics` holds at least one error. */
  readonly hasErrors: boolean;
}
