import { analyzeWithCode } from "../analyze.js";
import type { AnalysisResult, KqlDiagnostic } from "../types.js";
import { createContext, positionOf } from "./context.js";
import { findRule, rules } from "./registry.js";
import { isSuppressed, parseSuppressions } from "./suppression.js";
import type { LintOptions, Rule } from "./types.js";

function activeRules(disable: readonly string[] = []): readonly Rule[] {
  const off = new Set<Rule>();
  for (const idOrName of disable) {
    const rule = findRule(idOrName);
    if (!rule) {
      const known = rules.map((r) => `${r.id} ${r.name}`).join(", ");
      throw new Error(`lint: unknown rule '${idOrName}' in options.disable (known: ${known})`);
    }
    off.add(rule);
  }
  return rules.filter((r) => !off.has(r));
}

/**
 * Lints one KQL query: Kusto.Language's diagnostics (errors), its KS5xx analyzers, and the
 * kit's own ACS rules (see the table in `registry.ts`), minus what suppression comments
 * suppress, plus findings about the suppression comments themselves. Sorted by position.
 *
 * @example
 * ```ts
 * lint("ACSCallSummary | join (ACSCallDiagnostics) on CorrelationId").map((d) => d.code);
 * // ["ACS001", "ACS002", "ACS006", "ACS001", "ACS006"]
 * ```
 */
export function lint(kql: string, options: LintOptions = {}): KqlDiagnostic[] {
  return lintWithAnalysis(kql, options).findings;
}

/**
 * {@link lint}, also returning the analysis it ran (result columns, ...), so a caller that
 * needs both pays for one parse and semantic analysis.
 */
export function lintWithAnalysis(kql: string, options: LintOptions = {}): { findings: KqlDiagnostic[]; analysis: AnalysisResult } {
  const { result, code } = analyzeWithCode(kql, options);
  const ctx = createContext(code, kql);

  const own: KqlDiagnostic[] = [];
  const seen = new Set<string>();
  const superseded = new Set<string>();
  for (const rule of activeRules(options.disable)) {
    for (const f of rule.check(ctx)) {
      const key = `${rule.id}@${f.start}`;
      if (seen.has(key)) continue;
      seen.add(key);
      if (rule.supersedes) superseded.add(`${rule.supersedes}@${f.start}`);
      const { line, column } = positionOf(code, f.start);
      own.push({ severity: rule.severity, code: rule.id, message: f.message, line, column, start: f.start, length: f.length });
    }
  }
  const analyzers = result.analyzerDiagnostics.filter((d) => !superseded.has(`${d.code}@${d.start}`));

  const { suppressions, problems } = parseSuppressions(code);
  const kept = [...result.diagnostics, ...analyzers, ...own].filter((d) => !isSuppressed(d, suppressions));
  const findings = [...kept, ...problems].sort((a, b) => a.start - b.start || a.code.localeCompare(b.code));
  return { findings, analysis: result };
}
