import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, extname, join } from "node:path";
import type { CatalogCategory, CatalogEntry } from "../entry.js";
import { renderCatalogJson } from "./catalog-json.js";
import { CATEGORIES } from "./entry-info.js";
import { renderKqlFile } from "./kql-file.js";
import { renderNotebook } from "./notebook.js";
import { CatalogValidationError, validateCatalog } from "./validate.js";

/** Where the artifacts go, relative to the output directory (default `queries`). */
export const KQL_DIR = "kql";
export const CATALOG_JSON = "catalog.json";
export const NOTEBOOK = join("notebooks", "acs-call-insights.ipynb");

/**
 * Every exported file of the catalog, path → content: `<outDir>/kql/<id>.kql` for each
 * entry (catalog order), `<outDir>/catalog.json` and `<outDir>/notebooks/acs-call-insights.ipynb`.
 * Validates first and throws a CatalogValidationError that lists every problem at once
 * (including entries that fail to render), so one run shows everything to fix.
 */
export function exportCatalog(outDir: string, catalog: readonly CatalogEntry[]): Map<string, string> {
  const problems = validateCatalog(catalog);
  if (problems.length > 0) throw new CatalogValidationError(problems);
  const files = new Map<string, string>();
  for (const entry of catalog) {
    try {
      files.set(join(outDir, KQL_DIR, `${entry.id}.kql`), renderKqlFile(entry));
    } catch (err) {
      problems.push(`queries/${entry.category}.ts: entry '${entry.id}' cannot be rendered: ${(err as Error).message}`);
    }
  }
  if (problems.length > 0) throw new CatalogValidationError(problems);
  files.set(join(outDir, CATALOG_JSON), renderCatalogJson(catalog));
  files.set(join(outDir, NOTEBOOK), renderNotebook(catalog));
  return files;
}

/** What {@link writeExports} did. Paths include the output directory. */
export interface ExportReport {
  readonly outDir: string;
  /** Entries per category, in catalog presentation order (categories without entries included). */
  readonly byCategory: readonly { readonly category: CatalogCategory; readonly entries: number }[];
  readonly entries: number;
  /** Every exported file, with whether its content changed. */
  readonly files: readonly { readonly path: string; readonly status: "written" | "unchanged" }[];
  /** Stale `<outDir>/kql/*.kql` files of entries that are no longer in the catalog. */
  readonly deleted: readonly string[];
}

function readIfFile(path: string): string | undefined {
  return statSync(path, { throwIfNoEntry: false })?.isFile() ? readFileSync(path, "utf8") : undefined;
}

/** Writes through a temporary file and a rename, so that a reader never sees half a file. */
function writeAtomically(path: string, content: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, content);
  renameSync(tmp, path);
}

/**
 * Writes the catalog's exports into `outDir` (default `queries`): only files whose content
 * changed are rewritten, and `.kql` files directly in `<outDir>/kql/` that belong to no
 * entry any more are deleted (nothing else is). Throws a CatalogValidationError before
 * writing anything if the catalog has problems.
 */
export function writeExports(outDir: string, catalog: readonly CatalogEntry[]): ExportReport {
  const exported = exportCatalog(outDir, catalog);
  const files: { path: string; status: "written" | "unchanged" }[] = [];
  for (const [path, content] of exported) {
    const same = readIfFile(path) === content;
    if (!same) writeAtomically(path, content);
    files.push({ path, status: same ? "unchanged" : "written" });
  }
  const kqlDir = join(outDir, KQL_DIR);
  const deleted: string[] = [];
  const existing = statSync(kqlDir, { throwIfNoEntry: false })?.isDirectory() ? readdirSync(kqlDir, { withFileTypes: true }) : [];
  for (const e of existing) {
    const path = join(kqlDir, e.name);
    if (extname(e.name) === ".kql" && !exported.has(path) && (e.isFile() || e.isSymbolicLink())) {
      rmSync(path);
      deleted.push(path);
    }
  }
  return {
    outDir,
    byCategory: CATEGORIES.map((c) => ({ category: c.id, entries: catalog.filter((e) => e.category === c.id).length })),
    entries: catalog.length,
    files,
    deleted: deleted.sort(),
  };
}
