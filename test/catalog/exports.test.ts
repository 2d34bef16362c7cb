import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { catalog, getEntry } from "../../queries/index.js";
import { defineEntry, inWindow, optionalIn, p, parameterDocs, renderQuery, type CatalogEntry, type RowOfEntry } from "../../src/catalog/index.js";
import { renderCatalogJson, type CatalogJson } from "../../src/catalog/export/catalog-json.js";
import { renderKqlFile } from "../../src/catalog/export/kql-file.js";
import { buildNotebook, renderNotebook } from "../../src/catalog/export/notebook.js";
import { CatalogValidationError } from "../../src/catalog/export/validate.js";
import { exportCatalog, writeExports } from "../../src/catalog/export/write-exports.js";
import { runExport } from "../../src/cli/build-command.js";
import { InputError } from "../../src/cli/input-error.js";
import { agg, fn, from, param, parametersOf, toKql } from "../../src/kql/index.js";
import { ACSCallSummary } from "../../src/schema/index.js";

const ROOT = path.resolve(__dirname, "../..");
const QUERIES = path.join(ROOT, "queries");
const rel = (file: string) => path.relative(ROOT, file);

/** A small entry of our own, so these tests do not depend on what the catalog holds. */
const fake = defineEntry({
  id: "calls-by-type-test",
  title: "Calls by call type (test)",
  description:
    "How many calls of each call type there were, counted by CorrelationId. This sentence is here to make the " +
    "description long enough to wrap at a hundred characters, twice over, so the header wrapping is exercised.",
  category: "volume",
  tags: ["calls", "test"],
  query: from(ACSCallSummary)
    .where(inWindow)
    .where((c) => optionalIn(c.CallType, p.callTypes))
    .summarize((c) => ({ calls: agg.dcount(c.CorrelationId) }), ["CallType"])
    .orderBy("calls", "desc"),
  visualization: "piechart",
});

const tmpDirs: string[] = [];
function tmp(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "acs-insights-export-"));
  tmpDirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const d of tmpDirs) fs.rmSync(d, { recursive: true, force: true });
});

describe("committed exports are up to date", () => {
  const expected = exportCatalog(QUERIES, catalog);

  it("queries/kql, queries/catalog.json and queries/notebooks equal exportCatalog() byte for byte", () => {
    const stale = [...expected]
      .filter(([file, content]) => !fs.existsSync(file) || fs.readFileSync(file, "utf8") !== content)
      .map(([file]) => `${rel(file)} is ${fs.existsSync(file) ? "out of date" : "missing"}`);
    expect(stale, `the exports do not match the catalog — run npm run export (${stale.length} files):\n${stale.join("\n")}\n`).toEqual([]);
  });

  it("queries/kql holds no .kql file that belongs to no entry", () => {
    const kqlDir = path.join(QUERIES, "kql");
    const present = fs.existsSync(kqlDir) ? fs.readdirSync(kqlDir).filter((f) => f.endsWith(".kql")) : [];
    const extra = present.filter((f) => !expected.has(path.join(kqlDir, f))).map((f) => `queries/kql/${f}`);
    expect(extra, `stale .kql files (no catalog entry has their id) — run npm run export, which deletes them: ${extra.join(", ")}`).toEqual([]);
  });
});

describe("queries/kql/<id>.kql", () => {
  const text = renderKqlFile(fake);
  const lines = text.split("\n");

  it("starts with a // header: title, wrapped description, category and tags, parameters with docs and defaults, columns", () => {
    expect(lines[0]).toBe("// Calls by call type (test)");
    const header = lines.slice(0, lines.findIndex((l) => !l.startsWith("//")));
    for (const l of header) expect(l.length, l).toBeLessThanOrEqual(100);
    const prose = header.join(" ").replace(/\s*\/\/\s*/g, " ");
    expect(prose).toContain("wrap at a hundred characters, twice over");
    expect(header).toContain("// Category: volume · Tags: calls, test");
    expect(header).toContain("// Suggested chart: piechart");
    expect(header).toContain("// Parameters — edit the let lines below:");
    expect(header).toContain(`//   lookback (timespan, default 7d): ${parameterDocs.lookback}`);
    expect(header).toContain(`//   callTypes (dynamic, default dynamic([])): ${parameterDocs.callTypes}`);
    const docs = header.join("\n");
    expect(docs).toMatch(/\/\/ {3}resourceIds \(dynamic, default dynamic\(\[\]\)\): ACS resource IDs/);
    expect(header.slice(header.indexOf("// Result columns:") + 1, header.indexOf("// Result columns:") + 3)).toEqual([
      "//   CallType: string",
      "//   calls: long",
    ]);
  });

  it("then the query, whose let lines carry the defaults; no blank line anywhere; one trailing newline", () => {
    expect(text.endsWith(`\n${toKql(fake.query)}\n`)).toBe(true);
    expect(text).toContain("\nlet lookback = 7d;\nlet resourceIds = dynamic([]);\nlet callTypes = dynamic([]);\nACSCallSummary\n");
    expect(text).not.toMatch(/\n\n/);
  });

  it("never writes a header line the linter would read as a suppression directive", () => {
    const tricky = defineEntry({ ...fake, description: "acs-insights-disable ACS001 in a description is prose, not a directive." });
    const header = renderKqlFile(tricky);
    expect(header).not.toMatch(/^\/\/\s*acs-insights-/m);
    expect(header).toContain("// · acs-insights-disable ACS001 in a description is prose");
  });

  it("throws, naming the entry and the parameter, when a parameter has no parameterDocs line", () => {
    const undocumented = defineEntry({
      ...fake,
      id: "undocumented-param",
      query: from(ACSCallSummary)
        .where(inWindow)
        .where((c) => c.CallDuration.gt(param.long("minCallSeconds", 60)))
        .summarize((c) => ({ calls: agg.count() }), ["CallType"]),
    });
    expect(() => renderKqlFile(undocumented)).toThrow(/entry 'undocumented-param': parameter 'minCallSeconds' \(long\) has no parameterDocs line/);
  });
});

