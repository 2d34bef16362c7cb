import * as fs from "node:fs";
import * as path from "node:path";
import type { z } from "zod";
import { ALERT_KIND_NAMES, ALERT_KINDS, alertSourceProblems, tablesRead } from "../infra/alert-kinds.js";
import { PROJECT_ROOT, type StackContent } from "../infra/content.js";
import { closest } from "../infra/rules.js";
import { ACS_TABLES } from "../infra/tables.js";
import { configSchema, JOINED, type MonitoringConfig } from "./schema.js";

/** The config file `npx cdktf synth` and `acs-insights build` use unless told otherwise. */
export const DEFAULT_CONFIG_PATH = path.join(PROJECT_ROOT, "monitoring.config.json");
/** Environment variable that names another config file. */
export const CONFIG_ENV = "ACS_INSIGHTS_CONFIG";

/**
 * A config that cannot be used. `problems` lists every problem found, one line each:
 * `<file>: <path>: <what is wrong> (<rule>) — <fix>`. Nothing has been synthesized.
 */
export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`${problems.length} problem${problems.length === 1 ? "" : "s"} in the monitoring config:\n${problems.join("\n")}`);
    this.name = "ConfigError";
  }
}

/** The config path to use: the argument, else $ACS_INSIGHTS_CONFIG, else monitoring.config.json in the project. */
export function configPath(file?: string): string {
  return path.resolve(file ?? process.env[CONFIG_ENV] ?? DEFAULT_CONFIG_PATH);
}

/** How messages name a file: relative to the working directory. */
export function displayPath(file: string): string {
  return path.relative(process.cwd(), file) || file;
}

/**
 * Reads and validates the config file. Throws a {@link ConfigError} listing every problem;
 * with `content`, the alert rules are also checked against the catalog they run.
 */
export function loadConfig(file?: string, content?: StackContent): MonitoringConfig {
  const full = configPath(file);
  const shown = displayPath(full);
  let text: string;
  try {
    text = fs.readFileSync(full, "utf8");
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new ConfigError([
      `${shown}: cannot read the config (${code ?? (err as Error).message}) — create it (see monitoring.config.json in the kit), or pass another file with ${CONFIG_ENV}`,
    ]);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new ConfigError([`${shown}: not valid JSON (${jsonErrorWhere(err as Error, text)}) — fix the syntax; comments and trailing commas are not allowed`]);
  }
  return parseConfig(raw, shown, content);
}

/** Validates a parsed config object; `source` names it in messages. Throws a {@link ConfigError}. */
export function parseConfig(raw: unknown, source: string, content?: StackContent): MonitoringConfig {
  const requiredTags =
    raw !== null && typeof raw === "object" && Array.isArray((raw as { requiredTags?: unknown }).requiredTags)
      ? ((raw as { requiredTags: unknown[] }).requiredTags.filter((t) => typeof t === "string" && t !== "") as string[])
      : [];
  const result = configSchema(requiredTags).safeParse(raw, { error: genericMessage });
  if (!result.success) throw new ConfigError(result.error.issues.flatMap((i) => formatIssue(i)).map((p) => `${source}: ${p}`));
  const problems = content ? contentProblems(result.data, content) : [];
  if (problems.length > 0) throw new ConfigError(problems.map((p) => `${source}: ${p}`));
  return result.data;
}

/** Problems that need the catalog: each enabled alert's source query, and Basic tables the alerts would query. */
export function contentProblems(config: MonitoringConfig, content: StackContent): string[] {
  const out: string[] = [];
  for (const [envName, env] of Object.entries(config.environments)) {
    if (!env.alerts.enabled) continue;
    for (const name of ALERT_KIND_NAMES) {
      const settings = env.alerts.rules[name];
      if (settings?.enabled === false) continue;
      const kind = ALERT_KINDS[name];
      const at = `environments.${envName}.alerts.rules.${name}`;
      const sourceProblems = alertSourceProblems(kind, content.catalog);
      for (const p of sourceProblems) out.push(`${at}: ${p}`);
      if (sourceProblems.length > 0) continue;
      const source = content.catalog.find((q) => q.id === kind.source);
      for (const table of source ? tablesRead(source, ACS_TABLES) : []) {
        if (env.tables[table]?.plan === "Basic") {
          out.push(
            `environments.${envName}.tables.${table}.plan: "Basic" while alert ${name} queries ${table} (log search alerts cannot query Basic-plan tables) — ` +
              `keep ${table} on "Analytics", or set alerts.rules.${name}.enabled to false`,
          );
        }
      }
    }
  }
  return out;
}

