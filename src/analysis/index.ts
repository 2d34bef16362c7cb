export { analyze } from "./analyze.js";
export type { AnalyzeOptions } from "./analyze.js";
export type { AnalysisResult, KqlDiagnostic, ResultColumn, Severity } from "./types.js";
export { kustoLoadMs } from "./kusto-runtime.js";
export { resultColumnMismatches } from "./result-columns.js";
export { parseLiteralValues, kustoKeywords, type KustoKeyword, type ParsedLiteral, type ParsedLiteralKind, type ParsedLiterals } from "./literals.js";
export { lint, lintWithAnalysis, rules } from "./lint/index.js";
export type { LintOptions, Rule } from "./lint/index.js";
