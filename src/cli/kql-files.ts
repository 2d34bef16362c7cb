import { readdirSync, readFileSync, statSync } from "node:fs";
import type { Stats } from "node:fs";
import { extname, join, normalize, relative } from "node:path";
import { InputError } from "./input-error.js";

/** A `.kql` file read from disk. */
export interface KqlFile {
  /** Path as shown to the user (relative to the working directory when possible). */
  readonly path: string;
  readonly text: string;
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

function display(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel === "" || rel.startsWith("..") ? path : rel;
}

function isFile(path: string): boolean {
  return statSync(path, { throwIfNoEntry: false })?.isFile() ?? false;
}

function kqlFilesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => extname(e.name) === ".kql")
    .map((e) => join(e.parentPath, e.name))
    .filter((path) => isFile(path)) // follows symlinks, unlike Dirent.isFile()
    .sort();
}

/** Turns an fs error (ENOTDIR, EACCES, ELOOP, ...) into a one-line problem. */
function fsProblem(path: string, err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code ?? "error";
  return `${display(path)}: cannot read it (${code}) — pass a readable .kql file or directory`;
}

/** Reads one file as KQL text, or returns the reason it is not usable. */
function readKql(path: string): KqlFile | string {
  const shown = display(path);
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (err) {
    return fsProblem(path, err);
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    return `${shown}: binary file (NUL byte at offset ${nul}); lint reads KQL text only — pass a .kql text file`;
  }
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return `${shown}: not valid UTF-8 text; lint reads UTF-8 KQL only — re-save the file as UTF-8`;
  }
  if (text.trim() === "") {
    return `${shown}: file is empty; a .kql file must hold a query — add one or delete the file`;
  }
  return { path: shown, text: text.replace(/^\uFEFF/, "") };
}

/**
 * Expands the paths given to `lint` into `.kql` files. Every unusable path is collected
 * and reported together in one {@link InputError}, so the user fixes them in one go.
 */
export function collectKqlFiles(paths: readonly string[]): KqlFile[] {
  const problems: string[] = [];
  const files: KqlFile[] = [];
  for (const path of paths.map((p) => normalize(p))) {
    let stat: Stats | undefined;
    let found: string[] = [];
    try {
      stat = statSync(path, { throwIfNoEntry: false });
      if (stat?.isDirectory()) found = kqlFilesUnder(path);
    } catch (err) {
      problems.push(fsProblem(path, err));
      continue;
    }
    if (!stat) {
      problems.push(`${path}: no such file or directory — pass an existing .kql file or a directory of .kql files`);
    } else if (stat.isDirectory()) {
      if (found.length === 0) {
        problems.push(`${display(path)}: directory holds no .kql files (searched recursively) — pass a directory that has some`);
      }
      for (const f of found) {
        const r = readKql(f);
        typeof r === "string" ? problems.push(r) : files.push(r);
      }
    } else if (extname(path) !== ".kql") {
      problems.push(`${display(path)}: not a .kql file — lint takes .kql files; rename it or pass its directory`);
    } else {
      const r = readKql(path);
      typeof r === "string" ? problems.push(r) : files.push(r);
    }
  }
  if (problems.length > 0) throw new InputError(problems);
  return files;
}
