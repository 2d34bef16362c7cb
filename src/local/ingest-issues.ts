/** The on-disk layouts the readers understand; see load-logs.ts for both contracts. */
export type Layout = "archive" | "flat";

/** What was wrong with one input record. */
export type IngestIssueKind = "malformed" | "unknown-category" | "wrong-type" | "missing-field";

/**
 * One skipped record. `line` is the 1-based physical line in JSON-lines files, the
 * 1-based element index in JSON-array files, and the 1-based line (header = 1) in CSV
 * files, exact as long as no quoted CSV field spans lines.
 */
export interface IngestIssue {
  readonly file: string;
  readonly line: number;
  readonly kind: IngestIssueKind;
  readonly message: string;
}

/** What one `loadLogs` call read, loaded and skipped. */
export interface IngestSummary {
  readonly layout: Layout;
  readonly files: number;
  /** Non-blank lines (records) read, loaded or not. */
  readonly lines: number;
  /** Table → rows loaded by this call (all 13 tables, 0 when none). */
  readonly rows: Readonly<Record<string, number>>;
  /** Records of valid ACS categories this kit does not type (chat, SMS, ...): not errors. */
  readonly skippedUntyped: number;
  /** The first {@link MAX_LISTED_ISSUES} issues, each with file and line. */
  readonly issues: readonly IngestIssue[];
  /** Every issue, counted by kind. */
  readonly issueCounts: Readonly<Record<IngestIssueKind, number>>;
}

/** How many issues a summary lists one by one; the counts cover all of them. */
export const MAX_LISTED_ISSUES = 1000;

export const ISSUE_KINDS: readonly IngestIssueKind[] = ["malformed", "unknown-category", "wrong-type", "missing-field"];

/**
 * The issues of a load as `path:line: kind: message` lines, at most `max` of them, then
 * one line with the totals by kind. Returns no lines when nothing was skipped.
 *
 * @example
 * ```ts
 * const summary = await loadLogs(db, "./logs");
 * for (const line of formatIngestIssues(summary, 5)) console.error(line);
 * // logs/.../PT1H.json:17: wrong-type: RoundTripTimeAvg: "fast" is not a valid int
 * // 1 record skipped (wrong-type 1)
 * ```
 */
export function formatIngestIssues(summary: IngestSummary, max = 20): string[] {
  const total = ISSUE_KINDS.reduce((n, k) => n + summary.issueCounts[k], 0);
  if (total === 0) return [];
  const lines = summary.issues.slice(0, Math.max(0, max)).map((i) => `${i.file}:${i.line}: ${i.kind}: ${i.message}`);
  const byKind = ISSUE_KINDS.filter((k) => summary.issueCounts[k] > 0)
    .map((k) => `${k} ${summary.issueCounts[k]}`)
    .join(", ");
  const shown = lines.length < total ? `; the first ${lines.length} are listed above` : "";
  lines.push(`${total} record${total === 1 ? "" : "s"} skipped (${byKind})${shown}`);
  return lines;
}
