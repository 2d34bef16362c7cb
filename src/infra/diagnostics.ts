import { MonitorDiagnosticSetting } from "@cdktf/provider-azurerm/lib/monitor-diagnostic-setting";
import { Construct } from "constructs";
import { allAcsCategories } from "../schema/categories.js";
import { checkResourceId } from "./resource-id.js";
import { CATEGORY_GROUPS, checkDiagnosticSettingName, closest, oneOf } from "./rules.js";

/** Props for {@link AcsDiagnostics}. */
export interface AcsDiagnosticsProps {
  /** Resource id of the ACS resource (a token is fine). */
  readonly targetResourceId: string;
  /** Resource id of the Log Analytics workspace (a token is fine). */
  readonly workspaceResourceId: string;
  /** Name of the setting. @default "acs-call-logs-to-workspace" */
  readonly name?: string;
  /**
   * Log categories to route, each one of the ACS categories in src/schema (CallSummary,
   * CallDiagnostics, ...). When unset, the `categoryGroup` is used instead.
   * @default unset (category group)
   */
  readonly categories?: readonly string[];
  /** Category group, used when `categories` is unset. @default "allLogs" */
  readonly categoryGroup?: (typeof CATEGORY_GROUPS)[number];
  /** Also route the platform metrics (`AllMetrics`). @default true */
  readonly metrics?: boolean;
  /** Resource id of a storage account to archive the same logs to. @default none */
  readonly storageAccountId?: string;
}

/**
 * The diagnostic setting on the ACS resource that sends its logs to the workspace in
 * resource-specific tables (`log_analytics_destination_type = "Dedicated"`: ACSCallSummary,
 * ACSCallDiagnostics, ...), which every query and workbook of the kit reads.
 */
export class AcsDiagnostics extends Construct {
  readonly setting: MonitorDiagnosticSetting;

  constructor(scope: Construct, id: string, props: AcsDiagnosticsProps) {
    super(scope, id);
    this.node.addValidation({ validate: () => AcsDiagnostics.problems(props) });
    this.setting = new MonitorDiagnosticSetting(this, "setting", {
      name: props.name ?? "acs-call-logs-to-workspace",
      targetResourceId: props.targetResourceId,
      logAnalyticsWorkspaceId: props.workspaceResourceId,
      logAnalyticsDestinationType: "Dedicated",
      enabledLog: props.categories
        ? props.categories.map((category) => ({ category }))
        : [{ categoryGroup: props.categoryGroup ?? "allLogs" }],
      ...(props.metrics ?? true ? { enabledMetric: [{ category: "AllMetrics" }] } : {}),
      ...(props.storageAccountId !== undefined ? { storageAccountId: props.storageAccountId } : {}),
    });
  }

  /** Every problem with `props` (empty when they are fine). */
  static problems(props: AcsDiagnosticsProps): string[] {
    const out: string[] = [];
    if (props.name !== undefined) {
      const p = checkDiagnosticSettingName(props.name);
      if (p) out.push(`name: ${p}`);
    }
    if (props.categories !== undefined) {
      if (props.categoryGroup !== undefined) out.push("categoryGroup: set together with categories (a setting routes either a category group or a list of categories) — remove one of them");
      if (props.categories.length === 0) out.push('categories: empty (a diagnostic setting needs at least one log category) — list categories, or remove the list to use the "allLogs" group');
      const seen = new Set<string>();
      props.categories.forEach((c, i) => {
        if (!allAcsCategories.includes(c)) {
          const hint = closest(c, allAcsCategories);
          out.push(
            `categories[${i}]: ${JSON.stringify(c)} is not an ACS log category (Microsoft.Communication/CommunicationServices ` +
              `categories: ${allAcsCategories.join(", ")}) — ${hint ? `did you mean "${hint}"?` : "use one of those"}`,
          );
        } else if (seen.has(c)) {
          out.push(`categories[${i}]: "${c}" is listed twice (each category may appear once) — remove the duplicate`);
        }
        seen.add(c);
      });
    } else if (props.categoryGroup !== undefined) {
      const p = oneOf(props.categoryGroup, CATEGORY_GROUPS, "diagnostic setting category_group for ACS");
      if (p) out.push(`categoryGroup: ${p}`);
    }
    if (props.storageAccountId !== undefined) {
      const p = checkResourceId(props.storageAccountId, "storageAccount");
      if (p) out.push(`storageAccountId: ${p}`);
    }
    return out;
  }
}
