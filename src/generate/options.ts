import * as fs from "node:fs";
import * as path from "node:path";

/** The on-disk layouts the generator writes (see src/generate/writers.ts). */
export type GenerateLayout = "archive" | "flat";

/** Default end instant: fixed, so that output never depends on when the generator ran. */
export const DEFAULT_END = "2025-06-02T00:00:00.000Z";
export const DEFAULT_SEED = 1;
export const DEFAULT_DAYS = 7;
export const DEFAULT_POOR_SHARE = 0.1;
export const DEFAULT_FAILURE_SHARE = 0.08;
/** Upper bound on --calls: about 100 M diagnostics rows, far beyond any test or bench. */
export const MAX_CALLS = 10_000_000;
export const MAX_DAYS = 366;

/** Options after validation and defaulting. */
export interface ResolvedOptions {
  readonly calls: number;
  readonly seed: number;
  readonly days: number;
  readonly end: Date;
  readonly poorShare: number;
  readonly failureShare: number;
  readonly layouts: readonly GenerateLayout[];
  readonly outDir: string;
}

/** What a caller passed, before validation; every field may be wrong. */
export interface RawOptions {
  readonly calls: unknown;
  readonly seed?: unknown;
  readonly days?: unknown;
  readonly end?: unknown;
  readonly poorShare?: unknown;
  readonly failureShare?: unknown;
  readonly layouts?: unknown;
  readonly outDir: unknown;
}

/** Option names as the CLI spells them, so that problems name what the user typed. */
export const OPTION_NAMES = {
  calls: "--calls",
  seed: "--seed",
  days: "--days",
  end: "--end",
  poorShare: "--poor-share",
  failureShare: "--failure-share",
  layouts: "--layout",
  outDir: "--out",
} as const;

/**
 * Validates generator options and reports every problem at once. Each problem names the
 * option, the rule it broke and how to fix it. `names` maps option keys to the spelling
 * the user saw (CLI flags by default).
 *
 * @example
 * ```ts
 * checkOptions({ calls: 0, poorShare: 2, outDir: "/tmp/x" }).problems;
 * // ["--calls 0: must be an integer from 1 to 10000000; ...", "--poor-share 2: must be a fraction from 0 to 1 ..."]
 * ```
 */
export function checkOptions(raw: RawOptions, names: Readonly<Record<keyof RawOptions, string>> = OPTION_NAMES): {
  readonly problems: readonly string[];
  readonly options?: ResolvedOptions;
} {
  const problems: string[] = [];
  const intIn = (key: keyof RawOptions, value: unknown, lo: number, hi: number, fallback: number): number => {
    if (value === undefined) return fallback;
    if (typeof value !== "number" || !Number.isInteger(value) || value < lo || value > hi) {
      problems.push(`${names[key]} ${show(value)}: must be an integer from ${lo} to ${hi}; pass e.g. ${names[key]} ${Math.max(lo, Math.min(hi, fallback))}`);
      return fallback;
    }
    return value;
  };
  const share = (key: keyof RawOptions, value: unknown, fallback: number): number => {
    if (value === undefined) return fallback;
    if (typeof value !== "number" || !Number.isFinite(value) || value < 0 || value > 1) {
      problems.push(`${names[key]} ${show(value)}: must be a fraction from 0 to 1 (0.1 = 10 %); pass e.g. ${names[key]} ${fallback}`);
      return fallback;
    }
    return value;
  };

  const calls = intIn("calls", raw.calls, 1, MAX_CALLS, 1000);
  if (raw.calls === undefined) problems.push(`${names.calls} is required: the number of calls to generate, e.g. ${names.calls} 1000`);
  const seed = intIn("seed", raw.seed, 0, 0xffffffff, DEFAULT_SEED);
  const days = intIn("days", raw.days, 1, MAX_DAYS, DEFAULT_DAYS);
  const poorShare = share("poorShare", raw.poorShare, DEFAULT_POOR_SHARE);
  const failureShare = share("failureShare", raw.failureShare, DEFAULT_FAILURE_SHARE);

  let end = new Date(DEFAULT_END);
  if (raw.end !== undefined) {
    const parsed = raw.end instanceof Date ? raw.end : typeof raw.end === "string" && ISO_INSTANT.test(raw.end) ? new Date(raw.end) : undefined;
    // Date rolls 2025-02-30 over to March 2; a UTC instant must name a real calendar day.
    const rolledOver = typeof raw.end === "string" && raw.end.endsWith("Z") && parsed !== undefined && !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) !== raw.end.slice(0, 10);
    if (parsed === undefined || Number.isNaN(parsed.getTime()) || rolledOver) {
      problems.push(`${names.end} ${show(raw.end)}: must be an ISO 8601 UTC instant such as 2025-06-02T00:00:00Z; fix the date or leave ${names.end} out for the default ${DEFAULT_END}`);
    } else {
      end = parsed;
    }
  }

  let layouts: GenerateLayout[] = ["archive"];
  if (raw.layouts !== undefined) {
    const list = Array.isArray(raw.layouts) ? raw.layouts : [raw.layouts];
    const bad = list.filter((l) => l !== "archive" && l !== "flat");
    if (list.length === 0 || bad.length > 0) {
      problems.push(`${names.layouts} ${show(bad.length > 0 ? bad.join(",") : "")}: must be archive, flat or both; pass e.g. ${names.layouts} both`);
    } else {
      layouts = [...new Set(list as GenerateLayout[])].sort();
    }
  }

  let outDir = "";
  if (typeof raw.outDir !== "string" || raw.outDir.trim() === "") {
    problems.push(`${names.outDir} is required: the directory to write the logs and truth.json into, e.g. ${names.outDir} /tmp/acs-logs`);
  } else {
    outDir = path.resolve(raw.outDir);
    const problem = outDirProblem(outDir);
    if (problem) problems.push(`${names.outDir} ${outDir}: ${problem}`);
  }

  if (problems.length > 0) return { problems };
  return { problems, options: { calls, seed, days, end, poorShare, failureShare, layouts, outDir } };
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

function show(value: unknown): string {
  return typeof value === "string" ? JSON.stringify(value) : value instanceof Date ? value.toString() : String(value);
}

/**
 * Why `dir` cannot take the output, or undefined when it can: it must be absent or an empty
 * directory (writing into old output would mix two datasets), and its nearest existing
 * ancestor must be a writable directory.
 */
function outDirProblem(dir: string): string | undefined {
  const stat = fs.statSync(dir, { throwIfNoEntry: false });
  if (stat) {
    if (!stat.isDirectory()) return "is a file, not a directory; pass a new or empty directory";
    if (fs.readdirSync(dir).length > 0) return "is not empty; pass a new or empty directory so that old files do not mix with the new dataset";
    return writable(dir) ? undefined : "is not writable; choose a directory you can write to";
  }
  let parent = path.dirname(dir);
  for (;;) {
    const s = fs.statSync(parent, { throwIfNoEntry: false });
    if (s) {
      if (!s.isDirectory()) return `cannot be created: ${parent} is a file; pass a path under a directory`;
      return writable(parent) ? undefined : `cannot be created: ${parent} is not writable; choose a directory you can write to`;
    }
    const up = path.dirname(parent);
    if (up === parent) return "cannot be created; pass a path under an existing directory";
    parent = up;
  }
}

function writable(dir: string): boolean {
  try {
    fs.accessSync(dir, fs.constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** Invalid generator options, with every problem (each names the option, the rule and the fix). */
export class GenerateOptionsError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(problems.join("\n"));
    this.name = "GenerateOptionsError";
  }
}
