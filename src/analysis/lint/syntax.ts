// Small helpers over Kusto.Language's syntax tree, shared by the rules.
import { kusto } from "../kusto-runtime.js";
import type { RuleContext } from "./types.js";

type SyntaxNode = Kusto.Language.Syntax.SyntaxNode;
type Expression = Kusto.Language.Syntax.Expression;

/** `(((x)))` → `x`. */
export function unparen(ctx: RuleContext, expr: Expression | null | undefined): Expression | null {
  let e = expr ?? null;
  while (e && e.Kind === ctx.K.Syntax.SyntaxKind.ParenthesizedExpression) {
    e = (e as Kusto.Language.Syntax.ParenthesizedExpression).Expression;
  }
  return e;
}

/** The outermost `( … )` that wraps the node only, or the node itself. */
export function outerParen(ctx: RuleContext, node: SyntaxNode): SyntaxNode {
  let n = node;
  while (n.Parent && n.Parent.Kind === ctx.K.Syntax.SyntaxKind.ParenthesizedExpression) n = n.Parent;
  return n;
}

/** The keyword(s) an operator starts with, e.g. `extend`, `project-away`, `where`. */
export function keywordOf(node: SyntaxNode): string {
  return node.GetFirstToken(false)?.Text ?? "?";
}

/** True for a reference to a column (not a variable) whose type is `datetime`. */
export function isDatetimeColumn(ctx: RuleContext, expr: Expression | null | undefined): boolean {
  const e = unparen(ctx, expr);
  if (!e || e.Kind !== ctx.K.Syntax.SyntaxKind.NameReference) return false;
  const sym = e.ReferencedSymbol;
  if (!sym) return (e as Kusto.Language.Syntax.NameReference).SimpleName === "TimeGenerated";
  return sym.Kind === ctx.K.Symbols.SymbolKind.Column && e.ResultType?.Name === "datetime";
}

/**
 * True when the predicate, whenever it holds, bounds a datetime column of the input:
 * a `>`, `>=`, `<`, `<=`, `between` or `in` on the column itself, in either operand
 * position, possibly as one conjunct of an `and`, or on both branches of an `or`.
 */
export function constrainsTime(ctx: RuleContext, cond: Expression | null | undefined): boolean {
  const SK = ctx.K.Syntax.SyntaxKind;
  const e = unparen(ctx, cond);
  if (!e) return false;
  switch (e.Kind) {
    case SK.AndExpression: {
      const b = e as Kusto.Language.Syntax.BinaryExpression;
      return constrainsTime(ctx, b.Left) || constrainsTime(ctx, b.Right);
    }
    case SK.OrExpression: {
      const b = e as Kusto.Language.Syntax.BinaryExpression;
      return constrainsTime(ctx, b.Left) && constrainsTime(ctx, b.Right);
    }
    case SK.GreaterThanExpression:
    case SK.GreaterThanOrEqualExpression:
    case SK.LessThanExpression:
    case SK.LessThanOrEqualExpression: {
      const b = e as Kusto.Language.Syntax.BinaryExpression;
      return isDatetimeColumn(ctx, b.Left) || isDatetimeColumn(ctx, b.Right);
    }
    case SK.BetweenExpression:
      return isDatetimeColumn(ctx, (e as Kusto.Language.Syntax.BetweenExpression).Left);
    case SK.InExpression:
      return isDatetimeColumn(ctx, (e as Kusto.Language.Syntax.InExpression).Left);
    default:
      return false;
  }
}

/** A reference to a database table: a name (`ACSCallSummary`, `database("acs").ACSCallSummary`) or `table("…")`. */
export interface TableRef {
  readonly node: Expression;
  readonly table: Kusto.Language.Symbols.TableSymbol;
}

/** Every reference to a database table in the query, in document order. */
export function tableRefs(ctx: RuleContext): TableRef[] {
  const SK = ctx.K.Syntax.SyntaxKind;
  const out: TableRef[] = [];
  for (const n of ctx.nodes(SK.NameReference, SK.FunctionCallExpression, SK.PathExpression)) {
    const parent = n.Parent;
    // `database("acs").ACSCallSummary`: the path is the reference, not its selector.
    if (parent?.Kind === SK.PathExpression && (parent as Kusto.Language.Syntax.PathExpression).Selector === n) continue;
    const ref = tableRefOf(ctx, n as Expression);
    if (ref) out.push(ref);
  }
  return out;
}

/** The table an expression names directly (a name, a `database(…).name` path or a `table("…")` call), if any. */
export function tableRefOf(ctx: RuleContext, expr: Expression | null | undefined): TableRef | undefined {
  const SK = ctx.K.Syntax.SyntaxKind;
  const e = expr ?? null;
  if (!e) return undefined;
  if (e.Kind === SK.NameReference) {
    // The name of a function call is a NameReference too; it resolves to the function.
    return ctx.isDatabaseTable(e.ReferencedSymbol)
      ? { node: e, table: e.ReferencedSymbol as Kusto.Language.Symbols.TableSymbol }
      : undefined;
  }
  if (e.Kind === SK.PathExpression) {
    const selector = (e as Kusto.Language.Syntax.PathExpression).Selector;
    const inner = selector && selector.Kind === SK.NameReference ? tableRefOf(ctx, selector) : undefined;
    return inner ? { node: e, table: inner.table } : undefined;
  }
  if (e.Kind === SK.FunctionCallExpression) {
    const call = e as Kusto.Language.Syntax.FunctionCallExpression;
    if (call.Name?.SimpleName === "table" && ctx.isDatabaseTable(call.ResultType)) {
      return { node: e, table: call.ResultType as Kusto.Language.Symbols.TableSymbol };
    }
  }
  return undefined;
}

/** Parameters (`kind=inner`, `withsource=T`, …) of an operator, by lower-cased name. */
export function namedParameters(
  list: Kusto.Language.Syntax.SyntaxList$1<Kusto.Language.Syntax.NamedParameter> | null | undefined,
): Map<string, Kusto.Language.Syntax.NamedParameter> {
  const out = new Map<string, Kusto.Language.Syntax.NamedParameter>();
  if (!list) return out;
  for (let i = 0; i < list.ChildCount; i++) {
    const p = list.GetChild(i) as Kusto.Language.Syntax.NamedParameter | null;
    const name = p?.Name?.SimpleName;
    if (p && name) out.set(name.toLowerCase(), p);
  }
  return out;
}

/** Number of columns of a table symbol. */
export function columnCount(table: Kusto.Language.Symbols.TableSymbol): number {
  return table.Columns?.Count ?? 0;
}

/** The elements of a (separated) syntax list, with `SeparatedElement` wrappers removed. */
export function listItems(list: SyntaxNode | null | undefined): Kusto.Language.Syntax.SyntaxElement[] {
  const out: Kusto.Language.Syntax.SyntaxElement[] = [];
  if (!list) return out;
  for (let i = 0; i < list.ChildCount; i++) {
    const child = list.GetChild(i);
    if (!child) continue;
    if (child.Kind === kusto().Syntax.SyntaxKind.SeparatedElement) {
      const element = (child as Kusto.Language.Syntax.SeparatedElement).Element;
      if (element) out.push(element);
    } else out.push(child);
  }
  return out;
}
