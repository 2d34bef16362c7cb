/**
 * Thrown by {@link toDuckDbSql} when part of a query has no faithful DuckDB spelling. Every
 * problem names the operator or function, where it is in the query, and why it is refused:
 * the backend never substitutes an approximation, since a local report that silently
 * differs from Log Analytics would be worse than no report.
 *
 * @example
 * ```ts
 * try {
 *   toDuckDbSql(query);
 * } catch (err) {
 *   if (err instanceof SqlUnsupportedError) console.error(err.problems.join("\n"));
 * }
 * ```
 */
export class SqlUnsupportedError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(
      `DuckDB SQL backend: ${problems.length} part${problems.length === 1 ? "" : "s"} of the query cannot be compiled faithfully and ${problems.length === 1 ? "is" : "are"} refused rather than approximated:\n` +
        problems.map((p) => `  - ${p}`).join("\n") +
        "\nRun this query in Log Analytics (toKql), or rewrite it without these features.",
    );
    this.name = "SqlUnsupportedError";
  }
}

/**
 * Collects refusals while the compiler walks the whole query, so that one run reports
 * every unsupported feature at once, each with its location (`let 'calls' › operator 3
 * (summarize)`).
 */
export class Refusals {
  readonly problems: string[] = [];
  private readonly path: string[] = [];

  /** Runs `f` with `step` appended to the location shown in refusals. */
  at<T>(step: string, f: () => T): T {
    this.path.push(step);
    try {
      return f();
    } finally {
      this.path.pop();
    }
  }

  /**
   * Records that `feature` is refused and returns a SQL placeholder so that compilation
   * can go on and find the remaining problems. The placeholder never reaches a caller:
   * toDuckDbSql throws when any refusal was recorded.
   */
  refuse(feature: string, why: string): string {
    const where = this.path.length > 0 ? ` at ${this.path.join(" › ")}` : "";
    const problem = `${feature}${where}: ${why}`;
    if (!this.problems.includes(problem)) this.problems.push(problem);
    return "NULL";
  }
}
