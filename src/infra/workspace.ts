import { LogAnalyticsWorkspace } from "@cdktf/provider-azurerm/lib/log-analytics-workspace";
import type { ManagementLock } from "@cdktf/provider-azurerm/lib/management-lock";
import type { RoleAssignment } from "@cdktf/provider-azurerm/lib/role-assignment";
import { Construct } from "constructs";
import { createLock, createRoleAssignments, lockProblems, roleAssignmentProblems, type LockProps, type RoleAssignmentProps } from "./common.js";
import { checkResourceId } from "./resource-id.js";
import { checkDailyQuota, checkReservation, checkWorkspaceName, checkWorkspaceRetention, checkWorkspaceSku } from "./rules.js";

/** Props for {@link CallLogsWorkspace}: create a workspace (`name`) or adopt one (`existingResourceId`). */
export interface CallLogsWorkspaceProps {
  /** Resource group of a created workspace. */
  readonly resourceGroupName: string;
  /** Azure region of a created workspace, e.g. `westeurope`. */
  readonly location: string;
  /** Name of the workspace to create (4–63 letters, digits, hyphens). Required unless `existingResourceId` is set. */
  readonly name?: string;
  /**
   * Adopt an existing workspace instead: its resource id. Nothing is created, locked or
   * protected; the other settings below must then be left unset.
   */
  readonly existingResourceId?: string;
  /** Pricing tier. @default "PerGB2018" */
  readonly sku?: string;
  /** Interactive retention, 30–730 days. @default 90 */
  readonly retentionInDays?: number;
  /** Daily ingestion cap in GB; -1 for none. @default -1 */
  readonly dailyQuotaGb?: number;
  /** GB per day reserved; only with sku `CapacityReservation`. @default unset */
  readonly reservationCapacityGbPerDay?: number;
  /** Whether shared keys work; Entra ID auth always does, and diagnostic settings need no keys. @default false */
  readonly localAuthenticationEnabled?: boolean;
  /** Ingestion over the public internet (turn off only behind a private link scope). @default true */
  readonly internetIngestionEnabled?: boolean;
  /** Queries over the public internet, e.g. from the portal (turn off only behind a private link scope). @default true */
  readonly internetQueryEnabled?: boolean;
  /** Management lock on a created workspace. @default { kind: "CanNotDelete" } */
  readonly lock?: LockProps;
  /** Terraform logical id of the created resource, to pin its state address. @default derived from the construct path */
  readonly logicalId?: string;
  /** Terraform `prevent_destroy` on a created workspace. @default true */
  readonly preventDestroy?: boolean;
  /** Role assignments on the workspace (created or adopted). @default none */
  readonly roleAssignments?: readonly RoleAssignmentProps[];
}

const CREATE_ONLY = [
  "sku",
  "retentionInDays",
  "dailyQuotaGb",
  "reservationCapacityGbPerDay",
  "localAuthenticationEnabled",
  "internetIngestionEnabled",
  "internetQueryEnabled",
] as const;

/**
 * The Log Analytics workspace the ACS call logs go to: created (with a CanNotDelete lock and
 * `prevent_destroy` by default) or adopted by resource id.
 *
 * @example
 * ```ts
 * const law = new CallLogsWorkspace(stack, "workspace", { resourceGroupName: "rg-calls", location: "westeurope", name: "law-calls" });
 * law.workspaceResourceId; // "${azurerm_log_analytics_workspace....id}"
 * ```
 */
export class CallLogsWorkspace extends Construct {
  /** The created workspace; undefined when adopted. */
  readonly workspace?: LogAnalyticsWorkspace;
  /** The lock on the created workspace; undefined when adopted or when the lock kind is None. */
  readonly lock?: ManagementLock;
  readonly roleAssignments: readonly RoleAssignment[];
  /** Resource id of the workspace (a token when created). */
  readonly workspaceResourceId: string;
  /** True when the workspace was adopted by id, not created. */
  readonly adopted: boolean;

  constructor(scope: Construct, id: string, props: CallLogsWorkspaceProps) {
    super(scope, id);
    this.adopted = props.existingResourceId !== undefined;
    this.node.addValidation({ validate: () => CallLogsWorkspace.problems(props) });

    if (props.existingResourceId !== undefined) {
      this.workspaceResourceId = props.existingResourceId;
    } else {
      const name = props.name ?? "";
      this.workspace = new LogAnalyticsWorkspace(this, "workspace", {
        name,
        location: props.location,
        resourceGroupName: props.resourceGroupName,
        sku: props.sku ?? "PerGB2018",
        retentionInDays: props.retentionInDays ?? 90,
        dailyQuotaGb: props.dailyQuotaGb ?? -1,
        ...(props.reservationCapacityGbPerDay !== undefined ? { reservationCapacityInGbPerDay: props.reservationCapacityGbPerDay } : {}),
        localAuthenticationEnabled: props.localAuthenticationEnabled ?? false,
        internetIngestionEnabled: props.internetIngestionEnabled ?? true,
        internetQueryEnabled: props.internetQueryEnabled ?? true,
        lifecycle: { preventDestroy: props.preventDestroy ?? true },
      });
      if (props.logicalId) this.workspace.overrideLogicalId(props.logicalId);
      this.workspaceResourceId = this.workspace.id;
      this.lock = createLock(this, "lock", this.workspace.id, name, props.lock ?? { kind: "CanNotDelete" });
    }
    this.roleAssignments = createRoleAssignments(this, "role", this.workspaceResourceId, props.roleAssignments);
  }

  /** Every problem with `props` (empty when they are fine). */
  static problems(props: CallLogsWorkspaceProps): string[] {
    const out: string[] = [];
    if (props.existingResourceId !== undefined) {
      const idProblem = checkResourceId(props.existingResourceId, "workspace");
      if (idProblem) out.push(`existingResourceId: ${idProblem}`);
      if (props.name !== undefined) out.push("name: set together with existingResourceId (a workspace is either created or adopted) — remove one of them");
      for (const k of CREATE_ONLY) {
        if (props[k] !== undefined) out.push(`${k}: set for an adopted workspace (only a created workspace is configured here) — remove it, or create the workspace instead`);
      }
      if (props.lock !== undefined && props.lock.kind !== "None") out.push("lock: set for an adopted workspace (its owner manages locks; only a created workspace is locked here) — remove it");
      if (props.preventDestroy !== undefined) out.push("preventDestroy: set for an adopted workspace (the stack never destroys a workspace it did not create) — remove it");
      return [...out, ...roleAssignmentProblems("roleAssignments", props.roleAssignments)];
    }
    if (props.name === undefined) {
      out.push("name: missing (a workspace is created by name or adopted by existingResourceId) — set one of them");
    } else {
      const p = checkWorkspaceName(props.name);
      if (p) out.push(`name: ${p}`);
    }
    const sku = props.sku ?? "PerGB2018";
    const skuProblem = checkWorkspaceSku(sku);
    if (skuProblem) out.push(`sku: ${skuProblem}`);
    const retention = checkWorkspaceRetention(props.retentionInDays ?? 90);
    if (retention) out.push(`retentionInDays: ${retention}`);
    const quota = checkDailyQuota(props.dailyQuotaGb ?? -1);
    if (quota) out.push(`dailyQuotaGb: ${quota}`);
    const reservation = skuProblem ? undefined : checkReservation(sku, props.reservationCapacityGbPerDay);
    if (reservation) out.push(`reservationCapacityGbPerDay: ${reservation}`);
    return [...out, ...lockProblems("lock", props.lock), ...roleAssignmentProblems("roleAssignments", props.roleAssignments)];
  }
}
