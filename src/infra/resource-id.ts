/** The parts of an Azure resource id. */
export interface ResourceIdParts {
  readonly subscriptionId: string;
  readonly resourceGroupName: string;
  readonly provider: string;
  readonly type: string;
  readonly name: string;
}

const RESOURCE_ID = /^\/subscriptions\/([0-9a-fA-F-]{36})\/resourceGroups\/([^/]+)\/providers\/([^/]+)\/([^/]+)\/([^/]+)$/i;

/** The resource types this kit adopts or points at, as `Provider/type` (matched case-insensitively). */
export const RESOURCE_TYPES = {
  communicationService: "Microsoft.Communication/communicationServices",
  workspace: "Microsoft.OperationalInsights/workspaces",
  storageAccount: "Microsoft.Storage/storageAccounts",
} as const;
export type KnownResourceType = keyof typeof RESOURCE_TYPES;

/** Splits `/subscriptions/<guid>/resourceGroups/<rg>/providers/<Provider>/<type>/<name>`; undefined if it is not one. */
export function parseResourceId(id: string): ResourceIdParts | undefined {
  const m = RESOURCE_ID.exec(id);
  if (!m) return undefined;
  const [, subscriptionId, resourceGroupName, provider, type, name] = m as unknown as [string, string, string, string, string, string];
  return { subscriptionId, resourceGroupName, provider, type, name };
}

/** undefined when `id` is a resource id of `kind`, otherwise the problem with the rule and the fix. */
export function checkResourceId(id: string, kind: KnownResourceType): string | undefined {
  const expected = RESOURCE_TYPES[kind];
  const example = `/subscriptions/<subscription-guid>/resourceGroups/<group>/providers/${expected}/<name>`;
  const parts = parseResourceId(id);
  if (!parts) return `${JSON.stringify(id)} is not an Azure resource id (expected ${example}) — copy the id from the resource's JSON view in the portal`;
  const got = `${parts.provider}/${parts.type}`;
  if (got.toLowerCase() !== expected.toLowerCase()) {
    return `${JSON.stringify(id)} is a ${got} id (expected a ${expected} id: ${example}) — pass the id of the right resource`;
  }
  return undefined;
}
