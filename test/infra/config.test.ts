import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config/load.js";
import { synthesize } from "../../src/infra/app.js";

// Every negative case writes a config file, runs the real synthesize(outdir, file) and checks
// that it throws a ConfigError with exactly the expected problem lines, and that outdir was
// never created: the config is validated before anything is written.

const ROOT = path.resolve(__dirname, "../..");
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the cases edit arbitrary JSON
type Json = any;
const base = JSON.parse(fs.readFileSync(path.join(ROOT, "monitoring.config.json"), "utf8")) as Json;

let tmp = "";
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "acs-insights-config-"));
});
afterAll(() => {
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

/** The problems synthesize reports for the committed config after `mutate`, without the file prefix. */
function problemsOf(mutate: (c: Json) => void): string[] {
  const config = structuredClone(base) as Json;
  mutate(config);
  return problemsOfText(JSON.stringify(config, null, 2));
}

function problemsOfText(text: string): string[] {
  const dir = fs.mkdtempSync(path.join(tmp, "case-"));
  const file = path.join(dir, "monitoring.config.json");
  fs.writeFileSync(file, text);
  const outdir = path.join(dir, "cdktf.out");
  let error: unknown;
  try {
    synthesize(outdir, file);
  } catch (err) {
    error = err;
  }
  expect(error).toBeInstanceOf(ConfigError);
  expect(fs.existsSync(outdir), "no partial cdktf.out").toBe(false);
  const prefix = `${path.relative(process.cwd(), file)}: `;
  const problems = (error as ConfigError).problems;
  for (const p of problems) expect(p.startsWith(prefix), p).toBe(true);
  return problems.map((p) => p.slice(prefix.length));
}

const dev = (c: Json) => c.environments.dev;
const prod = (c: Json) => c.environments.prod;
const poorStreams = (c: Json) => dev(c).alerts.rules.poorStreamRatio;

describe("monitoring.config.json", () => {
  it("is valid and gives both environments their settings and defaults", () => {
    const config = loadConfig(path.join(ROOT, "monitoring.config.json"));
    expect(Object.keys(config.environments)).toEqual(["dev", "prod"]);
    expect(config.prefix).toBe("acs-insights");
    expect(config.environments.dev!.alerts).toMatchObject({ enabled: true, scope: "communicationService" });
    expect(config.environments.dev!.workbooks).toEqual({ enabled: true, linkTo: "workspace", templates: false });
    expect(config.environments.prod!.backend).toMatchObject({ type: "azurerm", storageAccountName: "stacsinsightstfstate" });
  });

  it("synthesizes both stacks into outdir", () => {
    const outdir = path.join(tmp, "ok-out");
    expect(synthesize(outdir, path.join(ROOT, "monitoring.config.json"))).toEqual(["acs-insights-dev", "acs-insights-prod"]);
    expect(fs.existsSync(path.join(outdir, "stacks", "acs-insights-prod", "cdk.tf.json"))).toBe(true);
  });
});

describe("config problems: each names the path, the rule and the fix, and nothing is written", () => {
  it("1. JSON syntax", () => {
    expect(problemsOfText('{ "environments": { "dev": { "location": "westeurope", } } }')).toEqual([
      "not valid JSON (line 1, column 56: Expected double-quoted property name) — fix the syntax; comments and trailing commas are not allowed",
    ]);
  });

  it("2. a misspelt top-level key", () => {
    expect(
      problemsOf((c) => {
        c.enviroments = c.environments;
        delete c.environments;
      }),
    ).toEqual([
      "environments: missing (required: an object) — add it",
      'enviroments: unknown key (not a setting here; the settings are $schema, prefix, requiredTags, environments) — remove it, or did you mean "environments"?',
    ]);
  });

  it("3. an environment name that cannot be part of resource names", () => {
    expect(problemsOf((c) => (c.environments.Dev_1 = dev(c)))).toEqual([
      'environments.Dev_1: "Dev_1" is not a valid environment name (1–16 lower-case letters, digits and hyphens, starting with a letter; it is part of resource names) — rename it, e.g. "dev"',
    ]);
  });

  it("4. a region written as a display name", () => {
    expect(problemsOf((c) => (dev(c).location = "West Europe"))).toEqual([
      'environments.dev.location: "West Europe" is not an Azure region (Resource Manager names: lower case, no spaces, e.g. "westeurope"; see az account list-locations) — did you mean "westeurope"?',
    ]);
  });

  it("5. a data location in the wrong case", () => {
    expect(problemsOf((c) => (dev(c).dataLocation = "europe"))).toEqual([
      'environments.dev.dataLocation: "europe" is not allowed (azurerm_communication_service data_location, case-sensitive: one of "Africa", "Asia Pacific", ' +
        '"Australia", "Brazil", "Canada", "Europe", "France", "Germany", "India", "Japan", "Korea", "Norway", "Switzerland", "UAE", "UK", "United States", "usgov") — did you mean "Europe"?',
    ]);
  });

  it("6. no data location for a new ACS resource", () => {
    expect(problemsOf((c) => delete dev(c).dataLocation)).toEqual([
      'environments.dev.dataLocation: missing (a created ACS resource needs an explicit data_location; azurerm 4.x would silently use "United States") — set it, e.g. "Europe"',
    ]);
  });

  it("7. an ACS name against the provider's regex", () => {
    expect(problemsOf((c) => (dev(c).communicationService.name = "1acs"))).toEqual([
      'environments.dev.communicationService.name: "1acs" is not a valid Communication Services name (azurerm_communication_service name: 1–64 characters, ' +
        'letters, digits and hyphens, starting with a letter and not ending with a hyphen) — rename it, e.g. "acs-calls-dev"',
    ]);
  });

  it("8. a workspace name that is too short", () => {
    expect(problemsOf((c) => (dev(c).workspace.name = "ab"))).toEqual([
      'environments.dev.workspace.name: "ab" is not a valid Log Analytics workspace name (azurerm_log_analytics_workspace name: 4–63 characters, letters, ' +
        'digits and hyphens, starting and ending with a letter or digit) — rename it, e.g. "law-acs-calls-dev"',
    ]);
  });

  it("9. workspace retention out of range", () => {
    expect(problemsOf((c) => (dev(c).workspace.retentionInDays = 10))).toEqual([
      "environments.dev.workspace.retentionInDays: 10 days is outside 30–730 (azurerm_log_analytics_workspace retention_in_days) — use a whole number of days from 30 to 730 (the default is 90)",
    ]);
  });

  it("10. a retired workspace SKU", () => {
    expect(problemsOf((c) => (dev(c).workspace.sku = "Standard"))).toEqual([
      'environments.dev.workspace.sku: sku "Standard" is retired (azurerm_log_analytics_workspace refuses to create or update to Standard or Premium) — use "PerGB2018"',
    ]);
  });

  it("11. a daily quota of 0", () => {
    expect(problemsOf((c) => (dev(c).workspace.dailyQuotaGb = 0))).toEqual([
      "environments.dev.workspace.dailyQuotaGb: 0 GB would stop all ingestion (azurerm_log_analytics_workspace daily_quota_gb: -1 = no cap, else > 0) — use -1 for no cap or a positive number of GB",
    ]);
  });

  it("12. CapacityReservation without a reservation", () => {
    expect(problemsOf((c) => (dev(c).workspace.sku = "CapacityReservation"))).toEqual([
      'environments.dev.workspace.reservationCapacityGbPerDay: sku "CapacityReservation" needs reservationCapacityGbPerDay (azurerm_log_analytics_workspace ' +
        "reservation_capacity_in_gb_per_day) — set one of 100, 200, 300, 400, 500, 1000, 2000, 5000, 10000, 25000, 50000",
    ]);
  });

  it("13. a misspelt diagnostic category (checked against the schema's category table)", () => {
    const problems = problemsOf((c) => (dev(c).diagnostics = { categories: ["CallSumary", "CallClientMediaStatsTimeSeries"] }));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^environments\.dev\.diagnostics\.categories\[0\]: "CallSumary" is not an ACS log category \(Microsoft\.Communication\/CommunicationServices categories: AdvancedMessagingOperational, .*\) — did you mean "CallSummary"\?$/);
  });

  it("14. a table that gets no data because its category is not routed", () => {
    expect(problemsOf((c) => (dev(c).diagnostics = { categories: ["CallSummary", "CallDiagnostics"] }))).toEqual([
      "environments.dev.tables.ACSCallClientMediaStatsTimeSeries: gets no data: its category CallClientMediaStatsTimeSeries is not in diagnostics.categories " +
        '(a table is only filled by its category) — add "CallClientMediaStatsTimeSeries" to the categories, or drop this table entry',
    ]);
  });

  it("15. a diagnostic setting name with a forbidden character", () => {
    expect(problemsOf((c) => (dev(c).diagnostics = { name: "acs/logs" }))).toEqual([
      'environments.dev.diagnostics.name: "acs/logs" is not a valid diagnostic setting name (azurerm_monitor_diagnostic_setting name: 1–260 characters, none of ' +
        '< > * % & : \\ ? + /) — rename it, e.g. "acs-call-logs-to-workspace"',
    ]);
  });

  it("16. the Basic plan on a table that does not support it", () => {
    expect(problemsOf((c) => (dev(c).tables.ACSCallSurvey = { plan: "Basic" }))).toEqual([
      'environments.dev.tables.ACSCallSurvey: ACSCallSurvey does not support the Basic plan (Azure Monitor lists Basic only for some ACS tables) — use plan "Analytics" or drop this table entry',
    ]);
  });

  it("17. interactive retention on a Basic table", () => {
    expect(
      problemsOf((c) => {
        dev(c).tables.ACSCallClientMediaStatsTimeSeries = { plan: "Basic", retentionInDays: 60 };
      }),
    ).toEqual([
      "environments.dev.tables.ACSCallClientMediaStatsTimeSeries: retentionInDays 60 with plan Basic (azurerm_log_analytics_workspace_table: with Basic, " +
        "retention_in_days must be unset or 30) — remove retentionInDays; set totalRetentionInDays for how long to keep the data",
    ]);
  });

  it("18. a table the alerts query put on the Basic plan", () => {
    expect(problemsOf((c) => (dev(c).tables.ACSCallClientOperations = { plan: "Basic" }))).toEqual([
      ...["callSetupFailureRate", "sdkApiSuccessRate", "ufdRecoveryRate"].map(
        (rule) =>
          `environments.dev.tables.ACSCallClientOperations.plan: "Basic" while alert ${rule} queries ACSCallClientOperations (log search alerts cannot ` +
          `query Basic-plan tables) — keep ACSCallClientOperations on "Analytics", or set alerts.rules.${rule}.enabled to false`,
      ),
    ]);
  });

  it("18b. the SDK API and UFD alerts, disabled, no longer hold a Basic ACSCallClientOperations back", () => {
    expect(
      problemsOf((c) => {
        dev(c).tables.ACSCallClientOperations = { plan: "Basic" };
        dev(c).alerts.rules.sdkApiSuccessRate = { enabled: false };
        dev(c).alerts.rules.ufdRecoveryRate = { enabled: false };
      }),
    ).toEqual([
      'environments.dev.tables.ACSCallClientOperations.plan: "Basic" while alert callSetupFailureRate queries ACSCallClientOperations (log search alerts cannot ' +
        'query Basic-plan tables) — keep ACSCallClientOperations on "Analytics", or set alerts.rules.callSetupFailureRate.enabled to false',
    ]);
  });

  it("19. an unknown table", () => {
    const problems = problemsOf((c) => (dev(c).tables.ACSCallSumary = { plan: "Analytics" }));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^environments\.dev\.tables\.ACSCallSumary: not an ACS table \(the tables an ACS diagnostic setting fills: ACSAdvancedMessagingOperations, .*\) — did you mean "ACSCallSummary"\?$/);
  });

  it("20. an e-mail receiver with a bad address", () => {
    expect(problemsOf((c) => (dev(c).alerts.actionGroup.emails[0].address = "oncall-at-example.com"))).toEqual([
      'environments.dev.alerts.actionGroup.emails[0].address: "oncall-at-example.com" is not an e-mail address (email_receiver email_address) — fix the address',
    ]);
  });

  it("21. a webhook over plain http", () => {
    expect(problemsOf((c) => (prod(c).alerts.actionGroup.webhooks[0].url = "http://pager.example.com/x"))).toEqual([
      'environments.prod.alerts.actionGroup.webhooks[0].url: "http://pager.example.com/x" is not https (the alert payload names your resources; the kit only sends it encrypted) — use an https:// URL',
    ]);
  });

  it("22. two receivers with the same name, ignoring case", () => {
    expect(problemsOf((c) => (prod(c).alerts.actionGroup.webhooks[0].name = "Calling-Oncall"))).toEqual([
      'environments.prod.alerts.actionGroup.webhooks[0].name: "Calling-Oncall" is also the name of emails[0] (receiver names must be unique in an action group, ignoring case) — rename one of them',
    ]);
  });

  it("23. alerts without any receiver", () => {
    expect(problemsOf((c) => (dev(c).alerts.actionGroup.emails = []))).toEqual([
      'environments.dev.alerts.actionGroup: no receivers (an alert nobody receives goes unnoticed) — add an entry to "emails" or "webhooks", or set alerts.enabled to false',
    ]);
  });

  it("24. an action group short name over 12 characters", () => {
    expect(problemsOf((c) => (prod(c).alerts.actionGroup.shortName = "acs-production"))).toEqual([
      'environments.prod.alerts.actionGroup.shortName: "acs-production" has 14 characters (azurerm_monitor_action_group short_name: 1–12, shown in SMS and e-mail) — shorten it, e.g. "acs-dev"',
    ]);
  });

  it("25. an evaluation frequency outside the provider's enum", () => {
    expect(problemsOf((c) => (poorStreams(c).frequency = "PT2M"))).toEqual([
      'environments.dev.alerts.rules.poorStreamRatio.frequency: "PT2M" is not allowed (scheduled_query_rules_alert_v2 evaluation_frequency: one of "PT1M", "PT5M", ' +
        '"PT10M", "PT15M", "PT30M", "PT45M", "PT1H", "PT2H", "PT3H", "PT4H", "PT5H", "PT6H", "P1D") — did you mean "PT1M"?',
    ]);
  });

  it("26. a frequency longer than the window", () => {
    expect(problemsOf((c) => Object.assign(poorStreams(c), { frequency: "PT1H", window: "PT15M" }))).toEqual([
      "environments.dev.alerts.rules.poorStreamRatio.frequency: evaluating every PT1H over a PT15M window leaves 45 minutes of every period unchecked " +
        "(the frequency must not exceed the window) — evaluate at least every PT15M, or widen the window to PT1H",
    ]);
  });

  it("27. a window too long for a 1-minute frequency", () => {
    expect(problemsOf((c) => Object.assign(poorStreams(c), { frequency: "PT1M", window: "P1D" }))).toEqual([
      "environments.dev.alerts.rules.poorStreamRatio.window: window P1D with frequency PT1M (with a 1-minute frequency the window must be PT1M to PT6H) — " +
        "shorten the window to PT6H or less, or evaluate less often",
    ]);
  });

  it("28. a mute duration with auto-mitigation on", () => {
    expect(problemsOf((c) => Object.assign(poorStreams(c), { muteActionsFor: "PT1H", autoMitigate: true }))).toEqual([
      "environments.dev.alerts.rules.poorStreamRatio.muteActionsFor: muteActionsFor is set while autoMitigate is true (auto mitigation must be disabled when " +
        "a mute duration is set) — set autoMitigate to false, or remove muteActionsFor",
    ]);
  });

  it("29. a severity outside 0–4", () => {
    expect(problemsOf((c) => (poorStreams(c).severity = 5))).toEqual([
      "environments.dev.alerts.rules.poorStreamRatio.severity: 5 is outside 0–4 (scheduled_query_rules_alert_v2 severity: 0 critical … 4 verbose) — use a whole number from 0 to 4",
    ]);
  });

  it("30. a threshold that is not a percentage", () => {
    expect(problemsOf((c) => (poorStreams(c).threshold = 150))).toEqual([
      "environments.dev.alerts.rules.poorStreamRatio.threshold: 150 is outside 0–100 (the measure PoorStreamPercent is a percentage) — set a percentage, e.g. 10",
    ]);
  });

  it("31. an operator outside the provider's enum", () => {
    expect(problemsOf((c) => (poorStreams(c).operator = "Greater"))).toEqual([
      'environments.dev.alerts.rules.poorStreamRatio.operator: "Greater" is not allowed (scheduled_query_rules_alert_v2 criteria operator: one of "Equal", ' +
        '"GreaterThan", "GreaterThanOrEqual", "LessThan", "LessThanOrEqual") — did you mean "GreaterThan"?',
    ]);
  });

  it("30b. an SDK API success-rate threshold that is not a percentage", () => {
    expect(problemsOf((c) => (prod(c).alerts.rules.sdkApiSuccessRate.threshold = 0.97 * 1000))).toEqual([
      "environments.prod.alerts.rules.sdkApiSuccessRate.threshold: 970 is outside 0–100 (the measure SuccessRatePct is a percentage) — set a percentage, e.g. 95",
    ]);
  });

  it("30c. an SDK API success-rate rule with a severity outside 0–4", () => {
    expect(problemsOf((c) => (dev(c).alerts.rules.sdkApiSuccessRate.severity = -1))).toEqual([
      "environments.dev.alerts.rules.sdkApiSuccessRate.severity: -1 is outside 0–4 (scheduled_query_rules_alert_v2 severity: 0 critical … 4 verbose) — use a whole number from 0 to 4",
    ]);
  });

  it("31b. a UFD recovery-rate operator outside the provider's enum", () => {
    expect(problemsOf((c) => (prod(c).alerts.rules.ufdRecoveryRate.operator = "Lower"))).toEqual([
      'environments.prod.alerts.rules.ufdRecoveryRate.operator: "Lower" is not allowed (scheduled_query_rules_alert_v2 criteria operator: one of "Equal", ' +
        '"GreaterThan", "GreaterThanOrEqual", "LessThan", "LessThanOrEqual") — use one of the listed values',
    ]);
  });

  it("31c. a UFD recovery-rate frequency the provider rejects, and a negative threshold", () => {
    expect(
      problemsOf((c) => {
        dev(c).alerts.rules.ufdRecoveryRate.frequency = "PT2M";
        dev(c).alerts.rules.ufdRecoveryRate.threshold = -5;
      }),
    ).toEqual([
      "environments.dev.alerts.rules.ufdRecoveryRate.threshold: -5 is outside 0–100 (the measure RecoveryRatePct is a percentage) — set a percentage, e.g. 50",
      expect.stringMatching(/^environments\.dev\.alerts\.rules\.ufdRecoveryRate\.frequency: "PT2M" is not allowed \(scheduled_query_rules_alert_v2 evaluation_frequency: /),
    ]);
  });

  it("32. a missing required tag", () => {
    expect(problemsOf((c) => delete dev(c).tags.owner)).toEqual([
      'environments.dev.tags: required tag "owner" is missing or empty (requiredTags at the top of the file) — add "owner": "<value>" to tags',
    ]);
  });

  it("33. a tag the workbook resource rejects", () => {
    expect(problemsOf((c) => (dev(c).tags["hidden-title"] = "x"))).toEqual([
      'environments.dev.tags.hidden-title: tag name "hidden-title" is reserved (azurerm_application_insights_workbook rejects it; the service sets it) — remove this tag',
    ]);
  });

  it("34. a workspace both created and adopted", () => {
    const id = "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/r/providers/Microsoft.OperationalInsights/workspaces/w";
    expect(problemsOf((c) => (dev(c).workspace = { name: "law-x", existingResourceId: id }))).toEqual([
      "environments.dev.workspace.name: set together with existingResourceId (a workspace is either created or adopted) — remove one of them",
    ]);
  });

  it("35. adopting a workspace by the id of another resource type", () => {
    const id = "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/r/providers/Microsoft.Storage/storageAccounts/s";
    expect(problemsOf((c) => (dev(c).workspace = { existingResourceId: id }))).toEqual([
      `environments.dev.workspace.existingResourceId: "${id}" is a Microsoft.Storage/storageAccounts id (expected a Microsoft.OperationalInsights/workspaces id: ` +
        "/subscriptions/<subscription-guid>/resourceGroups/<group>/providers/Microsoft.OperationalInsights/workspaces/<name>) — pass the id of the right resource",
    ]);
  });

  it("36. a secret in the backend", () => {
    expect(problemsOf((c) => (prod(c).backend.accessKey = "abc"))).toEqual([
      "environments.prod.backend.accessKey: a secret in the config file (it would be committed with the code) — remove it; sign in with az login, a managed identity or OIDC (ARM_USE_OIDC), or set ARM_ACCESS_KEY in the environment",
    ]);
  });

  it("37. a storage account name with capitals", () => {
    expect(problemsOf((c) => (prod(c).backend.storageAccountName = "StAcs"))).toEqual([
      'environments.prod.backend.storageAccountName: "StAcs" is not a storage account name (3–24 lower-case letters and digits) — use the account\'s name, not its URL',
    ]);
  });

  it("38. a number written as a string", () => {
    expect(problemsOf((c) => (dev(c).workspace.retentionInDays = "90"))).toEqual([
      'environments.dev.workspace.retentionInDays: expected a number, got string "90" (type) — write it as a number',
    ]);
  });

  it("39. a misspelt setting", () => {
    expect(problemsOf((c) => (dev(c).workspace.retention = 30))).toEqual([
      "environments.dev.workspace.retention: unknown key (not a setting here; the settings are name, existingResourceId, sku, retentionInDays, dailyQuotaGb, " +
        "reservationCapacityGbPerDay, localAuthenticationEnabled, internetIngestionEnabled, internetQueryEnabled, lock, preventDestroy, roleAssignments) — " +
        'remove it, or did you mean "retentionInDays"?',
    ]);
  });

  it("40. a lock kind outside the AVM values", () => {
    expect(problemsOf((c) => (prod(c).workspace.lock = { kind: "Delete" }))).toEqual([
      'environments.prod.workspace.lock.kind: "Delete" is not allowed (lock kind: one of "CanNotDelete", "ReadOnly", "None") — did you mean "CanNotDelete"?',
    ]);
  });

  it("41. a subscription id that is not a GUID", () => {
    expect(problemsOf((c) => (prod(c).subscriptionId = "my-sub"))).toEqual([
      'environments.prod.subscriptionId: "my-sub" is not a subscription id (a GUID like 00000000-0000-0000-0000-000000000000) — copy it from the portal or the az CLI',
    ]);
  });

  it("42. no environment at all", () => {
    expect(problemsOf((c) => (c.environments = {}))).toEqual([
      'environments: no environments (each entry becomes a stack) — add one, e.g. "dev": { "location": "westeurope", "dataLocation": "Europe" }',
    ]);
  });

  it("43. a lock on an adopted workspace", () => {
    const id = "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/r/providers/Microsoft.OperationalInsights/workspaces/w";
    expect(problemsOf((c) => (prod(c).workspace = { existingResourceId: id, lock: { kind: "CanNotDelete" } }))).toEqual([
      "environments.prod.workspace.lock: set for an adopted workspace (its owner manages locks; only a created workspace is locked here) — remove it",
    ]);
  });

  it("reports every problem at once, across sections and environments", () => {
    const problems = problemsOf((c) => {
      dev(c).location = "westeurop";
      dev(c).workspace.retentionInDays = 1000;
      dev(c).tables.ACSCallSurvey = { plan: "Basic" };
      prod(c).alerts.rules.poorStreamRatio.severity = 7;
      prod(c).backend.containerName = "TF";
      delete prod(c).tags["cost-center"];
    });
    expect(problems.map((p) => p.slice(0, p.indexOf(":")))).toEqual([
      "environments.dev.workspace.retentionInDays",
      "environments.dev.tables.ACSCallSurvey",
      "environments.dev.location",
      "environments.prod.alerts.rules.poorStreamRatio.severity",
      "environments.prod.backend.containerName",
      "environments.prod.tags",
    ]);
    expect(problems[2]).toContain('did you mean "westeurope"?');
  });

  it("a missing config file names the file and how to pass another", () => {
    const missing = path.join(tmp, "nope.json");
    expect(() => synthesize(path.join(tmp, "nope-out"), missing)).toThrow(ConfigError);
    try {
      synthesize(path.join(tmp, "nope-out"), missing);
    } catch (err) {
      expect((err as ConfigError).problems).toEqual([
        `${path.relative(process.cwd(), missing)}: cannot read the config (ENOENT) — create it (see monitoring.config.json in the kit), or pass another file with ACS_INSIGHTS_CONFIG`,
      ]);
    }
    expect(fs.existsSync(path.join(tmp, "nope-out"))).toBe(false);
  });
});

describe("main.ts (the cdktf app) with a bad config", () => {
  it("prints one line per problem, exits 2 without a stack trace and writes no cdktf.out", () => {
    const config = structuredClone(base) as Json;
    dev(config).workspace.retentionInDays = 10;
    prod(config).dataLocation = "Mars";
    const file = path.join(tmp, "main-bad.json");
    fs.writeFileSync(file, JSON.stringify(config));
    const outdir = path.join(tmp, "main-out");
    const r = spawnSync(process.execPath, ["--require", "tsx/cjs", "main.ts"], {
      cwd: ROOT,
      encoding: "utf8",
      env: { ...process.env, ACS_INSIGHTS_CONFIG: file, CDKTF_OUTDIR: outdir },
      timeout: 60_000,
    });
    expect(r.status).toBe(2);
    const shown = path.relative(ROOT, file);
    expect(r.stderr.trim().split("\n")).toEqual([
      `acs-insights: error: ${shown}: environments.dev.workspace.retentionInDays: 10 days is outside 30–730 (azurerm_log_analytics_workspace retention_in_days) — use a whole number of days from 30 to 730 (the default is 90)`,
      `acs-insights: error: ${shown}: environments.prod.dataLocation: "Mars" is not allowed (azurerm_communication_service data_location, case-sensitive: one of "Africa", "Asia Pacific", "Australia", "Brazil", "Canada", "Europe", "France", "Germany", "India", "Japan", "Korea", "Norway", "Switzerland", "UAE", "UK", "United States", "usgov") — use one of the listed values`,
    ]);
    expect(r.stdout).toBe("");
    expect(fs.existsSync(outdir)).toBe(false);
  }, 60_000);
});
