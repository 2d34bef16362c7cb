// Azure Resource Graph's `resources` table, for building and linting the workbook's
// Resource Graph parameter queries (workspace and subscription pickers) with the same
// builder and analyzer as the Log Analytics queries. Only the columns those queries need
// are listed; see learn.microsoft.com/azure/governance/resource-graph/reference/supported-tables-resources.
import { unsafeRawKql, type Expr } from "../kql/index.js";
import { col, defineTable } from "../schema/index.js";
import { placeholder, type TextParam } from "./params.js";

export const argResources = defineTable({
  name: "resources",
  category: "Azure Resource Graph",
  description: "One row per Azure resource the reader can see (Azure Resource Graph).",
  columns: {
    id: col.string("Resource ID."),
    name: col.string("Resource name."),
    type: col.string("Resource type, lower case, e.g. microsoft.operationalinsights/workspaces."),
    tenantId: col.string("Tenant of the resource."),
    kind: col.string("Resource kind."),
    location: col.string("Azure region."),
    resourceGroup: col.string("Resource group name."),
    subscriptionId: col.string("Subscription GUID."),
    properties: col.dynamic("Resource properties (JSON)."),
    tags: col.dynamic("Resource tags (JSON)."),
  },
});

/** Tables a Resource Graph query of a workbook may read. */
export const argTables = [argResources] as const;

/**
 * A text parameter's value as a quoted string literal, written inline: Resource Graph
 * queries take no `let` statements, so a placeholder cannot be bound as a parameter there.
 */
export function inlinePlaceholder(p: TextParam): Expr<"string"> {
  return unsafeRawKql(`'${placeholder(p, "escape")}'`, "string");
}
