import type { GeneratedFixture, LocalFixture } from "../harness.js";

/**
 * Runs one catalog entry (and any parameter variations) on a fixture and asserts its
 * numbers with vitest's `expect`. Expected values come from the generator's ground truth
 * (computed in JS from the plan) or, for the seed, from the sample records by hand —
 * never from running the same SQL.
 */
export type GeneratedCheck = (f: GeneratedFixture) => Promise<void>;
export type SeedCheck = (f: LocalFixture) => Promise<void>;
