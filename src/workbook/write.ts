import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { WorkbookDef } from "./model.js";
import { renderWorkbook, toJsonText, WorkbookError, type RenderedWorkbook } from "./render.js";

/** The files of a workbook in `outDir`, relative names: `<name>.workbook.json` and `<name>.gallery.json`. */
export function workbookFiles(outDir: string, name: string): { readonly workbook: string; readonly gallery: string } {
  return { workbook: join(outDir, `${name}.workbook.json`), gallery: join(outDir, `${name}.gallery.json`) };
}

/** Every generated file of the workbooks, path → content; throws one WorkbookError listing every problem of every workbook. */
export function renderWorkbookFiles(outDir: string, workbooks: readonly WorkbookDef[]): { readonly files: Map<string, string>; readonly rendered: readonly RenderedWorkbook[] } {
  const problems: string[] = [];
  const rendered: RenderedWorkbook[] = [];
  const names = new Set<string>();
  for (const wb of workbooks) {
    if (names.has(wb.name)) problems.push(`two workbooks are named '${wb.name}'`);
    names.add(wb.name);
    try {
      rendered.push(renderWorkbook(wb));
    } catch (err) {
      if (!(err instanceof WorkbookError)) throw err;
      problems.push(...err.problems.map((p) => `workbook '${wb.name}': ${p}`));
    }
  }
  if (problems.length > 0) throw new WorkbookError(problems);
  const files = new Map<string, string>();
  for (const r of rendered) {
    const f = workbookFiles(outDir, r.name);
    files.set(f.workbook, toJsonText(r.workbook));
    files.set(f.gallery, toJsonText(r.gallery));
  }
  return { files, rendered };
}

/** What {@link writeWorkbooks} did. */
export interface WorkbooksReport {
  readonly rendered: readonly RenderedWorkbook[];
  readonly files: readonly { readonly path: string; readonly status: "written" | "unchanged"; readonly bytes: number }[];
}

/**
 * Renders the workbooks and writes `<outDir>/<name>.workbook.json` and `<name>.gallery.json`,
 * each only when its content changed (through a temporary file and a rename). Nothing is
 * written when any workbook has a problem.
 */
export function writeWorkbooks(outDir: string, workbooks: readonly WorkbookDef[]): WorkbooksReport {
  const { files, rendered } = renderWorkbookFiles(outDir, workbooks);
  const out: { path: string; status: "written" | "unchanged"; bytes: number }[] = [];
  for (const [path, content] of files) {
    const old = statSync(path, { throwIfNoEntry: false })?.isFile() ? readFileSync(path, "utf8") : undefined;
    const same = old === content;
    if (!same) {
      mkdirSync(dirname(path), { recursive: true });
      const tmp = `${path}.${process.pid}.tmp`;
      writeFileSync(tmp, content);
      renameSync(tmp, path);
    }
    out.push({ path, status: same ? "unchanged" : "written", bytes: Buffer.byteLength(content) });
  }
  return { rendered, files: out };
}
