import { LogAnalyticsWorkspaceTable } from "@cdktf/provider-azurerm/lib/log-analytics-workspace-table";
import { Construct } from "constructs";
import { categoryToTable, nonCallingCategories } from "../schema/categories.js";
import { checkTable, closest, type TablePlan } from "./rules.js";

/** Plan and retention of one table. */
export interface TableSettings {
  /** `Basic` costs less per GB but allows fewer query features and no alerts. @default "Analytics" */
  readonly plan?: TablePlan;
  /** Interactive retention in days (4–730; unset or 30 with Basic). @default the workspace's */
  readonly retentionInDays?: number;
  /** Total retention including long-term (archive) retention. @default the interactive retention */
  readonly totalRetentionInDays?: number;
}

/** Props for {@link WorkspaceTables}. */
export interface WorkspaceTablesProps {
  /** Resource id of the workspace (a token is fine). */
  readonly workspaceResourceId: string;
  /** Table name (e.g. `ACSCallClientMediaStatsTimeSeries`) → settings. */
  readonly tables: Readonly<Record<string, TableSettings>>;
}

/** Every ACS table a diagnostic setting can fill, by name. */
export const ACS_TABLES: readonly string[] = [
  ...new Set([...categoryToTable.values(), ...[...nonCallingCategories.values()].filter((t): t is string => t !== undefined)]),
].sort();

/**
 * Per-table plan and retention for the high-volume ACS tables, as a cost control, e.g.
 * ACSCallClientMediaStatsTimeSeries on the Basic plan. The tables already exist in every
 * workspace: this patches them, and removing an entry reverts the table to the workspace's
 * retention.
 */
export class WorkspaceTables extends Construct {
  /** Table name → its azurerm_log_analytics_workspace_table. */
  readonly tables: ReadonlyMap<string, LogAnalyticsWorkspaceTable>;

  constructor(scope: Construct, id: string, props: WorkspaceTablesProps) {
    super(scope, id);
    this.node.addValidation({ validate: () => WorkspaceTables.problems(props) });
    const tables = new Map<string, LogAnalyticsWorkspaceTable>();
    for (const [name, s] of Object.entries(props.tables)) {
      tables.set(
        name,
        new LogAnalyticsWorkspaceTable(this, name, {
          workspaceId: props.workspaceResourceId,
          name,
          plan: s.plan ?? "Analytics",
          ...(s.retentionInDays !== undefined ? { retentionInDays: s.retentionInDays } : {}),
          ...(s.totalRetentionInDays !== undefined ? { totalRetentionInDays: s.totalRetentionInDays } : {}),
        }),
      );
    }
    this.tables = tables;
  }

  /** Every problem with `props` (empty when they are fine). */
  static problems(props: WorkspaceTablesProps): string[] {
    const out: string[] = [];
    for (const [name, s] of Object.entries(props.tables)) {
      if (!ACS_TABLES.includes(name)) {
        const hint = closest(name, ACS_TABLES);
        out.push(`${name}: not an ACS table (the tables an ACS diagnostic setting fills: ${ACS_TABLES.join(", ")}) — ${hint ? `did you mean "${hint}"?` : "use one of those"}`);
        continue;
      }
      for (const p of checkTable(name, s.plan ?? "Analytics", s.retentionInDays, s.totalRetentionInDays)) out.push(`${name}: ${p}`);
    }
    return out;
  }
}
