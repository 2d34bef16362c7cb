import * as fs from "node:fs";
import * as path from "node:path";
import { ApplicationInsightsWorkbook } from "@cdktf/provider-azurerm/lib/application-insights-workbook";
import { ApplicationInsightsWorkbookTemplate } from "@cdktf/provider-azurerm/lib/application-insights-workbook-template";
import { CommunicationService } from "@cdktf/provider-azurerm/lib/communication-service";
import { LogAnalyticsQueryPack } from "@cdktf/provider-azurerm/lib/log-analytics-query-pack";
import { LogAnalyticsQueryPackQuery } from "@cdktf/provider-azurerm/lib/log-analytics-query-pack-query";
import { LogAnalyticsWorkspace } from "@cdktf/provider-azurerm/lib/log-analytics-workspace";
import { LogAnalyticsWorkspaceTable } from "@cdktf/provider-azurerm/lib/log-analytics-workspace-table";
import { ManagementLock } from "@cdktf/provider-azurerm/lib/management-lock";
import { MonitorActionGroup } from "@cdktf/provider-azurerm/lib/monitor-action-group";
import { MonitorDiagnosticSetting } from "@cdktf/provider-azurerm/lib/monitor-diagnostic-setting";
import { MonitorScheduledQueryRulesAlertV2 } from "@cdktf/provider-azurerm/lib/monitor-scheduled-query-rules-alert-v2";
import { ResourceGroup } from "@cdktf/provider-azurerm/lib/resource-group";
import { RoleAssignment } from "@cdktf/provider-azurerm/lib/role-assignment";
import { Testing, TerraformOutput } from "cdktf";
import { beforeAll, describe, expect, it } from "vitest";
import { catalog, getEntry } from "../../queries/index.js";
import { lintWithAnalysis } from "../../src/analysis/index.js";
import { ALERT_KINDS } from "../../src/infra/alert-kinds.js";
import { buildStacks, loadStackInputs, type StackInputs } from "../../src/infra/app.js";
import { CallInsightsStack, type CallInsightsStackProps } from "../../src/infra/call-insights-stack.js";
import { isTaggable } from "../../src/infra/guards.js";
import { KIT_UUID_NAMESPACE, stableUuid } from "../../src/infra/naming.js";
import { toKql } from "../../src/kql/index.js";

type Block = Record<string, unknown>;
interface TfJson {
  terraform?: { backend?: Record<string, Block>; required_providers?: Record<string, { version?: string }> };
  resource: Record<string, Record<string, Block>>;
  output?: Record<string, { value: unknown; sensitive?: boolean }>;
}

const ROOT = path.resolve(__dirname, "../..");
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const blocks = (tf: TfJson, type: string): Block[] => Object.values(tf.resource[type] ?? {});
const one = (tf: TfJson, type: string): Block => {
  const all = blocks(tf, type);
  expect(all, type).toHaveLength(1);
  return all[0]!;
};

let inputs: StackInputs;
const synthesized = new Map<string, { stack: CallInsightsStack; json: string; tf: TfJson }>();

beforeAll(() => {
  inputs = loadStackInputs();
  for (const stack of buildStacks(Testing.app(), inputs)) {
    const json = Testing.synth(stack, true); // true: node.addValidation checks run too
    synthesized.set(stack.node.id, { stack, json, tf: JSON.parse(json) as TfJson });
  }
});
const get = (id: string) => {
  const s = synthesized.get(id);
  if (!s) throw new Error(`no stack ${id}`);
  return s;
};

function synthProps(props: CallInsightsStackProps, validate = true): TfJson {
  return JSON.parse(Testing.synth(new CallInsightsStack(Testing.app(), "t", props), validate)) as TfJson;
}

