import { parametersOf, type Expr } from "../../kql/index.js";
import { renderLiteral } from "../../kql/render/kql-literals.js";
import type { KqlType } from "../../schema/index.js";
import type { CatalogCategory, CatalogEntry } from "../entry.js";
import { p, parameterDocs } from "../parameters.js";

/*
 * What the exporters (the .kql header, catalog.json, the notebook) say about an entry: its
 * parameters with type, default and documentation, its result columns, and the text of its
 * category. One place, so the three artifacts cannot disagree.
 */

/** The catalog areas in the order the artifacts present them, with a heading and an intro. */
export const CATEGORIES: readonly { readonly id: CatalogCategory; readonly title: string; readonly intro: string }[] = [
  {
    id: "joins",
    title: "Joins across the ACS tables",
    intro:
      "Queries that combine tables: participants (ACSCallSummary) with their media streams (ACSCallDiagnostics), " +
      "client operations and surveys. Each description says why its join kind is the right one.",
  },
  {
    id: "quality",
    title: "Media quality",
    intro:
      "Stream quality against Microsoft's thresholds for round-trip time, jitter, packet loss, frame rate, " +
      "resolution and freezes. Every threshold is a parameter, so you can tighten or relax it.",
  },
  {
    id: "errors",
    title: "Errors and failures",
    intro: "Calls and client operations that failed: result codes, failing SDK operations, where they cluster.",
  },
  {
    id: "volume",
    title: "Volume and usage",
    intro: "How much calling happens: calls, participants and minutes over time and by call, endpoint and media type.",
  },
  {
    id: "reliability",
    title: "Reliability",
    intro: "Dropped calls, short calls, reconnects and other signs that calls do not hold up, by platform and SDK.",
  },
];

export const CATEGORY_IDS: ReadonlySet<string> = new Set(CATEGORIES.map((c) => c.id));

/** One parameter of an entry, as the artifacts document it. */
export interface ParameterInfo {
  readonly name: string;
  readonly type: KqlType;
  /** KQL text of the default literal, e.g. `7d`, `dynamic([])`, `500`. */
  readonly default: string;
  /** The parameter's parameterDocs line. */
  readonly description: string;
}

/** One result column of an entry. */
export interface ColumnInfo {
  readonly name: string;
  readonly type: KqlType;
}

/** An entry that cannot be exported; the message names the entry, the rule and the fix. */
export class CatalogEntryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CatalogEntryError";
  }
}

const shared: Readonly<Record<string, Expr>> = p;

/**
 * Problems with the parameters of one entry, one message each: a parameter without a
 * parameterDocs line, one without a default, or one whose name is a shared parameter of
 * `p` but whose type or default differs from it (the name would mean two things).
 */
export function parameterProblems(entry: CatalogEntry): string[] {
  const problems: string[] = [];
  const where = `entry '${entry.id}'`;
  for (const param of parametersOf(entry.query)) {
    const doc = Object.hasOwn(parameterDocs, param.name) ? parameterDocs[param.name] : undefined;
    if (doc === undefined || doc.trim() === "") {
      problems.push(
        `${where}: parameter '${param.name}' (${param.type}) has no parameterDocs line — ` +
          `use a shared parameter from \`p\` (src/catalog/parameters.ts), or document '${param.name}' in parameterDocs`,
      );
    }
    if (!param.default) {
      problems.push(`${where}: parameter '${param.name}' (${param.type}) has no default — give it one, e.g. use \`p.${param.name}\``);
      continue;
    }
    const def = Object.hasOwn(shared, param.name) ? shared[param.name]!.node : undefined;
    if (def?.kind === "param" && def.default) {
      const ours = `${param.type} = ${renderLiteral(param.default)}`;
      const theirs = `${def.type} = ${renderLiteral(def.default)}`;
      if (ours !== theirs) {
        problems.push(
          `${where}: parameter '${param.name}' is declared as ${ours}, but the shared p.${param.name} is ${theirs} — ` +
            `use p.${param.name}, or give the parameter another name`,
        );
      }
    }
  }
  return problems;
}

/** The parameters of an entry in first-use order. Throws a CatalogEntryError for any parameter problem. */
export function parameterInfo(entry: CatalogEntry): ParameterInfo[] {
  const problems = parameterProblems(entry);
  if (problems.length > 0) throw new CatalogEntryError(problems.join("\n"));
  return parametersOf(entry.query).map((param) => ({
    name: param.name,
    type: param.type,
    default: renderLiteral(param.default!),
    description: parameterDocs[param.name]!,
  }));
}

/** The result columns of an entry, in order. */
export function columnInfo(entry: CatalogEntry): ColumnInfo[] {
  return Object.entries(entry.query.columns).map(([name, type]) => ({ name, type }));
}

/**
 * Splits `text` into lines of at most `width` characters (a longer word gets a line of its
 * own). Blank lines separate paragraphs and are kept as empty strings; other line breaks
 * and runs of white space become single spaces. `lead`, when given, starts the first line
 * verbatim (it is never split or collapsed).
 */
export function wrap(text: string, width: number, lead = ""): string[] {
  const lines: string[] = [];
  const paragraphs = text.trim().split(/\n[ \t]*\n\s*/);
  paragraphs.forEach((para, i) => {
    if (i > 0) lines.push("");
    let line = i === 0 ? lead : "";
    for (const word of para.split(/\s+/).filter(Boolean)) {
      if (line === "") line = word;
      else if (line.length + 1 + word.length <= width) line += " " + word;
      else {
        lines.push(line);
        line = word;
      }
    }
    if (line !== "") lines.push(line);
  });
  return lines;
}

/** Collapses white space (including line breaks) to single spaces, for one-line fields. */
export function oneLine(text: string): string {
  return text.trim().replace(/\s+/g, " ");
}
