import { analyze } from "../analysis/index.js";
import type { KqlDiagnostic } from "../analysis/index.js";
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
 * Lints `.kql` files against the ACS schemas with Kusto.Language (diagnostics plus KS5xx
 * analyzers). Throws an InputError for unusable paths before analyzing anything.
 */
export function lintPaths(paths: readonly string[], print: (line: string) => void): LintReport {
  return lintFiles(collectKqlFiles(paths), print);
}

/** Lints files already read by `collectKqlFiles`, printing each finding as it is found. */
export function lintFiles(inputs: readonly KqlFile[], print: (line: string) => void): LintReport {
  const files: FileFindings[] = [];
  let findingCount = 0;
  for (const { path, text } of inputs) {
    const result = analyze(text);
    const findings = [...result.diagnostics, ...result.analyzerDiagnostics].sort(
      (a, b) => a.start - b.start || a.code.localeCompare(b.code),
    );
    for (const f of findings) print(formatFinding(path, text, f));
    findingCount += findings.length;
    files.push({ path, findings });
  }
  return { files, findingCount };
}
