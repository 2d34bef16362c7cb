import { joinKind } from "./rules/join-kind.js";
import { materializeReusedLet } from "./rules/materialize-reused-let.js";
import { noTolowerCompare } from "./rules/no-tolower-compare.js";
import { noWildcard } from "./rules/no-wildcard.js";
import { preferHas } from "./rules/prefer-has.js";
import { reduceBeforeJoin } from "./rules/reduce-before-join.js";
import { timeFilter } from "./rules/time-filter.js";
import type { Rule } from "./types.js";

/**
 * The lint rules, in id order. Ids and names are stable: suppression comments and CI
 * configurations refer to them. Basis: /work/shared/reference/kql-builders-engines-lint.md §Q3
 * (Azure Monitor "Optimize log queries", ADX query best practices, the join docs).
 *
 * | Id     | Name                   | Severity   | What it flags, and why                                                                                               |
 * |--------|------------------------|------------|----------------------------------------------------------------------------------------------------------------------|
 * | ACS001 | time-filter            | warning    | An ACS table reference (also in join/lookup/union subqueries and let bodies) whose first operator is not a `where` bounding TimeGenerated or another datetime column (`>`, `>=`, `<`, `<=`, `between`, `in`). Union legs filtered only after the union are flagged. Without it the query scans the whole retention. |
 * | ACS002 | join-kind              | warning    | A `join` without `kind=`: the default `innerunique` silently drops duplicate left keys. Replaces KS508 at the same spot. |
 * | ACS003 | prefer-has             | suggestion | `contains`, `!contains`, `contains_cs`, `!contains_cs` with a literal needle of ≥ 3 ASCII letters/digits: `has` uses the term index. Replaces KS500 at the same operator; KS500 still reports the other `contains`. |
 * | ACS004 | no-wildcard            | warning    | `search *`, an unscoped `search` or `find`, `union *`, and wildcard table names (`union ACS*`): they read every matching table. |
 * | ACS005 | no-tolower-compare     | suggestion | `tolower(x) == "v"` / `toupper(x) != "V"` (either side): use `=~` / `!~` instead of case-folding every row. |
 * | ACS006 | reduce-before-join     | warning    | A join/lookup side that reaches the join as a raw table (filters allowed) with no `project`, `project-away`, `project-keep`, `summarize` or `distinct`: every column is read and shuffled. |
 * | ACS007 | materialize-reused-let | suggestion | A tabular `let` (not an alias, datatable, function or scalar) referenced more than once without `materialize()`: it is evaluated once per reference. |
 * | ACS900 | unknown-suppression    | warning    | A suppression comment that names an unknown rule (or none). Lists the valid ids. Cannot itself be suppressed. |
 * | ACS901 | invalid-suppression    | warning    | A suppression comment that tries to suppress a Kusto.Language error (KS0xx–KS2xx: syntax/semantic) or an ACS9xx finding, or a file-level `acs-insights-disable` that is not at the top. Cannot itself be suppressed. |
 *
 * Dedupe with Kusto.Language's analyzers: when ACS002 and KS508 (or ACS003 and KS500) fire
 * at the same offset, ACS002 (ACS003) is kept and the KS code dropped, because our message
 * states the fix; a suppression naming either code suppresses the merged finding.
 */
export const rules: readonly Rule[] = [
  timeFilter,
  joinKind,
  preferHas,
  noWildcard,
  noTolowerCompare,
  reduceBeforeJoin,
  materializeReusedLet,
];

/** Findings about suppression comments themselves. Not rules: they cannot be disabled or suppressed. */
export const suppressionFindings = {
  unknown: { id: "ACS900", name: "unknown-suppression" },
  invalid: { id: "ACS901", name: "invalid-suppression" },
} as const;

/** The rule with this id or name (case-insensitive), if any. */
export function findRule(idOrName: string): Rule | undefined {
  const key = idOrName.toLowerCase();
  return rules.find((r) => r.id.toLowerCase() === key || r.name === key);
}