describe("stacks from monitoring.config.json", () => {
  it("builds one stack per environment", () => {
    expect([...synthesized.keys()]).toEqual(["acs-insights-dev", "acs-insights-prod"]);
  });

  it("counts the resources of each stack", () => {
    const counts = (id: string) =>
      Object.fromEntries(Object.entries(get(id).tf.resource).map(([type, byName]) => [type, Object.keys(byName).length]));
    const common = {
      azurerm_resource_group: 1,
      azurerm_log_analytics_workspace: 1,
      azurerm_communication_service: 1,
      azurerm_monitor_diagnostic_setting: 1,
      azurerm_application_insights_workbook: 1,
      azurerm_log_analytics_query_pack: 1,
      azurerm_log_analytics_query_pack_query: catalog.length,
      azurerm_monitor_action_group: 1,
      azurerm_monitor_scheduled_query_rules_alert_v2: 5,
    };
    // dev: lock off, one Basic table; prod: lock on, two tables, gallery template.
    expect(counts("acs-insights-dev")).toEqual({ ...common, azurerm_log_analytics_workspace_table: 1 });
    expect(counts("acs-insights-prod")).toEqual({
      ...common,
      azurerm_log_analytics_workspace_table: 2,
      azurerm_management_lock: 1,
      azurerm_application_insights_workbook_template: 1,
    });
  });

  it("routes the ACS logs to the workspace into Dedicated tables (allLogs + AllMetrics)", () => {
    const { json, tf } = get("acs-insights-prod");
    expect(
      Testing.toHaveResourceWithProperties(json, MonitorDiagnosticSetting.tfResourceType, {
        log_analytics_destination_type: "Dedicated",
        enabled_log: [{ category_group: "allLogs" }],
        enabled_metric: [{ category: "AllMetrics" }],
        target_resource_id: "${azurerm_communication_service.acs.id}",
        log_analytics_workspace_id: "${azurerm_log_analytics_workspace.workspace.id}",
      }),
    ).toBe(true);
    expect(Object.keys(tf.resource[MonitorDiagnosticSetting.tfResourceType] ?? {})).toEqual(["acs_diagnostics"]);
  });

  it("creates the workspace and the ACS resource from the config, with an explicit data location", () => {
    const { json } = get("acs-insights-prod");
    expect(
      Testing.toHaveResourceWithProperties(json, LogAnalyticsWorkspace.tfResourceType, {
        name: "law-acs-insights-prod",
        sku: "PerGB2018",
        retention_in_days: 90,
        daily_quota_gb: 50,
        local_authentication_enabled: false,
        internet_ingestion_enabled: true,
        internet_query_enabled: true,
      }),
    ).toBe(true);
    expect(Testing.toHaveResourceWithProperties(json, CommunicationService.tfResourceType, { name: "acs-insights-prod", data_location: "Europe" })).toBe(true);
    expect(Testing.toHaveResourceWithProperties(json, ResourceGroup.tfResourceType, { name: "rg-acs-insights-prod", location: "westeurope" })).toBe(true);
  });

  it("sets table plans and retention as configured (Basic for the media stats time series)", () => {
    const { json } = get("acs-insights-prod");
    expect(
      Testing.toHaveResourceWithProperties(json, LogAnalyticsWorkspaceTable.tfResourceType, {
        name: "ACSCallClientMediaStatsTimeSeries",
        plan: "Basic",
        total_retention_in_days: 90,
        workspace_id: "${azurerm_log_analytics_workspace.workspace.id}",
      }),
    ).toBe(true);
    const basic = blocks(get("acs-insights-prod").tf, LogAnalyticsWorkspaceTable.tfResourceType).find((t) => t.plan === "Basic")!;
    expect(basic).not.toHaveProperty("retention_in_days"); // Basic: retention unset (fixed by the service)
    expect(Testing.toHaveResourceWithProperties(json, LogAnalyticsWorkspaceTable.tfResourceType, { name: "ACSCallDiagnostics", plan: "Analytics", retention_in_days: 90, total_retention_in_days: 365 })).toBe(true);
  });

  it("deploys the generated workbook JSON under a UUID v5 name, linked to the workspace (lower-cased)", () => {
    const committed = JSON.parse(fs.readFileSync(path.join(ROOT, "workbooks", "acs-call-quality.workbook.json"), "utf8")) as unknown;
    for (const env of ["dev", "prod"]) {
      const wb = one(get(`acs-insights-${env}`).tf, ApplicationInsightsWorkbook.tfResourceType);
      expect(JSON.parse(wb.data_json as string)).toEqual(committed);
      expect(wb.name).toBe(stableUuid("workbook", env, "acs-call-quality"));
      expect(wb.name).toMatch(UUID);
      expect(wb.source_id).toBe("${lower(azurerm_log_analytics_workspace.workspace.id)}");
      expect(wb.display_name).toBe("ACS call quality");
      expect(wb.category).toBe("workbook");
    }
    const dev = one(get("acs-insights-dev").tf, ApplicationInsightsWorkbook.tfResourceType).name;
    const prod = one(get("acs-insights-prod").tf, ApplicationInsightsWorkbook.tfResourceType).name;
    expect(dev).not.toBe(prod);
  });

  it("derives names deterministically from the kit's namespace", () => {
    expect(stableUuid("workbook", "prod", "acs-call-quality")).toBe(stableUuid("workbook", "prod", "acs-call-quality"));
    expect(KIT_UUID_NAMESPACE).toBe("eb9b4720-33a1-413f-a68e-c45941291b63"); // changing it renames every workbook and query
  });

  it("deploys the gallery template with its galleries where templates are on (prod)", () => {
    const gallery = JSON.parse(fs.readFileSync(path.join(ROOT, "workbooks", "acs-call-quality.gallery.json"), "utf8")) as {
      templateData: unknown;
      galleries: Block[];
    };
    const t = one(get("acs-insights-prod").tf, ApplicationInsightsWorkbookTemplate.tfResourceType);
    expect(JSON.parse(t.template_data as string)).toEqual(gallery.templateData);
    expect((t.galleries as Block[]).map((g) => g.resource_type)).toEqual(gallery.galleries.map((g) => g.resourceType));
    expect(t.name).toBe("acs-call-quality-prod");
  });

  it("puts every catalog query in the query pack, with its KQL, UUID names and the ACS resource type", () => {
    const { tf } = get("acs-insights-prod");
    expect(Testing.toHaveResourceWithProperties(get("acs-insights-prod").json, LogAnalyticsQueryPack.tfResourceType, { name: "pack-acs-insights-prod" })).toBe(true);
    const queries = blocks(tf, LogAnalyticsQueryPackQuery.tfResourceType);
    expect(queries).toHaveLength(catalog.length);
    const byName = new Map(queries.map((q) => [q.name as string, q]));
    for (const entry of catalog) {
      const q = byName.get(stableUuid("query", "prod", entry.id));
      expect(q, entry.id).toBeDefined();
      expect(q!.body).toBe(toKql(entry.query));
      expect(q!.display_name).toBe(entry.title);
      expect(q!.resource_types).toContain("microsoft.communication/communicationservices");
      expect((q!.categories as string[]).length).toBeGreaterThan(0);
      expect(q!.query_pack_id).toMatch(/^\$\{azurerm_log_analytics_query_pack\.[^.]+\.id\}$/);
      expect((q!.tags as Record<string, string>).area).toBe(entry.category);
    }
  });

  it("alerts on catalog KQL, with the window bound as the lookback, that the analyzer accepts", () => {
    const { tf } = get("acs-insights-prod");
    const rules = blocks(tf, MonitorScheduledQueryRulesAlertV2.tfResourceType);
    expect(rules.map((r) => r.name).sort()).toEqual([
      "acs-insights-prod-call-setup-failure-rate",
      "acs-insights-prod-poor-stream-ratio",
      "acs-insights-prod-sdk-api-success-rate",
      "acs-insights-prod-ufd-recovery-rate",
      "acs-insights-prod-ungraceful-drop-rate",
    ]);
    const windows: Record<string, string> = {
      "poor-stream-ratio": "1h",
      "ungraceful-drop-rate": "30m",
      "call-setup-failure-rate": "30m",
      "sdk-api-success-rate": "1h",
      "ufd-recovery-rate": "2h",
    };
    for (const kind of Object.values(ALERT_KINDS)) {
      const rule = rules.find((r) => r.name === `acs-insights-prod-${kind.id}`)!;
      const criteria = (rule.criteria as Block[])[0]!;
      const window = windows[kind.id]!;
      const params = kind.id === "ungraceful-drop-rate" ? { lookback: window, timeBin: window } : { lookback: window };
      expect(criteria.query).toBe(toKql(getEntry(kind.source).query, { params }));
      expect(criteria.metric_measure_column).toBe(kind.measureColumn);
      expect(criteria.time_aggregation_method).toBe("aggregation" in kind ? kind.aggregation : "Maximum");
      const { findings, analysis } = lintWithAnalysis(criteria.query as string);
      expect(analysis.diagnostics.filter((d) => d.severity === "error"), kind.id).toEqual([]);
      expect(findings, kind.id).toEqual([]);
      const measure = analysis.resultColumns?.find((c) => c.name === kind.measureColumn);
      expect(measure?.type, kind.id).toMatch(/^(real|long|int)$/);
      expect(rule.scopes).toEqual(["${azurerm_communication_service.acs.id}"]);
      expect(rule.depends_on).toEqual(["azurerm_monitor_diagnostic_setting.acs_diagnostics"]);
      expect((rule.action as Block).action_groups).toEqual([expect.stringMatching(/^\$\{azurerm_monitor_action_group\.[^.]+\.id\}$/)]);
    }
    const ufd = rules.find((r) => r.name === "acs-insights-prod-ungraceful-drop-rate")!;
    expect(ufd).toMatchObject({ evaluation_frequency: "PT5M", window_duration: "PT30M", severity: 1, mute_actions_after_alert_duration: "PT1H", auto_mitigation_enabled: false });
    expect((ufd.criteria as Block[])[0]).toMatchObject({ operator: "GreaterThan", threshold: 3 });
  });

  it("alerts on the worst SDK API scenario's success rate and the worst UFD's recovery rate (Minimum, LessThan)", () => {
    const { tf } = get("acs-insights-prod");
    const rules = blocks(tf, MonitorScheduledQueryRulesAlertV2.tfResourceType);
    const sdk = rules.find((r) => r.name === "acs-insights-prod-sdk-api-success-rate")!;
    expect(sdk).toMatchObject({ evaluation_frequency: "PT15M", window_duration: "PT1H", severity: 2, auto_mitigation_enabled: true });
    expect((sdk.criteria as Block[])[0]).toMatchObject({
      operator: "LessThan",
      threshold: 97,
      metric_measure_column: "SuccessRatePct",
      time_aggregation_method: "Minimum",
      failing_periods: { minimum_failing_periods_to_trigger_alert: 1, number_of_evaluation_periods: 1 },
    });
    expect((sdk.criteria as Block[])[0]!.query).toContain("ACSCallClientOperations");
    expect((sdk.criteria as Block[])[0]!.query).toContain("let lookback = 1h;");
    expect((sdk.action as Block).custom_properties).toEqual({ catalogQuery: "sdk-api-reliability", measure: "SuccessRatePct" });
    const ufd = rules.find((r) => r.name === "acs-insights-prod-ufd-recovery-rate")!;
    expect(ufd).toMatchObject({ evaluation_frequency: "PT15M", window_duration: "PT2H", severity: 3 });
    expect((ufd.criteria as Block[])[0]).toMatchObject({ operator: "LessThan", threshold: 50, metric_measure_column: "RecoveryRatePct", time_aggregation_method: "Minimum" });
    expect((ufd.criteria as Block[])[0]!.query).toContain("let lookback = 2h;");
    expect((ufd.criteria as Block[])[0]!.query).toContain("UserFacingDiagnostics");
    expect((ufd.action as Block).custom_properties).toEqual({ catalogQuery: "ufd-overview", measure: "RecoveryRatePct" });
    // dev takes the kinds' defaults where the config gives none.
    const dev = blocks(get("acs-insights-dev").tf, MonitorScheduledQueryRulesAlertV2.tfResourceType).find((r) => r.name === "acs-insights-dev-ufd-recovery-rate")!;
    expect(dev).toMatchObject({ evaluation_frequency: "PT15M", window_duration: "PT1H", severity: 3 });
    expect((dev.criteria as Block[])[0]).toMatchObject({ operator: "LessThan", threshold: 40 });
  });

  it("notifies the configured e-mail and webhook receivers", () => {
    expect(
      Testing.toHaveResourceWithProperties(get("acs-insights-prod").json, MonitorActionGroup.tfResourceType, {
        name: "ag-acs-insights-prod",
        short_name: "acs-prod",
        email_receiver: [{ name: "calling-oncall", email_address: "calling-oncall@example.com", use_common_alert_schema: true }],
        webhook_receiver: [{ name: "pager", service_uri: "https://pager.example.com/hooks/acs-calls", use_common_alert_schema: true }],
      }),
    ).toBe(true);
  });

  it("tags every taggable resource with the configured tags", () => {
    for (const env of ["dev", "prod"]) {
      const { stack, tf } = get(`acs-insights-${env}`);
      const tags = inputs.config.environments[env]!.tags;
      const taggable = stack.node.findAll().filter(isTaggable);
      expect(taggable.length).toBeGreaterThan(catalog.length);
      const types = new Set<string>();
      for (const r of taggable) {
        types.add(r.terraformResourceType);
        const block = tf.resource[r.terraformResourceType]?.[r.friendlyUniqueId];
        expect(block?.tags, `${r.terraformResourceType}.${r.friendlyUniqueId}`).toMatchObject(tags);
      }
      for (const type of ["azurerm_resource_group", "azurerm_log_analytics_workspace", "azurerm_communication_service", "azurerm_application_insights_workbook", "azurerm_log_analytics_query_pack", "azurerm_log_analytics_query_pack_query", "azurerm_monitor_action_group", "azurerm_monitor_scheduled_query_rules_alert_v2"]) {
        expect(types, type).toContain(type);
      }
      // ... and only taggable resources get tags.
      for (const type of [MonitorDiagnosticSetting.tfResourceType, LogAnalyticsWorkspaceTable.tfResourceType]) {
        for (const b of blocks(tf, type)) expect(b).not.toHaveProperty("tags");
      }
    }
  });

  it("leaves out an alert rule with enabled: false", () => {
    const env = inputs.config.environments.dev!;
    const config = {
      ...inputs.config,
      environments: { dev: { ...env, alerts: { ...env.alerts, rules: { ...env.alerts.rules, ungracefulDropRate: { enabled: false } } } } },
    };
    const [stack] = buildStacks(Testing.app(), { config, content: inputs.content });
    const tf = JSON.parse(Testing.synth(stack!, true)) as TfJson;
    expect(blocks(tf, MonitorScheduledQueryRulesAlertV2.tfResourceType).map((r) => r.name).sort()).toEqual([
      "acs-insights-dev-call-setup-failure-rate",
      "acs-insights-dev-poor-stream-ratio",
      "acs-insights-dev-sdk-api-success-rate",
      "acs-insights-dev-ufd-recovery-rate",
    ]);
  });

  it("uses the azurerm remote backend from the config (prod) and local state otherwise (dev)", () => {
    expect(get("acs-insights-prod").tf.terraform?.backend?.azurerm).toEqual({
      resource_group_name: "rg-terraform-state",
      storage_account_name: "stacsinsightstfstate",
      container_name: "tfstate",
      key: "acs-insights-prod.tfstate",
      use_azuread_auth: true,
    });
    expect(get("acs-insights-dev").tf.terraform?.backend).toBeUndefined();
    expect(get("acs-insights-dev").tf.terraform?.required_providers?.azurerm?.version).toBe("4.55.0");
  });

  it("outputs the workspace id, workbook ids and portal links, and the query pack id, and no secret", () => {
    const out = get("acs-insights-prod").tf.output ?? {};
    expect(Object.keys(out).sort()).toEqual([
      "action_group_id",
      "communication_service_id",
      "query_pack_id",
      "workbook_ids",
      "workbook_links",
      "workspace_customer_id",
      "workspace_id",
    ]);
    expect(out.workspace_id?.value).toBe("${azurerm_log_analytics_workspace.workspace.id}");
    expect(out.workbook_links?.value).toEqual({ "acs-call-quality": expect.stringMatching(/^https:\/\/portal\.azure\.com\/#resource\$\{azurerm_application_insights_workbook\.[^.]+\.id\}$/) });
    expect(JSON.stringify(out)).not.toMatch(/key|connection_string/);
  });
});

describe("CallInsightsStack defaults and options", () => {
  const minimal: CallInsightsStackProps = { environment: "test", location: "westeurope", dataLocation: "Europe" };

  it("locks the workspace (CanNotDelete) and sets prevent_destroy on the workspace and the ACS resource by default", () => {
    const tf = synthProps(minimal);
    expect(one(tf, ManagementLock.tfResourceType)).toMatchObject({ lock_level: "CanNotDelete", scope: "${azurerm_log_analytics_workspace.workspace.id}", name: "lock-law-acs-insights-test" });
    expect(one(tf, LogAnalyticsWorkspace.tfResourceType).lifecycle).toEqual({ prevent_destroy: true });
    expect(one(tf, CommunicationService.tfResourceType).lifecycle).toEqual({ prevent_destroy: true });
  });

  it("switches the lock and prevent_destroy off when asked", () => {
    const tf = synthProps({ ...minimal, workspace: { lock: { kind: "None" }, preventDestroy: false }, communicationService: { preventDestroy: false } });
    expect(tf.resource[ManagementLock.tfResourceType]).toBeUndefined();
    expect(one(tf, LogAnalyticsWorkspace.tfResourceType).lifecycle).toEqual({ prevent_destroy: false });
    expect(one(tf, CommunicationService.tfResourceType).lifecycle).toEqual({ prevent_destroy: false });
  });

  it("adopts an existing workspace and ACS resource by id without creating either", () => {
    const law = "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/Shared-RG/providers/Microsoft.OperationalInsights/workspaces/Central-LAW";
    const acs = "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/Calls/providers/Microsoft.Communication/communicationServices/calls-prod";
    const tf = synthProps({
      environment: "test",
      location: "westeurope",
      resourceGroup: { name: "rg-existing", create: false },
      workspace: { existingResourceId: law },
      communicationService: { existingResourceId: acs },
      workbooks: { items: [{ id: "wb", displayName: "WB", serializedJson: '{"version":"Notebook/1.0","items":[]}' }] },
    });
    expect(tf.resource[LogAnalyticsWorkspace.tfResourceType]).toBeUndefined();
    expect(tf.resource[CommunicationService.tfResourceType]).toBeUndefined();
    expect(tf.resource[ResourceGroup.tfResourceType]).toBeUndefined();
    expect(tf.resource[ManagementLock.tfResourceType]).toBeUndefined();
    expect(one(tf, MonitorDiagnosticSetting.tfResourceType)).toMatchObject({ target_resource_id: acs, log_analytics_workspace_id: law, log_analytics_destination_type: "Dedicated" });
    expect(one(tf, ApplicationInsightsWorkbook.tfResourceType)).toMatchObject({ source_id: law.toLowerCase(), resource_group_name: "rg-existing" });
    expect(tf.output?.workspace_id?.value).toBe(law);
    expect(tf.output).not.toHaveProperty("workspace_customer_id");
  });

  it("routes an explicit list of categories and archives to a storage account", () => {
    const storage = "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/archive/providers/Microsoft.Storage/storageAccounts/acsarchive";
    const tf = synthProps({ ...minimal, diagnostics: { categories: ["CallSummary", "CallDiagnostics"], metrics: false, storageAccountId: storage } });
    const ds = one(tf, MonitorDiagnosticSetting.tfResourceType);
    expect(ds.enabled_log).toEqual([{ category: "CallSummary" }, { category: "CallDiagnostics" }]);
    expect(ds).not.toHaveProperty("enabled_metric");
    expect(ds.storage_account_id).toBe(storage);
  });

  it("assigns roles on the workspace and the ACS resource", () => {
    const principalId = "11111111-2222-3333-4444-555555555555";
    const tf = synthProps({
      ...minimal,
      workspace: { roleAssignments: [{ principalId, role: "Log Analytics Reader", principalType: "Group" }] },
      communicationService: { roleAssignments: [{ principalId, role: "/providers/Microsoft.Authorization/roleDefinitions/acdd72a7-3385-48ef-bd42-f606fba81ae7" }] },
    });
    const roles = blocks(tf, RoleAssignment.tfResourceType);
    expect(roles).toContainEqual(expect.objectContaining({ scope: "${azurerm_log_analytics_workspace.workspace.id}", role_definition_name: "Log Analytics Reader", principal_type: "Group", principal_id: principalId }));
    expect(roles).toContainEqual(expect.objectContaining({ scope: "${azurerm_communication_service.acs.id}", role_definition_id: expect.stringContaining("roleDefinitions/") }));
  });

  it("outputs the ACS connection string only when asked, and then as sensitive", () => {
    expect(JSON.stringify(synthProps(minimal).output)).not.toContain("connection_string");
    const tf = synthProps({ ...minimal, communicationService: { outputConnectionString: true } });
    expect(tf.output?.communication_service_connection_string).toEqual({
      value: "${azurerm_communication_service.acs.primary_connection_string}",
      sensitive: true,
      description: expect.any(String),
    });
  });

  it("refuses to synthesize an output that exposes a key without sensitive: true", () => {
    const stack = new CallInsightsStack(Testing.app(), "leak", minimal);
    new TerraformOutput(stack, "acs_key", { value: stack.communicationService.communicationService!.primaryKey });
    expect(() => Testing.synth(stack, true)).toThrow(/output "acs_key" exposes a key or connection string without sensitive: true .*— mark the output sensitive, or remove it/);
  });

  it("validates construct props when synthesized with validations (every problem, with its construct path)", () => {
    const stack = new CallInsightsStack(Testing.app(), "bad", {
      environment: "test",
      location: "westeurope",
      dataLocation: "europe",
      workspace: { retentionInDays: 7, sku: "Standard" },
      communicationService: { name: "-acs" },
    });
    let message = "";
    try {
      Testing.synth(stack, true);
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toContain('[bad/communication-service] dataLocation: "europe" is not allowed (azurerm_communication_service data_location, case-sensitive: one of');
    expect(message).toContain('did you mean "Europe"?');
    expect(message).toContain("[bad/communication-service] name: \"-acs\" is not a valid Communication Services name");
    expect(message).toContain("[bad/log-analytics] retentionInDays: 7 days is outside 30–730");
    expect(message).toContain('[bad/log-analytics] sku: sku "Standard" is retired');
    // Without validations (the existing tests' mode) the same stack still synthesizes.
    expect(() => Testing.synth(new CallInsightsStack(Testing.app(), "bad2", { environment: "t", location: "westeurope", dataLocation: "nowhere" }))).not.toThrow();
  });

  it("resolves its alert scope to the workspace when asked", () => {
    const rule = { ...ruleSpec(), id: "r" };
    const tf = synthProps({ ...minimal, alerts: { scope: "workspace", actionGroup: { emails: [{ name: "a", address: "a@example.com" }] }, rules: [rule] } });
    expect(one(tf, MonitorScheduledQueryRulesAlertV2.tfResourceType).scopes).toEqual(["${azurerm_log_analytics_workspace.workspace.id}"]);
  });
});

function ruleSpec() {
  return {
    id: "x",
    displayName: "x",
    description: "x",
    query: "ACSCallSummary | summarize n = count()",
    measureColumn: "n",
    operator: "GreaterThan" as const,
    threshold: 1,
    severity: 3,
    frequency: "PT15M",
    window: "PT1H",
  };
}
