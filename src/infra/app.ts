import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { App } from "cdktf";
import type { CatalogJsonQuery } from "../catalog/export/catalog-json.js";
import { configPath, ConfigError, displayPath, loadConfig } from "../config/load.js";
import type { EnvironmentConfig, MonitoringConfig } from "../config/schema.js";
import { ALERT_KIND_NAMES, ALERT_KINDS, alertRuleSpec, type AlertSettings } from "./alert-kinds.js";
import { CallInsightsStack, type CallInsightsStackProps } from "./call-insights-stack.js";
import { loadContent, type ContentSources, type StackContent } from "./content.js";
import type { QueryPackQuerySpec } from "./query-pack.js";
import type { LockKind, QueryPackCategory } from "./rules.js";

/** What the stacks are built from: the validated config and the catalog and workbook artifacts. */
export interface StackInputs {
  readonly config: MonitoringConfig;
  readonly content: StackContent;
}

/**
 * Reads the artifacts and the config and validates both, before anything is created or
 * written. Throws a {@link ConfigError} that lists every problem.
 *
 * @param file config file; default $ACS_INSIGHTS_CONFIG, else monitoring.config.json in the project
 */
export function loadStackInputs(file?: string, sources?: ContentSources): StackInputs {
  const { content, problems } = loadContent(sources);
  let config: MonitoringConfig;
  try {
    config = loadConfig(file, content);
  } catch (err) {
    if (err instanceof ConfigError && problems.length > 0) throw new ConfigError([...problems, ...err.problems]);
    throw err;
  }
  const needsContent = Object.values(config.environments).some((e) => e.workbooks.enabled || e.queryPack.enabled || e.alerts.enabled);
  if (problems.length > 0 && needsContent) throw new ConfigError(problems);
  return { config, content };
}

/** The stack id of an environment: `<prefix>-<environment>`, e.g. `acs-insights-dev`. */
export function stackId(config: MonitoringConfig, environment: string): string {
  return `${config.prefix}-${environment}`;
}

/**
 * Builds one {@link CallInsightsStack} per environment of the config into `app`. Shared by
 * `main.ts` (cdktf) and `acs-insights build`. Without `inputs`, loads them with
 * {@link loadStackInputs} (default config file and artifacts).
 */
export function buildStacks(app: App, inputs: StackInputs = loadStackInputs()): CallInsightsStack[] {
  return Object.entries(inputs.config.environments).map(
    ([name, env]) => new CallInsightsStack(app, stackId(inputs.config, name), stackPropsFor(name, env, inputs)),
  );
}

/**
 * Synthesizes every stack into `outdir` and returns the stack ids. The config, the artifacts
 * and every construct are validated first, so a problem throws a {@link ConfigError} (listing
 * all of them) before `outdir` is created or touched.
 *
 * @param configFile config file; default $ACS_INSIGHTS_CONFIG, else monitoring.config.json in the project
 * @param sources where to read queries/catalog.json and the workbooks from
 */
export function synthesize(outdir: string, configFile?: string, sources?: ContentSources): string[] {
  const inputs = loadStackInputs(configFile, sources);
  // Build the constructs under a throw-away root first: construct validation runs before the
  // real App exists, because `new App({ outdir })` already creates outdir.
  const problems = validateConstructs(inputs);
  if (problems.length > 0) throw new ConfigError(problems.map((p) => `${displayPath(configPath(configFile))}: ${p}`));
  const app = new App({ outdir });
  const stacks = buildStacks(app, inputs);
  app.synth();
  return stacks.map((s) => s.node.id);
}

