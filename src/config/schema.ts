import { z } from "zod";
import { ALERT_KIND_NAMES, ALERT_KINDS } from "../infra/alert-kinds.js";
import { checkWebhookUrl } from "../infra/alerts.js";
import { AcsResource } from "../infra/communication-service.js";
import { AcsDiagnostics } from "../infra/diagnostics.js";
import {
  ALERT_OPERATORS,
  checkActionGroupShortName,
  checkAlertTiming,
  checkResourceGroupName,
  checkSeverity,
  checkTag,
  closest,
  GUID,
  oneOf,
} from "../infra/rules.js";
import { WorkspaceTables } from "../infra/tables.js";
import { CallLogsWorkspace } from "../infra/workspace.js";
import { categoryToTable, nonCallingCategories } from "../schema/categories.js";
import { AZURE_REGIONS } from "./regions.js";

/*
 * The config file's schema (zod). Shapes, types and formats are zod's job; the azurerm
 * provider's rules are the constructs' own checks (CallLogsWorkspace.problems, ...), run here
 * in refinements so that the config and the constructs report the same text. Every message
 * names the rule and the fix; src/config/load.ts adds the path.
 */

/** Environment names: short, lower case, usable in resource names. */
export const ENVIRONMENT_NAME = /^[a-z](?:[a-z0-9-]{0,14}[a-z0-9])?$/;
/** The name prefix: lower case, usable in every resource name. */
export const PREFIX = /^[a-z][a-z0-9-]{0,30}[a-z0-9]$/;

/** An issue whose message starts with the rest of its path ("retentionInDays: ..."). */
export const JOINED = "joined";

type Ctx = z.RefinementCtx;
/** Adds construct problems ("field: message") under `path`. */
function addProblems(ctx: Ctx, path: (string | number)[], problems: readonly string[]): void {
  for (const message of problems) ctx.addIssue({ code: "custom", message, path, params: { [JOINED]: true } });
}
function addIssue(ctx: Ctx, path: (string | number)[], message: string): void {
  ctx.addIssue({ code: "custom", message, path });
}

const guid = (what: string) =>
  z.string().regex(GUID, { error: (iss) => `${JSON.stringify(iss.input)} is not a ${what} (a GUID like 00000000-0000-0000-0000-000000000000) — copy it from the portal or the az CLI` });

const lock = z.strictObject({ kind: z.string(), name: z.string().optional() });

const roleAssignment = z.strictObject({
  principalId: z.string(),
  role: z.string(),
  principalType: z.enum(["User", "Group", "ServicePrincipal", "ForeignGroup", "Device"]).optional(),
  description: z.string().optional(),
});

const communicationService = z.strictObject({
  name: z.string().optional(),
  existingResourceId: z.string().optional(),
  lock: lock.optional(),
  preventDestroy: z.boolean().optional(),
  roleAssignments: z.array(roleAssignment).optional(),
  outputConnectionString: z.boolean().optional(),
});

const workspace = z
  .strictObject({
    name: z.string().optional(),
    existingResourceId: z.string().optional(),
    sku: z.string().optional(),
    retentionInDays: z.number().optional(),
    dailyQuotaGb: z.number().optional(),
    reservationCapacityGbPerDay: z.number().optional(),
    localAuthenticationEnabled: z.boolean().optional(),
    internetIngestionEnabled: z.boolean().optional(),
    internetQueryEnabled: z.boolean().optional(),
    lock: lock.optional(),
    preventDestroy: z.boolean().optional(),
    roleAssignments: z.array(roleAssignment).optional(),
  })
  .superRefine(({ lock: wsLock, ...ws }, ctx) =>
    addProblems(
      ctx,
      [],
      CallLogsWorkspace.problems({
        ...ws,
        // An unset name means the default name, which is valid by construction.
        ...(ws.existingResourceId === undefined ? { name: ws.name ?? "law-default" } : {}),
        resourceGroupName: "rg",
        location: "westeurope",
        ...withLock(wsLock),
      }),
    ),
  );

const diagnostics = z
  .strictObject({
    name: z.string().optional(),
    categories: z.array(z.string()).optional(),
    categoryGroup: z.string().optional(),
    metrics: z.boolean().optional(),
    storageAccountId: z.string().optional(),
  })
  .superRefine((d, ctx) =>
    addProblems(
      ctx,
      [],
      AcsDiagnostics.problems({
        targetResourceId: "acs",
        workspaceResourceId: "law",
        ...(d.name !== undefined ? { name: d.name } : {}),
        ...(d.categories !== undefined ? { categories: d.categories } : {}),
        ...(d.categoryGroup !== undefined ? { categoryGroup: d.categoryGroup as "allLogs" } : {}),
        ...(d.storageAccountId !== undefined ? { storageAccountId: d.storageAccountId } : {}),
      }),
    ),
  );

