import type { CatalogEntry } from "../entry.js";
import { CATEGORIES, CATEGORY_IDS, parameterProblems } from "./entry-info.js";

/** Ids are file names and anchors: lower-case words of letters and digits joined by single hyphens. */
export const KEBAB_CASE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The catalog cannot be exported; `problems` lists every problem found, one line each. */
export class CatalogValidationError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`the query catalog has ${problems.length} problem${problems.length === 1 ? "" : "s"}:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "CatalogValidationError";
  }
}

/** `myId` → `my-id`, `Poor_RTT by SDK` → `poor-rtt-by-sdk`: a suggestion for a bad id. */
function kebab(id: string): string {
  return id
    .replace(/([a-z0-9])([A-Z])/g, "$1-$2")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/** Where an entry comes from, for messages: `queries/quality.ts: entry 'x'`. */
function where(entry: CatalogEntry, index: number): string {
  const file = CATEGORY_IDS.has(entry.category) ? `queries/${entry.category}.ts` : `catalog[${index}]`;
  return `${file}: entry '${entry.id}'`;
}

/**
 * Every problem that stops the catalog from being exported, one line each naming the entry,
 * the rule and the fix: duplicate ids, ids that are not kebab-case, empty titles or
 * descriptions, unknown categories, and parameters without parameterDocs or a default, or
 * that clash with a shared parameter of `p`. Empty means the catalog is fine.
 */
export function validateCatalog(catalog: readonly CatalogEntry[]): string[] {
  const problems: string[] = [];
  const byId = new Map<string, number[]>();
  catalog.forEach((entry, i) => {
    const at = where(entry, i);
    if (typeof entry.id !== "string" || !KEBAB_CASE.test(entry.id)) {
      const suggestion = typeof entry.id === "string" ? kebab(entry.id) : "";
      problems.push(
        `${at}: the id is not kebab-case (lower-case letters and digits joined by single '-'; it is the .kql file name) — ` +
          (suggestion ? `rename it, e.g. to '${suggestion}'` : "give the entry an id"),
      );
    }
    if (typeof entry.id === "string") byId.set(entry.id, [...(byId.get(entry.id) ?? []), i]);
    if (typeof entry.title !== "string" || entry.title.trim() === "") {
      problems.push(`${at}: the title is empty — give it a short title (it heads the .kql file and the notebook cell)`);
    }
    if (typeof entry.description !== "string" || entry.description.trim() === "") {
      problems.push(`${at}: the description is empty — say what the query answers and how to read the result`);
    }
    if (!CATEGORY_IDS.has(entry.category)) {
      problems.push(`${at}: unknown category '${String(entry.category)}' — use one of ${CATEGORIES.map((c) => c.id).join(", ")}`);
      return; // its parameters are checked once it has a category
    }
    for (const problem of parameterProblems(entry)) problems.push(`queries/${entry.category}.ts: ${problem}`);
  });
  for (const [id, indexes] of byId) {
    if (indexes.length < 2) continue;
    const places = indexes.map((i) => `queries/${catalog[i]!.category}.ts (catalog[${i}])`).join(", ");
    problems.push(`duplicate id '${id}' on ${indexes.length} entries: ${places} — ids must be unique (they are file names); rename all but one`);
  }
  return problems;
}

/** Throws a CatalogValidationError listing every problem, if there is any. */
export function assertValidCatalog(catalog: readonly CatalogEntry[]): void {
  const problems = validateCatalog(catalog);
  if (problems.length > 0) throw new CatalogValidationError(problems);
}
