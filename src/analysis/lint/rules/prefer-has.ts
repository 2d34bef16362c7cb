import { unparen } from "../syntax.js";
import type { Rule, RuleFinding } from "../types.js";

/** A needle `has` can look up in the term index: 3 or more ASCII letters or digits. */
const TERM = /^[A-Za-z0-9]{3,}$/;

/**
 * ACS003 prefer-has: `contains` / `!contains` / `contains_cs` / `!contains_cs` with a
 * literal needle that is a whole term → `has` / `!has` / `has_cs` / `!has_cs`, which use
 * the term index instead of scanning every string (ADX best practices; KS500).
 * Replaces Kusto.Language's KS500 at the same operator, which fires on every `contains`.
 */
export const preferHas: Rule = {
  id: "ACS003",
  name: "prefer-has",
  severity: "suggestion",
  title: "Use has instead of contains for a literal needle of 3+ letters/digits.",
  supersedes: "KS500",
  check(ctx) {
    const SK = ctx.K.Syntax.SyntaxKind;
    const replacement = new Map<number, string>([
      [SK.ContainsExpression, "has"],
      [SK.NotContainsExpression, "!has"],
      [SK.ContainsCsExpression, "has_cs"],
      [SK.NotContainsCsExpression, "!has_cs"],
    ]);
    const out: RuleFinding[] = [];
    const nodes = ctx.nodes(...replacement.keys());
    for (const n of nodes) {
      const b = n as Kusto.Language.Syntax.BinaryExpression;
      const right = unparen(ctx, b.Right);
      if (!right || right.Kind !== SK.StringLiteralExpression) continue;
      const needle: unknown = right.LiteralValue;
      if (typeof needle !== "string" || !TERM.test(needle)) continue;
      const op = b.Operator;
      if (!op) continue;
      const has = replacement.get(b.Kind)!;
      const left = b.Left ? ctx.textOf(b.Left) : "…";
      out.push({
        start: op.TextStart,
        length: op.Width,
        message:
          `\`${op.Text}\` scans every value for "${needle}"; \`${has}\` finds whole terms through the term index instead. ` +
          `Fix: \`${left} ${has} ${ctx.textOf(right)}\` (note: \`${has}\` matches whole terms only, so keep ` +
          `\`${op.Text}\` if "${needle}" may be part of a longer word, and suppress this rule there).`,
      });
    }
    return out;
  },
};
