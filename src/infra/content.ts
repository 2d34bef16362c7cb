import * as fs from "node:fs";
import * as path from "node:path";
import type { CatalogJson, CatalogJsonQuery } from "../catalog/export/catalog-json.js";
import type { WorkbookSpec, WorkbookTemplateSpec } from "./workbooks.js";

/*
 * What the stacks deploy besides infrastructure: the query catalog and the workbooks. They
 * are read from the generated, committed artifacts (queries/catalog.json and
 * workbooks/<name>.{workbook,gallery}.json), so that infra sits downstream of the catalog and
 * the workbook generator and imports neither (src/ must not import queries/ or workbooks/).
 * `npm start` regenerates the artifacts before it synthesizes; a test keeps them current.
 */

/** The project root (where package.json, queries/ and workbooks/ are). */
export const PROJECT_ROOT = path.resolve(__dirname, "..", "..");

/** Where the artifacts are read from. */
export interface ContentSources {
  /** @default "<project>/queries/catalog.json" */
  readonly catalogJson?: string;
  /** Directory with `<name>.workbook.json` (and optionally `<name>.gallery.json`). @default "<project>/workbooks" */
  readonly workbooksDir?: string;
}

/** The catalog and the workbooks, as the stacks consume them. */
export interface StackContent {
  readonly catalog: readonly CatalogJsonQuery[];
  readonly workbooks: readonly WorkbookSpec[];
}

/** Reads the artifacts; problems (missing or unreadable files) are returned, not thrown. */
export function loadContent(sources: ContentSources = {}): { content: StackContent; problems: string[] } {
  const problems: string[] = [];
  const catalogPath = sources.catalogJson ?? path.join(PROJECT_ROOT, "queries", "catalog.json");
  const workbooksDir = sources.workbooksDir ?? path.join(PROJECT_ROOT, "workbooks");
  const rel = (p: string) => path.relative(process.cwd(), p) || p;

  let catalog: readonly CatalogJsonQuery[] = [];
  try {
    const json = JSON.parse(fs.readFileSync(catalogPath, "utf8")) as CatalogJson;
    if (json.version !== 1 || !Array.isArray(json.queries)) throw new Error("not a version 1 catalog.json");
    catalog = json.queries;
  } catch (err) {
    problems.push(`${rel(catalogPath)}: cannot read the query catalog (${(err as Error).message}) — run npm run export`);
  }

  const workbooks: WorkbookSpec[] = [];
  let names: string[] = [];
  try {
    names = fs
      .readdirSync(workbooksDir)
      .filter((f) => f.endsWith(".workbook.json"))
      .map((f) => f.slice(0, -".workbook.json".length))
      .sort();
  } catch (err) {
    problems.push(`${rel(workbooksDir)}: cannot list the workbooks (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}) — run npm run workbooks`);
  }
  for (const id of names) {
    const file = path.join(workbooksDir, `${id}.workbook.json`);
    const galleryFile = path.join(workbooksDir, `${id}.gallery.json`);
    try {
      const serializedJson = fs.readFileSync(file, "utf8");
      const template = fs.existsSync(galleryFile) ? (JSON.parse(fs.readFileSync(galleryFile, "utf8")) as WorkbookTemplateSpec) : undefined;
      workbooks.push({
        id,
        displayName: template?.galleries[0]?.name ?? titleOf(id),
        serializedJson,
        ...(template ? { template } : {}),
      });
    } catch (err) {
      problems.push(`${rel(file)}: cannot read the workbook (${(err as Error).message}) — run npm run workbooks`);
    }
  }
  return { content: { catalog, workbooks }, problems };
}

/** `acs-call-quality` → `Acs call quality`. */
function titleOf(id: string): string {
  const words = id.replace(/-/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * The entry's KQL with some parameters bound to other values. catalog.json's `kql` starts
 * with one `let <name> = <default>;` line per parameter, in the order of `parameters`; each
 * bound parameter's line is replaced. `values` holds KQL literal text (e.g. `15m`). Throws when
 * a name is not a parameter of the entry or its line is not where catalog.json puts it.
 */
export function bindParameters(query: CatalogJsonQuery, values: Readonly<Record<string, string>>): string {
  const lines = query.kql.split("\n");
  for (const [name, value] of Object.entries(values)) {
    const i = query.parameters.findIndex((p) => p.name === name);
    const param = query.parameters[i];
    if (!param) {
      throw new Error(`catalog query '${query.id}' has no parameter '${name}' (it has ${query.parameters.map((p) => p.name).join(", ") || "none"})`);
    }
    const expected = `let ${name} = ${param.default};`;
    if (lines[i] !== expected) {
      throw new Error(`catalog query '${query.id}': line ${i + 1} is not "${expected}" — regenerate queries/catalog.json with npm run export`);
    }
    lines[i] = `let ${name} = ${value};`;
  }
  return lines.join("\n");
}
