import { CommunicationService } from "@cdktf/provider-azurerm/lib/communication-service";
import type { ManagementLock } from "@cdktf/provider-azurerm/lib/management-lock";
import type { RoleAssignment } from "@cdktf/provider-azurerm/lib/role-assignment";
import { Construct } from "constructs";
import { createLock, createRoleAssignments, lockProblems, roleAssignmentProblems, type LockProps, type RoleAssignmentProps } from "./common.js";
import { checkResourceId } from "./resource-id.js";
import { checkAcsName, checkDataLocation } from "./rules.js";

/** Props for {@link AcsResource}: create an ACS resource (`name` + `dataLocation`) or adopt one (`existingResourceId`). */
export interface AcsResourceProps {
  /** Resource group of a created resource. */
  readonly resourceGroupName: string;
  /** Name of the resource to create; also its host name (`<name>.communication.azure.com`), so it must be globally unique. */
  readonly name?: string;
  /**
   * Where ACS keeps data at rest (`Europe`, `United States`, ...; case-sensitive). Always
   * explicit: azurerm 4.x would otherwise default to "United States", and it cannot be
   * changed without replacing the resource.
   */
  readonly dataLocation?: string;
  /** Adopt an existing ACS resource instead: its resource id. Nothing is created. */
  readonly existingResourceId?: string;
  /** Management lock on a created resource. @default { kind: "None" } */
  readonly lock?: LockProps;
  /** Terraform logical id of the created resource, to pin its state address. @default derived from the construct path */
  readonly logicalId?: string;
  /** Terraform `prevent_destroy` on a created resource. @default true */
  readonly preventDestroy?: boolean;
  /** Role assignments on the resource (created or adopted). @default none */
  readonly roleAssignments?: readonly RoleAssignmentProps[];
}

/**
 * The Azure Communication Services resource whose call logs are monitored: created (with
 * `prevent_destroy` by default) or adopted by resource id. Its keys and connection strings
 * are attributes of {@link communicationService}; never put them in a non-sensitive output.
 */
export class AcsResource extends Construct {
  /** The created resource; undefined when adopted. */
  readonly communicationService?: CommunicationService;
  readonly lock?: ManagementLock;
  readonly roleAssignments: readonly RoleAssignment[];
  /** Resource id of the ACS resource (a token when created). */
  readonly resourceId: string;
  /** True when the resource was adopted by id, not created. */
  readonly adopted: boolean;

  constructor(scope: Construct, id: string, props: AcsResourceProps) {
    super(scope, id);
    this.adopted = props.existingResourceId !== undefined;
    this.node.addValidation({ validate: () => AcsResource.problems(props) });
    if (props.existingResourceId !== undefined) {
      this.resourceId = props.existingResourceId;
    } else {
      const name = props.name ?? "";
      this.communicationService = new CommunicationService(this, "acs", {
        name,
        resourceGroupName: props.resourceGroupName,
        dataLocation: props.dataLocation ?? "",
        lifecycle: { preventDestroy: props.preventDestroy ?? true },
      });
      if (props.logicalId) this.communicationService.overrideLogicalId(props.logicalId);
      this.resourceId = this.communicationService.id;
      this.lock = createLock(this, "lock", this.communicationService.id, name, props.lock);
    }
    this.roleAssignments = createRoleAssignments(this, "role", this.resourceId, props.roleAssignments);
  }

  /** Every problem with `props` (empty when they are fine). */
  static problems(props: AcsResourceProps): string[] {
    const out: string[] = [];
    if (props.existingResourceId !== undefined) {
      const idProblem = checkResourceId(props.existingResourceId, "communicationService");
      if (idProblem) out.push(`existingResourceId: ${idProblem}`);
      if (props.name !== undefined) out.push("name: set together with existingResourceId (an ACS resource is either created or adopted) — remove one of them");
      if (props.lock !== undefined && props.lock.kind !== "None") out.push("lock: set for an adopted ACS resource (only a created resource is locked here) — remove it");
      if (props.preventDestroy !== undefined) out.push("preventDestroy: set for an adopted ACS resource (the stack never destroys a resource it did not create) — remove it");
      return [...out, ...roleAssignmentProblems("roleAssignments", props.roleAssignments)];
    }
    if (props.name === undefined) out.push("name: missing (an ACS resource is created by name or adopted by existingResourceId) — set one of them");
    else {
      const p = checkAcsName(props.name);
      if (p) out.push(`name: ${p}`);
    }
    if (props.dataLocation === undefined) {
      out.push('dataLocation: missing (a created ACS resource needs an explicit data_location; azurerm 4.x would silently use "United States") — set it, e.g. "Europe"');
    } else {
      const p = checkDataLocation(props.dataLocation);
      if (p) out.push(`dataLocation: ${p}`);
    }
    return [...out, ...lockProblems("lock", props.lock), ...roleAssignmentProblems("roleAssignments", props.roleAssignments)];
  }
}
