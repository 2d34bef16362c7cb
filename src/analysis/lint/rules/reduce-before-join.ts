import { columnCount, keywordOf, tableRefOf, unparen } from "../syntax.js";
import type { TableRef } from "../syntax.js";
import type { Rule, RuleContext, RuleFinding } from "../types.js";

type Expression = Kusto.Language.Syntax.Expression;

/** How deep `let` definitions are followed when looking for a side's source. */
const MAX_LET_DEPTH = 8;

type Side = { readonly status: "reduced" | "unknown" } | { readonly status: "raw"; readonly ref: TableRef };

/**
 * Walks a join side's pipeline from the join back to its source: `reduced` if a
 * project / project-away / project-keep / summarize / distinct (or count, make-series,
 * top-nested) comes first, `raw` if it reaches a database table without one, `unknown`
 * for anything else (another join, a union, datatable, a function call, …).
 */
function sideOf(ctx: RuleContext, expr: Expression | null, depth: number): Side {
  const SK = ctx.K.Syntax.SyntaxKind;
  const reducers = new Set<number>([
    SK.ProjectOperator,
    SK.ProjectAwayOperator,
    SK.ProjectKeepOperator,
    SK.SummarizeOperator,
    SK.DistinctOperator,
    SK.CountOperator,
    SK.MakeSeriesOperator,
    SK.TopNestedOperator,
  ]);
  const stops = new Set<number>([SK.JoinOperator, SK.LookupOperator, SK.UnionOperator, SK.ForkOperator, SK.FacetOperator]);
  let e = unparen(ctx, expr);
  while (e) {
    if (e.Kind === SK.PipeExpression) {
      const pipe = e as Kusto.Language.Syntax.PipeExpression;
      const op = pipe.Operator;
      if (op && reducers.has(op.Kind)) return { status: "reduced" };
      if (op && stops.has(op.Kind)) return { status: "unknown" };
      e = unparen(ctx, pipe.Expression);
    } else if (e.Kind === SK.MaterializeExpression) {
      e = unparen(ctx, (e as Kusto.Language.Syntax.MaterializeExpression).Expression);
    } else {
      const ref = tableRefOf(ctx, e);
      if (ref) return { status: "raw", ref };
      const def = e.Kind === SK.NameReference ? ctx.letOf(e.ReferencedSymbol) : undefined;
      if (def && depth < MAX_LET_DEPTH) return sideOf(ctx, def.Expression, depth + 1);
      return { status: "unknown" };
    }
  }
  return { status: "unknown" };
}

/** The join keys (`on A, $left.B == $right.C`) as column names, for the fix text. */
function keysOf(ctx: RuleContext, clause: Kusto.Language.Syntax.JoinConditionClause | null): string[] {
  if (!clause) return [];
  const names = new Set<string>();
  const SK = ctx.K.Syntax.SyntaxKind;
  for (const n of ctx.nodes(SK.NameReference)) {
    if (n.TextStart < clause.TextStart || n.End > clause.End) continue;
    const name = (n as Kusto.Language.Syntax.NameReference).SimpleName;
    if (name && name !== "$left" && name !== "$right" && n.ReferencedSymbol?.Kind === ctx.K.Symbols.SymbolKind.Column) {
      names.add(name);
    }
  }
  return [...names];
}

/**
 * ACS006 reduce-before-join: each side of a `join` / `lookup` that is a database table
 * (after any filters) goes through a `project`, `project-away`, `project-keep`, `summarize`
 * or `distinct` before the join. Log Analytics stores columns separately, so every column
 * a side carries into the join is read and shuffled (Azure Monitor "Reduce the number of
 * columns"; ADX "project early").
 */
export const reduceBeforeJoin: Rule = {
  id: "ACS006",
  name: "reduce-before-join",
  severity: "warning",
  title: "Project or summarize each side of a join/lookup before the join.",
  check(ctx) {
    const SK = ctx.K.Syntax.SyntaxKind;
    const out: RuleFinding[] = [];
    for (const n of ctx.nodes(SK.JoinOperator, SK.LookupOperator)) {
      const isJoin = n.Kind === SK.JoinOperator;
      const op = n as Kusto.Language.Syntax.JoinOperator | Kusto.Language.Syntax.LookupOperator;
      const verb = keywordOf(n);
      const kw = n.GetFirstToken(false);
      if (!kw) continue;
      const clause = isJoin
        ? (op as Kusto.Language.Syntax.JoinOperator).ConditionClause
        : (op as Kusto.Language.Syntax.LookupOperator).LookupClause;
      const keys = keysOf(ctx, clause);
      const keep = keys.length > 0 ? `${keys.join(", ")}, <the columns you use>` : "<the keys and the columns you use>";

      const pipe = n.Parent;
      if (pipe && pipe.Kind === SK.PipeExpression) {
        const left = sideOf(ctx, (pipe as Kusto.Language.Syntax.PipeExpression).Expression, 0);
        if (left.status === "raw") {
          const name = left.ref.table.Name ?? ctx.textOf(left.ref.node);
          out.push({
            start: kw.TextStart,
            length: kw.Width,
            message:
              `The left side of this ${verb} brings all ${columnCount(left.ref.table)} columns of \`${name}\` ` +
              `(line ${ctx.lineOf(left.ref.node.TextStart)}) into the ${verb}. ` +
              `Fix: add \`| project ${keep}\` (or a summarize) before \`| ${verb}\`.`,
          });
        }
      }

      const right = sideOf(ctx, op.Expression, 0);
      if (right.status === "raw") {
        const name = right.ref.table.Name ?? ctx.textOf(right.ref.node);
        const rightExpr = op.Expression;
        const inside =
          rightExpr && right.ref.node.TextStart >= rightExpr.TextStart && right.ref.node.End <= rightExpr.End;
        const at = inside ? right.ref.node : (rightExpr ?? n);
        out.push({
          start: at.TextStart,
          length: at.End - at.TextStart,
          message:
            `The right side of this ${verb} (line ${ctx.lineOf(kw.TextStart)}) brings all ${columnCount(right.ref.table)} ` +
            `columns of \`${name}\` into the ${verb}. ` +
            `Fix: end the subquery with \`| project ${keep}\` (or a summarize), e.g. ` +
            `\`${verb} … (${name} | where TimeGenerated > ago(1d) | project ${keep}) on …\`.`,
        });
      }
    }
    return out;
  },
};