type Issue = z.core.$ZodIssue;

/** `environments.dev.alerts.actionGroup.emails[0].address` */
function pathText(p: readonly PropertyKey[]): string {
  return p.reduce<string>((acc, k) => (typeof k === "number" ? `${acc}[${k}]` : acc ? `${acc}.${String(k)}` : String(k)), "");
}

/** One issue as problem lines (an issue listing several unknown keys gives one line per key). */
export function formatIssue(issue: Issue): string[] {
  const at = pathText(issue.path);
  if (issue.code === "custom" && (issue.params as Record<string, unknown> | undefined)?.[JOINED]) {
    return [at ? `${at}.${issue.message}` : issue.message];
  }
  if (issue.code === "unrecognized_keys") {
    return issue.message.split("\n").map((line, i) => `${pathText([...issue.path, issue.keys[i] ?? ""])}: ${line}`);
  }
  if (issue.code === "invalid_key") {
    return issue.issues.map((inner) => `${at}: ${inner.message}`);
  }
  return [`${at || "(top level)"}: ${issue.message}`];
}

const describe = (v: unknown) =>
  v === null ? "null" : Array.isArray(v) ? "a list" : typeof v === "object" ? "an object" : `${typeof v} ${JSON.stringify(v)}`;
const TYPE_WORDS: Record<string, string> = {
  string: "a string",
  number: "a number",
  boolean: "true or false",
  object: "an object",
  record: "an object",
  array: "a list",
  int: "a whole number",
};

/** Messages for zod's own issues (those without a schema-level message): rule and fix included. */
function genericMessage(iss: z.core.$ZodRawIssue): string {
  switch (iss.code) {
    case "invalid_type": {
      const want = TYPE_WORDS[iss.expected] ?? iss.expected;
      if (iss.input === undefined) return `missing (required: ${want}) — add it`;
      return `expected ${want}, got ${describe(iss.input)} (type) — write it as ${want}`;
    }
    case "unrecognized_keys": {
      const shape = (iss.inst as { _zod?: { def?: { shape?: Record<string, unknown> } } } | undefined)?._zod?.def?.shape;
      const known = shape ? Object.keys(shape) : [];
      return iss.keys
        .map((k) => {
          const hint = closest(k, known);
          return `unknown key (not a setting here${known.length ? `; the settings are ${known.join(", ")}` : ""}) — remove it${hint ? `, or did you mean "${hint}"?` : ""}`;
        })
        .join("\n");
    }
    case "invalid_value": {
      const values = iss.values.map((v) => JSON.stringify(v));
      const hint = typeof iss.input === "string" ? closest(iss.input, iss.values.map(String)) : undefined;
      return `${JSON.stringify(iss.input)} is not allowed (one of ${values.join(", ")}) — ${hint ? `did you mean "${hint}"?` : "use one of those"}`;
    }
    case "too_small":
      return iss.origin === "array"
        ? `has too few entries (at least ${String(iss.minimum)}) — add entries`
        : iss.origin === "string"
          ? `is too short (at least ${String(iss.minimum)} characters) — lengthen it`
          : `${String(iss.input)} is too small (minimum ${String(iss.minimum)}) — raise it`;
    case "too_big":
      return `${iss.origin === "number" ? String(iss.input) : "the value"} is too big (maximum ${String(iss.maximum)}) — lower it`;
    case "invalid_format":
      return `${JSON.stringify(iss.input)} has the wrong format (expected ${iss.format}) — fix the value`;
    default:
      return `${iss.message ?? "invalid value"} — fix the value`;
  }
}

/** "line 3, column 5: Unexpected token ..." from a JSON.parse error. */
function jsonErrorWhere(err: Error, text: string): string {
  const m = /position (\d+)/.exec(err.message);
  if (!m) return err.message;
  const pos = Number(m[1]);
  const before = text.slice(0, pos).split("\n");
  const line = before.length;
  const column = (before[before.length - 1] ?? "").length + 1;
  return `line ${line}, column ${column}: ${err.message.replace(/\s*\(line \d+ column \d+\)/, "").replace(/ in JSON at position \d+/, "")}`;
}
