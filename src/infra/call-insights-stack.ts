import { AzurermProvider } from "@cdktf/provider-azurerm/lib/provider";
import { ResourceGroup } from "@cdktf/provider-azurerm/lib/resource-group";
import { Aspects, AzurermBackend, TerraformOutput, TerraformStack } from "cdktf";
import type { Construct } from "constructs";
import { CallAlerts, type ActionGroupSpec, type AlertRuleSpec } from "./alerts.js";
import { AcsResource, type AcsResourceProps } from "./communication-service.js";
import { AcsDiagnostics, type AcsDiagnosticsProps } from "./diagnostics.js";
import { guardSecretOutputs, TagsAspect } from "./guards.js";
import { CatalogQueryPack, type QueryPackQuerySpec } from "./query-pack.js";
import { checkResourceGroupName, GUID } from "./rules.js";
import { WorkspaceTables, type TableSettings } from "./tables.js";
import { CallWorkbooks, portalLink, type WorkbookSpec } from "./workbooks.js";
import { CallLogsWorkspace, type CallLogsWorkspaceProps } from "./workspace.js";

/** The azurerm remote state backend (no secrets: authenticate with `az login`, a managed identity or OIDC). */
export interface StateBackendProps {
  readonly resourceGroupName: string;
  readonly storageAccountName: string;
  readonly containerName: string;
  /** State blob name. @default "<stack id>.tfstate" */
  readonly key?: string;
  readonly subscriptionId?: string;
  readonly tenantId?: string;
  /** Authenticate to the storage account with Entra ID rather than an access key. @default true */
  readonly useAzureadAuth?: boolean;
}

/** Props for {@link CallInsightsStack}. Only `environment`, `location` and (for a new ACS resource) `dataLocation` are required. */
export interface CallInsightsStackProps {
  /** Short environment name, part of resource names and UUIDs, e.g. `dev`. */
  readonly environment: string;
  /** Azure region of the resource group, workspace, workbooks, query pack and alert rules, e.g. `westeurope`. */
  readonly location: string;
  /** Where a created ACS resource keeps data at rest, e.g. `Europe` (see AcsResourceProps.dataLocation). */
  readonly dataLocation?: string;
  /** Start of the default resource names: `rg-<prefix>-<env>`, `law-<prefix>-<env>`, `<prefix>-<env>`. @default "acs-insights" */
  readonly namePrefix?: string;
  /** Subscription to deploy to. @default $ARM_SUBSCRIPTION_ID (azurerm 4.x needs one of the two; it does not use az login's default) */
  readonly subscriptionId?: string;
  /** The resource group: created (default) or an existing one by name. @default { name: "rg-<prefix>-<env>", create: true } */
  readonly resourceGroup?: { readonly name?: string; readonly create?: boolean };
  /** Tags for every taggable resource (applied by an Aspect). @default {} */
  readonly tags?: Readonly<Record<string, string>>;
  /** The ACS resource. @default created as "<prefix>-<env>" */
  readonly communicationService?: Omit<AcsResourceProps, "resourceGroupName" | "dataLocation"> & {
    /** Add the primary connection string as a sensitive output. @default false */
    readonly outputConnectionString?: boolean;
  };
  /** The workspace. @default created as "law-<prefix>-<env>", PerGB2018, 90 days */
  readonly workspace?: Omit<CallLogsWorkspaceProps, "resourceGroupName" | "location">;
  /** The diagnostic setting. @default allLogs and AllMetrics to the workspace, Dedicated tables */
  readonly diagnostics?: Omit<AcsDiagnosticsProps, "targetResourceId" | "workspaceResourceId">;
  /** Per-table plan and retention. @default none */
  readonly tables?: Readonly<Record<string, TableSettings>>;
  /** Workbooks to deploy. @default none */
  readonly workbooks?: {
    readonly items: readonly WorkbookSpec[];
    /** Which resource's Workbooks blade lists them. @default "workspace" */
    readonly linkTo?: "workspace" | "communicationService" | "azureMonitor";
    /** Also deploy them as gallery templates. @default false */
    readonly templates?: boolean;
  };
  /** A query pack with these queries. @default none */
  readonly queryPack?: { readonly name?: string; readonly queries: readonly QueryPackQuerySpec[] };
  /** Alert rules and their action group. @default none */
  readonly alerts?: {
    /** What the rules query: the ACS resource's logs (resource-centric) or the whole workspace. @default "communicationService" */
    readonly scope?: "communicationService" | "workspace";
    readonly actionGroup?: Partial<ActionGroupSpec>;
    readonly rules: readonly AlertRuleSpec[];
  };
  /** Remote state in an Azure storage account. @default local state (terraform.<stack>.tfstate) */
  readonly backend?: StateBackendProps;
}

