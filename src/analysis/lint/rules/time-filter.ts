import { constrainsTime, keywordOf, outerParen, tableRefs, unparen } from "../syntax.js";
import type { Rule, RuleContext, RuleFinding } from "../types.js";

type SyntaxNode = Kusto.Language.Syntax.SyntaxNode;

/** How deep `let a = T; let b = a; b | where …` alias chains are followed. */
const MAX_ALIAS_DEPTH = 8;

const FIX = "| where TimeGenerated > ago(1d)` (or `between (start .. end)`)";

interface Problem {
  /** The node that lacks the filter: the table reference, or a use of a let alias of it. */
  readonly at: SyntaxNode;
  readonly why: string;
  readonly union?: boolean;
}

/**
 * Why the expression is not directly followed by a time filter, or undefined when it is.
 * An expression that is the whole body of a `let` (an alias: `let t = ACSCallSummary;`)
 * is fine when every use of the alias is itself directly time-filtered.
 */
function problem(ctx: RuleContext, expr: SyntaxNode, depth: number): Problem | undefined {
  const SK = ctx.K.Syntax.SyntaxKind;
  const e = outerParen(ctx, expr);
  const parent = e.Parent;
  if (!parent) return { at: expr, why: "nothing filters it" };

  if (parent.Kind === SK.PipeExpression && (parent as Kusto.Language.Syntax.PipeExpression).Expression === e) {
    const op = (parent as Kusto.Language.Syntax.PipeExpression).Operator;
    if (op && op.Kind === SK.FilterOperator) {
      if (constrainsTime(ctx, (op as Kusto.Language.Syntax.FilterOperator).Condition)) return undefined;
      return { at: expr, why: "the `where` right after it does not bound TimeGenerated (or another datetime column)" };
    }
    return { at: expr, why: `the first operator after it is \`${op ? keywordOf(op) : "?"}\`, not a time filter` };
  }

  if (parent.Kind === SK.LetStatement && depth < MAX_ALIAS_DEPTH) {
    const declared = (parent as Kusto.Language.Syntax.LetStatement).Name?.ReferencedSymbol;
    if (!declared) return { at: expr, why: "nothing filters it" };
    for (const use of ctx.referencesTo(declared)) {
      const p = problem(ctx, use, depth + 1);
      if (p) return p;
    }
    return undefined; // every use of the alias is filtered (or it is never used)
  }

  if (ancestorIsUnionLeg(ctx, e)) {
    return {
      at: expr,
      why: "it is a `union` leg without a filter of its own; a filter after the union runs only after every leg was read",
      union: true,
    };
  }
  if (parent.Kind === SK.ExpressionStatement || parent.Kind === SK.LetStatement) return { at: expr, why: "nothing filters it" };
  return { at: expr, why: `it feeds \`${keywordOf(parent)}\` directly, with nothing filtering it first` };
}

function ancestorIsUnionLeg(ctx: RuleContext, e: SyntaxNode): boolean {
  const SK = ctx.K.Syntax.SyntaxKind;
  // union's legs sit in SeparatedElement → SyntaxList → UnionOperator.
  const op = e.Parent?.Parent?.Parent;
  return e.Parent?.Kind === SK.SeparatedElement && op?.Kind === SK.UnionOperator;
}

/** Searches (`search in (T) …`, `find in (T) where …`) must bound time in their own predicate. */
function searchProblem(ctx: RuleContext, ref: SyntaxNode): { scoped: boolean; ok: boolean } {
  const SK = ctx.K.Syntax.SyntaxKind;
  for (let p = ref.Parent; p; p = p.Parent) {
    if (p.Kind === SK.FindInClause) {
      const op = p.Parent as Kusto.Language.Syntax.SearchOperator | Kusto.Language.Syntax.FindOperator | null;
      return { scoped: true, ok: constrainsTime(ctx, unparen(ctx, op?.Condition)) };
    }
    if (p.Kind === SK.PipeExpression || p.Kind === SK.ParenthesizedExpression) break;
  }
  return { scoped: false, ok: false };
}

/**
 * ACS001 time-filter: every read of an ACS table, including each join/lookup/union subquery
 * and let body, starts with a `where` that bounds TimeGenerated (or another datetime
 * column of the table). Azure Monitor's query-optimization guide: "make sure all
 * subqueries have the TimeGenerated filter"; without one the query scans the whole
 * retention.
 */
export const timeFilter: Rule = {
  id: "ACS001",
  name: "time-filter",
  severity: "warning",
  title: "Every table reference is directly followed by a where on TimeGenerated (or another datetime column).",
  check(ctx) {
    const out: RuleFinding[] = [];
    for (const ref of tableRefs(ctx)) {
      const name = ref.table.Name ?? ctx.textOf(ref.node);
      const search = searchProblem(ctx, ref.node);
      if (search.scoped) {
        if (!search.ok) {
          out.push({
            start: ref.node.TextStart,
            length: ref.node.End - ref.node.TextStart,
            message:
              `\`${name}\` is searched over its whole retention: the search predicate does not bound TimeGenerated. ` +
              `Fix: add \`and TimeGenerated > ago(1d)\` to the search predicate, or query the table directly with \`${name} ${FIX}.`,
          });
        }
        continue;
      }
      const p = problem(ctx, ref.node, 0);
      if (!p) continue;
      let fix: string;
      let via = "";
      if (p.at !== ref.node) {
        const alias = ctx.textOf(p.at);
        via = ` (through the let alias \`${alias}\`, used on line ${ctx.lineOf(p.at.TextStart)})`;
        fix = `Fix: make the first operator after that use of \`${alias}\` \`${FIX}, or filter inside the let.`;
      } else if (p.union) {
        fix = `Fix: filter inside the leg, e.g. \`union (${name} ${FIX.replace(/`/g, "").replace(/ \(or .*$/, "")}), …\`.`;
      } else {
        fix = `Fix: make the first operator after \`${name}\` \`${FIX}; in a join or lookup, filter inside the subquery.`;
      }
      out.push({
        start: ref.node.TextStart,
        length: ref.node.End - ref.node.TextStart,
        message: `\`${name}\` is read without a time filter${via}: ${p.why}, so the query scans the table's whole retention. ${fix}`,
      });
    }
    return out;
  },
};
