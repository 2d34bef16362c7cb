import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { kql, query } from "../examples/poor-jitter-by-sdk.js";
import { expectValidQuery } from "./helpers/expect-query.js";

const readme = readFileSync(join(__dirname, "..", "README.md"), "utf8");
const example = readFileSync(join(__dirname, "..", "examples", "poor-jitter-by-sdk.ts"), "utf8");

function block(lang: string): string {
  const m = readme.match(new RegExp("```" + lang + "\\n([\\s\\S]*?)```"));
  if (!m?.[1]) throw new Error(`README has no ${lang} block`);
  return m[1];
}

describe("README builder example", () => {
  it("shows the code of examples/poor-jitter-by-sdk.ts", () => {
    const code = block("ts").replace(/"acs-call-insights\/src\/(\w+)"/g, '"../src/$1/index.js"');
    for (const line of code.split("\n").filter((l) => l.trim() && !l.startsWith("toKql("))) {
      expect(example, `README line not in the example: ${line}`).toContain(line.trim());
    }
  });

  it("shows exactly the KQL the example renders, and that KQL is valid", () => {
    expect(block("kusto")).toBe(`${kql}\n`);
    expectValidQuery(query, { params: { poorJitterMs: 50 } });
  });
});
