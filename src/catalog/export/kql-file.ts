import { toKql } from "../../kql/index.js";
import type { CatalogEntry } from "../entry.js";
import { columnInfo, oneLine, parameterInfo, wrap } from "./entry-info.js";

/** Header lines are wrapped to this many characters, `// ` included. */
const WIDTH = 100;

/**
 * A `//` line. A line whose text starts like a suppression directive
 * (`acs-insights-disable…`) would be read as one by the linter, so it gets a lead-in.
 */
function comment(text = ""): string {
  if (text === "") return "//";
  return /^\s*acs-insights-/.test(text) ? `// · ${text}` : `// ${text}`;
}

/** `lead` + `text` wrapped, indented by `indent`, continuation lines by `hang` (longer). */
function hanging(indent: string, lead: string, text: string, hang: string): string[] {
  const lines = wrap(oneLine(text), WIDTH - 3 - hang.length, lead);
  return lines.map((l, i) => (i === 0 ? indent : hang) + l);
}

/**
 * The text of `queries/kql/<id>.kql` for one entry: a `//` header (title, description,
 * category and tags, the parameters with type, default and documentation, the result
 * columns), then the query, whose leading `let` lines hold the parameters' defaults for a
 * person to edit. No blank lines, so the Log Analytics editor runs the file as one query.
 * Throws a CatalogEntryError when a parameter has no parameterDocs line.
 */
export function renderKqlFile(entry: CatalogEntry): string {
  const params = parameterInfo(entry);
  const columns = columnInfo(entry);
  const head: string[] = [oneLine(entry.title), ""];
  head.push(...wrap(entry.description, WIDTH - 3), "");
  head.push(`Id: ${entry.id}`);
  head.push(`Category: ${entry.category}${entry.tags.length > 0 ? ` · Tags: ${entry.tags.join(", ")}` : ""}`);
  if (entry.visualization) head.push(`Suggested chart: ${entry.visualization}`);
  head.push("");
  if (params.length === 0) {
    head.push("Parameters: none.");
  } else {
    head.push("Parameters — edit the let lines below:");
    for (const p of params) head.push(...hanging("  ", `${p.name} (${p.type}, default ${p.default}):`, p.description, "      "));
  }
  head.push("");
  head.push("Result columns:");
  for (const c of columns) head.push(`  ${c.name}: ${c.type}`);
  head.push("");
  head.push(...wrap(`Generated from queries/${entry.category}.ts by \`npm run export\`; a change here is overwritten — copy the file to keep your own version.`, WIDTH - 3));
  return `${head.map(comment).join("\n")}\n${toKql(entry.query)}\n`;
}
