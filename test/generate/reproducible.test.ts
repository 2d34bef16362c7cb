import * as fs from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { generateLogs } from "../../src/generate/index.js";
import { fingerprint, tempDir } from "./helpers.js";

const dirs: string[] = [];
const run = async (seed: number) => {
  const outDir = tempDir(`repro-${seed}`);
  dirs.push(outDir);
  await generateLogs({ calls: 80, seed, layouts: ["archive", "flat"], outDir });
  return fingerprint(outDir);
};

afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

describe("generateLogs reproducibility", () => {
  it("writes byte-identical files for the same seed and options, and different files for another seed", async () => {
    const a = await run(11);
    const b = await run(11);
    const c = await run(12);
    expect(Object.keys(a).length).toBeGreaterThan(20);
    expect(Object.keys(a)).toContain("truth.json");
    expect(b).toEqual(a);
    // Another seed plants other calls: the flat tables and the truth all differ.
    for (const f of ["truth.json", "flat/ACSCallSummary.jsonl", "flat/ACSCallDiagnostics.jsonl"]) {
      expect(c[f], f).toBeDefined();
      expect(c[f], f).not.toBe(a[f]);
    }
  });
});
