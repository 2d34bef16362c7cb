import { listItems, unparen } from "../syntax.js";
import type { Rule, RuleContext, RuleFinding } from "../types.js";

const CASE_FUNCTIONS = new Set(["tolower", "toupper"]);

/** The argument of `tolower(x)` / `toupper(x)`, or undefined. */
function caseFolded(ctx: RuleContext, expr: Kusto.Language.Syntax.Expression | null): { fn: string; arg: string } | undefined {
  const e = unparen(ctx, expr);
  if (!e || e.Kind !== ctx.K.Syntax.SyntaxKind.FunctionCallExpression) return undefined;
  const call = e as Kusto.Language.Syntax.FunctionCallExpression;
  const fn = call.Name?.SimpleName ?? "";
  const args = listItems(call.ArgumentList?.Expressions);
  if (!CASE_FUNCTIONS.has(fn) || args.length !== 1) return undefined;
  return { fn, arg: ctx.textOf(args[0]!) };
}

/**
 * ACS005 no-tolower-compare: `tolower(x) == "v"` / `toupper(x) != "V"` (on either side)
 * → `x =~ "v"` / `x !~ "V"`. Case-folding every row before comparing costs a function call
 * per row and defeats the index; `=~` compares case-insensitively (ADX best practices).
 */
export const noTolowerCompare: Rule = {
  id: "ACS005",
  name: "no-tolower-compare",
  severity: "suggestion",
  title: "Compare case-insensitively with =~ / !~ instead of tolower()/toupper() with == / !=.",
  check(ctx) {
    const SK = ctx.K.Syntax.SyntaxKind;
    const out: RuleFinding[] = [];
    for (const n of ctx.nodes(SK.EqualExpression, SK.NotEqualExpression)) {
      const b = n as Kusto.Language.Syntax.BinaryExpression;
      const left = caseFolded(ctx, b.Left);
      const right = caseFolded(ctx, b.Right);
      const folded = left ?? right;
      if (!folded) continue;
      const l = left ? left.arg : b.Left ? ctx.textOf(b.Left) : "…";
      const r = right ? right.arg : b.Right ? ctx.textOf(b.Right) : "…";
      const op = n.Kind === SK.EqualExpression ? "=~" : "!~";
      out.push({
        start: b.TextStart,
        length: b.End - b.TextStart,
        message:
          `\`${ctx.textOf(b)}\` runs ${folded.fn}() on every row before comparing. ` +
          `Fix: compare case-insensitively with \`${l} ${op} ${r}\`.`,
      });
    }
    return out;
  },
};
