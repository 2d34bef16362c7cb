export { lint, lintWithAnalysis } from "./lint.js";
export { findRule, rules, suppressionFindings } from "./registry.js";
export { kustoAnalyzerCodes } from "./suppression.js";
export type { LintOptions, Rule, RuleContext, RuleFinding } from "./types.js";
