// Suppression comments:
//   // acs-insights-disable-next-line ACS001, prefer-has   findings that start on the next line
//   ... // acs-insights-disable-line KS510                 findings that start on this line
//   // acs-insights-disable ACS007                         whole file (only before the query)
// Ids are our rule ids or names, or Kusto.Language analyzer codes (KS5xx). Text after `--`
// is a free-form reason. Errors from Kusto.Language can never be suppressed.
import { kusto, toArray } from "../kusto-runtime.js";
import { positionOf } from "./context.js";
import { findRule, rules, suppressionFindings } from "./registry.js";
import type { KqlDiagnostic } from "../types.js";

/** One parsed suppression comment. */
export interface Suppression {
  readonly scope: "next-line" | "line" | "file";
  /** 1-based line the comment is on. */
  readonly line: number;
  /** Codes it suppresses, with KS codes a rule supersedes (and vice versa) added. */
  readonly codes: ReadonlySet<string>;
}

const DIRECTIVE = /^\/\/\s*acs-insights-(disable-next-line|disable-line|disable)(?=\s|$)(.*)$/;
const scopes = { "disable-next-line": "next-line", "disable-line": "line", disable: "file" } as const;

let analyzerCodes: readonly string[] | undefined;

/** The codes Kusto.Language's built-in analyzers report (KS500, KS501, …). */
export function kustoAnalyzerCodes(): readonly string[] {
  if (!analyzerCodes) {
    const codes = new Set<string>();
    for (const a of toArray(kusto().Editor.KustoAnalyzers.All)) {
      for (const d of toArray(a.Diagnostics)) if (d.Code) codes.add(d.Code);
    }
    analyzerCodes = [...codes].sort();
  }
  return analyzerCodes;
}

function validIds(): string {
  return `${rules.map((r) => `${r.id} (${r.name})`).join(", ")}, or a Kusto analyzer code: ${kustoAnalyzerCodes().join(", ")}`;
}

type Resolved = { readonly codes: string[] } | { readonly unknown: string } | { readonly invalid: string };

function resolve(id: string): Resolved {
  const rule = findRule(id);
  if (rule) return { codes: rule.supersedes ? [rule.id, rule.supersedes] : [rule.id] };
  const upper = id.toUpperCase();
  if (kustoAnalyzerCodes().includes(upper)) {
    return { codes: [upper, ...rules.filter((r) => r.supersedes === upper).map((r) => r.id)] };
  }
  const meta = Object.values(suppressionFindings).find((m) => m.id === upper || m.name === id.toLowerCase());
  if (meta) {
    return { invalid: `${meta.id} (${meta.name}) findings cannot be suppressed: fix the suppression comment instead.` };
  }
  if (/^KS\d+$/.test(upper) && !/^KS5\d\d$/.test(upper)) {
    return {
      invalid:
        `${upper} is a Kusto.Language syntax or semantic error code; errors cannot be suppressed because the query ` +
        "would fail or mean something else. Fix the query instead (only KS5xx analyzer findings and ACS rules can be suppressed).",
    };
  }
  return { unknown: `Unknown rule '${id}' in suppression comment. Use one of: ${validIds()}.` };
}

/**
 * Finds the suppression comments in the query's trivia (so `//` inside string literals is
 * never read as a comment) and reports the problems with them as ACS900/ACS901 findings.
 */
export function parseSuppressions(
  code: Kusto.Language.KustoCode,
): { readonly suppressions: Suppression[]; readonly problems: KqlDiagnostic[] } {
  const suppressions: Suppression[] = [];
  const problems: KqlDiagnostic[] = [];
  const problem = (kind: "unknown" | "invalid", start: number, length: number, message: string): void => {
    problems.push({ severity: "warning", code: suppressionFindings[kind].id, message, ...positionOf(code, start), start, length });
  };

  const tokens = code.Syntax ? toArray(code.Syntax.GetTokens(true)) : [];
  tokens.forEach((token, index) => {
    const trivia = token.Trivia ?? "";
    if (!trivia.includes("//")) return;
    for (const m of trivia.matchAll(/\/\/[^\r\n]*/g)) {
      const comment = m[0];
      const directive = DIRECTIVE.exec(comment);
      if (!directive) continue;
      const start = token.TriviaStart + m.index;
      const scope = scopes[directive[1] as keyof typeof scopes];
      const argsAt = start + comment.length - directive[2]!.length;
      const args = directive[2]!.split("--")[0]!;
      const codes = new Set<string>();
      let named = 0;
      for (const idMatch of args.matchAll(/[^\s,]+/g)) {
        named++;
        const id = idMatch[0];
        const at = argsAt + idMatch.index;
        const r = resolve(id);
        if ("codes" in r) r.codes.forEach((c) => codes.add(c));
        else if ("unknown" in r) problem("unknown", at, id.length, r.unknown);
        else problem("invalid", at, id.length, r.invalid);
      }
      if (named === 0) {
        problem("unknown", start, comment.length, `Suppression comment names no rule. Name the rules to suppress: ${validIds()}.`);
      }
      if (scope === "file" && index !== 0) {
        problem(
          "invalid",
          start,
          comment.length,
          "acs-insights-disable applies to the whole file and must come before the query; it is ignored here. " +
            "Move it to the top, or use acs-insights-disable-next-line / acs-insights-disable-line for this spot.",
        );
        continue;
      }
      if (codes.size > 0) suppressions.push({ scope, line: positionOf(code, start).line, codes });
    }
  });
  return { suppressions, problems };
}

/** True when a suppression covers the finding. Errors and ACS9xx findings are never suppressed. */
export function isSuppressed(finding: KqlDiagnostic, suppressions: readonly Suppression[]): boolean {
  if (finding.severity === "error") return false;
  return suppressions.some(
    (s) =>
      s.codes.has(finding.code) &&
      (s.scope === "file" || (s.scope === "line" ? finding.line === s.line : finding.line === s.line + 1)),
  );
}
