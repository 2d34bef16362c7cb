import { ManagementLock } from "@cdktf/provider-azurerm/lib/management-lock";
import { RoleAssignment } from "@cdktf/provider-azurerm/lib/role-assignment";
import type { Construct } from "constructs";
import { checkLockName, GUID, LOCK_KINDS, oneOf, PRINCIPAL_TYPES, type LockKind } from "./rules.js";

/** A management lock, as the Azure Verified Modules take it. */
export interface LockProps {
  /** `CanNotDelete` (delete is refused, changes are allowed), `ReadOnly`, or `None` for no lock. */
  readonly kind: LockKind;
  /** Lock name. @default "lock-<resource name>" */
  readonly name?: string;
}

/** One role assignment on a resource, as the Azure Verified Modules take it (`role_assignments`). */
export interface RoleAssignmentProps {
  /** Object id of the user, group or service principal. */
  readonly principalId: string;
  /** A built-in or custom role name (e.g. `Log Analytics Reader`) or a role definition id (`/providers/Microsoft.Authorization/roleDefinitions/<guid>`). */
  readonly role: string;
  /** Helps Azure skip a directory lookup; required for principals created moments ago. @default unset */
  readonly principalType?: (typeof PRINCIPAL_TYPES)[number];
  readonly description?: string;
}

/** Problems of a lock prop, each prefixed with `field`. */
export function lockProblems(field: string, lock: LockProps | undefined): string[] {
  if (!lock) return [];
  const out: string[] = [];
  const kind = oneOf(lock.kind, LOCK_KINDS, "lock kind");
  if (kind) out.push(`${field}.kind: ${kind}`);
  if (lock.name !== undefined) {
    const name = checkLockName(lock.name);
    if (name) out.push(`${field}.name: ${name}`);
  }
  return out;
}

/** Problems of role-assignment props, each prefixed with `field[i]`. */
export function roleAssignmentProblems(field: string, assignments: readonly RoleAssignmentProps[] | undefined): string[] {
  const out: string[] = [];
  (assignments ?? []).forEach((a, i) => {
    if (!GUID.test(a.principalId)) {
      out.push(`${field}[${i}].principalId: ${JSON.stringify(a.principalId)} is not an object id (a GUID) — copy the object id from Microsoft Entra ID`);
    }
    if (a.role.trim() === "") out.push(`${field}[${i}].role: the role is empty — name a role, e.g. "Log Analytics Reader"`);
    if (a.principalType !== undefined) {
      const t = oneOf(a.principalType, PRINCIPAL_TYPES, "role assignment principal_type");
      if (t) out.push(`${field}[${i}].principalType: ${t}`);
    }
  });
  return out;
}

/** Creates the lock on `target` unless the kind is None. */
export function createLock(scope: Construct, id: string, target: string, resourceName: string, lock: LockProps | undefined): ManagementLock | undefined {
  if (!lock || lock.kind === "None") return undefined;
  return new ManagementLock(scope, id, {
    name: lock.name ?? `lock-${resourceName}`,
    scope: target,
    lockLevel: lock.kind,
    notes: "Managed by acs-call-insights: remove the lock (set lock.kind to None) before deleting this resource.",
  });
}

/** Creates one azurerm_role_assignment per entry, scoped to `target`. */
export function createRoleAssignments(scope: Construct, id: string, target: string, assignments: readonly RoleAssignmentProps[] | undefined): RoleAssignment[] {
  return (assignments ?? []).map(
    (a, i) =>
      new RoleAssignment(scope, `${id}_${i}`, {
        scope: target,
        principalId: a.principalId,
        ...(a.role.startsWith("/") ? { roleDefinitionId: a.role } : { roleDefinitionName: a.role }),
        ...(a.principalType ? { principalType: a.principalType } : {}),
        ...(a.description ? { description: a.description } : {}),
      }),
  );
}
