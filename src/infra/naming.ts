import { v5 as uuidv5 } from "uuid";

/**
 * The kit's UUID v5 namespace. Never change it: every workbook and query-pack query name
 * is derived from it, so a new namespace would replace every one of them on the next deploy.
 */
export const KIT_UUID_NAMESPACE = "eb9b4720-33a1-413f-a68e-c45941291b63";

/**
 * A deterministic, lower-case UUID (RFC 9562 version 5) for `parts` joined with "/", e.g.
 * `stableUuid("workbook", "prod", "acs-call-quality")`. The same parts always give the same
 * UUID, so redeploys keep resource names (and Terraform addresses) stable.
 */
export function stableUuid(...parts: readonly string[]): string {
  return uuidv5(parts.join("/"), KIT_UUID_NAMESPACE);
}
