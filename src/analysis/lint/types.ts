import type { AnalyzeOptions } from "../analyze.js";
import type { KustoLanguage } from "../kusto-runtime.js";
import type { Severity } from "../types.js";

type SyntaxNode = Kusto.Language.Syntax.SyntaxNode;

/** Options for {@link lint}. */
export interface LintOptions extends AnalyzeOptions {
  /**
   * Rules to turn off, by id (`ACS001`) or name (`time-filter`). Unknown entries throw, so a
   * typo cannot silently leave a rule on.
   */
  readonly disable?: readonly string[];
}

/** A finding a rule reports; lint() adds the rule's id, severity, line and column. */
export interface RuleFinding {
  /** 0-based offset of the first character the finding points at. */
  readonly start: number;
  readonly length: number;
  /** States the problem and the fix. */
  readonly message: string;
}

/** What a rule sees: the analyzed query and a few lookups over its syntax tree. */
export interface RuleContext {
  /** The query text. */
  readonly text: string;
  /** Kusto.Language, for `SyntaxKind` and `SymbolKind` values. */
  readonly K: KustoLanguage;
  /** The analyzed code (syntax tree with semantic info). */
  readonly code: Kusto.Language.KustoCode;
  /** Every node of one of the given kinds, in document order. */
  nodes(...kinds: Kusto.Language.Syntax.SyntaxKind[]): SyntaxNode[];
  /** The query text of a node, without its leading trivia (whitespace, comments). */
  textOf(node: Kusto.Language.Syntax.SyntaxElement): string;
  /** True when the symbol is a table of the database the query runs against (an ACS table). */
  isDatabaseTable(symbol: Kusto.Language.Symbols.Symbol | null | undefined): boolean;
  /** The `let` statement that declares a variable symbol, if the query declares it. */
  letOf(symbol: Kusto.Language.Symbols.Symbol | null | undefined): Kusto.Language.Syntax.LetStatement | undefined;
  /** Every name reference that resolves to the symbol, in document order. */
  referencesTo(symbol: Kusto.Language.Symbols.Symbol): Kusto.Language.Syntax.NameReference[];
  /** 1-based line of an offset. */
  lineOf(offset: number): number;
}

/** One lint rule. Each lives in its own file under `rules/` and is listed in the registry. */
export interface Rule {
  /** Stable id used in output and suppression comments, e.g. `ACS001`. */
  readonly id: string;
  /** Stable kebab-case name, accepted wherever the id is, e.g. `time-filter`. */
  readonly name: string;
  readonly severity: Severity;
  /** One line: what the rule wants. */
  readonly title: string;
  /**
   * A Kusto.Language analyzer code this rule replaces: when both fire at the same offset,
   * lint() keeps this rule's finding (its message states the fix) and drops the analyzer's,
   * and a suppression naming either code suppresses the merged finding.
   */
  readonly supersedes?: string;
  check(ctx: RuleContext): RuleFinding[];
}