describe("queries/notebooks/acs-call-insights.ipynb", () => {
  it("is nbformat 4.5 with a Python 3 kernel, setup cells first, a markdown + %%kql cell per entry", () => {
    const nb = JSON.parse(renderNotebook([...catalog, fake])) as ReturnType<typeof buildNotebook>;
    expect(nb.nbformat).toBe(4);
    expect(nb.nbformat_minor).toBe(5);
    expect(nb.metadata.kernelspec).toEqual({ display_name: "Python 3", language: "python", name: "python3" });
    const [intro, setup, connectHelp, connect] = nb.cells;
    expect(intro?.cell_type).toBe("markdown");
    expect(setup?.cell_type).toBe("code");
    expect(setup?.source.join("")).toMatch(/^# %pip install Kqlmagic$/m);
    expect(setup?.source.join("")).toMatch(/^%reload_ext Kqlmagic$/m);
    expect(connectHelp?.source.join("")).toMatch(/clientsecret=.*-try_azcli_login/s);
    expect(connect?.source.join("")).toBe("%kql loganalytics://code;workspace='<your-workspace-id>';alias='acs'");

    const kqlCells = nb.cells.filter((c) => c.cell_type === "code" && c.source[0] === "%%kql\n");
    expect(kqlCells).toHaveLength(catalog.length + 1);
    // Each %%kql cell follows its entry's markdown, and holds exactly the entry's KQL.
    nb.cells.forEach((cell, i) => {
      if (!kqlCells.includes(cell)) return;
      expect(nb.cells[i - 1]?.cell_type).toBe("markdown");
    });
    const at = nb.cells.findIndex((c) => c.id === "calls-by-type-test-kql");
    expect(nb.cells[at]?.source.join("")).toBe(`%%kql\n${toKql(fake.query)}`);
    expect(nb.cells[at - 1]?.id).toBe("calls-by-type-test-about");
    const about = nb.cells[at - 1]!.source.join("");
    expect(about).toMatch(/^### Calls by call type \(test\)$/m);
    expect(about).toContain(`- \`lookback\` (timespan, default \`7d\`): ${parameterDocs.lookback}`);

    // Deterministic and schema-clean: no outputs, no execution counts, unique valid ids.
    for (const c of nb.cells) {
      if (c.cell_type === "code") {
        expect(c.outputs).toEqual([]);
        expect(c.execution_count).toBeNull();
      }
      expect(Object.keys(c).sort()).toEqual(Object.keys(c));
      expect(c.id).toMatch(/^[a-zA-Z0-9-_]{1,64}$/);
      expect(c.source.slice(0, -1).every((l) => l.endsWith("\n"))).toBe(true);
    }
    expect(new Set(nb.cells.map((c) => c.id)).size).toBe(nb.cells.length);
    expect(renderNotebook([...catalog, fake])).toBe(renderNotebook([...catalog, fake]));
  });
});

describe("queries/catalog.json", () => {
  it("parses, lists every entry with its columns (== entry.query.columns), parameters and KQL", () => {
    const text = renderCatalogJson([...catalog, fake]);
    expect(text.endsWith("}\n")).toBe(true);
    const json = JSON.parse(text) as CatalogJson;
    expect(Object.keys(json)).toEqual(["$comment", "version", "queries"]);
    expect(json.version).toBe(1);
    expect(json.queries.map((q) => q.id)).toEqual([...catalog, fake].map((e) => e.id));
    for (const [i, entry] of [...catalog, fake].entries()) {
      const q = json.queries[i]!;
      expect(Object.fromEntries(q.columns.map((c) => [c.name, c.type])), entry.id).toEqual(entry.query.columns);
      expect(q.columns.map((c) => c.name)).toEqual(Object.keys(entry.query.columns));
      expect(q.parameters.map((x) => x.name)).toEqual(parametersOf(entry.query).map((x) => x.name));
      expect(q.kql).toBe(toKql(entry.query));
    }
    const last = json.queries.at(-1)!;
    expect(Object.keys(last)).toEqual(["id", "title", "description", "category", "tags", "visualization", "parameters", "columns", "kql"]);
    expect(last.parameters[0]).toEqual({ name: "lookback", type: "timespan", default: "7d", description: parameterDocs.lookback });
  });
});

describe("validation", () => {
  const bad = (over: Partial<CatalogEntry>): CatalogEntry => ({ ...fake, ...over });

  it("reports every problem at once: duplicate ids, a non-kebab-case id, empty title/description, undocumented params", () => {
    const broken = [
      fake,
      bad({ title: "  " }), // second 'calls-by-type-test'
      bad({ id: "Poor_RTT byOS", description: "" }),
      bad({ id: "undocumented", query: from(ACSCallSummary).where(inWindow).where((c) => c.CallType.eq(param.string("onlyType", "P2P"))) }),
    ];
    let error: unknown;
    try {
      exportCatalog("unused", broken);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(CatalogValidationError);
    const { problems, message } = error as CatalogValidationError;
    expect(message).toContain("duplicate id 'calls-by-type-test' on 2 entries");
    expect(message).toContain("entry 'Poor_RTT byOS': the id is not kebab-case");
    expect(message).toContain("e.g. to 'poor-rtt-by-os'");
    expect(message).toMatch(/entry 'calls-by-type-test': the title is empty/);
    expect(message).toMatch(/entry 'Poor_RTT byOS': the description is empty/);
    expect(message).toMatch(/entry 'undocumented': parameter 'onlyType' \(string\) has no parameterDocs line/);
    expect(problems).toHaveLength(5);
  });

  it("rejects a parameter that reuses a shared name with another type or default", () => {
    const clash = bad({ query: from(ACSCallSummary).where((c) => c.TimeGenerated.gt(fn.ago(param.timespan("lookback", "30d")))) });
    expect(() => exportCatalog("unused", [clash])).toThrow(/parameter 'lookback' is declared as timespan = 30d, but the shared p.lookback is timespan = 7d/);
  });
});
describe("writeExports", () => {
  it("writes changed files only and deletes stale .kql files in kql/ (and nothing else)", () => {
    const dir = tmp();
    const first = writeExports(dir, [fake]);
    expect(first.files.map((f) => [rel(f.path), f.status])).toEqual([
      [rel(path.join(dir, "kql", "calls-by-type-test.kql")), "written"],
      [rel(path.join(dir, "catalog.json")), "written"],
      [rel(path.join(dir, "notebooks", "acs-call-insights.ipynb")), "written"],
    ]);
    fs.writeFileSync(path.join(dir, "kql", "gone.kql"), "ACSCallSummary | take 1\n");
    fs.writeFileSync(path.join(dir, "kql", "notes.txt"), "keep me\n");
    fs.mkdirSync(path.join(dir, "kql", "mine"));
    fs.writeFileSync(path.join(dir, "kql", "mine", "own.kql"), "ACSCallSummary | take 1\n");
    const second = writeExports(dir, [fake]);
    expect(second.files.every((f) => f.status === "unchanged")).toBe(true);
    expect(second.deleted).toEqual([path.join(dir, "kql", "gone.kql")]);
    expect(fs.readdirSync(path.join(dir, "kql")).sort()).toEqual(["calls-by-type-test.kql", "mine", "notes.txt"]);
    expect(fs.existsSync(path.join(dir, "kql", "mine", "own.kql"))).toBe(true);
    expect(second.byCategory.find((c) => c.category === "volume")?.entries).toBe(1);
  });

  it("the CLI turns catalog problems into one InputError (exit 2) listing them all, before writing", () => {
    const dir = tmp();
    const printed: string[] = [];
    let error: unknown;
    try {
      runExport(dir, (l) => printed.push(l), [fake, { ...fake, id: "Bad Id" }, fake]);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).problems).toEqual([
      "queries/volume.ts: entry 'Bad Id': the id is not kebab-case (lower-case letters and digits joined by single '-'; it is the .kql file name) — rename it, e.g. to 'bad-id'",
      "duplicate id 'calls-by-type-test' on 2 entries: queries/volume.ts (catalog[0]), queries/volume.ts (catalog[2]) — ids must be unique (they are file names); rename all but one",
    ]);
    expect(printed).toEqual([]);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it("writes nothing when the catalog has a problem", () => {
    const dir = tmp();
    expect(() => writeExports(dir, [fake, fake])).toThrow(CatalogValidationError);
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});

describe("renderQuery", () => {
  it("binds typed values as escaped literals; a quote in a callTypes value stays inside the literal", () => {
    const kql = renderQuery(fake, { lookback: "30d", callTypes: ['Group", "P2P'] });
    expect(kql).toContain("let lookback = 30d;\n");
    expect(kql).toContain('let callTypes = dynamic(["Group\\", \\"P2P"]);\n');
    expect(kql).toContain("let resourceIds = dynamic([]);\n"); // the default
    expect(renderQuery(fake)).toBe(toKql(fake.query));
    expect(renderQuery(fake, { lookback: undefined })).toBe(toKql(fake.query));
  });

  it("rejects parameters the entry does not use, naming the entry and listing the ones it takes", () => {
    expect(() => renderQuery(fake, { rttPoorMs: 300 })).toThrow(
      "renderQuery('calls-by-type-test'): the entry does not use parameter 'rttPoorMs' — pass only its parameters: lookback, resourceIds, callTypes",
    );
    // A JS caller passing the wrong type gets the builder's message, with the entry named.
    expect(() => renderQuery(fake, { lookback: true as unknown as string })).toThrow(/renderQuery\('calls-by-type-test'\): parameter 'lookback'/);
  });

  it("types values and rows from p and the entry's row type", () => {
    const ok: Parameters<typeof renderQuery>[1] = { lookback: 3_600_000, callTypes: ["Group"] as readonly string[], rttPoorMs: 500n, packetLossPoorRatio: 0.2 };
    expect(ok).toBeDefined();
    // @ts-expect-error a long threshold is not a string
    const wrong: Parameters<typeof renderQuery>[1] = { rttPoorMs: "500" };
    // @ts-expect-error no shared parameter is called 'lookbak'
    const typo: Parameters<typeof renderQuery>[1] = { lookbak: "1d" };
    expect([wrong, typo]).toHaveLength(2);
    type Row = RowOfEntry<typeof fake>;
    const row: Row = { CallType: "P2P", calls: 3 };
    // @ts-expect-error calls is a number
    const badRow: Row = { CallType: "P2P", calls: "3" };
    expect([row, badRow]).toHaveLength(2);
  });
});

describe("getEntry", () => {
  it("finds an entry by id, and names close ids for a typo", () => {
    const first = catalog[0];
    if (!first) {
      expect(() => getEntry("anything")).toThrow(/the catalog is empty/);
      return;
    }
    expect(getEntry(first.id)).toBe(first);
    const typo = `${first.id.slice(0, -1)}x`;
    expect(() => getEntry(typo)).toThrow(`getEntry: unknown catalog entry '${typo}' — did you mean '${first.id}'`);
    expect(() => getEntry("zzzzzzzzzzzzzzzzzzzzzzzzzzzzzz")).toThrow(/no id is close; all \d+ ids are in queries\/catalog.json/);
  });
});

describe("acs-insights export (end to end)", () => {
  // Each spawn costs ~2-4 s (tsx + the catalog); two of them check the success and the error path.
  const cli = path.join(ROOT, "bin", "acs-insights.cjs");
  const run = (cwd: string, ...args: string[]) => {
    const r = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: "utf8", timeout: 60_000 });
    if (r.error) throw r.error;
    return r;
  };

  it("writes the exports into --out and prints one line per artifact, exit 0", () => {
    const dir = tmp();
    const r = run(dir, "export", "--out", "out");
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout.split("\n").filter(Boolean)).toEqual([
      `export ${path.join("out", "kql")}: ${catalog.length} .kql files (written)`,
      `export ${path.join("out", "catalog.json")}: ${catalog.length} queries (written)`,
      expect.stringMatching(/^export out[/\\]notebooks[/\\]acs-call-insights\.ipynb: \d+ %%kql cells in \d+ sections \(written\)$/),
    ]);
    for (const [file, content] of exportCatalog(path.join(dir, "out"), catalog)) expect(fs.readFileSync(file, "utf8"), file).toBe(content);
  });

  it("names the input, the rule and the fix when --out is a file, exit 2", () => {
    const dir = tmp();
    fs.writeFileSync(path.join(dir, "file.txt"), "x\n");
    const r = run(dir, "export", "--out", "file.txt");
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe("acs-insights: error: file.txt: not a directory — export writes kql/, catalog.json and notebooks/ into a directory; pass one\n");
  });
});
