import { toArray } from "../../kusto-runtime.js";
import type { Rule, RuleFinding } from "../types.js";

function globToRegExp(pattern: string): RegExp {
  const body = pattern.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*");
  return new RegExp(`^${body}$`);
}

function brief(names: readonly string[]): string {
  return names.length <= 4 ? names.join(", ") : `${names.slice(0, 4).join(", ")}, …`;
}

/**
 * ACS004 no-wildcard: no `search *`, no unscoped `search` / `find`, no `union *` and no
 * wildcard table names (`union ACS*`, `search in (ACS*)`). They read every (matching)
 * table, including ones added later (ADX "don't use *"; Azure Monitor query optimization).
 */
export const noWildcard: Rule = {
  id: "ACS004",
  name: "no-wildcard",
  severity: "warning",
  title: "No search *, unscoped search/find, union * or wildcard table names.",
  check(ctx) {
    const SK = ctx.K.Syntax.SyntaxKind;
    const out: RuleFinding[] = [];
    const allTables = toArray(ctx.code.Globals?.Database?.Tables).map((t) => t.Name ?? "");

    for (const n of ctx.nodes(SK.SearchOperator, SK.FindOperator)) {
      const op = n as Kusto.Language.Syntax.SearchOperator | Kusto.Language.Syntax.FindOperator;
      const kw = op.GetFirstToken(false);
      if (!kw) continue;
      const isSearch = n.Kind === SK.SearchOperator;
      const piped = n.Parent?.Kind === SK.PipeExpression && (n.Parent as Kusto.Language.Syntax.PipeExpression).Operator === n;
      const scoped = op.InClause != null || piped;
      const star = op.Condition?.Kind === SK.StarExpression;
      if (star) {
        out.push({
          start: kw.TextStart,
          length: op.End - kw.TextStart,
          message:
            "`search *` returns every row and column of every table it reads. Fix: query the tables you need directly, " +
            "with a time filter and a predicate, e.g. `ACSCallSummary | where TimeGenerated > ago(1d) and CallType has \"…\"`.",
        });
      } else if (!scoped) {
        out.push({
          start: kw.TextStart,
          length: kw.Width,
          message:
            `Unscoped \`${kw.Text}\` scans every table in the workspace. Fix: name the tables, e.g. ` +
            (isSearch
              ? "`search in (ACSCallSummary, ACSCallDiagnostics) …`, "
              : "`find in (ACSCallSummary, ACSCallDiagnostics) where …`, ") +
            "or query one table with `where … has …`.",
        });
      }
    }

    for (const n of ctx.nodes(SK.WildcardedName, SK.BracketedWildcardedName)) {
      const ref = n.Parent ?? n;
      const pattern = ctx.textOf(n).replace(/^\[['"]?|['"]?\]$/g, "");
      const re = globToRegExp(pattern);
      const matching = allTables.filter((t) => re.test(t));
      const list = pattern === "*" || matching.length === 0 ? "ACSCallSummary, ACSCallDiagnostics" : matching.slice(0, 2).join(", ");
      out.push({
        start: ref.TextStart,
        length: ref.End - ref.TextStart,
        message:
          `The wildcard \`${pattern}\` reads every table whose name matches, including tables added later` +
          (pattern === "*" ? "" : ` (today ${matching.length}: ${matching.length === 0 ? "none" : brief(matching)})`) +
          `. Fix: list the tables you need explicitly, e.g. \`${list}\`, each with its own time filter.`,
      });
    }
    return out;
  },
};