/** Every construct-level problem of the stacks `inputs` would build (node.addValidation), as `[path] message`. */
export function validateConstructs(inputs: StackInputs): string[] {
  // `new App` creates its outdir, so this scratch App gets a temporary one; synth() is never called.
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "acs-insights-validate-"));
  try {
    const app = new App({ outdir: scratch, skipValidation: true });
    return buildStacks(app, inputs).flatMap((stack) =>
      stack.node.findAll().flatMap((c) => c.node.validate().map((m) => `[${c.node.path}] ${m}`)),
    );
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

/** Catalog area → query-pack categories (the provider's fixed list). */
const PACK_CATEGORIES: Readonly<Record<string, readonly QueryPackCategory[]>> = {
  joins: ["monitor"],
  quality: ["monitor", "network"],
  errors: ["monitor", "applications"],
  volume: ["monitor", "applications"],
  reliability: ["monitor", "applications"],
};

/** A catalog.json query as a query-pack query (its KQL with the default parameters). */
export function queryPackQuery(q: CatalogJsonQuery): QueryPackQuerySpec {
  return {
    id: q.id,
    displayName: q.title,
    description: q.description,
    body: q.kql,
    categories: PACK_CATEGORIES[q.category] ?? ["monitor"],
    labels: { area: q.category },
  };
}

/** The settings of one alert rule: the kind's defaults, overridden by the config. */
function alertSettings(name: (typeof ALERT_KIND_NAMES)[number], env: EnvironmentConfig): AlertSettings {
  const r = env.alerts.rules[name] ?? {};
  const d = ALERT_KINDS[name].defaults;
  return {
    enabled: true,
    threshold: r.threshold ?? d.threshold,
    operator: (r.operator ?? d.operator) as AlertSettings["operator"],
    severity: r.severity ?? d.severity,
    frequency: (r.frequency ?? d.frequency) as AlertSettings["frequency"],
    window: (r.window ?? d.window) as AlertSettings["window"],
    muteActionsFor: r.muteActionsFor as AlertSettings["muteActionsFor"],
    autoMitigate: r.autoMitigate,
  };
}

const lockOf = (l: { kind: string; name?: string | undefined } | undefined) =>
  l ? { lock: { kind: l.kind as LockKind, ...(l.name !== undefined ? { name: l.name } : {}) } } : {};

/** The stack props of one environment of the config. */
export function stackPropsFor(name: string, env: EnvironmentConfig, inputs: StackInputs): CallInsightsStackProps {
  const { config, content } = inputs;
  const { lock: acsLock, ...acs } = env.communicationService;
  const { lock: wsLock, ...ws } = env.workspace;
  const { categoryGroup, ...diagnostics } = env.diagnostics;
  return {
    environment: name,
    location: env.location,
    ...(env.dataLocation !== undefined ? { dataLocation: env.dataLocation } : {}),
    namePrefix: config.prefix,
    ...(env.subscriptionId !== undefined ? { subscriptionId: env.subscriptionId } : {}),
    resourceGroup: env.resourceGroup,
    tags: env.tags,
    communicationService: { ...acs, ...lockOf(acsLock) },
    workspace: { ...ws, ...lockOf(wsLock) },
    diagnostics: { ...diagnostics, ...(categoryGroup !== undefined ? { categoryGroup: categoryGroup as "allLogs" } : {}) },
    tables: env.tables as CallInsightsStackProps["tables"],
    ...(env.workbooks.enabled ? { workbooks: { items: content.workbooks, linkTo: env.workbooks.linkTo, templates: env.workbooks.templates } } : {}),
    ...(env.queryPack.enabled ? { queryPack: { ...(env.queryPack.name ? { name: env.queryPack.name } : {}), queries: content.catalog.map(queryPackQuery) } } : {}),
    ...(env.alerts.enabled
      ? {
          alerts: {
            scope: env.alerts.scope,
            actionGroup: env.alerts.actionGroup,
            // A rule with enabled: false is left out (and its source query is not needed).
            rules: ALERT_KIND_NAMES.filter((k) => env.alerts.rules[k]?.enabled !== false).map((k) =>
              alertRuleSpec(ALERT_KINDS[k], alertSettings(k, env), content.catalog),
            ),
          },
        }
      : {}),
    ...(env.backend ? { backend: env.backend } : {}),
  };
}