const tableSettings = z.strictObject({
  plan: z.string().optional(),
  retentionInDays: z.number().optional(),
  totalRetentionInDays: z.number().optional(),
});
const tables = z
  .record(z.string(), tableSettings)
  .superRefine((t, ctx) => addProblems(ctx, [], WorkspaceTables.problems({ workspaceResourceId: "law", tables: t as never })));

const workbooks = z.strictObject({
  enabled: z.boolean().default(true),
  linkTo: z.enum(["workspace", "communicationService", "azureMonitor"]).default("workspace"),
  templates: z.boolean().default(false),
});

const queryPack = z.strictObject({
  enabled: z.boolean().default(true),
  name: z.string().min(1, { error: "empty (azurerm_log_analytics_query_pack name is required) — set a name or remove the key" }).optional(),
});

const email = z.strictObject({
  name: z.string().min(1, { error: "empty (a receiver needs a name) — name it, e.g. \"oncall\"" }),
  address: z.email({ error: (iss) => `${JSON.stringify(iss.input)} is not an e-mail address (email_receiver email_address) — fix the address` }),
});
const webhook = z
  .strictObject({
    name: z.string().min(1, { error: "empty (a receiver needs a name) — name it, e.g. \"pager\"" }),
    url: z.string(),
  })
  .superRefine((w, ctx) => {
    const p = checkWebhookUrl(w.url);
    if (p) addIssue(ctx, ["url"], p);
  });

const actionGroup = z
  .strictObject({
    name: z.string().min(1, { error: "empty (azurerm_monitor_action_group name is required) — set a name or remove the key" }).optional(),
    shortName: z.string().optional(),
    emails: z.array(email).default([]),
    webhooks: z.array(webhook).default([]),
  })
  .superRefine((ag, ctx) => {
    if (ag.shortName !== undefined) {
      const p = checkActionGroupShortName(ag.shortName);
      if (p) addIssue(ctx, ["shortName"], p);
    }
    const seen = new Map<string, string>();
    const receivers = [...ag.emails.map((e, i) => ["emails", i, e.name] as const), ...ag.webhooks.map((w, i) => ["webhooks", i, w.name] as const)];
    for (const [list, i, name] of receivers) {
      const first = seen.get(name.toLowerCase());
      if (first) addIssue(ctx, [list, i, "name"], `"${name}" is also the name of ${first} (receiver names must be unique in an action group, ignoring case) — rename one of them`);
      else seen.set(name.toLowerCase(), `${list}[${i}]`);
    }
  });

const alertRule = z
  .strictObject({
    enabled: z.boolean().optional(),
    threshold: z.number().optional(),
    operator: z.string().optional(),
    severity: z.number().optional(),
    frequency: z.string().optional(),
    window: z.string().optional(),
    muteActionsFor: z.string().optional(),
    autoMitigate: z.boolean().optional(),
  })
  .optional();

const alertRules = z.strictObject(Object.fromEntries(ALERT_KIND_NAMES.map((k) => [k, alertRule])) as Record<(typeof ALERT_KIND_NAMES)[number], typeof alertRule>);

const alerts = z
  .strictObject({
    enabled: z.boolean().default(true),
    scope: z.enum(["communicationService", "workspace"]).default("communicationService"),
    actionGroup: actionGroup.default({ emails: [], webhooks: [] }),
    rules: alertRules.default({}),
  })
  .superRefine((a, ctx) => {
    if (!a.enabled) return;
    if (a.actionGroup.emails.length === 0 && a.actionGroup.webhooks.length === 0) {
      addIssue(ctx, ["actionGroup"], 'no receivers (an alert nobody receives goes unnoticed) — add an entry to "emails" or "webhooks", or set alerts.enabled to false');
    }
    for (const name of ALERT_KIND_NAMES) {
      const r = a.rules[name];
      const d = ALERT_KINDS[name].defaults;
      const path = ["rules", name];
      const threshold = r?.threshold ?? d.threshold;
      if (threshold < 0 || threshold > 100) addIssue(ctx, [...path, "threshold"], `${threshold} is outside 0–100 (the measure ${ALERT_KINDS[name].measureColumn} is a percentage) — set a percentage, e.g. ${d.threshold}`);
      if (r?.operator !== undefined) {
        const p = oneOf(r.operator, ALERT_OPERATORS, "scheduled_query_rules_alert_v2 criteria operator");
        if (p) addIssue(ctx, [...path, "operator"], p);
      }
      if (r?.severity !== undefined) {
        const p = checkSeverity(r.severity);
        if (p) addIssue(ctx, [...path, "severity"], p);
      }
      const muteActionsFor = r?.muteActionsFor;
      const timing = checkAlertTiming({
        frequency: r?.frequency ?? d.frequency,
        window: r?.window ?? d.window,
        muteActionsFor,
        autoMitigate: r?.autoMitigate ?? muteActionsFor === undefined,
      });
      for (const t of timing) addIssue(ctx, [...path, t.field], t.problem);
    }
  });

