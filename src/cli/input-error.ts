/**
 * A problem with what the user passed in (paths, files, options). The CLI prints each
 * problem on one line, without a stack trace, and exits with 2.
 */
export class InputError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(problems.join("\n"));
    this.name = "InputError";
  }
}
