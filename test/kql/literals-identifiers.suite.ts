import { describe, expect, it } from "vitest";
import { analyze, kustoKeywords, parseLiteralValues } from "../../src/analysis/index.js";
import { KQL_KEYWORDS } from "../../src/kql/render/kql-keywords.js";
import { quoteIdentifier } from "../../src/kql/render/kql-literals.js";
import { type Rand, chunks, show, streamFor } from "./literals-helpers.js";

/** The result column names of `datatable(<n0>:string, ...)[] | project <n0>, ...`. */
function readBack(names: readonly string[]): { names: string[]; errors: string[] } {
  const ids = names.map(quoteIdentifier);
  const kql = `datatable(${ids.map((id) => `${id}:string`).join(", ")})[] | project ${ids.join(", ")}`;
  const r = analyze(kql, { tables: [], analyzers: false });
  return { names: r.resultColumns.map((c) => c.name), errors: r.diagnostics.map((d) => `${d.code} ${d.message}`) };
}

function expectReadBack(names: readonly string[], seed = "fixed"): void {
  const back = readBack(names);
  expect(back.errors, seed).toEqual([]);
  if (back.names.length !== names.length || back.names.some((n, i) => n !== names[i])) {
    const i = back.names.findIndex((n, j) => n !== names[j]);
    expect.fail(`${seed}: name ${show(names[i] ?? "")} rendered ${show(quoteIdentifier(names[i] ?? "x"))} read back as ${show(back.names[i] ?? "<missing>")}`);
  }
}

/** Is `name`, written bare, read back as exactly that column (in two contexts)? */
function bareWorks(name: string): boolean {
  const a = analyze(`datatable(${name}:string)["x"] | project ${name}`, { tables: [], analyzers: false });
  const b = analyze(`print ${name} = 1`, { tables: [], analyzers: false });
  return !a.hasErrors && !b.hasErrors && a.resultColumns.map((c) => c.name).join() === name && b.resultColumns.map((c) => c.name).join() === name;
}

describe("kql-keywords.ts agrees with the live Kusto parser", () => {
  const live = kustoKeywords();

  it("the static keyword list is exactly SyntaxFacts.Keywords", () => {
    const sorted = (xs: readonly string[]) => [...xs].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    expect(sorted(KQL_KEYWORDS)).toEqual(sorted(live.map((k) => k.text)));
    expect(new Set(KQL_KEYWORDS).size).toBe(KQL_KEYWORDS.length);
  });

  it("every hard keyword fails when written bare; every keyword, hard or soft, is quoted", () => {
    const hard = live.filter((k) => !k.canBeIdentifier && /^[A-Za-z_][A-Za-z0-9_]*$/.test(k.text));
    expect(hard.length).toBeGreaterThan(100);
    for (const k of hard) {
      // A syntax error (parse only: fast) settles it; otherwise ask the full analyzer.
      const syntaxErrors = parseLiteralValues(`datatable(${k.text}:string)["x"] | project ${k.text}`).syntaxErrors;
      if (syntaxErrors === 0 && bareWorks(k.text)) expect.fail(`hard keyword ${k.text} was read back as a name when written bare`);
    }
    for (const k of live) expect(quoteIdentifier(k.text), k.text).toMatch(/^\['.*'\]$/);
  });

  it("soft keywords (on, let, count, ...) would parse bare here, but are quoted anyway", () => {
    const soft = live.filter((k) => k.canBeIdentifier).map((k) => k.text);
    expect(soft).toEqual(expect.arrayContaining(["on", "let", "count", "id", "bool", "guid"]));
    // Documented, not relied on: today's parser reads them as names in these contexts.
    expect(soft.filter((k) => !bareWorks(k))).toEqual([]);
  });

  it("every keyword, quoted, is read back as a column with exactly that name", () => {
    expectReadBack(live.map((k) => k.text));
  });
});

describe("quoteIdentifier", () => {
  it("renders the documented forms", () => {
    expect(quoteIdentifier("CallDuration")).toBe("CallDuration");
    expect(quoteIdentifier("_x9")).toBe("_x9");
    expect(quoteIdentifier("Where")).toBe("Where"); // keywords are case-sensitive
    for (const kw of ["where", "project", "and", "by", "on", "kind", "let", "true", "True", "FALSE", "int", "string", "datetime"]) {
      expect(quoteIdentifier(kw)).toBe(`['${kw}']`);
    }
    expect(quoteIdentifier("a b")).toBe("['a b']");
    expect(quoteIdentifier("it's")).toBe(String.raw`['it\'s']`);
    expect(quoteIdentifier('say "x"')).toBe(`['say "x"']`);
    expect(quoteIdentifier("a\\b")).toBe(String.raw`['a\\b']`);
    expect(quoteIdentifier("x]")).toBe("['x]']");
    expect(quoteIdentifier("$left")).toBe("['$left']");
    expect(quoteIdentifier("1st")).toBe("['1st']");
    expect(quoteIdentifier("é")).toBe("['é']");
    expect(quoteIdentifier("日本")).toBe(String.raw`['\u65E5\u672C']`);
    expect(quoteIdentifier("a\nb")).toBe(String.raw`['a\nb']`);
  });

  it("keywords, punctuation, quotes and unicode are read back as exactly that column name", () => {
    expectReadBack([
      "where", "project", "and", "by", "on", "kind", "let", "true", "False", "int", "typeof", "dynamic", "has", "in",
      "a b", "a.b", "a-b", "a'b", 'a"b', "a]b", "['x']", "a\\b", "\\'", "'", '"', "]", "[", " ", "  lead", "trail ",
      "é", "日本語", "😀", "e\u0301", "\u202eRTL", "\ufeffBOM", "\u200b", "a\nb", "a\tb", "\u0000", "\u2028", "x\u0085y",
      "$left", "$right", "$foo", "1st", "0", "-", "a|b", "a;b", "a//b", "/*", "h\"x\"", "@\"x\"", "```", "\\u0041",
      "Where", "PROJECT", "_", "__", "x".repeat(500),
    ]);
  });

  it("1,000 random names (bare-looking and arbitrary) are read back exactly", () => {
    const { rand, seed } = streamFor(20);
    const names = new Set<string>();
    const ident = (r: Rand) => {
      const first = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_";
      let s = r.pick([...first]);
      for (let i = r.int(0, 12); i > 0; i--) s += r.pick([...first, ..."0123456789"]);
      return s;
    };
    while (names.size < 1000) {
      if (rand.chance(0.4)) names.add(ident(rand));
      else {
        let s = "";
        for (let i = rand.int(1, 10); i > 0; i--) {
          s += rand.chance(0.3) ? rand.pick(["'", '"', "\\", "]", "[", " ", "\n", "\u0000", "😀", "\u2028", "\u0301", "$"]) : String.fromCodePoint(rand.int(0x20, 0x2fff));
        }
        // A lone combining mark is fine; a lone surrogate cannot be generated from code points.
        names.add(s);
      }
    }
    const all = [...names];
    const bare = all.filter((n) => !quoteIdentifier(n).startsWith("['"));
    expect(bare.length).toBeGreaterThan(300);
    for (const batch of chunks(all, 250)) expectReadBack(batch, seed);
  });
});
