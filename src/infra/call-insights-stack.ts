import { TerraformOutput, TerraformStack } from "cdktf";
import type { Construct } from "constructs";
import { AzurermProvider } from "@cdktf/provider-azurerm/lib/provider";
import { ResourceGroup } from "@cdktf/provider-azurerm/lib/resource-group";
import { LogAnalyticsWorkspace } from "@cdktf/provider-azurerm/lib/log-analytics-workspace";
import { CommunicationService } from "@cdktf/provider-azurerm/lib/communication-service";
import { MonitorDiagnosticSetting } from "@cdktf/provider-azurerm/lib/monitor-diagnostic-setting";

/** Props for {@link CallInsightsStack}. */
export interface CallInsightsStackProps {
  /** Short environment name used in resource names, e.g. `dev`. */
  readonly environment: string;
  /** Azure region of the resource group and workspace. */
  readonly location: string;
  /** Where ACS stores data at rest, e.g. `Europe` or `United States`. */
  readonly dataLocation: string;
}

/**
 * The smallest useful deployment: a resource group, a Log Analytics workspace, an ACS
 * resource, and a diagnostic setting that sends every ACS log category to the workspace
 * in resource-specific (Dedicated) tables.
 *
 * @example
 * ```ts
 * const app = new App();
 * new CallInsightsStack(app, "acs-dev", { environment: "dev", location: "westeurope", dataLocation: "Europe" });
 * app.synth();
 * ```
 */
export class CallInsightsStack extends TerraformStack {
  readonly workspace: LogAnalyticsWorkspace;
  readonly communicationService: CommunicationService;
  readonly diagnosticSetting: MonitorDiagnosticSetting;

  constructor(scope: Construct, id: string, props: CallInsightsStackProps) {
    super(scope, id);
    new AzurermProvider(this, "azurerm", { features: [{}] });
    const rg = new ResourceGroup(this, "rg", { name: `rg-acs-insights-${props.environment}`, location: props.location });
    this.workspace = new LogAnalyticsWorkspace(this, "workspace", {
      name: `law-acs-insights-${props.environment}`,
      location: rg.location,
      resourceGroupName: rg.name,
      sku: "PerGB2018",
      retentionInDays: 90,
    });
    this.communicationService = new CommunicationService(this, "acs", {
      name: `acs-insights-${props.environment}`,
      resourceGroupName: rg.name,
      dataLocation: props.dataLocation,
    });
    this.diagnosticSetting = new MonitorDiagnosticSetting(this, "acs_diagnostics", {
      name: "acs-call-logs-to-workspace",
      targetResourceId: this.communicationService.id,
      logAnalyticsWorkspaceId: this.workspace.id,
      // Dedicated = resource-specific tables (ACSCallSummary, ...), which every query here targets.
      logAnalyticsDestinationType: "Dedicated",
      enabledLog: [{ categoryGroup: "allLogs" }],
    });
    new TerraformOutput(this, "workspace_id", { value: this.workspace.id });
    new TerraformOutput(this, "communication_service_id", { value: this.communicationService.id });
  }
}
