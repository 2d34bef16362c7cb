import type { KqlDiagnostic } from "../analysis/index.js";
import { lint } from "../analysis/lint/index.js";
import { formatFinding } from "./format-finding.js";
import { collectKqlFiles } from "./kql-files.js";
import type { KqlFile } from "./kql-files.js";

/** Findings for one file. */
export interface FileFindings {
  readonly path: string;
  readonly findings: readonly KqlDiagnostic[];
}

/** Result of linting a set of paths. */
export interface LintReport {
  readonly files: readonly FileFindings[];
  readonly findingCount: number;
}

/**
 * Lints `.kql` files against the ACS schemas: Kusto.Language's diagnostics and KS5xx
 * analyzers plus the kit's ACS rules, honouring suppression comments (see
 * src/analysis/lint). Throws an InputError for unusable paths before analyzing anything.
 */
export function lintPaths(paths: readonly string[], print: (line: string) => void): LintReport {
  return lintFiles(collectKqlFiles(paths), print);
}

/** Lints files already read by `collectKqlFiles`, printing each finding as it is found. */
export function lintFiles(inputs: readonly KqlFile[], print: (line: string) => void): LintReport {
  const files: FileFindings[] = [];
  let findingCount = 0;
  for (const { path, text } of inputs) {
    const findings = lint(text); // sorted by position
    for (const f of findings) print(formatFinding(path, text, f));
    findingCount += findings.length;
    files.push({ path, findings });
  }
  return { files, findingCount };
}
