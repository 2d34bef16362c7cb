// Parses the end-code tables of the research notes (../shared/reference/acs-call-logs.md §4)
// into facts: code, subcode, stated result category and the reference's own text (kept only
// to check that our wording differs from it; it is never written to the generated data).
import type { EndCodeSource, ResultCategory } from "./types.js";
import { RESULT_CATEGORIES } from "./types.js";

/** One fact row of the reference, after expanding multi-code and multi-subcode cells. */
export interface ReferenceRow {
  readonly source: EndCodeSource;
  readonly code: number;
  readonly subcode: number | null;
  /** The category the table states; null for "(blank)", "–" or no category column (§4.4). */
  readonly statedCategory: ResultCategory | null;
  /** The reference's message/meaning text, for the own-words check only. */
  readonly message: string;
  /** 1-based line in the markdown file, for error messages. */
  readonly line: number;
}

/** Where each source's table is, and which column holds what. */
const TABLES: readonly {
  readonly source: EndCodeSource;
  readonly heading: string;
  readonly code: number;
  readonly subcode: number;
  readonly category: number | null;
  readonly message: number;
}[] = [
  { source: "call-end", heading: "### 4.2 ", subcode: 0, code: 1, category: 2, message: 3 },
  { source: "service", heading: "### 4.3 ", code: 0, subcode: 1, category: 2, message: 3 },
  { source: "pstn", heading: "### 4.4 ", subcode: 0, code: 1, category: null, message: 2 },
  { source: "client", heading: "### 4.6 ", subcode: 0, code: 1, category: 2, message: 3 },
];

/** Splits a markdown table row into trimmed cells (no escaped pipes occur in §4). */
function cells(line: string): string[] {
  return line.trim().replace(/^\|/, "").replace(/\|$/, "").split("|").map((c) => c.trim());
}

/** Drops parenthetical notes: `497 (sic)` → `497`; `UnexpectedClientError (doc typo ...)` → `UnexpectedClientError`. */
function withoutNotes(cell: string): string {
  return cell.replace(/\([^)]*\)/g, "").trim();
}

/** `600 / 603 / 604 / 606`, `490, 491, 496` and `497 (sic)` → numbers. */
function numbers(cell: string, what: string, line: number): number[] {
  const parts = withoutNotes(cell).split(/[,/]/).map((s) => s.trim()).filter((s) => s.length > 0);
  if (parts.length === 0 || parts.some((s) => !/^\d+$/.test(s))) {
    throw new Error(`line ${line}: ${what} cell ${JSON.stringify(cell)} is not a number or a list of numbers`);
  }
  return parts.map(Number);
}

/** `(none)` → [null]; `540486 / 560486` → [540486, 560486]. */
function subcodes(cell: string, line: number): (number | null)[] {
  if (/^\(none\)$/i.test(cell.trim())) return [null];
  return numbers(cell, "subcode", line);
}

/** Normalises a category cell; the doc typo "Unxpected" is read as "Unexpected". */
export function parseCategory(cell: string, line = 0): ResultCategory | null {
  const text = withoutNotes(cell).replace(/^Unxpected/i, "Unexpected");
  if (text === "" || text === "–" || text === "-" || text === "—") return null;
  if (/^\(?blank\)?$/i.test(cell.trim())) return null;
  const found = RESULT_CATEGORIES.find((c) => c.toLowerCase() === text.toLowerCase());
  if (!found) throw new Error(`line ${line}: unknown result category ${JSON.stringify(cell)}`);
  return found;
}

/** The table lines of the section that starts with `heading`, with their 1-based line numbers. */
function sectionTable(lines: readonly string[], heading: string): { text: string; line: number }[] {
  const start = lines.findIndex((l) => l.startsWith(heading));
  if (start < 0) throw new Error(`reference: no section starting with ${JSON.stringify(heading.trim())}`);
  const out: { text: string; line: number }[] = [];
  for (let i = start + 1; i < lines.length; i++) {
    const l = lines[i] as string;
    if (/^#{1,3} /.test(l)) break;
    if (l.trim().startsWith("|")) out.push({ text: l, line: i + 1 });
  }
  // First line is the header, second the |---| separator.
  if (out.length < 3 || !/^\|[\s|:-]+\|?$/.test(out[1]?.text.trim() ?? "")) {
    throw new Error(`reference: section ${heading.trim()} has no markdown table`);
  }
  return out.slice(2);
}

/** Every fact row of §4.2, §4.3, §4.4 and §4.6, in reference order. */
export function parseReference(markdown: string): ReferenceRow[] {
  const lines = markdown.split(/\r?\n/);
  const rows: ReferenceRow[] = [];
  for (const t of TABLES) {
    for (const { text, line } of sectionTable(lines, t.heading)) {
      const c = cells(text);
      const need = Math.max(t.code, t.subcode, t.message, t.category ?? 0);
      if (c.length <= need) throw new Error(`line ${line}: expected at least ${need + 1} cells, got ${c.length}`);
      const statedCategory = t.category === null ? null : parseCategory(c[t.category] as string, line);
      for (const code of numbers(c[t.code] as string, "code", line)) {
        for (const subcode of subcodes(c[t.subcode] as string, line)) {
          rows.push({ source: t.source, code, subcode, statedCategory, message: c[t.message] as string, line });
        }
      }
    }
  }
  return rows;
}

/** `code/subcode` with `-` for a null subcode: the key our wording tables use. */
export function codeKey(code: number, subcode: number | null): string {
  return `${code}/${subcode ?? "-"}`;
}
