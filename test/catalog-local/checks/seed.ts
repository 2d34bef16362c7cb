import type { SeedCheck } from "./check.js";

export const seedChecks: Readonly<Record<string, SeedCheck>> = {};