/**
 * One environment of ACS call monitoring: resource group, Log Analytics workspace (locked,
 * prevent_destroy) or an adopted one, ACS resource (prevent_destroy) or an adopted one, the
 * diagnostic setting into Dedicated tables, per-table plans, workbooks, a query pack with
 * the catalog, and alert rules, all tagged.
 *
 * Terraform addresses of the stateful resources are pinned (`rg`, `workspace`, `acs`,
 * `acs_diagnostics`, ...), so refactoring the constructs never moves state.
 *
 * @example
 * ```ts
 * const app = new App();
 * new CallInsightsStack(app, "acs-insights-dev", { environment: "dev", location: "westeurope", dataLocation: "Europe" });
 * app.synth();
 * ```
 */
export class CallInsightsStack extends TerraformStack {
  readonly resourceGroupName: string;
  readonly resourceGroup?: ResourceGroup;
  readonly workspace: CallLogsWorkspace;
  readonly communicationService: AcsResource;
  readonly diagnostics: AcsDiagnostics;
  readonly tables?: WorkspaceTables;
  readonly workbooks?: CallWorkbooks;
  readonly queryPack?: CatalogQueryPack;
  readonly alerts?: CallAlerts;

  constructor(scope: Construct, id: string, props: CallInsightsStackProps) {
    super(scope, id);
    const env = props.environment;
    const prefix = props.namePrefix ?? "acs-insights";
    const base = `${prefix}-${env}`;
    this.node.addValidation({ validate: () => stackProblems(props) });

    new AzurermProvider(this, "azurerm", { features: [{}], ...(props.subscriptionId ? { subscriptionId: props.subscriptionId } : {}) });
    if (props.backend) {
      const b = props.backend;
      new AzurermBackend(this, {
        resourceGroupName: b.resourceGroupName,
        storageAccountName: b.storageAccountName,
        containerName: b.containerName,
        key: b.key ?? `${id}.tfstate`,
        useAzureadAuth: b.useAzureadAuth ?? true,
        ...(b.subscriptionId ? { subscriptionId: b.subscriptionId } : {}),
        ...(b.tenantId ? { tenantId: b.tenantId } : {}),
      });
    }

    const rgName = props.resourceGroup?.name ?? `rg-${base}`;
    if (props.resourceGroup?.create ?? true) {
      this.resourceGroup = new ResourceGroup(this, "rg", { name: rgName, location: props.location });
      this.resourceGroupName = this.resourceGroup.name;
    } else {
      this.resourceGroupName = rgName;
    }
    const rg = this.resourceGroupName;

    const wsProps = props.workspace ?? {};
    this.workspace = new CallLogsWorkspace(this, "log-analytics", {
      ...wsProps,
      ...(wsProps.existingResourceId === undefined ? { name: wsProps.name ?? `law-${base}` } : {}),
      logicalId: wsProps.logicalId ?? "workspace",
      resourceGroupName: rg,
      location: props.location,
    });
    this.workspace.lock?.overrideLogicalId("workspace_lock");

    const { outputConnectionString, ...acsProps } = props.communicationService ?? {};
    this.communicationService = new AcsResource(this, "communication-service", {
      ...acsProps,
      ...(acsProps.existingResourceId === undefined ? { name: acsProps.name ?? base } : {}),
      ...(props.dataLocation !== undefined ? { dataLocation: props.dataLocation } : {}),
      logicalId: acsProps.logicalId ?? "acs",
      resourceGroupName: rg,
    });
    this.communicationService.lock?.overrideLogicalId("acs_lock");

    this.diagnostics = new AcsDiagnostics(this, "diagnostics", {
      ...props.diagnostics,
      targetResourceId: this.communicationService.resourceId,
      workspaceResourceId: this.workspace.workspaceResourceId,
    });
    this.diagnostics.setting.overrideLogicalId("acs_diagnostics");

    if (props.tables && Object.keys(props.tables).length > 0) {
      this.tables = new WorkspaceTables(this, "tables", { workspaceResourceId: this.workspace.workspaceResourceId, tables: props.tables });
    }

    if (props.workbooks && props.workbooks.items.length > 0) {
      const linkTo = props.workbooks.linkTo ?? "workspace";
      this.workbooks = new CallWorkbooks(this, "workbooks", {
        resourceGroupName: rg,
        location: props.location,
        environment: env,
        sourceId:
          linkTo === "workspace" ? this.workspace.workspaceResourceId : linkTo === "communicationService" ? this.communicationService.resourceId : "azure monitor",
        workbooks: props.workbooks.items,
        templates: props.workbooks.templates ?? false,
      });
    }

    if (props.queryPack && props.queryPack.queries.length > 0) {
      this.queryPack = new CatalogQueryPack(this, "query-pack", {
        resourceGroupName: rg,
        location: props.location,
        name: props.queryPack.name ?? `pack-${base}`,
        environment: env,
        queries: props.queryPack.queries,
      });
    }

    if (props.alerts && props.alerts.rules.length > 0) {
      const ag = props.alerts.actionGroup ?? {};
      this.alerts = new CallAlerts(this, "alerts", {
        resourceGroupName: rg,
        location: props.location,
        namePrefix: base,
        scope: (props.alerts.scope ?? "communicationService") === "workspace" ? this.workspace.workspaceResourceId : this.communicationService.resourceId,
        actionGroup: { name: ag.name ?? `ag-${base}`, shortName: ag.shortName ?? shortNameOf(env), emails: ag.emails ?? [], webhooks: ag.webhooks ?? [] },
        rules: props.alerts.rules,
        dependsOn: [this.diagnostics.setting],
      });
    }

    this.outputs(props.communicationService?.existingResourceId === undefined && (outputConnectionString ?? false));
    Aspects.of(this).add(new TagsAspect(props.tags ?? {}));
    guardSecretOutputs(this);
  }

