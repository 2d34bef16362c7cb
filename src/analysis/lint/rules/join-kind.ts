import { namedParameters } from "../syntax.js";
import type { Rule, RuleFinding } from "../types.js";

/**
 * ACS002 join-kind: every `join` states `kind=`. The default kind is `innerunique`, which
 * keeps one arbitrary left row per key and silently drops the rest (join docs; KS508).
 * Replaces Kusto.Language's KS508 at the same spot, because this message names the fix.
 */
export const joinKind: Rule = {
  id: "ACS002",
  name: "join-kind",
  severity: "warning",
  title: "Every join states kind= explicitly.",
  supersedes: "KS508",
  check(ctx) {
    const out: RuleFinding[] = [];
    for (const n of ctx.nodes(ctx.K.Syntax.SyntaxKind.JoinOperator)) {
      const join = n as Kusto.Language.Syntax.JoinOperator;
      if (namedParameters(join.Parameters).has("kind")) continue;
      const kw = join.JoinKeyword ?? join.GetFirstToken(false);
      if (!kw) continue;
      out.push({
        start: kw.TextStart,
        length: kw.Width,
        message:
          "join has no kind=, so it runs as `innerunique`: it keeps one arbitrary left row per join key and " +
          "silently drops the other left rows. Fix: state the kind, e.g. `join kind=inner (…)` " +
          "(or `kind=leftouter`, or `kind=innerunique` if the deduplication is intended).",
      });
    }
    return out;
  },
};