/** Keys that would hold secrets; state access uses Entra ID (az login, managed identity, OIDC). */
const BACKEND_SECRETS = ["accessKey", "sasToken", "clientSecret", "clientCertificatePassword", "oidcToken", "oidcRequestToken"];

const backend = z
  .looseObject({
    type: z.literal("azurerm", { error: (iss) => `${JSON.stringify(iss.input)} is not a supported backend (only "azurerm", Azure Storage, is) — set type to "azurerm" or remove backend for local state` }),
    resourceGroupName: z.string(),
    storageAccountName: z.string().regex(/^[a-z0-9]{3,24}$/, {
      error: (iss) => `${JSON.stringify(iss.input)} is not a storage account name (3–24 lower-case letters and digits) — use the account's name, not its URL`,
    }),
    containerName: z.string().regex(/^(?!.*--)[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/, {
      error: (iss) => `${JSON.stringify(iss.input)} is not a blob container name (3–63 lower-case letters, digits and single hyphens, starting and ending with a letter or digit) — rename it`,
    }),
    key: z.string().min(1).optional(),
    subscriptionId: guid("subscription id").optional(),
    tenantId: guid("tenant id").optional(),
    useAzureadAuth: z.boolean().optional(),
  })
  .superRefine((b, ctx) => {
    const known = new Set(["type", "resourceGroupName", "storageAccountName", "containerName", "key", "subscriptionId", "tenantId", "useAzureadAuth"]);
    for (const k of Object.keys(b)) {
      if (BACKEND_SECRETS.includes(k)) {
        addIssue(ctx, [k], `a secret in the config file (it would be committed with the code) — remove it; sign in with az login, a managed identity or OIDC (ARM_USE_OIDC), or set ARM_ACCESS_KEY in the environment`);
      } else if (!known.has(k)) {
        const hint = closest(k, [...known]);
        addIssue(ctx, [k], `unknown key (not a backend setting) — remove it${hint ? `, or did you mean "${hint}"?` : ""}`);
      }
    }
    const rg = checkResourceGroupName(b.resourceGroupName);
    if (rg) addIssue(ctx, ["resourceGroupName"], rg);
  });

/** ACS tables a diagnostic category fills, for the "table gets no data" check. */
const TABLE_CATEGORY = new Map<string, string>([
  ...[...categoryToTable].map(([category, table]) => [table, category] as [string, string]),
  ...[...nonCallingCategories].filter((e): e is [string, string] => e[1] !== undefined).map(([category, table]) => [table, category] as [string, string]),
]);

/** The schema of one environment; `requiredTags` come from the top of the file. */
function environment(requiredTags: readonly string[]) {
  return z
    .strictObject({
      location: z.string(),
      dataLocation: z.string().optional(),
      subscriptionId: guid("subscription id").optional(),
      resourceGroup: z
        .strictObject({ name: z.string().optional(), create: z.boolean().default(true) })
        .superRefine((rg, ctx) => {
          if (rg.name !== undefined) {
            const p = checkResourceGroupName(rg.name);
            if (p) addIssue(ctx, ["name"], p);
          }
        })
        .default({ create: true }),
      tags: z.record(z.string(), z.string()).default({}),
      communicationService: communicationService.default({}),
      workspace: workspace.default({}),
      diagnostics: diagnostics.default({}),
      tables: tables.default({}),
      workbooks: workbooks.default({ enabled: true, linkTo: "workspace", templates: false }),
      queryPack: queryPack.default({ enabled: true }),
      alerts: alerts.default({ enabled: false, scope: "communicationService", actionGroup: { emails: [], webhooks: [] }, rules: {} }),
      backend: backend.optional(),
    })
    .superRefine((env, ctx) => {
      if (!AZURE_REGIONS.includes(env.location)) {
        const hint = closest(env.location, AZURE_REGIONS);
        addIssue(
          ctx,
          ["location"],
          `${JSON.stringify(env.location)} is not an Azure region (Resource Manager names: lower case, no spaces, e.g. "westeurope"; see az account list-locations) — ${hint ? `did you mean "${hint}"?` : "use a region name from that list"}`,
        );
      }
      const acs = env.communicationService;
      for (const p of AcsResource.problems({
        resourceGroupName: "rg",
        ...(acs.existingResourceId === undefined ? { name: acs.name ?? "default" } : {}),
        ...(acs.name !== undefined ? { name: acs.name } : {}),
        ...(acs.existingResourceId !== undefined ? { existingResourceId: acs.existingResourceId } : {}),
        ...(env.dataLocation !== undefined ? { dataLocation: env.dataLocation } : {}),
        ...withLock(acs.lock),
        ...(acs.preventDestroy !== undefined ? { preventDestroy: acs.preventDestroy } : {}),
        ...(acs.roleAssignments ? { roleAssignments: acs.roleAssignments } : {}),
      })) {
        if (p.startsWith("dataLocation:")) addIssue(ctx, ["dataLocation"], p.slice("dataLocation: ".length));
        else addProblems(ctx, ["communicationService"], [p]);
      }
      if (acs.existingResourceId !== undefined) {
        if (env.dataLocation !== undefined) addIssue(ctx, ["dataLocation"], "set for an adopted ACS resource (data location is fixed when a resource is created) — remove it");
        if (acs.outputConnectionString) addIssue(ctx, ["communicationService", "outputConnectionString"], "set for an adopted ACS resource (the kit only outputs the connection string of a resource it creates) — remove it");
      }
      for (const tag of requiredTags) {
        if ((env.tags[tag] ?? "").trim() === "") addIssue(ctx, ["tags"], `required tag "${tag}" is missing or empty (requiredTags at the top of the file) — add "${tag}": "<value>" to tags`);
      }
      for (const [name, value] of Object.entries(env.tags)) {
        const p = checkTag(name, value);
        if (p) addIssue(ctx, ["tags", name], p);
      }
      const routed = env.diagnostics.categories;
      if (routed) {
        for (const table of Object.keys(env.tables)) {
          const category = TABLE_CATEGORY.get(table);
          if (category && !routed.includes(category)) {
            addIssue(ctx, ["tables", table], `gets no data: its category ${category} is not in diagnostics.categories (a table is only filled by its category) — add "${category}" to the categories, or drop this table entry`);
          }
        }
      }
    });
}

/** The whole config file's schema. */
export function configSchema(requiredTags: readonly string[]) {
  return z.strictObject({
    $schema: z.string().optional(),
    prefix: z
      .string()
      .regex(PREFIX, { error: (iss) => `${JSON.stringify(iss.input)} is not a valid prefix (2–32 lower-case letters, digits and hyphens, starting with a letter; it starts every resource name) — e.g. "contoso-acs"` })
      .default("acs-insights"),
    requiredTags: z.array(z.string().min(1, { error: "an empty tag name (required tags are tag names) — remove it" })).default([]),
    environments: z
      .record(
        z.string().regex(ENVIRONMENT_NAME, {
          error: (iss) => `${JSON.stringify(iss.input)} is not a valid environment name (1–16 lower-case letters, digits and hyphens, starting with a letter; it is part of resource names) — rename it, e.g. "dev"`,
        }),
        environment(requiredTags),
      )
      .refine((envs) => Object.keys(envs).length > 0, { error: 'no environments (each entry becomes a stack) — add one, e.g. "dev": { "location": "westeurope", "dataLocation": "Europe" }' }),
  });
}

export type MonitoringConfig = z.output<ReturnType<typeof configSchema>>;
export type EnvironmentConfig = MonitoringConfig["environments"][string];
export type AlertRuleConfig = NonNullable<EnvironmentConfig["alerts"]["rules"][keyof EnvironmentConfig["alerts"]["rules"]]>;

function withLock(l: { kind: string; name?: string | undefined } | undefined): { lock?: { kind: "CanNotDelete"; name?: string } } {
  if (!l) return {};
  return { lock: { kind: l.kind as "CanNotDelete", ...(l.name !== undefined ? { name: l.name } : {}) } };
}
