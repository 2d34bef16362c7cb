import { unparen } from "../syntax.js";
import type { Rule, RuleFinding } from "../types.js";

/**
 * ACS007 materialize-reused-let: a tabular `let x = <query>;` referenced more than once
 * is evaluated once per reference; `materialize()` caches it for the query (ADX best
 * practices; named-expressions doc). Bare aliases (`let t = ACSCallSummary;`), datatables,
 * functions/views and scalar lets are not flagged: caching them gains nothing.
 */
export const materializeReusedLet: Rule = {
  id: "ACS007",
  name: "materialize-reused-let",
  severity: "suggestion",
  title: "Wrap a tabular let that is referenced more than once in materialize().",
  check(ctx) {
    const SK = ctx.K.Syntax.SyntaxKind;
    const skip = new Set<number>([
      SK.MaterializeExpression,
      SK.NameReference,
      SK.DataTableExpression,
      SK.FunctionDeclaration,
      SK.ToScalarExpression,
    ]);
    const out: RuleFinding[] = [];
    for (const n of ctx.nodes(SK.LetStatement)) {
      const let_ = n as Kusto.Language.Syntax.LetStatement;
      const decl = let_.Name;
      const symbol = decl?.ReferencedSymbol;
      const body = unparen(ctx, let_.Expression);
      if (!decl || !symbol || !body || skip.has(body.Kind)) continue;
      if (body.ResultType?.Kind !== ctx.K.Symbols.SymbolKind.Table) continue;
      const uses = ctx.referencesTo(symbol);
      if (uses.length < 2) continue;
      const name = decl.SimpleName ?? ctx.textOf(decl);
      const lines = [...new Set(uses.map((u) => ctx.lineOf(u.TextStart)))].join(", ");
      const shown = ctx.textOf(body).length > 40 ? "…" : ctx.textOf(body);
      out.push({
        start: decl.TextStart,
        length: decl.End - decl.TextStart,
        message:
          `\`${name}\` is a tabular let referenced ${uses.length} times (line${lines.includes(",") ? "s" : ""} ${lines}), ` +
          `so its query runs once per reference. Fix: \`let ${name} = materialize(${shown});\` ` +
          "to compute it once (keep its filters and projects inside the materialize; the cached result is limited to 5 GB).",
      });
    }
    return out;
  },
};
