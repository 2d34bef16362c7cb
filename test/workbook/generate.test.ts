import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runWorkbooks, staleWorkbookFiles } from "../../src/cli/build-command.js";
import { InputError } from "../../src/cli/input-error.js";
import type { WorkbookDef } from "../../src/workbook/index.js";
import { step } from "../../src/workbook/index.js";
import { workbooks } from "../../workbooks/index.js";

// `npm run workbooks` / `acs-insights workbooks`: writes only what changed, --check lists
// stale files, and a broken workbook is an input error listing every problem.

const CLI = path.resolve("bin/acs-insights.cjs");
let dir = "";

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "acs-insights-workbooks-"));
});

afterAll(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe("acs-insights workbooks", () => {
  it("writes both files, then leaves them alone when nothing changed", () => {
    const lines: string[] = [];
    const first = runWorkbooks(path.join(dir, "out"), (l) => lines.push(l));
    expect(first.files.map((f) => [path.basename(f.path), f.status])).toEqual([
      ["acs-call-quality.workbook.json", "written"],
      ["acs-call-quality.gallery.json", "written"],
    ]);
    expect(lines).toEqual([expect.stringMatching(/^workbook .*acs-call-quality\.\{workbook,gallery\}\.json: \d+ logs queries, \d+ steps, \d+ KB \(written\)$/)]);
    const mtime = fs.statSync(first.files[0]!.path).mtimeMs;
    const again = runWorkbooks(path.join(dir, "out"), () => {});
    expect(again.files.every((f) => f.status === "unchanged")).toBe(true);
    expect(fs.statSync(first.files[0]!.path).mtimeMs).toBe(mtime);
    expect(staleWorkbookFiles(path.join(dir, "out"))).toEqual([]);
  });

  it("reports every problem of a broken workbook as an input error and writes nothing", () => {
    const broken: WorkbookDef = { ...workbooks[0]!, items: [step.text("x", "{Nope}"), step.text("x", "again")] };
    let err: unknown;
    try {
      runWorkbooks(path.join(dir, "broken"), () => {}, [broken]);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).problems).toEqual([
      expect.stringMatching(/^workbook 'acs-call-quality': step name 'x' is used twice/),
      expect.stringMatching(/^workbook 'acs-call-quality': step 'x', text: placeholder \{Nope\} names no parameter/),
    ]);
    expect(fs.existsSync(path.join(dir, "broken"))).toBe(false);
  });

  it("--check exits 1 and names a stale file, without writing", () => {
    const out = path.join(dir, "check");
    runWorkbooks(out, () => {});
    const file = path.join(out, "acs-call-quality.gallery.json");
    fs.writeFileSync(file, "{}\n");
    const r = spawnSync(process.execPath, [CLI, "workbooks", "--check", "--out", out], { encoding: "utf8", timeout: 30_000 });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(1);
    expect(r.stdout).toContain(`stale  ${file} — run npm run workbooks`);
    expect(r.stdout).toMatch(/^1 workbook file out of date$/m);
    expect(fs.readFileSync(file, "utf8")).toBe("{}\n");
  });
});
