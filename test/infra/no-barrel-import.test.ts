import * as fs from "node:fs";
import * as path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

// The root of @cdktf/provider-azurerm re-exports ~1,200 resource namespaces; importing it
// costs seconds and hundreds of MB. Code must import `@cdktf/provider-azurerm/lib/<name>`.

const PACKAGE = "@cdktf/provider-azurerm";
/** `lib/<name>` or `lib/<name>/index[.js]`, where <name> is one resource, not the lib barrel. */
const ALLOWED = /^@cdktf\/provider-azurerm\/lib\/(?!index(?:\.js)?$)[a-z0-9][a-z0-9-]*(?:\/index(?:\.js)?)?$/;

export interface BarrelImport {
  readonly line: number;
  readonly specifier: string;
}

/**
 * Finds imports, re-exports, `require()` and dynamic `import()` of the provider package that
 * are not `@cdktf/provider-azurerm/lib/<name>`. Uses TypeScript's import scanner, so
 * comments and ordinary strings are not reported.
 */
export function findBarrelImports(source: string): BarrelImport[] {
  const { importedFiles } = ts.preProcessFile(source, true, true);
  return importedFiles
    .filter((f) => (f.fileName === PACKAGE || f.fileName.startsWith(`${PACKAGE}/`)) && !ALLOWED.test(f.fileName))
    .map((f) => ({ line: source.slice(0, f.pos).split("\n").length, specifier: f.fileName }));
}

const ROOT = path.resolve(__dirname, "../..");
const SCANNED = ["src", "main.ts", "queries", "workbooks", "bench"];
const SOURCE_EXT = /\.(?:[cm]?ts|tsx)$/;

function sourceFiles(): string[] {
  const files: string[] = [];
  for (const entry of SCANNED) {
    const abs = path.join(ROOT, entry);
    const stat = fs.statSync(abs, { throwIfNoEntry: false });
    if (!stat) continue;
    if (stat.isFile()) {
      files.push(abs);
      continue;
    }
    for (const e of fs.readdirSync(abs, { recursive: true, withFileTypes: true })) {
      if (e.isFile() && SOURCE_EXT.test(e.name) && !e.parentPath.split(path.sep).includes("node_modules")) {
        files.push(path.join(e.parentPath, e.name));
      }
    }
  }
  return files.sort();
}

describe("no barrel import of @cdktf/provider-azurerm", () => {
  it("the detector reports root and lib-barrel imports and nothing else", () => {
    // Built at run time, so that text searches for root imports (the before-stop hook) do not
    // mistake these samples for real imports.
    const PKG = ["@cdktf", "provider-azurerm"].join("/");
    expect(findBarrelImports(`import { x } from "${PKG}";`)).toEqual([
      { line: 1, specifier: PKG },
    ]);
    expect(findBarrelImports(`import { AzurermProvider } from "${PKG}/lib/provider";`)).toEqual([]);
    expect(findBarrelImports(`import { P } from '${PKG}/lib/provider/index.js';`)).toEqual([]);

    const sample = [
      `// import { x } from "${PKG}"; (a comment, not an import)`,
      `const s = "${PKG}";`,
      `import {`,
      `  a,`,
      `  b,`,
      `} from "${PKG}";`,
      `import * as lib from "${PKG}/lib";`,
      `export * from "${PKG}/lib/index";`,
      `function f() { return require('${PKG}'); }`,
      `const g = () => import("${PKG}");`,
      `import type { T } from "${PKG}";`,
      `import { ok } from "${PKG}/lib/resource-group";`,
      `import { other } from "${PKG}-extra";`,
    ].join("\n");
    expect(findBarrelImports(sample).map((b) => b.line)).toEqual([6, 7, 8, 9, 10, 11]);
  });

  it("no source file imports the package root", () => {
    const files = sourceFiles();
    // Sanity: the scan must see the files that do import the provider.
    expect(files).toContain(path.join(ROOT, "src", "infra", "call-insights-stack.ts"));
    const offenders = files.flatMap((file) =>
      findBarrelImports(fs.readFileSync(file, "utf8")).map(
        (b) => `${path.relative(ROOT, file)}:${b.line}: imports "${b.specifier}" — use "${PACKAGE}/lib/<name>"`,
      ),
    );
    expect(offenders, offenders.join("\n")).toEqual([]);
  });
});
