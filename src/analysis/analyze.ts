import { acsTables } from "../schema/index.js";
import type { TableDef } from "../schema/index.js";
import { globalsFor } from "./database.js";
import { kusto, toArray } from "./kusto-runtime.js";
import type { AnalysisResult, KqlDiagnostic, ResultColumn, Severity } from "./types.js";

/** Options for {@link analyze}. */
export interface AnalyzeOptions {
  /** Tables the query may reference. Default: every ACS table in `src/schema`. */
  readonly tables?: readonly TableDef[];
  /** Run the KS5xx best-practice analyzers too. Default: true. */
  readonly analyzers?: boolean;
}

const severities: Record<string, Severity> = {
  Error: "error",
  Warning: "warning",
  Suggestion: "suggestion",
  Information: "information",
};

/** A Kusto.Language diagnostic as our plain, 1-based {@link KqlDiagnostic}. */
export function toDiagnostic(code: Kusto.Language.KustoCode, d: Kusto.Language.Diagnostic): KqlDiagnostic {
  const line = { v: 0 };
  const column = { v: 0 };
  code.TryGetLineAndOffset(d.Start, line, column);
  return {
    severity: severities[d.Severity ?? ""] ?? "error",
    code: d.Code ?? "",
    message: d.Message ?? "",
    line: line.v,
    column: column.v,
    start: d.Start,
    length: d.Length,
  };
}

function resultColumnsOf(code: Kusto.Language.KustoCode): ResultColumn[] {
  const type = code.ResultType;
  if (!type || type.Kind !== kusto().Symbols.SymbolKind.Table) return [];
  const table = type as Kusto.Language.Symbols.TableSymbol;
  return toArray(table.Columns).map((c) => ({ name: c.Name ?? "", type: c.Type?.Name ?? "unknown" }));
}

/**
 * Parses and analyzes one KQL query against the ACS table schemas with Microsoft's
 * Kusto.Language, and returns its diagnostics and inferred result columns.
 *
 * @example
 * ```ts
 * const r = analyze("ACSCallSummary | where CallDuration > 60 | project CorrelationId");
 * r.hasErrors;      // false
 * r.resultColumns;  // [{ name: "CorrelationId", type: "string" }]
 * ```
 */
export function analyze(kql: string, options: AnalyzeOptions = {}): AnalysisResult {
  return analyzeWithCode(kql, options).result;
}

/**
 * {@link analyze}, plus the analyzed `KustoCode` it came from, so that callers inside
 * src/analysis (the linter) can walk the same syntax tree without parsing twice.
 * @internal Not exported from the package index: it exposes a Bridge.NET type.
 */
export function analyzeWithCode(
  kql: string,
  options: AnalyzeOptions = {},
): { readonly result: AnalysisResult; readonly code: Kusto.Language.KustoCode } {
  const K = kusto();
  const code = K.KustoCode.ParseAndAnalyze(kql, globalsFor(options.tables ?? acsTables))!;
  const diagnostics = toArray(code.GetDiagnostics()).map((d) => toDiagnostic(code, d));
  const analyzerDiagnostics =
    options.analyzers === false
      ? []
      : toArray(new K.Editor.KustoCodeService.ctor(code).GetAnalyzerDiagnostics(true)).map((d) =>
          toDiagnostic(code, d),
        );
  const result: AnalysisResult = {
    diagnostics,
    analyzerDiagnostics,
    resultColumns: resultColumnsOf(code),
    hasErrors: diagnostics.some((d) => d.severity === "error"),
  };
  return { result, code };
}
