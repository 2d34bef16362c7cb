/**
 * A query that cannot be built as asked (unknown column, bad row count, ...). The
 * message names the operator, the rule and the fix.
 */
export class BuilderError extends Error {
  constructor(
    readonly problem: string,
    readonly fix: string,
  ) {
    super(`${problem} — ${fix}`);
    this.name = "BuilderError";
  }
}