  private outputs(connectionString: boolean): void {
    const ws = this.workspace;
    new TerraformOutput(this, "workspace_id", { value: ws.workspaceResourceId, description: "Resource id of the Log Analytics workspace" });
    if (ws.workspace) {
      new TerraformOutput(this, "workspace_customer_id", { value: ws.workspace.workspaceId, description: "Workspace (customer) id, a GUID, for query APIs" });
    }
    new TerraformOutput(this, "communication_service_id", { value: this.communicationService.resourceId, description: "Resource id of the ACS resource" });
    if (connectionString && this.communicationService.communicationService) {
      new TerraformOutput(this, "communication_service_connection_string", {
        value: this.communicationService.communicationService.primaryConnectionString,
        sensitive: true,
        description: "Primary connection string of the ACS resource (sensitive)",
      });
    }
    if (this.workbooks) {
      const entries = [...this.workbooks.workbooks];
      new TerraformOutput(this, "workbook_ids", { value: Object.fromEntries(entries.map(([id, wb]) => [id, wb.id])), description: "Workbook id → resource id" });
      new TerraformOutput(this, "workbook_links", {
        value: Object.fromEntries(entries.map(([id, wb]) => [id, portalLink(wb.id)])),
        description: "Workbook id → link that opens it in the Azure portal",
      });
    }
    if (this.queryPack) new TerraformOutput(this, "query_pack_id", { value: this.queryPack.pack.id, description: "Resource id of the query pack" });
    if (this.alerts) new TerraformOutput(this, "action_group_id", { value: this.alerts.actionGroup.id, description: "Resource id of the alerts' action group" });
  }
}

/** `acs-<env>` cut to the 12 characters an action group's short name allows. */
export function shortNameOf(environment: string): string {
  return `acs-${environment}`.slice(0, 12);
}

function stackProblems(props: CallInsightsStackProps): string[] {
  const out: string[] = [];
  const rgName = props.resourceGroup?.name;
  if (rgName !== undefined) {
    const p = checkResourceGroupName(rgName);
    if (p) out.push(`resourceGroup.name: ${p}`);
  }
  if (props.subscriptionId !== undefined && !GUID.test(props.subscriptionId)) {
    out.push(`subscriptionId: ${JSON.stringify(props.subscriptionId)} is not a subscription id (a GUID) — copy it from az account show`);
  }
  return out;
}
