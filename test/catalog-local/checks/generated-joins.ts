import type { GeneratedCheck } from "./check.js";

export const checks: Readonly<Record<string, GeneratedCheck>> = {};
