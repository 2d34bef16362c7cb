import type { KqlDiagnostic } from "../analysis/index.js";

/**
 * Renders a finding as `file:line:col severity code message`, followed by the offending
 * line and a caret under the reported span, the way compilers do.
 */
export function formatFinding(path: string, text: string, d: KqlDiagnostic): string {
  const head = `${path}:${d.line}:${d.column} ${d.severity} ${d.code} ${d.message}`;
  const lines = text.split(/\r\n|\n|\r/);
  const source = lines[d.line - 1];
  if (source === undefined) return head;
  const gutter = `${d.line} | `;
  // Keep tabs so the caret lines up under tab-indented code.
  const pad = source.slice(0, d.column - 1).replace(/[^\t]/g, " ");
  const width = Math.max(1, Math.min(d.length, source.length - (d.column - 1)));
  return `${head}\n  ${gutter}${source}\n  ${" ".repeat(gutter.length)}${pad}${"^".repeat(width)}`;
}
