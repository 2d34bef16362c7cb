// Every catalog entry the DuckDB backend supports runs on a generated dataset with known
// ground truth and on the seed's sample records, and its numbers are asserted. An entry
// without a check fails here, so a new catalog entry cannot slip past this suite.
import { describe, expect, it } from "vitest";
import type { GeneratedCheck, SeedCheck } from "./checks/check.js";
import { checks as clientChecks } from "./checks/generated-client.js";
import { checks as errorChecks } from "./checks/generated-errors.js";
import { checks as joinChecks } from "./checks/generated-joins.js";
import { checks as qualityChecks } from "./checks/generated-quality.js";
import { checks as reliabilityChecks } from "./checks/generated-reliability.js";
import { checks as volumeChecks } from "./checks/generated-volume.js";
import { seedChecks } from "./checks/seed.js";
import { generatedFixture, seedFixture, supportedIds } from "./harness.js";

const generatedChecks: Readonly<Record<string, GeneratedCheck>> = {
  ...joinChecks,
  ...volumeChecks,
  ...qualityChecks,
  ...errorChecks,
  ...reliabilityChecks,
  ...clientChecks,
};

describe("catalog on a generated dataset, against the generator's ground truth", () => {
  it("has a check for every supported entry and none for unknown ids", () => {
    expect(Object.keys(generatedChecks).sort()).toEqual([...supportedIds].sort());
  });
  for (const id of supportedIds) {
    it(id, async () => {
      const check = generatedChecks[id];
      if (!check) throw new Error(`no ground-truth check for ${id}`);
      await check(await generatedFixture());
    });
  }
});

describe("catalog on the seed's sample records", () => {
  it("has a check for every supported entry and none for unknown ids", () => {
    expect(Object.keys(seedChecks).sort()).toEqual([...supportedIds].sort());
  });
  for (const id of supportedIds) {
    it(id, async () => {
      const check: SeedCheck | undefined = seedChecks[id];
      if (!check) throw new Error(`no seed check for ${id}`);
      await check(await seedFixture());
    });
  }
});
